/** Settings and command identifiers shared by the VS Code client and the server (types and constants only). */

export interface Settings {
  /** Severity per diagnostic code; 'off' hides the code. */
  severityOverrides: Record<string, string>;
  maxDiagnosticsPerFile: number;
  /** The Exchange version the servers run now: 2000, 2003, 2003sp1 or 2003sp2. */
  exchangeVersion: string;
  /** The Windows version of the servers: 2000, 2003, or '' when not known. */
  windowsVersion: string;
  /** The role of the server the files come from, or '' when not known. */
  serverRole: string;
  /** Paths of an organisation's own registry catalog files (same JSON schema as the built-in catalog). */
  catalogFiles: string[];
  /** Paths of an organisation's own Setup answer-file catalog files (schema server/data/catalog/setup-keys.schema.json). */
  setupCatalogFiles: string[];
  /** Check every document in the Exchange Setup answer file language as one, even when its content does not show one. */
  forceAnswerFile: boolean;
  /** Physical memory of the servers in MB; 0 when not known. */
  serverMemoryMB: number;
  /**
   * Which boot.ini belongs to the .reg exports of a folder (both workspace-relative), where they do not sit side by
   * side; by default a .reg file is paired with the boot.ini in its own folder.
   */
  bootIniFor: Record<string, string>;
  /** Attributes an organisation added to the global catalog's partial attribute set; LDAP filters count them as in the GC. */
  ldapAttributesInGC: string[];
  /** Attributes the forest indexed beyond the Exchange 2003 schema. */
  ldapAttributesIndexed: string[];
  /**
   * Path of an ldifde export of the recipients (workspace-relative, or absolute); '' when none. Query-based group
   * filters are previewed against it (CodeLens, ldapfilter.preview-* diagnostics).
   */
  directoryExport: string;
  /**
   * Which path settings (catalogFiles, setupCatalogFiles, directoryExport) have their value from the workspace's own settings rather
   * than the user's; the VS Code client says so. Such paths must stay inside the workspace folders, and are ignored in
   * a workspace that is not trusted. Clients that do not say are taken to pass the user's own settings.
   */
  workspacePathSettings: PathSetting[];
  /**
   * Filled in by the server, not sent by clients: the folder URI against which each path setting's relative paths
   * resolve (the folder of the project configuration file for the settings it holds, else the workspace folder of the
   * document); absent: the first workspace folder.
   */
  baseUris?: Partial<Record<PathSetting | 'bootIniFor', string>>;
  /** Filled in by the server: the document matches the ignorePatterns of its project configuration file. */
  ignored?: boolean;
}

/** The settings that name files to read. */
export const PATH_SETTINGS = ['catalogFiles', 'setupCatalogFiles', 'directoryExport'] as const;
export type PathSetting = (typeof PATH_SETTINGS)[number];

/** What the client passes in initializationOptions. */
/** The name of the project configuration file (see server/src/core/projectConfig.ts). */
export const PROJECT_CONFIG_FILE = '.exchange-config.json';

export interface InitializationOptions {
  settings?: Partial<Settings>;
  /** Whether the user trusts the workspace (VS Code's Restricted Mode); absent means trusted. */
  workspaceTrusted?: boolean;
  /**
   * URI of the folder holding the documentation page of each diagnostic code (`<code>.md`); diagnostics link to
   * `<codeDocsUri>/<code>.md`. The VS Code client passes its extension's own `docs/codes` folder (in the desktop and
   * the web build alike); without it, the Node server links to the pages beside its own files, the web worker to none.
   */
  codeDocsUri?: string;
  /**
   * The client has the command COMMANDS.showCodeDocumentation (it opens a code's page in the Markdown preview), which
   * the "Show documentation" code action then runs. Without it, the action runs SERVER_COMMANDS.showCodeDocumentation,
   * which asks the client to show the page (window/showDocument).
   */
  showCodeDocumentationCommand?: boolean;
}

/** Client notification: the user now trusts the workspace. */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'exchangeConfig/workspaceTrusted';

export const DEFAULT_SETTINGS: Settings = {
  severityOverrides: {},
  maxDiagnosticsPerFile: 1000,
  exchangeVersion: '2003',
  windowsVersion: '',
  serverRole: '',
  catalogFiles: [],
  setupCatalogFiles: [],
  forceAnswerFile: false,
  serverMemoryMB: 0,
  bootIniFor: {},
  ldapAttributesInGC: [],
  ldapAttributesIndexed: [],
  directoryExport: '',
  workspacePathSettings: [],
};

/** The configuration section the server reads (package.json contributes `exchangeConfig.*`). */
export const SETTINGS_SECTION = 'exchangeConfig';

export const LANGUAGE_IDS = ['reg', 'bootini', 'ldapfilter', 'ldif', 'setupini'] as const;

/**
 * The languages whose documents the VS Code client sends to the server: its own, and VS Code's `ini`, among which the
 * server takes the files shaped like an Exchange Setup answer file (and ignores the rest). The extension must be
 * activated for each of them (package.json: contributed languages activate it; `ini` needs `onLanguage:ini`).
 */
export const CLIENT_LANGUAGE_IDS: readonly string[] = [...LANGUAGE_IDS, 'ini'];

export const COMMANDS = {
  /** Client command: copy the active LDAP filter, joined onto one line, to the clipboard. */
  copyFilterOneLine: 'exchangeConfig.copyFilterOneLine',
  restartServer: 'exchangeConfig.restartServer',
  showOutput: 'exchangeConfig.showOutput',
  /** Client command: a cleanup .reg for the active file. */
  cleanupFile: 'exchangeConfig.createCleanupReg',
  /** Client command: a cleanup .reg for every .reg file in the workspace. */
  cleanupWorkspace: 'exchangeConfig.createWorkspaceCleanupReg',
  /** Client command: the memory configuration report (boot.ini and .reg files of one folder) for the active file. */
  showMemoryReport: 'exchangeConfig.showMemoryReport',
  /** Client command: asks for an Exchange Setup command line and shows what is wrong with it. */
  checkSetupCommandLine: 'exchangeConfig.checkSetupCommandLine',
  /**
   * Client command (the preview CodeLens): the members of a query-based group in the directory export, as a new,
   * unsaved markdown document. Argument: PreviewMembersArgs.
   */
  showPreviewMembers: 'exchangeConfig.showPreviewMembers',
  /** Client command (the "Show documentation for CODE" code action): a code's page in the Markdown preview. Argument: ShowCodeDocumentationArgs. */
  showCodeDocumentation: 'exchangeConfig.showCodeDocumentation',
} as const;

/** Server command (workspace/executeCommand): builds the cleanup .reg text for the given document URIs. */
export const SERVER_COMMANDS = {
  /** The one-line form of an LDAP filter document (for ADSI Edit). */
  oneLine: 'exchangeConfig.server.oneLine',
  cleanupReg: 'exchangeConfig.server.cleanupReg',
  /** Builds the markdown memory configuration report for a .reg or boot.ini document and its folder's other file. */
  memoryReport: 'exchangeConfig.server.memoryReport',
  /** Checks an Exchange Setup command line (switches, their arguments). */
  checkSetupCommandLine: 'exchangeConfig.server.checkSetupCommandLine',
  /** The members of a query-based group (a filter document, or one group of an LDIF document) in the directory export. */
  previewMembers: 'exchangeConfig.server.previewMembers',
  /** Asks the client to show a code's documentation page (window/showDocument). Argument: ShowCodeDocumentationArgs. */
  showCodeDocumentation: 'exchangeConfig.server.showCodeDocumentation',
} as const;

export interface ShowCodeDocumentationArgs {
  code: string;
  /** The URI of the code's page. */
  uri: string;
}

export interface PreviewMembersArgs {
  uri: string;
  /** In an LDIF document: the 0-based line of the group's msExchDynamicDLFilter; absent for a filter document. */
  line?: number;
}

export interface PreviewMembersResult {
  /** The member list, or null when there is no export or no such group (then `reason` says why). */
  markdown: string | null;
  reason?: string;
}

export interface CheckSetupCommandLineArgs {
  commandLine: string;
}

export interface CheckSetupCommandLineResult {
  /** Problems, with character offsets in the command line; [] when there is none. */
  diagnostics: { start: number; end: number; severity: 'error' | 'warning' | 'information' | 'hint'; code: string; message: string }[];
}

export interface MemoryReportArgs {
  uri: string;
}

export interface MemoryReportResult {
  /** The report, or null when there is no boot.ini (or, for a boot.ini, no open .reg file) to pair. */
  markdown: string | null;
}

export interface OneLineArgs {
  uri: string;
}

export interface OneLineResult {
  /** The one-line form, or null when the document has syntax errors (or its language has none). */
  text: string | null;
}

export interface CleanupRegArgs {
  uris: string[];
}

export interface CleanupRegResult {
  /** The new file's text, or null when no file has obsolete values. */
  text: string | null;
  /** Files that could not be read, with the reason. */
  unreadable: string[];
}
