/**
 * Loading a directory export for the editor without holding up the language server: the LDIF is read and parsed in
 * pieces, and the objects are added to the directory in batches, one batch per turn of the event loop, so that requests
 * (hover, completion, diagnostics of other files) are answered between two batches. The Node server parses in a worker
 * thread (node/exportWorker.ts) and only adds the batches on its own thread; the web-worker server, which has no
 * threads, parses piece by piece here. A load can be cancelled (a newer version of the file, other settings).
 */
import { ExchangeContext } from '../core/catalog';
import { decodeBytes } from '../core/encoding';
import { LdifDocument } from '../languages/ldif/parse';
import { Directory, RawEntry, rawEntries } from './directory';

/** Objects handed over per batch: small enough that a request waits at most for one batch (bench/preview.ts times them). */
export const BATCH = 500;
/** Characters of LDIF parsed per piece on the server's own thread. */
const PIECE = 512 * 1024;

/** A message of the export worker: a batch of objects, the end (with the records skipped), or why it failed. */
export type ExportMessage = { batch: RawEntry[] } | { done: true; skipped: number } | { error: string };

export interface ExportLoad {
  /** The loaded directory; rejects with an Error when the export cannot be read or the load was cancelled. */
  readonly done: Promise<Directory>;
  cancel(): void;
}

/** Something that receives the messages of a load and can be stopped (a worker thread). */
export interface ExportSource {
  onMessage(listener: (m: ExportMessage) => void): void;
  onError(listener: (e: Error) => void): void;
  stop(): void;
}

const cancelled = (): Error => new Error('the load was cancelled');

/** Builds the directory from a source's batches, one batch per message (each message is its own turn of the event loop). */
export function loadFromSource(source: ExportSource, context?: Pick<ExchangeContext, 'extraGcAttributes'>): ExportLoad {
  const dir = Directory.empty(context);
  let settle: { resolve: (d: Directory) => void; reject: (e: Error) => void } | undefined;
  const done = new Promise<Directory>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (e?: Error): void => {
    const s = settle;
    settle = undefined;
    source.stop();
    if (s) e ? s.reject(e) : s.resolve(dir);
  };
  source.onMessage((m) => {
    if (!settle) return;
    try {
      if ('batch' in m) dir.add(m.batch);
      else if ('done' in m) {
        dir.skipped += m.skipped;
        finish();
      } else finish(new Error(m.error));
    } catch (e) {
      finish(e as Error);
    }
  });
  source.onError((e) => finish(e));
  return { done, cancel: () => finish(cancelled()) };
}

/** What the export worker does with the bytes of an export: decodes and parses them, and posts the objects in batches. */
export function postExport(bytes: Uint8Array, post: (m: ExportMessage) => void): void {
  try {
    const { entries, skipped } = rawEntries(LdifDocument.parse(decodeBytes(bytes).text));
    for (let i = 0; i < entries.length; i += BATCH) post({ batch: entries.slice(i, i + BATCH) });
    post({ done: true, skipped });
  } catch (e) {
    post({ error: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * Loads on the calling thread, yielding to the event loop between pieces: the text is cut at blank lines (records never
 * span one), each piece parsed on its own and its objects added in batches.
 */
export function loadInThread(text: string, context?: Pick<ExchangeContext, 'extraGcAttributes'>, yieldTurn: () => Promise<void> = nextTurn): ExportLoad {
  const dir = Directory.empty(context);
  let stopped = false;
  const run = async (): Promise<Directory> => {
    let at = 0;
    let line = 0;
    while (at < text.length) {
      await yieldTurn();
      if (stopped) throw cancelled();
      const end = pieceEnd(text, at);
      const piece = text.slice(at, end);
      const { entries, skipped } = rawEntries(LdifDocument.parse(piece), line);
      dir.skipped += skipped;
      for (let i = 0; i < entries.length; i += BATCH) {
        if (i > 0) {
          await yieldTurn();
          if (stopped) throw cancelled();
        }
        dir.add(entries.slice(i, i + BATCH));
      }
      line += countLines(piece);
      at = end;
    }
    return dir;
  };
  return { done: run(), cancel: () => (stopped = true) };
}

/** The end of the piece that starts at `at`: after the first blank line at least PIECE characters on, or the end of the text. */
export function pieceEnd(text: string, at: number): number {
  if (text.length - at <= PIECE) return text.length;
  // An empty line ends a record (a line holding blanks could continue a folded one, so it is no place to cut).
  const blank = /\r?\n(?:\r?\n)+/g;
  blank.lastIndex = at + PIECE;
  const m = blank.exec(text);
  return m ? m.index + m[0].length : text.length;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
