/**
 * Line scanner for Registry Editor exports. One call reads one line, given only whether the previous line left
 * hex data open for continuation: that is all the state regedit's importer carries from line to line besides the
 * open key, which is resolved later per section. The accept/reject decisions mirror regedit.exe as described by
 * Wine's Windows-verified conformance tests (external-facts section 6).
 */
import { editDistance } from '../../core/nearest';

import { REGISTRY_ROOTS, ROOT_ABBREVIATIONS } from '../../core/registryRoots';
import { trimEndChars } from '../../core/text';

export const enum Kind {
  Header,
  Blank,
  /** `;` at line start (after blanks). */
  Comment,
  /** `#` at line start: regedit skips it like any line with an unknown first character. */
  HashComment,
  /** Any other line regedit skips. */
  Ignored,
  /** `[KEY]`: opens (creates) the key. */
  Key,
  /** `[-KEY]`: deletes the key tree and closes the open key. */
  KeyDelete,
  /** A line starting with `[` that regedit ignores; the previously open key stays open. */
  KeyIgnored,
  /** A key line that closes the open key without opening another (unknown root, failed deletion). */
  KeyUnopened,
  Value,
  /** A value line regedit rejects (name or data malformed). */
  ValueRejected,
  HexContinuation,
  /** Blank or `;` line between hex continuation lines. */
  ContinuationGap,
  /** The line after `,\` that is not hex data: regedit drops the pending value and skips this line. */
  Swallowed,
  /** Windows 3.1 format line (`HKEY_CLASSES_ROOT\path = value`). */
  Win31,
}

export const REG_NONE = 0;
export const REG_SZ = 1;
export const REG_EXPAND_SZ = 2;
export const REG_BINARY = 3;
export const REG_DWORD = 4;
export const REG_DWORD_BIG_ENDIAN = 5;
export const REG_MULTI_SZ = 7;
export const REG_QWORD = 11;

export interface LineDiag {
  code: string;
  start: number;
  end: number;
  message: string;
  data?: unknown;
}

export type HeaderKind = 'v5' | 'v4' | 'win31' | 'fuzzy' | 'invalid';

/** The kind in LineRecord.bits (the bits above 0x1f up to 0xff are free for LineTable). */
export const KIND_MASK = 0x1f;
export const CONT = 0x100;
export const REJECTED = 0x200;
export const ENDS_WITH_COMMA = 0x400;
export const SURROGATE_BYTE = 0x800;
export const SHARED = 0x1000;

/**
 * What the scanner found on one line. The document keeps these fields in typed arrays (LineTable) and makes a
 * LineRecord only for a line someone asks about (RegDocument.record); the scanner itself fills one reused record
 * per line (reset), so that scanning a large export allocates no object per line.
 */
export class LineRecord {
  /** The kind and the flags below, packed (read them through the accessors). */
  bits = 0;
  diags: LineDiag[] | undefined = undefined;
  /** Hex value and continuation lines: where the bytes start on this line, and how many there are. */
  bytesStart = 0;
  byteCount = 0;
  /** Hex lines: the last (up to) four bytes on the line, the last one lowest, as a signed 32-bit number. */
  tail = 0;

  /** Key lines: the text between `[` (or `[-`) and the last `]`. Value lines: the decoded name, null for `@`. */
  name: string | null = null;
  nameStart = 0;
  nameEnd = 0;
  /** Value lines: registry type number, -1 for a deletion, -2 when unknown. */
  type = -2;
  /** Value lines: where the data (after `=` and blanks) starts and ends (trailing blanks trimmed). */
  dataStart = 0;
  dataEnd = 0;
  /** dword value, or decoded string data. */
  dword = 0;
  str: string | undefined = undefined;

  get kind(): Kind {
    return this.bits & KIND_MASK;
  }
  set kind(k: Kind) {
    this.bits = (this.bits & ~KIND_MASK) | k;
  }
  /** The line leaves hex data open: regedit reads the next non-blank, non-comment line as more bytes. */
  get cont(): boolean {
    return this.flag(CONT);
  }
  set cont(v: boolean) {
    this.setFlag(CONT, v);
  }
  /** The value on this line (or, for continuation lines, the value they belong to) is not imported. */
  get rejected(): boolean {
    return this.flag(REJECTED);
  }
  set rejected(v: boolean) {
    this.setFlag(REJECTED, v);
  }
  /** The last hex byte on the line is followed by a comma but no backslash. */
  get endsWithComma(): boolean {
    return this.flag(ENDS_WITH_COMMA);
  }
  set endsWithComma(v: boolean) {
    this.setFlag(ENDS_WITH_COMMA, v);
  }
  /** Hex lines: some byte is d8-df, the high byte of a UTF-16 surrogate. */
  get surrogateByte(): boolean {
    return this.flag(SURROGATE_BYTE);
  }
  set surrogateByte(v: boolean) {
    this.setFlag(SURROGATE_BYTE, v);
  }
  /**
   * An empty line, or a hex continuation line in regedit's own layout (what regedit exports): its byteCount
   * (-1), tail and surrogateByte are not filled in; hexCount() and the like read them from the line.
   */
  get shared(): boolean {
    return this.flag(SHARED);
  }

  private flag(bit: number): boolean {
    return (this.bits & bit) !== 0;
  }
  private setFlag(bit: number, on: boolean): void {
    this.bits = on ? this.bits | bit : this.bits & ~bit;
  }

  /** Back to a fresh record, to scan the next line into it. */
  reset(): void {
    this.bits = 0;
    this.diags = undefined;
    this.bytesStart = 0;
    this.byteCount = 0;
    this.tail = 0;
    this.name = null;
    this.nameStart = 0;
    this.nameEnd = 0;
    this.type = -2;
    this.dataStart = 0;
    this.dataEnd = 0;
    this.dword = 0;
    this.str = undefined;
  }

  diag(code: string, start: number, end: number, message: string, data?: unknown): void {
    const d: LineDiag = { code, start, end, message };
    if (data !== undefined) d.data = data;
    (this.diags ??= []).push(d);
  }
}

const SPACE = 0x20;
const TAB = 0x09;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX[0x30 + c] = c;
for (let c = 0; c < 6; c++) HEX[0x61 + c] = HEX[0x41 + c] = 10 + c;

function hexValue(c: number): number {
  return c < 128 ? HEX[c] : -1;
}

export function isHexDigit(c: number): boolean {
  return hexValue(c) >= 0;
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

export const HEADER_V5 = 'Windows Registry Editor Version 5.00';
export const HEADER_V4 = 'REGEDIT4';

/** regedit stops reading a line at a NUL character (its line buffer is a C string). */
function effectiveEnd(text: string, rec: LineRecord): number {
  const nul = text.indexOf('\0');
  if (nul < 0) return text.length;
  rec.diag(
    'reg.nul-character',
    nul,
    text.length,
    'NUL character: regedit stops reading the line here, so the rest of the line is lost. Remove the NUL character (binary data belongs in hex: bytes).',
  );
  return nul;
}

export function scanHeader(text: string): { rec: LineRecord; kind: HeaderKind } {
  const rec = new LineRecord();
  rec.kind = Kind.Header;
  const end = effectiveEnd(text, rec);
  const start = skipBlanks(text, 0, end);
  const h = text.slice(start, end);
  rec.nameStart = start;
  rec.nameEnd = end;
  if (h === HEADER_V5) return { rec, kind: 'v5' };
  if (h === HEADER_V4) return { rec, kind: 'v4' };
  if (h === 'REGEDIT') {
    rec.diag(
      'reg.win31-format',
      start,
      end,
      'A bare REGEDIT header selects the Windows 3.1 registration format: only lines starting with HKEY_CLASSES_ROOT are read, and each sets a default value. For Windows 2000/Server 2003 settings use the header "Windows Registry Editor Version 5.00".',
    );
    return { rec, kind: 'win31' };
  }
  if (h.startsWith('REGEDIT')) {
    const trimmed = trimEndChars(h, ' \t');
    const why =
      trimmed === HEADER_V4
        ? 'the header has trailing blanks, and regedit compares the whole line'
        : `"${h}" is not exactly REGEDIT4`;
    rec.diag(
      'reg.header-imports-nothing',
      start,
      end,
      `regedit accepts this header but imports nothing from the file: ${why}. It still reports success, so the change silently never reaches the server. Write exactly "${HEADER_V5}" (or REGEDIT4).`,
      { replacement: trimmed === HEADER_V4 ? HEADER_V4 : HEADER_V5 },
    );
    return { rec, kind: 'fuzzy' };
  }
  let why: string;
  let replacement: string | undefined = HEADER_V5;
  const lower = h.toLowerCase();
  if (h.trim() === '') why = 'the first line is empty, and the header must be the very first line';
  else if (lower === HEADER_V5.toLowerCase() || lower === HEADER_V4.toLowerCase()) {
    why = 'the header is case-sensitive';
    replacement = lower === HEADER_V4.toLowerCase() ? HEADER_V4 : HEADER_V5;
  } else if (trimEndChars(h, ' \t') === HEADER_V5) why = 'the header has trailing blanks, and regedit compares the whole line';
  else if (lower.startsWith('windows registry editor')) why = 'the only accepted version line is "Windows Registry Editor Version 5.00"';
  else if (/^\s*[[@";#]/.test(h)) {
    why = 'the file has no header line before its first key, value or comment';
    replacement = undefined;
  } else why = 'this is not a registry header';
  rec.diag(
    'reg.invalid-header',
    start,
    Math.max(end, start),
    `regedit rejects the whole file: ${why}. The first line must be exactly "${HEADER_V5}" (or REGEDIT4).`,
    replacement ? { replacement } : { insert: HEADER_V5 },
  );
  return { rec, kind: 'invalid' };
}

/** The root a key path starts with, as regedit matches it: case-insensitively, followed by `\` or the end. */
export function matchRoot(path: string): string | undefined {
  for (const root of REGISTRY_ROOTS) {
    if (path.length >= root.length && startsWithUpper(path, root)) {
      if (path.length === root.length || path.charCodeAt(root.length) === 0x5c) return root;
    }
  }
  return undefined;
}

/** `text` starts with `upper` (an upper-case ASCII word), ignoring ASCII case, without allocating. */
function startsWithUpper(text: string, upper: string): boolean {
  for (let i = 0; i < upper.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c !== upper.charCodeAt(i)) return false;
  }
  return true;
}

export function expandAbbreviation(path: string): string | undefined {
  const slash = path.indexOf('\\');
  const first = (slash < 0 ? path : path.slice(0, slash)).toUpperCase();
  const full = ROOT_ABBREVIATIONS[first];
  return full ? full + (slash < 0 ? '' : path.slice(slash)) : undefined;
}

function nearestRoot(first: string): string | undefined {
  const upper = first.toUpperCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const root of REGISTRY_ROOTS) {
    const d = editDistance(upper, root);
    if (d < bestScore) {
      bestScore = d;
      best = root;
    }
  }
  return bestScore <= 3 ? best : undefined;
}

function scanKey(text: string, open: number, end: number, rec: LineRecord): void {
  const p = open + 1;
  const c = p < end ? text.charCodeAt(p) : -1;
  if (c === SPACE || c === TAB) {
    rec.kind = Kind.KeyIgnored;
    rec.diag(
      'reg.key-blank-after-bracket',
      open,
      end,
      'regedit ignores this key line because a blank follows "[": the key is not created, and the values below go to the previously opened key, if any. Remove the blank after "[".',
    );
    return;
  }
  const close = text.lastIndexOf(']', end - 1);
  if (close < p) {
    rec.kind = Kind.KeyIgnored;
    rec.diag(
      'reg.key-missing-closing-bracket',
      open,
      end,
      'regedit ignores this key line because it has no closing "]": the key is not created, and the values below go to the previously opened key, if any. Add "]" after the key path.',
      { insertAt: end },
    );
    return;
  }
  const isDelete = c === 0x2d; /* - */
  const nameStart = isDelete ? p + 1 : p;
  const name = text.slice(nameStart, close);
  rec.name = name;
  rec.nameStart = nameStart;
  rec.nameEnd = close;
  if (isDelete) {
    const first = name.charCodeAt(0);
    if (first === SPACE || first === TAB) {
      rec.kind = Kind.KeyUnopened;
      rec.diag(
        'reg.key-blank-after-bracket',
        open,
        close + 1,
        'regedit deletes nothing here because a blank follows "[-" (it only closes the open key). Remove the blank after "[-".',
      );
      return;
    }
  }
  const root = matchRoot(name);
  if (!root) {
    rec.kind = Kind.KeyUnopened;
    const slash = name.indexOf('\\');
    const first = slash < 0 ? name : name.slice(0, slash);
    const full = expandAbbreviation(name);
    const consequence = isDelete
      ? (name[0] === 'H' || name[0] === 'h')
        ? 'regedit refuses the deletion (Wine\'s reference implementation stops the whole import at this line)'
        : 'regedit deletes nothing and closes the open key'
      : 'the key is not opened, and the values below it are written nowhere';
    if (full) {
      rec.diag(
        'reg.key-abbreviated-root',
        nameStart,
        nameStart + first.length,
        `"${first}" is an abbreviation that .reg files do not understand (it is INF and reg.exe syntax): ${consequence}. Write ${full.slice(0, full.length - (name.length - first.length))}.`,
        { replacement: full.slice(0, full.length - (name.length - first.length)) },
      );
    } else {
      const near = nearestRoot(first);
      rec.diag(
        'reg.key-unknown-root',
        nameStart,
        nameStart + first.length,
        `"${first}" is not a registry root: ${consequence}. Roots are HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS and HKEY_CURRENT_CONFIG${near ? `; did you mean ${near}?` : '.'}`,
        near ? { replacement: near } : undefined,
      );
    }
    return;
  }
  if (root === 'HKEY_DYN_DATA') {
    rec.diag(
      'reg.key-dyn-data',
      nameStart,
      nameStart + root.length,
      'HKEY_DYN_DATA exists only on Windows 95/98/Me; on Windows 2000 and Windows Server 2003 this key cannot be opened, so nothing under it is imported.',
    );
  }
  const afterRoot = name.slice(root.length + 1);
  if (isDelete) {
    if (trimEndChars(afterRoot, '\\') === '') {
      rec.kind = Kind.KeyUnopened;
      rec.diag(
        'reg.key-delete-root',
        open,
        close + 1,
        `regedit refuses to delete the root ${root} (Wine's reference implementation also stops the import at this line). Name the subkey to delete.`,
      );
      return;
    }
    rec.kind = Kind.KeyDelete;
  } else {
    rec.kind = Kind.Key;
  }
  // A segment over 255 characters makes RegCreateKeyEx fail.
  let segStart = root.length + 1;
  while (segStart <= name.length) {
    let segEnd = name.indexOf('\\', segStart);
    if (segEnd < 0) segEnd = name.length;
    if (segEnd - segStart > 255) {
      if (!isDelete) rec.kind = Kind.KeyUnopened;
      rec.diag(
        'reg.key-name-too-long',
        nameStart + segStart,
        nameStart + segEnd,
        `This key name is ${segEnd - segStart} characters long; the registry allows at most 255, so the key cannot be ${isDelete ? 'deleted' : 'created and the values below are written nowhere'}. Shorten the name.`,
      );
      break;
    }
    segStart = segEnd + 1;
  }
  const lastChar = name.charCodeAt(name.length - 1);
  if (isBlank(lastChar)) {
    let b = name.length;
    while (b > 0 && isBlank(name.charCodeAt(b - 1))) b--;
    rec.diag(
      'reg.key-trailing-blank',
      nameStart + b,
      close,
      'The blank before "]" becomes part of the key name, so regedit creates a different key whose name ends with a blank. Remove it unless that is really intended.',
      { deleteFrom: nameStart + b, deleteTo: close },
    );
  }
  const inner = name.indexOf(']');
  if (inner >= 0) {
    rec.diag(
      'reg.key-bracket-in-name',
      nameStart + inner,
      close,
      'regedit takes everything up to the last "]" on the line as the key name, so this name contains "]" and the text after it. Put comments on their own line starting with ";".',
    );
  }
}

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

/** scanHexBytes result bits. */
const HEX_BAD = 1; // the value is rejected
const HEX_BACKSLASH = 2; // a `,\` (or `hex:\`) ends the line

/**
 * Reads comma-separated hex bytes from `from` to `end`, as regedit's convert_hex_csv_to_hex does
 * (each byte parsed with wcstoul(…, 16)).
 */
/** What regedit itself writes: bytes as two hex digits, each followed by a comma, the last optionally not, or `\`. */
const CANONICAL_HEX = /(?:[0-9a-fA-F]{2},)*(?:[0-9a-fA-F]{2}|\\)?/y;
const SURROGATE_HIGH_BYTE = /[dD][89a-fA-F]/g;

/** Reads a line of canonical hex data with two regular-expression scans; false when the line needs the full reader. */
function scanCanonicalHex(text: string, from: number, end: number, rec: LineRecord): number {
  CANONICAL_HEX.lastIndex = from;
  if (!CANONICAL_HEX.test(text) || CANONICAL_HEX.lastIndex !== end) return -1;
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
  let tail = 0;
  for (let k = Math.max(0, count - 4); k < count; k++) {
    const at = from + 3 * k;
    tail = (tail << 8) | (hexValue(text.charCodeAt(at)) << 4) | hexValue(text.charCodeAt(at + 1));
  }
  SURROGATE_HIGH_BYTE.lastIndex = from;
  const m = SURROGATE_HIGH_BYTE.exec(text);
  rec.bytesStart = from;
  rec.byteCount = count;
  rec.tail = tail;
  rec.surrogateByte = m !== null && m.index < end;
  return result;
}

/** Fills `rec` (a reset record) for an empty line, outside or inside hex continuation (see LineRecord.shared). */
function emptyLine(rec: LineRecord, inCont: boolean): void {
  rec.bits = inCont ? Kind.ContinuationGap | CONT | SHARED : Kind.Blank | SHARED;
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
  for (let k = Math.max(0, count - 4); k < count; k++) {
    const p = at + 3 * k;
    tail = (tail << 8) | (hexValue(text.charCodeAt(p)) << 4) | hexValue(text.charCodeAt(p + 1));
  }
  return tail;
}

/** Whether a canonical hex line with `count` bytes from `at` has a byte d8-df (the high byte of a UTF-16 surrogate). */
export function canonicalHasSurrogateByte(text: string, at: number, count: number): boolean {
  // Two hex digits per byte, each pair followed by a comma, a backslash or the end.
  for (let k = 0; k < count; k++, at += 3) {
    if ((text.charCodeAt(at) | 0x20) === 0x64 && hexValue(text.charCodeAt(at + 1)) >= 8) return true;
  }
  return false;
}

function scanHexBytes(text: string, from: number, end: number, rec: LineRecord): number {
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
    // Fast path for what regedit writes: two hex digits followed by a comma or the end of the data.
    const h0 = hexValue(text.charCodeAt(s));
    const h1 = s + 1 < end ? hexValue(text.charCodeAt(s + 1)) : -1;
    if (h0 >= 0 && h1 >= 0 && (s + 2 === end || text.charCodeAt(s + 2) === 0x2c)) {
      const byte = (h0 << 4) | h1;
      tail = (tail << 8) | byte;
      if (byte >= 0xd8 && byte <= 0xdf) surrogate = true;
      count++;
      s += 3;
      if (s >= end) {
        if (s === end) rec.endsWithComma = true;
        break;
      }
      continue;
    }
    // wcstoul: blanks, optional sign, optional 0x, hex digits
    let t = s;
    while (t < end && (isBlank(text.charCodeAt(t)) || text.charCodeAt(t) === 0x0b || text.charCodeAt(t) === 0x0c)) t++;
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
    let value = 0;
    while (t < end && isHexDigit(text.charCodeAt(t))) {
      value = value * 16 + hexValue(text.charCodeAt(t));
      if (value > 0xffffffff) value = 0x100000000;
      t++;
    }
    if (t === digitsStart) {
      // No number: only a continuation backslash or a comment may stand here.
      let e = skipBlanks(text, s, end);
      const c = e < end ? text.charCodeAt(e) : -1;
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
          c === 0x2c ? e + 1 : tokenEnd,
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
    if (value >= 0xd8 && value <= 0xdf) surrogate = true;
    let e = t;
    if (e < end && text.charCodeAt(e) !== 0x2c) {
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
    if (e >= end) break; // the last byte, with no comma after it
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

function findTokenEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || isBlank(c)) break;
    i++;
  }
  return Math.max(i, from + 1 <= end ? from + 1 : end);
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
  if (from >= end || (text.charCodeAt(from + 1) | 0x20) === 0x78) return refused;
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
  if (count === 0 && s < end && text.charCodeAt(s) === 0x3b) {
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

function scanValue(text: string, i: number, end: number, rec: LineRecord): void {
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
  if (p >= end || text.charCodeAt(p) !== 0x3d /* = */) {
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
 * Whether an ignored line has the shape of a key path without its "[": /^[^\s"=]*\\[^=]*\]\s*(;.*)?$/, tested in
 * one pass from the end (that expression backtracks quadratically on a long run of backslashes or "\]"): the first
 * backslash with no blank, quote or "=" before it, then a "]" before any "=" that only blanks or a comment follow.
 */
export function looksLikeKeyWithoutBracket(rest: string): boolean {
  const slash = rest.indexOf('\\');
  if (slash < 0 || /[\s"=]/.test(rest.slice(0, slash))) return false;
  const eq = rest.indexOf('=', slash + 1);
  const before = eq < 0 ? rest.length : eq;
  // tailFits: what follows position i + 1 is blanks, then the end or a ";" comment without a line break.
  let tailFits = true;
  let lineBreakAfter = false;
  for (let i = rest.length - 1; i > slash; i--) {
    const c = rest[i];
    if (c === ']' && i < before && tailFits) return true;
    if (c === ';') tailFits = !lineBreakAfter;
    else if (!/\s/.test(c)) tailFits = false;
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') lineBreakAfter = true;
  }
  return false;
}

function scanIgnored(text: string, i: number, end: number, rec: LineRecord): void {
  rec.kind = Kind.Ignored;
  const rest = text.slice(i, end);
  if (looksLikeKeyWithoutBracket(rest) && (matchRoot(rest) || expandAbbreviation(rest) || /^HK/i.test(rest))) {
    rec.diag(
      'reg.key-missing-opening-bracket',
      i,
      end,
      'This looks like a key line without its opening "[": regedit ignores it, and the values below go to the previously opened key, if any. Add "[" before the key path.',
      { insertAt: i },
    );
    return;
  }
  const eq = rest.indexOf('=');
  if (eq > 0 && /^[^\s"[@;#][^=]*$/.test(rest.slice(0, eq))) {
    rec.diag(
      'reg.value-name-unquoted',
      i,
      i + eq,
      'A value name must be in double quotes (or @ for the default value): regedit ignores this line. Write "Name"=data.',
      rest.slice(0, eq).endsWith('"') ? undefined : { wrapFrom: i, wrapTo: i + trimEndChars(rest.slice(0, eq), ' \t').length },
    );
    return;
  }
  const looksHex = /^[0-9a-fA-F]{1,2}(,[0-9a-fA-F]{1,2})*,?\\?\s*$/.test(rest);
  rec.diag(
    'reg.line-ignored',
    i,
    end,
    looksHex
      ? 'regedit ignores this line: it looks like more hex bytes, but the value above did not end its line with ",\\". Add ",\\" at the end of the previous data line.'
      : 'regedit ignores this line: it is not a [key], a "value"=data line, a ";" comment or blank. Turn it into a comment with ";" or remove it.',
  );
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

/**
 * Whether a line inside hex continuation holds regedit's own layout (most lines of a large export), read in place
 * from `from` to `end` of `text`: -1 if not, otherwise `indent * 4 + (ends with "\\" ? 2 : 0) + (ends with "," ? 1 : 0)`
 * for canonicalInto. (The pattern matches no NUL and no line break, so the line needs no other check.)
 */
export function canonicalLayout(text: string, from: number, end: number): number {
  let i0 = from;
  while (i0 < end && isBlank(text.charCodeAt(i0))) i0++;
  if (i0 >= end || !isHexDigit(text.charCodeAt(i0))) return -1;
  CANONICAL_HEX.lastIndex = i0;
  if (!CANONICAL_HEX.test(text) || CANONICAL_HEX.lastIndex !== end) return -1;
  const last = text.charCodeAt(end - 1);
  return (i0 - from) * 4 + (last === 0x5c ? 2 : 0) + (last === 0x2c ? 1 : 0);
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
  while (isBlank(text.charCodeAt(i0))) i0++;
  if (!isHexDigit(text.charCodeAt(i0))) return -1;
  CANONICAL_HEX.lastIndex = i0;
  if (!CANONICAL_HEX.test(text)) return -1;
  const end = CANONICAL_HEX.lastIndex;
  if (end < text.length && (text.charCodeAt(end) !== 0x0d || text.charCodeAt(end + 1) !== 0x0a)) return -1;
  canonicalLineEnd = end;
  const last = text.charCodeAt(end - 1);
  return (i0 - from) * 4 + (last === 0x5c ? 2 : 0) + (last === 0x2c ? 1 : 0);
}

/** Scans one line of the body (everything after the header line) of a REGEDIT4 or version 5 file. */
export function scanLine(text: string, inCont: boolean): LineRecord {
  const rec = new LineRecord();
  scanLineInto(text, inCont, rec);
  return rec;
}

/** scanLine into a fresh (or reset) record. */
export function scanLineInto(text: string, inCont: boolean, rec: LineRecord): void {
  if (text.length === 0) return emptyLine(rec, inCont);
  if (inCont) {
    const layout = canonicalLayout(text, 0, text.length);
    if (layout >= 0) return canonicalInto(layout, rec);
  }
  const nul = text.indexOf('\0');
  const end = nul < 0 ? text.length : nul;
  const i = skipBlanks(text, 0, end);
  const c = i < end ? text.charCodeAt(i) : -1;
  if (nul >= 0) effectiveEnd(text, rec);
  if (inCont) {
    if (c === -1 || c === 0x3b) {
      rec.kind = Kind.ContinuationGap;
      rec.cont = true;
      return;
    }
    if (isHexDigit(c)) {
      rec.kind = Kind.HexContinuation;
      const st = scanHexBytes(text, i, end, rec);
      rec.rejected = (st & HEX_BAD) !== 0;
      rec.cont = st === HEX_BACKSLASH;
      return;
    }
    rec.kind = Kind.Swallowed;
    return;
  }
  switch (c) {
    case -1:
      rec.kind = Kind.Blank;
      break;
    case 0x3b:
      rec.kind = Kind.Comment;
      break;
    case 0x23:
      rec.kind = Kind.HashComment;
      break;
    case 0x5b:
      scanKey(text, i, end, rec);
      break;
    case 0x40:
    case 0x22:
      scanValue(text, i, end, rec);
      break;
    default:
      scanIgnored(text, i, end, rec);
  }
}

/** Scans one line of a Windows 3.1 format file (`REGEDIT` header). */
export function scanWin31Line(text: string): LineRecord {
  const rec = new LineRecord();
  scanWin31Into(text, rec);
  return rec;
}

/** scanWin31Line into a fresh (or reset) record. */
export function scanWin31Into(text: string, rec: LineRecord): void {
  const end = text.indexOf('\0') < 0 ? text.length : effectiveEnd(text, rec);
  if (text.startsWith('HKEY_CLASSES_ROOT')) {
    rec.kind = Kind.Win31;
    let k = 0;
    while (k < end && !/\s/.test(text[k])) k++;
    rec.name = text.slice(0, k);
    rec.nameStart = 0;
    rec.nameEnd = k;
    let v = skipBlanks(text, k, end);
    if (text.charCodeAt(v) === 0x3d) v++;
    if (text.charCodeAt(v) === SPACE) v++;
    rec.type = REG_SZ;
    rec.dataStart = v;
    rec.dataEnd = end;
    rec.str = text.slice(v, end);
    return;
  }
  if (skipBlanks(text, 0, end) >= end) {
    rec.kind = Kind.Blank;
    return;
  }
  rec.kind = Kind.Ignored;
  rec.diag(
    'reg.win31-line-ignored',
    0,
    end,
    'In the Windows 3.1 format (bare REGEDIT header) only lines that start exactly with HKEY_CLASSES_ROOT are read; this line is ignored. Use the header "Windows Registry Editor Version 5.00" for other keys.',
  );
}

/** The registry's name of a value type number (-1 stands for a deletion). */
export function typeName(type: number): string {
  switch (type) {
    case -1:
      return 'deletion';
    case 0:
      return 'REG_NONE';
    case 1:
      return 'REG_SZ';
    case 2:
      return 'REG_EXPAND_SZ';
    case 3:
      return 'REG_BINARY';
    case 4:
      return 'REG_DWORD';
    case 5:
      return 'REG_DWORD_BIG_ENDIAN';
    case 6:
      return 'REG_LINK';
    case 7:
      return 'REG_MULTI_SZ';
    case 8:
      return 'REG_RESOURCE_LIST';
    case 9:
      return 'REG_FULL_RESOURCE_DESCRIPTOR';
    case 10:
      return 'REG_RESOURCE_REQUIREMENTS_LIST';
    case 11:
      return 'REG_QWORD';
    default:
      return `type 0x${type.toString(16)}`;
  }
}
