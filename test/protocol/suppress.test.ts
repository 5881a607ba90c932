import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from './client';
import { JsonResult, lint } from '../helpers/cli';
import { PROJECT, writeProject } from '../helpers/suppressProject';

type LspDiag = { code: string; severity: number; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; relatedInformation?: unknown[] };
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** What both hosts must agree on, one line per diagnostic. */
function show(d: { code: string; severity: string; message: string; range: LspDiag['range']; related: number }): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} (${d.related} related) ${d.message}`;
}

describe('protocol: suppression comments', function () {
  this.timeout(20000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-suppress-'));
    writeProject(dir);
    client = TestClient.start('stdio');
    await client.initialize({}, undefined, [{ uri: pathToFileURL(dir).href, name: 'project' }]);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the language server and the command line give the same diagnostics for the same project (suppression comments and a configuration file)', async () => {
    const cli = JSON.parse(lint(['--format', 'json', dir]).out) as (JsonResult & { diagnostics: { relatedInformation?: unknown[] }[] })[];
    const fromCli = new Map(cli.map((f) => [path.basename(f.file), f.diagnostics.map((d) => show({ ...d, related: d.relatedInformation?.length ?? 0 }))]));
    // The boot.ini first, so that the export is checked against it (the memory check needs both).
    const names = ['boot.ini', ...Object.keys(PROJECT).filter((n) => n !== 'boot.ini')];
    const fromServer = new Map<string, string[]>();
    for (const name of names) {
      const uri = pathToFileURL(path.join(dir, name)).href;
      const wait = client.nextDiagnostics(uri);
      await client.open(uri, PROJECT[name].text, PROJECT[name].languageId);
      const diags = (await wait).diagnostics as LspDiag[];
      fromServer.set(name, diags.map((d) => show({ ...d, severity: SEVERITY[d.severity], related: d.relatedInformation?.length ?? 0 })));
    }
    assert.deepStrictEqual(fromServer, fromCli);
    // Not trivially equal: the files have findings left and findings on their directives, and the configuration file
    // applies (a warning instead of the dword error; no global catalog finding on the filter).
    assert.ok(fromServer.get('memory.reg')!.some((l) => l.includes('suppression.unused')));
    assert.ok(fromServer.get('memory.reg')!.some((l) => l.includes('warning reg.dword-too-long')));
    assert.deepStrictEqual(fromServer.get('sales.ldapfilter'), []);
    assert.ok(!fromServer.get('memory.reg')!.some((l) => l.includes('cross.memory-config')));
    // Without its directive the same export has the memory finding: the directive is what silenced it.
    const uri = pathToFileURL(path.join(dir, 'unsuppressed.reg')).href;
    const wait = client.nextDiagnostics(uri);
    await client.open(uri, PROJECT['memory.reg'].text.replace(/; exchange-config-disable-next-line cross\.memory-config[^\r]*\r\n/, ''));
    assert.ok(((await wait).diagnostics as LspDiag[]).some((d) => d.code === 'cross.memory-config'));
  });

  it('offers the suppression quick fixes, never in Fix All, and Fix All leaves suppressed findings alone', async () => {
    const uri = pathToFileURL(path.join(dir, 'fix.reg')).href;
    const text = ['Windows Registry Editor Version 5.00', '', '; exchange-config-disable-next-line reg.key-trailing-blank', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A ]', '"d"=dword:0x10', ''].join('\r\n');
    const wait = client.nextDiagnostics(uri);
    await client.open(uri, text);
    const diags = (await wait).diagnostics as LspDiag[];
    assert.deepStrictEqual(diags.map((d) => d.code), ['reg.dword-invalid']);
    type Action = { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, { range: LspDiag['range']; newText: string }[]> } };
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: [diags[0]] } })) as Action[];
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred, a.edit.changes[uri]]),
      [
        ['Remove the 0x prefix', 'quickfix', true, actions[0].edit.changes[uri]],
        ['Suppress reg.dword-invalid on this line', 'quickfix', undefined, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '; exchange-config-disable-next-line reg.dword-invalid\r\n' }]],
        ['Suppress reg.dword-invalid in this file', 'quickfix', undefined, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '; exchange-config-disable reg.dword-invalid\r\n' }]],
      ],
    );
    const all = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: [], only: ['source.fixAll'] } })) as Action[];
    assert.deepStrictEqual(all[0].edit.changes[uri], actions[0].edit.changes[uri], 'only the 0x prefix: the suppressed blank before "]" stays');
  });
});
