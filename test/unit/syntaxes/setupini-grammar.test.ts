import * as assert from 'assert';
import * as path from 'path';
import { innermost, tokenizer } from '../../helpers/textmate';

const GRAMMAR = path.join(__dirname, '..', '..', '..', '..', 'syntaxes', 'setupini.tmLanguage.json');
const tokenize = tokenizer('source.setupini', GRAMMAR);

describe('syntaxes: Setup answer-file grammar', () => {
  it('scopes comments, section headers, keys and values', async () => {
    const [comment, header, setting, path_] = await tokenize('; batch setup', '[Product ID]', 'Services=True', 'ServerDest=C:\\exchsrvr');
    assert.strictEqual(innermost(comment, ';'), 'punctuation.definition.comment.setupini');
    assert.strictEqual(innermost(header, 'Product ID'), 'entity.name.section.setupini');
    assert.strictEqual(innermost(setting, 'Services'), 'variable.other.key.setupini');
    assert.strictEqual(innermost(setting, '='), 'keyword.operator.assignment.setupini');
    assert.strictEqual(innermost(setting, 'True'), 'constant.language.boolean.setupini');
    assert.strictEqual(innermost(path_, 'C:\\exchsrvr'), 'string.unquoted.value.setupini');
  });
});
