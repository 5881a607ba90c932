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

/**
 * Whether a key's path segments match a catalog key's, where <N> in a catalog segment stands for one or more digits
 * and <NAME> for one or more characters.
 * Segment by segment, and within a segment by a scan that keeps the set of template positions reachable so far (a
 * position is one template character or one <N>): time is the segment's length times the template segment's, whatever
 * the placeholders. (The regular expression ^…[0-9]+[0-9]+…$ it replaces backtracks exponentially in the number of
 * adjacent placeholders when a key does not match.)
 */
export function matchesTemplate(template: readonly string[], key: readonly string[]): boolean {
  if (template.length !== key.length) return false;
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    if (t.includes('<') ? !matchesSegment(t, key[i]) : t !== key[i]) return false;
  }
  return true;
}

/** A template token standing for one or more characters of any kind (`<name>`: a server name, a store GUID). */
const ANY = 1;

function matchesSegment(template: string, segment: string): boolean {
  // The usual shapes, without the general scan: "<NAME>" (a server name) and "PRIVATE-<NAME>" (a store GUID).
  const any = template.indexOf('<NAME>');
  if (any >= 0 && any === template.length - 6 && !template.includes('<N>') && template.indexOf('<NAME>') === template.lastIndexOf('<NAME>')) {
    return segment.length > any && segment.startsWith(template.slice(0, any));
  }
  // The template as tokens: a character, DIGITS (null: one or more digits) or ANY (one or more characters).
  const tokens: (string | null | typeof ANY)[] = [];
  for (let i = 0; i < template.length; ) {
    if (template.startsWith('<N>', i)) {
      tokens.push(null);
      i += 3;
    } else if (template.startsWith('<NAME>', i)) {
      tokens.push(ANY);
      i += 6;
    } else tokens.push(template[i++]);
  }
  const m = tokens.length;
  // at[j]: token j is next to match; inDigits[j]: token j (DIGITS) has matched at least one digit and may take more.
  let at = new Array<boolean>(m + 1).fill(false);
  let inDigits = new Array<boolean>(m).fill(false);
  at[0] = true;
  for (let k = 0; k < segment.length; k++) {
    const c = segment[k];
    const digit = c >= '0' && c <= '9';
    const nextAt = new Array<boolean>(m + 1).fill(false);
    const nextIn = new Array<boolean>(m).fill(false);
    let any = false;
    for (let j = 0; j < m; j++) {
      const token = tokens[j];
      if (token === null) {
        if (digit && (at[j] || inDigits[j])) nextIn[j] = any = true;
      } else if (token === ANY) {
        if (at[j] || inDigits[j]) nextIn[j] = any = true;
      } else if (at[j] && token === c) nextAt[j + 1] = any = true;
    }
    if (!any) return false;
    // A DIGITS token with a digit behind it lets the next token start.
    for (let j = 0; j < m; j++) if (nextIn[j]) nextAt[j + 1] = true;
    at = nextAt;
    inDigits = nextIn;
  }
  return at[m];
}

export class RegistryCatalogIndex {
  private readonly exact = new Map<string, Map<string, RegistryEntry>>();
  /** Keys with <N> or <NAME> placeholders, split into path segments (matched by matchesTemplate, not by a regular expression). */
  private readonly patterns: { template: string; segments: string[]; names: Map<string, RegistryEntry> }[] = [];
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
      if (norm.includes('<N>') || norm.includes('<NAME>')) {
        let p = this.patterns.find((x) => x.template === norm);
        if (!p) this.patterns.push((p = { template: norm, segments: norm.split('\\'), names: new Map() }));
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
    if (this.patterns.length === 0) return undefined;
    const segments = normalizedKey.split('\\');
    for (const p of this.patterns) if (matchesTemplate(p.segments, segments)) return p.names;
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
