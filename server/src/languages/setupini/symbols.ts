/** Outline (each section with its settings) and folding (one range per section). */
import { DocumentSymbol, FoldingRange } from '../../core/language';
import { lineRange, range } from '../../core/types';
import type { SetupIniDocument, Section } from './parse';

function lastContentLine(doc: SetupIniDocument, s: Section): number {
  let last = s.lastLine;
  while (last > s.line && (doc.records[last].kind === 'blank')) last--;
  return last;
}

export function setupiniSymbols(doc: SetupIniDocument): DocumentSymbol[] {
  return doc.sections.map((s) => {
    const last = lastContentLine(doc, s);
    return {
      name: `[${s.name}]`,
      kind: 'namespace',
      range: range(s.line, 0, last, doc.lines[last].length),
      selectionRange: lineRange(s.line, s.open, s.close < 0 ? s.nameEnd : s.close + 1),
      children: doc.settings
        .filter((st) => st.section === s.index)
        .map((st) => ({
          name: st.key,
          detail: st.value,
          kind: 'property' as const,
          range: lineRange(st.line, st.keyStart, doc.lines[st.line].length),
          selectionRange: lineRange(st.line, st.keyStart, st.keyEnd),
        })),
    };
  });
}

export function setupiniFolding(doc: SetupIniDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const s of doc.sections) {
    const last = lastContentLine(doc, s);
    if (last > s.line) out.push({ startLine: s.line, endLine: last });
  }
  return out;
}
