import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { languageById, languageForFile } from '../../../../server/src/languages';
import { setupiniLanguage } from '../../../../server/src/languages/setupini';
import { LANGUAGE_IDS } from '../../../../server/src/protocol';
import { FORCED, ini } from '../../../helpers/setupini';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const DOC = ini('[Components]', 'Services=True', 'Admin', '', '[Licensing]', 'PerSeat=', '[Extras]', 'Foo=1');

describe('setupini: detection, hover, completion, outline', () => {
  it('proposes setup.ini and *.unattend.ini by name, but any .ini is an answer file only when its content shows one', () => {
    const exchange55 = '; x\r\n[Paths]\r\nServerDest=C:\\exchsrvr\r\n';
    for (const name of ['setup.ini', 'SETUP.INI', 'C:\\answers\\Setup.ini', 'mail01.unattend.ini', '/x/MAIL.Unattend.INI']) {
      assert.strictEqual(languageForFile(name)?.id, 'setupini', name);
      assert.strictEqual(languageForFile(name, exchange55)?.id, 'setupini', name);
      assert.strictEqual(languageForFile(name, '[Setup]\r\nProduct=Foo\r\n[Components]\r\nServices=True\r\n'), undefined, name);
      assert.strictEqual(languageForFile(name, '[Setup]\r\nProduct=Foo\r\n', true)?.id, 'setupini', `${name} forced`);
    }
    assert.strictEqual(languageForFile('answers.ini'), undefined);
    assert.strictEqual(languageForFile('answers.ini', exchange55)?.id, 'setupini');
    assert.strictEqual(languageForFile('answers.ini', '[ Site ] ; comment\nSiteProxyName=CONTOSO')?.id, 'setupini');
    assert.strictEqual(languageForFile('answers.ini', '; x\r\n[Product ID]\r\ncdkey=123-4567890\r\n'), undefined, 'a product ID alone is not Exchange-specific');
    assert.strictEqual(languageForFile('answers.ini', '[ Licensing ] ; comment\nPerSeat=True'), undefined, 'PerSeat alone is not Exchange-specific');
    assert.strictEqual(languageForFile('win.ini', '[fonts]\r\n[extensions]\r\n'), undefined);
    assert.strictEqual(languageForFile('answers.txt', '[Product ID]\r\n'), undefined);
    assert.strictEqual(languageForFile('boot.ini', '[Components]')?.id, 'bootini');
    assert.strictEqual(languageById('setupini'), setupiniLanguage);
    assert.ok((LANGUAGE_IDS as readonly string[]).includes('setupini'));
  });

  it('is contributed in package.json by file name only, with a grammar and the command', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'setupini');
    assert.ok(lang && !lang.extensions && lang.filenames.includes('setup.ini'));
    assert.ok(lang.filenamePatterns.some((p: string) => p.includes('[Uu][Nn][Aa]')));
    assert.ok(pkg.contributes.grammars.some((g: { language: string }) => g.language === 'setupini'));
    assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === 'exchangeConfig.checkSetupCommandLine'));
  });

  it('hovers sections and keys with meaning, confidence and sources; unknown ones say "not in the catalog"', () => {
    const doc = setupiniLanguage.parse(DOC);
    const h = setupiniLanguage.hover(doc, { line: 1, character: 3 }, FORCED);
    assert.ok(h);
    assert.match(h.contents, /\*\*Services\*\*/);
    assert.match(h.contents, /Confidence: high/);
    assert.match(h.contents, /KB 188625/);
    assert.deepStrictEqual(h.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    assert.match(setupiniLanguage.hover(doc, { line: 0, character: 2 }, FORCED)!.contents, /Components/);
    assert.match(setupiniLanguage.hover(doc, { line: 7, character: 1 }, FORCED)!.contents, /Not in the catalog/);
    assert.strictEqual(setupiniLanguage.hover(doc, { line: 1, character: 11 }, FORCED), undefined);
  });

  it('completes sections, the keys of a section not yet set, and True/False', () => {
    const doc = setupiniLanguage.parse(DOC);
    const keys = setupiniLanguage.complete!(doc, { line: 2, character: 5 }, FORCED).map((c) => c.label);
    assert.ok(keys.includes('Administrator') && !keys.includes('Services'));
    const values = setupiniLanguage.complete!(doc, { line: 5, character: 8 }, FORCED);
    assert.deepStrictEqual(values.map((c) => c.label), ['True', 'False']);
    const d2 = setupiniLanguage.parse(ini('[Components]', '['));
    const sections = setupiniLanguage.complete!(d2, { line: 1, character: 1 }, FORCED).map((c) => c.label);
    assert.ok(sections.includes('Licensing') && !sections.includes('Components'));
    assert.deepStrictEqual(setupiniLanguage.complete!(doc, { line: 7, character: 1 }, FORCED), []);
    assert.deepStrictEqual(setupiniLanguage.complete!(doc, { line: 99, character: 0 }, FORCED), []);
  });

  it('has one outline symbol and one folding range per section', () => {
    const doc = setupiniLanguage.parse(DOC);
    const symbols = setupiniLanguage.symbols(doc);
    assert.deepStrictEqual(symbols.map((s) => s.name), ['[Components]', '[Licensing]', '[Extras]']);
    assert.deepStrictEqual(symbols[0].children?.map((c) => `${c.name}=${c.detail}`), ['Services=True']);
    assert.deepStrictEqual(symbols[0].range.end, { line: 2, character: 5 });
    assert.deepStrictEqual(setupiniLanguage.folding(doc), [
      { startLine: 0, endLine: 2 },
      { startLine: 4, endLine: 5 },
      { startLine: 6, endLine: 7 },
    ]);
  });

  it('catalog entries all carry sources and a confidence, and only documented 5.5 sections', () => {
    const cat = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'data', 'catalog', 'setup-keys.json'), 'utf8'));
    assert.deepStrictEqual(
      cat.sections.map((s: { name: string }) => s.name),
      ['Product ID', 'Paths', 'Components', 'Site', 'Organization', 'ServiceAccount', 'Licensing', 'SitePermissions', 'X400', 'X.400'],
    );
    for (const s of cat.sections) {
      assert.ok(s.sources.length > 0 && ['high', 'medium', 'low'].includes(s.confidence), s.name);
      for (const k of s.keys) assert.ok(k.sources.length > 0 && ['high', 'medium', 'low'].includes(k.confidence), k.name);
    }
  });
});
