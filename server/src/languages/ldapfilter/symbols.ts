/** Outline (the filter tree: one symbol per operator and condition) and folding (operators spanning several lines). */
import { DocumentSymbol, FoldingRange } from '../../core/language';
import { clip, FilterNode, LdapFilterDocument } from './parse';

/** Deeper levels are not nested further in the outline (editors and JSON encoders recurse over it). */
export const MAX_SYMBOL_DEPTH = 64;
const MAX_SYMBOLS = 5000;

function describe(doc: LdapFilterDocument, node: FilterNode): { name: string; detail?: string; kind: DocumentSymbol['kind'] } {
  if (node.kind === 'item') {
    const name = node.op ? `${node.attr}${node.op}${clip(node.value, 50)}` : clip(doc.text.slice(...doc.span(node)), 50) || '(empty)';
    return { name: name || '(empty)', kind: 'property' };
  }
  const n = node.children.length;
  const what = node.kind === 'and' ? '& (all of)' : node.kind === 'or' ? '| (any of)' : node.kind === 'not' ? '! (not)' : '( )';
  return { name: what, detail: `${n} condition${n === 1 ? '' : 's'}`, kind: node.kind === 'not' ? 'object' : 'namespace' };
}

export function ldapfilterSymbols(doc: LdapFilterDocument): DocumentSymbol[] {
  if (!doc.root) return [];
  let count = 0;
  const make = (node: FilterNode): DocumentSymbol => {
    count++;
    const [s, e] = doc.span(node);
    const { name, detail, kind } = describe(doc, node);
    const range = { start: doc.positionAt(s), end: doc.positionAt(Math.max(e, s)) };
    const selEnd = node.kind === 'item' ? Math.max(node.attrEnd, s + 1) : node.op >= 0 ? node.op + 1 : s + 1;
    const sym: DocumentSymbol = { name, kind, range, selectionRange: { start: doc.positionAt(s), end: doc.positionAt(Math.min(Math.max(selEnd, s), Math.max(e, s))) } };
    if (detail) sym.detail = detail;
    return sym;
  };
  const rootSym = make(doc.root);
  // Breadth-first with an explicit queue: no recursion however deep the filter nests.
  const queue: [FilterNode, DocumentSymbol, number][] = [[doc.root, rootSym, 0]];
  for (let qi = 0; qi < queue.length && count < MAX_SYMBOLS; qi++) {
    const [node, sym, depth] = queue[qi];
    if (node.kind === 'item' || depth >= MAX_SYMBOL_DEPTH) continue;
    sym.children = [];
    for (const child of node.children) {
      if (count >= MAX_SYMBOLS) break;
      const c = make(child);
      sym.children.push(c);
      queue.push([child, c, depth + 1]);
    }
  }
  return [rootSym];
}

export function ldapfilterFolding(doc: LdapFilterDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const c of doc.composites) {
    if (c.close < 0) continue;
    const startLine = doc.positionAt(c.open).line;
    const endLine = doc.positionAt(c.close).line;
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  // Runs of comment lines.
  let start = -1;
  for (let i = 0; i <= doc.lineCount; i++) {
    const comment = i < doc.lineCount && doc.commentLines[i];
    if (comment && start < 0) start = i;
    if (!comment && start >= 0) {
      if (i - 1 > start) out.push({ startLine: start, endLine: i - 1 });
      start = -1;
    }
  }
  return out;
}
