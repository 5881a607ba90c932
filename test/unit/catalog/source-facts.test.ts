/**
 * Facts corrected by the audit of catalogs and messages against the seed documents and reference notes
 * (seed-facts.md, external-facts.md, exchange-schema-facts.md). Each test pins one corrected fact or citation.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { RegistryCatalog } from '../../../server/src/core/catalog';
import { switchNamed } from '../../../server/src/languages/bootini/switches';
import { attributeNamed } from '../../../server/src/languages/ldapfilter/attributes';
import { ATTRIBUTES as LDIF_HOVER } from '../../../server/src/languages/ldif/hover';
import { ldifLanguage } from '../../../server/src/languages/ldif';
import { Diagnostic } from '../../../server/src/core/types';
import { ldapfilterLanguage } from '../../../server/src/languages/ldapfilter';
import { diagnose as diagnoseFilter, good } from '../../helpers/ldapfilter';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const registry = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'data', 'catalog', 'registry.json'), 'utf8')) as RegistryCatalog;
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SG = 'dn: CN=First Storage Group,CN=InformationStore,CN=S1,CN=Servers,DC=contoso,DC=com\n';

function ldif(text: string, code: string): Diagnostic {
  const found = ldifLanguage.validate(ldifLanguage.parse(text)).filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, code);
  return found[0];
}

describe('facts pinned by the source audit', () => {
  it('ExIFS: the reboot-on-every-update caveat cites 003:381 (003:386 is a blank line)', () => {
    const e = registry.entries.find((x) => x.id === 'exifs.parameters.drive-letter')!;
    assert.ok(e.notes?.some((n) => /update or service pack \(003:381\)/.test(n)));
    assert.ok(!e.notes?.some((n) => /003:386/.test(n)));
  });

  it('/MAXMEM: both lower limits for Windows NT are given (8 per KB 108393, 12 per KB 170756)', () => {
    const notes = switchNamed('MAXMEM')!.notes!.join(' ');
    assert.match(notes, /8 per KB 108393/);
    assert.match(notes, /12 per KB 170756/);
  });

  it('msExchESEParamLogBuffers above 9000: the message paraphrases the Deployment Guide (004:1882) and names it', () => {
    const d = ldif(`${SG}msExchESEParamLogBuffers: 12000\n`, 'ldif.log-buffers-too-high');
    assert.match(d.message, /Exchange Server 2003 Deployment Guide/);
    assert.doesNotMatch(d.message, /as that can corrupt transaction log files/);
  });

  it('msExchESEParamLogBuffers set: the message and hover name the 9000-on-Exchange-2003 contradiction in words (⚠D5)', () => {
    const d = ldif(`${SG}msExchESEParamLogBuffers: 500\n`, 'ldif.log-buffers-set');
    assert.match(d.message, /Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000/);
    assert.match(LDIF_HOVER.msexcheseparamlogbuffers, /Removing Exchange 2000 Server Tuning Parameters/);
    assert.match(LDIF_HOVER.msexcheseparamlogbuffers, /How to Set the msExchESEParamLogBuffers Attribute for Exchange/);
    assert.match(LDIF_HOVER.msexcheseparamlogbuffers, /512/); // ⚠D4: 500 or 512 for Exchange 2000 SP3
  });

  it('msExchPreferredBackfillSource: the GUID of the book (003:402, ⚠D24) and the DN syntax of the schema are both accepted', () => {
    const d = ldif('dn: CN=p,DC=y\nmsExchPreferredBackfillSource: SERVER02\n', 'ldif.invalid-backfill-source');
    assert.match(d.message, /Exchange Server 2003 Distilled/);
    assert.match(d.message, /DN syntax/);
    assert.doesNotMatch(d.message, /must be the GUID of the public folder store/);
    assert.match(LDIF_HOVER.msexchpreferredbackfillsource, /Public Folder Store GUID/);
    assert.match(LDIF_HOVER.msexchpreferredbackfillsource, /distinguished-name syntax/);
    const dnValue = 'dn: CN=p,DC=y\nmsExchPreferredBackfillSource: CN=Public Folder Store (SERVER02),CN=First Storage Group,CN=InformationStore,CN=SERVER02,DC=y\n';
    assert.deepStrictEqual(ldifLanguage.validate(ldifLanguage.parse(dnValue)), []);
    const section = README.slice(README.indexOf('### `ldif.invalid-backfill-source`'));
    assert.match(section.slice(0, section.indexOf('\n### ')), /Distilled/);
  });

  it('extensionAttribute11-13 and 15: rangeUpper 2048 is marked uncertain (KB 821747 says 1024)', () => {
    for (const n of [11, 12, 13, 15]) {
      const a = attributeNamed(`extensionAttribute${n}`)!;
      assert.strictEqual(a.rangeUpper, 2048);
      assert.ok(a.notes?.some((x) => /KB 821747/.test(x) && /1024/.test(x)), a.name);
    }
    assert.strictEqual(attributeNamed('extensionAttribute14')!.inGC, 'unknown');
  });

  it('an attribute outside the GC: the advice does not claim extensionAttribute14 is in the GC', () => {
    const d = diagnoseFilter(good('(employeeID=123)')).find((x) => x.code === 'ldapfilter.attribute-not-in-gc')!;
    assert.ok(d);
    assert.doesNotMatch(d.message, /extensionAttribute1-15/);
  });

  it('hover on the SystemMailbox exclusion does not claim it is the tools\' exact output (external-facts §5.3: not verified)', () => {
    const doc = ldapfilterLanguage.parse('(&(mailNickname=*)(!(cn=SystemMailbox{*}))(&(objectCategory=person)(objectClass=contact)))');
    const not = ldapfilterLanguage.hover(doc, { line: 0, character: 19 })!;
    assert.match(not.contents, /not verified from a primary source/);
    assert.doesNotMatch(not.contents, /as Exchange System Manager and ADUC write it/);
    const contacts = ldapfilterLanguage.hover(doc, { line: 0, character: 43 })!;
    assert.match(contacts.contents, /Contacts with external e-mail addresses\*\*, as Exchange System Manager and ADUC write it/);
  });
});
