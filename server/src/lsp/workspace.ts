/** The workspace as the client describes it: its folders and whether the user trusts it (VS Code's Restricted Mode). */
import type { WorkspaceFoldersChangeEvent, InitializeParams } from 'vscode-languageserver';

export class Workspace {
  /** Where relative paths of the settings are resolved: the first workspace folder, if any. */
  uri: string | undefined;
  /** The workspace folders: paths named by the workspace's own settings must stay inside them. */
  folders: string[] = [];
  /** Whether the user trusts the workspace; clients that do not say are trusted. */
  trusted = true;

  initialize(params: Pick<InitializeParams, 'workspaceFolders' | 'rootUri'>, trusted: boolean): void {
    this.uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    this.folders = params.workspaceFolders ? params.workspaceFolders.map((f) => f.uri) : this.uri ? [this.uri] : [];
    this.trusted = trusted;
  }

  /** The workspace folder a document lies in (the innermost); undefined for a document outside them. */
  folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) {
      const base = f.endsWith('/') ? f : `${f}/`;
      if (uri.startsWith(base) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  foldersChanged(e: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(e.removed.map((f) => f.uri));
    this.folders = [...this.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
    this.uri = this.folders[0];
  }
}
