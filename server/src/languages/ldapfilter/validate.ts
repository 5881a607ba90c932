/**
 * The checks of a query-based distribution group filter: the parser's syntax problems, then every condition's
 * attribute against the catalog (global catalog, index, syntax), the matching rules Active Directory of Windows
 * 2000/2003 supports, and the recipient clauses Exchange 2003 tools put in every filter. Every message says what is
 * wrong, what it does to the group's mail, and what to do; quick fixes travel in `data` (offsets resolved here).
 */
import { DEFAULT_CONTEXT, ExchangeContext } from '../../core/catalog';
import { codeInfo } from '../../core/codes';
import { nearestCandidates } from '../../core/nearest';
import { Diagnostic, SOURCE, TextEdit } from '../../core/types';
import { attributeNamed, ATTRIBUTE_NAMES, NO_SUBSTRING_SYNTAXES, standardClause } from './attributes';
import { clip, Composite, FilterNode, FixSpec, Item, LdapFilterDocument, Problem } from './parse';

export const BIT_AND = '1.2.840.113556.1.4.803';
export const BIT_OR = '1.2.840.113556.1.4.804';
export const IN_CHAIN = '1.2.840.113556.1.4.1941';
export const DN_WITH_DATA = '1.2.840.113556.1.4.2253';
export const SYSTEM_MAILBOX_CLAUSE = '(!(cn=SystemMailbox{*}))';
export const MAILNICKNAME_CLAUSE = '(mailNickname=*)';
/** Pseudo-attributes Active Directory understands that are no schema attributes. */
const PSEUDO_ATTRIBUTES = new Set(['anr']);

export interface StoredFix {
  title: string;
  preferred?: boolean;
  edits: TextEdit[];
  /** Escape the special characters of the diagnostic's range (computed when asked, the range may be long). */
  escapeRange?: boolean;
}

function toDiagnostic(doc: LdapFilterDocument, p: Problem): Diagnostic {
  const info = codeInfo(p.code);
  const d: Diagnostic = { range: { start: doc.positionAt(p.start), end: doc.positionAt(Math.max(p.end, p.start)) }, severity: info.severity, code: p.code, message: p.message, source: SOURCE };
  if (info.tags) d.tags = [...info.tags];
  if (p.related?.length) d.related = p.related.map((r) => ({ range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) }, message: r.message }));
  if (p.fixes?.length) {
    const fixes: StoredFix[] = p.fixes.map((f: FixSpec) => {
      const out: StoredFix = { title: f.title, edits: f.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text })) };
      if (f.preferred) out.preferred = true;
      if (f.edits.length === 0) out.escapeRange = true;
      return out;
    });
    d.data = { fixes };
  }
  return d;
}

export function validateLdapFilter(doc: LdapFilterDocument, context: ExchangeContext = DEFAULT_CONTEXT): Diagnostic[] {
  const problems: Problem[] = [...doc.problems];
  const syntaxError = problems.some((p) => codeInfo(p.code).severity === 'error');
  const extraGc = new Set((context.extraGcAttributes ?? []).map((a) => a.toLowerCase()));
  const extraIndexed = new Set((context.extraIndexedAttributes ?? []).map((a) => a.toLowerCase()));
  const standard = standardMembership(doc);
  for (const item of doc.items) checkItem(item, extraGc, standard.has(item) || extraIndexed.has(item.attr.toLowerCase()), problems);
  if (!syntaxError && doc.root) checkRecipientClauses(doc, doc.root, problems);
  return problems.map((p) => toDiagnostic(doc, p)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The nodes that are, or are inside, a standard recipient-type clause (linear: parents come before children). */
export function standardMembership(doc: LdapFilterDocument): Set<FilterNode> {
  const inside = new Set<FilterNode>();
  const nodes: FilterNode[] = [...doc.composites, ...doc.items];
  for (const node of nodes) {
    if (node.parent && inside.has(node.parent)) {
      inside.add(node);
      continue;
    }
    const [s, e] = doc.span(node);
    if (e - s <= 400 && (node.kind !== 'item' || node.close >= 0) && standardClause(doc.masked.slice(s, e))) inside.add(node);
  }
  // Composites were visited before the items; parents before children within each list, since they attach in order.
  for (const item of doc.items) if (item.parent && inside.has(item.parent)) inside.add(item);
  return inside;
}

function checkItem(item: Item, extraGc: Set<string>, inStandard: boolean, out: Problem[]): void {
  if (item.op === '' || item.attr === '' || !/^[A-Za-z][A-Za-z0-9-]*$/.test(item.attr)) return;
  const name = item.attr;
  const s = item.attrStart;
  const e = item.attrStart + name.length;
  const a = attributeNamed(name);
  const added = extraGc.has(name.toLowerCase());
  if (!PSEUDO_ATTRIBUTES.has(name.toLowerCase()) && !added) {
    if (!a) {
      const near = nearestCandidates(name, ATTRIBUTE_NAMES, name.length <= 4 ? 1 : 2);
      out.push({
        code: 'ldapfilter.unknown-attribute',
        start: s,
        end: e,
        message: `"${clip(name)}" is not an attribute this tool knows for recipient filters${near.length ? `; did you mean ${near.join(' or ')}?` : '.'} A misspelt attribute matches no object, so the group silently has fewer members (a query that returns nothing gives no NDR). ${near.length ? 'Correct the name' : 'Check the name'}; if it exists in your forest and is in the global catalog, list it in exchangeConfig.ldapAttributesInGC (--gc-attribute).`,
        fixes: near.map((n) => ({ title: `Change to ${n}`, preferred: near.length === 1, edits: [{ start: s, end: e, text: n }] })),
      });
      return;
    }
    if (a.exchange2003 === false) {
      out.push({ code: 'ldapfilter.unknown-attribute', start: s, end: e, message: `${a.name} is an attribute of Exchange 2007 and later; an Exchange 2003 forest does not have it, so the condition matches no object and the group silently misses members. Use the Exchange 2003 recipient clauses instead (objectCategory, objectClass, homeMDB, msExchHomeServerName).` });
      return;
    }
  }
  if (a && !added && a.inGC === false) {
    const memberOf = a.name === 'memberOf';
    out.push({
      code: 'ldapfilter.attribute-not-in-gc',
      start: s,
      end: e,
      message: `${a.name} is not in the global catalog of an Exchange 2003 forest${memberOf ? ' (it is a back link computed from group members, not in the partial attribute set; what a GC returns for it is not reliable)' : ''}. The categorizer expands the group with this query against a global catalog, where the attribute has no value, so the condition never matches (and a NOT over it always does): the group silently loses or gains members, with no NDR. Use an attribute in the GC (such as department, company or extensionAttribute1-13 and 15; the GC flag of extensionAttribute14 is not established), or add ${a.name} to the partial attribute set and list it in exchangeConfig.ldapAttributesInGC (--gc-attribute).`,
    });
  } else if (a && a.indexed === false && !inStandard) {
    out.push({
      code: 'ldapfilter.unindexed-attribute',
      start: s,
      end: e,
      message: `${a.name} is not indexed, so the global catalog evaluates this condition by reading the objects of the search base each time mail is sent to the group. Microsoft's guidelines for query-based groups say to index the attributes a filter uses. Check the expansion time on the Preview tab, combine the condition with an indexed one (objectCategory, mailNickname), or index the attribute.`,
    });
  }
  if (a && item.type === 'substring' && NO_SUBSTRING_SYNTAXES[a.syntax]) {
    out.push({
      code: 'ldapfilter.wildcard-not-allowed',
      start: item.valueStart,
      end: item.valueEnd,
      message: `${a.name} has ${NO_SUBSTRING_SYNTAXES[a.syntax]} syntax, which has no substring matching (RFC 4517): "*" in its value is no wildcard, and the condition matches nothing or is rejected. Write the complete value${a.syntax === 'dn' || a.syntax === 'or-name' ? ' (the full distinguished name)' : ''}, or test presence with ${a.name}=*.`,
    });
  }
  if (item.type === 'extensible' && item.rule && /^\d+(\.\d+)*$/.test(item.rule)) {
    const rule = item.rule;
    if (rule !== BIT_AND && rule !== BIT_OR) {
      const why =
        rule === IN_CHAIN
          ? 'LDAP_MATCHING_RULE_IN_CHAIN (1.2.840.113556.1.4.1941) needs Windows Server 2008 or later domain controllers'
          : rule === DN_WITH_DATA
            ? 'LDAP_MATCHING_RULE_DN_WITH_DATA (1.2.840.113556.1.4.2253) needs Windows Server 2012 R2'
            : `${rule} is not a matching rule Active Directory supports`;
      out.push({
        code: 'ldapfilter.unsupported-matching-rule',
        start: item.ruleStart,
        end: item.ruleEnd,
        message: `${why}; the global catalogs of an Exchange 2003 organisation (Windows 2000/2003) support only bitwise AND (.803) and OR (.804). The query fails, so mail to the group gets NDR 5.2.4 (events 6024/6025). Remove the condition${rule === IN_CHAIN ? ', and test group membership directly (member, or a universal group as a member of a standard group)' : ''}.`,
      });
    } else if (!/^-?\d+$/.test(item.value)) {
      const hex = /^0x([0-9a-f]{1,8})$/i.exec(item.value.trim());
      const dec = hex ? String(parseInt(hex[1], 16)) : undefined;
      out.push({
        code: 'ldapfilter.bitwise-value-not-decimal',
        start: item.valueStart,
        end: Math.max(item.valueEnd, item.valueStart),
        message: `The value of a bitwise matching rule must be a decimal number (not hexadecimal, not a flag name): "${clip(item.value)}" is not. The global catalog rejects the filter (NDR 5.2.4, events 6024/6025). Write the mask in decimal${dec ? `: ${dec}` : ', such as 2 for ACCOUNTDISABLE'}.`,
        fixes: dec ? [{ title: `Write ${dec}`, preferred: true, edits: [{ start: item.valueStart, end: item.valueEnd, text: dec }] }] : undefined,
      });
    }
  }
}

/** The conditions ANDed at the top of a node: itself, or the children of its & nodes, flattened (iteratively). */
function conjuncts(node: FilterNode): FilterNode[] {
  const out: FilterNode[] = [];
  const todo: FilterNode[] = [node];
  while (todo.length) {
    const n = todo.pop()!;
    if (n.kind === 'and') for (let k = n.children.length - 1; k >= 0; k--) todo.push(n.children[k]);
    else out.push(n);
  }
  return out;
}

function isItem(n: FilterNode, attr: string): n is Item {
  return n.kind === 'item' && n.attr.toLowerCase() === attr;
}

function categoryValue(v: string): string {
  const l = v.trim().toLowerCase();
  return l.startsWith('cn=') ? l.slice(3).split(',')[0] : l;
}

const NO_MAILBOX_CATEGORIES = new Set(['group', 'publicfolder', 'ms-exch-public-folder', 'msexchdynamicdistributionlist', 'ms-exch-dynamic-distribution-list', 'computer']);
const NO_MAILBOX_CLASSES = new Set(['contact', 'group', 'publicfolder', 'msexchdynamicdistributionlist', 'computer']);

function excludesMailboxes(parts: FilterNode[]): boolean {
  for (const n of parts) {
    if (isItem(n, 'objectcategory') && n.type === 'equality' && NO_MAILBOX_CATEGORIES.has(categoryValue(n.value))) return true;
    if (isItem(n, 'objectclass') && n.type === 'equality' && NO_MAILBOX_CLASSES.has(n.value.trim().toLowerCase())) return true;
    if (n.kind === 'not' && n.children.length === 1) {
      const c = n.children[0];
      if ((isItem(c, 'cn') || isItem(c, 'name')) && c.value.toLowerCase().startsWith('systemmailbox')) return true;
      if (isItem(c, 'homemdb') && c.type === 'present') return true;
    }
  }
  return false;
}

function checkRecipientClauses(doc: LdapFilterDocument, root: FilterNode, out: Problem[]): void {
  if (root.kind === 'item' && root.op === '') return;
  const [rs, re] = doc.span(root);
  const head = root.kind === 'item' ? re : root.op >= 0 ? root.op + 1 : rs + 1;
  if (root.kind === 'or' && root.children.length >= 2) {
    out.push({
      code: 'ldapfilter.top-level-or',
      start: rs,
      end: head,
      message: 'The filter is an OR of conditions at the top level. Exchange System Manager builds query-based groups with AND only, and cannot show or edit this filter; the documented way to combine alternatives is one query-based group per condition, added to a standard distribution group (which itself cannot be a query-based group). Split the filter, or keep it if the group is managed with LDAP tools only.',
    });
  }
  const branches = root.kind === 'or' ? root.children : [root];
  let missingNick = false;
  let missingSystem = false;
  for (const b of branches) {
    const parts = conjuncts(b);
    if (!parts.some((n) => isItem(n, 'mailnickname') && n.op === '=')) missingNick = true;
    if (!excludesMailboxes(parts)) missingSystem = true;
  }
  if (missingNick) {
    out.push({
      code: 'ldapfilter.missing-mailnickname',
      start: rs,
      end: head,
      message: `No (mailNickname=*) condition${branches.length > 1 ? ' in every branch' : ''}. Every object with an Exchange alias has mailNickname, and Exchange 2003 tools AND (mailnickname=*) with their recipient-type clauses; without it the query can return objects that are not Exchange recipients (users without mailbox or address, computers), which cannot receive the group's mail. Add ${MAILNICKNAME_CLAUSE}.`,
      fixes: root.kind === 'or' ? undefined : [insertClause(doc, root, MAILNICKNAME_CLAUSE, `Add ${MAILNICKNAME_CLAUSE}`)],
    });
  }
  if (missingSystem) {
    out.push({
      code: 'ldapfilter.missing-systemmailbox-exclusion',
      start: rs,
      end: head,
      message: `The filter can match the stores' system mailboxes (the SystemMailbox{GUID} users each Exchange mailbox store has), which then receive the group's mail. Filters that ADUC creates for query-based groups exclude them with (!cn=SystemMailbox{*}), and Exchange 2007 documentation tells administrators to exclude them when Exchange 2003 is present. Add ${SYSTEM_MAILBOX_CLAUSE}.`,
      fixes: root.kind === 'or' ? undefined : [insertClause(doc, root, SYSTEM_MAILBOX_CLAUSE, `Add ${SYSTEM_MAILBOX_CLAUSE}`)],
    });
  }
}

/** Adds a condition to the top AND (on its own line when the conditions are one per line), or wraps the filter in one. */
function insertClause(doc: LdapFilterDocument, root: FilterNode, clause: string, title: string): FixSpec {
  if (root.kind === 'and' && root.close >= 0) {
    const first = root.children[0];
    if (first) {
      const [fs] = doc.span(first);
      const pOp = doc.positionAt(root.op);
      const pFirst = doc.positionAt(fs);
      const indent = doc.lines[pFirst.line].slice(0, pFirst.character);
      if (pFirst.line > pOp.line && /^[ \t]*$/.test(indent)) return { title, preferred: true, edits: [{ start: fs, end: fs, text: `${clause}${doc.eol()}${indent}` }] };
    }
    return { title, preferred: true, edits: [{ start: root.op + 1, end: root.op + 1, text: clause }] };
  }
  const [s, e] = doc.span(root);
  return { title, preferred: true, edits: [{ start: s, end: s, text: `(&${clause}` }, { start: e, end: e, text: ')' }] };
}

export type { Composite };
