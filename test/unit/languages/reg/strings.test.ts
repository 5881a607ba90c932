/**
 * Section 6.5: REG_SZ string data, and the escapes of 6.3 as they apply to names and data.
 */
import * as assert from 'assert';
import { Kind, REG_SZ } from '../../../../server/src/languages/reg/lineRecord';
import { parse, regFile } from '../../../helpers/reg';
import { BODY, clean, codesOn, diagAt, imported, importedNames, noCode, onlyCodes, v4File } from './support';

function rec(text: string, line = BODY) {
  return parse(text).records[line];
}

describe('reg 6.5: string data', () => {
  it('reads a plain string', () => {
    const text = regFile('"TestValue"="AValue"');
    clean(text);
    const r = rec(text);
    assert.strictEqual(r.kind, Kind.Value);
    assert.strictEqual(r.type, REG_SZ);
    assert.strictEqual(r.str, 'AValue');
    assert.strictEqual(r.dataStart, 12);
    assert.strictEqual(r.dataEnd, 20);
  });

  it('accepts the empty string ""', () => {
    const text = regFile('"Empty string"=""', '"\\\\foo\\\\bar"=""');
    clean(text);
    assert.strictEqual(rec(text).str, '');
    assert.strictEqual(rec(text).kind, Kind.Value);
  });

  describe('quotes', () => {
    it('rejects a string without its closing quote', () => {
      const line = '"TestNoEndQuote"="Asdffdsa';
      const text = regFile(line);
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      const d = diagAt(text, 'reg.string-unterminated', BODY, 17, line.length);
      assert.deepStrictEqual(d.data, { insertAt: line.length });
    });

    it('ends the unterminated range before trailing blanks', () => {
      diagAt(regFile('"a"="abc   '), 'reg.string-unterminated', BODY, 4, 8);
    });

    it('rejects a string whose last quote is escaped', () => {
      const text = regFile('"a"="abc\\"');
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.string-unterminated', BODY, 4, 10);
    });

    it('rejects a string that ends in a lone backslash', () => {
      const text = regFile('"a"="abc\\');
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.string-unterminated', BODY, 4, 9);
    });

    for (const [line, start] of [
      ['"Test15a"="foo"bar"', 15],
      ['"Test15b"="foo""bar"', 15],
      ['"a"="x" "y"', 8],
    ] as [string, number][]) {
      it(`rejects an unescaped quote inside the data: ${line}`, () => {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        diagAt(text, 'reg.string-trailing-text', BODY, start, line.length);
      });
    }
  });

  describe('after the closing quote: blanks and a ; comment only', () => {
    for (const line of ['"Wine4"="Value 2";comment', '"Wine26a"="Value1"  ;comment', '"Wine26b"="Value2"\t\t;comment', '"Wine8a"="Trailing spaces"    ', '"Wine8b"="Trailing tabs and spaces"\t  \t']) {
      it(`accepts ${JSON.stringify(line)}`, () => {
        const text = regFile(line);
        clean(text);
        assert.strictEqual(rec(text).kind, Kind.Value);
        assert.ok(!/[;\s]$/.test(rec(text).str ?? 'x'), 'nothing after the quote belongs to the data');
      });
    }

    for (const [line, start] of [
      ['"Wine3"="Value 1"#comment', 17],
      ['"Wine26c"="Value3"  #comment', 20],
      ['"Wine26d"="Value4"\t\t#comment', 20],
      ['"Wine11"="Value 6"#"Comment5"="Value 5"', 18],
      ['"a"="b" x', 8],
    ] as [string, number][]) {
      it(`rejects ${JSON.stringify(line)}`, () => {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        diagAt(text, 'reg.string-trailing-text', BODY, start, line.length);
        assert.deepStrictEqual(importedNames(text), []);
      });
    }

    it('says that # is not a comment after data', () => {
      assert.match(diagAt(regFile('"Wine3"="Value 1"#comment'), 'reg.string-trailing-text', BODY, 17, 25).message, /only ";"/);
    });

    it('imports only Wine12 from "Wine12"="Value 7";"Comment6"="Value 6"', () => {
      const text = regFile('"Wine12"="Value 7";"Comment6"="Value 6"');
      clean(text);
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY].name, 'Wine12');
      assert.strictEqual(doc.records[BODY].str, 'Value 7');
      assert.deepStrictEqual(imported(text), [['Wine12', REG_SZ]]);
    });

    it('imports neither value from "Wine11"="Value 6"#"Comment5"="Value 5"', () => {
      assert.deepStrictEqual(importedNames(regFile('"Wine11"="Value 6"#"Comment5"="Value 5"')), []);
    });
  });

  describe('; and # inside the quotes are data', () => {
    const cases: [string, string][] = [
      ['"Wine15"="#comment1"', '#comment1'],
      ['"Wine16"=";comment2"', ';comment2'],
      ['"Wine17"="Value#comment3"', 'Value#comment3'],
      ['"Wine18"="Value;comment4"', 'Value;comment4'],
      ['"Wine19"="Value #comment5"', 'Value #comment5'],
      ['"Wine20"="Value ;comment6"', 'Value ;comment6'],
    ];
    for (const [line, value] of cases) {
      it(`keeps ${JSON.stringify(value)}`, () => {
        const text = regFile(line);
        clean(text);
        assert.strictEqual(rec(text).str, value);
      });
    }
  });

  describe('blanks inside the quotes are kept', () => {
    it('keeps leading spaces and tabs in the data', () => {
      const text = regFile('"Wine7a"="    Four spaces in the data"', '"Wine7b"="\t\tTwo tabs in the data"');
      clean(text);
      assert.strictEqual(rec(text).str, '    Four spaces in the data');
      assert.strictEqual(rec(text, BODY + 1).str, '\t\tTwo tabs in the data');
    });
  });

  describe('a string cannot continue on the next line', () => {
    it('rejects "Test \\ + Value" and ignores the second line', () => {
      const text = regFile('"Test18b"="Test \\', 'Value"');
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY].kind, Kind.ValueRejected);
      assert.strictEqual(doc.records[BODY].cont, false);
      assert.strictEqual(doc.records[BODY + 1].kind, Kind.Ignored);
      assert.deepStrictEqual(codesOn(text, BODY), ['reg.string-unterminated']);
      assert.deepStrictEqual(codesOn(text, BODY + 1), ['reg.line-ignored']);
      assert.deepStrictEqual(importedNames(text), []);
    });
  });

  describe('escapes', () => {
    it('turns \\\\ into a backslash and \\" into a quote (Windows-tested)', () => {
      const text = regFile('"a"="C:\\\\Program Files\\\\Exchsrvr"', '"b"="say \\"hi\\""', '"c"="\\\\\\""');
      clean(text);
      assert.strictEqual(rec(text).str, 'C:\\Program Files\\Exchsrvr');
      assert.strictEqual(rec(text, BODY + 1).str, 'say "hi"');
      assert.strictEqual(rec(text, BODY + 2).str, '\\"');
    });

    it('turns \\n and \\r into LF and CR (Wine parser)', () => {
      const text = regFile('"a"="line1\\nline2\\rend"');
      clean(text);
      assert.strictEqual(rec(text).str, 'line1\nline2\rend');
    });

    it('keeps the character of an unknown escape and warns (Wine parser)', () => {
      const text = regFile('"a"="C:\\Temp"');
      assert.strictEqual(rec(text).kind, Kind.Value);
      assert.strictEqual(rec(text).str, 'C:Temp');
      const d = diagAt(text, 'reg.string-unknown-escape', BODY, 7, 9);
      assert.deepStrictEqual(d.data, { replacement: '\\\\T' });
      onlyCodes(text, ['reg.string-unknown-escape']);
    });

    it('warns about an unknown escape in a name as well, and keeps the value', () => {
      const text = regFile('"a\\b"="x"');
      assert.strictEqual(rec(text).name, 'ab');
      diagAt(text, 'reg.string-unknown-escape', BODY, 2, 4);
    });

    describe('\\0 rejects the whole line (Windows-tested)', () => {
      const cases: [string, number][] = [
        ['"Wine33a"="\\0"', 11],
        ['"Wine33b"="\\0\\0"', 11],
        ['"Wine33c"="Value1\\0"', 17],
        ['"Wine33d"="Value2\\0\\0\\0\\0"', 17],
        ['"Wine33e"="Value3\\0Value4"', 17],
        ['"Wine33f"="\\0Value5"', 11],
        ['"Wine\\0"="x"', 5],
      ];
      for (const [line, at] of cases) {
        it(`rejects ${line}`, () => {
          const text = regFile(line);
          assert.strictEqual(rec(text).kind, Kind.ValueRejected);
          assert.strictEqual(rec(text).rejected, true);
          diagAt(text, 'reg.string-null-escape', BODY, at, at + 2);
          assert.deepStrictEqual(importedNames(text), []);
        });
      }
    });

    describe('\\\\0 is a backslash followed by 0 (Windows-tested)', () => {
      const cases: [string, string][] = [
        ['"Wine23a"="\\\\0"', '\\0'],
        ['"Wine23b"="\\\\0\\\\0"', '\\0\\0'],
        ['"Wine23c"="Value1\\\\0"', 'Value1\\0'],
        ['"Wine23d"="Value2\\\\0\\\\0\\\\0\\\\0"', 'Value2\\0\\0\\0\\0'],
        ['"Wine23e"="Value3\\\\0Value4"', 'Value3\\0Value4'],
        ['"Wine23f"="\\\\0Value5"', '\\0Value5'],
      ];
      for (const [line, value] of cases) {
        it(`accepts ${line}`, () => {
          const text = regFile(line);
          clean(text);
          assert.strictEqual(rec(text).str, value);
        });
      }
    });
  });

  it('reads strings the same way in a REGEDIT4 file', () => {
    const text = v4File('"a"="x;y"  ;c', '"b"="\\\\0"', '"c"="\\0"');
    noCode(text, 'reg.string-trailing-text');
    assert.deepStrictEqual(importedNames(text), ['a', 'b']);
    diagAt(text, 'reg.string-null-escape', BODY + 2, 5, 7);
  });

  it('reads a NUL character as the end of the line (the C string stops there)', () => {
    const text = regFile('"a"="abc\0def"');
    assert.strictEqual(rec(text).kind, Kind.ValueRejected);
    assert.deepStrictEqual(codesOn(text, BODY).sort(), ['reg.nul-character', 'reg.string-unterminated']);
    diagAt(text, 'reg.nul-character', BODY, 8, 13);
  });
});
