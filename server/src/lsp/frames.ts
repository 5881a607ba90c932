/**
 * A guard in front of the LSP stdio reader. vscode-jsonrpc's StreamMessageReader trusts every header: after a bad or
 * missing Content-Length, two of them, a body shorter than declared or binary noise it reads the following bytes as
 * headers and never recovers, and a declared length of 10^12 makes it wait for ever; the process stays alive and never
 * answers again. This transform passes on only well-formed frames (one Content-Length, a number within the limit,
 * header lines of the form "Name: value") and, after anything else, resynchronises on the next valid header; each
 * problem is reported once per occurrence (the host writes it to stderr).
 *
 * A raw CR LF CR LF cannot occur inside a JSON body (JSON escapes control characters in strings), so a valid header
 * found inside a declared body means the body was shorter than declared: the broken frame is dropped there.
 */
import { trimEndChars, trimStartChars } from '../core/text';
import { Transform, TransformCallback } from 'stream';

/** Largest message accepted: a JSON string cannot be longer than about 512 M characters in V8 anyway. */
export const MAX_FRAME_BYTES = 500 * 1024 * 1024;
/** Largest header block: real ones are under 100 bytes. */
const MAX_HEADER_BYTES = 8192;

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = Buffer.from('Content-Length:');

type Header = { length: number; bodyStart: number } | { problem: string } | 'incomplete';

/** Parses the header block at the start of `buf`. */
function parseHeader(buf: Buffer, maxBody: number): Header {
  const end = buf.indexOf(HEADER_END);
  if (end < 0 || end > MAX_HEADER_BYTES) return buf.length > MAX_HEADER_BYTES || end > MAX_HEADER_BYTES ? { problem: 'a header longer than 8 KB' } : 'incomplete';
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  let length: number | undefined;
  for (const line of lines) {
    // Name, colon, value between optional blanks (trimmed by scans: no expression that could backtrack).
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0));
    const value = trimEndChars(trimStartChars(line.slice(colon + 1), ' \t'), ' \t');
    if (!/^[A-Za-z0-9-]+$/.test(name) || !/^[\x20-\x7e]*$/.test(value)) return { problem: 'a header line that is not "Name: value"' };
    if (name.toLowerCase() !== 'content-length') continue;
    if (length !== undefined) return { problem: 'two Content-Length headers' };
    if (!/^[0-9]{1,15}$/.test(value)) return { problem: 'a Content-Length that is not a number' };
    length = Number(value);
    if (length > maxBody) return { problem: `a Content-Length of ${length} bytes, over the limit of ${maxBody}` };
  }
  if (length === undefined) return { problem: 'a header without Content-Length' };
  return { length, bodyStart: end + HEADER_END.length };
}

export class FrameGuard extends Transform {
  private chunks: Buffer[] = [];
  private size = 0;
  /** The frame being waited for: its header is valid and its body incomplete. */
  private waiting: { length: number; bodyStart: number } | undefined;
  /** Whether bytes received since the last search may hold a header inside the waited-for body. */
  private suspect = false;
  /** The last bytes received, so that a "Content-Length:" split across two chunks is seen. */
  private tail = Buffer.alloc(0);
  /** Set while skipping bad input, so that it is reported once. */
  private resyncing = false;
  /** How far the body of the waited-for frame has been searched for a header inside it. */
  private scanned = 0;

  constructor(
    private readonly report: (problem: string) => void,
    private readonly maxBody = MAX_FRAME_BYTES,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.chunks.push(chunk);
      this.size += chunk.length;
      const probe = this.tail.length > 0 ? Buffer.concat([this.tail, chunk.subarray(0, CONTENT_LENGTH.length)]) : Buffer.alloc(0);
      if (chunk.indexOf(CONTENT_LENGTH) >= 0 || probe.indexOf(CONTENT_LENGTH) >= 0) this.suspect = true;
      const last = Buffer.concat([this.tail, chunk.subarray(Math.max(0, chunk.length - CONTENT_LENGTH.length + 1))]);
      this.tail = Buffer.from(last.subarray(Math.max(0, last.length - CONTENT_LENGTH.length + 1)));
      this.drain();
      callback();
    } catch (e) {
      // The guard must never take the reader down; drop what is buffered and carry on with the next bytes.
      this.report(`dropped unreadable input (${(e as Error).message})`);
      this.chunks = [];
      this.size = 0;
      this.waiting = undefined;
      callback();
    }
  }

  /** The buffered bytes as one Buffer (merged once, not on every chunk). */
  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** The first bytes, at least `n` of them where buffered, without merging a long list of chunks. */
  private front(n: number): Buffer {
    if (this.chunks.length > 1 && this.chunks[0].length < n) {
      let k = 0;
      let len = 0;
      while (k < this.chunks.length && len < n) len += this.chunks[k++].length;
      this.chunks = [Buffer.concat(this.chunks.slice(0, k), len), ...this.chunks.slice(k)];
    }
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private discard(n: number): void {
    const rest = this.joined().subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
  }

  private drain(): void {
    while (this.size > 0) {
      if (this.waiting) {
        const { length, bodyStart } = this.waiting;
        const need = bodyStart + length;
        if (this.suspect) {
          this.suspect = false;
          // A valid header inside the body: the body was shorter than declared, and a new message starts there.
          const upto = Math.min(this.size, need);
          const { at, incomplete } = this.findHeader(Math.max(bodyStart, this.scanned - MAX_HEADER_BYTES - HEADER_END.length), upto);
          this.scanned = upto;
          // A candidate whose header has not fully arrived is looked at again with the next bytes.
          if (incomplete) this.suspect = true;
          if (at >= 0) {
            this.report(`dropped a message whose body is shorter than its Content-Length of ${length}`);
            this.waiting = undefined;
            this.discard(at);
            this.suspect = true;
            continue;
          }
        }
        if (this.size < need) return;
        const frame = this.joined().subarray(0, need);
        this.push(Buffer.from(frame));
        this.resyncing = false;
        this.waiting = undefined;
        this.discard(need);
        this.suspect = true;
        continue;
      }
      const header = parseHeader(this.front(MAX_HEADER_BYTES + HEADER_END.length), this.maxBody);
      if (header === 'incomplete') return;
      if ('problem' in header) {
        this.resync(`ignored ${header.problem}`);
        continue;
      }
      this.waiting = header;
      this.scanned = 0;
    }
  }

  /**
   * The offset of the first valid header that starts in [from, upto), or -1, and whether a candidate before it was
   * still incomplete. Chunks are searched one by one (and across
   * their boundaries), not merged, so that a long body that arrives in many chunks is not copied again for each.
   */
  private findHeader(from: number, upto: number): { at: number; incomplete: boolean } {
    let incomplete = false;
    let offset = 0;
    for (let k = 0; k < this.chunks.length && offset < upto; k++) {
      const chunk = this.chunks[k];
      const end = offset + chunk.length;
      if (end > from) {
        // Candidates starting in this chunk: within it, or running over into the next chunks.
        const startIn = Math.max(0, from - offset);
        const edge = Math.max(startIn, chunk.length - CONTENT_LENGTH.length + 1);
        const window = this.slice(offset + edge, chunk.length - edge + CONTENT_LENGTH.length - 1);
        const candidates: number[] = [];
        for (let at = chunk.indexOf(CONTENT_LENGTH, startIn); at >= 0 && at < edge; at = chunk.indexOf(CONTENT_LENGTH, at + 1)) candidates.push(offset + at);
        for (let at = window.indexOf(CONTENT_LENGTH); at >= 0 && at < chunk.length - edge; at = window.indexOf(CONTENT_LENGTH, at + 1)) candidates.push(offset + edge + at);
        for (const at of candidates) {
          if (at >= upto) break;
          const header = parseHeader(this.slice(at, MAX_HEADER_BYTES + HEADER_END.length), this.maxBody);
          if (typeof header === 'object' && 'length' in header) return { at, incomplete };
          if (header === 'incomplete') incomplete = true;
        }
      }
      offset = end;
    }
    return { at: -1, incomplete };
  }

  /** Up to `n` buffered bytes from `start`, copied out of the chunks. */
  private slice(start: number, n: number): Buffer {
    const parts: Buffer[] = [];
    let offset = 0;
    let left = n;
    for (const chunk of this.chunks) {
      const end = offset + chunk.length;
      if (end > start && left > 0) {
        const part = chunk.subarray(Math.max(0, start - offset), Math.max(0, start - offset) + left);
        parts.push(part);
        left -= part.length;
      }
      offset = end;
      if (left <= 0) break;
    }
    return Buffer.concat(parts);
  }

  /**
   * Drops bytes up to the next "Content-Length:" after the start, keeping a tail that may be the start of one. One
   * report per stretch of bad input: the next good frame ends the stretch.
   */
  private resync(problem: string): void {
    const buf = this.joined();
    const next = buf.indexOf(CONTENT_LENGTH, 1);
    if (!this.resyncing) this.report(`${problem}; skipping to the next message`);
    this.resyncing = true;
    if (next > 0) this.discard(next);
    else {
      let keep = Math.min(CONTENT_LENGTH.length - 1, this.size - 1);
      while (keep > 0 && !buf.subarray(this.size - keep).equals(CONTENT_LENGTH.subarray(0, keep))) keep--;
      this.discard(this.size - keep);
    }
    this.suspect = true;
  }
}
