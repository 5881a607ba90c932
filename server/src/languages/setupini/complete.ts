/** Completion: section names after "[", catalogued keys at the start of a line, and True/False after "=". */
import { AnalyzeOptions, CompletionItem } from '../../core/language';
import { lineRange, Position } from '../../core/types';
import { setupIndex } from './catalog';
import type { SetupIniDocument } from './parse';
import { trimStartChars } from '../../core/text';

export function setupiniComplete(doc: SetupIniDocument, pos: Position, options: AnalyzeOptions = {}): CompletionItem[] {
  try {
    const catalog = setupIndex(options.exchange?.setupCatalogs);
    const line = doc.lines[pos.line];
    if (line === undefined) return [];
    const before = line.slice(0, pos.character);
    const m = /^([ \t]*)\[([^\]]*)$/.exec(before);
    if (m) {
      const start = m[1].length + 1;
      const present = new Set(doc.sections.map((s) => s.name.toLowerCase()));
      const closed = line.indexOf(']', pos.character) >= 0;
      return catalog.sections
        .filter((s) => !present.has(s.name.toLowerCase()))
        .map((s) => ({ label: s.name, kind: 'keyword' as const, detail: 'Exchange 5.5 batch Setup.ini section', documentation: s.description, insertText: closed ? s.name : `${s.name}]`, range: lineRange(pos.line, start, pos.character) }));
    }
    const section = doc.sectionAt(pos.line);
    if (section < 0) return [];
    const cat = catalog.section(doc.sections[section].name);
    if (!cat) return [];
    const eq = before.indexOf('=');
    if (eq >= 0) {
      const key = catalog.key(cat.name, before.slice(0, eq).trim());
      if (!key?.values) return [];
      const vs = eq + 1 + (/^[ \t]*/.exec(before.slice(eq + 1))?.[0].length ?? 0);
      return key.values.map((v) => ({ label: v, kind: 'enum' as const, detail: key.name, range: lineRange(pos.line, Math.min(vs, pos.character), pos.character) }));
    }
    // A key name is being typed: no ";", "[" or "=" before the cursor (one scan; a pattern of blanks followed by a
    // class that also takes blanks backtracks quadratically on a long run of blanks).
    if (/[;[=]/.test(before)) return [];
    const indent = before.length - trimStartChars(before, ' \t').length;
    const present = new Set(doc.settingsIn(cat.name).filter((s) => s.line !== pos.line).map((s) => s.key.toLowerCase()));
    return cat.keys
      .filter((k) => !present.has(k.name.toLowerCase()))
      .map((k) => ({ label: k.name, kind: 'key' as const, detail: `[${cat.name}] (confidence ${k.confidence})`, documentation: k.description, insertText: `${k.name}=`, range: lineRange(pos.line, indent, pos.character) }));
  } catch {
    return [];
  }
}
