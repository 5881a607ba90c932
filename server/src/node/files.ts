/**
 * Reading files from disk for the Node hosts (language server and CLI): every file is read through `readRegularFile`,
 * which reads only regular files (after following links) up to a size limit. A FIFO would block the process for ever,
 * a device such as /dev/zero never ends, and a file of several hundred megabytes exhausts the heap; such files are
 * reported as unreadable instead. Paths may be Buffers, so that a file name that is not valid UTF-8 still names its
 * file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

/**
 * Largest document read. The analysis needs about 45 bytes of memory per byte of a .reg export (a 64 MB export: about
 * 3 GB, 40 s), and a 250 MB one exhausts Node's default heap (a fatal error, not an exception); an export of the
 * Exchange keys of a server is a few megabytes.
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Largest catalog file read: catalogs are hand-written JSON, the built-in one is under 1 MB. */
export const MAX_CATALOG_BYTES = 16 * 1024 * 1024;

export type UnreadableReason = 'not-found' | 'not-a-file' | 'too-large' | 'denied' | 'outside' | 'error';

/** Why a path from the workspace's settings is refused; the same words whether or not the path exists. */
export const OUTSIDE_WORKSPACE = 'it is outside the workspace folders; the workspace settings may only name files inside them (your user settings may name any file)';

/** A file that was not read; `message` says why in words, without the file's content. */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    message: string,
  ) {
    super(message);
  }
}

// Opening a FIFO for reading blocks until a writer appears; O_NONBLOCK returns at once (and changes nothing for regular
// files). Windows has no such flag.
const OPEN_FLAGS = fs.constants.O_RDONLY | (process.platform === 'win32' ? 0 : fs.constants.O_NONBLOCK ?? 0);

/**
 * Opens a regular file (after links, without blocking on a FIFO) and runs `read` on it with its size; anything else,
 * and any failure, is an UnreadableFileError. The file is closed afterwards.
 */
function withRegularFile<T>(file: fs.PathLike, read: (fd: number, size: number) => T): T {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw openError(e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new UnreadableFileError('not-a-file', stat.isDirectory() ? 'it is a folder' : 'it is not a regular file (a device, pipe or socket)');
    return read(fd, stat.size);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw openError(e);
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of a regular file of at most `maxBytes`; throws UnreadableFileError otherwise. */
export function readRegularFile(file: fs.PathLike, maxBytes: number = MAX_DOCUMENT_BYTES): Buffer {
  return withRegularFile(file, (fd, size) => {
    if (size > maxBytes) throw tooLarge(maxBytes);
    // The size may change while reading: read until the end, but never more than the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(1, Math.min(maxBytes + 1 - total, Math.max(size - total, 65536))));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  });
}

/** The first `bytes` bytes of a regular file; throws UnreadableFileError for anything else. */
export function readHead(file: fs.PathLike, bytes: number): Buffer {
  return withRegularFile(file, (fd) => {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, fs.readSync(fd, buf, 0, bytes, 0));
  });
}

function tooLarge(maxBytes: number): UnreadableFileError {
  return new UnreadableFileError('too-large', `it is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`);
}

function openError(e: unknown): UnreadableFileError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UnreadableFileError('not-found', 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return new UnreadableFileError('denied', 'permission denied');
  if (code === 'EISDIR') return new UnreadableFileError('not-a-file', 'it is a folder');
  if (code === 'ELOOP') return new UnreadableFileError('not-found', 'too many levels of symbolic links');
  return new UnreadableFileError('error', code ? `${code}` : String((e as Error).message ?? e));
}

/** Why a file could not be read, in a few words. */
export function unreadableReason(e: unknown): string {
  return e instanceof UnreadableFileError ? e.message : openError(e).message;
}

/**
 * The local path of a file: URI as bytes, so that percent-encoded bytes that are not UTF-8 (a file name written in a
 * legacy code page) survive; undefined for other schemes.
 */
export function uriToPath(uri: string): Buffer | string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'file:') return undefined;
  try {
    // Windows file names are UTF-16 (nothing to lose), and UNC paths and drive letters need Node's conversion.
    if (process.platform === 'win32') return fileURLToPath(url);
  } catch {
    return undefined;
  }
  if (url.hostname !== '' && url.hostname !== 'localhost') return undefined;
  return percentDecodeBytes(url.pathname);
}

/** Percent-decoding into bytes (not into a string, which would replace bytes that are not UTF-8). */
export function percentDecodeBytes(s: string): Buffer {
  const out: number[] = [];
  const utf8 = Buffer.from(s, 'utf8');
  for (let i = 0; i < utf8.length; i++) {
    const b = utf8[i];
    if (b === 0x25 && isHex(utf8[i + 1]) && isHex(utf8[i + 2])) {
      out.push(parseInt(String.fromCharCode(utf8[i + 1], utf8[i + 2]), 16));
      i += 2;
    } else out.push(b);
  }
  return Buffer.from(out);
}

function isHex(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
}

/** A path as text for messages: bytes that are not UTF-8 are shown as U+FFFD. */
export function displayPath(p: Buffer | string): string {
  return typeof p === 'string' ? p : p.toString('utf8');
}

/**
 * Whether `file` (absolute) lies inside one of `folders` (absolute), after following links of both. Where the file does
 * not exist, its nearest existing ancestor decides, so that a link out of the workspace cannot be used to learn
 * whether something exists beyond it.
 */
export function isInside(file: string, folders: readonly string[]): boolean {
  const within = (f: string, folder: string): boolean => {
    const rel = path.relative(folder, f);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
  };
  if (!folders.some((folder) => within(file, folder))) return false;
  const realFolders = folders.flatMap((folder) => [folder, realOr(folder)]);
  let existing = path.resolve(file);
  for (;;) {
    const real = realOr(existing, '');
    if (real !== '') return realFolders.some((folder) => within(real, folder));
    const parent = path.dirname(existing);
    if (parent === existing) return false;
    existing = parent;
  }
}

function realOr(p: string, fallback = p): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return fallback;
  }
}
