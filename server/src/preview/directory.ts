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
  /** Position in Directory.entries. */
  index: number;
  /** Lower-case attribute name → values (binary syntaxes as one character per byte). */
  attrs: Map<string, string[]>;
}

/** Syntaxes compared byte for byte. */
const BINARY = new Set(['octet-string', 'sid']);

/**
 * One object of an export as plain data (a structured clone copies it between threads): its DN, the 0-based line of its
 * dn: line, and its attribute values by lower-case name (binary syntaxes as one character per byte).
 */
export interface RawEntry {
  dn: string;
  line: number;
  attrs: [string, string[]][];
}

/** The objects of a parsed LDIF export (records that describe no object are counted as skipped). */
export function rawEntries(doc: LdifDocument, lineOffset = 0): { entries: RawEntry[]; skipped: number } {
  const entries: RawEntry[] = [];
  let skipped = 0;
  const encoder = new TextEncoder();
  for (const rec of doc.records) {
    if (!rec.dn || (rec.changetype !== undefined && rec.changetype !== 'add')) {
      skipped++;
      continue;
    }
    const dn = (rec.dn.value ?? '').trim();
    const attrs = new Map<string, string[]>();
    for (const a of rec.attrs) {
      const info = attributeNamed(a.key);
      let value: string | undefined;
      if (info && BINARY.has(info.syntax)) {
        const bytes = a.kind === 'base64' ? base64Bytes(a.raw.trimEnd()) : encoder.encode(a.raw);
        value = bytes ? latin1(bytes) : undefined;
      } else value = a.value;
      if (value === undefined || a.kind === 'url') continue;
      const list = attrs.get(a.key);
      if (list) list.push(value);
      else attrs.set(a.key, [value]);
    }
    // ldifde writes distinguishedName; an export that left it out still names the object on its dn: line.
    if (!attrs.has('distinguishedname')) attrs.set('distinguishedname', [dn]);
    entries.push({ dn, line: rec.dn.ll.firstLine + lineOffset, attrs: [...attrs] });
  }
  return { entries, skipped };
}

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
  private readonly columns = new Map<string, ((string | undefined)[] | undefined)[]>();
  private readonly bitsets = new WeakMap<readonly number[], Uint32Array>();
  private readonly memos = new Map<string, unknown>();
  /** Per attribute: its catalog entry when Active Directory indexes it and the GC holds it (undefined otherwise). */
  private readonly indexedInfo = new Map<string, LdapAttribute | undefined>();

  private constructor(context?: Pick<ExchangeContext, 'extraGcAttributes'>) {
    this.extraGc = new Set((context?.extraGcAttributes ?? []).map((a) => a.toLowerCase()));
  }

  static fromLdif(doc: LdifDocument, context?: Pick<ExchangeContext, 'extraGcAttributes'>): Directory {
    const dir = Directory.empty(context);
    const { entries, skipped } = rawEntries(doc);
    dir.add(entries);
    dir.skipped += skipped;
    return dir;
  }

  /** A directory to be filled by add(), batch by batch (a loader that yields between batches; see load.ts). */
  static empty(context?: Pick<ExchangeContext, 'extraGcAttributes'>): Directory {
    return new Directory(context);
  }

  /** Adds objects, in export order, and indexes them. Only for a directory that no preview has used yet. */
  add(raw: readonly RawEntry[]): void {
    const from = this.entries.length;
    for (const r of raw) this.entries.push({ dn: r.dn, ndn: normalizeDn(r.dn), line: r.line, index: this.entries.length, attrs: new Map(r.attrs) });
    this.buildIndexes(from);
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

  /**
   * Entries (indexes into `entries`, ascending) whose attribute equals `key`. Indexed attributes are indexed at load,
   * as Active Directory indexes them; any other attribute gets its index the first time a filter compares it.
   */
  lookup(attr: string, key: string): number[] {
    return this.postings(attr).get(key) ?? [];
  }

  /** Entries (ascending) that hold the attribute in the global catalog. */
  present(attr: string): number[] {
    const key = attr.toLowerCase();
    let list = this.presence.get(key);
    if (!list) {
      list = [];
      const col = this.column(key);
      for (let i = 0; i < col.length; i++) if (col[i]) list.push(i);
      this.presence.set(key, list);
    }
    return list;
  }

  private postings(attr: string): Map<string, number[]> {
    const key = attr.toLowerCase();
    let eq = this.equality.get(key);
    if (!eq) {
      eq = new Map();
      const col = this.column(key);
      for (let i = 0; i < col.length; i++) {
        const keys = col[i];
        if (!keys) continue;
        for (let k = 0; k < keys.length; k++) {
          const v = keys[k];
          if (v === undefined || keys.indexOf(v) < k) continue;
          const list = eq.get(v);
          if (list) list.push(i);
          else eq.set(v, [i]);
        }
      }
      this.equality.set(key, eq);
    }
    return eq;
  }

  /**
   * The entries of a sorted list as a bitset (bit i of word i >> 5 for entry i), so that an intersection tests
   * membership at the cost of an array access. Kept as long as the list lives (the lists of the indexes live with the
   * directory): a list of the index is turned into a bitset once.
   */
  bits(list: readonly number[]): Uint32Array {
    let b = this.bitsets.get(list);
    if (!b) {
      b = new Uint32Array((this.entries.length + 31) >>> 5);
      for (let k = 0; k < list.length; k++) b[list[k] >>> 5] |= 1 << (list[k] & 31);
      this.bitsets.set(list, b);
    }
    return b;
  }

  /** A value derived from the directory alone (never from a filter's other conditions), computed once. */
  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = make();
    this.memos.set(key, v);
    return v;
  }

  /** The keys of an attribute's equality index in code-unit order, for reading the keys that start with a prefix. */
  sortedKeys(attr: string): readonly string[] {
    const key = attr.toLowerCase();
    return this.memo(`sorted-keys\u0000${key}`, () => [...this.postings(key).keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** The entries (ascending) in and below a normalised base DN ('' for the whole export). */
  inScope(base: string): readonly number[] {
    return this.memo(`scope\u0000${base}`, () => {
      const list: number[] = [];
      for (let i = 0; i < this.entries.length; i++) if (inSubtree(this.entries[i].ndn, base)) list.push(i);
      return list;
    });
  }

  /** The equality index of an attribute: key → entries. */
  equalityIndex(attr: string): ReadonlyMap<string, number[]> {
    return this.postings(attr);
  }

  /**
   * The equality keys (see equalityKey) of every entry's values of an attribute, by entry index: computed once per
   * attribute, so that evaluating a condition costs an array access per object. Undefined where the GC has no value.
   */
  column(attr: string): ((string | undefined)[] | undefined)[] {
    const key = attr.toLowerCase();
    let col = this.columns.get(key);
    if (!col) {
      const info = attributeNamed(key);
      const visible = this.visibility(key) !== 'not-in-gc';
      col = this.entries.map((e) => {
        const values = visible ? e.attrs.get(key) : undefined;
        return values && values.map((v) => equalityKey(info, v));
      });
      this.columns.set(key, col);
    }
    return col;
  }

  private buildIndexes(from: number): void {
    // Whether each attribute is indexed (and in the GC), looked up once per attribute rather than once per value.
    const indexedInfo = this.indexedInfo;
    for (let i = from; i < this.entries.length; i++) {
      for (const [key, values] of this.entries[i].attrs) {
        this.holders.set(key, (this.holders.get(key) ?? 0) + 1);
        let info = indexedInfo.get(key);
        if (info === undefined && !indexedInfo.has(key)) {
          const a = attributeNamed(key);
          info = a && a.indexed === true && this.visibility(key) !== 'not-in-gc' ? a : undefined;
          indexedInfo.set(key, info);
        }
        if (!info) continue;
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
const ASCII = /^[\x00-\x7f]*$/;

export function foldCase(s: string): string {
  return ASCII.test(s) ? s.toLowerCase() : s.normalize('NFC').toLowerCase();
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
        .split('+')
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
