/** VS Code client (desktop): starts the language server as a Node process over IPC and wires its commands and settings. */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateWith, SETTINGS_SECTION } from './common';

export { deactivate } from './common';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The bundle (npm run bundle, what the .vsix ships); the tsc output when running from a plain build.
  const bundled = context.asAbsolutePath('dist/server.js');
  const module = fs.existsSync(bundled) ? bundled : context.asAbsolutePath('out/server/src/main.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  await activateWith(context, 'as a Node.js process', (options) => new LanguageClient(SETTINGS_SECTION, 'Exchange Config Tools', serverOptions, options));
}
