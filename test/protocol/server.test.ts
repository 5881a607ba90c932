import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient } from './client';

const URI = 'file:///tmp/server-test/sample.reg';
const TEXT = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]',
  '"Maximum Polling Frequency"=dword:0001d4c0',
  '"Bad"=dword:123456789',
  '"List"=hex(7):41,00,00,00,42,00,00,00,00,00',
  '',
].join('\r\n');

type Diag = { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; codeDescription?: { href: string } };

describe('protocol: language server over stdio (push diagnostics)', function () {
  this.timeout(20000);
  let client: TestClient;

  before(async () => {
    client = TestClient.start('stdio');
    const init = await client.initialize({ workspace: { configuration: true } });
    const caps = init.capabilities as { textDocumentSync: { change: number }; hoverProvider: boolean; diagnosticProvider?: unknown };
    assert.strictEqual(caps.textDocumentSync.change, 2, 'incremental document sync');
    assert.strictEqual(caps.hoverProvider, true);
    assert.strictEqual(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that does not support them');
  });

  after(async () => {
    await client.stop();
  });

  it('publishes diagnostics on open, with exact ranges and documentation links', async () => {
    const wait = client.nextDiagnostics(URI);
    await client.open(URI, TEXT);
    const p = await wait;
    const diags = p.diagnostics as Diag[];
    assert.deepStrictEqual(
      diags.map((d) => d.code),
      ['reg.dword-too-long'],
    );
    assert.deepStrictEqual(diags[0].range, { start: { line: 4, character: 12 }, end: { line: 4, character: 21 } });
    assert.strictEqual(diags[0].severity, 1);
    assert.match(diags[0].codeDescription?.href ?? '', /^file:.*\/docs\/codes\/reg\.dword-too-long\.md$/);
  });

  it('re-validates after an incremental change', async () => {
    const wait = client.nextDiagnostics(URI, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      // Remove the ninth digit: "dword:123456789" -> "dword:12345678"
      contentChanges: [{ range: { start: { line: 4, character: 20 }, end: { line: 4, character: 21 } }, text: '' }],
    });
    const p = await wait;
    assert.deepStrictEqual(p.diagnostics, []);
    const wait3 = client.nextDiagnostics(URI, (q) => q.version === 3);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Name="x"\r\n' }],
    });
    const p3 = await wait3;
    assert.deepStrictEqual((p3.diagnostics as Diag[]).map((d) => [d.code, d.range.start.line]), [['reg.value-name-unquoted', 3]]);
  });

  it('answers hover with the decoded data', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 4, character: 2 },
    })) as { contents: { kind: string; value: string } };
    assert.strictEqual(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /Maximum Polling Frequency/);
    assert.match(hover.contents.value, /120000/);
    assert.match(hover.contents.value, /Recommended:\*\* at least 60000/, 'the catalog entry is rendered');
    const list = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 6, character: 3 },
    })) as { contents: { value: string } };
    assert.match(list.contents.value, /2 strings/);
  });

  it('lists keys and values as document symbols, and folds each key', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as {
      name: string;
      children?: { name: string }[];
    }[];
    assert.strictEqual(symbols.length, 1);
    assert.match(symbols[0].name, /ParametersSystem$/);
    assert.deepStrictEqual(
      symbols[0].children?.map((c) => c.name),
      ['Maximum Polling Frequency', 'Bad', 'List'],
    );
    const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } })) as { startLine: number; endLine: number }[];
    assert.deepStrictEqual(folds, [{ startLine: 2, endLine: 6 }]);
  });

  it('applies severity overrides from the workspace configuration', async () => {
    client.configuration = { exchangeConfig: { severityOverrides: { 'reg.value-name-unquoted': 'off' } } };
    const wait = client.nextDiagnostics(URI, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const p = await wait;
    assert.deepStrictEqual(p.diagnostics, []);
    client.configuration = {};
  });

  it('keeps other documents working when one is garbage', async () => {
    const junk = 'file:///tmp/server-test/junk.reg';
    const bytes = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    const waitJunk = client.nextDiagnostics(junk);
    await client.open(junk, bytes);
    const pj = await waitJunk;
    assert.ok(pj.diagnostics.length > 0);
    const other = 'file:///tmp/server-test/other.reg';
    const waitOther = client.nextDiagnostics(other);
    await client.open(other, 'REGEDIT4\n[HKEY_CURRENT_USER\\A]\n"x"=dword:1\n');
    assert.deepStrictEqual((await waitOther).diagnostics, []);
  });

  it('offers quick fixes for the diagnostics it reported, and a fix-all', async () => {
    const uri = 'file:///tmp/server-test/fixes.reg';
    const text = ['Windows Registry Editor Version 5.00', '', '[HKLM\\SOFTWARE\\Test]', '"p"="C:\\Temp"', '"d"=dword:0x10', ''].join('\r\n');
    const wait = client.nextDiagnostics(uri);
    await client.open(uri, text);
    const diags = (await wait).diagnostics as Diag[];
    // The value under [HKLM\...] is listed by the key line's finding, not reported again.
    assert.deepStrictEqual(diags.map((d) => d.code), ['reg.key-abbreviated-root', 'reg.string-unknown-escape', 'reg.dword-invalid']);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: [diags[0]] },
    })) as { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[];
    // The fix, then the two suppressions (test/protocol/suppress.test.ts).
    assert.deepStrictEqual(actions.map((a) => a.title), ['Write HKEY_LOCAL_MACHINE', 'Suppress reg.key-abbreviated-root on this line', 'Suppress reg.key-abbreviated-root in this file']);
    assert.strictEqual(actions[0].kind, 'quickfix');
    assert.strictEqual(actions[0].isPreferred, true);
    assert.deepStrictEqual(actions[0].edit.changes[uri], [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 5 } }, newText: 'HKEY_LOCAL_MACHINE' }]);
    const all = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as { kind: string; edit: { changes: Record<string, unknown[]> } }[];
    assert.strictEqual(all.length, 1);
    assert.strictEqual(all[0].kind, 'source.fixAll.exchange-config');
    assert.strictEqual(all[0].edit.changes[uri].length, 3);
    const stale = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: [{ ...diags[0], range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } } }] },
    })) as unknown[];
    assert.deepStrictEqual(stale, [], 'no fix for a diagnostic the current text does not have');
  });

  it('clears diagnostics when a document is closed', async () => {
    const wait = client.nextDiagnostics(URI, (p) => p.diagnostics.length === 0 && p.version === undefined);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await wait;
  });
});

describe('protocol: pull diagnostics and node IPC', function () {
  this.timeout(20000);
  let client: TestClient;

  before(async () => {
    client = TestClient.start('ipc');
    const init = await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics offered to a client that supports them');
  });

  after(async () => {
    await client.stop();
  });

  it('survives a settings change when the client cannot be asked to refresh', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { kind: string };
    assert.strictEqual(report.kind, 'full');
    assert.strictEqual(client.process.exitCode, null);
  });

  it('answers textDocument/diagnostic', async () => {
    await client.open(URI, TEXT);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { kind: string; items: Diag[] };
    assert.strictEqual(report.kind, 'full');
    assert.deepStrictEqual(
      report.items.map((d) => d.code),
      ['reg.dword-too-long'],
    );
    assert.strictEqual(client.diagnostics.get(URI), undefined, 'nothing pushed when the client pulls');
  });
});

describe('protocol: Setup answer-file catalogs from exchangeConfig.setupCatalogFiles', function () {
  this.timeout(20000);
  let client: TestClient;
  let dir: string;
  const INI = 'file:///tmp/server-test/setup.ini';
  const messages: string[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-setup-'));
    const source = [{ document: 'Contoso build standard', section: '3.1' }];
    fs.writeFileSync(
      path.join(dir, 'contoso.json'),
      JSON.stringify({
        version: 1,
        notes: [],
        sections: [
          { name: 'Contoso', format: 'exchange55', description: 'Contoso settings.', confidence: 'low', sources: source, keys: [{ name: 'BuildTag', type: 'text', description: 'The Contoso build tag.', confidence: 'low', sources: source }] },
        ],
      }),
    );
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"version": 1}');
    client = TestClient.start('stdio');
    client.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      messages.push(p.message);
      return null;
    });
    client.configuration = { exchangeConfig: { setupCatalogFiles: [path.join(dir, 'contoso.json'), path.join(dir, 'broken.json')] } };
    await client.initialize({ workspace: { configuration: true } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uses the valid catalog, and reports the malformed one once', async () => {
    const wait = client.nextDiagnostics(INI);
    await client.open(INI, '[Paths]\r\nServerDest=C:\\exchsrvr\r\n[Contoso]\r\nBuildTag=x\r\n', 'setupini');
    const p = await wait;
    assert.deepStrictEqual((p.diagnostics as Diag[]).map((d) => d.code), []);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: INI }, position: { line: 3, character: 2 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /The Contoso build tag/);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: INI }, position: { line: 3, character: 2 } });
    const broken = messages.filter((m) => /broken\.json is not used/.test(m));
    assert.ok(broken.length > 0 && new Set(broken).size === broken.length, `each problem once:\n${messages.join('\n')}`);
    assert.match(broken[0], /^Setup answer-file catalog .*broken\.json is not used: \(top level\) must have required property 'notes'\. The built-in catalog still applies\.$/);
  });
});

describe('protocol: which setup.ini files are Exchange answer files (exchangeConfig.forceAnswerFile)', function () {
  this.timeout(20000);
  let client: TestClient;
  const OTHER = 'file:///tmp/server-test/viewer/Setup.ini';
  const EXCHANGE = 'file:///tmp/server-test/mail01/answers.ini';
  // An installer's own Setup.ini: no Exchange key, and a path without a drive letter.
  const OTHER_TEXT = '[Setup]\r\nProduct=Contoso Viewer\r\nDestinationDir=Program Files\\Viewer\r\n[Components]\r\nServices=True\r\n';

  before(async () => {
    client = TestClient.start('stdio');
    await client.initialize({ workspace: { configuration: true } });
  });

  after(async () => {
    await client.stop();
  });

  it('leaves another product\'s Setup.ini alone: no diagnostics, no hover', async () => {
    const wait = client.nextDiagnostics(OTHER);
    await client.open(OTHER, OTHER_TEXT, 'setupini');
    assert.deepStrictEqual((await wait).diagnostics, []);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: OTHER }, position: { line: 3, character: 3 } });
    assert.strictEqual(hover, null);
  });

  it('takes an .ini of VS Code\'s ini language whose content shows an Exchange answer file', async () => {
    const wait = client.nextDiagnostics(EXCHANGE);
    await client.open(EXCHANGE, '[Paths]\r\nServerDest=exchsrvr\r\n', 'ini');
    assert.deepStrictEqual(((await wait).diagnostics as Diag[]).map((d) => d.code), ['setupini.invalid-path']);
  });

  it('checks every setupini document when exchangeConfig.forceAnswerFile is on', async () => {
    client.configuration = { exchangeConfig: { forceAnswerFile: true } };
    const wait = client.nextDiagnostics(OTHER, (p) => p.diagnostics.length > 0);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepStrictEqual(((await wait).diagnostics as Diag[]).map((d) => d.code), ['setupini.unknown-section', 'setupini.no-license-mode']);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: OTHER }, position: { line: 3, character: 3 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /\*\*\[Components\]\*\*/);
    client.configuration = {};
  });
});
