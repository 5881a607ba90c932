import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint, JsonResult } from '../helpers/cli';

const EXPORT = [
  'dn: CN=Ann Lee,OU=Sales,DC=contoso,DC=com',
  'objectCategory: CN=Person,CN=Schema,CN=Configuration,DC=contoso,DC=com',
  'objectClass: user', 'cn: Ann Lee', 'displayName: Ann Lee', 'mail: ann@contoso.com', 'mailNickname: ann', 'department: Sales',
  '',
  'dn: CN=WS01,OU=IT,DC=contoso,DC=com',
  'objectCategory: CN=Computer,CN=Schema,CN=Configuration,DC=contoso,DC=com',
  'objectClass: computer', 'cn: WS01', 'department: Sales',
  '',
].join('\r\n');

describe('cli: previews (--directory, --preview)', () => {
  let dir: string;
  const f = (name: string) => path.join(dir, name);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-preview-'));
    fs.writeFileSync(f('recipients.ldf'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXPORT, 'utf16le')]));
    fs.writeFileSync(f('sales.ldapfilter'), '(&(mailNickname=*)(department=Sales))\r\n');
    fs.writeFileSync(f('finance.ldapfilter'), '(&(mailNickname=*)(department=Finance))\r\n');
    fs.writeFileSync(f('groups.ldf'), 'dn: CN=Sales DL,OU=Groups,DC=contoso,DC=com\r\nobjectClass: msExchDynamicDistributionList\r\nmsExchDynamicDLFilter: (department=Sales)\r\nmsExchDynamicDLBaseDN: DC=contoso,DC=com\r\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('json: a preview on each filter file and previews per group record of an LDIF file (UTF-16 export)', () => {
    const r = lint(['--format', 'json', '--directory', f('recipients.ldf'), f('sales.ldapfilter'), f('finance.ldapfilter'), f('groups.ldf')]);
    assert.strictEqual(r.err, '');
    const results = JSON.parse(r.out) as (JsonResult & { preview?: unknown; previews?: unknown })[];
    const byName = new Map(results.map((x) => [path.basename(x.file), x]));
    assert.deepStrictEqual(byName.get('sales.ldapfilter')!.preview, { directory: 'recipients.ldf', matched: 1, total: 2 });
    assert.deepStrictEqual(byName.get('finance.ldapfilter')!.preview, { directory: 'recipients.ldf', matched: 0, total: 2 });
    assert.ok(byName.get('finance.ldapfilter')!.diagnostics.some((d) => d.code === 'ldapfilter.preview-matches-nobody'));
    assert.deepStrictEqual(byName.get('groups.ldf')!.previews, [{ line: 3, dn: 'CN=Sales DL,OU=Groups,DC=contoso,DC=com', directory: 'recipients.ldf', matched: 2, total: 2 }]);
    const d = byName.get('groups.ldf')!.diagnostics.find((x) => x.code === 'ldapfilter.preview-not-mail-enabled')!;
    assert.deepStrictEqual(d.range.start, { line: 2, character: 23 });
  });
  it('without --directory the JSON has no preview field', () => {
    const [x] = JSON.parse(lint(['--format', 'json', f('sales.ldapfilter')]).out) as Record<string, unknown>[];
    assert.ok(!('preview' in x));
  });
  it('text: one preview line per filter', () => {
    const r = lint(['--directory', f('recipients.ldf'), f('sales.ldapfilter'), f('groups.ldf')]);
    assert.ok(r.out.includes(`${f('sales.ldapfilter')}: preview: 1 of 2 objects in recipients.ldf match.\n`), r.out);
    assert.ok(r.out.includes(`${f('groups.ldf')}:3: preview of CN=Sales DL,OU=Groups,DC=contoso,DC=com: 2 of 2 objects in recipients.ldf match.\n`), r.out);
  });
  it('--preview lists the members: text one DN per line, json dn/displayName/mail; exit 1 when none', () => {
    const t = lint(['--directory', f('recipients.ldf'), '--preview', f('sales.ldapfilter')]);
    assert.deepStrictEqual([t.code, t.out], [0, 'CN=Ann Lee,OU=Sales,DC=contoso,DC=com\n']);
    const j = lint(['--directory', f('recipients.ldf'), '--preview', f('sales.ldapfilter'), '--format', 'json']);
    assert.deepStrictEqual(JSON.parse(j.out), [{ dn: 'CN=Ann Lee,OU=Sales,DC=contoso,DC=com', displayName: 'Ann Lee', mail: 'ann@contoso.com' }]);
    const none = lint(['--directory', f('recipients.ldf'), '--preview', f('finance.ldapfilter')]);
    assert.deepStrictEqual([none.code, none.out], [1, '']);
    assert.match(none.err, /no object in recipients\.ldf matches/);
  });
  it('usage and I/O errors: --preview without --directory, an unreadable export', () => {
    assert.strictEqual(lint(['--preview', f('sales.ldapfilter')]).code, 2);
    const r = lint(['--directory', f('missing.ldf'), f('sales.ldapfilter')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /cannot read the directory export/);
  });
  it('--base-dn scopes a filter file\'s preview to a subtree', () => {
    const r = lint(['--format', 'json', '--directory', f('recipients.ldf'), '--base-dn', 'OU=IT,DC=contoso,DC=com', f('sales.ldapfilter')]);
    assert.deepStrictEqual((JSON.parse(r.out) as { preview: unknown }[])[0].preview, { directory: 'recipients.ldf', matched: 0, total: 1 });
  });
  it('--severity turns a preview code off', () => {
    const r = lint(['--format', 'json', '--directory', f('recipients.ldf'), '--severity', 'ldapfilter.preview-matches-nobody=off', f('finance.ldapfilter')]);
    assert.ok(!(JSON.parse(r.out) as JsonResult[])[0].diagnostics.some((d) => d.code === 'ldapfilter.preview-matches-nobody'));
  });
});

describe('examples: the generated recipients export', () => {
  const root = path.join(__dirname, '..', '..', '..');
  const exportFile = path.join(root, 'examples', 'qbdg', 'recipients.ldf');
  it('is what scripts/generate-recipients.js writes with its fixed seed', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generate } = require(path.join(root, 'scripts', 'generate-recipients.js')) as { generate(count: number, seed: number): string };
    assert.strictEqual(fs.readFileSync(exportFile, 'utf8'), generate(300, 2003));
  });
  it('the example filter on employeeType (not in the global catalog) previews as matching nobody, as in production', () => {
    const r = lint(['--format', 'json', '--directory', exportFile, path.join(root, 'examples', 'qbdg', 'marketing-fulltime.ldapfilter')]);
    const [x] = JSON.parse(r.out) as (JsonResult & { preview: { matched: number; total: number } })[];
    assert.deepStrictEqual([x.preview.matched, x.preview.total], [0, 300]);
    assert.ok(x.diagnostics.some((d) => d.code === 'ldapfilter.preview-matches-nobody'));
    const gc = lint(['--format', 'json', '--gc-attribute', 'employeeType', '--directory', exportFile, path.join(root, 'examples', 'qbdg', 'marketing-fulltime.ldapfilter')]);
    assert.deepStrictEqual((JSON.parse(gc.out) as { preview: { matched: number } }[])[0].preview.matched, 0, 'the export writes FTE, not "Full Time"');
  });
  it('the example LDIF group is previewed within its base DN', () => {
    const r = lint(['--format', 'json', '--directory', exportFile, path.join(root, 'examples', 'qbdg', 'contoso-export.ldf')]);
    const [x] = JSON.parse(r.out) as { previews: { dn: string; matched: number; total: number }[] }[];
    assert.deepStrictEqual(x.previews.map((p) => [p.dn, p.matched > 0, p.total < 300]), [['CN=Paris Office,OU=Distribution Groups,DC=contoso,DC=com', true, true]]);
  });
});
