/**
 * Checks that need more than one line: duplicates, values with no open key, keys opened twice, deletions against
 * settings, name length limits, unknown and abbreviated roots, hex(1)/hex(2)/hex(7) text validity and
 * hex(4)/hex(5)/hex(b) sizes (sections 6.2, 6.7, 6.9).
 */
import * as assert from 'assert';
import { RegDocument } from '../../../../server/src/languages/reg/document';
import { validateReg } from '../../../../server/src/languages/reg/validate';
import { diagnose, regFile } from '../../../helpers/reg';
import { BODY, clean, codesOn, diagAt, entryAt, hexOf, importedNames, KEY, noCode, noKeyFile, onlyCodes, relatedAt, V5, v4File } from './support';

const A = '[HKEY_CURRENT_USER\\Software\\A]';
const B = '[HKEY_CURRENT_USER\\Software\\B]';

function rel(d: { related?: { range: { start: { line: number; character: number }; end: { character: number } } }[] }): number[][] {
  return (d.related ?? []).map((r) => [r.range.start.line, r.range.start.character, r.range.end.character]);
}

describe('reg semantics', () => {
  describe('the same value twice under one key', () => {
    it('warns on the earlier line (the later one wins) and points at the later one', () => {
      const text = regFile('"Timeout"=dword:0000000a', '"Other"="x"', '"Timeout"=dword:00000014');
      const d = diagAt(text, 'reg.duplicate-value', BODY, 0, 24);
      assert.deepStrictEqual(rel(d), [[BODY + 2, 0, 9]]);
      assert.deepStrictEqual(d.tags, ['unnecessary']);
      assert.match(d.message, /set again on line 6/);
    });

    it('compares value names case-insensitively', () => {
      diagAt(regFile('"abc"="1"', '"ABC"="2"'), 'reg.duplicate-value', BODY, 0, 9);
    });

    it('does not count a rejected line', () => {
      const text = regFile('"a"="1"', '"a"=dword:xyz');
      noCode(text, 'reg.duplicate-value');
      onlyCodes(text, ['reg.dword-empty']);
    });

    it('does not confuse names that differ in blanks', () => {
      clean(regFile('"a"="1"', '" a"="2"', '"a "="3"'));
    });

    it('reports deletions: set then deleted, deleted then set, deleted twice', () => {
      assert.match(diagAt(regFile('"a"="1"', '"a"=-'), 'reg.duplicate-value', BODY, 0, 7).message, /deleted on line/);
      assert.match(diagAt(regFile('"a"=-', '"a"="1"'), 'reg.duplicate-value', BODY, 0, 5).message, /set again on line .*after this deletion/);
      assert.match(diagAt(regFile('"a"=-', '"a"=-'), 'reg.duplicate-value', BODY, 0, 5).message, /deleted again/);
    });

    it('covers the continuation lines of a hex value in the range of the earlier line only', () => {
      const text = regFile('"h"=hex:01,\\', '  02', '"h"=hex:03');
      diagAt(text, 'reg.duplicate-value', BODY, 0, 12);
    });

    it('reports the same value set in two sections of the same key', () => {
      const text = noKeyFile(A, '"v"="1"', B, '"v"="2"', A, '"v"="3"');
      const d = diagAt(text, 'reg.duplicate-value', 3, 0, 7);
      assert.deepStrictEqual(rel(d), [[7, 0, 3]]);
      diagAt(text, 'reg.duplicate-key', 6, 1, A.length - 1);
    });
  });

  describe('values with no open key', () => {
    it('reports values before the first key line', () => {
      const text = noKeyFile('"a"="1"', A, '"b"="2"');
      diagAt(text, 'reg.value-without-key', 2, 0, 3);
      assert.match(diagnose(text)[0].message, /no key line comes before it/);
    });

    it('reports values after a key deletion line once, on the first, listing the others', () => {
      const text = noKeyFile(A, '"a"="1"', '[-HKEY_CURRENT_USER\\Software\\A\\Sub]', '"b"="2"', '@=-');
      const d = diagAt(text, 'reg.value-without-key', 5, 0, 3);
      assert.match(d.message, /^This value line and the next one have no effect because the key deletion on line 5 closes the open key\./);
      assert.deepStrictEqual(relatedAt(d), [[6, 'a value deletion that deletes nothing']]);
      const one = noKeyFile(A, '[-HKEY_CURRENT_USER\\Software\\A\\Sub]', '@=-');
      assert.match(diagAt(one, 'reg.value-without-key', 4, 0, 1).message, /^regedit deletes nothing here because the key deletion on line 4 closes the open key\./);
    });

    it('starts a new finding at a key path without "[" among values with no key', () => {
      const text = noKeyFile('"a"="1"', 'HKEY_CURRENT_USER\\Software\\X]', '"b"="2"', '"c"="3"');
      const d = diagAt(text, 'reg.value-without-key', 2, 0, 3);
      assert.match(d.message, /^regedit writes this value nowhere because no key line comes before it\./);
      const bracket = diagAt(text, 'reg.key-missing-opening-bracket', 3, 0, 29);
      assert.match(bracket.message, / No key is open after this line, so the 2 values below are written nowhere\.$/);
      assert.deepStrictEqual(relatedAt(bracket), [
        [4, 'a value that is written nowhere'],
        [5, 'a value that is written nowhere'],
      ]);
    });

    it('folds values after a key that cannot be opened into that key line\'s finding, and says nothing after an ignored key line', () => {
      const unopened = noKeyFile(A, '[HKLM\\Software\\X]', '"a"="1"');
      onlyCodes(unopened, ['reg.key-abbreviated-root']);
      assert.deepStrictEqual(relatedAt(diagAt(unopened, 'reg.key-abbreviated-root', 3, 1, 5)), [[4, 'a value that is written nowhere']]);
      const ignored = noKeyFile(A, '[ HKEY_CURRENT_USER\\Software\\X]', '"a"="1"');
      noCode(ignored, 'reg.value-without-key');
      assert.deepStrictEqual(importedNames(ignored), ['a']);
    });

    it('reports a file without its header once: the first key line is not a key regedit missed', () => {
      // regedit reads the key line as the header and rejects the file; the values are not "before any key line".
      const text = [KEY, '"a"="1"', '"b"=dword:00000002', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other]', '"c"="3"', ''].join('\r\n');
      onlyCodes(text, ['reg.invalid-header']);
      assert.match(diagAt(text, 'reg.invalid-header', 0, 0, KEY.length).message, /no header line before its first key/);
      for (const d of diagnose(text)) assert.doesNotMatch(d.message, /no key line comes before/);
    });

    it('still reports values before any key in a file without its header when the first line is no key line', () => {
      const text = ['"a"="1"', '"b"="2"', KEY, '"c"="3"', ''].join('\r\n');
      assert.deepStrictEqual(
        diagnose(text).map((d) => [d.code, d.range.start.line]),
        [
          ['reg.invalid-header', 0],
          ['reg.value-without-key', 1],
        ],
      );
    });

    it('does not report rejected values a second time', () => {
      const text = noKeyFile('"a"=dword:hello');
      onlyCodes(text, ['reg.dword-empty']);
    });
  });

  describe('the same key opened twice', () => {
    it('reports the second opening with a link to the first', () => {
      const text = noKeyFile(A, '"a"="1"', B, A, '"b"="2"');
      const d = diagAt(text, 'reg.duplicate-key', 5, 1, A.length - 1);
      assert.deepStrictEqual(rel(d), [[2, 1, A.length - 1]]);
      assert.strictEqual(d.severity, 'information');
    });

    it('compares key paths case-insensitively and ignores trailing backslashes', () => {
      diagAt(noKeyFile(A, A.toLowerCase()), 'reg.duplicate-key', 3, 1, A.length - 1);
      diagAt(noKeyFile(A, A.replace(']', '\\]')), 'reg.duplicate-key', 3, 1, A.length);
    });

    it('does not report different keys, or a key and its subkey', () => {
      clean(noKeyFile(A, B, A.replace(']', '\\Sub]')));
    });
  });

  describe('deleting and setting the same key', () => {
    it('warns when a later line deletes a key set earlier', () => {
      const text = noKeyFile(A, '"a"="1"', '[-HKEY_CURRENT_USER\\Software\\A]');
      const d = diagAt(text, 'reg.set-then-deleted', 2, 1, A.length - 1);
      assert.deepStrictEqual(rel(d), [[4, 2, A.length]]);
    });

    it('warns when a later line deletes the parent of a key set earlier', () => {
      const sub = '[HKEY_CURRENT_USER\\Software\\A\\Sub]';
      diagAt(noKeyFile(sub, '"a"="1"', '[-hkey_current_user\\software\\a]'), 'reg.set-then-deleted', 2, 1, sub.length - 1);
    });

    it('notes a key deleted and then recreated (a reset)', () => {
      const text = noKeyFile('[-HKEY_CURRENT_USER\\Software\\A]', A, '"a"="1"');
      const d = diagAt(text, 'reg.deleted-then-set', 3, 1, A.length - 1);
      assert.strictEqual(d.severity, 'information');
    });

    it('does not connect a deletion to a sibling whose name merely starts the same', () => {
      clean(noKeyFile('[HKEY_CURRENT_USER\\Software\\AB]', '"a"="1"', '[-HKEY_CURRENT_USER\\Software\\A]'));
    });

    it('ignores a deletion line that deletes nothing', () => {
      noCode(noKeyFile(A, '"a"="1"', '[- HKEY_CURRENT_USER\\Software\\A]'), 'reg.set-then-deleted');
    });
  });

  describe('name length limits', () => {
    it('key names: 255 characters per name are fine, 256 are not', () => {
      clean(noKeyFile(`[HKEY_LOCAL_MACHINE\\${'a'.repeat(255)}\\${'b'.repeat(255)}]`));
      const text = noKeyFile(`[HKEY_LOCAL_MACHINE\\${'a'.repeat(255)}\\${'b'.repeat(256)}]`);
      diagAt(text, 'reg.key-name-too-long', 2, 276, 532);
    });

    it('key deletion with a name over 255 characters is reported too', () => {
      diagAt(noKeyFile(`[-HKEY_LOCAL_MACHINE\\${'a'.repeat(300)}]`), 'reg.key-name-too-long', 2, 21, 321);
    });

    it('value names: 16,383 characters are fine, 16,384 are not', () => {
      clean(regFile(`"${'v'.repeat(16383)}"=dword:1`));
      diagAt(regFile(`"${'v'.repeat(16384)}"=dword:1`), 'reg.value-name-too-long', BODY, 0, 16386);
    });
  });

  describe('unknown and abbreviated roots', () => {
    it('rejects HKLM and the like, and writes the values below nowhere', () => {
      const text = noKeyFile('[HKLM\\SOFTWARE\\Microsoft\\Exchange]', '"a"=dword:1');
      assert.deepStrictEqual(codesOn(text, 2), ['reg.key-abbreviated-root']);
      assert.deepStrictEqual(codesOn(text, 3), []);
      assert.match(diagnose(text)[0].message, /the values below it are written nowhere/);
    });

    it('rejects a misspelt root and suggests the right one; a root far from any gets no suggestion', () => {
      assert.deepStrictEqual(diagAt(noKeyFile('[HKEY_LOCAL_MACHIN\\X]'), 'reg.key-unknown-root', 2, 1, 18).data, { replacement: 'HKEY_LOCAL_MACHINE' });
      assert.strictEqual(diagAt(noKeyFile('[SOFTWARE\\Microsoft]'), 'reg.key-unknown-root', 2, 1, 9).data, undefined);
    });
  });

  describe('hex(1)/hex(2)/hex(7) text in a UTF-16 (version 5) file', () => {
    it('accepts well-formed UTF-16LE strings', () => {
      clean(
        regFile(
          `"sz"=hex(1):${hexOf('abc\0', true)}`,
          `"expand"=hex(2):${hexOf('%SystemRoot%\\x\0', true)}`,
          `"multi"=hex(7):${hexOf('a\0bc\0\0', true)}`,
          '"emoji"=hex(2):3d,d8,00,de,00,00',
          '"emptylist"=hex(7):00,00',
        ),
      );
    });

    it('reports an odd number of bytes as information only: regedit imports it, and programs write such data', () => {
      const text = regFile('"Wine11a"=hex(2):25,50,41,54,48,25,00');
      const d = diagAt(text, 'reg.hex-string-invalid', BODY, 10, 17);
      assert.match(d.message, /^REG_EXPAND_SZ data of 7 bytes in a UTF-16 file/);
      assert.doesNotMatch(d.message, /Add or remove/);
      assert.strictEqual(d.severity, 'information');
      assert.strictEqual(entryAt(text, BODY).valid, true, 'regedit still imports it');
    });

    it('warns about an unpaired surrogate', () => {
      assert.strictEqual(diagAt(regFile('"a"=hex(2):3d,d8,41,00,00,00'), 'reg.hex-string-invalid', BODY, 4, 11).severity, 'warning');
      diagAt(regFile('"a"=hex(1):00,de,00,00'), 'reg.hex-string-invalid', BODY, 4, 11);
    });

    it('counts the bytes of all continuation lines', () => {
      clean(regFile('"a"=hex(2):25,00,50,00,\\', '  41,00,00,00'));
      diagAt(regFile('"a"=hex(2):25,00,50,00,\\', '  41,00,00'), 'reg.hex-string-invalid', BODY, 4, 11);
    });

    it('warns when a multi-string does not end with an empty string', () => {
      const text = regFile(`"Wine20c"=hex(7):${hexOf('Line\0', true)}`);
      diagAt(text, 'reg.multi-sz-unterminated', BODY, 10, 17);
      clean(regFile(`"Wine20e"=hex(7):${hexOf('Line\0\0', true)}`));
    });

    it('does not check zero-length data', () => {
      clean(regFile('"a"=hex(2):', '"b"=hex(7):'));
    });

    it('does not check other types', () => {
      clean(regFile('"a"=hex(0):25,50,41', '"b"=hex:25,50,41', '"c"=hex(100):25,50,41'));
    });
  });

  describe('hex(2)/hex(7) text in an ANSI (REGEDIT4) file', () => {
    it('accepts one byte per character, with or without the NUL', () => {
      clean(v4File('"Wine9a"=hex(2):4c,69,6e,65,00', '"Wine21a"=hex(2):25,50,41,54,48,25', '"Wine20e"=hex(7):4c,69,6e,65,00,00'));
    });

    it('warns about data that looks like UTF-16', () => {
      const text = v4File(`"Wine11a"=hex(2):${hexOf('%PATH%\0', true)}`);
      const d = diagAt(text, 'reg.hex-string-encoding-mismatch', BODY, 10, 17);
      assert.match(d.message, /REGEDIT4/);
    });

    it('goes by the bytes the host read, not the header', () => {
      const text = [V5, '', KEY, '"a"=hex(2):4c,69,6e,65,00', ''].join('\r\n');
      assert.deepStrictEqual(validateReg(RegDocument.parse(text, { unicode: false })), []);
      assert.deepStrictEqual(
        validateReg(RegDocument.parse(text, { unicode: true })).map((d) => d.code),
        ['reg.hex-string-invalid'],
      );
      const utf16InAnsi = [V5, '', KEY, `"a"=hex(2):${hexOf('abc\0', true)}`, ''].join('\r\n');
      assert.deepStrictEqual(
        validateReg(RegDocument.parse(utf16InAnsi, { unicode: false })).map((d) => d.code),
        ['reg.hex-string-encoding-mismatch'],
      );
    });
  });

  describe('sizes of hex(4), hex(5) and hex(b)', () => {
    it('accepts 4 bytes for hex(4) and hex(5) and 8 for hex(b)', () => {
      clean(regFile('"d"=hex(4):01,00,00,00', '"be"=hex(5):00,00,00,01', '"q"=hex(b):01,00,00,00,00,00,00,00'));
    });

    for (const [line, end, size] of [
      ['"Wine3d"=hex(4):80,70,60,50,40,30,20,10', 16, 8],
      ['"a"=hex(4):01,00', 11, 2],
      ['"a"=hex(5):01,00,00,00,00', 11, 5],
      ['"q"=hex(b):01,00,00,00', 11, 4],
    ] as [string, number, number][]) {
      it(`informs about ${line} without advising to change it (regedit stores it as given)`, () => {
        const text = regFile(line);
        const d = diagAt(text, 'reg.hex-size-mismatch', BODY, line.indexOf('hex'), end);
        assert.match(d.message, new RegExp(`data of ${size} bytes, not the usual`));
        assert.doesNotMatch(d.message, /Give exactly/);
        assert.strictEqual(d.severity, 'information');
        assert.strictEqual(entryAt(text, BODY).valid, true);
      });
    }

    it('informs about the 16-byte ExecTime that Group Policy itself writes, without advising a change', () => {
      const line = '"ExecTime"=hex(b):00,00,00,00,00,00,00,00,00,00,00,00,00,00,00,00';
      const d = diagAt(regFile(line), 'reg.hex-size-mismatch', BODY, 11, 18);
      assert.strictEqual(d.severity, 'information');
      assert.match(d.message, /^REG_QWORD data of 16 bytes, not the usual 8\. regedit stores the bytes as given/);
      assert.match(d.message, /leave exported data as it is/);
    });

    it('counts bytes over continuation lines and skips zero-length data', () => {
      clean(regFile('"q"=hex(b):01,02,03,04,\\', '  05,06,07,08', '"d"=hex(4):'));
      diagAt(regFile('"q"=hex(b):01,02,03,04,\\', '  05,06,07'), 'reg.hex-size-mismatch', BODY, 4, 11);
    });

    it('does not check dword: data or rejected values', () => {
      clean(regFile('"d"=dword:1'));
      onlyCodes(regFile('"q"=hex(b):01,zz'), ['reg.hex-byte-invalid']);
    });
  });
});
