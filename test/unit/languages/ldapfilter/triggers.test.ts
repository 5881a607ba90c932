/**
 * Every branch of the parser that reports a syntax code, each with the complete list of findings it gives (code,
 * severity, range) and, for invalid-item, the exact message; the same cases through the alternate paths where the
 * code path differs: multi-line filters with # comment lines, and the filter of an LDIF msExchDynamicDLFilter value
 * (plain and base64).
 */
import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
import { ldapfilterLanguage } from '../../../../server/src/languages/ldapfilter';
import { ldifLanguage } from '../../../../server/src/languages/ldif';
import { applyEdits, diagnose, fixesFor, good, rangeOf } from '../../../helpers/ldapfilter';
import { internalReferences, MESSAGE_P95_MAX } from '../../../helpers/userText';

type Finding = [string, string, number, number, number, number];

function all(ds: Diagnostic[]): Finding[] {
  return ds.map((d) => [d.code, d.severity, ...rangeOf(d)] as Finding);
}

function ldif(filterLine: string): Diagnostic[] {
  return ldifLanguage.validate(ldifLanguage.parse(`dn: CN=g,DC=y\n${filterLine}\n`));
}

function base64(filter: string): string {
  return `msExchDynamicDLFilter:: ${Buffer.from(filter, 'utf8').toString('base64')}`;
}

const REJECTS = ' The global catalog rejects the filter, so mail to the group gets NDR 5.2.4.';
const E = 'error';

/** good() puts 43 characters before the condition under test. */
const INVALID_ITEM: [string, string, Finding[], string][] = [
  ['"(" directly after "("', good('((cn=x))'), [['ldapfilter.invalid-item', E, 0, 42, 0, 43]], 'This parenthesis holds another "(" directly: after "(" comes &, |, ! or an attribute. The global catalog rejects the filter (NDR 5.2.4). Remove the extra "(" or add the operator: (&(a=1)(b=2)).'],
  ['no operator', good('(cn)'), [['ldapfilter.invalid-item', E, 0, 43, 0, 45]], `"cn" has no comparison operator: a condition is attribute, operator and value, such as (department=Sales) or (mailNickname=*). Add the operator and the value.${REJECTS}`],
  ['no operator, bare in an AND', good('cn'), [['ldapfilter.invalid-item', E, 0, 42, 0, 44]], `"cn" has no comparison operator: a condition is attribute, operator and value, such as (department=Sales) or (mailNickname=*). Add the operator and the value.${REJECTS}`],
  ['an empty condition (a no-break space only)', good('(\u00a0)'), [['ldapfilter.invalid-item', E, 0, 42, 0, 44]], `An empty condition. Write attribute, operator and value, such as (mailNickname=*).${REJECTS}`],
  ['no attribute', good('(=x)'), [['ldapfilter.invalid-item', E, 0, 42, 0, 44]], `The condition has no attribute before its operator. Write the attribute first, such as (department=Sales).${REJECTS}`],
  ['a blank before the operator', good('(department =Sales)'), [['ldapfilter.invalid-item', E, 0, 43, 0, 54]], `A blank between the attribute "department" and the operator; RFC 2254 allows none. Remove the blank.${REJECTS}`],
  ['a blank before the attribute (a no-break space, which the parser does not skip)', good('(\u00a0cn=x)'), [['ldapfilter.invalid-item', E, 0, 43, 0, 46]], `A blank before the attribute "cn"; RFC 2254 allows none inside a condition. Remove the blank.${REJECTS}`],
  ['not an attribute name', good('(1cn=x)'), [['ldapfilter.invalid-item', E, 0, 43, 0, 46]], `"1cn" is not an attribute name: names start with a letter and contain only letters, digits and hyphens. Correct the attribute name.${REJECTS}`],
  ['not an attribute name, in capitals', good('(1CN=x)'), [['ldapfilter.invalid-item', E, 0, 43, 0, 46]], `"1CN" is not an attribute name: names start with a letter and contain only letters, digits and hyphens. Correct the attribute name.${REJECTS}`],
  ['not an attribute name: an underscore', good('(a_b=x)'), [['ldapfilter.invalid-item', E, 0, 43, 0, 46]], `"a_b" is not an attribute name: names start with a letter and contain only letters, digits and hyphens. Correct the attribute name.${REJECTS}`],
  ['strict <', good('(cn<x)'), [['ldapfilter.invalid-item', E, 0, 45, 0, 46]], `LDAP has no strict "<" comparison, only <= (RFC 2254). Use <= with the next value, or (!(attribute>=value)).${REJECTS}`],
  ['strict >', good('(cn>x)'), [['ldapfilter.invalid-item', E, 0, 45, 0, 46]], `LDAP has no strict ">" comparison, only >= (RFC 2254). Use >= with the next value, or (!(attribute<=value)).${REJECTS}`],
  ['"~" alone', good('(cn~x)'), [['ldapfilter.invalid-item', E, 0, 45, 0, 46]], `"~" alone is no operator; approximate match is written ~=. Write ~=.${REJECTS}`],
  ['a matching rule that is no OID', good('(cn:foo:=x)'), [['ldapfilter.invalid-item', E, 0, 46, 0, 49]], `"foo" is not a matching rule OID: write the dotted number, such as 1.2.840.113556.1.4.803 (bitwise AND).${REJECTS}`],
  ['an extensible match without ":="', good('(cn:x)'), [['ldapfilter.invalid-item', E, 0, 45, 0, 47]], `An extensible match is written attribute:rule:=value, such as (userAccountControl:1.2.840.113556.1.4.803:=2); here ":=" is missing. Write ":=" before the value.${REJECTS}`],
];

const U = 'ldapfilter.unbalanced-parentheses';
const T = 'ldapfilter.unexpected-text';
const C = 'ldapfilter.unescaped-character';
const OTHER_SYNTAX: [string, string, Finding[]][] = [
  // unbalanced-parentheses
  ['one ")" too many', `${good('(cn=x)')})`, [[U, E, 0, 49, 0, 50]]],
  ['two ")" too many', `${good('(cn=x)')}))`, [[U, E, 0, 49, 0, 51]]],
  ['a condition not closed before the next "("', good('(cn=x(sn=y)'), [[U, E, 0, 42, 0, 47]]],
  ['an AND never closed', good('(cn=x)').slice(0, -1), [[U, E, 0, 0, 0, 2]]],
  ['two operators never closed: one finding on the inner one', '(&(|(cn=x)', [[U, E, 0, 2, 0, 4]]],
  ['"(" as the last character', good('').slice(0, -1) + '(', [[U, E, 0, 0, 0, 2], [U, E, 0, 42, 0, 43]]],
  ['a lone condition never closed (its trailing line break is no part of the value)', '(department=Sales\n', [[U, E, 0, 0, 0, 1], ['ldapfilter.unindexed-attribute', 'information', 0, 1, 0, 11]]],
  ['a condition never closed inside an AND: both "(" counted', `${good('').slice(0, -1)}(cn=x\n`, [[U, E, 0, 42, 0, 43]]],
  // unexpected-text
  ['text before the filter', 'x (mailNickname=*)', [[T, E, 0, 0, 0, 1]]],
  ['a condition before the filter', 'department=Sales(mailNickname=*)', [[T, E, 0, 0, 0, 16]]],
  ['text and no filter', 'hello', [[T, E, 0, 0, 0, 5]]],
  ['text after the filter', `${good('')} junk`, [[T, E, 0, 44, 0, 48]]],
  ['a second filter', `${good('')}(cn=y)`, [[T, E, 0, 43, 0, 49]]],
  // empty-filter
  ['no filter in the file', '# only\n', [['ldapfilter.empty-filter', E, 0, 0, 0, 6]]],
  ['"()"', good('()'), [['ldapfilter.empty-filter', E, 0, 42, 0, 44]]],
  // unescaped-character
  ['parentheses in a value', good('(cn=a(b))'), [[C, E, 0, 47, 0, 50]]],
  ['"*" in a >= value', good('(cn>=a*)'), [[C, E, 0, 48, 0, 49]]],
  ['a NUL in a value', good('(cn=a\u0000b)'), [[C, E, 0, 47, 0, 48]]],
  ['a line break in a value', good('(cn=a\nb)'), [[C, E, 0, 46, 1, 1]]],
  // unparenthesized-item and its short-NOT form
  ['a bare filter', 'department=Sales', [['ldapfilter.unparenthesized-item', E, 0, 0, 0, 16], ['ldapfilter.unindexed-attribute', 'information', 0, 0, 0, 10]]],
  ['a bare condition in an AND', good('').slice(0, -1) + 'cn=x)', [['ldapfilter.unparenthesized-item', E, 0, 42, 0, 46]]],
  ['a bare condition in an OR', good('(|(cn=a)cn=x)'), [['ldapfilter.unparenthesized-item', E, 0, 50, 0, 54]]],
  ['a bare condition after the condition of a NOT', good('(!(cn=a)cn=x)'), [['ldapfilter.unparenthesized-item', E, 0, 50, 0, 54], ['ldapfilter.not-several-operands', E, 0, 50, 0, 54]]],
  ['a bare condition in a parenthesis that opens nothing', good('((cn=a)cn=x)'), [['ldapfilter.invalid-item', E, 0, 42, 0, 43], ['ldapfilter.unparenthesized-item', E, 0, 49, 0, 53]]],
  ['(!cn=x)', good('(!cn=x)'), [['ldapfilter.aduc-short-not', 'warning', 0, 44, 0, 48]]],
];

type FixRow = [string, boolean, [number, number, number, number, string][]];
type RelatedRow = [number, number, number, number, string];
/** [code, message, fixes (title, preferred, edits), related] of each finding. */
type Detail = [string, string, FixRow[], RelatedRow[]];

/** The complete findings of each OTHER_SYNTAX case beyond their ranges: messages, fixes and related information. */
const DETAILS = new Map<string, Detail[]>([
  ['one ")" too many', [
    ['ldapfilter.unbalanced-parentheses', 'This closing parenthesis has no opening one: the filter ended before. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Remove it, or add the missing "(".', [['Remove the extra ")"', true, [[0, 49, 0, 50, '']]]], []],
  ]],
  ['two ")" too many', [
    ['ldapfilter.unbalanced-parentheses', 'These 2 closing parentheses have no opening one: the filter ended before. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Remove them, or add the missing "(".', [['Remove the 2 extra ")"', true, [[0, 49, 0, 51, '']]]], []],
  ]],
  ['a condition not closed before the next "("', [
    ['ldapfilter.unbalanced-parentheses', 'This condition is not closed: the next "(" begins before its ")". The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Close the condition: (cn=x)', [['Close the condition with ")"', true, [[0, 47, 0, 47, ')']]]], []],
  ]],
  ['an AND never closed', [
    ['ldapfilter.unbalanced-parentheses', 'This parenthesis is never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add ")" at the end of the filter.', [['Close with ")" at the end', true, [[0, 48, 0, 48, ')']]]], []],
  ]],
  ['two operators never closed: one finding on the inner one', [
    ['ldapfilter.unbalanced-parentheses', '2 parentheses are never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add 2 ")" at the end of the filter.', [['Close with 2 ")" at the end', true, [[0, 10, 0, 10, '))']]]], [[0, 0, 0, 1, 'Also not closed']]],
  ]],
  ['"(" as the last character', [
    ['ldapfilter.unbalanced-parentheses', 'This parenthesis is never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add ")" at the end of the filter.', [['Close with ")" at the end', true, [[0, 43, 0, 43, ')']]]], []],
    ['ldapfilter.unbalanced-parentheses', 'This parenthesis is never closed: the file ends after it. The global catalog rejects the filter (NDR 5.2.4). Remove it or complete the condition.', [], []],
  ]],
  ['a lone condition never closed (its trailing line break is no part of the value)', [
    ['ldapfilter.unbalanced-parentheses', 'This parenthesis is never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add ")" at the end of the filter.', [['Close with ")" at the end', true, [[0, 17, 0, 17, ')']]]], []],
    ['ldapfilter.unindexed-attribute', 'department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute.', [], []],
  ]],
  ['a condition never closed inside an AND: both "(" counted', [
    ['ldapfilter.unbalanced-parentheses', '2 parentheses are never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add 2 ")" at the end of the filter.', [['Close with 2 ")" at the end', true, [[0, 47, 0, 47, '))']]]], [[0, 0, 0, 1, 'Also not closed']]],
  ]],
  ['text before the filter', [
    ['ldapfilter.unexpected-text', 'Text before the filter\'s opening parenthesis: "x". The global catalog reads one filter, from "(" to its ")"; anything else makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #.', [['Remove the text before the filter', true, [[0, 0, 0, 2, '']]]], []],
  ]],
  ['a condition before the filter', [
    ['ldapfilter.unexpected-text', 'Text before the filter\'s opening parenthesis: "department=Sales". The global catalog reads one filter, from "(" to its ")"; anything else makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #.', [], []],
  ]],
  ['text and no filter', [
    ['ldapfilter.unexpected-text', 'Text before the filter\'s opening parenthesis: "hello". The global catalog reads one filter, from "(" to its ")"; anything else makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #.', [], []],
  ]],
  ['text after the filter', [
    ['ldapfilter.unexpected-text', 'Text after the filter: "junk". The global catalog reads one filter; the rest makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #.', [['Remove the text after the filter', true, [[0, 43, 0, 48, '']]]], []],
  ]],
  ['a second filter', [
    ['ldapfilter.unexpected-text', 'A second filter after the first one has ended. The global catalog reads one filter; the rest makes the query invalid (NDR 5.2.4). Combine the conditions in one filter: (&(first)(second)) for AND, or put each in its own query-based group.', [], []],
  ]],
  ['no filter in the file', [
    ['ldapfilter.empty-filter', 'The file holds no filter (only blanks and # comments). A query-based distribution group needs one LDAP filter, such as (&(mailNickname=*)(objectCategory=person)); without it the group cannot be expanded. Write the filter.', [], []],
  ]],
  ['"()"', [
    ['ldapfilter.empty-filter', 'An empty pair of parentheses: "()" is no condition. The global catalog rejects the filter (NDR 5.2.4). Remove it or write a condition inside, such as (mailNickname=*).', [['Remove "()"', true, [[0, 42, 0, 44, '']]]], []],
  ]],
  ['parentheses in a value', [
    ['ldapfilter.unescaped-character', 'Parentheses inside a value must be escaped as \\28 and \\29; unescaped, the global catalog reads them as the end of the condition and rejects the filter (NDR 5.2.4), or matches a different value. Escape them.', [['Escape the parentheses (\\28, \\29)', true, [[0, 47, 0, 50, '\\28b\\29']]]], []],
  ]],
  ['"*" in a >= value', [
    ['ldapfilter.unescaped-character', '"*" is a wildcard only with "=": in a >= comparison it must be written \\2a. The global catalog rejects the filter or compares a different value. Escape it as \\2a, or use = for a wildcard match.', [['Escape * as \\2a', true, [[0, 48, 0, 49, '\\2a']]]], []],
  ]],
  ['a NUL in a value', [
    ['ldapfilter.unescaped-character', 'A NUL character inside a value must be written \\00; unescaped it ends the filter string early, and the global catalog rejects the rest (NDR 5.2.4). Escape it as \\00.', [['Escape NUL as \\00', true, [[0, 47, 0, 48, '\\00']]]], []],
  ]],
  ['a line break in a value', [
    ['ldapfilter.unescaped-character', 'A line break inside a value: the value then contains the line break, so the condition matches only values with that line break. Keep each condition on one line.', [], []],
  ]],
  ['a bare filter', [
    ['ldapfilter.unparenthesized-item', 'The filter is not enclosed in parentheses. The global catalog expects RFC 2254 syntax, (attribute=value), and does not run a filter it cannot parse: senders get NDR 5.2.4. Put the filter in parentheses.', [['Enclose the filter in parentheses', true, [[0, 0, 0, 0, '('], [0, 16, 0, 16, ')']]]], []],
    ['ldapfilter.unindexed-attribute', 'department is not indexed and no indexed condition is ANDed with it: the global catalog may examine every object in the search base at each expansion. Add an indexed condition to the AND, such as (mailNickname=*), or index the attribute.', [], []],
  ]],
  ['a bare condition in an AND', [
    ['ldapfilter.unparenthesized-item', 'This condition has no parentheses of its own: each condition of & is written (attribute=value). The global catalog rejects the filter (NDR 5.2.4). Put the condition in parentheses.', [['Put the condition in parentheses', true, [[0, 42, 0, 42, '('], [0, 46, 0, 46, ')']]]], []],
  ]],
  ['a bare condition in an OR', [
    ['ldapfilter.unparenthesized-item', 'This condition has no parentheses of its own: each condition of | is written (attribute=value). The global catalog rejects the filter (NDR 5.2.4). Put the condition in parentheses.', [['Put the condition in parentheses', true, [[0, 50, 0, 50, '('], [0, 54, 0, 54, ')']]]], []],
  ]],
  ['a bare condition after the condition of a NOT', [
    ['ldapfilter.unparenthesized-item', 'This condition has no parentheses of its own: each condition of ! is written (attribute=value). The global catalog rejects the filter (NDR 5.2.4). Put the condition in parentheses.', [['Put the condition in parentheses', true, [[0, 50, 0, 50, '('], [0, 54, 0, 54, ')']]]], []],
    ['ldapfilter.not-several-operands', '"!" takes exactly one condition, but this one has 2. The global catalog rejects the filter (NDR 5.2.4). Use one "!" per condition, (&(!(a=1))(!(b=2))), or negate a group: (!(|(a=1)(b=2))).', [], []],
  ]],
  ['a bare condition in a parenthesis that opens nothing', [
    ['ldapfilter.invalid-item', 'This parenthesis holds another "(" directly: after "(" comes &, |, ! or an attribute. The global catalog rejects the filter (NDR 5.2.4). Remove the extra "(" or add the operator: (&(a=1)(b=2)).', [], []],
    ['ldapfilter.unparenthesized-item', 'This condition has no parentheses of its own: each condition of a filter is written (attribute=value). The global catalog rejects the filter (NDR 5.2.4). Put the condition in parentheses.', [['Put the condition in parentheses', true, [[0, 49, 0, 49, '('], [0, 53, 0, 53, ')']]]], []],
  ]],
  ['(!cn=x)', [
    ['ldapfilter.aduc-short-not', '(!cn=x) has no inner parentheses. Active Directory accepts this short form, but RFC 2254 requires (!(attribute=value)) and other LDAP tools may reject it. Wrap the condition in parentheses.', [['Wrap the condition: (!(…))', true, [[0, 44, 0, 44, '('], [0, 48, 0, 48, ')']]]], []],
  ]],
]);

/** Messages, fixes (title, preferred, edits) and related information of every finding of `text`. */
function details(text: string): Detail[] {
  const doc = ldapfilterLanguage.parse(text);
  return ldapfilterLanguage.validate(doc).map((d) => [
    d.code,
    d.message,
    ldapfilterLanguage.fixes!(doc, d).map((f): FixRow => [f.title, f.isPreferred === true, f.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText])]),
    (d.related ?? []).map((r): RelatedRow => [r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character, r.message]),
  ]);
}

describe('ldapfilter: every trigger of the syntax codes, with all findings', () => {
  for (const [title, text, expected, message] of INVALID_ITEM) {
    it(`invalid-item: ${title}`, () => {
      const ds = diagnose(text);
      assert.deepStrictEqual(all(ds), expected);
      assert.strictEqual(ds[0].message, message);
      assert.deepStrictEqual(details(text), [['ldapfilter.invalid-item', message, [], []]]);
      assert.deepStrictEqual(internalReferences(message), []);
      assert.ok(message.length <= MESSAGE_P95_MAX, `${message.length}: ${message}`);
    });
  }

  for (const [title, text, expected] of OTHER_SYNTAX) {
    it(`${expected[0][0].replace('ldapfilter.', '')}: ${title}`, () => {
      const ds = diagnose(text);
      assert.deepStrictEqual(all(ds), expected);
      assert.deepStrictEqual(details(text), DETAILS.get(title));
      for (const d of ds) {
        assert.deepStrictEqual(internalReferences(d.message), []);
        assert.ok(d.message.length <= MESSAGE_P95_MAX, `${d.message.length}: ${d.message}`);
      }
    });
  }

  it('accepts attribute names as OIDs and with options (RFC 4512 descriptions), and names with digits and hyphens after the first letter', () => {
    assert.deepStrictEqual(all(diagnose(good('(2.5.4.3=x)'))), []);
    assert.deepStrictEqual(all(diagnose(good('(cn;binary=x)'))), []);
    // Syntactically names; only the attribute catalog does not know them.
    assert.deepStrictEqual(all(diagnose(good('(CN-1=x)', '(c-=x)'))), [['ldapfilter.unknown-attribute', 'warning', 0, 43, 0, 47], ['ldapfilter.unknown-attribute', 'warning', 0, 51, 0, 53]]);
  });

  it('extensible matches: the characters a rule may hold, OID shapes, :dn in any case, and a rule cut short', () => {
    const NOT_OID = (rule: string): string => `"${rule}" is not a matching rule OID: write the dotted number, such as 1.2.840.113556.1.4.803 (bitwise AND).${REJECTS}`;
    const NO_ASSIGN = `An extensible match is written attribute:rule:=value, such as (userAccountControl:1.2.840.113556.1.4.803:=2); here ":=" is missing. Write ":=" before the value.${REJECTS}`;
    const UNSUPPORTED = 'ldapfilter.unsupported-matching-rule';
    const cases: [string, Finding[], string | undefined][] = [
      // Letters at both ends of both ranges and "-" are read as part of the rule, so the rule is named.
      ['(cn:az:=x)', [['ldapfilter.invalid-item', E, 0, 46, 0, 48]], NOT_OID('az')],
      ['(cn:AZ:=x)', [['ldapfilter.invalid-item', E, 0, 46, 0, 48]], NOT_OID('AZ')],
      ['(cn:a-b:=x)', [['ldapfilter.invalid-item', E, 0, 46, 0, 49]], NOT_OID('a-b')],
      ['(cn:1..2:=x)', [['ldapfilter.invalid-item', E, 0, 46, 0, 50]], NOT_OID('1..2')],
      ['(cn:.1:=x)', [['ldapfilter.invalid-item', E, 0, 46, 0, 48]], NOT_OID('.1')],
      ['(cn:1.:=x)', [['ldapfilter.invalid-item', E, 0, 46, 0, 48]], NOT_OID('1.')],
      // Any other character ends the rule before ":=": the finding covers the rule read so far.
      ['(cn:a_b:=x)', [['ldapfilter.invalid-item', E, 0, 45, 0, 47]], NO_ASSIGN],
      ['(cn:1.2=x)', [['ldapfilter.invalid-item', E, 0, 45, 0, 49]], NO_ASSIGN],
      ['(cn:1.2_=x)', [['ldapfilter.invalid-item', E, 0, 45, 0, 49]], NO_ASSIGN],
      // Well-formed OIDs that Active Directory does not support, with and without :dn.
      ['(cn:12:=x)', [[UNSUPPORTED, E, 0, 46, 0, 48]], undefined],
      ['(cn:dn:1.2.3:=x)', [[UNSUPPORTED, E, 0, 49, 0, 54]], undefined],
      ['(cn:DN:=x)', [], undefined],
      // A blank before the ":" is reported as such, and the rule after it is still read.
      ['(cn :1.2.3:=x)', [['ldapfilter.invalid-item', E, 0, 43, 0, 46], [UNSUPPORTED, E, 0, 47, 0, 52]], `A blank between the attribute "cn" and the operator; RFC 2254 allows none. Remove the blank.${REJECTS}`],
    ];
    for (const [filter, expected, message] of cases) {
      const ds = diagnose(good(filter));
      assert.deepStrictEqual(all(ds), expected, filter);
      assert.strictEqual(ds.find((d) => d.code === 'ldapfilter.invalid-item')?.message, message, filter);
    }
  });

  it('escapes in values: the invalid one is reported up to two characters, up to a parenthesis or a blank, or to the end of the file', () => {
    const X = 'ldapfilter.invalid-escape';
    const cases: [string, Finding[]][] = [
      [good('(cn=\\zz)'), [[X, E, 0, 46, 0, 49]]],
      [good('(cn=\\z)'), [[X, E, 0, 46, 0, 48]]],
      [good('(cn=\\)'), [[X, E, 0, 46, 0, 47]]],
      [good('(cn=a \\x)'), [[X, E, 0, 48, 0, 50]]],
      [good('(cn=\\4 b)'), [[X, E, 0, 46, 0, 48]]],
      [good('(cn=\\4(b))'), [[X, E, 0, 46, 0, 48], [C, E, 0, 48, 0, 51]]],
      [good('(cn=\\2a\\2A\\fF)'), []],
      ['(cn=a\\', [[U, E, 0, 0, 0, 1], [X, E, 0, 5, 0, 6]]],
      ['(cn=a\\d', [[U, E, 0, 0, 0, 1], [X, E, 0, 5, 0, 7]]],
      ['(cn=a\\de', [[U, E, 0, 0, 0, 1]]],
    ];
    for (const [text, expected] of cases) assert.deepStrictEqual(all(diagnose(text)), expected, JSON.stringify(text));
  });

  it('line breaks and NULs in values: a bare CR is a line break, the NUL finding is on the first NUL, a break after the value at the end of the file is none', () => {
    const cases: [string, Finding[]][] = [
      [good('(cn=a\rb)'), [[C, E, 0, 46, 1, 1]]],
      [good('(cn=a\r\nb)'), [[C, E, 0, 46, 1, 1]]],
      [good('(cn=a\nb\nc)'), [[C, E, 0, 46, 2, 1]]],
      [good('(cn=a\u0000b\u0000c)'), [[C, E, 0, 47, 0, 48]]],
      ['(cn=a\nb\n', [[U, E, 0, 0, 0, 1], [C, E, 0, 4, 1, 1]]],
      ['(cn=a\n\n', [[U, E, 0, 0, 0, 1]]],
    ];
    for (const [text, expected] of cases) assert.deepStrictEqual(all(diagnose(text)), expected, JSON.stringify(text));
  });

  it('text quoted in a message: runs of blanks become one, 60 characters whole, longer cut to 59 and "…"', () => {
    const quoted = (text: string): string => /: "([^"]*)"\./.exec(diagnose(`${text} (mailNickname=*)`)[0].message)![1];
    assert.strictEqual(quoted('ab \t  cd'), 'ab cd');
    assert.strictEqual(quoted('x'.repeat(60)), 'x'.repeat(60));
    assert.strictEqual(quoted('x'.repeat(61)), `${'x'.repeat(59)}…`);
  });

  it('parentheses left open or extra at the end of the file, blanks around a bare filter: every finding with its fixes and related lines', () => {
    type Shape = [string, number, number, number, number, [string, [number, number, string][]][], [number, string][]];
    const cases: [string, Shape[]][] = [
      ['((cn=x)', [['invalid-item', 0, 0, 0, 1, [], []], ['unbalanced-parentheses', 0, 0, 0, 1, [['Close with ")" at the end', [[7, 7, ')']]]], []]]],
      ['((cn=x)  ', [['invalid-item', 0, 0, 0, 1, [], []], ['unbalanced-parentheses', 0, 0, 0, 1, [['Close with ")" at the end', [[7, 7, ')']]]], []]]],
      ['(&(cn=x)  ', [['unbalanced-parentheses', 0, 0, 0, 2, [['Close with ")" at the end', [[8, 8, ')']]]], []]]],
      ['(&(cn=x)(|(sn=y)  ', [['unbalanced-parentheses', 0, 8, 0, 10, [['Close with 2 ")" at the end', [[16, 16, '))']]]], [[0, 'Also not closed']]]]],
      ['(&(|(!(cn=x)', [['unbalanced-parentheses', 0, 4, 0, 6, [['Close with 3 ")" at the end', [[12, 12, ')))']]]], [[0, 'Also not closed'], [2, 'Also not closed']]]]],
      ['(cn=x) )) ', [['unbalanced-parentheses', 0, 7, 0, 9, [['Remove the 2 extra ")"', [[6, 9, '']]]], []]]],
      ['(cn=x)  )', [['unbalanced-parentheses', 0, 8, 0, 9, [['Remove the extra ")"', [[6, 9, '']]]], []]]],
      ['department=Sales  ', [['unparenthesized-item', 0, 0, 0, 16, [['Enclose the filter in parentheses', [[0, 0, '('], [16, 16, ')']]]], []], ['unindexed-attribute', 0, 0, 0, 10, [], []]]],
      ['department=Sales)', [['unparenthesized-item', 0, 0, 0, 16, [['Enclose the filter in parentheses', [[0, 0, '('], [16, 16, ')']]]], []], ['unindexed-attribute', 0, 0, 0, 10, [], []], ['unbalanced-parentheses', 0, 16, 0, 17, [['Remove the extra ")"', [[16, 17, '']]]], []]]],
      ['  department=Sales', [['unparenthesized-item', 0, 2, 0, 18, [['Enclose the filter in parentheses', [[2, 2, '('], [18, 18, ')']]]], []], ['unindexed-attribute', 0, 2, 0, 12, [], []]]],
      ['(cn=x  ', [['unbalanced-parentheses', 0, 0, 0, 1, [['Close with ")" at the end', [[5, 5, ')']]]], []]]],
      ['(&(cn=x)(sn=y)\n#c\n', [['unbalanced-parentheses', 0, 0, 0, 2, [['Close with ")" at the end', [[14, 14, ')']]]], []]]],
    ];
    for (const [text, expected] of cases) {
      const doc = ldapfilterLanguage.parse(text);
      const got = ldapfilterLanguage.validate(doc).map((d): Shape => [
        d.code.replace('ldapfilter.', ''),
        ...(rangeOf(d) as [number, number, number, number]),
        ldapfilterLanguage.fixes!(doc, d).map((f): [string, [number, number, string][]] => [f.title, f.edits.map((e): [number, number, string] => [e.range.start.character, e.range.end.character, e.newText])]),
        (d.related ?? []).map((r): [number, string] => [r.range.start.character, r.message]),
      ]);
      assert.deepStrictEqual(got, expected, JSON.stringify(text));
    }
  });

  it('text before any "(": a bare condition when an operator comes before any ")" within 4096 characters, stray text otherwise', () => {
    const cases: [string, Finding[]][] = [
      ['x (department=Sales)', [[T, E, 0, 0, 0, 1], ['ldapfilter.unindexed-attribute', 'information', 0, 3, 0, 13]]],
      ['a)b=c', [[T, E, 0, 0, 0, 5]]],
      [`${'x'.repeat(5000)}=1`, [[T, E, 0, 0, 0, 5002]]],
      [`${'x'.repeat(4000)}=1`, [['ldapfilter.unparenthesized-item', E, 0, 0, 0, 4002], ['ldapfilter.unknown-attribute', 'warning', 0, 0, 0, 4000]]],
      ['=x', [['ldapfilter.invalid-item', E, 0, 0, 0, 1], ['ldapfilter.unparenthesized-item', E, 0, 0, 0, 2]]],
      ['  =x  ', [['ldapfilter.invalid-item', E, 0, 2, 0, 3], ['ldapfilter.unparenthesized-item', E, 0, 2, 0, 4]]],
    ];
    for (const [text, expected] of cases) assert.deepStrictEqual(all(diagnose(text)), expected, JSON.stringify(text.slice(0, 20)));
  });

  it('operators without conditions, and a parenthesis that opens nothing around "()": no operator finding for the latter', () => {
    const O = 'ldapfilter.empty-operator';
    const cases: [string, Finding[]][] = [
      ['(&)', [[O, E, 0, 0, 0, 3]]],
      ['(|  )', [[O, E, 0, 0, 0, 5]]],
      ['(!)', [[O, E, 0, 0, 0, 3]]],
      ['(())', [['ldapfilter.invalid-item', E, 0, 0, 0, 1], ['ldapfilter.empty-filter', E, 0, 1, 0, 3]]],
      [good('(())'), [['ldapfilter.invalid-item', E, 0, 42, 0, 43], ['ldapfilter.empty-filter', E, 0, 43, 0, 45]]],
    ];
    for (const [text, expected] of cases) assert.deepStrictEqual(all(diagnose(text)), expected, text);
    const messages = ['(&)', '(|  )', '(!)'].map((f) => diagnose(f)[0].message.slice(0, 32));
    assert.deepStrictEqual(messages, ['"&" has no condition: (&) tests ', '"|" has no condition: (|) tests ', '"!" has no condition: (!) tests ']);
  });

  it('a "(" after a bare condition in an operator begins the next condition, whatever follows it', () => {
    assert.deepStrictEqual(all(diagnose(`${good('').slice(0, -1)}cn=x(b))`)), [['ldapfilter.unparenthesized-item', E, 0, 42, 0, 46], ['ldapfilter.invalid-item', E, 0, 47, 0, 48]]);
  });

  it('a "*" in a condition whose operator is invalid gets no wildcard finding: the operator is the finding', () => {
    assert.deepStrictEqual(all(diagnose(good('(cn<a*)'))), [['ldapfilter.invalid-item', E, 0, 45, 0, 46]]);
    assert.deepStrictEqual(all(diagnose(good('(cn~a*)'))), [['ldapfilter.invalid-item', E, 0, 45, 0, 46]]);
  });

  it('accepts an extensible match with an attribute and no matching rule, with or without :dn (RFC 2254/4515)', () => {
    assert.deepStrictEqual(all(diagnose(good('(cn:=x)'))), []);
    assert.deepStrictEqual(all(diagnose(good('(cn:dn:=x)'))), []);
  });

  it('a bare filter gets one syntax finding whose fix wraps it in parentheses, never one that removes it', () => {
    for (const text of ['department=Sales', 'department=Sales\n', '  department=Sales  \n# note\n']) {
      const fixes = fixesFor(text, 'ldapfilter.unparenthesized-item');
      assert.deepStrictEqual(fixes.map((f) => f.title), ['Enclose the filter in parentheses'], text);
      assert.strictEqual(applyEdits(text, fixes[0].edits).replace(/\s+$/, '').replace(/\n# note$/, '').trim(), '(department=Sales)', text);
    }
    // A condition before a filter is reported without a fix: removing it would drop the condition.
    assert.deepStrictEqual(fixesFor('department=Sales(mailNickname=*)', T), []);
    assert.deepStrictEqual(fixesFor('x (mailNickname=*)', T).map((f) => applyEdits('x (mailNickname=*)', f.edits)), ['(mailNickname=*)']);
  });

  it('closes every "(" left open at the end of the file, a condition\'s included', () => {
    const text = `${good('').slice(0, -1)}(cn=x\n`;
    const fixed = applyEdits(text, fixesFor(text, U)[0].edits);
    assert.strictEqual(fixed, `${good('(cn=x)')}\n`);
    assert.deepStrictEqual(all(diagnose(fixed)), []);
    assert.strictEqual(applyEdits('(department=Sales\n', fixesFor('(department=Sales\n', U)[0].edits), '(department=Sales)\n');
  });

  it('multi-line filters with # comment lines: the same findings at their lines', () => {
    assert.deepStrictEqual(all(diagnose('# c\n(&(mailNickname=*)\n  # why\n  (!(cn=SystemMailbox{*}))\n  (department =Sales))\n')), [['ldapfilter.invalid-item', E, 4, 3, 4, 14]]);
    assert.deepStrictEqual(all(diagnose('# c\n(&(mailNickname=*)(!(cn=SystemMailbox{*}))\n(cn=a\n# c\nb))')), [[C, E, 2, 4, 4, 1]]);
    assert.deepStrictEqual(all(diagnose('# c\ndepartment=Sales\n')), [['ldapfilter.unparenthesized-item', E, 1, 0, 1, 16], ['ldapfilter.unindexed-attribute', 'information', 1, 0, 1, 10]]);
    assert.deepStrictEqual(all(diagnose('# c\n(&(mailNickname=*)(!(cn=SystemMailbox{*}))\n  (cn:=x))\n')), []);
    assert.deepStrictEqual(all(diagnose('# c\n(&(mailNickname=*)(!(cn=SystemMailbox{*}))\n  (cn=x\n# end\n')), [[U, E, 2, 2, 2, 3]]);
  });

  it('the filter of an LDIF msExchDynamicDLFilter value: the same findings, on the value', () => {
    const plain = (f: string): string => `msExchDynamicDLFilter: ${f}`;
    assert.deepStrictEqual(all(ldif(plain(good('(department =Sales)')))), [['ldapfilter.invalid-item', E, 1, 66, 1, 77]]);
    assert.deepStrictEqual(all(ldif(plain(good('(cn)')))), [['ldapfilter.invalid-item', E, 1, 66, 1, 68]]);
    assert.deepStrictEqual(all(ldif(plain(good('(cn:=x)')))), []);
    assert.deepStrictEqual(all(ldif(plain('department=Sales'))), [['ldapfilter.unparenthesized-item', E, 1, 23, 1, 39], ['ldapfilter.unindexed-attribute', 'information', 1, 23, 1, 33]]);
    assert.deepStrictEqual(all(ldif(plain(`${good('').slice(0, -1)}(cn=x`))), [[U, E, 1, 65, 1, 66]]);
    // base64: every finding covers the whole value (24 = after "msExchDynamicDLFilter:: ").
    const b = (f: string): Finding[] => all(ldif(base64(f)));
    const end = (f: string): number => 24 + Buffer.from(f, 'utf8').toString('base64').length;
    for (const [f, code] of [[good('(department =Sales)'), 'ldapfilter.invalid-item'], [good('(cn=a\u0000b)'), C], [good('(cn=a\nb)'), C], [good('(cn=a\r\nb)'), C]]) {
      assert.deepStrictEqual(b(f), [[code, E, 1, 24, 1, end(f)]], JSON.stringify(f));
    }
    assert.deepStrictEqual(b(good('(cn:=x)')), []);
    assert.deepStrictEqual(b(good('(cn=x)\n')), []);
    assert.deepStrictEqual(b('department=Sales'), [['ldapfilter.unparenthesized-item', E, 1, 24, 1, end('department=Sales')], ['ldapfilter.unindexed-attribute', 'information', 1, 24, 1, end('department=Sales')]]);
  });
});
