/** Outline (keys, with their values as children) and folding (one range per key section and per multi-line value). */
import { DocumentSymbol, FoldingRange } from '../../core/language';
import { lineRange, range } from '../../core/types';
import type { RegDocument } from './document';
import { Kind } from './lineRecord';
import { typeName } from './section';

function lastContentLine(doc: RegDocument, from: number, to: number): number {
  let last = to;
  while (last > from && doc.scan.kind(last) === Kind.Blank) last--;
  return last;
}

export function regSymbols(doc: RegDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const s of doc.sections) {
    const rec = doc.record(s.start);
    const isKey = rec.kind === Kind.Key || rec.kind === Kind.KeyDelete;
    const a = s.analysis();
    const children: DocumentSymbol[] = a.entries.map((e) => {
      const line = s.start + e.rel;
      const scan = doc.scan;
      return {
        // An empty name ("") is the default value too, so only @ stands for both.
        name: e.name ?? '@',
        detail: e.valid ? typeName(e.type) : 'not imported',
        kind: 'property',
        range: range(line, 0, s.start + e.lastRel, doc.lineLength(s.start + e.lastRel)),
        selectionRange: lineRange(line, scan.nameStart[line], scan.nameEnd[line]),
      };
    });
    if (!isKey || s.start === 0) {
      // Values outside any key still appear, at top level, so that nothing in the file is hidden.
      out.push(...children);
      continue;
    }
    const last = lastContentLine(doc, s.start, s.start + s.length - 1);
    out.push({
      name: rec.name ?? '',
      detail: rec.kind === Kind.KeyDelete ? 'deleted' : undefined,
      kind: 'namespace',
      range: range(s.start, 0, last, doc.lineLength(last)),
      selectionRange: lineRange(s.start, rec.nameStart, rec.nameEnd),
      children,
    });
  }
  return out;
}

export function regFolding(doc: RegDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const s of doc.sections) {
    if (s.start === 0) continue;
    const last = lastContentLine(doc, s.start, s.start + s.length - 1);
    if (last > s.start) out.push({ startLine: s.start, endLine: last });
    for (const e of s.analysis().entries) {
      if (e.lastRel > e.rel) out.push({ startLine: s.start + e.rel, endLine: s.start + e.lastRel });
    }
  }
  return out;
}
