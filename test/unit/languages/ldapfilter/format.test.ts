import * as assert from 'assert';
import fc from 'fast-check';
import { formatFilter, joinFilter } from '../../../../server/src/languages/ldapfilter/format';
import { LdapFilterDocument } from '../../../../server/src/languages/ldapfilter/parse';

const SAMPLE = [
  '# All full-time Marketing staff with a mailbox',
  '(&',
  '  (!cn=SystemMailbox{*})',
  '  (mailNickname=*)',
  '  (&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))',
  '  (department=Marketing)',
  '  (employeeType=Full Time)',
  ')',
  '',
].join('\r\n');

const join = (text: string): string | undefined => joinFilter(LdapFilterDocument.parse(text));
const format = (text: string): string | undefined => formatFilter(LdapFilterDocument.parse(text));

describe('ldapfilter: format as a tree, join onto one line', () => {
  it('joins the sample for ADSI Edit, conditions exactly as written', () => {
    assert.strictEqual(
      join(SAMPLE),
      '(&(!cn=SystemMailbox{*})(mailNickname=*)(&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))(department=Marketing)(employeeType=Full Time))',
    );
  });

  it('formats the sample as an indented tree, keeping the comment and the line breaks', () => {
    assert.strictEqual(
      format(SAMPLE),
      [
        '# All full-time Marketing staff with a mailbox',
        '(&',
        '  (!cn=SystemMailbox{*})',
        '  (mailNickname=*)',
        '  (&',
        '    (objectCategory=person)',
        '    (objectClass=user)',
        '    (|',
        '      (homeMDB=*)',
        '      (msExchHomeServerName=*)',
        '    )',
        '  )',
        '  (department=Marketing)',
        '  (employeeType=Full Time)',
        ')',
        '',
      ].join('\r\n'),
    );
  });

  it('refuses a filter with syntax errors', () => {
    assert.strictEqual(join('(&(a=1)(b=2)'), undefined);
    assert.strictEqual(format('(a=1'), undefined);
  });

  it('handles 10,000 nested NOTs without exhausting the stack', () => {
    const deep = `${'(!'.repeat(10_000)}(a=1)${')'.repeat(10_000)}`;
    assert.strictEqual(join(deep), deep);
    assert.strictEqual(format(deep)?.split('\n').length, 20_000, 'the innermost negation of one condition stays on one line');
  });

  it('round-trips: formatting and joining keep the same filter', () => {
    const attr = fc.constantFrom('cn', 'mailNickname', 'department', 'company', 'homeMDB', 'userAccountControl:1.2.840.113556.1.4.803:');
    const value = fc.constantFrom('*', 'Marketing', 'Sales*', '*a*b*', '512', 'x\\2a');
    const item = fc.tuple(attr, value).map(([a, v]) => (a.endsWith(':') ? `(${a}=2)` : `(${a}=${v})`));
    const tree = fc.letrec<{ f: string }>((tie) => ({
      f: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        item,
        fc.array(tie('f'), { minLength: 1, maxLength: 4 }).map((xs) => `(&${xs.join('')})`),
        fc.array(tie('f'), { minLength: 1, maxLength: 4 }).map((xs) => `(|${xs.join('')})`),
        tie('f').map((x) => `(!${x})`),
      ),
    })).f;
    fc.assert(
      fc.property(tree, (filter) => {
        assert.strictEqual(join(filter), filter);
        const formatted = format(filter);
        assert.ok(formatted !== undefined);
        assert.strictEqual(join(formatted), filter);
      }),
      { numRuns: 300 },
    );
  });
});
