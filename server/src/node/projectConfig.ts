/**
 * Finding and reading `.exchange-config.json` on disk, the same way for the language server and the command line:
 * the nearest one upward from a file's folder, looking no higher than the workspace folder (the editor) or the folder
 * that holds `.git` (a repository's root), whichever comes first. Only the nearest file applies: files are not merged,
 * as in ESLint's flat configuration and markdownlint, so that one file says everything that holds for its files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME, CONFIG_SYNTAX_ERROR, ParsedProjectConfig, parseProjectConfig, ProjectSettings, settingsForFile } from '../core/projectConfig';
import { MAX_CATALOG_BYTES, readRegularFile, unreadableReason } from './files';
import { SOURCE } from '../core/types';

export interface LoadedProjectConfig extends ParsedProjectConfig {
  /** The configuration file, absolute. */
  file: string;
  /** Its folder: relative paths and patterns of the file are taken from here. */
  dir: string;
}

export interface ProjectConfigForFile {
  loaded: LoadedProjectConfig;
  /** The settings for this file (overrides applied), paths still relative to `loaded.dir`. */
  settings: ProjectSettings;
  /** The file matches `ignorePatterns`: it gets no diagnostics. */
  ignored: boolean;
}

export class ProjectConfigFinder {
  private readonly byDir = new Map<string, string | null>();
  private readonly files = new Map<string, { stamp: string; loaded: LoadedProjectConfig }>();

  /**
   * @param knownCodes the diagnostic codes (severity overrides of other codes are reported)
   * @param roots folders above which no configuration file is looked for (the workspace folders), absolute
   */
  constructor(
    private readonly knownCodes: () => Iterable<string>,
    private roots: readonly string[] = [],
  ) {}

  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((r) => path.resolve(r));
    this.clear();
  }

  /** Forgets what was found and read (a configuration file was created, changed or deleted). */
  clear(): void {
    this.byDir.clear();
    this.files.clear();
  }

  /** The nearest configuration file upward from the folder `dir`; undefined when there is none. */
  find(dir: string): string | undefined {
    const start = path.resolve(dir);
    const visited: string[] = [];
    let found: string | null = null;
    for (let d = start; ; ) {
      const known = this.byDir.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(d);
      const candidate = path.join(d, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(d);
      if (parent === d || this.roots.includes(d) || fs.existsSync(path.join(d, '.git'))) break;
      d = parent;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found ?? undefined;
  }

  /** Reads and checks a configuration file (again only when its size or modification time changed). Never throws. */
  load(file: string): LoadedProjectConfig {
    const abs = path.resolve(file);
    let stamp = '';
    try {
      const st = fs.statSync(abs);
      stamp = `${st.mtimeMs}\0${st.size}`;
    } catch {
      // reported by the read below
    }
    const cached = this.files.get(abs);
    if (cached && stamp !== '' && cached.stamp === stamp) return cached.loaded;
    let parsed: ParsedProjectConfig;
    try {
      parsed = parseProjectConfig(readRegularFile(abs, MAX_CATALOG_BYTES).toString('utf8'), this.knownCodes());
    } catch (e) {
      const message = `The configuration file cannot be read (${unreadableReason(e)}): it is not used.`;
      parsed = { problems: [{ diagnostic: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: CONFIG_SYNTAX_ERROR, message, source: SOURCE }, bySchema: false }] };
    }
    const loaded: LoadedProjectConfig = { ...parsed, file: abs, dir: path.dirname(abs) };
    this.files.set(abs, { stamp, loaded });
    return loaded;
  }

  /**
   * The configuration that applies to a file: the nearest one upward, or `configFile` when given (the command line's
   * --config). Undefined when there is none. With `once`, a file read before is not looked at again (a run of the
   * command line, during which the files do not change).
   */
  forFile(file: string, configFile?: string, once = false): ProjectConfigForFile | undefined {
    const abs = path.resolve(file);
    const found = configFile ?? this.find(path.dirname(abs));
    if (found === undefined) return undefined;
    const loaded = (once ? this.files.get(path.resolve(found))?.loaded : undefined) ?? this.load(found);
    if (!loaded.config) return { loaded, settings: {}, ignored: false };
    const { settings, ignored } = settingsForFile(loaded.config, path.relative(loaded.dir, abs));
    return { loaded, settings, ignored };
  }
}

/**
 * The settings with the paths they name made absolute against the configuration file's folder (the folder keys and
 * boot.ini paths of `bootIniFor` stay relative to it: they are paired within it).
 */
export function absolutePaths(settings: ProjectSettings, dir: string): ProjectSettings {
  const out: ProjectSettings = { ...settings };
  if (out.catalogFiles) out.catalogFiles = out.catalogFiles.map((f) => path.resolve(dir, f));
  if (out.setupCatalogFiles) out.setupCatalogFiles = out.setupCatalogFiles.map((f) => path.resolve(dir, f));
  if (out.directoryExport) out.directoryExport = path.resolve(dir, out.directoryExport);
  return out;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
