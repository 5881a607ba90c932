/**
 * The built-in registry catalog (bundled as a JSON module) and organisations' own catalog files, validated
 * against the same JSON Schema. A malformed user catalog is reported and skipped; the built-in one keeps working.
 */
import Ajv from 'ajv';
import builtIn from '../../data/catalog/registry.json';
import schema from '../../data/catalog/registry.schema.json';
import { RegistryCatalog } from './catalog';
import { RegistryCatalogIndex } from './catalogIndex';
import { jsonSyntaxMessage } from './jsonError';

export const BUILT_IN_REGISTRY_CATALOG = builtIn as unknown as RegistryCatalog;

const ajv = new Ajv({ allErrors: true, strict: false });
const validateSchema = ajv.compile<RegistryCatalog>(schema);

export interface CatalogProblem {
  source: string;
  message: string;
}

/** Checks a parsed user catalog; returns it, or the problems that make it unusable. */
export function checkRegistryCatalog(json: unknown, source: string): { catalog?: RegistryCatalog; problems: CatalogProblem[] } {
  if (validateSchema(json)) return { catalog: json, problems: [] };
  const problems = (validateSchema.errors ?? []).slice(0, 10).map((e) => ({
    source,
    message: `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`,
  }));
  return { problems };
}

/** Parses and checks a user catalog file's text. */
export function parseRegistryCatalog(text: string, source: string): { catalog?: RegistryCatalog; problems: CatalogProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problems: [{ source, message: jsonSyntaxMessage(text) }] };
  }
  return checkRegistryCatalog(json, source);
}

let builtInIndex: RegistryCatalogIndex | undefined;

/** The index of the built-in catalog, plus user catalogs (later ones override entries with the same id). */
export function registryIndex(userCatalogs: readonly RegistryCatalog[] = []): RegistryCatalogIndex {
  if (userCatalogs.length === 0) return (builtInIndex ??= new RegistryCatalogIndex([BUILT_IN_REGISTRY_CATALOG]));
  return new RegistryCatalogIndex([BUILT_IN_REGISTRY_CATALOG, ...userCatalogs]);
}
