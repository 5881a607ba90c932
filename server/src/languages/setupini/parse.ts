/**
 * The Setup answer-file parser: one pass over the lines, never throwing, every part with its exact position (0-based
 * UTF-16 columns on its line). `;` as the first non-blank character starts a comment; `[name]` starts a section;
 * `key=value` is a setting (key and value trimmed; a `;` inside a value is part of the value, as Windows INI readers
 * read it). Section and key names are compared without regard to case (KB 168490: keys are not case-sensitive).
 */
import { IniSection, IniSetting, scanHeader, scanSetting, skipBlanks, trimBlanksEnd } from '../../core/ini';
import { splitLines } from '../../core/text';

/** A section header; the name is trimmed of blanks. */
export type Section = IniSection;

export type Setting = IniSetting;

export type LineKind = 'blank' | 'comment' | 'header' | 'setting' | 'outside' | 'invalid';

export interface LineRecord {
  kind: LineKind;
  section: number;
  setting?: Setting;
  problem?: { start: number; end: number; what: string };
}

export class SetupIniDocument {
  private constructor(
    readonly lines: string[],
    readonly eols: string[],
    readonly records: LineRecord[],
    readonly sections: Section[],
    readonly settings: Setting[],
  ) {}

  static parse(text: string): SetupIniDocument {
    const { lines, eols } = splitLines(text);
    const records: LineRecord[] = [];
    const sections: Section[] = [];
    const settings: Setting[] = [];
    const firstByName = new Map<string, number>();
    let current = -1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const start = skipBlanks(line);
      const end = trimBlanksEnd(line, line.length, start);
      if (start >= line.length) {
        records.push({ kind: 'blank', section: current });
        continue;
      }
      const ch = line[start];
      if (ch === ';') {
        records.push({ kind: 'comment', section: current });
        continue;
      }
      if (ch === '[') {
        const { close, innerStart, innerEnd } = scanHeader(line, start);
        const ns = Math.min(skipBlanks(line, innerStart), innerEnd);
        const ne = trimBlanksEnd(line, innerEnd, ns);
        if (current >= 0) sections[current].lastLine = i - 1;
        const name = line.slice(ns, ne);
        const key = name.toLowerCase();
        const s: Section = { index: sections.length, name, line: i, open: start, nameStart: ns, nameEnd: ne, close, lastLine: lines.length - 1 };
        const first = firstByName.get(key);
        if (first !== undefined) s.repeats = first;
        else firstByName.set(key, s.index);
        sections.push(s);
        current = s.index;
        const rec: LineRecord = { kind: 'header', section: current };
        if (close === -1) rec.problem = { start, end, what: 'The section header has no closing "]".' };
        else {
          const after = skipBlanks(line, close + 1);
          if (after < line.length && line[after] !== ';') rec.problem = { start: after, end, what: 'Text after the closing "]" of the section header.' };
        }
        records.push(rec);
        continue;
      }
      const eq = line.indexOf('=', start);
      if (eq === -1 || eq === start) {
        const what = eq === -1 ? 'The line has no "=": it is not a key=value setting.' : 'The setting has no key before "=".';
        records.push({ kind: current < 0 ? 'outside' : 'invalid', section: current, problem: { start, end, what } });
        continue;
      }
      const setting = scanSetting(line, i, current, start, eq);
      records.push({ kind: current < 0 ? 'outside' : 'setting', section: current, setting, problem: current < 0 ? { start, end, what: 'A setting before the first section header.' } : undefined });
      if (current >= 0) settings.push(setting);
    }
    return new SetupIniDocument(lines, eols, records, sections, settings);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The settings of every section with this name (case-insensitive), in file order. */
  settingsIn(sectionName: string): Setting[] {
    const n = sectionName.toLowerCase();
    return this.settings.filter((s) => this.sections[s.section].name.toLowerCase() === n);
  }

  /** The first setting of this key in a section of this name. */
  find(sectionName: string, key: string): Setting | undefined {
    const k = key.toLowerCase();
    return this.settingsIn(sectionName).find((s) => s.key.toLowerCase() === k);
  }

  sectionAt(line: number): number {
    return this.records[line]?.section ?? -1;
  }
}
