/**
 * Section 6.1: the header line, line endings and the file encoding.
 */
import * as assert from 'assert';
import { decodeBytes } from '../../../../server/src/core/encoding';
import { Kind } from '../../../../server/src/languages/reg/lineRecord';
import { regLanguage } from '../../../../server/src/languages/reg';
import { diagnose, parse } from '../../../helpers/reg';
import { clean, diagAt, importedNames, noCode, onlyCodes, V5 } from './support';

const KEYLINE = '[HKEY_CURRENT_USER\\Software\\Test]';

function withHeader(header: string, eol = '\r\n'): string {
  return [header, '', KEYLINE, '"TestValue"="AValue"', ''].join(eol);
}

/** Encodes text the way a file on disk would hold it. */
function utf16leWithBom(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

describe('reg 6.1: header', () => {
  describe('accepted headers (exact, case-sensitive)', () => {
    it('accepts "Windows Registry Editor Version 5.00"', () => {
      const text = withHeader(V5);
      clean(text);
      assert.strictEqual(parse(text).header, 'v5');
      assert.strictEqual(parse(text).records[0].kind, Kind.Header);
    });

    it('accepts REGEDIT4', () => {
      const text = withHeader('REGEDIT4');
      clean(text);
      assert.strictEqual(parse(text).header, 'v4');
      assert.deepStrictEqual(importedNames(text), ['TestValue']);
    });

    for (const [label, header] of [
      ['four spaces', '    REGEDIT4'],
      ['a tab', '\tREGEDIT4'],
      ['space, tab, space', ' \t REGEDIT4'],
      ['twenty spaces', '                    REGEDIT4'],
      ['a tab and two spaces (version 5)', '\t  Windows Registry Editor Version 5.00'],
      ['two spaces (version 5)', '  Windows Registry Editor Version 5.00'],
    ]) {
      it(`accepts leading blanks before the header: ${label}`, () => {
        const text = withHeader(header);
        clean(text);
        assert.notStrictEqual(parse(text).header, 'invalid');
        assert.deepStrictEqual(importedNames(text), ['TestValue']);
      });
    }
  });

  describe('headers that start with REGEDIT: regedit reports success and imports nothing', () => {
    for (const header of ['REGEDIT 4', 'REGEDIT3', 'REGEDIT5', 'REGEDIT4FOO', 'REGEDIT4 FOO', 'REGEDIT9']) {
      it(`flags "${header}"`, () => {
        const text = withHeader(header);
        diagAt(text, 'reg.header-imports-nothing', 0, 0, header.length);
        noCode(text, 'reg.invalid-header');
        assert.strictEqual(parse(text).header, 'fuzzy');
      });
    }

    it('flags REGEDIT4 with a trailing blank (the whole line is compared) and offers REGEDIT4', () => {
      const text = withHeader('REGEDIT4 ');
      const d = diagAt(text, 'reg.header-imports-nothing', 0, 0, 9);
      assert.deepStrictEqual(d.data, { replacement: 'REGEDIT4' });
    });

    it('starts the range after leading blanks', () => {
      diagAt(withHeader('  REGEDIT5'), 'reg.header-imports-nothing', 0, 2, 10);
    });
  });

  describe('rejected headers (nothing imported)', () => {
    for (const header of [
      'regedit4',
      'Regedit4',
      'Windows Registry Editor Version 4.00',
      'Windows Registry Editor Version 5',
      'WINDOWS REGISTRY EDITOR VERSION 5.00',
      'Windows Registry Editor version 5.00',
      'Windows Registry Editor Version 5.00 ',
      'Windows Registry Editor Version 5.0',
      'REGEDT4',
    ]) {
      it(`rejects "${header}"`, () => {
        const text = withHeader(header);
        diagAt(text, 'reg.invalid-header', 0, 0, header.length);
        noCode(text, 'reg.header-imports-nothing');
        assert.strictEqual(parse(text).header, 'invalid');
      });
    }

    it('offers the correctly cased header for a case mistake', () => {
      assert.deepStrictEqual(diagAt(withHeader('regedit4'), 'reg.invalid-header', 0, 0, 8).data, { replacement: 'REGEDIT4' });
      assert.deepStrictEqual(diagAt(withHeader('windows registry editor version 5.00'), 'reg.invalid-header', 0, 0, 36).data, { replacement: V5 });
    });

    it('rejects a file whose first line is empty (the header must be line 1)', () => {
      const text = ['', V5, '', KEYLINE, '"a"="b"', ''].join('\r\n');
      diagAt(text, 'reg.invalid-header', 0, 0, 0);
    });

    it('rejects a file that starts with a key line and asks to insert the header', () => {
      const text = [KEYLINE, '"a"="b"', ''].join('\r\n');
      const d = diagAt(text, 'reg.invalid-header', 0, 0, KEYLINE.length);
      assert.deepStrictEqual(d.data, { insert: V5 });
    });
  });

  describe('Windows 3.1 format (bare REGEDIT)', () => {
    it('recognises REGEDIT and reads HKEY_CLASSES_ROOT lines as default values', () => {
      const text = ['REGEDIT', 'HKEY_CLASSES_ROOT\\Software\\Test = Value0', ''].join('\r\n');
      const doc = parse(text);
      assert.strictEqual(doc.header, 'win31');
      assert.strictEqual(doc.records[1].kind, Kind.Win31);
      assert.strictEqual(doc.records[1].name, 'HKEY_CLASSES_ROOT\\Software\\Test');
      assert.strictEqual(doc.records[1].str, 'Value0');
      onlyCodes(text, ['reg.win31-format']);
      diagAt(text, 'reg.win31-format', 0, 0, 7);
    });

    it('skips at most one space after "=" and keeps trailing blanks', () => {
      const cases: [string, string][] = [
        [' = Value0', 'Value0'],
        [' =Value1', 'Value1'],
        [' =  Value2', ' Value2'],
        [' = Value3 ', 'Value3 '],
        [' Value4', 'Value4'],
        ['  Value5', 'Value5'],
        ['', ''],
        ['  ', ''],
      ];
      for (const [rest, value] of cases) {
        const doc = parse(['REGEDIT', `HKEY_CLASSES_ROOT\\Software\\Test${rest}`, ''].join('\r\n'));
        assert.strictEqual(doc.records[1].kind, Kind.Win31, rest);
        assert.strictEqual(doc.records[1].str, value, JSON.stringify(rest));
      }
    });

    it('imports the last line without a line break', () => {
      const doc = parse('REGEDIT\r\nHKEY_CLASSES_ROOT\\Software\\Test = No newline');
      assert.strictEqual(doc.records[1].str, 'No newline');
    });

    for (const [label, line] of [
      ['a leading space', ' HKEY_CLASSES_ROOT\\Software\\Test = Value1a'],
      ['a leading tab', '\tHKEY_CLASSES_ROOT\\Software\\Test = Value1c'],
      ['a ; in front', ';HKEY_CLASSES_ROOT\\Software\\Test = Value2a'],
      ['a # in front', '#HKEY_CLASSES_ROOT\\Software\\Test = Value2b'],
      ['lower case', 'hkey_classes_root\\Software\\Test = Value3a'],
      ['mixed case', 'Hkey_Classes_Root\\Software\\Test = Value3c'],
      ['another root', 'HKEY_CURRENT_USER\\Software\\Test = x'],
    ]) {
      it(`ignores a line with ${label}`, () => {
        const text = ['REGEDIT', line, ''].join('\r\n');
        assert.strictEqual(parse(text).records[1].kind, Kind.Ignored);
        diagAt(text, 'reg.win31-line-ignored', 1, 0, line.length);
      });
    }
  });

  describe('line endings: LF, CRLF and bare CR all end a line', () => {
    for (const [label, eol] of [
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['CR', '\r'],
    ]) {
      it(`reads a ${label} file line by line`, () => {
        for (const header of ['REGEDIT4', V5]) {
          const text = [header, '', KEYLINE, '"TestValue4"="DValue"', ''].join(eol);
          clean(text);
          const doc = parse(text);
          assert.strictEqual(doc.lineCount, 5);
          assert.strictEqual(doc.records[2].kind, Kind.Key);
          assert.strictEqual(doc.records[3].kind, Kind.Value);
          assert.strictEqual(doc.records[3].str, 'DValue');
        }
      });
    }

    it('counts CR LF once (no blank line in between) but CR CR as two lines', () => {
      const crlf = parse('REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n"v"="1"');
      assert.strictEqual(crlf.lineCount, 3);
      assert.strictEqual(crlf.records[2].kind, Kind.Value);
      const crcr = parse('REGEDIT4\r\r[HKEY_CURRENT_USER\\A]\r"v"="1"');
      assert.strictEqual(crcr.lineCount, 4);
      assert.strictEqual(crcr.records[1].kind, Kind.Blank);
      assert.strictEqual(crcr.records[2].kind, Kind.Key);
      assert.strictEqual(crcr.records[3].kind, Kind.Value);
    });

    it('reads a file that mixes the three line endings', () => {
      const text = `REGEDIT4\r\n\n${KEYLINE}\r"a"="1"\n"b"="2"\r\n"c"="3"`;
      clean(text);
      assert.deepStrictEqual(importedNames(text), ['a', 'b', 'c']);
    });

    it('imports the last line even without a line break', () => {
      const text = ['REGEDIT4', '', KEYLINE, '"Wine6"=dword:00000050', '', '"Wine7"="No newline"'].join('\n');
      clean(text);
      const doc = parse(text);
      assert.strictEqual(doc.records[5].kind, Kind.Value);
      assert.strictEqual(doc.records[5].str, 'No newline');
      assert.deepStrictEqual(importedNames(text), ['Wine6', 'Wine7']);
    });
  });

  describe('encoding: FF FE means UTF-16LE, anything else is ANSI', () => {
    it('reads hex(2) bytes as UTF-16 in a file with FF FE, whatever the header', () => {
      for (const header of [V5, 'REGEDIT4']) {
        const src = [header, '', KEYLINE, '"Wine9a"=hex(2):4c,00,69,00,6e,00,65,00,00,00', ''].join('\r\n');
        const decoded = decodeBytes(utf16leWithBom(src));
        const doc = regLanguage.parse(decoded.text, { decoded });
        assert.strictEqual(doc.unicode, true, header);
        assert.deepStrictEqual(regLanguage.validate(doc, { decoded }), [], header);
      }
    });

    it('reads hex(2) bytes as ANSI in a file without FF FE, even with the version 5 header', () => {
      const src = [V5, '', KEYLINE, '"Wine9a"=hex(2):4c,69,6e,65,00', ''].join('\r\n');
      const decoded = decodeBytes(ascii(src));
      const doc = regLanguage.parse(decoded.text, { decoded });
      assert.strictEqual(doc.unicode, false);
      assert.deepStrictEqual(regLanguage.validate(doc, { decoded }), []);
      // Without knowing the bytes, a version 5 file is taken to be UTF-16 (that is how regedit exports it),
      // so the same five ANSI bytes are an odd-length UTF-16 string.
      assert.deepStrictEqual(
        diagnose(src).map((d) => d.code),
        ['reg.hex-string-invalid'],
      );
    });

    it('reports a UTF-8 byte order mark: regedit reads the file as ANSI and rejects the header', () => {
      const src = [V5, '', KEYLINE, '"a"="b"', ''].join('\r\n');
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...ascii(src)]);
      const decoded = decodeBytes(bytes);
      const doc = regLanguage.parse(decoded.text, { decoded });
      const ds = regLanguage.validate(doc, { decoded });
      assert.deepStrictEqual(
        ds.map((d) => [d.code, d.range.start.line]),
        [['reg.utf8-bom', 0]],
      );
    });

    it('reports UTF-16 big-endian and UTF-16 without a byte order mark', () => {
      const src = [V5, '', KEYLINE, '"a"="b"', ''].join('\r\n');
      const le = utf16leWithBom(src);
      const be = new Uint8Array(le.length);
      be[0] = 0xfe;
      be[1] = 0xff;
      for (let i = 2; i < le.length; i += 2) {
        be[i] = le[i + 1];
        be[i + 1] = le[i];
      }
      const bigEndian = decodeBytes(be);
      assert.ok(regLanguage.validate(regLanguage.parse(bigEndian.text, { decoded: bigEndian }), { decoded: bigEndian }).some((d) => d.code === 'reg.utf16-big-endian'));
      const noBom = decodeBytes(le.subarray(2));
      assert.ok(regLanguage.validate(regLanguage.parse(noBom.text, { decoded: noBom }), { decoded: noBom }).some((d) => d.code === 'reg.utf16-without-bom'));
      const good = decodeBytes(le);
      assert.deepStrictEqual(regLanguage.validate(regLanguage.parse(good.text, { decoded: good }), { decoded: good }), []);
    });
  });
});

describe('header: trailing blanks after the version 5 header', () => {
  it('says that the blanks are the problem', () => {
    const d = regLanguage.validate(regLanguage.parse('Windows Registry Editor Version 5.00 \r\n'));
    assert.strictEqual(d[0].code, 'reg.invalid-header');
    assert.match(d[0].message, /trailing blanks/);
  });
});
