/**
 * The documentation page of each diagnostic code (docs/codes/<code>.md, shipped with the extension and the npm
 * package): the link of a diagnostic's code (codeDescription.href) and the "Show documentation for CODE" code action.
 */
import * as lsp from 'vscode-languageserver';
import { COMMANDS, InitializationOptions, SERVER_COMMANDS, ShowCodeDocumentationArgs } from '../protocol';

/**
 * Where the codes' pages are and how a page is opened: the folder the host names, unless the client names its own at
 * initialize (the VS Code client names the extension's folder, in the desktop and the web build).
 */
export class CodeDocsLocation {
  /** The client opens a page with its own command (VS Code: the Markdown preview). */
  clientCommand = false;
  /** The client opens a URI when asked (window/showDocument). */
  showDocument = false;

  constructor(public uri: string | undefined) {}

  initialize(init: InitializationOptions | undefined, caps: lsp.ClientCapabilities): void {
    if (typeof init?.codeDocsUri === 'string' && init.codeDocsUri) this.uri = init.codeDocsUri;
    this.clientCommand = init?.showCodeDocumentationCommand === true;
    this.showDocument = !!caps.window?.showDocument?.support;
  }

  /** "Show documentation for CODE" can be offered: there are pages, and a way to open one. */
  get canShow(): boolean {
    return !!this.uri && (this.clientCommand || this.showDocument);
  }
}

/** The URI of a code's page under the folder URI `base` (with or without a final slash). */
export function codeDocsHref(base: string, code: string): string {
  return `${base.endsWith('/') ? base.slice(0, -1) : base}/${encodeURIComponent(code)}.md`;
}

/**
 * One "Show documentation for CODE" action per distinct code among the diagnostics, after the fixes: it runs the
 * client's command when the client has one (VS Code: the Markdown preview), else the server's (window/showDocument).
 */
export function documentationActions(diagnostics: readonly lsp.Diagnostic[], base: string, clientCommand: boolean): lsp.CodeAction[] {
  const seen = new Set<string>();
  const actions: lsp.CodeAction[] = [];
  for (const d of diagnostics) {
    if (typeof d.code !== 'string' || seen.has(d.code)) continue;
    seen.add(d.code);
    const args: ShowCodeDocumentationArgs = { code: d.code, uri: codeDocsHref(base, d.code) };
    const title = `Show documentation for ${d.code}`;
    actions.push({
      title,
      kind: lsp.CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title, command: clientCommand ? COMMANDS.showCodeDocumentation : SERVER_COMMANDS.showCodeDocumentation, arguments: [args] },
    });
  }
  return actions;
}

/** The arguments of the show-documentation command, or undefined when they are not what the action sends. */
export function showDocumentationArgs(value: unknown): ShowCodeDocumentationArgs | undefined {
  const a = value as Partial<ShowCodeDocumentationArgs> | undefined;
  return a && typeof a.code === 'string' && typeof a.uri === 'string' ? { code: a.code, uri: a.uri } : undefined;
}
