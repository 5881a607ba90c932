/**
 * The extension manifest and the .vsix: `vsce package` (offline, about 2 s) packs the bundles `npm test` built into a
 * temporary file, whose zip directory is then listed.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLIENT_LANGUAGE_IDS, LANGUAGE_IDS } from '../../server/src/protocol';

const ROOT = path.join(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
  main: string;
  browser: string;
  icon: string;
  license: string;
  scripts: Record<string, string>;
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] }; virtualWorkspaces: { supported: boolean | 'limited'; description?: string } };
  devDependencies: Record<string, string>;
};

/** The names in a zip file's central directory (no compression support needed: only the directory is read). */
export function zipEntries(zip: Buffer): string[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    assert.strictEqual(zip.readUInt32LE(at), 0x02014b50, 'central directory file header');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('packaging', () => {
  it('points the manifest at the bundles, for desktop and for the web', () => {
    assert.strictEqual(pkg.main, './dist/extension.js');
    assert.strictEqual(pkg.browser, './dist/browserExtension.js');
    assert.strictEqual(pkg.license, 'MIT');
    assert.ok(fs.existsSync(path.join(ROOT, 'LICENSE')));
    assert.ok(fs.existsSync(path.join(ROOT, 'CHANGELOG.md')));
    // The extension executes nothing from the workspace, but its path settings read files: in Restricted Mode they come
    // from the user's settings only. In a virtual workspace it cannot read files that are not open.
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    const settings = (pkg as unknown as { contributes: { configuration: { properties: Record<string, unknown> } } }).contributes.configuration.properties;
    assert.deepStrictEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['exchangeConfig.catalogFiles', 'exchangeConfig.setupCatalogFiles', 'exchangeConfig.bootIniFor', 'exchangeConfig.directoryExport']);
    for (const name of pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []) assert.ok(name in settings, `${name} is a contributed setting`);
    assert.strictEqual(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(pkg.capabilities.virtualWorkspaces.description ?? '', /not read/);
    assert.match(pkg.scripts.package, /vsce package --no-dependencies/);
    for (const name of ['esbuild', '@vscode/vsce']) assert.match(pkg.devDependencies[name], /^\d+\.\d+\.\d+$/, `${name} pinned exactly`);
  });

  it('activates for every language whose documents the client sends to the server', () => {
    const manifest = pkg as unknown as { activationEvents: string[]; contributes: { languages: { id: string }[] } };
    const contributed = new Set(manifest.contributes.languages.map((l) => l.id));
    for (const id of LANGUAGE_IDS) assert.ok(contributed.has(id), `${id} is contributed`);
    for (const id of CLIENT_LANGUAGE_IDS) {
      // VS Code activates an extension on its contributed languages by itself; any other needs onLanguage.
      if (!contributed.has(id)) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), `onLanguage:${id} in ${manifest.activationEvents.join(', ')}`);
    }
  });

  it('offers the cleanup and memory commands for .reg and boot.ini only, the filter commands for filters (and LDIF) only', () => {
    const manifest = pkg as unknown as { contributes: { commands: { command: string }[]; menus: Record<string, { command: string; when?: string }[]> } };
    const palette = new Map(manifest.contributes.menus.commandPalette.map((m) => [m.command, m.when]));
    assert.deepStrictEqual(Object.fromEntries(palette), {
      'exchangeConfig.createCleanupReg': 'editorLangId == reg',
      'exchangeConfig.createWorkspaceCleanupReg': 'editorLangId == reg || editorLangId == bootini',
      'exchangeConfig.showMemoryReport': 'editorLangId == reg || editorLangId == bootini',
      'exchangeConfig.copyFilterOneLine': 'editorLangId == ldapfilter',
      'exchangeConfig.showPreviewMembers': 'editorLangId == ldapfilter || editorLangId == ldif',
      // Run by the "Show documentation for CODE" code action, with the code's page as its argument.
      'exchangeConfig.showCodeDocumentation': 'false',
    });
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(contributed.has(item.command), `${menu}: ${item.command} is a contributed command`);
    }
    for (const item of manifest.contributes.menus['editor/context']) {
      assert.ok((item.when ?? '').startsWith('editorLangId == '), `${item.command} in the editor context menu only for its languages`);
      assert.strictEqual(item.when, item.command === 'exchangeConfig.showPreviewMembers' ? 'editorLangId == ldapfilter' : palette.get(item.command));
    }
  });

  it('has a 128x128 PNG icon', () => {
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.strictEqual(png.toString('ascii', 12, 16), 'IHDR');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  describe('the .vsix', function () {
    this.timeout(60000);
    let entries: string[] = [];
    let dir: string;

    before(function () {
      if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js'), '--quiet'], { stdio: 'inherit' });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-'));
      const vsix = path.join(dir, 'test.vsix');
      const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
      // The options of `npm run package`, with the output in the temporary folder.
      const options = /vsce package((?: --[a-z-]+)*)/.exec(pkg.scripts.package)![1].split(' ').filter(Boolean);
      const run = spawnSync(process.execPath, [vsce, 'package', ...options, '-o', vsix], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
      const out = `${run.stdout}${run.stderr}`;
      assert.strictEqual(run.status, 0, out);
      assert.doesNotMatch(out, /WARNING/, out);
      entries = zipEntries(fs.readFileSync(vsix));
    });

    after(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('holds the bundles, the grammars and the documentation', () => {
      // The schema of .exchange-config.json: package.json's jsonValidation points VS Code at it.
      for (const f of ['dist/extension.js', 'dist/server.js', 'dist/exportWorker.js', 'dist/browserServer.js', 'dist/browserExtension.js', 'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'images/icon.png', 'schemas/exchange-config.schema.json']) {
        assert.ok(entries.includes(`extension/${f}`), `${f} in ${entries.join(', ')}`);
      }
      const grammars = entries.filter((e) => /^extension\/syntaxes\/[^/]+\.json$/.test(e));
      assert.ok(grammars.length >= 10, grammars.join(', '));
    });

    it('holds the documentation page of every diagnostic code and their index (diagnostics link to them)', () => {
      const pages = fs.readdirSync(path.join(ROOT, 'docs', 'codes')).filter((f) => f.endsWith('.md'));
      assert.ok(pages.length > 150 && pages.includes('README.md'), pages.join(', '));
      for (const page of pages) assert.ok(entries.includes(`extension/docs/codes/${page}`), `docs/codes/${page} in the .vsix`);
    });

    it('holds every image the README shows, with the relative links kept (the extension page reads them from the .vsix)', () => {
      const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
      assert.ok(images.includes('images/screenshot.png'), images.join(', '));
      for (const image of images) {
        assert.doesNotMatch(image, /^[a-z]+:/i, 'relative link');
        assert.ok(entries.includes(`extension/${image}`), `${image} in ${entries.join(', ')}`);
      }
    });

    it('leaves out sources, tests, tsc output, source maps and node_modules', () => {
      const unwanted = entries.filter((e) => /^extension\/(?:client|server|test|bench|out|node_modules|examples|scripts|bin)\//.test(e) || /\.(?:ts|map)$/.test(e));
      assert.deepStrictEqual(unwanted, []);
    });
  });
});
