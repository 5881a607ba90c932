import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from './client';
import { internalReferences } from '../helpers/userText';

/** Three objects: two in Sales (Bob without mailNickname, so not a recipient), a contact in IT. */
const EXPORT = [
  'dn: CN=Alice Smith,OU=Sales,DC=contoso,DC=com',
  'changetype: add',
  'objectClass: top',
  'objectClass: person',
  'objectClass: organizationalPerson',
  'objectClass: user',
  'cn: Alice Smith',
  'displayName: Alice Smith',
  'mail: alice@contoso.com',
  'mailNickname: alice',
  'department: Sales',
  '',
  'dn: CN=Bob Jones,OU=Sales,DC=contoso,DC=com',
  'changetype: add',
  'objectClass: top',
  'objectClass: person',
  'objectClass: organizationalPerson',
  'objectClass: user',
  'cn: Bob Jones',
  'displayName: Bob Jones',
  'department: Sales',
  '',
  'dn: CN=Carol White,OU=IT,DC=contoso,DC=com',
  'changetype: add',
  'objectClass: top',
  'objectClass: person',
  'objectClass: organizationalPerson',
  'objectClass: contact',
  'cn: Carol White',
  'displayName: Carol White',
  'mail: carol@example.net',
  'mailNickname: carol',
  'department: IT',
  '',
].join('\r\n');

const GROUPS = [
  'dn: CN=Sales QBDG,OU=Groups,DC=contoso,DC=com',
  'changetype: add',
  'objectClass: msExchDynamicDistributionList',
  'cn: Sales QBDG',
  'mailNickname: salesqbdg',
  'msExchDynamicDLBaseDN: OU=Sales,DC=contoso,DC=com',
  'msExchDynamicDLFilter: (&(mailNickname=*)(department=Sales))',
  '',
  'dn: CN=IT QBDG,OU=Groups,DC=contoso,DC=com',
  'changetype: add',
  'objectClass: msExchDynamicDistributionList',
  'cn: IT QBDG',
  'mailNickname: itqbdg',
  'msExchDynamicDLBaseDN: DC=contoso,DC=com',
  'msExchDynamicDLFilter: (&(mailNickname=*)(department=IT))',
  '',
].join('\n');

type Diag = { code: string; message: string; range: { start: { line: number; character: number } } };
type Lens = { range: { start: { line: number; character: number } }; command?: { title: string; command: string; arguments?: { uri: string; line?: number }[] } };
const previewCodes = (p: { diagnostics: unknown[] }): string[] => (p.diagnostics as Diag[]).filter((d) => d.code.startsWith('ldapfilter.preview-')).map((d) => `${d.range.start.line}:${d.range.start.character}:${d.code}`);

describe('protocol: query-based group preview against exchangeConfig.directoryExport', function () {
  this.timeout(30000);
  const posix = process.platform !== 'win32';
  let root: string;
  let ws: string;
  let client: TestClient;
  const messages: string[] = [];
  let lensRefreshes = 0;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-preview-'));
    ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, 'groups'), { recursive: true });
    fs.mkdirSync(path.join(root, 'outside'));
    fs.writeFileSync(path.join(ws, 'recipients.ldf'), EXPORT);
    fs.writeFileSync(path.join(root, 'outside', 'recipients.ldf'), EXPORT);
  });

  afterEach(async () => {
    await client?.stop();
    messages.length = 0;
    lensRefreshes = 0;
  });
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  async function start(settings: Record<string, unknown>, trusted?: boolean): Promise<void> {
    client = TestClient.start('stdio');
    client.collectMessages(messages);
    client.connection.onRequest('workspace/codeLens/refresh', () => {
      lensRefreshes++;
      return null;
    });
    client.configuration = { exchangeConfig: settings };
    await client.initialize({ workspace: { configuration: true, codeLens: { refreshSupport: true } } }, trusted === undefined ? undefined : { workspaceTrusted: trusted }, [{ uri: pathToFileURL(ws).href, name: 'ws' }]);
  }

  const uriOf = (name: string): string => pathToFileURL(path.join(ws, 'groups', name)).href;

  /** Opens a document and waits for its diagnostics that satisfy `until` (by default the first ones). */
  async function open(name: string, text: string, languageId: string, until?: (p: { diagnostics: unknown[] }) => boolean): Promise<Diag[]> {
    const wait = client.nextDiagnostics(uriOf(name), until);
    await client.open(uriOf(name), text, languageId);
    return (await wait).diagnostics as Diag[];
  }

  function lenses(name: string): Promise<Lens[]> {
    return client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf(name) } }) as Promise<Lens[]>;
  }

  function members(args: unknown): Promise<{ markdown: string | null; reason?: string }> {
    return client.connection.sendRequest('workspace/executeCommand', { command: 'exchangeConfig.server.previewMembers', arguments: [args] }) as Promise<{ markdown: string | null; reason?: string }>;
  }

  const hasPreview = (p: { diagnostics: unknown[] }): boolean => previewCodes(p).length > 0;

  it('gives a filter file the preview diagnostics, a CodeLens on the filter\'s first line, and the member list', async () => {
    await start({ directoryExport: 'recipients.ldf' });
    const diags = await open('sales.ldapfilter', '\n(department=Sales)\n', 'ldapfilter', hasPreview);
    assert.deepStrictEqual(previewCodes({ diagnostics: diags }), ['1:0:ldapfilter.preview-not-mail-enabled']);
    const d = diags.find((x) => x.code === 'ldapfilter.preview-not-mail-enabled')!;
    assert.strictEqual(d.message, '1 of the 2 objects this filter matches in recipients.ldf have no mailNickname: they are not Exchange recipients and get none of the group\'s mail. Add (mailNickname=*) to the filter.');
    assert.ok(lensRefreshes >= 1, 'the CodeLenses are asked for again once the export is loaded');
    const got = await lenses('sales.ldapfilter');
    assert.deepStrictEqual(
      got.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [[1, 'Preview: matches 2 of 3 recipients in recipients.ldf', 'exchangeConfig.showPreviewMembers']],
    );
    const result = await members(got[0].command!.arguments![0]);
    assert.ok(result.markdown, result.reason);
    assert.match(result.markdown, /matches 2 of the 3 objects read from recipients\.ldf/);
    assert.match(result.markdown, /\| Alice Smith \| alice@contoso\.com \| CN=Alice Smith,OU=Sales,DC=contoso,DC=com \| user \|/);
    assert.match(result.markdown, /\| Bob Jones \|  \| CN=Bob Jones,OU=Sales,DC=contoso,DC=com \| user \|/);
    assert.ok(!result.markdown.includes('Carol'));
    assert.deepStrictEqual(internalReferences(result.markdown), []);
    assert.strictEqual(messages.filter((m) => m.includes('Directory export recipients.ldf: 3 objects read')).length, 1, messages.join('\n'));
  });

  it('keeps the preview in step with edits, and gives no CodeLens while the filter has syntax errors', async () => {
    await start({ directoryExport: 'recipients.ldf' });
    await open('edit.ldapfilter', '(department=Sales)', 'ldapfilter', hasPreview);
    const wait = client.nextDiagnostics(uriOf('edit.ldapfilter'), (p) => !hasPreview(p) && (p.diagnostics as Diag[]).length > 0);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('edit.ldapfilter'), version: 2 }, contentChanges: [{ text: '(&(mailNickname=*)(department=IT))' }] });
    await wait;
    assert.deepStrictEqual((await lenses('edit.ldapfilter')).map((l) => l.command?.title), ['Preview: matches 1 of 3 recipients in recipients.ldf']);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('edit.ldapfilter'), version: 3 }, contentChanges: [{ text: '(&(mailNickname=*)(department=' }] });
    assert.deepStrictEqual(await lenses('edit.ldapfilter'), []);
    assert.match((await members({ uri: uriOf('edit.ldapfilter') })).reason ?? '', /syntax errors/);
  });

  it('reports nobody matching a filter as the CLI does', async () => {
    await start({ directoryExport: 'recipients.ldf' });
    const diags = await open('none.ldapfilter', '(&(mailNickname=*)(department=Finance))', 'ldapfilter', hasPreview);
    assert.deepStrictEqual(previewCodes({ diagnostics: diags }), ['0:0:ldapfilter.preview-matches-nobody']);
    assert.deepStrictEqual((await lenses('none.ldapfilter')).map((l) => l.command?.title), ['Preview: matches 0 of 3 recipients in recipients.ldf']);
  });

  it('puts a CodeLens on each msExchDynamicDLFilter of an LDIF file, scoped by its base DN, and lists that group\'s members', async () => {
    await start({ directoryExport: 'recipients.ldf' });
    await open('groups.ldf', GROUPS, 'ldif');
    await new Promise<void>((resolve) => {
      const poll = async (): Promise<void> => ((await lenses('groups.ldf')).length > 0 ? resolve() : void setTimeout(() => void poll(), 50));
      void poll();
    });
    const got = await lenses('groups.ldf');
    assert.deepStrictEqual(
      got.map((l) => [l.range.start.line, l.command?.title, l.command?.arguments?.[0].line]),
      [
        [6, 'Preview: matches 1 of 2 recipients in recipients.ldf', 6],
        [14, 'Preview: matches 1 of 3 recipients in recipients.ldf', 14],
      ],
    );
    const it = await members(got[1].command!.arguments![0]);
    assert.match(it.markdown ?? '', /^# Query-based group preview: CN=IT QBDG,OU=Groups,DC=contoso,DC=com$/m);
    assert.match(it.markdown ?? '', /\| Carol White \| carol@example\.net \| CN=Carol White,OU=IT,DC=contoso,DC=com \| contact \|/);
    assert.match((await members({ uri: uriOf('groups.ldf'), line: 3 })).reason ?? '', /no query-based group filter at that place/);
  });

  it('gives no CodeLens and no preview diagnostic without the setting, and says so once', async () => {
    await start({});
    const diags = await open('a.ldapfilter', '(department=Sales)', 'ldapfilter');
    assert.deepStrictEqual(previewCodes({ diagnostics: diags }), []);
    assert.deepStrictEqual(await lenses('a.ldapfilter'), []);
    await open('b.ldapfilter', '(department=IT)', 'ldapfilter');
    assert.deepStrictEqual(await lenses('b.ldapfilter'), []);
    assert.strictEqual(messages.filter((m) => m.includes('No directory export is set (exchangeConfig.directoryExport)')).length, 1, messages.join('\n'));
    assert.match((await members({ uri: uriOf('a.ldapfilter') })).reason ?? '', /No directory export is set/);
  });

  it('says once, in the output, that an export it cannot read is not used, and gives no CodeLens', async () => {
    await start({ directoryExport: 'missing.ldf' });
    await open('a.ldapfilter', '(department=Sales)', 'ldapfilter');
    assert.deepStrictEqual(await lenses('a.ldapfilter'), []);
    assert.deepStrictEqual(await lenses('a.ldapfilter'), []);
    const said = messages.filter((m) => m.includes('missing.ldf'));
    assert.deepStrictEqual(said, ['The directory export missing.ldf (exchangeConfig.directoryExport) is not used: no such file. Query-based groups are not previewed.']);
  });

  it('answers a hover while a large export loads: the answer comes before the export is read', async function () {
    this.timeout(180000);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generate } = require(path.join(__dirname, '..', '..', '..', 'scripts', 'generate-recipients.js')) as { generate(count: number, seed: number): string };
    fs.writeFileSync(path.join(ws, 'large.ldf'), generate(20000, 2003));
    await start({ directoryExport: 'large.ldf' });
    const loading = new Promise<void>((resolve) => {
      const poll = (): void => (messages.some((m) => m.startsWith('Reading the directory export large.ldf')) ? resolve() : void setTimeout(poll, 5));
      poll();
    });
    await open('large.ldapfilter', '(&(mailNickname=*)(department=Sales))', 'ldapfilter');
    await loading;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf('large.ldapfilter') }, position: { line: 0, character: 20 } })) as { contents: { value: string } } | null;
    // The order of the server's messages, not a duration: nothing said the export was read before the hover came back.
    const readBeforeHover = messages.some((m) => m.includes('Directory export large.ldf: 20000 objects read'));
    assert.match(hover?.contents.value ?? '', /department/i);
    assert.strictEqual(readBeforeHover, false, messages.join('\n'));
    // And the export does get loaded: the filter then has its preview.
    const lens = async (): Promise<Lens[]> => {
      for (;;) {
        const got = await lenses('large.ldapfilter');
        if (got.length > 0) return got;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    assert.match((await lens())[0].command?.title ?? '', /^Preview: matches \d+ of 20000 recipients in large\.ldf$/);
  });

  describe('confined like exchangeConfig.catalogFiles', () => {
    before(function () {
      if (!posix) this.skip();
    });

    it('refuses an export outside the workspace named by the workspace settings, alike whether it exists or not', async () => {
      const outside = ['../outside/recipients.ldf', path.join(root, 'outside', 'recipients.ldf'), '../outside/none.ldf'];
      for (const file of outside) {
        await start({ directoryExport: file, workspacePathSettings: ['directoryExport'] });
        const diags = await open('a.ldapfilter', '(department=Sales)', 'ldapfilter');
        assert.deepStrictEqual(previewCodes({ diagnostics: diags }), []);
        assert.deepStrictEqual(await lenses('a.ldapfilter'), []);
        assert.deepStrictEqual(
          messages.filter((m) => m.includes('exchangeConfig.directoryExport')),
          [`The directory export ${file} (exchangeConfig.directoryExport) is not used: it is outside the workspace folders; the workspace settings may only name files inside them (your user settings may name any file). Query-based groups are not previewed.`],
        );
        await client.stop();
        messages.length = 0;
      }
      // The same setting inside the workspace is used (the refusals above are not silent for another reason).
      await start({ directoryExport: 'recipients.ldf', workspacePathSettings: ['directoryExport'] });
      await open('a.ldapfilter', '(department=Sales)', 'ldapfilter', hasPreview);
      assert.strictEqual((await lenses('a.ldapfilter')).length, 1);
    });

    it('lets user settings name an export anywhere', async () => {
      await start({ directoryExport: path.join(root, 'outside', 'recipients.ldf') });
      await open('a.ldapfilter', '(department=Sales)', 'ldapfilter', hasPreview);
      assert.deepStrictEqual((await lenses('a.ldapfilter')).map((l) => l.command?.title), ['Preview: matches 2 of 3 recipients in recipients.ldf']);
    });

    it('ignores an export named by the workspace settings until the workspace is trusted', async () => {
      await start({ directoryExport: 'recipients.ldf', workspacePathSettings: ['directoryExport'] }, false);
      const diags = await open('a.ldapfilter', '(department=Sales)', 'ldapfilter');
      assert.deepStrictEqual(previewCodes({ diagnostics: diags }), []);
      assert.deepStrictEqual(await lenses('a.ldapfilter'), []);
      assert.ok(messages.some((m) => /^The directory export recipients\.ldf \(exchangeConfig\.directoryExport\) is not used: this workspace is not trusted/.test(m)), messages.join('\n'));
      const wait = client.nextDiagnostics(uriOf('a.ldapfilter'), hasPreview);
      await client.connection.sendNotification('exchangeConfig/workspaceTrusted');
      await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf('a.ldapfilter') } });
      await wait;
      assert.strictEqual((await lenses('a.ldapfilter')).length, 1);
    });
  });
});
