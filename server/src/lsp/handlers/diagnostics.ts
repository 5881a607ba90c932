/**
 * The diagnostics of a document: the language's own (cached per document version and knowledge), the memory checks
 * across files, and the query-based group previews, with the severity overrides and the suppression comments applied,
 * in line order.
 */
import { Diagnostic as LspDiagnostic, DocumentDiagnosticParams, DocumentDiagnosticReportKind, FullDocumentDiagnosticReport } from 'vscode-languageserver';
import { withCross } from '../../checks/memory';
import { applySeverityOverrides } from '../../core/severity';
import { hasDirectives, suppressIn } from '../../core/suppress';
import { Diagnostic, lineRange, SOURCE } from '../../core/types';
import { toLspDiagnostic } from '../convert';
import { describe, DocumentStore, OpenDocument } from '../documents';
import { ServerLog } from '../log';
import { CrossFileChecks } from './crossFile';
import { CodeDocsLocation } from '../codeDocs';
import { DirectoryPreviews } from './preview';
import { Knowledge, SettingsService } from './settings';

export class DiagnosticsProvider {
  private readonly validated = new Map<string, { doc: OpenDocument; version: number; knowledge: Knowledge; diags: Diagnostic[] }>();

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SettingsService,
    private readonly crossFile: CrossFileChecks,
    private readonly previews: DirectoryPreviews,
    private readonly log: ServerLog,
    /** Where the codes' pages are (the diagnostics' links). */
    private readonly codeDocs: CodeDocsLocation,
  ) {}

  /** A document was closed: its diagnostics are not kept. */
  forget(uri: string): void {
    this.validated.delete(uri);
  }

  /** The language's diagnostics for the document's current version, before settings apply (cached per version). */
  coreDiagnostics(doc: OpenDocument, knowledge: Knowledge): Diagnostic[] {
    const cached = this.validated.get(doc.uri);
    if (cached && cached.version === doc.version && cached.doc === doc && cached.knowledge === knowledge) return cached.diags;
    let diags: Diagnostic[];
    if (doc.failure !== undefined || !doc.language) {
      diags = doc.failure !== undefined ? [internalError(doc.failure)] : [];
    } else {
      try {
        // With suppression comments the cap applies to what they leave (diagnose), as on the command line: a suppressed
        // finding takes no place in it, and the finding a directive names is never cut off (which would make it "unused").
        diags = doc.language.validate(doc.parsed, hasDirectives(doc.text.getText()) ? { ...knowledge, maxDiagnostics: undefined } : knowledge);
      } catch (e) {
        const failure = describe(e);
        this.log.error(`Validating ${doc.uri} failed: ${failure}`);
        // The parsed form may be inconsistent: the next change parses the text again from scratch.
        this.store.fail(doc, failure);
        diags = [internalError(failure)];
      }
    }
    // A document closed while its settings were being fetched must not be kept alive by the cache.
    if (this.store.get(doc.uri) === doc) this.validated.set(doc.uri, { doc, version: doc.version, knowledge, diags });
    return diags;
  }

  /** The client pulls the diagnostics of a document (textDocument/diagnostic); none for a document that is not open. */
  async pull(params: DocumentDiagnosticParams): Promise<FullDocumentDiagnosticReport> {
    const doc = this.store.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: await this.diagnose(doc) };
  }

  /** All diagnostics of the document, as sent to the client. */
  async diagnose(doc: OpenDocument): Promise<LspDiagnostic[]> {
    const settings = await this.settings.settingsFor(doc.uri);
    // Matched by the ignorePatterns of the project configuration file.
    if (settings.ignored) return [];
    const knowledge = this.settings.knowledgeFor(settings);
    const diags = withCross(this.coreDiagnostics(doc, knowledge), this.crossFile.diagnostics(doc, knowledge));
    const preview = this.previews.previewOf(doc, settings);
    // In line order, as the CLI gives them (the sort is stable: the language's own diagnostics stay first on a line).
    const all = preview
      ? [...diags, ...applySeverityOverrides(preview.groups.flatMap((g) => g.diagnostics), knowledge.severityOverrides)].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      : diags;
    // Suppression comments last, after every check, as the command line applies them.
    const text = doc.text.getText();
    const shown = hasDirectives(text) ? suppressIn(doc.language ?? {}, text, all, knowledge).slice(0, knowledge.maxDiagnostics) : all;
    return shown.map((d) => toLspDiagnostic(d, doc.uri, this.codeDocs.uri));
  }
}

function internalError(detail: string): Diagnostic {
  return {
    range: lineRange(0, 0, 0),
    severity: 'error',
    code: 'internal-error',
    message: `Exchange Config Tools could not analyse this file (${detail.split('\n')[0]}). Other files are not affected; please report this with the file.`,
    source: SOURCE,
  };
}
