/**
 * Evaluates a query-based group's filter against a directory export the way the categorizer's query to a global
 * catalog does ([MS-ADTS] 3.1.1.3.1.3.1 "Search Filters" and 3.1.1.3.1.3.5 "Searches Using the objectCategory
 * Attribute"; bitwise rules: [MS-ADTS] 3.1.1.3.4.4 "LDAP Matching Rules (extensibleMatch)"):
 * - three-valued logic (TRUE, FALSE, Undefined) on Windows Server 2003; on Windows 2000 an Undefined clause is FALSE;
 * - a condition on an attribute an object lacks is FALSE, so a NOT over it is TRUE;
 * - attributes outside the global catalog have no value, even where the export holds one;
 * - ~= is equality; (objectCategory=<class name>) compares with the class's defaultObjectCategory;
 * - values compared by the attribute's syntax (catalog): Unicode strings without case, DNs per RDN without case,
 *   integers as numbers, Booleans TRUE/FALSE, binary values byte for byte.
 * Where the sources leave a point open, the result carries a note instead of a guess.
 */
import '../languages/ldapfilter/codes';
import { codeInfo } from '../core/codes';
import { attributeNamed, classNamed, LdapAttribute, NO_SUBSTRING_SYNTAXES } from '../languages/ldapfilter/attributes';
import { Composite, FilterNode, Item, LdapFilterDocument } from '../languages/ldapfilter/parse';
import { BIT_AND, BIT_OR } from '../languages/ldapfilter/validate';
import { Directory, Entry, equalityKey, foldCase, latin1, normalizeDn, splitDn, toBigInt } from './directory';

/** FALSE, TRUE, Undefined (RFC 4511 section 4.5.1.7). */
export type Tri = 0 | 1 | 2;
const F: Tri = 0;
const T: Tri = 1;
const U: Tri = 2;

/**
 * AND (`decisive` F) or OR (`decisive` T) over three-valued results: the first child that gives the decisive value
 * decides; otherwise Undefined if any child is Undefined, else the other value.
 */
function threeValued(kids: readonly { test(e: Entry): Tri }[], decisive: Tri): (e: Entry) => Tri {
  const otherwise: Tri = decisive === F ? T : F;
  return (e) => {
    let r = otherwise;
    for (const k of kids) {
      const v = k.test(e);
      if (v === decisive) return decisive;
      if (v === U) r = U;
    }
    return r;
  };
}

export interface PreviewOptions {
  /** msExchDynamicDLBaseDN: only objects in and below it are members (subtree). */
  baseDN?: string;
  /** Windows 2000 evaluates Undefined as FALSE; Windows Server 2003 uses three-valued logic. Default 2003. */
  windowsVersion?: '2000' | '2003';
}

export interface PreviewResult {
  /** The members, in export order. */
  matched: Entry[];
  /** Objects in scope (in and below the base DN). */
  total: number;
  /** What the preview could not settle, in words for the user. */
  notes: string[];
  /** Set when the filter is not run at all (syntax errors). */
  error?: string;
  /** The conditions, with the attribute each tests (for the attribute-unused check). */
  items: Item[];
}

type Test = (e: Entry) => Tri;
type CandidateSet = readonly number[] | Uint32Array;

interface Compiled {
  test: Test;
  /** Windows 2000: every Undefined condition read as FALSE. */
  test2?: (e: Entry) => boolean;
  /** A superset of the entries the node matches, from the indexes, sorted (undefined: no index helps). Read only. */
  candidates?: () => readonly number[];
  /**
   * The same candidates as sets still to be intersected (sorted lists, or bitsets over the directory): an AND hands
   * its children's sets to the AND above it, and an OR gives one bitset, so that nested conditions are intersected
   * once, driven by the smallest list of all.
   */
  sets?: () => CandidateSet[];
  /** The candidates are exactly the entries the node is TRUE for (in either logic), so no test is needed. */
  exact?: boolean;
  /**
   * AND: the test of the children whose candidates are not exact, which is all a candidate still has to pass (the
   * exact children are TRUE on every candidate, and TRUE changes nothing in an AND, in either logic).
   */
  residual?: { test: Test; test2: (e: Entry) => boolean };
}

const STRING_SYNTAXES = new Set(['unicode', 'teletex', 'printable', 'unknown', 'oid']);
/** Two or more blanks in a row, or blanks around the value (which LDAP servers following RFC 4518 fold or drop). */
const BLANK_RUN = /^ | {2}| $/;

/** Decodes the \XX escapes of an assertion value into bytes, then reads them as UTF-8 (binary syntaxes: as bytes). */
export function unescapeValue(raw: string, binary = false): string {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const cp = raw.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of enc.encode(String.fromCodePoint(cp))) bytes.push(b);
    }
  }
  const arr = Uint8Array.from(bytes);
  return binary ? latin1(arr) : new TextDecoder('utf-8').decode(arr);
}

export function previewFilter(doc: LdapFilterDocument, dir: Directory, opts: PreviewOptions = {}): PreviewResult {
  const base = opts.baseDN ? normalizeDn(opts.baseDN) : '';
  const inScope = dir.inScope(base);
  const result: PreviewResult = { matched: [], total: inScope.length, notes: [], items: doc.items };
  if (!doc.root || doc.problems.some((p) => codeInfo(p.code).severity === 'error')) {
    result.error = 'The filter has syntax errors: the global catalog does not run it, and the group has no members.';
    return result;
  }
  const notes = new Set<string>();
  const compiled = compile(doc.root, dir, notes);
  const w2000 = opts.windowsVersion === '2000';
  const scope = compiled.candidates ? (base === '' ? compiled.candidates() : intersectAll([compiled.candidates(), inScope], dir)) : inScope;
  // Candidates come sorted and without duplicates, so members stay in export order.
  const { entries } = dir;
  if (compiled.exact) for (let k = 0; k < scope.length; k++) result.matched.push(entries[scope[k]]);
  else {
    const check = compiled.candidates && compiled.residual ? compiled.residual : compiled;
    for (let k = 0; k < scope.length; k++) {
      const e = entries[scope[k]];
      if (w2000 ? check.test2(e) : check.test(e) === T) result.matched.push(e);
    }
  }
  if (w2000 && [...notes].some((n) => n.includes('Undefined'))) notes.add('On Windows 2000 a condition Active Directory cannot evaluate is FALSE (not Undefined), so a NOT over it matches.');
  result.notes = [...notes];
  return result;
}

function compile(node: FilterNode, dir: Directory, notes: Set<string>): Compiled & { test2: (e: Entry) => boolean } {
  if (node.kind === 'item') {
    const c = compileItem(node, dir, notes);
    return { ...c, test2: (e) => c.test(e) === T };
  }
  return compileComposite(node, dir, notes);
}

function compileComposite(node: Composite, dir: Directory, notes: Set<string>): Compiled & { test2: (e: Entry) => boolean } {
  const kids = node.children.map((c) => compile(c, dir, notes));
  if (node.kind === 'not' || (node.kind === 'group' && kids.length === 1)) {
    const k = kids[0];
    if (node.kind === 'group') return k;
    return { test: (e) => { const v = k.test(e); return v === U ? U : v === T ? F : T; }, test2: (e) => !k.test2(e) };
  }
  if (node.kind === 'and') {
    // The indexed children narrow the objects read (their candidates intersected), as Active Directory's query
    // optimiser uses indexes; when every child is indexed exactly, the intersection is the answer.
    const indexed = kids.filter((k) => k.candidates);
    const residual = kids.filter((k) => !(k.candidates && k.exact));
    const sets = (): CandidateSet[] => indexed.flatMap((k) => setsOf(k));
    return {
      test: threeValued(kids, F),
      test2: (e) => kids.every((k) => k.test2(e)),
      candidates: indexed.length ? () => intersectSets(sets(), dir) : undefined,
      sets: indexed.length ? sets : undefined,
      exact: indexed.length === kids.length && kids.every((k) => k.exact),
      residual: { test: threeValued(residual, F), test2: (e) => residual.every((k) => k.test2(e)) },
    };
  }
  // or (and a group of several, which the parser reports as an error and which never gets here)
  const all = kids.every((k) => k.candidates);
  return {
    test: threeValued(kids, T),
    test2: (e) => kids.some((k) => k.test2(e)),
    candidates: all && kids.length > 0 ? () => listOfBits(unionBits(kids, dir)) : undefined,
    sets: all && kids.length > 0 ? () => [unionBits(kids, dir)] : undefined,
    exact: all && kids.length > 0 && kids.every((k) => k.exact),
  };
}

function setsOf(k: Compiled): CandidateSet[] {
  return k.sets ? k.sets() : [k.candidates!()];
}

/** The union of the children's candidates as a bitset: their bitsets (cached for the lists of the indexes) OR-ed word by word. */
function unionBits(kids: readonly Compiled[], dir: Directory): Uint32Array {
  const out = new Uint32Array((dir.entries.length + 31) >>> 5);
  for (const k of kids) {
    const sets = setsOf(k);
    const b = sets.length === 1 ? bitsOf(sets[0], dir) : dir.bits(intersectSets(sets, dir));
    for (let w = 0; w < out.length; w++) out[w] |= b[w];
  }
  return out;
}

function bitsOf(s: CandidateSet, dir: Directory): Uint32Array {
  return s instanceof Uint32Array ? s : dir.bits(s);
}

/** The entries of a bitset, ascending. */
function listOfBits(b: Uint32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < b.length; w++) {
    let x = b[w];
    while (x !== 0) {
      const low = x & -x;
      out.push((w << 5) + 31 - Math.clz32(low));
      x ^= low;
    }
  }
  return out;
}

/** The entries in all the sets: driven by the smallest list (see intersectAll); bitsets alone are AND-ed word by word. */
function intersectSets(sets: readonly CandidateSet[], dir: Directory): number[] {
  const lists = sets.filter((x): x is readonly number[] => !(x instanceof Uint32Array));
  const bitsets = sets.filter((x): x is Uint32Array => x instanceof Uint32Array);
  if (lists.length > 0) return intersectAll(lists, dir, bitsets);
  const out = bitsets[0].slice();
  for (let o = 1; o < bitsets.length; o++) for (let w = 0; w < out.length; w++) out[w] &= bitsets[o][w];
  return listOfBits(out);
}

/**
 * The entries in all the sorted lists: the shortest is read, and each of its entries looked up in the bitsets of the
 * others (cached with the directory for the lists of its indexes), so the cost follows the smallest set, as with
 * Active Directory's query optimiser, which reads the most selective index and tests the other conditions.
 */
function intersectAll(lists: readonly (readonly number[])[], dir: Directory, bitsets: readonly Uint32Array[] = []): number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const first = sorted[0];
  if (sorted.length === 1 && bitsets.length === 0) return first.slice();
  const others = [...sorted.slice(1).map((l) => dir.bits(l)), ...bitsets];
  const out: number[] = [];
  outer: for (let k = 0; k < first.length; k++) {
    const i = first[k];
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    for (let o = 0; o < others.length; o++) if ((others[o][w] & bit) === 0) continue outer;
    out.push(i);
  }
  return out;
}

/**
 * The union of sorted lists, sorted and without duplicates: when they are short, two are merged and more are gathered
 * and sorted; otherwise they are marked in one array over the directory and read back in order (linear in the
 * directory, whatever the number of lists).
 */
function unionAll(lists: readonly (readonly number[])[], size: number): number[] {
  if (lists.length === 1) return lists[0].slice();
  let total = 0;
  for (const l of lists) total += l.length;
  if (total * 8 < size) {
    if (lists.length === 2) return mergeSorted(lists[0], lists[1]);
    // Many short lists (the values that start with a prefix): gathered and sorted at once, not merged in turn.
    const all = new Int32Array(total);
    let at = 0;
    for (const l of lists) for (let k = 0; k < l.length; k++) all[at++] = l[k];
    all.sort();
    const out: number[] = [];
    for (let k = 0; k < total; k++) if (k === 0 || all[k] !== all[k - 1]) out.push(all[k]);
    return out;
  }
  const mark = new Uint8Array(size);
  for (const l of lists) for (let k = 0; k < l.length; k++) mark[l[k]] = 1;
  const out: number[] = [];
  for (let i = 0; i < size; i++) if (mark[i] === 1) out.push(i);
  return out;
}

/** The union of two sorted lists of entry indexes, sorted and without duplicates. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

function quoteItem(item: Item): string {
  const s = `(${item.attr}${item.op === ':=' ? (item.rule ? `:${item.rule}:=` : ':=') : item.op}${item.value})`;
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

function compileItem(item: Item, dir: Directory, notes: Set<string>): Compiled {
  const attr = item.attr;
  const key = attr.toLowerCase();
  const info = attributeNamed(key);
  const vis = dir.visibility(key);
  const none: Compiled = { test: () => F, candidates: () => [], exact: true };
  if (key === 'anr') {
    notes.add(`${quoteItem(item)}: ambiguous name resolution searches several attributes in a way this preview does not reproduce; the condition is taken as Undefined (no match).`);
    return { test: () => U };
  }
  if (vis === 'not-in-gc') return none;
  if (vis === 'gc-unknown') notes.add(`Whether ${info?.name ?? attr} is in the global catalog is not established; the preview uses the values in the export.`);
  if (vis === 'not-in-catalog') {
    notes.add(
      (dir.holders.get(key) ?? 0) > 0
        ? `${attr} is not in this tool's attribute catalog; the preview uses the values in the export (an export from the global catalog port, 3268, holds only attributes in the global catalog).`
        : `${attr} is not in this tool's attribute catalog and no object in the export holds it. If your forest's schema has no such attribute, Active Directory evaluates the condition as Undefined (a NOT over it matches nothing either); the preview takes it as an attribute without values.`,
    );
  }
  const values = (e: Entry): string[] | undefined => e.attrs.get(key);
  if (item.type === 'present') {
    if (key === 'objectclass' || key === 'distinguishedname') return { test: () => T };
    return { test: (e) => (values(e) ? T : F), candidates: () => dir.present(key), exact: true };
  }
  const syntax = info?.syntax ?? 'unknown';
  const binary = syntax === 'octet-string' || syntax === 'sid';
  if (item.type === 'extensible') return compileExtensible(item, info, values, notes);
  if (!binary && STRING_SYNTAXES.has(syntax) && (item.type === 'equality' || item.type === 'approx' || item.type === 'substring') && BLANK_RUN.test(unescapeValue(item.value))) {
    notes.add(`${quoteItem(item)}: whether Active Directory compares a run of blanks as one blank is not documented in the sources this tool uses; the preview compares the blanks as written.`);
  }
  if (item.type === 'substring') {
    if (NO_SUBSTRING_SYNTAXES[syntax] && !binary) {
      notes.add(`${quoteItem(item)}: a * on a ${NO_SUBSTRING_SYNTAXES[syntax]} attribute is no wildcard that Active Directory documents; the condition is taken as Undefined (no match).`);
      return { test: () => U };
    }
    const parts = item.value.split('*').map((p) => (binary ? unescapeValue(p, true) : syntax === 'printable' ? unescapeValue(p) : foldCase(unescapeValue(p))));
    const initial = parts[0];
    const final = parts[parts.length - 1];
    const any = parts.slice(1, -1).filter((p) => p !== '');
    const matches = (v: string | undefined): boolean => {
      if (v === undefined) return false;
      if (v.length < initial.length + final.length || !v.startsWith(initial) || !v.endsWith(final)) return false;
      let pos = initial.length;
      const end = v.length - final.length;
      for (const a of any) {
        const at = v.indexOf(a, pos);
        if (at < 0 || at + a.length > end) return false;
        pos = at + a.length;
      }
      return true;
    };
    // Binary and printable values compare as they are; the others by their case-folded equality keys.
    const exact = binary || syntax === 'printable';
    if (exact) return { test: (e) => (values(e)?.some(matches) ? T : F) };
    let col: ((string | undefined)[] | undefined)[] | undefined;
    const test: Test = (e) => ((col ??= dir.column(key))[e.index]?.some(matches) ? T : F);
    if (initial === '') return { test };
    // An initial substring reads the values that start with it from the attribute's index.
    return {
      test,
      candidates: () => {
        // The keys that start with it are one stretch of the sorted keys: found by binary search.
        const keys = dir.sortedKeys(key);
        const index = dir.equalityIndex(key);
        let lo = 0;
        let hi = keys.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (keys[mid] < initial) lo = mid + 1;
          else hi = mid;
        }
        const lists: number[][] = [];
        for (let k = lo; k < keys.length && keys[k].startsWith(initial); k++) lists.push(index.get(keys[k])!);
        return lists.length === 0 ? [] : unionAll(lists, dir.entries.length);
      },
    };
  }
  const assertion = unescapeValue(item.value, binary);
  if (item.type === 'equality' || item.type === 'approx') {
    if (key === 'objectcategory' && !assertion.includes('=')) return objectCategoryByClass(item, assertion, dir, notes);
    const k = equalityKey(info, assertion);
    if (k === undefined) {
      notes.add(`${quoteItem(item)}: "${assertion}" is not a valid ${syntaxName(syntax)} value; the condition is Undefined (no match).`);
      return { test: () => U };
    }
    let col: ((string | undefined)[] | undefined)[] | undefined;
    return { test: (e) => ((col ??= dir.column(key))[e.index]?.includes(k) ? T : F), candidates: () => dir.lookup(key, k), exact: true };
  }
  // >= and <=
  const ge = item.type === 'ge';
  if (syntax === 'integer' || syntax === 'large-integer') {
    const n = toBigInt(assertion);
    if (n === undefined) {
      notes.add(`${quoteItem(item)}: "${assertion}" is not a number; the condition is Undefined (no match).`);
      return { test: () => U };
    }
    return {
      test: (e) =>
        values(e)?.some((v) => {
          const m = toBigInt(v);
          return m !== undefined && (ge ? m >= n : m <= n);
        })
          ? T
          : F,
    };
  }
  if (!STRING_SYNTAXES.has(syntax) && syntax !== 'generalized-time') {
    notes.add(`${quoteItem(item)}: how Active Directory orders ${syntaxName(syntax)} values is not documented in the sources this tool uses; the condition is taken as Undefined (no match).`);
    return { test: () => U };
  }
  if (syntax !== 'generalized-time') notes.add(`${quoteItem(item)}: Active Directory orders strings by its sort order, which this preview approximates by comparing characters without case; accented letters and punctuation may sort differently.`);
  const a = syntax === 'generalized-time' ? assertion : foldCase(assertion);
  return {
    test: (e) =>
      values(e)?.some((raw) => {
        const v = syntax === 'generalized-time' ? raw : foldCase(raw);
        return ge ? v >= a : v <= a;
      })
        ? T
        : F,
  };
}

/** [MS-ADTS] 3.1.1.3.1.3.5: (objectCategory=contact) is read as the defaultObjectCategory of the class contact. */
function objectCategoryByClass(item: Item, name: string, dir: Directory, notes: Set<string>): Compiled {
  const cls = classNamed(name);
  let rdn: string;
  if (cls) rdn = splitDn(cls.defaultObjectCategory)[0];
  else {
    rdn = `cn=${foldCase(name.trim())}`;
    notes.add(`${quoteItem(item)}: ${name} is not a class this tool knows; the preview assumes its defaultObjectCategory is CN=${name} in the schema container.`);
  }
  const wanted = (ndn: string): boolean => {
    const parts = splitDn(ndn);
    return parts[0] === rdn && parts[1] === 'cn=schema';
  };
  // The distinct objectCategory values are few: the matching ones are read from the index, once per class.
  const { keys, hits } = dir.memo(`objectCategory-class\u0000${rdn}`, () => {
    const index = dir.equalityIndex('objectCategory');
    const keys = new Set([...index.keys()].filter(wanted));
    return { keys, hits: unionAll([...keys].map((k) => index.get(k) ?? []), dir.entries.length) };
  });
  const col = dir.column('objectCategory');
  return { test: (e) => (col[e.index]?.some((k) => k !== undefined && keys.has(k)) ? T : F), candidates: () => hits, exact: true };
}

function compileExtensible(item: Item, info: LdapAttribute | undefined, values: (e: Entry) => string[] | undefined, notes: Set<string>): Compiled {
  const rule = item.rule ?? '';
  if (rule === '') {
    notes.add(`${quoteItem(item)}: how Active Directory evaluates an extensible match without a matching rule is not documented in the sources this tool uses; the condition is taken as Undefined (no match).`);
    return { test: () => U };
  }
  if (rule !== BIT_AND && rule !== BIT_OR) {
    notes.add(`${quoteItem(item)}: Active Directory on Windows 2000 and Windows Server 2003 supports only the bitwise matching rules ${BIT_AND} and ${BIT_OR}; the condition is Undefined (no match).`);
    return { test: () => U };
  }
  if (item.attr === '') return { test: () => U };
  const n = toBigInt(unescapeValue(item.value));
  if (n === undefined) {
    notes.add(`${quoteItem(item)}: the value of a bitwise matching rule must be a decimal number; the condition is Undefined (no match).`);
    return { test: () => U };
  }
  const syntax = info?.syntax ?? 'unknown';
  if (info && syntax !== 'integer' && syntax !== 'large-integer') {
    notes.add(`${quoteItem(item)}: a bitwise matching rule on a ${syntaxName(syntax)} attribute is Undefined (no match).`);
    return { test: () => U };
  }
  // Integers are 32-bit and large integers 64-bit two's complement: -2147483646 has bit 2147483648 set.
  const bits = syntax === 'integer' ? 32 : 64;
  // A mask the attribute's width cannot hold (above 2^32 - 1 for an integer, 2^64 - 1 for a large integer, or below the
  // smallest signed value): how Active Directory reads it is not in the sources; OpenLDAP compares 64-bit signed values.
  if (n > (1n << BigInt(bits)) - 1n || n < -(1n << BigInt(bits - 1))) {
    notes.add(`${quoteItem(item)}: the value does not fit the attribute's ${bits}-bit integers, and how Active Directory reads such a value is not documented in the sources this tool uses; the condition is taken as Undefined (no match).`);
    return { test: () => U };
  }
  const mask = BigInt.asUintN(bits, n);
  const and = rule === BIT_AND;
  return {
    test: (e) => {
      const vs = values(e);
      if (!vs) return F;
      for (const v of vs) {
        const m = toBigInt(v);
        if (m === undefined) continue;
        const x = BigInt.asUintN(bits, m) & mask;
        if (and ? x === mask : x !== 0n) return T;
      }
      return F;
    },
  };
}

function syntaxName(syntax: string): string {
  return NO_SUBSTRING_SYNTAXES[syntax] ?? (syntax === 'unicode' ? 'Unicode string' : syntax);
}
