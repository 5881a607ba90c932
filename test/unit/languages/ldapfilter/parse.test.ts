/** The parser: positions across lines, comments, every item type, and pathological inputs in linear time. */
import * as assert from 'assert';
import { ldapfilterLanguage, LdapFilterDocument } from '../../../../server/src/languages/ldapfilter';
import { diagnose, fmt, good, one, rangeOf } from '../../../helpers/ldapfilter';

describe('ldapfilter: parser', () => {
  it('reads a multi-line, indented filter with comment lines, with exact positions (CRLF)', () => {
    const text = '# header\r\n(&\r\n  # why\r\n  (mailNickname=*)\r\n\t(!(cn=SystemMailbox{*}))\r\n  (departmnt=Sales)\r\n)\r\n';
    const d = one(text, 'ldapfilter.unknown-attribute');
    assert.deepStrictEqual(rangeOf(d), [5, 3, 5, 12]);
    const doc = LdapFilterDocument.parse(text);
    assert.strictEqual(doc.root?.kind, 'and');
    assert.strictEqual(doc.items.length, 3);
  });

  it('counts UTF-16 code units in positions', () => {
    const d = one(good('(displayName=😀 x\\q)'), 'ldapfilter.invalid-escape');
    assert.deepStrictEqual(rangeOf(d), [0, 59, 0, 61]);
  });

  it('classifies presence, equality, substrings, approximate, ordering and extensible matches', () => {
    const doc = LdapFilterDocument.parse('(&(a=*)(b=x)(c=x*y)(d~=x)(e>=1)(f<=2)(g:1.2.840.113556.1.4.803:=2)(h:dn:1.2.3:=x))');
    assert.deepStrictEqual(doc.items.map((i) => i.type), ['present', 'equality', 'substring', 'approx', 'ge', 'le', 'extensible', 'extensible']);
    assert.deepStrictEqual(doc.items.slice(6).map((i) => i.rule), ['1.2.840.113556.1.4.803', '1.2.3']);
  });

  it('accepts blanks between components, as Exchange tools write them', () => {
    const text = '(&(&(& (mailnickname=*) (!(cn=SystemMailbox{*})) (| (&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*))) ))))';
    assert.strictEqual(fmt(diagnose(text)), '(none)');
  });

  it('reports a condition missing its ")" before the next "(" at that condition', () => {
    const d = one('(&(mailNickname=*(department=Sales))', 'ldapfilter.unbalanced-parentheses');
    assert.deepStrictEqual(rangeOf(d), [0, 2, 0, 17]);
  });

  // How the time grows with such inputs is measured by npm run bench:scaling, not asserted here.
  it('handles 10,000 nested parentheses and 1 MB of *, without overflowing the stack', () => {
    const inputs = [
      '('.repeat(10000),
      ')'.repeat(10000),
      '(&'.repeat(10000) + '(cn=x)' + ')'.repeat(10000),
      '(!'.repeat(10000) + '(cn=x)' + ')'.repeat(10000),
      '(|'.repeat(10000),
      '(cn=' + '*'.repeat(1 << 20) + ')',
      '(cn>=' + '*'.repeat(1 << 20) + ')',
      '*'.repeat(1 << 20),
      '(cn=' + '('.repeat(100000) + ')'.repeat(100000),
      '(cn=' + '\\'.repeat(100000) + ')',
    ];
    for (const text of inputs) {
      const doc = ldapfilterLanguage.parse(text);
      const ds = ldapfilterLanguage.validate(doc);
      ldapfilterLanguage.symbols(doc);
      ldapfilterLanguage.folding(doc);
      ldapfilterLanguage.hover(doc, { line: 0, character: 5 });
      for (const d of ds.slice(0, 5)) ldapfilterLanguage.fixes!(doc, d);
      JSON.stringify(ldapfilterLanguage.symbols(doc));
      assert.ok(ds.length > 0, text.slice(0, 20));
    }
  });
});
