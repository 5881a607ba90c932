/** Completion: attribute names, operators, objectCategory/objectClass values, matching rules and the standard recipient clauses. */
import { DEFAULT_CONTEXT } from '../../core/catalog';
import { AnalyzeOptions, CompletionItem } from '../../core/language';
import { Position } from '../../core/types';
import { ATTRIBUTES, attributeNamed, CLASSES, renderAttribute, renderClass, STANDARD_CLAUSES } from './attributes';
import { LdapFilterDocument } from './parse';
import { BIT_AND, BIT_OR } from './validate';

const OPERATOR_ITEMS: readonly { label: string; detail: string }[] = [
  { label: '=', detail: 'equality (with * a wildcard)' },
  { label: '=*', detail: 'presence: the attribute has a value' },
  { label: '>=', detail: 'greater than or equal' },
  { label: '<=', detail: 'less than or equal' },
  { label: '~=', detail: 'approximate match' },
  { label: `:${BIT_AND}:=`, detail: 'bitwise AND (decimal value)' },
  { label: `:${BIT_OR}:=`, detail: 'bitwise OR (decimal value)' },
];

export function ldapfilterComplete(doc: LdapFilterDocument, pos: Position, options: AnalyzeOptions = {}): CompletionItem[] {
  if (!pos || typeof pos.line !== 'number' || pos.line < 0 || pos.line >= doc.lineCount || doc.commentLines[pos.line]) return [];
  const line = doc.lines[pos.line];
  const ch = Math.max(0, Math.min(typeof pos.character === 'number' ? pos.character : 0, line.length));
  let ws = ch;
  while (ws > 0 && /[A-Za-z0-9.-]/.test(line[ws - 1])) ws--;
  const word = line.slice(ws, ch);
  const range = { start: { line: pos.line, character: ws }, end: { line: pos.line, character: ch } };
  let p = ws - 1;
  while (p >= 0 && (line[p] === ' ' || line[p] === '\t')) p--;
  const prev = p >= 0 ? line[p] : '';
  const extra = new Set((options.exchange?.context ?? DEFAULT_CONTEXT).extraGcAttributes?.map((a) => a.toLowerCase()) ?? []);
  const out: CompletionItem[] = [];
  if (prev === '=' && p === ws - 1) {
    let a = p;
    while (a > 0 && /[~<>:]/.test(line[a - 1])) a--;
    let s = a;
    while (s > 0 && /[A-Za-z0-9-]/.test(line[s - 1])) s--;
    const attr = line.slice(s, a).toLowerCase();
    if (attr === 'objectcategory' || attr === 'objectclass') {
      for (const c of CLASSES) out.push({ label: c.name, kind: 'enum', detail: c.defaultObjectCategory, documentation: renderClass(c), range });
    } else if (attributeNamed(attr)?.syntax === 'boolean') {
      for (const v of ['TRUE', 'FALSE']) out.push({ label: v, kind: 'enum', range });
    }
    if (!/[:<>~]/.test(line[a] ?? '')) out.push({ label: '*', kind: 'keyword', detail: 'presence or wildcard', range });
    return out;
  }
  if (prev === ':' && p === ws - 1) {
    for (const r of [BIT_AND, BIT_OR]) out.push({ label: r, kind: 'enum', detail: r === BIT_AND ? 'bitwise AND' : 'bitwise OR', insertText: `${r}:=`, range });
    return out;
  }
  const known = attributeNamed(word);
  if (known && ch === ws + word.length && /[(!]/.test(prev)) {
    for (const op of OPERATOR_ITEMS) out.push({ label: `${known.name}${op.label}`, kind: 'keyword', detail: op.detail, insertText: `${word}${op.label}`, range });
  }
  if (prev === '(' || prev === '!' || (prev === '' && word !== '')) {
    for (const a of ATTRIBUTES) {
      if (a.exchange2003 === false) continue;
      const warn = a.inGC === false && !extra.has(a.name.toLowerCase());
      out.push({ label: a.name, kind: 'key', detail: warn ? 'not in the global catalog' : a.indexed === true ? 'indexed, in the GC' : a.inGC === true ? 'in the GC, not indexed' : 'flags unknown', documentation: renderAttribute(a, extra.has(a.name.toLowerCase())), range, sortText: `${warn ? '2' : a.indexed === true ? '0' : '1'}${a.name.toLowerCase()}` });
    }
    if (prev === '(') {
      for (const [op, what] of [['&', 'AND: all of'], ['|', 'OR: any of'], ['!', 'NOT']] as const) out.push({ label: op, kind: 'keyword', detail: what, range, sortText: `!${op}` });
    }
  }
  if (prev !== '(' && prev !== '=' && prev !== ':') {
    for (const c of STANDARD_CLAUSES) out.push({ label: c.label, kind: 'snippet', detail: c.text, insertText: c.text, filterText: word ? `${word}${c.label}` : c.label, range, sortText: `~${c.label}` });
  }
  return out;
}
