import * as assert from 'assert';
import { DEFAULT_SETTINGS, Settings } from '../../../../server/src/protocol';
import { normalizeSettings } from '../../../../server/src/lsp/handlers/settings';
import { serverParts } from '../../../helpers/lsp';

const CATALOG = JSON.stringify({ version: 1, entries: [] });

describe('lsp handlers: settings', () => {
  it('takes the default for every setting of the wrong type or out of range', () => {
    const garbage = {
      severityOverrides: 'off',
      maxDiagnosticsPerFile: 0,
      exchangeVersion: '2007',
      windowsVersion: 2003,
      serverRole: 'hub',
      catalogFiles: 'a.json',
      setupCatalogFiles: [1, ''],
      forceAnswerFile: 'yes',
      serverMemoryMB: -1,
      bootIniFor: [],
      ldapAttributesInGC: [' ', 3],
      ldapAttributesIndexed: null,
      directoryExport: 7,
      workspacePathSettings: ['severityOverrides'],
    } as unknown as Partial<Settings>;
    assert.deepStrictEqual(normalizeSettings(garbage), { ...DEFAULT_SETTINGS, windowsVersion: '', serverRole: '' });
  });

  it('keeps valid settings, trimmed and rounded down', () => {
    const s = normalizeSettings({
      maxDiagnosticsPerFile: 10.7,
      exchangeVersion: '2003sp2',
      serverRole: 'front-end',
      serverMemoryMB: 4096.5,
      bootIniFor: { a: 'a/boot.ini', b: '' },
      ldapAttributesInGC: [' employeeType '],
      directoryExport: ' r.ldf ',
      workspacePathSettings: ['directoryExport', 'catalogFiles'],
    });
    assert.deepStrictEqual(
      [s.maxDiagnosticsPerFile, s.exchangeVersion, s.serverRole, s.serverMemoryMB, s.bootIniFor, s.ldapAttributesInGC, s.directoryExport, s.workspacePathSettings],
      [10, '2003sp2', 'front-end', 4096, { a: 'a/boot.ini' }, ['employeeType'], 'r.ldf', ['catalogFiles', 'directoryExport']],
    );
  });

  it('asks the client once per document until the settings change or the document closes', async () => {
    const { settings } = serverParts({ exchangeVersion: '2000' });
    assert.strictEqual((await settings.settingsFor('file:///ws/a.reg')).exchangeVersion, '2000', 'the sent settings while the client cannot be asked');
    const asked: string[] = [];
    settings.fetch = (uri) => {
      asked.push(uri);
      return Promise.resolve({ exchangeVersion: '2003sp1' });
    };
    for (let i = 0; i < 2; i++) assert.strictEqual((await settings.settingsFor('file:///ws/a.reg')).exchangeVersion, '2003sp1');
    settings.forget('file:///ws/a.reg');
    await settings.settingsFor('file:///ws/a.reg');
    settings.changed();
    await settings.settingsFor('file:///ws/a.reg');
    assert.deepStrictEqual(asked, ['file:///ws/a.reg', 'file:///ws/a.reg', 'file:///ws/a.reg']);
  });

  it('falls back to the sent settings when the client refuses the request', async () => {
    const { settings } = serverParts({ serverRole: 'mailbox' });
    settings.fetch = () => Promise.reject(new Error('refused'));
    assert.strictEqual((await settings.settingsFor('file:///ws/a.reg')).serverRole, 'mailbox');
  });

  it('builds the knowledge once per distinct settings and confines paths the workspace names', () => {
    const reads: string[] = [];
    const { settings, lines } = serverParts({}, {
      readFile: (p, ws, confineTo) => {
        reads.push(`${p} ${ws} ${confineTo ? confineTo.join(',') : 'anywhere'}`);
        return CATALOG;
      },
    });
    const user = normalizeSettings({ catalogFiles: ['mine.json'] });
    const k = settings.knowledgeFor(user);
    assert.strictEqual(settings.knowledgeFor(normalizeSettings({ catalogFiles: ['mine.json'] })), k);
    settings.knowledgeFor(normalizeSettings({ catalogFiles: ['theirs.json'], workspacePathSettings: ['catalogFiles'] }));
    assert.deepStrictEqual(reads, ['mine.json file:///ws anywhere', 'theirs.json file:///ws file:///ws']);
    assert.deepStrictEqual(lines, []);
    assert.strictEqual(k.maxDiagnostics, DEFAULT_SETTINGS.maxDiagnosticsPerFile);
  });

  it('does not read files the settings of an untrusted workspace name, and says so once', () => {
    const reads: string[] = [];
    const { settings, workspace, lines } = serverParts({}, { readFile: (p) => (reads.push(p), CATALOG) });
    workspace.trusted = false;
    const s = normalizeSettings({ catalogFiles: ['theirs.json'], workspacePathSettings: ['catalogFiles'] });
    settings.knowledgeFor(s);
    settings.changed();
    settings.knowledgeFor(s);
    assert.deepStrictEqual(reads, []);
    const line = 'Catalog theirs.json is not used: cannot read it: this workspace is not trusted, so files named in its settings are not read; trust the workspace to use it. The built-in catalog still applies.';
    assert.deepStrictEqual(lines, [`warn: ${line}`, `show: ${line}`]);
  });
});
