/**
 * VS Code for the Web client: runs the language server (dist/browserServer.js) in a web worker. The server has no
 * file system there: organisation catalog files and documents that are not open are not read.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, SETTINGS_SECTION } from './common';

export { deactivate } from './common';

// The client's lib is ES2022 + Node types; the web worker host provides Worker.
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js');
  await activateWith(context, (options) => new LanguageClient(SETTINGS_SECTION, 'Exchange Config Tools', options, new Worker(serverMain.toString(true))));
}
