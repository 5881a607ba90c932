import * as assert from 'assert';
import { CrossFileChecks } from '../../../../server/src/lsp/handlers/crossFile';
import { DiagnosticsProvider } from '../../../../server/src/lsp/handlers/diagnostics';
import { DirectoryPreviews } from '../../../../server/src/lsp/handlers/preview';
import { serverParts } from '../../../helpers/lsp';
import { CodeDocsLocation } from '../../../../server/src/lsp/codeDocs';

function provider(settings: Record<string, unknown>) {
  const p = serverParts(settings);
  const cross = new CrossFileChecks(p.store, p.workspace, p.log, undefined);
  const previews = new DirectoryPreviews(p.store, p.workspace, p.log, undefined, { revalidate: () => undefined, refreshCodeLenses: () => undefined });
  return { ...p, diagnostics: new DiagnosticsProvider(p.store, p.settings, cross, previews, p.log, new CodeDocsLocation(undefined)) };
}

const V5 = 'Windows Registry Editor Version 5.00';

describe('lsp handlers: diagnostics with suppression comments', () => {
  it('applies the per-file cap to what the directives leave, as the command line does', async () => {
    const f = provider({ maxDiagnosticsPerFile: 2 });
    const text = [V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '; exchange-config-disable-next-line reg.dword-too-long', '"a"=dword:123456789', '"b"=dword:123456789', '"c"=dword:123456789', '"d"=dword:123456789', ''].join('\r\n');
    f.store.open('file:///ws/capped.reg', 'reg', 1, text);
    const shown = await f.diagnostics.diagnose(f.store.get('file:///ws/capped.reg')!);
    assert.deepStrictEqual(
      shown.map((d) => `${d.range.start.line} ${d.code}`),
      ['5 reg.dword-too-long', '6 reg.dword-too-long'],
    );
  });

  it('without directives the language caps its own findings, as before', async () => {
    const f = provider({ maxDiagnosticsPerFile: 2 });
    const text = [V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '"a"=dword:123456789', '"b"=dword:123456789', '"c"=dword:123456789', ''].join('\r\n');
    f.store.open('file:///ws/plain.reg', 'reg', 1, text);
    const shown = await f.diagnostics.diagnose(f.store.get('file:///ws/plain.reg')!);
    assert.deepStrictEqual(
      shown.map((d) => `${d.range.start.line} ${d.code}`),
      ['3 reg.dword-too-long', '4 reg.dword-too-long'],
    );
  });
});
