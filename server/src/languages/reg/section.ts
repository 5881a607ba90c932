/**
 * Analysis of one section (a key line and the lines up to the next key line): which values it sets, whether
 * regedit accepts each of them, and the checks that need a whole value (hex data spread over continuation lines)
 * or the whole section (duplicate value names). Results are relative to the section's first line so that they
 * survive edits elsewhere in the file.
 */
import type { LineSource, SectionSpan } from './source';
import type { Severity } from '../../core/types';
import { decodeWindows1252 } from '../../core/encoding';
import type { LineDiag } from './lineRecord';
import { isHexDigit } from './chars';
import { Kind, KIND_MASK, REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_EXPAND_SZ, REG_MULTI_SZ, REG_QWORD, REG_SZ, REJECTED, SHARED, SURROGATE_BYTE, typeName } from './lineRecord';
import { canonicalHasSurrogateByte, canonicalTail, hexCount } from './scanHex';
import { dataContentEnd } from './scanValue';
import { HAS_DIAGS, HAS_NAME, LineTable, NAME_ESCAPED } from './table';

export interface RelatedRel {
  rel: number;
  start: number;
  end: number;
  message: string;
}

export interface SectionDiag {
  rel: number;
  start: number;
  end: number;
  code: string;
  message: string;
  related?: RelatedRel[];
  data?: unknown;
  /** Instead of the code's default severity. */
  severity?: Severity;
}

/** A value line and its continuation lines. */
export interface ValueEntry {
  /** Line of the `"name"=` relative to the section start. */
  rel: number;
  /** Last line of the value (continuation lines included), relative. */
  lastRel: number;
  name: string | null;
  /**
   * Case-insensitive hash of the name (registry names ignore case); equal names have equal keys. A signed 32-bit
   * number, so that V8 stores it in the object rather than in a heap number of its own.
   */
  nameKey: number;
  /** Registry type number, or -1 for a deletion (`=-`). */
  type: number;
  /** regedit imports (or deletes) it. */
  valid: boolean;
}

/** The diagnostics of a section without findings (shared, so that such sections cost no array of their own). */
const NO_DIAGS: SectionDiag[] = Object.freeze([]) as unknown as SectionDiag[];

/**
 * What validation keeps of a section between edits: the key its first line opens or deletes, and the section's
 * own findings. Its values (entries) are listed only when asked for, from the line table: validation needs them
 * for few sections (those written to no key, keys opened twice, keys the catalog knows).
 */
export class SectionAnalysis {
  constructor(
    private readonly doc: LineSource,
    private readonly section: SectionSpan,
    /** The key the first line opens (Kind.Key), deletes (Kind.KeyDelete), or undefined. */
    readonly keyKind: Kind | undefined,
    /** The key, normalised (normalizeKeyPath), when keyKind is set. */
    readonly keyLower: string | undefined,
    readonly diags: SectionDiag[],
    /** The entries when the analysis made them, else read on first use. */
    private entryList: ValueEntry[] | undefined,
  ) {}

  /** The value lines of the section, in order (read when asked for; the section's lines do not change). */
  get entries(): ValueEntry[] {
    return (this.entryList ??= collectEntries(this.doc, this.section.start, this.section.start + this.section.length));
  }
}

/**
 * A line number in a cached message. Section analyses are kept across edits elsewhere, so their messages refer to
 * lines relative to the section start; resolveLineRefs turns them into line numbers when diagnostics are made.
 */
export function lineRef(rel: number): string {
  return `{line:${rel}}`;
}

export function resolveLineRefs(message: string, sectionStart: number): string {
  return message.replace(/\{line:(-?\d+)\}/g, (_, rel: string) => String(sectionStart + Number(rel) + 1));
}

export function normalizeKeyPath(path: string): string {
  // The registry ignores trailing separators and compares names case-insensitively.
  let end = path.length;
  // charCodeAt(-1) is NaN, which ends the loop.
  while (path.charCodeAt(end - 1) === 0x5c) end--;
  return path.slice(0, end).toUpperCase();
}

/** Set by valueEnd: whether regedit imports the value, and the line that swallowed it (-1 if none). */
let walkValid = false;
let walkSwallowed = -1;

/** The first line of a value entry: a value line, except a rejected one that has neither a name nor a type. */
function isEntryStart(scan: LineTable, line: number): boolean {
  const kind = scan.kind(line);
  if (kind !== Kind.Value && kind !== Kind.ValueRejected) return false;
  // Type -2 (none) is only ever on a rejected line.
  return !(scan.type[line] === -2 && scan.nameEnd[line] === 0);
}

/**
 * The last line of the value that starts on `line` (its continuation lines, as the scanner marked them, up to
 * `end`); sets walkValid and walkSwallowed.
 */
function valueEnd(scan: LineTable, line: number, end: number): number {
  let last = line;
  let valid = scan.kind(line) === Kind.Value;
  walkSwallowed = -1;
  // The scanner marks gaps, continuation lines and a swallowed line only while the value goes on (after a line that
  // ends with ",\\"), so the walk stops at the first line of another kind.
  // Stryker disable next-line EqualityOperator: the line at `end` starts the next section (a key line) or is past the text
  for (let j = line + 1; j < end; j++) {
    const bits = scan.bits[j];
    const kind = bits & KIND_MASK;
    if (kind === Kind.ContinuationGap) continue;
    if (kind === Kind.HexContinuation) {
      last = j;
      if (bits & REJECTED) valid = false;
      continue;
    }
    if (kind === Kind.Swallowed) {
      valid = false;
      last = j;
      walkSwallowed = j;
    }
    break;
  }
  walkValid = valid;
  return last;
}

/** The value lines of a section, as ValueEntry objects. */
function collectEntries(doc: LineSource, start: number, end: number): ValueEntry[] {
  const scan = doc.scan;
  const out: ValueEntry[] = [];
  for (let i = start; i < end; i++) {
    if (!isEntryStart(scan, i)) continue;
    const last = valueEnd(scan, i, end);
    out.push(makeEntry(doc, i, last, start, walkValid));
    i = last;
  }
  return out;
}

function makeEntry(doc: LineSource, line: number, last: number, start: number, valid: boolean): ValueEntry {
  const name = doc.name(line);
  return { rel: line - start, lastRel: last - start, name, nameKey: name === null ? 0 : nameHash(name), type: doc.scan.type[line], valid };
}

/** The entries of the section being analysed (analyzeSection): first line, last line, 1 if regedit imports the value. */
let entryLine = new Int32Array(64);
let entryLast = new Int32Array(64);
let entryValid = new Uint8Array(64);
/** Per entry, for checkDuplicates: the name's nameHash (0 until computed) and the decoded name's length. */
let entryKey = new Int32Array(64);
let entryLength = new Int32Array(64);

export function analyzeSection(doc: LineSource, section: SectionSpan): SectionAnalysis {
  const scan = doc.scan;
  const start = section.start;
  const end = start + section.length;
  const firstKind = scan.kind(start);
  let keyKind: Kind | undefined;
  let keyLower: string | undefined;
  // The first section starts at the header line (line 0 is always read as the header).
  if (firstKind === Kind.Key || firstKind === Kind.KeyDelete) {
    keyKind = firstKind;
    const path = doc.name(start);
    keyLower = path === null ? undefined : normalizeKeyPath(path);
  }
  const diags: SectionDiag[] = [];
  for (let i = start; i < end; i++) {
    if ((scan.bits[i] & HAS_DIAGS) === 0) continue;
    for (const d of scan.diags(i) as LineDiag[]) diags.push({ rel: i - start, start: d.start, end: d.end, code: d.code, message: d.message, data: d.data });
  }
  let count = 0;
  for (let i = start; i < end; i++) {
    if (!isEntryStart(scan, i)) continue;
    const last = valueEnd(scan, i, end);
    const valid = walkValid;
    // Stryker disable next-line EqualityOperator: line 0 is the header, never a swallowed line
    if (walkSwallowed >= 0) diags.push(swallowedDiag(doc, i, walkSwallowed, start));
    if (count === entryLine.length) growEntries();
    entryLine[count] = i;
    entryLast[count] = last;
    entryValid[count] = valid ? 1 : 0;
    count++;
    if (valid) checkHexMeaning(doc, i, last, start, diags);
    i = last;
  }
  foldIgnoredContinuations(doc, start, end, diags);
  const entries = checkDuplicates(doc, start, count, diags);
  // Stryker disable next-line ConditionalExpression: an empty list either way; the shared one only saves memory
  return new SectionAnalysis(doc, section, keyKind, keyLower, diags.length === 0 ? NO_DIAGS : diags, entries);
}

function growEntries(): void {
  const n = entryLine.length * 2;
  const line = new Int32Array(n);
  const last = new Int32Array(n);
  const valid = new Uint8Array(n);
  line.set(entryLine);
  last.set(entryLast);
  valid.set(entryValid);
  entryLine = line;
  entryLast = last;
  entryValid = valid;
  entryKey = new Int32Array(n);
  entryLength = new Int32Array(n);
}

/** The findings on a hex value line that make regedit discard the value where its line ends with a continuation. */
const CONTINUATION_ROOTS = new Set(['reg.hex-backslash-without-comma', 'reg.hex-continuation-invalid', 'reg.hex-byte-invalid', 'reg.hex-type-invalid']);

/**
 * A hex value that regedit rejects on a line ending with "\\" (or with text after the "\\"): regedit drops the value
 * there and reads the lines meant as its continuation as lines of their own, which it ignores. Those lines are a
 * consequence of the finding on the value line, which lists them, rather than findings of their own (whose message,
 * "the value above did not end its line with ",\\"", would not be true).
 */
function foldIgnoredContinuations(doc: LineSource, start: number, end: number, diags: SectionDiag[]): void {
  const scan = doc.scan;
  for (let i = start; i < end; i++) {
    // The root is on the value line, or on one of its continuation lines (which then holds only bytes from column 0).
    const onContinuation = scan.kind(i) === Kind.HexContinuation && (scan.bits[i] & REJECTED) !== 0;
    if (!onContinuation && (scan.kind(i) !== Kind.ValueRejected || !doc.isHexData(i))) continue;
    const root = diags.find((d) => d.rel === i - start && CONTINUATION_ROOTS.has(d.code));
    if (!root || !(endsWithBackslash(doc.lineText(i), onContinuation ? 0 : scan.dataStart[i]) || root.code === 'reg.hex-continuation-invalid')) continue;
    const folded: number[] = [];
    for (let j = i + 1; j < end; j++) {
      const kind = scan.kind(j);
      if (kind === Kind.Blank || kind === Kind.Comment) continue;
      const text = doc.lineText(j);
      if (kind !== Kind.Ignored || !looksLikeHexBytes(text)) break;
      folded.push(j);
      if (!endsWithBackslash(text, 0)) break;
    }
    if (folded.length === 0) continue;
    for (const j of folded) {
      const k = diags.findIndex((d) => d.rel === j - start && d.code === 'reg.line-ignored');
      if (k >= 0) diags.splice(k, 1);
    }
    root.related = folded.map((j) => ({ rel: j - start, start: 0, end: doc.lineLength(j), message: 'a continuation line regedit then ignores' }));
  }
}

/** The data from `from` ends with "\\" (before trailing blanks and a ";" comment). */
function endsWithBackslash(text: string, from: number): boolean {
  const e = dataContentEnd(text, from, text.length);
  return e > from && text.charCodeAt(e - 1) === 0x5c;
}

/** Only hex digits, commas and blanks, and perhaps a final "\\": a line written as more bytes of a hex value. */
function looksLikeHexBytes(text: string): boolean {
  let digits = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (isHexDigit(c)) digits++;
    else if (c === 0x5c) return digits > 0 && !/[^ \t]/.test(text.slice(k + 1));
    else if (c !== 0x2c && c !== 0x20 && c !== 0x09) return false;
  }
  return digits > 0;
}

/** The line after ",\\" that is no hex data: regedit discards the value on `line` (and, often, the line). */
function swallowedDiag(doc: LineSource, line: number, swallowed: number, start: number): SectionDiag {
  const text = doc.lineText(swallowed);
  const lost = /^\s*\[/.test(text)
    ? ' and skips this key line, so its values go to the key above'
    : /^\s*[@"]/.test(text)
      ? ' and this line as well'
      : '';
  return {
    rel: swallowed - start,
    start: 0,
    end: text.length,
    code: 'reg.hex-continuation-swallowed',
    message: `regedit expected more hex bytes for the value on line ${lineRef(line - start)} (its data ends with ",\\"), found this line instead, and discards that value${lost}. Remove the trailing ",\\" or add the missing bytes.`,
    related: [{ rel: line - start, start: doc.scan.nameStart[line], end: doc.scan.nameEnd[line], message: 'the value that is discarded' }],
  };
}

/** The bytes of a hex value from its first line to its last continuation line. */
export function entryBytes(doc: LineSource, first: number, last: number): number[] {
  const bytes: number[] = [];
  const scan = doc.scan;
  for (let i = first; i <= last; i++) {
    if (i !== first && scan.kind(i) !== Kind.HexContinuation) continue;
    const offset = doc.lineSourceStart(i);
    extractBytes(doc.lineSource(i), offset + scan.bytesStart[i], offset + (i === first ? scan.dataEnd[i] : doc.lineLength(i)), bytes);
  }
  return bytes;
}

function extractBytes(text: string, from: number, end: number, out: number[]): void {
  let s = from;
  while (s < end) {
    let c = text.charCodeAt(s);
    // The blanks regedit's byte parser (wcstoul) skips, and a sign.
    while (s < end && (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x2b || c === 0x2d)) c = text.charCodeAt(++s);
    if (c === 0x30 && (text.charCodeAt(s + 1) | 0x20) === 0x78 && isHexDigit(text.charCodeAt(s + 2))) s += 2;
    const d = s;
    let value = 0;
    for (let h = hexDigit(text.charCodeAt(s)); s < end && h >= 0; h = hexDigit(text.charCodeAt(++s))) value = value * 16 + h;
    if (s === d) return;
    out.push(value);
    while (s < end && text.charCodeAt(s) !== 0x2c) {
      c = text.charCodeAt(s);
      if (c === 0x3b || c === 0x5c) return;
      s++;
    }
    s++;
  }
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

/** Set by hexSummary: the byte count of a hex value, and its last (up to) four bytes (the last one lowest). */
let summaryCount = 0;
let summaryLastFour = 0;

/** Byte count and last four bytes of a hex value from its first to its last line, from the line table. */
function hexSummary(doc: LineSource, first: number, last: number): void {
  const scan = doc.scan;
  let count = 0;
  let lastFour = 0;
  let have = 0;
  for (let i = last; i >= first; i--) {
    const bits = scan.bits[i];
    if (i !== first && (bits & KIND_MASK) !== Kind.HexContinuation) continue;
    const end = i === first ? scan.dataEnd[i] : doc.lineLength(i);
    const n = hexCount(bits, scan.bytesStart[i], scan.byteCount[i], end);
    count += n;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut; the loop below takes no byte when either fails
    if (have < 4 && n > 0) {
      const tail = bits & SHARED ? canonicalTail(doc.lineSource(i), doc.lineSourceStart(i) + scan.bytesStart[i], n) : scan.tail[i];
      for (let k = 0; k < Math.min(4, n) && have < 4; k++, have++) lastFour |= ((tail >>> (8 * k)) & 0xff) << (8 * have);
    }
  }
  summaryCount = count;
  summaryLastFour = lastFour;
}

/** Whether some byte of a hex value is d8-df, so that it may hold a UTF-16 surrogate. */
function mayHoldSurrogate(doc: LineSource, first: number, last: number): boolean {
  const scan = doc.scan;
  for (let i = first; i <= last; i++) {
    const bits = scan.bits[i];
    if (i !== first && (bits & KIND_MASK) !== Kind.HexContinuation) continue;
    if ((bits & SHARED) === 0) {
      if (bits & SURROGATE_BYTE) return true;
      continue;
    }
    const n = hexCount(bits, scan.bytesStart[i], scan.byteCount[i], i === first ? scan.dataEnd[i] : doc.lineLength(i));
    if (canonicalHasSurrogateByte(doc.lineSource(i), doc.lineSourceStart(i) + scan.bytesStart[i], n)) return true;
  }
  // Stryker disable next-line BooleanLiteral: a pre-check; reading every value whole finds the same surrogates
  return false;
}

function checkHexMeaning(doc: LineSource, first: number, last: number, start: number, diags: SectionDiag[]): void {
  const scan = doc.scan;
  const type = scan.type[first];
  const isHex = doc.isHexData(first);
  if (!isHex) return;
  const rel = first - start;
  const typeStart = scan.dataStart[first];
  const typeEnd = scan.bytesStart[first];
  const expectSize = type === REG_DWORD || type === REG_DWORD_BIG_ENDIAN ? 4 : type === REG_QWORD ? 8 : 0;
  if (expectSize) {
    hexSummary(doc, first, last);
    const count = summaryCount;
    if (count !== 0 && count !== expectSize) {
      diags.push({
        rel,
        start: typeStart,
        end: typeEnd,
        code: 'reg.hex-size-mismatch',
        message:
          type === REG_QWORD
            ? `${typeName(type)} data of ${count} bytes, not the usual 8. regedit stores the bytes as given, and Windows writes some such values itself (Group Policy's ExecTime has 16), so leave exported data as it is unless you know it is wrong.`
            : `${typeName(type)} data of ${count} bytes, not the usual 4. regedit stores the bytes as given, and exports a value of this type with another size in just this form, so leave exported data as it is unless you know it is wrong.`,
      });
    }
    return;
  }
  if (type !== REG_SZ && type !== REG_EXPAND_SZ && type !== REG_MULTI_SZ) return;
  hexSummary(doc, first, last);
  const count = summaryCount;
  const lastFour = summaryLastFour;
  if (count === 0) return;
  if (!doc.unicode) {
    const bytes = entryBytes(doc, first, last);
    let oddZeros = 0;
    for (let k = 1; k < bytes.length; k += 2) if (bytes[k] === 0) oddZeros++;
    if (bytes.length >= 4 && oddZeros >= Math.floor(bytes.length / 2) * 0.8) {
      diags.push({
        rel,
        start: typeStart,
        end: typeEnd,
        code: 'reg.hex-string-encoding-mismatch',
        message: `This file is read as ANSI (${doc.header === 'v4' ? 'REGEDIT4' : 'no FF FE byte order mark'}), so regedit takes each byte as a character; these bytes look like UTF-16 text and would be stored with a NUL after every character. Save the file as UTF-16LE, or write one byte per character.`,
      });
      return;
    }
    // regedit converts the bytes from ANSI and, as in a UTF-16 file, adds at most one terminating NUL.
    if (type === REG_MULTI_SZ) checkMultiSzEnd(count === 1 ? lastFour & 0xff : -1, count >= 2 && (lastFour & 0xffff) === 0, rel, typeStart, typeEnd, diags, 'ansi');
    return;
  }
  if (count % 2 === 1) {
    // regedit imports the value (it ends the text with a NUL over the odd byte), and programs do store such data.
    diags.push({
      rel,
      start: typeStart,
      end: typeEnd,
      code: 'reg.hex-string-invalid',
      message: `${typeName(type)} data of ${count} ${count === 1 ? 'byte' : 'bytes'} in a UTF-16 file: text has two bytes per character, so the last byte is half a character. regedit imports it as given; check the bytes if you wrote them by hand.`,
      severity: 'information',
    });
    return;
  }
  if (mayHoldSurrogate(doc, first, last)) {
    // Only values with a byte d8-df can hold a surrogate: read them whole.
    const bytes = entryBytes(doc, first, last);
    for (let k = 0; k + 1 < bytes.length; k += 2) {
      const unit = bytes[k] | (bytes[k + 1] << 8);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = k + 3 < bytes.length ? bytes[k + 2] | (bytes[k + 3] << 8) : -1;
        if (next >= 0xdc00 && next <= 0xdfff) {
          k += 2;
          continue;
        }
      } else if (!(unit >= 0xdc00 && unit <= 0xdfff)) continue;
      diags.push({
        rel,
        start: typeStart,
        end: typeEnd,
        code: 'reg.hex-string-invalid',
        message: `${typeName(type)} data contains an unpaired UTF-16 surrogate (${unit.toString(16).padStart(4, '0')} at byte ${k}), which is not valid text; regedit imports it as given. Check the bytes.`,
      });
      return;
    }
  }
  if (type === REG_MULTI_SZ) {
    // The last four bytes are zero, or the only two.
    checkMultiSzEnd(count === 2 ? lastFour & 0xffff : -1, count >= 4 && lastFour === 0, rel, typeStart, typeEnd, diags, 'utf16');
  }
}

/**
 * A multi-string must end with an empty string (two NULs) unless it is the empty list (a single NUL); regedit adds at
 * most one NUL, in ANSI and UTF-16 files alike. `single` is the only character when the data is one character long
 * (-1 otherwise), `endsDouble` whether the data ends with two NUL characters.
 */
function checkMultiSzEnd(single: number, endsDouble: boolean, rel: number, start: number, end: number, diags: SectionDiag[], encoding: 'ansi' | 'utf16'): void {
  if (endsDouble || single === 0) return;
  diags.push({
    rel,
    start,
    end,
    code: 'reg.multi-sz-unterminated',
    message: `This multi-string (hex(7)) does not end with an empty string (${encoding === 'ansi' ? '00,00 in an ANSI file' : '00,00,00,00 in a UTF-16 file'}); regedit adds at most one NUL, so it stores the list without its end. Add the missing 00 bytes if you wrote the data by hand.`,
  });
}

export { typeName };

/** Hex string data as text: UTF-16LE in a file with the FF FE mark, the ANSI code page otherwise (as regedit reads it). */
export function bytesToText(bytes: number[], unicode: boolean): string {
  if (!unicode) return decodeWindows1252(Uint8Array.from(bytes));
  let s = '';
  for (let k = 0; k + 1 < bytes.length; k += 2) s += String.fromCharCode(bytes[k] | (bytes[k + 1] << 8));
  return s;
}

export function displayName(name: string | null): string {
  return name === null ? '(Default)' : `"${name}"`;
}

/**
 * A case-insensitive hash of a value name. Lower-casing every name (toLowerCase on UTF-16 text goes through ICU)
 * dominated the analysis of large exports; hashing with ASCII case folding and comparing only on collisions is cheap.
 */
export function nameHash(name: string): number {
  return nameHashIn(name, 0, name.length);
}

/**
 * nameHash of the characters of `text` from `from` up to `to`, read in place. The hash only sorts names into buckets
 * and sameName decides, so a weaker hash (fewer characters read, fewer distinct values) finds the same duplicates;
 * only one that gives equal names different hashes would miss some.
 */
function nameHashIn(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a hash of fewer characters (see above)
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    else if (c >= 0x80) c = text[i].toLowerCase().charCodeAt(0);
    h = Math.imul(h ^ c, 0x01000193);
  }
  // Not 0, which marks "not computed yet" in checkDuplicates and is the default value's key.
  // Stryker disable next-line LogicalOperator: 0 or 1 for every name is a weaker hash (see above)
  return h | 0 || 1;
}

/**
 * Registry value names compare case-insensitively; the default value (null) equals "" only to itself. Only names
 * with equal keys (nameKey) are compared: the callers find them by key.
 */
function sameName(a: ValueEntry, b: ValueEntry): boolean {
  if (a.name === null || b.name === null) return a.name === b.name;
  return a.name.length === b.name.length && a.name.toLowerCase() === b.name.toLowerCase();
}

/** Finds, among entries seen so far (bucketed by nameKey), the one with the same name. */
export function findSameName<T extends { entry: ValueEntry }>(buckets: Map<number, T[]>, e: ValueEntry): T | undefined {
  const list = buckets.get(e.nameKey);
  return list?.find((x) => sameName(x.entry, e));
}

/** Records `item` as the latest entry with its name, replacing an earlier one with the same name. */
export function rememberName<T extends { entry: ValueEntry }>(buckets: Map<number, T[]>, item: T): void {
  const list = buckets.get(item.entry.nameKey);
  if (!list) {
    buckets.set(item.entry.nameKey, [item]);
    return;
  }
  const k = list.findIndex((x) => sameName(x.entry, item.entry));
  if (k >= 0) list[k] = item;
  else list.push(item);
}

/** The length of the decoded name on a value line (-1 for the default value), without decoding it if it has no escapes. */
function nameLengthAt(doc: LineSource, line: number): number {
  const bits = doc.scan.bits[line];
  // Stryker disable next-line ConditionalExpression,UnaryOperator: the length only spares comparisons: values whose lengths are equal are still compared by name
  if ((bits & HAS_NAME) === 0) return -1;
  // Stryker disable next-line ConditionalExpression: a shortcut; the decoded name has this length
  if ((bits & NAME_ESCAPED) === 0) return doc.scan.nameEnd[line] - doc.scan.nameStart[line] - 2;
  return (doc.name(line) as string).length;
}

/** nameHash of the name on a value line (ValueEntry.nameKey), read in place unless it has escapes; 0 for the default value. */
function nameKeyAt(doc: LineSource, line: number): number {
  const scan = doc.scan;
  const bits = scan.bits[line];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the key only spares comparisons (any key for the default value, 0 for every name, still compares every pair by name)
  if ((bits & HAS_NAME) === 0) return 0;
  // Stryker disable next-line ConditionalExpression: a shortcut; decoding a name without escapes gives the characters hashed in place
  if (bits & NAME_ESCAPED) return nameHash(doc.name(line) as string);
  const at = doc.lineSourceStart(line);
  return nameHashIn(doc.lineSource(line), at + scan.nameStart[line] + 1, at + scan.nameEnd[line] - 1);
}

/**
 * Duplicate values within the section (the entries are in entryLine … from analyzeSection). Returns the entries as
 * ValueEntry objects when it had to make them (sections with many values), for the analysis to keep.
 */
function checkDuplicates(doc: LineSource, start: number, count: number, diags: SectionDiag[]): ValueEntry[] | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: either way finds the same duplicates, and the entries returned by the map (kept by SectionAnalysis) equal those it reads when asked
  if (count <= 16) {
    // Most keys have a few values: compare each with the ones before it, the latest first, without a map. Only
    // names of the same length can be the same (sameName), so names are hashed only for such pairs. A value regedit
    // discards has the length -2, which no name has, so it matches no other value.
    // Stryker disable next-line EqualityOperator: one slot more is written (or dropped past the end) and never read
    for (let k = 0; k < count; k++) {
      entryLength[k] = entryValid[k] ? nameLengthAt(doc, entryLine[k]) : -2;
      entryKey[k] = 0;
    }
    for (let k = 1; k < count; k++) {
      if (entryLength[k] === -2) continue;
      for (let j = k - 1; j >= 0; j--) {
        if (entryLength[j] !== entryLength[k]) continue;
        // Stryker disable next-line ConditionalExpression: computing the key again gives the same key
        if (entryKey[j] === 0) entryKey[j] = nameKeyAt(doc, entryLine[j]);
        // Stryker disable next-line ConditionalExpression: computing the key again gives the same key
        if (entryKey[k] === 0) entryKey[k] = nameKeyAt(doc, entryLine[k]);
        // Stryker disable next-line ConditionalExpression: a shortcut; names with different keys differ, which sameName also finds
        if (entryKey[j] !== entryKey[k]) continue;
        // Only the names, keys and types of these two are read (both are imported: discarded values were skipped).
        // Stryker disable next-line BooleanLiteral: see above
        const prev = makeEntry(doc, entryLine[j], entryLast[j], start, true);
        // Stryker disable next-line BooleanLiteral: see above
        const e = makeEntry(doc, entryLine[k], entryLast[k], start, true);
        if (sameName(prev, e)) {
          diags.push(duplicateDiag(prev, e, doc, start, start));
          break;
        }
      }
    }
    return undefined;
  }
  const entries: ValueEntry[] = [];
  for (let k = 0; k < count; k++) entries.push(makeEntry(doc, entryLine[k], entryLast[k], start, entryValid[k] === 1));
  const seen = new Map<number, { entry: ValueEntry }[]>();
  for (const e of entries) {
    if (!e.valid) continue;
    const prev = findSameName(seen, e);
    rememberName(seen, { entry: e });
    if (prev) diags.push(duplicateDiag(prev.entry, e, doc, start, start));
  }
  return entries;
}

/** The diagnostic on the earlier of two lines that set or delete the same value; the later one wins. */
export function duplicateDiag(earlier: ValueEntry, later: ValueEntry, doc: LineSource, earlierStart: number, laterStart: number): SectionDiag {
  const scan = doc.scan;
  const eLine = earlierStart + earlier.rel;
  const lLine = laterStart + later.rel;
  // Relative to the earlier line's section, which is where the diagnostic is reported.
  const laterLine = lineRef(laterStart - earlierStart + later.rel);
  const what =
    earlier.type === -1 && later.type === -1
      ? `is deleted again on line ${laterLine}`
      : earlier.type === -1
        ? `is set again on line ${laterLine}, after this deletion`
        : later.type === -1
          ? `is deleted on line ${laterLine}, so this setting is undone`
          : `is set again on line ${laterLine}, and regedit applies the later line last`;
  return {
    rel: earlier.rel,
    start: scan.nameStart[eLine],
    end: doc.lineLength(eLine),
    code: 'reg.duplicate-value',
    message: `${displayName(earlier.name)} ${what}: this line has no lasting effect. Remove one of the two lines.`,
    related: [{ rel: later.rel + (laterStart - earlierStart), start: scan.nameStart[lLine], end: scan.nameEnd[lLine], message: 'the line that wins' }],
  };
}
