/**
 * The LDIF parser (RFC 2849, as ldifde writes and reads it). Physical lines are joined into logical lines (a line that
 * starts with one space continues the previous one); every logical line keeps the physical segments it is made of, so
 * an offset into a logical value maps back to the exact physical line and UTF-16 column. It never throws: problems are
 * recorded with their ranges and turned into diagnostics by validate.ts.
 */
import { splitLines } from '../../core/text';
import { Position, Range } from '../../core/types';

/** One physical piece of a logical line: logical offsets [offset, offset + length) are at (line, char...). */
export interface Segment {
  line: number;
  char: number;
  offset: number;
  length: number;
}

export interface LogicalLine {
  text: string;
  segments: Segment[];
  firstLine: number;
  lastLine: number;
  comment: boolean;
}

export type ValueKind = 'text' | 'base64' | 'url';

export interface AttrLine {
  ll: LogicalLine;
  /** The attribute description as written (options included). */
  name: string;
  /** Lower-case name without options. */
  key: string;
  nameStart: number;
  nameEnd: number;
  kind: ValueKind;
  /** The value as written (base64 text for base64 values), logical offsets rawStart..rawEnd. */
  raw: string;
  rawStart: number;
  rawEnd: number;
  /** The value: decoded for base64 (undefined when the base64 is invalid). */
  value?: string;
}

export interface ModBlock {
  /** add, delete, replace or increment (lower case). */
  op: string;
  opLine: AttrLine;
  /** Lower-case attribute the block changes. */
  key: string;
  values: AttrLine[];
  dash?: LogicalLine;
}

export interface LdifRecord {
  lines: LogicalLine[];
  dn?: AttrLine;
  changetype?: string;
  changetypeLine?: AttrLine;
  /** Attribute lines of a content or add record (and of modrdn records). */
  attrs: AttrLine[];
  blocks: ModBlock[];
  firstLine: number;
  lastLine: number;
}

export interface Problem {
  code: string;
  range: Range;
  message: string;
}

const ATTR_NAME = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)(?:;[A-Za-z0-9-]+)*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
export const CHANGETYPES = ['add', 'delete', 'modify', 'modrdn', 'moddn'];
/**
 * ldifde's change types for schema updates (Microsoft's "LDIF Scripts", NTDS-specific LDIF changetypes; Adprep's
 * Sch*.ldf files use them): each is read as the RFC 2849 change type it corresponds to.
 */
const NTDS_CHANGETYPES: Readonly<Record<string, string>> = { ntdsschemaadd: 'add', ntdsschemamodify: 'modify', ntdsschemadelete: 'delete', ntdsschemamodrdn: 'modrdn' };
const MOD_OPS = ['add', 'delete', 'replace', 'increment'];

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true }); // keeps a byte order mark, as Buffer did

/** The bytes of a base64 value (no Node Buffer: the server also runs in a browser worker). */
export function base64Bytes(raw: string): Uint8Array | undefined {
  if (!BASE64.test(raw) || raw.length % 4 !== 0) return undefined;
  const bin = atob(raw);
  const bytes = new Uint8Array(bin.length);
  // Stryker disable next-line EqualityOperator: with <= the extra write lands at bytes[bin.length], which a typed array ignores
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function decodeBase64(raw: string): string | undefined {
  const bytes = base64Bytes(raw);
  return bytes && utf8.decode(bytes);
}

export function isAttrName(s: string): boolean {
  return ATTR_NAME.test(s);
}

export class LdifDocument {
  readonly lines: string[];
  readonly eols: string[];
  readonly records: LdifRecord[] = [];
  readonly comments: LogicalLine[] = [];
  readonly problems: Problem[] = [];
  version?: AttrLine;

  private constructor(readonly text: string) {
    const { lines, eols } = splitLines(text);
    this.lines = lines;
    this.eols = eols;
  }

  static parse(text: string): LdifDocument {
    const doc = new LdifDocument(typeof text === 'string' ? text : '');
    doc.run();
    return doc;
  }

  eol(): string {
    return this.eols.find((e) => e !== '') ?? '\r\n';
  }

  /**
   * The physical position of a logical offset; at a fold, `preferNext` puts it at the start of the next segment. The
   * end of the last segment (the end of the logical line) is after the loop.
   */
  // Stryker disable next-line BooleanLiteral: every caller (range) passes preferNext
  position(ll: LogicalLine, offset: number, preferNext = true): Position {
    const segs = ll.segments;
    const o = Math.max(0, Math.min(offset, ll.text.length));
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      const end = s.offset + s.length;
      if (o < end || (o === end && !preferNext)) return { line: s.line, character: s.char + (o - s.offset) };
    }
    const last = segs[segs.length - 1];
    return { line: last.line, character: last.char + last.length };
  }

  range(ll: LogicalLine, start: number, end: number): Range {
    const s = this.position(ll, start, true);
    const e = end <= start ? s : this.position(ll, end, false);
    return { start: s, end: e };
  }

  /** The whole value of an attribute line (for base64 values: what diagnostics inside it point at). */
  valueRange(a: AttrLine): Range {
    return this.range(a.ll, a.rawStart, a.rawEnd);
  }

  lineRange(ll: LogicalLine): Range {
    const last = ll.segments[ll.segments.length - 1];
    return { start: { line: ll.firstLine, character: 0 }, end: { line: last.line, character: last.char + last.length } };
  }

  private problem(code: string, range: Range, message: string): void {
    this.problems.push({ code, range, message });
  }

  private run(): void {
    // 1. Logical lines, grouped into records by blank lines.
    const groups: LogicalLine[][] = [];
    let current: LogicalLine[] = [];
    let last: LogicalLine | undefined;
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (line.startsWith(' ') && line.trim() === '' && (current.length || last)) {
        // Only blanks: RFC 2849 reads it as a continuation that adds nothing, but it stands where the author meant the
        // blank line that ends a record (documents published on the web turn blank lines into " "). Read it as that
        // blank line, and say what RFC 2849 readers make of it.
        this.problem('ldif.blank-line-with-spaces', { start: { line: i, character: 0 }, end: { line: i, character: line.length } }, `This line holds only spaces. RFC 2849 reads a line starting with a space as a continuation of the line above, not as the empty line that ends a record. Make the line empty.`);
        if (current.length) groups.push(current);
        current = [];
        last = undefined;
        continue;
      }
      if (line.startsWith(' ') && last) {
        const seg: Segment = { line: i, char: 1, offset: last.text.length, length: line.length - 1 };
        last.segments.push(seg);
        last.text += line.slice(1);
        last.lastLine = i;
        continue;
      }
      if (line.trim() === '') {
        if (current.length) groups.push(current);
        current = [];
        last = undefined;
        continue;
      }
      const ll: LogicalLine = { text: line, segments: [{ line: i, char: 0, offset: 0, length: line.length }], firstLine: i, lastLine: i, comment: line.startsWith('#') };
      last = ll;
      if (ll.comment) this.comments.push(ll);
      else current.push(ll);
    }
    if (current.length) groups.push(current);
    // 2. Records.
    for (let g = 0; g < groups.length; g++) {
      const lines = groups[g];
      const first = this.attrLine(lines[0]);
      if (g === 0 && first && first.key === 'version' && !this.version) {
        this.version = first;
        lines.shift();
        if (lines.length === 0) continue;
      }
      this.record(lines);
    }
  }

  /** Splits a logical line at its colon (undefined when it has none). */
  private attrLine(ll: LogicalLine): AttrLine | undefined {
    const t = ll.text;
    const colon = t.indexOf(':');
    if (colon < 0) return undefined;
    const name = t.slice(0, colon);
    let p = colon + 1;
    let kind: ValueKind = 'text';
    if (t[p] === ':') {
      kind = 'base64';
      p++;
    } else if (t[p] === '<') {
      kind = 'url';
      p++;
    }
    while (t[p] === ' ') p++;
    const raw = t.slice(p);
    const a: AttrLine = { ll, name, key: name.split(';')[0].toLowerCase(), nameStart: 0, nameEnd: colon, kind, raw, rawStart: p, rawEnd: t.length };
    if (kind === 'text') a.value = raw;
    else if (kind === 'base64') a.value = decodeBase64(raw.trimEnd());
    return a;
  }

  /** The attribute line of a logical line, with its syntax problems reported. */
  private checked(ll: LogicalLine): AttrLine | undefined {
    const a = this.attrLine(ll);
    if (!a) {
      this.problem('ldif.missing-colon', this.lineRange(ll), `This line has no colon, so it is not an attribute line ("name: value"). Write it as "attribute: value", start it with one space if it continues the previous line, or with # if it is a comment.`);
      return undefined;
    }
    if (!ATTR_NAME.test(a.name)) {
      this.problem('ldif.invalid-attribute-name', this.range(ll, 0, Math.max(a.nameEnd, 1)), `"${a.name}" is not an attribute name: use a letter followed by letters, digits and hyphens (or a numeric OID), with no blanks before the colon. Correct the name.`);
    }
    if (a.kind === 'base64' && a.value === undefined) {
      this.problem('ldif.invalid-base64', this.valueRange(a), `The value after "::" is not valid base64 (only A-Z, a-z, 0-9, +, / and = padding, in groups of 4 characters). Correct the encoding, or write the value after a single colon if it is plain text.`);
    }
    return a;
  }

  private record(lines: LogicalLine[]): void {
    const rec: LdifRecord = { lines, attrs: [], blocks: [], firstLine: lines[0].firstLine, lastLine: lines[lines.length - 1].lastLine };
    this.records.push(rec);
    let i = 0;
    const first = this.checked(lines[0]);
    if (first && first.key === 'dn') {
      rec.dn = first;
      i = 1;
    } else {
      this.problem('ldif.missing-dn', this.lineRange(lines[0]), `This record does not start with a dn: line, so nothing says which object it describes. Add "dn: <distinguished name>" as its first line (records are separated by blank lines).`);
      if (!first) i = 1;
    }
    let modify = false;
    let block: ModBlock | undefined;
    const closeBlock = (b: ModBlock) => {
      this.problem('ldif.unterminated-modify-block', this.range(b.opLine.ll, 0, b.opLine.ll.text.length), `The "${b.opLine.name}: ${b.opLine.raw}" block is not ended by a line holding only "-", which RFC 2849 requires after each add:, delete: or replace: block. Add a "-" line after the block's values.`);
    };
    for (; i < lines.length; i++) {
      const ll = lines[i];
      if (modify && ll.text.trimEnd() === '-') {
        if (block) {
          block.dash = ll;
          block = undefined;
        } else this.problem('ldif.invalid-modify-line', this.lineRange(ll), `This "-" ends no add:, delete: or replace: block. Remove it, or put "replace: <attribute>" before the values it should end.`);
        continue;
      }
      const a = this.checked(ll);
      if (!a) continue;
      if (a.key === 'changetype') {
        // Stryker disable next-line StringLiteral: a value that is undefined (invalid base64, a URL) is no change type whatever text stands for it
        const written = (a.value ?? '').trim().toLowerCase();
        const ct = NTDS_CHANGETYPES[written] ?? written;
        // Line 1 comes once per record, so a second changetype: is never there.
        if (i !== 1 || !rec.dn) {
          this.problem('ldif.invalid-changetype', this.lineRange(ll), `changetype: must be the line right after dn:, once per record. Move it there, or remove it.`);
          continue;
        }
        rec.changetypeLine = a;
        rec.changetype = ct;
        if (!CHANGETYPES.includes(ct)) {
          this.problem('ldif.invalid-changetype', this.valueRange(a), `"${a.raw}" is not a change type. Use add, delete, modify, modrdn or moddn.`);
          modify = false;
        } else modify = ct === 'modify';
        continue;
      }
      if (!modify) {
        rec.attrs.push(a);
        continue;
      }
      const isOp = MOD_OPS.includes(a.key);
      if (block && isOp && a.value !== undefined && a.value.trim().toLowerCase() !== block.key) {
        closeBlock(block);
        block = undefined;
      }
      if (!block) {
        if (!isOp) {
          this.problem('ldif.invalid-modify-line', this.lineRange(ll), `In a changetype: modify record every value belongs to a block that starts with "add:", "delete:" or "replace: <attribute>" and ends with "-". Put "replace: ${a.name}" before this line and "-" after it.`);
          continue;
        }
        const key = (a.value ?? '').trim();
        if (!ATTR_NAME.test(key)) this.problem('ldif.invalid-attribute-name', this.valueRange(a), `"${key}" after "${a.name}:" is not an attribute name. Write the attribute the block changes, for example "replace: description".`);
        block = { op: a.key, opLine: a, key: key.split(';')[0].toLowerCase(), values: [] };
        rec.blocks.push(block);
        continue;
      }
      if (a.key !== block.key) {
        this.problem('ldif.invalid-modify-line', this.range(ll, 0, a.nameEnd), `"${a.name}" is not the attribute of the "${block.opLine.name}: ${block.opLine.raw}" block it stands in. End the block with "-" and start a new one for ${a.name}, or correct the name.`);
        continue;
      }
      block.values.push(a);
    }
    if (block) closeBlock(block);
  }
}
