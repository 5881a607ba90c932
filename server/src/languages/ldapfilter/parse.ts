/**
 * The LDAP filter parser (RFC 2254/4515 as Active Directory reads it): one pass over the text with an explicit stack,
 * linear in the length of the file and never recursive, so 10,000 nested parentheses or a megabyte of `*` cost no
 * stack. Lines whose first non-blank character is `#` are comments; line breaks and blanks between components are
 * ignored. It never throws: every problem is recorded with its offsets and turned into a diagnostic by validate.ts.
 */
import { splitLines } from '../../core/text';
import { Position } from '../../core/types';

export type CompositeKind = 'and' | 'or' | 'not' | 'group';

export interface Composite {
  kind: CompositeKind;
  /** Offset of "(". */
  open: number;
  /** Offset of &, | or ! (-1 for a group: "((" that opens nothing). */
  op: number;
  /** Offset of ")", or -1 when it is missing. */
  close: number;
  children: FilterNode[];
  parent?: Composite;
}

export type ItemType = 'present' | 'equality' | 'substring' | 'approx' | 'ge' | 'le' | 'extensible' | 'invalid';

export interface Item {
  kind: 'item';
  /** Offset of "(", or -1 for a condition written without parentheses. */
  open: number;
  /** Offset of ")", or -1 when none closes it (missing, or a bare condition). */
  close: number;
  /** The attribute description as written (trimmed), without options such as ;binary. */
  attr: string;
  attrStart: number;
  attrEnd: number;
  op: string;
  opStart: number;
  opEnd: number;
  /** Extensible match: the matching rule OID and its offsets; dn when ":dn" was written. */
  rule?: string;
  ruleStart: number;
  ruleEnd: number;
  /** The value as written (escapes not decoded). */
  value: string;
  valueStart: number;
  valueEnd: number;
  type: ItemType;
  /** Offsets of the unescaped * of the value. */
  stars: number[];
  parent?: Composite;
}

export type FilterNode = Composite | Item;

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export interface FixSpec {
  title: string;
  preferred?: boolean;
  edits: OffsetEdit[];
}

export interface Problem {
  code: string;
  start: number;
  end: number;
  message: string;
  fixes?: FixSpec[];
  related?: { start: number; end: number; message: string }[];
}

const ATTR_NAME = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)(?:;[A-Za-z0-9-]+)*$/;
// Sticky: tried only at the position after a "(" inside a value, never moved along the text. A match attempt reads
// blanks and then letters, digits, "-" and ";" up to the next other character, so the attempts at two "(" read disjoint
// stretches of the value (no "(" is among the characters read): all attempts on one value are linear together.
// eslint-disable-next-line regexp/no-super-linear-move
const FILTER_START = /\s*(?:[&|!(]|[A-Za-z][A-Za-z0-9-]*(?:;[A-Za-z0-9-]+)*\s*(?:~=|>=|<=|=|:))/y;
const HEX = /[0-9A-Fa-f]/;

function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** [A-Za-z0-9.:-]: the characters of ":dn:1.2.840.113556.1.4.803:" between an attribute and ":=". */
function isRuleChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) /* digits and : */ || c === 46 || c === 45;
}


export class LdapFilterDocument {
  readonly lines: string[];
  readonly eols: string[];
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  /** The text with comment lines blanked (same length); the parser reads this. */
  readonly masked: string;
  readonly commentLines: boolean[];
  root?: FilterNode;
  readonly items: Item[] = [];
  readonly composites: Composite[] = [];
  readonly problems: Problem[] = [];

  private constructor(readonly text: string) {
    const { lines, eols } = splitLines(text);
    this.lines = lines;
    this.eols = eols;
    // Stryker disable next-line ArrayDeclaration: the loop below assigns every index, so a preallocated and an empty array end alike
    this.lineStarts = new Array<number>(lines.length);
    // Stryker disable next-line ArrayDeclaration: the loop below assigns every index, so a preallocated and an empty array end alike
    this.commentLines = new Array<boolean>(lines.length);
    // Most filters have no "#" at all, so no comment line: the text is read as it is, without rebuilding it.
    // Searching for "" finds it at 0: the text is then rebuilt though it has no comment, with the same result.
    // Stryker disable next-line StringLiteral: see above
    const mayComment = text.indexOf('#') >= 0;
    let pos = 0;
    const parts: string[] | undefined = mayComment ? [] : undefined;
    for (let i = 0; i < lines.length; i++) {
      this.lineStarts[i] = pos;
      const comment = mayComment && /^[ \t]*#/.test(lines[i]);
      this.commentLines[i] = comment;
      parts?.push(comment ? ' '.repeat(lines[i].length) : lines[i], eols[i]);
      pos += lines[i].length + eols[i].length;
    }
    this.masked = parts ? parts.join('') : text;
  }

  static parse(text: string): LdapFilterDocument {
    const doc = new LdapFilterDocument(typeof text === 'string' ? text : '');
    new Parser(doc).run();
    return doc;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  eol(): string {
    return this.eols.find((e) => e !== '') ?? '\r\n';
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(o - this.lineStarts[lo], this.lines[lo].length) };
  }

  offsetAt(pos: Position): number {
    const line = Math.max(0, Math.min(pos.line, this.lines.length - 1));
    return this.lineStarts[line] + Math.max(0, Math.min(pos.character, this.lines[line].length));
  }

  /** Offset after the last non-blank character before `end` (comments excluded), but not before `min`. */
  trimEnd(end: number, min = 0): number {
    let e = end;
    while (e > min && isBlank(this.masked.charCodeAt(e - 1))) e--;
    return e;
  }

  /** Start and end offsets of a node as written. */
  span(node: FilterNode): [number, number] {
    if (node.kind === 'item') return [node.open >= 0 ? node.open : node.attrStart, node.close >= 0 ? node.close + 1 : node.valueEnd];
    if (node.close >= 0) return [node.open, node.close + 1];
    return [node.open, this.trimEnd(this.masked.length, node.open + 1)];
  }
}

class Parser {
  private readonly t: string;
  private readonly n: number;
  private readonly stack: Composite[] = [];
  /** A condition whose ")" is missing because the file ends inside it. */
  private openItem?: Item;

  constructor(private readonly doc: LdapFilterDocument) {
    this.t = doc.masked;
    this.n = this.t.length;
  }

  private skip(i: number): number {
    while (i < this.n && isBlank(this.t.charCodeAt(i))) i++;
    return i;
  }

  private problem(p: Problem): void {
    this.doc.problems.push(p);
  }

  run(): void {
    const { t, n, doc } = this;
    let i = this.skip(0);
    if (i >= n) {
      this.problem({ code: 'ldapfilter.empty-filter', start: 0, end: doc.lines[0].length, message: 'The file holds no filter (only blanks and # comments). A query-based distribution group needs one LDAP filter, such as (&(mailNickname=*)(objectCategory=person)); without it the group cannot be expanded. Write the filter.' });
      return;
    }
    if (t[i] !== '(') {
      const j = t.indexOf('(', i);
      const end = doc.trimEnd(j < 0 ? n : j, i);
      if (j < 0 && /^[^)]*[=<>~:]/.test(t.slice(i, Math.min(end, i + 4096)))) {
        // No "(" is in the text here (j < 0), and bare only changes how a "(" in the value is read.
        // Stryker disable next-line BooleanLiteral: see above
        const item = this.scanItem(i, -1, true);
        item.valueEnd = doc.trimEnd(item.valueEnd, item.attrStart);
        this.attach(item);
        this.problem({
          code: 'ldapfilter.unparenthesized-item',
          start: i,
          end: item.valueEnd,
          message: 'The filter is not enclosed in parentheses. The global catalog expects RFC 2254 syntax, (attribute=value), and does not run a filter it cannot parse: senders get NDR 5.2.4. Put the filter in parentheses.',
          fixes: [{ title: 'Enclose the filter in parentheses', preferred: true, edits: [{ start: i, end: i, text: '(' }, { start: item.valueEnd, end: item.valueEnd, text: ')' }] }],
        });
        // A bare condition's value ends before any ")", which it never takes as its own.
        this.trailing(item.valueEnd);
        return;
      }
      // Text that reads as a condition (department=Sales before a filter) is no stray text: removing it would drop a condition.
      const condition = /[=<>~:]/.test(t.slice(i, Math.min(end, i + 4096)));
      this.problem({ code: 'ldapfilter.unexpected-text', start: i, end, message: `Text before the filter's opening parenthesis: "${clip(t.slice(i, end))}". The global catalog reads one filter, from "(" to its ")"; anything else makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #.`, fixes: j < 0 || condition ? undefined : [{ title: 'Remove the text before the filter', preferred: true, edits: [{ start: i, end: j, text: '' }] }] });
      if (j < 0) return;
      i = j;
    }
    const end = this.parseFilter(i);
    this.trailing(end);
  }

  private trailing(from: number): void {
    const { t, n, doc } = this;
    let k = this.skip(from);
    if (k >= n) return;
    if (t[k] === ')') {
      let e = k;
      while (e < n && (t[e] === ')' || isBlank(t.charCodeAt(e)))) e++;
      e = doc.trimEnd(e, k);
      let count = 0;
      for (let q = k; q < e; q++) if (t[q] === ')') count++;
      this.problem({
        code: 'ldapfilter.unbalanced-parentheses',
        start: k,
        end: e,
        message: `${count === 1 ? 'This closing parenthesis has' : `These ${count} closing parentheses have`} no opening one: the filter ended before. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Remove ${count === 1 ? 'it' : 'them'}, or add the missing "(".`,
        fixes: [{ title: count === 1 ? 'Remove the extra ")"' : `Remove the ${count} extra ")"`, preferred: true, edits: [{ start: doc.trimEnd(k, from), end: e, text: '' }] }],
      });
      k = this.skip(e);
      if (k >= n) return;
    }
    const end = doc.trimEnd(n, k);
    const second = t[k] === '(';
    this.problem({
      code: 'ldapfilter.unexpected-text',
      start: k,
      end,
      message: second
        ? 'A second filter after the first one has ended. The global catalog reads one filter; the rest makes the query invalid (NDR 5.2.4). Combine the conditions in one filter: (&(first)(second)) for AND, or put each in its own query-based group.'
        : `Text after the filter: "${clip(t.slice(k, end))}". The global catalog reads one filter; the rest makes the query invalid (NDR 5.2.4). Remove it, or make it a comment line starting with #.`,
      fixes: second ? undefined : [{ title: 'Remove the text after the filter', preferred: true, edits: [{ start: doc.trimEnd(k, from), end, text: '' }] }],
    });
  }

  private attach(node: FilterNode): void {
    const top = this.stack[this.stack.length - 1];
    if (top) {
      node.parent = top;
      top.children.push(node);
    } else if (!this.doc.root) {
      this.doc.root = node;
    }
    if (node.kind === 'item') this.doc.items.push(node);
    else this.doc.composites.push(node);
  }

  /** Parses the filter whose "(" is at `start`; returns the offset after it. */
  private parseFilter(start: number): number {
    const { t, n, stack } = this;
    let i = start;
    let beginFilter = true;
    for (;;) {
      if (beginFilter) {
        beginFilter = false;
        const open = i;
        const j = this.skip(i + 1);
        const c = t[j];
        if (c === '&' || c === '|' || c === '!') {
          const comp: Composite = { kind: c === '&' ? 'and' : c === '|' ? 'or' : 'not', open, op: j, close: -1, children: [] };
          this.attach(comp);
          stack.push(comp);
          i = j + 1;
        } else if (c === '(') {
          const comp: Composite = { kind: 'group', open, op: -1, close: -1, children: [] };
          if (!stack.some((s) => s.kind === 'group')) {
            this.problem({ code: 'ldapfilter.invalid-item', start: open, end: open + 1, message: 'This parenthesis holds another "(" directly: after "(" comes &, |, ! or an attribute. The global catalog rejects the filter (NDR 5.2.4). Remove the extra "(" or add the operator: (&(a=1)(b=2)).' });
          }
          this.attach(comp);
          stack.push(comp);
          i = j;
        } else if (c === ')') {
          this.problem({ code: 'ldapfilter.empty-filter', start: open, end: j + 1, message: 'An empty pair of parentheses: "()" is no condition. The global catalog rejects the filter (NDR 5.2.4). Remove it or write a condition inside, such as (mailNickname=*).', fixes: [{ title: 'Remove "()"', preferred: true, edits: [{ start: open, end: j + 1, text: '' }] }] });
          i = j + 1;
        } else if (j >= n) {
          const item = this.emptyItem(open, j);
          this.attach(item);
          i = n;
        } else {
          const item = this.scanItem(j, open, false);
          this.attach(item);
          i = item.valueEnd;
          if (t[i] === ')') {
            item.close = i;
            i++;
          } else if (this.skip(i) >= n) {
            // The file ends inside this condition: unclosedAtEnd counts its "(" with the open composites.
            this.openItem = item;
            if (stack.length === 0) this.unclosedAtEnd();
          } else {
            // A "(" that starts the next condition: this one lacks its ")".
            const at = this.doc.trimEnd(i, item.attrStart);
            this.problem({
              code: 'ldapfilter.unbalanced-parentheses',
              start: open,
              end: at,
              message: `This condition is not closed: the next "(" begins before its ")". The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Close the condition: ${clip(t.slice(open, at))})`,
              fixes: [{ title: 'Close the condition with ")"', preferred: true, edits: [{ start: at, end: at, text: ')' }] }],
            });
          }
        }
      }
      // The children of the innermost open composite.
      if (stack.length === 0) return i;
      const top = stack[stack.length - 1];
      i = this.skip(i);
      if (i >= n) {
        this.unclosedAtEnd();
        return n;
      }
      const c = t[i];
      if (c === ')') {
        top.close = i;
        stack.pop();
        this.closed(top);
        i++;
      } else if (c === '(') {
        beginFilter = true;
      } else {
        const item = this.scanItem(i, -1, true);
        item.valueEnd = this.doc.trimEnd(item.valueEnd, item.attrStart);
        this.attach(item);
        const end = item.valueEnd;
        if (item.op === '') {
          // Not a condition at all: invalid-item says so.
        } else if (top.kind === 'not' && top.children.length === 1) {
          this.problem({
            code: 'ldapfilter.aduc-short-not',
            start: item.attrStart,
            end,
            message: `(!${clip(t.slice(item.attrStart, end))}) has no inner parentheses. Active Directory accepts this short form, but RFC 2254 requires (!(attribute=value)) and other LDAP tools may reject it. Wrap the condition in parentheses.`,
            fixes: [{ title: 'Wrap the condition: (!(…))', preferred: true, edits: [{ start: item.attrStart, end: item.attrStart, text: '(' }, { start: end, end, text: ')' }] }],
          });
        } else {
          this.problem({
            code: 'ldapfilter.unparenthesized-item',
            start: item.attrStart,
            end,
            message: `This condition has no parentheses of its own: each condition of ${top.kind === 'and' ? '&' : top.kind === 'or' ? '|' : top.kind === 'not' ? '!' : 'a filter'} is written (attribute=value). The global catalog rejects the filter (NDR 5.2.4). Put the condition in parentheses.`,
            fixes: [{ title: 'Put the condition in parentheses', preferred: true, edits: [{ start: item.attrStart, end: item.attrStart, text: '(' }, { start: end, end, text: ')' }] }],
          });
        }
        // The condition read from the non-blank character at i, which is no parenthesis, takes at least that character,
        // so its value ends after i and the bound only guards the loop.
        // Stryker disable next-line ArithmeticOperator: see above
        i = Math.max(item.valueEnd, i + 1);
      }
    }
  }

  private closed(c: Composite): void {
    const sym = c.kind === 'and' ? '&' : c.kind === 'or' ? '|' : '!';
    if (c.kind === 'group') return;
    if (c.children.length === 0) {
      this.problem({
        code: 'ldapfilter.empty-operator',
        start: c.open,
        end: c.close + 1,
        message: `"${sym}" has no condition: (${sym}) tests nothing. Active Directory on Windows 2000/2003 rejects the filter, so mail to the group gets NDR 5.2.4. Add the conditions, e.g. (${sym}(mailNickname=*)(department=Sales)), or remove it.`,
      });
    } else if (c.kind === 'not' && c.children.length > 1) {
      const [s] = this.doc.span(c.children[1]);
      const [, e] = this.doc.span(c.children[c.children.length - 1]);
      this.problem({
        code: 'ldapfilter.not-several-operands',
        start: s,
        end: e,
        message: `"!" takes exactly one condition, but this one has ${c.children.length}. The global catalog rejects the filter (NDR 5.2.4). Use one "!" per condition, (&(!(a=1))(!(b=2))), or negate a group: (!(|(a=1)(b=2))).`,
      });
    }
  }

  private unclosedAtEnd(): void {
    const { doc, stack } = this;
    // The stack holds the composites not closed yet (a closed one is popped).
    const open: { open: number; op: number }[] = stack.slice();
    if (this.openItem) open.push({ open: this.openItem.open, op: -1 });
    if (open.length === 0) return;
    const at = doc.trimEnd(this.n, open[0].open + 1);
    const inner = open[open.length - 1];
    const count = open.length;
    this.problem({
      code: 'ldapfilter.unbalanced-parentheses',
      start: inner.open,
      end: inner.op >= 0 ? inner.op + 1 : inner.open + 1,
      message: `${count === 1 ? 'This parenthesis is' : `${count} parentheses are`} never closed: the filter ends first. The global catalog rejects an unbalanced filter, so mail to the group gets NDR 5.2.4. Add ${count === 1 ? '")"' : `${count} ")"`} at the end of the filter.`,
      fixes: [{ title: count === 1 ? 'Close with ")" at the end' : `Close with ${count} ")" at the end`, preferred: true, edits: [{ start: at, end: at, text: ')'.repeat(Math.min(count, 100000)) }] }],
      related: open.length > 1 ? open.slice(0, -1).slice(-20).map((s) => ({ start: s.open, end: s.open + 1, message: 'Also not closed' })) : undefined,
    });
  }

  private invalid(message: string, s: number, e: number): void {
    this.problem({ code: 'ldapfilter.invalid-item', start: s, end: Math.min(e, this.n), message: `${message} The global catalog rejects the filter, so mail to the group gets NDR 5.2.4.` });
  }

  /** invalid-item on the attribute of a condition. */
  private invalidAttr(item: Item, message: string): void {
    // Only named attributes are checked here, so attrEnd > attrStart and the bound only guards the range.
    // Stryker disable next-line ArithmeticOperator: see above
    this.invalid(message, item.attrStart, Math.max(item.attrEnd, item.attrStart + 1));
  }

  private emptyItem(open: number, at: number): Item {
    this.problem({ code: 'ldapfilter.unbalanced-parentheses', start: open, end: open + 1, message: 'This parenthesis is never closed: the file ends after it. The global catalog rejects the filter (NDR 5.2.4). Remove it or complete the condition.' });
    return { kind: 'item', open, close: -1, attr: '', attrStart: at, attrEnd: at, op: '', opStart: at, opEnd: at, ruleStart: at, ruleEnd: at, value: '', valueStart: at, valueEnd: at, type: 'invalid', stars: [] };
  }

  /** Reads attribute, operator and value from `start`; the value ends before an unbalanced ")" (or "(" in a bare condition). */
  private scanItem(start: number, open: number, bare: boolean): Item {
    const { t, n } = this;
    // Character codes rather than one-character strings: this loop and the value's below read every character of the
    // filter, and are most of the parser's time.
    let k = start;
    while (k < n) {
      const ch = t.charCodeAt(k);
      if (ch === 61 /* = */ || ch === 126 /* ~ */ || ch === 60 /* < */ || ch === 62 /* > */ || ch === 58 /* : */ || ch === 40 /* ( */ || ch === 41 /* ) */) break;
      k++;
    }
    const rawAttr = t.slice(start, k);
    const attrTrim = rawAttr.trimEnd();
    const semi = attrTrim.indexOf(';');
    const item: Item = { kind: 'item', open, close: -1, attr: semi < 0 ? attrTrim : attrTrim.slice(0, semi), attrStart: start, attrEnd: start + attrTrim.length, op: '', opStart: k, opEnd: k, ruleStart: k, ruleEnd: k, value: '', valueStart: k, valueEnd: k, type: 'invalid', stars: [] };
    const itemStart = open >= 0 ? open : start;
    if (k >= n || t.charCodeAt(k) === 40 || t.charCodeAt(k) === 41) {
      item.valueStart = item.valueEnd = k;
      if (attrTrim.length > 0) this.invalid(`"${clip(attrTrim)}" has no comparison operator: a condition is attribute, operator and value, such as (department=Sales) or (mailNickname=*). Add the operator and the value.`, item.attrStart, item.attrEnd);
      else this.invalid('An empty condition. Write attribute, operator and value, such as (mailNickname=*).', itemStart, k);
      return item;
    }
    if (attrTrim.length === 0) this.invalid('The condition has no attribute before its operator. Write the attribute first, such as (department=Sales).', itemStart, k + 1);
    else if (rawAttr.length === attrTrim.length && ATTR_NAME.test(attrTrim)) {
      // An attribute name and nothing else: the usual case, settled with one test.
    } else if (/^\s/.test(rawAttr)) this.invalid(`A blank before the attribute "${clip(attrTrim.trim())}"; RFC 2254 allows none inside a condition. Remove the blank.`, item.attrStart, k);
    else if (rawAttr.length !== attrTrim.length) this.invalid(`A blank between the attribute "${clip(attrTrim)}" and the operator; RFC 2254 allows none. Remove the blank.`, item.attrStart, k);
    else this.invalidAttr(item, `"${clip(attrTrim)}" is not an attribute name: names start with a letter and contain only letters, digits and hyphens. Correct the attribute name.`);
    const c = t[k];
    let v: number;
    if (c === '=') {
      item.op = '=';
      v = k + 1;
    } else if ((c === '~' || c === '<' || c === '>') && t[k + 1] === '=') {
      item.op = c + '=';
      v = k + 2;
    } else if (c === '<' || c === '>') {
      item.op = c;
      v = k + 1;
      this.invalid(`LDAP has no strict "${c}" comparison, only ${c}= (RFC 2254). Use ${c}= with the next value, or (!(attribute${c === '>' ? '<' : '>'}=value)).`, k, k + 1);
    } else if (c === '~') {
      item.op = '~';
      v = k + 1;
      this.invalid('"~" alone is no operator; approximate match is written ~=. Write ~=.', k, k + 1);
    } else {
      // Extensible match: attr:[dn:]rule:=value
      let m = k;
      if (t[k + 1] !== '=') {
        m = k + 1;
        while (m < n && isRuleChar(t.charCodeAt(m)) && !(t[m] === ':' && t[m + 1] === '=')) m++;
      }
      if (t[m] === ':' && t[m + 1] === '=') {
        item.op = ':=';
        item.opStart = m;
        v = m + 2;
        const middle = t.slice(k + 1, m);
        let pos = k + 1;
        // m === k: "attr:=value", no rule. Otherwise every ":"-separated part is dn or a rule, an empty one included
        // ("attr::=value" names an empty rule, which RFC 4515's matchingrule = COLON oid does not allow).
        for (const part of m === k ? [] : middle.split(':')) {
          if (part.toLowerCase() === 'dn') {
            // dn attributes also match: accepted as written.
          } else {
            item.rule = part;
            item.ruleStart = pos;
            item.ruleEnd = pos + part.length;
            if (!/^\d+(\.\d+)*$/.test(part)) this.invalid(`"${clip(part)}" is not a matching rule OID: write the dotted number, such as 1.2.840.113556.1.4.803 (bitwise AND).`, pos, pos + Math.max(part.length, 1));
          }
          pos += part.length + 1;
        }
      } else {
        item.op = ':';
        v = k + 1;
        this.invalid('An extensible match is written attribute:rule:=value, such as (userAccountControl:1.2.840.113556.1.4.803:=2); here ":=" is missing. Write ":=" before the value.', k, Math.max(m, k + 1));
      }
    }
    item.opEnd = v;
    // The value.
    let q = v;
    let depth = 0;
    let parenFirst = -1;
    // Set together with parenFirst, and read only when that is set.
    // Stryker disable next-line UnaryOperator: see above
    let parenLast = -1;
    let lineBreak = -1;
    let nul = -1;
    while (q < n) {
      const ch = t.charCodeAt(q);
      if (ch === 41 /* ) */) {
        if (depth === 0) break;
        depth--;
        parenLast = q;
      } else if (ch === 40 /* ( */) {
        if (bare) break;
        FILTER_START.lastIndex = q + 1;
        if (FILTER_START.test(t)) break;
        depth++;
        if (parenFirst < 0) parenFirst = q;
        parenLast = q;
      } else if (ch === 92 /* \ */) {
        // charAt gives "" past the end, which is no digit.
        if (HEX.test(t.charAt(q + 1)) && HEX.test(t.charAt(q + 2))) {
          q += 3;
          continue;
        }
        let e = q + 1;
        while (e < q + 3 && e < n && t[e] !== ')' && t[e] !== '(' && !isBlank(t.charCodeAt(e))) e++;
        this.problem({
          code: 'ldapfilter.invalid-escape',
          start: q,
          end: e,
          message: `"${t.slice(q, e)}" is not an escape: in a filter value a backslash starts \\XX, two hexadecimal digits (\\2a for *, \\28 for (, \\29 for ), \\5c for \\). The global catalog rejects the filter (NDR 5.2.4). Write \\5c for a literal backslash.`,
          fixes: [{ title: 'Write the backslash as \\5c', preferred: true, edits: [{ start: q, end: q + 1, text: '\\5c' }] }],
        });
      } else if (ch === 42 /* * */) {
        item.stars.push(q);
      } else if (ch === 10 || ch === 13) {
        if (lineBreak < 0) lineBreak = q;
      } else if (ch === 0) {
        if (nul < 0) nul = q;
      }
      q++;
    }
    // A value that runs to the end of the file (its ")" is missing) ends at its last non-blank character.
    if (q >= n) q = this.doc.trimEnd(q, v);
    if (lineBreak >= q) lineBreak = -1;
    item.valueStart = v;
    item.valueEnd = q;
    item.value = this.doc.text.slice(v, q);
    if (item.op === '=') item.type = item.stars.length === 1 && q - v === 1 ? 'present' : item.stars.length > 0 ? 'substring' : 'equality';
    else if (item.op === '~=') item.type = 'approx';
    else if (item.op === '>=') item.type = 'ge';
    else if (item.op === '<=') item.type = 'le';
    else if (item.op === ':=') item.type = 'extensible';
    if (parenFirst >= 0) {
      this.problem({
        code: 'ldapfilter.unescaped-character',
        start: parenFirst,
        end: parenLast + 1,
        message: 'Parentheses inside a value must be escaped as \\28 and \\29; unescaped, the global catalog reads them as the end of the condition and rejects the filter (NDR 5.2.4), or matches a different value. Escape them.',
        fixes: [{ title: 'Escape the parentheses (\\28, \\29)', preferred: true, edits: [] }],
      });
    }
    if (item.stars.length > 0 && item.type !== 'present' && item.type !== 'substring' && item.type !== 'invalid') {
      const first = item.stars[0];
      const last = item.stars[item.stars.length - 1];
      this.problem({
        code: 'ldapfilter.unescaped-character',
        start: first,
        end: last + 1,
        message: `"*" is a wildcard only with "=": in a ${item.op} comparison it must be written \\2a. The global catalog rejects the filter or compares a different value. Escape it as \\2a, or use = for a wildcard match.`,
        fixes: [{ title: 'Escape * as \\2a', preferred: true, edits: [] }],
      });
    }
    if (lineBreak >= 0) {
      this.problem({ code: 'ldapfilter.unescaped-character', start: v, end: q, message: 'A line break inside a value: the value then contains the line break, so the condition matches only values with that line break. Keep each condition on one line.' });
    }
    if (nul >= 0) {
      this.problem({ code: 'ldapfilter.unescaped-character', start: nul, end: nul + 1, message: 'A NUL character inside a value must be written \\00; unescaped it ends the filter string early, and the global catalog rejects the rest (NDR 5.2.4). Escape it as \\00.', fixes: [{ title: 'Escape NUL as \\00', preferred: true, edits: [{ start: nul, end: nul + 1, text: '\\00' }] }] });
    }
    return item;
  }
}

/** Shortens text for a message. */
export function clip(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
