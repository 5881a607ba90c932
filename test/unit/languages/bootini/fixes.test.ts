/** Quick fixes: minimal edits, CRLF kept, the obviously right one preferred. Inputs and outputs are whole files. */
import * as assert from 'assert';
import { fixAllEdits } from '../../../../server/src/core/fixAll';
import { bootiniLanguage } from '../../../../server/src/languages/bootini';
import { applyEdits, applyFix, bootIni, codes, context, diagnose, fixesFor, PATH, W2000AS, W2000S, W2003 } from '../../../helpers/bootini';

const MAILBOX = context({ role: 'mailbox' });

function fixes(before: string, after: string, code: string, title?: RegExp, options?: Parameters<typeof applyFix>[3]): void {
  assert.strictEqual(applyFix(before, code, title, options), after);
}

function preferred(text: string, code: string, options?: Parameters<typeof applyFix>[3]): string[] {
  return fixesFor(text, code, options)
    .filter((f) => f.isPreferred)
    .map((f) => f.title);
}

describe('bootini: quick fixes', () => {
  it('3gb-without-userva: adds /USERVA=3030 right after /3GB (preferred), in the case /3GB is written in', () => {
    fixes(bootIni(`${W2003} /fastdetect /3GB /sos`), bootIni(`${W2003} /fastdetect /3GB /USERVA=3030 /sos`), 'bootini.3gb-without-userva');
    fixes(bootIni(`${W2003} /fastdetect /3gb`), bootIni(`${W2003} /fastdetect /3gb /userva=3030`), 'bootini.3gb-without-userva');
    assert.deepStrictEqual(preferred(bootIni(`${W2003} /3GB`), 'bootini.3gb-without-userva'), ['Add /USERVA=3030']);
  });

  it('userva-outside-exchange-range and switch-value-out-of-range: set /USERVA to 3030 (preferred)', () => {
    fixes(bootIni(`${W2003} /3GB /USERVA=2900`), bootIni(`${W2003} /3GB /USERVA=3030`), 'bootini.userva-outside-exchange-range');
    fixes(bootIni(`${W2003} /3GB /USERVA=3100 /sos`), bootIni(`${W2003} /3GB /USERVA=3030 /sos`), 'bootini.switch-value-out-of-range');
    assert.deepStrictEqual(preferred(bootIni(`${W2003} /3GB /USERVA=3100`), 'bootini.switch-value-out-of-range'), ['Set /USERVA=3030 (what Exchange 2003 expects)']);
    // Other switches: the nearest bound, not preferred.
    fixes(bootIni(`${W2003} /debug /debugport=1394 /channel=63`), bootIni(`${W2003} /debug /debugport=1394 /channel=62`), 'bootini.switch-value-out-of-range');
    assert.deepStrictEqual(preferred(bootIni(`${W2003} /debug /debugport=1394 /channel=63`), 'bootini.switch-value-out-of-range'), []);
  });

  it('zero-timeout-default-not-windows: points default= at the Windows entry (preferred when there is one), or sets timeout=30', () => {
    const RC = 'C:\\CMDCONS\\BOOTSECT.DAT';
    const rcEntry = `${RC}="Microsoft Windows Recovery Console" /cmdcons`;
    const before = bootIni(`${W2003} /fastdetect`, rcEntry).replace(`default=${PATH}`, `default=${RC}`).replace('timeout=30', 'timeout=0');
    const pointed = bootIni(`${W2003} /fastdetect`, rcEntry).replace('timeout=30', 'timeout=0');
    fixes(before, pointed, 'bootini.zero-timeout-default-not-windows', /Set default=/);
    fixes(before, before.replace('timeout=0', 'timeout=30'), 'bootini.zero-timeout-default-not-windows', /Set timeout=30/);
    assert.deepStrictEqual(preferred(before, 'bootini.zero-timeout-default-not-windows'), [`Set default=${PATH}`]);
    assert.deepStrictEqual(codes(pointed), []);
    // Two Windows entries: both offered, none preferred.
    const two = before.replace(rcEntry, `multi(0)disk(0)rdisk(1)partition(1)\\WINDOWS="Windows Server 2003, Enterprise (2)"\r\n${rcEntry}`);
    assert.deepStrictEqual(preferred(two, 'bootini.zero-timeout-default-not-windows'), []);
    assert.strictEqual(fixesFor(two, 'bootini.zero-timeout-default-not-windows').length, 3);
  });

  it('unknown-section: renames a misspelt section that the file lacks; other-section offers no fix', () => {
    const noOs = ['[boot loader]', 'timeout=30', `default=${PATH}`, '[operating sytems]', `${W2003} /fastdetect`, ''].join('\r\n');
    fixes(noOs, noOs.replace('[operating sytems]', '[operating systems]'), 'bootini.unknown-section');
    assert.deepStrictEqual(fixesFor(`${bootIni(W2003)}[Acme Tools]\r\nx=1\r\n`, 'bootini.other-section'), []);
  });

  it('3gb-on-front-end and 3gb-on-windows-2000-server: remove /3GB and /USERVA', () => {
    const front = context({ role: 'front-end' });
    fixes(bootIni(`${W2003} /fastdetect /3GB /USERVA=3030 /sos`), bootIni(`${W2003} /fastdetect /sos`), 'bootini.3gb-on-front-end', undefined, front);
    fixes(bootIni(`${W2000S} /fastdetect /3GB`), bootIni(`${W2000S} /fastdetect`), 'bootini.3gb-on-windows-2000-server');
  });

  it('pae-with-3gb-on-windows-2000: removes /PAE (preferred)', () => {
    fixes(bootIni(`${W2000AS} /fastdetect /PAE /3GB`), bootIni(`${W2000AS} /fastdetect /3GB`), 'bootini.pae-with-3gb-on-windows-2000');
    assert.deepStrictEqual(preferred(bootIni(`${W2000AS} /3GB /PAE`), 'bootini.pae-with-3gb-on-windows-2000'), ['Remove /PAE']);
  });

  it('missing-3gb: adds /3GB /USERVA=3030 at the end of the entry, not preferred (the RAM size is unknown)', () => {
    fixes(bootIni(`${W2003} /fastdetect  `), bootIni(`${W2003} /fastdetect /3GB /USERVA=3030  `), 'bootini.missing-3gb', undefined, MAILBOX);
    fixes(bootIni(`${W2000AS} /fastdetect`), bootIni(`${W2000AS} /fastdetect /3GB`), 'bootini.missing-3gb', undefined, MAILBOX);
    const unknown = bootIni(`${PATH}="Mail server" /fastdetect`);
    assert.deepStrictEqual(
      fixesFor(unknown, 'bootini.missing-3gb', MAILBOX).map((f) => f.title),
      ['Add /3GB /USERVA=3030 (Windows Server 2003)', 'Add /3GB (Windows 2000 Advanced Server or Datacenter Server)'],
    );
    assert.deepStrictEqual(preferred(unknown, 'bootini.missing-3gb', MAILBOX), []);
  });

  it('unknown-switch: the did-you-mean spelling in the written case (preferred); removal', () => {
    fixes(bootIni(`${W2003} /fastdetct /sos`), bootIni(`${W2003} /fastdetect /sos`), 'bootini.unknown-switch');
    fixes(bootIni(`${W2003} /3G`), bootIni(`${W2003} /3GB`), 'bootini.unknown-switch');
    fixes(bootIni(`${W2003} /fastdetect /turbo`), bootIni(`${W2003} /fastdetect`), 'bootini.unknown-switch', /Remove/);
    assert.deepStrictEqual(preferred(bootIni(`${W2003} /fastdetct`), 'bootini.unknown-switch'), ['Change to /fastdetect']);
  });

  it('duplicate-switch: removes the repeated switch with the blank before it (preferred when identical)', () => {
    fixes(bootIni(`${W2003} /fastdetect /sos /fastdetect /basevideo`), bootIni(`${W2003} /fastdetect /sos /basevideo`), 'bootini.duplicate-switch');
    assert.deepStrictEqual(preferred(bootIni(`${W2003} /sos /SOS`), 'bootini.duplicate-switch'), ['Remove this /SOS']);
    assert.deepStrictEqual(preferred(bootIni(`${W2003} /3GB /USERVA=3030 /USERVA=2900`), 'bootini.duplicate-switch'), []);
  });

  it('conflicting-switches: removes either one, neither preferred', () => {
    const text = bootIni(`${W2003} /PAE /NOPAE`);
    fixes(text, bootIni(`${W2003} /PAE`), 'bootini.conflicting-switches', /NOPAE/);
    fixes(text, bootIni(`${W2003} /NOPAE`), 'bootini.conflicting-switches', /Remove \/PAE/);
    assert.deepStrictEqual(preferred(text, 'bootini.conflicting-switches'), []);
  });

  it('switch-ignored: adds the missing switch before it, or removes it', () => {
    fixes(bootIni(`${W2003} /fastdetect /USERVA=3030`), bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`), 'bootini.switch-ignored', /Add/);
    fixes(bootIni(`${W2003} /fastdetect /USERVA=3030`), bootIni(`${W2003} /fastdetect`), 'bootini.switch-ignored', /Remove/);
  });

  it('switch values: the separator, a value without its blank, no value on a switch that takes none', () => {
    fixes(bootIni(`${W2003} /3GB /USERVA:3030`), bootIni(`${W2003} /3GB /USERVA=3030`), 'bootini.invalid-switch-value');
    fixes(bootIni(`${W2003} /safeboot: minimal /sos`), bootIni(`${W2003} /safeboot:minimal /sos`), 'bootini.switch-value-missing');
    fixes(bootIni(`${W2003} /3GB /USERVA`), bootIni(`${W2003} /3GB /USERVA=3030`), 'bootini.switch-value-missing');
    fixes(bootIni(`${W2003} /PAE=1 /sos`), bootIni(`${W2003} /PAE /sos`), 'bootini.unexpected-switch-value');
    fixes(bootIni(`${W2003} /NOEXECUTE=optinn`), bootIni(`${W2003} /NOEXECUTE=OptIn`), 'bootini.invalid-switch-value');
    fixes(bootIni(`${W2003} /SAFEBOOT:disrepair`), bootIni(`${W2003} /SAFEBOOT:dsrepair`), 'bootini.invalid-switch-value');
  });

  it('switch-not-for-version: /NOSERIALMICE becomes /FASTDETECT (preferred); other switches are removed', () => {
    fixes(bootIni(`${W2003} /NoSerialMice=COM1`), bootIni(`${W2003} /FASTDETECT:COM1`), 'bootini.switch-not-for-version');
    fixes(bootIni(`${W2003} /noserialmice`), bootIni(`${W2003} /fastdetect`), 'bootini.switch-not-for-version');
    fixes(bootIni(`${W2000AS} /fastdetect /NOEXECUTE=OptOut`), bootIni(`${W2000AS} /fastdetect`), 'bootini.switch-not-for-version');
  });

  it('stray-text: writes the slash, or removes the word', () => {
    fixes(bootIni(`${W2003} /fastdetect 3GB /USERVA=3030`), bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`), 'bootini.stray-text');
    fixes(bootIni(`${W2003} -PAE`), bootIni(`${W2003} /PAE`), 'bootini.stray-text');
    fixes(bootIni(`${W2003} /fastdetect ; my comment`), bootIni(`${W2003} /fastdetect`), 'bootini.stray-text');
  });

  it('descriptions: closes the quote before the first switch, adds quotes', () => {
    fixes(bootIni(`${PATH}="Windows Server 2003, Enterprise /fastdetect`), bootIni(`${W2003} /fastdetect`), 'bootini.invalid-description');
    fixes(bootIni(`${PATH}="Windows Server 2003, Enterprise`), bootIni(W2003), 'bootini.invalid-description');
    fixes(bootIni(`${PATH}=Windows Server 2003, Enterprise /fastdetect`), bootIni(`${W2003} /fastdetect`), 'bootini.invalid-description');
    fixes(bootIni(`${PATH} /fastdetect`), bootIni(`${PATH}="Microsoft Windows" /fastdetect`), 'bootini.invalid-description');
    fixes(bootIni(`${PATH}= /fastdetect /3GB /USERVA=3030`), bootIni(`${PATH}="Microsoft Windows" /fastdetect /3GB /USERVA=3030`), 'bootini.invalid-description');
    fixes(bootIni(`${PATH}=`), bootIni(`${PATH}="Microsoft Windows"`), 'bootini.invalid-description');
  });

  it('[boot loader]: key spelling, duplicate key, timeout, redirect, default', () => {
    fixes(bootIni(`${W2003}`).replace('timeout=30', 'timout=30'), bootIni(`${W2003}`), 'bootini.unknown-key');
    fixes(bootIni(`${W2003}`).replace('timeout=30', 'timeout=30\r\ntimeout=30'), bootIni(`${W2003}`), 'bootini.duplicate-key');
    fixes(bootIni(`${W2003}`).replace('timeout=30', 'timeout=30s'), bootIni(`${W2003}`), 'bootini.invalid-timeout');
    fixes(bootIni(`${W2003}`).replace('timeout=30', 'timeout=30\r\nredirect=COM11'), bootIni(`${W2003}`).replace('timeout=30', 'timeout=30\r\nredirect=COM1'), 'bootini.invalid-redirect');
    fixes(bootIni(`${W2003}`).replace('partition(1)\\WINDOWS\r\n', 'partition(2)\\WINDOWS\r\n'), bootIni(`${W2003}`), 'bootini.default-not-found');
    assert.deepStrictEqual(preferred(bootIni(`${W2003}`).replace(`default=${PATH}`, 'default=nonsense'), 'bootini.default-not-found'), [`Set default=${PATH}`]);
  });

  it('redirect-without-port: adds redirect= after the last [boot loader] setting', () => {
    const before = bootIni(`${W2003} /redirect`);
    const after = before.replace(`default=${PATH}\r\n`, `default=${PATH}\r\nredirect=USEBIOSSETTINGS\r\n`);
    fixes(before, after, 'bootini.redirect-without-port', /USEBIOSSETTINGS/);
  });

  it('sections and lines: header bracket, header trailing text, section name, comment out, add [boot loader]', () => {
    const good = bootIni(`${W2003}`);
    fixes(good.replace('[operating systems]', '[operating systems'), good, 'bootini.invalid-line');
    fixes(good.replace('[operating systems]', '[operating systems]  junk'), good, 'bootini.invalid-line');
    fixes(good.replace('[operating systems]', '[operating system]'), good, 'bootini.unknown-section');
    fixes(`junk\r\n${good}`, `; junk\r\n${good}`, 'bootini.outside-section');
    fixes(`[operating systems]\r\n${W2003}\r\n`, `[boot loader]\r\ntimeout=30\r\ndefault=${PATH}\r\n[operating systems]\r\n${W2003}\r\n`, 'bootini.missing-boot-loader');
  });

  it('keeps LF and CR line endings when it inserts lines', () => {
    const lf = `[boot loader]\ntimeout=30\ndefault=${PATH}\n[operating systems]\n${W2003} /redirect\n`;
    assert.strictEqual(applyFix(lf, 'bootini.redirect-without-port', /COM1/), lf.replace(`default=${PATH}\n`, `default=${PATH}\nredirect=COM1\n`));
    const cr = lf.replace(/\n/g, '\r');
    assert.strictEqual(applyFix(cr, 'bootini.redirect-without-port', /COM1/), cr.replace(`default=${PATH}\r`, `default=${PATH}\rredirect=COM1\r`));
    const noFinalBreak = `[boot loader]\r\ntimeout=30\r\ndefault=${PATH}`;
    const withOs = `${noFinalBreak}\r\n[operating systems]\r\n${W2003} /redirect`;
    assert.strictEqual(applyFix(withOs, 'bootini.redirect-without-port', /COM1/), `${noFinalBreak}\r\nredirect=COM1\r\n[operating systems]\r\n${W2003} /redirect`);
  });

  it('fix all applies every preferred fix and leaves a clean file (CRLF kept)', () => {
    const before = bootIni(`${W2003} /fastdetct /3GB /USERVA=2900 /sos /SOS`, `${W2003} /fastdetect /3GB`).replace('timeout=30', 'timout=30');
    const doc = bootiniLanguage.parse(before);
    const after = applyEdits(before, fixAllEdits(bootiniLanguage, doc, bootiniLanguage.validate(doc)));
    assert.strictEqual(after, bootIni(`${W2003} /fastdetect /3GB /USERVA=3030 /sos`, `${W2003} /fastdetect /3GB /USERVA=3030`));
    assert.deepStrictEqual(codes(after), []);
    assert.ok(!after.replace(/\r\n/g, '').includes('\n'));
  });

  it('offers nothing for diagnostics of other languages or without data', () => {
    const doc = bootiniLanguage.parse(bootIni(W2003));
    const [d] = diagnose(bootIni(`${W2003} /3GB`));
    assert.deepStrictEqual(bootiniLanguage.fixes!(doc, { ...d, code: 'reg.duplicate-key' }), []);
    assert.deepStrictEqual(bootiniLanguage.fixes!(doc, { ...d, data: undefined }), []);
    assert.deepStrictEqual(bootiniLanguage.fixes!(doc, { ...d, data: { fixes: [{ title: 1 }] } }), []);
  });
});
