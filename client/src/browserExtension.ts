/**
 * VS Code for the Web client: runs the language server (dist/browserServer.js) in a web worker. The server has no
 * file system there: organisation catalog files and documents that are not open are not read.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, SETTINGS_SECTION } from './common';

export { deactivate } from './common';

type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
// The client's lib is ES2022 + Node types; the web worker host provides Worker.
declare const Worker: new (url: string) => ServerWorker;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await startWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js'));
  await activateWith(context, 'in a web worker (browser build)', (options) => new LanguageClient(SETTINGS_SECTION, 'Exchange Config Tools', options, worker));
}

/**
 * Starts the server worker from the script at `script`. A web worker extension host refuses to start workers from the
 * files of an extension installed on a remote server (`vscode-remote:` URIs, as in code-server or a remote window
 * that runs the extension in the browser); its `fetch` can read those files, so the worker then starts from a copy
 * of the script in a blob.
 */
export async function startWorker(script: vscode.Uri): Promise<ServerWorker> {
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`Cannot read the language server script ${script.toString(true)}: HTTP ${response.status}`);
  const blob = new Blob([await response.text()], { type: 'application/javascript' });
  return new Worker(URL.createObjectURL(blob));
}
