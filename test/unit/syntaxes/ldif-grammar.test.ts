import * as assert from 'assert';
import * as path from 'path';
import { innermost, tokenizer } from '../../helpers/textmate';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const tokenize = tokenizer('source.ldif', path.join(ROOT, 'syntaxes', 'ldif.tmLanguage.json'));

describe('syntaxes: LDIF grammar', () => {
  it('scopes comments, dn, changetype, attributes, base64 values and the modify separator', async () => {
    const [comment, dn, ct, attr, b64, dash] = await tokenize('# export', 'dn: CN=x,DC=y', 'changetype: modify', 'cn: Paris', 'description:: SGVsbG8=', '-');
    assert.strictEqual(innermost(comment, '# export'), 'comment.line.number-sign.ldif');
    assert.strictEqual(innermost(dn, 'dn'), 'keyword.other.dn.ldif');
    assert.strictEqual(innermost(ct, 'modify'), 'constant.language.ldif');
    assert.strictEqual(innermost(attr, 'cn'), 'variable.other.attribute.ldif');
    assert.strictEqual(innermost(b64, 'SGVsbG8='), 'string.other.base64.ldif');
    assert.strictEqual(innermost(dash, '-'), 'punctuation.separator.modify.ldif');
  });
});
