/**
 * The Setup answer-file knowledge as data (server/data/catalog/setup-keys.json): only sections and keys a cited
 * source names, each with a confidence (high: the Exchange 5.5 article lists it; medium: only the Exchange 4.0 one),
 * plus organisations' own catalog files in the same schema (setup-keys.schema.json). Lookups are case-insensitive and go through a SetupCatalogIndex.
 */
import Ajv, { ValidateFunction } from 'ajv';
import data from '../../../data/catalog/setup-keys.json';
import schema from '../../../data/catalog/setup-keys.schema.json';
import { SourceRef } from '../../core/catalog';
import type { CatalogProblem } from '../../core/catalogLoad';
import { jsonSyntaxMessage } from '../../core/jsonError';

/** A source as a reader can find it; `evidence` (where the fact was checked) is for maintainers and never rendered. */
export interface SetupSourceRef extends SourceRef {
  url?: string;
  evidence?: string;
}

export type SetupKeyType = 'boolean' | 'path' | 'text' | 'account' | 'secret' | 'proxyname' | 'productid55' | 'cdkey55';

export interface SetupKey {
  name: string;
  type: SetupKeyType;
  description: string;
  confidence: 'high' | 'medium' | 'low';
  sources: SetupSourceRef[];
  values?: string[];
  maxLength?: number;
  pattern?: string;
  form?: string;
  /** Remarks for maintainers; never rendered. */
  internalNotes?: string[];
}

export interface SetupSection {
  name: string;
  format: 'exchange55';
  description: string;
  confidence: 'high' | 'medium' | 'low';
  sources: SetupSourceRef[];
  keys: SetupKey[];
  /** Remarks for maintainers; never rendered. */
  internalNotes?: string[];
}

export interface SetupCatalog {
  $schema?: string;
  version: number;
  notes: string[];
  sections: SetupSection[];
}

export const SETUP_CATALOG = data as SetupCatalog;

/**
 * The built-in catalog plus user catalogs, in order: a section with the name of one already there (any letter case)
 * adds its keys to it, a key with the name of one already there replacing it; the section's own name, description,
 * confidence and sources stay those of the first catalog that has it. Other sections are added.
 */
export class SetupCatalogIndex {
  readonly sections: readonly SetupSection[];
  private readonly byName: ReadonlyMap<string, SetupSection>;

  constructor(catalogs: readonly SetupCatalog[]) {
    const byName = new Map<string, SetupSection>();
    for (const catalog of catalogs) {
      for (const s of catalog.sections) {
        const id = s.name.toLowerCase();
        const existing = byName.get(id);
        if (!existing) {
          byName.set(id, { ...s, keys: mergeKeys([], s.keys) });
          continue;
        }
        byName.set(id, { ...existing, keys: mergeKeys(existing.keys, s.keys) });
      }
    }
    this.byName = byName;
    this.sections = [...byName.values()];
  }

  section(name: string): SetupSection | undefined {
    return this.byName.get(name.toLowerCase());
  }

  key(section: string, key: string): SetupKey | undefined {
    const k = key.toLowerCase();
    return this.section(section)?.keys.find((x) => x.name.toLowerCase() === k);
  }
}

function mergeKeys(keys: readonly SetupKey[], added: readonly SetupKey[]): SetupKey[] {
  const out = [...keys];
  for (const k of added) {
    const at = out.findIndex((x) => x.name.toLowerCase() === k.name.toLowerCase());
    if (at >= 0) out[at] = k;
    else out.push(k);
  }
  return out;
}

let validateSchema: ValidateFunction<SetupCatalog> | undefined;

/** The schema validator, compiled on first use and then kept. */
function schemaValidator(): ValidateFunction<SetupCatalog> {
  return (validateSchema ??= new Ajv({ allErrors: true, strict: false }).compile<SetupCatalog>(schema));
}

/**
 * Checks a parsed user answer-file catalog against setup-keys.schema.json; returns it, or what makes it unusable. A key
 * pattern that could take time out of proportion to the value it is tried on is left out of the returned catalog (the
 * key is kept, its values are not checked against the pattern), with a problem naming the key.
 */
export function checkSetupCatalog(json: unknown, source: string): { catalog?: SetupCatalog; problems: CatalogProblem[] } {
  const validate = schemaValidator();
  if (validate(json)) {
    const bad = badPatterns(json, source);
    if (bad.length) return { problems: bad };
    return withoutUnsafePatterns(json, source);
  }
  const problems = (validate.errors ?? []).slice(0, 10).map((e) => ({
    source,
    message: `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`,
  }));
  return { problems };
}

/** Key patterns that are not regular expressions (the schema cannot say so). */
function badPatterns(catalog: SetupCatalog, source: string): CatalogProblem[] {
  const out: CatalogProblem[] = [];
  catalog.sections.forEach((s, i) =>
    s.keys.forEach((k, j) => {
      if (k.pattern === undefined) return;
      try {
        new RegExp(k.pattern);
      } catch (e) {
        out.push({ source, message: `/sections/${i}/keys/${j}/pattern is not a valid regular expression: ${(e as Error).message}` });
      }
    }),
  );
  return out.slice(0, 10);
}

/** The catalog without the key patterns unsafePattern rejects, and a problem for each. */
function withoutUnsafePatterns(catalog: SetupCatalog, source: string): { catalog: SetupCatalog; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  const sections = catalog.sections.map((s) => {
    const keys = s.keys.map((k) => {
      const why = k.pattern === undefined ? undefined : unsafePattern(k.pattern);
      if (why === undefined) return k;
      problems.push({ source, message: `[${s.name}] ${k.name}: the pattern ${JSON.stringify(k.pattern)} is not used, because ${why}; values of this key are not checked against a pattern. Write it without that construct.` });
      const { pattern: _dropped, ...rest } = k;
      return rest;
    });
    return keys.every((k, i) => k === s.keys[i]) ? s : { ...s, keys };
  });
  return { catalog: problems.length ? { ...catalog, sections } : catalog, problems };
}

/**
 * Why a key pattern could backtrack catastrophically (time exponential or polynomial in the length of the value), or
 * undefined when it cannot in that way: a repeated group that itself contains a repetition ((a+)+, (\d{2,5})*: star
 * height above 1) or alternatives ((a|ab)+: they can share text), a backreference (\1, \k<name>), a lookahead or
 * lookbehind. A conservative reading of the pattern's text: it may refuse a pattern that would have been fine.
 */
export function unsafePattern(pattern: string): string | undefined {
  // One frame per open group: whether it repeats something inside, and whether it has alternatives.
  const groups: { repeats: boolean; alternatives: boolean }[] = [{ repeats: false, alternatives: false }];
  // The last atom: undefined, a plain atom, or a closed group with what it holds.
  let last: { repeats: boolean; alternatives: boolean } | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const top = groups[groups.length - 1];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if ((next >= '1' && next <= '9') || (next === 'k' && pattern[i + 2] === '<')) return 'it uses a backreference';
      i++;
      last = { repeats: false, alternatives: false };
    } else if (c === '[') {
      // A class is one atom: skip to its closing "]" (escapes inside do not close it; a "]" right after "[" or "[^" does not either).
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j;
      last = { repeats: false, alternatives: false };
    } else if (c === '(') {
      if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i) || pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) return 'it uses a lookahead or lookbehind';
      groups.push({ repeats: false, alternatives: false });
      last = undefined;
    } else if (c === ')') {
      const closed = groups.length > 1 ? groups.pop()! : top;
      last = closed;
      const parent = groups[groups.length - 1];
      if (closed.repeats) parent.repeats = true;
    } else if (c === '|') {
      top.alternatives = true;
      last = undefined;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      let repeats = c !== '?';
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
        if (!m) {
          last = { repeats: false, alternatives: false }; // a literal "{"
          continue;
        }
        const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
        repeats = max > 1;
        i += m[0].length - 1;
      }
      if (pattern[i + 1] === '?') i++; // lazy
      if (repeats && last) {
        if (last.repeats) return 'it repeats a group that itself repeats (nested quantifiers such as (a+)+)';
        if (last.alternatives) return 'it repeats a group with alternatives (such as (a|ab)+)';
      }
      if (repeats) top.repeats = true;
      last = undefined;
    } else {
      last = { repeats: false, alternatives: false };
    }
  }
  return undefined;
}

/** Parses and checks a user answer-file catalog file's text. */
export function parseSetupCatalog(text: string, source: string): { catalog?: SetupCatalog; problems: CatalogProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problems: [{ source, message: jsonSyntaxMessage(text) }] };
  }
  return checkSetupCatalog(json, source);
}

const BUILT_IN_INDEX = new SetupCatalogIndex([SETUP_CATALOG]);
const indexes = new WeakMap<readonly unknown[], SetupCatalogIndex>();

/**
 * The index of the built-in catalog plus user catalogs (AnalyzeOptions.exchange.setupCatalogs, which hosts load with
 * parseSetupCatalog), built once per array. Entries that do not follow the schema are left out.
 */
export function setupIndex(userCatalogs: readonly unknown[] | undefined): SetupCatalogIndex {
  if (!userCatalogs || userCatalogs.length === 0) return BUILT_IN_INDEX;
  let index = indexes.get(userCatalogs);
  if (!index) {
    const valid = userCatalogs.map((c) => checkSetupCatalog(c, '').catalog).filter((c): c is SetupCatalog => c !== undefined);
    index = valid.length ? new SetupCatalogIndex([SETUP_CATALOG, ...valid]) : BUILT_IN_INDEX;
    indexes.set(userCatalogs, index);
  }
  return index;
}

/** The sections whose presence marks an Exchange 4.0/5.5 batch Setup.ini once a file is known to be an answer file. */
export const EXCHANGE55_MARKERS = ['Product ID', 'Components', 'Site', 'ServiceAccount', 'Licensing'];

/** The sources as a markdown list: document, section heading and address (never the evidence). */
export function renderSources(sources: readonly SetupSourceRef[]): string {
  return sources.map((s) => `- ${s.document}${s.section ? `, section "${s.section}"` : ''}${s.url ? ` (${s.url})` : ''}`).join('\n');
}

/** A key name that names a password or credentials. */
export function isSecretKeyName(key: string): boolean {
  return /pass(word)?|pwd|credential/i.test(key);
}
