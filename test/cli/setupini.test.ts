import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint, JsonResult } from '../helpers/cli';

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'setup', 'exchange55-batch-setup.ini');

/** An installer's own Setup.ini (another product's): generic [Setup]/[Options]/[Components] sections and a relative path. */
const OTHER_PRODUCT = '[Setup]\r\nProduct=Contoso Viewer\r\nDestinationDir=Program Files\\Viewer\r\n[Components]\r\nServices=True\r\n';

describe('cli: Setup answer files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-setupini-'));
    fs.writeFileSync(path.join(dir, 'answers.ini'), '[Paths]\r\nAdminDest=C:\\exchsrvr\r\n[Components]\r\nServices=False\r\n');
    fs.writeFileSync(path.join(dir, 'win.ini'), '[fonts]\r\n');
    fs.mkdirSync(path.join(dir, 'viewer'));
    fs.writeFileSync(path.join(dir, 'viewer', 'Setup.ini'), OTHER_PRODUCT);
    fs.writeFileSync(path.join(dir, 'other.unattend.ini'), '[Unattended]\r\nUnattendMode=FullUnattended\r\nAdminPassword=x\r\n');
    fs.writeFileSync(path.join(dir, 'mail01.unattend.ini'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[Exchange]\r\nPassword=x\r\n', 'utf16le')]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks the example: the missing PerServerUsers (a warning: only the Exchange 4.0 article has it) and the plain-text password, exit status 0', () => {
    const r = lint(['--format', 'json', EXAMPLE]);
    assert.strictEqual(r.code, 0);
    const [result] = JSON.parse(r.out) as JsonResult[];
    assert.strictEqual(result.languageId, 'setupini');
    assert.deepStrictEqual(
      result.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]),
      [
        ['setupini.plain-text-secret', 'warning', 19, 16],
        ['setupini.missing-required-key', 'warning', 22, 0],
      ],
    );
  });

  it('finds answer files in folders by content whatever their name, decodes UTF-16, and skips other .ini files silently', () => {
    const r = lint(['--format', 'json', dir]);
    const results = JSON.parse(r.out) as JsonResult[];
    assert.deepStrictEqual(
      results.map((x) => [path.relative(dir, x.file), x.languageId, x.diagnostics.map((d) => d.code).join(',')]),
      [
        ['answers.ini', 'setupini', ''],
        ['mail01.unattend.ini', 'setupini', 'setupini.plain-text-secret'],
      ],
    );
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err, '');
  });

  it('says on stderr that a Setup.ini given by name is not an answer file, with exit status 0', () => {
    const file = path.join(dir, 'viewer', 'Setup.ini');
    const r = lint(['--format', 'json', file]);
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(JSON.parse(r.out), []);
    assert.match(r.err, /Setup\.ini: not checked: its content does not show an Exchange Setup answer file \(use --answer-file to check it as one\)/);
  });

  it('checks a file given with --answer-file as an answer file whatever its content', () => {
    const file = path.join(dir, 'viewer', 'Setup.ini');
    const r = lint(['--format', 'json', '--answer-file', file]);
    const [result] = JSON.parse(r.out) as JsonResult[];
    assert.strictEqual(result.languageId, 'setupini');
    assert.deepStrictEqual(
      result.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      // [Components] makes a forced file an Exchange 5.5 one: its rules apply.
      [
        ['setupini.unknown-section', 'hint', 0],
        ['setupini.no-license-mode', 'warning', 4],
      ],
    );
    assert.strictEqual(r.code, 0);
    const txt = path.join(dir, 'answers.txt');
    fs.writeFileSync(txt, '[ServiceAccount]\r\nAccountPassword=x\r\n');
    const t = lint(['--format', 'json', `--answer-file=${txt}`]);
    assert.deepStrictEqual((JSON.parse(t.out) as JsonResult[])[0].diagnostics.map((d) => d.code), ['setupini.plain-text-secret']);
    assert.match(lint(['--help']).out, /--answer-file FILE/);
  });
});
