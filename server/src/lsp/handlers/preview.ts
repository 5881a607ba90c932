/**
 * Query-based groups previewed against the directory export of exchangeConfig.directoryExport (an ldifde export of
 * the recipients): the preview diagnostics, the CodeLens on each filter and the member list. The export is found
 * (stat) on each use, and read, parsed and indexed once per version (path and modification time), on a later turn of
 * the event loop: a document is never held up while the export loads; once it is loaded, the filter and LDIF
 * documents get their diagnostics and CodeLenses again.
 */
import type { CodeLens } from 'vscode-languageserver';
import { decodeBytes } from '../../core/encoding';
import { trimEndChars } from '../../core/text';
import { Diagnostic, lineRange } from '../../core/types';
import { ldapfilterLanguage } from '../../languages/ldapfilter';
import { LdapFilterDocument } from '../../languages/ldapfilter/parse';
import { ldifLanguage } from '../../languages/ldif';
import { LdifDocument } from '../../languages/ldif/parse';
import { ExportLoad, loadInThread } from '../../preview/load';
import { Directory, previewFilterFile, previewLdifGroups, PreviewResult } from '../../preview';
import { membersMarkdown } from '../../preview/members';
import { COMMANDS, PreviewMembersArgs, PreviewMembersResult, Settings } from '../../protocol';
import { describe, DocumentStore, OpenDocument } from '../documents';
import { ServerLog } from '../log';
import { ServerOptions } from '../options';
import { Workspace } from '../workspace';

/** One query-based group previewed in the editor: the filter's 0-based line, its group's DN (LDIF), the result. */
export interface EditorPreview {
  line: number;
  dn?: string;
  result: PreviewResult;
  diagnostics: Diagnostic[];
}

/** Whether the document is one whose groups are previewed: a filter or an LDIF document. */
export function hasPreviews(doc: OpenDocument): boolean {
  return doc.language === ldapfilterLanguage || doc.language === ldifLanguage;
}

interface LoadedExport {
  path: string;
  name: string;
  dir?: Directory;
  error?: string;
  /** Stops the load while it runs. */
  cancel?: () => void;
}

export interface PreviewHost {
  /** The filter and LDIF documents must be diagnosed again (an export finished loading). */
  revalidate(uris: string[]): void;
  /** Asks the client for the CodeLenses again, where it can be asked; must not throw. */
  refreshCodeLenses(): void;
}

export class DirectoryPreviews {
  private readonly exportCache = new Map<string, LoadedExport>();
  private readonly previews = new Map<string, { doc: OpenDocument; version: number; dir: Directory; groups: EditorPreview[] }>();
  private saidNoExport = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly workspace: Workspace,
    private readonly log: ServerLog,
    private readonly openExport: ServerOptions['openExport'],
    private readonly host: PreviewHost,
    private readonly loadExport?: ServerOptions['loadExport'],
  ) {}

  /** A document was closed: its previews are not kept. */
  forget(uri: string): void {
    this.previews.delete(uri);
  }

  /** The previews of a filter document (one) or an LDIF document (one per group); undefined without a loaded export. */
  previewOf(doc: OpenDocument, settings: Settings): { groups: EditorPreview[]; name: string } | undefined {
    if (!hasPreviews(doc) || doc.parsed === undefined || doc.failure !== undefined) return undefined;
    const loaded = this.directoryFor(settings);
    if (!loaded) return undefined;
    const cached = this.previews.get(doc.uri);
    if (cached && cached.doc === doc && cached.version === doc.version && cached.dir === loaded.dir) return { groups: cached.groups, name: loaded.name };
    const windowsVersion = settings.windowsVersion === '2000' || settings.windowsVersion === '2003' ? settings.windowsVersion : undefined;
    let groups: EditorPreview[];
    try {
      if (doc.language === ldapfilterLanguage) {
        const filter = doc.parsed as LdapFilterDocument;
        const { result, diagnostics } = previewFilterFile(filter, loaded.dir, loaded.name, { windowsVersion });
        groups = [{ line: filter.root ? filter.positionAt(filter.span(filter.root)[0]).line : 0, result, diagnostics }];
      } else {
        groups = previewLdifGroups(doc.parsed as LdifDocument, loaded.dir, loaded.name, { windowsVersion }).map((g) => ({ line: g.line - 1, dn: g.dn, result: g.result, diagnostics: g.diagnostics }));
      }
    } catch (e) {
      this.log.error(`Previewing ${doc.uri} failed: ${describe(e)}`);
      groups = [];
    }
    if (this.store.get(doc.uri) === doc) this.previews.set(doc.uri, { doc, version: doc.version, dir: loaded.dir, groups });
    return { groups, name: loaded.name };
  }

  /** The preview CodeLenses of a filter or LDIF document: the number of recipients each group's filter matches. */
  codeLenses(doc: OpenDocument, settings: Settings): CodeLens[] {
    if (!hasPreviews(doc)) return [];
    if (!settings.directoryExport && !this.saidNoExport && doc.language === ldapfilterLanguage) {
      this.saidNoExport = true;
      this.log.info('No directory export is set (exchangeConfig.directoryExport), so query-based groups are not previewed.');
    }
    const preview = this.previewOf(doc, settings);
    if (!preview) return [];
    return preview.groups
      .filter((g) => !g.result.error)
      .map((g): CodeLens => {
        const args: PreviewMembersArgs = doc.language === ldifLanguage ? { uri: doc.uri, line: g.line } : { uri: doc.uri };
        const title = `Preview: matches ${g.result.matched.length} of ${g.result.total} recipient${g.result.total === 1 ? '' : 's'} in ${preview.name}`;
        return { range: lineRange(g.line, 0, 0), command: { title, command: COMMANDS.showPreviewMembers, arguments: [args] } };
      });
  }

  /** The member list of the group at `args` (a filter document, or the group at a line of an LDIF document). */
  members(doc: OpenDocument, args: PreviewMembersArgs | undefined, settings: Settings): PreviewMembersResult {
    if (!settings.directoryExport) return { markdown: null, reason: 'No directory export is set: set exchangeConfig.directoryExport to an ldifde export of the recipients.' };
    const preview = this.previewOf(doc, settings);
    if (!preview) return { markdown: null, reason: `The directory export ${settings.directoryExport} is not read yet or cannot be read; see the output channel.` };
    const group = doc.language === ldifLanguage ? preview.groups.find((g) => g.line === args?.line) : preview.groups[0];
    if (!group) return { markdown: null, reason: 'There is no query-based group filter at that place any more.' };
    if (group.result.error) return { markdown: null, reason: 'The filter has syntax errors; fix them first (see the Problems panel).' };
    return { markdown: membersMarkdown(group.result, preview.name, group.dn) };
  }

  /** The loaded export the settings name; undefined when none is set, it cannot be read, or it is still loading. */
  private directoryFor(settings: Settings): { dir: Directory; name: string } | undefined {
    const file = settings.directoryExport;
    if (!file) return undefined;
    const notUsed = (why: string): undefined => {
      this.log.warnOnce(`The directory export ${file} (exchangeConfig.directoryExport) is not used: ${why}. Query-based groups are not previewed.`);
      return undefined;
    };
    const workspaceSetting = settings.workspacePathSettings.includes('directoryExport');
    if (workspaceSetting && !this.workspace.trusted) return notUsed('this workspace is not trusted, so files named in its settings are not read; trust the workspace to use it');
    let source: { version: string; load: (context: { extraGcAttributes: string[] }) => ExportLoad };
    if (this.openExport) {
      try {
        const found = this.openExport(file, settings.baseUris?.directoryExport ?? this.workspace.uri, workspaceSetting ? this.workspace.folders : undefined);
        const loadExport = this.loadExport;
        source = { version: found.version, load: (context) => (loadExport ? loadExport(found.read(), context) : loadInThread(decodeBytes(found.read()).text, context)) };
      } catch (e) {
        return notUsed((e as Error).message);
      }
    } else {
      // No file system (the browser): the export is used while it is open in the editor.
      const uri = this.exportUriInWorkspace(file);
      const open = uri ? this.store.get(uri) : undefined;
      if (!open) return notUsed('without a file system only an export open in the editor is read; open it (a path inside the workspace folder)');
      const text = open.text.getText();
      source = { version: `${open.uri}\0${open.version}`, load: (context) => loadInThread(text, context) };
    }
    const key = JSON.stringify([source.version, settings.ldapAttributesInGC]);
    const cached = this.exportCache.get(key);
    if (cached) return cached.dir ? { dir: cached.dir, name: cached.name } : undefined;
    const entry: LoadedExport = { path: file, name: file.replace(/^.*[/\\]/, '') || file };
    // One version of each path is kept; a load of another version still running stops.
    for (const [k, e] of this.exportCache) {
      if (e.path !== file) continue;
      e.cancel?.();
      this.exportCache.delete(k);
    }
    this.exportCache.set(key, entry);
    // Read and indexed off the server's thread (Node), or in pieces between which requests are answered (browser).
    this.log.info(`Reading the directory export ${file} for the query-based group previews.`);
    let load: ExportLoad;
    try {
      load = source.load({ extraGcAttributes: settings.ldapAttributesInGC });
    } catch (e) {
      entry.error = (e as Error).message;
      return notUsed(entry.error);
    }
    entry.cancel = load.cancel;
    load.done.then(
      (dir) => {
        entry.cancel = undefined;
        if (this.exportCache.get(key) !== entry) return;
        entry.dir = dir;
        this.log.info(`Directory export ${file}: ${dir.entries.length} objects read for the query-based group previews.`);
        this.previewsChanged();
      },
      (e: Error) => {
        entry.cancel = undefined;
        if (this.exportCache.get(key) !== entry) return;
        entry.error = e.message;
        notUsed(entry.error);
      },
    );
    return undefined;
  }

  /** The URI of a workspace-relative path that stays inside the first workspace folder; undefined otherwise. */
  private exportUriInWorkspace(file: string): string | undefined {
    const workspaceUri = this.workspace.uri;
    if (!workspaceUri || /^([a-z]:)?[/\\]/i.test(file)) return undefined;
    const segments: string[] = [];
    for (const segment of file.replace(/\\/g, '/').split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (segments.pop() === undefined) return undefined;
      } else segments.push(segment);
    }
    return segments.length === 0 ? undefined : `${trimEndChars(workspaceUri, '/')}/${segments.map(encodeURIComponent).join('/')}`;
  }

  /** An export finished loading: filter and LDIF documents are diagnosed again and their CodeLenses asked for again. */
  private previewsChanged(): void {
    this.previews.clear();
    const docs = this.store.all().filter(hasPreviews);
    this.host.revalidate(docs.map((d) => d.uri));
    this.host.refreshCodeLenses();
  }
}
