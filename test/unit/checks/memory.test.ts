import * as assert from 'assert';
import { checkMemoryConfig, memoryReport, withCross } from '../../../server/src/checks/memory';
import { DEFAULT_CONTEXT, ExchangeContext } from '../../../server/src/core/catalog';
import { registryIndex } from '../../../server/src/core/catalogLoad';
import { ExchangeKnowledge } from '../../../server/src/core/language';
import { Diagnostic } from '../../../server/src/core/types';
import { bootiniLanguage } from '../../../server/src/languages/bootini';
import { regLanguage } from '../../../server/src/languages/reg';
import { bootIni, ENTRY, PATH, W2000AS, W2003 } from '../../helpers/bootini';
import { internalReferences, MESSAGE_MAX, MESSAGE_P95_MAX, percentile95 } from '../../helpers/userText';

const BOOT_URI = 'file:///srv/mail01/boot.ini';
const REG_URI = 'file:///srv/mail01/memory.reg';
const MM = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]';
const SM = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager]';

function reg(...lines: string[]): string {
  return ['Windows Registry Editor Version 5.00', '', ...lines, ''].join('\r\n');
}

function exchange(c: Partial<ExchangeContext> = {}): ExchangeKnowledge {
  return { context: { ...DEFAULT_CONTEXT, ...c }, registry: registryIndex() };
}

function check(boot: string, regText: string, c: Partial<ExchangeContext> = {}, overrides?: Record<string, string>): Diagnostic[] {
  return checkMemoryConfig(
    { uri: BOOT_URI, doc: bootiniLanguage.parse(boot) },
    { uri: REG_URI, doc: regLanguage.parse(regText) },
    { exchange: exchange(c), severityOverrides: overrides },
  );
}

const SP = (hex: string): string => reg(MM, `"SystemPages"=dword:${hex}`);
const HEAP = (hex: string): string => reg(SM, `"HeapDeCommitFreeBlockThreshold"=dword:${hex}`);

describe('checks: memory configuration across boot.ini and .reg', () => {
  it('Windows 2000 with /3GB: SystemPages outside 24000-31000 is reported on the value, related to /3GB', () => {
    const boot = bootIni(`${W2000AS} /fastdetect /3GB`);
    const ds = check(boot, SP('00000000'));
    assert.strictEqual(ds.length, 1);
    const d = ds[0];
    assert.strictEqual(d.code, 'cross.memory-config');
    assert.strictEqual(d.severity, 'warning');
    assert.deepStrictEqual(d.range, { start: { line: 3, character: 14 }, end: { line: 3, character: 28 } });
    assert.match(d.message, /event 9665/);
    assert.match(d.message, /24000/);
    assert.match(d.message, /Set SystemPages/);
    const line = boot.split('\r\n')[ENTRY];
    const at = line.indexOf('/3GB');
    assert.strictEqual(d.related?.[0].uri, BOOT_URI);
    assert.deepStrictEqual(d.related?.[0].range, { start: { line: ENTRY, character: at }, end: { line: ENTRY, character: at + 4 } });
    assert.strictEqual(d.related?.[1].uri, BOOT_URI);
  });

  it('Windows 2000: silent in range, and without /3GB', () => {
    assert.deepStrictEqual(check(bootIni(`${W2000AS} /fastdetect /3GB`), SP('00007530')), []); // 30000
    assert.deepStrictEqual(check(bootIni(`${W2000AS} /fastdetect`), SP('00000000')), []);
  });

  it('Windows Server 2003: SystemPages other than 0 is reported, related to the entry description; 0 is silent', () => {
    const boot = bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`);
    const ds = check(boot, SP('00007530'));
    assert.deepStrictEqual(ds.map((d) => d.code), ['cross.memory-config']);
    assert.match(ds[0].message, /Windows Server 2003, Enterprise Edition \(as its description says\)/);
    assert.match(ds[0].message, /event 9665/);
    assert.match(ds[0].message, /Set SystemPages to 0/);
    const rel = ds[0].related![0];
    assert.strictEqual(rel.uri, BOOT_URI);
    const line = boot.split('\r\n')[ENTRY];
    assert.deepStrictEqual(rel.range, { start: { line: ENTRY, character: line.indexOf('"') }, end: { line: ENTRY, character: line.lastIndexOf('"') + 1 } });
    assert.deepStrictEqual(check(boot, SP('00000000')), []);
  });

  it('takes the Windows version from the settings when the description names none', () => {
    const boot = bootIni(`${PATH}="Mail server" /fastdetect /3GB`);
    const on2003 = check(boot, SP('00007530'), { windowsVersion: '2003' });
    assert.strictEqual(on2003.length, 1);
    assert.match(on2003[0].message, /the configured Windows version/);
    assert.deepStrictEqual(check(boot, SP('00007530'), { windowsVersion: '2000' }), []);
    assert.strictEqual(check(boot, SP('00000000'), { windowsVersion: '2000' }).length, 1);
    assert.deepStrictEqual(check(boot, SP('00007530')), []); // version unknown
  });

  it('uses the entry default= names, not the first one', () => {
    const boot = [
      '[boot loader]',
      'timeout=30',
      'default=multi(0)disk(0)rdisk(0)partition(2)\\WINNT',
      '[operating systems]',
      `${W2003} /fastdetect`,
      'multi(0)disk(0)rdisk(0)partition(2)\\WINNT="Microsoft Windows 2000 Advanced Server" /fastdetect /3GB',
      '',
    ].join('\r\n');
    const ds = check(boot, SP('00007530'));
    assert.deepStrictEqual(ds, []);
    assert.strictEqual(check(boot, SP('00000000')).length, 1);
  });

  it('HeapDeCommitFreeBlockThreshold other than 0x00040000 is reported when boot.ini has /3GB', () => {
    const boot = bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`);
    const ds = check(boot, HEAP('00000000'));
    assert.deepStrictEqual(ds.map((d) => d.code), ['cross.memory-config']);
    assert.match(ds[0].message, /HeapDeCommitFreeBlockThreshold is 0 \(0x00000000\)/);
    assert.match(ds[0].message, /event 9665/);
    assert.match(ds[0].message, /Set it to 0x00040000/);
    assert.strictEqual(ds[0].related?.[0].uri, BOOT_URI);
    assert.match(ds[0].related![0].message, /\/3GB/);
    assert.deepStrictEqual(check(boot, HEAP('00040000')), []);
    assert.deepStrictEqual(check(bootIni(`${W2003} /fastdetect`), HEAP('00000000')), []);
  });

  it('matches keys as the registry does, follows the last write and ignores other keys', () => {
    const boot = bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`);
    assert.strictEqual(check(boot, reg(MM.toLowerCase(), '"systempages"=dword:00000010')).length, 1);
    assert.deepStrictEqual(check(boot, reg(MM, '"SystemPages"=dword:00000010', '"SystemPages"=-')), []);
    assert.deepStrictEqual(check(boot, reg('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other]', '"SystemPages"=dword:00000010')), []);
  });

  it('is silent for Exchange 2000 and honours severity overrides', () => {
    const boot = bootIni(`${W2003} /fastdetect /3GB`);
    assert.deepStrictEqual(check(boot, SP('00000010'), { exchangeVersion: '2000' }), []);
    assert.deepStrictEqual(check(boot, SP('00000010'), {}, { 'cross.memory-config': 'off' }), []);
    assert.strictEqual(check(boot, SP('00000010'), {}, { 'cross.memory-config': 'error' })[0].severity, 'error');
  });

  it('renders the memory configuration report', () => {
    const boot = { uri: BOOT_URI, doc: bootiniLanguage.parse(bootIni(`${W2003} /fastdetect /3GB`)) };
    const md = memoryReport(boot, [{ uri: REG_URI, doc: regLanguage.parse(reg(MM, '"SystemPages"=dword:00007530', SM, '"HeapDeCommitFreeBlockThreshold"=dword:00040000')) }], exchange());
    assert.match(md, /^# Memory configuration report/);
    assert.match(md, /Windows version: Windows Server 2003, Enterprise Edition \(from the entry's description\)/);
    assert.match(md, /\/3GB: yes/);
    assert.match(md, /\/USERVA: not set/);
    assert.match(md, /SystemPages: 30000 \(0x00007530\) \(`memory\.reg` line 4\)/);
    assert.match(md, /HeapDeCommitFreeBlockThreshold: 262144/);
    assert.match(md, /event 9665/);
    assert.match(md, /flag 0x8/);
    assert.match(md, /Add \/USERVA=3030/);
    assert.match(md, /Set SystemPages to 0\./);
    const fine = memoryReport({ uri: BOOT_URI, doc: bootiniLanguage.parse(bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`)) }, [{ uri: REG_URI, doc: regLanguage.parse(SP('00000000')) }], exchange());
    assert.match(fine, /would not log event 9665/);
    assert.match(fine, /Nothing in these files/);
  });
});

describe('checks: the memory texts users read', () => {
  it('messages name no internal reference and meet the length targets', () => {
    const ds = [
      ...check(bootIni(`${W2000AS} /fastdetect /3GB`), SP('00000000')),
      ...check(bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`), SP('00007530')),
      ...check(bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`), HEAP('00000000')),
      ...check(bootIni(`${W2000AS} /fastdetect /3GB`), reg(MM, '"SystemPages"=dword:00000000', SM, '"HeapDeCommitFreeBlockThreshold"=dword:00000001')),
    ];
    assert.strictEqual(ds.length, 5);
    for (const d of ds) {
      assert.deepStrictEqual(internalReferences(d.message), [], d.message);
      assert.ok(d.message.length <= MESSAGE_MAX, d.message);
      for (const r of d.related ?? []) assert.deepStrictEqual(internalReferences(r.message), []);
    }
    assert.ok(percentile95(ds.map((d) => d.message.length)) <= MESSAGE_P95_MAX);
  });

  it('the report names public sources only, and for Exchange 2000 says why there is no event 9665', () => {
    const boot = { uri: BOOT_URI, doc: bootiniLanguage.parse(bootIni(`${W2003} /fastdetect /3GB`)) };
    const regs = [{ uri: REG_URI, doc: regLanguage.parse(SP('00007530')) }];
    const md = memoryReport(boot, regs, exchange());
    assert.deepStrictEqual(internalReferences(md), []);
    assert.match(md, /KB 815372, How to optimize memory usage in Exchange Server 2003/);
    assert.match(md, /Sub-optimal Memory Settings/);
    const e2000 = memoryReport(boot, regs, exchange({ exchangeVersion: '2000' }));
    assert.deepStrictEqual(internalReferences(e2000), []);
    assert.match(e2000, /Exchange 2000, whose store does not run this start-up check \(it is new in Exchange 2003/);
    assert.doesNotMatch(e2000, /would log event 9665/);
  });

  it('the report: no /3GB on Windows 2000 Advanced Server is flag 0x1; on Windows Server 2003 it names both documents', () => {
    const regs = [{ uri: REG_URI, doc: regLanguage.parse(SP('00007530')) }];
    const w2000 = memoryReport({ uri: BOOT_URI, doc: bootiniLanguage.parse(bootIni(`${W2000AS} /fastdetect`)) }, regs, exchange());
    assert.match(w2000, /no \/3GB on Windows 2000 \(Advanced Server or Datacenter Server\) \(flag 0x1\)/);
    assert.match(w2000, /Add \/3GB to the default entry/);
    // A front-end server: no advice to add /3GB, but the event is not hidden.
    const front = memoryReport({ uri: BOOT_URI, doc: bootiniLanguage.parse(bootIni(`${W2000AS} /fastdetect`)) }, regs, exchange({ role: 'front-end' }));
    assert.doesNotMatch(front, /Add \/3GB/);
    assert.match(front, /whatever the role/);
    const w2003 = memoryReport({ uri: BOOT_URI, doc: bootiniLanguage.parse(bootIni(`${W2003} /fastdetect`)) }, [{ uri: REG_URI, doc: regLanguage.parse(SP('00000000')) }], exchange());
    assert.match(w2003, /would not log event 9665 for the settings checked here/);
    assert.match(w2003, /What's New in Exchange Server 2003\* says .* while the Exchange Server Analyzer article "Sub-optimal Memory Settings" lists that condition only for Windows 2000/);
    for (const md of [w2000, front, w2003]) assert.deepStrictEqual(internalReferences(md), []);
  });
});

describe('checks: one message per registry value', () => {
  /** A warning of `code` over 8 characters at line:character. */
  const at = (line: number, character: number, code: string) => ({
    range: { start: { line, character }, end: { line, character: character + 8 } },
    severity: 'warning' as const,
    code,
    message: code,
    source: 'exchange-config',
  });

  it('drops the single-file range warning where the cross-file finding stands on the same value', () => {
    const merged = withCross([at(4, 33, 'reg.value-not-allowed'), at(7, 10, 'reg.value-out-of-range'), at(4, 0, 'reg.duplicate-value')], [at(4, 33, 'cross.memory-config')]);
    assert.deepStrictEqual(merged.map((d) => `${d.range.start.line}:${d.code}`), ['4:reg.duplicate-value', '4:cross.memory-config', '7:reg.value-out-of-range']);
  });

  it('puts the merged diagnostics in line order: a cross-file finding on line 5 comes before line 38', () => {
    const merged = withCross([at(2, 0, 'reg.a'), at(37, 0, 'reg.b'), at(4, 9, 'reg.c')], [at(4, 1, 'cross.memory-config')]);
    assert.deepStrictEqual(merged.map((d) => `${d.range.start.line}:${d.code}`), ['2:reg.a', '4:cross.memory-config', '4:reg.c', '37:reg.b']);
    // Without cross-file findings the file's own order is kept as it is.
    assert.deepStrictEqual(withCross([at(9, 0, 'reg.z'), at(1, 0, 'reg.y')], []).map((d) => d.code), ['reg.z', 'reg.y']);
  });
});
