/**
 * The open documents follow the editor (didOpen, didChange, didClose): each change is applied to the store and the
 * document diagnosed again, with the .reg exports beside a boot.ini or an export that changed (the cross-file checks);
 * a closed document leaves no cache.
 */
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, Range } from 'vscode-languageserver';
import { bootiniLanguage } from '../../languages/bootini';
import { regLanguage } from '../../languages/reg';
import { DocumentStore } from '../documents';
import { CrossFileChecks } from './crossFile';
import { DiagnosticsProvider } from './diagnostics';
import { DirectoryPreviews } from './preview';
import { ValidationScheduler } from './scheduler';
import { SettingsService } from './settings';

/** Milliseconds from a keystroke to its diagnosis (typing on resets it). */
const CHANGE_DELAY = 50;

export class DocumentSync {
  constructor(
    private readonly store: DocumentStore,
    private readonly scheduler: ValidationScheduler,
    private readonly crossFile: CrossFileChecks,
    private readonly diagnostics: DiagnosticsProvider,
    private readonly previews: DirectoryPreviews,
    private readonly settings: SettingsService,
  ) {}

  opened({ textDocument: t }: DidOpenTextDocumentParams): void {
    this.store.open(t.uri, t.languageId, t.version, t.text);
    this.scheduler.schedule(t.uri, 0);
    this.bootIniChanged(t.uri, t.languageId, 0);
    this.exportChanged(t.uri, t.languageId, 0);
  }

  changed({ textDocument: t, contentChanges }: DidChangeTextDocumentParams): void {
    this.store.change(t.uri, t.version ?? 0, contentChanges as { range?: Range; text: string }[]);
    this.scheduler.schedule(t.uri, CHANGE_DELAY);
    this.bootIniChanged(t.uri, undefined, CHANGE_DELAY);
    this.exportChanged(t.uri, undefined, CHANGE_DELAY);
  }

  closed({ textDocument: t }: DidCloseTextDocumentParams): void {
    const language = this.store.get(t.uri)?.language;
    this.store.close(t.uri);
    if (language === bootiniLanguage) this.bootIniChanged(t.uri, bootiniLanguage.id, 0);
    if (language === regLanguage) this.exportChanged(t.uri, regLanguage.id, 0);
    this.diagnostics.forget(t.uri);
    this.previews.forget(t.uri);
    this.settings.forget(t.uri);
    this.scheduler.forget(t.uri);
  }

  /** A boot.ini opened, changed or closed: the .reg documents beside it are diagnosed again. */
  private bootIniChanged(uri: string, languageId: string | undefined, delay: number): void {
    const exports = this.crossFile.exportsBeside(uri, languageId);
    if (exports.length > 0) this.scheduler.revalidate(exports, delay);
  }

  /** A .reg export opened, changed or closed: the other exports beside it are diagnosed again (port conflicts, IFS backup exclusion). */
  private exportChanged(uri: string, languageId: string | undefined, delay: number): void {
    const exports = this.crossFile.exportsBesideExport(uri, languageId);
    if (exports.length > 0) this.scheduler.revalidate(exports, delay);
  }
}
