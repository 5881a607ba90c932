import * as assert from 'assert';
import { CrossFileChecks } from '../../../../server/src/lsp/handlers/crossFile';
import { DocumentSync } from '../../../../server/src/lsp/handlers/documentSync';
import { DiagnosticsProvider } from '../../../../server/src/lsp/handlers/diagnostics';
import { DirectoryPreviews } from '../../../../server/src/lsp/handlers/preview';
import { ValidationScheduler } from '../../../../server/src/lsp/handlers/scheduler';
import { normalizeSettings } from '../../../../server/src/lsp/handlers/settings';
import { MEMORY_BOOT as BOOT, MEMORY_REG as REG } from '../../../helpers/bootini';
import { serverParts } from '../../../helpers/lsp';
import { CodeDocsLocation } from '../../../../server/src/lsp/codeDocs';


function parts(readUri?: (uri: string, confineTo?: readonly string[]) => Uint8Array) {
  const p = serverParts({}, { readUri });
  return { ...p, cross: new CrossFileChecks(p.store, p.workspace, p.log, readUri) };
}

const codes = (ds: { code: string }[]): string[] => ds.map((d) => d.code);

describe('lsp handlers: checks across the files of one server', () => {
  it('names the open exports beside a boot.ini, and none for other files', () => {
    const { store, cross } = parts();
    store.open('file:///ws/s1/boot.ini', 'bootini', 1, BOOT);
    store.open('file:///ws/s1/a.reg', 'reg', 1, REG);
    store.open('file:///ws/s1/b.reg', 'reg', 1, REG);
    store.open('file:///ws/s2/c.reg', 'reg', 1, REG);
    assert.deepStrictEqual(cross.exportsBeside('file:///ws/s1/boot.ini', undefined), ['file:///ws/s1/a.reg', 'file:///ws/s1/b.reg']);
    assert.deepStrictEqual(cross.exportsBeside('file:///ws/s1/a.reg', undefined), []);
    store.close('file:///ws/s1/boot.ini');
    assert.deepStrictEqual(cross.exportsBeside('file:///ws/s1/boot.ini', 'bootini'), ['file:///ws/s1/a.reg', 'file:///ws/s1/b.reg'], 'a closed boot.ini by its language');
    assert.deepStrictEqual(cross.exportsBeside('file:///ws/s1/BOOT.INI', 'plaintext'), ['file:///ws/s1/a.reg', 'file:///ws/s1/b.reg'], 'or by its name');
  });

  it('checks an export against the open boot.ini of its folder, and follows the boot.ini as it opens and closes', () => {
    const { store, cross, settings } = parts();
    const knowledge = settings.knowledgeFor(normalizeSettings({}));
    const reg = store.open('file:///ws/s1/a.reg', 'reg', 1, REG);
    assert.deepStrictEqual(cross.diagnostics(reg, knowledge), []);
    store.open('file:///ws/s1/boot.ini', 'bootini', 1, BOOT);
    assert.deepStrictEqual(codes(cross.diagnostics(reg, knowledge)), ['cross.memory-config']);
    store.close('file:///ws/s1/boot.ini');
    assert.deepStrictEqual(cross.diagnostics(reg, knowledge), []);
  });

  it('reads the boot.ini exchangeConfig.bootIniFor pairs with an export, confined to the workspace', () => {
    const reads: string[] = [];
    const { store, cross, settings, lines } = parts((uri, confineTo) => {
      reads.push(`${uri} ${confineTo?.join(',')}`);
      return Buffer.from(BOOT, 'latin1');
    });
    const reg = store.open('file:///ws/exports/MAIL01/a.reg', 'reg', 1, REG);
    const paired = settings.knowledgeFor(normalizeSettings({ bootIniFor: { 'exports/MAIL01': 'servers/MAIL 01/boot.ini' } }));
    assert.deepStrictEqual(codes(cross.diagnostics(reg, paired)), ['cross.memory-config']);
    assert.deepStrictEqual(reads, ['file:///ws/servers/MAIL%2001/boot.ini file:///ws']);
    const outside = settings.knowledgeFor(normalizeSettings({ bootIniFor: { exports: '../boot.ini' } }));
    assert.deepStrictEqual(cross.diagnostics(reg, outside), []);
    assert.deepStrictEqual(cross.diagnostics(reg, outside), []);
    assert.deepStrictEqual(reads.length, 1);
    assert.deepStrictEqual(lines, ['warn: exchangeConfig.bootIniFor: "../boot.ini" is outside the workspace folder and is not used; name a boot.ini inside it.']);
  });

  it('gives the memory report of a boot.ini only with exports beside it', () => {
    const { store, cross, settings } = parts();
    const knowledge = settings.knowledgeFor(normalizeSettings({}));
    store.open('file:///ws/s1/boot.ini', 'bootini', 1, BOOT);
    assert.deepStrictEqual(cross.report('file:///ws/s1/boot.ini', knowledge), { markdown: null });
    store.open('file:///ws/s1/a.reg', 'reg', 1, REG);
    assert.match(cross.report('file:///ws/s1/boot.ini', knowledge).markdown ?? '', /SystemPages/);
    assert.match(cross.report('file:///ws/s1/a.reg', knowledge).markdown ?? '', /SystemPages/);
  });
});

describe('lsp handlers: document sync', () => {
  it('diagnoses the exports beside a boot.ini again when it opens, changes or closes, and forgets a closed document', () => {
    const p = parts();
    const calls: string[] = [];
    const scheduler = {
      schedule: (uri: string, delay: number) => calls.push(`schedule ${uri} ${delay}`),
      revalidate: (uris: string[], delay: number) => calls.push(`revalidate ${uris.join(',')} ${delay}`),
      forget: (uri: string) => calls.push(`forget ${uri}`),
    } as unknown as ValidationScheduler;
    const previews = new DirectoryPreviews(p.store, p.workspace, p.log, undefined, { revalidate: () => undefined, refreshCodeLenses: () => undefined });
    const diagnostics = new DiagnosticsProvider(p.store, p.settings, p.cross, previews, p.log, new CodeDocsLocation(undefined));
    const sync = new DocumentSync(p.store, scheduler, p.cross, diagnostics, previews, p.settings);
    sync.opened({ textDocument: { uri: 'file:///ws/a.reg', languageId: 'reg', version: 1, text: REG } });
    sync.opened({ textDocument: { uri: 'file:///ws/boot.ini', languageId: 'bootini', version: 1, text: BOOT } });
    sync.changed({ textDocument: { uri: 'file:///ws/boot.ini', version: 2 }, contentChanges: [{ text: BOOT.replace('/3GB ', '') }] });
    sync.closed({ textDocument: { uri: 'file:///ws/boot.ini' } });
    sync.closed({ textDocument: { uri: 'file:///ws/a.reg' } });
    assert.deepStrictEqual(calls, [
      'schedule file:///ws/a.reg 0',
      'schedule file:///ws/boot.ini 0',
      'revalidate file:///ws/a.reg 0',
      'schedule file:///ws/boot.ini 50',
      'revalidate file:///ws/a.reg 50',
      'revalidate file:///ws/a.reg 0',
      'forget file:///ws/boot.ini',
      'forget file:///ws/a.reg',
    ]);
    assert.deepStrictEqual(p.store.all(), []);
  });
});
