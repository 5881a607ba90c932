/**
 * Responsiveness of the language server under load: N .reg documents of about 100 KB each are opened at once over
 * stdio; measured are the time to the first and to the last diagnostics, the latency of hovers sent while all the
 * documents are validated again (after a settings change), and the server's resident memory before, with them open, and after closing them.
 *
 *   npm run build && node out/bench/load.js [--documents 500] [--hovers 10]
 *   node --expose-gc out/bench/load.js --in-process   (the server in this process: its heap after closing is measured)
 *
 * Prints figures only; nothing is asserted (test/protocol/robustness.test.ts checks the order of events instead).
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { PassThrough } from 'stream';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { startServer } from '../server/src/server';
import { median, ms, now } from './stats';

const SERVER = path.join(__dirname, '..', '..', 'bin', 'exchange-config-language-server.js');

function parseArgs(argv: string[]): { documents: number; hovers: number; inProcess: boolean } {
  let documents = 500;
  let hovers = 10;
  let inProcess = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--in-process') inProcess = true;
    else if (argv[i] === '--documents') documents = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--hovers') hovers = Math.max(1, Number(argv[++i]));
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { documents, hovers, inProcess };
}

function regText(): string {
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (let k = 0; k < 700; k++) lines.push(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Key${k}]`, '"MaxPollingFrequency"=dword:00001000', '"Name"="a value of some length"', '"Data"=hex:01,02,03,04,05,06,07,08', '');
  return lines.join('\r\n');
}

async function main(): Promise<void> {
  const { documents, hovers, inProcess } = parseArgs(process.argv.slice(2));
  let connection: ProtocolConnection;
  let child: ChildProcess | undefined;
  if (inProcess) {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), {});
    connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  } else {
    child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  }
  const pid = child?.pid ?? process.pid;
  let published = 0;
  let firstAt = 0;
  let lastAt = 0;
  connection.onNotification('textDocument/publishDiagnostics', () => {
    published++;
    if (published === 1) firstAt = now();
    if (published === documents) lastAt = now();
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  // A hover on no document is answered at once: it shows that the server has handled everything sent before.
  const ping = (): Promise<unknown> => connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none.reg' }, position: { line: 0, character: 0 } });
  await ping();
  const heapBefore = heap();
  const rssBefore = rss(pid);
  const text = regText();
  const uris = Array.from({ length: documents }, (_, i) => `file:///tmp/bench-load/f${i}.reg`);
  const started = now();
  for (const uri of uris) await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'reg', version: 1, text } });
  const sent = now();
  while (published < documents) await new Promise((r) => setTimeout(r, 20));
  // Every document is diagnosed again (a settings change); hovers are sent while that runs.
  const republishTarget = published + documents;
  const revalidating = now();
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: { exchangeConfig: { exchangeVersion: '2003sp2' } } });
  const latencies: number[] = [];
  for (let i = 0; i < hovers && published < republishTarget; i++) {
    const t = now();
    await connection.sendRequest('textDocument/hover', { textDocument: { uri: uris[i % documents] }, position: { line: 3, character: 3 } });
    latencies.push(now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  while (published < republishTarget) await new Promise((r) => setTimeout(r, 20));
  const revalidationMs = Math.round(now() - revalidating);
  const rssOpen = rss(pid);
  const heapOpen = heap();
  for (const uri of uris) await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await ping();
  await new Promise((r) => setTimeout(r, 1000));
  const rssClosed = rss(pid);
  const heapClosed = heap();
  const figures = {
    documents,
    megabytesSent: Math.round((text.length * documents) / 1e6),
    sendMs: Math.round(sent - started),
    firstDiagnosticsMs: Math.round(firstAt - started),
    lastDiagnosticsMs: Math.round(lastAt - started),
    hoverMedianMs: latencies.length ? Math.round(median(latencies)) : null,
    hoverMaxMs: latencies.length ? Math.round(Math.max(...latencies)) : null,
    hoversDuringValidation: latencies.length,
    revalidationMs,
    serverRssMB: { before: rssBefore, open: rssOpen, afterClose: rssClosed },
    heapMB: inProcess ? { before: heapBefore, open: heapOpen, afterClose: heapClosed } : null,
  };
  console.log(`${documents} documents (${figures.megabytesSent} M characters): first diagnostics after ${ms(figures.firstDiagnosticsMs)}, last after ${ms(figures.lastDiagnosticsMs)}`);
  console.log(`all diagnosed again in ${ms(revalidationMs)}; hover meanwhile: median ${figures.hoverMedianMs ?? '-'} ms, max ${figures.hoverMaxMs ?? '-'} ms (${latencies.length} hovers)`);
  console.log(`server RSS: ${rssBefore} MB before, ${rssOpen} MB open, ${rssClosed} MB after closing`);
  if (inProcess) console.log(`heap after a full collection: ${heapBefore} MB before, ${heapOpen} MB open, ${heapClosed} MB after closing`);
  console.log(JSON.stringify(figures));
  if (child) {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  }
  connection.dispose();
  if (inProcess) process.exit(0);
}

/** This process's heap in MB after a full collection (run with --expose-gc), or -1 without it. */
function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return -1;
  gc();
  return Math.round(process.memoryUsage().heapUsed / (1024 * 1024));
}

/** Resident memory of a process in MB (Linux /proc), or -1 where not available. */
function rss(pid: number | undefined): number {
  try {
    const status = require('fs').readFileSync(`/proc/${pid}/status`, 'utf8') as string;
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 1024) : -1;
  } catch {
    return -1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
