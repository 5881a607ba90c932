/**
 * The ANSI code page (windows-1252) as files are read and written: the bytes 80-9f are the euro sign, curly quotes,
 * dashes and the like (not Latin-1 control characters), in both directions.
 */
import * as assert from 'assert';
import { decodeBytes, decodeWindows1252, encodeText, roundTrips } from '../../../server/src/core/encoding';
import { bytesToText } from '../../../server/src/languages/reg/section';

describe('windows-1252', () => {
  it('80-9f: the code page\'s characters; the five undefined bytes keep their code points', () => {
    const high = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    assert.deepStrictEqual(
      [...high].map((c) => c.charCodeAt(0).toString(16)),
      ['20ac', '81', '201a', '192', '201e', '2026', '2020', '2021', '2c6', '2030', '160', '2039', '152', '8d', '17d', '8f', '90', '2018', '2019', '201c', '201d', '2022', '2013', '2014', '2dc', '2122', '161', '203a', '153', '9d', '17e', '178'],
    );
  });

  it('every other byte is its own code point', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    for (let i = 0; i < 256; i++) if (i < 0x80 || i > 0x9f) assert.strictEqual(all.charCodeAt(i), i, `byte ${i.toString(16)}`);
  });

  it('an ANSI file with "€" and curly quotes reads them, and writes them back as the same bytes', () => {
    const bytes = Uint8Array.of(0x22, 0x93, 0x80, 0x94, 0x22);
    const decoded = decodeBytes(bytes);
    assert.strictEqual(decoded.encoding, 'windows1252');
    assert.strictEqual(decoded.text, '"\u201c\u20ac\u201d"');
    assert.ok(roundTrips(bytes, decoded));
    assert.deepStrictEqual([...(encodeText('\u20ac\u2122', decoded) ?? [])], [0x80, 0x99]);
  });

  it('hex string data in an ANSI .reg file: one character per byte in the code page', () => {
    assert.strictEqual(bytesToText([0x80, 0x41, 0x99], false), '\u20acA\u2122');
  });
});
