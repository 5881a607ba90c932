/**
 * RegDocument.update: an edited document reads exactly like a fresh parse of the new text, including where an
 * edit changes how later lines are read (continuation state, the header, bare CR line ends).
 */
import * as assert from 'assert';
import { ContentChange } from '../../../../server/src/core/language';
import { range } from '../../../../server/src/core/types';
import { regLanguage, RegDocument } from '../../../../server/src/languages/reg';
import { Kind } from '../../../../server/src/languages/reg/lineRecord';
import { parse } from '../../../helpers/reg';
import { KEY, V5 } from './support';

function edit(doc: RegDocument, line: number, start: number, endLine: number, end: number, text: string): RegDocument {
  const change: ContentChange = { range: range(line, start, endLine, end), text };
  return regLanguage.update!(doc, [change]);
}

/** The edited document and a fresh parse of its text agree on every record, section and diagnostic. */
function assertSameAsFresh(doc: RegDocument): void {
  const fresh = parse(doc.getText());
  assert.deepStrictEqual(doc.lines, fresh.lines);
  assert.deepStrictEqual(
    doc.records.map((r) => [r.kind, r.cont, r.rejected]),
    fresh.records.map((r) => [r.kind, r.cont, r.rejected]),
  );
  assert.deepStrictEqual(
    doc.sections.map((s) => [s.start, s.length]),
    fresh.sections.map((s) => [s.start, s.length]),
  );
  assert.deepStrictEqual(regLanguage.validate(doc), regLanguage.validate(fresh));
}

describe('reg incremental update', () => {
  it('turns the following lines into continuation lines when ",\\" is typed', () => {
    const doc = parse([V5, '', KEY, '"h"=hex:01,02', '  03,04', '"next"="x"', ''].join('\r\n'));
    assert.strictEqual(doc.records[4].kind, Kind.Ignored);
    edit(doc, 3, 13, 3, 13, ',\\');
    assert.strictEqual(doc.lines[3], '"h"=hex:01,02,\\');
    assert.strictEqual(doc.records[4].kind, Kind.HexContinuation);
    assert.strictEqual(doc.records[5].kind, Kind.Value);
    assertSameAsFresh(doc);
  });

  it('swallows a key line when the value above it gains ",\\", and restores it when removed', () => {
    const doc = parse([V5, '', KEY, '"h"=hex:01', '[HKEY_CURRENT_USER\\B]', '"v"="1"', ''].join('\r\n'));
    assert.strictEqual(doc.sections.length, 3);
    edit(doc, 3, 10, 3, 10, ',\\');
    assert.strictEqual(doc.records[4].kind, Kind.Swallowed);
    assert.strictEqual(doc.sections.length, 2);
    assertSameAsFresh(doc);
    edit(doc, 3, 10, 3, 12, '');
    assert.strictEqual(doc.records[4].kind, Kind.Key);
    assertSameAsFresh(doc);
  });

  it('re-reads the whole file when the header changes', () => {
    const doc = parse(['REGEDIT4', '', KEY, '"a"=hex(2):41,00,00,00', ''].join('\n'));
    assert.strictEqual(doc.unicode, false);
    edit(doc, 0, 0, 0, 8, V5);
    assert.strictEqual(doc.header, 'v5');
    assert.strictEqual(doc.unicode, true);
    assertSameAsFresh(doc);
    edit(doc, 0, 0, 0, V5.length, 'regedit4');
    assert.strictEqual(doc.header, 'invalid');
    assertSameAsFresh(doc);
  });

  it('joins a bare CR with an inserted LF into one line end', () => {
    const doc = parse(`${V5}\r\r${KEY}\r"a"="1"\r"b"="2"`);
    assert.strictEqual(doc.lineCount, 5);
    edit(doc, 4, 0, 4, 0, '\n');
    assert.strictEqual(doc.lineCount, 5);
    assert.strictEqual(doc.eols[3], '\r\n');
    assertSameAsFresh(doc);
  });

  it('keeps the document equal to a fresh parse over a series of edits', () => {
    const doc = parse([V5, '', KEY, '"m"=hex(7):41,00,\\', '  42,00,00,00,00,00', '"d"=dword:1', ''].join('\r\n'));
    const steps: [number, number, number, number, string][] = [
      [4, 0, 4, 0, '#'],
      [3, 0, 3, 0, '[HKEY_CURRENT_USER\\New]\r\n'],
      [5, 0, 5, 1, ''],
      [4, 17, 4, 19, ''],
      [6, 0, 6, 11, '"d"=dword:123456789'],
      [2, 0, 4, 0, ''],
    ];
    for (const [l, c, el, ec, t] of steps) {
      edit(doc, l, c, el, ec, t);
      assertSameAsFresh(doc);
    }
  });
});
