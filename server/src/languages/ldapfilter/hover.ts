/** Hover: attributes (meaning and global catalog, index and syntax flags), class values, operators and matching rules. */
import { DEFAULT_CONTEXT } from '../../core/catalog';
import { AnalyzeOptions, Hover } from '../../core/language';
import { Position } from '../../core/types';
import { attributeNamed, classNamed, renderAttribute, renderClass, STANDARD_CLAUSES, standardClause } from './attributes';
import { Composite, LdapFilterDocument } from './parse';
import { BIT_AND, BIT_OR, DN_WITH_DATA, IN_CHAIN } from './validate';

const OPERATORS: Readonly<Record<string, string>> = {
  '&': '**&** (AND): all of the conditions that follow must match. Exchange System Manager builds query-based groups from AND conditions only.',
  '|': '**|** (OR): at least one of the conditions that follow must match. For alternatives, *What\'s New in Exchange Server 2003* ("Combining Multiple Query-Based Distribution Groups") describes one query-based group per condition inside a standard distribution group.',
  '!': '**!** (NOT): the one condition that follows must not match. Written (!(attribute=value)). A third-party guide to query-based groups (xiitec.com, 2008) advises avoiding NOT for efficiency.',
  '=': '**=** equality; with `*` alone a presence test (the attribute has a value), with `*` among other characters a substring (wildcard) match.',
  '~=': '**~=** approximate match (RFC 2254); what counts as approximate is up to the directory.',
  '>=': '**>=** greater than or equal (there is no strict >).',
  '<=': '**<=** less than or equal (there is no strict <).',
  ':=': '**:rule:=** extensible match with a matching rule; Active Directory of Windows 2000/2003 supports 1.2.840.113556.1.4.803 (bitwise AND) and .804 (bitwise OR), with a decimal value.',
};

const RULES: Readonly<Record<string, string>> = {
  [BIT_AND]: '**1.2.840.113556.1.4.803** LDAP_MATCHING_RULE_BIT_AND: matches when every bit of the decimal value is set, e.g. (userAccountControl:1.2.840.113556.1.4.803:=2) for disabled accounts.',
  [BIT_OR]: '**1.2.840.113556.1.4.804** LDAP_MATCHING_RULE_BIT_OR: matches when any bit of the decimal value is set.',
  [IN_CHAIN]: '**1.2.840.113556.1.4.1941** LDAP_MATCHING_RULE_IN_CHAIN: transitive membership; needs Windows Server 2008 or later, so not available to Exchange 2003.',
  [DN_WITH_DATA]: '**1.2.840.113556.1.4.2253** LDAP_MATCHING_RULE_DN_WITH_DATA: needs Windows Server 2012 R2.',
};

export function ldapfilterHover(doc: LdapFilterDocument, pos: Position, options: AnalyzeOptions = {}): Hover | undefined {
  if (!pos || typeof pos.line !== 'number' || pos.line < 0 || pos.line >= doc.lineCount || doc.commentLines[pos.line]) return undefined;
  const o = doc.offsetAt(pos);
  const at = (s: number, e: number): boolean => o >= s && o < Math.max(e, s + 1);
  const range = (s: number, e: number): Hover['range'] => ({ start: doc.positionAt(s), end: doc.positionAt(e) });
  const extra = new Set((options.exchange?.context ?? DEFAULT_CONTEXT).extraGcAttributes?.map((a) => a.toLowerCase()) ?? []);
  for (const item of doc.items) {
    if (item.attrEnd > item.attrStart && at(item.attrStart, item.attrEnd)) {
      const a = attributeNamed(item.attr);
      const text = a
        ? renderAttribute(a, extra.has(a.name.toLowerCase()))
        : `**${item.attr}**\n\nNot in this tool's catalog of recipient attributes${extra.has(item.attr.toLowerCase()) ? '; listed in exchangeConfig.ldapAttributesInGC, so taken to be in the global catalog' : ''}.`;
      return { contents: text, range: range(item.attrStart, item.attrEnd) };
    }
    if (item.rule && at(item.ruleStart, item.ruleEnd)) return { contents: RULES[item.rule] ?? `**${item.rule}**\n\nNot a matching rule Active Directory of Windows 2000/2003 supports.`, range: range(item.ruleStart, item.ruleEnd) };
    if (item.op && at(item.opStart, item.opEnd)) {
      const key = item.op === ':=' ? ':=' : item.op;
      const text = OPERATORS[key] ?? `**${item.op}** is no LDAP operator.`;
      return { contents: item.type === 'present' ? `${text}\n\nHere: **presence** — every object with a value for ${item.attr}.` : text, range: range(item.opStart, item.opEnd) };
    }
    if (item.valueEnd > item.valueStart && at(item.valueStart, item.valueEnd)) {
      const attr = item.attr.toLowerCase();
      if (attr === 'objectcategory' || attr === 'objectclass') {
        const v = item.value.trim();
        const c = classNamed(v.toLowerCase().startsWith('cn=') ? v.slice(3).split(',')[0] : v);
        if (c) return { contents: renderClass(c), range: range(item.valueStart, item.valueEnd) };
      }
      return undefined;
    }
  }
  for (const c of doc.composites) {
    if (c.op >= 0 && at(c.open, c.op + 1)) return { contents: compositeHover(doc, c), range: range(c.open, c.op + 1) };
  }
  return undefined;
}

function compositeHover(doc: LdapFilterDocument, c: Composite): string {
  const sym = doc.masked[c.op];
  const lines = [OPERATORS[sym] ?? ''];
  if (c.close >= 0 && c.close - c.open < 400) {
    const label = standardClause(doc.masked.slice(c.open, c.close + 1));
    if (label && STANDARD_CLAUSES.find((x) => x.label === label)?.practice) {
      // external-facts §5.3: the exact tool-generated form is not verified from a primary source.
      lines.push('', `This is the clause **${label}**, seen in Exchange 2003 filters in practice; whether the Exchange tools write it in exactly this form is not verified from a primary source.`);
    } else if (label) lines.push('', `This is the Exchange 2003 recipient-type clause **${label}**, as Exchange System Manager and ADUC write it.`);
  }
  lines.push('', `${c.children.length} condition${c.children.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}
