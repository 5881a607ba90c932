import * as assert from 'assert';
import { DirectoryPreviews } from '../../../../server/src/lsp/handlers/preview';
import { ServerCommands } from '../../../../server/src/lsp/handlers/commands';
import { CrossFileChecks } from '../../../../server/src/lsp/handlers/crossFile';
import { normalizeSettings } from '../../../../server/src/lsp/handlers/settings';
import { SERVER_COMMANDS } from '../../../../server/src/protocol';
import { serverParts } from '../../../helpers/lsp';
import { Directory } from '../../../../server/src/preview/directory';
import { ExportLoad } from '../../../../server/src/preview/load';
import { CodeDocsLocation } from '../../../../server/src/lsp/codeDocs';

/** Two recipients in Sales and one in IT. */
const EXPORT = ['Alice', 'Bob', 'Carol']
  .map((name, i) => [`dn: CN=${name},OU=Staff,DC=contoso,DC=com`, 'objectClass: top', 'objectClass: person', 'objectClass: organizationalPerson', 'objectClass: user', `cn: ${name}`, `mailNickname: ${name.toLowerCase()}`, `department: ${i < 2 ? 'Sales' : 'IT'}`, ''].join('\n'))
  .join('\n');
const FILTER = 'file:///ws/sales.ldapfilter';

/** Resolves after the timers and immediates queued before it have run (sequencing, not timing: nothing is measured). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => setImmediate(resolve), 5));
}

function previews(options: { trusted?: boolean; settings?: Record<string, unknown> } = {}) {
  const p = serverParts(options.settings);
  if (options.trusted === false) p.workspace.trusted = false;
  const opened: string[] = [];
  const revalidated: string[][] = [];
  let lensRefreshes = 0;
  const openExport = (file: string, workspaceUri?: string, confineTo?: readonly string[]) => {
    opened.push(`${file} ${workspaceUri} ${confineTo ? confineTo.join(',') : 'anywhere'}`);
    return { version: `${file}@1`, read: () => Buffer.from(EXPORT) };
  };
  const previews = new DirectoryPreviews(p.store, p.workspace, p.log, openExport, {
    revalidate: (uris) => revalidated.push(uris),
    refreshCodeLenses: () => lensRefreshes++,
  });
  const commands = new ServerCommands(p.store, p.settings, new CrossFileChecks(p.store, p.workspace, p.log, undefined), previews, p.log, undefined, new CodeDocsLocation(undefined), async () => ({ success: false }));
  return { ...p, previews, commands, opened, revalidated, lensRefreshes: () => lensRefreshes };
}

describe('lsp handlers: query-based group previews', () => {
  it('loads the export on later turns, then has the filter documents diagnosed again and the CodeLenses asked for again', async () => {
    const p = previews({ settings: { directoryExport: 'exports/recipients.ldf' } });
    const doc = p.store.open(FILTER, 'ldapfilter', 1, '(&(mailNickname=*)(department=Sales))');
    p.store.open('file:///ws/a.reg', 'reg', 1, 'REGEDIT4\r\n');
    const settings = normalizeSettings({ directoryExport: 'exports/recipients.ldf' });
    assert.strictEqual(p.previews.previewOf(doc, settings), undefined, 'not loaded yet');
    // Loaded on this thread (no loader given), piece by piece on later turns of the event loop.
    while (p.revalidated.length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepStrictEqual([p.revalidated, p.lensRefreshes()], [[[FILTER]], 1]);
    assert.deepStrictEqual(
      p.previews.codeLenses(doc, settings).map((l) => [l.range.start.line, l.command?.title, l.command?.arguments]),
      [[0, 'Preview: matches 2 of 3 recipients in recipients.ldf', [{ uri: FILTER }]]],
    );
    assert.deepStrictEqual(p.opened, ['exports/recipients.ldf file:///ws anywhere', 'exports/recipients.ldf file:///ws anywhere'], 'found again on each use');
    assert.match(p.lines.join('\n'), /info: Directory export exports\/recipients\.ldf: 3 objects read/);
    const members = (await p.commands.execute({ command: SERVER_COMMANDS.previewMembers, arguments: [{ uri: FILTER }] })) as { markdown: string | null };
    assert.match(members.markdown ?? '', /Alice/);
  });

  it('hands the export to the host\'s loader, and stops a load still running when a newer version replaces it', async () => {
    const p = serverParts({ directoryExport: 'recipients.ldf' });
    let version = 1;
    const loads: { bytes: string; cancelled: boolean; finish(dir: Directory): void }[] = [];
    const loadExport = (bytes: Uint8Array): ExportLoad => {
      let finish: (dir: Directory) => void = () => undefined;
      const load = { bytes: Buffer.from(bytes).toString(), cancelled: false, finish: (dir: Directory) => finish(dir) };
      loads.push(load);
      return { done: new Promise<Directory>((resolve) => (finish = resolve)), cancel: () => void (load.cancelled = true) };
    };
    const revalidated: string[][] = [];
    const previews = new DirectoryPreviews(p.store, p.workspace, p.log, () => ({ version: `v${version}`, read: () => Buffer.from(`export ${version}`) }), { revalidate: (uris) => revalidated.push(uris), refreshCodeLenses: () => undefined }, loadExport);
    const doc = p.store.open(FILTER, 'ldapfilter', 1, '(&(mailNickname=*)(department=Sales))');
    const settings = normalizeSettings({ directoryExport: 'recipients.ldf' });
    assert.strictEqual(previews.previewOf(doc, settings), undefined);
    assert.strictEqual(previews.previewOf(doc, settings), undefined, 'one load per version');
    version = 2;
    assert.strictEqual(previews.previewOf(doc, settings), undefined);
    assert.deepStrictEqual(loads.map((l) => [l.bytes, l.cancelled]), [['export 1', true], ['export 2', false]]);
    // The stopped load finishing anyway changes nothing; the current one is used.
    loads[0].finish(Directory.parse(EXPORT));
    await settle();
    assert.deepStrictEqual(revalidated, []);
    loads[1].finish(Directory.parse(EXPORT));
    await settle();
    assert.deepStrictEqual(revalidated, [[FILTER]]);
    assert.deepStrictEqual(previews.codeLenses(doc, settings).map((l) => l.command?.title), ['Preview: matches 2 of 3 recipients in recipients.ldf']);
    assert.deepStrictEqual(p.lines.filter((l) => l.includes('objects read')), ['info: Directory export recipients.ldf: 3 objects read for the query-based group previews.']);
  });

  it('says why there is no member list', async () => {
    const p = previews();
    const members = (args: unknown) => p.commands.execute({ command: SERVER_COMMANDS.previewMembers, arguments: [args] });
    assert.deepStrictEqual(await members({ uri: FILTER }), { markdown: null, reason: 'Open the filter or LDIF file first.' });
    p.store.open(FILTER, 'ldapfilter', 1, '(department=Sales)');
    assert.deepStrictEqual(await members({ uri: FILTER }), { markdown: null, reason: 'No directory export is set: set exchangeConfig.directoryExport to an ldifde export of the recipients.' });
  });

  it('does not open an export the settings of an untrusted workspace name', () => {
    const p = previews({ trusted: false });
    const doc = p.store.open(FILTER, 'ldapfilter', 1, '(department=Sales)');
    const settings = normalizeSettings({ directoryExport: 'recipients.ldf', workspacePathSettings: ['directoryExport'] });
    assert.strictEqual(p.previews.previewOf(doc, settings), undefined);
    assert.deepStrictEqual(p.opened, []);
    assert.deepStrictEqual(p.lines, ['warn: The directory export recipients.ldf (exchangeConfig.directoryExport) is not used: this workspace is not trusted, so files named in its settings are not read; trust the workspace to use it. Query-based groups are not previewed.']);
  });
});

describe('lsp handlers: commands', () => {
  it('answers an unknown command with null and malformed arguments with empty results', async () => {
    const { commands } = previews();
    assert.deepStrictEqual(
      await Promise.all([
        commands.execute({ command: 'exchangeConfig.unknown' }),
        commands.execute({ command: SERVER_COMMANDS.oneLine, arguments: [] }),
        commands.execute({ command: SERVER_COMMANDS.checkSetupCommandLine, arguments: [{ commandLine: 42 }] }),
        commands.execute({ command: SERVER_COMMANDS.memoryReport, arguments: [{}] }),
        commands.execute({ command: SERVER_COMMANDS.cleanupReg, arguments: [{ uris: 'file:///ws/a.reg' }] }),
      ]),
      [null, { text: null }, { diagnostics: [] }, { markdown: null }, { text: null, unreadable: [] }],
    );
  });

  it('puts an open filter on one line, and says which exports it cannot read for the cleanup .reg', async () => {
    const { commands, store } = previews();
    store.open(FILTER, 'ldapfilter', 1, '(&\n  (mailNickname=*)\n  (department=Sales)\n)');
    assert.deepStrictEqual(await commands.execute({ command: SERVER_COMMANDS.oneLine, arguments: [{ uri: FILTER }] }), { text: '(&(mailNickname=*)(department=Sales))' });
    const cleanup = (await commands.execute({ command: SERVER_COMMANDS.cleanupReg, arguments: [{ uris: ['file:///ws/closed.reg'] }] })) as { text: string | null; unreadable: string[] };
    assert.deepStrictEqual(cleanup.unreadable, ['file:///ws/closed.reg: files that are not open cannot be read here']);
  });
});
