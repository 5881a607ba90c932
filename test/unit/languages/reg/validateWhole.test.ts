/**
 * Whole-result tests of the checks that span sections (validate.ts): values written to no key and what they are
 * folded into, keys opened twice, values set twice across sections, deletions against settings, the order of the
 * findings, the cap on their number and severity overrides. Each case compares the complete diagnostic list.
 * Rules: external-facts section 6.
 */
import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
import { RegDocument } from '../../../../server/src/languages/reg/document';
import { keyContextAt, sectionKeys, validateReg, ValidateOptions } from '../../../../server/src/languages/reg/validate';
import { diagnose } from '../../../helpers/reg';
import { exactly, Finding, relatedAt, V5 } from './support';

const E = 'error';
const W = 'warning';
const I = 'information';
const X = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]';
const DEL_X = '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\X]';

/** A version 5 file: the header, a blank line, then the given lines from line 2 on. */
function file(...body: string[]): string {
  return [V5, '', ...body, ''].join('\r\n');
}

function rows(ds: Diagnostic[]): Finding[] {
  return ds.map((d): Finding => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
}

/** Exactly these findings, without the message length check (for findings whose message grows with a count). */
function all(text: string, expected: Finding[]): Diagnostic[] {
  const ds = diagnose(text);
  assert.deepStrictEqual(rows(ds), expected);
  return ds;
}

function values(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, k) => `"v${k + from}"="x"`);
}

describe('reg validation across sections: whole-result cases', () => {
  describe('values written to no key', () => {
    it('one value, one deletion: the message says which', () => {
      const [set] = exactly(file('"a"="1"'), [['reg.value-without-key', E, 2, 0, 2, 3]]);
      assert.strictEqual(set.message, 'regedit writes this value nowhere because no key line comes before it. Put the value under a [HKEY_…\\…] key line, or remove it.');
      assert.strictEqual(set.related, undefined);
      const [del] = exactly(file('"a"=-'), [['reg.value-without-key', E, 2, 0, 2, 3]]);
      assert.strictEqual(del.message, 'regedit deletes nothing here because no key line comes before it. Put the value under a [HKEY_…\\…] key line, or remove it.');
    });

    it('two values: "the next one", "before them", the second listed', () => {
      const [d] = exactly(file('"a"="1"', '"b"=-'), [['reg.value-without-key', E, 2, 0, 2, 3]]);
      assert.strictEqual(d.message, 'This value line and the next one have no effect because no key line comes before them. Put them under a [HKEY_…\\…] key line, or remove them.');
      assert.deepStrictEqual(relatedAt(d), [[3, 'a value deletion that deletes nothing']]);
    });

    it('three values: "the 2 after it"', () => {
      const [d] = exactly(file('"a"="1"', '"b"="2"', '"c"="3"'), [['reg.value-without-key', E, 2, 0, 2, 3]]);
      assert.ok(d.message.startsWith('This value line and the 2 after it have no effect because no key line comes before them.'), d.message);
      assert.deepStrictEqual(relatedAt(d), [[3, 'a value that is written nowhere'], [4, 'a value that is written nowhere']]);
    });

    it('after a key deletion: the deletion is named, in the singular and the plural', () => {
      const [, one] = exactly(file(X, '"a"="1"', DEL_X, '"b"="2"'), [
        ['reg.set-then-deleted', W, 2, 1, 2, 30],
        ['reg.value-without-key', E, 5, 0, 5, 3],
      ]);
      assert.ok(one.message.startsWith('regedit writes this value nowhere because the key deletion on line 5 closes the open key.'), one.message);
      const [two] = exactly(file(DEL_X, '"a"="1"', '"b"="2"'), [['reg.value-without-key', E, 3, 0, 3, 3]]);
      assert.ok(two.message.startsWith('This value line and the next one have no effect because the key deletion on line 3 closes the open key.'), two.message);
    });

    it('discarded values are not counted', () => {
      exactly(file('"a"=hex:zz', '"b"="1"'), [
        ['reg.hex-byte-invalid', E, 2, 8, 2, 10],
        ['reg.value-without-key', E, 3, 0, 3, 3],
      ]);
      exactly(file('"a"=hex:zz'), [['reg.hex-byte-invalid', E, 2, 8, 2, 10]]);
    });

    it('101 values: all 100 others are listed; 102 values: the first 100 of 101', () => {
      const [d101] = all(file(...values(101)), [['reg.value-without-key', E, 2, 0, 2, 4]]);
      assert.ok(d101.message.startsWith('This value line and the 100 after it have no effect'), d101.message);
      assert.strictEqual(d101.related!.length, 100);
      assert.strictEqual(d101.related![99].range.start.line, 102);
      const [d102] = all(file(...values(102)), [['reg.value-without-key', E, 2, 0, 2, 4]]);
      assert.ok(d102.message.startsWith('This value line and the 101 after it have no effect'), d102.message);
      assert.strictEqual(d102.related!.length, 100);
      assert.strictEqual(d102.related![0].range.start.line, 3);
      assert.strictEqual(d102.related![99].range.start.line, 102);
    });

    it('a file without a header that starts with a key line: only the header finding', () => {
      exactly([X, '"a"="1"', ''].join('\r\n'), [['reg.invalid-header', E, 0, 0, 0, 31]]);
      // The first line is taken for the header, not for a key deletion against the key below.
      exactly([DEL_X, X, '"a"="1"', ''].join('\r\n'), [['reg.invalid-header', E, 0, 0, 0, 32]]);
    });

    it('without a header, values after a later key deletion are still reported for that deletion', () => {
      exactly([X, '"a"="1"', '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Y]', '"b"="1"', ''].join('\r\n'), [
        ['reg.invalid-header', E, 0, 0, 0, 31],
        ['reg.value-without-key', E, 3, 0, 3, 3],
      ]);
    });
    it('a line regedit ignores between them does not part them: one finding', () => {
      const [d] = exactly(file('"a"="1"', 'junk line', '"b"="1"'), [
        ['reg.value-without-key', E, 2, 0, 2, 3],
        ['reg.line-ignored', W, 3, 0, 3, 9],
      ]);
      assert.deepStrictEqual(relatedAt(d), [[4, 'a value that is written nowhere']]);
    });

    it('a file without a header whose first line is not a key line: the values are reported too', () => {
      for (const first of ['x[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]', 'garbage']) {
        const ds = diagnose([first, '"a"="1"', ''].join('\r\n'));
        assert.deepStrictEqual(ds.map((d) => [d.code, d.range.start.line]), [['reg.invalid-header', 0], ['reg.value-without-key', 1]], first);
      }
      // A key line after blanks is still the key line regedit takes for the header.
      exactly([' ' + X, '"a"="1"', ''].join('\r\n'), [['reg.invalid-header', E, 0, 1, 0, 32]]);
    });
  });

  describe('values below a key line regedit cannot open: listed on that line', () => {
    it('a finding that already says "written nowhere" only lists them', () => {
      const [d] = all(file('[HKEY_NOPE\\SOFTWARE\\X]', '"a"="1"', '"b"=-'), [['reg.key-unknown-root', E, 2, 1, 2, 10]]);
      assert.ok(!d.message.includes('No key is open after this line'), d.message);
      assert.deepStrictEqual(relatedAt(d), [[3, 'a value that is written nowhere'], [4, 'a value deletion that deletes nothing']]);
    });

    it('another finding gets the count: "the value below is", "the 2 values below are"', () => {
      const [one] = all(file('[HKEY_LOCAL_MACHINE\\SOFTWARE\\X', '"a"="1"'), [['reg.key-missing-closing-bracket', E, 2, 0, 2, 30]]);
      assert.ok(one.message.endsWith(' No key is open after this line, so the value below is written nowhere.'), one.message);
      assert.deepStrictEqual(relatedAt(one), [[3, 'a value that is written nowhere']]);
      const [two] = all(file('[HKEY_LOCAL_MACHINE\\SOFTWARE\\X', '"a"="1"', '"b"="1"'), [['reg.key-missing-closing-bracket', E, 2, 0, 2, 30]]);
      assert.ok(two.message.endsWith(' No key is open after this line, so the 2 values below are written nowhere.'), two.message);
    });

    it('a key path without "[" after values with no key: two causes, two findings', () => {
      const ds = all(file('"z"="0"', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Y]', '"b"="2"', '"c"=-'), [
        ['reg.value-without-key', E, 2, 0, 2, 3],
        ['reg.key-missing-opening-bracket', E, 3, 0, 3, 30],
      ]);
      assert.strictEqual(ds[0].related, undefined);
      assert.ok(ds[1].message.endsWith('so the 2 values below are written nowhere.'), ds[1].message);
      assert.deepStrictEqual(relatedAt(ds[1]), [[4, 'a value that is written nowhere'], [5, 'a value deletion that deletes nothing']]);
    });

    it('a line with another finding besides the one that leaves no key open (a NUL) still lists them', () => {
      const ds = all(file('"a"="1"', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Y]\0x', '"b"="1"'), [
        ['reg.value-without-key', E, 2, 0, 2, 3],
        ['reg.key-missing-opening-bracket', E, 3, 0, 3, 30],
        ['reg.nul-character', E, 3, 30, 3, 32],
      ]);
      assert.strictEqual(ds[0].related, undefined);
      assert.deepStrictEqual(relatedAt(ds[1]), [[4, 'a value that is written nowhere']]);
      const [root] = all(file('[HKEY_NOPE\\X]\0x', '"b"="1"'), [
        ['reg.key-unknown-root', E, 2, 1, 2, 10],
        ['reg.nul-character', E, 2, 13, 2, 15],
      ]);
      assert.deepStrictEqual(relatedAt(root), [[3, 'a value that is written nowhere']]);
    });

    it('101 values below: 100 listed, 101 counted', () => {
      const [d] = all(file('[HKEY_LOCAL_MACHINE\\SOFTWARE\\X', ...values(101)), [['reg.key-missing-closing-bracket', E, 2, 0, 2, 30]]);
      assert.ok(d.message.endsWith('so the 101 values below are written nowhere.'), d.message);
      assert.strictEqual(d.related!.length, 100);
    });
  });

  describe('keys opened twice and values set twice across sections', () => {
    it('a key opened three times: each later opening points at the first; a value set in one and deleted in another', () => {
      const ds = exactly(file(X, '"a"="1"', X, '"b"="1"', X, '"a"=-'), [
        ['reg.duplicate-value', W, 3, 0, 3, 7],
        ['reg.duplicate-key', I, 4, 1, 4, 30],
        ['reg.duplicate-key', I, 6, 1, 6, 30],
      ]);
      assert.ok(ds[0].message.startsWith('"a" is deleted on line 8, so this setting is undone'), ds[0].message);
      assert.deepStrictEqual(relatedAt(ds[0]), [[7, 'the line that wins']]);
      assert.deepStrictEqual(ds.slice(1).map(relatedAt), [[[2, 'first opened here']], [[2, 'first opened here']]]);
      assert.ok(ds[1].message.startsWith('This key is already opened on line 3;'), ds[1].message);
    });

    it('spelled differently (case, trailing "\\"), the same key', () => {
      exactly(file(X, '"a"="1"', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\x\\]', '"A"="2"', '"b"="1"'), [
        ['reg.duplicate-value', W, 3, 0, 3, 7],
        ['reg.duplicate-key', I, 4, 1, 4, 31],
      ]);
    });

    it('a value set twice in one of the sections is reported once, within that section', () => {
      const ds = exactly(file(X, '"a"="1"', '"a"="2"', X, '"a"="3"'), [
        ['reg.duplicate-value', W, 3, 0, 3, 7],
        ['reg.duplicate-value', W, 4, 0, 4, 7],
        ['reg.duplicate-key', I, 5, 1, 5, 30],
      ]);
      assert.deepStrictEqual(ds.slice(0, 2).map(relatedAt), [[[4, 'the line that wins']], [[6, 'the line that wins']]]);
    });

    it('a discarded value is not one of the values set twice', () => {
      exactly(file(X, '"a"=hex:zz', X, '"a"="1"'), [
        ['reg.hex-byte-invalid', E, 3, 8, 3, 10],
        ['reg.duplicate-key', I, 4, 1, 4, 30],
      ]);
    });

    it('the complete finding: range, severity, code, message, source, related, and no data', () => {
      assert.deepStrictEqual(diagnose(file(X, '"a"="1"', X)), [
        {
          range: { start: { line: 4, character: 1 }, end: { line: 4, character: 30 } },
          severity: I,
          code: 'reg.duplicate-key',
          message: 'This key is already opened on line 3; regedit applies both places in order, which makes the file harder to review. Consider moving these values under the first occurrence.',
          source: 'exchange-config',
          related: [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 30 } }, message: 'first opened here' }],
        },
      ]);
    });

    it('a deleted key opened again is a key opened twice; no duplicate without a key', () => {
      exactly(file(DEL_X, X, '"a"="1"'), [['reg.deleted-then-set', I, 3, 1, 3, 30]]);
      exactly(file(X, '"a"="1"', DEL_X, X, '"a"="1"'), [
        ['reg.set-then-deleted', W, 2, 1, 2, 30],
        ['reg.duplicate-value', W, 3, 0, 3, 7],
        ['reg.deleted-then-set', I, 5, 1, 5, 30],
        ['reg.duplicate-key', I, 5, 1, 5, 30],
      ]);
    });
  });

  describe('deletions against settings', () => {
    it('a subkey set before and after the deletion of its parent; a sibling whose name starts the same is not affected', () => {
      const ds = exactly(file('[HKEY_LOCAL_MACHINE\\SOFTWARE\\X\\Y]', '"a"="1"', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\XY]', DEL_X, '[HKEY_LOCAL_MACHINE\\SOFTWARE\\X\\Y\\Z]'), [
        ['reg.set-then-deleted', W, 2, 1, 2, 32],
        ['reg.deleted-then-set', I, 6, 1, 6, 34],
      ]);
      assert.strictEqual(ds[0].message, 'Line 6 deletes [HKEY_LOCAL_MACHINE\\SOFTWARE\\X] later in this file, which removes this key and everything set under it here. Remove the deletion or these settings, whichever is not intended.');
      assert.deepStrictEqual(relatedAt(ds[0]), [[5, 'the later deletion']]);
      assert.deepStrictEqual([ds[0].related![0].range.start.character, ds[0].related![0].range.end.character], [2, 31]);
      assert.ok(ds[1].message.startsWith('Line 6 deletes [HKEY_LOCAL_MACHINE\\SOFTWARE\\X] earlier in this file'), ds[1].message);
      assert.deepStrictEqual(relatedAt(ds[1]), [[5, 'the earlier deletion']]);
    });

    it('a key deleted twice and set once: one finding per deletion', () => {
      exactly(file(DEL_X, X, DEL_X), [
        ['reg.deleted-then-set', I, 3, 1, 3, 30],
        ['reg.set-then-deleted', W, 3, 1, 3, 30],
      ]);
    });

    it('two deletions before a setting: one finding each, in the order of the deletions', () => {
      const ds = exactly(file(DEL_X, DEL_X, X), [
        ['reg.deleted-then-set', I, 4, 1, 4, 30],
        ['reg.deleted-then-set', I, 4, 1, 4, 30],
      ]);
      assert.deepStrictEqual(ds.map(relatedAt), [[[2, 'the earlier deletion']], [[3, 'the earlier deletion']]]);
    });

    it('a deletion of the root path of another key only: nothing', () => {
      exactly(file('[HKEY_LOCAL_MACHINE\\SOFTWARE\\XY]', DEL_X), []);
    });
  });

  describe('where the values of a section go', () => {
    it('the open key, or why none is open; an ignored key line leaves the key open', () => {
      const doc = RegDocument.parse(file(X, '"a"="1"', '[HKEY_NOPE\\X]', '"b"="1"', DEL_X, '"c"="1"', X, '[ HKEY_LOCAL_MACHINE\\Y]', '"d"="1"'));
      const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\X';
      const contexts = doc.sections.map((_, i) => keyContextAt(doc, i));
      assert.deepStrictEqual(contexts, [
        { key: undefined, why: 'no key line comes before it' },
        { key, line: 2, why: '' },
        { key: undefined, why: 'the key on line 5 could not be opened' },
        { key: undefined, why: 'the key deletion on line 7 closes the open key' },
        { key, line: 8, why: '' },
        { key, line: 8, why: '' },
      ]);
      assert.deepStrictEqual(sectionKeys(doc), contexts.map((c) => c.key));
    });

    it('a file without a header whose first line is a key line: no key, and why', () => {
      const doc = RegDocument.parse([X, '"a"="1"', ''].join('\r\n'));
      assert.deepStrictEqual(keyContextAt(doc, 0), {
        key: undefined,
        why: 'the file has no header line: regedit takes the key line 1 for the header and rejects the whole file',
      });
      assert.deepStrictEqual(sectionKeys(doc), [undefined]);
    });
  });

  describe('options: cap and severity overrides', () => {
    const text = file('"a"="1"', X, '"b"="1"', '"b"="2"', X);
    const parse = (): RegDocument => RegDocument.parse(text);
    const run = (options: ValidateOptions): Finding[] => rows(validateReg(parse(), options));

    it('without options: all findings in position order', () => {
      assert.deepStrictEqual(run({}), [
        ['reg.value-without-key', E, 2, 0, 2, 3],
        ['reg.duplicate-value', W, 4, 0, 4, 7],
        ['reg.duplicate-key', I, 6, 1, 6, 30],
      ]);
    });

    it('the cap keeps the first findings, also within a section', () => {
      assert.deepStrictEqual(run({ maxDiagnostics: 2 }), [
        ['reg.value-without-key', E, 2, 0, 2, 3],
        ['reg.duplicate-value', W, 4, 0, 4, 7],
      ]);
      assert.deepStrictEqual(run({ maxDiagnostics: 1 }), [['reg.value-without-key', E, 2, 0, 2, 3]]);
      assert.deepStrictEqual(run({ maxDiagnostics: 0 }), []);
    });

    it('an override changes the severity, "off" drops the code before the cap counts', () => {
      assert.deepStrictEqual(run({ severityOverrides: { 'reg.duplicate-key': 'warning', 'reg.value-without-key': 'off' }, maxDiagnostics: 2 }), [
        ['reg.duplicate-value', W, 4, 0, 4, 7],
        ['reg.duplicate-key', W, 6, 1, 6, 30],
      ]);
    });
  });
});
