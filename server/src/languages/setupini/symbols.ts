/** Outline (each section with its settings) and folding (one range per section). */
import { sectionFolding, sectionSymbol, settingSymbol } from '../../core/ini';
import { DocumentSymbol, FoldingRange } from '../../core/language';
import type { SetupIniDocument } from './parse';

export function setupiniSymbols(doc: SetupIniDocument): DocumentSymbol[] {
  return doc.sections.map((s) =>
    sectionSymbol(
      doc,
      s,
      doc.settings.filter((st) => st.section === s.index).map((st) => settingSymbol(doc, st)),
    ),
  );
}

export function setupiniFolding(doc: SetupIniDocument): FoldingRange[] {
  return sectionFolding(doc);
}
