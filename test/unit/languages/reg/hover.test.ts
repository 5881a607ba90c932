/**
 * Hover: the value's data decoded the way the registry will hold it.
 */
import * as assert from 'assert';
import { Hover } from '../../../../server/src/core/language';
import { RegDocument } from '../../../../server/src/languages/reg/document';
import { regHover } from '../../../../server/src/languages/reg/hover';
import { regLanguage } from '../../../../server/src/languages/reg';
import { parse, regFile } from '../../../helpers/reg';
import { BODY, hexOf, noKeyFile, v4File } from './support';

function hover(text: string, line: number, character = 1): Hover {
  const h = regLanguage.hover(parse(text), { line, character });
  assert.ok(h, `no hover on line ${line}`);
  return h;
}

function range(h: Hover): number[] {
  return [h.range.start.line, h.range.start.character, h.range.end.line, h.range.end.character];
}

describe('reg hover', () => {
  describe('dword', () => {
    it('shows the number in decimal and hexadecimal', () => {
      const h = hover(regFile('"Timeout"=dword:00000017'), BODY);
      assert.strictEqual(h.contents, '**"Timeout"**: REG_DWORD\n\nDecimal **23**, hexadecimal 0x00000017');
      assert.deepStrictEqual(range(h), [BODY, 0, BODY, 24]);
    });

    it('shows large values unsigned and short values padded', () => {
      assert.match(hover(regFile('"a"=dword:ffffffff'), BODY).contents, /Decimal \*\*4294967295\*\*, hexadecimal 0xffffffff/);
      assert.match(hover(regFile('"a"=dword:4444'), BODY).contents, /Decimal \*\*17476\*\*, hexadecimal 0x00004444/);
      assert.match(hover(regFile('@=dword:00040000'), BODY).contents, /^\*\*\(Default\)\*\*: REG_DWORD\n\nDecimal \*\*262144\*\*/);
    });

    it('decodes hex(4) as a little-endian and hex(5) as a big-endian number', () => {
      assert.match(hover(regFile('"a"=hex(4):17,00,00,00'), BODY).contents, /Decimal \*\*23\*\*, hexadecimal 0x00000017/);
      assert.match(hover(regFile('"a"=hex(5):00,00,00,17'), BODY).contents, /Decimal \*\*23\*\*, hexadecimal 0x00000017/);
    });
  });

  describe('hex(2) text', () => {
    it('decodes UTF-16LE bytes in a version 5 file and explains expansion', () => {
      const h = hover(regFile(`"Path"=hex(2):${hexOf('%SystemRoot%\\system32\0', true)}`), BODY);
      assert.ok(h.contents.startsWith('**"Path"**: REG_EXPAND_SZ\n\n44 bytes\n\n```text\n%SystemRoot%\\system32\n```'), h.contents);
      assert.match(h.contents, /Environment variables such as %SystemRoot% are expanded/);
    });

    it('decodes one byte per character in a REGEDIT4 file', () => {
      const h = hover(v4File('"Wine11a"=hex(2):25,50,41,54,48,25,00'), BODY);
      assert.match(h.contents, /7 bytes\n\n```text\n%PATH%\n```/);
    });

    it('decodes the bytes of all continuation lines, from any of them', () => {
      const text = v4File('"Wine16"=hex(2):\\', '  25,48,4f,4d,45,25,00');
      for (const line of [BODY, BODY + 1]) assert.match(hover(text, line).contents, /```text\n%HOME%\n```/);
      assert.deepStrictEqual(range(hover(text, BODY + 1)), [BODY + 1, 0, BODY + 1, 22]);
    });

    it('says "Empty string" for zero-length data', () => {
      assert.match(hover(regFile('"a"=hex(2):'), BODY).contents, /0 bytes\n\nEmpty string/);
    });
  });

  describe('hex(7) list', () => {
    it('lists the strings of a UTF-16 multi-string, stopping at the empty string', () => {
      const h = hover(regFile(`"Servers"=hex(7):${hexOf('EX01\0EX02\0\0', true)}`), BODY);
      assert.strictEqual(h.contents, '**"Servers"**: REG_MULTI_SZ\n\n22 bytes\n\n2 strings:\n\n1. `EX01`\n2. `EX02`');
    });

    it('lists the strings of an ANSI multi-string spread over lines', () => {
      const h = hover(v4File('"Wine3"=hex(7):4c,69,6e,65,20,\\', '  63,6f,6e,63,61,74,65,6e,61,74,69,6f,6e,00,00'), BODY + 1);
      assert.match(h.contents, /1 string:\n\n1\. `Line concatenation`$/);
    });

    it('says "Empty list" for a list with no strings', () => {
      assert.match(hover(regFile('"a"=hex(7):00,00'), BODY).contents, /Empty list$/);
    });
  });

  describe('hex(b) number', () => {
    it('shows a QWORD in decimal and hexadecimal', () => {
      const h = hover(regFile('"Big"=hex(b):00,00,00,00,01,00,00,00'), BODY);
      assert.strictEqual(h.contents, '**"Big"**: REG_QWORD\n\n8 bytes\n\nDecimal **4294967296**, hexadecimal 0x0000000100000000');
      assert.match(hover(regFile('"Max"=hex(b):ff,ff,ff,ff,ff,ff,ff,ff'), BODY).contents, /Decimal \*\*18446744073709551615\*\*/);
    });

    it('falls back to a byte dump when the size is wrong', () => {
      const h = hover(regFile('"q"=hex(b):01,02,03,04'), BODY);
      assert.match(h.contents, /4 bytes\n\n```text\n0000  01 02 03 04/);
    });
  });

  describe('other values', () => {
    it('shows a string as a code block', () => {
      assert.strictEqual(hover(regFile('"a"="C:\\\\Exchsrvr\\\\bin"'), BODY).contents, '**"a"**: REG_SZ\n\n```text\nC:\\Exchsrvr\\bin\n```');
      assert.match(hover(regFile('"a"=""'), BODY).contents, /Empty string$/);
    });

    it('shows binary data as a hex dump with ASCII', () => {
      const h = hover(regFile('"b"=hex:41,42,00'), BODY);
      assert.match(h.contents, /REG_BINARY\n\n3 bytes\n\n```text\n0000  41 42 00 +AB\.\n```/);
    });

    it('says that a deletion deletes', () => {
      assert.match(hover(regFile('"a"=-'), BODY).contents, /\*\*deletes\*\* this value/);
    });

    it('says that a rejected line is not imported', () => {
      assert.match(hover(regFile('"a"=dword:123456789'), BODY).contents, /regedit does not import this line/);
    });

    it('says why a value with no open key is not imported', () => {
      assert.match(hover(noKeyFile('"a"="1"'), 2).contents, /_Not imported: no key line comes before it\._$/);
    });

    it('says the true reason in a file without its header whose first line is a key line', () => {
      const text = ['[HKEY_CURRENT_USER\\Software\\A]', '"a"="1"', ''].join('\r\n');
      assert.match(hover(text, 1).contents, /_Not imported: the file has no header line: regedit takes the key line 1 for the header and rejects the whole file\._$/);
    });

    it('describes key lines and deletions', () => {
      const text = noKeyFile('[HKEY_CURRENT_USER\\Software\\A]', '"a"="1"', '"b"=-', '[-HKEY_CURRENT_USER\\Software\\B]');
      const key = hover(text, 2, 3);
      assert.strictEqual(key.contents, '**Key** `HKEY_CURRENT_USER\\Software\\A`\n\nRoot: HKEY_CURRENT_USER\nImporting creates the key if it is missing; this section sets 1 value and deletes 1.');
      assert.deepStrictEqual(range(key), [2, 1, 2, 29]);
      assert.match(hover(text, 5, 3).contents, /^\*\*Deletes key\*\*[^]*deletes this key with all its subkeys/);
    });

    it('describes the header', () => {
      assert.match(hover(regFile(), 0).contents, /Registry Editor version 5 file/);
      assert.match(hover(v4File(), 0).contents, /REGEDIT4 file/);
      assert.match(hover('regedit4\r\n', 0).contents, /Not a header regedit accepts/);
    });

    it('shows nothing on blank and comment lines or outside the document', () => {
      const doc: RegDocument = parse(regFile('', ';comment'));
      assert.strictEqual(regHover(doc, { line: BODY, character: 0 }), undefined);
      assert.strictEqual(regHover(doc, { line: BODY + 1, character: 2 }), undefined);
      assert.strictEqual(regHover(doc, { line: 99, character: 0 }), undefined);
    });
  });
});
