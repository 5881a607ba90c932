/**
 * Section 6.10: comments and blank lines.
 */
import * as assert from 'assert';
import { Kind } from '../../../../server/src/languages/reg/lineRecord';
import { parse, regFile } from '../../../helpers/reg';
import { BODY, clean, diagAt, importedNames, noCode, v4File } from './support';

describe('reg 6.10: comments and blank lines', () => {
  describe('comment lines', () => {
    for (const [line, kind] of [
      [';comment', Kind.Comment],
      ['  ;comment', Kind.Comment],
      ['\t;comment', Kind.Comment],
      [';', Kind.Comment],
      ['#comment', Kind.HashComment],
      ['    #comment', Kind.HashComment],
      ['#', Kind.HashComment],
    ] as [string, Kind][]) {
      it(`skips ${JSON.stringify(line)} without a diagnostic`, () => {
        const text = regFile(line, '"after"="x"');
        clean(text);
        assert.strictEqual(parse(text).records[BODY].kind, kind);
      });
    }

    it('imports nothing from commented-out values (Comment1-4)', () => {
      const text = v4File('#"Comment1"="Value 1"', ';"Comment2"="Value 2"', '    #"Comment3"="Value 3"', '    ;"Comment4"="Value 4"', '#[HKEY_CURRENT_USER\\Other]', ';[-HKEY_CURRENT_USER\\Software]');
      clean(text);
      assert.deepStrictEqual(importedNames(text), []);
      const doc = parse(text);
      assert.ok(doc.records.every((r) => r.kind !== Kind.Value && r.kind !== Kind.KeyDelete));
      assert.strictEqual(doc.sections.length, 2, 'commented-out key lines start no section');
    });

    it('does not continue a comment with a trailing backslash (Wine1, Wine2)', () => {
      const text = v4File('#comment\\', '"Wine1"="Line 1"', ';comment\\', '"Wine2"="Line 2"');
      clean(text);
      assert.deepStrictEqual(importedNames(text), ['Wine1', 'Wine2']);
      assert.strictEqual(parse(text).records[BODY + 1].kind, Kind.Value);
    });

    it('keeps ; and # inside quotes as data, and ; in a name as part of the name', () => {
      const text = v4File('"Wine15"="#comment1"', '"a;b"=";x"');
      clean(text);
      assert.deepStrictEqual(importedNames(text), ['Wine15', 'a;b']);
    });
  });

  describe('after data, only ; starts a comment', () => {
    it('accepts ; after every kind of data', () => {
      const text = v4File('"s"="x";c', '"d"=dword:1;c', '"h"=hex:01;c', '"x"=-;c', '"e"=hex(2):;c');
      clean(text);
      assert.deepStrictEqual(importedNames(text), ['s', 'd', 'h', 'x', 'e']);
    });

    it('rejects # after every kind of data, each with its own code', () => {
      const text = v4File('"s"="x"#c', '"d"=dword:1#c', '"h"=hex:01#c', '"x"=-#c');
      assert.deepStrictEqual(importedNames(text), []);
      diagAt(text, 'reg.string-trailing-text', BODY, 7, 9);
      diagAt(text, 'reg.dword-invalid', BODY + 1, 10, 13);
      diagAt(text, 'reg.hex-byte-invalid', BODY + 2, 10, 12);
      diagAt(text, 'reg.delete-trailing-text', BODY + 3, 5, 7);
    });

    it('reads "Wine12"="Value 7";"Comment6"="Value 6" as Wine12 plus a comment', () => {
      const text = v4File('"Wine12"="Value 7";"Comment6"="Value 6"');
      clean(text);
      assert.deepStrictEqual(importedNames(text), ['Wine12']);
    });
  });

  describe('blank lines', () => {
    it('ignores any number of blank lines between values (Line1-4)', () => {
      const text = v4File('"Line1"="Value1"', '', '"Line2"="Value2"', '', '', '"Line3"="Value3"', '', '', '', '"Line4"="Value4"', '');
      clean(text);
      assert.deepStrictEqual(importedNames(text), ['Line1', 'Line2', 'Line3', 'Line4']);
    });

    it('treats lines of spaces and tabs as blank', () => {
      const text = v4File('"a"="1"', '   ', '\t\t', ' \t ', '"b"="2"');
      clean(text);
      const doc = parse(text);
      assert.strictEqual(doc.records[BODY + 1].kind, Kind.Blank);
      assert.strictEqual(doc.records[BODY + 2].kind, Kind.Blank);
      assert.deepStrictEqual(importedNames(text), ['a', 'b']);
    });

    it('needs no blank line between keys', () => {
      const text = ['REGEDIT4', '[HKEY_CURRENT_USER\\A]', '"a"="1"', '[HKEY_CURRENT_USER\\B]', '"b"="2"'].join('\r\n');
      clean(text);
      assert.deepStrictEqual(importedNames(text), ['a', 'b']);
    });
  });

  describe('lines regedit ignores', () => {
    it('reports a line that is neither key, value, comment nor blank', () => {
      const line = 'this is not a registry line';
      const text = regFile(line);
      assert.strictEqual(parse(text).records[BODY].kind, Kind.Ignored);
      diagAt(text, 'reg.line-ignored', BODY, 0, line.length);
    });

    it('starts the range after leading blanks', () => {
      diagAt(regFile('   garbage'), 'reg.line-ignored', BODY, 3, 10);
    });

    it('does not report comment lines as ignored', () => {
      noCode(regFile('# not a value', '; nor this'), 'reg.line-ignored');
    });
  });
});
