/**
 * The worker thread that reads a directory export for the Node language server (see preview/load.ts): it receives the
 * export's bytes, parses them and posts the objects in batches, so that the server's own thread only adds batches.
 */
import { parentPort, workerData } from 'worker_threads';
import { postExport } from '../preview/load';

if (parentPort) {
  const port = parentPort;
  postExport(workerData as Uint8Array, (m) => port.postMessage(m));
  // Kept alive until the server has taken every message and ends the worker.
  port.on('message', () => undefined);
}
