import * as assert from 'assert';
import { TestClient } from './client';

const URI = 'file:///tmp/server-test/BOOT.INI';
const TEXT = [
  '[boot loader]',
  'timeout=30',
  'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS',
  '[operating systems]',
  'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect /3GB',
  '',
].join('\r\n');

type Diag = { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; codeDescription?: { href: string } };
type Action = { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, { range: unknown; newText: string }[]> } };

describe('protocol: boot.ini over stdio', function () {
  this.timeout(20000);
  let client: TestClient;

  before(async () => {
    client = TestClient.start('stdio');
    await client.initialize({ workspace: { configuration: true } });
    client.configuration = { exchangeConfig: { serverRole: 'mailbox' } };
  });

  after(async () => {
    await client.stop();
  });

  it('validates a boot.ini opened as bootini, offers the /USERVA fix, hover, completion and symbols', async () => {
    const wait = client.nextDiagnostics(URI);
    await client.open(URI, TEXT, 'bootini');
    const diags = (await wait).diagnostics as Diag[];
    assert.deepStrictEqual(diags.map((d) => d.code), ['bootini.3gb-without-userva']);
    assert.match(diags[0].codeDescription?.href ?? '', /^file:.*\/docs\/codes\/bootini\.3gb-without-userva\.md$/);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diags[0].range,
      context: { diagnostics: [diags[0]] },
    })) as Action[];
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [['Add /USERVA=3030', true]],
    );
    assert.deepStrictEqual(actions[0].edit.changes[URI], [{ range: { start: { line: 4, character: 94 }, end: { line: 4, character: 94 } }, newText: ' /USERVA=3030' }]);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 4, character: 92 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /event 9665/);
    // At the end of /3GB: the switch being typed is replaced by the chosen one; /FASTDETECT is already on the entry.
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 4, character: 94 } })) as {
      label: string;
      textEdit: { range: unknown };
    }[];
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('/3GB') && labels.includes('/USERVA') && !labels.includes('/FASTDETECT'));
    assert.deepStrictEqual(items[0].textEdit.range, { start: { line: 4, character: 90 }, end: { line: 4, character: 94 } });
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as { name: string; children?: { name: string }[] }[];
    assert.deepStrictEqual(symbols.map((s) => s.name), ['[boot loader]', '[operating systems]']);
    assert.deepStrictEqual(symbols[1].children?.map((c) => c.name), ['Windows Server 2003, Enterprise']);
  });

  it('recognises boot.ini by its name when the editor calls it something else', async () => {
    const uri = 'file:///tmp/server-test/other/boot.ini';
    const wait = client.nextDiagnostics(uri);
    await client.open(uri, TEXT.replace(' /3GB', ''), 'ini');
    // The configured role is mailbox: the default entry has no /3GB.
    assert.deepStrictEqual(((await wait).diagnostics as Diag[]).map((d) => d.code), ['bootini.missing-3gb']);
  });
});
