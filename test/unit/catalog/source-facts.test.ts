/**
 * Facts corrected by the audit of catalogs and messages against the seed documents and reference notes
 * (seed-facts.md, external-facts.md, exchange-schema-facts.md). Each test pins one corrected fact or citation.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ExchangeContext, RegistryCatalog } from '../../../server/src/core/catalog';
import { registryIndex } from '../../../server/src/core/catalogLoad';
import { regLanguage } from '../../../server/src/languages/reg';
import { switchNamed } from '../../../server/src/languages/bootini/switches';
import { attributeNamed } from '../../../server/src/languages/ldapfilter/attributes';
import { ATTRIBUTES as LDIF_HOVER } from '../../../server/src/languages/ldif/hover';
import { ldifLanguage } from '../../../server/src/languages/ldif';
import { Diagnostic } from '../../../server/src/core/types';
import { ldapfilterLanguage } from '../../../server/src/languages/ldapfilter';
import { diagnose as diagnoseFilter, good } from '../../helpers/ldapfilter';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const registry = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'data', 'catalog', 'registry.json'), 'utf8')) as RegistryCatalog;
const REG_V5 = 'Windows Registry Editor Version 5.00';
const SG = 'dn: CN=First Storage Group,CN=InformationStore,CN=S1,CN=Servers,DC=contoso,DC=com\n';

function ldif(text: string, code: string): Diagnostic {
  const found = ldifLanguage.validate(ldifLanguage.parse(text)).filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, code);
  return found[0];
}

describe('facts pinned by the source audit', () => {
  it('ExIFS: the reboot-on-every-update caveat is evidenced by 003:381 (003:386 is a blank line) and named by the book to users', () => {
    const e = registry.entries.find((x) => x.id === 'exifs.parameters.drive-letter')!;
    assert.ok(e.internalNotes?.some((n) => /003:381/.test(n)));
    assert.ok(e.notes?.some((n) => /update or service pack \(Exchange Server 2003 Distilled\)/.test(n)));
    assert.ok(![...(e.notes ?? []), ...(e.internalNotes ?? [])].some((n) => /003:386/.test(n)));
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
    assert.match(fs.readFileSync(path.join(ROOT, 'docs', 'codes', 'ldif.invalid-backfill-source.md'), 'utf8'), /Distilled/);
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

describe('registry catalog: claims beyond the sources, corrected', () => {
  const entry = (id: string) => registry.entries.find((x) => x.id === id)!;
  const SERVICES = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services';
  const IS = `[${SERVICES}\\MSExchangeIS\\ParametersSystem]`;
  const run = (body: string[], context: ExchangeContext = { exchangeVersion: '2003' }): Diagnostic[] =>
    regLanguage.validate(regLanguage.parse([REG_V5, '', ...body, ''].join('\r\n')), { exchange: { context, registry: registryIndex() } });

  it('MaxMessageObjects is documented for Exchange 2003 too (KB 258748); the Analyzer reports any value as non-default and warns below 30001', () => {
    const e = entry('exchange.mailmsg.max-message-objects');
    assert.deepStrictEqual(e.versions, ['2000', '2003']);
    assert.ok(e.sources.some((s) => s.kb?.includes('258748')));
    assert.deepStrictEqual([e.recommended?.min, e.recommended?.max], [30001, 100000]);
    const key = '[HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Exchange\\Mailmsg]';
    // Exchange Server Analyzer rows 49 and 50: any value above 0 is non-default, below 30001 a warning.
    const usual = run([key, '"MaxMessageObjects"=dword:000186a0']);
    assert.deepStrictEqual(usual.map((d) => [d.code, d.severity]), [['reg.analyzer-information', 'information']]);
    assert.match(usual[0].message, /non-default configuration/);
    const low = run([key, '"MaxMessageObjects"=dword:00002710']);
    // The analyzer's warning says more than the recommendation it was taken from: one statement, the stronger one.
    assert.deepStrictEqual(low.map((d) => [d.code, d.severity]), [['reg.analyzer-warning', 'warning']]);
    assert.match(low[0].message, /Exchange Server Analyzer reports a warning .*below 30001/);
    assert.doesNotMatch(low[0].message, /ignores/);
    // On Exchange 2000 the same holds: no version finding either way.
    assert.deepStrictEqual(run([key, '"MaxMessageObjects"=dword:000186a0'], { exchangeVersion: '2000' }).map((d) => d.code), ['reg.analyzer-information']);
  });

  it('DriveLetter is read by Exchange 2000 as well: the Analyzer reports the mapping as an error there too, never "ignored"', () => {
    assert.deepStrictEqual(entry('exifs.parameters.drive-letter').versions, ['2000', '2003']);
    const d = run([`[${SERVICES}\\ExIFS\\Parameters]`, '"DriveLetter"="M"'], { exchangeVersion: '2000' });
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['reg.analyzer-error', 'error']]);
    assert.match(d[0].message, /Exchange Server Analyzer reports an error/);
    assert.doesNotMatch(d[0].message, /ignores/);
  });

  it('an undocumented value: the message says what the source says it does, and nothing where no source says', () => {
    const compression = run([IS, '"Rpc Compression Enabled"=dword:00000005']);
    assert.deepStrictEqual(compression.map((d) => d.code), ['reg.value-not-allowed']);
    assert.match(compression[0].message, /Any value other than 1 disables MAPI compression/); // 003:286
    const oof = run([IS, '"SuppressOOFsToDistributionLists"=dword:00000002']);
    assert.match(oof[0].message, /Any value other than 1 leaves the behaviour unchanged/); // 003:333
    const attachments = run([`[${SERVICES}\\MSExchangeWeb\\OWA]`, '"DisableAttachments"=dword:00000003']);
    assert.deepStrictEqual(attachments.map((d) => d.code), ['reg.value-not-allowed']);
    for (const d of [...compression, ...oof, ...attachments]) assert.doesNotMatch(d.message, /unpredictabl/);
    assert.doesNotMatch(attachments[0].message, /other than/);
  });

  it('Rpc Compression Enabled = 0: compression off for troubleshooting only; no claim about buffer packing or deleting the value (003:288-290)', () => {
    const e = entry('msexchangeis.parameterssystem.rpc-compression-enabled');
    const shown = [e.description, ...(e.notes ?? []), ...e.allowed!.map((a) => a.meaning), ...e.discouragedValues!.map((d) => d.reason)].join(' ');
    assert.doesNotMatch(shown, /packing with it|and with it buffer packing|then delete the value/);
    const d = run([IS, '"Rpc Compression Enabled"=dword:00000000']);
    assert.deepStrictEqual(d.map((x) => x.code), ['reg.discouraged-setting']);
    assert.match(d[0].message, /troubleshooting only/);
    assert.doesNotMatch(d[0].message, /buffer packing|delete/i);
    assert.doesNotMatch(entry('msexchangeis.parameterssystem.rpc-packing-enabled').discouragedValues![0].reason, /delete/);
  });

  it('Maximum Polling Frequency: 60 seconds is a recommendation (003:309), not a documented range', () => {
    const e = entry('msexchangeis.parameterssystem.maximum-polling-frequency');
    assert.strictEqual(e.min, undefined);
    assert.strictEqual(e.recommended?.min, 60000);
    assert.match(e.sources[0].evidence ?? '', /recommendation 003:309/);
    assert.ok(e.internalNotes?.some((n) => /003:309/.test(n)));
    const d = run([IS, '"Maximum Polling Frequency"=dword:00007530']);
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['reg.discouraged-setting', 'information']]);
    assert.match(d[0].message, /recommended value is at least 60000/);
    assert.doesNotMatch(d[0].message, /documented range/);
  });

  it('EnableFreedocs: the data line is 003:67, not 003:66; section heading Freedocs', () => {
    const e = entry('msexchangeweb.owa.enable-freedocs');
    assert.match(e.sources[0].evidence ?? '', /data line 003:67/);
    assert.match(e.sources[0].section, /Freedocs$/);
    assert.ok(e.internalNotes?.some((n) => /003:67/.test(n)));
  });

  it('restarts no source names are not claimed: DSAccess caches, SMTP pool threads, Reserve Increment KB', () => {
    for (const id of [
      'msexchangedsaccess.instance0.max-memory-config',
      'msexchangedsaccess.instance0.max-memory-user',
      'smtpsvc.queuing.max-percent-pool-threads',
      'smtpsvc.queuing.additional-pool-threads-per-proc',
      'msexchangeis.parameterssystem.reserve-increment-kb',
    ]) {
      const e = entry(id);
      assert.strictEqual(e.restart, undefined, id);
      assert.ok(e.notes?.some((n) => /sources do not say/.test(n)), id);
    }
    const d = run([`[${SERVICES}\\MSExchangeDSAccess\\Instance0]`, '"MaxMemoryUser"=dword:00019000', '"MaxMemoryConfig"=dword:00001000']);
    assert.deepStrictEqual(d.map((x) => x.code), ['reg.deprecated-e2k-tuning', 'reg.deprecated-e2k-tuning']);
    for (const x of d) assert.doesNotMatch(x.message, /restart/i);
  });

  it('MaxPercentPoolThreads / AdditionalPoolThreadsPerProc: the headline says the Analyzer still tunes them, and does not say "should not stay"', () => {
    const d = run([`[${SERVICES}\\SMTPSVC\\Queuing]`, '"MaxPercentPoolThreads"=dword:0000000f', '"AdditionalPoolThreadsPerProc"=dword:00000004']);
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [
      ['reg.deprecated-e2k-tuning', 'information'],
      ['reg.deprecated-e2k-tuning', 'information'],
    ]);
    for (const x of d) {
      assert.match(x.message, /Exchange Server Analyzer still treats it as cluster tuning/);
      assert.doesNotMatch(x.message, /should not stay/);
    }
  });

  it('Initial Memory Percentage: "no longer works with Exchange 2003" (001:1755), without the unsourced /3GB wording', () => {
    const e = entry('msexchangeis.parameterssystem.initial-memory-percentage');
    assert.match(e.replacedBy ?? '', /no longer works on Exchange 2003/);
    assert.doesNotMatch(e.replacedBy ?? '', /3GB|fragmentation fixes/);
  });

  it('audit of the other entries: no unsourced front-end example for the memory check, both DSAccess defaults named with their sources', () => {
    const suppress = entry('msexchangeis.parameterssystem.suppress-memory-configuration-notification');
    assert.doesNotMatch(suppress.description, /front-end/); // 001:1699-1713 gives no such case
    const config = entry('msexchangedsaccess.instance0.max-memory-config');
    assert.match(config.defaultWhenAbsent ?? '', /3 MB per TechNet .*5 MB per the Exchange Server Analyzer/);
    assert.ok(config.sources.some((s) => /configuration cache is full/.test(s.document)));
    const pages = entry('session-manager.memory-management.system-pages');
    assert.ok(pages.notes?.some((n) => /blog\.5dmail\.net/.test(n)), 'the Exchange 2000 article is named where a reader can find it');
  });

  it('sources that were reference notes now name the primary source the note names', () => {
    for (const e of registry.entries) for (const s of e.sources) assert.doesNotMatch(`${s.document} ${s.section}`, /facts|§/, e.id);
    const heap = entry('session-manager.heap-decommit-free-block-threshold');
    assert.ok(heap.sources.some((s) => /Sub-optimal Memory Settings/.test(s.document)));
    assert.ok(heap.sources.some((s) => s.kb?.includes('815372')));
  });
});
