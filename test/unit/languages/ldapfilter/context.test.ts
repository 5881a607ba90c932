/**
 * Rules that read the whole filter (recipient, system-mailbox and index rules), the catalog additions, user-visible
 * text without internal references and within the message length targets, and the pinned findings on the corpus of
 * real filters (test/corpus/ldapfilter, judged in its JUDGEMENT.md).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allCodes } from '../../../../server/src/core/codes';
import { ldapfilterLanguage } from '../../../../server/src/languages/ldapfilter';
import { ATTRIBUTES, CLASSES, renderAttribute, renderClass } from '../../../../server/src/languages/ldapfilter/attributes';
import { diagnose, fmt, noCode, one } from '../../../helpers/ldapfilter';
import { internalReferences, MESSAGE_MAX, MESSAGE_P95_MAX, percentile95 } from '../../../helpers/userText';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'corpus', 'ldapfilter');
const codesOf = (text: string, code: string): number => diagnose(text).filter((d) => d.code === code).length;

describe('ldapfilter: the recipient rule reads what the filter selects', () => {
  const code = 'ldapfilter.missing-mailnickname';

  it('is silent when another condition ANDed at any depth needs an Exchange recipient attribute', () => {
    for (const f of [
      '(&(objectClass=user)(homeMDB=*)(department=Finance))',
      '(&(objectCategory=user)(objectClass=user)(msExchHomeServerName=/o=Contoso/ou=AG/cn=Configuration/cn=Servers/cn=MBX2*))',
      '(&(objectCategory=person)(legacyExchangeDN=*))',
      '(&(objectCategory=person)(proxyAddresses=smtp:*))',
      '(&(objectCategory=person)(objectClass=contact)(targetAddress=*))',
      '(&(department=Sales)(&(objectCategory=person)(|(homeMDB=*)(msExchHomeServerName=*))))',
      '(objectCategory=msExchDynamicDistributionList)',
    ]) noCode(f, code);
  });

  it('fires when no condition every match meets marks a recipient: mail=*, a NOT, an OR with one plain branch', () => {
    for (const f of ['(&(objectCategory=person)(mail=*))', '(&(objectCategory=person)(!(homeMDB=*)))', '(&(objectCategory=person)(|(homeMDB=*)(department=Sales)))', '(&(objectCategory=person)(objectClass=user))']) {
      assert.strictEqual(codesOf(f, code), 1, f);
    }
    assert.match(one('(&(objectCategory=person)(objectClass=user))', code).message, /Add \(mailNickname=\*\)/);
  });

  it('reads each branch of a top-level OR', () => {
    assert.strictEqual(codesOf('(|(homeMDB=*)(targetAddress=*))', code), 0);
    assert.strictEqual(codesOf('(|(homeMDB=*)(objectCategory=group))', code), 1);
  });
});

describe('ldapfilter: the system-mailbox rule reads what the filter selects', () => {
  const code = 'ldapfilter.missing-systemmailbox-exclusion';

  it('is silent on filters that cannot match users, or that exclude system mailboxes another way', () => {
    for (const f of [
      '(&(mailNickname=*)(objectCategory=group))',
      '(&(mailNickname=*)(|(objectCategory=group)(objectCategory=publicFolder)))',
      '(&(mailNickname=*)(objectClass=contact))',
      '(&(mailNickname=*)(!(mail=systemmailbox*)))',
      '(&(mailNickname=*)(!(mailNickname=SystemMailbox*)))',
      '(&(mailNickname=*)(!(displayName=SystemMailbox{*})))',
      '(&(mailNickname=*)(!(sAMAccountName=SystemMailbox*)))',
      '(&(mailNickname=*)(!cn=SystemMailbox{*}))',
      '(&(mailNickname=*)(!(|(cn=SystemMailbox{*})(cn=Test*))))',
      '(&(mailNickname=*)(mail=jane@contoso.com))',
      '(&(mailNickname=*)(cn=C*))',
      '(&(mailNickname=*)(!(homeMDB=*)))',
    ]) noCode(f, code);
  });

  it('fires when users can match and nothing excludes the system mailboxes', () => {
    for (const f of ['(&(mailNickname=*)(department=Sales))', '(&(mailNickname=*)(|(objectCategory=group)(objectCategory=person)))', '(&(mailNickname=*)(!(cn=Admin*)))', '(&(mailNickname=*)(cn=S*))']) {
      assert.strictEqual(codesOf(f, code), 1, f);
    }
  });
});

describe('ldapfilter: the index rule reports only what no indexed condition narrows', () => {
  const code = 'ldapfilter.unindexed-attribute';

  it('is silent when an indexed condition is ANDed at the same or an outer level', () => {
    for (const f of [
      '(&(objectCategory=person)(department=Sales)(!(cn=SystemMailbox{*})))',
      '(&(mailNickname=*)(company=Contoso))',
      '(&(msExchHomeServerName=/o=Contoso/ou=AG/cn=Configuration/cn=Servers/cn=MAIL01)(homeMDB=*))',
      '(&(mailNickname=*)(|(department=Sales)(company=Contoso)))',
      '(&(|(mailNickname=a*)(sAMAccountName=b))(title=Manager))',
    ]) noCode(f, code);
  });

  it('fires without one: plain AND, OR siblings, a NOT, a leading wildcard, a bitwise test', () => {
    assert.strictEqual(codesOf('(&(department=Sales)(company=Contoso))', code), 2);
    assert.strictEqual(codesOf('(&(|(mailNickname=*)(department=Sales))(!(cn=SystemMailbox{*})))', code), 1);
    assert.strictEqual(codesOf('(&(!(mailNickname=*))(department=Sales))', code), 1);
    assert.strictEqual(codesOf('(&(cn=*son)(department=Sales))', code), 1);
    assert.strictEqual(codesOf('(&(userAccountControl:1.2.840.113556.1.4.803:=2)(department=Sales))', code), 1);
    assert.match(one('(&(department=Sales)(!(cn=x)))', code).message, /no indexed condition is ANDed with it/);
  });
});

describe('ldapfilter: catalog additions and claims within the sources', () => {
  it('departmentNumber is reported as outside the global catalog, not as unknown; sAMAccountType is known and indexed', () => {
    const d = one('(&(mailNickname=*)(!(cn=SystemMailbox{*}))(departmentNumber=42))', 'ldapfilter.attribute-not-in-gc');
    assert.match(d.message, /^departmentNumber is not in the global catalog/);
    noCode('(&(mailNickname=*)(!(cn=SystemMailbox{*}))(departmentNumber=42))', 'ldapfilter.unknown-attribute');
    const sam = '(&(sAMAccountType=805306368)(department=Sales)(!(cn=SystemMailbox{*}))(mailNickname=*))';
    assert.strictEqual(fmt(diagnose(sam)), '(none)');
  });

  it('memberOf: the message states that the outcome is not established, and claims neither "never matches" nor "not reliable"', () => {
    const d = one('(&(mailNickname=*)(!(cn=SystemMailbox{*}))(memberOf=CN=Sales,DC=contoso,DC=com))', 'ldapfilter.attribute-not-in-gc');
    assert.match(d.message, /not established/);
    assert.doesNotMatch(d.message, /never matches|not reliable/);
  });

  it('messages make no unverified claim about the Exchange tools or the directory', () => {
    const texts = [
      '(|(&(mailNickname=*)(department=Sales))(&(mailNickname=*)(department=Marketing)))',
      '(&(mailNickname=*)(!cn=SystemMailbox{*})(department=Sales))',
      '(&(department=Sales)(company=Contoso))',
    ];
    for (const t of texts) {
      for (const d of diagnose(t)) assert.doesNotMatch(d.message, /ADUC (writes|creates)|Filters that ADUC|cannot show or edit|reads the objects of the search base|never matches/, d.message);
    }
  });
});

describe('ldapfilter: user-visible text names public sources and stays short', () => {
  it('the hover of every attribute and class in the catalog holds no internal reference and never shows the evidence', () => {
    for (const a of ATTRIBUTES) {
      const doc = ldapfilterLanguage.parse(`(${a.name}=x)`);
      const hover = ldapfilterLanguage.hover!(doc, { line: 0, character: 1 });
      assert.ok(hover, a.name);
      const text = String(hover.contents);
      assert.deepStrictEqual(internalReferences(text), [], a.name);
      assert.strictEqual(text, renderAttribute(a, false));
      assert.ok(a.evidence && !text.includes(a.evidence), a.name);
      for (const n of a.internalNotes ?? []) assert.ok(!text.includes(n), `${a.name}: ${n}`);
      assert.deepStrictEqual(internalReferences(renderAttribute(a, true)), [], a.name);
    }
    for (const c of CLASSES) {
      const doc = ldapfilterLanguage.parse(`(objectCategory=${c.name})`);
      const hover = ldapfilterLanguage.hover!(doc, { line: 0, character: 17 });
      assert.strictEqual(hover && String(hover.contents), renderClass(c), c.name);
      assert.deepStrictEqual(internalReferences(renderClass(c)), [], c.name);
      assert.ok(c.evidence && !renderClass(c).includes(c.evidence), c.name);
    }
  });

  it('a status comes first in the hover: not in the global catalog, or not in Exchange 2003', () => {
    const employeeType = ATTRIBUTES.find((a) => a.name === 'employeeType')!;
    assert.match(renderAttribute(employeeType, false).split('\n')[2], /^Not in the global catalog/);
    const details = ATTRIBUTES.find((a) => a.name === 'msExchRecipientTypeDetails')!;
    assert.match(renderAttribute(details, false).split('\n')[2], /^Not part of the Exchange 2003 schema/);
  });

  it('completion documentation, operator, rule and clause hovers, and code summaries hold no internal reference', () => {
    const texts: string[] = [];
    for (const [text, pos] of [['(', 1], ['(objectCategory=', 16], ['(mail', 5], ['(&(mailNickname=*)', 18], ['(userAccountControl:', 20]] as const) {
      for (const item of ldapfilterLanguage.complete!(ldapfilterLanguage.parse(text), { line: 0, character: pos })) texts.push(item.label, item.detail ?? '', String(item.documentation ?? ''));
    }
    const filter = '(&(!(cn=SystemMailbox{*}))(&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))(|(cn>=a)(sn~=b))(userAccountControl:1.2.840.113556.1.4.803:=2)(member:1.2.840.113556.1.4.1941:=x))';
    const doc = ldapfilterLanguage.parse(filter);
    for (let ch = 0; ch < filter.length; ch++) {
      const h = ldapfilterLanguage.hover!(doc, { line: 0, character: ch });
      if (h) texts.push(String(h.contents));
    }
    for (const [code, info] of allCodes()) if (code.startsWith('ldapfilter.')) texts.push(info.summary);
    assert.ok(texts.length > 200);
    for (const t of texts) assert.deepStrictEqual(internalReferences(t), [], t);
  });

  it('every message on the examples, the samples and the corpus: no internal reference, p95 and maximum length within targets', () => {
    const files = [
      path.join(ROOT, 'examples', 'qbdg', 'marketing-fulltime.ldapfilter'),
      ...fs.readdirSync(CORPUS).filter((f) => f.endsWith('.ldapfilter')).map((f) => path.join(CORPUS, f)),
    ];
    const samples = path.join(ROOT, '..', 'shared', 'samples', 'qbdg', 'marketing-fulltime.ldapfilter');
    if (fs.existsSync(samples)) files.push(samples);
    const lengths: number[] = [];
    for (const f of files) {
      for (const d of diagnose(fs.readFileSync(f, 'utf8'))) {
        assert.deepStrictEqual(internalReferences(d.message), [], d.message);
        assert.ok(d.message.length <= MESSAGE_MAX, `${d.message.length}: ${d.message}`);
        lengths.push(d.message.length);
      }
    }
    assert.ok(lengths.length > 40);
    assert.ok(percentile95(lengths) <= MESSAGE_P95_MAX, String(percentile95(lengths)));
  });
});

describe('ldapfilter: syntax messages', () => {
  it('stay within the length targets and hold no internal reference, also with long quoted text', () => {
    const long = 'x'.repeat(200);
    const broken = [
      '# nothing', '(&(mailNickname=*)\n  (department=Sales)', `(department=Sales)(company=Contoso${long})`, '(&(mailNickname=*)(|))', '(!(department=Sales)(company=Contoso))',
      '(extensionAttribute1>5)', `(&mailNickname=*${long}(department=Sales))`, `(!cn=SystemMailbox${long})`, `(displayName=Sales\\Paris${long})`, `(displayName=Sales (Paris${long}))`,
      '(member:1.2.840.113556.1.4.1941:=CN=Sales)', `(userAccountControl:1.2.840.113556.1.4.803:=0x2${long})`, `(departmnt${long}=Sales)`, '(manager=CN=Smith*)', `junk${long}(cn=x)`,
      `(cn=x)junk${long}`, '(cn=x))))', '(((', '(cn>=a*b)', '(cn=a\u0000b)', '(cn=a\nb)', `department=Sales${long}`, '()', '(&(cn=x(sn=y))', '(1abc=x)', '(cn:9.9.9:=x)',
    ];
    const lengths: number[] = [];
    for (const t of broken) {
      for (const d of diagnose(t)) {
        assert.deepStrictEqual(internalReferences(d.message), [], d.message);
        assert.ok(d.message.length <= MESSAGE_MAX, `${d.message.length}: ${d.message}`);
        assert.doesNotMatch(d.message, /never matches/, d.message);
        lengths.push(d.message.length);
      }
    }
    assert.ok(lengths.length > 30);
    assert.ok(percentile95(lengths) <= 280, String(percentile95(lengths)));
  });
});

describe('ldapfilter: the corpus of real filters', () => {
  /** The findings (code@line) after judging every one (JUDGEMENT.md). */
  const PINNED: Record<string, string[]> = {
  'aduc-or-names-c-b.ldapfilter': ['aduc-short-not@1'],
  'cs-gal-users.ldapfilter': ['missing-systemmailbox-exclusion@1'],
  'cs-mail-address.ldapfilter': [],
  'cs-proxy-address.ldapfilter': ['missing-systemmailbox-exclusion@1'],
  'cs-room-mailboxes.ldapfilter': ['missing-systemmailbox-exclusion@1'],
  'default-gal.ldapfilter': ['missing-systemmailbox-exclusion@1'],
  'exchange-team-blog-custom-eap.ldapfilter': ['missing-mailnickname@1', 'missing-systemmailbox-exclusion@1'],
  'exchangepedia-finance-enabled.ldapfilter': ['missing-systemmailbox-exclusion@1', 'unindexed-attribute@1', 'unindexed-attribute@1', 'unindexed-attribute@1', 'aduc-short-not@2'],
  'exchangepedia-finance.ldapfilter': ['missing-systemmailbox-exclusion@1', 'unindexed-attribute@1', 'unindexed-attribute@1', 'unindexed-attribute@1'],
  'md-users-in-group.ldapfilter': ['missing-mailnickname@1', 'missing-systemmailbox-exclusion@1', 'aduc-short-not@1', 'attribute-not-in-gc@1'],
  'md-users-with-mail.ldapfilter': ['missing-mailnickname@1', 'missing-systemmailbox-exclusion@1', 'aduc-short-not@1'],
  'older-al-all-contacts.ldapfilter': [],
  'older-al-all-groups.ldapfilter': [],
  'older-al-all-rooms.ldapfilter': ['missing-systemmailbox-exclusion@1', 'unknown-attribute@1'],
  'older-al-all-users.ldapfilter': ['missing-systemmailbox-exclusion@1'],
  'older-al-public-folders.ldapfilter': [],
  'ps-hidden-mailboxes.ldapfilter': ['missing-systemmailbox-exclusion@1', 'unknown-attribute@1'],
  'ps-mailbox-permissions.ldapfilter': ['missing-systemmailbox-exclusion@1'],
  'ps-mailboxes-no-system.ldapfilter': ['aduc-short-not@1', 'aduc-short-not@1', 'aduc-short-not@1'],
  'ps-server-mbx2.ldapfilter': ['missing-systemmailbox-exclusion@1'],
  'py-gal-members.ldapfilter': ['missing-systemmailbox-exclusion@1'],
  'rb-enabled-people.ldapfilter': ['missing-mailnickname@1', 'missing-systemmailbox-exclusion@1'],
  'rb-mailbox-users-sid.ldapfilter': ['missing-systemmailbox-exclusion@1', 'aduc-short-not@1', 'aduc-short-not@1'],
  'tool-mailbox-users.ldapfilter': ['missing-systemmailbox-exclusion@1'],
  'vb-database-users.ldapfilter': ['unindexed-attribute@1', 'unescaped-character@1'],
  'vbs-server-mailboxes-susamail.ldapfilter': ['missing-systemmailbox-exclusion@1', 'aduc-short-not@1'],
  'vbs-server-mailboxes-yourorg.ldapfilter': ['missing-systemmailbox-exclusion@1', 'aduc-short-not@1'],
  'vbs-server-mailboxes.ldapfilter': ['missing-systemmailbox-exclusion@1', 'aduc-short-not@1'],  };

  it('gives exactly the judged findings on each file', () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.ldapfilter')).sort();
    assert.deepStrictEqual(files, Object.keys(PINNED).sort());
    assert.ok(files.length >= 25);
    for (const f of files) {
      const found = diagnose(fs.readFileSync(path.join(CORPUS, f), 'utf8')).map((d) => `${d.code.replace('ldapfilter.', '')}@${d.range.start.line + 1}`);
      assert.deepStrictEqual(found, PINNED[f], f);
    }
  });

  it('has a provenance line for every file', () => {
    const provenance = fs.readFileSync(path.join(CORPUS, 'PROVENANCE.md'), 'utf8');
    for (const f of Object.keys(PINNED)) assert.ok(provenance.includes(`\`${f}\``), f);
  });
});
