/** What the client can do (read once from `initialize`) and what the server offers in return. */
import * as lsp from 'vscode-languageserver';
import { SOURCE } from '../core/types';
import { SERVER_COMMANDS } from '../protocol';

/** The kind of the "fix all" source action (`source.fixAll.exchange-config`). */
export const FIX_ALL_KIND = `${lsp.CodeActionKind.SourceFixAll}.exchange-config`;

export interface ClientFeatures {
  /** The client pulls diagnostics (textDocument/diagnostic); otherwise the server pushes them. */
  pullDiagnostics: boolean;
  /** The client can be asked to pull all diagnostics again (workspace/diagnostic/refresh). */
  diagnosticRefresh: boolean;
  /** The client can be asked for the CodeLenses again (workspace/codeLens/refresh). */
  codeLensRefresh: boolean;
  /** Edits can be tied to a document version (documentChanges), so that the client refuses stale ones. */
  versionedEdits: boolean;
  /** The client answers workspace/configuration (settings per document). */
  configurationRequests: boolean;
  /** The client says when workspace folders are added or removed. */
  workspaceFolders: boolean;
  /** Formatting can be registered for some documents only (so that it is offered only where a language formats). */
  formattingRegistration: boolean;
}

export function clientFeatures(caps: lsp.ClientCapabilities): ClientFeatures {
  return {
    pullDiagnostics: !!caps.textDocument?.diagnostic,
    diagnosticRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
    codeLensRefresh: !!caps.workspace?.codeLens?.refreshSupport,
    versionedEdits: !!caps.workspace?.workspaceEdit?.documentChanges,
    configurationRequests: !!caps.workspace?.configuration,
    workspaceFolders: !!caps.workspace?.workspaceFolders,
    formattingRegistration: !!caps.textDocument?.formatting?.dynamicRegistration,
  };
}

export function serverCapabilities(client: ClientFeatures): lsp.InitializeResult {
  const result: lsp.InitializeResult = {
    capabilities: {
      textDocumentSync: {
        openClose: true,
        change: lsp.TextDocumentSyncKind.Incremental,
      },
      hoverProvider: true,
      // Registered for the languages that format (lsp/formatting.ts) where the client allows; else for every document.
      documentFormattingProvider: !client.formattingRegistration,
      executeCommandProvider: { commands: [SERVER_COMMANDS.oneLine, SERVER_COMMANDS.cleanupReg, SERVER_COMMANDS.memoryReport, SERVER_COMMANDS.checkSetupCommandLine, SERVER_COMMANDS.previewMembers, SERVER_COMMANDS.showCodeDocumentation] },
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: ['[', '\\', '"', ':', '/', '='], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'exchange-config-language-server' },
  };
  if (client.pullDiagnostics) {
    result.capabilities.diagnosticProvider = { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false };
  }
  return result;
}
