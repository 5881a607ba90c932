import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint } from '../helpers/cli';

const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'exchange-config-lint.js');
const V5 = 'Windows Registry Editor Version 5.00';

function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}


describe('cli: exchange-config-lint', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-'));
    fs.writeFileSync(path.join(dir, 'clean.reg'), utf16le(`${V5}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"x"=dword:00000001\r\n\r\n`));
    fs.writeFileSync(path.join(dir, 'bad.reg'), utf16le(`${V5}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"Größe"=dword:123456789\r\n`));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'ansi.reg'), Buffer.from('REGEDIT4\r\n[HKLM\\SOFTWARE\\A]\r\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'sub', 'notes.txt'), 'not a registry file');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the documented JSON shape and exits 1 when there are errors', () => {
    const file = path.join(dir, 'bad.reg');
    const r = lint(['--format', 'json', file]);
    assert.strictEqual(r.code, 1);
    const json = JSON.parse(r.out) as { file: string; languageId: string; diagnostics: Record<string, unknown>[] }[];
    assert.strictEqual(json.length, 1);
    assert.strictEqual(json[0].file, file);
    assert.strictEqual(json[0].languageId, 'reg');
    assert.deepStrictEqual(json[0].diagnostics, [
      {
        range: { start: { line: 3, character: 14 }, end: { line: 3, character: 23 } },
        severity: 'error',
        code: 'reg.dword-too-long',
        message: json[0].diagnostics[0].message,
        source: 'exchange-config',
      },
    ]);
    assert.match(String(json[0].diagnostics[0].message), /at most 8/);
  });

  it('exits 0 for a clean UTF-16LE export', () => {
    const r = lint(['--format', 'json', path.join(dir, 'clean.reg')]);
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual((JSON.parse(r.out) as { diagnostics: unknown[] }[])[0].diagnostics, []);
  });

  it('walks folders for the files it understands, with paths as found', () => {
    const r = lint(['--format', 'json', dir]);
    const files = (JSON.parse(r.out) as { file: string }[]).map((x) => x.file);
    assert.deepStrictEqual(files, [path.join(dir, 'bad.reg'), path.join(dir, 'clean.reg'), path.join(dir, 'sub', 'ansi.reg')]);
    assert.strictEqual(r.code, 1);
  });

  it('exits 2 for a missing file but still checks the others', () => {
    const r = lint(['--format', 'json', path.join(dir, 'missing.reg'), path.join(dir, 'clean.reg')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /missing\.reg: cannot read: no such file or folder/);
    assert.strictEqual((JSON.parse(r.out) as unknown[]).length, 1);
  });

  it('exits 2 on usage errors', () => {
    assert.strictEqual(lint([]).code, 2);
    assert.strictEqual(lint(['--format', 'xml', dir]).code, 2);
    assert.strictEqual(lint(['--bogus', dir]).code, 2);
    assert.strictEqual(lint(['--help']).code, 0);
    const version = lint(['--version']);
    assert.strictEqual(version.code, 0);
    assert.match(version.out, /^\d+\.\d+\.\d+\n$/);
  });

  it('prints file:line:col severity code message and a summary in text format', () => {
    const file = path.join(dir, 'bad.reg');
    const r = lint([file]);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0], new RegExp(`^${file.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:4:15 error reg\\.dword-too-long `));
    assert.strictEqual(lines[lines.length - 1], '1 error, 0 warnings, 0 information, 0 hints in 1 file');
  });

  it('writes SARIF 2.1.0 with 1-based regions', () => {
    const r = lint(['--format', 'sarif', path.join(dir, 'bad.reg')]);
    const sarif = JSON.parse(r.out) as { version: string; runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: Record<string, number> } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    assert.strictEqual(sarif.version, '2.1.0');
    const result = sarif.runs[0].results[0];
    assert.strictEqual(result.ruleId, 'reg.dword-too-long');
    assert.strictEqual(result.level, 'error');
    assert.deepStrictEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 15, endLine: 4, endColumn: 24 });
    assert.deepStrictEqual(sarif.runs[0].tool.driver.rules.map((x) => x.id), ['reg.dword-too-long']);
  });

  it('applies --severity overrides', () => {
    const r = lint(['--format', 'json', '--severity', 'reg.dword-too-long=warning', path.join(dir, 'bad.reg')]);
    assert.strictEqual(r.code, 0);
    assert.strictEqual((JSON.parse(r.out) as { diagnostics: { severity: string }[] }[])[0].diagnostics[0].severity, 'warning');
    const off = lint(['--format', 'json', '--severity=reg.dword-too-long=off', path.join(dir, 'bad.reg')]);
    assert.deepStrictEqual((JSON.parse(off.out) as { diagnostics: unknown[] }[])[0].diagnostics, []);
  });

  it('checks Exchange values with --exchange-version, --windows-version and --catalog', () => {
    const file = path.join(dir, 'exchange.reg');
    fs.writeFileSync(
      file,
      utf16le(`${V5}\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]\r\n"Initial Memory Percentage"=dword:0000000a\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]\r\n"SystemPages"=dword:00000000\r\n`),
    );
    const codesFor = (...args: string[]): string[] =>
      (JSON.parse(lint(['--format', 'json', ...args, file]).out) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code);
    assert.deepStrictEqual(codesFor(), ['reg.deprecated-e2k-tuning']);
    assert.deepStrictEqual(codesFor('--exchange-version', '2000'), []);
    assert.deepStrictEqual(codesFor('--windows-version', '2000'), ['reg.deprecated-e2k-tuning', 'reg.value-out-of-range']);
    const broken = path.join(dir, 'broken-catalog.json');
    fs.writeFileSync(broken, '{"version": 1}');
    const r = lint(['--format', 'json', '--catalog', broken, file]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /broken-catalog\.json: catalog not used/);
    assert.deepStrictEqual((JSON.parse(r.out) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code), ['reg.deprecated-e2k-tuning']);
  });

  it('adds an answer-file catalog with --setup-catalog, and reports a malformed one', () => {
    const file = path.join(dir, 'contoso.unattend.ini');
    fs.writeFileSync(file, '[Paths]\r\nServerDest=C:\\exchsrvr\r\n[Licensing]\r\nPerSeat=True\r\nCostCenter=4711\r\n[Contoso]\r\nBuildTag=x\r\n');
    const source = [{ document: 'Contoso build standard', section: '3.1' }];
    const key = (name: string) => ({ name, type: 'text', description: `Contoso ${name}.`, confidence: 'low', sources: source });
    const section = (name: string, keys: unknown[]) => ({ name, format: 'exchange55', description: `Contoso ${name}.`, confidence: 'low', sources: source, keys });
    const own = path.join(dir, 'setup-catalog.json');
    fs.writeFileSync(own, JSON.stringify({ version: 1, notes: [], sections: [section('Contoso', [key('BuildTag')]), section('licensing', [key('CostCenter')])] }));
    const broken = path.join(dir, 'broken-setup-catalog.json');
    fs.writeFileSync(broken, '{"version": 1, "sections": []}');
    const codesOf = (r: { out: string }): string[] => (JSON.parse(r.out) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code);
    assert.deepStrictEqual(codesOf(lint(['--format', 'json', file])), ['setupini.unknown-section', 'setupini.unknown-key']);
    const withOwn = lint(['--format', 'json', '--setup-catalog', own, file]);
    assert.strictEqual(withOwn.code, 0, withOwn.err);
    assert.deepStrictEqual(codesOf(withOwn), []);
    const r = lint(['--format', 'json', `--setup-catalog=${broken}`, file]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /broken-setup-catalog\.json: Setup answer-file catalog not used: \(top level\) must have required property 'notes'/);
    assert.deepStrictEqual(codesOf(r), ['setupini.unknown-section', 'setupini.unknown-key']);
    assert.match(lint(['--help']).out, /--setup-catalog FILE/);
  });

  it('counts overrides before --max-diagnostics, and errors beyond it for the exit status', () => {
    const file = path.join(dir, 'cap.reg');
    fs.writeFileSync(file, `REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\njunk one\r\njunk two\r\n"d"=dword:xyz\r\n`);
    const off = lint(['--format', 'json', '--max-diagnostics', '2', '--severity', 'reg.line-ignored=off', file]);
    assert.strictEqual(off.code, 1);
    assert.deepStrictEqual((JSON.parse(off.out) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code), ['reg.dword-empty']);
    const capped = lint(['--format', 'json', '--max-diagnostics', '1', file]);
    assert.strictEqual(capped.code, 1, 'the error past the cap still fails the run');
    assert.deepStrictEqual((JSON.parse(capped.out) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code), ['reg.line-ignored']);
  });

  describe('encodings', () => {
    const body = `${V5}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"x"="é"\r\n`;
    const cases: [string, Buffer, string[]][] = [
      ['UTF-16LE with BOM', utf16le(body), []],
      ['UTF-16LE without BOM', utf16le(body, false), ['reg.utf16-without-bom']],
      ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body, 'utf16le').swap16()]), ['reg.utf16-big-endian']],
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]), ['reg.utf8-bom']],
      ['UTF-8 without BOM, non-ASCII', Buffer.from(body, 'utf8'), ['reg.utf8-non-ascii']],
      // regedit never imports a comment, so its characters do not matter (a real tweak file comments in Russian).
      ['UTF-8 without BOM, non-ASCII only in comments', Buffer.from(`${V5}\r\n; Это добавит иконку\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"x"="e"\r\n`, 'utf8'), []],
      ['ANSI (Windows-1252)', Buffer.from(body, 'latin1'), []],
      ['UTF-16LE cut short', Buffer.concat([utf16le(body), Buffer.from([0x41])]), ['reg.truncated-utf16']],
    ];
    for (const [name, bytes, expected] of cases) {
      it(name, () => {
        const file = path.join(dir, `enc-${name.replace(/\W+/g, '-')}.reg`);
        fs.writeFileSync(file, bytes);
        const r = lint(['--format', 'json', file]);
        const diags = (JSON.parse(r.out) as { diagnostics: { code: string }[] }[])[0].diagnostics;
        assert.deepStrictEqual(
          diags.map((d) => d.code),
          expected,
        );
      });
    }

    it('decodes the text so that positions count UTF-16 code units', () => {
      const file = path.join(dir, 'positions.reg');
      fs.writeFileSync(file, utf16le(`${V5}\r\n[HKEY_CURRENT_USER\\A]\r\n"😀"=dword:123456789\r\n`));
      const diags = (JSON.parse(lint(['--format', 'json', file]).out) as { diagnostics: { range: { start: { character: number } } }[] }[])[0].diagnostics;
      assert.strictEqual(diags[0].range.start.character, 11);
    });
  });

  it('runs as a program with the same exit codes', () => {
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', path.join(dir, 'bad.reg')], { encoding: 'utf8' });
    assert.strictEqual(r.status, 1);
    assert.strictEqual((JSON.parse(r.stdout) as unknown[]).length, 1);
    const missing = spawnSync(process.execPath, [BIN, path.join(dir, 'nope.reg')], { encoding: 'utf8' });
    assert.strictEqual(missing.status, 2);
  });
});
