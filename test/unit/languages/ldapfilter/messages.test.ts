/**
 * The syntax findings of the filter parser with their complete text: every finding's message, its fixes with their
 * edits and its related positions, on the paths the trigger tests do not spell out (text around the filter, operators
 * without or with too many operands, filters never closed, escapes, stars and options in conditions).
 */
import * as assert from 'assert';
import { ldapfilterLanguage } from '../../../../server/src/languages/ldapfilter';
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
  // after the filter
  ['one ")" too many, after a blank', `${good()} )`,
    [["ldapfilter.unbalanced-parentheses","error",0,44,0,45,"This closing parenthesis has no opening one: the filter ended before. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Remove it, or add the missing \"(\".","* Remove the extra \")\": 0:43-0:45 \"\""]]],
  ['three ")" too many with blanks between them', `${good()}) ) )`,
    [["ldapfilter.unbalanced-parentheses","error",0,43,0,48,"These 3 closing parentheses have no opening one: the filter ended before. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Remove them, or add the missing \"(\".","* Remove the 3 extra \")\": 0:43-0:48 \"\""]]],
  ['")" too many, then text', `${good()})) junk`,
    [["ldapfilter.unbalanced-parentheses","error",0,43,0,45,"These 2 closing parentheses have no opening one: the filter ended before. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Remove them, or add the missing \"(\".","* Remove the 2 extra \")\": 0:43-0:45 \"\""],["ldapfilter.unexpected-text","error",0,46,0,50,"Text after the filter: \"junk\". The global catalog reads one filter; the rest makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #.","* Remove the text after the filter: 0:45-0:50 \"\""]]],
  ['")" too many, then a second filter', `${good()})(cn=y)`,
    [["ldapfilter.unbalanced-parentheses","error",0,43,0,44,"This closing parenthesis has no opening one: the filter ended before. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Remove it, or add the missing \"(\".","* Remove the extra \")\": 0:43-0:44 \"\""],["ldapfilter.unexpected-text","error",0,44,0,50,"A second filter after the first one has ended. The global catalog reads one filter; the rest makes the query invalid (NDR 5.2.4). Combine the conditions in one filter: (&(first)(second)) for AND, or put each in its own query-based group."]]],
  ['text after the filter on the next line', `${good()}\njunk  \n`,
    [["ldapfilter.unexpected-text","error",1,0,1,4,"Text after the filter: \"junk\". The global catalog reads one filter; the rest makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #.","* Remove the text after the filter: 0:43-1:4 \"\""]]],
  // before the filter
  ['text before the filter, then the filter', 'note: (mailNickname=*)',
    [["ldapfilter.unexpected-text","error",0,0,0,5,"Text before the filter's opening parenthesis: \"note:\". The global catalog reads one filter, from \"(\" to its \")\"; anything else makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #."]]],
  ['text before the filter on its own line', 'junk\n(mailNickname=*)',
    [["ldapfilter.unexpected-text","error",0,0,0,4,"Text before the filter's opening parenthesis: \"junk\". The global catalog reads one filter, from \"(\" to its \")\"; anything else makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #.","* Remove the text before the filter: 0:0-1:0 \"\""]]],
  ['a bare filter with blanks and a comment after it', '  department=Sales  \n# note\n',
    [["ldapfilter.unparenthesized-item","error",0,2,0,18,"The filter is not enclosed in parentheses. The global catalog expects RFC 2254 syntax, (attribute=value), and does not run a filter it cannot parse: senders get NDR 5.2.4. Put the filter in parentheses.","* Enclose the filter in parentheses: 0:2-0:2 \"(\", 0:18-0:18 \")\""],["ldapfilter.unindexed-attribute","information",0,2,0,12,"department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."]]],
  ['a bare filter followed by ")"', 'department=Sales)',
    [["ldapfilter.unparenthesized-item","error",0,0,0,16,"The filter is not enclosed in parentheses. The global catalog expects RFC 2254 syntax, (attribute=value), and does not run a filter it cannot parse: senders get NDR 5.2.4. Put the filter in parentheses.","* Enclose the filter in parentheses: 0:0-0:0 \"(\", 0:16-0:16 \")\""],["ldapfilter.unindexed-attribute","information",0,0,0,10,"department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute."],["ldapfilter.unbalanced-parentheses","error",0,16,0,17,"This closing parenthesis has no opening one: the filter ended before. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Remove it, or add the missing \"(\".","* Remove the extra \")\": 0:16-0:17 \"\""]]],
  // operators
  ['an empty NOT', good('(!)'),
    [["ldapfilter.empty-operator","error",0,42,0,45,"\"!\" has no condition: (!) tests nothing. Active Directory on Windows 2000/2003 rejects the filter, so mail to the group gets NDR 5.2.4. Add the conditions, e.g. (!(mailNickname=*)(department=Sales)), or remove it."]]],
  ['an empty AND inside an OR', good('(|(&)(cn=x))'),
    [["ldapfilter.empty-operator","error",0,44,0,47,"\"&\" has no condition: (&) tests nothing. Active Directory on Windows 2000/2003 rejects the filter, so mail to the group gets NDR 5.2.4. Add the conditions, e.g. (&(mailNickname=*)(department=Sales)), or remove it."]]],
  ['a NOT with three operands', good('(!(cn=a)(cn=b)(cn=c))'),
    [["ldapfilter.not-several-operands","error",0,50,0,62,"\"!\" takes exactly one condition, but this one has 3. The global catalog rejects the filter (NDR 5.2.4). Use one \"!\" per condition, (&(!(a=1))(!(b=2))), or negate a group: (!(|(a=1)(b=2)))."]]],
  ['nested "((" reported once', good('(((cn=x)))'),
    [["ldapfilter.invalid-item","error",0,42,0,43,"This parenthesis holds another \"(\" directly: after \"(\" comes &, |, ! or an attribute. The global catalog rejects the filter (NDR 5.2.4). Remove the extra \"(\" or add the operator: (&(a=1)(b=2))."]]],
  // never closed
  ['three operators never closed', '(&(|(!(cn=x)',
    [["ldapfilter.unbalanced-parentheses","error",0,4,0,6,"3 parentheses are never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add 3 \")\" at the end of the filter.","* Close with 3 \")\" at the end: 0:12-0:12 \")))\""]], [[0,0,0,1,"Also not closed"],[0,2,0,3,"Also not closed"]]],
  ['a condition never closed inside two operators', '(&(|(cn=x',
    [["ldapfilter.unbalanced-parentheses","error",0,4,0,5,"3 parentheses are never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add 3 \")\" at the end of the filter.","* Close with 3 \")\" at the end: 0:9-0:9 \")))\""]], [[0,0,0,1,"Also not closed"],[0,2,0,3,"Also not closed"]]],
  ['22 operators never closed: the related positions stop at 20', '(&'.repeat(22) + '(cn=x)',
    [["ldapfilter.unbalanced-parentheses","error",0,42,0,44,"22 parentheses are never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add 22 \")\" at the end of the filter.","* Close with 22 \")\" at the end: 0:50-0:50 \"))))))))))))))))))))))\""]], [[0,2,0,3,"Also not closed"],[0,4,0,5,"Also not closed"],[0,6,0,7,"Also not closed"],[0,8,0,9,"Also not closed"],[0,10,0,11,"Also not closed"],[0,12,0,13,"Also not closed"],[0,14,0,15,"Also not closed"],[0,16,0,17,"Also not closed"],[0,18,0,19,"Also not closed"],[0,20,0,21,"Also not closed"],[0,22,0,23,"Also not closed"],[0,24,0,25,"Also not closed"],[0,26,0,27,"Also not closed"],[0,28,0,29,"Also not closed"],[0,30,0,31,"Also not closed"],[0,32,0,33,"Also not closed"],[0,34,0,35,"Also not closed"],[0,36,0,37,"Also not closed"],[0,38,0,39,"Also not closed"],[0,40,0,41,"Also not closed"]]],
  ['a condition not closed before the next one, with blanks', good('(cn=x  (sn=y)'),
    [["ldapfilter.unbalanced-parentheses","error",0,42,0,47,"This condition is not closed: the next \"(\" begins before its \")\". The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Close the condition: (cn=x)","* Close the condition with \")\": 0:47-0:47 \")\""]]],
  // items
  ['an extensible match with :dn: and a rule', good('(cn:dn:1.2.840.113556.1.4.803:=2)'),
    []],
  ['an extensible match with an empty rule ("::="): no OID', good('(cn::=x)'),
    [["ldapfilter.invalid-item","error",0,46,0,47,"\"\" is not a matching rule OID: write the dotted number, such as 1.2.840.113556.1.4.803 (bitwise AND). The global catalog rejects the filter, so mail to the group gets NDR 5.2.4."]]],
  ['an extensible match with :dn: and an empty rule', good('(cn:dn::=x)'),
    [["ldapfilter.invalid-item","error",0,49,0,50,"\"\" is not a matching rule OID: write the dotted number, such as 1.2.840.113556.1.4.803 (bitwise AND). The global catalog rejects the filter, so mail to the group gets NDR 5.2.4."]]],
  ['an escape at the end of a value', good('(cn=x\\)'),
    [["ldapfilter.invalid-escape","error",0,47,0,48,"\"\\\" is not an escape: in a filter value a backslash starts \\XX, two hexadecimal digits (\\2a for *, \\28 for (, \\29 for ), \\5c for \\). The global catalog rejects the filter (NDR 5.2.4). Write \\5c for a literal backslash.","* Write the backslash as \\5c: 0:47-0:48 \"\\\\5c\""]]],
  ['an escape with one hexadecimal digit', good('(cn=x\\4)'),
    [["ldapfilter.invalid-escape","error",0,47,0,49,"\"\\4\" is not an escape: in a filter value a backslash starts \\XX, two hexadecimal digits (\\2a for *, \\28 for (, \\29 for ), \\5c for \\). The global catalog rejects the filter (NDR 5.2.4). Write \\5c for a literal backslash.","* Write the backslash as \\5c: 0:47-0:48 \"\\\\5c\""]]],
  ['an escape followed by a blank', good('(cn=x\\ y)'),
    [["ldapfilter.invalid-escape","error",0,47,0,48,"\"\\\" is not an escape: in a filter value a backslash starts \\XX, two hexadecimal digits (\\2a for *, \\28 for (, \\29 for ), \\5c for \\). The global catalog rejects the filter (NDR 5.2.4). Write \\5c for a literal backslash.","* Write the backslash as \\5c: 0:47-0:48 \"\\\\5c\""]]],
  ['valid escapes', good('(cn=\\28x\\29\\2a\\5c)'),
    []],
  ['a star in an approximate match', good('(cn~=a*b*)'),
    [["ldapfilter.unescaped-character","error",0,48,0,51,"\"*\" is a wildcard only with \"=\": in a ~= comparison it must be written \\2a. The global catalog rejects the filter or compares a different value. Escape it as \\2a, or use = for a wildcard match.","* Escape * as \\2a (escape): "]]],
  ['a star in a <= match', good('(cn<=*)'),
    [["ldapfilter.unescaped-character","error",0,47,0,48,"\"*\" is a wildcard only with \"=\": in a <= comparison it must be written \\2a. The global catalog rejects the filter or compares a different value. Escape it as \\2a, or use = for a wildcard match.","* Escape * as \\2a (escape): "]]],
  ['parentheses in a value twice', good('(cn=a(b)c(d))'),
    [["ldapfilter.unescaped-character","error",0,47,0,54,"Parentheses inside a value must be escaped as \\28 and \\29; unescaped, the global catalog reads them as the end of the condition and rejects the filter (NDR 5.2.4), or matches a different value. Escape them.","* Escape the parentheses (\\28, \\29) (escape): "]]],
  ['a value with a line break at its end before ")"', good('(cn=x\n)'),
    [["ldapfilter.unescaped-character","error",0,46,1,0,"A line break inside a value: the value then contains the line break, so the condition matches only values with that line break. Keep each condition on one line."]]],
  ['a NUL twice in a value', good('(cn=a\u0000b\u0000)'),
    [["ldapfilter.unescaped-character","error",0,47,0,48,"A NUL character inside a value must be written \\00; unescaped it ends the filter string early, and the global catalog rejects the rest (NDR 5.2.4). Escape it as \\00.","* Escape NUL as \\00: 0:47-0:48 \"\\\\00\""]]],
  ['an approximate match', good('(cn~=Ann)'),
    []],
  ['options on the attribute', good('(cn;lang-en=x)'),
    []],
  ['an attribute with an invalid option', good('(cn;=x)'),
    [["ldapfilter.invalid-item","error",0,43,0,46,"\"cn;\" is not an attribute name: names start with a letter and contain only letters, digits and hyphens. Correct the attribute name. The global catalog rejects the filter, so mail to the group gets NDR 5.2.4."]]],
  ['an OID attribute', good('(2.5.4.3=x)'),
    []],
];

describe('ldapfilter: the syntax findings with their messages, fixes and related positions', () => {
  for (const [title, text, findings, related] of CASES) {
    it(title, () => {
      assert.deepStrictEqual(all(text), { findings, related: related ?? [] });
    });
  }
});
