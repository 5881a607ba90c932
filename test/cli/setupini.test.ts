import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint, JsonResult } from '../helpers/cli';

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'setup', 'exchange55-batch-setup.ini');



describe('cli: Setup answer files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-setupini-'));
    fs.writeFileSync(path.join(dir, 'answers.ini'), '[Components]\r\nServices=False\r\n');
    fs.writeFileSync(path.join(dir, 'win.ini'), '[fonts]\r\n');
    fs.writeFileSync(path.join(dir, 'mail01.unattend.ini'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[Exchange]\r\nPassword=x\r\n', 'utf16le')]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks the example: the missing PerServerUsers (error) and the plain-text password, exit status 1', () => {
    const r = lint(['--format', 'json', EXAMPLE]);
    assert.strictEqual(r.code, 1);
    const [result] = JSON.parse(r.out) as JsonResult[];
    assert.strictEqual(result.languageId, 'setupini');
    assert.deepStrictEqual(
      result.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]),
      [
        ['setupini.plain-text-secret', 'warning', 19, 16],
        ['setupini.missing-required-key', 'error', 22, 0],
      ],
    );
  });

  it('finds answer files in folders by name and by content, decodes UTF-16, and leaves other .ini files alone', () => {
    const r = lint(['--format', 'json', dir]);
    const results = JSON.parse(r.out) as JsonResult[];
    assert.deepStrictEqual(
      results.map((x) => [path.relative(dir, x.file), x.languageId, x.diagnostics.map((d) => d.code).join(',')]),
      [
        ['answers.ini', 'setupini', ''],
        ['mail01.unattend.ini', 'setupini', 'setupini.unknown-section,setupini.plain-text-secret'],
      ],
    );
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err, '');
  });
});
