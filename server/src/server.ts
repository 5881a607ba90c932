/**
 * The language server: capabilities and handlers. Host-independent (Node process or browser worker); the host
 * creates the connection and says where the README (diagnostic documentation) is, if anywhere.
 */
import * as lsp from 'vscode-languageserver';
import { ExchangeContext, ExchangeVersion, RegistryCatalog, ServerRole, WindowsVersion } from './core/catalog';
import { CatalogProblem, parseRegistryCatalog, registryIndex } from './core/catalogLoad';
import { ExchangeKnowledge } from './core/language';
import { fixAllEdits } from './core/fixAll';
import { Diagnostic as CoreDiagnostic, lineRange, SOURCE } from './core/types';
import { toLspCompletion, toLspDiagnostic, toLspFolding, toLspSymbol } from './lsp/convert';
import { describe, DocumentStore, OpenDocument } from './lsp/documents';
import { decodeBytes } from './core/encoding';
import { regLanguage, RegDocument } from './languages/reg';
import { cleanupReg, CleanupSource } from './languages/reg/cleanup';
import { bootiniLanguage, BootIniDocument } from './languages/bootini';
import { checkSetupCommandLine, parseSetupCatalog, SetupCatalog } from './languages/setupini';
import { BootIniFile, checkMemoryConfig, memoryReport, RegFile, withCross } from './checks/memory';
import { CheckSetupCommandLineArgs, CheckSetupCommandLineResult, OneLineArgs, OneLineResult, CleanupRegArgs, CleanupRegResult, DEFAULT_SETTINGS, InitializationOptions, MemoryReportArgs, MemoryReportResult, PATH_SETTINGS, COMMANDS, PreviewMembersArgs, PreviewMembersResult, PathSetting, SERVER_COMMANDS, Settings, SETTINGS_SECTION, WORKSPACE_TRUSTED_NOTIFICATION } from './protocol';
import { trimEndChars, trimStartChars } from './core/text';
import { applySeverityOverrides } from './core/severity';
import { suppressIn, suppressionFixes } from './core/suppress';
import { ldapfilterLanguage } from './languages/ldapfilter';
import { LdapFilterDocument } from './languages/ldapfilter/parse';
import { ldifLanguage } from './languages/ldif';
import { LdifDocument } from './languages/ldif/parse';
import { Directory, previewFilterFile, previewLdifGroups, PreviewResult } from './preview';
import { membersMarkdown } from './preview/members';

export interface ServerOptions {
  /** URI of the README whose headings document each diagnostic code. */
  docsUri?: string;
  /**
   * Reads an organisation's catalog file (a relative path is resolved against the workspace folder URI given); with
   * `confineTo` (workspace folder URIs), a path that resolves outside them, after links, is refused with one message
   * that does not say whether it exists. Errors say why in words, never what the file holds. Absent where there is
   * no file system (the browser).
   */
  readFile?: (path: string, workspaceUri?: string, confineTo?: readonly string[]) => string;
  /** Reads the bytes of a document that is not open in the editor, by URI (confined as readFile); absent in the browser. */
  readUri?: (uri: string, confineTo?: readonly string[]) => Uint8Array;
  /**
   * Finds the directory export of exchangeConfig.directoryExport (resolved and confined as readFile) without reading
   * it: `version` changes with the file's path and modification time, `read` reads its bytes. Absent in the browser.
   */
  openExport?: (path: string, workspaceUri?: string, confineTo?: readonly string[]) => { version: string; read: () => Uint8Array };
}

export function startServer(connection: lsp.Connection, options: ServerOptions = {}): void {
  const store = new DocumentStore((m) => connection.console.error(m));
  let pullDiagnostics = false;
  let refreshSupport = false;
  let codeLensRefreshSupport = false;
  let versionedEdits = false;
  let configurationRequests = false;
  let workspaceFolderSupport = false;
  /** Where relative catalog paths are resolved: the first workspace folder, if any. */
  let workspaceUri: string | undefined;
  /** The workspace folders: paths named by the workspace's own settings must stay inside them. */
  let workspaceFolders: string[] = [];
  /** Whether the user trusts the workspace (VS Code's Restricted Mode); clients that do not say are trusted. */
  let workspaceTrusted = true;
  let globalSettings: Settings = DEFAULT_SETTINGS;
  const settingsCache = new Map<string, Promise<Settings>>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const validated = new Map<string, { doc: OpenDocument; version: number; knowledge: Knowledge; diags: CoreDiagnostic[] }>();
  const knowledgeCache = new Map<string, Knowledge>();
  const reportedProblems = new Set<string>();

  /** The Exchange context and catalog for these settings (user catalogs read once per distinct setting). */
  function knowledgeFor(settings: Settings): Knowledge {
    const key = JSON.stringify([settings.exchangeVersion, settings.windowsVersion, settings.serverRole, settings.serverMemoryMB, settings.catalogFiles, settings.setupCatalogFiles, settings.forceAnswerFile, settings.maxDiagnosticsPerFile, settings.severityOverrides, settings.bootIniFor, settings.ldapAttributesInGC, settings.ldapAttributesIndexed, settings.workspacePathSettings, workspaceTrusted]);
    let k = knowledgeCache.get(key);
    if (k) return k;
    /** The reader for one path setting: confined to the workspace when the workspace's settings name the path. */
    const readerFor = (setting: PathSetting): ((p: string) => string) | undefined => {
      if (!options.readFile) return undefined;
      if (!settings.workspacePathSettings.includes(setting)) return (p) => options.readFile!(p, workspaceUri);
      if (!workspaceTrusted) {
        return () => {
          throw new Error('this workspace is not trusted, so files named in its settings are not read; trust the workspace to use it');
        };
      }
      return (p) => options.readFile!(p, workspaceUri, workspaceFolders);
    };
    const report = (problems: CatalogProblem[], what: string, used = false): void => {
      for (const p of problems) {
        // A catalog that is used has problems with single entries, which the message names.
        const line = used ? `${what} ${p.source}: ${p.message}` : `${what} ${p.source} is not used: ${p.message}. The built-in catalog still applies.`;
        if (!reportedProblems.has(line)) {
          reportedProblems.add(line);
          connection.console.warn(line);
          // A request under the hood; a client that refuses it must not end the process.
          Promise.resolve(connection.window.showWarningMessage(line) as unknown).catch(() => undefined);
        }
      }
    };
    const catalogs: RegistryCatalog[] = [];
    for (const file of settings.catalogFiles) {
      const { catalog, problems } = loadUserCatalog(file, readerFor('catalogFiles'), parseRegistryCatalog);
      if (catalog) catalogs.push(catalog);
      report(problems, 'Catalog');
    }
    const setupCatalogs: SetupCatalog[] = [];
    for (const file of settings.setupCatalogFiles) {
      const { catalog, problems } = loadUserCatalog(file, readerFor('setupCatalogFiles'), parseSetupCatalog);
      if (catalog) setupCatalogs.push(catalog);
      report(problems, 'Setup answer-file catalog', catalog !== undefined);
    }
    const context: ExchangeContext = { exchangeVersion: settings.exchangeVersion as ExchangeVersion };
    if (settings.windowsVersion) context.windowsVersion = settings.windowsVersion as WindowsVersion;
    if (settings.serverRole) context.role = settings.serverRole as ServerRole;
    if (settings.serverMemoryMB > 0) context.memoryMB = settings.serverMemoryMB;
    if (settings.ldapAttributesInGC.length > 0) context.extraGcAttributes = [...settings.ldapAttributesInGC];
    if (settings.ldapAttributesIndexed.length > 0) context.extraIndexedAttributes = [...settings.ldapAttributesIndexed];
    const exchange: ExchangeKnowledge = { context, registry: registryIndex(catalogs) };
    if (setupCatalogs.length > 0) exchange.setupCatalogs = setupCatalogs;
    if (settings.forceAnswerFile) exchange.forceAnswerFile = true;
    k = { exchange, maxDiagnostics: settings.maxDiagnosticsPerFile, severityOverrides: settings.severityOverrides, bootIniFor: settings.bootIniFor };
    knowledgeCache.set(key, k);
    return k;
  }

  connection.onInitialize((params) => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    codeLensRefreshSupport = !!caps.workspace?.codeLens?.refreshSupport;
    versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
    configurationRequests = !!caps.workspace?.configuration;
    workspaceFolderSupport = !!caps.workspace?.workspaceFolders;
    workspaceUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspaceFolders = params.workspaceFolders ? params.workspaceFolders.map((f) => f.uri) : workspaceUri ? [workspaceUri] : [];
    const init = params.initializationOptions as InitializationOptions | undefined;
    if (init?.settings) globalSettings = normalizeSettings(init.settings);
    if (init?.workspaceTrusted === false) workspaceTrusted = false;
    const result: lsp.InitializeResult = {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: lsp.TextDocumentSyncKind.Incremental,
        },
        hoverProvider: true,
        documentFormattingProvider: true,
        executeCommandProvider: { commands: [SERVER_COMMANDS.oneLine, SERVER_COMMANDS.cleanupReg, SERVER_COMMANDS.memoryReport, SERVER_COMMANDS.checkSetupCommandLine, SERVER_COMMANDS.previewMembers] },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['[', '\\', '"', ':', '/', '='], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'exchange-config-language-server' },
    };
    if (pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (configurationRequests) {
      void connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (workspaceFolderSupport) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        workspaceUri = workspaceFolders[0];
        settingsChanged();
      });
    }
  });

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    workspaceTrusted = true;
    settingsChanged();
  });

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (s && typeof s === 'object') globalSettings = normalizeSettings(s as Partial<Settings>);
    settingsChanged();
  });

  /** Settings, trust or workspace folders changed: settings are asked for again and the documents diagnosed again. */
  function settingsChanged(): void {
    settingsCache.clear();
    knowledgeCache.clear();
    if (pullDiagnostics) {
      // Clients that pull but cannot be asked to refresh pull again on their own (on the next change or focus).
      // (refresh() is typed void but returns the request's promise; a refusal must not end the process.)
      if (refreshSupport) Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch(() => undefined);
    } else for (const doc of store.all()) schedule(doc.uri, 0, false);
  }

  function settingsFor(uri: string): Promise<Settings> {
    if (!configurationRequests) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((v: unknown) => normalizeSettings((v ?? {}) as Partial<Settings>))
        .catch(() => globalSettings);
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** The language's diagnostics for the document's current version, before settings apply (cached per version). */
  function coreDiagnostics(doc: OpenDocument, knowledge: Knowledge): CoreDiagnostic[] {
    const cached = validated.get(doc.uri);
    if (cached && cached.version === doc.version && cached.doc === doc && cached.knowledge === knowledge) return cached.diags;
    let diags: CoreDiagnostic[];
    if (doc.failure !== undefined || !doc.language) {
      diags = doc.failure !== undefined ? [internalError(doc.failure)] : [];
    } else {
      try {
        diags = doc.language.validate(doc.parsed, knowledge);
      } catch (e) {
        connection.console.error(`Validating ${doc.uri} failed: ${describe(e)}`);
        // The parsed form may be inconsistent: the next change parses the text again from scratch.
        doc.failure = describe(e);
        storeGeneration++;
        diags = [internalError(doc.failure)];
      }
    }
    // A document closed while its settings were being fetched must not be kept alive by the cache.
    if (store.get(doc.uri) === doc) validated.set(doc.uri, { doc, version: doc.version, knowledge, diags });
    return diags;
  }

  async function diagnose(doc: OpenDocument): Promise<lsp.Diagnostic[]> {
    const settings = await settingsFor(doc.uri);
    const knowledge = knowledgeFor(settings);
    const diags = withCross(coreDiagnostics(doc, knowledge), crossDiagnostics(doc, knowledge));
    const preview = previewOf(doc, settings);
    // In line order, as the CLI gives them (the sort is stable: the language's own diagnostics stay first on a line).
    const all = preview
      ? [...diags, ...applySeverityOverrides(preview.groups.flatMap((g) => g.diagnostics), knowledge.severityOverrides)].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      : diags;
    return suppressIn(doc.language ?? {}, doc.text.getText(), all, knowledge).map((d) => toLspDiagnostic(d, doc.uri, options.docsUri));
  }

  // Query-based groups previewed against the directory export of exchangeConfig.directoryExport (an ldifde export of
  // the recipients). The export is found (stat) on each use, and read, parsed and indexed once per version (path and
  // modification time), on a later turn of the event loop: a document is never held up while the export loads; once
  // it is loaded, the filter and LDIF documents get their diagnostics and CodeLenses again.

  interface LoadedExport {
    path: string;
    name: string;
    dir?: Directory;
    error?: string;
  }
  const exportCache = new Map<string, LoadedExport>();
  const previews = new Map<string, { doc: OpenDocument; version: number; dir: Directory; groups: EditorPreview[] }>();

  /** The loaded export the settings name; undefined when none is set, it cannot be read, or it is still loading. */
  function directoryFor(settings: Settings): { dir: Directory; name: string } | undefined {
    const file = settings.directoryExport;
    if (!file) return undefined;
    const notUsed = (why: string): undefined => {
      warnOnce(`The directory export ${file} (exchangeConfig.directoryExport) is not used: ${why}. Query-based groups are not previewed.`);
      return undefined;
    };
    const workspaceSetting = settings.workspacePathSettings.includes('directoryExport');
    if (workspaceSetting && !workspaceTrusted) return notUsed('this workspace is not trusted, so files named in its settings are not read; trust the workspace to use it');
    let source: { version: string; text: () => string };
    if (options.openExport) {
      try {
        const found = options.openExport(file, workspaceUri, workspaceSetting ? workspaceFolders : undefined);
        source = { version: found.version, text: () => decodeBytes(found.read()).text };
      } catch (e) {
        return notUsed((e as Error).message);
      }
    } else {
      // No file system (the browser): the export is used while it is open in the editor.
      const uri = exportUriInWorkspace(file);
      const open = uri ? store.get(uri) : undefined;
      if (!open) return notUsed('without a file system only an export open in the editor is read; open it (a path inside the workspace folder)');
      const text = open.text.getText();
      source = { version: `${open.uri}\0${open.version}`, text: () => text };
    }
    const key = JSON.stringify([source.version, settings.ldapAttributesInGC]);
    const cached = exportCache.get(key);
    if (cached) return cached.dir ? { dir: cached.dir, name: cached.name } : undefined;
    const entry: LoadedExport = { path: file, name: file.replace(/^.*[/\\]/, '') || file };
    // One version of each path is kept.
    for (const [k, e] of exportCache) if (e.path === file) exportCache.delete(k);
    exportCache.set(key, entry);
    setImmediate(() => {
      try {
        entry.dir = Directory.fromLdif(LdifDocument.parse(source.text()), { extraGcAttributes: settings.ldapAttributesInGC });
        connection.console.info(`Directory export ${file}: ${entry.dir.entries.length} objects read for the query-based group previews.`);
      } catch (e) {
        entry.error = (e as Error).message;
        notUsed(entry.error);
      }
      if (entry.dir) previewsChanged();
    });
    return undefined;
  }

  /** The URI of a workspace-relative path that stays inside the first workspace folder; undefined otherwise. */
  function exportUriInWorkspace(file: string): string | undefined {
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
  function previewsChanged(): void {
    previews.clear();
    const docs = store.all().filter((d) => d.language === ldapfilterLanguage || d.language === ldifLanguage);
    if (pullDiagnostics) {
      if (refreshSupport) Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch(() => undefined);
    } else for (const d of docs) schedule(d.uri, 0, false);
    if (codeLensRefreshSupport) Promise.resolve(connection.sendRequest(lsp.CodeLensRefreshRequest.type) as unknown).catch(() => undefined);
  }

  /** The previews of a filter document (one) or an LDIF document (one per group); undefined without a loaded export. */
  function previewOf(doc: OpenDocument, settings: Settings): { groups: EditorPreview[]; name: string } | undefined {
    if ((doc.language !== ldapfilterLanguage && doc.language !== ldifLanguage) || doc.parsed === undefined || doc.failure !== undefined) return undefined;
    const loaded = directoryFor(settings);
    if (!loaded) return undefined;
    const cached = previews.get(doc.uri);
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
      connection.console.error(`Previewing ${doc.uri} failed: ${describe(e)}`);
      groups = [];
    }
    if (store.get(doc.uri) === doc) previews.set(doc.uri, { doc, version: doc.version, dir: loaded.dir, groups });
    return { groups, name: loaded.name };
  }

  let saidNoExport = false;
  connection.onCodeLens(async ({ textDocument }) => {
    const doc = store.get(textDocument.uri);
    if (!doc || (doc.language !== ldapfilterLanguage && doc.language !== ldifLanguage)) return [];
    const settings = await settingsFor(doc.uri);
    if (!settings.directoryExport && !saidNoExport && doc.language === ldapfilterLanguage) {
      saidNoExport = true;
      connection.console.info('No directory export is set (exchangeConfig.directoryExport), so query-based groups are not previewed.');
    }
    const preview = previewOf(doc, settings);
    if (!preview) return [];
    return preview.groups
      .filter((g) => !g.result.error)
      .map((g): lsp.CodeLens => {
        const args: PreviewMembersArgs = doc.language === ldifLanguage ? { uri: doc.uri, line: g.line } : { uri: doc.uri };
        const title = `Preview: matches ${g.result.matched.length} of ${g.result.total} recipient${g.result.total === 1 ? '' : 's'} in ${preview.name}`;
        return { range: lineRange(g.line, 0, 0), command: { title, command: COMMANDS.showPreviewMembers, arguments: [args] } };
      });
  });

  async function previewMembersFor(args: PreviewMembersArgs | undefined): Promise<PreviewMembersResult> {
    const uri = typeof args?.uri === 'string' ? args.uri : undefined;
    const doc = uri ? store.get(uri) : undefined;
    if (!doc) return { markdown: null, reason: 'Open the filter or LDIF file first.' };
    const settings = await settingsFor(doc.uri);
    if (!settings.directoryExport) return { markdown: null, reason: 'No directory export is set: set exchangeConfig.directoryExport to an ldifde export of the recipients.' };
    const preview = previewOf(doc, settings);
    if (!preview) return { markdown: null, reason: `The directory export ${settings.directoryExport} is not read yet or cannot be read; see the output channel.` };
    const group = doc.language === ldifLanguage ? preview.groups.find((g) => g.line === args?.line) : preview.groups[0];
    if (!group) return { markdown: null, reason: 'There is no query-based group filter at that place any more.' };
    if (group.result.error) return { markdown: null, reason: 'The filter has syntax errors; fix them first (see the Problems panel).' };
    return { markdown: membersMarkdown(group.result, preview.name, group.dn) };
  }

  // Checks across the files of one server: a boot.ini and the .reg exports in the same folder.

  function folderOf(uri: string): string {
    return uri.slice(0, uri.lastIndexOf('/') + 1);
  }

  /** The boot.ini of a folder: an open document, else the file on disk (boot.ini or BOOT.INI beside the given URI). */
  function siblingBootIni(uri: string, bootIniFor: Readonly<Record<string, string>> = {}): BootIniFile | undefined {
    const paired = pairedBootIni(uri, bootIniFor);
    if (paired === null) return undefined;
    if (paired) return readBootIni(paired, workspaceFolders);
    const folder = folderOf(uri);
    const open = openBootIniIn(folder);
    if (open) return open;
    for (const name of ['boot.ini', 'BOOT.INI']) {
      const found = readBootIni(folder + name);
      if (found) return found;
    }
    return undefined;
  }

  // The open boot.ini of each folder, found once per state of the open documents (storeGeneration counts opens,
  // changes and closes): looking through every open document for each .reg file made a keystroke in a boot.ini beside
  // n open exports cost n times the open documents.
  let storeGeneration = 0;
  let bootIniIndex: { generation: number; byFolder: Map<string, BootIniFile> } | undefined;

  function openBootIniIn(folder: string): BootIniFile | undefined {
    if (bootIniIndex?.generation !== storeGeneration) {
      const byFolder = new Map<string, BootIniFile>();
      for (const d of store.all()) {
        const f = folderOf(d.uri);
        if (d.language === bootiniLanguage && d.parsed !== undefined && d.failure === undefined && !byFolder.has(f)) byFolder.set(f, { uri: d.uri, doc: d.parsed as BootIniDocument });
      }
      bootIniIndex = { generation: storeGeneration, byFolder };
    }
    return bootIniIndex.byFolder.get(folder);
  }

  /** A boot.ini by URI: the open document, else the file on disk, else undefined. */
  function readBootIni(bootUri: string, confineTo?: readonly string[]): BootIniFile | undefined {
    const open = store.get(bootUri);
    if (open && open.language === bootiniLanguage && open.parsed !== undefined && open.failure === undefined) return { uri: bootUri, doc: open.parsed as BootIniDocument };
    if (!options.readUri) return undefined;
    try {
      const decoded = decodeBytes(options.readUri(bootUri, confineTo));
      return { uri: bootUri, doc: bootiniLanguage.parse(decoded.text, { decoded }) };
    } catch (e) {
      // No such file is the usual case; anything else (a pipe, a device, a file outside the workspace) is logged.
      if ((e as { reason?: string }).reason !== 'not-found') warnOnce(`The boot.ini ${bootUri} is not used: ${(e as Error).message}.`);
      return undefined;
    }
  }

  function warnOnce(line: string): void {
    if (reportedProblems.has(line)) return;
    reportedProblems.add(line);
    connection.console.warn(line);
  }

  /**
   * The boot.ini the setting exchangeConfig.bootIniFor pairs with a .reg file: keys are folders of exports, values
   * boot.ini paths, both relative to the workspace folder; the longest matching folder wins. Null when the pairing
   * names a path outside the workspace folder (refused, as the setting is workspace-relative).
   */
  function pairedBootIni(uri: string, bootIniFor: Readonly<Record<string, string>>): string | null | undefined {
    if (!workspaceUri) return undefined;
    const base = trimEndChars(workspaceUri, '/');
    if (!uri.startsWith(`${base}/`)) return undefined;
    const relFolder = trimEndChars(decodeURIComponent(folderOf(uri).slice(base.length + 1)), '/');
    // Without a leading "./" or "/" and trailing "/" (scans: /\/+$/ is quadratic on a long run of slashes).
    const clean = (p: string): string => {
      const s = p.replace(/\\/g, '/');
      return trimEndChars(trimStartChars(s.startsWith('./') ? s.slice(1) : s, '/'), '/');
    };
    let best: { folder: string; bootIni: string } | undefined;
    for (const [key, bootIni] of Object.entries(bootIniFor)) {
      const folder = clean(key);
      const matches = folder === '' || relFolder === folder || relFolder.startsWith(`${folder}/`);
      if (matches && (!best || folder.length > best.folder.length)) best = { folder, bootIni };
    }
    if (!best) return undefined;
    const segments: string[] = [];
    for (const segment of clean(best.bootIni).split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (segments.pop() === undefined) {
          warnOnce(`exchangeConfig.bootIniFor: "${best.bootIni}" is outside the workspace folder and is not used; name a boot.ini inside it.`);
          return null;
        }
      } else segments.push(segment);
    }
    return `${base}/${segments.map(encodeURIComponent).join('/')}`;
  }

  /** The open .reg documents of a folder. */
  function openRegs(folder: string): RegFile[] {
    return store
      .all()
      .filter((d) => d.language === regLanguage && d.parsed !== undefined && d.failure === undefined && folderOf(d.uri) === folder)
      .map((d) => ({ uri: d.uri, doc: d.parsed as RegDocument }));
  }

  function crossDiagnostics(doc: OpenDocument, knowledge: Knowledge): CoreDiagnostic[] {
    if (doc.language !== regLanguage || doc.parsed === undefined || doc.failure !== undefined) return [];
    try {
      const boot = siblingBootIni(doc.uri, knowledge.bootIniFor);
      if (!boot) return [];
      const reg: RegFile = { uri: doc.uri, doc: doc.parsed as RegDocument };
      // The findings on a file depend only on its own values and the boot.ini (a value another export writes is
      // reported on that export), so the other open exports need not be read: each file costs the same however many
      // exports are open beside it.
      return checkMemoryConfig(boot, reg, { exchange: knowledge.exchange, severityOverrides: knowledge.severityOverrides });
    } catch (e) {
      connection.console.error(`Cross-file checks of ${doc.uri} failed: ${describe(e)}`);
      return [];
    }
  }

  /** A boot.ini opened, changed or closed: the .reg documents beside it are diagnosed again. */
  function bootIniChanged(uri: string, languageId: string | undefined, delay: number): void {
    const doc = store.get(uri);
    const isBootIni = doc ? doc.language === bootiniLanguage : languageId === bootiniLanguage.id || /(^|\/)boot\.ini$/i.test(uri);
    if (!isBootIni) return;
    const regs = openRegs(folderOf(uri));
    if (regs.length === 0) return;
    if (pullDiagnostics) {
      if (refreshSupport) Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch(() => undefined);
    } else for (const r of regs) schedule(r.uri, delay, false);
  }

  /**
   * Documents waiting to be diagnosed (push model), next first. One document is diagnosed per turn of the event loop,
   * so that requests (hover, completion) are answered between two documents however many are open; the document the
   * user just opened or changed goes to the front, documents diagnosed again because something else changed (the
   * settings, a boot.ini) to the back. A queued document is diagnosed at its version of that moment; a result for a
   * version that is no longer current is dropped.
   */
  const queue: string[] = [];
  let draining = false;

  function schedule(uri: string, delay: number, urgent = true): void {
    if (pullDiagnostics) return;
    const t = pending.get(uri);
    if (t) clearTimeout(t);
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        enqueue(uri, urgent);
      }, delay),
    );
  }

  function enqueue(uri: string, urgent: boolean): void {
    const i = queue.indexOf(uri);
    if (i >= 0) queue.splice(i, 1);
    if (urgent) queue.unshift(uri);
    else queue.push(uri);
    if (!draining) {
      draining = true;
      setImmediate(drainOne);
    }
  }

  function drainOne(): void {
    const uri = queue.shift();
    if (uri === undefined) {
      draining = false;
      return;
    }
    const doc = store.get(uri);
    if (!doc) return void setImmediate(drainOne);
    const version = doc.version;
    diagnose(doc)
      .then((diagnostics) => {
        if (store.get(uri) === doc && doc.version === version) void connection.sendDiagnostics({ uri, version, diagnostics });
      })
      .catch((e) => connection.console.error(`Diagnosing ${uri} failed: ${describe(e)}`))
      .finally(() => setImmediate(drainOne));
  }

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    store.open(t.uri, t.languageId, t.version, t.text);
    storeGeneration++;
    schedule(t.uri, 0);
    bootIniChanged(t.uri, t.languageId, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    store.change(t.uri, t.version ?? 0, contentChanges as { range?: lsp.Range; text: string }[]);
    storeGeneration++;
    schedule(t.uri, 50);
    bootIniChanged(t.uri, undefined, 50);
  });

  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    const wasBootIni = store.get(t.uri)?.language === bootiniLanguage;
    store.close(t.uri);
    storeGeneration++;
    if (wasBootIni) bootIniChanged(t.uri, bootiniLanguage.id, 0);
    validated.delete(t.uri);
    previews.delete(t.uri);
    settingsCache.delete(t.uri);
    const queued = queue.indexOf(t.uri);
    if (queued >= 0) queue.splice(queued, 1);
    const timer = pending.get(t.uri);
    if (timer) clearTimeout(timer);
    pending.delete(t.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params) => {
    const doc = store.get(params.textDocument.uri);
    if (!doc) return { kind: lsp.DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: lsp.DocumentDiagnosticReportKind.Full, items: await diagnose(doc) };
  });

  function withDoc<T>(uri: string, fallback: T, f: (doc: OpenDocument) => T): T {
    const doc = store.get(uri);
    if (!doc || !doc.language || doc.parsed === undefined) return fallback;
    try {
      return f(doc);
    } catch (e) {
      connection.console.error(`Request on ${uri} failed: ${describe(e)}`);
      return fallback;
    }
  }

  connection.onHover(async ({ textDocument, position }) => {
    const settings = await settingsFor(textDocument.uri);
    return withDoc<lsp.Hover | null>(textDocument.uri, null, (doc) => {
      const h = doc.language!.hover(doc.parsed, position, knowledgeFor(settings));
      return h ? { contents: { kind: lsp.MarkupKind.Markdown, value: h.contents }, range: h.range } : null;
    });
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const settings = await settingsFor(textDocument.uri);
    return withDoc<lsp.CompletionItem[]>(textDocument.uri, [], (doc) => {
      const language = doc.language!;
      return language.complete ? language.complete(doc.parsed, position, knowledgeFor(settings)).map(toLspCompletion) : [];
    });
  });

  connection.onCodeAction(async ({ textDocument, context }) => {
    const doc = store.get(textDocument.uri);
    if (!doc || !doc.language?.fixes || doc.parsed === undefined) return [];
    const settings = await settingsFor(doc.uri);
    // Suppressions are offered for what the document shows now (cross-file and preview findings included).
    const shown = context.diagnostics.length > 0 ? await diagnose(doc) : [];
    return withDoc<lsp.CodeAction[]>(textDocument.uri, [], () => {
      const current = coreDiagnostics(doc, knowledgeFor(settings));
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
              edit: workspaceEdit(doc, fix.edits),
            });
          }
        }
        for (const asked of context.diagnostics) {
          if (asked.source !== SOURCE || typeof asked.code !== 'string' || !shown.some((s) => s.code === asked.code && sameRange(s.range, asked.range))) continue;
          for (const fix of suppressionFixes(doc.text.getText(), doc.language!.comments, doc.language!.suppressionPlaces?.(doc.parsed), { code: asked.code, range: asked.range })) {
            actions.push({ title: fix.title, kind: lsp.CodeActionKind.QuickFix, diagnostics: [asked], edit: workspaceEdit(doc, fix.edits) });
          }
        }
      }
      if (wants(FIX_ALL_KIND) && only) {
        const edits = fixAllEdits(doc.language!, doc.parsed, suppressIn(doc.language!, doc.text.getText(), current, knowledgeFor(settings)));
        if (edits.length > 0) {
          actions.push({ title: 'Fix all auto-fixable Exchange Config problems', kind: FIX_ALL_KIND, edit: workspaceEdit(doc, edits) });
        }
      }
      return actions;
    });
  });

  connection.onDocumentFormatting(({ textDocument }) =>
    withDoc<lsp.TextEdit[]>(textDocument.uri, [], (doc) => {
      const formatted = doc.language!.format?.(doc.parsed);
      if (formatted === undefined || formatted === doc.text.getText()) return [];
      const end = doc.text.positionAt(doc.text.getText().length);
      return [{ range: { start: { line: 0, character: 0 }, end }, newText: formatted }];
    }),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command === SERVER_COMMANDS.oneLine) {
      const uri = (params.arguments?.[0] as OneLineArgs | undefined)?.uri;
      const result: OneLineResult = { text: uri ? withDoc<string | null>(uri, null, (doc) => doc.language!.oneLine?.(doc.parsed) ?? null) : null };
      return result;
    }
    if (params.command === SERVER_COMMANDS.previewMembers) return previewMembersFor(params.arguments?.[0] as PreviewMembersArgs | undefined);
    if (params.command === SERVER_COMMANDS.memoryReport) return memoryReportFor(params.arguments?.[0] as MemoryReportArgs | undefined);
    if (params.command === SERVER_COMMANDS.checkSetupCommandLine) {
      const line = (params.arguments?.[0] as Partial<CheckSetupCommandLineArgs> | undefined)?.commandLine;
      const result: CheckSetupCommandLineResult = { diagnostics: typeof line === 'string' ? checkSetupCommandLine(line) : [] };
      return result;
    }
    if (params.command !== SERVER_COMMANDS.cleanupReg) return null;
    const args = (params.arguments?.[0] ?? { uris: [] }) as CleanupRegArgs;
    const uris = Array.isArray(args.uris) ? args.uris.filter((u): u is string => typeof u === 'string') : [];
    const sources: CleanupSource[] = [];
    const unreadable: string[] = [];
    let knowledge: Knowledge | undefined;
    for (const uri of uris) {
      const settings = await settingsFor(uri);
      knowledge ??= knowledgeFor(settings);
      const open = store.get(uri);
      try {
        if (open && open.language === regLanguage && open.parsed) {
          sources.push({ name: uri, doc: open.parsed as RegDocument });
        } else if (options.readUri) {
          const decoded = decodeBytes(options.readUri(uri));
          sources.push({ name: uri, doc: regLanguage.parse(decoded.text, { decoded }) });
        } else unreadable.push(`${uri}: files that are not open cannot be read here`);
      } catch (e) {
        unreadable.push(`${uri}: ${(e as Error).message}`);
      }
    }
    const text = knowledge ? cleanupReg(sources, knowledge.exchange) : undefined;
    const result: CleanupRegResult = { text: text ?? null, unreadable };
    return result;
  });

  async function memoryReportFor(args: MemoryReportArgs | undefined): Promise<MemoryReportResult> {
    const uri = typeof args?.uri === 'string' ? args.uri : undefined;
    if (!uri) return { markdown: null };
    const knowledge = knowledgeFor(await settingsFor(uri));
    try {
      const open = store.get(uri);
      const folder = folderOf(uri);
      const isBootIni = open ? open.language === bootiniLanguage : /(^|\/)boot\.ini$/i.test(uri);
      let boot: BootIniFile | undefined;
      const regs = openRegs(folder);
      if (isBootIni) {
        if (open?.parsed !== undefined && open.language === bootiniLanguage) boot = { uri, doc: open.parsed as BootIniDocument };
        else if (options.readUri) {
          const decoded = decodeBytes(options.readUri(uri));
          boot = { uri, doc: bootiniLanguage.parse(decoded.text, { decoded }) };
        }
        if (regs.length === 0) return { markdown: null };
      } else {
        boot = siblingBootIni(uri, knowledge.bootIniFor);
        if (!regs.some((r) => r.uri === uri)) {
          if (!options.readUri) return { markdown: null };
          const decoded = decodeBytes(options.readUri(uri));
          regs.push({ uri, doc: regLanguage.parse(decoded.text, { decoded }) });
        }
      }
      return { markdown: boot ? memoryReport(boot, regs, knowledge.exchange) : null };
    } catch (e) {
      connection.console.error(`Memory report for ${uri} failed: ${describe(e)}`);
      return { markdown: null };
    }
  }

  /** Edits tied to the document version they were computed for, where the client can refuse stale ones. */
  function workspaceEdit(doc: OpenDocument, edits: lsp.TextEdit[]): lsp.WorkspaceEdit {
    if (!versionedEdits) return { changes: { [doc.uri]: edits } };
    return { documentChanges: [lsp.TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] };
  }

  connection.onDocumentSymbol(({ textDocument }) => withDoc(textDocument.uri, [], (doc) => doc.language!.symbols(doc.parsed).map(toLspSymbol)));

  connection.onFoldingRanges(({ textDocument }) => withDoc(textDocument.uri, [], (doc) => doc.language!.folding(doc.parsed).map(toLspFolding)));

  connection.listen();
}

const FIX_ALL_KIND = `${lsp.CodeActionKind.SourceFixAll}.exchange-config`;

function sameRange(a: lsp.Range, b: lsp.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function internalError(detail: string): CoreDiagnostic {
  return {
    range: lineRange(0, 0, 0),
    severity: 'error',
    code: 'internal-error',
    message: `Exchange Config Tools could not analyse this file (${detail.split('\n')[0]}). Other files are not affected; please report this with the file.`,
    source: SOURCE,
  };
}

function loadUserCatalog<C>(
  file: string,
  readFile: ((path: string) => string) | undefined,
  parse: (text: string, source: string) => { catalog?: C; problems: CatalogProblem[] },
): { catalog?: C; problems: CatalogProblem[] } {
  if (!readFile) return { problems: [{ source: file, message: 'catalog files cannot be read in this environment' }] };
  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    return { problems: [{ source: file, message: `cannot read it: ${(e as Error).message}` }] };
  }
  return parse(text, file);
}

/** One query-based group previewed in the editor: the filter's 0-based line, its group's DN (LDIF), the result. */
interface EditorPreview {
  line: number;
  dn?: string;
  result: PreviewResult;
  diagnostics: CoreDiagnostic[];
}

interface Knowledge {
  exchange: ExchangeKnowledge;
  maxDiagnostics: number;
  severityOverrides: Record<string, string>;
  bootIniFor: Record<string, string>;
}

function attributeList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()) : [];
}

function oneOf(value: unknown, allowed: readonly string[], fallback: string): string {
  return typeof value === 'string' && allowed.includes(value) ? value : fallback;
}

function normalizeSettings(s: Partial<Settings>): Settings {
  const overrides = s.severityOverrides && typeof s.severityOverrides === 'object' ? s.severityOverrides : {};
  const max = typeof s.maxDiagnosticsPerFile === 'number' && s.maxDiagnosticsPerFile >= 1 ? Math.floor(s.maxDiagnosticsPerFile) : DEFAULT_SETTINGS.maxDiagnosticsPerFile;
  return {
    severityOverrides: { ...overrides },
    maxDiagnosticsPerFile: max,
    exchangeVersion: oneOf(s.exchangeVersion, ['2000', '2003', '2003sp1', '2003sp2'], DEFAULT_SETTINGS.exchangeVersion),
    windowsVersion: oneOf(s.windowsVersion, ['2000', '2003'], ''),
    serverRole: oneOf(s.serverRole, ['mailbox', 'public-folder', 'front-end', 'bridgehead', 'rpc-proxy'], ''),
    catalogFiles: Array.isArray(s.catalogFiles) ? s.catalogFiles.filter((f): f is string => typeof f === 'string' && f !== '') : [],
    setupCatalogFiles: Array.isArray(s.setupCatalogFiles) ? s.setupCatalogFiles.filter((f): f is string => typeof f === 'string' && f !== '') : [],
    forceAnswerFile: s.forceAnswerFile === true,
    serverMemoryMB: typeof s.serverMemoryMB === 'number' && s.serverMemoryMB > 0 ? Math.floor(s.serverMemoryMB) : 0,
    bootIniFor:
      s.bootIniFor && typeof s.bootIniFor === 'object'
        ? Object.fromEntries(Object.entries(s.bootIniFor).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''))
        : {},
    ldapAttributesInGC: attributeList(s.ldapAttributesInGC),
    ldapAttributesIndexed: attributeList(s.ldapAttributesIndexed),
    directoryExport: typeof s.directoryExport === 'string' ? s.directoryExport.trim() : '',
    workspacePathSettings: Array.isArray(s.workspacePathSettings) ? PATH_SETTINGS.filter((p) => s.workspacePathSettings!.includes(p)) : [],
  };
}
