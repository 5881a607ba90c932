import * as assert from 'assert';
import { TestClient } from './client';

const URI = 'file:///tmp/ldif-test/contoso.ldf';
const TEXT = [
  'dn: CN=Paris Office,OU=Distribution Groups,DC=contoso,DC=com',
  'changetype: add',
  'msExchDynamicDLFilter: (&(mailNickname=*)(objectCategory=',
  '',
  'dn: CN=First Storage Group,CN=InformationStore,CN=S1,CN=Servers,DC=contoso,DC=com',
  'changetype: modify',
  'replace: msExchESEParamLogBuffers',
  'msExchESEParamLogBuffers: 9000',
  '-',
  '',
].join('\r\n');

interface Item {
  label: string;
  kind?: number;
  textEdit?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  insertTextFormat?: number;
  filterText?: string;
}

describe('protocol: LDIF completion and hover', function () {
  this.timeout(20000);
  let client: TestClient;

  before(async () => {
    client = TestClient.start('stdio');
    await client.initialize({});
    await client.open(URI, TEXT, 'ldif');
  });

  after(async () => {
    await client.stop();
  });

  async function complete(line: number, character: number): Promise<Item[]> {
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line, character } })) as Item[] | { items: Item[] } | null;
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  it('answers the filter language\'s values inside msExchDynamicDLFilter, and the change types after changetype:', async () => {
    const values = await complete(2, TEXT.split('\r\n')[2].length);
    const person = values.find((i) => i.label === 'person')!;
    assert.strictEqual(person.kind, 20, 'CompletionItemKind.EnumMember');
    assert.deepStrictEqual(person.textEdit, { range: { start: { line: 2, character: 57 }, end: { line: 2, character: 57 } }, newText: 'person' });
    const types = await complete(1, 'changetype: a'.length);
    assert.deepStrictEqual(
      types.map((i) => i.label),
      ['add', 'delete', 'modify', 'modrdn', 'moddn'],
    );
    assert.deepStrictEqual(types[2].textEdit, { range: { start: { line: 1, character: 12 }, end: { line: 1, character: 15 } }, newText: 'modify' });
  });

  it('hovers the attribute of a replace: line', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 6, character: 12 } })) as { contents: { kind: string; value: string }; range: unknown } | null;
    assert.ok(hover);
    assert.match(hover.contents.value, /msExchESEParamLogBuffers/);
    assert.deepStrictEqual(hover.range, { start: { line: 6, character: 9 }, end: { line: 6, character: 33 } });
  });
});
