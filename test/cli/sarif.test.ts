/**
 * SARIF output checked by Microsoft's own SARIF validator (the SARIF Multitool's `validate`, which applies the
 * official SARIF 2.1.0 JSON schema and the SARIF rules that GitHub code scanning relies on) and by the schema that
 * ships with it, through ajv. The Multitool comes from the npm registry (@microsoft/sarif-multitool-linux) and is kept
 * in a cache outside the project; where it cannot be had, the test is skipped locally but fails in CI.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { sarifArtifactLocation } from '../../server/src/cli/format';
import { lint } from '../helpers/cli';

const ROOT = path.join(__dirname, '..', '..', '..');
const MULTITOOL = '@microsoft/sarif-multitool-linux@5.7.0';
const CACHE = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'exchange-config-sarif', '5.7.0');

/** The extracted Multitool package folder, downloaded once; undefined where it cannot be had (not Linux, no registry). */
function multitool(): string | undefined {
  const dir = path.join(CACHE, 'package');
  if (fs.existsSync(path.join(dir, 'Sarif.Multitool'))) return dir;
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    fs.mkdirSync(CACHE, { recursive: true });
    const tarball = execFileSync('npm', ['pack', '--silent', MULTITOOL], { cwd: CACHE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop() as string;
    execFileSync('tar', ['xzf', tarball], { cwd: CACHE });
    fs.rmSync(path.join(CACHE, tarball));
    fs.chmodSync(path.join(dir, 'Sarif.Multitool'), 0o755);
    return dir;
  } catch {
    return undefined;
  }
}

describe('cli: SARIF output', function () {
  this.timeout(180000);
  let tmp: string;
  let sarifFile: string;
  let sarif: { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[]; tool: { driver: Record<string, unknown> } }[] };
  let tool: string | undefined;

  before(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-sarif-'));
    // A file under a folder whose name needs encoding, outside the folder the linter runs in.
    fs.mkdirSync(path.join(tmp, 'a b#1'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'exchange2000-upgrade', 'boot.ini'), path.join(tmp, 'a b#1', 'boot.ini'));
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const r = lint(['--format', 'sarif', 'examples', path.join(tmp, 'a b#1')]);
      assert.strictEqual(r.code, 1, r.err);
      sarifFile = path.join(tmp, 'out.sarif');
      fs.writeFileSync(sarifFile, r.out);
      sarif = JSON.parse(r.out) as typeof sarif;
    } finally {
      process.chdir(cwd);
    }
    tool = multitool();
    if (!tool && process.env.CI) throw new Error(`the SARIF Multitool (${MULTITOOL}) could not be installed`);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('passes the SARIF Multitool validator without errors', function () {
    if (!tool) this.skip();
    const log = path.join(tmp, 'validation.sarif');
    const r = spawnSync(path.join(tool, 'Sarif.Multitool'), ['validate', sarifFile, '--output', log, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    const results = (JSON.parse(fs.readFileSync(log, 'utf8')) as { runs: { results?: { level?: string; ruleId: string }[] }[] }).runs[0].results ?? [];
    // The one warning left: no informationUri, because the tool has no public web address to give.
    assert.deepStrictEqual(results.map((x) => `${x.level ?? 'warning'} ${x.ruleId}`), ['warning SARIF2005']);
  });

  it('is valid against the official SARIF 2.1.0 JSON schema', function () {
    if (!tool) this.skip();
    const schema = JSON.parse(fs.readFileSync(path.join(tool, 'sarif-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5)));
  });

  it('gives files under the working folder relative to %SRCROOT%, others as file URLs, every segment encoded', () => {
    const uris = new Set(sarif.runs[0].results.map((r) => JSON.stringify(r.locations[0].physicalLocation.artifactLocation)));
    assert.ok(uris.has(JSON.stringify({ uri: 'examples/exchange2000-upgrade/boot.ini', uriBaseId: '%SRCROOT%' })), [...uris].join('\n'));
    const outside = path.join(tmp, 'a b#1', 'boot.ini').split(path.sep).map(encodeURIComponent).join('/');
    assert.ok(uris.has(JSON.stringify({ uri: `file://${outside}` })), [...uris].join('\n'));
    assert.strictEqual(sarif.runs[0].tool.driver.informationUri, undefined);
  });

  it('never turns a Windows drive path into a URI scheme', () => {
    assert.deepStrictEqual(sarifArtifactLocation('C:\\exports\\x y.reg', 'D:\\work', path.win32), { uri: 'file:///C:/exports/x%20y.reg' });
    assert.deepStrictEqual(sarifArtifactLocation('exports\\a#1.reg', 'D:\\work', path.win32), { uri: 'exports/a%231.reg', uriBaseId: '%SRCROOT%' });
    assert.deepStrictEqual(sarifArtifactLocation('/srv/x.reg', '/srv', path.posix), { uri: 'x.reg', uriBaseId: '%SRCROOT%' });
  });
});
