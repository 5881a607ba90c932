/**
 * A directory export (ldifde, LDIF) read for previewing query-based groups: one entry per content record, values as the
 * global catalog would hold them, and indexes for equality and presence on the attributes Active Directory indexes.
 * Reading never throws; records that are not objects (changetype: modify, delete, ...) are skipped and counted.
 */
import { ExchangeContext } from '../core/catalog';
import { attributeNamed, LdapAttribute } from '../languages/ldapfilter/attributes';
import { base64Bytes, LdifDocument } from '../languages/ldif/parse';

export interface Entry {
  dn: string;
  /** The DN in comparable form (see normalizeDn). */
  ndn: string;
  /** 0-based line of the record's dn: line in the export. */
  line: number;
  /** Lower-case attribute name → values (binary syntaxes as one character per byte). */
  attrs: Map<string, string[]>;
  /** Lower-case attribute name → the values' equality keys, computed on first use. */
  keys?: Map<string, (string | undefined)[]>;
}

/** Syntaxes compared byte for byte. */
const BINARY = new Set(['octet-string', 'sid']);

export type Visibility = 'gc' | 'not-in-gc' | 'gc-unknown' | 'not-in-catalog';

export class Directory {
  readonly entries: Entry[] = [];
  /** Records that describe no object (change records) and were left out. */
  skipped = 0;
  /** Attribute (lower case) → number of entries that hold it. */
  readonly holders = new Map<string, number>();
  private readonly equality = new Map<string, Map<string, number[]>>();
  private readonly presence = new Map<string, number[]>();
  private readonly extraGc: Set<string>;

  private constructor(context?: Pick<ExchangeContext, 'extraGcAttributes'>) {
    this.extraGc = new Set((context?.extraGcAttributes ?? []).map((a) => a.toLowerCase()));
  }

  static fromLdif(doc: LdifDocument, context?: Pick<ExchangeContext, 'extraGcAttributes'>): Directory {
    const dir = new Directory(context);
    for (const rec of doc.records) {
      if (!rec.dn || (rec.changetype !== undefined && rec.changetype !== 'add')) {
        dir.skipped++;
        continue;
      }
      const dn = (rec.dn.value ?? '').trim();
      const attrs = new Map<string, string[]>();
      for (const a of rec.attrs) {
        const info = attributeNamed(a.key);
        let value: string | undefined;
        if (info && BINARY.has(info.syntax)) {
          const bytes = a.kind === 'base64' ? base64Bytes(a.raw.replace(/\s+$/, '')) : new TextEncoder().encode(a.raw);
          value = bytes ? latin1(bytes) : undefined;
        } else value = a.value;
        if (value === undefined || a.kind === 'url') continue;
        const list = attrs.get(a.key);
        if (list) list.push(value);
        else attrs.set(a.key, [value]);
      }
      // ldifde writes distinguishedName; an export that left it out still names the object on its dn: line.
      if (!attrs.has('distinguishedname')) attrs.set('distinguishedname', [dn]);
      dir.entries.push({ dn, ndn: normalizeDn(dn), line: rec.dn.ll.firstLine, attrs });
    }
    dir.buildIndexes();
    return dir;
  }

  static parse(text: string, context?: Pick<ExchangeContext, 'extraGcAttributes'>): Directory {
    return Directory.fromLdif(LdifDocument.parse(text), context);
  }

  /** Whether the categorizer's query against a global catalog sees the attribute. */
  visibility(attr: string): Visibility {
    const key = attr.toLowerCase();
    if (this.extraGc.has(key)) return 'gc';
    const info = attributeNamed(key);
    if (!info) return 'not-in-catalog';
    if (info.inGC === 'unknown') return 'gc-unknown';
    return info.inGC ? 'gc' : 'not-in-gc';
  }

  /** The values of an attribute as a global catalog returns them: none when the attribute is not in the GC. */
  values(e: Entry, attr: string): string[] | undefined {
    if (this.visibility(attr) === 'not-in-gc') return undefined;
    return e.attrs.get(attr.toLowerCase());
  }

  /** Entries (indexes into `entries`) whose attribute equals `key` (indexed attributes only; undefined otherwise). */
  lookup(attr: string, key: string): number[] | undefined {
    const idx = this.equality.get(attr.toLowerCase());
    return idx ? idx.get(key) ?? [] : undefined;
  }

  /** The equality index of an attribute: key → entries (indexed attributes only). */
  equalityIndex(attr: string): ReadonlyMap<string, number[]> | undefined {
    return this.equality.get(attr.toLowerCase());
  }

  /** The equality keys of an entry's values of an attribute (see equalityKey), cached on the entry. */
  keysOf(e: Entry, attr: string): (string | undefined)[] | undefined {
    const key = attr.toLowerCase();
    const cached = e.keys?.get(key);
    if (cached) return cached;
    const values = this.values(e, key);
    if (!values) return undefined;
    const info = attributeNamed(key);
    const keys = values.map((v) => equalityKey(info, v));
    (e.keys ??= new Map()).set(key, keys);
    return keys;
  }

  /** Entries that hold the attribute (indexed attributes only; undefined otherwise). */
  present(attr: string): number[] | undefined {
    return this.presence.get(attr.toLowerCase());
  }

  private buildIndexes(): void {
    for (let i = 0; i < this.entries.length; i++) {
      for (const [key, values] of this.entries[i].attrs) {
        this.holders.set(key, (this.holders.get(key) ?? 0) + 1);
        const info = attributeNamed(key);
        if (!info || info.indexed !== true || this.visibility(key) === 'not-in-gc') continue;
        let pres = this.presence.get(key);
        if (!pres) this.presence.set(key, (pres = []));
        pres.push(i);
        let eq = this.equality.get(key);
        if (!eq) this.equality.set(key, (eq = new Map()));
        const seen = new Set<string>();
        for (const v of values) {
          const k = equalityKey(info, v);
          if (k === undefined || seen.has(k)) continue;
          seen.add(k);
          const list = eq.get(k);
          if (list) list.push(i);
          else eq.set(k, [i]);
        }
      }
    }
  }
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** Case-insensitive Unicode comparison as a key (Active Directory ignores case in Unicode and Teletex strings). */
export function foldCase(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

/**
 * A DN in comparable form: RDNs split at unescaped commas (or semicolons), blanks around "," "=" and "+" dropped,
 * attribute types and values compared without regard to case, escapes (\, and \2C) decoded.
 */
export function normalizeDn(dn: string): string {
  return splitDn(dn).join(',');
}

export function splitDn(dn: string): string[] {
  const rdns: string[] = [];
  let cur = '';
  let i = 0;
  const flush = (): void => {
    rdns.push(
      cur
        .split(/\s*\+\s*/)
        .map((ava) => {
          const eq = ava.indexOf('=');
          return eq < 0 ? foldCase(ava.trim()) : `${ava.slice(0, eq).trim().toLowerCase()}=${foldCase(ava.slice(eq + 1).trim())}`;
        })
        .join('+'),
    );
    cur = '';
  };
  const t = dn.trim();
  if (t === '') return [];
  while (i < t.length) {
    const c = t[i];
    if (c === '\\' && i + 1 < t.length) {
      const hex = t.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        const ch = String.fromCharCode(parseInt(hex, 16));
        cur += ch === ',' || ch === '+' || ch === '=' || ch === '\\' ? `\\${ch}` : ch;
        i += 3;
      } else {
        cur += `\\${t[i + 1]}`;
        i += 2;
      }
      continue;
    }
    if (c === ',' || c === ';') {
      flush();
      i++;
      continue;
    }
    cur += c;
    i++;
  }
  flush();
  return rdns;
}

/** Whether `ndn` is `base` or below it (both normalised). */
export function inSubtree(ndn: string, base: string): boolean {
  return base === '' || ndn === base || ndn.endsWith(`,${base}`);
}

/** The comparable form of a value for equality under the attribute's syntax (undefined: the value is not valid). */
export function equalityKey(info: Pick<LdapAttribute, 'syntax'> | undefined, v: string): string | undefined {
  switch (info?.syntax) {
    case 'dn':
    case 'or-name':
      return normalizeDn(v);
    case 'integer':
    case 'large-integer': {
      const n = toBigInt(v);
      return n === undefined ? undefined : n.toString();
    }
    case 'boolean': {
      const b = v.trim().toUpperCase();
      return b === 'TRUE' || b === 'FALSE' ? b : undefined;
    }
    case 'octet-string':
    case 'sid':
      return v;
    case 'printable':
      return v;
    default:
      return foldCase(v);
  }
}

export function toBigInt(v: string): bigint | undefined {
  const t = v.trim();
  if (!/^-?\d+$/.test(t)) return undefined;
  return BigInt(t);
}
