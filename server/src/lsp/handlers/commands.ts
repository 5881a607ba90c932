/**
 * The commands the server executes for the client (workspace/executeCommand): the filter on one line, the cleanup
 * .reg, the memory configuration report, the Setup command-line check and the members of a query-based group.
 */
import type { ExecuteCommandParams } from 'vscode-languageserver';
import { decodeBytes } from '../../core/encoding';
import { regLanguage, RegDocument } from '../../languages/reg';
import { cleanupReg, CleanupSource } from '../../languages/reg/cleanup';
import { checkSetupCommandLine } from '../../languages/setupini';
import {
  CheckSetupCommandLineArgs,
  CheckSetupCommandLineResult,
  CleanupRegArgs,
  CleanupRegResult,
  MemoryReportArgs,
  MemoryReportResult,
  OneLineArgs,
  OneLineResult,
  PreviewMembersArgs,
  PreviewMembersResult,
  SERVER_COMMANDS,
} from '../../protocol';
import { CodeDocsLocation, showDocumentationArgs } from '../codeDocs';
import { DocumentStore } from '../documents';
import { ServerLog } from '../log';
import { ServerOptions } from '../options';
import { CrossFileChecks } from './crossFile';
import { withDoc } from './guard';
import { DirectoryPreviews } from './preview';
import { Knowledge, SettingsService } from './settings';

export class ServerCommands {
  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SettingsService,
    private readonly crossFile: CrossFileChecks,
    private readonly previews: DirectoryPreviews,
    private readonly log: ServerLog,
    private readonly readUri: ServerOptions['readUri'],
    private readonly codeDocs: CodeDocsLocation,
    /** Asks the client to open a URI (window/showDocument). */
    private readonly showDocument: (uri: string) => Promise<{ success: boolean }>,
  ) {}

  /** Runs a command; null for a command the server does not know. */
  async execute(params: ExecuteCommandParams): Promise<unknown> {
    const arg = params.arguments?.[0];
    switch (params.command) {
      case SERVER_COMMANDS.oneLine:
        return this.oneLine(arg as OneLineArgs | undefined);
      case SERVER_COMMANDS.previewMembers:
        return this.previewMembers(arg as PreviewMembersArgs | undefined);
      case SERVER_COMMANDS.memoryReport:
        return this.memoryReport(arg as MemoryReportArgs | undefined);
      case SERVER_COMMANDS.checkSetupCommandLine:
        return this.checkSetupCommandLine(arg as Partial<CheckSetupCommandLineArgs> | undefined);
      case SERVER_COMMANDS.cleanupReg:
        return this.cleanupReg((arg ?? { uris: [] }) as CleanupRegArgs);
      case SERVER_COMMANDS.showCodeDocumentation:
        return this.showCodeDocumentation(arg);
      default:
        return null;
    }
  }

  /** Opens a code's documentation page in the client (for clients without a command of their own). */
  async showCodeDocumentation(arg: unknown): Promise<{ success: boolean }> {
    const args = showDocumentationArgs(arg);
    if (!args || !this.codeDocs.showDocument) return { success: false };
    return this.showDocument(args.uri).catch(() => ({ success: false }));
  }

  /** A filter document on one line (for ADSI Edit); null when the document is not open or its language has none. */
  oneLine(args: OneLineArgs | undefined): OneLineResult {
    const uri = args?.uri;
    return { text: uri ? withDoc<string | null>(this.store, this.log, uri, null, (doc) => doc.language!.oneLine?.(doc.parsed) ?? null) : null };
  }

  checkSetupCommandLine(args: Partial<CheckSetupCommandLineArgs> | undefined): CheckSetupCommandLineResult {
    const line = args?.commandLine;
    return { diagnostics: typeof line === 'string' ? checkSetupCommandLine(line) : [] };
  }

  async memoryReport(args: MemoryReportArgs | undefined): Promise<MemoryReportResult> {
    const uri = typeof args?.uri === 'string' ? args.uri : undefined;
    if (!uri) return { markdown: null };
    const knowledge = this.settings.knowledgeFor(await this.settings.settingsFor(uri));
    return this.crossFile.report(uri, knowledge);
  }

  async previewMembers(args: PreviewMembersArgs | undefined): Promise<PreviewMembersResult> {
    const uri = typeof args?.uri === 'string' ? args.uri : undefined;
    const doc = uri ? this.store.get(uri) : undefined;
    if (!doc) return { markdown: null, reason: 'Open the filter or LDIF file first.' };
    const settings = await this.settings.settingsFor(doc.uri);
    return this.previews.members(doc, args, settings);
  }

  /** A .reg file that deletes what the given exports write (open documents as they are, others read from disk). */
  async cleanupReg(args: CleanupRegArgs): Promise<CleanupRegResult> {
    const uris = Array.isArray(args.uris) ? args.uris.filter((u): u is string => typeof u === 'string') : [];
    const sources: CleanupSource[] = [];
    const unreadable: string[] = [];
    let knowledge: Knowledge | undefined;
    for (const uri of uris) {
      const settings = await this.settings.settingsFor(uri);
      knowledge ??= this.settings.knowledgeFor(settings);
      const open = this.store.get(uri);
      try {
        if (open && open.language === regLanguage && open.parsed) {
          sources.push({ name: uri, doc: open.parsed as RegDocument });
        } else if (this.readUri) {
          const decoded = decodeBytes(this.readUri(uri));
          sources.push({ name: uri, doc: regLanguage.parse(decoded.text, { decoded }) });
        } else unreadable.push(`${uri}: files that are not open cannot be read here`);
      } catch (e) {
        unreadable.push(`${uri}: ${(e as Error).message}`);
      }
    }
    const text = knowledge ? cleanupReg(sources, knowledge.exchange) : undefined;
    return { text: text ?? null, unreadable };
  }
}
