/**
 * Value lines (`"name"=data`, `@=data`): the quoted name and string data as regedit unescapes them, and the data
 * types (strings, dword:, hex:, hex(n):) with everything regedit accepts or rejects in them.
 */
import { findTokenEnd, hexValue, isBlank, isHexDigit, skipBlanks } from './chars';
import { Kind, LineRecord, REG_BINARY, REG_DWORD, REG_SZ, typeName } from './lineRecord';
import { HEX_BACKSLASH, HEX_BAD, scanHexBytes } from './scanHex';

/**
 * Reads a quoted string the way regedit unescapes it, starting after the opening quote.
 * Returns the index after the closing quote, or a negative number on failure: -1 unterminated, -2 `\0`.
 */
/** Where unescapeString leaves the decoded text (one module-level slot instead of an object per call). */
const unescaped = { value: '' };

/**
 * The text of a quoted string that the scanner has read successfully (a value name or string data whose record
 * has the name or str set), decoded again: from after its opening quote, up to its closing quote before `end`.
 * The document keeps no decoded strings; it decodes them when they are asked for.
 */
export function decodeQuoted(text: string, from: number, end: number): string {
  return unescapeString(text, from, end, null) < 0 ? '' : unescaped.value;
}

function unescapeString(text: string, from: number, end: number, rec: LineRecord | null, out: { value: string } = unescaped): number {
  let value = '';
  let chunk = from;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      out.value = value + text.slice(chunk, i);
      return i + 1;
    }
    if (c !== 0x5c) continue;
    value += text.slice(chunk, i);
    if (i + 1 >= end) return -1;
    const e = text[i + 1];
    switch (e) {
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case '0':
        rec?.diag(
          'reg.string-null-escape',
          i,
          i + 2,
          'regedit rejects the whole line because of the escape \\0 (a string cannot contain NUL). To store a backslash followed by 0, write \\\\0.',
        );
        return -2;
      case '\\':
      case '"':
        value += e;
        break;
      default:
        rec?.diag(
          'reg.string-unknown-escape',
          i,
          i + 2,
          `"\\${e}" is not an escape regedit knows: it warns and stores "${e}" without the backslash. Write "\\\\${e}" to keep the backslash (backslashes in paths must be doubled).`,
          { replacement: `\\\\${e}` },
        );
        value += e;
    }
    i++;
    chunk = i + 1;
  }
  return -1;
}


function rejectValue(rec: LineRecord): void {
  rec.kind = Kind.ValueRejected;
  rec.rejected = true;
}

function scanData(text: string, p: number, end: number, rec: LineRecord): void {
  // Trailing blanks are trimmed before the type is read.
  let dataEnd = end;
  while (dataEnd > p && isBlank(text.charCodeAt(dataEnd - 1))) dataEnd--;
  rec.dataStart = p;
  rec.dataEnd = dataEnd;
  if (p >= dataEnd) {
    rejectValue(rec);
    rec.diag(
      'reg.data-missing',
      rec.nameStart,
      end,
      'Nothing follows "=": regedit does not import this value. Give data (for example "text", dword:00000001 or hex:00) or write "=-" to delete the value.',
    );
    return;
  }
  const c = text.charCodeAt(p);
  if (c === 0x2d /* - */) {
    rec.type = -1;
    const q = skipBlanks(text, p + 1, dataEnd);
    if (q < dataEnd && text.charCodeAt(q) !== 0x3b) {
      rejectValue(rec);
      rec.diag(
        'reg.delete-trailing-text',
        q,
        dataEnd,
        'Only blanks and a ";" comment may follow "=-": regedit does not delete this value. Remove the text (use ";" for comments).',
      );
    }
    return;
  }
  if (c === 0x22 /* " */) {
    rec.type = REG_SZ;
    const out = unescaped;
    const after = unescapeString(text, p + 1, dataEnd, rec, out);
    if (after < 0) {
      rejectValue(rec);
      if (after === -1) {
        rec.diag(
          'reg.string-unterminated',
          p,
          dataEnd,
          'The string has no closing quote (strings cannot continue on the next line): regedit does not import this value. Add the closing quote; escape quotes inside the text as \\".',
          { insertAt: dataEnd },
        );
      }
      return;
    }
    rec.str = out.value;
    const q = skipBlanks(text, after, dataEnd);
    if (q < dataEnd && text.charCodeAt(q) !== 0x3b) {
      rejectValue(rec);
      rec.diag(
        'reg.string-trailing-text',
        q,
        dataEnd,
        text.charCodeAt(q) === 0x23
          ? '"#" does not start a comment after data (only ";" does): regedit does not import this value. Use ";" for the comment.'
          : 'Text after the closing quote: regedit does not import this value. A quote inside the text must be written \\"; a comment must start with ";".',
      );
    }
    return;
  }
  if (text.startsWith('dword:', p)) {
    rec.type = REG_DWORD;
    scanDword(text, p + 6, dataEnd, rec);
    return;
  }
  if (text.startsWith('hex:', p)) {
    rec.type = REG_BINARY;
    scanHexData(text, p + 4, dataEnd, rec);
    return;
  }
  if (text.startsWith('hex(', p)) {
    const { value, end: t } = readHexType(text, p + 4, dataEnd);
    if (!(value <= 0xffffffff) || text.charCodeAt(t) !== 0x29 || text.charCodeAt(t + 1) !== 0x3a) {
      rejectValue(rec);
      const close = text.indexOf(')', p);
      const inner = text.slice(p + 4, close < 0 ? dataEnd : close);
      const why = /^0x/i.test(inner)
        ? 'the type number is hexadecimal already and takes no 0x prefix'
        : value > 0xffffffff
          ? 'the type number is larger than ffffffff'
          : close < 0 || text.charCodeAt(close + 1) !== 0x3a
            ? 'the type must be written hex(N): with a closing parenthesis and a colon'
            : 'the type number must be hexadecimal digits';
      rec.diag(
        'reg.hex-type-invalid',
        p,
        close < 0 ? dataEnd : Math.min(close + (text.charCodeAt(close + 1) === 0x3a ? 2 : 1), dataEnd),
        `Invalid hex(N) type: ${why}, so regedit does not import this value. Common types: hex(2) expandable string, hex(7) multi-string, hex(b) QWORD.`,
      );
      return;
    }
    rec.type = value;
    const written = text.slice(p + 4, t);
    if (!/^[0-9a-fA-F]+$/.test(written)) {
      const canonical = `hex(${value.toString(16)}):`;
      rec.diag(
        'reg.hex-type-unusual',
        p,
        t + 2,
        `regedit's number parser reads "hex(${written}):" as type ${value.toString(16)} (${typeName(value)}) in Wine's reference implementation, but regedit never writes a type this way and Windows has not been verified to accept it. Write ${canonical}.`,
        { replacement: canonical },
      );
    }
    scanHexData(text, t + 2, dataEnd, rec);
    return;
  }
  rejectValue(rec);
  const token = text.slice(p, findTokenEnd(text, p, dataEnd));
  let hint: string;
  const lower = token.toLowerCase();
  if (/^(dword|hex)[:(]/.test(lower)) hint = `type prefixes are case-sensitive: write ${lower.startsWith('dword') ? 'dword:' : 'hex'} in lower case`;
  else if (lower.startsWith('qword:')) hint = 'there is no qword: prefix; a QWORD is written hex(b): followed by 8 little-endian bytes';
  else if (/^str(\(\d+\))?:/.test(lower)) hint = 'str: is not a .reg type; write the string in quotes';
  else if (c === 0x23 || c === 0x3b) hint = 'data cannot start with a comment character';
  else if (c === 0x5c) hint = 'data cannot start with a backslash; a string is written in plain quotes';
  else hint = 'string data must be in quotes';
  rec.diag(
    'reg.data-unknown-type',
    p,
    dataEnd,
    `regedit does not import this value: ${hint}. Data starts with ", dword:, hex: or hex(N):.`,
    /^(dword|hex)[:(]/.test(lower) ? { replacement: token.replace(/^(dword|hex)/i, (m) => m.toLowerCase()), length: token.length } : undefined,
  );
}

/**
 * Reads the N of `hex(N):` the way regedit does: a second character x/X is refused outright, the rest goes through
 * wcstoul(…, 16), which skips leading blanks, takes a sign and a 0x prefix, and reads nothing at all from ")" (so
 * `hex():` is type 0). Returns the value (above 0xffffffff on overflow, NaN when refused) and where the number ends.
 */
function readHexType(text: string, from: number, end: number): { value: number; end: number } {
  const refused = { value: NaN, end: from };
  // "hex(" at the end of the data reads no number either, and is refused the same way below.
  if ((text.charCodeAt(from + 1) | 0x20) === 0x78) return refused;
  let t = from;
  while (t < end && (isBlank(text.charCodeAt(t)) || text.charCodeAt(t) === 0x0b || text.charCodeAt(t) === 0x0c)) t++;
  const sign = text.charCodeAt(t);
  if (sign === 0x2b || sign === 0x2d) t++;
  if (text.charCodeAt(t) === 0x30 && (text.charCodeAt(t + 1) | 0x20) === 0x78 && isHexDigit(text.charCodeAt(t + 2))) t += 2;
  const digits = t;
  let value = 0;
  while (t < end && isHexDigit(text.charCodeAt(t))) {
    value = Math.min(value * 16 + hexValue(text.charCodeAt(t)), 0x100000000);
    t++;
  }
  if (t === digits) return { value: 0, end: from }; // no conversion: wcstoul reports the start
  if (sign === 0x2d && value <= 0xffffffff) value = (0x100000000 - value) % 0x100000000;
  return { value, end: t };
}

function scanDword(text: string, from: number, end: number, rec: LineRecord): void {
  const s = skipBlanks(text, from, end);
  let t = s;
  let value = 0;
  while (t < end && isHexDigit(text.charCodeAt(t))) {
    value = value * 16 + hexValue(text.charCodeAt(t));
    t++;
  }
  const count = t - s;
  // At `end` stands a blank, the NUL that ends the line, or nothing (NaN): never ";".
  if (count === 0 && text.charCodeAt(s) === 0x3b) {
    // Only a comment after "dword:": Wine's reference implementation imports 0 (Windows untested).
    rec.dword = 0;
    rec.diag(
      'reg.dword-only-comment',
      rec.dataStart,
      s,
      "dword: is followed only by a comment: Wine's reference implementation of regedit imports 0, but Windows has not been verified to, and a missing number is usually a mistake. Write dword:00000000 if 0 is meant.",
      { insertAt: s, text: '00000000' },
    );
    return;
  }
  if (count === 0) {
    rejectValue(rec);
    const prefix = rec.dataStart;
    rec.diag(
      'reg.dword-empty',
      prefix,
      end,
      s < end
        ? `"${text.slice(s, end)}" is not hexadecimal: regedit does not import this value. A dword is 1 to 8 hex digits without 0x, for example dword:0000000a for 10.`
        : 'dword: has no digits: regedit does not import this value. Write 1 to 8 hex digits, for example dword:00000001.',
    );
    return;
  }
  if (count > 8) {
    rejectValue(rec);
    rec.diag(
      'reg.dword-too-long',
      s,
      t,
      `${count} hex digits: a dword holds at most 8, so regedit does not import this value (even leading zeros count). Use at most 8 digits, or hex(b): bytes for a 64-bit QWORD.`,
    );
    return;
  }
  const e = skipBlanks(text, t, end);
  if (e < end && text.charCodeAt(e) !== 0x3b) {
    rejectValue(rec);
    const c = text.charCodeAt(e);
    let why: string;
    if (c === 0x78 || c === 0x58) why = 'dword data takes no 0x prefix; it is hexadecimal already';
    else if (c === 0x23) why = '"#" does not start a comment after data (only ";" does)';
    else if (c === 0x5c) why = 'dword data cannot continue on the next line';
    else if (e > t) why = 'the digits must not contain blanks';
    else if (text.charCodeAt(e) === 0x2e || text.charCodeAt(e) === 0x2c) why = 'a dword is hexadecimal digits only';
    else why = 'only hex digits may follow dword:';
    rec.diag(
      'reg.dword-invalid',
      s,
      end,
      `regedit does not import this value: ${why}. Write 1 to 8 hex digits, optionally followed by a ";" comment.`,
    );
    return;
  }
  rec.dword = value >>> 0;
}

function scanHexData(text: string, from: number, end: number, rec: LineRecord): void {
  if (from >= end) {
    rec.bytesStart = from;
    return; // zero-length value
  }
  const st = scanHexBytes(text, from, end, rec);
  if (st & HEX_BAD) {
    rejectValue(rec);
    return;
  }
  rec.cont = (st & HEX_BACKSLASH) !== 0;
}

export function scanValue(text: string, i: number, end: number, rec: LineRecord): void {
  rec.kind = Kind.Value;
  let p: number;
  if (text.charCodeAt(i) === 0x40 /* @ */) {
    rec.name = null;
    rec.nameStart = i;
    rec.nameEnd = i + 1;
    p = i + 1;
  } else {
    const out = unescaped;
    const after = unescapeString(text, i + 1, end, rec, out);
    if (after < 0) {
      rejectValue(rec);
      if (after === -1) {
        rec.diag(
          'reg.value-name-unterminated',
          i,
          end,
          'The value name has no closing quote (names cannot continue on the next line): regedit ignores this line. Close the name with a quote before "=".',
        );
      }
      return;
    }
    // An empty name "" is the default value, like @.
    rec.name = out.value === '' ? null : out.value;
    rec.nameStart = i;
    rec.nameEnd = after;
    p = after;
  }
  p = skipBlanks(text, p, end);
  // At `end` stands the NUL that ends the line or nothing (NaN): never "=".
  if (text.charCodeAt(p) !== 0x3d /* = */) {
    rejectValue(rec);
    const isDefault = text.charCodeAt(i) === 0x40;
    rec.diag(
      'reg.value-missing-equals',
      i,
      end,
      isDefault
        ? 'After "@" (the default value) only blanks and "=" may follow: regedit ignores this line. Write @="data".'
        : rec.name !== null && /=/.test(rec.name)
          ? `regedit reads the name up to the next quote, "${rec.name}", and finds no "=" after it, so it ignores this line. Add the missing closing quote before "=".`
          : 'No "=" after the value name: regedit ignores this line. Write "Name"=data.',
    );
    return;
  }
  p = skipBlanks(text, p + 1, end);
  scanData(text, p, end, rec);
  if (rec.name !== null && rec.name.length > 16383) {
    rejectValue(rec);
    rec.diag(
      'reg.value-name-too-long',
      rec.nameStart,
      rec.nameEnd,
      `This value name is ${rec.name.length} characters long; the registry allows at most 16,383, so the value cannot be written. Shorten the name.`,
    );
  }
}

/**
 * Where the data on a line ends, before a trailing ";" comment and the blanks before it (a ";" inside a quoted
 * string is data). Fixes and diagnostics use it so that they leave the comment alone.
 */
export function dataContentEnd(text: string, from: number, end: number): number {
  let i = from;
  let inQuote = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inQuote) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inQuote = false;
    } else if (c === 0x22) inQuote = true;
    else if (c === 0x3b) break;
  }
  i = Math.min(i, end);
  while (i > from && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}
