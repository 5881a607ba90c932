/**
 * The Setup answer-file knowledge as data (server/data/catalog/setup-keys.json): only sections and keys a cited
 * source names, each with a confidence, plus organisations' own catalog files in the same schema
 * (setup-keys.schema.json). Lookups are case-insensitive and go through a SetupCatalogIndex.
 */
import Ajv, { ValidateFunction } from 'ajv';
import data from '../../../data/catalog/setup-keys.json';
import schema from '../../../data/catalog/setup-keys.schema.json';
import { SourceRef } from '../../core/catalog';
import type { CatalogProblem } from '../../core/catalogLoad';
import { jsonSyntaxMessage } from '../../core/jsonError';

export type SetupKeyType = 'boolean' | 'path' | 'text' | 'account' | 'secret' | 'proxyname' | 'productid55' | 'cdkey55';

export interface SetupKey {
  name: string;
  type: SetupKeyType;
  description: string;
  confidence: 'high' | 'medium' | 'low';
  sources: SourceRef[];
  values?: string[];
  maxLength?: number;
  pattern?: string;
  form?: string;
}

export interface SetupSection {
  name: string;
  format: 'exchange55';
  description: string;
  confidence: 'high' | 'medium' | 'low';
  sources: SourceRef[];
  keys: SetupKey[];
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

/** Checks a parsed user answer-file catalog against setup-keys.schema.json; returns it, or what makes it unusable. */
export function checkSetupCatalog(json: unknown, source: string): { catalog?: SetupCatalog; problems: CatalogProblem[] } {
  const validate = schemaValidator();
  if (validate(json)) {
    const bad = badPatterns(json, source);
    return bad.length ? { problems: bad } : { catalog: json, problems: [] };
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
    const valid = userCatalogs.filter((c): c is SetupCatalog => checkSetupCatalog(c, '').catalog !== undefined);
    index = valid.length ? new SetupCatalogIndex([SETUP_CATALOG, ...valid]) : BUILT_IN_INDEX;
    indexes.set(userCatalogs, index);
  }
  return index;
}

/** The sections whose presence marks an Exchange 4.0/5.5 batch Setup.ini (the distinctive ones, not [Paths]). */
export const EXCHANGE55_MARKERS = ['Product ID', 'Components', 'Site', 'ServiceAccount', 'Licensing'];

const MARKER = new RegExp(`^[ \\t]*\\[[ \\t]*(${EXCHANGE55_MARKERS.map((m) => m.replace(/ /g, ' ')).join('|')})[ \\t]*\\][ \\t]*(;.*)?$`, 'im');

/** Whether the text has the shape of an Exchange answer file (a section header of the 5.5 batch format). */
export function looksLikeExchangeAnswerFile(text: string): boolean {
  return MARKER.test(text.length > 1_000_000 ? text.slice(0, 1_000_000) : text);
}

export function renderSources(sources: readonly SourceRef[]): string {
  return sources.map((s) => `- ${s.document}${s.section ? `, ${s.section}` : ''}`).join('\n');
}

/** A key name that names a password or credentials. */
export function isSecretKeyName(key: string): boolean {
  return /pass(word)?|pwd|credential/i.test(key);
}
