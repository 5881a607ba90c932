import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allCodes } from '../../../server/src/core/codes';
import { absolutePaths, ProjectConfigFinder } from '../../../server/src/node/projectConfig';
import '../../../server/src/languages';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

describe('node: finding the project configuration file', () => {
  let dir: string;
  const write = (rel: string, content: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-find-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the nearest file upward, and stops at a folder holding .git or at a root', () => {
    write('.exchange-config.json', '{}');
    write('repo/.git/HEAD', '');
    write('repo/a/b/x.reg', '');
    write('ws/.exchange-config.json', '{}');
    write('ws/folder/sub/y.reg', '');
    write('ws/folder/sub/.exchange-config.json/notafile', '');
    const finder = new ProjectConfigFinder(() => allCodes().keys(), [path.join(dir, 'ws', 'folder')]);
    assert.strictEqual(finder.find(path.join(dir, 'repo', 'a', 'b')), undefined);
    assert.strictEqual(finder.find(path.join(dir, 'ws', 'folder', 'sub')), undefined, 'a folder named like the file is not it, and ws/folder is a root');
    assert.strictEqual(finder.find(path.join(dir, 'other')), path.join(dir, '.exchange-config.json'));
    finder.setRoots([]);
    assert.strictEqual(finder.find(path.join(dir, 'ws', 'folder', 'sub')), path.join(dir, 'ws', '.exchange-config.json'));
  });

  it('reads a file again when it changes, and forgets what it found when told', () => {
    write('.exchange-config.json', '{ "exchangeVersion": "2000" }');
    write('a/x.reg', '');
    const finder = new ProjectConfigFinder(() => allCodes().keys());
    const file = path.join(dir, 'a', 'x.reg');
    assert.deepStrictEqual(finder.forFile(file)?.settings, { exchangeVersion: '2000' });
    write('.exchange-config.json', '{ "exchangeVersion": "2003sp2", "ignorePatterns": ["a/"] }');
    assert.deepStrictEqual(finder.forFile(file)?.settings, { exchangeVersion: '2003sp2' });
    assert.strictEqual(finder.forFile(file)?.ignored, true);
    write('a/.exchange-config.json', '{ "serverRole": "bridgehead" }');
    assert.deepStrictEqual(finder.forFile(file)?.settings, { exchangeVersion: '2003sp2' }, 'what was found is kept until cleared');
    finder.clear();
    assert.deepStrictEqual(finder.forFile(file)?.settings, { serverRole: 'bridgehead' });
  });

  it('uses a given file for every file, and reports one that cannot be read without throwing', () => {
    write('team.json', '{ "serverRole": "front-end", "overrides": [{ "files": ["fe/"], "serverRole": "bridgehead" }] }');
    const finder = new ProjectConfigFinder(() => allCodes().keys());
    assert.deepStrictEqual(finder.forFile(path.join(dir, 'fe', 'x.reg'), path.join(dir, 'team.json'))?.settings, { serverRole: 'bridgehead' });
    const missing = finder.forFile(path.join(dir, 'x.reg'), path.join(dir, 'none.json'));
    assert.deepStrictEqual(missing?.settings, {});
    assert.deepStrictEqual(missing?.loaded.problems.map((p) => [p.diagnostic.code, p.diagnostic.message]), [['config.syntax-error', 'The configuration file cannot be read (no such file): it is not used.']]);
  });

  it('makes the paths of the settings absolute against the file\'s folder, except the pairs of bootIniFor', () => {
    assert.deepStrictEqual(absolutePaths({ catalogFiles: ['c.json'], setupCatalogFiles: ['../s.json'], directoryExport: 'r.ldf', bootIniFor: { a: 'b/boot.ini' }, serverRole: 'mailbox' }, path.join(dir, 'p')), {
      catalogFiles: [path.join(dir, 'p', 'c.json')],
      setupCatalogFiles: [path.join(dir, 's.json')],
      directoryExport: path.join(dir, 'p', 'r.ldf'),
      bootIniFor: { a: 'b/boot.ini' },
      serverRole: 'mailbox',
    });
  });
});

describe('the schema of the project configuration file', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'exchange-config.schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
    definitions: Record<string, { type: string; enum?: string[]; default?: unknown; items?: { type: string } }>;
  };
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { type: string; enum?: string[]; default?: unknown; scope: string }> }; jsonValidation: { fileMatch: string; url: string }[] };
  };

  it('has every resource setting of the editor, of the same type, values and default', () => {
    const settings = Object.entries(pkg.contributes.configuration.properties).filter(([, s]) => s.scope === 'resource');
    assert.deepStrictEqual(settings.map(([name]) => name.replace(/^exchangeConfig\./, '')).sort(), Object.keys(schema.definitions).sort());
    for (const [name, setting] of settings) {
      const def = schema.definitions[name.replace(/^exchangeConfig\./, '')];
      assert.strictEqual(def.type === 'integer' ? 'number' : def.type, setting.type, name);
      assert.deepStrictEqual(def.enum, setting.enum, name);
      assert.deepStrictEqual(def.default, setting.default, name);
    }
    assert.deepStrictEqual(Object.keys(schema.properties).sort(), ['$schema', 'ignorePatterns', 'overrides', ...Object.keys(schema.definitions)].sort());
  });

  it('is what VS Code validates .exchange-config.json against', () => {
    assert.deepStrictEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.exchange-config.json', url: './schemas/exchange-config.schema.json' }]);
  });
});
