/**
 * The part of the VS Code client shared by the desktop (Node) and the web (browser worker) extension: the
 * documents the server takes, the crash handling, and the commands.
 */
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandlerResult,
  ExecuteCommandRequest,
  LanguageClientOptions,
} from 'vscode-languageclient';
import { CheckSetupCommandLineArgs, CheckSetupCommandLineResult, CleanupRegArgs, CleanupRegResult, InitializationOptions, OneLineArgs, OneLineResult, COMMANDS, CLIENT_LANGUAGE_IDS, MemoryReportArgs, MemoryReportResult, PATH_SETTINGS, PreviewMembersArgs, PreviewMembersResult, PathSetting, PROJECT_CONFIG_FILE, SERVER_COMMANDS, ShowCodeDocumentationArgs, SETTINGS_SECTION, WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/protocol';

export { SETTINGS_SECTION };

let client: BaseLanguageClient | undefined;

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

/**
 * The client options of both hosts. The codes' documentation pages are the extension's own files (docs/codes), named
 * by a URI under its extensionUri: a file: URI in the desktop build, the extension's location in the web build.
 */
export function clientOptions(output: vscode.OutputChannel, extensionUri: vscode.Uri): LanguageClientOptions {
  return {
    documentSelector: [
      ...CLIENT_LANGUAGE_IDS.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
        { scheme: 'vscode-vfs', language },
        // The files of a remote workspace, as the web worker extension host sees them (code-server, remote windows).
        { scheme: 'vscode-remote', language },
      ]),
      // The project configuration file: the server publishes its problems when it is opened (it reads it from disk).
      { scheme: 'file', pattern: `**/${PROJECT_CONFIG_FILE}` },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
    initializationOptions: {
      workspaceTrusted: vscode.workspace.isTrusted,
      codeDocsUri: vscode.Uri.joinPath(extensionUri, 'docs', 'codes').toString(),
      showCodeDocumentationCommand: true,
    } satisfies InitializationOptions,
    middleware: {
      workspace: {
        // The server confines file paths that come from the workspace's own settings to the workspace folders (and
        // ignores them in Restricted Mode); only the client can tell where a setting's value comes from.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value: unknown, i: number) => {
            const item = params.items[i];
            if (item?.section !== SETTINGS_SECTION || !value || typeof value !== 'object') return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return { ...(value as object), workspacePathSettings: workspacePathSettings(scope) };
          });
        },
      },
    },
  };
}

/** The path settings whose value, for this resource, comes from the workspace or folder settings rather than the user's. */
function workspacePathSettings(scope: vscode.Uri | undefined): PathSetting[] {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return PATH_SETTINGS.filter((name) => {
    const i = config.inspect(name);
    return i !== undefined && (i.workspaceFolderValue !== undefined || i.workspaceValue !== undefined || i.workspaceFolderLanguageValue !== undefined || i.workspaceLanguageValue !== undefined);
  });
}

/** Registers the commands on the client made by `makeClient` and starts it. */
export async function activateWith(
  context: vscode.ExtensionContext,
  host: string,
  makeClient: (options: LanguageClientOptions) => BaseLanguageClient,
): Promise<void> {
  const output = vscode.window.createOutputChannel('Exchange Config Tools');
  // Says which build runs: the first thing to know when a problem is reported from VS Code for the Web or a remote.
  output.appendLine(`Exchange Config Tools ${String(context.extension.packageJSON.version)}: the language server runs ${host}.`);
  client = makeClient(clientOptions(output, context.extensionUri));
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      output.appendLine('Restarting the language server.');
      // LanguageClient (Node) has restart(); the browser client has not: stop and start again works for both.
      const c = client as (BaseLanguageClient & { restart?: () => Promise<void> }) | undefined;
      if (c?.restart) await c.restart();
      else if (c) {
        await c.stop();
        await c.start();
      }
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.copyFilterOneLine, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'ldapfilter' || !client) {
        void vscode.window.showInformationMessage('Open an LDAP filter (.ldapfilter) first.');
        return;
      }
      const args: OneLineArgs = { uri: doc.uri.toString() };
      const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.oneLine, arguments: [args] })) as OneLineResult | null;
      if (!result?.text) {
        void vscode.window.showWarningMessage('The filter has syntax errors; fix them first (see the Problems panel).');
        return;
      }
      await vscode.env.clipboard.writeText(result.text);
      void vscode.window.showInformationMessage('The filter is on the clipboard, on one line, ready for ADSI Edit.');
    }),
    vscode.commands.registerCommand(COMMANDS.cleanupFile, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'reg') {
        void vscode.window.showInformationMessage('Open a .reg export first.');
        return;
      }
      await createCleanup([doc.uri.toString()], output);
    }),
    vscode.commands.registerCommand(COMMANDS.cleanupWorkspace, async () => {
      const files = await vscode.workspace.findFiles('**/*.reg', '**/node_modules/**');
      if (files.length === 0) {
        void vscode.window.showInformationMessage('There are no .reg files in this workspace.');
        return;
      }
      await createCleanup(
        files.map((f) => f.toString()),
        output,
      );
    }),
    vscode.commands.registerCommand(COMMANDS.showMemoryReport, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || (doc.languageId !== 'reg' && doc.languageId !== 'bootini')) {
        void vscode.window.showInformationMessage('Open a .reg export or a boot.ini first.');
        return;
      }
      await showMemoryReport(doc.uri.toString());
    }),
    vscode.commands.registerCommand(COMMANDS.checkSetupCommandLine, checkSetupCommandLineCommand),
    vscode.commands.registerCommand(COMMANDS.showPreviewMembers, async (given?: PreviewMembersArgs) => {
      // From the CodeLens the group is given; from the command palette, the active filter file is previewed.
      const doc = vscode.window.activeTextEditor?.document;
      const args: PreviewMembersArgs | undefined = given && typeof given.uri === 'string' ? given : doc?.languageId === 'ldapfilter' ? { uri: doc.uri.toString() } : undefined;
      if (!args) {
        void vscode.window.showInformationMessage('Open an LDAP filter (.ldapfilter) first, or use the Preview CodeLens above a group in an LDIF file.');
        return;
      }
      await showPreviewMembers(args, output);
    }),
    vscode.commands.registerCommand(COMMANDS.showCodeDocumentation, showCodeDocumentation),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.isRunning()) void client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
    }),
    output,
  );
  await client.start();
}

/**
 * Opens a code's documentation page (a file of the extension, so it works offline) in the Markdown preview, or as text
 * where the preview is not available. Returns the URI opened, for the tests.
 */
async function showCodeDocumentation(args?: ShowCodeDocumentationArgs): Promise<string | undefined> {
  if (!args || typeof args.uri !== 'string') return undefined;
  const uri = vscode.Uri.parse(args.uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
  return uri.toString();
}

/** Asks the server for the cleanup file and opens it as a new, unsaved document: nothing is written to disk. */
async function createCleanup(uris: string[], output: vscode.OutputChannel): Promise<void> {
  if (!client) return;
  const args: CleanupRegArgs = { uris };
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.cleanupReg, arguments: [args] })) as CleanupRegResult | null;
  for (const u of result?.unreadable ?? []) output.appendLine(`Not read: ${u}`);
  if (!result?.text) {
    void vscode.window.showInformationMessage('No obsolete Exchange 2000 values found.');
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'reg', content: result.text });
  await vscode.window.showTextDocument(doc);
}

/** Asks the server for the memory configuration report and opens it as a new, unsaved markdown document. */
async function showMemoryReport(uri: string): Promise<void> {
  if (!client) return;
  const args: MemoryReportArgs = { uri };
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.memoryReport, arguments: [args] })) as MemoryReportResult | null;
  if (!result?.markdown) {
    void vscode.window.showInformationMessage('No memory report: it needs a boot.ini and a .reg export (open in the editor, or beside the file) in the same folder.');
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.window.showTextDocument(doc);
}

/** Asks the server for the members of a query-based group and opens them as a new, unsaved markdown document. */
async function showPreviewMembers(args: PreviewMembersArgs, output: vscode.OutputChannel): Promise<void> {
  if (!client) return;
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.previewMembers, arguments: [args] })) as PreviewMembersResult | null;
  if (!result?.markdown) {
    const reason = result?.reason ?? 'No preview.';
    output.appendLine(`Preview: ${reason}`);
    void vscode.window.showInformationMessage(reason);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.window.showTextDocument(doc);
}

/**
 * Has the server check an Exchange Setup command line and shows the problems in a quick pick. Asks for the command
 * line unless it is given as the argument (keybindings, other extensions, tests); returns the server's result, or
 * undefined when nothing was checked.
 */
async function checkSetupCommandLineCommand(given?: unknown): Promise<CheckSetupCommandLineResult | undefined> {
  if (!client) return undefined;
  const commandLine =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: 'Check Exchange Setup command line',
          prompt: 'The Setup command line, e.g. E:\\setup\\i386\\setup /unattendfile D:\\myanswerfile.ini',
          placeHolder: 'setup /createunattend D:\\myanswerfile.ini',
          ignoreFocusOut: true,
        });
  if (commandLine === undefined) return undefined;
  const args: CheckSetupCommandLineArgs = { commandLine };
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.checkSetupCommandLine, arguments: [args] })) as CheckSetupCommandLineResult | null;
  const checked: CheckSetupCommandLineResult = { diagnostics: result?.diagnostics ?? [] };
  const problems = checked.diagnostics;
  if (problems.length === 0) {
    void vscode.window.showInformationMessage('No problems found in the Setup command line.');
    return checked;
  }
  // Not awaited: the result is returned while the quick pick is shown.
  void vscode.window.showQuickPick(
    problems.map((p) => ({
      label: `${p.severity === 'error' ? '$(error)' : '$(warning)'} ${commandLine.slice(p.start, p.end) || p.code}`,
      description: `${p.code} (characters ${p.start + 1}-${p.end})`,
      detail: p.message,
    })),
    { title: `${problems.length} problem${problems.length === 1 ? '' : 's'} in the Setup command line`, matchOnDetail: true },
  );
  return checked;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
