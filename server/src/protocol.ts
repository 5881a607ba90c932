/** Settings and command identifiers shared by the VS Code client and the server (types and constants only). */

export interface Settings {
  /** Severity per diagnostic code; 'off' hides the code. */
  severityOverrides: Record<string, string>;
  maxDiagnosticsPerFile: number;
}

export const DEFAULT_SETTINGS: Settings = {
  severityOverrides: {},
  maxDiagnosticsPerFile: 1000,
};

/** The configuration section the server reads (package.json contributes `exchangeConfig.*`). */
export const SETTINGS_SECTION = 'exchangeConfig';

export const LANGUAGE_IDS = ['reg'] as const;

export const COMMANDS = {
  restartServer: 'exchangeConfig.restartServer',
  showOutput: 'exchangeConfig.showOutput',
} as const;
