/**
 * The value lines of a section (SectionAnalysis.entries) and how value names compare when duplicates are looked for:
 * rejected lines with and without a name, lines between values, values over continuation lines, names with equal
 * hashes, case beyond ASCII, blanks before a name; and what a swallowed line loses besides its value.
 * Rules: external-facts section 6.
 */
import * as assert from 'assert';
import { RegDocument } from '../../../../server/src/languages/reg/document';
import { bytesToText } from '../../../../server/src/languages/reg/section';
import { regFile } from '../../../helpers/reg';
import { BODY, exactly, exactlyEverywhere, KEY, relatedAt, V5 } from './support';

const W = 'warning';
const E = 'error';

describe('reg section analysis: the value lines of a section and how names compare', () => {
  /** The entries of the first section after the header's (the one KEY opens), body lines from line 3 on. */
  function entriesOf(...body: string[]): { rel: number; lastRel: number; name: string | null; type: number; valid: boolean }[] {
    const doc = RegDocument.parse([V5, '', KEY, ...body, ''].join('\r\n'));
    return doc.sections[1].analysis().entries.map(({ rel, lastRel, name, type, valid }) => ({ rel, lastRel, name, type, valid }));
  }

  it('a rejected line with a name is an entry regedit does not import; one without a name is none', () => {
    assert.deepStrictEqual(entriesOf('"a"=xyz', '"abc', '"b"="1"'), [
      { rel: 1, lastRel: 1, name: 'a', type: -2, valid: false },
      { rel: 3, lastRel: 3, name: 'b', type: 1, valid: true },
    ]);
  });

  it('comments, blank lines and ignored lines between values are not entries, in short and long sections', () => {
    for (const filler of [2, 20]) {
      const body = ['"a"="1"', ...Array.from({ length: filler }, (_, k) => (k % 3 === 0 ? '; note' : k % 3 === 1 ? '' : 'junk')), '@=-'];
      assert.deepStrictEqual(entriesOf(...body), [
        { rel: 1, lastRel: 1, name: 'a', type: 1, valid: true },
        { rel: filler + 2, lastRel: filler + 2, name: null, type: -1, valid: true },
      ]);
    }
  });

  it('a hex value over continuation lines and gaps is one entry up to its last line; a swallowed line ends it', () => {
    assert.deepStrictEqual(entriesOf('"h"=hex:01,\\', '', '  02,\\', '  03', '"i"=hex:01,\\', '"j"="x"'), [
      { rel: 1, lastRel: 4, name: 'h', type: 3, valid: true },
      { rel: 5, lastRel: 6, name: 'i', type: 3, valid: false },
    ]);
  });

  it('names with the same hash and length are still told apart', () => {
    // "yaczf" and "glbpp" have the same 32-bit name hash.
    exactlyEverywhere(['"yaczf"="1"', '"glbpp"="2"'], []);
    exactlyEverywhere(['"yaczf"="1"', '"GLBPP"="2"', '"Yaczf"="3"'], [['reg.duplicate-value', W, BODY, 0, BODY, 11]]);
  });

  it('names that differ only in the case of a letter beyond ASCII are the same value', () => {
    exactly(regFile('"\u0100"="1"', '"\u0101"="2"'), [['reg.duplicate-value', W, BODY, 0, BODY, 7]]);
  });

  it('blanks before a name: the same name at another column is still the same value', () => {
    exactlyEverywhere(['  "a"="1"', '"a"="2"', ' "b"="1"', '\t"b"="2"'], [
      ['reg.duplicate-value', W, BODY, 2, BODY, 9],
      ['reg.duplicate-value', W, BODY + 2, 1, BODY + 2, 8],
    ]);
  });

  it('what a swallowed line loses besides the value: a key line, a value line, or nothing more', () => {
    const lost = (line: string): string => {
      const ds = exactly(regFile('"a"=hex:01,\\', line), [['reg.hex-continuation-swallowed', E, BODY + 1, 0, BODY + 1, line.length]]);
      return ds[0].message.replace(/^.*discards that value/, '').replace(/\. Remove the trailing.*$/, '');
    };
    assert.strictEqual(lost('"b"="[x]"'), ' and this line as well');
    assert.strictEqual(lost('junk "x"'), '');
    assert.strictEqual(lost('junk [x]'), '');
  });
  it('lines ignored after a rejected hex value go to that value, not to an earlier one or an earlier ignored line', () => {
    const ds = exactlyEverywhere(['junk', '"a"=hex:zz', '"b"=hex:zz,\\', '  01,02'], [
      ['reg.line-ignored', 'warning', BODY, 0, BODY, 4],
      ['reg.hex-byte-invalid', E, BODY + 1, 8, BODY + 1, 10],
      ['reg.hex-byte-invalid', E, BODY + 2, 8, BODY + 2, 10],
    ]);
    assert.deepStrictEqual(ds.map(relatedAt), [[], [], [[BODY + 3, 'a continuation line regedit then ignores']]]);
  });

  it('a value line after a rejected hex value that ends with "\\" is a value of its own', () => {
    const [d] = exactlyEverywhere(['"b"=hex:zz,\\', '"c"="1"'], [['reg.hex-byte-invalid', E, BODY, 8, BODY, 10]]);
    assert.strictEqual(d.related, undefined);
  });

  it('hex string bytes as UTF-16 text: two bytes per character, low byte first; an odd last byte is dropped', () => {
    assert.strictEqual(bytesToText([0x41, 0x00, 0x42, 0x01, 0x43], true), 'A\u0142');
    assert.strictEqual(bytesToText([], true), '');
  });
  it('the last four bytes of a hex(7) value come from the last lines, and no more: a byte before them does not count', () => {
    const body = ['"m"=hex(7):41,00,42,01,00,00,\\', '  00,00'];
    exactly(regFile(...body), []);
    // Read line by line (LF), outside regedit's layout.
    exactly([V5, '', KEY, ...body, ''].join('\n'), []);
  });
});
