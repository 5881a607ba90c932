/**
 * Section 6.8: hex data continued over several lines with a backslash at the end of the line.
 */
import * as assert from 'assert';
import { Kind } from '../../../../server/src/languages/reg/lineRecord';
import { diagnose, parse, regFile } from '../../../helpers/reg';
import { BODY, bytesOf, clean, codesOn, diagAt, entryAt, exactlyEverywhere, hexOf, importedNames, KEY, noCode, onlyCodes, relatedAt, v4File } from './support';

function kinds(text: string, from = BODY): Kind[] {
  return parse(text).records.slice(from).map((r) => r.kind);
}

const LINE_CONCATENATION = [...'Line concatenation'].map((c) => c.charCodeAt(0)).concat([0, 0]);

describe('reg 6.8: hex continuation lines', () => {
  describe('a ",\\" at the end of the line continues the data', () => {
    it('joins the bytes of all lines into one value', () => {
      const text = v4File('"Wine3"=hex(7):4c,69,6e,65,20,\\', '  63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00', '"next"="x"');
      clean(text);
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY].kind, Kind.Value);
      assert.strictEqual(doc.records[BODY].cont, true);
      assert.strictEqual(doc.records[BODY + 1].kind, Kind.HexContinuation);
      assert.strictEqual(doc.records[BODY + 1].cont, false);
      assert.strictEqual(doc.records[BODY + 1].bytesStart, 2);
      assert.deepStrictEqual(bytesOf(text, BODY), LINE_CONCATENATION);
      assert.deepStrictEqual(entryAt(text, BODY), { valid: true, lastLine: BODY + 1, type: 7, name: 'Wine3' });
      assert.deepStrictEqual(importedNames(text), ['Wine3', 'next']);
    });

    it('follows any number of lines, with LF, CRLF or bare CR line ends', () => {
      for (const eol of ['\n', '\r\n', '\r']) {
        const text = ['REGEDIT4', '', KEY, '"Wine12c"=hex:11,22,33,44,\\', '  55,66,\\', '  77,88', ''].join(eol);
        clean(text);
        assert.deepStrictEqual(bytesOf(text, BODY), [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88], JSON.stringify(eol));
        assert.strictEqual(entryAt(text, BODY).lastLine, BODY + 2);
      }
    });

    it('accepts "hex(2):\\" right after the colon', () => {
      const text = v4File('"Wine16"=hex(2):\\', '  25,48,4f,4d,45,25,00');
      clean(text);
      assert.strictEqual(parse(text).records[BODY].cont, true);
      assert.deepStrictEqual(bytesOf(text, BODY), [0x25, 0x48, 0x4f, 0x4d, 0x45, 0x25, 0]);
    });

    it('accepts blanks between the comma and the backslash', () => {
      for (const line of ['"Wine14a"=hex(7):4c,69,6e,65,20,  \\', '"Wine14b"=hex(7):4c,69,6e,65,20,\t\\']) {
        const text = v4File(line, '  63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00');
        clean(text);
        assert.deepStrictEqual(bytesOf(text, BODY), LINE_CONCATENATION);
      }
    });

    it('accepts blanks and a ; comment after the backslash', () => {
      for (const line of ['"Wine28c"=hex(2):25,48,4f,4d,45,25,5c,  \\  ;comment', '"Wine28e"=hex(2):25,48,4f,4d,45,25,5c,\\\t  ;comment', '"Wine10c"=hex(0):56,00,61,00,\\;comment', '"a"=hex:5c,\\   ', '"b"=hex:5c,\\;#comment']) {
        const text = v4File(line, '  25,50,41,54,48,25,00');
        clean(text);
        assert.strictEqual(entryAt(text, BODY).valid, true, line);
        assert.strictEqual(entryAt(text, BODY).lastLine, BODY + 1, line);
      }
    });

    it('reads "Wine28a" as %HOME%\\%PATH%', () => {
      const text = v4File('"Wine28a"=hex(2):25,48,4f,4d,45,25,5c,\\', '  25,50,41,54,48,25,00');
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), [...'%HOME%\\%PATH%'].map((c) => c.charCodeAt(0)).concat([0]));
    });

    it('accepts any blanks before the bytes of a continuation line', () => {
      const text = v4File('\t  \t  "Wine4c"=hex(7):4c,69,6e,65,20,\\', '        63,6f,6e,\\;comment', '\t\t\t\t63,61,74,\\;comment', '  \t65,6e,61,74,69,6f,6e,00,00');
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), LINE_CONCATENATION);
      assert.deepStrictEqual(kinds(text).slice(0, 4), [Kind.Value, Kind.HexContinuation, Kind.HexContinuation, Kind.HexContinuation]);
    });

    it('accepts continuation lines that start with the byte in column 0', () => {
      const text = v4File('"a"=hex:01,\\', '02,03');
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), [1, 2, 3]);
    });
  });

  describe('the backslash must follow a comma', () => {
    it('rejects "20\\" and reads the next line on its own (Multi-Line1, a line starting with ",")', () => {
      const text = v4File('"Multi-Line1"=hex(7):4c,69,6e,65,20\\', ',63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00');
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY].kind, Kind.ValueRejected);
      assert.strictEqual(doc.records[BODY].cont, false);
      assert.strictEqual(doc.records[BODY + 1].kind, Kind.Ignored);
      const d = diagAt(text, 'reg.hex-backslash-without-comma', BODY, 35, 36);
      assert.deepStrictEqual(d.data, { insertAt: 35 });
      // The ignored line is a consequence of the value line's finding, which lists it.
      assert.deepStrictEqual(codesOn(text, BODY + 1), []);
      assert.deepStrictEqual(relatedAt(d), [[BODY + 1, 'a continuation line regedit then ignores']]);
      assert.deepStrictEqual(importedNames(text), []);
    });

    it('lists every continuation line regedit then ignores in the one finding, and stops at other lines', () => {
      const text = v4File('"a"=hex:01,02\\', '  03,04,\\', '', '; note', '  05,06', '  07,08', '"b"="1"');
      const d = diagAt(text, 'reg.hex-backslash-without-comma', BODY, 13, 14);
      assert.deepStrictEqual(relatedAt(d), [
        [BODY + 1, 'a continuation line regedit then ignores'],
        [BODY + 4, 'a continuation line regedit then ignores'],
      ]);
      // "07,08" follows a line without "\\": the finding on it stays, and it is true there.
      assert.deepStrictEqual(codesOn(text, BODY + 5), ['reg.line-ignored']);
      for (const [first, code] of [
        ['"a"=hex:01,zz,\\', 'reg.hex-byte-invalid'],
        ['"a"=hex:01,\\ x', 'reg.hex-continuation-invalid'],
      ]) {
        const other = v4File(first, '  03,04');
        assert.deepStrictEqual(codesOn(other, BODY + 1), [], first);
        assert.deepStrictEqual(relatedAt(diagnose(other).find((x) => x.code === code)!), [[BODY + 1, 'a continuation line regedit then ignores']]);
      }
    });

    for (const [label, first, second, at] of [
      ['Multi-Line2: indented ", bytes"', '"Multi-Line2"=hex(7):4c,69,6e,65,20\\', '  ,63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00', 35],
      ['Test19c: the next line starts with a byte', '"Test19c"=hex(0):56,00,61,00,6c,00\\', '  75,00,65,00,00,00', 34],
      ['Test19d: a byte split over two lines', '"Test19d"=hex(0):56,00,61,00,6c,00,7\\', '5,00,65,00,00,00', 36],
      ['Test19e: an indented split byte', '"Test19e"=hex(0):56,00,61,00,6c,00,7\\', '  5,00,65,00,00,00', 36],
      ['Test21c: REG_BINARY', '"Test21c"=hex:11,22,33,44\\', '  55,66,77,88', 25],
      ['Wine23h: split "4f"', '"Wine23h"=hex(2):25,48,4\\', '  f,4d,45,25,00', 24],
      ['Wine28b: a backslash after 5c', '"Wine28b"=hex(2):25,48,4f,4d,45,25,5c\\', '  25,50,41,54,48,25,00', 37],
      ['Wine28d: blanks before the backslash', '"Wine28d"=hex(2):25,48,4f,4d,45,25,5c  \\  ;comment', '  25,50,41,54,48,25,00', 39],
      ['Wine28f: a tab and a comment', '"Wine28f"=hex(2):25,48,4f,4d,45,25,5c\\\t  ;comment', '  25,50,41,54,48,25,00', 37],
    ] as [string, string, string, number][]) {
      it(`rejects ${label}`, () => {
        const text = v4File(first, second);
        const doc = parse(text);
        assert.strictEqual(doc.records[BODY].kind, Kind.ValueRejected);
        assert.strictEqual(doc.records[BODY].cont, false);
        const [d] = exactlyEverywhere([first, second], [['reg.hex-backslash-without-comma', 'error', BODY, at, BODY, at + 1]]);
        assert.strictEqual(doc.records[BODY + 1].kind, Kind.Ignored);
        assert.deepStrictEqual(relatedAt(d), [[BODY + 1, 'a continuation line regedit then ignores']]);
        assert.deepStrictEqual(codesOn(text, BODY + 1), []);
        assert.deepStrictEqual(importedNames(text), []);
      });
    }

    it('rejects the value but still reads the next line when that is a new value (Wine9c/9d, Wine25i/j, Wine26i/j)', () => {
      for (const next of ['"Wine9d"="Value 2"', '"Wine26j"=dword:00000008', '@="Default value 5"', '"Wine27j"=hex(2):25,50,41,54,48,25,00']) {
        const text = v4File('"Wine9c"=hex(2):4c,69,6e,65\\', next);
        const doc = parse(text);
        assert.strictEqual(doc.records[BODY].kind, Kind.ValueRejected, next);
        assert.strictEqual(doc.records[BODY + 1].kind, Kind.Value, next);
        assert.strictEqual(importedNames(text).length, 1, next);
        noCode(text, 'reg.hex-continuation-swallowed');
      }
    });

    it('creates the key on the next line (Wine24b)', () => {
      const text = v4File('"Wine24b"=hex(2):4c,69,6e,65,20\\', '[HKEY_CURRENT_USER\\Software\\Wine\\regedit_test\\Subkey2]', '"in2"="x"');
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY + 1].kind, Kind.Key);
      assert.strictEqual(doc.sectionIndexAt(BODY + 1), doc.sectionIndexAt(BODY) + 1);
      assert.deepStrictEqual(importedNames(text), ['in2']);
    });

    it('rejects a value without the comma at the end of the file (Wine31)', () => {
      const text = ['REGEDIT4', '', KEY, '"Wine31"=hex(7):4c,69,6e,65,20\\'].join('\n');
      assert.strictEqual(parse(text).records[BODY].kind, Kind.ValueRejected);
      diagAt(text, 'reg.hex-backslash-without-comma', BODY, 30, 31);
    });
  });

  describe('only blanks and a ; comment after the backslash', () => {
    for (const [label, lines, line, from, to] of [
      ['Test19f: "\\#comment"', ['"Test19f"=hex(0):56,00,61,00,\\;comment', '  6c,00,75,00,\\#comment', '  65,00,00,00'], BODY + 1, 15, 23],
      ['Multi-Line5', ['"Multi-Line5"=hex(7):4c,69,6e,\\;comment', '  65,20,\\;comment', '  63,6f,6e,\\;comment', '  63,61,74,\\#comment', '  65,6e,61,74,69,6f,6e,00,00'], BODY + 3, 12, 20],
      ['bytes after the backslash', ['"a"=hex:01,\\02', '  03'], BODY, 12, 14],
      ['a second backslash (Wine23j)', ['"Wine23j"=hex(2):25,48,4f,4d,45,25,5c,\\\\', '  25,50,41,54,48,25,00'], BODY, 39, 40],
    ] as [string, string[], number, number, number][]) {
      it(`rejects ${label} and reads the next line on its own`, () => {
        const text = v4File(...lines);
        const doc = parse(text);
        assert.strictEqual(entryAt(text, BODY).valid, false);
        assert.strictEqual(doc.records[line].rejected, true);
        assert.strictEqual(doc.records[line].cont, false);
        // The line after it, which regedit then ignores, is listed by this finding rather than reported again.
        const [d] = exactlyEverywhere(lines, [['reg.hex-continuation-invalid', 'error', line, from, line, to]]);
        assert.deepStrictEqual(relatedAt(d), [[line + 1, 'a continuation line regedit then ignores']]);
        assert.strictEqual(doc.records[line + 1].kind, Kind.Ignored);
        assert.deepStrictEqual(importedNames(text), []);
      });
    }

    it('accepts ";#comment" after the backslash (Multi-Line4)', () => {
      const text = v4File('"Multi-Line4"=hex(7):4c,69,6e,\\;#comment', '  65,20,\\;#comment', '  63,6f,6e,\\;#comment', '  63,61,74,\\;#comment', '  65,6e,61,74,69,6f,6e,00,00');
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), LINE_CONCATENATION);
    });
  });

  describe('what the next line must be', () => {
    it('rejects an empty byte on a continuation line (Wine32b)', () => {
      const text = v4File('"Wine32b"=hex(7):4c,69,6e,65,20,\\', '  63,,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00');
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY + 1].kind, Kind.HexContinuation);
      assert.strictEqual(doc.records[BODY + 1].rejected, true);
      assert.strictEqual(entryAt(text, BODY).valid, false);
      diagAt(text, 'reg.hex-byte-invalid', BODY + 1, 5, 6);
    });

    it('swallows a continuation line that starts with "," (Wine32a) and discards the value', () => {
      const second = '  ,63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00';
      const text = v4File('"Wine32a"=hex(7):4c,69,6e,65,20,\\', second);
      assert.strictEqual(parse(text).records[BODY + 1].kind, Kind.Swallowed);
      assert.strictEqual(entryAt(text, BODY).valid, false);
      const d = diagAt(text, 'reg.hex-continuation-swallowed', BODY + 1, 0, second.length);
      assert.deepStrictEqual(
        d.related?.map((r) => [r.range.start.line, r.range.start.character, r.range.end.character]),
        [[BODY, 0, 9]],
      );
    });

    it('rejects a byte above ff on a continuation line', () => {
      const text = v4File('"a"=hex:01,\\', '  100,02');
      assert.strictEqual(entryAt(text, BODY).valid, false);
      diagAt(text, 'reg.hex-byte-invalid', BODY + 1, 2, 5);
    });

    it('rejects blanks after the last comma of a continuation line (Wine parser: only the first line is trimmed)', () => {
      const text = v4File('"a"=hex:01,\\', '  02,03,  ');
      assert.strictEqual(entryAt(text, BODY).valid, false);
      diagAt(text, 'reg.hex-byte-invalid', BODY + 1, 8, 10);
      clean(v4File('"a"=hex:01,\\', '  02,03  '));
      clean(v4File('"a"=hex:01,02,  '));
    });

    for (const [label, lines] of [
      ['a line that is only "\\" (Wine29a)', ['"Wine29a"=hex:11,22,33,\\', '\\', '  44,55,66']],
      ['a line of blanks and "\\" (Wine29b)', ['"Wine29b"=hex:11,22,33,\\', '  \\', '  44,55,66']],
    ] as [string, string[]][]) {
      it(`rejects ${label}`, () => {
        const text = v4File(...lines);
        assert.deepStrictEqual(kinds(text).slice(0, 3), [Kind.Value, Kind.Swallowed, Kind.Ignored]);
        assert.strictEqual(entryAt(text, BODY).valid, false);
        // regedit then reads "  44,55,66" on its own and ignores it.
        exactlyEverywhere(lines, [
          ['reg.hex-continuation-swallowed', 'error', BODY + 1, 0, BODY + 1, lines[1].length],
          ['reg.line-ignored', 'warning', BODY + 2, 2, BODY + 2, 10],
        ]);
      });
    }
  });

  describe('blank lines and ; comment lines between continuation lines are skipped', () => {
    it('skips empty lines (Wine10a)', () => {
      const text = v4File('"Wine10a"=hex(7):4c,69,6e,65,20,\\', '  63,6f,6e,\\', '', '  63,61,74,\\', '', '', '  65,6e,\\', '', '', '', '  61,74,69,6f,6e,00,00');
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), LINE_CONCATENATION);
      assert.strictEqual(parse(text).records[BODY + 2].kind, Kind.ContinuationGap);
      assert.strictEqual(entryAt(text, BODY).lastLine, BODY + 10);
    });

    it('skips lines of spaces and tabs (Wine10b)', () => {
      const text = v4File('"Wine10b"=hex(7):4c,69,6e,65,20,\\', '  63,6f,6e,\\', ' ', '  63,61,74,\\', '\t', '\t', '  65,6e,\\', '\t \t', '\t \t', '\t \t', '  61,74,69,6f,6e,00,00');
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), LINE_CONCATENATION);
    });

    it('skips ; comment lines, indented or not (Wine9, Wine29a, Wine29b)', () => {
      for (const comment of [';comment', '  ;comment', '\t; "x"="y"']) {
        const text = v4File('"Wine29"=hex(7):4c,69,6e,65,20,\\', '  63,6f,6e,63,61,74,\\', comment, '  65,6e,\\;comment', '  61,74,69,6f,6e,00,00');
        clean(text);
        assert.strictEqual(parse(text).records[BODY + 2].kind, Kind.ContinuationGap, comment);
        assert.deepStrictEqual(bytesOf(text, BODY), LINE_CONCATENATION, comment);
      }
    });

    it('skips a mix of both (Multi-Line6)', () => {
      const text = v4File('"Multi-Line6"=hex(7):4c,69,6e,65,20,\\', '  63,6f,6e,\\;comment', '  63,61,74,\\', '', '  65,6e,\\;comment', '', '  61,74,69,6f,6e,00,00');
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), LINE_CONCATENATION);
    });

    it('does not let a trailing backslash continue a comment line', () => {
      const text = v4File('#comment\\', '"Wine1"="Line 1"', ';comment\\', '"Wine2"="Line 2"');
      clean(text);
      assert.deepStrictEqual(importedNames(text), ['Wine1', 'Wine2']);
    });
  });

  describe('a # comment line between continuation lines ends the value', () => {
    for (const [label, comment] of [
      ['at line start (Wine29c)', '#comment'],
      ['indented (Wine29d, Wine7)', '  #comment'],
    ]) {
      it(`discards the value for a # line ${label}; the bytes after it are ignored`, () => {
        const text = v4File('"Wine29c"=hex(7):4c,69,6e,65,20,\\', '  63,6f,6e,63,61,74,\\', comment, '  65,6e,\\;comment', '  61,74,69,6f,6e,00,00', '"Wine8"="A valid line"');
        assert.deepStrictEqual(kinds(text).slice(0, 6), [Kind.Value, Kind.HexContinuation, Kind.Swallowed, Kind.Ignored, Kind.Ignored, Kind.Value]);
        assert.strictEqual(entryAt(text, BODY).valid, false);
        diagAt(text, 'reg.hex-continuation-swallowed', BODY + 2, 0, comment.length);
        assert.deepStrictEqual(importedNames(text), ['Wine8']);
      });
    }
  });

  describe('a line that ends in "," without a backslash ends the value there', () => {
    it('stores the bytes so far and ignores the next line (Wine12d)', () => {
      const text = v4File('"Wine12d"=hex:11,22,33,44,\\;comment', '  55,66,', '  77,88', '"after"="x"');
      const doc = parse(text);
      assert.deepStrictEqual(kinds(text).slice(0, 4), [Kind.Value, Kind.HexContinuation, Kind.Ignored, Kind.Value]);
      assert.strictEqual(doc.records[BODY + 1].endsWithComma, true);
      assert.deepStrictEqual(entryAt(text, BODY), { valid: true, lastLine: BODY + 1, type: 3, name: 'Wine12d' });
      assert.deepStrictEqual(bytesOf(text, BODY), [0x11, 0x22, 0x33, 0x44, 0x55, 0x66]);
      const d = diagAt(text, 'reg.line-ignored', BODY + 2, 2, 7);
      assert.match(d.message, /did not end its line with ",\\"/);
      assert.deepStrictEqual(importedNames(text), ['Wine12d', 'after']);
    });

    it('does the same for ",;comment" (Wine12e, Multi-Line2)', () => {
      const text = v4File('"Multi-Line2"=hex(7):4c,69,6e,65,20,\\', '  63,6f,6e,\\;comment', '  63,61,74,;comment', '  65,6e,61,74,69,6f,6e,00,00');
      assert.strictEqual(entryAt(text, BODY).valid, true);
      assert.strictEqual(entryAt(text, BODY).lastLine, BODY + 2);
      assert.deepStrictEqual(bytesOf(text, BODY), [...'Line concat'].map((c) => c.charCodeAt(0)));
      assert.strictEqual(parse(text).records[BODY + 3].kind, Kind.Ignored);
    });
  });

  describe('after ",\\" a line that is not hex data is swallowed with the value', () => {
    const cases: [string, string[], (string | null)[]][] = [
      ['a value line (Wine25a/b)', ['"Wine25a"=hex(2):4c,69,6e,65,20,\\', '"Wine25b"="Test value"'], []],
      ['a dword value line (Wine26a/b)', ['"Wine26a"=hex(2):4c,69,6e,65,20,\\', '"Wine26b"=dword:00000008'], []],
      ['a hex value line (Wine27a/b)', ['"Wine27a"=hex(2):25,48,4f,4d,45,25,5c,\\', '"Wine27b"=hex(2):25,50,41,54,48,25,00'], []],
      ['a default value line (Wine28a)', ['"Wine28a"=hex(2):4c,69,6e,65,20,\\', '@="Default value 1"'], []],
      ['a value line after a ; comment (Wine25c/d)', ['"Wine25c"=hex(2):4c,69,6e,65,20,\\', ';comment', '"Wine25d"="Test value"'], []],
      ['a value line after a blank line (Wine25g/h)', ['"Wine25g"=hex(2):4c,69,6e,65,20,\\', '', '"Wine25h"="Test value"'], []],
      ['a default value after a blank line (Wine28d)', ['"Wine28d"=hex(2):4c,69,6e,65,20,\\', '', '@="Default value 4"'], []],
      ['a # comment line, after which the next value is read (Wine25e/f)', ['"Wine25e"=hex(2):4c,69,6e,65,20,\\', '#comment', '"Wine25f"="Test value"'], ['Wine25f']],
      ['a # comment line before a default value (Wine28c)', ['"Wine28c"=hex(2):4c,69,6e,65,20,\\', '#comment', '@="Default value 3"'], [null]],
    ];
    for (const [label, body, expected] of cases) {
      it(`swallows ${label}`, () => {
        const text = v4File(...body);
        const doc = parse(text);
        const swallowedAt = doc.records.findIndex((r) => r.kind === Kind.Swallowed);
        assert.strictEqual(swallowedAt, BODY + body.findIndex((l, i) => i > 0 && l !== '' && !l.startsWith(';')));
        assert.strictEqual(entryAt(text, BODY).valid, false);
        assert.deepStrictEqual(importedNames(text), expected);
        diagAt(text, 'reg.hex-continuation-swallowed', swallowedAt, 0, doc.lines[swallowedAt].length);
      });
    }

    it('swallows a key line: the key is not created and its values go to the old key (Wine24a)', () => {
      const text = v4File('"Wine24a"=hex(2):4c,69,6e,65,20,\\', '[HKEY_CURRENT_USER\\Software\\Wine\\regedit_test\\Subkey1]', '"in1"="x"');
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY + 1].kind, Kind.Swallowed);
      assert.strictEqual(doc.sections.length, 2, 'no section starts at the swallowed key line');
      assert.deepStrictEqual(importedNames(text), ['in1']);
      const d = diagAt(text, 'reg.hex-continuation-swallowed', BODY + 1, 0, doc.lines[BODY + 1].length);
      assert.match(d.message, /skips this key line, so its values go to the key above/);
    });
  });

  describe('end of file', () => {
    it('stores the bytes read when ",\\" ends the last line (Wine17a-e)', () => {
      for (const line of ['"Wine17a"=hex(0):56,61,6c,75,65,\\', '"Wine17b"=hex(2):25,50,41,54,48,25,\\', '"Wine17c"=hex:11,22,33,44,55,\\', '"Wine17d"=hex(7):4c,69,6e,65,\\', '"Wine17e"=hex(100):56,61,6c,75,65,\\']) {
        for (const end of ['', '\n', '\n\n']) {
          const text = ['REGEDIT4', '', KEY, line].join('\n') + end;
          // Wine17d is stored, as a list without its final empty string.
          if (line.startsWith('"Wine17d"')) onlyCodes(text, ['reg.multi-sz-unterminated']);
          else clean(text);
          assert.strictEqual(entryAt(text, BODY).valid, true, line + JSON.stringify(end));
        }
      }
      const text = ['REGEDIT4', '', KEY, '"Wine17c"=hex:11,22,33,44,55,\\'].join('\n');
      assert.deepStrictEqual(bytesOf(text, BODY), [0x11, 0x22, 0x33, 0x44, 0x55]);
    });
  });

  describe('only hex data continues', () => {
    it('does not continue strings, dwords, key names or value names', () => {
      const text = v4File('"s"="abc\\', '"d"=dword:1\\', '"n\\', '[HKEY_CURRENT_USER\\x\\');
      const doc = parse(text);
      for (let i = BODY; i < BODY + 4; i++) assert.strictEqual(doc.records[i].cont, false, doc.lines[i]);
      assert.ok(!doc.records.some((r) => r.kind === Kind.HexContinuation || r.kind === Kind.Swallowed));
    });
  });

  describe('line wrapping as regedit exports it', () => {
    it('accepts an exported multi-string wrapped at 80 columns with two-space indents (UTF-16 file)', () => {
      const text = regFile(
        '"Multiple strings"=hex(7):4c,00,69,00,6e,00,65,00,31,00,00,00,4c,00,69,00,6e,\\',
        '  00,65,00,32,00,00,00,4c,00,69,00,6e,00,65,00,33,00,00,00,00,00',
        '"String expansion"=hex(2):25,00,48,00,4f,00,4d,00,45,00,25,00,5c,00,25,00,50,\\',
        '  00,41,00,54,00,48,00,25,00,00,00',
      );
      clean(text);
      assert.deepStrictEqual(bytesOf(text, BODY), [...hexOf('Line1\0Line2\0Line3\0\0', true).split(',')].map((b) => parseInt(b, 16)));
      assert.deepStrictEqual(importedNames(text), ['Multiple strings', 'String expansion']);
    });
  });
});
