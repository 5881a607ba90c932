import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { innermost, tokenizer } from '../../helpers/textmate';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'ldapfilter.tmLanguage.json');
const CONFIG = path.join(ROOT, 'syntaxes', 'ldapfilter.language-configuration.json');

const tokenize = tokenizer('source.ldapfilter', GRAMMAR);

describe('syntaxes: LDAP filter grammar', () => {
  it('scopes comments, operators, attributes, comparison operators, values, escapes, wildcards and matching rules', async () => {
    const [comment, and, item, rule] = await tokenize('# All full-time staff', '(& (mailNickname=*)', '  (displayName=Sales\\28Paris\\29*)', '(!(userAccountControl:1.2.840.113556.1.4.803:=2))');
    assert.strictEqual(innermost(comment, '#'), 'punctuation.definition.comment.ldapfilter');
    assert.strictEqual(innermost(and, '&'), 'keyword.operator.logical.ldapfilter');
    assert.strictEqual(innermost(and, 'mailNickname'), 'variable.other.attribute.ldapfilter');
    assert.strictEqual(innermost(and, '='), 'keyword.operator.comparison.ldapfilter');
    assert.strictEqual(innermost(and, '*'), 'keyword.operator.wildcard.ldapfilter');
    assert.strictEqual(innermost(item, '\\28'), 'constant.character.escape.ldapfilter');
    assert.strictEqual(innermost(item, 'Sales'), 'string.unquoted.value.ldapfilter');
    assert.strictEqual(innermost(rule, '!'), 'keyword.operator.logical.ldapfilter');
    assert.strictEqual(innermost(rule, '1.2.840.113556.1.4.803'), 'constant.numeric.oid.ldapfilter');
  });

  it('has a language configuration with # comments and () brackets', () => {
    const config = JSON.parse(fs.readFileSync(CONFIG, 'utf8')) as { comments: { lineComment: string }; brackets: string[][] };
    assert.strictEqual(config.comments.lineComment, '#');
    assert.deepStrictEqual(config.brackets, [['(', ')']]);
  });
});
