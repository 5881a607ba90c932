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
}

export const DEFAULT_SETTINGS: Settings = {
  severityOverrides: {},
  maxDiagnosticsPerFile: 1000,
  exchangeVersion: '2003',
  windowsVersion: '',
  serverRole: '',
  catalogFiles: [],
};

/** The configuration section the server reads (package.json contributes `exchangeConfig.*`). */
export const SETTINGS_SECTION = 'exchangeConfig';

export const LANGUAGE_IDS = ['reg'] as const;

export const COMMANDS = {
  restartServer: 'exchangeConfig.restartServer',
  showOutput: 'exchangeConfig.showOutput',
} as const;
