/**
 * Outline (keys with their values as children) and folding (one range per key, one per multi-line value).
 */
import * as assert from 'assert';
import { DocumentSymbol } from '../../../../server/src/core/language';
import { regLanguage } from '../../../../server/src/languages/reg';
import { parse } from '../../../helpers/reg';
import { V5 } from './support';

function file(...ls: string[]): string {
  return [V5, '', ...ls, ''].join('\r\n');
}

function r(s: DocumentSymbol, which: 'range' | 'selectionRange' = 'range'): number[] {
  const x = s[which];
  return [x.start.line, x.start.character, x.end.line, x.end.character];
}

function outline(s: DocumentSymbol): unknown {
  return { name: s.name, kind: s.kind, detail: s.detail, children: s.children?.map(outline) };
}

const A = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]';
const B = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\B]';

describe('reg symbols and folding', () => {
  describe('outline', () => {
    it('lists keys with their values as children', () => {
      const text = file(A, '"s"="x"', '"d"=dword:1', '@="def"', '', B, '"h"=hex:01,\\', '  02', '"gone"=-', '');
      const symbols = regLanguage.symbols(parse(text));
      assert.deepStrictEqual(symbols.map(outline), [
        {
          name: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\A',
          kind: 'namespace',
          detail: undefined,
          children: [
            { name: 's', kind: 'property', detail: 'REG_SZ', children: undefined },
            { name: 'd', kind: 'property', detail: 'REG_DWORD', children: undefined },
            { name: '@', kind: 'property', detail: 'REG_SZ', children: undefined },
          ],
        },
        {
          name: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\B',
          kind: 'namespace',
          detail: undefined,
          children: [
            { name: 'h', kind: 'property', detail: 'REG_BINARY', children: undefined },
            { name: 'gone', kind: 'property', detail: 'deletion', children: undefined },
          ],
        },
      ]);
    });

    it('gives each key the range up to its last non-blank line and selects the key path', () => {
      const text = file(A, '"s"="x"', '', '', B, '"h"=hex:01,\\', '  02');
      const [a, b] = regLanguage.symbols(parse(text));
      assert.deepStrictEqual(r(a), [2, 0, 3, 7]);
      assert.deepStrictEqual(r(a, 'selectionRange'), [2, 1, 2, A.length - 1]);
      assert.deepStrictEqual(r(b), [6, 0, 8, 4]);
    });

    it('makes a value span its continuation lines and selects its name', () => {
      const text = file(A, '  "h"=hex:01,\\', '', '  02,03');
      const [h] = regLanguage.symbols(parse(text))[0].children ?? [];
      assert.deepStrictEqual(r(h), [3, 0, 5, 7]);
      assert.deepStrictEqual(r(h, 'selectionRange'), [3, 2, 3, 5]);
    });

    it('marks deleted keys and values regedit does not import', () => {
      const text = file('[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Old]', A, '"bad"=dword:xyz');
      const [del, a] = regLanguage.symbols(parse(text));
      assert.strictEqual(del.detail, 'deleted');
      assert.deepStrictEqual(del.children, []);
      assert.strictEqual(a.children?.[0].detail, 'not imported');
    });

    it('lists values outside any key at the top level', () => {
      const text = file('"early"="1"', A, '"late"="2"');
      assert.deepStrictEqual(
        regLanguage.symbols(parse(text)).map((s) => [s.name, s.kind]),
        [
          ['early', 'property'],
          ['HKEY_LOCAL_MACHINE\\SOFTWARE\\A', 'namespace'],
        ],
      );
    });

    it('does not turn ignored or swallowed key lines into keys', () => {
      const text = file(A, '"h"=hex:01,\\', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Swallowed]', '[ HKEY_LOCAL_MACHINE\\SOFTWARE\\Ignored]', '"v"="1"');
      const names = regLanguage.symbols(parse(text)).map((s) => s.name);
      assert.deepStrictEqual(names, ['HKEY_LOCAL_MACHINE\\SOFTWARE\\A', 'v']);
    });
  });

  describe('folding', () => {
    it('folds each key from its line to its last non-blank line, and each multi-line value', () => {
      const text = file(A, '"s"="x"', '"h"=hex:01,\\', '  02,\\', '  03', '', B, '"t"="y"', '', '');
      assert.deepStrictEqual(regLanguage.folding(parse(text)), [
        { startLine: 2, endLine: 6 },
        { startLine: 4, endLine: 6 },
        { startLine: 8, endLine: 9 },
      ]);
    });

    it('does not fold a key without values or a one-line value', () => {
      assert.deepStrictEqual(regLanguage.folding(parse(file(A, '', B, '"s"="x"'))), [{ startLine: 4, endLine: 5 }]);
    });

    it('folds per key whatever the line endings', () => {
      for (const eol of ['\n', '\r']) {
        const text = [V5, '', A, '"s"="x"', B, '"t"="y"'].join(eol);
        assert.deepStrictEqual(regLanguage.folding(parse(text)), [
          { startLine: 2, endLine: 3 },
          { startLine: 4, endLine: 5 },
        ]);
      }
    });
  });
});
