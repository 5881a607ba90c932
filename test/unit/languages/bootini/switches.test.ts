/** Switches: names, values, ranges, duplicates, contradictions, dependencies and Windows versions. */
import * as assert from 'assert';
import { bootIni, clean, codes, context, diagAt, ENTRY, noCode, one, PATH, W2000AS, W2003 } from '../../../helpers/bootini';

/** W2003 is 77 characters long: the first switch starts at column 78. */
const AT = W2003.length + 1;
const entry = (switches: string, description = W2003): string => bootIni(`${description} ${switches}`);

describe('bootini: switch names', () => {
  it('accepts every documented switch in any letter case', () => {
    clean(entry('/fastdetect /NoExecute=OptOut /SOS /BaseVideo /bootlog /noguiboot /3gb /userva=3030 /pae /usepmtimer'));
    clean(entry('/DEBUG /DEBUGPORT=COM1 /BAUDRATE=115200 /MAXMEM=512 /BURNMEMORY=128 /NUMPROC=2 /ONECPU /PCILOCK /HAL=halmps.dll /KERNEL=ntkrnlmp.exe'));
    clean(entry('/TIMERES=9766 /MAXPROCSPERCLUSTER=4 /INTAFFINITY /YEAR=2005 /USE8254 /BREAK /LASTKNOWNGOOD /SCSIORDINAL:1'));
  });

  it('unknown-switch: a misspelling, with did-you-mean; a lone slash', () => {
    const d = diagAt(entry('/fastdetct'), 'bootini.unknown-switch', ENTRY, AT, AT + 10);
    assert.match(d.message, /did you mean \/FASTDETECT\?/);
    assert.strictEqual(d.severity, 'warning');
    assert.match(one(entry('/3G'), 'bootini.unknown-switch').message, /did you mean \/3GB\?/);
    assert.match(diagAt(entry('/USERV=3030'), 'bootini.unknown-switch', ENTRY, AT, AT + 6).message, /did you mean \/USERVA/);
    assert.doesNotMatch(one(entry('/turbo'), 'bootini.unknown-switch').message, /did you mean/);
    assert.match(one(entry('/'), 'bootini.unknown-switch').message, /without a switch name/);
  });
});

describe('bootini: switch values', () => {
  it('switch-value-missing: a value switch without a value, or with nothing after the separator', () => {
    const d = diagAt(entry('/3GB /USERVA'), 'bootini.switch-value-missing', ENTRY, AT + 5, AT + 12);
    assert.strictEqual(d.severity, 'error');
    diagAt(entry('/NOEXECUTE'), 'bootini.switch-value-missing', ENTRY, AT, AT + 10);
    diagAt(entry('/3GB /USERVA='), 'bootini.switch-value-missing', ENTRY, AT + 5, AT + 13);
    // "/safeboot: minimal", as KB 833721 prints it: the blank cuts the value off.
    assert.match(one(entry('/safeboot: minimal'), 'bootini.switch-value-missing').message, /Remove the blank/);
  });

  it('switch-value-missing is silent for switches whose value is optional', () => {
    noCode(entry('/fastdetect /NOSERIALMICE', 'multi(0)disk(0)rdisk(0)partition(1)\\WINNT="Windows NT Server Version 4.00"'), 'bootini.switch-value-missing');
    clean(entry('/fastdetect:COM1,2'));
  });

  it('unexpected-switch-value: a value on a switch that takes none', () => {
    const d = diagAt(entry('/PAE=yes'), 'bootini.unexpected-switch-value', ENTRY, AT + 4, AT + 8);
    assert.strictEqual(d.severity, 'warning');
    noCode(entry('/PAE'), 'bootini.unexpected-switch-value');
  });

  it('invalid-switch-value: not a number, not a documented value, wrong separator, wrong form', () => {
    diagAt(entry('/3GB /USERVA=3030MB'), 'bootini.invalid-switch-value', ENTRY, AT + 13, AT + 19);
    assert.match(diagAt(entry('/NOEXECUTE=optinn'), 'bootini.invalid-switch-value', ENTRY, AT + 11, AT + 17).message, /did you mean OptIn/);
    assert.match(one(entry('/SAFEBOOT:disrepair'), 'bootini.invalid-switch-value').message, /misprints dsrepair/);
    one(entry('/TIMERES=10000'), 'bootini.invalid-switch-value');
    assert.match(diagAt(entry('/3GB /USERVA:3030'), 'bootini.invalid-switch-value', ENTRY, AT + 12, AT + 13).message, /after "="/);
    assert.match(one(entry('/SAFEBOOT=minimal'), 'bootini.invalid-switch-value').message, /after ":"/);
    one(entry('/DEBUGPORT=LPT1'), 'bootini.invalid-switch-value');
    one(entry('/HAL=c:\\hal.dll'), 'bootini.invalid-switch-value');
    one(entry('/fastdetect:LPT1'), 'bootini.invalid-switch-value');
  });

  it('invalid-switch-value is silent on documented values in any case', () => {
    for (const v of ['optin', 'OPTOUT', 'AlwaysOn', 'alwaysoff']) noCode(entry(`/noexecute=${v}`), 'bootini.invalid-switch-value');
    for (const v of ['minimal', 'network', 'minimal(alternateshell)', 'DSREPAIR']) noCode(entry(`/safeboot:${v}`), 'bootini.invalid-switch-value');
    for (const v of ['9766', '19532', '39063', '78125']) noCode(entry(`/timeres=${v}`), 'bootini.invalid-switch-value');
    for (const v of ['COM1', 'com2', '1394', 'usb']) noCode(entry(`/debugport=${v}`), 'bootini.invalid-switch-value');
  });

  it('switch-value-out-of-range: /USERVA outside 2048-3072, /CHANNEL above 62, /MAXPROCSPERCLUSTER above 4, /NUMPROC=0', () => {
    const d = diagAt(entry('/3GB /USERVA=3100'), 'bootini.switch-value-out-of-range', ENTRY, AT + 13, AT + 17);
    assert.strictEqual(d.severity, 'error');
    assert.match(d.message, /2048 to 3072 MB/);
    assert.match(d.message, /For Exchange 2003 write \/USERVA=3030/);
    one(entry('/3GB /USERVA=1024'), 'bootini.switch-value-out-of-range');
    one(entry('/debug /debugport=1394 /channel=63'), 'bootini.switch-value-out-of-range');
    one(entry('/MAXPROCSPERCLUSTER=8'), 'bootini.switch-value-out-of-range');
    one(entry('/NUMPROC=0'), 'bootini.switch-value-out-of-range');
  });

  it('switch-value-out-of-range is silent at the bounds', () => {
    for (const v of ['2048', '3072']) noCode(entry(`/3GB /USERVA=${v}`), 'bootini.switch-value-out-of-range');
    for (const v of ['0', '62']) noCode(entry(`/debug /debugport=1394 /channel=${v}`), 'bootini.switch-value-out-of-range');
  });
});

describe('bootini: switches together', () => {
  it('duplicate-switch: the second one, linked to the first, whatever its case', () => {
    const d = diagAt(entry('/fastdetect /sos /FastDetect'), 'bootini.duplicate-switch', ENTRY, AT + 17, AT + 28);
    assert.deepStrictEqual(d.related?.[0].range.start, { line: ENTRY, character: AT });
    assert.deepStrictEqual(d.tags, ['unnecessary']);
    assert.match(one(entry('/3GB /USERVA=3030 /USERVA=2900'), 'bootini.duplicate-switch').message, /different values/);
    noCode(entry('/fastdetect /sos'), 'bootini.duplicate-switch');
  });

  it('conflicting-switches: /PAE with /NOPAE, /NODEBUG with /DEBUGPORT, /NOEXECUTE with /EXECUTE, /DEBUG with /CRASHDEBUG', () => {
    const d = diagAt(entry('/PAE /NOPAE'), 'bootini.conflicting-switches', ENTRY, AT + 5, AT + 11);
    assert.deepStrictEqual(d.related?.[0].range.start, { line: ENTRY, character: AT });
    assert.match(one(entry('/NODEBUG /debugport=com1'), 'bootini.conflicting-switches').message, /imply \/DEBUG/);
    one(entry('/NOEXECUTE=OptOut /EXECUTE'), 'bootini.conflicting-switches');
    one(entry('/DEBUG /CRASHDEBUG'), 'bootini.conflicting-switches');
    // One diagnostic per pair, even when a switch is repeated.
    assert.strictEqual(codes(entry('/PAE /NOPAE /PAE')).filter((c) => c === 'bootini.conflicting-switches').length, 1);
    noCode(entry('/PAE /NOEXECUTE=AlwaysOff'), 'bootini.conflicting-switches');
    noCode(entry('/debug /debugport=com1 /baudrate=115200'), 'bootini.conflicting-switches');
  });

  it('switch-ignored: /USERVA without /3GB, /BOOTLOGO without /NOGUIBOOT, /NOLOWMEM without /PAE, /CHANNEL without /DEBUGPORT=1394', () => {
    const d = diagAt(entry('/USERVA=3030'), 'bootini.switch-ignored', ENTRY, AT, AT + 12);
    assert.match(d.message, /without \/3GB Windows ignores it/);
    one(entry('/BOOTLOGO'), 'bootini.switch-ignored');
    one(entry('/NOLOWMEM'), 'bootini.switch-ignored');
    assert.match(one(entry('/debug /debugport=com1 /channel=3'), 'bootini.switch-ignored').message, /has \/DEBUGPORT=com1/);
    noCode(entry('/3GB /USERVA=3030'), 'bootini.switch-ignored');
    noCode(entry('/NOGUIBOOT /BOOTLOGO'), 'bootini.switch-ignored');
    noCode(entry('/PAE /NOLOWMEM'), 'bootini.switch-ignored');
    noCode(entry('/debug /debugport=1394 /channel=3'), 'bootini.switch-ignored');
  });

  it('redirect-without-port: /REDIRECT without redirect= in [boot loader]', () => {
    const d = diagAt(entry('/fastdetect /redirect'), 'bootini.redirect-without-port', ENTRY, AT + 12, AT + 21);
    assert.match(d.message, /redirect=/);
    clean(entry('/fastdetect /redirect').replace('timeout=30', 'timeout=30\r\nredirect=COM1\r\nredirectbaudrate=19200'));
  });
});

describe('bootini: switches and Windows versions', () => {
  it('switch-not-for-version: /USERVA on Windows 2000 (from the description)', () => {
    const d = diagAt(entry('/3GB /USERVA=3030', W2000AS), 'bootini.switch-not-for-version', ENTRY, W2000AS.length + 6, W2000AS.length + 13);
    assert.match(d.message, /known only to Windows XP and Windows Server 2003/);
    assert.match(d.message, /Windows 2000 Advanced Server \(as the description says\)/);
  });

  it('switch-not-for-version: /NOEXECUTE on Windows 2000, and before Windows Server 2003 SP1 when the description names the service pack', () => {
    one(entry('/NOEXECUTE=OptOut', W2000AS), 'bootini.switch-not-for-version');
    const sp0 = `${PATH}="Windows Server 2003, Enterprise SP0"`;
    assert.match(one(entry('/NOEXECUTE=OptOut', sp0), 'bootini.switch-not-for-version').message, /from Windows Server 2003 SP1 on/);
    noCode(entry('/NOEXECUTE=OptOut', `${PATH}="Windows Server 2003, Enterprise SP1"`), 'bootini.switch-not-for-version');
    // Without a service pack in the description, nothing is assumed.
    noCode(entry('/NOEXECUTE=OptOut'), 'bootini.switch-not-for-version');
  });

  it('switch-not-for-version: /NOSERIALMICE on Windows Server 2003 names its successor', () => {
    assert.match(one(entry('/NOSERIALMICE:COM1'), 'bootini.switch-not-for-version').message, /called \/FASTDETECT/);
  });

  it('switch-not-for-version: a value only later versions know (/DEBUGPORT=1394 on Windows 2000)', () => {
    const text = entry('/debug /debugport=1394', W2000AS);
    const d = one(text, 'bootini.switch-not-for-version');
    assert.deepStrictEqual([d.range.start.character, d.range.end.character], [W2000AS.length + 19, W2000AS.length + 23]);
    noCode(entry('/debug /debugport=com2', W2000AS), 'bootini.switch-not-for-version');
  });

  it('switch-not-for-version uses the configured Windows version when the description names none', () => {
    const plain = `${PATH}="Exchange server"`;
    noCode(entry('/3GB /USERVA=3030', plain), 'bootini.switch-not-for-version');
    const d = one(entry('/3GB /USERVA=3030', plain), 'bootini.switch-not-for-version', context({ windowsVersion: '2000' }));
    assert.match(d.message, /Windows 2000 \(the configured Windows version\)/);
    // The description wins over the setting.
    noCode(entry('/3GB /USERVA=3030'), 'bootini.switch-not-for-version', context({ windowsVersion: '2000' }));
  });

  it('is silent on switches the version knows, and on drive-path entries', () => {
    noCode(entry('/fastdetect /3GB /PAE', W2000AS), 'bootini.switch-not-for-version');
    noCode(bootIni(`${W2003} /fastdetect`, 'C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons'), 'bootini.switch-not-for-version', context({ windowsVersion: '2000' }));
  });
});

describe('bootini: Windows version from the description', () => {
  it('reads the release, edition and service pack Setup and administrators write', async () => {
    const { windowsFromDescription } = await import('../../../../server/src/languages/bootini/windows');
    assert.deepStrictEqual(windowsFromDescription('Windows Server 2003, Enterprise'), { release: '2003', edition: 'enterprise' });
    assert.deepStrictEqual(windowsFromDescription('Windows Server 2003, Standard SP1'), { release: '2003', edition: 'standard', servicePack: 1 });
    assert.deepStrictEqual(windowsFromDescription('Windows .NET Enterprise Server'), { release: '2003', edition: 'enterprise' });
    assert.deepStrictEqual(windowsFromDescription('Microsoft Windows 2000 Advanced Server'), { release: '2000', edition: 'advanced' });
    assert.deepStrictEqual(windowsFromDescription('Microsoft Windows 2000 Datacenter Server Service Pack 4'), { release: '2000', edition: 'datacenter', servicePack: 4 });
    assert.deepStrictEqual(windowsFromDescription('Microsoft Windows 2000 Server'), { release: '2000', edition: 'server' });
    assert.deepStrictEqual(windowsFromDescription('Microsoft Windows 2000 Professional'), { release: '2000', edition: 'professional' });
    assert.deepStrictEqual(windowsFromDescription('Microsoft Windows XP Professional'), { release: 'xp', edition: 'professional' });
    assert.deepStrictEqual(windowsFromDescription('Windows NT Server Version 4.00'), { release: 'nt4' });
    assert.strictEqual(windowsFromDescription('Microsoft Windows Recovery Console'), undefined);
    assert.strictEqual(windowsFromDescription('Mail server'), undefined);
  });
});
