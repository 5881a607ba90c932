import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JsonResult, lint } from '../helpers/cli';
import { writeProject } from '../helpers/suppressProject';

const V5 = 'Windows Registry Editor Version 5.00';

describe('cli: suppression comments', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-suppress-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('applies them in every language, after the memory check and the configuration file, and reports unused and unknown ones', () => {
    const project = path.join(dir, 'project');
    fs.mkdirSync(project);
    writeProject(project);
    const r = lint(['--format', 'json', project]);
    const found = (JSON.parse(r.out) as JsonResult[]).map((f) => [path.basename(f.file), f.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}`)]);
    assert.deepStrictEqual(found, [
      ['boot.ini', []],
      // The configuration file makes the dword error a warning, and turns the filter's finding off.
      ['memory.reg', ['7:36 warning suppression.unused', '7:57 warning suppression.unknown-code', '9:0 warning reg.duplicate-value', '11:10 warning reg.dword-too-long']],
      ['sales.ldapfilter', []],
      ['setup.ini', ['4:62 warning suppression.unused', '6:14 error setupini.invalid-boolean']],
      ['storage.ldf', ['6:26 error ldif.log-buffers-too-high']],
    ]);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.err, '');
  });

  it('a suppressed error no longer fails the run', () => {
    const file = path.join(dir, 'one.reg');
    fs.writeFileSync(file, [V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '; exchange-config-disable-next-line reg.dword-too-long -- imported by our own tool', '"x"=dword:123456789', ''].join('\r\n'));
    assert.deepStrictEqual(lint([file]), { code: 0, out: '0 errors, 0 warnings, 0 information, 0 hints in 1 file\n', err: '' });
  });

  it('--fix applies no suppression and leaves suppressed findings as they are (UTF-16LE with its byte order mark)', () => {
    const file = path.join(dir, 'fix.reg');
    const text = (lines: string[]): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]);
    const before = [V5, '', '; exchange-config-disable-next-line reg.key-trailing-blank -- the key really ends with a blank', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A ]', '"x"=dword:0x10', '"y"=dword:123456789', ''];
    fs.writeFileSync(file, text(before));
    const r = lint(['--fix', file]);
    assert.deepStrictEqual(fs.readFileSync(file), text([...before.slice(0, 4), '"x"=dword:10', ...before.slice(5)]));
    assert.match(r.out, /reg\.dword-too-long/);
    assert.doesNotMatch(r.out, /reg\.key-trailing-blank|suppression\./);
  });
});
