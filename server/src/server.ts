/**
 * The language server: creates the handlers (server/src/lsp/handlers, one concern each, with their own state) and
 * wires them to the connection. Host-independent (Node process or browser worker); the host creates the connection
 * and says where the documentation pages of the codes are, if anywhere, and how files are read.
 */
import * as lsp from 'vscode-languageserver';
import { InitializationOptions, PROJECT_CONFIG_FILE, SETTINGS_SECTION, WORKSPACE_TRUSTED_NOTIFICATION } from './protocol';
import { toLspDiagnostic } from './lsp/convert';
import { clientFeatures, ClientFeatures, serverCapabilities } from './lsp/capabilities';
import { CodeDocsLocation } from './lsp/codeDocs';
import { DocumentStore } from './lsp/documents';
import { FORMATTING_SELECTOR } from './lsp/formatting';
import { ServerLog } from './lsp/log';
import { ServerOptions } from './lsp/options';
import { Workspace } from './lsp/workspace';
import { ServerCommands } from './lsp/handlers/commands';
import { CrossFileChecks } from './lsp/handlers/crossFile';
import { DiagnosticsProvider } from './lsp/handlers/diagnostics';
import { DocumentSync } from './lsp/handlers/documentSync';
import { LanguageFeatures } from './lsp/handlers/features';
import { DirectoryPreviews } from './lsp/handlers/preview';
import { ValidationScheduler } from './lsp/handlers/scheduler';
import { SettingsService } from './lsp/handlers/settings';

export type { ServerOptions } from './lsp/options';

export function startServer(connection: lsp.Connection, options: ServerOptions = {}): void {
  // Requests under the hood: a client that refuses one must not end the process. (refresh() is typed void but returns
  // the request's promise.)
  const quietly = (request: unknown): void => void Promise.resolve(request).catch(() => undefined);
  let client: ClientFeatures = clientFeatures({});

  const log = new ServerLog(connection.console, (line) => quietly(connection.window.showWarningMessage(line)));
  const store = new DocumentStore((m) => connection.console.error(m));
  const workspace = new Workspace();
  const codeDocs = new CodeDocsLocation(options.codeDocsUri);
  const settings = new SettingsService(workspace, log, options.readFile, options.projectConfig);
  settings.publishConfigProblems = (uri, problems) => void connection.sendDiagnostics({ uri, diagnostics: problems.map((d) => toLspDiagnostic(d, uri, codeDocs.uri)) });
  let watchConfigFiles = false;
  const scheduler = new ValidationScheduler(
    store,
    {
      diagnose: (doc) => diagnostics.diagnose(doc),
      publish: (params) => void connection.sendDiagnostics(params),
      refresh: () => quietly(connection.languages.diagnostics.refresh()),
    },
    log,
  );
  const crossFile = new CrossFileChecks(store, workspace, log, options.readUri);
  const previews = new DirectoryPreviews(store, workspace, log, options.openExport, {
    revalidate: (uris) => scheduler.revalidate(uris),
    refreshCodeLenses: () => {
      if (client.codeLensRefresh) quietly(connection.sendRequest(lsp.CodeLensRefreshRequest.type));
    },
  }, options.loadExport);
  const diagnostics = new DiagnosticsProvider(store, settings, crossFile, previews, log, codeDocs);
  const features = new LanguageFeatures(store, settings, diagnostics, previews, log, codeDocs);
  const commands = new ServerCommands(store, settings, crossFile, previews, log, options.readUri, codeDocs, (uri) => connection.window.showDocument({ uri, takeFocus: true }));
  const sync = new DocumentSync(store, scheduler, crossFile, diagnostics, previews, settings);

  /** Settings, trust or workspace folders changed: settings are asked for again and the documents diagnosed again. */
  const settingsChanged = (): void => {
    options.projectConfigChanged?.();
    settings.changed();
    scheduler.revalidate(store.all().map((d) => d.uri));
  };

  connection.onInitialize((params) => {
    client = clientFeatures(params.capabilities);
    watchConfigFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    scheduler.pull = client.pullDiagnostics;
    scheduler.refreshSupport = client.diagnosticRefresh;
    features.versionedEdits = client.versionedEdits;
    const init = params.initializationOptions as InitializationOptions | undefined;
    workspace.initialize(params, init?.workspaceTrusted !== false);
    codeDocs.initialize(init, params.capabilities);
    if (init?.settings) settings.setGlobal(init.settings);
    if (client.configurationRequests) settings.fetch = (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
    return serverCapabilities(client);
  });

  connection.onInitialized(() => {
    if (client.formattingRegistration) {
      void connection.client.register(lsp.DocumentFormattingRequest.type, { documentSelector: FORMATTING_SELECTOR }).catch(() => undefined);
    }
    if (client.configurationRequests) {
      void connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    // Project configuration files are read from disk: a change to one applies to the documents open under it.
    if (watchConfigFiles && options.projectConfig) {
      void connection.client.register(lsp.DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${PROJECT_CONFIG_FILE}` }] }).catch(() => undefined);
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        workspace.foldersChanged(e);
        settingsChanged();
      });
    }
  });

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    workspace.trusted = true;
    settingsChanged();
  });

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (s && typeof s === 'object') settings.setGlobal(s);
    settingsChanged();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const configs = changes.filter((c) => c.uri.endsWith(`/${PROJECT_CONFIG_FILE}`));
    if (configs.length === 0) return;
    for (const c of configs) if (c.type === lsp.FileChangeType.Deleted) settings.configDeleted(c.uri);
    settingsChanged();
  });

  connection.onDidOpenTextDocument((params) => {
    sync.opened(params);
    // A project configuration file opened in the editor: its problems are published even when no file under it is open.
    if (params.textDocument.uri.endsWith(`/${PROJECT_CONFIG_FILE}`)) void settings.settingsFor(params.textDocument.uri);
  });
  connection.onDidChangeTextDocument((params) => sync.changed(params));
  connection.onDidCloseTextDocument((params) => sync.closed(params));
  connection.languages.diagnostics.on((params) => diagnostics.pull(params));

  connection.onHover((params) => features.hover(params));
  connection.onCompletion((params) => features.completion(params));
  connection.onCodeAction((params) => features.codeActions(params));
  connection.onDocumentFormatting((params) => features.formatting(params));
  connection.onDocumentSymbol((params) => features.symbols(params));
  connection.onFoldingRanges((params) => features.folding(params));
  connection.onCodeLens((params, token) => features.codeLenses(params, token));
  connection.onExecuteCommand((params) => commands.execute(params));

  connection.listen();
}
