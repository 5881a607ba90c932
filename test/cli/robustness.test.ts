/** The CLI as a process: special files, links, names that are not UTF-8, and output that cannot be written. */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'exchange-config-lint.js');
const REG = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"x"=dword:123456789\r\n';
const posix = process.platform !== 'win32';

function cli(args: string[], options: { cwd?: string } = {}): { status: number | null; signal: string | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20000, cwd: options.cwd });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: special files and output failures', function () {
  this.timeout(60000);
  let dir: string;
  before(function () {
    if (!posix) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-robust-'));
    fs.writeFileSync(path.join(dir, 'a.reg'), REG);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('reports a FIFO given by name as unreadable (exit 2, one line) instead of waiting for a writer', () => {
    const fifo = path.join(dir, 'pipe.reg');
    execFileSync('mkfifo', [fifo]);
    try {
      const r = cli([fifo]);
      assert.strictEqual(r.signal, null, 'ended by itself');
      assert.strictEqual(r.status, 2);
      assert.deepStrictEqual(r.stderr.trim().split('\n'), [`exchange-config-lint: ${fifo}: cannot read: it is not a regular file (a device, pipe or socket)`]);
    } finally {
      fs.unlinkSync(fifo);
    }
  });

  it('reports /dev/zero, as a document through a link and as a catalog, as unreadable', () => {
    const zero = path.join(dir, 'zero', 'boot.ini');
    fs.mkdirSync(path.dirname(zero));
    fs.symlinkSync('/dev/zero', zero);
    const r = cli([zero]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /boot\.ini: cannot read: it is not a regular file/);
    const c = cli(['--catalog', '/dev/zero', path.join(dir, 'a.reg')]);
    assert.strictEqual(c.status, 2);
    assert.deepStrictEqual(c.stderr.trim().split('\n'), ['exchange-config-lint: /dev/zero: cannot read catalog: it is not a regular file (a device, pipe or socket)']);
    // A folder holding the link: the link is followed, and the device refused; the other files are still checked.
    const f = cli(['--format', 'json', path.dirname(zero)]);
    assert.strictEqual(f.status, 2);
    assert.match(f.stderr, /not a regular file/);
    fs.rmSync(path.dirname(zero), { recursive: true });
  });

  it('refuses a file over 64 MB with one line instead of running out of memory', () => {
    const huge = path.join(dir, 'huge', 'big.reg');
    fs.mkdirSync(path.dirname(huge));
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 600 * 1024 * 1024);
    const r = cli([huge]);
    assert.strictEqual(r.signal, null);
    assert.strictEqual(r.status, 2);
    assert.deepStrictEqual(r.stderr.trim().split('\n'), [`exchange-config-lint: ${huge}: cannot read: it is larger than 64 MB`]);
    fs.rmSync(path.dirname(huge), { recursive: true });
  });

  it('follows links to files and folders inside a folder, and searches a folder reached through a loop once', () => {
    const tree = path.join(dir, 'tree');
    fs.mkdirSync(path.join(tree, 'sub'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'a.reg'), path.join(tree, 'sub', 'linked.reg'));
    fs.symlinkSync('..', path.join(tree, 'sub', 'loop'));
    fs.symlinkSync(path.join(tree, 'nowhere.reg'), path.join(tree, 'dangling.reg'));
    const r = cli(['--format', 'json', tree]);
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => path.relative(tree, f.file));
    assert.deepStrictEqual(files, [path.join('sub', 'linked.reg')]);
    assert.strictEqual(r.status, 1, r.stderr);
    fs.rmSync(tree, { recursive: true });
  });

  it('finds and reads a file whose name is not UTF-8', function () {
    if (process.platform !== 'linux') this.skip();
    const folder = path.join(dir, 'latin1');
    fs.mkdirSync(folder);
    fs.writeFileSync(Buffer.concat([Buffer.from(folder + path.sep), Buffer.from('Gr\xf6\xdfe.reg', 'latin1')]), REG);
    const r = cli(['--format', 'json', folder]);
    assert.strictEqual(r.status, 1, r.stderr);
    const results = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
    assert.strictEqual(results.length, 1);
    assert.ok(results[0].diagnostics.some((d) => d.code === 'reg.dword-too-long'));
    fs.rmSync(folder, { recursive: true });
  });

  it('ends quietly when the reader closes the pipe (| head -1)', () => {
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(many, `f${i}.reg`), REG);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --format json "${many}" | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', timeout: 30000 });
    assert.strictEqual(r.stdout, '[\n');
    assert.strictEqual(r.stderr, 'status=1\n', 'no stack trace; the status of the check (errors found)');
    fs.rmSync(many, { recursive: true });
  });

  it('exits 2 with one line when the output cannot be written (a full disk)', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --format json "${path.join(dir, 'a.reg')}" > /dev/full`], { encoding: 'utf8', timeout: 30000 });
    assert.strictEqual(r.status, 2);
    assert.deepStrictEqual(r.stderr.trim().split('\n'), ['exchange-config-lint: cannot write the output: ENOSPC']);
  });
});
