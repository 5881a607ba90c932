import * as assert from 'assert';
import * as lsp from 'vscode-languageserver';
import { CrossFileChecks } from '../../../../server/src/lsp/handlers/crossFile';
import { DiagnosticsProvider } from '../../../../server/src/lsp/handlers/diagnostics';
import { LanguageFeatures } from '../../../../server/src/lsp/handlers/features';
import { DirectoryPreviews } from '../../../../server/src/lsp/handlers/preview';
import { serverParts } from '../../../helpers/lsp';
import { CodeDocsLocation } from '../../../../server/src/lsp/codeDocs';

const URI = 'file:///ws/fixes.reg';
const TEXT = ['Windows Registry Editor Version 5.00', '', '[HKLM\\SOFTWARE\\Test]', '"p"="C:\\Temp"', '"d"=dword:0x10', ''].join('\r\n');

function features() {
  const p = serverParts();
  const cross = new CrossFileChecks(p.store, p.workspace, p.log, undefined);
  const previews = new DirectoryPreviews(p.store, p.workspace, p.log, undefined, { revalidate: () => undefined, refreshCodeLenses: () => undefined });
  const diagnostics = new DiagnosticsProvider(p.store, p.settings, cross, previews, p.log, new CodeDocsLocation('file:///docs/codes'));
  return { ...p, diagnostics, features: new LanguageFeatures(p.store, p.settings, diagnostics, previews, p.log, new CodeDocsLocation('file:///docs/codes')) };
}

describe('lsp handlers: language features', () => {
  it('offers the quick fixes of the current diagnostics, edits tied to the version where the client can refuse stale ones', async () => {
    const f = features();
    f.store.open(URI, 'reg', 3, TEXT);
    const diags = await f.diagnostics.diagnose(f.store.get(URI)!);
    assert.deepStrictEqual(diags.map((d) => d.code), ['reg.key-abbreviated-root', 'reg.string-unknown-escape', 'reg.dword-invalid']);
    const params = { textDocument: { uri: URI }, range: diags[0].range, context: { diagnostics: [diags[0]] } };
    const edit = [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 5 } }, newText: 'HKEY_LOCAL_MACHINE' }];
    const plain = await f.features.codeActions(params);
    const suppressLine = [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '; exchange-config-disable-next-line reg.key-abbreviated-root\r\n' }];
    const suppressFile = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '; exchange-config-disable reg.key-abbreviated-root\r\n' }];
    assert.deepStrictEqual(
      plain.map((a) => [a.kind, a.isPreferred, a.edit]),
      [
        ['quickfix', true, { changes: { [URI]: edit } }],
        ['quickfix', undefined, { changes: { [URI]: suppressLine } }],
        ['quickfix', undefined, { changes: { [URI]: suppressFile } }],
      ],
    );
    f.features.versionedEdits = true;
    const versioned = await f.features.codeActions(params);
    assert.deepStrictEqual(
      versioned.map((a) => a.edit),
      [edit, suppressLine, suppressFile].map((edits) => ({ documentChanges: [{ textDocument: { uri: URI, version: 3 }, edits }] })),
    );
    const stale = { ...diags[0], range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } } };
    assert.deepStrictEqual(await f.features.codeActions({ ...params, context: { diagnostics: [stale] } }), []);
  });

  it('offers "fix all" only when asked for by kind', async () => {
    const f = features();
    f.store.open(URI, 'reg', 1, TEXT);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepStrictEqual(await f.features.codeActions({ textDocument: { uri: URI }, range, context: { diagnostics: [] } }), []);
    const all = await f.features.codeActions({ textDocument: { uri: URI }, range, context: { diagnostics: [], only: [lsp.CodeActionKind.SourceFixAll] } });
    assert.deepStrictEqual(all.map((a) => [a.kind, a.edit?.changes?.[URI].length]), [['source.fixAll.exchange-config', 3]]);
  });

  it('computes the preview CodeLenses unless the client cancelled the request', async () => {
    const p = serverParts({ directoryExport: 'recipients.ldf' });
    const EXPORT = 'dn: CN=A,DC=x\nobjectClass: user\nmailNickname: a\ndepartment: Sales\n';
    let loaded = false;
    const previews = new DirectoryPreviews(p.store, p.workspace, p.log, () => ({ version: '1', read: () => Buffer.from(EXPORT) }), { revalidate: () => void (loaded = true), refreshCodeLenses: () => undefined });
    const diagnostics = new DiagnosticsProvider(p.store, p.settings, new CrossFileChecks(p.store, p.workspace, p.log, undefined), previews, p.log, new CodeDocsLocation(undefined));
    const f = new LanguageFeatures(p.store, p.settings, diagnostics, previews, p.log, new CodeDocsLocation(undefined));
    const uri = 'file:///ws/a.ldapfilter';
    await diagnostics.diagnose(p.store.open(uri, 'ldapfilter', 1, '(department=Sales)'));
    while (!loaded) await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepStrictEqual(await f.codeLenses({ textDocument: { uri } }, lsp.CancellationToken.Cancelled), []);
    assert.deepStrictEqual((await f.codeLenses({ textDocument: { uri } }, lsp.CancellationToken.None)).map((l) => l.command?.title), ['Preview: matches 1 of 1 recipient in recipients.ldf']);
  });

  it('answers requests on documents it does not have with nothing', async () => {
    const f = features();
    const textDocument = { uri: 'file:///ws/none.reg' };
    const position = { line: 0, character: 0 };
    assert.deepStrictEqual(
      [await f.features.hover({ textDocument, position }), await f.features.completion({ textDocument, position }), f.features.formatting({ textDocument, options: { tabSize: 2, insertSpaces: true } }), f.features.symbols({ textDocument }), f.features.folding({ textDocument }), await f.features.codeLenses({ textDocument })],
      [null, [], [], [], [], []],
    );
  });

  it('keeps a language failure inside the request: logged, and the fallback answered', async () => {
    const f = features();
    const doc = f.store.open(URI, 'reg', 1, TEXT);
    doc.parsed = { broken: true };
    assert.deepStrictEqual(f.features.symbols({ textDocument: { uri: URI } }), []);
    assert.match(f.lines.join('\n'), /^error: Request on file:\/\/\/ws\/fixes\.reg failed: /);
  });

  it('formats a filter document as one edit of the whole text', () => {
    const f = features();
    f.store.open('file:///ws/a.ldapfilter', 'ldapfilter', 1, '(&(mailNickname=*)(department=Sales))');
    const edits = f.features.formatting({ textDocument: { uri: 'file:///ws/a.ldapfilter' }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepStrictEqual(edits.map((e) => e.range), [{ start: { line: 0, character: 0 }, end: { line: 0, character: 37 } }]);
    assert.match(edits[0].newText, /\n/);
  });
});
