/**
 * Each reason the scanner gives in a message, and the fix data it attaches: one case per branch that words a
 * finding differently, so that a reason swapped, emptied or attached to the wrong line fails. Rules: external-facts
 * section 6 (the same as the trigger tests); here only the wording and the fix data of each branch are checked.
 */
import * as assert from 'assert';
import { regLanguage } from '../../../../server/src/languages/reg';
import { diagnose, KEY, parse, regFile, V5 } from '../../../helpers/reg';
import { BODY, exactly, noKeyFile, relatedAt } from './support';

/** [what, file text, code, line, what the message says, fix data (undefined: none)] */
type Said = [what: string, text: string, code: string, line: number, says: RegExp, data: unknown];

function header(first: string): string {
  return [first, '', '[HKEY_CURRENT_USER\\Software\\Test]', '"a"="b"', ''].join('\r\n');
}

const LONG = 'K'.repeat(256);

const cases: Said[] = [
  // scan.ts: the header line
  ['a REGEDIT4 header with trailing blanks', header('REGEDIT4  '), 'reg.header-imports-nothing', 0,
    /imports nothing from the file: the header has trailing blanks, and regedit compares the whole line\. It still reports success/, { replacement: 'REGEDIT4' }],
  ['a REGEDIT header with another suffix', header('REGEDIT5'), 'reg.header-imports-nothing', 0,
    /imports nothing from the file: "REGEDIT5" is not exactly REGEDIT4\. .*Write exactly "Windows Registry Editor Version 5\.00" \(or REGEDIT4\)\.$/, { replacement: V5 }],
  ['an empty first line', header(''), 'reg.invalid-header', 0,
    /^regedit rejects the whole file: the first line is empty, and the header must be the very first line\. The first line must be exactly "Windows Registry Editor Version 5\.00" \(or REGEDIT4\)\.$/, { replacement: V5 }],
  ['a version 5 header in lower case', header(V5.toLowerCase()), 'reg.invalid-header', 0,
    /: the header is case-sensitive\./, { replacement: V5 }],
  ['a REGEDIT4 header in lower case', header('regedit4'), 'reg.invalid-header', 0,
    /: the header is case-sensitive\./, { replacement: 'REGEDIT4' }],
  ['a version 5 header with trailing blanks', header(`${V5} \t`), 'reg.invalid-header', 0,
    /: the header has trailing blanks, and regedit compares the whole line\./, { replacement: V5 }],
  ['another version number', header('Windows Registry Editor Version 4.00'), 'reg.invalid-header', 0,
    /: the only accepted version line is "Windows Registry Editor Version 5\.00"\./, { replacement: V5 }],
  ['a key line first', header('[HKEY_CURRENT_USER\\Software\\Test]'), 'reg.invalid-header', 0,
    /: the file has no header line before its first key, value or comment\./, { insert: V5 }],
  ['a comment first', header('; exported'), 'reg.invalid-header', 0, /: the file has no header line before/, { insert: V5 }],
  ['something else first', header('hello'), 'reg.invalid-header', 0, /: this is not a registry header\./, { replacement: V5 }],
  ['a bare REGEDIT header', 'REGEDIT\r\nHKEY_CLASSES_ROOT\\.txt = txtfile\r\n', 'reg.win31-format', 0,
    /^A bare REGEDIT header selects the Windows 3\.1 registration format: only lines starting with HKEY_CLASSES_ROOT are read/, undefined],
  ['a Windows 3.1 line that is not HKEY_CLASSES_ROOT', 'REGEDIT\r\nHKEY_LOCAL_MACHINE\\x = y\r\n', 'reg.win31-line-ignored', 1,
    /^In the Windows 3\.1 format \(bare REGEDIT header\) only lines that start exactly with HKEY_CLASSES_ROOT are read; this line is ignored\./, undefined],
  ['a NUL character', regFile('"a"="b\0c"'), 'reg.nul-character', BODY, /^NUL character: regedit stops reading the line here/, undefined],

  // scan.ts: lines that are neither keys nor values
  ['a key path without "["', regFile('HKEY_CURRENT_USER\\Software\\Other]'), 'reg.key-missing-opening-bracket', BODY,
    /^This looks like a key line without its opening "\[": regedit ignores it/, { insertAt: 0 }],
  ['an unquoted value name', regFile('  Name ="x"'), 'reg.value-name-unquoted', BODY,
    /^A value name must be in double quotes \(or @ for the default value\): regedit ignores this line\./, { wrapFrom: 2, wrapTo: 6 }],
  ['an unquoted value name ending with a quote', regFile('Name"="x"'), 'reg.value-name-unquoted', BODY, /^A value name must be in double quotes/, undefined],
  ['a line of hex bytes', regFile('41,42,\\'), 'reg.line-ignored', BODY,
    /^regedit ignores this line: it looks like more hex bytes, but the value above did not end its line with ",\\"\./, undefined],
  ['a line of text', regFile('hello world'), 'reg.line-ignored', BODY,
    /^regedit ignores this line: it is not a \[key\], a "value"=data line, a ";" comment or blank\./, undefined],

  // scanKey.ts
  ['a blank after "["', regFile('[ HKEY_CURRENT_USER\\Software\\Other]'), 'reg.key-blank-after-bracket', BODY,
    /^regedit ignores this key line because a blank follows "\[": the key is not created/, undefined],
  ['a blank after "[-"', regFile('[- HKEY_CURRENT_USER\\Software\\Other]'), 'reg.key-blank-after-bracket', BODY,
    /^regedit deletes nothing here because a blank follows "\[-" \(it only closes the open key\)\./, undefined],
  ['no "]"', regFile('[HKEY_CURRENT_USER\\Software\\Other'), 'reg.key-missing-closing-bracket', BODY,
    /^regedit ignores this key line because it has no closing "\]"/, { insertAt: 33 }],
  ['an abbreviated root', regFile('[HKCU\\Software\\Other]'), 'reg.key-abbreviated-root', BODY,
    /^"HKCU" is an abbreviation that \.reg files do not understand \(it is INF and reg\.exe syntax\): the key is not opened, and the values below it are written nowhere\. Write HKEY_CURRENT_USER\.$/,
    { replacement: 'HKEY_CURRENT_USER' }],
  ['an abbreviated root on its own', regFile('[HKCU]'), 'reg.key-abbreviated-root', BODY, /\. Write HKEY_CURRENT_USER\.$/, { replacement: 'HKEY_CURRENT_USER' }],
  ['an abbreviated root in a deletion', regFile('[-HKCU\\Software\\Other]'), 'reg.key-abbreviated-root', BODY,
    /: regedit refuses the deletion \(Wine's reference implementation stops the whole import at this line\)\. Write HKEY_CURRENT_USER\.$/, { replacement: 'HKEY_CURRENT_USER' }],
  ['an abbreviated root in lower case in a deletion', regFile('[-hkcu\\Software\\Other]'), 'reg.key-abbreviated-root', BODY,
    /: regedit refuses the deletion/, { replacement: 'HKEY_CURRENT_USER' }],
  ['an unknown root not starting with H in a deletion', regFile('[-SOFTWARE\\Other]'), 'reg.key-unknown-root', BODY,
    /^"SOFTWARE" is not a registry root: regedit deletes nothing and closes the open key\. Roots are HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS and HKEY_CURRENT_CONFIG\.$/,
    undefined],
  ['a misspelt root', regFile('[HKEY_LOCAL_MACHIN\\Software]'), 'reg.key-unknown-root', BODY,
    /^"HKEY_LOCAL_MACHIN" is not a registry root: the key is not opened, and the values below it are written nowhere\. Roots are .*; did you mean HKEY_LOCAL_MACHINE\?$/,
    { replacement: 'HKEY_LOCAL_MACHINE' }],
  ['HKEY_DYN_DATA', regFile('[HKEY_DYN_DATA\\Config]'), 'reg.key-dyn-data', BODY, /^HKEY_DYN_DATA exists only on Windows 95\/98\/Me/, undefined],
  ['a deleted root', regFile('[-HKEY_CURRENT_USER]'), 'reg.key-delete-root', BODY,
    /^regedit refuses to delete the root HKEY_CURRENT_USER \(Wine's reference implementation also stops the import at this line\)\./, undefined],
  ['a key name too long', regFile(`[HKEY_CURRENT_USER\\${LONG}]`), 'reg.key-name-too-long', BODY,
    /^This key name is 256 characters long; the registry allows at most 255, so the key cannot be created and the values below are written nowhere\./, undefined],
  ['a key name too long in a deletion', regFile(`[-HKEY_CURRENT_USER\\${LONG}]`), 'reg.key-name-too-long', BODY,
    /^This key name is 256 characters long; the registry allows at most 255, so the key cannot be deleted\./, undefined],
  ['a blank before "]"', regFile('[HKEY_CURRENT_USER\\Software\\Other \t]'), 'reg.key-trailing-blank', BODY,
    /^The blank before "\]" becomes part of the key name/, { deleteFrom: 33, deleteTo: 35 }],
  ['a "]" inside the name', regFile('[HKEY_CURRENT_USER\\Software\\Other] ;x]'), 'reg.key-bracket-in-name', BODY,
    /^regedit takes everything up to the last "\]" on the line as the key name/, undefined],

  // scanHex.ts
  ['text after a continuation backslash', regFile('"a"=hex:01,\\ 02'), 'reg.hex-continuation-invalid', BODY,
    /^After the continuation "\\" only blanks and a ";" comment may follow: regedit discards this value\. Move the bytes/, undefined],
  ['"#" after a continuation backslash', regFile('"a"=hex:01,\\ #c'), 'reg.hex-continuation-invalid', BODY,
    /^After the continuation "\\" only blanks and a ";" comment may follow \("#" is not a comment here\)/, undefined],
  ['blanks after the last comma', regFile('"a"=hex:\\', '  01, '), 'reg.hex-byte-invalid', BODY + 1,
    /^Blanks after the last comma of a continuation line: regedit's byte parser finds no byte there/, undefined],
  ['an empty byte', regFile('"a"=hex:01, ,02'), 'reg.hex-byte-invalid', BODY, /^Empty byte between commas: regedit discards the whole value\./, undefined],
  ['a word for a byte', regFile('"a"=hex:01,zz,02'), 'reg.hex-byte-invalid', BODY, /^"zz" is not a hex byte: regedit discards the whole value\./, undefined],
  ['a number above ff', regFile('"a"=hex:01, 100'), 'reg.hex-byte-invalid', BODY, /^"100" is larger than a byte \(ff\): regedit discards the whole value\./, undefined],
  ['a byte with 0x', regFile('"a"=hex:0x1'), 'reg.hex-byte-unusual', BODY,
    /^regedit reads "0x1" as the byte 01, but never writes bytes this way and other tools may not accept it\. Write 01\.$/, { replacement: '01' }],
  ['a byte of three digits', regFile('"a"=hex:0ff'), 'reg.hex-byte-unusual', BODY, /^regedit reads "0ff" as the byte ff,.* Write ff\.$/, { replacement: 'ff' }],
  ['a backslash without a comma', regFile('"a"=hex:01 \\'), 'reg.hex-backslash-without-comma', BODY,
    /^The line continuation "\\" must follow a comma/, { insertAt: 10 }],
  ['"#" after the bytes', regFile('"a"=hex:01 #c'), 'reg.hex-byte-invalid', BODY,
    /^"#" does not start a comment after data \(only ";" does\): regedit discards this value\./, { replacement: ';', at: 11 }],
  ['bytes without a comma', regFile('"a"=hex:01 02'), 'reg.hex-byte-invalid', BODY, /^Bytes must be separated by commas: regedit discards this value\./, undefined],

  // scanValue.ts: names and strings
  ['\\0 in a string', regFile('"a"="x\\0"'), 'reg.string-null-escape', BODY, /^regedit rejects the whole line because of the escape \\0/, undefined],
  ['an unknown escape', regFile('"a"="x\\q"'), 'reg.string-unknown-escape', BODY,
    /^"\\q" is not an escape regedit knows: it warns and stores "q" without the backslash\. Write "\\\\q"/, { replacement: '\\\\q' }],
  ['no data', regFile('"a"= '), 'reg.data-missing', BODY, /^Nothing follows "=": regedit does not import this value\./, undefined],
  ['text after "=-"', regFile('"a"=- x'), 'reg.delete-trailing-text', BODY, /^Only blanks and a ";" comment may follow "=-"/, undefined],
  ['an unterminated string', regFile('"a"="x  '), 'reg.string-unterminated', BODY, /^The string has no closing quote/, { insertAt: 6 }],
  ['text after a string', regFile('"a"="x" y'), 'reg.string-trailing-text', BODY,
    /^Text after the closing quote: regedit does not import this value\. A quote inside the text must be written \\"/, undefined],
  ['"#" after a string', regFile('"a"="x" #y'), 'reg.string-trailing-text', BODY,
    /^"#" does not start a comment after data \(only ";" does\): regedit does not import this value\./, undefined],
  ['an unterminated name', regFile('"abc=1'), 'reg.value-name-unterminated', BODY, /^The value name has no closing quote/, undefined],
  ['"@" without "="', regFile('@ x'), 'reg.value-missing-equals', BODY, /^After "@" \(the default value\) only blanks and "=" may follow/, undefined],
  ['a name with "=" and no "=" after it', regFile('"a=b"'), 'reg.value-missing-equals', BODY,
    /^regedit reads the name up to the next quote, "a=b", and finds no "=" after it/, undefined],
  ['a name without "="', regFile('"ab" x'), 'reg.value-missing-equals', BODY, /^No "=" after the value name: regedit ignores this line\./, undefined],
  ['a value name too long', regFile(`"${'n'.repeat(16384)}"="x"`), 'reg.value-name-too-long', BODY,
    /^This value name is 16384 characters long; the registry allows at most 16,383/, undefined],

  // scanValue.ts: hex(N)
  ['hex(0x2):', regFile('"a"=hex(0x2):01'), 'reg.hex-type-invalid', BODY,
    /^Invalid hex\(N\) type: the type number is hexadecimal already and takes no 0x prefix, so regedit does not import this value\./, undefined],
  ['hex(100000000):', regFile('"a"=hex(100000000):01'), 'reg.hex-type-invalid', BODY, /^Invalid hex\(N\) type: the type number is larger than ffffffff,/, undefined],
  ['hex(2 without ")"', regFile('"a"=hex(2:01'), 'reg.hex-type-invalid', BODY,
    /^Invalid hex\(N\) type: the type must be written hex\(N\): with a closing parenthesis and a colon,/, undefined],
  ['hex(2) without ":"', regFile('"a"=hex(2)01'), 'reg.hex-type-invalid', BODY, /^Invalid hex\(N\) type: the type must be written hex\(N\): with a closing/, undefined],
  ['hex(zz):', regFile('"a"=hex(zz):01'), 'reg.hex-type-invalid', BODY, /^Invalid hex\(N\) type: the type number must be hexadecimal digits,/, undefined],
  ['hex( 2):', regFile('"a"=hex( 2):01,00'), 'reg.hex-type-unusual', BODY,
    /^regedit's number parser reads "hex\( 2\):" as type 2 \(REG_EXPAND_SZ\) in Wine's reference implementation, .* Write hex\(2\):\.$/, { replacement: 'hex(2):' }],

  // scanValue.ts: data of an unknown type
  ['DWORD: in upper case', regFile('"a"=DWORD:1'), 'reg.data-unknown-type', BODY,
    /^regedit does not import this value: type prefixes are case-sensitive: write dword: in lower case\. Data starts with ", dword:, hex: or hex\(N\):\.$/, { replacement: 'dword:1', length: 7 }],
  ['Hex( in mixed case', regFile('"a"=Hex(2):41'), 'reg.data-unknown-type', BODY, /: type prefixes are case-sensitive: write hex in lower case\./, { replacement: 'hex(2):41', length: 9 }],
  ['qword:', regFile('"a"=qword:1'), 'reg.data-unknown-type', BODY, /: there is no qword: prefix; a QWORD is written hex\(b\):/, undefined],
  ['str(2):', regFile('"a"=str(2):x'), 'reg.data-unknown-type', BODY, /: str: is not a \.reg type; write the string in quotes\./, undefined],
  ['data starting with "#"', regFile('"a"=#x'), 'reg.data-unknown-type', BODY, /: data cannot start with a comment character\./, undefined],
  ['data starting with ";"', regFile('"a"=;x'), 'reg.data-unknown-type', BODY, /: data cannot start with a comment character\./, undefined],
  ['data starting with a backslash', regFile('"a"=\\x'), 'reg.data-unknown-type', BODY, /: data cannot start with a backslash; a string is written in plain quotes\./, undefined],
  ['a bare word', regFile('"a"=text'), 'reg.data-unknown-type', BODY, /: string data must be in quotes\./, undefined],

  // scanValue.ts: dword:
  ['dword: and a comment', regFile('"a"=dword: ;c'), 'reg.dword-only-comment', BODY,
    /^dword: is followed only by a comment: Wine's reference implementation of regedit imports 0/, { insertAt: 11, text: '00000000' }],
  ['dword: and a word', regFile('"a"=dword:hello'), 'reg.dword-empty', BODY, /^"hello" is not hexadecimal: regedit does not import this value\./, undefined],
  ['dword: and nothing', regFile('"a"=dword: '), 'reg.dword-empty', BODY, /^dword: has no digits: regedit does not import this value\./, undefined],
  ['nine digits', regFile('"a"=dword:000000001'), 'reg.dword-too-long', BODY, /^9 hex digits: a dword holds at most 8, so regedit does not import this value/, undefined],
  ['dword with 0x', regFile('"a"=dword:0X12'), 'reg.dword-invalid', BODY, /: dword data takes no 0x prefix; it is hexadecimal already\./, undefined],
  ['dword and "#"', regFile('"a"=dword:12#c'), 'reg.dword-invalid', BODY, /: "#" does not start a comment after data \(only ";" does\)\./, undefined],
  ['dword and a backslash', regFile('"a"=dword:12\\'), 'reg.dword-invalid', BODY, /: dword data cannot continue on the next line\./, undefined],
  ['dword with a blank inside', regFile('"a"=dword:12 34'), 'reg.dword-invalid', BODY, /: the digits must not contain blanks\./, undefined],
  ['dword with a point', regFile('"a"=dword:12.5'), 'reg.dword-invalid', BODY, /: a dword is hexadecimal digits only\./, undefined],
  ['dword with a comma', regFile('"a"=dword:12,5'), 'reg.dword-invalid', BODY, /: a dword is hexadecimal digits only\./, undefined],
  ['dword and a letter', regFile('"a"=dword:12g'), 'reg.dword-invalid', BODY, /^regedit does not import this value: only hex digits may follow dword:\. Write 1 to 8 hex digits/, undefined],
];

describe('reg scanner: the reason each message gives, and its fix data', () => {
  for (const [what, text, code, line, says, data] of cases) {
    it(`${what}: ${code}`, () => {
      const found = diagnose(text).filter((d) => d.code === code);
      assert.strictEqual(found.length, 1, `expected one ${code}, got ${found.length}`);
      assert.strictEqual(found[0].range.start.line, line);
      assert.match(found[0].message, says);
      assert.deepStrictEqual(found[0].data, data);
    });
  }
});

/** [what, body lines (version 5 file, from line BODY), code, line, what the message says, related information as [line, message]] */
type SaidInSection = [what: string, body: string[], code: string, line: number, says: RegExp, related: [number, string][]];

const sectionCases: SaidInSection[] = [
  // section.ts: duplicate values, each way the two lines can combine
  ['a value set twice', ['"a"="x"', '"A"="y"'], 'reg.duplicate-value', BODY,
    /^"a" is set again on line 5, and regedit applies the later line last: this line has no lasting effect\. Remove one of the two lines\.$/, [[BODY + 1, 'the line that wins']]],
  ['a value set, then deleted', ['"a"="x"', '"a"=-'], 'reg.duplicate-value', BODY, /^"a" is deleted on line 5, so this setting is undone: /, [[BODY + 1, 'the line that wins']]],
  ['a value deleted, then set', ['"a"=-', '"a"="x"'], 'reg.duplicate-value', BODY, /^"a" is set again on line 5, after this deletion: /, [[BODY + 1, 'the line that wins']]],
  ['a value deleted twice', ['"a"=-', ';', '"a"=-'], 'reg.duplicate-value', BODY, /^"a" is deleted again on line 6: /, [[BODY + 2, 'the line that wins']]],
  ['the default value set twice', ['@="x"', '""="y"'], 'reg.duplicate-value', BODY, /^\(Default\) is set again on line 5,/, [[BODY + 1, 'the line that wins']]],

  // section.ts: what hex data means for its type
  ['a dword of 2 bytes', ['"a"=hex(4):01,02'], 'reg.hex-size-mismatch', BODY,
    /^REG_DWORD data of 2 bytes, not the usual 4\. regedit stores the bytes as given, and exports a value of this type with another size in just this form/, []],
  ['a big-endian dword of 5 bytes', ['"a"=hex(5):01,02,03,04,05'], 'reg.hex-size-mismatch', BODY, /^REG_DWORD_BIG_ENDIAN data of 5 bytes, not the usual 4\./, []],
  ['a qword of 1 byte', ['"a"=hex(b):01'], 'reg.hex-size-mismatch', BODY, /^REG_QWORD data of 1 bytes, not the usual 8\. regedit stores the bytes as given, and Windows writes some such values itself/, []],
  ['a string of 1 byte', ['"a"=hex(1):41'], 'reg.hex-string-invalid', BODY, /^REG_SZ data of 1 byte in a UTF-16 file: text has two bytes per character/, []],
  ['an expandable string of 3 bytes', ['"a"=hex(2):41,00,42'], 'reg.hex-string-invalid', BODY, /^REG_EXPAND_SZ data of 3 bytes in a UTF-16 file/, []],
  ['a high surrogate first', ['"a"=hex(1):00,d8,41,00'], 'reg.hex-string-invalid', BODY,
    /^REG_SZ data contains an unpaired UTF-16 surrogate \(d800 at byte 0\), which is not valid text; regedit imports it as given\. Check the bytes\.$/, []],
  ['a low surrogate in a multi-string', ['"a"=hex(7):41,00,00,dc,00,00,00,00'], 'reg.hex-string-invalid', BODY,
    /^REG_MULTI_SZ data contains an unpaired UTF-16 surrogate \(dc00 at byte 2\)/, []],
  ['a multi-string without its end', ['"a"=hex(7):41,00,42,00'], 'reg.multi-sz-unterminated', BODY,
    /^This multi-string \(hex\(7\)\) does not end with an empty string \(00,00,00,00 in a UTF-16 file\); regedit adds at most one NUL/, []],

  // section.ts: the line after ",\" that is no hex data
  ['a value line after ",\\"', ['"a"=hex:01,\\', '"b"="x"'], 'reg.hex-continuation-swallowed', BODY + 1,
    /^regedit expected more hex bytes for the value on line 4 \(its data ends with ",\\"\), found this line instead, and discards that value and this line as well\. Remove the trailing ",\\"/,
    [[BODY, 'the value that is discarded']]],
  ['a default value line after ",\\"', ['"a"=hex:01,\\', '  @="x"'], 'reg.hex-continuation-swallowed', BODY + 1, /, and discards that value and this line as well\./, [[BODY, 'the value that is discarded']]],
  ['a key line after ",\\"', ['"a"=hex:01,\\', ' [HKEY_CURRENT_USER\\X]'], 'reg.hex-continuation-swallowed', BODY + 1,
    /, and discards that value and skips this key line, so its values go to the key above\./, [[BODY, 'the value that is discarded']]],
  ['other text after ",\\"', ['"a"=hex:01,\\', 'x=y'], 'reg.hex-continuation-swallowed', BODY + 1, /, found this line instead, and discards that value\. Remove/, [[BODY, 'the value that is discarded']]],
];

describe('reg sections: the reason each message gives, and its related information', () => {
  for (const [what, body, code, line, says, related] of sectionCases) {
    it(`${what}: ${code}`, () => {
      const found = diagnose(regFile(...body)).filter((d) => d.code === code);
      assert.strictEqual(found.length, 1, `expected one ${code}, got ${found.length}`);
      assert.strictEqual(found[0].range.start.line, line);
      assert.match(found[0].message, says);
      assert.deepStrictEqual(relatedAt(found[0]), related);
    });
  }
});

const LONG_KEY = `[HKEY_CURRENT_USER\\${'K'.repeat(256)}]`;

/** [what, file text, code, line, what the message says, related information as [line, message]] */
const fileCases: [what: string, text: string, code: string, line: number, says: RegExp, related: [number, string][]][] = [
  // validate.ts: values written to no key
  ['a value before any key', noKeyFile('"a"="x"'), 'reg.value-without-key', 2,
    /^regedit writes this value nowhere because no key line comes before it\. Put the value under a \[HKEY_…\\…\] key line, or remove it\.$/, []],
  ['a deletion before any key', noKeyFile('"a"=-'), 'reg.value-without-key', 2, /^regedit deletes nothing here because no key line comes before it\./, []],
  ['two values before any key', noKeyFile('"a"="x"', '"b"=-'), 'reg.value-without-key', 2,
    /^This value line and the next one have no effect because no key line comes before them\. Put them under a \[HKEY_…\\…\] key line, or remove them\.$/,
    [[3, 'a value deletion that deletes nothing']]],
  ['three values before any key', noKeyFile('"a"="x"', '"b"="y"', '"c"="z"'), 'reg.value-without-key', 2,
    /^This value line and the 2 after it have no effect because no key line comes before them\./, [[3, 'a value that is written nowhere'], [4, 'a value that is written nowhere']]],
  ['a value after a key deletion', regFile('[-HKEY_CURRENT_USER\\X]', '"a"="b"'), 'reg.value-without-key', BODY + 1,
    /^regedit writes this value nowhere because the key deletion on line 4 closes the open key\./, []],
  ['two values after a key deletion', regFile('[-HKEY_CURRENT_USER\\X]', '"a"="b"', '"c"="d"'), 'reg.value-without-key', BODY + 1,
    /^This value line and the next one have no effect because the key deletion on line 4 closes the open key\./, [[BODY + 2, 'a value that is written nowhere']]],
  ['a value below a deleted root', regFile('[-HKEY_CURRENT_USER]', '"a"="b"'), 'reg.key-delete-root', BODY,
    /\. Name the subkey to delete\. No key is open after this line, so the value below is written nowhere\.$/, [[BODY + 1, 'a value that is written nowhere']]],
  ['two values below a deleted root', regFile('[-HKEY_CURRENT_USER]', '"a"="b"', '"c"=-'), 'reg.key-delete-root', BODY,
    /\. Name the subkey to delete\. No key is open after this line, so the 2 values below are written nowhere\.$/,
    [[BODY + 1, 'a value that is written nowhere'], [BODY + 2, 'a value deletion that deletes nothing']]],
  ['a value below an abbreviated root', regFile('[HKCU\\X]', '"a"="b"'), 'reg.key-abbreviated-root', BODY,
    /^"HKCU" is an abbreviation that \.reg files do not understand \(it is INF and reg\.exe syntax\): the key is not opened, and the values below it are written nowhere\. Write HKEY_CURRENT_USER\.$/,
    [[BODY + 1, 'a value that is written nowhere']]],
  ['a value below a key name too long', regFile(LONG_KEY, '"a"="b"'), 'reg.key-name-too-long', BODY,
    /^This key name is 256 characters long; the registry allows at most 255, so the key cannot be created and the values below are written nowhere\. Shorten the name\.$/,
    [[BODY + 1, 'a value that is written nowhere']]],

  // validate.ts: keys opened twice, values set in two places, deletions against settings
  ['a key opened twice', regFile('"a"="x"', KEY, '"b"="y"'), 'reg.duplicate-key', BODY + 1,
    /^This key is already opened on line 3; regedit applies both places in order/, [[2, 'first opened here']]],
  ['a value set under both openings of a key', regFile('"a"="x"', KEY, '"a"="y"'), 'reg.duplicate-value', BODY,
    /^"a" is set again on line 6, and regedit applies the later line last/, [[BODY + 2, 'the line that wins']]],
  ['a key deleted later', regFile('"a"="x"', '[-HKEY_LOCAL_MACHINE\\SOFTWARE]'), 'reg.set-then-deleted', 2,
    /^Line 5 deletes \[HKEY_LOCAL_MACHINE\\SOFTWARE\] later in this file, which removes this key and everything set under it here\./, [[BODY + 1, 'the later deletion']]],
  ['a key deleted earlier', [V5, '', '[-HKEY_LOCAL_MACHINE\\SOFTWARE]', KEY, '"a"="x"', ''].join('\r\n'), 'reg.deleted-then-set', 3,
    /^Line 3 deletes \[HKEY_LOCAL_MACHINE\\SOFTWARE\] earlier in this file, so this key is recreated with only the values below/, [[2, 'the earlier deletion']]],
  ['the same key deleted earlier', [V5, '', '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Test\\]', KEY, '"a"="x"', ''].join('\r\n'), 'reg.deleted-then-set', 3,
    /^Line 3 deletes \[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test\\\] earlier in this file/, [[2, 'the earlier deletion']]],
];

describe('reg files: the reason each finding across sections gives, and its related information', () => {
  for (const [what, text, code, line, says, related] of fileCases) {
    it(`${what}: ${code}`, () => {
      const found = diagnose(text).filter((d) => d.code === code);
      assert.strictEqual(found.length, 1, `expected one ${code}, got ${found.length}`);
      assert.strictEqual(found[0].range.start.line, line);
      assert.match(found[0].message, says);
      assert.deepStrictEqual(relatedAt(found[0]), related);
    });
  }

  it('a deleted key whose name only starts the name of a key opened later is another key', () => {
    exactly([V5, '', '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Tes]', KEY, '"a"="x"', ''].join('\r\n'), []);
    exactly([V5, '', KEY, '"a"="x"', '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Testing]', ''].join('\r\n'), []);
  });
});

describe('reg files: the cap on the number of diagnostics and severity overrides', () => {
  // Findings in position order: line 3 (in the section of the key on line 2), then lines 4 to 6 (the key opened again).
  const text = regFile('"a"=dword:x', KEY, '"b"=hex:zz', '"c"=text');
  const all = (options: { maxDiagnostics?: number; severityOverrides?: Record<string, string> }): string[] =>
    regLanguage.validate(parse(text), options).map((d) => `${d.code}@${d.range.start.line}:${d.severity}`);

  it('stops after the given number, in position order, across sections', () => {
    assert.deepStrictEqual(all({}), [
      'reg.dword-empty@3:error',
      'reg.duplicate-key@4:information',
      'reg.hex-byte-invalid@5:error',
      'reg.data-unknown-type@6:error',
    ]);
    assert.deepStrictEqual(all({ maxDiagnostics: 0 }), []);
    assert.deepStrictEqual(all({ maxDiagnostics: 1 }), ['reg.dword-empty@3:error']);
    assert.deepStrictEqual(all({ maxDiagnostics: 2 }), ['reg.dword-empty@3:error', 'reg.duplicate-key@4:information']);
    assert.deepStrictEqual(all({ maxDiagnostics: 3 }), ['reg.dword-empty@3:error', 'reg.duplicate-key@4:information', 'reg.hex-byte-invalid@5:error']);
  });

  it('drops a code turned off before counting, and changes the severity of another', () => {
    assert.deepStrictEqual(all({ maxDiagnostics: 2, severityOverrides: { 'reg.dword-empty': 'off', 'reg.duplicate-key': 'warning' } }), [
      'reg.duplicate-key@4:warning',
      'reg.hex-byte-invalid@5:error',
    ]);
  });
});
