import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { languageById, languageForFile } from '../../../../server/src/languages';
import { LANGUAGE_IDS } from '../../../../server/src/protocol';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');

describe('bootini: detection', () => {
  it('claims boot.ini in any letter case and with any folder, and nothing else that ends in .ini', () => {
    for (const name of ['boot.ini', 'BOOT.INI', 'Boot.ini', 'C:\\BOOT.INI', '/srv/mail01/boot.ini', 'file:///c%3A/Boot.Ini']) {
      assert.strictEqual(languageForFile(name)?.id, 'bootini', name);
    }
    for (const name of ['win.ini', 'xboot.ini', 'boot.ini.bak', 'boot.inf', 'boot-ini']) {
      assert.strictEqual(languageForFile(name), undefined, name);
    }
    assert.strictEqual(languageForFile('tuning.reg')?.id, 'reg');
  });

  it('is registered for the server, the client and VS Code', () => {
    assert.strictEqual(languageById('bootini')?.id, 'bootini');
    assert.ok((LANGUAGE_IDS as readonly string[]).includes('bootini'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { languages: { id: string; filenames?: string[]; filenamePatterns?: string[]; configuration: string }[]; grammars: { language: string; path: string }[] };
    };
    const lang = pkg.contributes.languages.find((l) => l.id === 'bootini');
    assert.ok(lang);
    assert.deepStrictEqual(lang.filenames, ['boot.ini', 'BOOT.INI', 'Boot.ini']);
    assert.deepStrictEqual(lang.filenamePatterns, ['**/[Bb][Oo][Oo][Tt].[Ii][Nn][Ii]']);
    assert.ok(fs.existsSync(path.join(ROOT, lang.configuration)));
    const grammar = pkg.contributes.grammars.find((g) => g.language === 'bootini');
    assert.ok(grammar && fs.existsSync(path.join(ROOT, grammar.path)));
  });
});
