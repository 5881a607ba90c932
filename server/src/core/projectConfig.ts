/**
 * The project configuration file `.exchange-config.json`: the settings of the files of its folder and subfolders,
 * shared by the editor and the command line. JSON with comments (as VS Code's settings.json, ESLint's and
 * markdownlint's JSON configuration files), validated against schemas/exchange-config.schema.json, the schema VS Code
 * uses for completion and validation while the file is edited.
 *
 * A file with a syntax error is not used at all; a setting with a wrong value is left out (and reported) and the rest
 * of the file applies. Either way the settings of the editor (or the command line) and the built-in defaults keep
 * working. Host-agnostic: finding the file on disk is in node/projectConfig.ts.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import ignore, { Ignore } from 'ignore';
import { getNodeValue, Node as JsonNode, ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import schema from '../../../schemas/exchange-config.schema.json';
import { defineCodes } from './codes';
import { nearestCandidates } from './nearest';
import { trimEndChars, trimStartChars } from './text';
import { Diagnostic, Position, Range, SOURCE } from './types';

export const CONFIG_FILE_NAME = '.exchange-config.json';
export const CONFIG_SYNTAX_ERROR = 'config.syntax-error';
export const CONFIG_INVALID_SETTING = 'config.invalid-setting';

defineCodes({
  [CONFIG_SYNTAX_ERROR]: { severity: 'error', summary: 'The project configuration file .exchange-config.json is not valid JSON (comments are allowed): it is not used until it is fixed.' },
  [CONFIG_INVALID_SETTING]: { severity: 'error', summary: 'A setting of the project configuration file .exchange-config.json is unknown or has a wrong value: that setting is not used.' },
});

/** The settings a project configuration file may hold: the `exchangeConfig.*` settings of the editor, by the same names. */
export interface ProjectSettings {
  severityOverrides?: Record<string, string>;
  maxDiagnosticsPerFile?: number;
  exchangeVersion?: string;
  windowsVersion?: string;
  serverRole?: string;
  serverMemoryMB?: number;
  bootIniFor?: Record<string, string>;
  catalogFiles?: string[];
  setupCatalogFiles?: string[];
  forceAnswerFile?: boolean;
  ldapAttributesInGC?: string[];
  ldapAttributesIndexed?: string[];
  directoryExport?: string;
}

export type ProjectSettingKey = keyof ProjectSettings;

export const PROJECT_SETTING_KEYS: readonly ProjectSettingKey[] = [
  'severityOverrides',
  'maxDiagnosticsPerFile',
  'exchangeVersion',
  'windowsVersion',
  'serverRole',
  'serverMemoryMB',
  'bootIniFor',
  'catalogFiles',
  'setupCatalogFiles',
  'forceAnswerFile',
  'ldapAttributesInGC',
  'ldapAttributesIndexed',
  'directoryExport',
];

/** The settings whose values name files, resolved against the configuration file's folder. */
export const PROJECT_PATH_KEYS = ['catalogFiles', 'setupCatalogFiles', 'directoryExport', 'bootIniFor'] as const satisfies readonly ProjectSettingKey[];

export interface ProjectOverride {
  files: string[];
  settings: ProjectSettings;
  matcher: Ignore;
}

export interface ProjectConfig {
  settings: ProjectSettings;
  ignorePatterns: string[];
  overrides: ProjectOverride[];
  ignorer: Ignore;
}

export interface ConfigProblem {
  diagnostic: Diagnostic;
  /**
   * Whether JSON syntax or the schema finds it, so that an editor validating the file against the schema (VS Code)
   * shows it already; the others (an unknown diagnostic code) only this tool knows.
   */
  bySchema: boolean;
}

export interface ParsedProjectConfig {
  /** Undefined when the file is not used at all (a syntax error, or not an object). */
  config?: ProjectConfig;
  problems: ConfigProblem[];
}

// Compiled on the first configuration file read: a run without one does not pay for it.
let validator: ValidateFunction | undefined;
const validate = (value: unknown): { ok: boolean; errors: ErrorObject[] } => {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  const ok = validator(value);
  return { ok, errors: validator.errors ?? [] };
};

const SYNTAX_WORDS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'an unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'a malformed number',
  [ParseErrorCode.PropertyNameExpected]: 'a property name (in double quotes) is expected',
  [ParseErrorCode.ValueExpected]: 'a value is expected',
  [ParseErrorCode.ColonExpected]: 'a colon is expected',
  [ParseErrorCode.CommaExpected]: 'a comma is expected',
  [ParseErrorCode.CloseBraceExpected]: 'a closing brace is expected',
  [ParseErrorCode.CloseBracketExpected]: 'a closing bracket is expected',
  [ParseErrorCode.EndOfFileExpected]: 'the end of the file is expected',
  [ParseErrorCode.InvalidCommentToken]: 'an unterminated comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'an unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'an unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a number cut short',
  [ParseErrorCode.InvalidUnicode]: 'an invalid \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'an invalid escape',
  [ParseErrorCode.InvalidCharacter]: 'a control character in a string',
};

/** Offsets to positions (UTF-16 code units, as jsonc-parser counts and LSP wants). */
class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(i + 1);
    }
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  range(offset: number, length: number): Range {
    return { start: this.position(offset), end: this.position(offset + length) };
  }
}

type PathSegment = string | number;

/** The node at a path; undefined where there is none. */
function nodeAt(root: JsonNode, path: readonly PathSegment[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const seg of path) {
    if (!node?.children) return undefined;
    if (typeof seg === 'number') {
      if (node.type !== 'array') return undefined;
      node = node.children[seg];
    } else {
      if (node.type !== 'object') return undefined;
      // The last property of that name wins, as in JSON.parse (and in getNodeValue).
      const prop: JsonNode | undefined = node.children.filter((p) => p.children?.[0]?.value === seg).pop();
      node = prop?.children?.[1];
    }
  }
  return node;
}

/** The property name node of the property whose value is at `path`. */
function keyNodeAt(root: JsonNode, path: readonly PathSegment[]): JsonNode | undefined {
  const parent = nodeAt(root, path.slice(0, -1));
  const name = path[path.length - 1];
  return parent?.type === 'object' ? parent.children?.filter((p) => p.children?.[0]?.value === name).pop()?.children?.[0] : undefined;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function label(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Settings whose entries are left out one by one (a wrong severity of one code does not cost the others). */
const BY_ENTRY = new Set<PathSegment>(['severityOverrides', 'bootIniFor']);

/**
 * What is left out for a problem at `path`: one entry of a setting that is a map, else the whole setting (a top-level
 * key, or a key of one override), or a whole override when its `files` is wrong.
 */
function droppedFor(path: readonly PathSegment[]): PathSegment[] {
  const base = path[0] === 'overrides' && typeof path[1] === 'number' ? 2 : 0;
  if (base === 2 && (path.length <= 2 || path[2] === 'files')) return path.slice(0, 2);
  if (BY_ENTRY.has(path[base]) && path.length > base + 1) return path.slice(0, base + 2);
  return path.slice(0, base + 1);
}

function describeSchemaError(e: ErrorObject, path: PathSegment[], value: unknown): { message: string; at: PathSegment[]; onKey: boolean } {
  const where = label(path);
  if (e.keyword === 'additionalProperties') {
    const name = String((e.params as { additionalProperty: string }).additionalProperty);
    const at = [...path, name];
    const known = path.length === 0 ? [...PROJECT_SETTING_KEYS, 'ignorePatterns', 'overrides'] : path[0] === 'overrides' && path.length === 2 ? ['files', ...PROJECT_SETTING_KEYS] : [];
    const near = nearestCandidates(name, known, 3);
    const hint = near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : '';
    return { message: `Unknown setting "${name}"${hint}: it is not used.`, at, onKey: true };
  }
  if (e.keyword === 'required') {
    return { message: 'This override has no "files": it is not used. Add the files it applies to, e.g. "files": ["e2k/"].', at: path, onKey: false };
  }
  const dropped = droppedFor(path);
  const ignored = dropped[0] === 'overrides' && dropped.length === 2 ? 'the override is not used' : BY_ENTRY.has(dropped[dropped.length - 2]) ? 'this entry is not used' : 'the setting is not used';
  if (e.keyword === 'enum') {
    const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => (v === '' ? '"" (not known)' : String(v))).join(', ');
    return { message: `${JSON.stringify(value)} is not a value of ${where} (${allowed}): ${ignored}.`, at: path, onKey: false };
  }
  if (e.keyword === 'type') {
    const type = String((e.params as { type: string }).type);
    const article = /^[aeiou]/.test(type) ? 'an' : 'a';
    return { message: `${where} must be ${article} ${type}: ${ignored}.`, at: path, onKey: false };
  }
  if (e.keyword === 'pattern') return { message: `${JSON.stringify(value)} is not an attribute name (${where}): ${ignored}.`, at: path, onKey: false };
  if (e.keyword === 'minLength') return { message: `${where} must not be empty: ${ignored}.`, at: path, onKey: false };
  if (e.keyword === 'minItems') return { message: `${where} must name at least one pattern: ${ignored}.`, at: path, onKey: false };
  return { message: `${where || 'The file'} ${e.message ?? 'is not valid'}: ${ignored}.`, at: path, onKey: false };
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let v = value;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

function remove(value: unknown, path: readonly PathSegment[]): void {
  const parent = valueAt(value, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = undefined;
  else if (parent !== null && typeof parent === 'object') delete (parent as Record<string, unknown>)[String(last)];
}

function matcher(patterns: readonly string[]): Ignore {
  const ig = ignore();
  for (const p of patterns) {
    try {
      ig.add(p);
    } catch {
      // A pattern the library cannot compile matches nothing.
    }
  }
  return ig;
}

/** The known settings of a checked object, in the shapes the hosts use (attribute names trimmed). */
function settingsOf(o: Record<string, unknown>): ProjectSettings {
  const s: Record<string, unknown> = {};
  for (const key of PROJECT_SETTING_KEYS) if (o[key] !== undefined) s[key] = o[key];
  const out = s as ProjectSettings;
  if (out.ldapAttributesInGC) out.ldapAttributesInGC = out.ldapAttributesInGC.map((a) => a.trim());
  if (out.ldapAttributesIndexed) out.ldapAttributesIndexed = out.ldapAttributesIndexed.map((a) => a.trim());
  if (out.directoryExport !== undefined) out.directoryExport = out.directoryExport.trim();
  return out;
}

/**
 * Parses and checks the text of a configuration file. `knownCodes` are the diagnostic codes (a severity override of an
 * unknown code is reported: a misspelt one would silently change nothing). Never throws.
 */
export function parseProjectConfig(text: string, knownCodes: Iterable<string>): ParsedProjectConfig {
  const lines = new Lines(text);
  const problems: ConfigProblem[] = [];
  const problem = (range: Range, code: string, message: string, bySchema: boolean): void => {
    problems.push({ diagnostic: { range, severity: 'error', code, message, source: SOURCE }, bySchema });
  };
  const errors: ParseError[] = [];
  const root = parseTree(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    // The first error only: the ones after it are mostly its consequences.
    for (const e of errors.slice(0, 1)) {
      problem(lines.range(e.offset, Math.max(e.length, 0)), CONFIG_SYNTAX_ERROR, `Not valid JSON here (${SYNTAX_WORDS[e.error] ?? 'a syntax error'}): the file is not used until this is fixed.`, true);
    }
    if (errors.length === 0) problem(lines.range(0, 0), CONFIG_SYNTAX_ERROR, 'The file is empty: it is not used. Write a JSON object, e.g. { "exchangeVersion": "2003" }.', true);
    return { problems };
  }
  if (root.type !== 'object') {
    problem(lines.range(root.offset, root.length), CONFIG_SYNTAX_ERROR, 'The file must hold one JSON object, e.g. { "exchangeVersion": "2003" }: it is not used.', true);
    return { problems };
  }
  // Plain objects (getNodeValue makes them without a prototype).
  const value = JSON.parse(JSON.stringify(getNodeValue(root))) as Record<string, unknown>;
  const drops: PathSegment[][] = [];
  const checked = validate(value);
  if (!checked.ok) {
    const seen = new Set<string>();
    for (const e of checked.errors) {
      const path = pointerToPath(e.instancePath);
      const d = describeSchemaError(e, path, valueAt(value, path));
      const key = `${label(d.at)}\0${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const node = d.onKey ? keyNodeAt(root, d.at) : nodeAt(root, d.at);
      const at = node ?? root;
      problem(lines.range(at.offset, at.length), CONFIG_INVALID_SETTING, d.message, true);
      drops.push(e.keyword === 'additionalProperties' ? d.at : droppedFor(path));
    }
  }
  // Longest first, so that a key of an override goes before a whole override is taken out.
  for (const path of drops.sort((a, b) => b.length - a.length)) remove(value, path);
  const codes = new Set(knownCodes);
  const checkCodes = (o: Record<string, unknown>, base: PathSegment[]): void => {
    const overrides = o.severityOverrides as Record<string, string> | undefined;
    if (!overrides || typeof overrides !== 'object') return;
    for (const code of Object.keys(overrides)) {
      if (codes.has(code)) continue;
      const near = nearestCandidates(code, [...codes], 4);
      const node = keyNodeAt(root, [...base, 'severityOverrides', code]);
      const hint = near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : '';
      problem(node ? lines.range(node.offset, node.length) : lines.range(root.offset, 1), CONFIG_INVALID_SETTING, `Unknown diagnostic code "${code}"${hint}: this severity override is not used.`, false);
      delete overrides[code];
    }
  };
  checkCodes(value, []);
  const overrides: ProjectOverride[] = [];
  const rawOverrides = Array.isArray(value.overrides) ? (value.overrides as (Record<string, unknown> | undefined)[]) : [];
  rawOverrides.forEach((o, i) => {
    if (!o || !Array.isArray(o.files)) return;
    checkCodes(o, ['overrides', i]);
    const files = o.files as string[];
    overrides.push({ files, settings: settingsOf(o), matcher: matcher(files) });
  });
  const ignorePatterns = Array.isArray(value.ignorePatterns) ? (value.ignorePatterns as string[]) : [];
  problems.sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.character - b.diagnostic.range.start.character);
  return { config: { settings: settingsOf(value), ignorePatterns, overrides, ignorer: matcher(ignorePatterns) }, problems };
}

/** A path relative to the configuration file's folder, with `/` separators; undefined for a path outside that folder. */
export function relativeKey(relativePath: string): string | undefined {
  const p = relativePath.replace(/\\/g, '/');
  if (p === '' || p === '..' || p.startsWith('../') || p.startsWith('/') || /^[a-z]:/i.test(p)) return undefined;
  return p.startsWith('./') ? p.slice(2) : p;
}

/**
 * The settings of the file at `relativePath` (relative to the configuration file's folder, `/` or `\` separators):
 * the file's own settings, then each override whose `files` match, in order (a later one wins). Severity overrides
 * are merged code by code; any other setting an override names replaces the value before it.
 */
export function settingsForFile(config: ProjectConfig, relativePath: string): { settings: ProjectSettings; ignored: boolean } {
  const key = relativeKey(relativePath);
  if (key === undefined) return { settings: config.settings, ignored: false };
  let settings: ProjectSettings = config.settings;
  for (const o of config.overrides) {
    if (!o.matcher.ignores(key)) continue;
    const severityOverrides = o.settings.severityOverrides ? { ...settings.severityOverrides, ...o.settings.severityOverrides } : settings.severityOverrides;
    settings = { ...settings, ...o.settings };
    if (severityOverrides) settings.severityOverrides = severityOverrides;
  }
  return { settings, ignored: config.ignorer.ignores(key) };
}

/** A path relative to a folder with `/` separators, without a leading "./" or "/" and trailing "/". */
function cleanRelative(p: string): string {
  // Scans, not /\/+$/: that is quadratic on a long run of slashes.
  const s = p.replace(/\\/g, '/');
  return trimEndChars(trimStartChars(s.startsWith('./') ? s.slice(1) : s, '/'), '/');
}

/**
 * The boot.ini path `bootIniFor` names for a `.reg` file in `relativeFolder` (both relative to the same folder, '' for
 * that folder itself), as written: the longest matching folder key wins; undefined when no key matches.
 */
export function bootIniForFolder(relativeFolder: string, bootIniFor: Readonly<Record<string, string>>): string | undefined {
  const folder = cleanRelative(relativeFolder);
  let best: { key: string; bootIni: string } | undefined;
  for (const [k, bootIni] of Object.entries(bootIniFor)) {
    const key = cleanRelative(k);
    const matches = key === '' || folder === key || folder.startsWith(`${key}/`);
    if (matches && (!best || key.length > best.key.length)) best = { key, bootIni };
  }
  return best?.bootIni;
}

/** The segments of a boot.ini path of `bootIniFor`, `.` and `..` resolved; null when it leads out of the folder or names none. */
export function bootIniSegments(bootIni: string): string[] | null {
  const segments: string[] = [];
  for (const segment of cleanRelative(bootIni).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.pop() === undefined) return null;
    } else segments.push(segment);
  }
  return segments.length > 0 ? segments : null;
}

/**
 * The boot.ini that `bootIniFor` pairs with a `.reg` file in `relativeFolder` (both relative to the same folder, `/`
 * separators, '' for that folder itself): the longest matching folder key wins. Returns the boot.ini's path segments
 * relative to that folder, null when the pairing leads out of the folder (not used), undefined when no key matches.
 */
export function pairedBootIni(relativeFolder: string, bootIniFor: Readonly<Record<string, string>>): string[] | null | undefined {
  const bootIni = bootIniForFolder(relativeFolder, bootIniFor);
  return bootIni === undefined ? undefined : bootIniSegments(bootIni);
}
