import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint, JsonResult } from '../helpers/cli';

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'qbdg', 'marketing-fulltime.ldapfilter');



describe('cli: LDAP filters', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-ldap-'));
    fs.writeFileSync(path.join(dir, 'broken.ldap'), '(&(!(cn=SystemMailbox{*}))(department=Sales)\n');
    fs.writeFileSync(path.join(dir, 'export.ldf'), 'dn: CN=x\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks the example filter: warnings only, exit status 0', () => {
    const r = lint(['--format', 'json', EXAMPLE]);
    assert.strictEqual(r.code, 0, r.err);
    const [result] = JSON.parse(r.out) as JsonResult[];
    assert.strictEqual(result.languageId, 'ldapfilter');
    assert.deepStrictEqual(
      result.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]),
      [
        ['ldapfilter.aduc-short-not', 'warning', 2, 4],
        ['ldapfilter.attribute-not-in-gc', 'warning', 6, 3],
      ],
    );
  });

  it('--gc-attribute (repeatable) counts an attribute as in the global catalog', () => {
    const r = lint(['--format', 'json', '--gc-attribute', 'employeeType', '--gc-attribute=extensionAttribute14', EXAMPLE]);
    const [result] = JSON.parse(r.out) as JsonResult[];
    assert.ok(!result.diagnostics.some((d) => d.code === 'ldapfilter.attribute-not-in-gc'));
    assert.strictEqual(lint(['--gc-attribute', 'not an attribute', EXAMPLE]).code, 2);
  });

  it('finds .ldap files (and LDIF exports) in folders, and a syntax error gives exit status 1', () => {
    const r = lint(['--format', 'json', dir]);
    assert.strictEqual(r.code, 1);
    const results = JSON.parse(r.out) as JsonResult[];
    assert.deepStrictEqual(results.map((x) => [path.basename(x.file), x.languageId]), [['broken.ldap', 'ldapfilter'], ['export.ldf', 'ldif']]);
    assert.deepStrictEqual(results[1].diagnostics, []);
    assert.deepStrictEqual(results[0].diagnostics.map((d) => d.code), ['ldapfilter.unbalanced-parentheses', 'ldapfilter.unindexed-attribute']);
  });
});
