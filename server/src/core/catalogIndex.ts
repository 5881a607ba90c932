/**
 * Lookup of registry catalog entries by key path and value name, as the registry compares them: case-insensitive,
 * HKLM and HKEY_LOCAL_MACHINE alike, trailing separators ignored. User catalogs are merged over the built-in one.
 */
import { RegistryCatalog, RegistryEntry } from './catalog';
import { ROOT_ABBREVIATIONS } from './registryRoots';


/** Upper-case, full root name, no trailing backslashes. */
export function normalizeRegistryPath(path: string): string {
  let p = path.trim();
  while (p.endsWith('\\')) p = p.slice(0, -1);
  p = p.toUpperCase();
  const slash = p.indexOf('\\');
  const root = slash < 0 ? p : p.slice(0, slash);
  const full = ROOT_ABBREVIATIONS[root];
  return full ? full + (slash < 0 ? '' : p.slice(slash)) : p;
}

export class RegistryCatalogIndex {
  private readonly exact = new Map<string, Map<string, RegistryEntry>>();
  private readonly patterns: { regex: RegExp; names: Map<string, RegistryEntry> }[] = [];
  readonly entries: RegistryEntry[] = [];

  constructor(catalogs: readonly RegistryCatalog[]) {
    // A later catalog (an organisation's own) replaces an entry with the same id, keys and names included.
    const byId = new Map<string, RegistryEntry>();
    for (const catalog of catalogs) {
      for (const entry of catalog.entries) {
        byId.delete(entry.id);
        byId.set(entry.id, entry);
      }
    }
    for (const entry of byId.values()) this.add(entry);
  }

  private add(entry: RegistryEntry): void {
    this.entries.push(entry);
    for (const key of entry.keys) {
      const norm = normalizeRegistryPath(key);
      let names: Map<string, RegistryEntry> | undefined;
      if (norm.includes('<N>')) {
        const source = norm
          .split('<N>')
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[0-9]+');
        let p = this.patterns.find((x) => x.regex.source === `^${source}$`);
        if (!p) this.patterns.push((p = { regex: new RegExp(`^${source}$`), names: new Map() }));
        names = p.names;
      } else {
        names = this.exact.get(norm);
        if (!names) this.exact.set(norm, (names = new Map()));
      }
      for (const name of entry.names) names.set(name.toLowerCase(), entry);
    }
  }

  /** The values the catalog knows under a key (already normalised with normalizeRegistryPath). */
  valuesUnder(normalizedKey: string): ReadonlyMap<string, RegistryEntry> | undefined {
    const exact = this.exact.get(normalizedKey);
    if (exact) return exact;
    for (const p of this.patterns) if (p.regex.test(normalizedKey)) return p.names;
    return undefined;
  }

  lookup(normalizedKey: string, valueName: string): RegistryEntry | undefined {
    return this.valuesUnder(normalizedKey)?.get(valueName.toLowerCase());
  }

  /** Every key path the catalog knows, as first written in each entry (for completion). */
  knownKeys(): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const e of this.entries) {
      for (const k of e.keys) {
        const n = normalizeRegistryPath(k);
        if (!seen.has(n)) {
          seen.add(n);
          out.push(k);
        }
      }
    }
    return out;
  }
}
