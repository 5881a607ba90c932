/**
 * The project configuration file .exchange-config.json in the language server: the same project gives the same
 * diagnostics as exchange-config-lint, the file's problems are published on it, a change on disk applies, and
 * relative paths resolve against the right folder of a multi-root workspace.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { decodeBytes } from '../../server/src/core/encoding';
import { JsonResult, lint } from '../helpers/cli';
import { TestClient } from './client';

const ROOT = path.join(__dirname, '..', '..', '..');
const V5 = 'Windows Registry Editor Version 5.00';
const E2K_TUNING = `${V5}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]\r\n"MPHeap parallelism"="8"\r\n`;

type Finding = [number, number, number, number, string, string, string];

/** A diagnostic as [start line, start character, end line, end character, severity, code, message]. */
function lspFinding(d: PublishDiagnosticsParams['diagnostics'][number]): Finding {
  const severity = ['', 'error', 'warning', 'information', 'hint'][d.severity ?? 1];
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, severity, String(d.code), d.message];
}

function cliFinding(d: JsonResult['diagnostics'][number]): Finding {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.code, d.message];
}

function languageOf(file: string): string {
  if (/boot\.ini$/i.test(file)) return 'bootini';
  return { '.reg': 'reg', '.ldapfilter': 'ldapfilter', '.ldf': 'ldif', '.ini': 'setupini' }[path.extname(file).toLowerCase()] ?? 'plaintext';
}

describe('protocol: the project configuration file', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient | undefined;
  const write = (rel: string, content: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };
  const uri = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-proto-config-')));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same diagnostics as exchange-config-lint for the same project', async () => {
    write('.exchange-config.json', [
      '{',
      '  // Exchange 2003 servers, a folder of Exchange 2000 servers, an archive that is not checked',
      '  "exchangeVersion": "2003",',
      '  "severityOverrides": { "reg.discouraged-setting": "hint", "reg.duplicate-kee": "off" },',
      '  "ignorePatterns": ["archive/"],',
      '  "bootIniFor": { "exports/MAIL01": "servers/MAIL01/boot.ini" },',
      '  "overrides": [{ "files": ["e2k/"], "exchangeVersion": "2000" }]',
      '}',
      '',
    ].join('\n'));
    write('exports/MAIL01/services.reg', fs.readFileSync(path.join(ROOT, 'examples', 'exchange2000-upgrade', 'MAILSRV01-services.reg')));
    write('servers/MAIL01/boot.ini', fs.readFileSync(path.join(ROOT, 'examples', 'exchange2000-upgrade', 'boot.ini')));
    write('e2k/MAIL02.reg', E2K_TUNING);
    write('e2003/MAIL03.reg', E2K_TUNING);
    write('archive/MAIL04.reg', E2K_TUNING);
    write('filters/marketing.ldapfilter', fs.readFileSync(path.join(ROOT, 'examples', 'qbdg', 'marketing-fulltime.ldapfilter')));

    const cwd = process.cwd();
    let cli: ReturnType<typeof lint>;
    try {
      process.chdir(dir);
      cli = lint(['--format', 'json', '.']);
    } finally {
      process.chdir(cwd);
    }
    const expected = new Map<string, Finding[]>((JSON.parse(cli.out) as JsonResult[]).map((r) => [uri(r.file), r.diagnostics.map(cliFinding)]));
    // The CLI reports the configuration file's problem as a result of its own (exit 2), and skips the ignored file.
    assert.strictEqual(cli.code, 2);
    assert.deepStrictEqual([...expected.keys()].sort(), ['.exchange-config.json', 'e2003/MAIL03.reg', 'e2k/MAIL02.reg', 'exports/MAIL01/services.reg', 'filters/marketing.ldapfilter', 'servers/MAIL01/boot.ini'].map(uri).sort());
    assert.ok(expected.get(uri('exports/MAIL01/services.reg'))!.some((f) => f[5] === 'cross.memory-config'), 'the boot.ini is paired through bootIniFor');

    client = TestClient.start();
    await client.initialize({}, undefined, [{ uri: pathToFileURL(dir).href, name: 'project' }]);
    const files = ['exports/MAIL01/services.reg', 'servers/MAIL01/boot.ini', 'e2k/MAIL02.reg', 'e2003/MAIL03.reg', 'archive/MAIL04.reg', 'filters/marketing.ldapfilter'];
    const got = new Map<string, Finding[]>();
    const config = client.nextDiagnostics(uri('.exchange-config.json'));
    for (const f of files) {
      const published = client.nextDiagnostics(uri(f));
      // As the editor shows it: decoded from its encoding (UTF-16LE for the export).
      await client.open(uri(f), decodeBytes(fs.readFileSync(path.join(dir, f))).text, languageOf(f));
      got.set(uri(f), (await published).diagnostics.map(lspFinding));
    }
    got.set(uri('.exchange-config.json'), (await config).diagnostics.map(lspFinding));
    // The ignored file gets none in the editor, and is not checked by the CLI.
    assert.deepStrictEqual(got.get(uri('archive/MAIL04.reg')), []);
    got.delete(uri('archive/MAIL04.reg'));
    assert.deepStrictEqual(new Map([...got].sort()), new Map([...expected].sort()));
  });

  it('publishes a syntax error on the file, checks with the defaults meanwhile, and applies the fixed file once it changes on disk', async () => {
    write('.exchange-config.json', '{ "exchangeVersion": "2000" "serverRole": "mailbox" }');
    write('MAIL01.reg', E2K_TUNING);
    client = TestClient.start();
    await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, undefined, [{ uri: pathToFileURL(dir).href, name: 'project' }]);
    const config = client.nextDiagnostics(uri('.exchange-config.json'));
    const first = client.nextDiagnostics(uri('MAIL01.reg'));
    await client.open(uri('MAIL01.reg'), E2K_TUNING);
    assert.deepStrictEqual((await config).diagnostics.map(lspFinding), [[0, 28, 0, 40, 'error', 'config.syntax-error', 'Not valid JSON here (a comma is expected): the file is not used until this is fixed.']]);
    assert.deepStrictEqual((await first).diagnostics.map((d) => d.code), ['reg.deprecated-e2k-tuning']);

    write('.exchange-config.json', '{ "exchangeVersion": "2000", "serverRole": "mailbox" }');
    const cleared = client.nextDiagnostics(uri('.exchange-config.json'));
    const again = client.nextDiagnostics(uri('MAIL01.reg'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.exchange-config.json'), type: 2 }] });
    assert.deepStrictEqual((await cleared).diagnostics, []);
    assert.deepStrictEqual((await again).diagnostics, []);
  });

  it('publishes the problems of a configuration file opened on its own', async () => {
    write('.exchange-config.json', '{\n  "severityOverrides": { "reg.duplicate-kee": "off" }\n}\n');
    client = TestClient.start();
    await client.initialize({}, undefined, [{ uri: pathToFileURL(dir).href, name: 'project' }]);
    const config = client.nextDiagnostics(uri('.exchange-config.json'), (p) => p.diagnostics.length > 0);
    await client.open(uri('.exchange-config.json'), fs.readFileSync(path.join(dir, '.exchange-config.json'), 'utf8'), 'jsonc');
    assert.deepStrictEqual((await config).diagnostics.map(lspFinding), [
      [1, 25, 1, 44, 'error', 'config.invalid-setting', 'Unknown diagnostic code "reg.duplicate-kee" (did you mean reg.duplicate-key?): this severity override is not used.'],
    ]);
  });

  it('reads a relative catalog path of the second folder of a multi-root workspace from that folder', async () => {
    const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'data', 'catalog', 'registry.json'), 'utf8')) as { entries: { names?: string[] }[] };
    const entry = catalog.entries.find((e) => e.names?.includes('MPHeap parallelism'));
    write('second/standards.json', JSON.stringify({ ...catalog, entries: [{ ...entry, status: 'current' }] }));
    write('second/MAIL01.reg', E2K_TUNING);
    fs.mkdirSync(path.join(dir, 'first'));
    client = TestClient.start();
    const messages: string[] = [];
    client.collectMessages(messages);
    const second = pathToFileURL(path.join(dir, 'second')).href;
    // The folder settings of the second folder name the catalog relative to it; the first folder has none.
    client.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((i) => (i.scopeUri?.startsWith(`${second}/`) ? { catalogFiles: ['standards.json'], workspacePathSettings: ['catalogFiles'] } : {})),
    );
    await client.initialize({ workspace: { configuration: true } }, undefined, [
      { uri: pathToFileURL(path.join(dir, 'first')).href, name: 'first' },
      { uri: second, name: 'second' },
    ]);
    const published = client.nextDiagnostics(uri('second/MAIL01.reg'));
    await client.open(uri('second/MAIL01.reg'), E2K_TUNING);
    // The organisation's entry (current, for Exchange 2000) replaced the built-in one (deprecated).
    assert.deepStrictEqual((await published).diagnostics.map((d) => d.code), ['reg.not-for-this-version']);
    assert.deepStrictEqual(messages.filter((m) => /catalog/i.test(m)), []);
  });
});
