/**
 * Section 6.6: REG_DWORD data `dword:`.
 */
import * as assert from 'assert';
import { Kind, REG_DWORD } from '../../../../server/src/languages/reg/lineRecord';
import { codes, parse, regFile } from '../../../helpers/reg';
import { BODY, clean, codesOn, diagAt, imported, importedNames, v4File } from './support';

function rec(text: string, line = BODY) {
  return parse(text).records[line];
}

describe('reg 6.6: dword data', () => {
  describe('1 to 8 hex digits', () => {
    const cases: [string, number][] = [
      ['dword:00000017', 0x17],
      ['dword:00000782', 0x782],
      ['dword:12345678', 0x12345678],
      ['dword:1', 1],
      ['dword:4444', 0x4444],
      ['dword:0', 0],
      ['dword:ABCDEF01', 0xabcdef01],
      ['dword:abcdef01', 0xabcdef01],
      ['dword:aBcD', 0xabcd],
      ['dword:ffffffff', 0xffffffff],
      ['dword:80000000', 0x80000000],
    ];
    for (const [data, value] of cases) {
      it(`reads ${data} as ${value}`, () => {
        const text = regFile(`"v"=${data}`);
        clean(text);
        const r = rec(text);
        assert.strictEqual(r.kind, Kind.Value);
        assert.strictEqual(r.type, REG_DWORD);
        assert.strictEqual(r.dword, value);
        assert.strictEqual(r.cont, false);
      });
    }

    it('reads dwords the same way in a REGEDIT4 file', () => {
      const text = v4File('"Wine8a"=dword:1', '"Wine8b"=dword:4444');
      clean(text);
      assert.deepStrictEqual(imported(text), [
        ['Wine8a', REG_DWORD],
        ['Wine8b', REG_DWORD],
      ]);
    });
  });

  describe('blanks', () => {
    for (const [line, value] of [
      ['"Wine9a"=dword:  00000008', 8],
      ['"Wine9b"=dword:\t\t00000008', 8],
      ['"a"=dword:00000001   ', 1],
      ['"a"=dword:00000001\t', 1],
      ['\t@\t=\tdword:\t00000008\t', 8],
    ] as [string, number][]) {
      it(`accepts ${JSON.stringify(line)}`, () => {
        const text = regFile(line);
        clean(text);
        assert.strictEqual(rec(text).dword, value);
      });
    }
  });

  describe('rejected forms', () => {
    it('rejects dword: with nothing after it', () => {
      for (const line of ['"Test12a"=dword:', '"Test12a"=dword:   ']) {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected, line);
        diagAt(text, 'reg.dword-empty', BODY, 10, 16);
      }
    });

    it('rejects non-hex digits', () => {
      const line = '"Test12b"=dword:hello';
      const text = regFile(line);
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      const d = diagAt(text, 'reg.dword-empty', BODY, 10, line.length);
      assert.match(d.message, /"hello" is not hexadecimal/);
    });

    for (const [line, from, to] of [
      ['"Test12c"=dword:123456789', 16, 25],
      ['"Test12d"=dword:012345678', 16, 25],
      ['"Test12e"=dword:000000001', 16, 25],
      ['"Test13a"=dword:12345678abc', 16, 27],
      ['"a"=dword:  0000000000', 12, 22],
    ] as [string, number, number][]) {
      it(`rejects more than 8 digits: ${line}`, () => {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        diagAt(text, 'reg.dword-too-long', BODY, from, to);
      });
    }

    for (const [label, line] of [
      ['text after a blank', '"Test13b"=dword:12345678 abc'],
      ['a 0x prefix', '"Test14a"=dword:0x123'],
      ['an embedded space', '"Test14b"=dword:123 456'],
      ['an embedded space between two halves', '"Test14c"=dword:1234 5678'],
      ['a # right after the digits', '"Wine25c"=dword:1234#5678'],
      ['a # after a blank', '"Wine25d"=dword:1234 #5678'],
      ['a # comment after 8 digits', '"Wine5"=dword:01020304 #comment'],
      ['a # comment without a blank', '"Wine23"=dword:00000003#comment'],
      ['a decimal point', '"a"=dword:1.5'],
      ['a comma', '"a"=dword:1,2'],
      ['a g after the digits', '"a"=dword:abcdefg'],
      ['a minus sign after the digits', '"a"=dword:1-'],
    ]) {
      it(`rejects ${label}: ${line}`, () => {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        const start = line.indexOf(':') + 1;
        diagAt(text, 'reg.dword-invalid', BODY, start, line.length);
        assert.deepStrictEqual(importedNames(text), []);
      });
    }

    it('explains the 0x prefix and the # comment', () => {
      assert.match(diagAt(regFile('"a"=dword:0x123'), 'reg.dword-invalid', BODY, 10, 15).message, /no 0x prefix/);
      assert.match(diagAt(regFile('"a"=dword:1234 #5678'), 'reg.dword-invalid', BODY, 10, 20).message, /"#" does not start a comment/);
    });

    it('rejects a sign or 0x before the digits', () => {
      for (const data of ['-1', '+1', '0X1']) {
        const text = regFile(`"a"=dword:${data}`);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected, data);
      }
    });
  });

  describe('a dword cannot continue on the next line', () => {
    it('rejects "dword:1234\\" and ignores the "5678" line', () => {
      const text = regFile('"Test18a"=dword:1234\\', '5678', '"after"=dword:1');
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY].kind, Kind.ValueRejected);
      assert.strictEqual(doc.records[BODY].cont, false);
      assert.strictEqual(doc.records[BODY + 1].kind, Kind.Ignored);
      const d = diagAt(text, 'reg.dword-invalid', BODY, 16, 21);
      assert.match(d.message, /cannot continue/);
      assert.deepStrictEqual(codesOn(text, BODY + 1), ['reg.line-ignored']);
      assert.deepStrictEqual(importedNames(text), ['after']);
    });
  });

  describe('a ; comment may follow', () => {
    for (const [line, value] of [
      ['"Wine25a"=dword:1234;5678', 0x1234],
      ['"Wine25b"=dword:1234 ;5678', 0x1234],
      ['"Wine6"=dword:02040608 ;comment', 0x2040608],
      ['"Wine24"=dword:00000004;comment', 4],
      ['"a"=dword:00000004\t;comment ; # more', 4],
    ] as [string, number][]) {
      it(`accepts ${JSON.stringify(line)}`, () => {
        const text = regFile(line);
        clean(text);
        assert.strictEqual(rec(text).kind, Kind.Value);
        assert.strictEqual(rec(text).dword, value);
      });
    }

    it('imports 0 when only a comment follows dword: (Wine parser; Windows untested)', () => {
      for (const line of ['"a"=dword:;comment', '"a"=dword: \t;comment']) {
        const text = regFile(line);
        assert.deepStrictEqual(codes(text), ['reg.dword-only-comment'], line);
        assert.strictEqual(rec(text).kind, Kind.Value, line);
        assert.strictEqual(rec(text).dword, 0, line);
      }
    });
  });
});
