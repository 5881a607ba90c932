/**
 * The language server: capabilities and handlers. Host-independent (Node process or browser worker); the host
 * creates the connection and says where the README (diagnostic documentation) is, if anywhere.
 */
import * as lsp from 'vscode-languageserver';
import { applySeverityOverrides } from './core/severity';
import { Diagnostic as CoreDiagnostic, lineRange, SOURCE } from './core/types';
import { toLspDiagnostic, toLspFolding, toLspSymbol } from './lsp/convert';
import { describe, DocumentStore, OpenDocument } from './lsp/documents';
import { DEFAULT_SETTINGS, Settings, SETTINGS_SECTION } from './protocol';

export interface ServerOptions {
  /** URI of the README whose headings document each diagnostic code. */
  docsUri?: string;
}

export function startServer(connection: lsp.Connection, options: ServerOptions = {}): void {
  const store = new DocumentStore((m) => connection.console.error(m));
  let pullDiagnostics = false;
  let configurationRequests = false;
  let globalSettings: Settings = DEFAULT_SETTINGS;
  const settingsCache = new Map<string, Promise<Settings>>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  connection.onInitialize((params) => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationRequests = !!caps.workspace?.configuration;
    const init = params.initializationOptions as { settings?: Partial<Settings> } | undefined;
    if (init?.settings) globalSettings = normalizeSettings(init.settings);
    const result: lsp.InitializeResult = {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: lsp.TextDocumentSyncKind.Incremental,
        },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
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
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const s = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (s && typeof s === 'object') globalSettings = normalizeSettings(s as Partial<Settings>);
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const doc of store.all()) schedule(doc.uri, 0);
  });

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

  async function diagnose(doc: OpenDocument): Promise<lsp.Diagnostic[]> {
    const settings = await settingsFor(doc.uri);
    let diags: CoreDiagnostic[];
    if (doc.failure !== undefined || !doc.language) {
      diags = doc.failure !== undefined ? [internalError(doc.failure)] : [];
    } else {
      try {
        diags = doc.language.validate(doc.parsed, { maxDiagnostics: settings.maxDiagnosticsPerFile });
      } catch (e) {
        connection.console.error(`Validating ${doc.uri} failed: ${describe(e)}`);
        diags = [internalError(describe(e))];
      }
    }
    diags = applySeverityOverrides(diags, settings.severityOverrides);
    return diags.map((d) => toLspDiagnostic(d, doc.uri, options.docsUri));
  }

  function schedule(uri: string, delay: number): void {
    if (pullDiagnostics) return;
    const t = pending.get(uri);
    if (t) clearTimeout(t);
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const doc = store.get(uri);
        if (!doc) return;
        const version = doc.version;
        void diagnose(doc).then((diagnostics) => {
          if (store.get(uri) === doc && doc.version === version) void connection.sendDiagnostics({ uri, version, diagnostics });
        });
      }, delay),
    );
  }

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    store.open(t.uri, t.languageId, t.version, t.text);
    schedule(t.uri, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    store.change(t.uri, t.version ?? 0, contentChanges as { range?: lsp.Range; text: string }[]);
    schedule(t.uri, 50);
  });

  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    store.close(t.uri);
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

  connection.onHover(({ textDocument, position }) =>
    withDoc<lsp.Hover | null>(textDocument.uri, null, (doc) => {
      const h = doc.language!.hover(doc.parsed, position);
      return h ? { contents: { kind: lsp.MarkupKind.Markdown, value: h.contents }, range: h.range } : null;
    }),
  );

  connection.onDocumentSymbol(({ textDocument }) => withDoc(textDocument.uri, [], (doc) => doc.language!.symbols(doc.parsed).map(toLspSymbol)));

  connection.onFoldingRanges(({ textDocument }) => withDoc(textDocument.uri, [], (doc) => doc.language!.folding(doc.parsed).map(toLspFolding)));

  connection.listen();
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

function normalizeSettings(s: Partial<Settings>): Settings {
  const overrides = s.severityOverrides && typeof s.severityOverrides === 'object' ? s.severityOverrides : {};
  const max = typeof s.maxDiagnosticsPerFile === 'number' && s.maxDiagnosticsPerFile >= 1 ? Math.floor(s.maxDiagnosticsPerFile) : DEFAULT_SETTINGS.maxDiagnosticsPerFile;
  return { severityOverrides: { ...overrides }, maxDiagnosticsPerFile: max };
}
