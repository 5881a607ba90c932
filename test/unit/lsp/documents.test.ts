import * as assert from 'assert';
import fc from 'fast-check';
import { LanguageService } from '../../../server/src/core/language';
import { DocumentStore } from '../../../server/src/lsp/documents';
import { regLanguage } from '../../../server/src/languages/reg';

/** A language whose incremental update always throws, and whose parse throws on demand. */
function fragileLanguage(): LanguageService<string> & { failParse: boolean } {
  return {
    id: 'fragile',
    extensions: ['.fragile'],
    failParse: false,
    parse(text: string) {
      if (this.failParse) throw new Error('parse exploded');
      return text;
    },
    update() {
      throw new Error('update exploded');
    },
    validate: () => [],
    hover: () => undefined,
    symbols: () => [],
    folding: () => [],
  };
}

describe('lsp: document store', () => {
  it('falls back to a full parse when an incremental update throws', () => {
    const lang = fragileLanguage();
    const logs: string[] = [];
    const store = new DocumentStore((m) => logs.push(m), () => lang as LanguageService);
    store.open('file:///a.fragile', 'fragile', 1, 'abc');
    const doc = store.change('file:///a.fragile', 2, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: 'X' }]);
    assert.strictEqual(doc?.parsed, 'aXc');
    assert.strictEqual(doc?.failure, undefined);
    assert.match(logs.join('\n'), /update exploded/);
  });

  it('keeps a parse failure on its own document', () => {
    const lang = fragileLanguage();
    const store = new DocumentStore(() => undefined, (id) => (id === 'fragile' ? (lang as LanguageService) : regLanguage.id === id ? (regLanguage as LanguageService) : undefined));
    lang.failParse = true;
    const bad = store.open('file:///b.fragile', 'fragile', 1, 'x');
    const good = store.open('file:///c.reg', 'reg', 1, 'REGEDIT4\n');
    assert.match(bad.failure ?? '', /parse exploded/);
    assert.strictEqual(good.failure, undefined);
    assert.ok(good.parsed);
  });

  it('applies incremental changes to .reg documents', () => {
    const store = new DocumentStore(() => undefined);
    store.open('file:///d.reg', 'reg', 1, 'REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n"x"=dword:1\r\n');
    const doc = store.change('file:///d.reg', 2, [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 11 } }, text: '23456789' }]);
    const diags = regLanguage.validate(doc?.parsed as never);
    assert.deepStrictEqual(diags.map((d) => d.code), ['reg.dword-too-long']);
    assert.strictEqual(doc?.text.getText(), 'REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n"x"=dword:123456789\r\n');
  });
});

describe('lsp: document store, text model', () => {
  it('takes a reversed range start first in the text and in the incremental .reg parse', () => {
    const store = new DocumentStore(() => undefined);
    store.open('file:///r.reg', 'reg', 1, 'REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n"x"=dword:1\r\n');
    const doc = store.change('file:///r.reg', 2, [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 10 } }, text: '123456789' }]);
    assert.strictEqual(doc?.text.getText(), 'REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n"x"=dword:123456789\r\n');
    assert.deepStrictEqual(regLanguage.validate(doc?.parsed as never).map((d) => d.code), ['reg.dword-too-long']);
  });

  it('keeps line offsets right after an edit joins a CR with an LF', () => {
    const store = new DocumentStore(() => undefined);
    store.open('file:///j.ldif', 'ldif', 1, 'a\rX\nb\nc');
    // Deleting the X joins the CR and the LF into one line break: "a\r\nb\nc" has 3 lines.
    let doc = store.change('file:///j.ldif', 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }]);
    assert.strictEqual(doc?.text.lineCount, 3);
    doc = store.change('file:///j.ldif', 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: 'Z' }]);
    assert.strictEqual(doc?.text.getText(), 'a\r\nb\nZ');
  });

  it('classifies an .ini again when an edit makes it an Exchange answer file', () => {
    const store = new DocumentStore(() => undefined);
    const opened = store.open('file:///s.ini', 'ini', 1, '[Settings]\r\nx=1\r\n');
    assert.strictEqual(opened.language, undefined);
    // A section named for Exchange shows an Exchange 2000/2003 answer file.
    const doc = store.change('file:///s.ini', 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } }, text: '[Exchange]' }]);
    assert.strictEqual(doc?.language?.id, 'setupini');
    assert.ok(doc?.parsed);
    const back = store.change('file:///s.ini', 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } }, text: '[Settings]' }]);
    assert.strictEqual(back?.language, undefined);
  });

  it('a document edited through the store equals a fresh parse, in every language, with mixed line ends and reversed ranges', () => {
    const fragments: Record<string, string[]> = {
      reg: ['Windows Registry Editor Version 5.00', 'REGEDIT4', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '"v"=dword:0000000a', '"h"=hex:01,02,\\', '  03', '@=-', '; c'],
      bootini: ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '[operating systems]', 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003" /fastdetect /3GB /USERVA=3030', '/PAE'],
      ldapfilter: ['(&(objectClass=user)', '(|(cn=a*)(sn=b))', '(!(mail=*))', ')', '(memberOf=CN=G,DC=x)', '\\2a'],
      ldif: ['version: 1', 'dn: CN=A,DC=x', 'changetype: modify', 'replace: msExchQueryFilter', 'msExchQueryFilter: (cn=a)', ' continued', '-', 'objectClass:: dXNlcg=='],
      setupini: ['[Product ID]', 'cdkey=123-4567890', '[Paths]', 'ServerDest=C:\\exchsrvr', '[Site]', 'SiteName=x', 'Password=secret'],
      ini: ['[Product ID]', '[Settings]', 'x=1', '; c', '[Paths]'],
    };
    const eol = fc.constantFrom('\r\n', '\n', '\r');
    const position = fc.record({ line: fc.nat({ max: 14 }), character: fc.nat({ max: 40 }) });
    const change = fc.record({
      start: position,
      end: position,
      text: fc.oneof(fc.constantFrom('\r', '\n', '\r\n', '', 'x', '=', '[', ']', '(', ')', ':', '\\'), fc.string({ maxLength: 6 })),
    });
    for (const [id, parts] of Object.entries(fragments)) {
      const text = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...parts), fc.string({ maxLength: 5 })), eol), { maxLength: 12 }).map((p) => p.map(([a, b]) => a + b).join(''));
      fc.assert(
        fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (initial, batches) => {
          const uri = `file:///p/doc.${id === 'setupini' ? 'unattend.ini' : id}`;
          const store = new DocumentStore(() => undefined);
          store.open(uri, id, 1, initial);
          let expected = initial;
          let version = 1;
          for (const batch of batches) {
            for (const c of batch) expected = applyReference(expected, c.start, c.end, c.text);
            const doc = store.change(uri, ++version, batch.map((c) => ({ range: { start: c.start, end: c.end }, text: c.text })))!;
            assert.strictEqual(doc.text.getText(), expected);
            const fresh = new DocumentStore(() => undefined).open(uri, id, version, expected);
            assert.strictEqual(doc.language, fresh.language, 'language');
            assert.strictEqual(doc.text.lineCount, fresh.text.lineCount, 'line count');
            for (let line = 0; line < fresh.text.lineCount; line++) {
              const p = { line, character: 0 };
              assert.strictEqual(doc.text.offsetAt(p), fresh.text.offsetAt(p), `offset of line ${line}`);
            }
            if (doc.language) assert.deepStrictEqual(doc.language.validate(doc.parsed), fresh.language!.validate(fresh.parsed));
          }
        }),
        { numRuns: Number(process.env.FC_RUNS ?? 150) },
      );
    }
  });
});

/** The text after an LSP change, computed without the text model: lines end at CRLF, CR or LF; positions clamp. */
function applyReference(text: string, a: { line: number; character: number }, b: { line: number; character: number }, insert: string): string {
  const offset = (p: { line: number; character: number }): number => {
    const starts = [0];
    const ends: number[] = [];
    const re = /\r\n|\r|\n/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      ends.push(m.index);
      starts.push(m.index + m[0].length);
    }
    ends.push(text.length);
    if (p.line >= starts.length) return text.length;
    return Math.min(starts[p.line] + p.character, ends[p.line]);
  };
  let s = offset(a);
  let e = offset(b);
  if (e < s) [s, e] = [e, s];
  return text.slice(0, s) + insert + text.slice(e);
}
