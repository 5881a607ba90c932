import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { hasScope, innermost, lacksScope, noInvalid, show, tok, tokenizer } from '../../helpers/textmate';

// Compiled to out/test/unit/syntaxes/, so the repository root is four levels up.
const ROOT = path.join(__dirname, '..', '..', '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'reg.tmLanguage.json');
const CONFIG = path.join(ROOT, 'syntaxes', 'reg.language-configuration.json');

const tokenize = tokenizer('source.reg', GRAMMAR);

describe('syntaxes: reg grammar', () => {
  it('is the grammar package.json contributes for the reg language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: { language: string; scopeName: string; path: string }[]; languages: { id: string; configuration: string }[] };
    };
    const grammar = pkg.contributes.grammars.find((g) => g.language === 'reg');
    assert.ok(grammar);
    assert.strictEqual(grammar.scopeName, 'source.reg');
    assert.strictEqual(path.resolve(ROOT, grammar.path), GRAMMAR);
    const language = pkg.contributes.languages.find((l) => l.id === 'reg');
    assert.ok(language);
    assert.strictEqual(path.resolve(ROOT, language.configuration), CONFIG);
    const raw = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8')) as { scopeName: string };
    assert.strictEqual(raw.scopeName, 'source.reg');
  });

  it('scopes both header strings, exactly and case-sensitively', async () => {
    const [v5, v4, indented, lower, trailing, v4num] = await tokenize(
      'Windows Registry Editor Version 5.00',
      'REGEDIT4',
      '  REGEDIT4',
      'regedit4',
      'Windows Registry Editor Version 5.00 ',
      'Windows Registry Editor Version 4.00',
    );
    hasScope(v5, 'Windows Registry Editor Version 5.00', 'keyword.control.header.reg');
    hasScope(v4, 'REGEDIT4', 'keyword.control.header.reg');
    hasScope(indented, 'REGEDIT4', 'keyword.control.header.reg');
    for (const line of [lower, trailing, v4num]) {
      assert.ok(!line.some((t) => t.scopes.includes('keyword.control.header.reg')), show(line));
    }
  });

  it('scopes ; lines and # lines as comments, indented or not', async () => {
    const [semi, indented, hash, semiBackslash] = await tokenize('; comment', '\t; indented', '# ignored line', ';ends with \\');
    hasScope(semi, ';', 'comment.line.semicolon.reg');
    hasScope(semi, ';', 'punctuation.definition.comment.reg');
    hasScope(semi, ' comment', 'comment.line.semicolon.reg');
    hasScope(indented, ' indented', 'comment.line.semicolon.reg');
    hasScope(hash, '#', 'comment.line.number-sign.reg');
    hasScope(hash, ' ignored line', 'comment.line.number-sign.reg');
    // A backslash does not continue a comment: the next line is a value again.
    const [, next] = await tokenize(';ends with \\', '"a"="b"');
    hasScope(semiBackslash, 'ends with \\', 'comment.line.semicolon.reg');
    assert.deepStrictEqual(tok(next, 'a').scopes, ['source.reg', 'meta.value.reg', 'variable.other.value-name.reg']);
  });

  it('scopes a key line: brackets, root, separators and path', async () => {
    const [key] = await tokenize('[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]');
    noInvalid(key);
    hasScope(key, '[', 'punctuation.definition.section.begin.reg');
    hasScope(key, ']', 'punctuation.definition.section.end.reg');
    assert.deepStrictEqual(tok(key, 'HKEY_LOCAL_MACHINE').scopes, [
      'source.reg',
      'meta.key.reg',
      'entity.name.section.reg',
      'support.type.root-key.reg',
    ]);
    assert.deepStrictEqual(tok(key, 'MSExchangeIS').scopes, ['source.reg', 'meta.key.reg', 'entity.name.section.reg']);
    assert.strictEqual(innermost(key, '\\', 0), 'punctuation.separator.key.reg');
    assert.strictEqual(innermost(key, '\\', 4), 'punctuation.separator.key.reg');
  });

  it('knows every full root name, case-insensitively, and flags abbreviations and unknown roots', async () => {
    const roots = ['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER', 'HKEY_CLASSES_ROOT', 'HKEY_USERS', 'HKEY_CURRENT_CONFIG', 'HKEY_DYN_DATA', 'hkey_Current_User'];
    const lines = await tokenize(...roots.map((r) => `[${r}\\Software]`), '[HKEY_USERS]', '[HKLM\\Software]', '[HKEY_CURRENT_USERS\\Software]');
    roots.forEach((r, i) => assert.strictEqual(innermost(lines[i], r), 'support.type.root-key.reg', r));
    assert.strictEqual(innermost(lines[roots.length], 'HKEY_USERS'), 'support.type.root-key.reg');
    assert.strictEqual(innermost(lines[roots.length + 1], 'HKLM'), 'invalid.illegal.root-key.reg');
    assert.strictEqual(innermost(lines[roots.length + 2], 'HKEY_CURRENT_USERS'), 'invalid.illegal.root-key.reg');
  });

  it('gives a deletion key [-...] its own scopes', async () => {
    const [del] = await tokenize('[-HKEY_CURRENT_USER\\Software\\Old]');
    noInvalid(del);
    assert.ok(del.every((t) => t.scopes[1] === 'meta.key.delete.reg'), show(del));
    assert.strictEqual(innermost(del, '-'), 'keyword.operator.delete.reg');
    hasScope(del, 'HKEY_CURRENT_USER', 'support.type.root-key.reg');
    hasScope(del, 'Old', 'markup.deleted.reg');
    hasScope(del, 'Old', 'entity.name.section.delete.reg');
    lacksScope(del, 'Old', 'entity.name.section.reg');
  });

  it('runs the key path to the last ] and scopes a ; comment after it', async () => {
    const [key] = await tokenize('[HKEY_LOCAL_MACHINE\\A]B] ;note');
    hasScope(key, 'A]B', 'entity.name.section.reg');
    hasScope(key, ';', 'comment.line.semicolon.reg');
    hasScope(key, 'note', 'comment.line.semicolon.reg');
  });

  it('marks key lines regedit ignores as invalid', async () => {
    const lines = await tokenize('[ HKEY_LOCAL_MACHINE\\Software]', '[- HKEY_LOCAL_MACHINE\\Software]', '[HKEY_LOCAL_MACHINE\\No_Closing_Bracket');
    for (const line of lines) {
      assert.strictEqual(line.length, 1, show(line));
      assert.deepStrictEqual(line[0].scopes, ['source.reg', 'invalid.illegal.key.reg']);
    }
  });

  it('scopes a value name with escapes, =, and escaped string data with a comment after it', async () => {
    const [line] = await tokenize('"Path \\"quoted\\" \\\\x"="C:\\\\Program Files\\\\Exchsrvr\\"" ;comment');
    noInvalid(line);
    hasScope(line, '"', 'punctuation.definition.variable.reg', 0);
    hasScope(line, 'Path ', 'variable.other.value-name.reg');
    assert.deepStrictEqual(tok(line, '\\"', 0).scopes, ['source.reg', 'meta.value.reg', 'variable.other.value-name.reg', 'constant.character.escape.reg']);
    hasScope(line, '\\\\', 'variable.other.value-name.reg', 0);
    hasScope(line, '\\\\', 'constant.character.escape.reg', 0);
    assert.strictEqual(innermost(line, '='), 'keyword.operator.assignment.reg');
    hasScope(line, 'C:', 'string.quoted.double.reg');
    assert.deepStrictEqual(tok(line, '\\\\', 1).scopes, ['source.reg', 'meta.value.reg', 'string.quoted.double.reg', 'constant.character.escape.reg']);
    hasScope(line, 'Program Files', 'string.quoted.double.reg');
    hasScope(line, '\\"', 'string.quoted.double.reg', 2);
    hasScope(line, '\\"', 'constant.character.escape.reg', 2);
    assert.strictEqual(innermost(line, '"', 2), 'punctuation.definition.string.begin.reg');
    assert.strictEqual(innermost(line, '"', 3), 'punctuation.definition.string.end.reg');
    assert.deepStrictEqual(tok(line, 'comment').scopes, ['source.reg', 'meta.value.reg', 'comment.line.semicolon.reg']);
    assert.strictEqual(innermost(line, ';'), 'punctuation.definition.comment.reg');
  });

  it('flags \\0, unknown escapes and text after the closing quote', async () => {
    const [nul, unknown, hash, quote] = await tokenize('"a"="x\\0y"', '"a"="D:\\ExchBackup"', '"a"="x"#comment', '"a"="foo"bar"');
    assert.strictEqual(innermost(nul, '\\0'), 'invalid.illegal.escape.reg');
    assert.strictEqual(innermost(unknown, '\\E'), 'invalid.deprecated.escape.reg');
    hasScope(hash, '#comment', 'invalid.illegal.unexpected.reg');
    lacksScope(hash, '#comment', 'comment');
    hasScope(quote, 'bar"', 'invalid.illegal.unexpected.reg');
  });

  it('scopes @ as the default value and =- as a deletion', async () => {
    const [def, del, delDefault, delComment, delText] = await tokenize('@="x"', '"Old"=-', '@=-', '"Old" = - ;gone', '"Old"=-"Test"');
    assert.strictEqual(innermost(def, '@'), 'variable.language.default-value.reg');
    hasScope(def, 'x', 'string.quoted.double.reg');
    assert.strictEqual(innermost(del, '-'), 'keyword.operator.delete.reg');
    assert.strictEqual(innermost(delDefault, '-'), 'keyword.operator.delete.reg');
    assert.strictEqual(innermost(delComment, '-'), 'keyword.operator.delete.reg');
    hasScope(delComment, 'gone', 'comment.line.semicolon.reg');
    hasScope(delText, '-"Test"', 'invalid.illegal.unexpected.reg');
  });

  it('scopes dword: data and flags what regedit rejects', async () => {
    const [ok, short, comment, hex0x, nine, hash, upper] = await tokenize(
      '"a"=dword:0000ea60',
      '"a"=dword:\t1',
      '"a"=dword:00000001;comment',
      '"a"=dword:0x7530',
      '"a"=dword:123456789',
      '"a"=dword:00000003 #comment',
      '"a"=DWORD:00000001',
    );
    noInvalid(ok);
    assert.strictEqual(innermost(ok, 'dword'), 'storage.type.dword.reg');
    assert.strictEqual(innermost(ok, ':'), 'punctuation.separator.type.reg');
    assert.deepStrictEqual(tok(ok, '0000ea60').scopes, ['source.reg', 'meta.value.reg', 'constant.numeric.hex.reg']);
    assert.strictEqual(innermost(short, '1'), 'constant.numeric.hex.reg');
    assert.strictEqual(innermost(comment, '00000001'), 'constant.numeric.hex.reg');
    hasScope(comment, 'comment', 'comment.line.semicolon.reg');
    assert.strictEqual(innermost(hex0x, '0x7530'), 'invalid.illegal.dword.reg');
    assert.strictEqual(innermost(nine, '123456789'), 'invalid.illegal.dword.reg');
    assert.strictEqual(innermost(hash, '#comment'), 'invalid.illegal.dword.reg');
    hasScope(upper, 'DWORD:00000001', 'invalid.illegal.unexpected.reg');
  });

  it('scopes hex: and hex(N): prefixes, bytes, commas and a comment after the data', async () => {
    const [bin, typed, qword] = await tokenize('"a"=hex:01,0a,FF ;note', '"b"=hex(2):25,00,00,00', '"c"=hex(b):00,00,00,00,00,00,00,00');
    noInvalid(bin);
    assert.deepStrictEqual(tok(bin, 'hex').scopes, ['source.reg', 'meta.value.reg', 'meta.hex-data.reg', 'storage.type.hex.reg']);
    assert.strictEqual(innermost(bin, ':'), 'punctuation.separator.type.reg');
    for (const b of ['01', '0a', 'FF']) assert.strictEqual(innermost(bin, b), 'constant.numeric.hex.reg', b);
    assert.strictEqual(innermost(bin, ','), 'punctuation.separator.comma.reg');
    hasScope(bin, 'note', 'comment.line.semicolon.reg');
    noInvalid(typed);
    hasScope(typed, '(', 'storage.type.hex.reg');
    hasScope(typed, '2', 'storage.type.hex.reg');
    hasScope(typed, ')', 'storage.type.hex.reg');
    hasScope(qword, 'b', 'storage.type.hex.reg');
    hasScope(qword, 'b', 'constant.numeric.hex.type.reg');
  });

  it('continues hex(7) data over lines ending in ,\\ (skipping blank and ; lines) and stops after the last one', async () => {
    const lines = await tokenize(
      '"Multiple strings"=hex(7):4c,00,69,00,6e,00,65,00,31,00,00,00,4c,00,69,00,6e,\\',
      '  00,65,00,32,00,00,00,\\ ;more follows',
      '; a comment line in between',
      '',
      '\t00,00',
      '"Next"=dword:00000001',
    );
    const [first, second, commentLine, blank, last, next] = lines;
    for (const line of lines) noInvalid(line);
    assert.strictEqual(innermost(first, 'hex'), 'storage.type.hex.reg');
    assert.strictEqual(innermost(first, '7'), 'constant.numeric.hex.type.reg');
    assert.deepStrictEqual(tok(first, '\\').scopes, [
      'source.reg',
      'meta.value.reg',
      'meta.hex-data.reg',
      'constant.character.escape.line-continuation.reg',
    ]);
    assert.deepStrictEqual(tok(second, '65').scopes, ['source.reg', 'meta.value.reg', 'meta.hex-data.reg', 'constant.numeric.hex.reg']);
    assert.strictEqual(innermost(second, ','), 'punctuation.separator.comma.reg');
    assert.strictEqual(innermost(second, '\\'), 'constant.character.escape.line-continuation.reg');
    hasScope(second, 'more follows', 'comment.line.semicolon.reg');
    hasScope(commentLine, ' a comment line in between', 'comment.line.semicolon.reg');
    hasScope(commentLine, ' a comment line in between', 'meta.hex-data.reg');
    assert.ok(blank.every((t) => t.scopes.includes('meta.hex-data.reg')), show(blank));
    assert.deepStrictEqual(tok(last, '00', 1).scopes, ['source.reg', 'meta.value.reg', 'meta.hex-data.reg', 'constant.numeric.hex.reg']);
    // The data ended with the line without a backslash: the next line is a new value, not hex data.
    assert.deepStrictEqual(tok(next, 'Next').scopes, ['source.reg', 'meta.value.reg', 'variable.other.value-name.reg']);
    assert.deepStrictEqual(tok(next, '00000001').scopes, ['source.reg', 'meta.value.reg', 'constant.numeric.hex.reg']);
  });

  it('accepts hex(N):\\ with the bytes starting on the next line', async () => {
    const [first, second] = await tokenize('"q"=hex(b):\\', '  01,02,03,04,05,06,07,08');
    assert.strictEqual(innermost(first, '\\'), 'constant.character.escape.line-continuation.reg');
    assert.strictEqual(innermost(second, '08'), 'constant.numeric.hex.reg');
    hasScope(second, '08', 'meta.hex-data.reg');
  });

  it('leaves hex data when the line after ,\\ is a key, a value or a # line', async () => {
    const [, key, , value, , hash, after] = await tokenize(
      '"a"=hex:01,\\',
      '[HKEY_LOCAL_MACHINE\\Software\\X]',
      '"b"=hex:01,\\',
      '"c"="text"',
      '"d"=hex:01,\\',
      '#comment',
      '"e"="text"',
    );
    assert.deepStrictEqual(tok(key, 'HKEY_LOCAL_MACHINE').scopes, ['source.reg', 'meta.key.reg', 'entity.name.section.reg', 'support.type.root-key.reg']);
    assert.deepStrictEqual(tok(value, 'text').scopes, ['source.reg', 'meta.value.reg', 'string.quoted.double.reg']);
    assert.deepStrictEqual(tok(hash, '#').scopes, ['source.reg', 'comment.line.number-sign.reg', 'punctuation.definition.comment.reg']);
    assert.deepStrictEqual(tok(after, 'text').scopes, ['source.reg', 'meta.value.reg', 'string.quoted.double.reg']);
  });

  it('flags a backslash without a comma and does not continue after it', async () => {
    const [line, next] = await tokenize('"a"=hex(7):4c,69,6e,65\\', '  00,00');
    assert.strictEqual(innermost(line, '\\'), 'invalid.illegal.backslash.reg');
    assert.ok(next.every((t) => !t.scopes.includes('meta.hex-data.reg')), show(next));
  });

  it('flags bad bytes, empty elements, # comments and bad type numbers in hex data', async () => {
    const [big, empty, leading, hash, type, garbage] = await tokenize(
      '"a"=hex:01,1a4,02',
      '"a"=hex:63,,6f',
      '"a"=hex(2):,00',
      '"a"=hex:01 #comment',
      '"a"=hex(0x2):01',
      '"a"=hex:01,zz',
    );
    assert.strictEqual(innermost(big, '1a4'), 'invalid.illegal.byte.reg');
    assert.strictEqual(innermost(big, '02'), 'constant.numeric.hex.reg');
    assert.strictEqual(innermost(empty, ',', 0), 'punctuation.separator.comma.reg');
    assert.strictEqual(innermost(empty, ',', 1), 'invalid.illegal.empty-byte.reg');
    assert.strictEqual(innermost(leading, ','), 'invalid.illegal.empty-byte.reg');
    assert.strictEqual(innermost(hash, '#comment'), 'invalid.illegal.comment.reg');
    assert.strictEqual(innermost(type, 'hex(0x2):'), 'invalid.illegal.type.reg');
    assert.strictEqual(innermost(garbage, 'zz'), 'invalid.illegal.unexpected.reg');
  });

  it('flags data regedit does not recognise', async () => {
    const [semi, word, qword] = await tokenize('"a"=;comment', '"a"=Asdffdsa', '"a"=qword:01');
    assert.strictEqual(innermost(semi, ';comment'), 'invalid.illegal.data.reg');
    assert.strictEqual(innermost(word, 'Asdffdsa'), 'invalid.illegal.unexpected.reg');
    assert.strictEqual(innermost(qword, 'qword:01'), 'invalid.illegal.unexpected.reg');
  });

  it('tokenizes the example exports without complaints', async () => {
    const dir = path.join(ROOT, 'examples');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.toLowerCase().endsWith('.reg')) files.push(p);
      }
    };
    if (fs.existsSync(dir)) walk(dir);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('latin1');
      const lines = text.split(/\r\n|\r|\n/);
      const tokens = await tokenize(...lines);
      tokens.forEach((line, i) => assert.strictEqual(line.map((t) => t.text).join(''), lines[i], `${file}:${i + 1}`));
    }
  });
});

describe('syntaxes: reg language configuration', () => {
  interface LanguageConfiguration {
    comments: { lineComment?: string; blockComment?: unknown };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    surroundingPairs: [string, string][];
    wordPattern: string;
    onEnterRules?: { beforeText: string }[];
  }
  const config = JSON.parse(fs.readFileSync(CONFIG, 'utf8')) as LanguageConfiguration;

  it('parses as JSON and uses ; as the line comment, without block comments', () => {
    assert.strictEqual(config.comments.lineComment, ';');
    assert.strictEqual(config.comments.blockComment, undefined);
  });

  it('pairs brackets and quotes', () => {
    assert.deepStrictEqual(config.brackets, [['[', ']']]);
    const bracket = config.autoClosingPairs.find((p) => p.open === '[');
    const quote = config.autoClosingPairs.find((p) => p.open === '"');
    assert.strictEqual(bracket?.close, ']');
    assert.strictEqual(quote?.close, '"');
    assert.ok(quote?.notIn?.includes('string'));
    assert.deepStrictEqual(config.surroundingPairs, [
      ['[', ']'],
      ['"', '"'],
    ]);
  });

  it('has a word pattern that picks out name words, key segments and single hex bytes', () => {
    const words = (s: string): string[] => s.match(new RegExp(config.wordPattern, 'g')) ?? [];
    assert.deepStrictEqual(words('"Max Open Tables"=hex(7):4c,00,\\'), ['Max', 'Open', 'Tables', 'hex', '7', '4c', '00']);
    assert.deepStrictEqual(words('[HKEY_LOCAL_MACHINE\\SYSTEM\\{4A6F-11}]'), ['HKEY_LOCAL_MACHINE', 'SYSTEM', '{4A6F-11}']);
    assert.deepStrictEqual(words('"Rpc/HTTP Port"=dword:00001771'), ['Rpc/HTTP', 'Port', 'dword', '00001771']);
  });

  it('indents the line after a value line ending in ,\\', () => {
    const rule = config.onEnterRules?.[0];
    assert.ok(rule);
    const re = new RegExp(rule.beforeText);
    assert.ok(re.test('"m"=hex(7):4c,00,\\'));
    assert.ok(!re.test('  4c,00,\\'));
    assert.ok(!re.test('"m"="text"'));
  });
});
