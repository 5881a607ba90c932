/** Every ldif code fires on an example (with its range) and stays silent on a near miss; positions through folding and base64; fixes; the sample. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allCodes } from '../../../../server/src/core/codes';
import { Diagnostic } from '../../../../server/src/core/types';
import { ldifLanguage } from '../../../../server/src/languages/ldif';
import { applyEdits } from '../../../helpers/reg';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'qbdg', 'contoso-export.ldf');

function diagnose(text: string): Diagnostic[] {
  return ldifLanguage.validate(ldifLanguage.parse(text));
}
function fmt(ds: Diagnostic[]): string {
  return ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).join(', ') || '(none)';
}
function rangeOf(d: Diagnostic): number[] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}
function one(text: string, code: string): Diagnostic {
  const ds = diagnose(text);
  const found = ds.filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, `expected one ${code}, got ${fmt(ds)}`);
  return found[0];
}
function applyFix(text: string, code: string, title?: RegExp): string {
  const doc = ldifLanguage.parse(text);
  const d = ldifLanguage.validate(doc).find((x) => x.code === code);
  if (!d) throw new Error(`no ${code}`);
  const fixes = ldifLanguage.fixes!(doc, d);
  const fix = title ? fixes.find((f) => title.test(f.title)) : fixes[0];
  if (!fix) throw new Error(`no fix for ${code}: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

const SG = 'dn: CN=First Storage Group,CN=InformationStore,CN=S1,CN=Servers,DC=contoso,DC=com\n';

const IS = 'dn: CN=InformationStore,CN=S1,CN=Servers,DC=contoso,DC=com\n';
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const MAPI_SHORT = b64('MAPI\u00a70\u00a71\u00a7\u00a7\u00a7\u00a7\u00a7'); // seven separators
const MAPI_GOOD = b64('MAPI\u00a70\u00a71\u00a7\u00a7\u00a7\u00a7\u00a7\u00a7');

const CASES: Record<string, { fires: string; range: number[]; silent: string }> = {
  'ldif.missing-colon': { fires: 'dn: CN=x,DC=y\ncn x\n', range: [1, 0, 1, 4], silent: 'dn: CN=x,DC=y\ncn: x\n' },
  'ldif.invalid-attribute-name': { fires: 'dn: CN=x,DC=y\ndisplay Name: x\n', range: [1, 0, 1, 12], silent: 'dn: CN=x,DC=y\ndisplayName: x\n' },
  'ldif.invalid-base64': { fires: 'dn: CN=x,DC=y\ndescription:: SGVsbG8*\n', range: [1, 14, 1, 22], silent: 'dn: CN=x,DC=y\ndescription:: SGVsbG8=\n' },
  'ldif.missing-dn': { fires: 'dn: CN=x,DC=y\ncn: x\n\ncn: y\n', range: [3, 0, 3, 5], silent: 'dn: CN=x,DC=y\ncn: x\n\ndn: CN=y,DC=y\ncn: y\n' },
  'ldif.invalid-dn': { fires: 'dn: CN=x,DCy\ncn: x\n', range: [0, 9, 0, 12], silent: 'dn: CN=x\\,y,DC=y\ncn: x\n' },
  'ldif.invalid-changetype': { fires: 'dn: CN=x,DC=y\nchangetype: update\n', range: [1, 12, 1, 18], silent: 'dn: CN=x,DC=y\nchangetype: delete\n' },
  'ldif.invalid-modify-line': { fires: 'dn: CN=x,DC=y\nchangetype: modify\ndescription: x\n', range: [2, 0, 2, 14], silent: 'dn: CN=x,DC=y\nchangetype: modify\nreplace: description\ndescription: x\n-\n' },
  'ldif.unterminated-modify-block': { fires: 'dn: CN=x,DC=y\nchangetype: modify\nreplace: description\ndescription: x\n', range: [2, 0, 2, 20], silent: 'dn: CN=x,DC=y\nchangetype: modify\nreplace: description\ndescription: x\n-\n' },
  'ldif.invalid-base-dn': { fires: 'dn: CN=g,DC=y\nmsExchDynamicDLBaseDN: OU=Staff,,DC=contoso\n', range: [1, 31, 1, 33], silent: 'dn: CN=g,DC=y\nmsExchDynamicDLBaseDN: OU=Staff, DC=contoso\n' },
  'ldif.log-buffers-too-high': { fires: `${SG}msExchESEParamLogBuffers: 9001\n`, range: [1, 26, 1, 30], silent: `${SG}msExchESEParamLogBuffers: 9000\n` },
  'ldif.log-buffers-set': { fires: `${SG}msExchESEParamLogBuffers: 500\n`, range: [1, 0, 1, 24], silent: `${SG}changetype: modify\ndelete: msExchESEParamLogBuffers\n-\n` },
  'ldif.max-open-tables-set': { fires: `${SG}msExchESEParamMaxOpenTables: 27600\n`, range: [1, 0, 1, 27], silent: `${SG}changetype: modify\ndelete: msExchESEParamMaxOpenTables\n-\n` },
  'ldif.undefined-folder-set-bits': { fires: 'dn: CN=u,DC=y\nmsExchMailboxFolderSet: 262144\n', range: [1, 24, 1, 30], silent: 'dn: CN=u,DC=y\nmsExchMailboxFolderSet: 131071\n' },
  'ldif.blank-line-with-spaces': { fires: 'dn: CN=x,DC=y\ncn: x\n \ndn: CN=z,DC=y\ncn: z\n', range: [2, 0, 2, 1], silent: 'dn: CN=x,DC=y\ncn: x\n\ndn: CN=z,DC=y\ncn: z\n' },
  'ldif.template-placeholder': { fires: 'dn: CN=<Server Name>,DC=y\ncn: x\n', range: [0, 7, 0, 20], silent: 'dn: CN=Server\\3cName\\3e,DC=y\ncn: x\n' },
  'ldif.cache-size-max-too-low': { fires: `${IS}msExchESEParamCacheSizeMax: 131072\n`, range: [1, 28, 1, 34], silent: `${IS}msExchESEParamCacheSizeMax: 147456\n` },
  'ldif.cache-size-max-not-multiple': { fires: `${IS}msExchESEParamCacheSizeMax: 200000\n`, range: [1, 28, 1, 34], silent: `${IS}msExchESEParamCacheSizeMax: 219726\n` },
  'ldif.cache-size-min-set': { fires: `${IS}msExchESEParamCacheSizeMin: 65536\n`, range: [1, 0, 1, 26], silent: `${IS}changetype: modify\ndelete: msExchESEParamCacheSizeMin\n-\n` },
  'ldif.invalid-mapi-protocol-setting': { fires: `dn: CN=u,DC=y\nprotocolSettings:: ${MAPI_SHORT}\n`, range: [1, 19, 1, 19 + MAPI_SHORT.length], silent: `dn: CN=u,DC=y\nprotocolSettings:: ${MAPI_GOOD}\n` },
  'ldif.inter-org-address-type': { fires: 'dn: CN=CA,DC=y\nmsExchInterOrgAddressType: SMTP\n', range: [1, 27, 1, 31], silent: 'dn: CN=CA,DC=y\nmsExchInterOrgAddressType: SMTP,X500\n' },
  'ldif.invalid-backfill-source': { fires: 'dn: CN=p,DC=y\nmsExchPreferredBackfillSource: SERVER02\n', range: [1, 31, 1, 39], silent: 'dn: CN=p,DC=y\nmsExchPreferredBackfillSource: {0f2a3b4c-1d2e-3f40-5a6b-7c8d9e0f1a2b}\n' },
};

describe('ldif: every code', () => {
  it('has a case here (and the cases name only registered codes)', () => {
    const codes = [...allCodes().keys()].filter((c) => c.startsWith('ldif.'));
    assert.deepStrictEqual([...codes].sort(), Object.keys(CASES).sort());
  });

  for (const [code, c] of Object.entries(CASES)) {
    it(`${code}: fires with its range and an advising message; silent on the near miss`, () => {
      const d = one(c.fires, code);
      assert.deepStrictEqual(rangeOf(d), c.range, fmt([d]));
      assert.strictEqual(d.severity, allCodes().get(code)!.severity);
      assert.ok(d.message.length > 60, d.message);
      const quiet = diagnose(c.silent);
      assert.ok(!quiet.some((x) => x.code === code), `silent case: ${fmt(quiet)}`);
    });
  }
});

describe('ldif: positions through folding and base64', () => {
  it('maps an ldapfilter diagnostic inside a folded value to its physical line and column', () => {
    // The misspelt attribute "departmnt" starts on the continuation line.
    const text = 'dn: CN=g,DC=y\nmsExchDynamicDLFilter: (&(mailNickname=*)(!(cn=SystemMailbox{*}))(dep\n artmnt=Sales))\n';
    const d = one(text, 'ldapfilter.unknown-attribute');
    // "(dep" ends line 1; "departmnt" starts at column 66 of line 1 and ends at column 7 of line 2 (after the space).
    assert.deepStrictEqual(rangeOf(d), [1, 66, 2, 7]);
    const d2 = one('dn: CN=g,DC=y\nmsExchDynamicDLFilter: (&(mailNickname=*)(!(cn=SystemMailbox{*}))\n (departmnt=Sales))\n', 'ldapfilter.unknown-attribute');
    assert.deepStrictEqual(rangeOf(d2), [2, 2, 2, 11]);
  });

  it('maps a DN problem through folding', () => {
    const d = one('dn: CN=g,DC=y\nmsExchDynamicDLBaseDN: OU=Staff,DC=con\n toso,DCcom\n', 'ldif.invalid-base-dn');
    assert.deepStrictEqual(rangeOf(d), [2, 6, 2, 11]);
  });

  it('reports problems inside a base64 value on the whole value, quoting the decoded text', () => {
    const filter = '(&(mailNickname=*)(!(cn=SystemMailbox{*}))(departmnt=Sales))';
    const b64 = Buffer.from(filter, 'utf8').toString('base64');
    const d = one(`dn: CN=g,DC=y\nmsExchDynamicDLFilter:: ${b64}\n`, 'ldapfilter.unknown-attribute');
    assert.deepStrictEqual(rangeOf(d), [1, 24, 1, 24 + b64.length]);
    assert.ok(d.message.includes(JSON.stringify(filter)), d.message);
    const f = one(`dn: CN=u,DC=y\nmsExchMailboxFolderSet:: ${Buffer.from('262144').toString('base64')}\n`, 'ldif.undefined-folder-set-bits');
    assert.ok(f.message.includes('"262144"'), f.message);
  });

  it('a folded base64 value is decoded as one value and reported on all its lines', () => {
    const b64 = Buffer.from('(&(mailNickname=*)(!(cn=SystemMailbox{*}))(departmnt=Sales))').toString('base64');
    const text = `dn: CN=g,DC=y\nmsExchDynamicDLFilter:: ${b64.slice(0, 30)}\n ${b64.slice(30)}\n`;
    const d = one(text, 'ldapfilter.unknown-attribute');
    assert.deepStrictEqual(rangeOf(d), [1, 24, 2, 1 + b64.length - 30]);
  });

  it('checks values of modify blocks but not of delete blocks', () => {
    one(`${SG}changetype: modify\nreplace: msExchESEParamLogBuffers\nmsExchESEParamLogBuffers: 12000\n-\n`, 'ldif.log-buffers-too-high');
    assert.deepStrictEqual(diagnose(`${SG}changetype: modify\ndelete: msExchESEParamLogBuffers\nmsExchESEParamLogBuffers: 12000\n-\n`), []);
  });

  it('accepts version: 1, comments, folded comments and url values', () => {
    assert.deepStrictEqual(diagnose('version: 1\n# exported\n by ldifde\ndn: CN=x,DC=y\nchangetype: add\njpegPhoto:< file:///c:/x.jpg\ncn: x\n'), []);
  });
});

describe('ldif: fixes', () => {
  it('turns a replace: block into delete: (minimal, valid)', () => {
    const text = `${SG}changetype: modify\nreplace: msExchESEParamMaxOpenTables\nmsExchESEParamMaxOpenTables: 27600\n-\n`;
    assert.strictEqual(applyFix(text, 'ldif.max-open-tables-set'), `${SG}changetype: modify\ndelete: msExchESEParamMaxOpenTables\n-\n`);
    assert.deepStrictEqual(diagnose(applyFix(text, 'ldif.max-open-tables-set')), []);
  });

  it('removes the attribute from an add record, or appends a modify record that clears it', () => {
    const text = `${SG}changetype: add\ncn: First Storage Group\nmsExchESEParamLogBuffers: 9000\n`;
    assert.strictEqual(applyFix(text, 'ldif.log-buffers-set', /Remove/), `${SG}changetype: add\ncn: First Storage Group\n`);
    const appended = applyFix(text, 'ldif.log-buffers-set', /modify record/);
    assert.ok(appended.endsWith(`msExchESEParamLogBuffers: 9000\n\n${SG}changetype: modify\ndelete: msExchESEParamLogBuffers\n-\n`), appended);
    assert.deepStrictEqual(diagnose(appended).filter((d) => !d.code.startsWith('ldif.log-buffers')), []);
  });

  it('maps the ldapfilter fixes back into a plain, unfolded value', () => {
    const text = 'dn: CN=g,DC=y\nmsExchDynamicDLFilter: (&(mailNickname=*)(!cn=SystemMailbox{*}))\n';
    const fixed = applyFix(text, 'ldapfilter.aduc-short-not');
    assert.strictEqual(fixed, 'dn: CN=g,DC=y\nmsExchDynamicDLFilter: (&(mailNickname=*)(!(cn=SystemMailbox{*})))\n');
  });

  it('offers no filter fix inside base64 or folded values', () => {
    const b64 = Buffer.from('(&(mailNickname=*)(!cn=SystemMailbox{*}))').toString('base64');
    const doc = ldifLanguage.parse(`dn: CN=g,DC=y\nmsExchDynamicDLFilter:: ${b64}\n`);
    const d = ldifLanguage.validate(doc).find((x) => x.code === 'ldapfilter.aduc-short-not')!;
    assert.deepStrictEqual(ldifLanguage.fixes!(doc, d), []);
  });
});

describe('ldif: the sample export and the editor features', () => {
  const text = fs.readFileSync(SAMPLE, 'utf8');

  it('finds the storage group tuning and the missing system mailbox exclusion', () => {
    assert.deepStrictEqual(diagnose(text).map((d) => [d.code, ...rangeOf(d)]), [
      ['ldapfilter.missing-systemmailbox-exclusion', 7, 23, 7, 25],
      ['ldif.log-buffers-set', 14, 0, 14, 24],
      ['ldif.max-open-tables-set', 17, 0, 17, 27],
    ]);
  });

  it('has one symbol and one folding range per record, named by dn', () => {
    const doc = ldifLanguage.parse(text);
    const syms = ldifLanguage.symbols(doc);
    assert.deepStrictEqual(syms.map((s) => [s.name.slice(0, 30), s.detail]), [['CN=Paris Office,OU=Distributio', 'changetype: add'], ['CN=First Storage Group,CN=Info', 'changetype: modify']]);
    assert.deepStrictEqual(ldifLanguage.folding(doc), [{ startLine: 0, endLine: 9 }, { startLine: 11, endLine: 18 }]);
  });

  it('hovers attribute meanings and decoded base64 values', () => {
    const doc = ldifLanguage.parse(text);
    assert.match(ldifLanguage.hover(doc, { line: 14, character: 3 })!.contents, /9000/);
    const b = ldifLanguage.parse(`dn: CN=x,DC=y\ndescription:: ${Buffer.from('Hello Paris').toString('base64')}\n`);
    assert.match(ldifLanguage.hover(b, { line: 1, character: 16 })!.contents, /Hello Paris/);
    assert.match(ldifLanguage.hover(b, { line: 1, character: 2 })!.contents, /^\*\*description\*\*/, 'the name: its catalog entry');
  });
});

describe('ldif: registration and grammar', () => {
  it('claims .ldf and .ldif, and is registered for the server, the client and VS Code', async () => {
    const { languageForFile } = await import('../../../../server/src/languages');
    const { LANGUAGE_IDS } = await import('../../../../server/src/protocol');
    assert.strictEqual(languageForFile('exports/CONTOSO.LDF')?.id, 'ldif');
    assert.strictEqual(languageForFile('a.ldif')?.id, 'ldif');
    assert.ok((LANGUAGE_IDS as readonly string[]).includes('ldif'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { languages: { id: string; extensions?: string[]; configuration: string }[]; grammars: { language: string; path: string }[] } };
    const lang = pkg.contributes.languages.find((l) => l.id === 'ldif')!;
    assert.deepStrictEqual(lang.extensions, ['.ldf', '.ldif']);
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, lang.configuration), 'utf8')) as { comments: { lineComment: string } };
    assert.strictEqual(config.comments.lineComment, '#');
    const grammar = pkg.contributes.grammars.find((g) => g.language === 'ldif')!;
    assert.ok(fs.existsSync(path.join(ROOT, grammar.path)));
  });
});
