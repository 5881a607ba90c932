/**
 * Property tests: any text parses without throwing and yields well-formed diagnostics in bounded time, and an
 * incrementally edited document always equals a fresh parse of the same text.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { splitLines } from '../../../../server/src/core/text';
import { Diagnostic } from '../../../../server/src/core/types';
import { regLanguage, RegDocument } from '../../../../server/src/languages/reg';

/** Fragments that exercise the interesting states: headers, keys, values, continuation, comments, odd characters. */
const fragment = fc.constantFrom(
  'Windows Registry Editor Version 5.00',
  'REGEDIT4',
  'REGEDIT',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]',
  '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\A]',
  '[HKLM\\X]',
  '[ HKEY_CURRENT_USER\\B]',
  '"v"="s"',
  '"v"=dword:0000000a',
  '@=-',
  '"h"=hex:01,02,\\',
  '"m"=hex(7):41,00,00,00,\\',
  '  03,04,\\',
  '  05',
  '; comment',
  '# hash',
  '"x"=hex(2):41,00',
  '"q"=hex(b):01,02,03,04,05,06,07,08',
  'garbage',
  '\0',
  '\uD800',
  '"',
  '\\',
  ',',
  '=',
  ' ',
  '\t',
  '',
);
const eol = fc.constantFrom('\r\n', '\n', '\r');
const regText = fc
  .array(fc.tuple(fc.oneof(fragment, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 })), eol), { maxLength: 40 })
  .map((parts) => parts.map(([a, b]) => a + b).join(''));

function checkWellFormed(diags: Diagnostic[], text: string): void {
  const { lines } = splitLines(text);
  for (const d of diags) {
    assert.ok(typeof d.code === 'string' && d.code.length > 0);
    assert.ok(d.message.length > 0);
    const { start, end } = d.range;
    assert.ok(start.line >= 0 && start.line < lines.length, `start line ${start.line} in ${lines.length} lines`);
    assert.ok(end.line >= start.line && end.line < lines.length);
    assert.ok(start.character >= 0 && start.character <= lines[start.line].length, `start char ${start.character} of ${JSON.stringify(lines[start.line])}`);
    assert.ok(end.character >= 0 && end.character <= lines[end.line].length, `end char ${end.character} of ${JSON.stringify(lines[end.line])}`);
    assert.ok(end.line > start.line || end.character >= start.character);
  }
}

function snapshot(doc: RegDocument): unknown {
  return regLanguage.validate(doc);
}

describe('reg: properties', () => {
  it('never throws and reports in-range diagnostics for any text', () => {
    fc.assert(
      fc.property(regText, (text) => {
        const doc = regLanguage.parse(text);
        checkWellFormed(regLanguage.validate(doc), text);
        regLanguage.symbols(doc);
        regLanguage.folding(doc);
        for (let line = 0; line < doc.lineCount; line++) regLanguage.hover(doc, { line, character: 1 });
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary strings, including lone surrogates and NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const doc = regLanguage.parse(text);
        checkWellFormed(regLanguage.validate(doc), text);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the text exactly (getText round-trips)', () => {
    fc.assert(
      fc.property(regText, (text) => {
        assert.strictEqual(RegDocument.parse(text).getText(), text);
      }),
      { numRuns: 200 },
    );
  });

  it('an incrementally edited document equals a fresh parse', () => {
    const edit = fc.record({
      start: fc.nat(),
      length: fc.nat({ max: 30 }),
      insert: fc.oneof(fc.constantFrom('\r\n', '\n', '\r', ',\\', '[', ']', '"', 'x', '\r\n[HKEY_CURRENT_USER\\Z]\r\n', '  01,02,\\\n'), fragment),
    });
    fc.assert(
      fc.property(regText, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        const doc = RegDocument.parse(text);
        let current = text;
        for (const e of edits) {
          // Validate between edits, as the server does, so that cached section analyses are reused.
          snapshot(doc);
          const start = current.length === 0 ? 0 : e.start % (current.length + 1);
          const end = Math.min(current.length, start + e.length);
          const range = { start: offsetToPosition(current, start), end: offsetToPosition(current, end) };
          // Offsets inside a CRLF pair move before the CR, as LSP positions do.
          current = current.slice(0, positionToOffset(current, range.start)) + e.insert + current.slice(positionToOffset(current, range.end));
          doc.update([{ range, text: e.insert }]);
          assert.strictEqual(doc.getText(), current);
        }
        assert.deepStrictEqual(snapshot(doc), snapshot(RegDocument.parse(current)));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
  });
});

/** LSP position of an offset; a position inside a CRLF pair is not representable, so it moves before the CR. */
function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  const { lines, eols } = splitLines(text);
  let pos = 0;
  for (let line = 0; line < lines.length; line++) {
    const len = lines[line].length;
    if (offset <= pos + len) return { line, character: offset - pos };
    const next = pos + len + eols[line].length;
    if (offset < next) return { line, character: len };
    pos = next;
  }
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function positionToOffset(text: string, pos: { line: number; character: number }): number {
  const { lines, eols } = splitLines(text);
  let offset = 0;
  for (let line = 0; line < pos.line; line++) offset += lines[line].length + eols[line].length;
  return offset + pos.character;
}
