/** A minimal LSP client that drives the real server process over stdio or node IPC. */
import { ChildProcess, fork, spawn } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProtocolConnection,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.join(__dirname, '..', '..', '..', 'bin', 'exchange-config-language-server.js');

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void; predicate: (p: PublishDiagnosticsParams) => boolean }[] = [];
  configuration: Record<string, unknown> = {};
  readonly stderr: string[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.predicate(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => (i.section ? this.configuration[i.section] ?? null : this.configuration)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
  }

  static start(transport: 'stdio' | 'ipc' = 'stdio'): TestClient {
    if (transport === 'ipc') {
      const child = fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
      const c = new TestClient(createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)), child);
      child.stderr?.on('data', (d: Buffer) => c.stderr.push(d.toString()));
      return c;
    }
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const c = new TestClient(createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)), child);
    child.stderr.on('data', (d: Buffer) => c.stderr.push(d.toString()));
    return c;
  }

  /** Collects every message the server shows or logs (showMessageRequest, showMessage, logMessage) into `into`. */
  collectMessages(into: string[]): void {
    this.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      into.push(p.message);
      return null;
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => into.push(p.message));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => into.push(p.message));
  }

  async initialize(capabilities: Record<string, unknown> = {}, initializationOptions?: unknown, workspaceFolders?: { uri: string; name: string }[]): Promise<{ capabilities: Record<string, unknown> }> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspaceFolders ?? null,
      capabilities,
      initializationOptions,
    })) as { capabilities: Record<string, unknown> };
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `predicate`. */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        predicate,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  open(uri: string, text: string, languageId = 'reg', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 3000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}
