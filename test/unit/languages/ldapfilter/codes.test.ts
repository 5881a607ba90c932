/** Every ldapfilter code fires on an example (with its range) and stays silent on a near miss; README and messages. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allCodes } from '../../../../server/src/core/codes';
import { AnalyzeOptions } from '../../../../server/src/core/language';
import { context, diagnose, fmt, good, rangeOf } from '../../../helpers/ldapfilter';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');

interface Case {
  fires: string;
  range: number[];
  silent: string;
  options?: AnalyzeOptions;
  silentOptions?: AnalyzeOptions;
}

const CASES: Record<string, Case> = {
  'ldapfilter.file-too-large': { fires: `(cn=${'a'.repeat(4 * 1024 * 1024)})`, range: [0, 0, 0, 1], silent: `(&(mailNickname=*)(cn=${'a'.repeat(1024 * 1024)}))` },
  'ldapfilter.empty-filter': { fires: '# nothing yet\n\n', range: [0, 0, 0, 13], silent: '# a filter\n(mailNickname=*)' },
  'ldapfilter.unbalanced-parentheses': { fires: '(&(mailNickname=*)\n  (department=Sales)', range: [0, 0, 0, 2], silent: '(&(mailNickname=*)\n  (department=Sales))' },
  'ldapfilter.unexpected-text': { fires: '(department=Sales)(company=Contoso)', range: [0, 18, 0, 35], silent: '(&(department=Sales)(company=Contoso))' },
  'ldapfilter.empty-operator': { fires: '(&(mailNickname=*)(|))', range: [0, 18, 0, 21], silent: '(&(mailNickname=*)(|(a=1)))' },
  'ldapfilter.not-several-operands': { fires: '(!(department=Sales)(company=Contoso))', range: [0, 20, 0, 37], silent: '(!(|(department=Sales)(company=Contoso)))' },
  'ldapfilter.invalid-item': { fires: good('(extensionAttribute1>5)'), range: [0, 62, 0, 63], silent: good('(extensionAttribute1>=5)') },
  'ldapfilter.unparenthesized-item': { fires: '(&mailNickname=*(department=Sales))', range: [0, 2, 0, 16], silent: '(&(mailNickname=*)(department=Sales))' },
  'ldapfilter.aduc-short-not': { fires: '(&(mailNickname=*)(!cn=SystemMailbox{*}))', range: [0, 20, 0, 39], silent: '(&(mailNickname=*)(!(cn=SystemMailbox{*})))' },
  'ldapfilter.invalid-escape': { fires: good('(displayName=Sales\\Paris)'), range: [0, 60, 0, 63], silent: good('(displayName=Sales\\5cParis)') },
  'ldapfilter.unescaped-character': { fires: good('(displayName=Sales (Paris))'), range: [0, 61, 0, 68], silent: good('(displayName=Sales \\28Paris\\29)') },
  'ldapfilter.unsupported-matching-rule': { fires: good('(member:1.2.840.113556.1.4.1941:=CN=Sales,DC=contoso,DC=com)'), range: [0, 50, 0, 73], silent: good('(userAccountControl:1.2.840.113556.1.4.803:=2)') },
  'ldapfilter.bitwise-value-not-decimal': { fires: good('(userAccountControl:1.2.840.113556.1.4.803:=0x2)'), range: [0, 86, 0, 89], silent: good('(userAccountControl:1.2.840.113556.1.4.804:=514)') },
  'ldapfilter.unknown-attribute': { fires: good('(departmnt=Sales)'), range: [0, 43, 0, 52], silent: good('(department=Sales)') },
  'ldapfilter.attribute-not-in-gc': { fires: good('(employeeType=Full Time)'), range: [0, 43, 0, 55], silent: good('(employeeType=Full Time)'), silentOptions: context({ extraGcAttributes: ['EmployeeType'] }) },
  'ldapfilter.unindexed-attribute': { fires: '(&(homeMDB=*)(!(cn=SystemMailbox{*})))', range: [0, 3, 0, 10], silent: '(&(homeMDB=*)(mailNickname=*)(!(cn=SystemMailbox{*})))' },
  'ldapfilter.wildcard-not-allowed': { fires: good('(manager=CN=Smith*)'), range: [0, 51, 0, 60], silent: good('(displayName=Smith*)') },
  'ldapfilter.top-level-or': { fires: '(|(&(mailNickname=*)(department=Sales))(&(mailNickname=*)(department=Marketing)))', range: [0, 0, 0, 2], silent: '(&(mailNickname=*)(|(department=Sales)(department=Marketing)))' },
  'ldapfilter.missing-mailnickname': { fires: '(&(objectCategory=person)(!(cn=SystemMailbox{*})))', range: [0, 0, 0, 2], silent: '(&(objectCategory=person)(mailnickname=*)(!(cn=SystemMailbox{*})))' },
  'ldapfilter.missing-systemmailbox-exclusion': { fires: '(&(mailNickname=*)(department=Sales))', range: [0, 0, 0, 2], silent: '(&(mailNickname=*)(objectCategory=group))' },
};

describe('ldapfilter: every code', () => {
  // The preview codes need a directory export beside the filter: test/unit/preview/evaluate.test.ts has their cases.
  const codes = [...allCodes().keys()].filter((c) => c.startsWith('ldapfilter.') && !c.startsWith('ldapfilter.preview-'));

  it('has a case here (and the cases name only registered codes)', () => {
    assert.deepStrictEqual([...codes].sort(), Object.keys(CASES).sort());
  });

  for (const [code, c] of Object.entries(CASES)) {
    it(`${code}: fires with its range and a message that explains and advises; silent on the near miss`, () => {
      const ds = diagnose(c.fires, c.options);
      const found = ds.filter((d) => d.code === code);
      assert.strictEqual(found.length, 1, `got ${fmt(ds)}`);
      const d = found[0];
      assert.deepStrictEqual(rangeOf(d), c.range, fmt(found));
      assert.strictEqual(d.severity, allCodes().get(code)!.severity);
      assert.ok(d.message.length > 80, d.message);
      assert.match(d.message, /\b(Add|Remove|Write|Use|Put|Wrap|Escape|Close|Combine|Correct|Check|Keep|Split|did you mean)\b/, d.message);
      const quiet = diagnose(c.silent, c.silentOptions);
      assert.ok(!quiet.some((x) => x.code === code), `silent case: ${fmt(quiet)}`);
    });
  }

  it('each code has its documentation page, with its severity and an example that fires', () => {
    for (const code of codes) {
      const sev = allCodes().get(code)!.severity;
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'codes', `${code}.md`), 'utf8');
      assert.ok(page.includes(`\n**${sev[0].toUpperCase()}${sev.slice(1)}** · `), code);
      assert.match(page, /\n## Example that fires\n\n`sales\.ldapfilter`:\n/, code);
    }
  });

  it('the standard Exchange 2003 clauses and the default GAL filter raise no syntax or attribute problem', () => {
    const gal =
      '(& (mailnickname=*) (| (&(objectCategory=person)(objectClass=user)(!(homeMDB=*))(!(msExchHomeServerName=*)))(&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))(&(objectCategory=person)(objectClass=contact))(objectCategory=group)(objectCategory=publicFolder)(objectCategory=msExchDynamicDistributionList) ))';
    assert.deepStrictEqual(diagnose(gal).map((d) => d.code), ['ldapfilter.missing-systemmailbox-exclusion']);
    const esm = '(&(!(cn=SystemMailbox{*}))(&(&(& (mailnickname=*) (| (&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*))) )))))';
    assert.deepStrictEqual(fmt(diagnose(esm)), '(none)');
  });

  it('never reports the seed examples (department, office) as unusable: they are in the global catalog', () => {
    for (const f of [good('(department=Sales)'), good('(physicalDeliveryOfficeName=Paris)')]) {
      const ds = diagnose(f);
      assert.ok(!ds.some((d) => d.code === 'ldapfilter.attribute-not-in-gc' || d.code === 'ldapfilter.unknown-attribute'), fmt(ds));
    }
  });

  it('the bundled example reports the short NOT and employeeType outside the GC (department is ANDed with the indexed mailNickname)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'qbdg', 'marketing-fulltime.ldapfilter'), 'utf8');
    assert.deepStrictEqual(
      diagnose(text).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
      ['ldapfilter.aduc-short-not@2:4', 'ldapfilter.attribute-not-in-gc@6:3'],
    );
  });

  it('severity overrides and the cap apply', () => {
    const text = good('(departmnt=a)(employeeType=b)(title=c)');
    const ds = diagnose(text, { severityOverrides: { 'ldapfilter.unknown-attribute': 'off', 'ldapfilter.unindexed-attribute': 'error' }, maxDiagnostics: 1 });
    assert.deepStrictEqual(ds.map((d) => [d.code, d.severity]), [['ldapfilter.attribute-not-in-gc', 'warning']]);
  });
});
