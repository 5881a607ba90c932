/** Pieces for testing the language server's handlers without a connection. */
import { DocumentStore } from '../../server/src/lsp/documents';
import { ServerLog } from '../../server/src/lsp/log';
import { Workspace } from '../../server/src/lsp/workspace';
import { SettingsService } from '../../server/src/lsp/handlers/settings';
import { ServerOptions } from '../../server/src/lsp/options';

/** A log that keeps its lines, each prefixed with its kind (`warn: `, `error: `, `info: `, `show: ` for notifications). */
export function recordingLog(): { log: ServerLog; lines: string[] } {
  const lines: string[] = [];
  const log = new ServerLog(
    {
      error: (m) => lines.push(`error: ${m}`),
      warn: (m) => lines.push(`warn: ${m}`),
      info: (m) => lines.push(`info: ${m}`),
    },
    (m) => lines.push(`show: ${m}`),
  );
  return { log, lines };
}

/** The shared state of the handlers: an empty store, a workspace at `file:///ws`, settings the client sent as `settings`. */
export function serverParts(settings: Record<string, unknown> = {}, options: ServerOptions = {}): {
  store: DocumentStore;
  workspace: Workspace;
  settings: SettingsService;
  log: ServerLog;
  lines: string[];
} {
  const { log, lines } = recordingLog();
  const store = new DocumentStore((m) => log.error(m));
  const workspace = new Workspace();
  workspace.initialize({ workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }], rootUri: null }, true);
  const service = new SettingsService(workspace, log, options.readFile, options.projectConfig);
  service.setGlobal(settings);
  return { store, workspace, settings: service, log, lines };
}

