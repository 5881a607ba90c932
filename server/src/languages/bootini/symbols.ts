/** Outline (each section, with its settings or one symbol per entry) and folding (one range per section). */
import { DocumentSymbol, FoldingRange } from '../../core/language';
import { lineRange, range } from '../../core/types';
import type { BootIniDocument, Section } from './parse';

/** The last line of a section that is not blank (the header line when all are). */
function lastContentLine(doc: BootIniDocument, s: Section): number {
  let last = s.lastLine;
  while (last > s.line && doc.records[last].kind === 'blank') last--;
  return last;
}

export function bootiniSymbols(doc: BootIniDocument): DocumentSymbol[] {
  return doc.sections.map((s) => {
    const children: DocumentSymbol[] = [];
    if (s.kind === 'boot loader') {
      for (const set of doc.settings) {
        if (set.section !== s.index) continue;
        children.push({
          name: set.key,
          detail: set.value,
          kind: 'property',
          range: lineRange(set.line, set.keyStart, doc.lines[set.line].length),
          selectionRange: lineRange(set.line, set.keyStart, set.keyEnd),
        });
      }
    } else if (s.kind === 'operating systems') {
      for (const e of doc.entries) {
        if (e.section !== s.index) continue;
        const switches = e.switches.map((w) => doc.lines[e.line].slice(w.start, w.end)).join(' ');
        const hasDescription = e.description !== undefined && e.description.trim() !== '';
        children.push({
          name: hasDescription ? e.description!.trim() : e.path,
          detail: [hasDescription ? e.path : '', switches].filter(Boolean).join(' '),
          kind: 'object',
          range: lineRange(e.line, e.pathStart, doc.lines[e.line].length),
          selectionRange: hasDescription ? lineRange(e.line, e.descStart, e.descEnd) : lineRange(e.line, e.pathStart, e.pathEnd),
        });
      }
    }
    const last = lastContentLine(doc, s);
    return {
      name: `[${s.name}]`,
      kind: 'namespace',
      range: range(s.line, 0, last, doc.lines[last].length),
      selectionRange: lineRange(s.line, s.open, s.close < 0 ? s.nameEnd : s.close + 1),
      children,
    };
  });
}

export function bootiniFolding(doc: BootIniDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const s of doc.sections) {
    const last = lastContentLine(doc, s);
    if (last > s.line) out.push({ startLine: s.line, endLine: last });
  }
  return out;
}
