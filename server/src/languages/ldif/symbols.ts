/** Outline (one symbol per record, named by its dn) and folding (one range per record of several lines). */
import { DocumentSymbol, FoldingRange } from '../../core/language';
import { LdifDocument } from './parse';

export function ldifSymbols(doc: LdifDocument): DocumentSymbol[] {
  return doc.records.map((rec) => {
    const lastLl = rec.lines[rec.lines.length - 1];
    const range = { start: { line: rec.firstLine, character: 0 }, end: doc.lineRange(lastLl).end };
    const name = rec.dn?.value?.trim() || (rec.dn ? '(root DSE)' : '(no dn)');
    const sym: DocumentSymbol = { name, kind: 'object', range, selectionRange: rec.dn ? doc.lineRange(rec.dn.ll) : doc.lineRange(rec.lines[0]) };
    if (rec.changetype) sym.detail = `changetype: ${rec.changetype}`;
    return sym;
  });
}

export function ldifFolding(doc: LdifDocument): FoldingRange[] {
  return doc.records.filter((r) => r.lastLine > r.firstLine).map((r) => ({ startLine: r.firstLine, endLine: r.lastLine }));
}
