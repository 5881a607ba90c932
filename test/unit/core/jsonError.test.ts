import * as assert from 'assert';
import { parseRegistryCatalog } from '../../../server/src/core/catalogLoad';
import { jsonSyntaxErrorAt, jsonSyntaxMessage } from '../../../server/src/core/jsonError';
import { parseSetupCatalog } from '../../../server/src/languages/setupini';

describe('core: JSON syntax errors', () => {
  it('gives the line and column of the first error, never the text', () => {
    assert.deepStrictEqual(jsonSyntaxErrorAt('root:*:20211:0:99999:7:::\nbin:*:'), { line: 1, column: 1 });
    assert.deepStrictEqual(jsonSyntaxErrorAt('{\n  "a": 1,\n  b: 2\n}'), { line: 3, column: 3 });
    assert.deepStrictEqual(jsonSyntaxErrorAt('{"a": [1, 2'), { line: 1, column: 12 });
    assert.deepStrictEqual(jsonSyntaxErrorAt('{"a": "x\ny"}'), { line: 1, column: 9 });
    assert.deepStrictEqual(jsonSyntaxErrorAt('{} x'), { line: 1, column: 4 });
    assert.strictEqual(jsonSyntaxMessage('secret-token-123'), 'not valid JSON (syntax error at line 1, column 1)');
  });

  it('agrees with JSON.parse on what is JSON', () => {
    for (const text of ['{}', '[]', '"s"', '-1.5e+3', 'true', 'null', ' {"a":[{"b":"\\u00e9\\n"}]} ', '{"a":1,}', '[1,]', '01', '"\\x"', '', '\uFEFF{}', '{"a" 1}', 'nul']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      assert.strictEqual(jsonSyntaxErrorAt(text) === undefined, valid, JSON.stringify(text));
    }
  });

  it('catalog files that are not JSON are reported without their content', () => {
    const text = 'root:$6$secret:19000:0:99999:7:::\n';
    for (const r of [parseRegistryCatalog(text, '/etc/shadow'), parseSetupCatalog(text, '/etc/shadow')]) {
      assert.strictEqual(r.catalog, undefined);
      assert.deepStrictEqual(
        r.problems.map((p) => p.message),
        ['not valid JSON (syntax error at line 1, column 1)'],
      );
    }
  });
});
