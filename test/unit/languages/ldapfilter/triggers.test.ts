/**
 * Every branch of the parser that reports a syntax code, each with the complete list of findings it gives (code,
 * severity, range) and, for invalid-item, the exact message; the same cases through the alternate paths where the
 * code path differs: multi-line filters with # comment lines, and the filter of an LDIF msExchDynamicDLFilter value
 * (plain and base64).
 */
import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
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
  ['(!cn=x)', good('(!cn=x)'), [['ldapfilter.aduc-short-not', 'warning', 0, 44, 0, 48]]],
];

describe('ldapfilter: every trigger of the syntax codes, with all findings', () => {
  for (const [title, text, expected, message] of INVALID_ITEM) {
    it(`invalid-item: ${title}`, () => {
      const ds = diagnose(text);
      assert.deepStrictEqual(all(ds), expected);
      assert.strictEqual(ds[0].message, message);
      assert.deepStrictEqual(internalReferences(message), []);
      assert.ok(message.length <= MESSAGE_P95_MAX, `${message.length}: ${message}`);
    });
  }

  for (const [title, text, expected] of OTHER_SYNTAX) {
    it(`${expected[0][0].replace('ldapfilter.', '')}: ${title}`, () => {
      const ds = diagnose(text);
      assert.deepStrictEqual(all(ds), expected);
      for (const d of ds) {
        assert.deepStrictEqual(internalReferences(d.message), []);
        assert.ok(d.message.length <= MESSAGE_P95_MAX, `${d.message.length}: ${d.message}`);
      }
    });
  }

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
