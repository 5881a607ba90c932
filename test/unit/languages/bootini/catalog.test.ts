/** The switch catalog is data: every entry must be complete, consistent and cited. */
import * as assert from 'assert';
import { BOOTINI_CATALOG, switchNamed } from '../../../../server/src/languages/bootini/switches';
import { internalReferences } from '../../../helpers/userText';

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
      // A source a reader can find: a public title, never a note or a source file's number.
      for (const src of s.sources) assert.ok(src.document && !/^00\d$/.test(src.document) && internalReferences(`${src.document} ${src.section ?? ''}`).length === 0, `${where}: ${src.document}`);
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
      for (const r of [...(s.windows ?? []), ...(s.windowsUnclear ?? [])]) assert.ok(RELEASES.includes(r), where);
      for (const r of s.windowsUnclear ?? []) assert.ok(!s.windows?.includes(r), `${where}: ${r} both documented and unclear`);
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

  it('keeps the shapes the switch checks rely on (validateSwitches.ts names these where it depends on them)', () => {
    for (const s of BOOTINI_CATALOG.switches) {
      const where = s.name;
      if (s.value === 'none') assert.strictEqual(s.pattern, undefined, where);
      // Every range has a lower end; a recommended value lies strictly inside the range, and is what Exchange expects.
      if (s.valueKind === 'integer') assert.notStrictEqual(s.min, undefined, where);
      if (s.recommended) {
        const n = Number(s.recommended);
        assert.ok((s.min === undefined || n > s.min) && (s.max === undefined || n < s.max), where);
        assert.ok(s.exchange, where);
      }
      // One requirement, explained by a sentence the message continues after (so without its closing period); a
      // required value is digits.
      if (s.requires) {
        assert.strictEqual(s.requires.length, 1, where);
        assert.ok(s.requiresNote && !s.requiresNote.endsWith('.'), where);
        for (const r of s.requires) assert.match(r, /^\/[A-Z0-9]+(=\d+)?$/, where);
      }
      // A successor is the name later versions know: the switch it replaces is known to NT 4.0, and the successor takes a value.
      if (s.replacedBy) {
        assert.ok(s.windows?.includes('nt4'), where);
        assert.ok(switchNamed(s.replacedBy.slice(1))?.separators?.length, where);
      }
    }
    const pairs = new Set<string>();
    for (const s of BOOTINI_CATALOG.switches) for (const other of s.conflicts ?? []) pairs.add([s.name, other].sort().join(' '));
    assert.deepStrictEqual(
      [...pairs].sort(),
      ['/BAUDRATE /NODEBUG', '/CRASHDEBUG /DEBUG', '/CRASHDEBUG /NODEBUG', '/DEBUG /NODEBUG', '/DEBUGPORT /NODEBUG', '/EXECUTE /NOEXECUTE', '/NOPAE /PAE'],
    );
  });

  it('has the Exchange memory facts on /3GB and /USERVA', () => {
    const userva = switchNamed('userva')!;
    assert.deepStrictEqual([userva.min, userva.max, userva.recommended, userva.requires], [2048, 3072, '3030', ['/3GB']]);
    assert.match(userva.exchange!, /2970 to 3030/);
    assert.match(userva.exchange!, /prints the range as "3030 to 2970"/);
    const gb = switchNamed('3gb')!.exchange!;
    assert.match(gb, /event 9665/);
    // Where the documents disagree (event 9665 without /3GB), both are named.
    assert.match(gb, /What's New in Exchange Server 2003\* says .* while the Exchange Server Analyzer article "Sub-optimal Memory Settings" lists that condition only for Windows 2000 Advanced Server and Datacenter Server/);
    assert.match(gb, /Exchange 2000 used a fixed 858 MB/);
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

  it('claims nothing the sources do not say (claims removed after review stay out)', () => {
    const shown = (name: string): string => JSON.stringify({ ...switchNamed(name), internalNotes: undefined, sources: undefined });
    assert.doesNotMatch(shown('fastdetect'), /Setup adds/);
    assert.doesNotMatch(shown('baudrate'), /common null-modem/);
    assert.doesNotMatch(shown('minint'), /WinPE|Preinstallation/);
    assert.doesNotMatch(shown('noserialmice'), /KB 149446|list it for Windows 2000/);
    assert.deepStrictEqual([switchNamed('noserialmice')!.windows, switchNamed('noserialmice')!.windowsUnclear], [['nt4'], ['2000']]);
    const loader = JSON.stringify(BOOTINI_CATALOG.loaderSettings.map((s) => ({ ...s, internalNotes: undefined })));
    assert.doesNotMatch(loader, /what Setup writes|first one is meant/);
  });
});
