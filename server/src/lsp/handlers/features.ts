/**
 * The language features of an open document: hover, completion, code actions (quick fixes and "fix all"),
 * formatting, document symbols, folding ranges, and the preview CodeLenses. Each asks the document's language.
 */
import * as lsp from 'vscode-languageserver';
import { fixAllEdits } from '../../core/fixAll';
import { suppressIn, suppressionFixes } from '../../core/suppress';
import { SOURCE } from '../../core/types';
import { FIX_ALL_KIND } from '../capabilities';
import { CodeDocsLocation, documentationActions } from '../codeDocs';
import { toLspCompletion, toLspFolding, toLspSymbol } from '../convert';
import { DocumentStore, OpenDocument } from '../documents';
import { ServerLog } from '../log';
import { DiagnosticsProvider } from './diagnostics';
import { withDoc } from './guard';
import { DirectoryPreviews, hasPreviews } from './preview';
import { SettingsService } from './settings';

export class LanguageFeatures {
  /** Edits are tied to the document version they were computed for (the client can refuse stale ones). */
  versionedEdits = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SettingsService,
    private readonly diagnostics: DiagnosticsProvider,
    private readonly previews: DirectoryPreviews,
    private readonly log: ServerLog,
    private readonly codeDocs: CodeDocsLocation,
  ) {}

  async hover({ textDocument, position }: lsp.HoverParams): Promise<lsp.Hover | null> {
    const settings = await this.settings.settingsFor(textDocument.uri);
    return withDoc<lsp.Hover | null>(this.store, this.log, textDocument.uri, null, (doc) => {
      const h = doc.language!.hover(doc.parsed, position, this.settings.knowledgeFor(settings));
      return h ? { contents: { kind: lsp.MarkupKind.Markdown, value: h.contents }, range: h.range } : null;
    });
  }

  async completion({ textDocument, position }: lsp.CompletionParams): Promise<lsp.CompletionItem[]> {
    const settings = await this.settings.settingsFor(textDocument.uri);
    return withDoc<lsp.CompletionItem[]>(this.store, this.log, textDocument.uri, [], (doc) => {
      const language = doc.language!;
      return language.complete ? language.complete(doc.parsed, position, this.settings.knowledgeFor(settings)).map(toLspCompletion) : [];
    });
  }

  /**
   * Quick fixes for the diagnostics the client names (as computed for the current version), the suppressions of them,
   * and "fix all" when asked for by kind.
   */
  async codeActions({ textDocument, context }: lsp.CodeActionParams): Promise<lsp.CodeAction[]> {
    const doc = this.store.get(textDocument.uri);
    if (!doc || !doc.language?.fixes || doc.parsed === undefined) return [];
    const settings = await this.settings.settingsFor(doc.uri);
    // Suppressions are offered for what the document shows now (cross-file and preview findings included).
    const shown = context.diagnostics.length > 0 ? await this.diagnostics.diagnose(doc) : [];
    return withDoc<lsp.CodeAction[]>(this.store, this.log, textDocument.uri, [], () => {
      const current = this.diagnostics.coreDiagnostics(doc, this.settings.knowledgeFor(settings));
      const only = context.only;
      const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: lsp.CodeAction[] = [];
      if (wants(lsp.CodeActionKind.QuickFix)) {
        // Fixes are computed from the diagnostics of the current version; stale ones from the client are ignored.
        for (const asked of context.diagnostics) {
          if (asked.source !== SOURCE) continue;
          const d = current.find((c) => c.code === asked.code && sameRange(c.range, asked.range));
          if (!d) continue;
          for (const fix of doc.language!.fixes!(doc.parsed, d)) {
            actions.push({
              title: fix.title,
              kind: lsp.CodeActionKind.QuickFix,
              diagnostics: [asked],
              isPreferred: fix.isPreferred,
              edit: this.workspaceEdit(doc, fix.edits),
            });
          }
        }
        for (const asked of context.diagnostics) {
          if (asked.source !== SOURCE || typeof asked.code !== 'string' || !shown.some((s) => s.code === asked.code && sameRange(s.range, asked.range))) continue;
          for (const fix of suppressionFixes(doc.text.getText(), doc.language!.comments, doc.language!.suppressionPlaces?.(doc.parsed), { code: asked.code, range: asked.range })) {
            actions.push({ title: fix.title, kind: lsp.CodeActionKind.QuickFix, diagnostics: [asked], edit: this.workspaceEdit(doc, fix.edits) });
          }
        }
        if (this.codeDocs.canShow) {
          actions.push(...documentationActions(context.diagnostics.filter((d) => d.source === SOURCE), this.codeDocs.uri!, this.codeDocs.clientCommand));
        }
      }
      if (wants(FIX_ALL_KIND) && only) {
        // Suppressed findings are left as they are, as --fix leaves them.
        const edits = fixAllEdits(doc.language!, doc.parsed, suppressIn(doc.language!, doc.text.getText(), current, this.settings.knowledgeFor(settings)));
        if (edits.length > 0) {
          actions.push({ title: 'Fix all auto-fixable Exchange Config problems', kind: FIX_ALL_KIND, edit: this.workspaceEdit(doc, edits) });
        }
      }
      return actions;
    });
  }

  formatting({ textDocument }: lsp.DocumentFormattingParams): lsp.TextEdit[] {
    return withDoc<lsp.TextEdit[]>(this.store, this.log, textDocument.uri, [], (doc) => {
      const formatted = doc.language!.format?.(doc.parsed);
      if (formatted === undefined || formatted === doc.text.getText()) return [];
      const end = doc.text.positionAt(doc.text.getText().length);
      return [{ range: { start: { line: 0, character: 0 }, end }, newText: formatted }];
    });
  }

  symbols({ textDocument }: lsp.DocumentSymbolParams): lsp.DocumentSymbol[] {
    return withDoc(this.store, this.log, textDocument.uri, [], (doc) => doc.language!.symbols(doc.parsed).map(toLspSymbol));
  }

  folding({ textDocument }: lsp.FoldingRangeParams): lsp.FoldingRange[] {
    return withDoc(this.store, this.log, textDocument.uri, [], (doc) => doc.language!.folding(doc.parsed).map(toLspFolding));
  }

  /**
   * The preview CodeLenses. They come after the diagnostics: the request first lets the turns of the event loop already
   * queued run (the scheduler diagnoses one document per turn), and a request the client has cancelled meanwhile (the
   * user typed on) computes nothing.
   */
  async codeLenses({ textDocument }: lsp.CodeLensParams, token?: lsp.CancellationToken): Promise<lsp.CodeLens[]> {
    const doc = this.store.get(textDocument.uri);
    if (!doc || !hasPreviews(doc)) return [];
    await new Promise<void>((resolve) => setImmediate(resolve));
    const settings = await this.settings.settingsFor(doc.uri);
    if (token?.isCancellationRequested || this.store.get(textDocument.uri) !== doc) return [];
    return this.previews.codeLenses(doc, settings);
  }

  /** Edits tied to the document version they were computed for, where the client can refuse stale ones. */
  private workspaceEdit(doc: OpenDocument, edits: lsp.TextEdit[]): lsp.WorkspaceEdit {
    if (!this.versionedEdits) return { changes: { [doc.uri]: edits } };
    return { documentChanges: [lsp.TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] };
  }
}

function sameRange(a: lsp.Range, b: lsp.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
