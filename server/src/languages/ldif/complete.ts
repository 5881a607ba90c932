/**
 * Completion for LDIF exports (ldifde, RFC 2849). At the start of a line, what may stand there in the record above the
 * cursor: `version: 1` and `dn:` where a record starts, `changetype:` right after dn:, attribute names (the recipient
 * attribute catalog and the Exchange attributes this language checks), `add:`/`delete:`/`replace:` in a
 * `changetype: modify` record and, inside such a block, its attribute and the `-` that ends it; `newrdn:`,
 * `deleteoldrdn:` and `newsuperior:` in a modrdn record. After `changetype:` the change types, after
 * `add:`/`delete:`/`replace:` attribute names, and inside a plain-text `msExchDynamicDLFilter` value the LDAP filter
 * language's own completion, at the mapped position (also on folded lines, where the word being typed is on the
 * cursor's physical line). Nothing is proposed inside DNs, base64 or URL values, or comments. Only the cursor's
 * logical line and the record lines above it are read.
 */
import { AnalyzeOptions, CompletionItem } from '../../core/language';
import { lineRange, Position, Range } from '../../core/types';
import { ATTRIBUTES as CATALOG, attributeSummary, renderAttribute } from '../ldapfilter/attributes';
import { ldapfilterLanguage } from '../ldapfilter';
import { ATTRIBUTES as MEANINGS } from './hover';
import { logicalAt, offsetIn } from './locate';
import { CHANGETYPES, LdifDocument, LdifRecord, LogicalLine, ModBlock, Segment } from './parse';

export function ldifComplete(doc: LdifDocument, position: Position, options: AnalyzeOptions = {}): CompletionItem[] {
  try {
    return completeAt(doc, position, options);
  } catch {
    return [];
  }
}

/** The Exchange attributes this language checks that the recipient attribute catalog does not hold. */
const EXCHANGE_ATTRIBUTES: readonly { name: string; detail: string }[] = [
  { name: 'msExchESEParamLogBuffers', detail: 'storage group: ESE log buffers (never above 9000)' },
  { name: 'msExchESEParamMaxOpenTables', detail: 'storage group: ESE open tables (do not set on Exchange 2003)' },
  { name: 'msExchESEParamCacheSizeMax', detail: 'server: ESE cache maximum, 4 KB pages (at least 147456)' },
  { name: 'msExchESEParamCacheSizeMin', detail: 'server: ESE cache minimum, 4 KB pages (derived from memory)' },
  { name: 'msExchInterOrgAddressType', detail: 'connection agreement: address types (SMTP,X500)' },
  { name: 'msExchMailboxFolderSet', detail: 'user: Outlook Web Access feature bits' },
  { name: 'msExchPreferredBackfillSource', detail: 'public store: preferred backfill server' },
  { name: 'protocolSettings', detail: 'user: per-protocol access (MAPI§<0|1>§<0|1>§§§§§§)' },
];

const CHANGETYPE_DOCS: Readonly<Record<string, string>> = {
  add: 'Creates the object with the attributes that follow (what ldifde -f exports).',
  delete: 'Deletes the object; nothing follows in the record.',
  modify: 'Changes attributes of an existing object in `add:`, `delete:` and `replace:` blocks, each ended by `-`.',
  modrdn: 'Renames or moves the object: `newrdn:`, `deleteoldrdn:` and optionally `newsuperior:` follow.',
  moddn: 'Same as modrdn: renames or moves the object.',
};

const MOD_OP_DOCS: readonly { op: string; doc: string }[] = [
  { op: 'replace', doc: 'Replaces every value of the attribute with the values that follow; with no values it clears the attribute. End the block with `-`.' },
  { op: 'add', doc: 'Adds the values that follow to the attribute. End the block with `-`.' },
  { op: 'delete', doc: 'Deletes the values that follow from the attribute, or with no values clears it (`<Not Set>`). End the block with `-`.' },
];

const MODRDN_KEYWORDS: readonly { name: string; doc: string }[] = [
  { name: 'newrdn', doc: 'The new relative distinguished name, such as `CN=Paris Office`.' },
  { name: 'deleteoldrdn', doc: '1 removes the old RDN value from the object, 0 keeps it as an additional value.' },
  { name: 'newsuperior', doc: 'The DN of the container the object moves to (optional).' },
];

/** Characters of an attribute name (options after ";" are left alone) and of a keyword value. */
const NAME_CHAR = /[A-Za-z0-9-]/;
const MOD_OPS = new Set(['add', 'delete', 'replace', 'increment']);

type State =
  | { kind: 'start'; version: boolean }
  | { kind: 'after-dn' }
  | { kind: 'content' }
  | { kind: 'modify'; block?: ModBlock }
  | { kind: 'modrdn'; present: Set<string> }
  | { kind: 'delete' };

/** The completion itself, without ldifComplete's guard (exported so that tests see its exceptions). */
export function completeAt(doc: LdifDocument, position: Position, options: AnalyzeOptions = {}): CompletionItem[] {
  const line = position?.line;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line >= doc.lines.length) return [];
  const text = doc.lines[line];
  const at = logicalAt(doc, line);
  if (!at) {
    // A blank line: what may follow the record above (or start a new one).
    if (text.trim() !== '') return [];
    const c = clampChar(position.character, text.length);
    const typed = text.slice(0, c);
    const items = lineStartItems(stateBefore(doc, recordAbove(doc, line), line), lineRange(line, 0, text.length), false);
    if (typed !== '') for (const i of items) i.filterText = typed + (i.filterText ?? i.label);
    return items;
  }
  if (at.comment) return [];
  const where = offsetIn(at.ll, position, text.length);
  if (!where) return [];
  const { seg, offset: o } = where;
  const t = at.ll.text;
  const colon = t.indexOf(':');
  if (colon < 0 || o <= colon) {
    // The name part: only on the logical line's first physical line, with nothing but a name before the cursor.
    if (seg.offset !== 0 || !/^[A-Za-z0-9-]*$/.test(t.slice(0, o))) return [];
    let end = o;
    while (end < seg.length && NAME_CHAR.test(t[end])) end++;
    const state = at.version ? stateBefore(doc, undefined, at.ll.firstLine) : stateBefore(doc, at.rec, at.ll.firstLine);
    return lineStartItems(state, lineRange(seg.line, seg.char, seg.char + end), colon >= 0);
  }
  if (at.version || !at.rec) return [];
  return valueItems(at.rec, at.ll, seg, o, colon, options);
}

function clampChar(character: unknown, length: number): number {
  const c = typeof character === 'number' && Number.isFinite(character) ? Math.floor(character) : 0;
  return Math.max(0, Math.min(c, length));
}

/** The record a blank line would continue: the one ending right above it (comments in between are skipped). */
function recordAbove(doc: LdifDocument, line: number): LdifRecord | undefined {
  let k = line - 1;
  while (k >= 0) {
    const at = logicalAt(doc, k);
    if (!at || at.version) return undefined;
    if (!at.comment) return at.rec;
    k = at.ll.firstLine - 1;
  }
  return undefined;
}

/** What the record's lines above `line` allow on a new line. */
function stateBefore(doc: LdifDocument, rec: LdifRecord | undefined, line: number): State {
  const before = rec ? rec.lines.filter((ll) => ll.firstLine < line) : [];
  if (before.length === 0) return { kind: 'start', version: !doc.version && (doc.records.length === 0 || doc.records[0].firstLine >= line) };
  if (!rec || !rec.dn) return { kind: 'content' };
  const ct = rec.changetypeLine;
  if (!ct || ct.ll.firstLine >= line) return before.length === 1 ? { kind: 'after-dn' } : { kind: 'content' };
  switch (rec.changetype) {
    case 'modify': {
      let block: ModBlock | undefined;
      for (const b of rec.blocks) if (b.opLine.ll.firstLine < line) block = b;
      if (block && block.dash && block.dash.firstLine < line) block = undefined;
      return { kind: 'modify', block };
    }
    case 'delete':
      return { kind: 'delete' };
    case 'modrdn':
    case 'moddn':
      return { kind: 'modrdn', present: new Set(rec.attrs.filter((a) => a.ll.firstLine < line).map((a) => a.key)) };
    default:
      return { kind: 'content' };
  }
}

/** A keyword or attribute name at the start of a line: "name: " where the line has no colon yet, else the bare name. */
function nameItem(label: string, kind: CompletionItem['kind'], range: Range, hasColon: boolean, sortText: string, detail?: string, documentation?: string): CompletionItem {
  const item: CompletionItem = { label, kind, range, sortText, insertText: hasColon ? label : `${label}: ` };
  if (detail) item.detail = detail;
  if (documentation) item.documentation = documentation;
  return item;
}

function lineStartItems(state: State, range: Range, hasColon: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  switch (state.kind) {
    case 'start':
      if (state.version) out.push({ ...nameItem('version', 'keyword', range, hasColon, '0version', 'LDIF version', 'The LDIF version line, `version: 1`; ldifde writes it optionally as the first line of the file.'), insertText: hasColon ? 'version' : 'version: 1' });
      out.push(nameItem('dn', 'keyword', range, hasColon, '0dn', 'starts a record: the object\'s distinguished name', MEANINGS.dn));
      return out;
    case 'after-dn': {
      const item = nameItem('changetype', 'keyword', range, hasColon, '0changetype', 'add, delete, modify, modrdn or moddn', MEANINGS.changetype);
      if (!hasColon) {
        item.insertText = `changetype: \${1|${['modify', 'add', 'delete', 'modrdn', 'moddn'].join(',')}|}`;
        item.isSnippet = true;
      }
      out.push(item);
      out.push(...attributeItems(range, hasColon));
      return out;
    }
    case 'content':
      return attributeItems(range, hasColon);
    case 'modify': {
      const b = state.block;
      if (!b) {
        MOD_OP_DOCS.forEach((m, i) => out.push(nameItem(m.op, 'keyword', range, hasColon, `0${i}`, `${m.op}: <attribute> … -`, m.doc)));
        return out;
      }
      const name = (b.opLine.value ?? b.opLine.raw).trim();
      if (name !== '') out.push(nameItem(name, 'key', range, hasColon, b.op === 'delete' ? '1' : '0', `a value for the ${b.op}: block`, attributeDoc(name)));
      if (!hasColon) out.push({ label: '-', kind: 'keyword', range, insertText: '-', sortText: b.op === 'delete' ? '0' : '1', detail: `ends the ${b.op}: ${name} block`, documentation: 'A line holding only `-` ends an `add:`, `delete:` or `replace:` block of a `changetype: modify` record.' });
      return out;
    }
    case 'modrdn':
      MODRDN_KEYWORDS.forEach((k, i) => {
        if (!state.present.has(k.name)) out.push(nameItem(k.name, 'keyword', range, hasColon, `0${i}`, 'modrdn', k.doc));
      });
      return out;
    case 'delete':
      return out;
  }
}

function attributeDoc(name: string): string | undefined {
  const key = name.split(';')[0].toLowerCase();
  const a = CATALOG.find((x) => x.name.toLowerCase() === key);
  if (a) return renderAttribute(a, false);
  const meaning = MEANINGS[key];
  return meaning ? `**${name}**\n\n${meaning}` : undefined;
}

/** Every attribute name: the recipient attribute catalog (without those later than Exchange 2003) and the Exchange attributes checked here. */
function attributeItems(range: Range, hasColon: boolean, leadingSpace = false): CompletionItem[] {
  const out: CompletionItem[] = [];
  const add = (name: string, detail: string, documentation: string): void => {
    const item = nameItem(name, 'key', range, hasColon, `1${name.toLowerCase()}`, detail, documentation);
    if (leadingSpace) {
      item.insertText = ` ${name}`;
      item.filterText = name;
    }
    out.push(item);
  };
  for (const a of CATALOG) {
    if (a.exchange2003 === false) continue;
    add(a.name, attributeSummary(a), renderAttribute(a, false));
  }
  for (const e of EXCHANGE_ATTRIBUTES) add(e.name, e.detail, `**${e.name}**\n\n${MEANINGS[e.name.toLowerCase()] ?? ''}`);
  return out;
}

/** Completion after the colon of an attribute line. */
function valueItems(rec: LdifRecord, ll: LogicalLine, seg: Segment, o: number, colon: number, options: AnalyzeOptions): CompletionItem[] {
  const t = ll.text;
  if (t[colon + 1] === ':' || t[colon + 1] === '<') return []; // base64 or URL value
  const key = t.slice(0, colon).split(';')[0].toLowerCase();
  let rawStart = colon + 1;
  while (t[rawStart] === ' ') rawStart++;
  /** Logical offsets on the cursor's physical line to a range there (undefined when they leave it). */
  const physical = (s: number, e: number): Range | undefined => {
    if (s < seg.offset || e > seg.offset + seg.length || e < s) return undefined;
    return lineRange(seg.line, seg.char + s - seg.offset, seg.char + e - seg.offset);
  };
  if (key === 'msexchdynamicdlfilter') return filterItems(t, o, colon, rawStart, physical, options);
  const isOp = MOD_OPS.has(key) && rec.changetype === 'modify' && rec.changetypeLine !== undefined && rec.changetypeLine.ll.firstLine < ll.firstLine;
  if (key !== 'changetype' && !isOp) return [];
  if (o < rawStart && rawStart < t.length) return []; // in the blanks before a value
  // One word after the colon: the change type, or the attribute of a modify block.
  let ws = o;
  while (ws > colon + 1 && NAME_CHAR.test(t[ws - 1])) ws--;
  let we = o;
  while (we < t.length && NAME_CHAR.test(t[we])) we++;
  if (t.slice(colon + 1, ws).trim() !== '') return [];
  const range = physical(ws, we);
  if (!range) return [];
  const leadingSpace = ws === colon + 1;
  if (isOp) return attributeItems(range, true, leadingSpace);
  return CHANGETYPES.map((ct, i) => {
    const item: CompletionItem = { label: ct, kind: 'enum', range, detail: 'change type', documentation: CHANGETYPE_DOCS[ct], sortText: `${i}` };
    if (leadingSpace) {
      item.insertText = ` ${ct}`;
      item.filterText = ct;
    }
    return item;
  });
}

/** The LDAP filter language's completion inside a plain-text msExchDynamicDLFilter value, mapped back into the LDIF text. */
function filterItems(t: string, o: number, colon: number, rawStart: number, physical: (s: number, e: number) => Range | undefined, options: AnalyzeOptions): CompletionItem[] {
  const raw = t.slice(rawStart);
  if (o < rawStart && raw !== '') return []; // in the blanks before the filter
  const base = raw === '' ? o : rawStart;
  const fdoc = ldapfilterLanguage.parse(raw);
  const inner = ldapfilterLanguage.complete?.(fdoc, { line: 0, character: o - base }, options) ?? [];
  const out: CompletionItem[] = [];
  for (const item of inner) {
    const r = item.range ?? { start: { line: 0, character: o - base }, end: { line: 0, character: o - base } };
    if (r.start.line !== 0 || r.end.line !== 0) continue;
    const s = base + r.start.character;
    const range = physical(s, base + r.end.character);
    if (!range) continue; // the word being typed starts on the line before the fold
    const mapped: CompletionItem = { ...item, range };
    if (s === colon + 1) {
      mapped.insertText = ` ${item.insertText ?? item.label}`;
      mapped.filterText = item.filterText ?? item.label;
    }
    out.push(mapped);
  }
  return out;
}
