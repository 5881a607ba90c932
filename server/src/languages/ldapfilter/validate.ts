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
import { attributeNamed, ATTRIBUTE_NAMES, NO_SUBSTRING_SYNTAXES } from './attributes';
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
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: no ldapfilter code has tags, so d.tags is never set either way
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
  // Stryker disable next-line ArrayDeclaration: the names looked up are attribute names, which hold no blank, so a set holding "stryker was here" matches none either
  const extraGc = new Set((context.extraGcAttributes ?? []).map((a) => a.toLowerCase()));
  // Stryker disable next-line ArrayDeclaration: as above
  const extraIndexed = new Set((context.extraIndexedAttributes ?? []).map((a) => a.toLowerCase()));
  const narrowed = narrowedByIndex(doc, extraIndexed);
  for (const item of doc.items) checkItem(item, extraGc, extraIndexed.has(item.attr.toLowerCase()) || narrowed.has(item), problems);
  if (!syntaxError && doc.root) checkRecipientClauses(doc, doc.root, problems);
  return problems.map((p) => toDiagnostic(doc, p)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * `indexNarrows`: listed as indexed by the forest, or ANDed with an indexed condition. The conditions of the standard
 * recipient clauses are narrowed this way too: each clause ANDs them with an indexed objectCategory condition.
 */
function checkItem(item: Item, extraGc: Set<string>, indexNarrows: boolean, out: Problem[]): void {
  // An empty attribute fails the name test too.
  if (item.op === '' || !/^[A-Za-z][A-Za-z0-9-]*$/.test(item.attr)) return;
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
        message: `"${clip(name)}" is not in this tool's catalog of recipient attributes${near.length ? `; did you mean ${near.join(' or ')}?` : '.'} A misspelt attribute matches no object, silently. ${near.length ? 'Correct the name' : 'Check the name'}, or if your forest has it in the global catalog, list it in exchangeConfig.ldapAttributesInGC.`,
        fixes: near.map((n) => ({ title: `Change to ${n}`, preferred: near.length === 1, edits: [{ start: s, end: e, text: n }] })),
      });
      return;
    }
    if (a.exchange2003 === false) {
      out.push({ code: 'ldapfilter.unknown-attribute', start: s, end: e, message: `${a.name} is an attribute of Exchange 2007 and later; an Exchange 2003 forest does not have it, so the condition matches no object. Use the Exchange 2003 recipient clauses (objectCategory, objectClass, homeMDB, msExchHomeServerName).` });
      return;
    }
  }
  if (a && !added && a.inGC === false) {
    out.push({
      code: 'ldapfilter.attribute-not-in-gc',
      start: s,
      end: e,
      // exchange-schema-facts §4.2 item 8: the schema keeps memberOf out of the partial attribute set, but what a GC
      // returns for it is not established; say so rather than "never matches".
      message:
        a.name === 'memberOf'
          ? 'memberOf is not in the global catalog\'s partial attribute set according to the schema, and what a global catalog returns for it is not established. Check the members on the Preview tab, or test group membership another way.'
          : `${a.name} is not in the global catalog of an Exchange 2003 forest, where the categorizer runs this query, so the condition finds no value. Use a global catalog attribute, or add it there and list it in exchangeConfig.ldapAttributesInGC.`,
    });
  } else if (a && a.indexed === false && !indexNarrows) {
    out.push({
      code: 'ldapfilter.unindexed-attribute',
      start: s,
      end: e,
      message: `${a.name} is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute.`,
    });
  }
  if (a && item.type === 'substring' && NO_SUBSTRING_SYNTAXES[a.syntax]) {
    out.push({
      code: 'ldapfilter.wildcard-not-allowed',
      start: item.valueStart,
      end: item.valueEnd,
      message: `${a.name} has ${NO_SUBSTRING_SYNTAXES[a.syntax]} syntax, which has no substring matching (RFC 4517): "*" in its value is no wildcard. Write the complete value${a.syntax === 'dn' || a.syntax === 'or-name' ? ' (the full distinguished name)' : ''}, or test presence with ${a.name}=*.`,
    });
  }
  // The parser sets a rule on extensible matches only.
  if (item.rule && /^\d+(\.\d+)*$/.test(item.rule)) {
    const rule = item.rule;
    if (rule !== BIT_AND && rule !== BIT_OR) {
      const why =
        rule === IN_CHAIN
          ? 'LDAP_MATCHING_RULE_IN_CHAIN (1.2.840.113556.1.4.1941) needs Windows Server 2008 or later'
          : rule === DN_WITH_DATA
            ? 'LDAP_MATCHING_RULE_DN_WITH_DATA (1.2.840.113556.1.4.2253) needs Windows Server 2012 R2'
            : `${rule} is not a matching rule Active Directory supports`;
      out.push({
        code: 'ldapfilter.unsupported-matching-rule',
        start: item.ruleStart,
        end: item.ruleEnd,
        message: `${why}; Windows 2000/2003 global catalogs support only bitwise AND (.803) and OR (.804). The query fails and senders get NDR 5.2.4. Remove the condition${rule === IN_CHAIN ? ' and test membership another way' : ''}.`,
      });
    } else if (!/^-?\d+$/.test(item.value)) {
      const hex = /^0x([0-9a-f]{1,8})$/i.exec(item.value.trim());
      const dec = hex ? String(parseInt(hex[1], 16)) : undefined;
      out.push({
        code: 'ldapfilter.bitwise-value-not-decimal',
        start: item.valueStart,
        end: Math.max(item.valueEnd, item.valueStart),
        message: `The value of a bitwise matching rule must be a decimal number: "${clip(item.value)}" is not. The global catalog rejects the filter (NDR 5.2.4). Write the mask in decimal${dec ? `: ${dec}` : ', such as 2 for ACCOUNTDISABLE'}.`,
        fixes: dec ? [{ title: `Write ${dec}`, preferred: true, edits: [{ start: item.valueStart, end: item.valueEnd, text: dec }] }] : undefined,
      });
    }
  }
}

/**
 * A property of every object a node can match, computed bottom-up without recursion: an item decides for itself, an
 * AND holds it when one of its conditions does, an OR when all of its branches do, a NOT never (a negation selects no
 * attribute). `doc.composites` lists parents before children, so walking it backwards visits children first.
 */
// Stryker disable next-line ArrowFunction: a default that returns undefined is as false as one that returns false
function necessarily(doc: LdapFilterDocument, itemHolds: (item: Item) => boolean, notHolds: (child: FilterNode) => boolean = () => false): Map<FilterNode, boolean> {
  const out = new Map<FilterNode, boolean>();
  for (const item of doc.items) out.set(item, item.op !== '' && itemHolds(item));
  for (let k = doc.composites.length - 1; k >= 0; k--) {
    const c = doc.composites[k];
    const kids = c.children.map((n) => out.get(n) === true);
    let v: boolean;
    if (c.kind === 'or') v = kids.length > 0 && kids.every(Boolean);
    // A NOT's own rule is only given when the filter has no syntax error, so the NOT has exactly one operand.
    else if (c.kind === 'not') v = notHolds(c.children[0]);
    else v = kids.some(Boolean);
    out.set(c, v);
  }
  return out;
}

/**
 * Attributes only Exchange recipients carry (mailNickname, the mailbox attributes, targetAddress of mail users and
 * contacts, the Exchange address attributes): a filter that requires one of them returns recipients only.
 */
const RECIPIENT_ATTRIBUTES = new Set(['mailnickname', 'homemdb', 'homemta', 'msexchhomeservername', 'msexchmailboxguid', 'legacyexchangedn', 'proxyaddresses', 'targetaddress']);
/** Categories whose objects are recipients by definition (mail-enabled public folders, query-based groups). */
const RECIPIENT_CATEGORIES = new Set(['publicfolder', 'ms-exch-public-folder', 'msexchdynamicdistributionlist', 'ms-exch-dynamic-distribution-list']);

function categoryValue(v: string): string {
  const l = v.trim().toLowerCase();
  return l.startsWith('cn=') ? l.slice(3).split(',')[0] : l;
}

function requiresRecipient(item: Item): boolean {
  const attr = item.attr.toLowerCase();
  if (RECIPIENT_ATTRIBUTES.has(attr)) return true;
  return attr === 'objectcategory' && item.type === 'equality' && RECIPIENT_CATEGORIES.has(categoryValue(item.value));
}

/** Categories and classes that contain no user object, so no system mailbox (SystemMailbox{GUID} is a user). */
const NO_MAILBOX_CATEGORIES = new Set(['group', 'publicfolder', 'ms-exch-public-folder', 'msexchdynamicdistributionlist', 'ms-exch-dynamic-distribution-list', 'computer']);
const NO_MAILBOX_CLASSES = new Set(['contact', 'group', 'publicfolder', 'msexchdynamicdistributionlist', 'computer']);
/** Attributes whose value in a system mailbox starts with "SystemMailbox" (its name, alias and address). */
const SYSTEM_MAILBOX_NAMES = new Set(['cn', 'name', 'displayname', 'samaccountname', 'mailnickname', 'mail']);

/**
 * An item no system mailbox meets: a category or class without users, or a name, alias or address whose fixed start
 * cannot begin "SystemMailbox" ((mail=jane@contoso.com), (cn=C*)).
 */
function excludesSystemMailboxes(item: Item): boolean {
  const attr = item.attr.toLowerCase();
  if (SYSTEM_MAILBOX_NAMES.has(attr) && (item.type === 'equality' || item.type === 'substring')) {
    const initial = item.value.split('*')[0].trim().toLowerCase();
    return initial !== '' && !initial.startsWith('systemmailbox') && !'systemmailbox'.startsWith(initial);
  }
  if (item.type !== 'equality') return false;
  if (attr === 'objectcategory') return NO_MAILBOX_CATEGORIES.has(categoryValue(item.value));
  return attr === 'objectclass' && NO_MAILBOX_CLASSES.has(item.value.trim().toLowerCase());
}

/** What a NOT excludes: the system mailboxes by name, or every mailbox (!(homeMDB=*)); an OR under it when any branch does. */
function negatesSystemMailboxes(child: FilterNode): boolean {
  const branches = child.kind === 'or' ? child.children : [child];
  return branches.some((c) => {
    if (c.kind !== 'item') return false;
    const attr = c.attr.toLowerCase();
    if (SYSTEM_MAILBOX_NAMES.has(attr) && (c.type === 'equality' || c.type === 'substring') && c.value.trim().toLowerCase().startsWith('systemmailbox')) return true;
    return (attr === 'homemdb' || attr === 'msexchhomeservername') && c.type === 'present';
  });
}

/**
 * The conditions whose attribute an indexed condition narrows: the directory can take the candidates from the index of
 * a condition ANDed with them (an indexed equality, presence, >=, <= or initial substring; an OR of such) and tests
 * the rest on those candidates only. Top-down over the tree, linear.
 */
export function narrowedByIndex(doc: LdapFilterDocument, extraIndexed: ReadonlySet<string> = new Set()): Set<FilterNode> {
  const narrows = necessarily(doc, (item) => {
    const a = attributeNamed(item.attr);
    if (!(a?.indexed === true || extraIndexed.has(item.attr.toLowerCase()))) return false;
    if (item.type === 'substring') return !item.value.startsWith('*');
    return item.type === 'equality' || item.type === 'present' || item.type === 'ge' || item.type === 'le';
  });
  const narrowingChildren = new Map<FilterNode, number>();
  for (const c of doc.composites) narrowingChildren.set(c, c.children.reduce((k, n) => k + (narrows.get(n) === true ? 1 : 0), 0));
  const out = new Set<FilterNode>();
  const visit = (node: FilterNode): void => {
    const p = node.parent;
    if (!p) return;
    if (out.has(p)) {
      out.add(node);
      return;
    }
    const others = (narrowingChildren.get(p) ?? 0) - (narrows.get(node) === true ? 1 : 0);
    if ((p.kind === 'and' || p.kind === 'group') && others > 0) out.add(node);
  };
  for (const c of doc.composites) visit(c);
  for (const item of doc.items) visit(item);
  return out;
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
      message: 'The filter is an OR at the top level. Exchange System Manager builds AND queries only; for alternatives Microsoft describes one query-based group per condition inside a standard distribution group. Keep it if LDAP tools manage it.',
    });
  }
  const recipients = necessarily(doc, requiresRecipient);
  const noSystemMailbox = necessarily(doc, excludesSystemMailboxes, negatesSystemMailboxes);
  if (recipients.get(root) !== true) {
    out.push({
      code: 'ldapfilter.missing-mailnickname',
      start: rs,
      end: head,
      message: `Nothing in the filter${root.kind === 'or' ? ' (in every branch)' : ''} limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add ${MAILNICKNAME_CLAUSE}.`,
      fixes: root.kind === 'or' ? undefined : [insertClause(doc, root, MAILNICKNAME_CLAUSE, `Add ${MAILNICKNAME_CLAUSE}`)],
    });
  }
  if (noSystemMailbox.get(root) !== true) {
    out.push({
      code: 'ldapfilter.missing-systemmailbox-exclusion',
      start: rs,
      end: head,
      message: `Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add ${SYSTEM_MAILBOX_CLAUSE}.`,
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
