/**
 * The Exchange attribute checks added from the sources (evidence, never shown to users: external-facts §3.1 for the ESE
 * cache; seed-facts §2.2 for protocolSettings (001:501-534) and msExchInterOrgAddressType (004:3306-3310)), ldifde's
 * ntdsSchema* change types, space-only separator lines and template placeholders: firing, silence, severities and the
 * fixes, before and after.
 */
import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
import { ldifLanguage } from '../../../../server/src/languages/ldif';
import { mapiFields } from '../../../../server/src/languages/ldif/hover';
import { applyEdits } from '../../../helpers/reg';

const IS = 'dn: CN=InformationStore,CN=S1,CN=Servers,DC=contoso,DC=com\n';
const USER = 'dn: CN=Ann,OU=Staff,DC=contoso,DC=com\n';
const S = '\u00a7';
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const decode = (text: string): string => Buffer.from(text, 'base64').toString('utf8');

function diagnose(text: string): Diagnostic[] {
  return ldifLanguage.validate(ldifLanguage.parse(text));
}
function codes(text: string): string[] {
  return diagnose(text).map((d) => d.code);
}
function only(text: string, code: string): Diagnostic {
  const ds = diagnose(text).filter((d) => d.code === code);
  assert.strictEqual(ds.length, 1, `${code}: ${codes(text).join(', ')}`);
  return ds[0];
}
function fixed(text: string, code: string, title?: RegExp): string {
  const doc = ldifLanguage.parse(text);
  const d = ldifLanguage.validate(doc).find((x) => x.code === code)!;
  const fixes = ldifLanguage.fixes!(doc, d);
  const fix = title ? fixes.find((f) => title.test(f.title)) : fixes[0];
  assert.ok(fix, `no fix for ${code}: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

describe('ldif: msExchESEParamCacheSizeMax and msExchESEParamCacheSizeMin', () => {
  it('reports a maximum below 147456 pages with the size in MB, and stays silent on 0 and on unset values', () => {
    const d = only(`${IS}msExchESEParamCacheSizeMax: 131072\n`, 'ldif.cache-size-max-too-low');
    assert.match(d.message, /512 MB/);
    assert.match(d.message, /147456/);
    assert.deepStrictEqual(codes(`${IS}msExchESEParamCacheSizeMax: 0\n`), []);
    assert.deepStrictEqual(codes(`${IS}msExchESEParamCacheSizeMax: 147455\n`), ['ldif.cache-size-max-too-low']);
    assert.deepStrictEqual(codes(`${IS}changetype: modify\ndelete: msExchESEParamCacheSizeMax\n-\n`), []);
  });

  it('accepts every multiple of 8192 from 147456 and the four recommended values, and notes other values', () => {
    for (const v of [147456, 196608, 219726, 229376, 262144, 8192 * 40]) assert.deepStrictEqual(codes(`${IS}msExchESEParamCacheSizeMax: ${v}\n`), [], String(v));
    const d = only(`${IS}msExchESEParamCacheSizeMax: 229377\n`, 'ldif.cache-size-max-not-multiple');
    assert.strictEqual(d.severity, 'information');
  });

  it('fixes a low maximum by writing 147456 or by clearing it (neither preferred)', () => {
    const text = `${IS}changetype: modify\nreplace: msExchESEParamCacheSizeMax\nmsExchESEParamCacheSizeMax: 100000\n-\n`;
    const raised = fixed(text, 'ldif.cache-size-max-too-low', /147456/);
    assert.strictEqual(raised, `${IS}changetype: modify\nreplace: msExchESEParamCacheSizeMax\nmsExchESEParamCacheSizeMax: 147456\n-\n`);
    assert.deepStrictEqual(codes(raised), []);
    assert.strictEqual(fixed(text, 'ldif.cache-size-max-too-low', /Clear/), `${IS}changetype: modify\ndelete: msExchESEParamCacheSizeMax\n-\n`);
    const doc = ldifLanguage.parse(text);
    assert.ok(ldifLanguage.fixes!(doc, ldifLanguage.validate(doc)[0]).every((f) => !f.isPreferred));
  });

  it('notes any minimum above 0 and offers to clear it', () => {
    const text = `${IS}msExchESEParamCacheSizeMin: 16384\n`;
    assert.match(only(text, 'ldif.cache-size-min-set').message, /64 MB/);
    assert.strictEqual(fixed(text, 'ldif.cache-size-min-set', /Remove/), IS);
    assert.deepStrictEqual(codes(`${IS}msExchESEParamCacheSizeMin: 0\n`), []);
  });
});

describe('ldif: the SP2 MAPI string of protocolSettings', () => {
  const line = (value: string): string => `${USER}protocolSettings:: ${b64(value)}\n`;

  it('accepts MAPI§<0|1>§<0|1>§§§§§§ in base64 (as ldifde exports it) and in plain text', () => {
    for (const v of ['0§0', '0§1', '1§0', '1§1']) assert.deepStrictEqual(codes(line(`MAPI§${v}§§§§§§`.replace(/§/g, S))), [], v);
    assert.deepStrictEqual(codes(`${USER}protocolSettings: MAPI${S}1${S}1${S}${S}${S}${S}${S}${S}\n`), []);
  });

  it('leaves other protocols\' strings and the six unused fields alone', () => {
    assert.deepStrictEqual(codes(line(`HTTP${S}1${S}1${S}${S}${S}${S}${S}${S}${S}`)), []);
    assert.deepStrictEqual(codes(line(`POP3${S}0`)), []);
    assert.deepStrictEqual(codes(line(`MAPI${S}1${S}0${S}x${S}${S}${S}${S}${S}`)), []);
  });

  it('reports a wrong separator count, flags that are not 0 or 1, and a string without §, quoting the decoded text', () => {
    const seven = only(line(`MAPI${S}0${S}1${S}${S}${S}${S}${S}`), 'ldif.invalid-mapi-protocol-setting');
    assert.match(seven.message, /7 § separators instead of 8/);
    assert.ok(seven.message.includes(JSON.stringify(`MAPI${S}0${S}1${S}${S}${S}${S}${S}`)), seven.message);
    assert.match(only(line(`MAPI${S}2${S}1${S}${S}${S}${S}${S}${S}`), 'ldif.invalid-mapi-protocol-setting').message, /must each be 0 or 1/);
    assert.match(only(line(`MAPI${S}${S}1${S}${S}${S}${S}${S}${S}`), 'ldif.invalid-mapi-protocol-setting').message, /must each be 0 or 1/);
    assert.match(only(`${USER}protocolSettings: MAPI?0?1??????\n`, 'ldif.invalid-mapi-protocol-setting').message, /no § separators/);
  });

  it('fixes the separators, writing the value base64 (before/after), and offers nothing when the flags are unknown', () => {
    const text = line(`MAPI${S}0${S}1${S}${S}${S}`);
    const after = fixed(text, 'ldif.invalid-mapi-protocol-setting');
    const m = /protocolSettings:: (\S+)/.exec(after)!;
    assert.strictEqual(decode(m[1]), `MAPI${S}0${S}1${S}${S}${S}${S}${S}${S}`);
    assert.deepStrictEqual(codes(after), []);
    const plain = `${USER}protocolSettings: MAPI${S}1${S}1${S}${S}${S}${S}${S}${S}${S}${S}\n`;
    assert.deepStrictEqual(codes(fixed(plain, 'ldif.invalid-mapi-protocol-setting')), []);
    const doc = ldifLanguage.parse(`${USER}protocolSettings: MAPI?0?1??????\n`);
    assert.deepStrictEqual(ldifLanguage.fixes!(doc, ldifLanguage.validate(doc)[0]), []);
  });

  it('hover explains the fields of the decoded string', () => {
    const text = line(`MAPI${S}0${S}1${S}${S}${S}${S}${S}${S}`);
    const h = ldifLanguage.hover(ldifLanguage.parse(text), { line: 1, character: 22 })!;
    assert.match(h.contents, /eight `§` separators, as required/);
    assert.match(h.contents, /Bool1 `0`: blocks all MAPI access/);
    assert.match(h.contents, /Bool2 `1`: denies Outlook clients that do not run in cached mode/);
    assert.match(mapiFields(`MAPI${S}1`)!, /1 `§` separators where eight are required/);
    assert.strictEqual(mapiFields('HTTP'), undefined);
  });
});

describe('ldif: msExchInterOrgAddressType', () => {
  const CA = 'dn: CN=Inter-Org CA,CN=Active Directory Connections,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com\n';

  it('warns on values without X500, notes other spellings of SMTP,X500 as information, and fixes both', () => {
    const w = only(`${CA}msExchInterOrgAddressType: SMTP\n`, 'ldif.inter-org-address-type');
    assert.strictEqual(w.severity, 'warning');
    const i = only(`${CA}msExchInterOrgAddressType: X500, SMTP\n`, 'ldif.inter-org-address-type');
    assert.strictEqual(i.severity, 'information');
    assert.strictEqual(fixed(`${CA}msExchInterOrgAddressType: X500, SMTP\n`, 'ldif.inter-org-address-type'), `${CA}msExchInterOrgAddressType: SMTP,X500\n`);
    const encoded = `${CA}msExchInterOrgAddressType:: ${b64('SMTP')}\n`;
    assert.strictEqual(fixed(encoded, 'ldif.inter-org-address-type'), `${CA}msExchInterOrgAddressType: SMTP,X500\n`);
    assert.deepStrictEqual(codes(`${CA}msExchInterOrgAddressType: SMTP,X500\n`), []);
  });
});

describe('ldif: ldifde change types, space-only lines and templates', () => {
  it('reads ntdsSchemaAdd/Modify/Delete/ModRdn as add/modify/delete/modrdn', () => {
    const schema = 'dn: CN=x-Attr,CN=Schema,CN=Configuration,DC=X\n';
    assert.deepStrictEqual(codes(`${schema}changetype: ntdsSchemaAdd\nobjectClass: attributeSchema\n`), []);
    assert.deepStrictEqual(codes(`${schema}changeType: ntdsSchemaModify\nreplace: isDefunct\nisDefunct: TRUE\n-\n`), []);
    assert.deepStrictEqual(codes(`${schema}changetype: ntdsSchemaModify\nisDefunct: TRUE\n`), ['ldif.invalid-modify-line']);
    assert.deepStrictEqual(codes(`${schema}changetype: ntdsSchemaDelete\n`), []);
    assert.deepStrictEqual(codes(`${schema}changetype: ntdsSchemaModRdn\nnewrdn: CN=y-Attr\ndeleteoldrdn: 1\n`), []);
    assert.deepStrictEqual(codes(`${schema}changetype: ntdsSchemaUpdate\n`), ['ldif.invalid-changetype']);
  });

  it('reads a space-only line as the end of the record, warns once, and the fix empties it (before/after)', () => {
    const text = 'dn: CN=a,DC=y\nchangetype: add\ncn: a\n \ndn: CN=b,DC=y\nchangetype: add\ncn: b\n';
    assert.deepStrictEqual(codes(text), ['ldif.blank-line-with-spaces']);
    assert.strictEqual(ldifLanguage.parse(text).records.length, 2);
    const after = fixed(text, 'ldif.blank-line-with-spaces');
    assert.strictEqual(after, 'dn: CN=a,DC=y\nchangetype: add\ncn: a\n\ndn: CN=b,DC=y\nchangetype: add\ncn: b\n');
    assert.deepStrictEqual(codes(after), []);
    // A folded value keeps its continuation lines.
    assert.deepStrictEqual(codes('dn: CN=a,DC=y\ndescription: one\n two\n'), []);
  });

  it('reports template placeholders once per file and still checks the DN around them', () => {
    const text = 'dn: CN=<QB DL Name>,<ParentDN>\nchangetype: add\nmsExchDynamicDLFilter: <LDAP Filter>\nmsExchDynamicDLBaseDN: <BaseDN>\n\ndn: CN=InformationStore,CN=${NETBIOSNAME},${FIRSTORGDN}\ncn: InformationStore\n';
    const d = only(text, 'ldif.template-placeholder');
    assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.character], [0, 7, 19]);
    assert.match(d.message, /<QB DL Name> and 5 more placeholders/);
    assert.deepStrictEqual(codes(text), ['ldif.template-placeholder']);
    assert.deepStrictEqual(codes('dn: CN=<Server Name>,,DC=y\ncn: x\n'), ['ldif.template-placeholder', 'ldif.invalid-dn']);
    assert.deepStrictEqual(codes('dn: CN=x,DC=y\ndescription: <none>\n'), [], 'a value in angle brackets is no placeholder outside DNs and checked attributes');
  });
});
