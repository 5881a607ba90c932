/**
 * Every branch of the filter checks (validate.ts): attributes against the catalog, matching rules and bitwise values,
 * the recipient clauses and the fixes that add them, each with the complete list of findings (code, severity, range,
 * message, the fixes with their edits) and the related positions.
 */
import * as assert from 'assert';
import { ldapfilterLanguage } from '../../../../server/src/languages/ldapfilter';
import { STANDARD_CLAUSES } from '../../../../server/src/languages/ldapfilter/attributes';
import { StoredFix } from '../../../../server/src/languages/ldapfilter/validate';

type Finding = (string | number)[];
type Related = [number, number, number, number, string];

function all(text: string): { findings: Finding[]; related: Related[] } {
  const ds = ldapfilterLanguage.validate(ldapfilterLanguage.parse(text));
  return {
    findings: ds.map((d) => {
      const f: Finding = [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message];
      const fixes = (d.data as { fixes?: StoredFix[] } | undefined)?.fixes ?? [];
      if (fixes.length) {
        f.push(fixes.map((x) => `${x.preferred ? '* ' : ''}${x.title}${x.escapeRange ? ' (escape)' : ''}: ${x.edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character} ${JSON.stringify(e.newText)}`).join(', ')}`).join(' | '));
      }
      return f;
    }),
    related: ds.flatMap((d) => (d.related ?? []).map((r) => [r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character, r.message] as Related)),
  };
}
const good = (...c: string[]): string => `(&(mailNickname=*)(!(cn=SystemMailbox{*}))${c.join('')})`;
const CASES: [string, string, Finding[], Related[]?][] = [
  // conditions that are no condition: only the syntax finding
  ['an unknown attribute without operator: only the syntax finding', good('(departmnt)'),
    [["ldapfilter.invalid-item","error",0,43,0,52,"\"departmnt\" has no comparison operator: a condition is attribute, operator and value, such as (department=Sales) or (mailNickname=*). Add the operator and the value. The global catalog rejects the filter, so mail to the group gets NDR 5.2.4."]]],
  ['an attribute name with a character no name has: only the syntax finding', good('(c_n=x)'),
    [["ldapfilter.invalid-item","error",0,43,0,46,"\"c_n\" is not an attribute name: names start with a letter and contain only letters, digits and hyphens. Correct the attribute name. The global catalog rejects the filter, so mail to the group gets NDR 5.2.4."]]],
  // did you mean
  ['a name of four letters is corrected at distance 1 only', good('(mial=x)'),
    [["ldapfilter.unknown-attribute","warning",0,43,0,47,"\"mial\" is not in this tool's catalog of recipient attributes. A misspelt attribute matches no object, silently. Check the name, or if your forest has it in the global catalog, list it in exchangeConfig.ldapAttributesInGC."]]],
  ['a name of three letters at distance 1', good('(mal=x)'),
    [["ldapfilter.unknown-attribute","warning",0,43,0,46,"\"mal\" is not in this tool's catalog of recipient attributes; did you mean mail? A misspelt attribute matches no object, silently. Correct the name, or if your forest has it in the global catalog, list it in exchangeConfig.ldapAttributesInGC.","* Change to mail: 0:43-0:46 \"mail\""]]],
  ['a longer name is corrected at distance 2', good('(deprtmet=x)'),
    [["ldapfilter.unknown-attribute","warning",0,43,0,51,"\"deprtmet\" is not in this tool's catalog of recipient attributes; did you mean department? A misspelt attribute matches no object, silently. Correct the name, or if your forest has it in the global catalog, list it in exchangeConfig.ldapAttributesInGC.","* Change to department: 0:43-0:51 \"department\""]]],
  ['a name with two nearest candidates: two fixes, neither preferred', good('(homeMTB=x)'),
    [["ldapfilter.unknown-attribute","warning",0,43,0,50,"\"homeMTB\" is not in this tool's catalog of recipient attributes; did you mean homeMDB or homeMTA? A misspelt attribute matches no object, silently. Correct the name, or if your forest has it in the global catalog, list it in exchangeConfig.ldapAttributesInGC.","Change to homeMDB: 0:43-0:50 \"homeMDB\" | Change to homeMTA: 0:43-0:50 \"homeMTA\""]]],
  // wildcards
  ['a wildcard in an integer value', good('(userAccountControl=51*)'),
    [["ldapfilter.wildcard-not-allowed","warning",0,62,0,65,"userAccountControl has integer syntax, which has no substring matching (RFC 4517): \"*\" in its value is no wildcard. Write the complete value, or test presence with userAccountControl=*."]]],
  ['a wildcard in a DN value', good('(manager=CN=Smith*)'),
    [["ldapfilter.wildcard-not-allowed","warning",0,51,0,60,"manager has distinguished name syntax, which has no substring matching (RFC 4517): \"*\" in its value is no wildcard. Write the complete value (the full distinguished name), or test presence with manager=*."]]],
  ['a wildcard in an OR-Name value', good('(authOrig=CN=a*)'),
    [["ldapfilter.wildcard-not-allowed","warning",0,52,0,57,"authOrig has distinguished name (OR-Name) syntax, which has no substring matching (RFC 4517): \"*\" in its value is no wildcard. Write the complete value (the full distinguished name), or test presence with authOrig=*."]]],
  // attributes
  ['anr, a pseudo-attribute, is accepted', good('(anr=Smith)'),
    []],
  ['an Exchange 2007 attribute', good('(msExchRecipientTypeDetails=1)'),
    [["ldapfilter.unknown-attribute","warning",0,43,0,69,"msExchRecipientTypeDetails is an attribute of Exchange 2007 and later; an Exchange 2003 forest does not have it, so the condition matches no object. Use the Exchange 2003 recipient clauses (objectCategory, objectClass, homeMDB, msExchHomeServerName)."]]],
  ['memberOf: not in the partial attribute set', good('(memberOf=CN=Sales,DC=contoso,DC=com)'),
    [["ldapfilter.attribute-not-in-gc","warning",0,43,0,51,"memberOf is not in the global catalog's partial attribute set according to the schema, and what a global catalog returns for it is not established. Check the members on the Preview tab, or test group membership another way."]]],
  ['an attribute outside the global catalog', good('(employeeType=Full)'),
    [["ldapfilter.attribute-not-in-gc","warning",0,43,0,55,"employeeType is not in the global catalog of an Exchange 2003 forest, where the categorizer runs this query, so the condition finds no value. Use a global catalog attribute, or add it there and list it in exchangeConfig.ldapAttributesInGC."]]],
  ['an unindexed attribute ANDed with an indexed one is narrowed', '(&(homeMDB=*)(mailNickname=*)(!(cn=SystemMailbox{*})))',
    []],
  ['an unindexed attribute in an OR of the top AND', '(&(mailNickname=*)(!(cn=SystemMailbox{*}))(|(homeMDB=*)(title=x)))',
    []],
  ['an unindexed attribute whose only indexed sibling is a final substring', '(&(mailNickname=*x)(homeMDB=*)(!(cn=SystemMailbox{*})))',
    [["ldapfilter.unindexed-attribute","information",0,20,0,27,"homeMDB is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."]]],
  ['an unindexed attribute ANDed with an indexed >= and <=', '(&(homeMDB=*)(mailNickname>=a)(!(cn=SystemMailbox{*})))',
    []],
  ['a condition in a "((" group: the syntax finding only', '(&(mailNickname=*)(!(cn=SystemMailbox{*}))((homeMDB=*)))',
    [["ldapfilter.invalid-item","error",0,42,0,43,"This parenthesis holds another \"(\" directly: after \"(\" comes &, |, ! or an attribute. The global catalog rejects the filter (NDR 5.2.4). Remove the extra \"(\" or add the operator: (&(a=1)(b=2))."]]],
  ['a condition without operator narrows nothing', '(&(homeMDB=*)(mailNickname))',
    [["ldapfilter.unindexed-attribute","information",0,3,0,10,"homeMDB is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."],["ldapfilter.invalid-item","error",0,14,0,26,"\"mailNickname\" has no comparison operator: a condition is attribute, operator and value, such as (department=Sales) or (mailNickname=*). Add the operator and the value. The global catalog rejects the filter, so mail to the group gets NDR 5.2.4."]]],
  ['an empty OR narrows nothing', '(&(homeMDB=*)(|))',
    [["ldapfilter.unindexed-attribute","information",0,3,0,10,"homeMDB is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."],["ldapfilter.empty-operator","error",0,13,0,16,"\"|\" has no condition: (|) tests nothing. Active Directory on Windows 2000/2003 rejects the filter, so mail to the group gets NDR 5.2.4. Add the conditions, e.g. (|(mailNickname=*)(department=Sales)), or remove it."]]],
  // matching rules
  ['LDAP_MATCHING_RULE_IN_CHAIN', good('(memberOf:1.2.840.113556.1.4.1941:=CN=G,DC=y)'),
    [["ldapfilter.attribute-not-in-gc","warning",0,43,0,51,"memberOf is not in the global catalog's partial attribute set according to the schema, and what a global catalog returns for it is not established. Check the members on the Preview tab, or test group membership another way."],["ldapfilter.unsupported-matching-rule","error",0,52,0,75,"LDAP_MATCHING_RULE_IN_CHAIN (1.2.840.113556.1.4.1941) needs Windows Server 2008 or later; Windows 2000/2003 global catalogs support only bitwise AND (.803) and OR (.804). The query fails and senders get NDR 5.2.4. Remove the condition and test membership another way."]]],
  ['LDAP_MATCHING_RULE_DN_WITH_DATA', good('(member:1.2.840.113556.1.4.2253:=x)'),
    [["ldapfilter.unsupported-matching-rule","error",0,50,0,73,"LDAP_MATCHING_RULE_DN_WITH_DATA (1.2.840.113556.1.4.2253) needs Windows Server 2012 R2; Windows 2000/2003 global catalogs support only bitwise AND (.803) and OR (.804). The query fails and senders get NDR 5.2.4. Remove the condition."]]],
  ['an unknown matching rule', good('(cn:1.2.3:=x)'),
    [["ldapfilter.unsupported-matching-rule","error",0,46,0,51,"1.2.3 is not a matching rule Active Directory supports; Windows 2000/2003 global catalogs support only bitwise AND (.803) and OR (.804). The query fails and senders get NDR 5.2.4. Remove the condition."]]],
  ['a bitwise value in hexadecimal', good('(userAccountControl:1.2.840.113556.1.4.804:=0X1f)'),
    [["ldapfilter.bitwise-value-not-decimal","error",0,86,0,90,"The value of a bitwise matching rule must be a decimal number: \"0X1f\" is not. The global catalog rejects the filter (NDR 5.2.4). Write the mask in decimal: 31.","* Write 31: 0:86-0:90 \"31\""]]],
  ['a bitwise value that is no number', good('(userAccountControl:1.2.840.113556.1.4.803:=two)'),
    [["ldapfilter.bitwise-value-not-decimal","error",0,86,0,89,"The value of a bitwise matching rule must be a decimal number: \"two\" is not. The global catalog rejects the filter (NDR 5.2.4). Write the mask in decimal, such as 2 for ACCOUNTDISABLE."]]],
  ['a bitwise value with text before a hexadecimal number: no fix', good('(userAccountControl:1.2.840.113556.1.4.803:=y0x1f)'),
    [["ldapfilter.bitwise-value-not-decimal","error",0,86,0,91,"The value of a bitwise matching rule must be a decimal number: \"y0x1f\" is not. The global catalog rejects the filter (NDR 5.2.4). Write the mask in decimal, such as 2 for ACCOUNTDISABLE."]]],
  ['a hexadecimal bitwise value with a blank before it', good('(userAccountControl:1.2.840.113556.1.4.803:= 0x1f)'),
    [["ldapfilter.bitwise-value-not-decimal","error",0,86,0,91,"The value of a bitwise matching rule must be a decimal number: \" 0x1f\" is not. The global catalog rejects the filter (NDR 5.2.4). Write the mask in decimal: 31.","* Write 31: 0:86-0:91 \"31\""]]],
  ['a negative bitwise value', good('(userAccountControl:1.2.840.113556.1.4.803:=-2)'),
    []],
  ['an empty bitwise value', good('(userAccountControl:1.2.840.113556.1.4.803:=)'),
    [["ldapfilter.bitwise-value-not-decimal","error",0,86,0,86,"The value of a bitwise matching rule must be a decimal number: \"\" is not. The global catalog rejects the filter (NDR 5.2.4). Write the mask in decimal, such as 2 for ACCOUNTDISABLE."]]],
  ['a bitwise value with hexadecimal of nine digits', good('(userAccountControl:1.2.840.113556.1.4.803:=0x123456789)'),
    [["ldapfilter.bitwise-value-not-decimal","error",0,86,0,97,"The value of a bitwise matching rule must be a decimal number: \"0x123456789\" is not. The global catalog rejects the filter (NDR 5.2.4). Write the mask in decimal, such as 2 for ACCOUNTDISABLE."]]],
  // recipient clauses
  ['a filter that is one condition', '(mailNickname=*)',
    [["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,16,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:0-0:0 \"(&(!(cn=SystemMailbox{*}))\", 0:16-0:16 \")\""]]],
  ['a top-level OR of two branches that each hold both clauses', '(|(&(mailNickname=*)(!(cn=SystemMailbox{*}))(department=a))(&(mailNickname=*)(!(cn=SystemMailbox{*}))(department=b)))',
    [["ldapfilter.top-level-or","information",0,0,0,2,"The filter is an OR at the top level. Exchange System Manager builds AND queries only; for alternatives Microsoft describes one query-based group per condition inside a standard distribution group. Keep it if LDAP tools manage it."]]],
  ['a top-level OR of one branch', '(|(&(mailNickname=*)(!(cn=SystemMailbox{*}))))',
    []],
  ['an OR without branches', '(|)',
    [["ldapfilter.empty-operator","error",0,0,0,3,"\"|\" has no condition: (|) tests nothing. Active Directory on Windows 2000/2003 rejects the filter, so mail to the group gets NDR 5.2.4. Add the conditions, e.g. (|(mailNickname=*)(department=Sales)), or remove it."]]],
  ['a NOT at the top', '(!(cn=SystemMailbox{*}))',
    [["ldapfilter.missing-mailnickname","warning",0,0,0,2,"Nothing in the filter limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add (mailNickname=*).","* Add (mailNickname=*): 0:0-0:0 \"(&(mailNickname=*)\", 0:24-0:24 \")\""]]],
  ['a "((" at the top: the syntax finding only', '((mailNickname=*))',
    [["ldapfilter.invalid-item","error",0,0,0,1,"This parenthesis holds another \"(\" directly: after \"(\" comes &, |, ! or an attribute. The global catalog rejects the filter (NDR 5.2.4). Remove the extra \"(\" or add the operator: (&(a=1)(b=2))."]]],
  ['objectCategory given as a DN of public folders', '(&(objectCategory=CN=Public-Folder,CN=Schema,CN=Configuration,DC=y))',
    [["ldapfilter.missing-mailnickname","warning",0,0,0,2,"Nothing in the filter limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add (mailNickname=*).","* Add (mailNickname=*): 0:2-0:2 \"(mailNickname=*)\""],["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:2-0:2 \"(!(cn=SystemMailbox{*}))\""]]],
  ['objectCategory of query-based groups, and a mailbox excluded by NOT homeMDB', '(&(objectCategory=msExchDynamicDistributionList)(!(homeMDB=*)))',
    []],
  ['objectCategory presence is no recipient clause', '(&(objectCategory=*)(!(cn=SystemMailbox{*})))',
    [["ldapfilter.missing-mailnickname","warning",0,0,0,2,"Nothing in the filter limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add (mailNickname=*).","* Add (mailNickname=*): 0:2-0:2 \"(mailNickname=*)\""]]],
  ['an alias that cannot start SystemMailbox, and one that can', '(&(mailNickname=j*))',
    []],
  ['a name starting with a prefix of SystemMailbox', '(&(mailNickname=*)(cn=System*))',
    [["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:2-0:2 \"(!(cn=SystemMailbox{*}))\""]]],
  ['a name starting with SystemMailbox', '(&(mailNickname=*)(cn=SystemMailboxes))',
    [["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:2-0:2 \"(!(cn=SystemMailbox{*}))\""]]],
  ['a contact class', '(&(mailNickname=*)(objectClass=contact))',
    []],
  ['a computer category is no recipient', '(&(objectCategory=computer))',
    [["ldapfilter.missing-mailnickname","warning",0,0,0,2,"Nothing in the filter limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add (mailNickname=*).","* Add (mailNickname=*): 0:2-0:2 \"(mailNickname=*)\""]]],
  ['an approximate name match excludes nothing', '(&(mailNickname=*)(cn~=Ann))',
    [["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:2-0:2 \"(!(cn=SystemMailbox{*}))\""]]],
  ['NOT of an OR that names the system mailboxes', '(&(mailNickname=*)(!(|(cn=SystemMailbox*)(department=x))))',
    []],
  ['NOT of msExchHomeServerName presence', '(&(mailNickname=*)(!(msExchHomeServerName=*)))',
    []],
  ['NOT of a name that is not the system mailboxes', '(&(mailNickname=*)(!(cn=Admin*)))',
    [["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:2-0:2 \"(!(cn=SystemMailbox{*}))\""]]],
  ['NOT of homeMDB equality', '(&(mailNickname=*)(!(homeMDB=CN=x)))',
    [["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:2-0:2 \"(!(cn=SystemMailbox{*}))\""]]],
  ['a NOT with two operands', '(&(mailNickname=*)(!(cn=SystemMailbox*)(cn=x)))',
    [["ldapfilter.not-several-operands","error",0,39,0,45,"\"!\" takes exactly one condition, but this one has 2. The global catalog rejects the filter (NDR 5.2.4). Use one \"!\" per condition, (&(!(a=1))(!(b=2))), or negate a group: (!(|(a=1)(b=2)))."]]],
  ['an OR whose branches all exclude system mailboxes', '(&(mailNickname=*)(|(objectCategory=group)(objectClass=contact)))',
    []],
  ['an OR whose branches do not all exclude them', '(&(mailNickname=*)(|(objectCategory=group)(department=x)))',
    [["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:2-0:2 \"(!(cn=SystemMailbox{*}))\""]]],
  ['an OR whose branches all require recipients', '(&(|(homeMDB=*)(targetAddress=*))(!(cn=SystemMailbox{*})))',
    [["ldapfilter.unindexed-attribute","information",0,5,0,12,"homeMDB is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."]]],
  ['a syntax error: the recipient clauses are not judged', '(&(department=Sales)',
    [["ldapfilter.unbalanced-parentheses","error",0,0,0,2,"This parenthesis is never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add \")\" at the end of the filter.","* Close with \")\" at the end: 0:20-0:20 \")\""],["ldapfilter.unindexed-attribute","information",0,3,0,13,"department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."]]],
  ['a warning-only syntax finding: the recipient clauses are judged', '(&(department=Sales)(!cn=x))',
    [["ldapfilter.missing-mailnickname","warning",0,0,0,2,"Nothing in the filter limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add (mailNickname=*).","* Add (mailNickname=*): 0:2-0:2 \"(mailNickname=*)\""],["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:2-0:2 \"(!(cn=SystemMailbox{*}))\""],["ldapfilter.unindexed-attribute","information",0,3,0,13,"department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."],["ldapfilter.aduc-short-not","warning",0,22,0,26,"(!cn=x) has no inner parentheses. Active Directory accepts this short form, but RFC 2254 requires (!(attribute=value)) and other LDAP tools may reject it. Wrap the condition in parentheses.","* Wrap the condition: (!(…)): 0:22-0:22 \"(\", 0:26-0:26 \")\""]]],
  // the fixes that add a clause
  ['clauses added on their own line, indented as the first condition', '(&\n  (department=Sales)\n)',
    [["ldapfilter.missing-mailnickname","warning",0,0,0,2,"Nothing in the filter limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add (mailNickname=*).","* Add (mailNickname=*): 1:2-1:2 \"(mailNickname=*)\\n  \""],["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 1:2-1:2 \"(!(cn=SystemMailbox{*}))\\n  \""],["ldapfilter.unindexed-attribute","information",1,3,1,13,"department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."]]],
  ['clauses added after "(&" when the first condition shares its line', '(&(department=Sales)\n  (company=x))',
    [["ldapfilter.missing-mailnickname","warning",0,0,0,2,"Nothing in the filter limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add (mailNickname=*).","* Add (mailNickname=*): 0:2-0:2 \"(mailNickname=*)\""],["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:2-0:2 \"(!(cn=SystemMailbox{*}))\""],["ldapfilter.unindexed-attribute","information",0,3,0,13,"department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."],["ldapfilter.unindexed-attribute","information",1,3,1,10,"company is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."]]],
  ['clauses added on their own line with CRLF', '(&\r\n\t(department=Sales)\r\n)',
    [["ldapfilter.missing-mailnickname","warning",0,0,0,2,"Nothing in the filter limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add (mailNickname=*).","* Add (mailNickname=*): 1:1-1:1 \"(mailNickname=*)\\r\\n\\t\""],["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,2,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 1:1-1:1 \"(!(cn=SystemMailbox{*}))\\r\\n\\t\""],["ldapfilter.unindexed-attribute","information",1,2,1,12,"department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."]]],
  ['an AND without conditions', '(&)',
    [["ldapfilter.empty-operator","error",0,0,0,3,"\"&\" has no condition: (&) tests nothing. Active Directory on Windows 2000/2003 rejects the filter, so mail to the group gets NDR 5.2.4. Add the conditions, e.g. (&(mailNickname=*)(department=Sales)), or remove it."]]],
  ['an AND never closed: the syntax finding and no recipient findings', '(&(department=Sales)(company=x)',
    [["ldapfilter.unbalanced-parentheses","error",0,0,0,2,"This parenthesis is never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add \")\" at the end of the filter.","* Close with \")\" at the end: 0:31-0:31 \")\""],["ldapfilter.unindexed-attribute","information",0,3,0,13,"department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."],["ldapfilter.unindexed-attribute","information",0,21,0,28,"company is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."]]],
  ['a bare condition: wrapped', '(department=Sales)',
    [["ldapfilter.missing-mailnickname","warning",0,0,0,18,"Nothing in the filter limits it to Exchange recipients, so it can return users without a mailbox or address, or computers, which cannot receive the group's mail. Add (mailNickname=*).","* Add (mailNickname=*): 0:0-0:0 \"(&(mailNickname=*)\", 0:18-0:18 \")\""],["ldapfilter.missing-systemmailbox-exclusion","information",0,0,0,18,"Nothing in the filter excludes the stores' system mailboxes (the SystemMailbox{GUID} users); those it matches receive the group's mail. Add (!(cn=SystemMailbox{*})).","* Add (!(cn=SystemMailbox{*})): 0:0-0:0 \"(&(!(cn=SystemMailbox{*}))\", 0:18-0:18 \")\""],["ldapfilter.unindexed-attribute","information",0,1,0,11,"department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."]]],
];

describe('ldapfilter: every branch of the checks, with all findings', () => {
  for (const [title, text, findings, related] of CASES) {
    it(title, () => {
      assert.deepStrictEqual(all(text), { findings, related: related ?? [] });
    });
  }

  it('no condition of a standard recipient clause is reported, alone, ORed or negated (each ANDs an indexed objectCategory)', () => {
    for (const c of STANDARD_CLAUSES) {
      for (const text of [c.text, `(|${c.text}(mailNickname=*))`, `(!${c.text})`]) {
        const attributeFindings = all(text).findings.filter((f) => !['ldapfilter.missing-mailnickname', 'ldapfilter.missing-systemmailbox-exclusion', 'ldapfilter.top-level-or'].includes(f[0] as string));
        assert.deepStrictEqual(attributeFindings, [], text);
      }
    }
  });

  const codesOf = (text: string): string[] => all(text).findings.map((f) => f[0] as string);
  const SM = '(!(cn=SystemMailbox{*}))';

  it('every attribute only recipients carry limits the filter to recipients', () => {
    for (const a of ['mailNickname', 'homeMDB', 'homeMTA', 'msExchHomeServerName', 'msExchMailboxGuid', 'legacyExchangeDN', 'proxyAddresses', 'targetAddress']) {
      assert.ok(!codesOf(`(&(${a}=*)${SM}(objectCategory=person))`).includes('ldapfilter.missing-mailnickname'), a);
    }
    assert.deepStrictEqual(codesOf(`(&(department=publicFolder)(objectCategory=person)${SM})`), ['ldapfilter.missing-mailnickname']);
  });

  it('every recipient category, by name or DN, in any case and with blanks, limits it to recipients; other comparisons do not', () => {
    for (const c of ['publicFolder', 'ms-Exch-Public-Folder', 'msExchDynamicDistributionList', 'ms-Exch-Dynamic-Distribution-List']) {
      for (const v of [c, ` ${c.toUpperCase()} `, `CN=${c},CN=Schema,CN=Configuration,DC=y`]) {
        assert.deepStrictEqual(codesOf(`(&(objectCategory=${v})${SM})`), [], v);
        assert.deepStrictEqual(codesOf(`(objectCategory=${v})`), [], `${v}: no system mailbox either`);
      }
      assert.deepStrictEqual(codesOf(`(&(objectCategory~=${c})${SM})`), ['ldapfilter.missing-mailnickname'], `~= ${c}`);
    }
  });

  it('every category and class without users excludes the system mailboxes', () => {
    for (const c of ['group', 'publicFolder', 'ms-Exch-Public-Folder', 'msExchDynamicDistributionList', 'ms-Exch-Dynamic-Distribution-List', 'computer']) {
      assert.ok(!codesOf(`(&(mailNickname=*)(objectCategory=${c}))`).includes('ldapfilter.missing-systemmailbox-exclusion'), c);
    }
    for (const c of ['contact', 'group', 'publicFolder', 'msExchDynamicDistributionList', 'computer']) {
      assert.ok(!codesOf(`(&(mailNickname=*)(objectClass= ${c} ))`).includes('ldapfilter.missing-systemmailbox-exclusion'), c);
    }
    assert.deepStrictEqual(codesOf('(&(mailNickname=*)(objectCategory=person))'), ['ldapfilter.missing-systemmailbox-exclusion']);
    assert.deepStrictEqual(codesOf('(&(mailNickname=*)(objectClass=user))'), ['ldapfilter.missing-systemmailbox-exclusion']);
  });

  it('every name, alias and address attribute excludes the system mailboxes by its start, or names them under a NOT', () => {
    for (const a of ['cn', 'name', 'displayName', 'sAMAccountName', 'mailNickname', 'mail']) {
      assert.ok(!codesOf(`(&(mailNickname=*)(${a}=J*))`).includes('ldapfilter.missing-systemmailbox-exclusion'), a);
      assert.ok(!codesOf(`(&(mailNickname=*)(!(${a}=SystemMailbox*)))`).includes('ldapfilter.missing-systemmailbox-exclusion'), `!${a}`);
    }
    assert.ok(codesOf('(&(mailNickname=*)(department=J*))').includes('ldapfilter.missing-systemmailbox-exclusion'));
  });
});
