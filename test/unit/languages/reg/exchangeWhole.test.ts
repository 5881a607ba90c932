/**
 * Whole-result tests of the Exchange checks on .reg values (exchange.ts): several values of one catalog entry in one
 * file, on both sides of each bound (documented range, range per Windows version, recommended range), compared as
 * the complete diagnostic list (code, severity, range, fix data). The wording of each branch is pinned in
 * exchange-messages.test.ts.
 */
import * as assert from 'assert';
import { ExchangeContext, RegistryEntry } from '../../../../server/src/core/catalog';
import { RegistryCatalogIndex } from '../../../../server/src/core/catalogIndex';
import { regLanguage } from '../../../../server/src/languages/reg';
import { V5 } from '../../../helpers/reg';

const KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeTest';
const NAMES = ['A', 'B', 'C', 'D', 'E', 'F'];
const BASE: RegistryEntry = {
  id: 'test.value',
  keys: [KEY],
  names: NAMES,
  type: 'REG_DWORD',
  status: 'current',
  description: 'A value for the tests.',
  confidence: 'documented',
  sources: [{ document: 'test', section: 'test' }],
};

type Row = [code: string, severity: string, line: number, start: number, end: number, data: unknown];

/** The complete findings of the body lines under KEY (the first on line 3), against BASE changed by `extra`. */
function all(extra: Partial<RegistryEntry>, body: string[], context: ExchangeContext = { exchangeVersion: '2003' }): Row[] {
  const registry = new RegistryCatalogIndex([{ version: 1, entries: [{ ...BASE, ...extra }] }]);
  const text = [V5, '', `[${KEY}]`, ...body, ''].join('\r\n');
  return regLanguage.validate(regLanguage.parse(text), { exchange: { context, registry } }).map((d) => {
    assert.strictEqual(d.range.end.line, d.range.start.line);
    return [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.data];
  });
}

/** "A"=dword:… , "B"=dword:… for the numbers, in order (lines 3, 4, …). */
function dwords(...values: number[]): string[] {
  return values.map((v, k) => `"${NAMES[k]}"=dword:${v.toString(16).padStart(8, '0')}`);
}

const ID = { entryId: 'test.value' };
const W = 'warning';

describe('reg: Exchange checks, whole results at the bounds', () => {
  it('documented range: one below and one above are reported, the bounds themselves are not', () => {
    assert.deepStrictEqual(all({ min: 10, max: 20 }, dwords(9, 10, 20, 21)), [
      ['reg.value-out-of-range', W, 3, 4, 18, { ...ID, setDword: 10 }],
      ['reg.value-out-of-range', W, 6, 4, 18, { ...ID, setDword: 20 }],
    ]);
  });

  it('a minimum only, and a maximum only', () => {
    assert.deepStrictEqual(all({ min: 10 }, dwords(9, 10, 0xffffffff)), [['reg.value-out-of-range', W, 3, 4, 18, { ...ID, setDword: 10 }]]);
    assert.deepStrictEqual(all({ max: 20 }, dwords(0, 20, 21)), [['reg.value-out-of-range', W, 5, 4, 18, { ...ID, setDword: 20 }]]);
  });

  it('range for the known Windows version: both sides of both bounds', () => {
    const windows = { '2000': { min: 24000, max: 31000 } };
    assert.deepStrictEqual(all({ windows }, dwords(23999, 24000, 31000, 31001), { exchangeVersion: '2003', windowsVersion: '2000' }), [
      ['reg.value-out-of-range', W, 3, 4, 18, { ...ID, setDword: 24000 }],
      ['reg.value-out-of-range', W, 6, 4, 18, { ...ID, setDword: 31000 }],
    ]);
    // The rule of the other Windows version does not apply.
    assert.deepStrictEqual(all({ windows }, dwords(1), { exchangeVersion: '2003', windowsVersion: '2003' }), []);
  });

  it('Windows version unknown: reported only where every version rules the value out', () => {
    const windows = { '2000': { min: 24000, max: 31000 }, '2003': { min: 0, max: 5 } };
    assert.deepStrictEqual(all({ windows }, dwords(5, 6, 23999, 24000, 31000, 31001)), [
      ['reg.value-out-of-range', W, 4, 4, 18, ID],
      ['reg.value-out-of-range', W, 5, 4, 18, ID],
      ['reg.value-out-of-range', W, 8, 4, 18, ID],
    ]);
  });

  it('Windows version unknown, documented values on one version', () => {
    const windows = { '2000': { min: 24000, max: 31000 }, '2003': { allowed: [{ value: 0, meaning: 'let Windows decide' }] } };
    assert.deepStrictEqual(all({ windows }, dwords(0, 1, 24000, 31001)), [
      ['reg.value-out-of-range', W, 4, 4, 18, ID],
      ['reg.value-out-of-range', W, 6, 4, 18, ID],
    ]);
  });

  it('recommended range: information with the nearest bound, on both sides of both bounds', () => {
    const recommended = { min: 10, max: 20, reason: 'the documented tuning' };
    assert.deepStrictEqual(all({ recommended }, dwords(9, 10, 20, 21)), [
      ['reg.discouraged-setting', 'information', 3, 4, 18, { ...ID, setDword: 10 }],
      ['reg.discouraged-setting', 'information', 6, 4, 18, { ...ID, setDword: 20 }],
    ]);
  });

  it('the data range: to the end of the first line of a value over continuation lines, before a comment otherwise', () => {
    assert.deepStrictEqual(all({ min: 10 }, ['"A"=hex(4):09,00,\\', '  00,00 ;c', '"B"=dword:00000009 ;c', '"C"=hex(4):09,00,00,00']), [
      ['reg.value-out-of-range', W, 3, 4, 18, { ...ID, setDword: 10 }],
      ['reg.value-out-of-range', W, 5, 4, 18, { ...ID, setDword: 10 }],
      ['reg.value-out-of-range', W, 6, 4, 22, { ...ID, setDword: 10 }],
    ]);
  });

  it('a deletion and a line regedit rejects are not checked', () => {
    assert.deepStrictEqual(all({ min: 10 }, ['"A"=-', '"B"=dword:zz', '"C"=dword:00000009']), [
      ['reg.dword-empty', 'error', 4, 4, 12, undefined],
      ['reg.value-out-of-range', W, 5, 4, 18, { ...ID, setDword: 10 }],
    ]);
  });

  it('a value whose continuation swallows the next line, or whose continuation line is rejected, is not checked', () => {
    assert.deepStrictEqual(all({ min: 10 }, ['"A"=hex(4):09,00,\\', '"B"=dword:00000009', '"C"=hex(4):09,00,\\', '  00,zz']), [
      ['reg.hex-continuation-swallowed', 'error', 4, 0, 18, undefined],
      ['reg.hex-byte-invalid', 'error', 6, 5, 7, undefined],
    ]);
  });

  it('an uncertain entry: one level more quietly', () => {
    assert.deepStrictEqual(all({ min: 10, confidence: 'uncertain' }, dwords(9, 10)), [['reg.value-out-of-range', 'information', 3, 4, 18, { ...ID, setDword: 10 }]]);
  });

  it('values under another key, or with names the catalog does not know, are not checked', () => {
    assert.deepStrictEqual(all({ min: 10 }, ['"Z"=dword:00000009', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other]', '"A"=dword:00000009']), []);
  });
});
