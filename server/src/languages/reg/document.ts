/**
 * The parsed form of a .reg file, kept incrementally: lines, one scan record per line, and sections (a key line
 * and the lines up to the next key line). An edit re-scans only the lines whose scan can change and re-analyses
 * only the sections that contain them; the checks that span sections run over per-section summaries.
 */
import { splitLines } from '../../core/text';
import { ContentChange } from '../../core/language';
import { HeaderKind, Kind, LineRecord } from './lineRecord';
import { scanHeader, scanLineInto, scanWin31Into } from './scan';
import { canonicalLineAt, canonicalLineEnd } from './scanHex';
import { decodeQuoted } from './scanValue';
import { analyzeSection, SectionAnalysis } from './section';
import type { LineSource, SectionSpan } from './source';
import { HAS_NAME, HAS_STR, LineTable } from './table';

/** The record every line is scanned into before LineTable.set copies it (the scanner never runs re-entrantly). */
const scratch = new LineRecord();

export interface ParseOptions {
  /**
   * How the file's bytes are encoded, when the host knows it. regedit reads hex(1)/hex(2)/hex(7) bytes as UTF-16
   * only in a file with the FF FE byte order mark; without this, the header decides (version 5 files are exported
   * as UTF-16LE, REGEDIT4 files as ANSI).
   */
  unicode?: boolean;
}

export class Section implements SectionSpan {
  /** First line, maintained by RegDocument after every edit. */
  start = 0;
  private cached: SectionAnalysis | undefined;
  constructor(
    readonly length: number,
    private readonly doc: RegDocument,
  ) {}

  analysis(): SectionAnalysis {
    return (this.cached ??= analyzeSection(this.doc, this));
  }
}

/** Key-like lines start a new section; a key line inside a hex continuation is swallowed and is not one. */
function startsSection(kind: Kind): boolean {
  return kind === Kind.Key || kind === Kind.KeyDelete || kind === Kind.KeyIgnored || kind === Kind.KeyUnopened;
}

export class RegDocument implements LineSource {
  /** What the scanner found on each line (see LineTable; record() makes a LineRecord of one line). */
  scan: LineTable = new LineTable(0);
  sections: Section[] = [];
  header: HeaderKind = 'invalid';
  unicode = true;

  /**
   * The lines are kept in one of two ways. A freshly parsed file with CRLF line breaks throughout (what regedit
   * writes) keeps its text and where each line starts: parsing and validating a large export then reads the lines
   * in place instead of creating a string for each of them. Any other file, and every document once it is edited
   * or its `lines` are asked for, keeps an array of line strings and one of line endings.
   */
  private text: string | undefined = undefined;
  /** Text mode: the offset of each line in `text`; lines end two characters (CRLF) before the next one starts. */
  private starts: Int32Array | undefined = undefined;
  private lineArray: string[] = [];
  private eolArray: string[] = [];

  private constructor(readonly options: ParseOptions) {}

  /**
   * A small document, its sections analysed, kept for as long as this class is loaded; it is never handed out.
   * V8 keeps the hidden classes ("maps") that instances of a class reach as their constructor adds fields only
   * while some object uses them: once every RegDocument, LineTable, Section and SectionAnalysis of a parse has
   * been collected, the garbage collector drops those maps, and with them all optimized code specialised to them.
   * The next document was then parsed and validated by unoptimized code until V8 had optimized it again (in the
   * benchmark, which parses one large export after another, validation took two to three times as long in most
   * runs). This document's objects keep the maps alive, and so the optimized code. (Public only because a private
   * field that nothing reads is a compile error; nothing should use it.)
   */
  static readonly retained: RegDocument = RegDocument.retainedDocument();

  private static retainedDocument(): RegDocument {
    const doc = RegDocument.parse('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"a"=hex(7):41,00,00,00,\\\r\n  00,00\r\n"b"=dword:00000001\r\n');
    for (const section of doc.sections) section.analysis();
    return doc;
  }

  static parse(text: string, options: ParseOptions = {}): RegDocument {
    const doc = new RegDocument(options);
    doc.load(text);
    return doc;
  }

  /** The text of every line, without line endings. */
  get lines(): string[] {
    this.toLineArrays();
    return this.lineArray;
  }

  /** The line ending after each line: '\r\n', '\n', '\r', or '' for the last line. */
  get eols(): string[] {
    this.toLineArrays();
    return this.eolArray;
  }

  get lineCount(): number {
    return this.starts !== undefined ? this.starts.length : this.lineArray.length;
  }

  /** The text of one line (without turning the whole document into line strings). */
  lineText(line: number): string {
    if (this.text === undefined) return this.lineArray[line];
    const start = this.lineSourceStart(line);
    return this.text.slice(start, start + this.lineLength(line));
  }

  lineLength(line: number): number {
    if (this.text === undefined) return this.lineArray[line].length;
    const starts = this.starts as Int32Array;
    return (line + 1 < starts.length ? starts[line + 1] - 2 : this.text.length) - starts[line];
  }

  /**
   * The string that holds a line, to read it in place: character `c` of the line is character
   * `lineSourceStart(line) + c` of `lineSource(line)`, for c below lineLength(line).
   */
  lineSource(line: number): string {
    return this.text ?? this.lineArray[line];
  }

  lineSourceStart(line: number): number {
    return this.starts !== undefined ? this.starts[line] : 0;
  }

  /** Whether the data of the value on `line` is written as hex (`hex:` or `hex(N):`) rather than as a string or dword. */
  isHexData(line: number): boolean {
    return this.lineSource(line).startsWith('hex', this.lineSourceStart(line) + this.scan.dataStart[line]);
  }

  /** The scan record of one line, made from the line table (a new object on every call). */
  record(line: number): LineRecord {
    const rec = new LineRecord();
    this.scan.fill(line, rec);
    rec.name = this.name(line);
    rec.str = this.str(line);
    return rec;
  }

  /**
   * The scan record of every line (LineRecord objects made for the purpose: in proportion to the document, so not
   * for requests that concern one place in it).
   */
  get records(): LineRecord[] {
    const out = new Array<LineRecord>(this.scan.length);
    for (let i = 0; i < out.length; i++) out[i] = this.record(i);
    return out;
  }

  /**
   * LineRecord.name of a line, decoded from the line: key lines (and Windows 3.1 lines) name the text between
   * nameStart and nameEnd, value lines a quoted name whose quotes stand at nameStart and nameEnd - 1.
   */
  name(line: number): string | null {
    const scan = this.scan;
    if ((scan.bits[line] & HAS_NAME) === 0) return null;
    const src = this.lineSource(line);
    const at = this.lineSourceStart(line);
    const kind = scan.kind(line);
    if (kind === Kind.Value || kind === Kind.ValueRejected) return decodeQuoted(src, at + scan.nameStart[line] + 1, at + scan.nameEnd[line]);
    return src.slice(at + scan.nameStart[line], at + scan.nameEnd[line]);
  }

  /** LineRecord.str of a line, decoded from the line: quoted string data from dataStart, or Windows 3.1 data. */
  str(line: number): string | undefined {
    const scan = this.scan;
    if ((scan.bits[line] & HAS_STR) === 0) return undefined;
    const src = this.lineSource(line);
    const at = this.lineSourceStart(line);
    if (scan.kind(line) === Kind.Win31) return src.slice(at + scan.dataStart[line], at + scan.dataEnd[line]);
    return decodeQuoted(src, at + scan.dataStart[line] + 1, at + scan.dataEnd[line]);
  }

  getText(): string {
    if (this.text !== undefined) return this.text;
    let out = '';
    for (let i = 0; i < this.lineArray.length; i++) out += this.lineArray[i] + this.eolArray[i];
    return out;
  }

  /**
   * Reads and scans `text`: in text mode when every line break in it is CRLF (and there is at least one), as line
   * strings otherwise.
   */
  private load(text: string): void {
    if (this.scanCrlfText(text)) return;
    const { lines, eols } = splitLines(text);
    this.text = undefined;
    this.starts = undefined;
    this.lineArray = lines;
    this.eolArray = eols;
    this.scanAll();
  }

  /** Turns text mode into line strings (kept from then on: edits work on them). */
  private toLineArrays(): void {
    if (this.text === undefined) return;
    const lines = this.text.split('\r\n');
    const eols = new Array<string>(lines.length).fill('\r\n');
    eols[lines.length - 1] = '';
    this.lineArray = lines;
    this.eolArray = eols;
    this.text = undefined;
    this.starts = undefined;
  }

  /**
   * Text mode: finds where each line starts while scanning it, and returns false (having kept nothing) as soon as a
   * line break turns out not to be CRLF, or when there is no line break; the lines are then those crlfLineStarts
   * finds. A line in regedit's own hex continuation layout (most lines of a large export) is recognised from its
   * start, and its end is where the pattern stops (canonicalLineAt), so that only the other lines are searched for
   * their line break, and only they become strings, while they are scanned.
   */
  private scanCrlfText(text: string): boolean {
    const firstLf = text.indexOf('\n');
    if (firstLf < 1 || text.charCodeAt(firstLf - 1) !== 0x0d || text.indexOf('\r') !== firstLf - 1) return false;
    const head = scanHeader(text.slice(0, firstLf - 1));
    if (head.kind === 'win31') {
      const starts = crlfLineStarts(text);
      if (starts === undefined) return false;
      this.text = text;
      this.starts = starts;
      this.lineArray = [];
      this.eolArray = [];
      this.scanAll();
      return true;
    }
    let capacity = estimateLineCount(text);
    let starts = new Int32Array(capacity);
    const scan = new LineTable(capacity);
    const rec = scratch;
    scan.set(0, head.rec);
    let n = 1;
    let p = firstLf + 1;
    let cont = false;
    for (;;) {
      if (n === capacity) {
        const more = (capacity >> 2) + 16;
        const grown = new Int32Array(capacity + more);
        grown.set(starts);
        starts = grown;
        scan.splice(capacity, 0, more);
        capacity += more;
      }
      starts[n] = p;
      let end: number;
      const layout: number = cont ? canonicalLineAt(text, p) : -1;
      if (layout >= 0) {
        end = canonicalLineEnd;
        scan.setCanonical(n, layout);
        cont = (layout & 2) !== 0;
      } else {
        // The line ends at the first LF after it starts, which must follow a CR, the line's only one.
        const lf = text.indexOf('\n', p);
        end = lf < 0 ? text.length : lf - 1;
        if (lf >= 0 && text.charCodeAt(end) !== 0x0d) return false;
        const cr = text.indexOf('\r', p);
        if (lf < 0 ? cr >= 0 : cr !== end) return false;
        rec.reset();
        scanLineInto(text.slice(p, end), cont, rec);
        scan.set(n, rec);
        cont = rec.cont;
      }
      n++;
      if (end === text.length) break;
      p = end + 2;
    }
    rec.reset();
    scan.splice(n, scan.length - n, 0);
    this.text = text;
    this.starts = starts.subarray(0, n);
    this.lineArray = [];
    this.eolArray = [];
    this.header = head.kind;
    this.unicode = this.options.unicode ?? head.kind !== 'v4';
    this.scan = scan;
    this.sections = this.buildSections(0, n);
    this.renumber();
    return true;
  }

  /** Scans every line: of the line strings, or (text mode) of a Windows 3.1 file; scanCrlfText scans any other text. */
  private scanAll(): void {
    const n = this.lineCount;
    const scan = new LineTable(n);
    const rec = scratch;
    const head = scanHeader(this.lineText(0));
    this.header = head.kind;
    this.unicode = this.options.unicode ?? head.kind !== 'v4';
    scan.set(0, head.rec);
    if (head.kind === 'win31') {
      for (let i = 1; i < n; i++) {
        rec.reset();
        scanWin31Into(this.lineText(i), rec);
        scan.set(i, rec);
      }
    } else {
      const lines = this.lineArray;
      let cont = false;
      for (let i = 1; i < n; i++) {
        rec.reset();
        scanLineInto(lines[i], cont, rec);
        scan.set(i, rec);
        cont = rec.cont;
      }
    }
    rec.reset();
    this.scan = scan;
    this.sections = this.buildSections(0, n);
    this.renumber();
  }

  private buildSections(from: number, to: number): Section[] {
    const out: Section[] = [];
    let start = from;
    for (let i = from + 1; i < to; i++) {
      if (startsSection(this.scan.kind(i))) {
        out.push(new Section(i - start, this));
        start = i;
      }
    }
    if (to > start) out.push(new Section(to - start, this));
    return out;
  }

  private renumber(): void {
    let line = 0;
    for (const s of this.sections) {
      s.start = line;
      line += s.length;
    }
  }

  /** Index of the section that contains a line. */
  sectionIndexAt(line: number): number {
    let lo = 0;
    let hi = this.sections.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sections[mid].start <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Applies LSP-style content changes in order; each is relative to the text the previous ones produced. */
  update(changes: readonly ContentChange[]): void {
    for (const change of changes) this.applyChange(change);
  }

  private applyChange(change: ContentChange): void {
    this.toLineArrays();
    const lastLine = this.lines.length - 1;
    const clamp = (line: number, ch: number): [number, number] => {
      if (line > lastLine) return [lastLine, this.lines[lastLine].length];
      if (line < 0) return [0, 0];
      return [line, Math.max(0, Math.min(ch, this.lines[line].length))];
    };
    const [sL, startCh] = clamp(change.range.start.line, change.range.start.character);
    const [eL, eC] = clamp(change.range.end.line, change.range.end.character);
    if (eL < sL || (eL === sL && eC < startCh)) return;
    // A bare CR before the region could pair with an LF the edit inserts: start one line earlier.
    let sC = startCh;
    let regionStart = sL;
    if (regionStart > 0 && this.eols[regionStart - 1] === '\r') {
      regionStart--;
      sC += this.lines[regionStart].length + 1;
    }
    if (regionStart === 0 || eL === 0) {
      this.reparseFromText(this.textWith(regionStart, sC, eL, eC, change.text));
      return;
    }
    let region = '';
    for (let i = regionStart; i <= eL; i++) region += this.lines[i] + this.eols[i];
    const startOffset = sC; // relative to regionStart
    let endOffset = 0;
    for (let i = regionStart; i < eL; i++) endOffset += this.lines[i].length + this.eols[i].length;
    endOffset += eC;
    const newRegion = region.slice(0, startOffset) + change.text + region.slice(endOffset);
    const split = splitLines(newRegion);
    if (this.eols[eL] !== '') {
      // The region ended with a line break, so the split produced an empty last line that belongs to the next line.
      split.lines.pop();
      split.eols.pop();
    }
    const removed = eL - regionStart + 1;
    const scan = this.scan;
    const oldContAfter = scan.cont(eL);
    const oldCount = this.lines.length;
    this.lines.splice(regionStart, removed, ...split.lines);
    this.eols.splice(regionStart, removed, ...split.eols);
    const added = split.lines.length;
    const delta = added - removed;

    // Re-scan the new lines, then further lines until the continuation state coming into a line is what it was.
    scan.splice(regionStart, removed, added);
    const rec = scratch;
    let cont = scan.cont(regionStart - 1);
    const win31 = this.header === 'win31';
    for (let i = 0; i < added; i++) {
      rec.reset();
      if (win31) scanWin31Into(split.lines[i], rec);
      else scanLineInto(split.lines[i], cont, rec);
      scan.set(regionStart + i, rec);
      cont = rec.cont;
    }
    let scanEnd = regionStart + added; // first line not re-scanned
    if (!win31) {
      let oldIncoming = oldContAfter;
      while (scanEnd < this.lines.length && cont !== oldIncoming) {
        oldIncoming = scan.cont(scanEnd);
        rec.reset();
        scanLineInto(this.lines[scanEnd], cont, rec);
        scan.set(scanEnd, rec);
        cont = rec.cont;
        scanEnd++;
      }
    }
    rec.reset();

    // Rebuild the sections from the one before the first touched section to the end of the last touched one.
    const firstSection = Math.max(0, this.sectionIndexAt(regionStart) - 1);
    const lastOldLine = Math.min(oldCount - 1, scanEnd - 1 - delta);
    const lastSection = this.sectionIndexAt(Math.max(lastOldLine, regionStart));
    const from = this.sections[firstSection].start;
    const oldTo = this.sections[lastSection].start + this.sections[lastSection].length;
    const to = oldTo + delta;
    const rebuilt = this.buildSections(from, to);
    this.sections.splice(firstSection, lastSection - firstSection + 1, ...rebuilt);
    this.renumber();
  }

  private textWith(regionStart: number, sC: number, eL: number, eC: number, insert: string): string {
    // Used for edits touching the header, which can change how every other line is read.
    let before = '';
    for (let i = 0; i < regionStart; i++) before += this.lines[i] + this.eols[i];
    let region = '';
    for (let i = regionStart; i <= eL; i++) region += this.lines[i] + this.eols[i];
    let endOffset = 0;
    for (let i = regionStart; i < eL; i++) endOffset += this.lines[i].length + this.eols[i].length;
    endOffset += eC;
    let after = '';
    for (let i = eL + 1; i < this.lines.length; i++) after += this.lines[i] + this.eols[i];
    return before + region.slice(0, sC) + insert + region.slice(endOffset) + after;
  }

  private reparseFromText(text: string): void {
    this.load(text);
  }
}

/**
 * About how many lines `text` has, a little more rather than less: the line density of its first 64K characters,
 * applied to the whole, with an eighth more. (The line table and the line starts of a large export are allocated
 * with this many lines; a better guess than one line per so many characters keeps them from being much too large.)
 */
function estimateLineCount(text: string): number {
  const sample = Math.min(text.length, 0x10000);
  let breaks = 1;
  for (let p = text.indexOf('\n'); p >= 0 && p < sample; p = text.indexOf('\n', p + 1)) breaks++;
  return Math.ceil((text.length / Math.max(sample, 1)) * breaks * 1.125) + 16;
}

/**
 * Where each line of `text` starts, when every line break in it is CRLF (and there is at least one); undefined
 * otherwise. The lines are then exactly those splitLines finds.
 */
export function crlfLineStarts(text: string): Int32Array | undefined {
  let starts = new Int32Array(Math.max(16, text.length >> 6));
  let n = 0;
  let p = 0;
  for (;;) {
    if (n === starts.length) {
      const grown = new Int32Array(n * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[n++] = p;
    const lf = text.indexOf('\n', p);
    if (lf < 0) break;
    if (lf === 0 || text.charCodeAt(lf - 1) !== 0x0d) return undefined; // an LF on its own
    p = lf + 1;
  }
  if (n === 1) return undefined;
  // Every LF follows a CR; a CR without an LF after it would end a line of its own.
  let crs = 0;
  for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) crs++;
  return crs === n - 1 ? starts.subarray(0, n) : undefined;
}

