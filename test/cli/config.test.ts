/** exchange-config-lint and the project configuration file .exchange-config.json. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JsonResult, lint } from '../helpers/cli';

const ROOT = path.join(__dirname, '..', '..', '..');
const V5 = 'Windows Registry Editor Version 5.00';
/** One value that is Exchange 2000 tuning: a warning from Exchange 2003 on, nothing for Exchange 2000. */
const E2K_TUNING = `${V5}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]\r\n"MPHeap parallelism"="8"\r\n`;
const SERVICES_REG = fs.readFileSync(path.join(ROOT, 'examples', 'exchange2000-upgrade', 'MAILSRV01-services.reg'));
const BOOT_INI = fs.readFileSync(path.join(ROOT, 'examples', 'exchange2000-upgrade', 'boot.ini'));

/** Each file's diagnostics as "line:col code" (1-based), by file name with / separators. */
function findings(out: string): Record<string, string[]> {
  const results = JSON.parse(out) as JsonResult[];
  return Object.fromEntries(results.map((r) => [r.file.split(path.sep).join('/'), r.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`)]));
}

describe('cli: the project configuration file', () => {
  let dir: string;
  let cwd: string;
  const write = (rel: string, content: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };
  beforeEach(() => {
    cwd = process.cwd();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-config-'));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies the nearest file upward, with an override for a folder of Exchange 2000 servers', () => {
    write('repo/.exchange-config.json', '{\n  // the servers run Exchange 2003\n  "exchangeVersion": "2003",\n  "overrides": [{ "files": ["e2k/"], "exchangeVersion": "2000" }]\n}\n');
    write('repo/e2k/MAIL01.reg', E2K_TUNING);
    write('repo/e2003/MAIL02.reg', E2K_TUNING);
    const r = lint(['--format', 'json', 'repo']);
    assert.deepStrictEqual(findings(r.out), { 'repo/e2003/MAIL02.reg': ['4:1 reg.deprecated-e2k-tuning'], 'repo/e2k/MAIL01.reg': [] });
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err, '');
  });

  it('uses only the nearest file (files are not merged), and looks no higher than the folder holding .git', () => {
    write('.exchange-config.json', '{ "exchangeVersion": "2000" }');
    write('repo/.git/HEAD', 'ref: refs/heads/main\n');
    write('repo/MAIL01.reg', E2K_TUNING);
    write('other/MAIL02.reg', E2K_TUNING);
    write('other/sub/.exchange-config.json', '{ "serverRole": "mailbox" }');
    write('other/sub/MAIL03.reg', E2K_TUNING);
    const r = lint(['--format', 'json', 'repo', 'other']);
    assert.deepStrictEqual(findings(r.out), {
      // Above .git: not used, the built-in default (2003) applies.
      'repo/MAIL01.reg': ['4:1 reg.deprecated-e2k-tuning'],
      'other/MAIL02.reg': [],
      // The nearest file sets no version: the default, not the file above it.
      'other/sub/MAIL03.reg': ['4:1 reg.deprecated-e2k-tuning'],
    });
  });

  it('skips the files of ignorePatterns, relative to the file\'s folder', () => {
    write('repo/.exchange-config.json', '{ "ignorePatterns": ["archive/", "*.old.reg"] }');
    write('repo/archive/MAIL01.reg', E2K_TUNING);
    write('repo/MAIL02.old.reg', E2K_TUNING);
    write('repo/MAIL03.reg', E2K_TUNING);
    const r = lint(['--format', 'json', 'repo']);
    assert.deepStrictEqual(Object.keys(findings(r.out)), ['repo/MAIL03.reg']);
    assert.strictEqual(r.code, 0);
  });

  it('reads relative catalog paths from the configuration file\'s folder, wherever the linter runs', () => {
    const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'data', 'catalog', 'registry.json'), 'utf8')) as { entries: { names?: string[]; status?: string }[] };
    const entry = catalog.entries.find((e) => e.names?.includes('MPHeap parallelism'));
    assert.ok(entry, 'the built-in catalog has the value');
    write('repo/standards/registry.json', JSON.stringify({ ...catalog, entries: [{ ...entry, status: 'current' }] }));
    write('repo/.exchange-config.json', '{ "catalogFiles": ["standards/registry.json"] }');
    write('repo/servers/MAIL01.reg', E2K_TUNING);
    process.chdir(path.join(dir, 'repo', 'servers'));
    const r = lint(['--format', 'json', 'MAIL01.reg']);
    assert.strictEqual(r.err, '');
    // The organisation's entry (current, for Exchange 2000) replaced the built-in one (deprecated).
    assert.deepStrictEqual(findings(r.out), { 'MAIL01.reg': ['4:1 reg.not-for-this-version'] });
    process.chdir(dir);
    assert.deepStrictEqual(findings(lint(['--format', 'json', '--no-config', 'repo/servers/MAIL01.reg']).out), { 'repo/servers/MAIL01.reg': ['4:1 reg.deprecated-e2k-tuning'] });
  });

  it('reports a configuration file with an error at its position (exit 2) and keeps checking with what is valid', () => {
    write('repo/.exchange-config.json', '{\n  "exchangeVersion": "2005",\n  "severityOverrides": { "reg.deprecated-e2k-tuning": "error" }\n}\n');
    write('repo/MAIL01.reg', E2K_TUNING);
    const r = lint(['--format', 'json', 'repo']);
    const results = JSON.parse(r.out) as JsonResult[];
    assert.deepStrictEqual(
      results.map((x) => [x.file.split(path.sep).join('/'), x.languageId, x.diagnostics.map((d) => [d.range, d.severity, d.code, d.message])]),
      [
        ['repo/.exchange-config.json', 'jsonc', [[{ start: { line: 1, character: 21 }, end: { line: 1, character: 27 } }, 'error', 'config.invalid-setting', '"2005" is not a value of exchangeVersion (2000, 2003, 2003sp1, 2003sp2): the setting is not used.']]],
        // The default version (2003) applies; the severity override, which is valid, too.
        ['repo/MAIL01.reg', 'reg', [[{ start: { line: 3, character: 0 }, end: { line: 3, character: 20 } }, 'error', 'reg.deprecated-e2k-tuning', results[1].diagnostics[0]?.message]]],
      ],
    );
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.err, `exchange-config-lint: ${path.join('repo', '.exchange-config.json')}: 1 problem in the configuration file (see the report); what is in error is not used\n`);
  });

  it('does not use a file with a syntax error at all, and says where it is in the text output', () => {
    write('.exchange-config.json', '{ "exchangeVersion": "2000" "serverRole": "mailbox" }');
    write('MAIL01.reg', E2K_TUNING);
    const r = lint(['MAIL01.reg']);
    assert.strictEqual(
      r.out,
      [
        '.exchange-config.json:1:29 error config.syntax-error Not valid JSON here (a comma is expected): the file is not used until this is fixed.',
        'MAIL01.reg:4:1 warning reg.deprecated-e2k-tuning "MPHeap parallelism" is Exchange 2000 tuning: Exchange 2003 calculates the optimum number of ESE heaps itself. Delete the value (in a .reg file: "MPHeap parallelism"=-). Then restart the Microsoft Exchange Information Store service (MSExchangeIS).',
        '1 error, 1 warning, 0 information, 0 hints in 2 files',
        '',
      ].join('\n'),
    );
    assert.strictEqual(r.code, 2);
  });

  it('lets options on the command line win over the file, uses --config FILE for every file, and reads none with --no-config', () => {
    write('repo/.exchange-config.json', '{ "exchangeVersion": "2000", "severityOverrides": { "reg.deprecated-e2k-tuning": "error" } }');
    write('shared/team.json', '{ "exchangeVersion": "2000" }');
    write('repo/MAIL01.reg', E2K_TUNING);
    assert.deepStrictEqual(findings(lint(['--format', 'json', 'repo']).out), { 'repo/MAIL01.reg': [] });
    const flagged = lint(['--format', 'json', '--exchange-version', '2003', 'repo']);
    assert.deepStrictEqual((JSON.parse(flagged.out) as JsonResult[])[0].diagnostics.map((d) => [d.code, d.severity]), [['reg.deprecated-e2k-tuning', 'error']]);
    const severity = lint(['--format', 'json', '--exchange-version', '2003', '--severity', 'reg.deprecated-e2k-tuning=hint', 'repo']);
    assert.deepStrictEqual((JSON.parse(severity.out) as JsonResult[])[0].diagnostics.map((d) => d.severity), ['hint']);
    assert.deepStrictEqual(findings(lint(['--format', 'json', '--no-config', 'repo']).out), { 'repo/MAIL01.reg': ['4:1 reg.deprecated-e2k-tuning'] });
    write('repo/.exchange-config.json', '{ "exchangeVersion": "2003" }');
    assert.deepStrictEqual(findings(lint(['--format', 'json', '--config', 'shared/team.json', 'repo']).out), { 'repo/MAIL01.reg': [] });
    const both = lint(['--config', 'shared/team.json', '--no-config', 'repo']);
    assert.strictEqual(both.code, 2);
    assert.match(both.err, /--config and --no-config exclude each other/);
  });

  it('reports a --config file that cannot be read, and checks the files with the built-in defaults', () => {
    write('MAIL01.reg', E2K_TUNING);
    const r = lint(['--format', 'json', '--config', 'missing.json', 'MAIL01.reg']);
    assert.deepStrictEqual(findings(r.out), { 'missing.json': ['1:1 config.syntax-error'], 'MAIL01.reg': ['4:1 reg.deprecated-e2k-tuning'] });
    assert.strictEqual(r.code, 2);
  });

  it('pairs exports with the boot.ini of their server through bootIniFor, as the editor does', () => {
    write('exports/MAIL01/services.reg', SERVICES_REG);
    write('servers/MAIL01/boot.ini', BOOT_INI);
    const cross = (out: string): string[] => findings(out)['exports/MAIL01/services.reg'].filter((f) => f.endsWith('cross.memory-config'));
    assert.deepStrictEqual(cross(lint(['--format', 'json', 'exports']).out), []);
    write('.exchange-config.json', '{ "bootIniFor": { "exports/MAIL01": "servers/MAIL01/boot.ini" } }');
    assert.deepStrictEqual(cross(lint(['--format', 'json', 'exports']).out), ['5:34 cross.memory-config']);
  });

  it('checks setup.ini files as answer files with forceAnswerFile, whatever their content', () => {
    write('setup/setup.ini', '[Options]\r\nName=Value\r\n');
    assert.strictEqual(lint(['--format', 'json', '--no-error-on-unmatched-pattern', 'setup']).out, '[]\n');
    write('.exchange-config.json', '{ "forceAnswerFile": true }');
    const r = lint(['--format', 'json', 'setup']);
    assert.deepStrictEqual((JSON.parse(r.out) as JsonResult[]).map((x) => [x.file.split(path.sep).join('/'), x.languageId]), [['setup/setup.ini', 'setupini']]);
  });
});
