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

  // The parser reads plain attribute names (a letter, then letters, digits and "-") on a fast path; these are the
  // names that leave it, each with what the full check makes of it.
  it('reads attribute names with options, OIDs and invalid first characters exactly', () => {
    const doc = LdapFilterDocument.parse('(&(userCertificate;binary=x)(1.2.840.113556.1.4.221=y)(9a=x)(-a=x)(a-1=x)(cn\u00a0=x))');
    assert.deepStrictEqual(
      doc.items.map((i) => [i.attr, i.attrStart, i.attrEnd, i.op, i.value]),
      [
        ['userCertificate', 3, 25, '=', 'x'],
        ['1.2.840.113556.1.4.221', 29, 51, '=', 'y'],
        ['9a', 55, 57, '=', 'x'],
        ['-a', 61, 63, '=', 'x'],
        ['a-1', 67, 70, '=', 'x'],
        ['cn', 74, 76, '=', 'x'],
      ],
    );
    assert.deepStrictEqual(
      doc.problems.map((p) => [p.code, p.start, p.end, p.message.slice(0, 40)]),
      [
        ['ldapfilter.invalid-item', 55, 57, '"9a" is not an attribute name: names sta'],
        ['ldapfilter.invalid-item', 61, 63, '"-a" is not an attribute name: names sta'],
        ['ldapfilter.invalid-item', 74, 77, 'A blank between the attribute "cn" and t'],
      ],
    );
  });

  it('masks comment lines only: a # inside a value or after a filter on its line is text', () => {
    const doc = LdapFilterDocument.parse('(cn=#1)\n  # note\n');
    assert.strictEqual(doc.masked, '(cn=#1)\n        \n');
    assert.deepStrictEqual(doc.commentLines, [false, true, false]);
    assert.strictEqual(doc.items[0].value, '#1');
    const plain = LdapFilterDocument.parse('(cn=x)');
    assert.strictEqual(plain.masked, '(cn=x)');
    assert.deepStrictEqual([plain.lines, plain.eols, plain.lineStarts, plain.commentLines], [['(cn=x)'], [''], [0], [false]]);
  });

  it('accepts blanks between components, as Exchange tools write them', () => {
    const text = '(&(&(& (mailnickname=*) (!(cn=SystemMailbox{*})) (| (&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*))) ))))';
    assert.strictEqual(fmt(diagnose(text)), '(none)');
  });

  it('skips space, tab, line breaks, vertical tab and form feed around the filter; other control characters are text', () => {
    assert.strictEqual(fmt(diagnose(`\u000b\u000c\t ${good('')}\u000b\u000c\t \r\n`)), '(none)');
    // Control characters below the tab and above the carriage return are no blanks: text before or after the filter.
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000e', '\u001f']) {
      assert.strictEqual(fmt(diagnose(`${good('')}${c}`)), 'ldapfilter.unexpected-text@0:43-0:44', JSON.stringify(c));
      assert.strictEqual(fmt(diagnose(`${c}${good('')}`)), 'ldapfilter.unexpected-text@0:0-0:1', JSON.stringify(c));
    }
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

describe('ldapfilter: document offsets and input that is no text', () => {
  it('positions and offsets outside the text are clamped to it', () => {
    const doc = LdapFilterDocument.parse('(cn=x)\n(sn');
    assert.strictEqual(doc.offsetAt({ line: 9, character: 0 }), 7);
    assert.strictEqual(doc.offsetAt({ line: 0, character: 99 }), 6);
    assert.strictEqual(doc.offsetAt({ line: -1, character: -5 }), 0);
    assert.deepStrictEqual(doc.positionAt(99), { line: 1, character: 3 });
    assert.deepStrictEqual(doc.positionAt(7), { line: 1, character: 0 });
    assert.deepStrictEqual(doc.positionAt(-3), { line: 0, character: 0 });
  });

  it('a value that is not a string (a client sending null) reads as an empty file', () => {
    const doc = LdapFilterDocument.parse(undefined as unknown as string);
    assert.deepStrictEqual(doc.problems.map((p) => [p.code, p.start, p.end]), [['ldapfilter.empty-filter', 0, 0]]);
  });
});

