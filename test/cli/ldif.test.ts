import * as assert from 'assert';
import * as path from 'path';
import { lint } from '../helpers/cli';

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'qbdg', 'contoso-export.ldf');


describe('cli: LDIF exports', () => {
  it('checks the sample export: the storage group tuning and the group filter, exit status 0', () => {
    const r = lint(['--format', 'json', EXAMPLE]);
    assert.strictEqual(r.code, 0, r.err);
    const [result] = JSON.parse(r.out) as { languageId: string; diagnostics: { code: string; severity: string; range: { start: { line: number; character: number } } }[] }[];
    assert.strictEqual(result.languageId, 'ldif');
    assert.deepStrictEqual(
      result.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]),
      [
        ['ldapfilter.missing-systemmailbox-exclusion', 'information', 7, 23],
        ['ldif.log-buffers-set', 'information', 14, 0],
        ['ldif.max-open-tables-set', 'warning', 17, 0],
      ],
    );
  });

  it('--severity applies to the codes of the embedded filter too', () => {
    const r = lint(['--format', 'json', '--severity', 'ldapfilter.missing-systemmailbox-exclusion=off', '--severity', 'ldif.max-open-tables-set=error', EXAMPLE]);
    assert.strictEqual(r.code, 1);
    const [result] = JSON.parse(r.out) as { diagnostics: { code: string }[] }[];
    assert.deepStrictEqual(result.diagnostics.map((d) => d.code), ['ldif.log-buffers-set', 'ldif.max-open-tables-set']);
  });
});
