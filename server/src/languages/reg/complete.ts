/**
 * Completion for .reg files: the header, root keys and the key paths the registry catalog knows (segment by
 * segment), the value names the catalog knows under the open key, their data-type prefix, and documented DWORD
 * values. Every request looks only at the line of the cursor (and no further into it than a value name or key path
 * can reach), the key lines back to the key that is open there, and the scan records of the cursor's section: never
 * the whole document, so it answers at once in a 20 MB export.
 */
import { DEFAULT_CONTEXT, ExchangeContext, isExchange2003OrLater, RegistryEntry } from '../../core/catalog';
import { matchesTemplate, normalizeRegistryPath, RegistryCatalogIndex } from '../../core/catalogIndex';
import { registryIndex } from '../../core/catalogLoad';
import { renderRegistryEntry } from '../../core/catalogRender';
import { AnalyzeOptions, CompletionItem } from '../../core/language';
import { lineRange, Position, Range } from '../../core/types';
import type { RegDocument } from './document';
import { Kind } from './lineRecord';
import { HEADER_V4, HEADER_V5 } from './scan';
import { keyContextAt } from './validate';

export function regComplete(doc: RegDocument, position: Position, options: AnalyzeOptions = {}): CompletionItem[] {
  try {
    const registry = options.exchange?.registry ?? registryIndex();
    const context = options.exchange?.context ?? DEFAULT_CONTEXT;
    return completeAt(doc, position, registry, context);
  } catch {
    return [];
  }
}

interface Request {
  doc: RegDocument;
  line: number;
  text: string;
  /** Cursor, clamped to the line. */
  c: number;
  registry: RegistryCatalogIndex;
  context: ExchangeContext;
}

/** The completion itself, without regComplete's guard (exported so that tests see its exceptions). */
export function completeAt(doc: RegDocument, position: Position, registry: RegistryCatalogIndex, context: ExchangeContext): CompletionItem[] {
  const line = position?.line;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line >= doc.lineCount) return [];
  const text = doc.lineText(line);
  const ch = typeof position.character === 'number' && position.character > 0 ? Math.floor(position.character) : 0;
  const c = Math.min(ch, text.length);
  if (line === 0) return headerItems(text, c);
  if (doc.header === 'win31') return [];
  const kind = doc.scan.kind(line);
  // Inside hex data regedit reads the line as more bytes (or discards it): nothing to propose.
  if (kind === Kind.HexContinuation || kind === Kind.ContinuationGap || kind === Kind.Swallowed) return [];
  const req: Request = { doc, line, text, c, registry, context };
  let t = 0;
  while (t < text.length && isBlank(text.charCodeAt(t))) t++;
  if (t >= c) {
    // At the start of the line: value names, but only on an otherwise empty line (never in front of existing text).
    if (t < text.length) return [];
    return valueNameItems(req, lineRange(line, c, text.length), 'full', '');
  }
  const first = text.charCodeAt(t);
  if (first === 0x5b /* [ */) return keyPathItems(req, t);
  if (first === 0x22 /* " */) return quotedLineItems(req, t);
  if (text.length - t <= MAX_NAME_SCAN && BARE_NAME.test(text.slice(t))) return valueNameItems(req, lineRange(line, t, text.length), 'full', '');
  return [];
}

/** A value name typed without its quotes yet (and nothing else on the line). */
const BARE_NAME = /^[^\s=";[\]\\@#][^=";[\]\\]*$/;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

// ---------------------------------------------------------------------------------------------------------------
// Header

function headerItems(text: string, c: number): CompletionItem[] {
  if (c > HEADER_V5.length || text === HEADER_V5 || text === HEADER_V4) return [];
  const typed = text.slice(0, c).toLowerCase();
  const range = lineRange(0, 0, text.length);
  const out: CompletionItem[] = [];
  const add = (label: string, detail: string, documentation: string, sortText: string): void => {
    if (label.toLowerCase().startsWith(typed)) out.push({ label, kind: 'keyword', detail, documentation, insertText: label, range, filterText: label, sortText });
  };
  add(HEADER_V5, 'Registry Editor version 5 file', 'The header of files exported by regedit on Windows 2000, XP and Server 2003. Save the file as UTF-16LE ("Unicode") with a byte order mark.', '0');
  add(HEADER_V4, 'REGEDIT4 file', 'The Windows NT 4.0 / 98 header, still imported by Windows 2000 and Server 2003. The file is read as ANSI text.', '1');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Key lines

const ROOT_KEYS: { name: string; abbreviation: string; about: string }[] = [
  { name: 'HKEY_LOCAL_MACHINE', abbreviation: 'HKLM', about: 'Settings of the computer: services (SYSTEM\\CurrentControlSet\\Services) and software (SOFTWARE). Exchange server settings live here.' },
  { name: 'HKEY_CURRENT_USER', abbreviation: 'HKCU', about: 'Settings of the user who imports the file.' },
  { name: 'HKEY_CLASSES_ROOT', abbreviation: 'HKCR', about: 'File associations and COM registration.' },
  { name: 'HKEY_USERS', abbreviation: 'HKU', about: 'Settings of every user profile loaded on the computer.' },
  { name: 'HKEY_CURRENT_CONFIG', abbreviation: 'HKCC', about: 'The current hardware profile.' },
];

/** Second-level keys of HKEY_LOCAL_MACHINE, spelled the way regedit exports them. */
const HKLM_SUBKEYS: Record<string, string> = { SYSTEM: 'SYSTEM', SOFTWARE: 'SOFTWARE', HARDWARE: 'HARDWARE', SAM: 'SAM', SECURITY: 'SECURITY' };

interface KeyNode {
  /** The segment as written into the file. */
  display: string;
  /** Normalised (upper-case) child segment → node; `<N>` stands for any run of digits. */
  children: Map<string, KeyNode>;
  /** Normalised full path when the catalog knows values directly under this key. */
  path?: string;
}

const trees = new WeakMap<RegistryCatalogIndex, KeyNode>();

/** The catalog's key paths as a tree of segments (built once per catalog index). */
function keyTree(registry: RegistryCatalogIndex): KeyNode {
  let tree = trees.get(registry);
  if (tree) return tree;
  tree = { display: '', children: new Map() };
  for (const key of registry.knownKeys()) {
    const norm = normalizeRegistryPath(key);
    const normSegs = norm.split('\\');
    let raw = key.trim();
    while (raw.endsWith('\\')) raw = raw.slice(0, -1);
    const rawSegs = raw.split('\\');
    if (rawSegs.length !== normSegs.length) continue;
    let node = tree;
    for (let i = 0; i < normSegs.length; i++) {
      const seg = normSegs[i];
      let child = node.children.get(seg);
      if (!child) {
        let display = rawSegs[i];
        if (i === 0) display = seg;
        else if (i === 1 && normSegs[0] === 'HKEY_LOCAL_MACHINE' && HKLM_SUBKEYS[seg]) display = HKLM_SUBKEYS[seg];
        else if (seg === '<N>') display = '<n>';
        child = { display, children: new Map() };
        node.children.set(seg, child);
      }
      node = child;
    }
    node.path = norm;
  }
  trees.set(registry, tree);
  return tree;
}

function keyPathItems(req: Request, t: number): CompletionItem[] {
  const { text, c, line } = req;
  let p = t + 1;
  if (text.charCodeAt(p) === 0x2d /* - */) {
    if (c <= p) return [];
    p++;
  }
  if (c < p) return [];
  // A key path is at most a few hundred characters; a huge line is no key line to complete.
  if (c - p > MAX_NAME_SCAN) return [];
  const typed = text.slice(p, c);
  if (typed.includes(']')) return [];
  // "[ HKEY…" is ignored by regedit: a blank must not follow the bracket.
  if (typed.length > 0 && isBlank(typed.charCodeAt(0))) return [];
  const slash = typed.lastIndexOf('\\');
  const segStart = slash < 0 ? p : p + slash + 1;
  let segEnd = c;
  while (segEnd < text.length && text.charCodeAt(segEnd) !== 0x5c && text.charCodeAt(segEnd) !== 0x5d) {
    // A segment has at most 255 characters.
    if (++segEnd - segStart > 256) return [];
  }
  const range = lineRange(line, segStart, segEnd);
  const closed = text.indexOf(']', segEnd) >= 0;
  if (slash < 0) {
    return ROOT_KEYS.map((r, i) => ({
      label: r.name,
      kind: 'key',
      detail: r.abbreviation,
      documentation: `${r.about}\n\n.reg files need the full root name; the abbreviation ${r.abbreviation} is not understood.`,
      insertText: r.name,
      range,
      filterText: r.name,
      sortText: String(i),
    }));
  }
  let node: KeyNode | undefined = keyTree(req.registry);
  for (const seg of typed.slice(0, slash).split('\\')) {
    const upper = seg.toUpperCase();
    const parent: KeyNode = node;
    node = parent.children.get(upper) ?? (/^[0-9]+$/.test(seg) ? parent.children.get('<N>') : undefined);
    // A segment with <name> (a server name, a store GUID) matches any text in its place.
    node ??= [...parent.children].find(([k]) => k.includes('<NAME>') && matchesTemplate([k], [upper]))?.[1];
    if (!node) return [];
  }
  const out: CompletionItem[] = [];
  for (const [seg, child] of node.children) {
    const leaf = child.children.size === 0;
    const close = leaf && !closed ? ']' : '';
    const item: CompletionItem = {
      label: child.display,
      kind: child.path ? 'key' : 'folder',
      insertText: child.display + close,
      range,
      filterText: child.display,
      sortText: child.display.toLowerCase(),
    };
    if (child.path) {
      // A pattern key (`<N>` for an instance number) is looked up with a sample instance.
      const names = entriesUnder(req.registry, child.path.replace(/<N>/g, '1').replace(/<NAME>/g, 'X')).map((e) => `\`${e.names[0]}\``);
      item.detail = `${names.length} known value${names.length === 1 ? '' : 's'}`;
      item.documentation = `Values the catalog knows under this key: ${names.join(', ')}.`;
    }
    if (seg === '<N>') {
      item.insertText = `\${1:1}${close}`;
      item.isSnippet = true;
      item.detail = `instance number${child.path ? `; ${item.detail}` : ''}`;
      item.documentation = `A virtual server instance: the number of the instance (1 for the first).${item.documentation ? `\n\n${item.documentation}` : ''}`;
      delete item.filterText;
    }
    if (seg.includes('<NAME>') && child.display.includes('<name>')) {
      // A server name or store GUID: a snippet whose placeholder the user types over.
      const [before, after] = child.display.split('<name>', 2);
      item.insertText = `${before}\${1:name}${after}${close}`;
      item.isSnippet = true;
      delete item.filterText;
    }
    out.push(item);
  }
  return out;
}

function entriesUnder(registry: RegistryCatalogIndex, key: string): RegistryEntry[] {
  const values = registry.valuesUnder(key);
  if (!values) return [];
  return [...new Set(values.values())];
}

// ---------------------------------------------------------------------------------------------------------------
// Value lines

/**
 * The longest stretch of a line read as a value name: the registry allows 16,383 characters, each written as at
 * most two. A longer name is no catalog name, and reading no further keeps requests on huge lines cheap.
 */
const MAX_NAME_SCAN = 2 * 16383 + 2;

/** Index of the quote that closes a .reg string whose text starts at `from` (escapes skipped), or -1 before `end`. */
function closingQuote(text: string, from: number, end = text.length): number {
  for (let i = from; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) return i;
    if (ch === 0x5c) i++;
  }
  return -1;
}

/**
 * Reads a quoted value name from after its opening quote: the unescaped text and the index of the closing quote
 * (-1: none on the line); undefined for a name longer than any the registry allows.
 */
function readName(text: string, from: number): { value: string; close: number } | undefined {
  const end = Math.min(text.length, from + MAX_NAME_SCAN);
  const close = closingQuote(text, from, end);
  if (close < 0 && end < text.length) return undefined;
  const raw = text.slice(from, close < 0 ? end : close);
  const value = raw.replace(/\\([^])/g, (_, e: string) => (e === 'n' ? '\n' : e === 'r' ? '\r' : e));
  return { value, close };
}

function escapeReg(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

const TYPE_PREFIX: Record<RegistryEntry['type'], string> = {
  REG_SZ: '"',
  REG_EXPAND_SZ: 'hex(2):',
  REG_MULTI_SZ: 'hex(7):',
  REG_DWORD: 'dword:',
  REG_QWORD: 'hex(b):',
  REG_BINARY: 'hex:',
};

const STATUS_DETAIL: Record<RegistryEntry['status'], string> = {
  current: '',
  deprecated: 'obsolete Exchange 2000 tuning',
  'do-not-modify': 'do not modify',
  discouraged: 'discouraged',
};

const STATUS_RANK: Record<RegistryEntry['status'], number> = { current: 0, discouraged: 1, 'do-not-modify': 2, deprecated: 3 };

/** The data part of a whole entry: the type prefix, and a placeholder (or a choice) where the catalog documents values. */
function dataTemplate(entry: RegistryEntry): { text: string; snippet: boolean } {
  if (entry.type === 'REG_DWORD') {
    const numbers = (entry.allowed ?? []).map((a) => a.value).filter((v): v is number => typeof v === 'number');
    if (numbers.length > 1) return { text: `dword:\${1|${numbers.map(hex8).join(',')}|}`, snippet: true };
    const value = numbers.length === 1 ? numbers[0] : typeof entry.setupValue === 'number' ? entry.setupValue : (entry.max ?? entry.min ?? entry.recommended?.max ?? entry.recommended?.min);
    if (value !== undefined) return { text: `dword:\${1:${hex8(value)}}`, snippet: true };
    return { text: 'dword:', snippet: false };
  }
  if (entry.type === 'REG_SZ') {
    const strings = (entry.allowed ?? []).map((a) => a.value).filter((v): v is string => typeof v === 'string');
    if (strings.length > 1) return { text: `"\${1|${strings.map((s) => escapeSnippet(escapeReg(s)).replace(/[,|]/g, '\\$&')).join(',')}|}"`, snippet: true };
    const value = strings.length === 1 ? strings[0] : typeof entry.setupValue === 'string' ? entry.setupValue : '';
    return { text: value === '' ? '"$1"' : `"\${1:${escapeSnippet(escapeReg(value))}}"`, snippet: true };
  }
  return { text: TYPE_PREFIX[entry.type], snippet: false };
}

function entryDetail(entry: RegistryEntry, obsolete: boolean): string {
  const parts = [entry.unit ? `${entry.type} (${entry.unit})` : entry.type];
  const status = entry.status === 'deprecated' && !obsolete ? '' : STATUS_DETAIL[entry.status];
  if (status) parts.push(status);
  return parts.join(' · ');
}

/**
 * The value names the catalog knows under the key open at the request's line, minus those the section already
 * sets. `full` inserts the whole `"Name"=prefix` over `range`; `name` replaces only the text between the quotes.
 */
function valueNameItems(req: Request, range: Range, mode: 'full' | 'name', filterPrefix: string): CompletionItem[] {
  const { doc, line } = req;
  const sIndex = doc.sectionIndexAt(line);
  if (sIndex === 0) return [];
  const section = doc.sections[sIndex];
  if (section.start === line) return [];
  const key = keyContextAt(doc, sIndex).key;
  if (key === undefined) return [];
  const entries = entriesUnder(req.registry, key);
  if (entries.length === 0) return [];
  // Names the section sets on other lines, read from the line table (cheaper than the section analysis, which
  // also checks every value's data).
  const present = new Set<string>();
  const scan = doc.scan;
  for (let i = section.start + 1, end = section.start + section.length; i < end; i++) {
    if (i === line) continue;
    const kind = scan.kind(i);
    if (kind !== Kind.Value && kind !== Kind.ValueRejected) continue;
    const name = doc.name(i);
    if (name !== null) present.add(name.toLowerCase());
  }
  const obsolete = isExchange2003OrLater(req.context.exchangeVersion);
  const out: CompletionItem[] = [];
  for (const entry of entries) {
    if (entry.names.some((n) => present.has(n.toLowerCase()))) continue;
    const name = entry.names[0];
    const deprecated = entry.status === 'deprecated' && obsolete;
    const rank = entry.status === 'deprecated' && !obsolete ? 0 : STATUS_RANK[entry.status];
    const item: CompletionItem = {
      label: name,
      kind: 'value',
      detail: entryDetail(entry, obsolete),
      documentation: renderRegistryEntry(entry),
      range,
      filterText: filterPrefix + name,
      sortText: `${rank}${name.toLowerCase()}`,
    };
    if (mode === 'name') {
      item.insertText = escapeReg(name);
    } else {
      const data = dataTemplate(entry);
      if (data.snippet) {
        item.insertText = `${escapeSnippet(`"${escapeReg(name)}"=`)}${data.text}`;
        item.isSnippet = true;
      } else {
        item.insertText = `"${escapeReg(name)}"=${data.text}`;
      }
    }
    if (deprecated) item.deprecated = true;
    out.push(item);
  }
  return out;
}

/** A line that starts with a quote: the name being typed, or what follows `"Name"`. */
function quotedLineItems(req: Request, t: number): CompletionItem[] {
  const { text, c, line } = req;
  const quoted = readName(text, t + 1);
  if (!quoted) return [];
  const { value: name, close: q } = quoted;
  if (q < 0 || q >= c) {
    // The cursor is inside the name.
    if (q < 0 || text.slice(q + 1).trim() === '') return valueNameItems(req, lineRange(line, t, text.length), 'full', '"');
    return valueNameItems(req, lineRange(line, t + 1, q), 'name', '');
  }
  const sIndex = req.doc.sectionIndexAt(line);
  const key = sIndex > 0 && req.doc.sections[sIndex].start !== line ? keyContextAt(req.doc, sIndex).key : undefined;
  const entry = key !== undefined ? req.registry.lookup(key, name) : undefined;
  // Read up to the cursor by index (the data may be megabytes long): blanks, "=", blanks, then the data.
  let i = q + 1;
  while (i < c && isBlank(text.charCodeAt(i))) i++;
  if (i === c) {
    if (text.slice(c).trim() !== '') return [];
    return typePrefixItems(entry, lineRange(line, c, text.length), '=');
  }
  if (text.charCodeAt(i) !== 0x3d /* = */) return [];
  i++;
  while (i < c && isBlank(text.charCodeAt(i))) i++;
  const dataStart = i;
  const typed = c - dataStart;
  if (typed >= 6 && text.startsWith('dword:', dataStart)) {
    if (typed > 6 + 8 || !/^[0-9a-fA-F]*$/.test(text.slice(dataStart + 6, c))) return [];
    let end = c;
    // At most 8 digits make a dword: look no further than a few past the cursor.
    while (end < text.length && end < c + 16 && /[0-9a-fA-F]/.test(text[end])) end++;
    return entry ? dwordItems(entry, lineRange(line, dataStart + 6, end)) : [];
  }
  if (typed > 0 && text.charCodeAt(dataStart) === 0x22 /* " */) {
    if (!entry || !entry.allowed?.some((a) => typeof a.value === 'string') || typed > MAX_NAME_SCAN) return [];
    if (closingQuote(text, dataStart + 1, c) >= 0) return [];
    const close = closingQuote(text, c, Math.min(text.length, c + MAX_NAME_SCAN));
    return stringItems(entry, lineRange(line, dataStart, close < 0 ? text.length : close + 1));
  }
  if (typed <= 16 && /^[a-z0-9()]*$/i.test(text.slice(dataStart, c))) {
    let end = c;
    while (end < text.length && end < c + 16 && /[a-zA-Z0-9():]/.test(text[end])) end++;
    return typePrefixItems(entry, lineRange(line, dataStart, end), '');
  }
  return [];
}

const GENERIC_PREFIXES: { prefix: string; type: string; about: string }[] = [
  { prefix: '"', type: 'REG_SZ', about: 'A string in double quotes; write backslashes as \\\\ and quotes as \\".' },
  { prefix: 'dword:', type: 'REG_DWORD', about: 'A 32-bit number: 1 to 8 hexadecimal digits, without 0x (dword:0000000a is 10).' },
  { prefix: 'hex:', type: 'REG_BINARY', about: 'Binary data: comma-separated hexadecimal bytes.' },
  { prefix: 'hex(2):', type: 'REG_EXPAND_SZ', about: 'An expandable string (%SystemRoot% and the like), as hexadecimal bytes.' },
  { prefix: 'hex(7):', type: 'REG_MULTI_SZ', about: 'A list of strings, as hexadecimal bytes, each string ending with a NUL character and the list with another one.' },
  { prefix: 'hex(b):', type: 'REG_QWORD', about: 'A 64-bit number, as 8 little-endian hexadecimal bytes.' },
];

/** After `"Name"` or `"Name"=`: the entry's type prefix (every prefix for a value the catalog does not know), and the deletion `-`. */
function typePrefixItems(entry: RegistryEntry | undefined, range: Range, lead: string): CompletionItem[] {
  const out: CompletionItem[] = [];
  const list = entry ? GENERIC_PREFIXES.filter((g) => g.type === entry.type) : GENERIC_PREFIXES;
  list.forEach((g, i) => {
    const item: CompletionItem = {
      label: g.prefix,
      kind: 'keyword',
      detail: g.type,
      documentation: entry ? renderRegistryEntry(entry) : g.about,
      insertText: lead + g.prefix,
      range,
      filterText: lead + g.prefix,
      sortText: String(i),
    };
    if (g.type === 'REG_SZ') {
      // The closing quote as well, with the cursor between the two.
      item.insertText = `${lead}"$1"`;
      item.isSnippet = true;
    }
    out.push(item);
  });
  out.push({
    label: '-',
    kind: 'keyword',
    detail: 'delete the value',
    documentation: 'Importing the file deletes this value from the key.',
    insertText: `${lead}-`,
    range,
    filterText: `${lead}-`,
    sortText: '9',
  });
  return out;
}

/** After `dword:`: the documented values, the named bits of a mask, and the value Setup writes. */
function dwordItems(entry: RegistryEntry, range: Range): CompletionItem[] {
  if (entry.type !== 'REG_DWORD') return [];
  const out: CompletionItem[] = [];
  const seen = new Set<number>();
  const add = (value: number, detail: string, documentation: string): void => {
    const v = value >>> 0;
    if (seen.has(v)) return;
    seen.add(v);
    const label = hex8(v);
    out.push({ label, kind: 'enum', detail, documentation, insertText: label, range, filterText: label, sortText: String(out.length).padStart(4, '0') });
  };
  for (const a of entry.allowed ?? []) {
    if (typeof a.value !== 'number') continue;
    const discouraged = entry.discouragedValues?.find((d) => d.value === a.value);
    add(a.value, a.meaning, `${a.value} (0x${hex8(a.value)}): ${a.meaning}${discouraged ? `\n\n**Discouraged:** ${discouraged.reason}` : ''}`);
  }
  for (const b of entry.bits ?? []) {
    add(b.mask, b.name, `Bit mask 0x${hex8(b.mask)}: ${b.name}. Add the masks of the features to allow (for example 0x00000001 + 0x00000002 = 0x00000003).`);
  }
  if (typeof entry.setupValue === 'number') add(entry.setupValue, 'the value Setup writes', `${entry.setupValue} (0x${hex8(entry.setupValue)}): the value Setup writes; keep it.`);
  return out;
}

/** After `="`: the documented strings. */
function stringItems(entry: RegistryEntry, range: Range): CompletionItem[] {
  const strings = (entry.allowed ?? []).filter((a): a is { value: string; meaning: string } => typeof a.value === 'string');
  if (entry.type !== 'REG_SZ' || strings.length === 0) return [];
  return strings.map((a, i) => ({
    label: a.value,
    kind: 'enum',
    detail: a.meaning,
    insertText: `"${escapeReg(a.value)}"`,
    range,
    filterText: `"${a.value}"`,
    sortText: String(i).padStart(4, '0'),
  }));
}
