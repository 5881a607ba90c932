import * as assert from 'assert';
import { TestClient } from './client';

const URI = 'file:///tmp/completion-test/owa.reg';
const TEXT = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeWeb\\OWA]',
  '"KeyInterval"=dword:0000003c',
  '',
  '"DisableAttachments"=dword:',
  '',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]',
  '',
  '',
].join('\r\n');

interface Item {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  textEdit?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  insertTextFormat?: number;
  filterText?: string;
  sortText?: string;
  tags?: number[];
}

describe('protocol: completion', function () {
  this.timeout(20000);
  let client: TestClient;

  before(async () => {
    client = TestClient.start('stdio');
    const init = await client.initialize({});
    const caps = init.capabilities as { completionProvider?: { triggerCharacters?: string[]; resolveProvider?: boolean } };
    assert.deepStrictEqual(caps.completionProvider, { triggerCharacters: ['[', '\\', '"', ':', '/', '='], resolveProvider: false });
    await client.open(URI, TEXT);
  });

  after(async () => {
    await client.stop();
  });

  async function complete(line: number, character: number, uri = URI): Promise<Item[]> {
    const result = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
    })) as Item[] | { items: Item[] } | null;
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  it('answers value names under a key the catalog knows, as snippets with markdown documentation', async () => {
    const items = await complete(4, 0);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('EnableFreedocs'));
    assert.ok(!labels.includes('KeyInterval'), 'the section sets KeyInterval already');
    assert.ok(!labels.includes('DisableAttachments'), 'the section sets DisableAttachments already');
    const da = items.find((i) => i.label === 'EnableFreedocs')!;
    assert.strictEqual(da.kind, 10, 'CompletionItemKind.Property');
    assert.strictEqual(da.insertTextFormat, 2, 'InsertTextFormat.Snippet');
    assert.deepStrictEqual(da.textEdit, {
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
      newText: '"EnableFreedocs"=dword:${1|00000000,00000001,00000002,00000003|}',
    });
    assert.strictEqual(da.documentation?.kind, 'markdown');
    assert.match(da.documentation?.value ?? '', /\*\*Values:\*\*/);
    const level1 = items.find((i) => i.label === 'Level1FileTypes')!;
    assert.strictEqual(level1.insertTextFormat, 2);
  });

  it('tags obsolete Exchange 2000 tuning as deprecated', async () => {
    const items = await complete(8, 0);
    const imp = items.find((i) => i.label === 'Initial Memory Percentage');
    assert.ok(imp, 'Initial Memory Percentage offered');
    assert.deepStrictEqual(imp.tags, [1], 'CompletionItemTag.Deprecated');
    const mpf = items.find((i) => i.label === 'Maximum Polling Frequency')!;
    assert.strictEqual(mpf.tags, undefined);
  });

  it('answers the documented values after dword:', async () => {
    const items = await complete(5, '"DisableAttachments"=dword:'.length);
    assert.deepStrictEqual(
      items.map((i) => [i.label, i.kind, i.insertTextFormat]),
      [
        ['00000000', 20, 1],
        ['00000001', 20, 1],
        ['00000002', 20, 1],
      ],
    );
    assert.match(items[2].detail ?? '', /back-end/);
  });

  it('answers key path segments, and nothing for unknown documents', async () => {
    const items = await complete(7, '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\'.length);
    assert.ok(items.some((i) => i.label === 'ParametersSystem' && i.kind === 9 /* Module */));
    assert.deepStrictEqual(await complete(0, 0, 'file:///tmp/completion-test/not-open.reg'), []);
  });
});
