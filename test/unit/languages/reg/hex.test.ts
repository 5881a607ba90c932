/**
 * Section 6.7: hex data `hex:` and `hex(N):` on one line (continuation lines are in continuation.test.ts).
 */
import * as assert from 'assert';
import { Kind, REG_BINARY } from '../../../../server/src/languages/reg/lineRecord';
import { codes, diagnose, parse, regFile } from '../../../helpers/reg';
import { BODY, bytesOf, clean, codesOn, diagAt, imported, importedNames, v4File } from './support';

function rec(text: string, line = BODY) {
  return parse(text).records[line];
}

describe('reg 6.7: hex data', () => {
  describe('the type number in hex(N)', () => {
    const accepted: [string, number][] = [
      ['hex(0)', 0],
      ['hex(1)', 1],
      ['hex(3)', 3],
      ['hex(10)', 0x10],
      ['hex(100)', 0x100],
      ['hex(1000)', 0x1000],
      ['hex(7fff)', 0x7fff],
      ['hex(ffff)', 0xffff],
      ['hex(7fffffff)', 0x7fffffff],
      ['hex(ffffffff)', 0xffffffff],
      ['hex(FFFFFFFF)', 0xffffffff],
      ['hex(abcd)', 0xabcd],
      ['hex(A)', 10],
      ['hex(000000010)', 0x10],
    ];
    for (const [prefix, type] of accepted) {
      it(`reads ${prefix} as type 0x${type.toString(16)}`, () => {
        const text = v4File(`"Wine13"=${prefix}:56,61,6c,75,65,00`);
        clean(text);
        assert.strictEqual(rec(text).kind, Kind.Value);
        assert.strictEqual(rec(text).type, type);
        assert.strictEqual(rec(text).bytesStart, 10 + prefix.length);
      });
    }

    it('reads hex: as REG_BINARY', () => {
      const text = regFile('"TestBinary"=hex:aa,bb,cc,11');
      clean(text);
      assert.strictEqual(rec(text).type, REG_BINARY);
      assert.deepStrictEqual(bytesOf(text, BODY), [0xaa, 0xbb, 0xcc, 0x11]);
    });

    for (const [prefix, end] of [
      ['hex(100000000):', 15],
      ['hex(0x2):', 9],
      ['hex(0X2):', 9],
      ['hex(x2):', 8],
      ['hex(g):', 7],
      ['hex(2)', 6],
      ['hex(2 56,61', 99],
      ['hex(2,', 99],
    ] as [string, number][]) {
      it(`rejects ${prefix}`, () => {
        const line = `"Wine13i"=${prefix}56,61`;
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        diagAt(text, 'reg.hex-type-invalid', BODY, 10, 10 + Math.min(end, line.length - 10));
        assert.deepStrictEqual(importedNames(text), []);
      });
    }

    it('explains the 0x prefix and the overflow', () => {
      assert.match(diagAt(regFile('"a"=hex(0x2):01'), 'reg.hex-type-invalid', BODY, 4, 13).message, /no 0x prefix/);
      assert.match(diagAt(regFile('"a"=hex(100000000):01'), 'reg.hex-type-invalid', BODY, 4, 19).message, /larger than ffffffff/);
    });

    it('reads the type as wcstoul does: blanks, a sign and an empty number (Wine parser; Windows untested)', () => {
      const text = regFile('"a"=hex():01', '"b"=hex( 2):41,00,00,00', '"c"=hex(+7):41,00,00,00,00,00', '"d"=hex( 0x2):41,00,00,00');
      assert.deepStrictEqual(codes(text), ['reg.hex-type-unusual', 'reg.hex-type-unusual', 'reg.hex-type-unusual', 'reg.hex-type-unusual']);
      assert.deepStrictEqual(
        diagnose(text).map((d) => (d.data as { replacement: string }).replacement),
        ['hex(0):', 'hex(2):', 'hex(7):', 'hex(2):'],
      );
      assert.deepStrictEqual(imported(text), [
        ['a', 0],
        ['b', 2],
        ['c', 7],
        ['d', 2],
      ]);
      // An x in the second place is refused before wcstoul runs; blanks alone are not a number.
      for (const bad of ['"e"=hex(ax):01', '"f"=hex( ):01', '"g"=hex(2 ):01', '"h"=hex(']) {
        assert.strictEqual(rec(regFile(bad)).kind, Kind.ValueRejected, bad);
      }
    });
  });

  describe('empty data stores a zero-length value', () => {
    for (const prefix of ['hex:', 'hex(0):', 'hex(1):', 'hex(2):', 'hex(3):', 'hex(4):', 'hex(7):', 'hex(b):', 'hex(100):', 'hex(abcd):']) {
      it(`accepts "${prefix}" with nothing after it`, () => {
        const text = regFile(`"Wine22"=${prefix}`);
        clean(text);
        assert.strictEqual(rec(text).kind, Kind.Value);
        assert.strictEqual(rec(text).byteCount, 0);
        assert.deepStrictEqual(bytesOf(text, BODY), []);
      });
    }

    it('accepts empty hex data followed by blanks or a comment', () => {
      clean(regFile('"a"=hex:   ', '"b"=hex(2):  ;empty'));
    });
  });

  describe('bytes', () => {
    it('reads one- and two-digit bytes in either case', () => {
      const text = regFile('"a"=hex:1,02,a,Bc,fF,00');
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), [1, 2, 10, 0xbc, 0xff, 0]);
      assert.strictEqual(rec(text).byteCount, 6);
    });

    it('accepts blanks after a comma', () => {
      const text = regFile('"a"=hex:01, 02,\t03');
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), [1, 2, 3]);
    });

    it('rejects a blank between a byte and its comma (after a byte only a comma, a ; comment or the end)', () => {
      const text = regFile('"a"=hex:01 ,02');
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.hex-byte-invalid', BODY, 8, 12);
    });

    for (const [line, from, to] of [
      ['"Wine22a"=hex(0):25,50,100,54,48,25,00', 23, 26],
      ['"Wine22b"=hex(0):25,1a4,100,164,124,25,00', 20, 23],
      ['"a"=hex:fff', 8, 11],
      ['"a"=hex:-1', 8, 10],
    ] as [string, number, number][]) {
      it(`rejects a byte above ff: ${line}`, () => {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        diagAt(text, 'reg.hex-byte-invalid', BODY, from, to);
        assert.deepStrictEqual(importedNames(text), []);
      });
    }

    it('tolerates 0x, a + sign and leading zeros with a warning (wcstoul reads them)', () => {
      const text = regFile('"a"=hex:0x1f,+2,003,-0');
      assert.strictEqual(rec(text).kind, Kind.Value);
      assert.deepStrictEqual(
        codesOn(text, BODY),
        ['reg.hex-byte-unusual', 'reg.hex-byte-unusual', 'reg.hex-byte-unusual', 'reg.hex-byte-unusual'],
      );
      assert.deepStrictEqual(bytesOf(text, BODY), [0x1f, 2, 3, 0]);
      const one = regFile('"a"=hex:01,0x1f');
      assert.deepStrictEqual(diagAt(one, 'reg.hex-byte-unusual', BODY, 11, 15).data, { replacement: '1f' });
    });

    it('rejects bytes separated by blanks instead of commas', () => {
      const text = regFile('"a"=hex:01 02');
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.hex-byte-invalid', BODY, 8, 13);
    });

    it('rejects a non-hex byte', () => {
      const text = regFile('"a"=hex:01,zz,02');
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.hex-byte-invalid', BODY, 11, 13);
    });
  });

  describe('commas', () => {
    for (const line of ['"Wine15"=hex(2):25,50,41,54,48,25,00,', '"Wine20b"=hex(7):4c,69,6e,65,', '"Wine20f"=hex(7):4c,69,6e,65,00,00,']) {
      it(`accepts a trailing comma: ${line}`, () => {
        const text = v4File(line);
        // Wine20b imports, but as a list without its final empty string (regedit adds one NUL only).
        if (line.startsWith('"Wine20b"')) assert.deepStrictEqual(codes(text), ['reg.multi-sz-unterminated']);
        else clean(text);
        assert.strictEqual(rec(text).kind, Kind.Value);
        assert.strictEqual(rec(text).endsWithComma, true);
      });
    }

    it('rejects an empty byte between two commas', () => {
      const text = regFile('"a"=hex:63,,6f');
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.hex-byte-invalid', BODY, 11, 12);
    });

    it('rejects a comma right after the colon', () => {
      const text = regFile('"a"=hex:,01');
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.hex-byte-invalid', BODY, 8, 9);
      const cont = regFile('"Wine23k"=hex(2):,\\', '  25,48,4f,4d,45,25,00');
      assert.strictEqual(rec(cont).kind, Kind.ValueRejected);
      assert.strictEqual(rec(cont).cont, false);
      const d = diagAt(cont, 'reg.hex-byte-invalid', BODY, 17, 18);
      // regedit then ignores the continuation line: the finding lists it instead of a finding of its own.
      assert.deepStrictEqual(codesOn(cont, BODY + 1), []);
      assert.deepStrictEqual((d.related ?? []).map((r) => r.range.start.line), [BODY + 1]);
    });
  });

  describe('after the last byte: blanks and a ; comment only', () => {
    for (const line of ['"Wine27a"=hex(2):25,50,41,54,48,25,00  ;comment', '"Wine27b"=hex(2):25,50,41,54,48,25,00\t;comment', '"a"=hex:01;comment', '"a"=hex:01,;comment', '"a"=hex:01,02   ']) {
      it(`accepts ${JSON.stringify(line)}`, () => {
        const text = v4File(line);
        clean(text);
        assert.strictEqual(rec(text).kind, Kind.Value);
      });
    }

    for (const line of ['"Wine27c"=hex(2):25,50,41,54,48,25,00  #comment', '"Wine27d"=hex(2):25,50,41,54,48,25,00\t#comment', '"a"=hex:01#comment']) {
      it(`rejects ${JSON.stringify(line)}`, () => {
        const text = v4File(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        const hash = line.indexOf('#');
        const d = diagAt(text, 'reg.hex-byte-invalid', BODY, hash, line.length);
        assert.match(d.message, /"#" does not start a comment/);
      });
    }
  });

  describe('a backslash anywhere but at the end after a comma', () => {
    const cases: [string, string, number, number][] = [
      ['"Wine23a"=hex(2):25,48\\,4f,4d,45,25,00', 'reg.hex-backslash-without-comma', 22, 23],
      ['"Wine23b"=hex(2):25,48,\\4f,4d,45,25,00', 'reg.hex-continuation-invalid', 24, 38],
      ['"Wine23c"=hex(2):25,48\\ ,4f,4d,45,25,00', 'reg.hex-backslash-without-comma', 22, 23],
      ['"Wine23d"=hex(2):25,48,\\ 4f,4d,45,25,00', 'reg.hex-continuation-invalid', 25, 39],
      ['"Wine23e"=hex(2):\\25,48,4f,4d,45,25,00', 'reg.hex-continuation-invalid', 18, 38],
      ['"Wine23f"=hex(2):\\ 25,48,4f,4d,45,25,00', 'reg.hex-continuation-invalid', 19, 39],
      ['"Wine23g"=hex(2):25,48,4\\f,4d,45,25,00', 'reg.hex-backslash-without-comma', 24, 25],
      ['"Wine23i"=hex(2):25,50,\\,41,54,48,25,00', 'reg.hex-continuation-invalid', 24, 39],
    ];
    for (const [line, code, from, to] of cases) {
      it(`rejects ${line}`, () => {
        const text = v4File(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        assert.strictEqual(rec(text).cont, false);
        diagAt(text, code, BODY, from, to);
        assert.deepStrictEqual(importedNames(text), []);
      });
    }

    it('offers to insert the missing comma', () => {
      assert.deepStrictEqual(diagAt(v4File('"a"=hex:25,48\\,4f'), 'reg.hex-backslash-without-comma', BODY, 13, 14).data, { insertAt: 13 });
    });
  });

  describe('a slash is not a continuation', () => {
    for (const [line, from] of [
      ['"Wine30a"=hex(0):25,48,4f,4d,45,25,5c,/', 38],
      ['"Wine30b"=hex(0):25,48,4f,4d,45,25,5c/', 37],
    ] as [string, number][]) {
      it(`rejects ${line} and reads the next line on its own`, () => {
        const text = v4File(line, '  25,50,41,54,48,25,00');
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        assert.strictEqual(rec(text).cont, false);
        diagAt(text, 'reg.hex-byte-invalid', BODY, from, line.length);
        assert.strictEqual(rec(text, BODY + 1).kind, Kind.Ignored);
      });
    }
  });

  describe('values a hex line can hold', () => {
    it('reads REG_NONE, REG_EXPAND_SZ, REG_MULTI_SZ and unknown types alike', () => {
      const text = v4File(
        '"Wine10a"=hex(0):56,00,61,00,6c,00,75,00,65,00,00,00',
        '"Wine11a"=hex(2):25,50,41,54,48,25,00',
        '"Wine18a"=hex(7):4c,69,6e,65,00,00',
        '"Wine19a"=hex(100):25,50,41,54,48,25,00',
      );
      clean(text);
      assert.deepStrictEqual(imported(text), [
        ['Wine10a', 0],
        ['Wine11a', 2],
        ['Wine18a', 7],
        ['Wine19a', 0x100],
      ]);
      assert.deepStrictEqual(bytesOf(text, BODY + 1), [0x25, 0x50, 0x41, 0x54, 0x48, 0x25, 0]);
    });

    it('accepts hex(2) data without the terminating NUL in a REGEDIT4 file (regedit appends it)', () => {
      clean(v4File('"Wine21a"=hex(2):25,50,41,54,48,25'));
    });

    it('warns about hex(7) data in a REGEDIT4 file that lacks the final empty string, as in a UTF-16 file (regedit appends one NUL only)', () => {
      // Wine20a: Windows stores "Line" and one NUL, not the list's closing empty string.
      const ansi = v4File('"Wine20a"=hex(7):4c,69,6e,65', '"b"=hex(7):4c,69,6e,65,00', '"ok"=hex(7):4c,69,6e,65,00,00', '"empty"=hex(7):00', '"none"=hex(7):');
      assert.deepStrictEqual(
        diagnose(ansi).map((d) => [d.code, d.range.start.line]),
        [
          ['reg.multi-sz-unterminated', BODY],
          ['reg.multi-sz-unterminated', BODY + 1],
        ],
      );
      assert.match(diagnose(ansi)[0].message, /00,00 in an ANSI file/);
      const utf16 = regFile('"Wine20a"=hex(7):4c,00,69,00,6e,00,65,00', '"b"=hex(7):4c,00,69,00,6e,00,65,00,00,00', '"ok"=hex(7):4c,00,00,00,00,00', '"empty"=hex(7):00,00');
      assert.deepStrictEqual(
        diagnose(utf16).map((d) => [d.code, d.range.start.line]),
        [
          ['reg.multi-sz-unterminated', BODY],
          ['reg.multi-sz-unterminated', BODY + 1],
        ],
      );
      assert.match(diagnose(utf16)[0].message, /00,00,00,00 in a UTF-16 file/);
    });
  });
});
