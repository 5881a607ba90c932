/**
 * The settings of each file the command line checks: the options given on the command line, over the settings of the
 * file's configuration file (.exchange-config.json, see node/projectConfig.ts), over the built-in defaults. Files with
 * the same settings share one knowledge (catalogs are read once).
 */
import * as path from 'path';
import { ExchangeContext, ExchangeVersion, ServerRole, WindowsVersion } from '../core/catalog';
import { allCodes } from '../core/codes';
import { pairedBootIni, ProjectSettings } from '../core/projectConfig';
import { languageForFile } from '../languages';
import { setupiniLanguage } from '../languages/setupini';
import { absolutePaths, LoadedProjectConfig, ProjectConfigFinder } from '../node/projectConfig';
import { Options } from './args';
import { FileFilter } from './files';
import { FileResult } from './format';

/** What checking one file needs. */
export interface FileSetup {
  /** Same key, same settings. */
  key: string;
  context: ExchangeContext;
  catalogFiles: string[];
  setupCatalogFiles: string[];
  overrides: Record<string, string>;
  maxDiagnostics?: number;
  directory?: string;
  /** Check as an Exchange Setup answer file whatever its content. */
  answerFile: boolean;
  /** bootIniFor of the configuration file, with its folder (its paths are relative to it). */
  bootIniFor?: { pairs: Record<string, string>; dir: string };
  /** Matched by the ignorePatterns of its configuration file. */
  ignored: boolean;
}

export class ProjectSettingsResolver implements FileFilter {
  private readonly finder: ProjectConfigFinder | undefined;
  /** The configuration files used, by path: their problems are reported once each. */
  readonly used = new Map<string, LoadedProjectConfig>();
  private readonly cache = new Map<string, FileSetup>();

  constructor(private readonly opts: Options) {
    this.finder = opts.useConfig ? new ProjectConfigFinder(() => allCodes().keys()) : undefined;
  }

  setup(file: string): FileSetup {
    const abs = path.resolve(file);
    let s = this.cache.get(abs);
    if (!s) {
      s = this.compute(abs, file);
      this.cache.set(abs, s);
    }
    return s;
  }

  ignored(name: string): boolean {
    return this.setup(name).ignored;
  }

  answerFile(name: string): boolean {
    return this.setup(name).answerFile;
  }

  private compute(abs: string, name: string): FileSetup {
    const found = this.finder?.forFile(abs, this.opts.configFile, true);
    if (found) this.used.set(found.loaded.file, found.loaded);
    const project: ProjectSettings = found ? absolutePaths(found.settings, found.loaded.dir) : {};
    const opts = this.opts;
    // A setting given on the command line wins; severity overrides are merged code by code.
    const from = <K extends keyof ProjectSettings>(key: K): ProjectSettings[K] => (opts.given.has(key) ? undefined : project[key]);
    const context: ExchangeContext = { ...opts.context };
    const version = from('exchangeVersion');
    if (version) context.exchangeVersion = version as ExchangeVersion;
    const windows = from('windowsVersion');
    if (windows !== undefined) {
      if (windows === '') delete context.windowsVersion;
      else context.windowsVersion = windows as WindowsVersion;
    }
    const role = from('serverRole');
    if (role !== undefined) {
      if (role === '') delete context.role;
      else context.role = role as ServerRole;
    }
    const memory = from('serverMemoryMB');
    if (memory !== undefined) {
      if (memory > 0) context.memoryMB = memory;
      else delete context.memoryMB;
    }
    const gc = from('ldapAttributesInGC');
    if (gc) context.extraGcAttributes = gc;
    const indexed = from('ldapAttributesIndexed');
    if (indexed) context.extraIndexedAttributes = indexed;
    const setup: FileSetup = {
      key: '',
      context,
      catalogFiles: from('catalogFiles') ?? opts.catalogFiles,
      setupCatalogFiles: from('setupCatalogFiles') ?? opts.setupCatalogFiles,
      overrides: { ...project.severityOverrides, ...opts.overrides },
      answerFile: opts.answerFiles.includes(name) || (project.forceAnswerFile === true && languageForFile(name) === setupiniLanguage),
      ignored: found?.ignored ?? false,
    };
    const max = opts.maxDiagnostics ?? from('maxDiagnosticsPerFile');
    if (max !== undefined) setup.maxDiagnostics = max;
    const directory = opts.directory ?? (from('directoryExport') || undefined);
    if (directory !== undefined) setup.directory = directory;
    if (found && project.bootIniFor && Object.keys(project.bootIniFor).length > 0) setup.bootIniFor = { pairs: project.bootIniFor, dir: found.loaded.dir };
    const keyed: Record<string, unknown> = { ...setup };
    delete keyed.answerFile;
    delete keyed.ignored;
    setup.key = JSON.stringify(keyed);
    return setup;
  }

  /** The configuration files with problems, as results of their own (reported like the files checked). */
  problemResults(): FileResult[] {
    const out: FileResult[] = [];
    for (const loaded of this.used.values()) {
      if (loaded.problems.length === 0) continue;
      out.push({ file: displayName(loaded.file), languageId: 'jsonc', diagnostics: loaded.problems.map((p) => p.diagnostic) });
    }
    return out;
  }
}

/** The boot.ini the configuration file pairs with a .reg file: its absolute path, null when not used, undefined when none. */
export function pairedBootIniPath(regFile: string, setup: FileSetup): string | null | undefined {
  if (!setup.bootIniFor) return undefined;
  const rel = path.relative(setup.bootIniFor.dir, path.dirname(path.resolve(regFile)));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const segments = pairedBootIni(rel.split(path.sep).join('/'), setup.bootIniFor.pairs);
  return segments ? path.join(setup.bootIniFor.dir, ...segments) : segments;
}

/** A path relative to the current folder when it lies inside it, as the files checked are named. */
function displayName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
