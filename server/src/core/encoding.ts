/**
 * Turns a file's bytes into text the way the tools that read these files would, and says how it was decoded.
 * Works in Node and in browsers (TextDecoder only).
 */

export type EncodingName = 'utf16le' | 'utf16be' | 'utf8' | 'utf8bom' | 'windows1252';

export interface Decoded {
  text: string;
  encoding: EncodingName;
  /** A byte order mark was present (and is not part of `text`). */
  bom: boolean;
  /** UTF-16 guessed from NUL bytes although there is no byte order mark. */
  guessedWithoutBom: boolean;
  /** A UTF-16 file with an odd number of bytes: the last byte could not be decoded. */
  truncated: boolean;
  /** Some byte is outside ASCII. Only computed for UTF-8 and ANSI files; false for UTF-16, where it does not matter. */
  nonAscii: boolean;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });
const ansiDecoder = new TextDecoder('windows-1252');

/**
 * Windows-1252 from 0x80 to 0x9f, where Node's TextDecoder (as of Node 20) reads "windows-1252" as Latin-1 and gives
 * control characters instead of the euro sign, curly quotes, dashes and the like; browsers already follow the
 * Encoding Standard. The five bytes the code page leaves undefined (81, 8d, 8f, 90, 9d) keep their code points, as
 * in the Encoding Standard. Hand-written: the table is the code page itself, and no decoder Node has gets it right.
 */
const CP1252_80_9F = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Bytes in the ANSI code page regedit, boot.ini and Setup read on Western European Windows (windows-1252). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = ansiDecoder.decode(bytes);
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]);
}


/**
 * Node's Buffer, when there is one (not in a browser). Its UTF-16LE decoding copies the code units as they are,
 * several times faster than TextDecoder, which also replaces unpaired surrogates with U+FFFD; the two agree on
 * any text without surrogate code units, and only such text is given to it (see decodeUtf16le).
 */
interface NodeBufferLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'utf16le'): string };
}
const nodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer;

/** The platform stores an Int32Array's elements little-endian (true almost everywhere; checked all the same). */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function hasNonAscii(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/**
 * Whether UTF-16LE bytes (an even number of them) hold a surrogate code unit: a high byte from D8 to DF. Reads
 * the bytes four at a time; a first pass only ORs them together, and text whose code units all stay below U+0100
 * (most exports) is done after it.
 */
function hasSurrogateLE(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  if (littleEndian && (bytes.byteOffset & 1) === 0) {
    // Unit by unit up to a 4-byte boundary, then two code units per Int32.
    while (i < n && ((bytes.byteOffset + i) & 3) !== 0) {
      if ((bytes[i + 1] & 0xf8) === 0xd8) return true;
      i += 2;
    }
    const words = (n - i) >> 2;
    if (words > 0) {
      const w = new Int32Array(bytes.buffer, bytes.byteOffset + i, words);
      // Four accumulators, so that the loop is not one long chain of dependent ORs.
      let a = 0;
      let b = 0;
      let c = 0;
      let d = 0;
      let k = 0;
      for (; k + 4 <= words; k += 4) {
        a |= w[k];
        b |= w[k + 1];
        c |= w[k + 2];
        d |= w[k + 3];
      }
      for (; k < words; k++) a |= w[k];
      if (((a | b | c | d) & 0xff00ff00) !== 0) {
        for (let k = 0; k < words; k++) {
          const x = w[k];
          if ((x & 0xf800) === 0xd800 || ((x >>> 16) & 0xf800) === 0xd800) return true;
        }
      }
      i += words << 2;
    }
  }
  for (; i + 1 < n; i += 2) if ((bytes[i + 1] & 0xf8) === 0xd8) return true;
  return false;
}

/** UTF-16LE bytes (an even number) as TextDecoder('utf-16le', { ignoreBOM: true }) decodes them, faster in Node. */
function decodeUtf16le(bytes: Uint8Array): string {
  if (nodeBuffer !== undefined && !hasSurrogateLE(bytes)) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf16le');
  return utf16le.decode(bytes);
}

/** NUL bytes mostly at odd offsets (LE) or even offsets (BE) in the first bytes: UTF-16 without a byte order mark. */
function guessUtf16(bytes: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let oddNul = 0;
  let evenNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf16be';
  return undefined;
}

export function decodeBytes(bytes: Uint8Array, forced?: EncodingName): Decoded {
  const result = (text: string, encoding: EncodingName, extra: Partial<Decoded> = {}): Decoded => ({
    text,
    encoding,
    bom: false,
    guessedWithoutBom: false,
    truncated: false,
    // Only UTF-8 and ANSI files need this (UTF-16 files are read as regedit reads them whatever they hold).
    nonAscii: encoding === 'utf8' || encoding === 'utf8bom' || encoding === 'windows1252' ? hasNonAscii(bytes, 0) : false,
    ...extra,
  });
  const b0 = bytes[0];
  const b1 = bytes[1];
  let kind: EncodingName | undefined = forced;
  let bom = 0;
  if (b0 === 0xff && b1 === 0xfe) {
    kind ??= 'utf16le';
    bom = 2;
  } else if (b0 === 0xfe && b1 === 0xff) {
    kind ??= 'utf16be';
    bom = 2;
  } else if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    kind ??= 'utf8bom';
    bom = 3;
  }
  let guessed = false;
  if (!kind) {
    const g = guessUtf16(bytes);
    if (g) {
      kind = g;
      guessed = true;
    }
  }
  if (!kind) {
    if (!hasNonAscii(bytes, 0)) return result(decodeWindows1252(bytes), 'windows1252');
    try {
      return result(utf8Strict.decode(bytes), 'utf8');
    } catch {
      return result(decodeWindows1252(bytes), 'windows1252');
    }
  }
  const body = bytes.subarray(bom);
  switch (kind) {
    case 'utf16le':
    case 'utf16be': {
      const odd = body.length % 2 === 1;
      const even = odd ? body.subarray(0, body.length - 1) : body;
      const text = kind === 'utf16le' ? decodeUtf16le(even) : utf16be.decode(even);
      return result(text, kind, { bom: bom > 0, guessedWithoutBom: guessed, truncated: odd });
    }
    case 'utf8':
    case 'utf8bom':
      return result(utf8.decode(body), kind, { bom: bom > 0 });
    default:
      return result(decodeWindows1252(body), 'windows1252', { bom: bom > 0 });
  }
}

/** windows-1252 as decodeWindows1252 reads it, reversed: every one of the 256 bytes decodes to its own character. */
let ansiBytes: Map<number, number> | undefined;

function encodeAnsi(text: string): Uint8Array | undefined {
  if (!ansiBytes) {
    ansiBytes = new Map();
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    for (let i = 0; i < all.length; i++) ansiBytes.set(all.charCodeAt(i), i);
  }
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = ansiBytes.get(text.charCodeAt(i));
    if (b === undefined) return undefined;
    out[i] = b;
  }
  return out;
}

/**
 * Text written back in the encoding it was decoded from, with the same byte order mark: the inverse of decodeBytes
 * for a file whose bytes round-trip (see roundTrips). Undefined when a character cannot be written in that encoding
 * (a character outside windows-1252 in an ANSI file).
 */
export function encodeText(text: string, decoded: Pick<Decoded, 'encoding' | 'bom'>): Uint8Array | undefined {
  let body: Uint8Array | undefined;
  let bom: number[] = [];
  switch (decoded.encoding) {
    case 'utf16le':
    case 'utf16be': {
      body = new Uint8Array(text.length * 2);
      const le = decoded.encoding === 'utf16le';
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        body[2 * i + (le ? 0 : 1)] = c & 0xff;
        body[2 * i + (le ? 1 : 0)] = c >>> 8;
      }
      if (decoded.bom) bom = le ? [0xff, 0xfe] : [0xfe, 0xff];
      break;
    }
    case 'utf8':
    case 'utf8bom':
      body = new TextEncoder().encode(text);
      if (decoded.bom) bom = [0xef, 0xbb, 0xbf];
      break;
    default:
      body = encodeAnsi(text);
      if (body && decoded.bom) bom = [0xef, 0xbb, 0xbf];
  }
  if (!body) return undefined;
  if (bom.length === 0) return body;
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom);
  out.set(body, bom.length);
  return out;
}

/**
 * Whether writing the decoded text back gives exactly the original bytes. Only then may a fix rewrite the file: the
 * bytes outside the edited text are then certain to stay as they were (not so for invalid UTF-8, which decodes to
 * U+FFFD, or a UTF-16 file cut short by a byte).
 */
export function roundTrips(bytes: Uint8Array, decoded: Decoded): boolean {
  if (decoded.truncated) return false;
  const again = encodeText(decoded.text, decoded);
  if (!again || again.length !== bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (again[i] !== bytes[i]) return false;
  return true;
}
