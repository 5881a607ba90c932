import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
import { ProjectConfigForUri } from '../../../../server/src/lsp/options';
import { serverParts } from '../../../helpers/lsp';

const PROBLEM: Diagnostic = { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 9 } }, severity: 'error', code: 'config.invalid-setting', message: 'Unknown setting "bogus": it is not used.', source: 'exchange-config' };

/** A project configuration file at file:///ws/project that covers the documents under it. */
function project(found: Partial<ProjectConfigForUri>): (uri: string) => ProjectConfigForUri | undefined {
  return (uri) => (uri.startsWith('file:///ws/project/') ? { configUri: 'file:///ws/project/.exchange-config.json', dirUri: 'file:///ws/project', settings: {}, ignored: false, problems: [], ...found } : undefined);
}

describe('lsp handlers: settings of the project configuration file', () => {
  it('lets each setting the file holds win over the client\'s, merges severity overrides code by code, and keeps the rest', async () => {
    const { settings } = serverParts(
      { exchangeVersion: '2000', serverRole: 'mailbox', severityOverrides: { 'reg.duplicate-key': 'off', 'reg.duplicate-value': 'hint' } },
      { projectConfig: project({ settings: { exchangeVersion: '2003sp2', severityOverrides: { 'reg.duplicate-value': 'error' }, catalogFiles: ['standards.json'] } }) },
    );
    const s = await settings.settingsFor('file:///ws/project/a.reg');
    assert.deepStrictEqual(
      [s.exchangeVersion, s.serverRole, s.severityOverrides, s.catalogFiles, s.workspacePathSettings, s.baseUris, s.ignored],
      ['2003sp2', 'mailbox', { 'reg.duplicate-key': 'off', 'reg.duplicate-value': 'error' }, ['standards.json'], ['catalogFiles'], { catalogFiles: 'file:///ws/project', setupCatalogFiles: 'file:///ws', directoryExport: 'file:///ws', bootIniFor: 'file:///ws' }, undefined],
    );
    const outside = await settings.settingsFor('file:///ws/other/b.reg');
    assert.deepStrictEqual([outside.exchangeVersion, outside.catalogFiles, outside.workspacePathSettings], ['2000', [], []]);
  });

  it('reads the catalogs the file names from its folder, confined to the workspace folders', async () => {
    const reads: string[] = [];
    const { settings } = serverParts({}, {
      projectConfig: project({ settings: { catalogFiles: ['standards.json'] } }),
      readFile: (p, base, confineTo) => {
        reads.push(`${p} ${base} ${confineTo?.join(',') ?? 'anywhere'}`);
        return JSON.stringify({ version: 1, entries: [] });
      },
    });
    settings.knowledgeFor(await settings.settingsFor('file:///ws/project/a.reg'));
    assert.deepStrictEqual(reads, ['standards.json file:///ws/project file:///ws']);
  });

  it('does not follow the boot.ini pairs of the file in an untrusted workspace', async () => {
    const { settings, workspace } = serverParts({}, { projectConfig: project({ settings: { bootIniFor: { exports: 'servers/boot.ini' } } }) });
    const trusted = await settings.settingsFor('file:///ws/project/a.reg');
    assert.deepStrictEqual([trusted.bootIniFor, trusted.baseUris?.bootIniFor], [{ exports: 'servers/boot.ini' }, 'file:///ws/project']);
    workspace.trusted = false;
    settings.changed();
    const untrusted = await settings.settingsFor('file:///ws/project/a.reg');
    assert.deepStrictEqual([untrusted.bootIniFor, untrusted.baseUris?.bootIniFor], [{}, 'file:///ws']);
  });

  it('marks a document the file ignores', async () => {
    const { settings } = serverParts({}, { projectConfig: project({ ignored: true }) });
    assert.strictEqual((await settings.settingsFor('file:///ws/project/archive/a.reg')).ignored, true);
  });

  it('publishes the file\'s problems once per change, takes them back when they are fixed or the file is deleted', async () => {
    let problems: Diagnostic[] = [PROBLEM];
    const { settings } = serverParts({}, { projectConfig: (uri) => project({ problems })(uri) });
    const published: string[] = [];
    settings.publishConfigProblems = (uri, list) => published.push(`${uri} ${list.map((d) => d.code).join(',')}`);
    await settings.settingsFor('file:///ws/project/a.reg');
    await settings.settingsFor('file:///ws/project/b.reg');
    problems = [];
    await settings.settingsFor('file:///ws/project/c.reg');
    problems = [PROBLEM];
    await settings.settingsFor('file:///ws/project/d.reg');
    settings.configDeleted('file:///ws/project/.exchange-config.json');
    assert.deepStrictEqual(published, [
      'file:///ws/project/.exchange-config.json config.invalid-setting',
      'file:///ws/project/.exchange-config.json ',
      'file:///ws/project/.exchange-config.json config.invalid-setting',
      'file:///ws/project/.exchange-config.json ',
    ]);
  });

  it('publishes nothing for a file without problems seen for the first time', async () => {
    const { settings } = serverParts({}, { projectConfig: project({}) });
    const published: string[] = [];
    settings.publishConfigProblems = (uri) => published.push(uri);
    await settings.settingsFor('file:///ws/project/a.reg');
    assert.deepStrictEqual(published, []);
  });
});
