/** The switch catalog is data: every entry must be complete, consistent and cited. */
import * as assert from 'assert';
import { BOOTINI_CATALOG, switchNamed } from '../../../../server/src/languages/bootini/switches';

const RELEASES = ['nt4', '2000', 'xp', '2003'];

describe('bootini: switch catalog (server/data/catalog/bootini-switches.json)', () => {
  it('has every switch of external-facts §1.3 once, with an upper-case name', () => {
    const names = BOOTINI_CATALOG.switches.map((s) => s.name);
    assert.strictEqual(new Set(names).size, names.length);
    for (const n of names) assert.match(n, /^\/[A-Z0-9]+$/);
    for (const n of ['/3GB', '/USERVA', '/PAE', '/NOPAE', '/NOLOWMEM', '/NOEXECUTE', '/EXECUTE', '/MAXMEM', '/BURNMEMORY', '/NUMPROC', '/ONECPU', '/MAXPROCSPERCLUSTER', '/INTAFFINITY', '/PCILOCK', '/HAL', '/KERNEL', '/BASEVIDEO', '/SOS', '/BOOTLOG', '/NOGUIBOOT', '/BOOTLOGO', '/FASTDETECT', '/NOSERIALMICE', '/DEBUG', '/NODEBUG', '/CRASHDEBUG', '/DEBUGPORT', '/BAUDRATE', '/CHANNEL', '/BREAK', '/SAFEBOOT', '/REDIRECT', '/USEPMTIMER', '/TIMERES', '/YEAR', '/USE8254', '/WIN95', '/WIN95DOS', '/SCSIORDINAL', '/LASTKNOWNGOOD', '/MININT', '/CMDCONS', '/RDPATH', '/SDIBOOT', '/CLKLVL']) {
      assert.ok(names.includes(n), `${n} is missing`);
    }
  });

  it('describes every switch consistently: value form, ranges, versions, relations and sources', () => {
    for (const s of BOOTINI_CATALOG.switches) {
      const where = s.name;
      assert.ok(['none', 'required', 'optional'].includes(s.value), where);
      assert.ok(s.description.length > 20, where);
      assert.ok(s.sources.length > 0, where);
      for (const src of s.sources) assert.ok(src.document && src.section, where);
      if (s.value === 'none') {
        assert.strictEqual(s.separators, undefined, where);
        assert.strictEqual(s.valueKind, undefined, where);
      } else {
        assert.ok(s.separators?.length && s.separators.every((x) => x === '=' || x === ':'), where);
        assert.ok(['integer', 'enum', 'text'].includes(s.valueKind ?? ''), where);
        assert.ok(s.valueForm, where);
      }
      if (s.valueKind === 'enum') assert.ok(s.values && s.values.length > 1, where);
      if (s.min !== undefined && s.max !== undefined) assert.ok(s.min <= s.max, where);
      if (s.pattern) assert.doesNotThrow(() => new RegExp(s.pattern!, 'i'), where);
      if (s.recommended) {
        const n = Number(s.recommended);
        assert.ok(s.valueKind !== 'integer' || ((s.min === undefined || n >= s.min) && (s.max === undefined || n <= s.max)), where);
      }
      for (const r of s.windows ?? []) assert.ok(RELEASES.includes(r), where);
      if (s.windowsOnly) assert.ok(s.windows?.length, where);
      for (const r of Object.keys(s.servicePack ?? {})) assert.ok(s.windows?.includes(r as never), where);
      for (const v of s.values ?? []) {
        assert.ok(v.meaning, `${where} ${v.value}`);
        if (s.valueKind === 'integer') assert.match(v.value, /^\d+$/, where);
        if (s.pattern) assert.match(v.value, new RegExp(s.pattern, 'i'), where);
      }
      for (const other of [...(s.conflicts ?? []), ...(s.requires ?? []).map((r) => r.split('=')[0]), ...(s.replacedBy ? [s.replacedBy] : [])]) {
        assert.ok(switchNamed(other.slice(1)), `${where} refers to unknown ${other}`);
      }
    }
  });

  it('has the Exchange memory facts on /3GB and /USERVA', () => {
    const userva = switchNamed('userva')!;
    assert.deepStrictEqual([userva.min, userva.max, userva.recommended, userva.requires], [2048, 3072, '3030', ['/3GB']]);
    assert.match(userva.exchange!, /2970 to 3030/);
    assert.match(userva.exchange!, /backwards/);
    assert.match(switchNamed('3gb')!.exchange!, /event 9665/);
    assert.deepStrictEqual(switchNamed('CHANNEL')!.max, 62);
    assert.deepStrictEqual(switchNamed('noexecute')!.servicePack, { xp: 2, '2003': 1 });
  });

  it('documents the four [boot loader] keys', () => {
    assert.deepStrictEqual(
      BOOTINI_CATALOG.loaderSettings.map((s) => s.name),
      ['timeout', 'default', 'redirect', 'redirectbaudrate'],
    );
    for (const s of BOOTINI_CATALOG.loaderSettings) assert.ok(s.sources.length && s.description && s.valueForm, s.name);
  });
});
