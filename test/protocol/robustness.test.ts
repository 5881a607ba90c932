/**
 * The server process against bad input: malformed message frames (and a bounded fuzz of them), special files beside
 * a document or named by settings, and paths in the workspace's settings that lead out of the workspace.
 */
import * as assert from 'assert';
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { SERVER, TestClient } from './client';
import { bootIni, W2003 } from '../helpers/bootini';

const posix = process.platform !== 'win32';

/** A boot.ini whose default entry is Windows Server 2003 with /3GB /USERVA=3030. */
const BOOT = bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`);
const REG = ['Windows Registry Editor Version 5.00', '', '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]', '"SystemPages"=dword:00007530', ''].join('\r\n');
type Diag = { code: string };
const hasCross = (p: { diagnostics: unknown[] }): boolean => (p.diagnostics as Diag[]).some((d) => d.code === 'cross.memory-config');

function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

/** The server over stdio, driven with raw bytes. */
class RawServer {
  readonly process: ChildProcess;
  private out = Buffer.alloc(0);
  stderr = '';
  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout!.on('data', (d: Buffer) => (this.out = Buffer.concat([this.out, d])));
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
  }
  write(bytes: Buffer | string): void {
    this.process.stdin!.write(bytes);
  }
  /** Waits for the response to request `id`. */
  async response(id: number, timeoutMs = 10000): Promise<Record<string, unknown>> {
    const started = Date.now();
    for (;;) {
      const text = this.out.toString('utf8');
      const m = new RegExp(`\\{[^\\r\\n]*"id":${id}[,}][^\\r\\n]*?(?=Content-Length|$)`).exec(text);
      if (m) return JSON.parse(m[0]) as Record<string, unknown>;
      if (Date.now() - started > timeoutMs) throw new Error(`no response ${id} within ${timeoutMs} ms; stderr:\n${this.stderr}`);
      if (this.process.exitCode !== null) throw new Error(`the server exited (${this.process.exitCode}); stderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  stop(): void {
    this.process.kill();
  }
}

const initialize = (id: number): Buffer => frame({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

describe('protocol: malformed message frames', function () {
  this.timeout(30000);
  const cases: [string, Buffer][] = [
    ['a Content-Length that is not a number', Buffer.from('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","method":"x"}')],
    ['no Content-Length', Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","method":"x"}')],
    ['two Content-Length headers', Buffer.from('Content-Length: 7\r\nContent-Length: 9\r\n\r\n{"a":1}')],
    ['a body shorter than declared', Buffer.from('Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","method":"x"}')],
    ['a body longer than declared', Buffer.from('Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"x"}')],
    ['binary noise', Buffer.from(Array.from({ length: 20000 }, (_, i) => (i * 7919 + 13) % 256))],
    ['a declared length of 10^12', Buffer.from('Content-Length: 1000000000000\r\n\r\n{"jsonrpc":"2.0","method":"x"}')],
    ['a header line without a colon', Buffer.from('Content-Length 30\r\n\r\n{"jsonrpc":"2.0","method":"x"}')],
  ];
  for (const [name, bad] of cases) {
    it(`answers the next request after ${name}`, async () => {
      const server = new RawServer();
      try {
        server.write(bad);
        server.write(initialize(1));
        const r = await server.response(1);
        assert.ok(r.result, JSON.stringify(r));
        assert.strictEqual(server.process.exitCode, null);
      } finally {
        server.stop();
      }
    });
  }

  it('survives a bounded fuzz of random frames and random JSON-RPC, and still answers', async () => {
    // A fixed-seed generator: the same bytes on every run, so that a failure can be reproduced.
    let seed = 0x2f6b1d3;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    const methods = ['initialize', 'textDocument/hover', 'textDocument/didOpen', 'textDocument/didChange', 'workspace/executeCommand', 'textDocument/completion', 'x/unknown', '$/cancelRequest', 'shutdownx'];
    const values = [null, 0, -1, 1e308, '', 'file:///tmp/a.reg', [], {}, { textDocument: { uri: 'file:///tmp/a.reg' }, position: { line: -1, character: 1e9 } }, { textDocument: { uri: 'file:///tmp/a.reg', languageId: 'reg', version: 1, text: 'REGEDIT4\r\n[' } }, { command: 'exchangeConfig.server.memoryReport', arguments: [{ uri: 'file:///dev/zero' }] }];
    const server = new RawServer();
    try {
      server.write(initialize(1));
      await server.response(1);
      server.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
      for (let round = 0; round < 300; round++) {
        const kind = rand(6);
        const message = { jsonrpc: '2.0', id: rand(3) === 0 ? undefined : 1000 + round, method: methods[rand(methods.length)], params: values[rand(values.length)] };
        if (kind === 0) server.write(Buffer.from(Array.from({ length: rand(300) }, () => rand(256))));
        else if (kind === 1) server.write(frame(message).subarray(0, rand(40)));
        else if (kind === 2) server.write(`Content-Length: ${rand(100000)}\r\n\r\n`);
        else server.write(frame(message));
      }
      server.write(frame({ jsonrpc: '2.0', id: 99999, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///none.reg' }, position: { line: 0, character: 0 } } }));
      const r = await server.response(99999, 20000);
      assert.ok('result' in r, JSON.stringify(r));
      assert.strictEqual(server.process.exitCode, null);
    } finally {
      server.stop();
    }
  });
});

describe('protocol: special files and paths from settings', function () {
  this.timeout(30000);
  let root: string;
  let ws: string;
  const messages: string[] = [];
  let client: TestClient;

  before(function () {
    if (!posix) this.skip();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-trust-'));
    ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, 'exports'), { recursive: true });
    fs.mkdirSync(path.join(root, 'outside'));
    fs.writeFileSync(path.join(root, 'outside', 'secret.txt'), 'root:$6$secret-hash:19000:0:99999:7:::\n');
    fs.writeFileSync(path.join(root, 'outside', 'boot.ini'), BOOT);
    fs.writeFileSync(path.join(ws, 'notes.txt'), 'not json at all\n');
  });

  afterEach(async () => {
    await client?.stop();
    messages.length = 0;
  });
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  async function start(settings: Record<string, unknown>, trusted?: boolean): Promise<void> {
    client = TestClient.start('stdio');
    client.collectMessages(messages);
    client.configuration = { exchangeConfig: settings };
    await client.initialize({ workspace: { configuration: true } }, trusted === undefined ? undefined : { workspaceTrusted: trusted }, [{ uri: pathToFileURL(ws).href, name: 'ws' }]);
  }

  /** Opens a .reg and waits for its diagnostics, so that the settings have been read. */
  async function diagnoseReg(name = 'a.reg'): Promise<Diag[]> {
    const uri = pathToFileURL(path.join(ws, 'exports', name)).href;
    const wait = client.nextDiagnostics(uri);
    await client.open(uri, REG);
    return (await wait).diagnostics as Diag[];
  }

  it('refuses catalog paths of the workspace settings that lead out of the workspace, alike whether they exist or not', async () => {
    const outside = [path.join(root, 'outside', 'secret.txt'), path.join(root, 'outside', 'none.json'), '../outside/secret.txt', '/dev/zero'];
    await start({ catalogFiles: outside, workspacePathSettings: ['catalogFiles'] });
    await diagnoseReg();
    for (const file of outside) {
      const said = [...new Set(messages.filter((m) => m.includes(`Catalog ${file} is not used`)))];
      assert.deepStrictEqual(said, [`Catalog ${file} is not used: cannot read it: it is outside the workspace folders; the workspace settings may only name files inside them (your user settings may name any file). The built-in catalog still applies.`]);
    }
    assert.ok(!messages.some((m) => m.includes('secret-hash') || m.includes('root:')), messages.join('\n'));
  });

  it('reads a workspace catalog inside the workspace, and says where it is not JSON without quoting it', async () => {
    await start({ catalogFiles: ['notes.txt'], workspacePathSettings: ['catalogFiles'] });
    await diagnoseReg();
    assert.ok(messages.includes('Catalog notes.txt is not used: not valid JSON (syntax error at line 1, column 2). The built-in catalog still applies.'), messages.join('\n'));
  });

  it('lets user settings name a file anywhere, and still never shows its content', async () => {
    const secret = path.join(root, 'outside', 'secret.txt');
    await start({ catalogFiles: [secret, '/dev/zero'] });
    await diagnoseReg();
    assert.ok(messages.includes(`Catalog ${secret} is not used: not valid JSON (syntax error at line 1, column 1). The built-in catalog still applies.`), messages.join('\n'));
    assert.ok(messages.includes('Catalog /dev/zero is not used: cannot read it: it is not a regular file (a device, pipe or socket). The built-in catalog still applies.'), messages.join('\n'));
    assert.ok(!messages.some((m) => m.includes('secret-hash')));
  });

  it('ignores workspace catalog paths until the workspace is trusted', async () => {
    await start({ catalogFiles: ['notes.txt'], workspacePathSettings: ['catalogFiles'] }, false);
    await diagnoseReg();
    assert.ok(messages.some((m) => /^Catalog notes\.txt is not used: .*this workspace is not trusted/.test(m)), messages.join('\n'));
    assert.ok(!messages.some((m) => m.includes('not valid JSON')));
    await client.connection.sendNotification('exchangeConfig/workspaceTrusted');
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: pathToFileURL(path.join(ws, 'exports', 'a.reg')).href }, position: { line: 3, character: 2 } });
    assert.ok(messages.some((m) => m.includes('not valid JSON (syntax error at line 1, column 2)')), messages.join('\n'));
  });

  it('does not pair a .reg with a boot.ini outside the workspace through exchangeConfig.bootIniFor', async () => {
    await start({ bootIniFor: { exports: '../outside/boot.ini' } });
    const diags = await diagnoseReg();
    assert.ok(!diags.some((d) => d.code === 'cross.memory-config'));
    assert.ok(messages.some((m) => m.includes('"../outside/boot.ini" is outside the workspace folder')), messages.join('\n'));
    await client.stop();
    // The same pairing inside the workspace is used (the check above is not silent for another reason).
    fs.writeFileSync(path.join(ws, 'boot.ini'), BOOT);
    await start({ bootIniFor: { exports: 'boot.ini' } });
    assert.ok((await diagnoseReg('b.reg')).some((d) => d.code === 'cross.memory-config'));
    fs.unlinkSync(path.join(ws, 'boot.ini'));
  });

  it('keeps answering when the boot.ini beside a .reg is a FIFO or a link to /dev/zero, and in commands given such URIs', async () => {
    await start({});
    const folder = path.join(ws, 'special');
    fs.mkdirSync(folder);
    execFileSync('mkfifo', [path.join(folder, 'boot.ini')]);
    fs.mkdirSync(path.join(folder, 'z'));
    fs.symlinkSync('/dev/zero', path.join(folder, 'z', 'boot.ini'));
    for (const reg of [path.join(folder, 'a.reg'), path.join(folder, 'z', 'a.reg')]) {
      const uri = pathToFileURL(reg).href;
      const wait = client.nextDiagnostics(uri);
      await client.open(uri, REG);
      assert.ok(!hasCross(await wait));
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } });
      assert.ok(hover !== undefined);
    }
    const report = (await client.connection.sendRequest('workspace/executeCommand', { command: 'exchangeConfig.server.memoryReport', arguments: [{ uri: pathToFileURL(path.join(folder, 'z', 'boot.ini')).href }] })) as { markdown: string | null };
    assert.strictEqual(report.markdown, null);
    const cleanup = (await client.connection.sendRequest('workspace/executeCommand', { command: 'exchangeConfig.server.cleanupReg', arguments: [{ uris: ['file:///dev/zero', pathToFileURL(path.join(folder, 'boot.ini')).href] }] })) as { unreadable: string[] };
    assert.deepStrictEqual(cleanup.unreadable, [
      'file:///dev/zero: it is not a regular file (a device, pipe or socket)',
      `${pathToFileURL(path.join(folder, 'boot.ini')).href}: it is not a regular file (a device, pipe or socket)`,
    ]);
  });
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 90000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('protocol: requests while many documents are validated', function () {
  this.timeout(120000);
  let client: TestClient;
  after(async () => client?.stop());

  it('answers a hover while all open documents are diagnosed again, not after them', async () => {
    client = TestClient.start('stdio');
    await client.initialize({});
    const lines = ['Windows Registry Editor Version 5.00', ''];
    for (let k = 0; k < 400; k++) lines.push(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\K${k}]`, '"MaxPollingFrequency"=dword:00001000', '"Name"="value"', '"Data"=hex:01,02,03,04', '');
    const text = lines.join('\r\n');
    const count = 200;
    const uris = Array.from({ length: count }, (_, i) => `file:///tmp/load-test/f${i}.reg`);
    let published = 0;
    let firstAgain: () => void = () => undefined;
    const diagnosedAgain = new Promise<void>((resolve) => (firstAgain = resolve));
    client.connection.onNotification('textDocument/publishDiagnostics', () => {
      published++;
      if (published === count + 1) firstAgain();
    });
    for (const uri of uris) await client.open(uri, text);
    await waitFor(() => published >= count, `${count} documents diagnosed`);
    // A settings change has every document diagnosed again; the hover is sent once the first of them is published.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { exchangeConfig: { exchangeVersion: '2003sp2' } } });
    await diagnosedAgain;
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uris[0] }, position: { line: 3, character: 3 } });
    const atHover = published - count;
    assert.ok(atHover < count, `the hover waited until all ${count} documents were diagnosed again`);
    await waitFor(() => published >= 2 * count, 'every document diagnosed again in the end');
  });
});
