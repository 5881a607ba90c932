/**
 * Whole-result tests of the section analysis (section.ts): the meaning of hex data (size of hex(4)/hex(5)/hex(b),
 * string encoding, odd byte counts, unpaired UTF-16 surrogates, REG_MULTI_SZ termination), continuation lines that
 * regedit swallows or ignores, and values set twice in one section. Each case compares the complete diagnostic list
 * of its file; boundaries are tested on both sides, on one line and over continuation lines, in REGEDIT4 (ANSI) and
 * version 5 (UTF-16) files. Rules: external-facts section 6.
 */
import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
import { RegDocument } from '../../../../server/src/languages/reg/document';
import { validateReg } from '../../../../server/src/languages/reg/validate';
import { diagnose, regFile } from '../../../helpers/reg';
import { BODY, exactly, exactlyEverywhere, Finding, imported, KEY, relatedAt, V5, v4File } from './support';

const W = 'warning';
const E = 'error';
const I = 'information';

function findings(ds: Diagnostic[]): Finding[] {
  return ds.map((d): Finding => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
}

/**
 * The body lines in a version 5 (UTF-16) file with CRLF line ends (read whole), LF and bare CR (read line by line)
 * produce exactly these diagnostics; returns those of the CRLF file.
 */
function utf16(body: string[], expected: Finding[]): Diagnostic[] {
  const ds = exactly(regFile(...body), expected);
  for (const eol of ['\n', '\r']) {
    try {
      exactly([V5, '', KEY, ...body, ''].join(eol), expected);
    } catch (e) {
      throw new Error(`${eol === '\n' ? 'LF' : 'CR'}: ${(e as Error).message}`);
    }
  }
  return ds;
}

/** A version 5 file read as ANSI (saved without the FF FE byte order mark): its diagnostics. */
function ansiV5(...body: string[]): Diagnostic[] {
  return validateReg(RegDocument.parse([V5, '', KEY, ...body, ''].join('\r\n'), { unicode: false }));
}

describe('reg section analysis: whole-result cases', () => {
  describe('size of hex(4), hex(5) and hex(b) data', () => {
    it('exactly 4 or 8 bytes, and no bytes at all, are silent; one byte fewer or more is reported with the type name', () => {
      const ds = exactlyEverywhere(
        [
          '"d4"=hex(4):01,02,03,04',
          '"d3"=hex(4):01,02,03',
          '"d5"=hex(4):01,02,03,04,05',
          '"b4"=hex(5):01,02,03,04',
          '"b5"=hex(5):01,02,03,04,05',
          '"q8"=hex(b):01,02,03,04,05,06,07,08',
          '"q7"=hex(b):01,02,03,04,05,06,07',
          '"q9"=hex(b):01,02,03,04,05,06,07,08,09',
          '"q4"=hex(b):01,02,03,04',
          '"d8"=hex(4):01,02,03,04,05,06,07,08',
          '"e"=hex(4):',
        ],
        [
          ['reg.hex-size-mismatch', I, BODY + 1, 5, BODY + 1, 12],
          ['reg.hex-size-mismatch', I, BODY + 2, 5, BODY + 2, 12],
          ['reg.hex-size-mismatch', I, BODY + 4, 5, BODY + 4, 12],
          ['reg.hex-size-mismatch', I, BODY + 6, 5, BODY + 6, 12],
          ['reg.hex-size-mismatch', I, BODY + 7, 5, BODY + 7, 12],
          ['reg.hex-size-mismatch', I, BODY + 8, 5, BODY + 8, 12],
          ['reg.hex-size-mismatch', I, BODY + 9, 5, BODY + 9, 12],
        ],
      );
      assert.deepStrictEqual(
        ds.map((d) => d.message.slice(0, d.message.indexOf(', not'))),
        ['REG_DWORD data of 3 bytes', 'REG_DWORD data of 5 bytes', 'REG_DWORD_BIG_ENDIAN data of 5 bytes', 'REG_QWORD data of 7 bytes', 'REG_QWORD data of 9 bytes', 'REG_QWORD data of 4 bytes', 'REG_DWORD data of 8 bytes'],
      );
      assert.ok(ds[0].message.includes('not the usual 4.'), ds[0].message);
      assert.ok(ds[2].message.includes('not the usual 4.') && ds[2].message.includes('exports a value of this type'), ds[2].message);
      assert.ok(ds[3].message.includes('not the usual 8.') && ds[3].message.includes('ExecTime'), ds[3].message);
      assert.ok(!ds[0].message.includes('ExecTime'), ds[0].message);
    });

    it('the bytes are counted over continuation lines, comment lines and blank lines between them', () => {
      exactlyEverywhere(
        ['"a"=hex(4):01,02,\\', '  03,04', '"b"=hex(4):01,02,\\', '  03,04,\\', '  05', '"c"=hex(b):01,\\', ';note', '  02,03,04,05,06,07,08', '"d"=hex(b):\\', '  01,02,03,04,05,06,07'],
        [
          ['reg.hex-size-mismatch', I, BODY + 2, 4, BODY + 2, 11],
          ['reg.hex-size-mismatch', I, BODY + 8, 4, BODY + 8, 11],
        ],
      );
    });

    it('data read byte by byte (blanks between bytes) counts the same', () => {
      exactlyEverywhere(['"a"=hex(4): 01, 02, 03, 04', '"b"=hex(4): 01, 02, 03'], [['reg.hex-size-mismatch', I, BODY + 1, 4, BODY + 1, 11]]);
    });

    it('a discarded value is not measured', () => {
      exactly(regFile('"a"=hex(4):01,zz,03'), [['reg.hex-byte-invalid', E, BODY, 14, BODY, 16]]);
    });

    it('dword: data is no hex data and is not measured', () => {
      exactlyEverywhere(['"a"=dword:00000001'], []);
    });
  });

  describe('hex(1)/hex(2)/hex(7) bytes in an ANSI file that look like UTF-16', () => {
    const body = [
      '"a"=hex(1):41,00,42,00',
      '"b"=hex(1):41,00,42',
      '"c"=hex(1):41,00,42,01,43,00,44,00,45,00',
      '"d"=hex(1):41,00,42,01,43,00,44,01,45,00',
      '"e"=hex(2):41,00,\\',
      '  42,00',
      '"f"=hex(1):41,42,43,44',
      '"g"=hex(3):41,00,42,00',
    ];
    const expected: Finding[] = [
      ['reg.hex-string-encoding-mismatch', W, BODY, 4, BODY, 11],
      ['reg.hex-string-encoding-mismatch', W, BODY + 2, 4, BODY + 2, 11],
      ['reg.hex-string-encoding-mismatch', W, BODY + 4, 4, BODY + 4, 11],
    ];

    it('4 or more bytes with a zero at 80% of the odd places: reported (REGEDIT4)', () => {
      const ds = exactly(v4File(...body), expected);
      assert.ok(ds[0].message.startsWith('This file is read as ANSI (REGEDIT4)'), ds[0].message);
    });

    it('the same in a version 5 file saved without the byte order mark, which names that cause', () => {
      const ds = ansiV5(...body);
      assert.deepStrictEqual(findings(ds), expected);
      assert.ok(ds[0].message.startsWith('This file is read as ANSI (no FF FE byte order mark)'), ds[0].message);
    });

    it('in a UTF-16 file the same bytes are text (three bytes are half a character there)', () => {
      utf16(body, [['reg.hex-string-invalid', I, BODY + 1, 4, BODY + 1, 11]]);
    });
  });

  describe('hex(7) termination', () => {
    it('UTF-16: four zero bytes at the end, or the two bytes of the empty list; anything else is reported', () => {
      const ds = utf16(
        [
          '"a"=hex(7):41,00,00,00',
          '"b"=hex(7):00,00',
          '"c"=hex(7):01,00',
          '"d"=hex(7):41,00,00,00,00,00',
          '"e"=hex(7):00,00,00,00',
          '"f"=hex(7):41,00,00,00,00,01',
          '"g"=hex(7):41,00,00,00,01,00',
          '"h"=hex(7):00,01',
          '"i"=hex(7):',
          '"j"=hex(7):41,00,\\',
          '  00,00,00,00',
          '"k"=hex(7):41,00,00,00,\\',
          '  00,01',
        ],
        [
          ['reg.multi-sz-unterminated', W, BODY, 4, BODY, 11],
          ['reg.multi-sz-unterminated', W, BODY + 2, 4, BODY + 2, 11],
          ['reg.multi-sz-unterminated', W, BODY + 5, 4, BODY + 5, 11],
          ['reg.multi-sz-unterminated', W, BODY + 6, 4, BODY + 6, 11],
          ['reg.multi-sz-unterminated', W, BODY + 7, 4, BODY + 7, 11],
          ['reg.multi-sz-unterminated', W, BODY + 11, 4, BODY + 11, 11],
        ],
      );
      assert.ok(ds[0].message.includes('(00,00,00,00 in a UTF-16 file)'), ds[0].message);
    });

    it('UTF-16: the last four bytes taken from two lines, in the exported layout and read byte by byte', () => {
      utf16(
        ['"a"=hex(7): 41, 00,\\', '   00, 00, 00, 00', '"b"=hex(7): 41, 00, 00, 00,\\', '   00, 01', '"c"=hex(7):41,00,01,00,00,\\', '  00', '"d"=hex(7):41,00,00,00,00,\\', '  00'],
        [
          ['reg.multi-sz-unterminated', W, BODY + 2, 4, BODY + 2, 11],
          ['reg.multi-sz-unterminated', W, BODY + 4, 4, BODY + 4, 11],
        ],
      );
    });

    it('ANSI: two zero bytes at the end, or the single byte of the empty list', () => {
      const ds = exactly(
        v4File('"a"=hex(7):41,00', '"b"=hex(7):00', '"c"=hex(7):41', '"d"=hex(7):41,00,00', '"e"=hex(7):41,01', '"f"=hex(7):00,00', '"g"=hex(7):01', '"h"=hex(7):41,\\', '  00,00'),
        [
          ['reg.multi-sz-unterminated', W, BODY, 4, BODY, 11],
          ['reg.multi-sz-unterminated', W, BODY + 2, 4, BODY + 2, 11],
          ['reg.multi-sz-unterminated', W, BODY + 4, 4, BODY + 4, 11],
          ['reg.multi-sz-unterminated', W, BODY + 6, 4, BODY + 6, 11],
        ],
      );
      assert.ok(ds[0].message.includes('(00,00 in an ANSI file)'), ds[0].message);
    });

    it('ANSI bytes that look like UTF-16 get the encoding finding only', () => {
      exactly(v4File('"a"=hex(7):41,00,42,00'), [['reg.hex-string-encoding-mismatch', W, BODY, 4, BODY, 11]]);
    });

    it('hex(1) and hex(2) need no terminating empty string', () => {
      exactly(v4File('"a"=hex(1):41', '"b"=hex(2):41,42'), []);
      utf16(['"a"=hex(1):41,00', '"b"=hex(2):41,00,42,00'], []);
    });
  });

  describe('odd byte counts in a UTF-16 file', () => {
    it('one or three bytes: information naming the type and count; two and none are silent', () => {
      const ds = utf16(['"a"=hex(1):41', '"b"=hex(2):41,00,42', '"c"=hex(7):41', '"d"=hex(1):41,00', '"e"=hex(1):', '"f"=hex(1):41,\\', '  00,42'], [
        ['reg.hex-string-invalid', I, BODY, 4, BODY, 11],
        ['reg.hex-string-invalid', I, BODY + 1, 4, BODY + 1, 11],
        ['reg.hex-string-invalid', I, BODY + 2, 4, BODY + 2, 11],
        ['reg.hex-string-invalid', I, BODY + 5, 4, BODY + 5, 11],
      ]);
      assert.ok(ds[0].message.startsWith('REG_SZ data of 1 byte in a UTF-16 file'), ds[0].message);
      assert.ok(ds[1].message.startsWith('REG_EXPAND_SZ data of 3 bytes in a UTF-16 file'), ds[1].message);
      assert.ok(ds[2].message.startsWith('REG_MULTI_SZ data of 1 byte in a UTF-16 file'), ds[2].message);
    });

    it('an odd hex(7) is reported as odd only, not also as unterminated', () => {
      utf16(['"a"=hex(7):41,00,00,00,00'], [['reg.hex-string-invalid', I, BODY, 4, BODY, 11]]);
    });
  });

  describe('unpaired surrogates: the message names the code unit and its byte offset', () => {
    const cases: [string, string][] = [
      ['00,d8,41,00', 'd800 at byte 0'],
      ['41,00,00,dc', 'dc00 at byte 2'],
      ['41,00,3d,d8,00,de,00,db', 'db00 at byte 6'],
      ['3d,d8,00,de,ff,df', 'dfff at byte 4'],
      ['00,d8,00,d8,00,dc', 'd800 at byte 0'],
      ['00,dc,00,d8,00,dc', 'dc00 at byte 0'],
      ['41,00,ff,db', 'dbff at byte 2'],
    ];
    for (const [bytes, where] of cases) {
      it(`hex(2):${bytes}`, () => {
        const ds = utf16([`"a"=hex(2):${bytes}`], [['reg.hex-string-invalid', W, BODY, 4, BODY, 11]]);
        assert.ok(ds[0].message.startsWith(`REG_EXPAND_SZ data contains an unpaired UTF-16 surrogate (${where})`), ds[0].message);
      });
    }

    it('pairs, and surrogate bytes in the low byte of a unit, are silent', () => {
      utf16(['"a"=hex(1):3d,d8,00,de', '"b"=hex(1):d8,00,dc,00', '"c"=hex(1):ff,db,ff,df,41,00', '"d"=hex(1):00,e0,ff,d7'], []);
    });

    it('a pair split over two continuation lines is a pair; a high surrogate before the last line is not', () => {
      utf16(['"a"=hex(2):3d,d8,\\', '  00,de', '"b"=hex(2):3d,d8,\\', '  41,00'], [['reg.hex-string-invalid', W, BODY + 2, 4, BODY + 2, 11]]);
    });

    it('the same read byte by byte (blanks after the commas)', () => {
      utf16(['"a"=hex(2): 3d, d8,\\', '   00, de', '"b"=hex(2): 3d, d8,\\', '   41, 00'], [['reg.hex-string-invalid', W, BODY + 2, 4, BODY + 2, 11]]);
    });

    it('a surrogate in a hex(7) that is also unterminated: only the surrogate is reported', () => {
      utf16(['"a"=hex(7):00,d8,41,00'], [['reg.hex-string-invalid', W, BODY, 4, BODY, 11]]);
    });

    it('a surrogate in a hex(7) that is terminated', () => {
      utf16(['"a"=hex(7):00,d8,00,00,00,00', '"b"=hex(7):3d,d8,00,de,00,00,00,00'], [['reg.hex-string-invalid', W, BODY, 4, BODY, 11]]);
    });

    it('surrogate bytes in other types are bytes', () => {
      utf16(['"a"=hex:00,d8', '"b"=hex(3):00,dc', '"c"=hex(0):00,d8'], []);
    });
  });

  describe('a hex value whose ",\\" swallows the next line', () => {
    const discarded = 'regedit expected more hex bytes for the value on line 4 (its data ends with ",\\"), found this line instead, and discards that value';
    const cases: [string, string[], Finding[], string][] = [
      ['a key line', ['"a"=hex:01,02,\\', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other]', '"b"="x"'], [['reg.hex-continuation-swallowed', E, BODY + 1, 0, BODY + 1, 35]], ' and skips this key line, so its values go to the key above.'],
      ['an indented key line', ['"a"=hex:01,02,\\', '  [x]'], [['reg.hex-continuation-swallowed', E, BODY + 1, 0, BODY + 1, 5]], ' and skips this key line, so its values go to the key above.'],
      ['a value line', ['"a"=hex:01,02,\\', '"b"="x"'], [['reg.hex-continuation-swallowed', E, BODY + 1, 0, BODY + 1, 7]], ' and this line as well.'],
      ['a default value line', ['"a"=hex:01,02,\\', ' @="x"'], [['reg.hex-continuation-swallowed', E, BODY + 1, 0, BODY + 1, 6]], ' and this line as well.'],
      ['other text', ['"a"=hex:01,02,\\', 'zz'], [['reg.hex-continuation-swallowed', E, BODY + 1, 0, BODY + 1, 2]], '.'],
      ['a value line after a blank line', ['"a"=hex:01,02,\\', '', '"b"="x"'], [['reg.hex-continuation-swallowed', E, BODY + 2, 0, BODY + 2, 7]], ' and this line as well.'],
    ];
    for (const [what, body, expected, lost] of cases) {
      it(what, () => {
        const ds = exactlyEverywhere(body, expected);
        assert.strictEqual(ds[0].message, `${discarded}${lost} Remove the trailing ",\\" or add the missing bytes.`);
        assert.deepStrictEqual(relatedAt(ds[0]), [[BODY, 'the value that is discarded']]);
        assert.deepStrictEqual([ds[0].related![0].range.start.character, ds[0].related![0].range.end.character], [0, 3]);
      });
    }

    it('after a continuation line, the related value is the value line, and the value is not imported', () => {
      const body = ['"first"="1"', '"a"=hex:01,02,\\', '  03,\\', '"b"="x"'];
      const ds = exactlyEverywhere(body, [['reg.hex-continuation-swallowed', E, BODY + 3, 0, BODY + 3, 7]]);
      assert.ok(ds[0].message.includes('for the value on line 5 '), ds[0].message);
      assert.deepStrictEqual(relatedAt(ds[0]), [[BODY + 1, 'the value that is discarded']]);
      assert.deepStrictEqual(imported(regFile(...body)), [['first', 1]]);
    });
  });

  describe('continuation lines regedit ignores after a rejected hex value line', () => {
    const folded = 'a continuation line regedit then ignores';
    it('"\\" without a comma: the following byte lines are listed on that finding, up to the line without "\\"', () => {
      const ds = exactlyEverywhere(['"a"=hex:01,02\\', '  03,04,\\', '  05', '"b"="x"'], [['reg.hex-backslash-without-comma', E, BODY, 13, BODY, 14]]);
      assert.deepStrictEqual(relatedAt(ds[0]), [[BODY + 1, folded], [BODY + 2, folded]]);
      assert.deepStrictEqual(ds[0].related!.map((r) => [r.range.start.character, r.range.end.character]), [[0, 9], [0, 4]]);
    });

    it('a bad byte on a line ending with ",\\": one listed line, the line after it is a value', () => {
      const ds = exactlyEverywhere(['"a"=hex:01,zz,\\', '  03,04', '"b"="x"'], [['reg.hex-byte-invalid', E, BODY, 11, BODY, 13]]);
      assert.deepStrictEqual(relatedAt(ds[0]), [[BODY + 1, folded]]);
    });

    it('text after "\\": listed although the line does not end with "\\"', () => {
      const ds = exactlyEverywhere(['"a"=hex:01,02,\\ x', '  03,04', '"b"="x"'], [['reg.hex-continuation-invalid', E, BODY, 16, BODY, 17]]);
      assert.deepStrictEqual(relatedAt(ds[0]), [[BODY + 1, folded]]);
    });

    it('comment and blank lines are skipped, a byte line without "\\" ends the run, and the next byte line stays its own finding', () => {
      const ds = exactlyEverywhere(['"a"=hex:01,zz,\\', ';c', '', '  03,04 \\ ', '  05', '  06'], [
        ['reg.hex-byte-invalid', E, BODY, 11, BODY, 13],
        ['reg.line-ignored', W, BODY + 5, 2, BODY + 5, 4],
      ]);
      assert.deepStrictEqual(relatedAt(ds[0]), [[BODY + 3, folded], [BODY + 4, folded]]);
    });

    it('byte lines with tabs are listed', () => {
      const ds = exactlyEverywhere(['"a"=hex:01,zz,\\', '\t03,\t04'], [['reg.hex-byte-invalid', E, BODY, 11, BODY, 13]]);
      assert.deepStrictEqual(relatedAt(ds[0]), [[BODY + 1, folded]]);
    });

    it('a bad value line without "\\" lists nothing', () => {
      const ds = exactlyEverywhere(['"a"=hex:01,zz', '  03,04'], [
        ['reg.hex-byte-invalid', E, BODY, 11, BODY, 13],
        ['reg.line-ignored', W, BODY + 1, 2, BODY + 1, 7],
      ]);
      assert.strictEqual(ds[0].related, undefined);
    });

    it('lines that are no byte lines are not listed: text after "\\", a lone "\\", "0x" bytes, only commas', () => {
      for (const next of ['  03,04 \\ x', '  \\', '  0x3', '  ,,']) {
        const ds = diagnose(regFile('"a"=hex:01,zz,\\', next));
        assert.deepStrictEqual(
          ds.map((d) => d.code),
          ['reg.hex-byte-invalid', 'reg.line-ignored'],
          next,
        );
        assert.strictEqual(ds[0].related, undefined, next);
      }
    });

    it('a bad byte on a continuation line discards the value: not measured, not a duplicate', () => {
      const body = ['"a"=hex(4):01,02,\\', '  03,zz', '"a"="1"'];
      exactlyEverywhere(body, [['reg.hex-byte-invalid', E, BODY + 1, 5, BODY + 1, 7]]);
      assert.deepStrictEqual(imported(regFile(...body)), [['a', 1]]);
    });

    it('a bad byte on a continuation line lists the lines after it', () => {
      const ds = exactlyEverywhere(['"a"=hex:01,02,\\', '  03,zz,\\', '  05,06', '  07'], [
        ['reg.hex-byte-invalid', E, BODY + 1, 5, BODY + 1, 7],
        ['reg.line-ignored', W, BODY + 3, 2, BODY + 3, 4],
      ]);
      assert.deepStrictEqual(relatedAt(ds[0]), [[BODY + 2, folded]]);
    });

    it('a rejected string value line ending with "\\" lists nothing', () => {
      const ds = diagnose(regFile('"a"="x\\', '  03,04'));
      assert.ok(ds.every((d) => d.related === undefined), JSON.stringify(ds));
    });
  });

  describe('values set twice in one section', () => {
    const cases: [string, string[], string][] = [
      ['set twice, names differing in case', ['"a"="1"', '"A"="2"'], '"a" is set again on line 5, and regedit applies the later line last'],
      ['deleted twice', ['"a"=-', '"a"=-'], '"a" is deleted again on line 5'],
      ['deleted, then set', ['"a"=-', '"a"="x"'], '"a" is set again on line 5, after this deletion'],
      ['set, then deleted', ['"a"="x"', '"a"=-'], '"a" is deleted on line 5, so this setting is undone'],
      ['non-ASCII names differing in case', ['"ä"="x"', '"Ä"="y"'], '"ä" is set again on line 5, and regedit applies the later line last'],
    ];
    for (const [what, body, text] of cases) {
      it(what, () => {
        const ds = exactlyEverywhere(body, [['reg.duplicate-value', W, BODY, 0, BODY, body[0].length]]);
        assert.strictEqual(ds[0].message, `${text}: this line has no lasting effect. Remove one of the two lines.`);
        assert.deepStrictEqual(relatedAt(ds[0]), [[BODY + 1, 'the line that wins']]);
        assert.deepStrictEqual([ds[0].related![0].range.start.character, ds[0].related![0].range.end.character], [0, body[1].indexOf('=')]);
      });
    }

    it('the default value and the empty name are one value', () => {
      const ds = exactlyEverywhere(['@="x"', '""="y"', '@="z"'], [
        ['reg.duplicate-value', W, BODY, 0, BODY, 5],
        ['reg.duplicate-value', W, BODY + 1, 0, BODY + 1, 6],
      ]);
      assert.ok(ds[0].message.startsWith('(Default) is set again on line 5'), ds[0].message);
    });

    it('names with escapes are compared decoded', () => {
      exactlyEverywhere(['"\\"q"="x"', '"\\"Q"="y"', '"\\\\q"="z"'], [['reg.duplicate-value', W, BODY, 0, BODY, 9]]);
    });

    it('names of the same length that differ, and values regedit discards, are no duplicates', () => {
      exactlyEverywhere(['"ab"="x"', '"ba"="y"', '"a"=hex:zz', '"a"="1"', '"b"="1"', '"b"=hex:zz', '"c"=hex:zz', '"c"=hex:zz'], [
        ['reg.hex-byte-invalid', E, BODY + 2, 8, BODY + 2, 10],
        ['reg.hex-byte-invalid', E, BODY + 5, 8, BODY + 5, 10],
        ['reg.hex-byte-invalid', E, BODY + 6, 8, BODY + 6, 10],
        ['reg.hex-byte-invalid', E, BODY + 7, 8, BODY + 7, 10],
      ]);
    });

    it('the first and last upper-case letters fold to lower case', () => {
      exactlyEverywhere(['"A"="1"', '"a"="2"', '"z"="1"', '"Z"="2"', '"@"="1"', '"`"="2"', '"["="1"', '"{"="2"'], [
        ['reg.duplicate-value', W, BODY, 0, BODY, 7],
        ['reg.duplicate-value', W, BODY + 2, 0, BODY + 2, 7],
      ]);
    });

    it('a value over continuation lines: the range ends with its first line, the line number is the later value line', () => {
      const ds = exactlyEverywhere(['"a"=hex:01,\\', '  02', '"a"="1"'], [['reg.duplicate-value', W, BODY, 0, BODY, 12]]);
      assert.ok(ds[0].message.startsWith('"a" is set again on line 6,'), ds[0].message);
    });

    it('three times: each line is reported once, against the next one', () => {
      const ds = exactlyEverywhere(['"a"="1"', '"b"="1"', '"a"="2"', '"a"="3"'], [
        ['reg.duplicate-value', W, BODY, 0, BODY, 7],
        ['reg.duplicate-value', W, BODY + 2, 0, BODY + 2, 7],
      ]);
      assert.deepStrictEqual(ds.map(relatedAt), [[[BODY + 2, 'the line that wins']], [[BODY + 3, 'the line that wins']]]);
    });

    /** `count` value lines v0 … with `dups` set again at the end (as "name"="again"). */
    function many(count: number, dups: number[], extra: string[] = []): string[] {
      const out: string[] = [];
      for (let k = 0; k < count - dups.length - extra.length; k++) out.push(`"v${k}"="x"`);
      out.push(...extra);
      for (const k of dups) out.push(`"v${k}"="again"`);
      return out;
    }

    for (const count of [16, 17, 64, 65, 130]) {
      it(`${count} values in the section: first and last names set again, a discarded value, a triple`, () => {
        const body = many(count, [0, 1, 1], ['"v1"=hex:zz']);
        const n = count - 4;
        const ds = exactlyEverywhere(body, [
          ['reg.duplicate-value', W, BODY, 0, BODY, 8],
          ['reg.duplicate-value', W, BODY + 1, 0, BODY + 1, 8],
          ['reg.hex-byte-invalid', E, BODY + n, 9, BODY + n, 11],
          ['reg.duplicate-value', W, BODY + n + 2, 0, BODY + n + 2, 12],
        ]);
        assert.deepStrictEqual(ds.map(relatedAt), [
          [[BODY + n + 1, 'the line that wins']],
          [[BODY + n + 2, 'the line that wins']],
          [],
          [[BODY + n + 3, 'the line that wins']],
        ]);
        assert.strictEqual(imported(regFile(...body)).length, count - 1);
      });

      it(`${count} values in the section, all different: none reported`, () => {
        exactlyEverywhere(many(count, []), []);
      });
    }

    it('65 values, the 65th setting the 64th again', () => {
      const body = many(65, [63]);
      exactlyEverywhere(body, [['reg.duplicate-value', W, BODY + 63, 0, BODY + 63, 9]]);
    });

    it('17 values with the default value and the empty name', () => {
      const body = ['@="x"', ...many(15, []), '""="y"'];
      exactlyEverywhere(body, [['reg.duplicate-value', W, BODY, 0, BODY, 5]]);
    });

    it('17 values: the earlier of two deletions and a deletion after a setting', () => {
      const body = ['"a"=-', '"b"="x"', ...many(13, []), '"a"=-', '"b"=-'];
      const ds = exactlyEverywhere(body, [
        ['reg.duplicate-value', W, BODY, 0, BODY, 5],
        ['reg.duplicate-value', W, BODY + 1, 0, BODY + 1, 7],
      ]);
      assert.ok(ds[0].message.startsWith('"a" is deleted again on line 19'), ds[0].message);
      assert.ok(ds[1].message.startsWith('"b" is deleted on line 20, so this setting is undone'), ds[1].message);
    });

    it('the same value in another section of the file is no duplicate within a section', () => {
      exactlyEverywhere(['"a"="1"', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other]', '"a"="2"'], []);
    });
  });
});
