/**
 * What the two INI languages (boot.ini and Exchange Setup answer files) share: the positions of a section header and
 * of a `key=value` setting on one line, with blanks (space and tab) trimmed as Windows INI readers trim them, and the
 * outline symbols and folding ranges of sections and settings. Every position is a 0-based UTF-16 column on its
 * line; nothing here throws.
 */
import { DocumentSymbol, FoldingRange } from './language';
import { lineRange, range } from './types';

/** A section header `[name]` (each language adds what it knows about the section). */
export interface IniSection {
  index: number;
  /** The name as the language reads it between the brackets. */
  name: string;
  line: number;
  /** Positions of "[", of the name, and of "]" (-1 when the closing bracket is missing). */
  open: number;
  nameStart: number;
  nameEnd: number;
  close: number;
  /** The last line that belongs to the section (before the next header, or the last line of the file). */
  lastLine: number;
  /** The index of the first section this one repeats (same name, or for boot.ini the same kind). */
  repeats?: number;
}

/** A `key=value` line; key and value are trimmed of blanks. */
export interface IniSetting {
  line: number;
  /** The index of the section, -1 before the first header. */
  section: number;
  key: string;
  keyStart: number;
  keyEnd: number;
  eq: number;
  value: string;
  valueStart: number;
  valueEnd: number;
}

export function isIniBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** The first column at or after `from` that is not a blank (the line's length when there is none). */
export function skipBlanks(line: string, from = 0): number {
  let i = from;
  while (i < line.length && isIniBlank(line[i])) i++;
  return i;
}

/** The end of `line` before `end` without its trailing blanks, but not before `from`. */
export function trimBlanksEnd(line: string, end: number, from = 0): number {
  let e = end;
  while (e > from && isIniBlank(line[e - 1])) e--;
  return e;
}

/** The header that starts with "[" at `open`: where its closing bracket is, and the text between the brackets. */
export function scanHeader(line: string, open: number): { close: number; innerStart: number; innerEnd: number } {
  const close = line.indexOf(']', open + 1);
  return { close, innerStart: open + 1, innerEnd: close < 0 ? trimBlanksEnd(line, line.length, open + 1) : close };
}

/**
 * The setting on `line` whose key starts at `start` (the first non-blank) and whose "=" is at `eq`: the key ends
 * before the blanks in front of "=", the value runs from the first non-blank after "=" to the last one on the line.
 */
export function scanSetting(line: string, lineNumber: number, section: number, start: number, eq: number): IniSetting {
  const keyEnd = trimBlanksEnd(line, eq, start);
  const valueStart = skipBlanks(line, eq + 1);
  const valueEnd = Math.max(valueStart, trimBlanksEnd(line, line.length));
  return { line: lineNumber, section, key: line.slice(start, keyEnd), keyStart: start, keyEnd, eq, value: line.slice(valueStart, valueEnd), valueStart, valueEnd };
}

/** What the outline and folding of an INI file read of its document. */
export interface IniOutlineSource {
  lines: readonly string[];
  records: readonly { kind: string }[];
  sections: readonly IniSection[];
}

/** The last line of a section that is not blank (the header's line when all are). */
function lastContentLine(doc: IniOutlineSource, s: IniSection): number {
  let last = s.lastLine;
  while (last > s.line && doc.records[last].kind === 'blank') last--;
  return last;
}

/** The outline symbol of a section: from its header to its last line that is not blank, the header selected. */
export function sectionSymbol(doc: IniOutlineSource, s: IniSection, children: DocumentSymbol[]): DocumentSymbol {
  const last = lastContentLine(doc, s);
  return {
    name: `[${s.name}]`,
    kind: 'namespace',
    range: range(s.line, 0, last, doc.lines[last].length),
    selectionRange: lineRange(s.line, s.open, s.close < 0 ? s.nameEnd : s.close + 1),
    children,
  };
}

/** The outline symbol of a setting: its key selected, its value as the detail. */
export function settingSymbol(doc: IniOutlineSource, st: IniSetting): DocumentSymbol {
  return {
    name: st.key,
    detail: st.value,
    kind: 'property',
    range: lineRange(st.line, st.keyStart, doc.lines[st.line].length),
    selectionRange: lineRange(st.line, st.keyStart, st.keyEnd),
  };
}

/** One folding range per section that has lines below its header, up to its last line that is not blank. */
export function sectionFolding(doc: IniOutlineSource): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const s of doc.sections) {
    const last = lastContentLine(doc, s);
    if (last > s.line) out.push({ startLine: s.line, endLine: last });
  }
  return out;
}
