import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { innermost, tokenizer } from '../../helpers/textmate';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'bootini.tmLanguage.json');
const CONFIG = path.join(ROOT, 'syntaxes', 'bootini.language-configuration.json');

const tokenize = tokenizer('source.bootini', GRAMMAR);

describe('syntaxes: boot.ini grammar', () => {
  it('is the grammar package.json contributes for the bootini language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: { language: string; scopeName: string; path: string }[] };
    };
    const g = pkg.contributes.grammars.find((x) => x.language === 'bootini');
    assert.ok(g);
    assert.strictEqual(g.scopeName, 'source.bootini');
    assert.strictEqual(path.resolve(ROOT, g.path), GRAMMAR);
  });

  it('scopes comments, section headers and [boot loader] settings', async () => {
    const [comment, header, timeout, def, redirect, junk] = await tokenize('; saved by bootcfg', '[Boot Loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 'redirect=COM1', '[operating systems] junk');
    assert.strictEqual(innermost(comment, ';'), 'punctuation.definition.comment.bootini');
    assert.ok(comment.every((t) => t.scopes.includes('comment.line.semicolon.bootini')));
    assert.strictEqual(innermost(header, 'Boot Loader'), 'entity.name.section.bootini');
    assert.strictEqual(innermost(header, '['), 'punctuation.definition.section.begin.bootini');
    assert.strictEqual(innermost(timeout, 'timeout'), 'variable.other.key.bootini');
    assert.strictEqual(innermost(timeout, '='), 'keyword.operator.assignment.bootini');
    assert.strictEqual(innermost(timeout, '30'), 'constant.numeric.bootini');
    assert.strictEqual(innermost(def, 'multi'), 'support.function.arc.bootini');
    assert.strictEqual(innermost(def, '\\WINDOWS'), 'string.unquoted.path.bootini');
    assert.strictEqual(innermost(redirect, 'COM1'), 'constant.language.port.bootini');
    assert.strictEqual(innermost(junk, 'junk'), 'invalid.illegal.unexpected.bootini');
  });

  it('scopes an entry: ARC parts, folder, description and switches with values', async () => {
    const [entry] = await tokenize('multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise /x" /fastdetect /3GB /USERVA=3030 /safeboot:minimal');
    for (const part of ['multi', 'disk', 'rdisk', 'partition']) assert.strictEqual(innermost(entry, part), 'support.function.arc.bootini', part);
    assert.strictEqual(innermost(entry, '1'), 'constant.numeric.bootini');
    assert.strictEqual(innermost(entry, '\\WINDOWS'), 'string.unquoted.path.bootini');
    assert.ok(entry.find((t) => t.text === 'Windows Server 2003, Enterprise /x')!.scopes.includes('string.quoted.double.bootini'));
    assert.strictEqual(innermost(entry, 'fastdetect'), 'keyword.other.switch.bootini');
    assert.strictEqual(innermost(entry, '3GB'), 'keyword.other.switch.bootini');
    assert.strictEqual(innermost(entry, 'USERVA'), 'keyword.other.switch.bootini');
    assert.strictEqual(innermost(entry, '3030'), 'constant.other.value.bootini');
    assert.strictEqual(innermost(entry, 'minimal'), 'constant.other.value.bootini');
    assert.ok(entry.every((t) => t.scopes.includes('meta.entry.bootini')));
  });

  it('scopes drive-path entries and tokenizes the example without complaints', async () => {
    const [rc] = await tokenize('C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons');
    assert.strictEqual(innermost(rc, 'C:'), 'entity.name.drive.bootini');
    assert.strictEqual(innermost(rc, 'cmdcons'), 'keyword.other.switch.bootini');
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'exchange2000-upgrade', 'boot.ini'), 'latin1');
    const lines = text.split(/\r\n|\r|\n/);
    const tokens = await tokenize(...lines);
    tokens.forEach((line, i) => assert.strictEqual(line.map((t) => t.text).join(''), lines[i]));
  });

  it('has a language configuration with ; comments', () => {
    const config = JSON.parse(fs.readFileSync(CONFIG, 'utf8')) as { comments: { lineComment: string; blockComment?: unknown }; wordPattern: string };
    assert.strictEqual(config.comments.lineComment, ';');
    assert.strictEqual(config.comments.blockComment, undefined);
    const word = new RegExp(config.wordPattern, 'g');
    assert.deepStrictEqual('/USERVA=3030 /3GB'.match(word), ['USERVA', '3030', '3GB']);
  });
});
