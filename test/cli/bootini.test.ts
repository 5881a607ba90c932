import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint, JsonResult } from '../helpers/cli';
import { bootIni, W2003 } from '../helpers/bootini';

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'exchange2000-upgrade', 'boot.ini');



/** A boot.ini whose default entry is Windows Server 2003 with /3GB /USERVA=3030. */
const CLEAN = bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`);

describe('cli: boot.ini', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-bootini-'));
    fs.writeFileSync(path.join(dir, 'boot.ini'), Buffer.from(CLEAN, 'latin1'));
    fs.mkdirSync(path.join(dir, 'mail02'));
    fs.writeFileSync(path.join(dir, 'mail02', 'BOOT.INI'), Buffer.from(CLEAN.replace(' /3GB /USERVA=3030', ''), 'latin1'));
    fs.writeFileSync(path.join(dir, 'mail02', 'setup.ini'), '[Paths]\r\nServerDest=C:\\exchsrvr\r\n');
    fs.mkdirSync(path.join(dir, 'unicode'));
    fs.writeFileSync(path.join(dir, 'unicode', 'Boot.ini'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, 'utf16le')]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks the example boot.ini: a warning and an error, exit status 1', () => {
    const r = lint(['--format', 'json', EXAMPLE]);
    assert.strictEqual(r.code, 1);
    const [result] = JSON.parse(r.out) as JsonResult[];
    assert.strictEqual(result.languageId, 'bootini');
    assert.deepStrictEqual(
      result.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]),
      [
        ['bootini.3gb-without-userva', 'warning', 4, 90],
        ['bootini.switch-value-out-of-range', 'error', 5, 111],
      ],
    );
  });

  it('prints boot.ini findings in text format with 1-based positions', () => {
    const r = lint([EXAMPLE]);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0], /boot\.ini:5:91 warning bootini\.3gb-without-userva \/3GB without \/USERVA/);
    assert.match(lines[1], /boot\.ini:6:112 error bootini\.switch-value-out-of-range /);
    assert.strictEqual(lines[lines.length - 1], '1 error, 1 warning, 0 information, 0 hints in 1 file');
  });

  it('finds boot.ini in any letter case when walking folders (and setup.ini as a Setup answer file)', () => {
    const r = lint(['--format', 'json', dir]);
    const results = JSON.parse(r.out) as JsonResult[];
    assert.deepStrictEqual(
      results.map((x) => [path.relative(dir, x.file), x.languageId]),
      [
        ['boot.ini', 'bootini'],
        [path.join('mail02', 'BOOT.INI'), 'bootini'],
        [path.join('mail02', 'setup.ini'), 'setupini'],
        [path.join('unicode', 'Boot.ini'), 'bootini'],
      ],
    );
    assert.deepStrictEqual(results[0].diagnostics, []);
    // A Unicode boot.ini is reported: the loader reads ANSI.
    assert.deepStrictEqual(results[3].diagnostics.map((d) => d.code), ['bootini.not-ansi']);
    assert.strictEqual(r.code, 0);
  });

  it('applies --role and --windows-version to boot.ini', () => {
    const file = path.join(dir, 'mail02', 'BOOT.INI');
    const codes = (...args: string[]): string[] => (JSON.parse(lint(['--format', 'json', ...args, file]).out) as JsonResult[])[0].diagnostics.map((d) => d.code);
    assert.deepStrictEqual(codes(), []);
    assert.deepStrictEqual(codes('--role', 'mailbox'), ['bootini.missing-3gb']);
    assert.deepStrictEqual(codes('--role', 'front-end'), []);
    const front = path.join(dir, 'boot.ini');
    const frontCodes = (JSON.parse(lint(['--format', 'json', '--role', 'front-end', front]).out) as JsonResult[])[0].diagnostics.map((d) => d.code);
    assert.deepStrictEqual(frontCodes, ['bootini.3gb-on-front-end']);
    const plain = path.join(dir, 'plain', 'boot.ini');
    fs.mkdirSync(path.dirname(plain));
    fs.writeFileSync(plain, CLEAN.replace('Windows Server 2003, Enterprise', 'Mail server'));
    const plainCodes = (...args: string[]): string[] => (JSON.parse(lint(['--format', 'json', ...args, plain]).out) as JsonResult[])[0].diagnostics.map((d) => d.code);
    assert.deepStrictEqual(plainCodes(), []);
    assert.deepStrictEqual(plainCodes('--windows-version', '2000'), ['bootini.switch-not-for-version']);
  });

  it('applies --severity overrides to boot.ini codes', () => {
    const r = lint(['--format', 'json', '--severity', 'bootini.switch-value-out-of-range=warning', EXAMPLE]);
    assert.strictEqual(r.code, 0);
    const off = lint(['--format', 'json', '--severity', 'bootini.3gb-without-userva=off', EXAMPLE]);
    assert.deepStrictEqual((JSON.parse(off.out) as JsonResult[])[0].diagnostics.map((d) => d.code), ['bootini.switch-value-out-of-range']);
  });

  it('mentions boot.ini in --help', () => {
    assert.match(lint(['--help']).out, /boot\.ini/);
  });
});
