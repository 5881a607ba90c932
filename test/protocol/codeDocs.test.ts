/**
 * The documentation of the diagnostic codes over the protocol (Node server): the link of each code
 * (codeDescription.href) to its page, the "Show documentation for CODE" code action with the client's command or with
 * window/showDocument, and formatting registered only for the languages that format.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { TestClient } from './client';

const ROOT = path.join(__dirname, '..', '..', '..');
const URI = 'file:///tmp/code-docs-test/sample.reg';
const TEXT = ['Windows Registry Editor Version 5.00', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]', '"Bad"=dword:123456789', '"Path"="C:\\Temp"', ''].join('\r\n');

type Diag = { code: string; source: string; range: unknown; codeDescription?: { href: string } };
type Action = { title: string; kind: string; isPreferred?: boolean; edit?: unknown; command?: { command: string; arguments: unknown[] }; diagnostics: Diag[] };

async function openSample(client: TestClient): Promise<Diag[]> {
  const wait = client.nextDiagnostics(URI);
  await client.open(URI, TEXT);
  return (await wait).diagnostics as Diag[];
}

function codeActions(client: TestClient, diags: Diag[]): Promise<Action[]> {
  return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, context: { diagnostics: diags } }) as Promise<Action[]>;
}

describe('protocol: documentation pages of the codes (Node server)', function () {
  this.timeout(20000);

  describe('a client that names no documentation folder and cannot show documents', () => {
    let client: TestClient;
    before(async () => {
      client = TestClient.start('stdio');
      await client.initialize({});
    });
    after(() => client.stop());

    it('links each code to its page beside the server, a file that exists', async () => {
      const diags = await openSample(client);
      assert.deepStrictEqual(diags.map((d) => d.code), ['reg.dword-too-long', 'reg.string-unknown-escape']);
      for (const d of diags) {
        const href = d.codeDescription?.href ?? '';
        assert.strictEqual(href, `${pathToFileURL(path.join(ROOT, 'docs', 'codes')).href}/${d.code}.md`);
        assert.ok(fs.existsSync(fileURLToPath(href)), href);
      }
    });

    it('offers no "Show documentation" action, since nothing could open it', async () => {
      const diags = (client.diagnostics.get(URI) ?? [])[0].diagnostics as Diag[];
      const actions = await codeActions(client, diags);
      assert.deepStrictEqual(actions.filter((a) => a.title.startsWith('Show documentation')), []);
      assert.ok(actions.length > 0, 'the quick fixes are still offered');
    });

    it('advertises formatting statically, for every document (the client cannot register it per language)', async () => {
      const c = TestClient.start('stdio');
      try {
        const init = await c.initialize({});
        assert.strictEqual(init.capabilities.documentFormattingProvider, true);
      } finally {
        await c.stop();
      }
    });
  });

  describe('the VS Code client: its own documentation folder and its command', () => {
    let client: TestClient;
    const registrations: { method: string; registerOptions: unknown }[] = [];
    const docs = 'vscode-remote://host/extensions/exchange-config-tools/docs/codes';
    let init: { capabilities: Record<string, unknown> };
    before(async () => {
      client = TestClient.start('stdio');
      client.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions: unknown }[] }) => {
        registrations.push(...p.registrations);
        return null;
      });
      init = await client.initialize({ textDocument: { formatting: { dynamicRegistration: true } } }, { codeDocsUri: docs, showCodeDocumentationCommand: true });
    });
    after(() => client.stop());

    it('links each code to the page in the folder the client named', async () => {
      const diags = await openSample(client);
      assert.deepStrictEqual(diags.map((d) => d.codeDescription?.href), [`${docs}/reg.dword-too-long.md`, `${docs}/reg.string-unknown-escape.md`]);
    });

    it('offers "Show documentation for CODE" after the fixes, once per code, running the client\'s command with the page', async () => {
      const diags = (client.diagnostics.get(URI) ?? [])[0].diagnostics as Diag[];
      const actions = await codeActions(client, diags);
      const docsActions = actions.filter((a) => a.title.startsWith('Show documentation'));
      assert.deepStrictEqual(docsActions.map((a) => ({ title: a.title, kind: a.kind, edit: a.edit, command: a.command, codes: a.diagnostics.map((d) => d.code) })), [
        { title: 'Show documentation for reg.dword-too-long', kind: 'quickfix', edit: undefined, command: { title: 'Show documentation for reg.dword-too-long', command: 'exchangeConfig.showCodeDocumentation', arguments: [{ code: 'reg.dword-too-long', uri: `${docs}/reg.dword-too-long.md` }] }, codes: ['reg.dword-too-long'] },
        { title: 'Show documentation for reg.string-unknown-escape', kind: 'quickfix', edit: undefined, command: { title: 'Show documentation for reg.string-unknown-escape', command: 'exchangeConfig.showCodeDocumentation', arguments: [{ code: 'reg.string-unknown-escape', uri: `${docs}/reg.string-unknown-escape.md` }] }, codes: ['reg.string-unknown-escape'] },
      ]);
      const firstDocs = actions.findIndex((a) => a.title.startsWith('Show documentation'));
      assert.ok(actions.slice(0, firstDocs).length > 0 && actions.slice(0, firstDocs).every((a) => a.edit !== undefined), 'the fixes come first');
      assert.ok(actions.slice(firstDocs).every((a) => a.edit === undefined), 'no fix after the documentation actions');
      // Fix-all (source actions only) never includes them.
      const fixAll = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as Action[];
      assert.ok(fixAll.every((a) => !a.title.startsWith('Show documentation')));
    });

    it('registers formatting for LDAP filters only, and advertises it statically for no document', async () => {
      assert.strictEqual(init.capabilities.documentFormattingProvider, false);
      const deadline = Date.now() + 5000;
      while (!registrations.some((r) => r.method === 'textDocument/formatting') && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      assert.deepStrictEqual(registrations.filter((r) => r.method === 'textDocument/formatting').map((r) => r.registerOptions), [{ documentSelector: [{ language: 'ldapfilter' }] }]);
    });
  });

  describe('another LSP client that can show documents (window/showDocument)', () => {
    let client: TestClient;
    const shown: unknown[] = [];
    before(async () => {
      client = TestClient.start('stdio');
      client.connection.onRequest('window/showDocument', (p: unknown) => {
        shown.push(p);
        return { success: true };
      });
      await client.initialize({ window: { showDocument: { support: true } } });
    });
    after(() => client.stop());

    it('offers the action with the server\'s command, which asks the client to show the page', async () => {
      const diags = await openSample(client);
      const actions = await codeActions(client, diags.slice(0, 1));
      const action = actions.find((a) => a.title === 'Show documentation for reg.dword-too-long');
      assert.ok(action?.command, JSON.stringify(actions));
      assert.strictEqual(action.command.command, 'exchangeConfig.server.showCodeDocumentation');
      const result = await client.connection.sendRequest('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
      assert.deepStrictEqual(result, { success: true });
      assert.deepStrictEqual(shown, [{ uri: diags[0].codeDescription?.href, takeFocus: true }]);
      assert.match(diags[0].codeDescription?.href ?? '', /^file:.*\/docs\/codes\/reg\.dword-too-long\.md$/);
    });

    it('answers a malformed show-documentation command without asking the client anything', async () => {
      const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'exchangeConfig.server.showCodeDocumentation', arguments: [{ code: 1 }] });
      assert.deepStrictEqual(result, { success: false });
      assert.strictEqual(shown.length, 1);
    });
  });
});
