/** Fixes, hover, completion, outline, folding, detection and the ldapAttributesInGC setting. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixAllEdits } from '../../../../server/src/core/fixAll';
import { DocumentSymbol } from '../../../../server/src/core/language';
import { languageById, languageForFile } from '../../../../server/src/languages';
import { ldapfilterLanguage } from '../../../../server/src/languages/ldapfilter';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { DEFAULT_SETTINGS, LANGUAGE_IDS } from '../../../../server/src/protocol';
import { applyEdits, applyFix, context, diagnose, fixesFor, good, noCode } from '../../../helpers/ldapfilter';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');

describe('ldapfilter: quick fixes', () => {
  it('closes a missing parenthesis at the end of the filter', () => {
    assert.strictEqual(applyFix('(&(mailNickname=*)\n  (cn=x)\n', 'ldapfilter.unbalanced-parentheses'), '(&(mailNickname=*)\n  (cn=x))\n');
    assert.strictEqual(applyFix('(&(&(cn=x)', 'ldapfilter.unbalanced-parentheses'), '(&(&(cn=x)))');
    assert.strictEqual(applyFix('(&(cn=x(sn=y))', 'ldapfilter.unbalanced-parentheses'), '(&(cn=x)(sn=y))');
    assert.strictEqual(applyFix('(cn=x))', 'ldapfilter.unbalanced-parentheses'), '(cn=x)');
  });

  it('escapes special characters', () => {
    assert.strictEqual(applyFix('(displayName=Sales (Paris))', 'ldapfilter.unescaped-character'), '(displayName=Sales \\28Paris\\29)');
    assert.strictEqual(applyFix('(sn>=a*b*)', 'ldapfilter.unescaped-character'), '(sn>=a\\2ab\\2a)');
    assert.strictEqual(applyFix('(displayName=a\\b)', 'ldapfilter.invalid-escape'), '(displayName=a\\5cb)');
  });

  it('replaces a misspelt attribute (preferred when the guess is unique)', () => {
    assert.strictEqual(applyFix(good('(departmnt=Sales)'), 'ldapfilter.unknown-attribute'), good('(department=Sales)'));
    assert.ok(fixesFor(good('(departmnt=Sales)'), 'ldapfilter.unknown-attribute')[0].isPreferred);
  });

  it('wraps the ADUC short negation and unparenthesized conditions', () => {
    assert.strictEqual(applyFix('(&(mailNickname=*)(!cn=SystemMailbox{*}))', 'ldapfilter.aduc-short-not'), '(&(mailNickname=*)(!(cn=SystemMailbox{*})))');
    assert.strictEqual(applyFix('mailNickname=*', 'ldapfilter.unparenthesized-item'), '(mailNickname=*)');
  });

  it('adds the SystemMailbox exclusion and mailNickname: after "(&", or on its own indented line, or by wrapping', () => {
    assert.strictEqual(applyFix('(&(mailNickname=*)(department=Sales))', 'ldapfilter.missing-systemmailbox-exclusion'), '(&(!(cn=SystemMailbox{*}))(mailNickname=*)(department=Sales))');
    assert.strictEqual(applyFix('(&\r\n  (mailNickname=*)\r\n)', 'ldapfilter.missing-systemmailbox-exclusion'), '(&\r\n  (!(cn=SystemMailbox{*}))\r\n  (mailNickname=*)\r\n)');
    assert.strictEqual(applyFix('(department=Sales)', 'ldapfilter.missing-mailnickname'), '(&(mailNickname=*)(department=Sales))');
  });

  it('writes a hexadecimal bitwise value in decimal', () => {
    assert.strictEqual(applyFix(good('(groupType:1.2.840.113556.1.4.803:=0x80000000)'), 'ldapfilter.bitwise-value-not-decimal'), good('(groupType:1.2.840.113556.1.4.803:=2147483648)'));
  });

  it('fix-all leaves a filter that only the information codes remain on', () => {
    const text = '(&(!cn=SystemMailbox{*})(departmnt=Sales)(displayName=a (b))';
    const doc = ldapfilterLanguage.parse(text);
    const fixed = applyEdits(text, fixAllEdits(ldapfilterLanguage, doc, ldapfilterLanguage.validate(doc)));
    assert.deepStrictEqual(diagnose(fixed).filter((d) => d.severity !== 'information').map((d) => d.code), ['ldapfilter.missing-mailnickname']);
  });
});

describe('ldapfilter: hover, completion, outline, folding', () => {
  const text = '(&\n  (mailNickname=*)\n  (!(cn=SystemMailbox{*}))\n  (&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))\n  (userAccountControl:1.2.840.113556.1.4.803:=2)\n  (employeeType=x)\n)';
  const doc = ldapfilterLanguage.parse(text);

  it('hovers attributes with their flags, class values, operators, matching rules and standard clauses', () => {
    const h = ldapfilterLanguage.hover(doc, { line: 5, character: 5 });
    assert.ok(h && /employeeType/.test(h.contents) && /In the global catalog \| no/.test(h.contents), h?.contents);
    const cat = ldapfilterLanguage.hover(doc, { line: 3, character: 20 });
    assert.ok(cat && /person/.test(cat.contents) && /CN=Person/.test(cat.contents), cat?.contents);
    const rule = ldapfilterLanguage.hover(doc, { line: 4, character: 25 });
    assert.ok(rule && /BIT_AND/.test(rule.contents));
    const and = ldapfilterLanguage.hover(doc, { line: 3, character: 3 });
    assert.ok(and && /Users with Exchange mailbox/.test(and.contents), and?.contents);
    const presence = ldapfilterLanguage.hover(doc, { line: 1, character: 15 });
    assert.ok(presence && /presence/.test(presence.contents));
    const gc = ldapfilterLanguage.hover(doc, { line: 5, character: 5 }, context({ extraGcAttributes: ['employeeType'] }));
    assert.ok(gc && /ldapAttributesInGC/.test(gc.contents));
  });

  it('completes attributes, operators, class values, matching rules and clause snippets', () => {
    const labels = (t: string, line = 0, character = t.length): string[] => ldapfilterLanguage.complete!(ldapfilterLanguage.parse(t), { line, character }).map((i) => i.label);
    assert.ok(labels('(&(dep').includes('department'));
    assert.ok(labels('(').includes('&') && labels('(').includes('mailNickname'));
    assert.ok(labels('(objectCategory=').includes('person'));
    assert.ok(labels('(objectClass=').includes('contact'));
    assert.ok(labels('(userAccountControl:').includes('1.2.840.113556.1.4.803'));
    assert.ok(labels('(&(department').includes('department>='));
    assert.ok(labels('(&').includes('Users with Exchange mailbox'));
    assert.ok(!labels('(&(').includes('msExchRecipientTypeDetails'));
  });

  it('outlines the filter tree and folds operators that span lines', () => {
    const [root] = ldapfilterLanguage.symbols(doc);
    assert.strictEqual(root.name, '& (all of)');
    assert.deepStrictEqual(root.children!.map((c) => c.name), ['mailNickname=*', '! (not)', '& (all of)', 'userAccountControl:=2', 'employeeType=x']);
    assert.deepStrictEqual(ldapfilterLanguage.folding(doc), [{ startLine: 0, endLine: 6 }]);
    const deep = ldapfilterLanguage.parse('(&'.repeat(5000) + '(cn=x)' + ')'.repeat(5000));
    let depth = 0;
    for (let s = ldapfilterLanguage.symbols(deep)[0]; s.children?.length; s = s.children[0]) depth++;
    assert.ok(depth <= 64, String(depth));
  });
});

describe('ldapfilter: registration and settings', () => {
  it('claims .ldapfilter and .ldap, and is registered for the server, the client and VS Code', () => {
    assert.strictEqual(languageForFile('groups/marketing.ldapfilter')?.id, 'ldapfilter');
    assert.strictEqual(languageForFile('SALES.LDAP')?.id, 'ldapfilter');
    assert.strictEqual(languageForFile('export.ldf')?.id, 'ldif');
    assert.strictEqual(languageById('ldapfilter')?.id, 'ldapfilter');
    assert.ok((LANGUAGE_IDS as readonly string[]).includes('ldapfilter'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { languages: { id: string; extensions?: string[]; configuration: string }[]; grammars: { language: string; path: string }[]; configuration: { properties: Record<string, { default: unknown }> } };
    };
    const lang = pkg.contributes.languages.find((l) => l.id === 'ldapfilter');
    assert.deepStrictEqual(lang?.extensions, ['.ldapfilter', '.ldap']);
    assert.ok(fs.existsSync(path.join(ROOT, lang.configuration)));
    const grammar = pkg.contributes.grammars.find((g) => g.language === 'ldapfilter');
    assert.ok(grammar && fs.existsSync(path.join(ROOT, grammar.path)));
    assert.deepStrictEqual(pkg.contributes.configuration.properties['exchangeConfig.ldapAttributesInGC'].default, DEFAULT_SETTINGS.ldapAttributesInGC);
  });

  it('attributes listed as added to the GC are neither unknown nor outside the GC', () => {
    const text = good('(employeeType=x)(msDS-custom=y)');
    const options = context({ extraGcAttributes: ['employeetype', 'msDS-custom'] });
    noCode(text, 'ldapfilter.attribute-not-in-gc', options);
    noCode(text, 'ldapfilter.unknown-attribute', options);
  });

  it('the catalog says "unknown" rather than guessing, and marks msExchRecipientTypeDetails as later than Exchange 2003', () => {
    const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'data', 'catalog', 'ldap-attributes.json'), 'utf8')) as { attributes: { name: string; inGC: unknown; indexed: unknown; source: string; meaning: string }[]; classes: unknown[] };
    const ext14 = data.attributes.find((a) => a.name === 'extensionAttribute14')!;
    assert.strictEqual(ext14.inGC, 'unknown');
    assert.strictEqual(ext14.indexed, 'unknown');
    for (const a of data.attributes) assert.ok(a.source && a.meaning, a.name);
    assert.strictEqual(data.classes.length, 9);
    assert.strictEqual(diagnose(good('(msExchRecipientTypeDetails=1)')).filter((d) => d.code === 'ldapfilter.unknown-attribute').length, 1);
    noCode(good('(extensionAttribute14=x)'), 'ldapfilter.attribute-not-in-gc');
    noCode(good('(extensionAttribute14=x)'), 'ldapfilter.unindexed-attribute');
  });
});

describe('ldapfilter: attributes the forest indexed (exchangeConfig.ldapAttributesIndexed)', () => {
  it('does not report them as unindexed', () => {
    const text = '(&(!(cn=SystemMailbox{*}))(department=Marketing))';
    const codesWith = (extraIndexedAttributes?: string[]): string[] =>
      ldapfilterLanguage
        .validate(ldapfilterLanguage.parse(text), { exchange: { context: { exchangeVersion: '2003', extraIndexedAttributes }, registry: registryIndex() } })
        .map((d) => d.code);
    assert.ok(codesWith().includes('ldapfilter.unindexed-attribute'));
    assert.ok(!codesWith(['Department']).includes('ldapfilter.unindexed-attribute'));
  });
});

describe('ldapfilter: outline ranges of filters the file cuts short', () => {
  it('an operator or condition left open ends at the last non-blank character; a closed one at its ")"', () => {
    type Sym = [string, [number, number, number, number], Sym[]];
    const tree = (s: DocumentSymbol): Sym => [s.name, [s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character], (s.children ?? []).map(tree)];
    const cases: [string, Sym[]][] = [
      ['(&(cn=x)(sn=y)  \n', [['& (all of)', [0, 0, 0, 14], [['cn=x', [0, 2, 0, 8], []], ['sn=y', [0, 8, 0, 14], []]]]]],
      ['(&(cn=x)(|(sn=y', [['& (all of)', [0, 0, 0, 15], [['cn=x', [0, 2, 0, 8], []], ['| (any of)', [0, 8, 0, 15], [['sn=y', [0, 10, 0, 15], []]]]]]]],
      ['(&(cn=x)(!(sn=y))(sn=z )', [['& (all of)', [0, 0, 0, 24], [['cn=x', [0, 2, 0, 8], []], ['! (not)', [0, 8, 0, 17], [['sn=y', [0, 10, 0, 16], []]]], ['sn=z ', [0, 17, 0, 24], []]]]]],
      ['department=Sales  ', [['department=Sales', [0, 0, 0, 16], []]]],
      ['(&(cn=x)(', [['& (all of)', [0, 0, 0, 9], [['cn=x', [0, 2, 0, 8], []], ['(', [0, 8, 0, 9], []]]]]],
    ];
    for (const [text, expected] of cases) assert.deepStrictEqual(ldapfilterLanguage.symbols!(ldapfilterLanguage.parse(text)).map(tree), expected, JSON.stringify(text));
  });
});
