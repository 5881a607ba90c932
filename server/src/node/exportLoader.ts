/** Loads a directory export in a worker thread (node/exportWorker.ts) for the Node language server. */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { ExchangeContext } from '../core/catalog';
import { ExportLoad, ExportMessage, loadFromSource, loadInThread } from '../preview/load';
import { decodeBytes } from '../core/encoding';

/**
 * The worker's script beside the running code: dist/exportWorker.js beside the bundled server, node/exportWorker.js in
 * the tsc output. Undefined when neither exists (the export is then loaded on the server's thread, in pieces).
 */
export function exportWorkerScript(dir: string): string | undefined {
  return [path.join(dir, 'exportWorker.js'), path.join(dir, 'node', 'exportWorker.js')].find((f) => fs.existsSync(f));
}

export function loadExportInWorker(script: string | undefined, bytes: Uint8Array, context?: Pick<ExchangeContext, 'extraGcAttributes'>): ExportLoad {
  if (!script) return loadInThread(decodeBytes(bytes).text, context);
  // The bytes move to the worker (transferred, not copied).
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  const worker = new Worker(script, { workerData: own, transferList: [own.buffer as ArrayBuffer] });
  return loadFromSource(
    {
      onMessage: (listener) => worker.on('message', (m: ExportMessage) => listener(m)),
      onError: (listener) => {
        worker.on('error', listener);
        worker.on('exit', (code) => listener(new Error(`the loader stopped (exit code ${code})`)));
      },
      stop: () => void worker.terminate(),
    },
    context,
  );
}
