import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isInside, MAX_DOCUMENT_BYTES, percentDecodeBytes, readHead, readRegularFile, UnreadableFileError, uriToPath } from '../../../server/src/node/files';

const posix = process.platform !== 'win32';

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof UnreadableFileError, `an UnreadableFileError, not ${String(e)}`);
    return e.reason;
  }
  return 'read';
}

describe('node: reading files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-files-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file, also through a link', () => {
    fs.writeFileSync(path.join(dir, 'a.reg'), 'REGEDIT4\r\n');
    assert.strictEqual(readRegularFile(path.join(dir, 'a.reg')).toString(), 'REGEDIT4\r\n');
    if (posix) {
      fs.symlinkSync(path.join(dir, 'a.reg'), path.join(dir, 'link.reg'));
      assert.strictEqual(readRegularFile(path.join(dir, 'link.reg')).toString(), 'REGEDIT4\r\n');
    }
  });

  it('refuses a FIFO at once instead of blocking', function () {
    if (!posix) this.skip();
    const fifo = path.join(dir, 'boot.ini');
    execFileSync('mkfifo', [fifo]);
    // A blocking open would never return: the test would hang, not pass.
    assert.strictEqual(reason(() => readRegularFile(fifo)), 'not-a-file');
    assert.strictEqual(reason(() => readHead(fifo, 10)), 'not-a-file');
  });

  it('refuses devices, directly and through a link', function () {
    if (!posix || !fs.existsSync('/dev/zero')) this.skip();
    assert.strictEqual(reason(() => readRegularFile('/dev/zero')), 'not-a-file');
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.reg'));
    assert.strictEqual(reason(() => readRegularFile(path.join(dir, 'zero.reg'))), 'not-a-file');
  });

  it('refuses folders, missing files and files over the limit, in words', () => {
    assert.strictEqual(reason(() => readRegularFile(dir)), 'not-a-file');
    assert.strictEqual(reason(() => readRegularFile(path.join(dir, 'none.reg'))), 'not-found');
    fs.writeFileSync(path.join(dir, 'big.reg'), Buffer.alloc(2048));
    assert.strictEqual(reason(() => readRegularFile(path.join(dir, 'big.reg'), 1024)), 'too-large');
    assert.strictEqual(readRegularFile(path.join(dir, 'big.reg'), 2048).length, 2048);
    assert.throws(() => readRegularFile(path.join(dir, 'big.reg'), 1024), /larger than/);
  });

  it('refuses a sparse file over the document limit without reading it', function () {
    const sparse = path.join(dir, 'huge.reg');
    const fd = fs.openSync(sparse, 'w');
    fs.ftruncateSync(fd, MAX_DOCUMENT_BYTES + 1);
    fs.closeSync(fd);
    assert.strictEqual(reason(() => readRegularFile(sparse)), 'too-large');
    fs.unlinkSync(sparse);
  });

  it('reads a file whose name is not UTF-8 through its file: URI', function () {
    if (process.platform !== 'linux') this.skip();
    const name = Buffer.concat([Buffer.from(dir + path.sep), Buffer.from([0xff, 0xfe]), Buffer.from('.reg')]);
    fs.writeFileSync(name, 'REGEDIT4\r\n');
    const uri = `file://${dir.split(path.sep).map(encodeURIComponent).join('/')}/%FF%FE.reg`;
    const p = uriToPath(uri);
    assert.ok(Buffer.isBuffer(p));
    assert.strictEqual(readRegularFile(p).toString(), 'REGEDIT4\r\n');
    assert.deepStrictEqual([...percentDecodeBytes('/a%20b%zz')], [...Buffer.from('/a b%zz')]);
    assert.strictEqual(uriToPath('untitled:Untitled-1'), undefined);
  });

  it('tells whether a path lies inside the workspace folders after links, the same way whether or not it exists', function () {
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'cat.json'), '{}');
    assert.strictEqual(isInside(path.join(ws, 'cat.json'), [ws]), true);
    assert.strictEqual(isInside(path.join(ws, 'missing.json'), [ws]), true);
    assert.strictEqual(isInside(path.join(ws, '..', 'a.reg'), [ws]), false);
    assert.strictEqual(isInside('/etc/passwd', [ws]), false);
    assert.strictEqual(isInside('/etc/no-such-file', [ws]), false);
    assert.strictEqual(isInside(path.join(ws, '..name'), [ws]), true, 'a name that starts with two dots');
    assert.strictEqual(isInside(`${ws}2${path.sep}x.json`, [ws]), false, 'a sibling folder whose name starts alike');
    if (!posix) return;
    fs.symlinkSync(os.tmpdir(), path.join(ws, 'out'));
    assert.strictEqual(isInside(path.join(ws, 'out', path.basename(dir), 'a.reg'), [ws]), false, 'an existing file through a link out');
    assert.strictEqual(isInside(path.join(ws, 'out', 'no-such-file'), [ws]), false, 'a missing file through a link out');
  });
});
