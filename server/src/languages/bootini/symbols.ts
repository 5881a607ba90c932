/** Outline (each section, with its settings or one symbol per entry) and folding (one range per section). */
import { sectionFolding, sectionSymbol, settingSymbol } from '../../core/ini';
import { DocumentSymbol, FoldingRange } from '../../core/language';
import { lineRange } from '../../core/types';
import type { BootIniDocument } from './parse';

export function bootiniSymbols(doc: BootIniDocument): DocumentSymbol[] {
  return doc.sections.map((s) => {
    const children: DocumentSymbol[] = [];
    if (s.kind === 'boot loader') {
      for (const set of doc.settings) {
        if (set.section !== s.index) continue;
        children.push(settingSymbol(doc, set));
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
    return sectionSymbol(doc, s, children);
  });
}

export function bootiniFolding(doc: BootIniDocument): FoldingRange[] {
  return sectionFolding(doc);
}
