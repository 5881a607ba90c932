import * as assert from 'assert';
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
