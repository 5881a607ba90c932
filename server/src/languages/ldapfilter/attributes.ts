/**
 * The attribute catalog of recipient filters (server/data/catalog/ldap-attributes.json, from exchange-schema-facts):
 * lookups by name and the one rendering used by hover and completion. `source` names the primary source the way a
 * reader finds it; `evidence` and `internalNotes` keep the line references for the next engineer and are never rendered.
 */
import data from '../../../data/catalog/ldap-attributes.json';

export type Tri = boolean | 'unknown';

export interface LdapAttribute {
  name: string;
  cn: string;
  definedBy: string;
  syntax: string;
  multiValued: Tri;
  inGC: Tri;
  indexed: Tri;
  anr: Tri;
  rangeUpper?: number;
  /** false: not part of the Exchange 2003 schema; 'unknown': not established. */
  exchange2003?: Tri;
  meaning: string;
  /** Shown to users: what matters about the attribute, in words, with sources named publicly. */
  notes?: string[];
  /** The primary source, named the way a reader can find it. */
  source: string;
  /** Internal evidence (note sections, file lines): never rendered. */
  evidence?: string;
  /** Internal remarks: never rendered. */
  internalNotes?: string[];
}

export interface LdapClass {
  name: string;
  definedBy: string;
  defaultObjectCategory: string;
  subClassOf: string;
  meaning: string;
  source: string;
  /** Internal evidence: never rendered. */
  evidence?: string;
}

export const ATTRIBUTES: readonly LdapAttribute[] = (data as { attributes: LdapAttribute[] }).attributes;
export const CLASSES: readonly LdapClass[] = (data as { classes: LdapClass[] }).classes;
export const ATTRIBUTE_NAMES: readonly string[] = ATTRIBUTES.map((a) => a.name);

const byName = new Map<string, LdapAttribute>(ATTRIBUTES.map((a) => [a.name.toLowerCase(), a]));

export function attributeNamed(name: string): LdapAttribute | undefined {
  return byName.get(name.toLowerCase());
}

export function classNamed(name: string): LdapClass | undefined {
  const n = name.toLowerCase();
  return CLASSES.find((c) => c.name.toLowerCase() === n || c.defaultObjectCategory.slice(3).toLowerCase() === n);
}

/** Syntaxes without a substring matching rule (RFC 4517): a * in their value is no wildcard. */
export const NO_SUBSTRING_SYNTAXES: Readonly<Record<string, string>> = {
  dn: 'distinguished name',
  'or-name': 'distinguished name (OR-Name)',
  boolean: 'Boolean',
  integer: 'integer',
  'large-integer': 'large integer',
  oid: 'object identifier',
  sid: 'SID',
  'octet-string': 'octet string',
  'generalized-time': 'generalized time',
};

const SYNTAX_NAMES: Readonly<Record<string, string>> = {
  unicode: 'Unicode string',
  teletex: 'case-insensitive (Teletex) string',
  printable: 'printable string',
  unknown: 'unknown',
  ...NO_SUBSTRING_SYNTAXES,
};

/** The syntax and value count of an attribute in a few words ("Unicode string, single-valued"), for completion details. */
export function attributeSummary(a: LdapAttribute): string {
  const values = a.multiValued === 'unknown' ? '' : a.multiValued ? ', multi-valued' : ', single-valued';
  return `${SYNTAX_NAMES[a.syntax] ?? a.syntax}${values}`;
}

function flag(v: Tri): string {
  return v === 'unknown' ? 'unknown' : v ? 'yes' : 'no';
}

/** Markdown for hover and completion: the status (not in the GC, not in Exchange 2003) first, then meaning, flags, notes and source. */
export function renderAttribute(a: LdapAttribute, extraGc: boolean): string {
  const lines = [`**${a.name}** (${a.cn}, ${a.definedBy})`, ''];
  if (a.exchange2003 === false) lines.push('Not part of the Exchange 2003 schema (Exchange 2007 and later): a condition on it matches nothing in an Exchange 2003 forest.', '');
  if (a.inGC === false && !extraGc) {
    lines.push(
      a.name === 'memberOf'
        ? 'Not in the global catalog\'s partial attribute set according to the schema; what a global catalog returns for it is not established. Check the members on the Preview tab.'
        : 'Not in the global catalog of an Exchange 2003 forest: the categorizer expands the group against a global catalog, where a condition on it finds no value. Use an attribute in the global catalog, or add it there.',
      '',
    );
  }
  lines.push(a.meaning, '');
  lines.push(`| | |`, `|---|---|`);
  lines.push(`| In the global catalog | ${extraGc && a.inGC !== true ? 'yes (exchangeConfig.ldapAttributesInGC)' : flag(a.inGC)} |`);
  lines.push(`| Indexed | ${flag(a.indexed)} |`);
  lines.push(`| Ambiguous name resolution | ${flag(a.anr)} |`);
  lines.push(`| Syntax | ${SYNTAX_NAMES[a.syntax] ?? a.syntax} |`);
  lines.push(`| Values | ${a.multiValued === 'unknown' ? 'unknown' : a.multiValued ? 'multi-valued' : 'single-valued'} |`);
  if (a.rangeUpper !== undefined) lines.push(`| Longest value | ${a.rangeUpper} |`);
  for (const n of a.notes ?? []) lines.push('', `Note: ${n}`);
  lines.push('', `Source: ${a.source}`);
  return lines.join('\n');
}

export function renderClass(c: LdapClass): string {
  return `**${c.name}** (${c.definedBy})\n\n${c.meaning}\n\nobjectCategory: \`${c.defaultObjectCategory}\`; subclass of ${c.subClassOf}.\n\nSource: ${c.source}`;
}

/**
 * The recipient-type clauses of Exchange 2003 filters (external-facts §5.3; the mailbox, mail-user, contact, group and
 * public-folder clauses also stand in the default address-list filters of Exchange 2003 that later Exchange code lists).
 * `practice`: a clause seen in production Exchange 2003 filters whose exact tool-generated form is not verified from a
 * primary source (the SystemMailbox exclusion; the disabled-account exclusion comes from a blog).
 */
export const STANDARD_CLAUSES: readonly { label: string; text: string; practice?: true }[] = [
  { label: 'Users with Exchange mailbox', text: '(&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))' },
  { label: 'Users with external e-mail addresses', text: '(&(objectCategory=person)(objectClass=user)(!(homeMDB=*))(!(msExchHomeServerName=*)))' },
  { label: 'Contacts with external e-mail addresses', text: '(&(objectCategory=person)(objectClass=contact))' },
  { label: 'Mail-enabled groups', text: '(objectCategory=group)' },
  { label: 'Mail-enabled public folders', text: '(objectCategory=publicFolder)' },
  { label: 'Query-based distribution groups', text: '(objectCategory=msExchDynamicDistributionList)' },
  { label: 'Exclude the stores\' system mailboxes', text: '(!(cn=SystemMailbox{*}))', practice: true },
  { label: 'Exclude disabled accounts', text: '(!(userAccountControl:1.2.840.113556.1.4.803:=2))', practice: true },
];

const STANDARD_NORMALISED = new Map(STANDARD_CLAUSES.map((c) => [c.text.toLowerCase(), c.label]));

/** The label of a standard clause, when `text` is one (compared without blanks and case). */
export function standardClause(text: string): string | undefined {
  if (text.length > 400) return undefined;
  return STANDARD_NORMALISED.get(text.replace(/\s+/g, '').toLowerCase());
}
