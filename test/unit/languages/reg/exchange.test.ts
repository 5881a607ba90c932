/** The Exchange checks of .reg files against a small catalog written for these tests. */
import * as assert from 'assert';
import { ExchangeContext, RegistryCatalog } from '../../../../server/src/core/catalog';
import { RegistryCatalogIndex } from '../../../../server/src/core/catalogIndex';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { Diagnostic } from '../../../../server/src/core/types';
import { regLanguage } from '../../../../server/src/languages/reg';
import { applyEdits, V5 } from '../../../helpers/reg';

const IS = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem';
const OWA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeWeb\\OWA';
const src = [{ document: 'test', section: 'test' }];

const CATALOG: RegistryCatalog = {
  version: 1,
  entries: [
    {
      id: 'is.initial-memory-percentage',
      keys: ['HKLM\\System\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem\\'],
      names: ['Initial Memory Percentage'],
      type: 'REG_DWORD',
      status: 'deprecated',
      replacedBy: 'Exchange 2003 sizes its memory itself',
      action: 'Delete the value.',
      restart: 'the Information Store service',
      versions: ['2000'],
      description: 'Old tuning.',
      confidence: 'documented',
      sources: [{ document: '001', section: '001:1753-1761', kb: ['810883'] }],
    },
    {
      id: 'is.rpc-http-port',
      keys: [IS],
      names: ['Rpc/HTTP Port'],
      type: 'REG_DWORD',
      status: 'do-not-modify',
      setupValue: 6001,
      description: 'The store port for RPC over HTTP.',
      confidence: 'documented',
      sources: src,
    },
    {
      id: 'is.max-polling',
      keys: [IS],
      names: ['Maximum Polling Frequency'],
      type: 'REG_DWORD',
      min: 60000,
      unit: 'ms',
      status: 'current',
      description: 'Minimum interval between polls.',
      confidence: 'documented',
      sources: src,
    },
    {
      id: 'owa.disable-attachments',
      keys: [OWA],
      names: ['DisableAttachments'],
      type: 'REG_DWORD',
      allowed: [
        { value: 0, meaning: 'standard blocking' },
        { value: 1, meaning: 'all blocked' },
        { value: 2, meaning: 'back-end only' },
      ],
      status: 'current',
      description: 'Attachment blocking.',
      confidence: 'documented',
      sources: src,
    },
    {
      id: 'owa.folder-set',
      keys: [OWA],
      names: ['DefaultMailboxFolderSet'],
      type: 'REG_DWORD',
      bits: [
        { mask: 0xffffffff, name: 'All Features' },
        { mask: 1, name: 'Messaging' },
        { mask: 2, name: 'Calendar' },
      ],
      status: 'current',
      description: 'Segmentation.',
      confidence: 'documented',
      sources: src,
    },
    {
      id: 'owa.level1',
      keys: [OWA],
      names: ['Level1FileTypes'],
      type: 'REG_SZ',
      format: 'extension-list',
      status: 'current',
      description: 'Blocked extensions.',
      confidence: 'documented',
      sources: src,
    },
    {
      id: 'exifs.drive-letter',
      keys: ['HKLM\\SYSTEM\\CurrentControlSet\\Services\\ExIFS\\Parameters'],
      names: ['DriveLetter'],
      type: 'REG_SZ',
      format: 'drive-letter',
      status: 'discouraged',
      action: 'Leave the M: drive off: access through it can damage the store.',
      description: 'Maps the ExIFS drive.',
      confidence: 'documented',
      sources: src,
    },
    {
      id: 'xexch50.auth',
      keys: ['HKLM\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\XEXCH50\\<n>'],
      names: ['Exch50AuthCheckEnabled'],
      type: 'REG_DWORD',
      allowed: [{ value: 0, meaning: 'send anonymously' }],
      status: 'current',
      description: 'XEXCH50.',
      confidence: 'documented',
      sources: src,
    },
  ],
};

const INDEX = new RegistryCatalogIndex([CATALOG]);

function check(body: string[], context: ExchangeContext = { exchangeVersion: '2003' }): Diagnostic[] {
  const text = [V5, '', ...body, ''].join('\r\n');
  return regLanguage.validate(regLanguage.parse(text), { exchange: { context, registry: INDEX } });
}

function codesOf(body: string[], context?: ExchangeContext): string[] {
  return check(body, context).map((d) => d.code);
}

function fixed(body: string[], code: string, title?: RegExp): string {
  const text = [V5, '', ...body, ''].join('\r\n');
  const doc = regLanguage.parse(text);
  const d = regLanguage.validate(doc, { exchange: { context: { exchangeVersion: '2003' }, registry: INDEX } }).find((x) => x.code === code);
  assert.ok(d, `no ${code}`);
  const fixes = regLanguage.fixes!(doc, d);
  const fix = title ? fixes.find((f) => title.test(f.title)) : fixes[0];
  assert.ok(fix, `no fix for ${code}`);
  return applyEdits(text, fix.edits).split('\r\n').slice(2, -1).join('\n');
}

describe('reg: Exchange checks', () => {
  describe('reg.deprecated-e2k-tuning', () => {
    it('fires on Exchange 2000 tuning, whatever the spelling of the key', () => {
      const d = check([`[${IS}]`, '"Initial Memory Percentage"=dword:0000000a']);
      assert.deepStrictEqual(d.map((x) => x.code), ['reg.deprecated-e2k-tuning']);
      assert.deepStrictEqual(d[0].tags, ['deprecated']);
      assert.deepStrictEqual(d[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 27 } });
      assert.match(d[0].message, /Exchange 2003 sizes its memory itself/);
      assert.match(d[0].message, /restart the Information Store service/);
      // Sources belong in the hover: the message is the finding and what to do.
      assert.doesNotMatch(d[0].message, /KB 810883|should not stay/);
      assert.deepStrictEqual(codesOf([`[${IS.toLowerCase()}\\]`, '"initial memory percentage"=dword:1']), ['reg.deprecated-e2k-tuning']);
    });
    it('stays silent for a deletion entry, on Exchange 2000, and under other keys', () => {
      assert.deepStrictEqual(codesOf([`[${IS}]`, '"Initial Memory Percentage"=-']), []);
      assert.deepStrictEqual(codesOf([`[${IS}]`, '"Initial Memory Percentage"=dword:0000000a'], { exchangeVersion: '2000' }), []);
      assert.deepStrictEqual(codesOf(['[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other]', '"Initial Memory Percentage"=dword:0000000a']), []);
    });
    it('is not checked on a line regedit rejects', () => {
      assert.deepStrictEqual(codesOf([`[${IS}]`, '"Initial Memory Percentage"=dword:0x0a']), ['reg.dword-invalid']);
    });
    it('turns the value into a deletion entry, or removes it', () => {
      const body = [`[${IS}]`, '"Initial Memory Percentage"=hex(4):0a,00,\\', '  00,00', '"Other"="x"'];
      assert.strictEqual(fixed(body, 'reg.deprecated-e2k-tuning', /deletion/), [`[${IS}]`, '"Initial Memory Percentage"=-', '"Other"="x"'].join('\n'));
      assert.strictEqual(fixed(body, 'reg.deprecated-e2k-tuning', /Remove/), [`[${IS}]`, '"Other"="x"'].join('\n'));
    });
  });

  describe('reg.wrong-type', () => {
    it('fires on a string where a DWORD is documented, and converts it', () => {
      const body = [`[${IS}]`, '"Maximum Polling Frequency"="90000"'];
      assert.deepStrictEqual(codesOf(body), ['reg.wrong-type']);
      assert.strictEqual(fixed(body, 'reg.wrong-type'), [`[${IS}]`, '"Maximum Polling Frequency"=dword:00015f90'].join('\n'));
    });
    it('fires on a DWORD where a string is documented', () => {
      assert.deepStrictEqual(codesOf([`[${OWA}]`, '"Level1FileTypes"=dword:00000001']), ['reg.wrong-type']);
    });
    it('accepts hex(4) for a DWORD', () => {
      assert.deepStrictEqual(codesOf([`[${IS}]`, '"Maximum Polling Frequency"=hex(4):60,ea,00,00']), []);
    });
  });

  describe('reg.value-out-of-range', () => {
    it('fires below the minimum and offers the minimum', () => {
      const body = [`[${IS}]`, '"Maximum Polling Frequency"=dword:00007530'];
      const d = check(body);
      assert.deepStrictEqual(d.map((x) => x.code), ['reg.value-out-of-range']);
      assert.match(d[0].message, /30000 ms/);
      assert.strictEqual(fixed(body, 'reg.value-out-of-range'), [`[${IS}]`, '"Maximum Polling Frequency"=dword:0000ea60'].join('\n'));
    });
    it('stays silent in range', () => {
      assert.deepStrictEqual(codesOf([`[${IS}]`, '"Maximum Polling Frequency"=dword:0000ea60']), []);
    });
  });

  describe('reg.value-not-allowed', () => {
    it('fires on an undocumented value and lists the documented ones', () => {
      const d = check([`[${OWA}]`, '"DisableAttachments"=dword:00000003']);
      assert.deepStrictEqual(d.map((x) => x.code), ['reg.value-not-allowed']);
      assert.match(d[0].message, /0: standard blocking; 1: all blocked; 2: back-end only/);
      assert.deepStrictEqual(codesOf([`[${OWA}]`, '"DisableAttachments"=dword:00000002']), []);
    });
    it('matches keys with an instance number', () => {
      assert.deepStrictEqual(codesOf(['[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\XEXCH50\\2]', '"Exch50AuthCheckEnabled"=dword:00000005']), ['reg.value-not-allowed']);
      assert.deepStrictEqual(codesOf(['[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\XEXCH50\\x]', '"Exch50AuthCheckEnabled"=dword:00000005']), []);
    });
  });

  describe('reg.do-not-modify', () => {
    it('fires when the value differs from what Setup writes, and restores it', () => {
      const body = [`[${IS}]`, '"Rpc/HTTP Port"=dword:00001772'];
      assert.deepStrictEqual(codesOf(body), ['reg.do-not-modify']);
      assert.strictEqual(fixed(body, 'reg.do-not-modify'), [`[${IS}]`, '"Rpc/HTTP Port"=dword:00001771'].join('\n'));
      assert.deepStrictEqual(codesOf([`[${IS}]`, '"Rpc/HTTP Port"=dword:00001771']), []);
    });
  });

  describe('reg.undefined-bits', () => {
    it('fires on bits no feature has, accepts all features and combinations', () => {
      const body = [`[${OWA}]`, '"DefaultMailboxFolderSet"=dword:00000007'];
      assert.deepStrictEqual(codesOf(body), ['reg.undefined-bits']);
      assert.strictEqual(fixed(body, 'reg.undefined-bits'), [`[${OWA}]`, '"DefaultMailboxFolderSet"=dword:00000003'].join('\n'));
      assert.deepStrictEqual(codesOf([`[${OWA}]`, '"DefaultMailboxFolderSet"=dword:00000003']), []);
      assert.deepStrictEqual(codesOf([`[${OWA}]`, '"DefaultMailboxFolderSet"=dword:ffffffff']), []);
    });
  });

  describe('reg.invalid-format', () => {
    it('fires on extension lists with dots, blanks or duplicates', () => {
      for (const list of ['exe,.vbs', 'exe, vbs', 'exe,,vbs', 'exe,EXE']) {
        assert.deepStrictEqual(codesOf([`[${OWA}]`, `"Level1FileTypes"="${list}"`]), ['reg.invalid-format'], list);
      }
      assert.deepStrictEqual(codesOf([`[${OWA}]`, '"Level1FileTypes"="exe,vbs,js"']), []);
    });
    it('fires on a drive letter that is not one letter', () => {
      assert.deepStrictEqual(codesOf(['[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\ExIFS\\Parameters]', '"DriveLetter"="M:"']), ['reg.invalid-format']);
    });
  });

  describe('documented consequences and recommendations', () => {
    const own = (extra: Partial<RegistryCatalog['entries'][number]>): RegistryCatalogIndex =>
      new RegistryCatalogIndex([{ version: 1, entries: [{ ...CATALOG.entries[3], ...extra }] }]);
    const run = (registry: RegistryCatalogIndex, data: string): Diagnostic[] =>
      regLanguage.validate(regLanguage.parse([V5, '', `[${OWA}]`, `"DisableAttachments"=${data}`, ''].join('\r\n')), { exchange: { context: { exchangeVersion: '2003' }, registry } });
    it('an undocumented value: the message adds what the entry says such values do, and nothing without it', () => {
      const said = run(own({ otherValues: 'Any other value blocks nothing.' }), 'dword:00000007');
      assert.match(said[0].message, /Any other value blocks nothing\./);
      const silent = run(own({}), 'dword:00000007');
      assert.doesNotMatch(silent[0].message, /Any other value|unpredictabl/);
    });
    it('a long list of documented values shortens to the values, pointing at the hover', () => {
      const long = own({ allowed: [0, 1, 2, 3, 4].map((value) => ({ value, meaning: `a long explanation of what the number ${value} means for attachments in Outlook Web Access` })) });
      const d = run(long, 'dword:00000009');
      assert.match(d[0].message, /\(0, 1, 2, 3, 4; see the hover\)/);
      assert.ok(d[0].message.length <= 250, d[0].message);
    });
    it('outside a recommended range: discouraged (information), with the reason and a fix to the nearest bound; silent inside', () => {
      const rec = own({ allowed: undefined, recommended: { min: 10, max: 20, reason: 'the test book advises it' }, unit: 'widgets' });
      const low = run(rec, 'dword:00000005');
      assert.deepStrictEqual(low.map((x) => [x.code, x.severity]), [['reg.discouraged-setting', 'information']]);
      assert.match(low[0].message, /5 widgets; the recommended value is 10 to 20 widgets: the test book advises it\. Consider 10\./);
      assert.deepStrictEqual(run(rec, 'dword:0000000f'), []);
      assert.match(run(rec, 'dword:00000030')[0].message, /Consider 20\./);
    });
  });

  describe('reg.discouraged-setting', () => {
    it('informs about a valid but discouraged setting', () => {
      const d = check(['[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\ExIFS\\Parameters]', '"DriveLetter"="M"']);
      assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['reg.discouraged-setting', 'information']]);
      assert.match(d[0].message, /damage the store/);
    });
  });

  it('lets an organisation catalog override a built-in entry with the same id', () => {
    const own: RegistryCatalog = { version: 1, entries: [{ ...CATALOG.entries[2], min: 90000 }] };
    const index = new RegistryCatalogIndex([CATALOG, own]);
    const text = [V5, '', `[${IS}]`, '"Maximum Polling Frequency"=dword:00011170', ''].join('\r\n');
    const codes = regLanguage.validate(regLanguage.parse(text), { exchange: { context: { exchangeVersion: '2003' }, registry: index } }).map((d) => d.code);
    assert.deepStrictEqual(codes, ['reg.value-out-of-range']);
  });
});

describe('reg: Exchange checks with the built-in catalog', () => {
  const MM = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]';
  const built = (body: string[], context: ExchangeContext = { exchangeVersion: '2003' }): string[] => {
    const text = [V5, '', ...body, ''].join('\r\n');
    return regLanguage.validate(regLanguage.parse(text), { exchange: { context, registry: registryIndex() } }).map((d) => d.code);
  };

  it('checks SystemPages against the Windows version when it is known', () => {
    assert.deepStrictEqual(built([MM, '"SystemPages"=dword:00000000'], { exchangeVersion: '2003', windowsVersion: '2000' }), ['reg.value-out-of-range']);
    assert.deepStrictEqual(built([MM, '"SystemPages"=dword:00007530'], { exchangeVersion: '2003', windowsVersion: '2000' }), []);
    assert.deepStrictEqual(built([MM, '"SystemPages"=dword:00007530'], { exchangeVersion: '2003', windowsVersion: '2003' }), ['reg.value-not-allowed']);
    assert.deepStrictEqual(built([MM, '"SystemPages"=dword:00000000'], { exchangeVersion: '2003', windowsVersion: '2003' }), []);
    assert.deepStrictEqual(built([MM, '"SystemPages"=dword:00007530']), [], 'silent while the Windows version is not known');
  });

  it('explains an undocumented value in hover with what the source says such values do, and with nothing otherwise', () => {
    const hoverOf = (key: string, line: string) => regLanguage.hover(regLanguage.parse([V5, '', key, line, ''].join('\r\n')), { line: 3, character: 3 })?.contents ?? '';
    const IS = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]';
    assert.match(hoverOf(IS, '"Rpc Compression Enabled"=dword:00000005'), /Meaning: \*\*Any value other than 1 disables MAPI compression\.\*\*/);
    assert.doesNotMatch(hoverOf('[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeWeb\\OWA]', '"DisableAttachments"=dword:00000005'), /Meaning:/);
  });

  it('reports a SystemPages value that is wrong on every Windows version, also when the Windows version is not known', () => {
    const text = [V5, '', MM, '"SystemPages"=dword:ffffffff', ''].join('\r\n');
    const d = regLanguage.validate(regLanguage.parse(text), { exchange: { context: { exchangeVersion: '2003' }, registry: registryIndex() } });
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['reg.value-out-of-range', 'warning']]);
    assert.match(d[0].message, /4294967295, which is wrong for Exchange on every Windows version: 24000 to 31000 on Windows 2000, 0 on Windows Server 2003/);
    // No quick fix: the right value depends on the Windows version.
    assert.deepStrictEqual(regLanguage.fixes!(regLanguage.parse(text), d[0]), []);
    for (const n of ['00004e20', '00007d01', '0000c351', '00000001']) assert.deepStrictEqual(built([MM, `"SystemPages"=dword:${n}`]), ['reg.value-out-of-range'], n);
    // 0 is right on Windows Server 2003 and 24000-31000 on Windows 2000: without the Windows version, neither is reported.
    for (const n of ['00000000', '00005dc0', '00007530', '00007918']) assert.deepStrictEqual(built([MM, `"SystemPages"=dword:${n}`]), [], n);
    // With the Windows version known, the version's own rule applies (and names that version only).
    const known = regLanguage.validate(regLanguage.parse(text), { exchange: { context: { exchangeVersion: '2003', windowsVersion: '2003' }, registry: registryIndex() } });
    assert.deepStrictEqual(known.map((x) => x.code), ['reg.value-not-allowed']);
    assert.match(known[0].message, /on Windows Server 2003 it must be 0/);
  });

  it('informs when MAPI compression or buffer packing is turned off', () => {
    const IS = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]';
    assert.deepStrictEqual(built([IS, '"Rpc Compression Enabled"=dword:00000000']), ['reg.discouraged-setting']);
    assert.deepStrictEqual(built([IS, '"Rpc Packing Enabled"=dword:00000000']), ['reg.discouraged-setting']);
    assert.deepStrictEqual(built([IS, '"Rpc Compression Enabled"=dword:00000001']), []);
  });

  it('finds every obsolete value of the bundled upgraded-server export', () => {
    const codes = built([
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]',
      '"MPHeap parallelism"="8"',
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDSAccess\\Instance0]',
      '"MaxMemoryUser"=dword:00019000',
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]',
      '"Initial Memory Percentage"=dword:0000000a',
    ]);
    assert.deepStrictEqual(codes, ['reg.deprecated-e2k-tuning', 'reg.deprecated-e2k-tuning', 'reg.deprecated-e2k-tuning']);
  });

  it('renders the catalog entry in hover', () => {
    const text = [V5, '', '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeWeb\\OWA]', '"DefaultMailboxFolderSet"=dword:00000003', ''].join('\r\n');
    const h = regLanguage.hover(regLanguage.parse(text), { line: 3, character: 3 });
    assert.ok(h);
    assert.match(h.contents, /Meaning: \*\*(Messaging, Calendar|Calendar, Messaging)\*\*/);
    assert.match(h.contents, /\*\*Sources:\*\*\n\n- Scott Schnoll, Microsoft Exchange Server 2003 Distilled .*"Exchange 2003 Tuning Parameters: Enhanced Segmentation"/);
    // What to do comes before the background, and the notes and sources after the facts.
    assert.ok(h.contents.indexOf('**Status:**') < h.contents.indexOf('Per-server Outlook Web Access segmentation'));
  });
});

describe('reg.level2-blocked-by-level1', () => {
  const OWA_KEY = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeWeb\\OWA]';
  const run = (body: string[]): Diagnostic[] =>
    regLanguage.validate(regLanguage.parse([V5, '', ...body, ''].join('\r\n')), { exchange: { context: { exchangeVersion: '2003' }, registry: registryIndex() } });

  it('fires on a Level 2 entry that Level 1 already blocks, and points at the Level 1 list', () => {
    const d = run([OWA_KEY, '"Level1FileTypes"="exe,vbs"', '"Level2FileTypes"="doc,EXE,xls"']);
    assert.deepStrictEqual(d.map((x) => x.code), ['reg.level2-blocked-by-level1']);
    assert.match(d[0].message, /"EXE" is also in "Level1FileTypes"/);
    assert.strictEqual(d[0].range.start.line, 4);
    assert.strictEqual(d[0].related?.[0].range.start.line, 3);
  });
  it('stays silent when the lists do not overlap, or when only one is set', () => {
    assert.deepStrictEqual(run([OWA_KEY, '"Level1FileTypes"="exe,vbs"', '"Level2FileTypes"="doc,xls"']), []);
    assert.deepStrictEqual(run([OWA_KEY, '"Level2FileTypes"="doc,exe"']), []);
  });
});

describe('reg: version and role of the server', () => {
  const IS_KEY = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]';
  const run = (body: string[], context: ExchangeContext): string[] =>
    regLanguage.validate(regLanguage.parse([V5, '', ...body, ''].join('\r\n')), { exchange: { context, registry: registryIndex() } }).map((d) => d.code);

  it('reports an Exchange 2003 setting on Exchange 2000, not on 2003 or its service packs', () => {
    const body = [IS_KEY, '"Maximum Polling Frequency"=dword:0000ea60'];
    assert.deepStrictEqual(run(body, { exchangeVersion: '2000' }), ['reg.not-for-this-version']);
    assert.deepStrictEqual(run(body, { exchangeVersion: '2003' }), []);
    assert.deepStrictEqual(run(body, { exchangeVersion: '2003sp2' }), []);
  });

  it('reports a value set for another server role, only when the role is configured', () => {
    const body = [IS_KEY, '"Maximum Polling Frequency"=dword:0000ea60'];
    assert.deepStrictEqual(run(body, { exchangeVersion: '2003', role: 'front-end' }), ['reg.not-for-this-role']);
    assert.deepStrictEqual(run(body, { exchangeVersion: '2003', role: 'mailbox' }), []);
    assert.deepStrictEqual(run(body, { exchangeVersion: '2003' }), []);
  });
});

describe('reg: ValidPorts on the RPC proxy', () => {
  const KEY = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Rpc\\RpcProxy]';
  const run = (data: string): string[] =>
    regLanguage
      .validate(regLanguage.parse([V5, '', KEY, `"ValidPorts"="${data}"`, ''].join('\r\n')), { exchange: { context: { exchangeVersion: '2003' }, registry: registryIndex() } })
      .map((d) => d.code);

  it('accepts the documented pattern', () => {
    assert.deepStrictEqual(run('MAIL01:6001-6002;mail01.contoso.local:6001-6002;MAIL01:6004;mail01.contoso.local:6004;'), []);
  });
  it('reports broken syntax and ports outside the documented ones', () => {
    assert.deepStrictEqual(run('MAIL01 6001-6002'), ['reg.invalid-format']);
    assert.deepStrictEqual(run('MAIL01:6001-6004;'), ['reg.invalid-format'], '6003 is not an Exchange port');
    assert.deepStrictEqual(run('MAIL01:593;'), ['reg.invalid-format']);
  });
});

describe('reg: uncertain catalog entries', () => {
  it('report one level more quietly, and say why', () => {
    const uncertain: RegistryCatalog = { version: 1, entries: [{ ...CATALOG.entries[3], id: 'uncertain', confidence: 'uncertain' }] };
    const text = [V5, '', `[${OWA}]`, '"DisableAttachments"=dword:00000003', ''].join('\r\n');
    const d = regLanguage.validate(regLanguage.parse(text), { exchange: { context: { exchangeVersion: '2003' }, registry: new RegistryCatalogIndex([uncertain]) } });
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['reg.value-not-allowed', 'information']]);
    assert.match(d[0].message, /Sources uncertain; see the hover/);
  });
});
