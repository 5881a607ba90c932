/**
 * Section 6.2: key lines `[...]` and key deletion `[-...]`.
 */
import * as assert from 'assert';
import { Kind } from '../../../../server/src/languages/reg/lineRecord';
import { parse, regFile } from '../../../helpers/reg';
import { BODY, clean, codesOn, diagAt, importedNames, noCode, noKeyFile, onlyCodes, relatedAt } from './support';

const BASE = 'HKEY_CURRENT_USER\\Software\\Wine\\regedit_test';

describe('reg 6.2: key lines', () => {
  describe('leading blanks before "["', () => {
    for (const [label, indent] of [
      ['two spaces', '  '],
      ['a tab', '\t'],
      ['space, tab, space', ' \t '],
      ['three tabs', '\t\t\t'],
    ]) {
      it(`opens the key after ${label}`, () => {
        const line = `${indent}[${BASE}]`;
        const text = noKeyFile(line, '"Wine2a"="Value"');
        clean(text);
        const rec = parse(text).records[2];
        assert.strictEqual(rec.kind, Kind.Key);
        assert.strictEqual(rec.name, BASE);
        assert.strictEqual(rec.nameStart, indent.length + 1);
        assert.strictEqual(rec.nameEnd, line.length - 1);
        assert.deepStrictEqual(importedNames(text), ['Wine2a']);
      });
    }
  });

  describe('the key path runs to the last "]" on the line', () => {
    it('keeps text after the last "]" out of the name', () => {
      const text = noKeyFile(`[${BASE}] ;comment`, '"a"="b"');
      clean(text);
      assert.strictEqual(parse(text).records[2].name, BASE);
    });

    it('tolerates a "]" inside the name when another "]" follows, and warns', () => {
      const line = `[${BASE}\\Sub]key]`;
      const text = noKeyFile(line);
      const rec = parse(text).records[2];
      assert.strictEqual(rec.kind, Kind.Key);
      assert.strictEqual(rec.name, `${BASE}\\Sub]key`);
      const at = line.indexOf(']');
      diagAt(text, 'reg.key-bracket-in-name', 2, at, line.length - 1);
    });

    it('puts a trailing "; comment]" into the name', () => {
      const line = `[${BASE}] ;see KB]`;
      const text = noKeyFile(line);
      assert.strictEqual(parse(text).records[2].name, `${BASE}] ;see KB`);
      diagAt(text, 'reg.key-bracket-in-name', 2, BASE.length + 1, line.length - 1);
    });

    it('accepts "[", "\\" and "/" and quotes in key names', () => {
      for (const name of [`${BASE}\\Subkey"1`, `${BASE}\\Subkey/2`, `${BASE}\\https://winehq.org`, `${BASE}\\a[b`]) {
        const text = noKeyFile(`[${name}]`);
        clean(text);
        assert.strictEqual(parse(text).records[2].name, name);
      }
    });
  });

  describe('a blank right after "[" makes regedit ignore the line', () => {
    for (const [label, line] of [
      ['a space', `[ ${BASE}\\Subkey1a]`],
      ['a tab', `[\t${BASE}\\Subkey1b]`],
    ]) {
      it(`ignores "[" followed by ${label}`, () => {
        const text = noKeyFile(line);
        assert.strictEqual(parse(text).records[2].kind, Kind.KeyIgnored);
        diagAt(text, 'reg.key-blank-after-bracket', 2, 0, line.length);
      });
    }

    it('leaves the previously opened key open, so the values below still go there', () => {
      const text = regFile(`[ ${BASE}\\Subkey1a]`, '"v"="1"');
      onlyCodes(text, ['reg.key-blank-after-bracket']);
      assert.deepStrictEqual(importedNames(text), ['v']);
    });

    it('writes the values below nowhere when no key was open before, and lists them in its one finding', () => {
      const text = noKeyFile(`[ ${BASE}]`, '"v"="1"');
      onlyCodes(text, ['reg.key-blank-after-bracket']);
      assert.deepStrictEqual(relatedAt(diagAt(text, 'reg.key-blank-after-bracket', 2, 0, BASE.length + 3)), [[3, 'a value that is written nowhere']]);
    });
  });

  describe('blanks before "]" are part of the key name', () => {
    for (const [label, blank] of [
      ['a space', ' '],
      ['a tab', '\t'],
      ['two spaces', '  '],
    ]) {
      it(`creates a key whose name ends with ${label}, and warns`, () => {
        const line = `[${BASE}\\Subkey1c${blank}]`;
        const text = noKeyFile(line, '"v"="1"');
        const rec = parse(text).records[2];
        assert.strictEqual(rec.kind, Kind.Key);
        assert.strictEqual(rec.name, `${BASE}\\Subkey1c${blank}`);
        const d = diagAt(text, 'reg.key-trailing-blank', 2, line.length - 1 - blank.length, line.length - 1);
        assert.deepStrictEqual(d.data, { deleteFrom: line.length - 1 - blank.length, deleteTo: line.length - 1 });
        noCode(text, 'reg.value-without-key');
      });
    }

    it('treats "Sub " and "Sub" as two different keys', () => {
      const text = noKeyFile(`[${BASE}\\Sub ]`, `[${BASE}\\Sub]`);
      noCode(text, 'reg.duplicate-key');
    });
  });

  describe('brackets missing', () => {
    it('ignores a key path without "[" (no key created) and says so', () => {
      const line = `${BASE}\\No_Opening_Bracket]`;
      const text = noKeyFile(line);
      const rec = parse(text).records[2];
      assert.strictEqual(rec.kind, Kind.Ignored);
      const d = diagAt(text, 'reg.key-missing-opening-bracket', 2, 0, line.length);
      assert.deepStrictEqual(d.data, { insertAt: 0 });
    });

    it('ignores a key line without "]" (no key created) and says so', () => {
      const line = `[${BASE}\\No_Closing_Bracket`;
      const text = noKeyFile(line);
      assert.strictEqual(parse(text).records[2].kind, Kind.KeyIgnored);
      const d = diagAt(text, 'reg.key-missing-closing-bracket', 2, 0, line.length);
      assert.deepStrictEqual(d.data, { insertAt: line.length });
    });

    it('keeps the previous key open after either line, so values still go there', () => {
      for (const bad of [`${BASE}\\No_Opening_Bracket]`, `[${BASE}\\No_Closing_Bracket`]) {
        const text = regFile(bad, '"v"="1"');
        assert.deepStrictEqual(importedNames(text), ['v']);
        noCode(text, 'reg.value-without-key');
      }
    });
  });

  describe('a key name cannot continue on the next line', () => {
    it('does not join "...\\" and "Subkey1]"', () => {
      const text = noKeyFile(`[${BASE}\\`, 'Subkey1]');
      const doc = parse(text);
      assert.strictEqual(doc.records[2].kind, Kind.KeyIgnored);
      assert.strictEqual(doc.records[3].kind, Kind.Ignored);
      assert.ok(!doc.records.some((r) => r.kind === Kind.Key));
      assert.deepStrictEqual(codesOn(text, 2), ['reg.key-missing-closing-bracket']);
      assert.deepStrictEqual(codesOn(text, 3), ['reg.line-ignored']);
    });

    it('does not join "[..." and "\\Subkey2]"', () => {
      const text = noKeyFile(`[${BASE}`, '\\Subkey2]');
      const doc = parse(text);
      assert.strictEqual(doc.records[2].kind, Kind.KeyIgnored);
      assert.strictEqual(doc.records[3].kind, Kind.Ignored);
      assert.ok(!doc.records.some((r) => r.kind === Kind.Key));
    });
  });

  describe('trailing backslashes', () => {
    it('opens "...\\Subkey1e\\" as the same key as "...\\Subkey1e"', () => {
      const text = noKeyFile(`[${BASE}\\Subkey1e\\]`, '"Wine"="Test value"');
      clean(text);
      assert.strictEqual(parse(text).records[2].kind, Kind.Key);
      // The registry drops the trailing separator: opening both spellings is opening one key twice.
      const twice = noKeyFile(`[${BASE}\\Subkey1e\\]`, '"a"="1"', `[${BASE}\\Subkey1e]`, '"b"="2"');
      diagAt(twice, 'reg.duplicate-key', 4, 1, BASE.length + 10);
    });

    it('accepts two trailing backslashes', () => {
      const text = noKeyFile(`[${BASE}\\Subkey1f\\\\]`, '"Wine"="Test value"');
      clean(text);
      assert.strictEqual(parse(text).records[2].kind, Kind.Key);
    });
  });

  describe('root names', () => {
    for (const root of ['HKEY_LOCAL_MACHINE', 'HKEY_USERS', 'HKEY_CLASSES_ROOT', 'HKEY_CURRENT_CONFIG', 'HKEY_CURRENT_USER']) {
      it(`accepts ${root}`, () => {
        const text = noKeyFile(`[${root}\\Software\\Test]`, '"v"="1"');
        clean(text);
        assert.strictEqual(parse(text).records[2].kind, Kind.Key);
        assert.deepStrictEqual(importedNames(text), ['v']);
      });
    }

    it('accepts a bare root', () => {
      const text = noKeyFile('[HKEY_CURRENT_USER]', '"v"="1"');
      clean(text);
      assert.strictEqual(parse(text).records[2].kind, Kind.Key);
    });

    it('knows HKEY_DYN_DATA but warns that it exists on Windows 9x only', () => {
      const text = noKeyFile('[HKEY_DYN_DATA\\PerfStats]');
      assert.strictEqual(parse(text).records[2].kind, Kind.Key);
      diagAt(text, 'reg.key-dyn-data', 2, 1, 14);
    });

    for (const path of [`hkey_CURRENT_user\\Software\\Subkey3a`, `HkEy_CuRrEnT_uSeR\\Software\\SuBkEy3b`, 'hkey_local_machine\\SOFTWARE']) {
      it(`matches the root case-insensitively: [${path}]`, () => {
        const text = noKeyFile(`[${path}]`, '"v"="1"');
        clean(text);
        assert.strictEqual(parse(text).records[2].kind, Kind.Key);
      });
    }

    it('treats keys that differ only in case as one key', () => {
      const text = noKeyFile(`[${BASE}\\Sub]`, `[${BASE.toLowerCase()}\\SUB]`);
      diagAt(text, 'reg.duplicate-key', 3, 1, BASE.length + 5);
    });

    for (const [abbr, full] of [
      ['HKLM', 'HKEY_LOCAL_MACHINE'],
      ['HKCU', 'HKEY_CURRENT_USER'],
      ['HKCR', 'HKEY_CLASSES_ROOT'],
      ['HKU', 'HKEY_USERS'],
      ['HKCC', 'HKEY_CURRENT_CONFIG'],
      ['hklm', 'HKEY_LOCAL_MACHINE'],
    ]) {
      it(`rejects the abbreviation ${abbr} and offers ${full}`, () => {
        const text = noKeyFile(`[${abbr}\\Software\\Test]`, '"v"="1"');
        assert.strictEqual(parse(text).records[2].kind, Kind.KeyUnopened);
        const d = diagAt(text, 'reg.key-abbreviated-root', 2, 1, 1 + abbr.length);
        assert.deepStrictEqual(d.data, { replacement: full });
        // The key is not opened, so the value is written nowhere: the one finding lists it.
        noCode(text, 'reg.value-without-key');
        assert.deepStrictEqual(relatedAt(d), [[3, 'a value that is written nowhere']]);
      });
    }

    it('rejects an unknown root and suggests the nearest one', () => {
      const text = noKeyFile('[HKEY_CURRENT_USERS\\Software\\Subkey4b]', '"Wine1b"=dword:12345678');
      assert.strictEqual(parse(text).records[2].kind, Kind.KeyUnopened);
      const d = diagAt(text, 'reg.key-unknown-root', 2, 1, 19);
      assert.deepStrictEqual(d.data, { replacement: 'HKEY_CURRENT_USER' });
    });

    it('requires "\\" or the end right after the root', () => {
      const text = noKeyFile('[HKEY_CURRENT_USERX\\Software]');
      assert.strictEqual(parse(text).records[2].kind, Kind.KeyUnopened);
      diagAt(text, 'reg.key-unknown-root', 2, 1, 19);
    });

    it('does not give the values below an unknown root to the previously opened key', () => {
      const text = regFile('"before"="1"', '', '[HKEY_CURRENT_USERS\\Software\\Subkey4b]', '"Wine1b"=dword:12345678');
      assert.deepStrictEqual(codesOn(text, BODY + 3), []);
      noCode(text, 'reg.value-without-key');
      assert.deepStrictEqual(relatedAt(diagAt(text, 'reg.key-unknown-root', BODY + 2, 1, 19)), [[BODY + 3, 'a value that is written nowhere']]);
    });

    it('rejects an empty key name', () => {
      const text = noKeyFile('[]', '"v"="1"');
      assert.strictEqual(parse(text).records[2].kind, Kind.KeyUnopened);
      const d = diagAt(text, 'reg.key-unknown-root', 2, 1, 1);
      assert.deepStrictEqual(relatedAt(d), [[3, 'a value that is written nowhere']]);
      noCode(text, 'reg.value-without-key');
    });
  });

  describe('key deletion [-...]', () => {
    it('deletes the key and closes it: values below go nowhere', () => {
      const line = `[-${BASE}\\Subkey4a]`;
      const text = regFile(line, '"Wine1a"=dword:12345678');
      const rec = parse(text).records[BODY];
      assert.strictEqual(rec.kind, Kind.KeyDelete);
      assert.strictEqual(rec.name, `${BASE}\\Subkey4a`);
      assert.strictEqual(rec.nameStart, 2);
      assert.strictEqual(rec.nameEnd, line.length - 1);
      onlyCodes(text, ['reg.value-without-key']);
      diagAt(text, 'reg.value-without-key', BODY + 1, 0, 8);
    });

    it('accepts deletion lines on their own', () => {
      const text = noKeyFile(`[-${BASE}\\Subkey2a]`, '', `[-${BASE}\\Subkey2b]`);
      clean(text);
      const doc = parse(text);
      assert.strictEqual(doc.records[2].kind, Kind.KeyDelete);
      assert.strictEqual(doc.records[4].kind, Kind.KeyDelete);
    });

    it('matches the root case-insensitively when deleting', () => {
      for (const path of ['HKEY_current_USER\\Software\\sUBKEY3A', 'hKeY_cUrReNt_UsEr\\Software\\sUbKeY3B']) {
        const text = noKeyFile(`[-${path}]`);
        clean(text);
        assert.strictEqual(parse(text).records[2].kind, Kind.KeyDelete);
      }
    });

    for (const [label, line] of [
      ['a space before "-"', `[ -${BASE}\\Subkey2a]`],
      ['a tab before "-"', `[\t-${BASE}\\Subkey2b]`],
    ]) {
      it(`deletes nothing with ${label} (the line is ignored)`, () => {
        const text = noKeyFile(line);
        assert.strictEqual(parse(text).records[2].kind, Kind.KeyIgnored);
        diagAt(text, 'reg.key-blank-after-bracket', 2, 0, line.length);
      });
    }

    for (const [label, line] of [
      ['a space after "-"', `[- ${BASE}\\Subkey2a]`],
      ['a tab after "-"', `[-\t${BASE}\\Subkey2b]`],
    ]) {
      it(`deletes nothing with ${label} (but the open key is closed)`, () => {
        const text = regFile(line, '"v"="1"');
        const rec = parse(text).records[BODY];
        assert.strictEqual(rec.kind, Kind.KeyUnopened);
        const d = diagAt(text, 'reg.key-blank-after-bracket', BODY, 0, line.length);
        assert.deepStrictEqual(relatedAt(d), [[BODY + 1, 'a value that is written nowhere']]);
        assert.match(d.message, / No key is open after this line, so the value below is written nowhere\.$/);
        noCode(text, 'reg.value-without-key');
      });
    }

    for (const line of ['[-HKEY_CURRENT_USER]', '[-HKEY_CURRENT_USER\\]', '[-hkey_local_machine]']) {
      it(`refuses to delete a bare root: ${line}`, () => {
        const text = noKeyFile(line);
        assert.strictEqual(parse(text).records[2].kind, Kind.KeyUnopened);
        diagAt(text, 'reg.key-delete-root', 2, 0, line.length);
      });
    }

    it('rejects a deletion with an unknown or abbreviated root', () => {
      const unknown = noKeyFile('[-HKEY_CURRENT_USERS\\Software\\X]');
      assert.strictEqual(parse(unknown).records[2].kind, Kind.KeyUnopened);
      diagAt(unknown, 'reg.key-unknown-root', 2, 2, 20);
      const abbr = noKeyFile('[-HKCU\\Software\\X]');
      diagAt(abbr, 'reg.key-abbreviated-root', 2, 2, 6);
    });
  });

  describe('name length (registry element size limits)', () => {
    it('accepts a key name of 255 characters', () => {
      const name = 'k'.repeat(255);
      const text = noKeyFile(`[HKEY_CURRENT_USER\\Software\\${name}]`, '"v"="1"');
      clean(text);
      assert.strictEqual(parse(text).records[2].kind, Kind.Key);
    });

    it('rejects a key name of 256 characters: the key is not created', () => {
      const name = 'k'.repeat(256);
      const prefix = '[HKEY_CURRENT_USER\\Software\\';
      const text = noKeyFile(`${prefix}${name}\\Sub]`, '"v"="1"');
      assert.strictEqual(parse(text).records[2].kind, Kind.KeyUnopened);
      const d = diagAt(text, 'reg.key-name-too-long', 2, prefix.length, prefix.length + 256);
      assert.deepStrictEqual(relatedAt(d), [[3, 'a value that is written nowhere']]);
      noCode(text, 'reg.value-without-key');
    });

    it('accepts a long path made of short names', () => {
      const path = Array.from({ length: 40 }, (_, i) => `Segment${i}`).join('\\');
      const text = noKeyFile(`[HKEY_LOCAL_MACHINE\\${path}]`);
      assert.ok(path.length > 255);
      clean(text);
    });
  });

  describe('values with no open key', () => {
    it('writes values before the first key line nowhere: one finding, on the first, lists the others', () => {
      const text = noKeyFile('"early"="1"', '@="2"', `[${BASE}]`, '"late"="3"');
      onlyCodes(text, ['reg.value-without-key']);
      const d = diagAt(text, 'reg.value-without-key', 2, 0, 7);
      assert.match(d.message, /^This value line and the next one have no effect because no key line comes before them\./);
      assert.deepStrictEqual(relatedAt(d), [[3, 'a value that is written nowhere']]);
      noCode(regFile('"late"="3"'), 'reg.value-without-key');
    });
  });
});
