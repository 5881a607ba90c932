/**
 * Layout of a filter: as an indented tree (one component per line, for reading and review) or joined onto one
 * line (for pasting into ADSI Edit or a script). Conditions are copied exactly as written; only the blanks and line
 * breaks between components change, and comment lines are kept above the tree (dropped from the joined form).
 * Iterative, so deeply nested filters cannot exhaust the stack.
 */
import { Composite, FilterNode, Item, LdapFilterDocument } from './parse';

const SYNTAX_OK = new Set(['ldapfilter.aduc-short-not']);

/** The filter can be laid out again: it parsed into one tree without syntax errors. */
export function canLayOut(doc: LdapFilterDocument): boolean {
  if (doc.root === undefined || !doc.problems.every((p) => SYNTAX_OK.has(p.code))) return false;
  // Every parenthesis closed (a bare condition is only allowed as the ADUC short negation).
  return doc.composites.every((c) => c.close >= 0) && doc.items.every((i) => (i.open >= 0 ? i.close >= 0 : i.parent?.kind === 'not'));
}

function itemText(doc: LdapFilterDocument, item: Item): string {
  const start = item.open >= 0 ? item.open : item.attrStart;
  const end = item.close >= 0 ? item.close + 1 : item.valueEnd;
  return doc.masked.slice(start, end);
}

function opening(doc: LdapFilterDocument, c: Composite): string {
  return c.kind === 'group' ? '(' : `(${doc.masked[c.op]}`;
}

/**
 * Walks the tree depth-first without recursion, calling enter/leave for composites and item for conditions; when
 * enter returns true the composite has been written whole, and its children and leave are skipped.
 */
function walk(root: FilterNode, visit: { item(i: Item, depth: number): void; enter(c: Composite, depth: number): boolean | void; leave(c: Composite, depth: number): void }): void {
  const stack: { node: FilterNode; depth: number; next: number }[] = [{ node: root, depth: 0, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const node = top.node;
    if (node.kind === 'item') {
      visit.item(node, top.depth);
      stack.pop();
      continue;
    }
    if (top.next === 0 && visit.enter(node, top.depth) === true) {
      stack.pop();
      continue;
    }
    if (top.next < node.children.length) {
      stack.push({ node: node.children[top.next], depth: top.depth + 1, next: 0 });
      top.next++;
      continue;
    }
    visit.leave(node, top.depth);
    stack.pop();
  }
}

/** The filter on one line, or undefined when it has syntax errors. */
export function joinFilter(doc: LdapFilterDocument): string | undefined {
  if (!canLayOut(doc) || !doc.root) return undefined;
  const parts: string[] = [];
  walk(doc.root, {
    item: (i) => void parts.push(itemText(doc, i)),
    enter: (c) => void parts.push(opening(doc, c)),
    leave: () => void parts.push(')'),
  });
  return parts.join('');
}

/**
 * Components deeper than this are indented as at this depth. Indentation grows with depth, so a filter nested
 * thousands deep would otherwise be laid out in text quadratic in its length (200,000 characters of nesting in
 * gigabytes); with the cap the layout is at most this many indents longer per line than the filter.
 */
export const MAX_INDENT_DEPTH = 100;

/** The filter as an indented tree with the document's line breaks, or undefined when it has syntax errors. */
export function formatFilter(doc: LdapFilterDocument, indent = '  '): string | undefined {
  if (!canLayOut(doc) || !doc.root) return undefined;
  const eol = doc.eol();
  const lines: string[] = [];
  const push = (depth: number, text: string): void => void lines.push(indent.repeat(Math.min(depth, MAX_INDENT_DEPTH)) + text);
  for (let i = 0; i < doc.lineCount; i++) if (doc.commentLines[i]) lines.push(doc.lines[i]);
  walk(doc.root, {
    item: (i, depth) => push(depth, itemText(doc, i)),
    enter: (c, depth) => {
      // A negation of one condition reads best on one line: (!(a=1)) or the ADUC form (!a=1).
      const only = c.kind === 'not' && c.children.length === 1 ? c.children[0] : undefined;
      if (only?.kind === 'item') {
        push(depth, `${opening(doc, c)}${itemText(doc, only)})`);
        return true;
      }
      push(depth, opening(doc, c));
      return false;
    },
    leave: (_c, depth) => push(depth, ')'),
  });
  return lines.join(eol) + eol;
}
