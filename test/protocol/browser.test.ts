/**
 * The web-worker build of the language server (dist/browserServer.js, what VS Code for the Web runs), loaded in a
 * Node worker thread that plays the browser worker: `self` with postMessage/onmessage/addEventListener over the
 * thread's parentPort, and no file system given to the server. JSON-RPC message objects are posted as they are.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';

const ROOT = path.join(__dirname, '..', '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'browserServer.js');

/** Runs in the worker thread before the bundle: the part of a DedicatedWorkerGlobalScope the server uses. */
const PREAMBLE = `
const { parentPort, workerData } = require('worker_threads');
const listeners = { message: [], error: [] };
const scope = {
  onmessage: null,
  postMessage: (data) => parentPort.postMessage(data),
  addEventListener: (type, listener) => (listeners[type] = listeners[type] || []).push(listener),
  removeEventListener: (type, listener) => { listeners[type] = (listeners[type] || []).filter((l) => l !== listener); },
};
parentPort.on('message', (data) => {
  const event = { data };
  if (typeof scope.onmessage === 'function') scope.onmessage(event);
  for (const l of listeners.message) l(event);
});
globalThis.self = scope;
// Browsers have no Buffer: code that relies on it fails here as it would there.
delete globalThis.Buffer;
require(workerData.bundle);
`;

type Message = { jsonrpc: '2.0'; id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
type Diag = { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; codeDescription?: { href: string } };

/** A JSON-RPC peer over the worker: requests with timeouts, notifications, and answers to the server's requests. */
class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private readonly notifications: Message[] = [];
  private waiters: { method: string; predicate: (p: never) => boolean; resolve: (p: unknown) => void }[] = [];
  readonly errors: Error[] = [];
  /** What workspace/configuration answers for each item (null: the defaults). */
  configuration: unknown = null;

  constructor(readonly worker: Worker) {
    worker.on('error', (e) => this.errors.push(e));
    worker.on('message', (m: Message) => {
      if (m.method !== undefined && m.id !== undefined) {
        // A request from the server: configuration gets defaults (null), the rest an empty result.
        const params = m.params as { items?: unknown[] } | undefined;
        const result = m.method === 'workspace/configuration' ? (params?.items ?? []).map(() => this.configuration) : null;
        worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
      } else if (m.method !== undefined) {
        this.notifications.push(m);
        this.waiters = this.waiters.filter((w) => {
          if (w.method !== m.method || !w.predicate(m.params as never)) return true;
          w.resolve(m.params);
          return false;
        });
      } else if (typeof m.id === 'number') {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) p?.reject(new Error(m.error.message));
        else p?.resolve(m.result);
      }
    });
  }

  request<T>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, {
        resolve: (r) => (clearTimeout(timer), resolve(r as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Shuts the server down as a client does, then ends the worker. */
  async close(): Promise<void> {
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } finally {
      await this.worker.terminate();
    }
  }

  notify(method: string, params: unknown): void {
    this.worker.postMessage({ jsonrpc: '2.0', method, params });
  }

  /** The next notification `method` whose params satisfy `predicate` (registered before the message that causes it). */
  next<P>(method: string, predicate: (p: P) => boolean, timeoutMs = 10000): Promise<P> {
    return new Promise<P>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ method, predicate: predicate as (p: never) => boolean, resolve: (p) => (clearTimeout(timer), resolve(p as P)) });
    });
  }
}

const URI = 'vscode-vfs://github/example/servers/sample.reg';
const TEXT = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]',
  '"Maximum Polling Frequency"=dword:0001d4c0',
  '"Bad"=dword:123456789',
  '',
].join('\r\n');

describe('protocol: web-worker server bundle (dist/browserServer.js)', function () {
  this.timeout(30000);
  let client: WorkerClient;

  before(async () => {
    // `npm test` bundles before mocha; build here too when mocha runs alone.
    if (!fs.existsSync(BUNDLE)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js'), '--quiet'], { stdio: 'inherit' });
    client = new WorkerClient(new Worker(PREAMBLE, { eval: true, workerData: { bundle: BUNDLE } }));
    const init = await client.request<{ capabilities: { hoverProvider?: boolean; textDocumentSync?: { change: number } } }>('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true } },
    });
    assert.strictEqual(init.capabilities.hoverProvider, true);
    assert.strictEqual(init.capabilities.textDocumentSync?.change, 2);
    client.notify('initialized', {});
  });

  after(() => client?.close());

  it('is a browser bundle: no Node built-ins are required', () => {
    const text = fs.readFileSync(BUNDLE, 'utf8');
    assert.doesNotMatch(text, /\brequire\(\s*["'](?:node:)?(?:fs|path|url|os|child_process|net|worker_threads)["']\s*\)/);
  });

  it('publishes diagnostics for a .reg document, without documentation links when the client names no folder (no file system)', async () => {
    const wait = client.next<{ uri: string; diagnostics: Diag[] }>('textDocument/publishDiagnostics', (p) => p.uri === URI);
    client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'reg', version: 1, text: TEXT } });
    const p = await wait;
    assert.deepStrictEqual(
      p.diagnostics.map((d) => [d.code, d.range]),
      [['reg.dword-too-long', { start: { line: 4, character: 12 }, end: { line: 4, character: 21 } }]],
    );
    assert.strictEqual(p.diagnostics[0].codeDescription, undefined);
    assert.deepStrictEqual(client.errors, []);
  });

  it('answers hover from the bundled catalog', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 3, character: 2 } });
    assert.strictEqual(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /Maximum Polling Frequency/);
    assert.match(hover.contents.value, /120000/);
    assert.match(hover.contents.value, /Recommended:\*\* at least 60000/);
  });

  it('decodes base64 LDIF values without Node Buffer', async () => {
    const uri = 'vscode-vfs://github/example/export.ldf';
    // msExchPreferredBackfillSource as 16 bytes of base64 (a binary GUID) is valid; a 3-byte value is not a GUID.
    const ldif = (value: string) => ['dn: CN=Public Folder Store,CN=First Storage Group,CN=InformationStore,CN=SRV,CN=Servers', 'changetype: modify', 'replace: msExchPreferredBackfillSource', `msExchPreferredBackfillSource:: ${value}`, '-', ''].join('\n');
    const wait = client.next<{ uri: string; diagnostics: Diag[]; version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'ldif', version: 1, text: ldif('EjRWeJq83vASNFZ4mrze8A==') } });
    const good = await wait;
    assert.ok(!good.diagnostics.some((d) => d.code === 'ldif.invalid-backfill-source'), JSON.stringify(good.diagnostics));
    const wait2 = client.next<{ uri: string; diagnostics: Diag[]; version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: ldif('YWJj') }] });
    const bad = await wait2;
    assert.ok(bad.diagnostics.some((d) => d.code === 'ldif.invalid-backfill-source'), JSON.stringify(bad.diagnostics));
  });
});

describe('protocol: web-worker server bundle, documentation of the codes', function () {
  this.timeout(30000);
  // What the VS Code client passes in the web build: a folder under its extensionUri.
  const DOCS = 'https://example.vscode-cdn.net/extensions/exchange-config-tools/docs/codes';
  let client: WorkerClient;

  before(async () => {
    if (!fs.existsSync(BUNDLE)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js'), '--quiet'], { stdio: 'inherit' });
    client = new WorkerClient(new Worker(PREAMBLE, { eval: true, workerData: { bundle: BUNDLE } }));
    await client.request('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { codeDocsUri: DOCS, showCodeDocumentationCommand: true },
    });
    client.notify('initialized', {});
  });

  after(() => client?.close());

  it('links each code to its page in the folder the client named, and offers "Show documentation" with the client\'s command', async () => {
    const wait = client.next<{ uri: string; diagnostics: (Diag & { source: string })[] }>('textDocument/publishDiagnostics', (p) => p.uri === URI);
    client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'reg', version: 1, text: TEXT } });
    const p = await wait;
    assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.codeDescription?.href]), [['reg.dword-too-long', `${DOCS}/reg.dword-too-long.md`]]);
    const actions = await client.request<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics } });
    const docs = actions.filter((a) => a.title.startsWith('Show documentation'));
    assert.deepStrictEqual(docs.map((a) => [a.title, a.command?.command, a.command?.arguments]), [
      ['Show documentation for reg.dword-too-long', 'exchangeConfig.showCodeDocumentation', [{ code: 'reg.dword-too-long', uri: `${DOCS}/reg.dword-too-long.md` }]],
    ]);
    assert.deepStrictEqual(client.errors, []);
  });
});

describe('protocol: web-worker server bundle, query-based group preview', function () {
  this.timeout(30000);
  let client: WorkerClient;
  const WS = 'vscode-vfs://github/example';
  const EXPORT = ['dn: CN=Alice,OU=Sales,DC=contoso,DC=com', 'objectClass: user', 'displayName: Alice', 'mailNickname: alice', 'department: Sales', ''].join('\n');

  before(async () => {
    if (!fs.existsSync(BUNDLE)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js'), '--quiet'], { stdio: 'inherit' });
    client = new WorkerClient(new Worker(PREAMBLE, { eval: true, workerData: { bundle: BUNDLE } }));
    client.configuration = { directoryExport: 'exports/recipients.ldf' };
    await client.request('initialize', { processId: null, rootUri: null, workspaceFolders: [{ uri: WS, name: 'example' }], capabilities: { workspace: { configuration: true } } });
    client.notify('initialized', {});
  });

  after(() => client?.close());

  const lenses = (uri: string): Promise<{ command?: { title: string } }[]> => client.request('textDocument/codeLens', { textDocument: { uri } });

  it('has no file system: no CodeLens while the export is not open in the editor, then previews against the open export', async () => {
    const uri = `${WS}/sales.ldapfilter`;
    const said = client.next<{ message: string }>('window/logMessage', (p) => p.message.includes('exchangeConfig.directoryExport'));
    const first = client.next<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'ldapfilter', version: 1, text: '(&(mailNickname=*)(department=Sales))' } });
    await first;
    assert.deepStrictEqual(await lenses(uri), []);
    assert.match((await said).message, /only an export open in the editor is read/);
    client.notify('textDocument/didOpen', { textDocument: { uri: `${WS}/exports/recipients.ldf`, languageId: 'ldif', version: 1, text: EXPORT } });
    let got: { command?: { title: string } }[] = [];
    for (let i = 0; i < 100 && got.length === 0; i++) {
      got = await lenses(uri);
      if (got.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepStrictEqual(got.map((l) => l.command?.title), ['Preview: matches 1 of 1 recipient in recipients.ldf']);
    assert.deepStrictEqual(client.errors, []);
  });
});
