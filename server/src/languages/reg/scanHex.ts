/**
 * Hex data (`hex:` and `hex(n):` values and their continuation lines), read as regedit's convert_hex_csv_to_hex
 * reads it, with a fast path for regedit's own layout (two hex digits and a comma per byte), which is most of a
 * large export.
 */
import { findTokenEnd, hexValue, isBlank, isHexDigit, skipBlanks } from './chars';
import { CONT, ENDS_WITH_COMMA, Kind, LineRecord, SHARED } from './lineRecord';

/** scanHexBytes result bits. */
export const HEX_BAD = 1; // the value is rejected
export const HEX_BACKSLASH = 2; // a `,\` (or `hex:\`) ends the line

/**
 * What regedit itself writes: bytes as two hex digits, each followed by a comma, the last optionally not, or `\`.
 * Every part is optional, so the pattern always matches (perhaps nothing): where it stops (lastIndex) is what counts.
 */
const CANONICAL_HEX = /(?:[0-9a-fA-F]{2},)*(?:[0-9a-fA-F]{2}|\\)?/y;

/** Reads a line of canonical hex data with one regular-expression scan; -1 when the line needs the full reader. */
function scanCanonicalHex(text: string, from: number, end: number, rec: LineRecord): number {
  CANONICAL_HEX.lastIndex = from;
  CANONICAL_HEX.test(text);
  if (CANONICAL_HEX.lastIndex !== end) return -1;
  const length = end - from;
  const lastChar = text.charCodeAt(end - 1);
  let count: number;
  let result = 0;
  rec.endsWithComma = false;
  if (lastChar === 0x5c) {
    count = (length - 1) / 3;
    result = HEX_BACKSLASH;
  } else if (lastChar === 0x2c) {
    count = length / 3;
    rec.endsWithComma = true;
  } else {
    count = (length + 1) / 3;
  }
  rec.bytesStart = from;
  rec.byteCount = count;
  rec.tail = canonicalTail(text, from, count);
  rec.surrogateByte = canonicalHasSurrogateByte(text, from, count);
  return result;
}

/** Fills `rec` (a reset record) for a line in regedit's own continuation layout, as canonicalLayout() describes it. */
export function canonicalInto(layout: number, rec: LineRecord): void {
  rec.bits = Kind.HexContinuation | SHARED | (layout & 2 ? CONT : 0) | (layout & 1 ? ENDS_WITH_COMMA : 0);
  rec.bytesStart = layout >> 2;
  rec.byteCount = -1;
}

/** Byte count of a hex line (given its bits, bytesStart and byteCount); shared records derive it from the line's length. */
export function hexCount(bits: number, bytesStart: number, byteCount: number, end: number): number {
  if ((bits & SHARED) === 0) return byteCount;
  const length = end - bytesStart;
  return bits & CONT ? (length - 1) / 3 : bits & ENDS_WITH_COMMA ? length / 3 : (length + 1) / 3;
}

/**
 * The last (up to) four bytes of a canonical hex line with `count` bytes from `at`, the last one lowest, read in
 * place.
 */
export function canonicalTail(text: string, at: number, count: number): number {
  let tail = 0;
  // Starting lower only shifts more bytes through the 32-bit tail: the last four stay in its low bytes, and the
  // readers (hexSummary) take no more than min(4, count) of them.
  // Stryker disable next-line MethodExpression: see above
  for (let k = Math.max(0, count - 4); k < count; k++) {
    const p = at + 3 * k;
    tail = (tail << 8) | (hexValue(text.charCodeAt(p)) << 4) | hexValue(text.charCodeAt(p + 1));
  }
  return tail;
}

/**
 * Whether a canonical hex line with `count` bytes from `at` has a byte d8-df (the high byte of a UTF-16 surrogate).
 * A filter that spares the surrogate check (section.ts) reading most string values whole: answering true where no
 * such byte stands only costs that reading, so the mutants that make it true more often are equivalent.
 */
export function canonicalHasSurrogateByte(text: string, at: number, count: number): boolean {
  // Two hex digits per byte, each pair followed by a comma, a backslash or the end.
  for (let k = 0; k < count; k++, at += 3) {
    // Stryker disable next-line LogicalOperator: || only makes the answer true more often (see above)
    if ((text.charCodeAt(at) | 0x20) === 0x64 && hexValue(text.charCodeAt(at + 1)) >= 8) return true;
  }
  // Stryker disable next-line BooleanLiteral: true here only makes the check read every value whole (see above)
  return false;
}

/**
 * Reads comma-separated hex bytes from `from` to `end`, as regedit's convert_hex_csv_to_hex does (each byte parsed
 * with wcstoul(…, 16)); regedit's own layout takes the fast path, anything else the byte-by-byte reader below.
 */
export function scanHexBytes(text: string, from: number, end: number, rec: LineRecord): number {
  const fast = scanCanonicalHex(text, from, end, rec);
  if (fast >= 0) return fast;
  const st = { bad: false, backslash: false };
  rec.bytesStart = from;
  let s = from;
  let count = 0;
  let tail = 0;
  let surrogate = false;
  rec.endsWithComma = false;
  while (s < end) {
    // wcstoul: blanks, optional sign, optional 0x, hex digits. The loops need no bound: past `end` stand at most the
    // blanks trimmed from a value line, then the NUL that ends the line or nothing (NaN), so no digit.
    let t = s;
    while (isBlank(text.charCodeAt(t)) || text.charCodeAt(t) === 0x0b || text.charCodeAt(t) === 0x0c) t++;
    const numStart = t;
    let unusual = false;
    const sign = text.charCodeAt(t);
    if (sign === 0x2b || sign === 0x2d) {
      t++;
      unusual = true;
    }
    if (text.charCodeAt(t) === 0x30 && (text.charCodeAt(t + 1) | 0x20) === 0x78 && isHexDigit(text.charCodeAt(t + 2))) {
      t += 2;
      unusual = true;
    }
    const digitsStart = t;
    // Anything above ff is refused, so the number may grow without bound (wcstoul stops at ffffffff).
    let value = 0;
    while (isHexDigit(text.charCodeAt(t))) {
      value = value * 16 + hexValue(text.charCodeAt(t));
      t++;
    }
    if (t === digitsStart) {
      // No number: only a continuation backslash or a comment may stand here.
      let e = skipBlanks(text, s, end);
      // At `end` stands a blank, the NUL that ends the line, or nothing (NaN): no backslash, ";" or comma.
      const c = text.charCodeAt(e);
      if (c === 0x5c) {
        st.backslash = true;
        e = skipBlanks(text, e + 1, end);
        if (e < end && text.charCodeAt(e) !== 0x3b) {
          st.bad = true;
          rec.diag(
            'reg.hex-continuation-invalid',
            e,
            end,
            text.charCodeAt(e) === 0x23
              ? 'After the continuation "\\" only blanks and a ";" comment may follow ("#" is not a comment here): regedit discards this value. Use ";" or remove the text.'
              : 'After the continuation "\\" only blanks and a ";" comment may follow: regedit discards this value. Move the bytes to the next line or remove the backslash.',
          );
        }
        return finishHex(rec, count, tail, surrogate, st);
      }
      if (c === 0x3b) break;
      st.bad = true;
      if (e >= end) {
        rec.diag(
          'reg.hex-byte-invalid',
          s,
          end,
          "Blanks after the last comma of a continuation line: regedit's byte parser finds no byte there and discards the value (Wine's reference implementation; exported files never have them). Remove the trailing blanks.",
        );
      } else {
        const tokenEnd = findTokenEnd(text, e, end);
        rec.diag(
          'reg.hex-byte-invalid',
          c === 0x2c ? e : s,
          tokenEnd, // right after a comma, which is a token of its own
          c === 0x2c
            ? 'Empty byte between commas: regedit discards the whole value. Remove the extra comma.'
            : `"${text.slice(e, tokenEnd)}" is not a hex byte: regedit discards the whole value. Bytes are two hex digits 00-ff separated by commas.`,
        );
      }
      return finishHex(rec, count, tail, surrogate, st);
    }
    if (value > 0xff || (sign === 0x2d && value !== 0)) {
      st.bad = true;
      rec.diag(
        'reg.hex-byte-invalid',
        numStart,
        t,
        `"${text.slice(numStart, t)}" is larger than a byte (ff): regedit discards the whole value. Write each byte as two hex digits separated by commas.`,
      );
      return finishHex(rec, count, tail, surrogate, st);
    }
    if (unusual || t - digitsStart > 2) {
      rec.diag(
        'reg.hex-byte-unusual',
        numStart,
        t,
        `regedit reads "${text.slice(numStart, t)}" as the byte ${value.toString(16).padStart(2, '0')}, but never writes bytes this way and other tools may not accept it. Write ${value.toString(16).padStart(2, '0')}.`,
        { replacement: value.toString(16).padStart(2, '0') },
      );
    }
    count++;
    tail = (tail << 8) | value;
    // Stryker disable next-line LogicalOperator: || flags every line, which only makes the surrogate check read the value whole
    if (value >= 0xd8 && value <= 0xdf) surrogate = true;
    let e = t;
    // At the end of the data (no comma there) this finds nothing after the blanks and ends like the last byte below.
    if (text.charCodeAt(e) !== 0x2c) {
      e = skipBlanks(text, e, end);
      if (e < end && text.charCodeAt(e) !== 0x3b) {
        st.bad = true;
        const c = text.charCodeAt(e);
        if (c === 0x5c) {
          rec.diag(
            'reg.hex-backslash-without-comma',
            e,
            e + 1,
            'The line continuation "\\" must follow a comma ("…,\\"): regedit discards this value. Insert a comma before the backslash.',
            { insertAt: t },
          );
        } else if (c === 0x23) {
          rec.diag(
            'reg.hex-byte-invalid',
            e,
            end,
            '"#" does not start a comment after data (only ";" does): regedit discards this value. Use ";" for the comment.',
            { replacement: ';', at: e },
          );
        } else {
          rec.diag(
            'reg.hex-byte-invalid',
            t === e ? t : numStart,
            findTokenEnd(text, e, end),
            'Bytes must be separated by commas: regedit discards this value. Separate each byte with a comma.',
          );
        }
      }
      return finishHex(rec, count, tail, surrogate, st);
    }
    s = e + 1; // past the comma
    if (s >= end) rec.endsWithComma = true;
  }
  return finishHex(rec, count, tail, surrogate, st);
}

function finishHex(rec: LineRecord, count: number, tail: number, surrogate: boolean, st: { bad: boolean; backslash: boolean }): number {
  rec.byteCount = count;
  rec.tail = tail;
  rec.surrogateByte = surrogate;
  return (st.bad ? HEX_BAD : 0) | (st.backslash ? HEX_BACKSLASH : 0);
}

/**
 * Whether a line inside hex continuation holds regedit's own layout (most lines of a large export): -1 if not,
 * otherwise `indent * 4 + (ends with "\\" ? 2 : 0) + (ends with "," ? 1 : 0)` for canonicalInto. (The pattern matches
 * no NUL and no line break, so the line needs no other check.)
 */
export function canonicalLayout(line: string): number {
  let i0 = 0;
  // Past the end charCodeAt gives NaN, which is no blank.
  while (isBlank(line.charCodeAt(i0))) i0++;
  if (!isHexDigit(line.charCodeAt(i0))) return -1;
  CANONICAL_HEX.lastIndex = i0;
  CANONICAL_HEX.test(line);
  if (CANONICAL_HEX.lastIndex !== line.length) return -1;
  return layoutOf(i0, line.charCodeAt(line.length - 1));
}

/** canonicalLayout's encoding of a line indented by `indent` whose last character is `last`. */
function layoutOf(indent: number, last: number): number {
  return indent * 4 + (last === 0x5c ? 2 : 0) + (last === 0x2c ? 1 : 0);
}

/** Where the line canonicalLineAt last accepted ends (the CR of its CRLF, or the end of the text). */
export let canonicalLineEnd = 0;

/**
 * canonicalLayout for a line of a CRLF text whose end is not known yet: the line starting at `from` is in regedit's
 * own continuation layout when the pattern, read from its first non-blank character, stops right before a CRLF or
 * at the end of the text (the pattern and the blanks match no CR or LF, so that is where the line ends). Returns
 * the layout, or -1, and sets canonicalLineEnd. RegDocument finds the end of most lines of an export this way,
 * without looking for it first.
 */
export function canonicalLineAt(text: string, from: number): number {
  let i0 = from;
  // Not skipping the blanks (or walking back over them) only sends indented lines to the general scanner, which reads
  // them the same way.
  // Stryker disable next-line ConditionalExpression,UpdateOperator: see above
  while (isBlank(text.charCodeAt(i0))) i0++;
  if (!isHexDigit(text.charCodeAt(i0))) return -1;
  CANONICAL_HEX.lastIndex = i0;
  CANONICAL_HEX.test(text);
  const end = CANONICAL_HEX.lastIndex;
  if (end < text.length && (text.charCodeAt(end) !== 0x0d || text.charCodeAt(end + 1) !== 0x0a)) return -1;
  canonicalLineEnd = end;
  return layoutOf(i0 - from, text.charCodeAt(end - 1));
}
