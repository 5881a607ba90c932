/** The CI-grade options of exchange-config-lint: patterns, exit codes, report formats, fixes and the editor's reports. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint } from '../helpers/cli';

const V5 = 'Windows Registry Editor Version 5.00';
const ROOT = path.join(__dirname, '..', '..', '..');

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** An export with one obsolete Exchange 2000 value (a warning with a preferred fix) and one broken dword (an error). */
const EXPORT = `${V5}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]\r\n"MPHeap parallelism"="8"\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"Größe"=dword:123456789\r\n`;

describe('cli: options for CI pipelines', () => {
  let dir: string;
  let cwd: string;
  before(() => {
    cwd = process.cwd();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-opt-'));
    fs.mkdirSync(path.join(dir, 'exports', 'srv1'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'exports', 'srv2'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.writeFileSync(path.join(dir, 'exports', 'srv1', 'a.reg'), utf16le(EXPORT));
    fs.writeFileSync(path.join(dir, 'exports', 'srv2', 'b.reg'), utf16le(EXPORT));
    fs.writeFileSync(path.join(dir, 'exports', 'srv2', 'notes.txt'), 'not checked');
    process.chdir(dir);
  });
  after(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const files = (out: string): string[] => (JSON.parse(out) as { file: string }[]).map((f) => f.file.split(path.sep).join('/'));

  it('expands glob patterns itself, as cmd.exe and PowerShell do not', () => {
    const r = lint(['--format', 'json', 'exports/*/*.reg']);
    assert.strictEqual(r.code, 1, r.err);
    assert.deepStrictEqual(files(r.out), ['exports/srv1/a.reg', 'exports/srv2/b.reg']);
    assert.deepStrictEqual(files(lint(['--format', 'json', 'exports/**/b.reg']).out), ['exports/srv2/b.reg']);
  });

  it('fails with exit 2 when a folder or pattern matches no file, unless told that is expected', () => {
    for (const arg of ['empty', 'exports/*/*.ldif', 'missing/*.reg']) {
      const r = lint([arg]);
      assert.strictEqual(r.code, 2, arg);
      assert.match(r.err, new RegExp(`^exchange-config-lint: ${arg.replace(/[*.]/g, '\\$&')}: no file to check`), r.err);
    }
    const ok = lint(['--no-error-on-unmatched-pattern', 'empty', 'exports/*/*.ldif']);
    assert.strictEqual(ok.code, 0, ok.err);
    assert.strictEqual(ok.err, '');
  });

  it('skips files matching --ignore-pattern (.gitignore syntax)', () => {
    assert.deepStrictEqual(files(lint(['--format', 'json', '--ignore-pattern', 'srv2/', 'exports']).out), ['exports/srv1/a.reg']);
    assert.strictEqual(lint(['--ignore-pattern', '*.reg', 'exports']).code, 2);
  });

  it('rejects a misspelt code or level in --severity and an unreadable catalog with one line, exit 2', () => {
    const code = lint(['--severity', 'reg.dword-to-long=off', 'exports']);
    assert.strictEqual(code.code, 2);
    assert.strictEqual(code.err.split('\n')[0], 'exchange-config-lint: --severity: unknown diagnostic code "reg.dword-to-long" (did you mean reg.dword-too-long?)');
    const level = lint(['--severity', 'reg.dword-too-long=fatal', 'exports']);
    assert.strictEqual(level.code, 2);
    assert.match(level.err, /unknown level "fatal"/);
    const catalog = lint(['--catalog', path.join(dir, 'missing.json'), 'exports']);
    assert.strictEqual(catalog.code, 2);
    assert.strictEqual(catalog.err, `exchange-config-lint: ${path.join(dir, 'missing.json')}: cannot read catalog: no such file\n`);
  });

  it('--quiet reports errors only; --max-warnings fails a run with too many warnings', () => {
    const quiet = JSON.parse(lint(['--format', 'json', '--quiet', 'exports/srv1']).out) as { diagnostics: { severity: string }[] }[];
    assert.ok(quiet[0].diagnostics.length > 0);
    assert.ok(quiet[0].diagnostics.every((d) => d.severity === 'error'));
    const severityOff = ['--severity', 'reg.dword-too-long=off'];
    const under = lint([...severityOff, '--max-warnings', '1', 'exports/srv1']);
    assert.strictEqual(under.code, 0, under.out + under.err);
    const over = lint([...severityOff, '--max-warnings', '0', 'exports/srv1']);
    assert.strictEqual(over.code, 1);
    assert.strictEqual(over.err, 'exchange-config-lint: 1 warning, more than --max-warnings 0\n');
  });

  it('--output-file writes the report to a file and nothing to stdout', () => {
    const r = lint(['--format', 'json', '--output-file', 'reports/lint.json', 'exports']);
    assert.strictEqual(r.out, '');
    assert.deepStrictEqual(files(fs.readFileSync(path.join(dir, 'reports', 'lint.json'), 'utf8')), ['exports/srv1/a.reg', 'exports/srv2/b.reg']);
  });

  it('--format github writes one workflow annotation per finding, escaped', () => {
    const r = lint(['--format', 'github', 'exports/srv1']);
    const lines = r.out.trimEnd().split('\n');
    assert.ok(lines.length >= 2);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=exports\/srv1\/a\.reg,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9.-]+::[^\n]+$/);
    assert.ok(lines.some((l) => l.startsWith('::error ') && l.includes('title=reg.dword-too-long')));
  });

  it('--format junit writes one suite per file and a failing case per error or warning', () => {
    const r = lint(['--format', 'junit', 'exports']);
    assert.match(r.out, /^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites>\n/);
    assert.strictEqual((r.out.match(/<testsuite /g) ?? []).length, 2);
    assert.ok(r.out.includes('<failure type="error" message="'));
    // Every line is one of the elements, with quotes and angle brackets of the messages escaped.
    const attr = '"[^"<>]*"';
    const element = new RegExp(
      `^(<\\?xml.*\\?>|</?testsuites>|  <testsuite name=${attr} tests="\\d+" failures="\\d+" errors="0">|  </testsuite>|    <testcase name=${attr} classname=${attr}( />|>(<system-out>[^<>]*</system-out></testcase>)?)|      <failure type="(error|warning)" message=${attr}>[^<>]*</failure>|    </testcase>)$`,
    );
    for (const line of r.out.trimEnd().split('\n')) assert.match(line, element);
    assert.ok(r.out.includes('&quot;MPHeap parallelism&quot;'));
  });

  it('--fix-dry-run prints the fixes as a diff and writes nothing', () => {
    const before = fs.readFileSync(path.join(dir, 'exports', 'srv1', 'a.reg'));
    const r = lint(['--fix-dry-run', 'exports/srv1']);
    assert.match(r.out, /^-"MPHeap parallelism"="8"\r?$/m);
    assert.match(r.out, /^\+"MPHeap parallelism"=-\r?$/m);
    assert.deepStrictEqual(fs.readFileSync(path.join(dir, 'exports', 'srv1', 'a.reg')), before);
  });

  it('--fix applies the preferred fixes and keeps every other byte: UTF-16LE, byte order mark, CRLF', () => {
    const file = path.join(dir, 'exports', 'srv2', 'b.reg');
    const r = lint(['--fix', '--format', 'json', file]);
    assert.strictEqual(r.code, 1, r.err); // the broken dword has no automatic fix and stays an error
    const after = fs.readFileSync(file);
    assert.deepStrictEqual(after, utf16le(EXPORT.replace('"MPHeap parallelism"="8"', '"MPHeap parallelism"=-')));
    const codes = (JSON.parse(r.out) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('reg.deprecated-e2k-tuning'), codes.join());
    assert.ok(codes.includes('reg.dword-too-long'));
  });

  it('--fix leaves a file alone whose bytes would not read back exactly', () => {
    // Invalid UTF-8 after a UTF-8 byte order mark: decoding replaces the bad byte, so rewriting would change it.
    const file = path.join(dir, 'bad-utf8.reg');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EXPORT.replace('Größe', 'Gr\u00ffe'), 'latin1')]);
    fs.writeFileSync(file, bytes);
    const r = lint(['--fix', file]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /bad-utf8\.reg: not fixed: its bytes do not read back exactly as utf8bom/);
    assert.deepStrictEqual(fs.readFileSync(file), bytes);
  });

  it('--cleanup-reg writes the cleanup export of the editor command', () => {
    const out = path.join(dir, 'cleanup.reg');
    lint(['--cleanup-reg', out, 'exports/srv1']);
    const bytes = fs.readFileSync(out);
    assert.deepStrictEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    const text = bytes.subarray(2).toString('utf16le');
    assert.ok(text.startsWith(`${V5}\r\n`));
    assert.match(text, /^\[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory\]\r\n(;[^\r\n]*\r\n)*"MPHeap parallelism"=-\r$/m);
  });

  it('--memory-report prints the report of every folder with a boot.ini, in text and JSON', () => {
    process.chdir(ROOT);
    try {
      const text = lint(['--memory-report', 'examples/exchange2000-upgrade']);
      assert.strictEqual(text.code, 0, text.err);
      assert.match(text.out, /^# Memory configuration report\n/);
      const json = JSON.parse(lint(['--memory-report', '--format', 'json', 'examples']).out) as { memoryReports: { bootIni: string; markdown: string }[] };
      assert.deepStrictEqual(json.memoryReports.map((m) => m.bootIni.split(path.sep).join('/')), ['examples/exchange2000-upgrade/boot.ini']);
    } finally {
      process.chdir(dir);
    }
  });

  it('--check-setup-command-line checks a Setup command line without files', () => {
    const bad = lint(['--check-setup-command-line', 'setup /unattendfile']);
    assert.strictEqual(bad.code, 1);
    assert.match(bad.out, /^\d+-\d+ error setupini\.cmd-missing-argument /);
    const good = lint(['--check-setup-command-line', 'setup /unattendfile D:\\answers.ini', '--format', 'json']);
    assert.strictEqual(good.code, 0);
    assert.deepStrictEqual(JSON.parse(good.out), { commandLine: 'setup /unattendfile D:\\answers.ini', diagnostics: [] });
  });

  it('says what is wrong with an unknown option, a bad value, or no file', () => {
    for (const [args, message] of [
      [['--bogus', 'x'], "Unknown option '--bogus'"],
      [['--format', 'xml', 'x'], '--format: unknown value "xml" (text, json, sarif, github, junit)'],
      [['--max-warnings', 'many', 'x'], '--max-warnings takes a whole number of at least 0, not "many"'],
      [[], 'no file, folder or pattern given'],
      [['--fix', '--fix-dry-run', 'x'], '--fix and --fix-dry-run exclude each other'],
    ] as [string[], string][]) {
      const r = lint(args);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.strictEqual(r.err.split('\n')[0], `exchange-config-lint: ${message}`, args.join(' '));
    }
  });
});
