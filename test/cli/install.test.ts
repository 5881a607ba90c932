/**
 * The npm package as a user installs it: `npm pack`, then `npm install -g` of the tarball into a temporary prefix
 * (offline: the bins are bundled, so the package has no dependencies), then both bins on PATH run from anywhere.
 */
import * as assert from 'assert';
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** One LSP message over stdio, and the first response with the given id. */
function request(child: ChildProcess, id: number, method: string, params: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString('ascii'))?.[1]);
        if (buffer.length < header + 4 + length) return;
        const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8')) as Record<string, unknown>;
        buffer = buffer.subarray(header + 4 + length);
        if (message.id === id) {
          child.stdout?.off('data', onData);
          resolve(message);
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, method, params }), 'utf8');
    child.stdin?.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  });
}

describe('cli: the installed npm package', function () {
  this.timeout(120000);
  let tmp: string;
  let bin: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-install-'));
    const tarball = execFileSync(NPM, ['pack', '--silent', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop() as string;
    const prefix = path.join(tmp, 'prefix');
    execFileSync(NPM, ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(tmp, tarball)], { cwd: tmp, stdio: 'pipe' });
    bin = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('ships only the bins, the bundles, the catalog schemas and the documents, and depends on nothing', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(tmp, 'prefix', 'lib', 'node_modules', 'exchange-config-tools', 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(pkg.dependencies, undefined);
    const installed = path.join(tmp, 'prefix', 'lib', 'node_modules', 'exchange-config-tools');
    assert.deepStrictEqual(fs.readdirSync(path.join(installed, 'dist')).sort(), ['cli.js', 'exportWorker.js', 'server.js']);
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules')));
    assert.ok(!fs.existsSync(path.join(installed, 'out')));
    // The documentation the README links to, and the code pages the language server links its diagnostics to.
    assert.deepStrictEqual(fs.readdirSync(path.join(installed, 'docs', 'codes')).sort(), fs.readdirSync(path.join(ROOT, 'docs', 'codes')).sort());
    assert.deepStrictEqual(fs.readdirSync(path.join(installed, 'docs')).sort(), fs.readdirSync(path.join(ROOT, 'docs')).sort());
  });

  it('exchange-config-lint runs from PATH on the examples: findings, exit 1, the version', () => {
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
    const r = spawnSync('exchange-config-lint', ['--format', 'json', 'examples'], { cwd: ROOT, env, encoding: 'utf8', shell: process.platform === 'win32' });
    assert.strictEqual(r.status, 1, r.stderr);
    const files = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
    assert.ok(files.length >= 6, r.stdout);
    assert.ok(files.some((f) => f.file.endsWith('boot.ini') && f.diagnostics.length > 0));
    const v = spawnSync('exchange-config-lint', ['--version'], { env, encoding: 'utf8', shell: process.platform === 'win32' });
    assert.strictEqual(v.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('exchange-config-language-server answers initialize over stdio', async () => {
    const child = spawn(path.join(bin, 'exchange-config-language-server'), ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    try {
      const response = await request(child, 1, 'initialize', { processId: null, rootUri: null, capabilities: {} });
      const result = response.result as { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
      assert.ok(result.capabilities.hoverProvider, JSON.stringify(response));
      assert.ok(result.capabilities.textDocumentSync !== undefined);
    } finally {
      child.kill();
    }
  });

  it('a bin with no build says how to build and exits 2', () => {
    const copy = path.join(tmp, 'unbuilt', 'bin');
    fs.mkdirSync(copy, { recursive: true });
    for (const f of fs.readdirSync(path.join(ROOT, 'bin'))) fs.copyFileSync(path.join(ROOT, 'bin', f), path.join(copy, f));
    for (const name of ['exchange-config-lint', 'exchange-config-language-server']) {
      const r = spawnSync(process.execPath, [path.join(copy, `${name}.js`), '--stdio'], { encoding: 'utf8' });
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stderr, `${name}: this copy has not been built. In the project folder run: npm ci && npm run build && npm run bundle\n`);
      assert.strictEqual(r.stdout, '');
    }
  });
});
