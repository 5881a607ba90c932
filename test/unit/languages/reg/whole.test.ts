/**
 * Whole-result tests of the .reg scanner: each case compares the complete diagnostic list of its file (codes,
 * severities, ranges), so that a finding gained or lost anywhere in the file fails the test. The alternate paths
 * (continuation lines, the byte-by-byte hex reader used for anything but regedit's own layout, REGEDIT4 files, LF
 * and bare CR line ends) run the same cases as the plain single-line path. Rules: external-facts section 6.
 */
import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
import { Kind } from '../../../../server/src/languages/reg/lineRecord';
import { looksLikeKeyWithoutBracket } from '../../../../server/src/languages/reg/scan';
import { diagnose, parse, regFile } from '../../../helpers/reg';
import { BODY, bytesOf, exactly, exactlyEverywhere, Finding, imported, KEY, relatedAt, V5, v4File } from './support';

const W = 'warning';
const E = 'error';
const I = 'information';

/** The replacement a quick fix of the diagnostic writes. */
function replacement(d: Diagnostic): string | undefined {
  return (d.data as { replacement?: string } | undefined)?.replacement;
}

describe('reg scanner: whole-result cases', () => {
  describe('hex(N) with a sign: wcstoul negates the number (Wine parser; Windows untested), a warning with the plain form', () => {
    // One data byte: for a string type this adds the odd-length information, so the type read is visible in the result.
    const cases: [string, number, string, Finding[]][] = [
      ['"a"=hex(-1):41', 0xffffffff, 'hex(ffffffff):', [['reg.hex-type-unusual', W, BODY, 4, BODY, 12]]],
      ['"a"=hex(-0):41', 0, 'hex(0):', [['reg.hex-type-unusual', W, BODY, 4, BODY, 12]]],
      ['"a"=hex(-fffffffe):41', 2, 'hex(2):', [
        ['reg.hex-string-invalid', I, BODY, 4, BODY, 19],
        ['reg.hex-type-unusual', W, BODY, 4, BODY, 19],
      ]],
      ['"a"=hex(-ffffffff):41', 1, 'hex(1):', [
        ['reg.hex-string-invalid', I, BODY, 4, BODY, 19],
        ['reg.hex-type-unusual', W, BODY, 4, BODY, 19],
      ]],
      ['"a"=hex(+1):41', 1, 'hex(1):', [
        ['reg.hex-string-invalid', I, BODY, 4, BODY, 12],
        ['reg.hex-type-unusual', W, BODY, 4, BODY, 12],
      ]],
    ];
    for (const [line, type, fix, findings] of cases) {
      it(`${line} is type ${type.toString(16)}`, () => {
        const text = regFile(line);
        const ds = exactly(text, findings);
        assert.deepStrictEqual(imported(text), [['a', type]]);
        assert.strictEqual(replacement(ds.find((d) => d.code === 'reg.hex-type-unusual')!), fix);
      });
    }

    it('a negative number beyond ffffffff is refused like a positive one', () => {
      exactly(regFile('"a"=hex(-100000000):41'), [['reg.hex-type-invalid', E, BODY, 4, BODY, 20]]);
      assert.deepStrictEqual(imported(regFile('"a"=hex(-100000000):41')), []);
    });
  });

  describe('unpaired UTF-16 surrogates in hex(1)/hex(2)/hex(7), on every path', () => {
    // [name, bytes (4 of them), surrogate reported]
    const data: [string, string, boolean][] = [
      ['an unpaired high surrogate', '00,d8,41,00', true],
      ['an unpaired low surrogate', '00,dc,41,00', true],
      ['a high surrogate at the end', '41,00,00,d8', true],
      ['a low surrogate before a high one', '00,dc,00,d8', true],
      ['upper-case digits', '00,D8,41,00', true],
      ['the highest low surrogate byte', '00,df,41,00', true],
      ['the highest low surrogate byte at the end', '41,00,00,df', true],
      ['the byte below the surrogates', '00,d7,41,00', false],
      ['the byte above the surrogates', '00,e0,41,00', false],
      ['a surrogate pair', '3d,d8,00,de', false],
      ['no surrogate byte', '41,00,42,00', false],
      ['only bytes of the surrogate range (two unpaired low surrogates)', 'dc,dc,dc,dc', true],
    ];
    /** Ways of writing "a"=hex(1): with the given 4 bytes; each puts the value on line BODY. */
    const paths: [string, (bytes: string) => string[]][] = [
      ['on one line', (b) => [`"a"=hex(1):${b}`]],
      ['on one line, read byte by byte', (b) => [`"a"=hex(1):${b.replace(',', ', ')}`]],
      ['on a continuation line', (b) => ['"a"=hex(1):\\', `  ${b}`]],
      ['on a continuation line after bytes', (b) => ['"a"=hex(1):20,00,\\', `  ${b}`]],
      ['on a continuation line, read byte by byte', (b) => ['"a"=hex(1):\\', `   ${b.replace(',', ', ')}`]],
      ['split over two continuation lines', (b) => ['"a"=hex(1):\\', `  ${b.slice(0, 6)}\\`, `  ${b.slice(6)}`]],
      ['after a comment line inside the value', (b) => ['"a"=hex(1):\\', ';note', `  ${b}`]],
    ];
    for (const [path, write] of paths) {
      for (const [what, bytes, reported] of data) {
        it(`${what}, ${path}`, () => {
          const text = regFile(...write(bytes));
          exactly(text, reported ? [['reg.hex-string-invalid', W, BODY, 4, BODY, 11]] : []);
          assert.deepStrictEqual(imported(text), [['a', 1]]);
        });
      }
    }

    it('the same bytes in a REGEDIT4 file are ANSI characters: no surrogate there, and text with NULs between letters looks like UTF-16', () => {
      for (const [what, bytes] of data) {
        const expected: Finding[] = bytes === '41,00,42,00' ? [['reg.hex-string-encoding-mismatch', W, BODY, 4, BODY, 11]] : [];
        for (const [path, write] of paths) {
          const text = v4File(...write(bytes));
          assert.doesNotThrow(() => exactly(text, expected), `${what}, ${path}`);
        }
      }
    });
  });

  describe('value names without their closing quote', () => {
    it('"MixedQuotes=Asdffdsa": only the missing "=" is reported, not missing data as well', () => {
      exactly(regFile('"MixedQuotes=Asdffdsa"'), [['reg.value-missing-equals', E, BODY, 0, BODY, 22]]);
    });

    it('the same line in a REGEDIT4 file and with LF line ends', () => {
      exactly(v4File('"MixedQuotes=Asdffdsa"'), [['reg.value-missing-equals', E, BODY, 0, BODY, 22]]);
    });
  });

  describe('a hex line that ends with a comma but no backslash', () => {
    it('LineRecord.endsWithComma is true only when a comma follows the last byte, on both readers', () => {
      const cases: [string, boolean][] = [
        ['"a"=hex:41', false],
        ['"a"=hex:41,', true],
        ['"a"=hex:41,\\', false],
        ['"a"=hex:1', false],
        ['"a"=hex:1,', true],
        ['"a"=hex:+41', false],
        ['"a"=hex:+41,', true],
        ['"a"=hex:41, 42', false],
        ['"a"=hex:41, 42,', true],
        ['"a"=hex:41, 42 ;c', false],
      ];
      for (const [line, ends] of cases) assert.strictEqual(parse(regFile(line)).records[BODY].endsWithComma, ends, line);
    });

    // A last continuation line in regedit's layout gets its byte count from its length and this flag.
    const sizes: [string, string[], Finding[]][] = [
      ['with a comma after the last byte', ['"a"=hex(4):01,02,\\', '  03,04,'], []],
      ['without one', ['"a"=hex(4):01,02,\\', '  03,04'], []],
      ['a byte too many, with a comma', ['"a"=hex(4):01,02,\\', '  03,04,05,'], [['reg.hex-size-mismatch', I, BODY, 4, BODY, 11]]],
      ['a byte too many, without one', ['"a"=hex(4):01,02,\\', '  03,04,05'], [['reg.hex-size-mismatch', I, BODY, 4, BODY, 11]]],
      ['read byte by byte, with a comma', ['"a"=hex(4):01,02,\\', '  3,4,'], []],
      ['read byte by byte, without one', ['"a"=hex(4):01,02,\\', '  3,4'], []],
    ];
    for (const [what, body, findings] of sizes) {
      it(`counts the bytes of the last continuation line ${what}`, () => {
        exactly(regFile(...body), findings);
      });
    }

    it('the value ends there: a following line of bytes is ignored, on both readers', () => {
      for (const first of ['"a"=hex:55,66,', '"a"=hex:55, 66,', '"a"=hex:55,6,', '"a"=hex:55,66']) {
        exactly(regFile(first, '77,88'), [['reg.line-ignored', W, BODY + 1, 0, BODY + 1, 5]]);
      }
    });
  });

  describe('hex bytes: each trigger on the value line and on a continuation line, in REGEDIT4 and version 5 files with every line end', () => {
    // [data, code, severity, [from, to] of each finding within the data]
    const cases: [string, string, string, [number, number][]][] = [
      ['01 ,02', 'reg.hex-byte-invalid', E, [[0, 4]]],
      ['25,50,100,54', 'reg.hex-byte-invalid', E, [[6, 9]]],
      ['fff', 'reg.hex-byte-invalid', E, [[0, 3]]],
      ['01 02', 'reg.hex-byte-invalid', E, [[0, 5]]],
      ['01,zz,02', 'reg.hex-byte-invalid', E, [[3, 5]]],
      ['01,,02', 'reg.hex-byte-invalid', E, [[3, 4]]],
      ['01,02 #c', 'reg.hex-byte-invalid', E, [[6, 8]]],
      ['0x1f,+2', 'reg.hex-byte-unusual', W, [[0, 4], [5, 7]]],
      ['01,0x1f', 'reg.hex-byte-unusual', W, [[3, 7]]],
      ['01, -0', 'reg.hex-byte-unusual', W, [[4, 6]]],
      ['01g', 'reg.hex-byte-invalid', E, [[2, 3]]],
      ['0x,01', 'reg.hex-byte-invalid', E, [[1, 2]]],
      ['01,0xg', 'reg.hex-byte-invalid', E, [[4, 6]]],
      ['01, ,02', 'reg.hex-byte-invalid', E, [[4, 5]]],
      ['01, zz', 'reg.hex-byte-invalid', E, [[3, 6]]],
      // "x" after a digit other than 0 is no hexadecimal prefix.
      ['01,1x2', 'reg.hex-byte-invalid', E, [[4, 6]]],
    ];
    for (const [data, code, severity, spans] of cases) {
      it(`${code}: ${data}`, () => {
        exactlyEverywhere([`"a"=hex:${data}`], spans.map(([f, t]): Finding => [code, severity, BODY, 8 + f, BODY, 8 + t]));
        for (const first of ['"a"=hex:\\', '"a"=hex:00,\\']) {
          exactlyEverywhere([first, `  ${data}`, '"b"="x"'], spans.map(([f, t]): Finding => [code, severity, BODY + 1, 2 + f, BODY + 1, 2 + t]));
        }
      });
    }

    it('blanks, vertical tabs and form feeds before a byte, a byte ff read byte by byte and a ";" comment after a comma are accepted', () => {
      for (const data of ['01,\v02', '01,\f02', '01, \t02', '01,;c', '01, ;c', '01, ff', '01, 00']) {
        exactlyEverywhere([`"a"=hex:${data}`], []);
        exactlyEverywhere(['"a"=hex:\\', `  ${data}`, '"b"="x"'], []);
      }
    });

    it('a line of blanks or an empty line inside continuation lines is skipped like a comment line', () => {
      for (const gap of ['   ', '\t', '']) {
        exactlyEverywhere(['"a"=hex:01,\\', gap, '  02', '"b"="x"'], []);
        assert.deepStrictEqual(bytesOf(regFile('"a"=hex:01,\\', gap, '  02'), BODY), [1, 2]);
      }
    });

    it('blanks after the last byte of a continuation line are accepted', () => {
      exactlyEverywhere(['"a"=hex:\\', '  01 ', '"b"="x"'], []);
    });

    it('a continuation line with only a backslash does not start with a hex digit: it is swallowed', () => {
      exactlyEverywhere(['"a"=hex:01,\\', '  \\', '  02'], [
        ['reg.hex-continuation-swallowed', E, BODY + 1, 0, BODY + 1, 3],
        ['reg.line-ignored', W, BODY + 2, 2, BODY + 2, 4],
      ]);
    });

    it('a CRLF file with one other line end after a continuation line in regedit\'s layout reads every line', () => {
      const head = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\X]\r\n"a"=hex:01,\\\r\n';
      exactly(`${head}  02,03\n"b"="x"\r\n`, []);
      exactly(`${head}  02,03\r"b"="x"\r\n`, []);
      exactly(`${head}  02,03x\n"b"="x"\r\n`, [['reg.hex-byte-invalid', E, 4, 7, 4, 8]]);
      assert.deepStrictEqual(imported(`${head}  02,03\r"b"="x"\r\n`), [['a', 3], ['b', 1]]);
    });

    it('"-1" is a byte above ff on the value line; a continuation line must start with a hex digit, so there it is swallowed', () => {
      exactlyEverywhere(['"a"=hex:-1'], [['reg.hex-byte-invalid', E, BODY, 8, BODY, 10]]);
      exactlyEverywhere(['"a"=hex:\\', '  -1', '"b"="x"'], [['reg.hex-continuation-swallowed', E, BODY + 1, 0, BODY + 1, 4]]);
    });
  });

  describe('line ends: CRLF, LF and bare CR give the same findings', () => {
    const body = [
      '"s"="text"#note',
      '"d"=dword:123456789',
      '"h"=hex(2):25,00,\\',
      '  53,00,\\',
      '  00',
      '"x"=hex:01,,02',
      '"b"=hex(7):41,00,\\',
      '  42,00',
      'NoQuotes="x"',
    ];
    const findings: Finding[] = [
      ['reg.string-trailing-text', E, 3, 10, 3, 15],
      ['reg.dword-too-long', E, 4, 10, 4, 19],
      ['reg.hex-string-invalid', I, 5, 4, 5, 11],
      ['reg.hex-byte-invalid', E, 8, 11, 8, 12],
      ['reg.multi-sz-unterminated', W, 9, 4, 9, 11],
      ['reg.value-name-unquoted', E, 11, 0, 11, 8],
    ];
    for (const [name, eol] of [
      ['CRLF', '\r\n'],
      ['LF', '\n'],
      ['CR', '\r'],
    ]) {
      it(`version 5 with ${name}`, () => {
        exactly(['Windows Registry Editor Version 5.00', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]', ...body, ''].join(eol), findings);
      });
    }
  });

  describe('key lines', () => {
    const LONG = 'K'.repeat(256);

    it('a misspelt root 3 edits away gets a suggestion and its fix; 4 edits away, none', () => {
      const [near] = exactly(regFile('[HKEY_LOCAL_MACH\\X]'), [['reg.key-unknown-root', E, BODY, 1, BODY, 16]]);
      assert.match(near.message, /; did you mean HKEY_LOCAL_MACHINE\?$/);
      assert.strictEqual(replacement(near), 'HKEY_LOCAL_MACHINE');
      const [far] = exactly(regFile('[HKEY_LOCAL_MAC\\X]'), [['reg.key-unknown-root', E, BODY, 1, BODY, 15]]);
      assert.match(far.message, /HKEY_CURRENT_CONFIG\.$/);
      assert.strictEqual(far.data, undefined);
    });

    it('a misspelt root equally near two roots names both and offers no fix that would pick one', () => {
      const [d] = exactly(regFile('[HKEY_CURRENT_CSIG\\X]'), [['reg.key-unknown-root', E, BODY, 1, BODY, 18]]);
      assert.match(d.message, /^"HKEY_CURRENT_CSIG" is not a registry root: the key is not opened, and the values below it are written nowhere\. Did you mean HKEY_CURRENT_CONFIG or HKEY_CURRENT_USER\?$/);
      assert.strictEqual(d.data, undefined);
    });

    it('a key path that starts with a backslash has an empty root: the backslash is reported, and removed by the fix when a root follows', () => {
      const [d] = exactly(regFile('[\\HKEY_LOCAL_MACHINE\\SOFTWARE]'), [['reg.key-unknown-root', E, BODY, 1, BODY, 2]]);
      assert.strictEqual(d.message, 'The key path starts with "\\", so its root is empty: the key is not opened, and the values below it are written nowhere. A key path begins with its root: remove the "\\" before HKEY_LOCAL_MACHINE.');
      assert.strictEqual(replacement(d), '');
      const [del] = exactly(regFile('[-\\HKLM\\SOFTWARE]'), [['reg.key-unknown-root', E, BODY, 2, BODY, 3]]);
      assert.strictEqual(del.message, 'The key path starts with "\\", so its root is empty: regedit deletes nothing and closes the open key. A key path begins with its root, e.g. HKEY_LOCAL_MACHINE.');
      assert.strictEqual(del.data, undefined);
    });

    it('a DEL character is not "_": the root is unknown', () => {
      exactly(regFile('[HKEY\x7fCURRENT_USER\\X]'), [['reg.key-unknown-root', E, BODY, 1, BODY, 18]]);
    });

    it('a "]" after a NUL character is not read: the key line has no closing bracket', () => {
      exactly(regFile('[HKEY_CURRENT_USER\\X\0]'), [
        ['reg.key-missing-closing-bracket', E, BODY, 0, BODY, 20],
        ['reg.nul-character', E, BODY, 20, BODY, 22],
      ]);
    });

    it('two key names over 255 characters in one path: one finding, on the first', () => {
      exactly(regFile(`[HKEY_CURRENT_USER\\${LONG}\\${LONG}]`), [['reg.key-name-too-long', E, BODY, 19, BODY, 275]]);
    });

    it('a deletion of a key name over 255 characters is still a deletion line (it closes the open key)', () => {
      const text = regFile(`[-HKEY_CURRENT_USER\\${LONG}]`, '"a"="b"');
      const [d] = exactly(text, [['reg.key-name-too-long', E, BODY, 20, BODY, 276]]);
      assert.match(d.message, /cannot be deleted\. .*No key is open after this line/);
      assert.strictEqual(parse(text).records[BODY].kind, Kind.KeyDelete);
      assert.strictEqual(parse(regFile(`[HKEY_CURRENT_USER\\${LONG}]`)).records[BODY].kind, Kind.KeyUnopened);
    });

    it('a deleted root followed by any number of backslashes is still the root', () => {
      for (const line of ['[-HKEY_CURRENT_USER\\]', '[-HKEY_CURRENT_USER\\\\]', '[-hkey_current_user\\\\\\]']) {
        exactly(regFile(line), [['reg.key-delete-root', E, BODY, 0, BODY, line.length]]);
      }
    });

    it('a trailing backslash opens the key without a finding', () => {
      exactly(regFile('[HKEY_CURRENT_USER\\X\\]', '"a"="b"'), []);
      assert.deepStrictEqual(diagnose(regFile('[HKEY_CURRENT_USER\\]', '"a"="b"')), []);
    });
  });

  describe('NUL characters, the header and lines that are neither keys nor values', () => {
    it('a NUL first on a body line: the line is read as empty', () => {
      exactly(regFile('\0x', '"a"="b"'), [['reg.nul-character', E, BODY, 0, BODY, 2]]);
      assert.deepStrictEqual(imported(regFile('\0x', '"a"="b"')), [['a', 1]]);
    });

    it('a NUL first on the header line: the header is empty', () => {
      const ds = exactly(['\0REGEDIT4', '', '[HKEY_CURRENT_USER\\X]', '"a"="b"', ''].join('\r\n'), [
        ['reg.invalid-header', E, 0, 0, 0, 0],
        ['reg.nul-character', E, 0, 0, 0, 9],
      ]);
      assert.match(ds[0].message, /: the first line is empty,/);
    });

    it('a NUL first on a line of a Windows 3.1 file: the line is read as empty', () => {
      exactly('REGEDIT\r\n\0HKEY_CLASSES_ROOT\\x = y\r\n', [
        ['reg.win31-format', I, 0, 0, 0, 7],
        ['reg.nul-character', E, 1, 0, 1, 24],
      ]);
    });

    it('empty and blank lines of a Windows 3.1 file are skipped; a line of other white space is not', () => {
      exactly('REGEDIT\r\n\r\n  \r\n\t\r\nHKEY_CLASSES_ROOT\\.txt = txtfile\r\n\v\r\n', [
        ['reg.win31-format', I, 0, 0, 0, 7],
        ['reg.win31-line-ignored', W, 5, 0, 5, 1],
      ]);
    });

    it('a header line of other white space counts as empty', () => {
      const [d] = exactly([' \v', '', '[HKEY_CURRENT_USER\\X]', '"a"="b"', ''].join('\r\n'), [['reg.invalid-header', E, 0, 1, 0, 2]]);
      assert.match(d.message, /: the first line is empty,/);
    });

    const firstLines: [string, RegExp][] = [
      ['x[y', /: this is not a registry header\./],
      ['@="x"', /: the file has no header line before its first key, value or comment\./],
      ['"a"="b"', /: the file has no header line before/],
      ['# note', /: the file has no header line before/],
      [';note', /: the file has no header line before/],
      ['\v[HKEY_CURRENT_USER\\X]', /: the file has no header line before/],
    ];
    for (const [first, says] of firstLines) {
      it(`a first line ${JSON.stringify(first)}`, () => {
        const [d] = exactly([first, '', '[HKEY_CURRENT_USER\\X]', '"a"="b"', ''].join('\r\n'), [['reg.invalid-header', E, 0, 0, 0, first.length]]);
        assert.match(d.message, says);
      });
    }

    const ignored: [string, string, number, number][] = [
      ['HKEY_CURRENT_USER\\X] ;note', 'reg.key-missing-opening-bracket', 0, 26],
      ['hkcu\\x]', 'reg.key-missing-opening-bracket', 0, 7],
      ['  Hkey_Typo\\x]  ', 'reg.key-missing-opening-bracket', 2, 16],
      ['HKEY_CURRENT_USER\\X] ;a\u2028b', 'reg.line-ignored', 0, 25],
      ['HKEY_CURRENT_USER\\X] ;a\u2029b', 'reg.line-ignored', 0, 25],
      ['HKEY_CURRENT_USER\\X]\u2028', 'reg.key-missing-opening-bracket', 0, 21],
      ['HKEY_CURRENT_USER\\X] x', 'reg.line-ignored', 0, 22],
      ['SOFTWARE\\HKX]', 'reg.line-ignored', 0, 13],
      ['HK CU\\X]', 'reg.line-ignored', 0, 8],
      ['HKEY_CURRENT_USER\\X=]', 'reg.value-name-unquoted', 0, 19],
      ['\vName="x"', 'reg.line-ignored', 0, 9],
    ];
    for (const [line, code, from, to] of ignored) {
      it(`${JSON.stringify(line)}: ${code}`, () => {
        exactly(regFile(line), [[code, code === 'reg.line-ignored' ? W : E, BODY, from, BODY, to]]);
      });
    }

    it('the key-path shape test agrees with the expression it replaces, also on text with line breaks', () => {
      const old = /^[^\s"=]*\\[^=]*\]\s*(;.*)?$/;
      const samples = [
        'H\\x]', 'H\\x] ', 'H\\x] ;c', 'H\\x]x', 'H\\x=]', 'H=\\x]', 'H \\x]', 'H"\\x]', '\\]', 'H\\]=]', 'H\\]=x]',
        'H\\x] ;a\nb', 'H\\x] ;a\rb', 'H\\x] ;a\u2028b', 'H\\x] ;a\u2029b', 'H\\x]\n', 'H\\x]\r\n', 'H\\x]\u2028', 'H\\x];\n;',
        'H\\x] ;a]\n', 'H\\x]\n;c', 'Hx]', 'H\\x', '',
      ];
      for (const sample of samples) assert.strictEqual(looksLikeKeyWithoutBracket(sample), old.test(sample), JSON.stringify(sample));
    });

    // Whether an ignored line looks like more hex bytes decides the advice.
    const hexLike: [string, boolean][] = [
      ['1,2', true],
      ['41', true],
      ['41,42', true],
      ['41,a,', true],
      ['41,42,\\', true],
      ['41,42,\\  ', true],
      ['41,42\\', true],
      ['412,41', false],
      ['41,,42', false],
      ['41,423', false],
      ['4g', false],
      ['41 42', false],
      ['41,42;', false],
      ['41,42,\\x', false],
      [',41', false],
    ];
    for (const [line, looksHex] of hexLike) {
      it(`an ignored line ${JSON.stringify(line)} ${looksHex ? 'looks' : 'does not look'} like hex bytes`, () => {
        const [d] = exactly(regFile(line), [['reg.line-ignored', W, BODY, 0, BODY, line.length]]);
        assert.match(d.message, looksHex ? /it looks like more hex bytes/ : /it is not a \[key\]/);
      });
    }
  });

  describe('value lines', () => {
    const cases: [string, string[], Finding[]][] = [
      ['a string ending with a backslash', ['"a"="x\\'], [['reg.string-unterminated', E, BODY, 4, BODY, 7]]],
      ['a string ending with a backslash and blanks', ['"a"="x\\  '], [['reg.string-unterminated', E, BODY, 4, BODY, 7]]],
      ['a name ending with a backslash', ['"a\\'], [['reg.value-name-unterminated', E, BODY, 0, BODY, 3]]],
      ['nothing but blanks after "="', ['"a"= \t'], [['reg.data-missing', E, BODY, 0, BODY, 6]]],
      ['a comment after "="', ['"a"=  ;c'], [['reg.data-unknown-type', E, BODY, 6, BODY, 8]]],
      ['a comment after "=-"', ['"a"=- ;c'], []],
      ['text after "=-"', ['"a"=-x '], [['reg.delete-trailing-text', E, BODY, 5, BODY, 6]]],
      ['a comment after a string', ['"a"="x"  ;c'], []],
      ['a NUL inside hex(N)', ['"a"=hex(2\0):01'], [['reg.hex-type-invalid', E, BODY, 4, BODY, 9], ['reg.nul-character', E, BODY, 9, BODY, 14]]],
      ['hex(N without ")"', ['"a"=hex(2:01'], [['reg.hex-type-invalid', E, BODY, 4, BODY, 12]]],
      ['hex( and nothing', ['"a"=hex('], [['reg.hex-type-invalid', E, BODY, 4, BODY, 8]]],
      ['hex(N) and no ":"', ['"a"=hex(2)01'], [['reg.hex-type-invalid', E, BODY, 4, BODY, 10]]],
      ['hex(zz):', ['"a"=hex(zz):01'], [['reg.hex-type-invalid', E, BODY, 4, BODY, 12]]],
      ['a vertical tab before the type number', ['"a"=hex(\v2):41,00'], [['reg.hex-type-unusual', W, BODY, 4, BODY, 12]]],
      ['a form feed before the type number', ['"a"=hex(\f2):41,00'], [['reg.hex-type-unusual', W, BODY, 4, BODY, 12]]],
      ['an empty type number', ['"a"=hex():'], [['reg.hex-type-unusual', W, BODY, 4, BODY, 10]]],
      ['a word ending in hex:', ['"a"=xhex:1'], [['reg.data-unknown-type', E, BODY, 4, BODY, 10]]],
      ['dword: and a comment', ['"a"=dword:;c'], [['reg.dword-only-comment', W, BODY, 4, BODY, 10]]],
      ['dword: and a word', ['"a"=dword:  x '], [['reg.dword-empty', E, BODY, 4, BODY, 13]]],
      ['an empty hex value', ['"a"=hex:'], []],
      ['an empty hex(4) value', ['"a"=hex(4):'], []],
      ['a value name of 16,383 characters', [`"${'n'.repeat(16383)}"="x"`], []],
    ];
    for (const [what, body, findings] of cases) {
      it(what, () => {
        exactlyEverywhere(body, findings);
      });
    }

    it('hex(N) types read from blanks, signs and 0x', () => {
      const text = regFile('"a"=hex(\v2):41,00', '"b"=hex():', '"c"=hex:', '"d"=hex(4):');
      assert.deepStrictEqual(imported(text), [['a', 2], ['b', 0], ['c', 3], ['d', 4]]);
    });

    const hints: [string, RegExp][] = [
      ['xhex:1', /: string data must be in quotes\./],
      ['str:x', /: str: is not a \.reg type/],
      ['str(12):x', /: str: is not a \.reg type/],
      ['xstr:x', /: string data must be in quotes\./],
      ['str(x):x', /: string data must be in quotes\./],
      ['xqword:1', /: string data must be in quotes\./],
    ];
    for (const [data, says] of hints) {
      it(`data ${data}: the hint`, () => {
        const [d] = exactly(regFile(`"a"=${data}`), [['reg.data-unknown-type', E, BODY, 4, BODY, 4 + data.length]]);
        assert.match(d.message, says);
        assert.strictEqual(d.data, undefined);
      });
    }
  });

  describe('what hex string data means, with its last bytes spread over continuation lines', () => {
    const U = 'reg.multi-sz-unterminated';
    // [lines, findings]: each also read byte by byte (a blank after the first comma of each line).
    const cases: [string[], Finding[]][] = [
      [['"a"=hex(7):41,00,00,\\', '  00,00,00'], []],
      [['"a"=hex(7):41,00,42,00,00,\\', '  00,00,00'], []],
      [['"a"=hex(7):41,00,42,00,00,\\', '  00,00,01'], [[U, W, BODY, 4, BODY, 11]]],
      [['"a"=hex(7):41,00,42,00,\\', '  00,\\', '  00,00,00'], []],
      [['"a"=hex(7):00,00,00,\\', '  00,41,00'], [[U, W, BODY, 4, BODY, 11]]],
      [['"a"=hex(7):00,\\', '  00'], []],
      [['"a"=hex(7):01,\\', '  00'], [[U, W, BODY, 4, BODY, 11]]],
      [['"a"=hex(4):01,02,\\', '  03'], [['reg.hex-size-mismatch', I, BODY, 4, BODY, 11]]],
      [['"a"=hex(b):01,02,03,04,\\', '  05,06,07,08'], []],
    ];
    for (const [body, findings] of cases) {
      it(body.join(' '), () => {
        // Version 5 files only (UTF-16 text), with every line end.
        for (const eol of ['\r\n', '\n', '\r']) {
          exactly([V5, '', KEY, ...body, ''].join(eol), findings);
          exactly([V5, '', KEY, ...body.map((l) => l.replace(',', ', ')), ''].join(eol), findings);
        }
      });
    }

    // In an ANSI file, data with NULs at (nearly) every other byte looks like UTF-16 text: at least 4 bytes, and NULs
    // at 80 % of the odd positions.
    const ansi: [string, boolean][] = [
      ['41,00', false],
      ['41,00,42,00', true],
      ['41,00,42,43,44,00', false],
      ['41,00,42,00,43,44,45,00,46,00', true],
      ['41,00,42,00,43,44,45,46,47,00', false],
    ];
    for (const [bytes, mismatch] of ansi) {
      it(`hex(1):${bytes} in an ANSI file ${mismatch ? 'looks' : 'does not look'} like UTF-16`, () => {
        exactly(v4File(`"a"=hex(1):${bytes}`), mismatch ? [['reg.hex-string-encoding-mismatch', W, BODY, 4, BODY, 11]] : []);
      });
    }
  });

  describe('UTF-16 surrogates at the bounds of their ranges', () => {
    // [bytes of hex(1), the unpaired unit and its byte offset, or undefined]
    const cases: [string, string | undefined][] = [
      ['ff,db,00,dc', undefined],
      ['00,d8,ff,df', undefined],
      ['ff,d7,00,dc', 'dc00 at byte 2'],
      ['ff,db,00,e0', 'dbff at byte 0'],
      ['ff,db,ff,db', 'dbff at byte 0'],
      ['41,00,ff,df', 'dfff at byte 2'],
      ['41,00,00,dc,00,dc', 'dc00 at byte 2'],
      ['41,00,42,00,ff,db', 'dbff at byte 4'],
      ['00,e0,ff,d7', undefined],
    ];
    for (const [bytes, unpaired] of cases) {
      it(`hex(1):${bytes}`, () => {
        const ds = exactly(regFile(`"a"=hex(1):${bytes}`), unpaired ? [['reg.hex-string-invalid', W, BODY, 4, BODY, 11]] : []);
        if (unpaired) assert.ok(ds[0].message.includes(`(${unpaired})`), ds[0].message);
      });
    }
  });

  describe('values set twice in one section: a few values, more than 16, more than 64', () => {
    const specials = [
      '"Dup"="1"',
      '"dup"="2"',
      '"DUP"=-',
      '"\u00c4x"="1"',
      '"\u00e4x"="2"',
      '"q\\"1"="a"',
      '"Q\\"1"="b"',
      '@="d"',
      '""="e"',
      '"bad"=dword:x',
      '"bad"="ok"',
      '"ab"="1"',
      '"ba"="2"',
      '"a\\\\b"="1"',
      '"a\\b"="2"',
    ];
    const D = 'reg.duplicate-value';
    const expected: Finding[] = [
      [D, W, BODY, 0, BODY, 9],
      [D, W, BODY + 1, 0, BODY + 1, 9],
      [D, W, BODY + 3, 0, BODY + 3, 8],
      [D, W, BODY + 5, 0, BODY + 5, 10],
      [D, W, BODY + 7, 0, BODY + 7, 5],
      ['reg.dword-empty', E, BODY + 9, 6, BODY + 9, 13],
      // "a\b" is stored as "ab" (an unknown escape loses its backslash): it sets "ab" again.
      [D, W, BODY + 11, 0, BODY + 11, 8],
      ['reg.string-unknown-escape', W, BODY + 14, 2, BODY + 14, 4],
    ];
    for (const fillers of [0, 1, 2, 10, 60]) {
      it(`with ${fillers} other values after them`, () => {
        const body = [...specials, ...Array.from({ length: fillers }, (_, k) => `"filler${k}"=dword:1`)];
        const ds = exactly(regFile(...body), expected);
        assert.deepStrictEqual(ds.filter((d) => d.code === D).map((d) => relatedAt(d)), [
          [[BODY + 1, 'the line that wins']],
          [[BODY + 2, 'the line that wins']],
          [[BODY + 4, 'the line that wins']],
          [[BODY + 6, 'the line that wins']],
          [[BODY + 8, 'the line that wins']],
          [[BODY + 14, 'the line that wins']],
        ]);
      });
    }
  });

  describe("continuation lines in regedit's layout, read from the whole text (CRLF) and line by line", () => {
    // [case, body, findings, bytes of "a" (line BODY), the values imported]
    const cases: [string, string[], Finding[], number[], string[]][] = [
      ['an indented last line with a comma after its last byte', ['"a"=hex:41,00,\\', '    42,00,', '"b"=dword:00000001'], [], [0x41, 0, 0x42, 0], ['a', 'b']],
      ['an indented last line without one', ['"a"=hex:41,00,\\', '    42,00', '"b"=dword:00000001'], [], [0x41, 0, 0x42, 0], ['a', 'b']],
      ['an unindented last line with a comma', ['"a"=hex:41,00,\\', '42,00,', '"b"=dword:00000001'], [], [0x41, 0, 0x42, 0], ['a', 'b']],
      ['a blank line inside the value', ['"a"=hex:41,\\', '', '  42', '"b"=dword:00000001'], [], [0x41, 0x42], ['a', 'b']],
      ['a line of blanks inside the value', ['"a"=hex:41,\\', '   ', '  42', '"b"=dword:00000001'], [], [0x41, 0x42], ['a', 'b']],
      // The swallowed line makes regedit discard "a".
      ['a line holding only a backslash', ['"a"=hex:41,\\', '  \\', '  42', '"b"=dword:00000001'], [
        ['reg.hex-continuation-swallowed', E, BODY + 1, 0, BODY + 1, 3],
        ['reg.line-ignored', W, BODY + 2, 2, BODY + 2, 4],
      ], [0x41], ['b']],
    ];
    it('vertical tabs, which wcstoul skips like blanks, before a byte and before the trimmed blanks at the end', () => {
      exactlyEverywhere(['"a"=hex:41, \u000b42  '], []);
      exactlyEverywhere(['"a"=hex:41,\u000b  '], [['reg.hex-byte-invalid', E, BODY, 11, BODY, 12]]);
      exactlyEverywhere(['"a"=hex:41,\\', '  42,\u000b  '], [['reg.hex-byte-invalid', E, BODY + 1, 5, BODY + 1, 6]]);
      assert.deepStrictEqual(bytesOf(regFile('"a"=hex:41, \u000b42  '), BODY), [0x41, 0x42]);
    });

    for (const [what, body, findings, bytes, names] of cases) {
      it(what, () => {
        exactlyEverywhere(body, findings);
        for (const eol of ['\r\n', '\n']) {
          const text = [V5, '', KEY, ...body, ''].join(eol);
          assert.deepStrictEqual(bytesOf(text, BODY), bytes, JSON.stringify(eol));
          assert.deepStrictEqual(imported(text).map(([n]) => n), names, JSON.stringify(eol));
        }
      });
    }
  });
});
