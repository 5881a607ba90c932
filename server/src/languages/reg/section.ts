/**
 * Analysis of one section (a key line and the lines up to the next key line): which values it sets, whether
 * regedit accepts each of them, and the checks that need a whole value (hex data spread over continuation lines)
 * or the whole section (duplicate value names). Results are relative to the section's first line so that they
 * survive edits elsewhere in the file.
 */
import type { RegDocument, Section } from './document';
import { typeName } from './scan';
import { hexLineCount, hexLineHasSurrogateByte, hexLineTail, isHexDigit, Kind, LineRecord, REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_EXPAND_SZ, REG_MULTI_SZ, REG_QWORD, REG_SZ } from './scan';

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

export interface SectionAnalysis {
  /** The key the first line opens (Kind.Key), deletes (Kind.KeyDelete), or undefined. */
  keyKind: Kind | undefined;
  keyPath: string | undefined;
  keyLower: string | undefined;
  entries: ValueEntry[];
  diags: SectionDiag[];
}

/**
 * A line number in a cached message. Section analyses are kept across edits elsewhere, so their messages refer to
 * lines relative to the section start; resolveLineRefs turns them into line numbers when diagnostics are made.
 */
export function lineRef(rel: number): string {
  return `{line:${rel}}`;
}

export function resolveLineRefs(message: string, sectionStart: number): string {
  return message.indexOf('{line:') < 0 ? message : message.replace(/\{line:(-?\d+)\}/g, (_, rel: string) => String(sectionStart + Number(rel) + 1));
}

export function normalizeKeyPath(path: string): string {
  // The registry ignores trailing separators and compares names case-insensitively.
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x5c) end--;
  return (end === path.length ? path : path.slice(0, end)).toUpperCase();
}

export function analyzeSection(doc: RegDocument, section: Section): SectionAnalysis {
  const records = doc.records;
  const start = section.start;
  const end = start + section.length;
  const first = records[start];
  let keyKind: Kind | undefined;
  let keyPath: string | undefined;
  if (start > 0 && (first.kind === Kind.Key || first.kind === Kind.KeyDelete)) {
    keyKind = first.kind;
    keyPath = first.name ?? undefined;
  }
  const entries: ValueEntry[] = [];
  const diags: SectionDiag[] = [];
  for (let i = start; i < end; i++) {
    const ds = records[i].diags;
    if (ds) for (const d of ds) diags.push({ rel: i - start, start: d.start, end: d.end, code: d.code, message: d.message, data: d.data });
  }
  for (let i = start; i < end; i++) {
    const rec = records[i];
    if (rec.kind !== Kind.Value && rec.kind !== Kind.ValueRejected) continue;
    if (rec.type === -2 && rec.kind === Kind.ValueRejected && rec.nameEnd === 0) continue;
    let last = i;
    let valid = rec.kind === Kind.Value;
    if (rec.cont) {
      // Follow the continuation lines the scanner marked.
      let j = i + 1;
      while (j < end) {
        const r = records[j];
        if (r.kind === Kind.ContinuationGap) {
          j++;
          continue;
        }
        if (r.kind === Kind.HexContinuation) {
          last = j;
          if (r.rejected) valid = false;
          j++;
          if (r.cont) continue;
          break;
        }
        if (r.kind === Kind.Swallowed) {
          valid = false;
          last = j;
          const text = doc.lineText(j);
          diags.push({
            rel: j - start,
            start: 0,
            end: text.length,
            code: 'reg.hex-continuation-swallowed',
            message: `regedit expected more hex bytes for the value on line ${lineRef(i - start)} (its data ends with ",\\"), found this line instead, and discards that value${/^\s*[[@"]/.test(text) ? ' and this line as well' : ''}. Remove the trailing ",\\" from the last data line, or add the missing bytes.`,
            related: [{ rel: i - start, start: rec.nameStart, end: rec.nameEnd, message: 'the value that is discarded' }],
          });
        }
        break;
      }
    }
    const name = rec.name;
    const entry: ValueEntry = {
      rel: i - start,
      lastRel: last - start,
      name,
      nameKey: name === null ? 0 : nameHash(name),
      type: rec.type,
      valid,
    };
    entries.push(entry);
    if (valid && rec.type >= 0) checkHexMeaning(doc, i, last, rec, start, diags);
    i = last;
  }
  checkDuplicates(entries, doc, start, diags);
  return {
    keyKind,
    keyPath,
    keyLower: keyPath === undefined ? undefined : normalizeKeyPath(keyPath),
    entries,
    diags,
  };
}

/** The bytes of a hex value from its first line to its last continuation line. */
export function entryBytes(doc: RegDocument, first: number, last: number): number[] {
  const bytes: number[] = [];
  for (let i = first; i <= last; i++) {
    const rec = doc.records[i];
    if (i !== first && rec.kind !== Kind.HexContinuation) continue;
    const offset = doc.lineSourceStart(i);
    extractBytes(doc.lineSource(i), offset + rec.bytesStart, offset + (i === first ? rec.dataEnd : doc.lineLength(i)), bytes);
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

/** Byte count and the last (up to) four bytes of a hex value (the last one lowest), from the scan records. */
function hexSummary(doc: RegDocument, first: number, last: number): { count: number; lastFour: number } {
  let count = 0;
  let lastFour = 0;
  let have = 0;
  for (let i = last; i >= first; i--) {
    const r = doc.records[i];
    if (i !== first && r.kind !== Kind.HexContinuation) continue;
    const end = i === first ? r.dataEnd : doc.lineLength(i);
    const n = hexLineCount(r, end);
    count += n;
    if (have < 4 && n > 0) {
      const tail = hexLineTail(doc.lineSource(i), doc.lineSourceStart(i), r, end);
      for (let k = 0; k < Math.min(4, n) && have < 4; k++, have++) lastFour |= ((tail >>> (8 * k)) & 0xff) << (8 * have);
    }
  }
  return { count, lastFour };
}

/** Whether some byte of a hex value is d8-df, so that it may hold a UTF-16 surrogate. */
function mayHoldSurrogate(doc: RegDocument, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const r = doc.records[i];
    if (i !== first && r.kind !== Kind.HexContinuation) continue;
    if (hexLineHasSurrogateByte(doc.lineSource(i), doc.lineSourceStart(i), r, i === first ? r.dataEnd : doc.lineLength(i))) return true;
  }
  return false;
}

function checkHexMeaning(doc: RegDocument, first: number, last: number, rec: LineRecord, start: number, diags: SectionDiag[]): void {
  const type = rec.type;
  const isHex = doc.lineSource(first).startsWith('hex', doc.lineSourceStart(first) + rec.dataStart);
  if (!isHex) return;
  const typeRange = { rel: first - start, start: rec.dataStart, end: rec.bytesStart };
  const expectSize = type === REG_DWORD || type === REG_DWORD_BIG_ENDIAN ? 4 : type === REG_QWORD ? 8 : 0;
  if (expectSize) {
    const { count } = hexSummary(doc, first, last);
    if (count !== 0 && count !== expectSize) {
      diags.push({
        ...typeRange,
        code: 'reg.hex-size-mismatch',
        message: `${typeName(type)} data should be ${expectSize} bytes but has ${count}: regedit stores the bytes as given, and programs reading the value as a number may fail or read garbage. Give exactly ${expectSize} bytes (little-endian${type === REG_DWORD_BIG_ENDIAN ? ', big-endian for hex(5)' : ''}).`,
      });
    }
    return;
  }
  if (type !== REG_SZ && type !== REG_EXPAND_SZ && type !== REG_MULTI_SZ) return;
  const { count, lastFour } = hexSummary(doc, first, last);
  if (count === 0) return;
  if (!doc.unicode) {
    const bytes = entryBytes(doc, first, last);
    let oddZeros = 0;
    for (let k = 1; k < bytes.length; k += 2) if (bytes[k] === 0) oddZeros++;
    if (bytes.length >= 4 && oddZeros >= Math.floor(bytes.length / 2) * 0.8) {
      diags.push({
        ...typeRange,
        code: 'reg.hex-string-encoding-mismatch',
        message: `This file is read as ANSI (${doc.header === 'v4' ? 'REGEDIT4' : 'no FF FE byte order mark'}), so regedit takes each byte as one character; these bytes look like UTF-16 text, which will be stored with a NUL after every character. Save the file as UTF-16LE with the header "Windows Registry Editor Version 5.00", or write one byte per character.`,
      });
    }
    return;
  }
  if (count % 2 === 1) {
    diags.push({
      ...typeRange,
      code: 'reg.hex-string-invalid',
      message: `${typeName(type)} data in a UTF-16 file must have an even number of bytes (two per character); it has ${count}, so the last character is cut in half. Add or remove a byte.`,
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
        ...typeRange,
        code: 'reg.hex-string-invalid',
        message: `${typeName(type)} data contains an unpaired UTF-16 surrogate (${unit.toString(16).padStart(4, '0')} at byte ${k}), which is not valid text. Check the bytes.`,
      });
      return;
    }
  }
  if (type === REG_MULTI_SZ) {
    // The last four bytes are zero, or the only two.
    const endsDouble = count >= 4 && lastFour === 0;
    const emptyList = count === 2 && lastFour === 0;
    if (!endsDouble && !emptyList) {
      diags.push({
        ...typeRange,
        code: 'reg.multi-sz-unterminated',
        message: 'A multi-string (hex(7)) must end with an empty string, that is the bytes 00,00,00,00; regedit adds at most one terminating NUL, so programs reading the list can run past its end. End the data with 00,00,00,00.',
      });
    }
  }
}

export { typeName };

const ansi = new TextDecoder('windows-1252');

/** Hex string data as text: UTF-16LE in a file with the FF FE mark, the ANSI code page otherwise (as regedit reads it). */
export function bytesToText(bytes: number[], unicode: boolean): string {
  if (!unicode) return ansi.decode(Uint8Array.from(bytes));
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
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    else if (c >= 0x80) c = name[i].toLowerCase().charCodeAt(0);
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0 || 1;
}

/** Registry value names compare case-insensitively; the default value (null) equals "" only to itself. */
export function sameName(a: ValueEntry, b: ValueEntry): boolean {
  if (a.nameKey !== b.nameKey) return false;
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

function checkDuplicates(entries: ValueEntry[], doc: RegDocument, start: number, diags: SectionDiag[]): void {
  if (entries.length < 2) return;
  if (entries.length <= 16) {
    // Most keys have a few values: compare each with the ones before it, the latest first, without a map.
    for (let k = 1; k < entries.length; k++) {
      const e = entries[k];
      if (!e.valid) continue;
      for (let j = k - 1; j >= 0; j--) {
        const prev = entries[j];
        if (prev.valid && sameName(prev, e)) {
          diags.push(duplicateDiag(prev, e, doc, start, start));
          break;
        }
      }
    }
    return;
  }
  const seen = new Map<number, { entry: ValueEntry }[]>();
  for (const e of entries) {
    if (!e.valid) continue;
    const prev = findSameName(seen, e);
    rememberName(seen, { entry: e });
    if (prev) diags.push(duplicateDiag(prev.entry, e, doc, start, start));
  }
}

/** The diagnostic on the earlier of two lines that set or delete the same value; the later one wins. */
export function duplicateDiag(earlier: ValueEntry, later: ValueEntry, doc: RegDocument, earlierStart: number, laterStart: number): SectionDiag {
  const eRec = doc.records[earlierStart + earlier.rel];
  const lRec = doc.records[laterStart + later.rel];
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
    start: eRec.nameStart,
    end: doc.lineLength(earlierStart + earlier.rel),
    code: 'reg.duplicate-value',
    message: `${displayName(earlier.name)} ${what}: this line has no lasting effect. Remove one of the two lines.`,
    related: [{ rel: later.rel + (laterStart - earlierStart), start: lRec.nameStart, end: lRec.nameEnd, message: 'the line that wins' }],
  };
}
