/**
 * The boot.ini parser: one pass over the lines, never throwing, every part with its exact position (0-based UTF-16
 * columns on its line). Section names are matched case-insensitively; [boot loader] lines are key=value settings,
 * [operating systems] lines are entries `PATH="Description" /SWITCH /SWITCH=value`; `;` starts a comment line.
 */
import { IniSection, IniSetting, isIniBlank as isBlank, scanHeader, scanSetting, skipBlanks, trimBlanksEnd } from '../../core/ini';
import { splitLines } from '../../core/text';
import { parsePath, PathInfo } from './arcpath';

export type SectionKind = 'boot loader' | 'operating systems' | 'unknown';

/** A section header; `repeats` names the first section of the same kind. */
export interface Section extends IniSection {
  kind: SectionKind;
}

/** A [boot loader] setting; the name is written `key` as in every INI file (compared in lower case). */
export type Setting = IniSetting;

export interface SwitchToken {
  /** From the slash to the end of the value. */
  start: number;
  end: number;
  /** The name without its slash, as written. */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** "=" or ":" when a value follows the name. */
  separator?: string;
  value?: string;
  valueStart: number;
  valueEnd: number;
}

export interface Stray {
  start: number;
  end: number;
  text: string;
}

export interface Entry {
  line: number;
  section: number;
  /** Trimmed path before "=" (or before the first blank when there is no "="). */
  path: string;
  pathStart: number;
  pathEnd: number;
  pathInfo: PathInfo;
  /** Position of "=", if any. */
  eq?: number;
  /** The text between the quotes (or the unquoted text); undefined when there is none. */
  description?: string;
  /** From the opening quote (or first character) to after the closing quote (or the end of the description). */
  descStart: number;
  descEnd: number;
  quoted: boolean;
  /** A quoted description has its closing quote. */
  closed: boolean;
  switches: SwitchToken[];
  /** Words after the description that are not switches. */
  stray: Stray[];
  /** End of the last non-blank character of the line (where added switches go). */
  contentEnd: number;
}

export type LineKind = 'blank' | 'comment' | 'header' | 'setting' | 'entry' | 'outside' | 'ignored' | 'invalid';

export interface LineRecord {
  kind: LineKind;
  /** The section the line belongs to (the header's own section for header lines), -1 before the first header. */
  section: number;
  setting?: Setting;
  entry?: Entry;
  /** invalid and header lines: what is wrong where (for a header: text after "]" or a missing "]"). */
  problem?: { start: number; end: number; what: string };
}

function sectionKind(name: string): SectionKind {
  const n = name.toLowerCase();
  return n === 'boot loader' || n === 'operating systems' ? n : 'unknown';
}

export class BootIniDocument {
  private constructor(
    readonly lines: string[],
    readonly eols: string[],
    readonly records: LineRecord[],
    readonly sections: Section[],
    readonly settings: Setting[],
    readonly entries: Entry[],
  ) {}

  get lineCount(): number {
    return this.lines.length;
  }

  /** The line break the file uses most (CRLF when it has none), for inserted lines. */
  eol(): string {
    let crlf = 0;
    let lf = 0;
    let cr = 0;
    for (const e of this.eols) {
      if (e === '\r\n') crlf++;
      else if (e === '\n') lf++;
      else if (e === '\r') cr++;
    }
    // When LF does not win, CR wins only over CRLF: it cannot tie with LF then, as LF wins that tie.
    return lf > crlf && lf >= cr ? '\n' : cr > crlf ? '\r' : '\r\n';
  }

  /** The first section of a kind. */
  firstSection(kind: SectionKind): Section | undefined {
    return this.sections.find((s) => s.kind === kind);
  }

  static parse(text: string): BootIniDocument {
    const { lines, eols } = splitLines(text);
    const records: LineRecord[] = new Array(lines.length);
    const sections: Section[] = [];
    const settings: Setting[] = [];
    const entries: Entry[] = [];
    let current = -1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const t = skipBlanks(line);
      if (t >= line.length) {
        records[i] = { kind: 'blank', section: current };
        continue;
      }
      const first = line[t];
      if (first === ';') {
        records[i] = { kind: 'comment', section: current };
        continue;
      }
      if (first === '[') {
        if (current >= 0) sections[current].lastLine = i - 1;
        // The name is read as written between the brackets, blanks included.
        const { close, innerEnd: nameEnd } = scanHeader(line, t);
        const name = line.slice(t + 1, nameEnd);
        const kind = sectionKind(name);
        const index = sections.length;
        const earlier = kind === 'unknown' ? undefined : sections.find((s) => s.kind === kind);
        sections.push({ index, kind, name, line: i, open: t, nameStart: t + 1, nameEnd, close, lastLine: lines.length - 1, repeats: earlier?.index });
        current = index;
        const rec: LineRecord = { kind: 'header', section: index };
        if (close === -1) rec.problem = { start: t, end: nameEnd, what: 'missing-bracket' };
        else {
          const rest = trimBlanksEnd(line, line.length);
          if (rest > close + 1) rec.problem = { start: skipBlanks(line, close + 1), end: rest, what: 'trailing-text' };
        }
        records[i] = rec;
        continue;
      }
      if (current < 0) {
        records[i] = { kind: 'outside', section: -1 };
        continue;
      }
      const kind = sections[current].kind;
      if (kind === 'unknown') records[i] = { kind: 'ignored', section: current };
      else if (kind === 'boot loader') records[i] = parseSetting(line, i, t, current, settings);
      else records[i] = parseEntry(line, i, t, current, entries);
    }
    return new BootIniDocument(lines, eols, records, sections, settings, entries);
  }
}

function parseSetting(line: string, i: number, t: number, section: number, settings: Setting[]): LineRecord {
  const eq = line.indexOf('=', t);
  if (eq < 0) return { kind: 'invalid', section, problem: { start: t, end: trimBlanksEnd(line, line.length), what: 'setting-without-equals' } };
  const setting = scanSetting(line, i, section, t, eq);
  settings.push(setting);
  return { kind: 'setting', section, setting };
}

const PATH_START = /^(?:(?:multi|scsi|signature)\(|[A-Za-z]:\\)/i;

function parseEntry(line: string, i: number, t: number, section: number, entries: Entry[]): LineRecord {
  const contentEnd = trimBlanksEnd(line, line.length);
  // The path ends at "=", unless a switch comes first (an entry without a description, whose switch has a value).
  const slash = /[ \t]\//.exec(line.slice(t));
  let eq: number | undefined = line.slice(0, slash ? t + slash.index : line.length).indexOf('=', t);
  let pathEnd: number;
  let optionsStart: number;
  if (eq < 0) {
    eq = undefined;
    // Only something that starts like a path is an entry without a description; anything else is not an entry.
    if (!PATH_START.test(line.slice(t))) return { kind: 'invalid', section, problem: { start: t, end: contentEnd, what: 'entry-without-equals' } };
    pathEnd = t;
    while (pathEnd < line.length && !isBlank(line[pathEnd])) pathEnd++;
    optionsStart = pathEnd;
  } else {
    pathEnd = Math.max(trimBlanksEnd(line, eq), t);
    optionsStart = eq + 1;
  }
  const path = line.slice(t, pathEnd);
  // The path is empty only when "=" is the line's first non-blank character, at t.
  const pathInfo: PathInfo = path === '' ? { kind: 'invalid', start: t, end: t + 1, problem: 'the entry has no path before "="' } : parsePath(path, t);
  const entry: Entry = {
    line: i,
    section,
    path,
    pathStart: t,
    pathEnd,
    pathInfo,
    eq,
    descStart: optionsStart,
    descEnd: optionsStart,
    quoted: false,
    closed: false,
    switches: [],
    stray: [],
    contentEnd,
  };
  if (eq !== undefined) {
    let d = eq + 1;
    while (isBlank(line[d])) d++;
    if (line[d] === '"') {
      const close = line.indexOf('"', d + 1);
      entry.quoted = true;
      entry.descStart = d;
      if (close === -1) {
        entry.description = line.slice(d + 1, contentEnd);
        entry.descEnd = contentEnd;
        optionsStart = contentEnd;
      } else {
        entry.closed = true;
        entry.description = line.slice(d + 1, close);
        entry.descEnd = close + 1;
        optionsStart = close + 1;
      }
    } else if (d < contentEnd && line[d] !== '/') {
      // An unquoted description runs to the first blank followed by a slash.
      const m = /[ \t]\//.exec(line.slice(d));
      const end = m ? trimBlanksEnd(line, d + m.index) : contentEnd;
      entry.description = line.slice(d, end);
      entry.descStart = d;
      entry.descEnd = end;
      optionsStart = end;
    } else {
      entry.descStart = entry.descEnd = d;
      optionsStart = d;
    }
  }
  tokenizeOptions(line, optionsStart, contentEnd, entry);
  entries.push(entry);
  return { kind: 'entry', section, entry };
}

function tokenizeOptions(line: string, from: number, to: number, entry: Entry): void {
  let p = from;
  while (p < to) {
    // `to` is the end of the line's content, so a run of blanks before it ends before it.
    while (isBlank(line[p])) p++;
    const start = p;
    while (p < to && !isBlank(line[p])) p++;
    const end = p;
    if (line[start] !== '/') {
      entry.stray.push({ start, end, text: line.slice(start, end) });
      continue;
    }
    let nameEnd = start + 1;
    while (nameEnd < end && line[nameEnd] !== '=' && line[nameEnd] !== ':') nameEnd++;
    const token: SwitchToken = { start, end, name: line.slice(start + 1, nameEnd), nameStart: start + 1, nameEnd, valueStart: end, valueEnd: end };
    if (nameEnd < end) {
      token.separator = line[nameEnd];
      token.value = line.slice(nameEnd + 1, end);
      token.valueStart = nameEnd + 1;
    }
    entry.switches.push(token);
  }
}
