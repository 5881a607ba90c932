/**
 * Line scanner for Registry Editor exports. One call reads one line, given only whether the previous line left
 * hex data open for continuation: that is all the state regedit's importer carries from line to line besides the
 * open key, which is resolved later per section. The accept/reject decisions mirror regedit.exe as described by
 * Wine's Windows-verified conformance tests (external-facts section 6).
 *
 * This module reads the header line and dispatches each body line by its first character; the parts of a line are
 * read in scanKey.ts (key lines), scanValue.ts (value names and data), scanHex.ts (hex data and continuation lines),
 * with lineRecord.ts (what is recorded per line) and chars.ts (character classes) below them.
 */
import { trimEndChars } from '../../core/text';
import { isHexDigit, skipBlanks, SPACE } from './chars';
import { CONT, HeaderKind, Kind, LineRecord, REG_SZ, SHARED } from './lineRecord';
import { canonicalInto, canonicalLayout, HEX_BACKSLASH, HEX_BAD, scanHexBytes } from './scanHex';
import { scanKey } from './scanKey';
import { scanValue } from './scanValue';

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

/** Fills `rec` (a reset record) for an empty line, outside or inside hex continuation (see LineRecord.shared). */
function emptyLine(rec: LineRecord, inCont: boolean): void {
  rec.bits = inCont ? Kind.ContinuationGap | CONT | SHARED : Kind.Blank | SHARED;
}

/**
 * Whether an ignored line has the shape of a key path without its "[": /^[^\s"=]*\\[^=]*\]\s*(;.*)?$/, tested in
 * one pass from the end (that expression backtracks quadratically on a long run of backslashes or "\]"): the first
 * backslash with no blank, quote or "=" before it, then a "]" before any "=" that only blanks or a comment follow.
 */
export function looksLikeKeyWithoutBracket(rest: string): boolean {
  const slash = rest.indexOf('\\');
  if (slash < 0 || /[\s"=]/.test(rest.slice(0, slash))) return false;
  // No "=" comes before the backslash (tested above).
  const eq = rest.indexOf('=');
  const before = eq === -1 ? rest.length : eq;
  // tailFits: what follows position i + 1 is blanks, then the end or a ";" comment without a line break.
  let tailFits = true;
  let lineBreakAfter = false;
  for (let i = rest.length - 1; i !== slash; i--) {
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
  // Every root (HKEY_…) and every abbreviation (HKLM, HKCU, …) starts with "HK", and so do misspelt roots.
  if (/^HK/i.test(rest) && looksLikeKeyWithoutBracket(rest)) {
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
  // A name before "=" has at least one character (the pattern fails on "").
  if (eq !== -1 && /^[^\s"[@;#][^=]*$/.test(rest.slice(0, eq))) {
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
    const layout = canonicalLayout(text);
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
