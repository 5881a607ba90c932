/**
 * Settings and what follows from them: the settings of each document (asked of the client with
 * workspace/configuration, or the ones it sent), and the knowledge the languages get (the Exchange context and the
 * catalogs, organisation catalog files included). Both are cached until the settings, the trust or the workspace
 * folders change.
 */
import { ExchangeContext, ExchangeVersion, RegistryCatalog, ServerRole, WindowsVersion } from '../../core/catalog';
import { CatalogProblem, parseRegistryCatalog, registryIndex } from '../../core/catalogLoad';
import { ExchangeKnowledge } from '../../core/language';
import { parseSetupCatalog, SetupCatalog } from '../../languages/setupini';
import { DEFAULT_SETTINGS, PATH_SETTINGS, PathSetting, Settings } from '../../protocol';
import { Diagnostic } from '../../core/types';
import { ServerLog } from '../log';
import { ServerOptions } from '../options';
import { Workspace } from '../workspace';

/** What the languages and the checks across files are given for one set of settings. */
export interface Knowledge {
  exchange: ExchangeKnowledge;
  maxDiagnostics: number;
  severityOverrides: Record<string, string>;
  bootIniFor: Record<string, string>;
  /** The folder URI bootIniFor is relative to; absent: the first workspace folder. */
  bootIniBase?: string;
}

/** Settings of the project configuration file that name files: confined and trusted as the workspace's own settings. */
const PROJECT_PATH_SETTINGS: readonly PathSetting[] = ['catalogFiles', 'setupCatalogFiles', 'directoryExport'];

export class SettingsService {
  /** Asks the client for a document's settings (workspace/configuration); unset when the client cannot be asked. */
  fetch: ((uri: string) => Promise<unknown>) | undefined;
  /** The settings the client sent (initializationOptions, workspace/didChangeConfiguration). */
  private global: Settings = DEFAULT_SETTINGS;
  private readonly perDocument = new Map<string, Promise<Settings>>();
  private readonly knowledgeCache = new Map<string, Knowledge>();

  /** Publishes the problems of a project configuration file (as diagnostics on it). */
  publishConfigProblems: ((uri: string, problems: Diagnostic[]) => void) | undefined;
  /** What was last published for each configuration file, so that each change is published once. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly workspace: Workspace,
    private readonly log: ServerLog,
    private readonly readFile?: ServerOptions['readFile'],
    private readonly projectConfig?: ServerOptions['projectConfig'],
  ) {}

  /** The client sent settings (any shape: what is not valid falls back to the default). */
  setGlobal(settings: unknown): void {
    this.global = normalizeSettings((settings ?? {}) as Partial<Settings>);
  }

  /** Settings, trust or workspace folders changed: settings are asked for again and knowledge built again. */
  changed(): void {
    this.perDocument.clear();
    this.knowledgeCache.clear();
  }

  /** A document was closed: its settings are not kept. */
  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  settingsFor(uri: string): Promise<Settings> {
    // The settings the client sent, until it can be asked (the project file's are read again each time: cached by the host).
    if (!this.fetch) return Promise.resolve(this.withProject(uri, this.global));
    let s = this.perDocument.get(uri);
    if (!s) {
      s = this.fetch(uri)
        .then((v: unknown) => normalizeSettings((v ?? {}) as Partial<Settings>))
        .catch(() => this.global)
        .then((settings) => this.withProject(uri, settings));
      this.perDocument.set(uri, s);
    }
    return s;
  }

  /** A configuration file was deleted: its problems are taken back. */
  configDeleted(uri: string): void {
    if (this.published.get(uri) && this.published.get(uri) !== '[]') this.publishConfigProblems?.(uri, []);
    this.published.delete(uri);
  }

  /**
   * The client's settings for a document, with relative paths resolved against the document's own workspace folder,
   * and the settings of its project configuration file (.exchange-config.json) over them: each setting the file holds
   * wins (severity overrides code by code), as the team's shared settings; the others keep the client's values.
   */
  private withProject(uri: string, client: Settings): Settings {
    const folder = this.workspace.folderOf(uri);
    let settings: Settings = folder ? { ...client, baseUris: { catalogFiles: folder, setupCatalogFiles: folder, directoryExport: folder, bootIniFor: folder } } : client;
    let found;
    try {
      found = this.projectConfig?.(uri, this.workspace.folders);
    } catch (e) {
      this.log.error(`Finding the configuration file of ${uri} failed: ${(e as Error).message}`);
    }
    if (!found) return settings;
    const json = JSON.stringify(found.problems);
    if (this.published.get(found.configUri) !== json) {
      // The first time a file without problems is seen, there is nothing to take back.
      if (json !== '[]' || this.published.has(found.configUri)) this.publishConfigProblems?.(found.configUri, found.problems);
      this.published.set(found.configUri, json);
    }
    const project = found.settings;
    const merged: Record<string, unknown> = { ...settings, baseUris: { ...settings.baseUris } };
    for (const [key, value] of Object.entries(project)) {
      // In Restricted Mode the boot.ini paths of a workspace file are not followed (as exchangeConfig.bootIniFor).
      if (key === 'bootIniFor' && !this.workspace.trusted) continue;
      merged[key] = key === 'severityOverrides' ? { ...settings.severityOverrides, ...(value as Record<string, string>) } : value;
    }
    settings = normalizeSettings(merged as Partial<Settings>);
    const baseUris = { ...(merged.baseUris as Settings['baseUris']) };
    const workspacePaths = new Set(settings.workspacePathSettings);
    for (const key of PROJECT_PATH_SETTINGS) {
      if (project[key] === undefined) continue;
      baseUris[key] = found.dirUri;
      workspacePaths.add(key);
    }
    if (project.bootIniFor !== undefined && this.workspace.trusted) baseUris.bootIniFor = found.dirUri;
    settings.baseUris = baseUris;
    settings.workspacePathSettings = PATH_SETTINGS.filter((p) => workspacePaths.has(p));
    if (found.ignored) settings.ignored = true;
    return settings;
  }

  /** The Exchange context and catalog for these settings (user catalogs read once per distinct setting). */
  knowledgeFor(settings: Settings): Knowledge {
    const key = JSON.stringify([settings.exchangeVersion, settings.windowsVersion, settings.serverRole, settings.serverMemoryMB, settings.catalogFiles, settings.setupCatalogFiles, settings.forceAnswerFile, settings.maxDiagnosticsPerFile, settings.severityOverrides, settings.bootIniFor, settings.ldapAttributesInGC, settings.ldapAttributesIndexed, settings.workspacePathSettings, settings.baseUris, this.workspace.trusted]);
    let k = this.knowledgeCache.get(key);
    if (k) return k;
    const report = (problems: CatalogProblem[], what: string, used = false): void => {
      for (const p of problems) {
        // A catalog that is used has problems with single entries, which the message names.
        this.log.warnOnce(used ? `${what} ${p.source}: ${p.message}` : `${what} ${p.source} is not used: ${p.message}. The built-in catalog still applies.`, true);
      }
    };
    const catalogs: RegistryCatalog[] = [];
    for (const file of settings.catalogFiles) {
      const { catalog, problems } = loadUserCatalog(file, this.readerFor(settings, 'catalogFiles'), parseRegistryCatalog);
      if (catalog) catalogs.push(catalog);
      report(problems, 'Catalog');
    }
    const setupCatalogs: SetupCatalog[] = [];
    for (const file of settings.setupCatalogFiles) {
      const { catalog, problems } = loadUserCatalog(file, this.readerFor(settings, 'setupCatalogFiles'), parseSetupCatalog);
      if (catalog) setupCatalogs.push(catalog);
      report(problems, 'Setup answer-file catalog', catalog !== undefined);
    }
    const context: ExchangeContext = { exchangeVersion: settings.exchangeVersion as ExchangeVersion };
    if (settings.windowsVersion) context.windowsVersion = settings.windowsVersion as WindowsVersion;
    if (settings.serverRole) context.role = settings.serverRole as ServerRole;
    if (settings.serverMemoryMB > 0) context.memoryMB = settings.serverMemoryMB;
    if (settings.ldapAttributesInGC.length > 0) context.extraGcAttributes = [...settings.ldapAttributesInGC];
    if (settings.ldapAttributesIndexed.length > 0) context.extraIndexedAttributes = [...settings.ldapAttributesIndexed];
    const exchange: ExchangeKnowledge = { context, registry: registryIndex(catalogs) };
    if (setupCatalogs.length > 0) exchange.setupCatalogs = setupCatalogs;
    if (settings.forceAnswerFile) exchange.forceAnswerFile = true;
    k = { exchange, maxDiagnostics: settings.maxDiagnosticsPerFile, severityOverrides: settings.severityOverrides, bootIniFor: settings.bootIniFor };
    if (settings.baseUris?.bootIniFor) k.bootIniBase = settings.baseUris.bootIniFor;
    this.knowledgeCache.set(key, k);
    return k;
  }

  /** The reader for one path setting: confined to the workspace when the workspace's settings name the path. */
  private readerFor(settings: Settings, setting: PathSetting): ((p: string) => string) | undefined {
    const readFile = this.readFile;
    if (!readFile) return undefined;
    const workspace = this.workspace;
    const base = settings.baseUris?.[setting] ?? workspace.uri;
    if (!settings.workspacePathSettings.includes(setting)) return (p) => readFile(p, base);
    if (!workspace.trusted) {
      return () => {
        throw new Error('this workspace is not trusted, so files named in its settings are not read; trust the workspace to use it');
      };
    }
    return (p) => readFile(p, base, workspace.folders);
  }
}

function loadUserCatalog<C>(
  file: string,
  readFile: ((path: string) => string) | undefined,
  parse: (text: string, source: string) => { catalog?: C; problems: CatalogProblem[] },
): { catalog?: C; problems: CatalogProblem[] } {
  if (!readFile) return { problems: [{ source: file, message: 'catalog files cannot be read in this environment' }] };
  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    return { problems: [{ source: file, message: `cannot read it: ${(e as Error).message}` }] };
  }
  return parse(text, file);
}

function attributeList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()) : [];
}

function oneOf(value: unknown, allowed: readonly string[], fallback: string): string {
  return typeof value === 'string' && allowed.includes(value) ? value : fallback;
}

/** The settings as the client sent them, each one checked: a value of the wrong type or out of range takes the default. */
export function normalizeSettings(s: Partial<Settings>): Settings {
  const overrides = s.severityOverrides && typeof s.severityOverrides === 'object' ? s.severityOverrides : {};
  const max = typeof s.maxDiagnosticsPerFile === 'number' && s.maxDiagnosticsPerFile >= 1 ? Math.floor(s.maxDiagnosticsPerFile) : DEFAULT_SETTINGS.maxDiagnosticsPerFile;
  return {
    severityOverrides: { ...overrides },
    maxDiagnosticsPerFile: max,
    exchangeVersion: oneOf(s.exchangeVersion, ['2000', '2003', '2003sp1', '2003sp2'], DEFAULT_SETTINGS.exchangeVersion),
    windowsVersion: oneOf(s.windowsVersion, ['2000', '2003'], ''),
    serverRole: oneOf(s.serverRole, ['mailbox', 'public-folder', 'front-end', 'bridgehead', 'rpc-proxy'], ''),
    catalogFiles: Array.isArray(s.catalogFiles) ? s.catalogFiles.filter((f): f is string => typeof f === 'string' && f !== '') : [],
    setupCatalogFiles: Array.isArray(s.setupCatalogFiles) ? s.setupCatalogFiles.filter((f): f is string => typeof f === 'string' && f !== '') : [],
    forceAnswerFile: s.forceAnswerFile === true,
    serverMemoryMB: typeof s.serverMemoryMB === 'number' && s.serverMemoryMB > 0 ? Math.floor(s.serverMemoryMB) : 0,
    bootIniFor:
      s.bootIniFor && typeof s.bootIniFor === 'object'
        ? Object.fromEntries(Object.entries(s.bootIniFor).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''))
        : {},
    ldapAttributesInGC: attributeList(s.ldapAttributesInGC),
    ldapAttributesIndexed: attributeList(s.ldapAttributesIndexed),
    directoryExport: typeof s.directoryExport === 'string' ? s.directoryExport.trim() : '',
    workspacePathSettings: Array.isArray(s.workspacePathSettings) ? PATH_SETTINGS.filter((p) => s.workspacePathSettings!.includes(p)) : [],
  };
}
