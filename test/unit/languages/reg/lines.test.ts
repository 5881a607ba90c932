/**
 * How RegDocument keeps its lines: a file with CRLF line breaks throughout is read in place (text and line
 * starts), any other one as line strings; both must read exactly alike, also once the line strings are made.
 */
import * as assert from 'assert';
import { splitLines } from '../../../../server/src/core/text';
import { crlfLineStarts, RegDocument } from '../../../../server/src/languages/reg/document';
import { LineRecord } from '../../../../server/src/languages/reg/lineRecord';
import { scanHeader, scanLine, scanWin31Line } from '../../../../server/src/languages/reg/scan';

const V5 = 'Windows Registry Editor Version 5.00';

function fields(r: LineRecord): unknown[] {
  return [r.kind, r.cont, r.rejected, r.endsWithComma, r.surrogateByte, r.shared, r.name, r.nameStart, r.nameEnd, r.type, r.dataStart, r.dataEnd, r.dword, r.str, r.bytesStart, r.byteCount, r.tail, r.diags];
}

function recordsOf(doc: RegDocument): string {
  return JSON.stringify(doc.records.map(fields));
}

describe('reg: lines kept in place', () => {
  it('finds the line starts of CRLF text only', () => {
    assert.deepStrictEqual(Array.from(crlfLineStarts('a\r\nbc\r\n') ?? []), [0, 3, 7]);
    assert.deepStrictEqual(Array.from(crlfLineStarts('\r\n\r\n') ?? []), [0, 2, 4]);
    assert.strictEqual(crlfLineStarts('no line break'), undefined);
    assert.strictEqual(crlfLineStarts(''), undefined);
    assert.strictEqual(crlfLineStarts('a\nb'), undefined);
    assert.strictEqual(crlfLineStarts('\na\r\nb'), undefined);
    assert.strictEqual(crlfLineStarts('a\r\nb\rc'), undefined);
    assert.strictEqual(crlfLineStarts('a\r\r\nb'), undefined);
    assert.strictEqual(crlfLineStarts('a\r\nb\n'), undefined);
  });

  const texts = [
    `${V5}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"s"="x"\r\n"b"=hex(7):41,00,00,00,\\\r\n  00,00\r\n`,
    `${V5}\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"b"=hex(2):41,00,\\\r\n  d8,00,\\\r\n\r\n  ; gap\r\n  00,dc,00,00\r\n"n"=dword:1\0x`,
    `${V5}\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n"b"=hex:00,\\\n  01\n`,
    `${V5}\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"b"=hex:00,\\\r  01\r\n"c"=-\r\n`,
    `REGEDIT\r\nHKEY_CLASSES_ROOT\\.x = y\r\n`,
    `${V5}`,
    '',
  ];

  it('reads every file as splitLines splits it, in place or not', () => {
    for (const text of texts) {
      const doc = RegDocument.parse(text);
      const split = splitLines(text);
      assert.strictEqual(doc.lineCount, split.lines.length);
      for (let i = 0; i < doc.lineCount; i++) {
        assert.strictEqual(doc.lineText(i), split.lines[i]);
        assert.strictEqual(doc.lineLength(i), split.lines[i].length);
        const src = doc.lineSource(i);
        const at = doc.lineSourceStart(i);
        assert.strictEqual(src.slice(at, at + doc.lineLength(i)), split.lines[i]);
      }
      assert.strictEqual(doc.getText(), text);
      const before = recordsOf(doc);
      assert.deepStrictEqual(doc.lines, split.lines);
      assert.deepStrictEqual(doc.eols, split.eols);
      assert.strictEqual(doc.getText(), text);
      assert.strictEqual(recordsOf(doc), before);
    }
  });

  it('keeps in its line table exactly what the scanner finds, names and strings decoded again from the line', () => {
    const more = [
      `${V5}\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"a\\"b\\\\c\\q"="x\\"y\\\\z\\n" ; c\r\n""="e"\r\n@=-\r\n"n"="s" junk\r\n"u\\0"="v"\r\n"t"=hex(ffffffff):00\r\n"d"=dword:ffffffff\r\n"\u00c9"="\u00e9"\r\n`,
      `${V5}\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"h"=hex:01,\\\r\n  02,d8,\\\r\n\r\n  0x3,04\r\n"g"=hex:01,\\\r\n[HKEY_CURRENT_USER\\B]\r\n`,
      `REGEDIT\r\nHKEY_CLASSES_ROOT\\.x = y\r\nHKEY_CLASSES_ROOT\\.y\r\nother\r\n`,
      // Continuation lines in regedit's layout from column 0, the last one without a comma.
      `${V5}\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n"h"=hex:01,\\\r\n02,03,\\\r\n04,05\r\n"i"=hex:01,\\\r\n06\r\n`,
    ];
    for (const text of [...texts, ...more]) {
      for (const doc of [RegDocument.parse(text), RegDocument.parse(`${text}\n`)]) {
        const head = scanHeader(doc.lineText(0));
        assert.deepStrictEqual(fields(doc.record(0)), fields(head.rec));
        for (let i = 1; i < doc.lineCount; i++) {
          const expected = head.kind === 'win31' ? scanWin31Line(doc.lineText(i)) : scanLine(doc.lineText(i), doc.record(i - 1).cont);
          assert.deepStrictEqual(fields(doc.record(i)), fields(expected), `line ${i} of ${JSON.stringify(text)}`);
        }
      }
    }
  });

  it('scans canonical continuation lines in place exactly as line strings', () => {
    for (const text of texts) {
      const inPlace = RegDocument.parse(text);
      // The same lines with one LF break, so that the file is kept as line strings.
      const asLines = RegDocument.parse(`${text}\n`);
      const a = JSON.parse(recordsOf(inPlace)) as unknown[];
      const b = JSON.parse(recordsOf(asLines)) as unknown[];
      if (crlfLineStarts(text)) assert.deepStrictEqual(b.slice(0, a.length - 1), a.slice(0, a.length - 1));
    }
  });
});
