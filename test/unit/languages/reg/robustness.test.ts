/** Hostile input: bytes of any kind, huge lines, deep continuation; the analysis finishes and stays in range. */
import * as assert from 'assert';
import fc from 'fast-check';
import { decodeBytes } from '../../../../server/src/core/encoding';
import { regLanguage } from '../../../../server/src/languages/reg';

function analyse(bytes: Uint8Array): number {
  const decoded = decodeBytes(bytes);
  const doc = regLanguage.parse(decoded.text, { decoded });
  const diags = regLanguage.validate(doc, { decoded, maxDiagnostics: 1000 });
  regLanguage.symbols(doc);
  regLanguage.folding(doc);
  return diags.length;
}

describe('reg: robustness', function () {
  this.timeout(60000);

  it('decodes and analyses any byte sequence', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        analyse(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('handles byte sequences that start like UTF-16LE exports and are cut anywhere', () => {
    const body = Buffer.from('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"v"=hex(7):41,00,00,00,\\\r\n  00,00\r\n', 'utf16le');
    const full = Buffer.concat([Buffer.from([0xff, 0xfe]), body]);
    for (let cut = 0; cut <= full.length; cut++) analyse(full.subarray(0, cut));
    const decoded = decodeBytes(full.subarray(0, full.length - 1));
    assert.strictEqual(decoded.truncated, true);
    const doc = regLanguage.parse(decoded.text, { decoded });
    assert.ok(regLanguage.validate(doc, { decoded }).some((d) => d.code === 'reg.truncated-utf16'));
  });

  it('handles a 10 MB single line', () => {
    const line = `"a"="${'x'.repeat(10 * 1024 * 1024)}`;
    const doc = regLanguage.parse(`REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n${line}\r\n`);
    assert.deepStrictEqual(
      regLanguage.validate(doc).map((d) => d.code),
      ['reg.string-unterminated'],
    );
  });

  it('handles 10 MB of hex bytes on one line and a value with 100,000 continuation lines', () => {
    const oneLine = `"h"=hex:${'01,'.repeat(3_500_000)}02`;
    assert.deepStrictEqual(regLanguage.validate(regLanguage.parse(`REGEDIT4\n[HKEY_CURRENT_USER\\A]\n${oneLine}\n`)), []);
    const many = `"h"=hex:00,\\\n${'  01,02,03,\\\n'.repeat(100_000)}  04\n`;
    const doc = regLanguage.parse(`REGEDIT4\n[HKEY_CURRENT_USER\\A]\n${many}`);
    assert.deepStrictEqual(regLanguage.validate(doc), []);
    assert.deepStrictEqual(regLanguage.folding(doc), [
      { startLine: 1, endLine: 100_003 },
      { startLine: 2, endLine: 100_003 },
    ]);
  });

  it('handles NUL bytes, lone surrogates and control characters everywhere', () => {
    const text = `Windows Registry Editor Version 5.00\r\n[HKEY_CURRENT_USER\\A\0B]\r\n"\uD800"="\uDC00\0"\r\n\u0001\u0002\r\n"x"=hex(2):00,d8,41,00\r\n`;
    const codes = regLanguage.validate(regLanguage.parse(text)).map((d) => d.code);
    assert.ok(codes.includes('reg.nul-character'));
    assert.ok(codes.includes('reg.hex-string-invalid'));
  });

  it('caps the number of diagnostics on request', () => {
    const junk = 'garbage\n'.repeat(50_000);
    const doc = regLanguage.parse(`REGEDIT4\n${junk}`);
    assert.strictEqual(regLanguage.validate(doc, { maxDiagnostics: 1000 }).length, 1000);
    assert.strictEqual(regLanguage.validate(doc).length, 50_000);
  });
});
