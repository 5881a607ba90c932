/** VS Code client: starts the language server over IPC and wires its commands and settings. */
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { COMMANDS, LANGUAGE_IDS, SETTINGS_SECTION } from '../../server/src/protocol';

let client: LanguageClient | undefined;

/** Restarts after a crash, but gives up after 5 crashes within 3 minutes so that a crash loop cannot hog the machine. */
class RestartingErrorHandler {
  private restarts: number[] = [];
  constructor(private readonly output: vscode.OutputChannel) {}
  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }
  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < 180_000);
    this.restarts.push(now);
    if (this.restarts.length > 5) {
      this.output.appendLine('The language server stopped 5 times in 3 minutes; not restarting it. Use "Exchange Config: Restart Language Server".');
      return { action: CloseAction.DoNotRestart, message: 'The Exchange Config language server keeps stopping; see the output channel.' };
    }
    this.output.appendLine('The language server stopped; restarting it.');
    return { action: CloseAction.Restart, handled: true };
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Exchange Config Tools');
  const module = context.asAbsolutePath('out/server/src/main.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-vfs', language },
    ]),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
  };
  client = new LanguageClient(SETTINGS_SECTION, 'Exchange Config Tools', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      output.appendLine('Restarting the language server.');
      await client?.restart();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    output,
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
