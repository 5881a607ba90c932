/**
 * Section 6.3 (the value-name part), 6.4 (data: general rules) and 6.9 (value deletion `"name"=-`).
 */
import * as assert from 'assert';
import { Kind, REG_DWORD, REG_SZ } from '../../../../server/src/languages/reg/lineRecord';
import { parse, regFile } from '../../../helpers/reg';
import { BODY, clean, codesOn, diagAt, exactly, imported, importedNames, noCode, onlyCodes } from './support';

function rec(text: string, line = BODY) {
  return parse(text).records[line];
}

describe('reg 6.3: value names', () => {
  describe('the default value', () => {
    it('sets the default value with @=', () => {
      const text = regFile('@="Test"');
      clean(text);
      const r = rec(text);
      assert.strictEqual(r.kind, Kind.Value);
      assert.strictEqual(r.name, null);
      assert.strictEqual(r.str, 'Test');
      assert.strictEqual(r.nameStart, 0);
      assert.strictEqual(r.nameEnd, 1);
    });

    it('sets the default value with ""= as well', () => {
      const text = regFile('""="Default registry value"');
      clean(text);
      assert.strictEqual(rec(text).name, null);
      assert.strictEqual(rec(text).str, 'Default registry value');
    });

    it('treats @= and ""= as the same value', () => {
      const text = regFile('@="a"', '""="b"');
      diagAt(text, 'reg.duplicate-value', BODY, 0, 5);
    });

    it('rejects anything but blanks between @ and =', () => {
      for (const line of ['@x="a"', '@"a"="b"', '@ ; ="a"']) {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected, line);
        diagAt(text, 'reg.value-missing-equals', BODY, 0, line.length);
      }
    });
  });

  describe('blanks around the name and "="', () => {
    const cases: [string, string | null, string | number][] = [
      ['@  =  "Test Value"', null, 'Test Value'],
      ['\t@\t=\tdword:\t00000008\t', null, 8],
      ['  "Wine3a"="Two leading spaces"', 'Wine3a', 'Two leading spaces'],
      ['\t"Wine3b"="One leading tab"', 'Wine3b', 'One leading tab'],
      [' \t "Wine3c"="Space, tab, space"', 'Wine3c', 'Space, tab, space'],
      ['\t\t"Wine5b"\t\t="Leading tabs"', 'Wine5b', 'Leading tabs'],
      ['\t  "Wine5c"=\t  "Tabs and spaces"', 'Wine5c', 'Tabs and spaces'],
      ['    "Wine5d"    \t    =    \t    "More whitespace"', 'Wine5d', 'More whitespace'],
    ];
    for (const [line, name, value] of cases) {
      it(`accepts ${JSON.stringify(line)}`, () => {
        const text = regFile(line);
        clean(text);
        const r = rec(text);
        assert.strictEqual(r.kind, Kind.Value);
        assert.strictEqual(r.name, name);
        if (typeof value === 'number') assert.strictEqual(r.dword, value);
        else assert.strictEqual(r.str, value);
        assert.strictEqual(r.nameStart, line.search(/[@"]/));
      });
    }
  });

  describe('blanks inside the quotes are part of the name', () => {
    it('keeps leading spaces and tabs', () => {
      const text = regFile('"  Wine6a"="Leading spaces"', '"\t\tWine6b"="Leading tabs"', '"Wine6a"="No spaces"');
      clean(text);
      assert.deepStrictEqual(importedNames(text), ['  Wine6a', '\t\tWine6b', 'Wine6a']);
    });

    it('keeps blanks at both ends of name and data, drops those outside the quotes', () => {
      const text = regFile('  "  Wine6c  "  =  "  Spaces everywhere  "  ');
      clean(text);
      assert.strictEqual(rec(text).name, '  Wine6c  ');
      assert.strictEqual(rec(text).str, '  Spaces everywhere  ');
    });
  });

  describe('characters and escapes in names', () => {
    const cases: [string, string][] = [
      ['"With=Equals"="asdf"', 'With=Equals'],
      ['"single\'quote"=dword:00000008', "single'quote"],
      ['"double\\"quote"="valid \\"or\\" not"', 'double"quote'],
      ['"123/\\"4;\'5"="Random value name"', '123/"4;\'5'],
      ['"\\\\foo\\\\bar"=""', '\\foo\\bar'],
      ['"count/up"="one/two/three"', 'count/up'],
      ['"Wine\\\\31"="Test value"', 'Wine\\31'],
      ['"#name"="x"', '#name'],
      ['";name"="x"', ';name'],
    ];
    for (const [line, name] of cases) {
      it(`reads the name ${JSON.stringify(name)}`, () => {
        const text = regFile(line);
        clean(text);
        assert.strictEqual(rec(text).kind, Kind.Value);
        assert.strictEqual(rec(text).name, name);
      });
    }

    it('decodes escaped quotes in the data too', () => {
      assert.strictEqual(rec(regFile('"double\\"quote"="valid \\"or\\" not"')).str, 'valid "or" not');
    });
  });

  describe('malformed names: the line is ignored', () => {
    it('rejects a name without its closing quote ("NameNoEndQuote=" is read as the name)', () => {
      const line = '"NameNoEndQuote="Asdffdsa"';
      const text = regFile(line);
      const r = rec(text);
      assert.strictEqual(r.kind, Kind.ValueRejected);
      assert.strictEqual(r.rejected, true);
      assert.strictEqual(r.name, 'NameNoEndQuote=');
      diagAt(text, 'reg.value-missing-equals', BODY, 0, line.length);
      assert.deepStrictEqual(importedNames(text), []);
    });

    it('rejects a name without its opening quote', () => {
      const line = 'NameNoBeginQuote"="Asdffdsa"';
      const text = regFile(line);
      assert.strictEqual(rec(text).kind, Kind.Ignored);
      diagAt(text, 'reg.value-name-unquoted', BODY, 0, 17);
    });

    it('rejects a name without quotes and offers to quote it', () => {
      const line = 'NameNoQuotes="Asdffdsa"';
      const text = regFile(line);
      assert.strictEqual(rec(text).kind, Kind.Ignored);
      const d = diagAt(text, 'reg.value-name-unquoted', BODY, 0, 12);
      assert.deepStrictEqual(d.data, { wrapFrom: 0, wrapTo: 12 });
    });

    it('rejects "MixedQuotes=Asdffdsa" (no = after the closing quote)', () => {
      const line = '"MixedQuotes=Asdffdsa"';
      const text = regFile(line);
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      // The whole result: one error for the missing "=", and no second finding about missing data.
      exactly(text, [['reg.value-missing-equals', 'error', BODY, 0, BODY, line.length]]);
    });

    it('rejects a name that is never closed on the line', () => {
      const line = '"Unclosed';
      const text = regFile(line);
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.value-name-unterminated', BODY, 0, line.length);
    });

    it('ignores a line starting with any other character', () => {
      for (const line of ['x', 'Hello world', '=-', '-"a"="b"', '%PATH%']) {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.Ignored, line);
        assert.deepStrictEqual(importedNames(text), [], line);
        assert.strictEqual(codesOn(text, BODY).length, 1, line);
      }
    });
  });

  describe('a value name cannot continue on the next line', () => {
    it('rejects "Test\\ + 17a"=... and still imports the following complete line', () => {
      const text = regFile('"Test\\', '17a"="Value 1"', '"Test17b"="Value 2"', '"Test', '\\17c"="Value 3"');
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY].kind, Kind.ValueRejected);
      assert.strictEqual(doc.records[BODY + 1].kind, Kind.Ignored);
      assert.strictEqual(doc.records[BODY + 2].kind, Kind.Value);
      assert.strictEqual(doc.records[BODY + 3].kind, Kind.ValueRejected);
      assert.strictEqual(doc.records[BODY + 4].kind, Kind.Ignored);
      assert.deepStrictEqual(importedNames(text), ['Test17b']);
      assert.deepStrictEqual(codesOn(text, BODY), ['reg.value-name-unterminated']);
      assert.deepStrictEqual(codesOn(text, BODY + 2), []);
      assert.deepStrictEqual(codesOn(text, BODY + 3), ['reg.value-name-unterminated']);
      diagAt(regFile('"Test\\', '"b"="1"'), 'reg.value-name-unterminated', BODY, 0, 6);
    });
  });

  describe('name length', () => {
    it('accepts a value name of 16,383 characters', () => {
      const text = regFile(`"${'n'.repeat(16383)}"="x"`);
      clean(text);
      assert.strictEqual(rec(text).kind, Kind.Value);
    });

    it('rejects a value name of 16,384 characters', () => {
      const text = regFile(`"${'n'.repeat(16384)}"="x"`);
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.value-name-too-long', BODY, 0, 16386);
    });

    it('counts the name after unescaping', () => {
      // 16,383 characters, one of them written as \\ (two characters in the file).
      const text = regFile(`"${'n'.repeat(16382)}\\\\"="x"`);
      clean(text);
    });
  });
});

describe('reg 6.4: data, general', () => {
  it('trims blanks around the data before reading its type', () => {
    const text = regFile('"a"=  \t dword:00000001 \t ', '"b"= \t"s"\t ');
    clean(text);
    const doc = parse(text);
    assert.strictEqual(doc.records[BODY].dataStart, 8);
    assert.strictEqual(doc.records[BODY].dataEnd, 22);
    assert.strictEqual(doc.records[BODY + 1].str, 's');
  });

  describe('nothing after "="', () => {
    for (const line of ['"Test16a"=', '"Test16a"=   ', '"Test16a"=\t', '@=']) {
      it(`rejects ${JSON.stringify(line)}`, () => {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        diagAt(text, 'reg.data-missing', BODY, 0, line.length);
      });
    }
  });

  describe('data that does not start with ", hex:, dword: or hex(N):', () => {
    const cases: [string, number][] = [
      ['"Test16b"=\\"', 10],
      ['"Test16c"=\\"Value\\"', 10],
      ['"Test16d"=\\"Value"', 10],
      ['"TestNoBeginQuote"=Asdffdsa"', 19],
      ['"TestNoQuotes"=Asdffdsa', 15],
      ['"Wine13"=#"Value 8"', 9],
      ['"Wine14"=;"Value 9"', 9],
      ['"Wine21"=#dword:00000001', 9],
      ['"Wine22"=;dword:00000002', 9],
      ['"a"=str:"x"', 4],
      ['"a"=str(2):"x"', 4],
      ['"a"=qword:0000000000000001', 4],
      ['"a"=DWORD:00000001', 4],
      ['"a"=Dword:00000001', 4],
      ['"a"=Hex:01', 4],
      ['"a"=HEX(2):41,00', 4],
      ['"a"=hex 01', 4],
      ['"a"=dword 1', 4],
      ['"a"=1', 4],
    ];
    for (const [line, start] of cases) {
      it(`rejects ${line}`, () => {
        const text = regFile(line);
        assert.strictEqual(rec(text).kind, Kind.ValueRejected);
        assert.strictEqual(rec(text).rejected, true);
        diagAt(text, 'reg.data-unknown-type', BODY, start, line.length);
        assert.deepStrictEqual(importedNames(text), []);
      });
    }

    it('offers the lower-case prefix for an upper-case one', () => {
      assert.deepStrictEqual(diagAt(regFile('"a"=DWORD:00000001'), 'reg.data-unknown-type', BODY, 4, 18).data, {
        replacement: 'dword:00000001',
        length: 14,
      });
    });

    it('accepts the same lines with the right prefix', () => {
      const text = regFile('"a"=dword:00000001', '"b"=hex:01', '"c"=hex(2):41,00,00,00', '"d"="x"');
      clean(text);
      assert.deepStrictEqual(imported(text), [
        ['a', REG_DWORD],
        ['b', 3],
        ['c', 2],
        ['d', REG_SZ],
      ]);
    });
  });
});

describe('reg 6.9: value deletion "name"=-', () => {
  for (const line of ['"Wine46a"=-', '"Wine46b"=  -', '"Wine46c"=  \t-\t  ', '"Wine46e"=- ;comment', '"Wine46g"=-;comment', '@=-', '""=-']) {
    it(`deletes with ${JSON.stringify(line)}`, () => {
      const text = regFile(line);
      clean(text);
      const r = rec(text);
      assert.strictEqual(r.kind, Kind.Value);
      assert.strictEqual(r.type, -1);
      assert.deepStrictEqual(imported(text), [[r.name, -1]]);
    });
  }

  it('treats @=- as deleting the default value', () => {
    assert.strictEqual(rec(regFile('@=-')).name, null);
  });

  for (const [line, start] of [
    ['"Wine46d"=-"Test"', 11],
    ['"Wine46f"=- #comment', 12],
    ['"Wine46h"=-1', 11],
    ['"Wine46i"=--', 11],
  ] as [string, number][]) {
    it(`does not delete with ${JSON.stringify(line)}`, () => {
      const text = regFile(line);
      assert.strictEqual(rec(text).kind, Kind.ValueRejected);
      diagAt(text, 'reg.delete-trailing-text', BODY, start, line.length);
      assert.deepStrictEqual(imported(text), []);
    });
  }

  it('deletes nothing when no key is open', () => {
    const text = ['Windows Registry Editor Version 5.00', '', '"a"=-', ''].join('\r\n');
    onlyCodes(text, ['reg.value-without-key']);
    assert.match(parse(text) && diagAt(text, 'reg.value-without-key', 2, 0, 3).message, /deletes nothing/);
  });

  it('warns when a value is set and then deleted under the same key', () => {
    const text = regFile('"a"="1"', '"a"=-');
    const d = diagAt(text, 'reg.duplicate-value', BODY, 0, 7);
    assert.match(d.message, /deleted on line 5/);
    noCode(regFile('"a"="1"', '"b"=-'), 'reg.duplicate-value');
  });
});
