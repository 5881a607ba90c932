/**
 * Suppression comments: `exchange-config-disable-next-line CODE[, CODE…]` (the next line) and
 * `exchange-config-disable CODE[, CODE…]` (the whole file), each optionally followed by ` -- reason`, written in the
 * language's own comment lines (`;` in .reg, boot.ini and Setup answer files, `#` in filter files and LDIF).
 *
 * Every host applies them with applySuppressions after all of a file's diagnostics are known (the language's own, the
 * cross-file memory check's and the directory previews'), so the command line and the editor give the same result.
 * Directives are read from the text alone: in every language a comment line is known from the line itself (its first
 * non-blank character; in LDIF its first character), exactly as each parser decides it.
 */
import { allCodes, defineCodes } from './codes';
import { CommentSyntax, Fix, SuppressionPlaces } from './language';
import { nearestCandidates } from './nearest';
import { applySeverityOverrides } from './severity';
import { splitLines } from './text';
import { Diagnostic, lineRange, SOURCE } from './types';

export const UNUSED_CODE = 'suppression.unused';
export const UNKNOWN_CODE = 'suppression.unknown-code';
export const NO_CODE = 'suppression.no-code';

defineCodes({
  [UNUSED_CODE]: { severity: 'warning', summary: 'A suppression comment names a code that it suppresses nowhere: the finding is gone, or the comment is on the wrong line.', tags: ['unnecessary'] },
  [UNKNOWN_CODE]: { severity: 'warning', summary: 'A suppression comment names a code this tool does not have (a misspelling?), so it suppresses nothing.' },
  [NO_CODE]: { severity: 'warning', summary: 'A suppression comment names no code; it suppresses nothing (every code must be named).' },
});

export const DIRECTIVE_NEXT_LINE = 'exchange-config-disable-next-line';
export const DIRECTIVE_FILE = 'exchange-config-disable';

export interface DirectiveCode {
  code: string;
  /** Columns of the code on the directive's line. */
  start: number;
  end: number;
}

export interface Directive {
  kind: 'next-line' | 'file';
  line: number;
  /** Columns of the directive's text (from the keyword to the end of the codes). */
  start: number;
  end: number;
  codes: DirectiveCode[];
  reason?: string;
  /** Next-line directives: the lines whose diagnostics it covers (a folded LDIF line is one line). */
  first: number;
  last: number;
}

const KEYWORD = 'exchange-config-disable';

/** The directive a comment line holds, or undefined. */
function readDirective(line: string, i: number, syntax: CommentSyntax): Omit<Directive, 'first' | 'last'> | undefined {
  let p = 0;
  if (syntax.indented) while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
  if (line[p] !== syntax.marker) return undefined;
  p++;
  while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
  if (!line.startsWith(KEYWORD, p)) return undefined;
  const start = p;
  let kind: Directive['kind'] = 'file';
  p += KEYWORD.length;
  if (line.startsWith('-next-line', p)) {
    kind = 'next-line';
    p += '-next-line'.length;
  }
  // The keyword stands alone: "exchange-config-disable-line" is no directive.
  if (p < line.length && line[p] !== ' ' && line[p] !== '\t') return undefined;
  const dash = /[ \t]--(?=[ \t]|$)/.exec(line.slice(p));
  const codesEnd = dash ? p + dash.index : line.length;
  const codes: DirectiveCode[] = [];
  const re = /[^\s,]+/g;
  const part = line.slice(0, codesEnd);
  re.lastIndex = p;
  for (let m = re.exec(part); m; m = re.exec(part)) codes.push({ code: m[0], start: m.index, end: m.index + m[0].length });
  let end = codes.length > 0 ? codes[codes.length - 1].end : p;
  const directive: Omit<Directive, 'first' | 'last'> = { kind, line: i, start, end, codes };
  if (dash) {
    const reason = line.slice(codesEnd + dash[0].length).trim();
    if (reason) directive.reason = reason;
    end = line.length;
  }
  directive.end = end;
  return directive;
}

function continues(line: string | undefined): boolean {
  return line !== undefined && line.length > 0 && line[0] === ' ';
}

/**
 * Every directive of a text, in line order. Only the lines holding the keyword are looked at, and lines are counted
 * with indexOf hops (LF, CRLF and bare CR, as splitLines), so a large export without directives costs one search.
 */
export function readDirectives(text: string, syntax: CommentSyntax): Directive[] {
  const out: Directive[] = [];
  let k = text.indexOf(KEYWORD);
  if (k < 0) return out;
  const lines = new LineCounter(text);
  while (k >= 0) {
    const { line, start, end } = lines.lineAt(k);
    const d = syntax.folded && text.charCodeAt(start) === 0x20 ? undefined : readDirective(text.slice(start, end), line, syntax);
    if (d) {
      let first = line + 1;
      let at = lines.nextLineStart(end);
      // LDIF: the comment's own continuation lines, then the folded line the directive covers.
      if (syntax.folded) {
        while (at < text.length && text.charCodeAt(at) === 0x20) {
          first++;
          at = lines.nextLineStart(lines.lineEnd(at));
        }
      }
      let last = first;
      if (syntax.folded && at < text.length) {
        at = lines.nextLineStart(lines.lineEnd(at));
        while (at < text.length && text.charCodeAt(at) === 0x20) {
          last++;
          at = lines.nextLineStart(lines.lineEnd(at));
        }
      }
      out.push({ ...d, first, last });
    }
    k = text.indexOf(KEYWORD, end);
  }
  return out;
}

/** Line numbers of offsets asked for in increasing order, found by hopping from one line break to the next. */
class LineCounter {
  private line = 0;
  private lineStart = 0;
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly text: string) {}

  /** The offset of the first line break at or after `from`, or the text's length (a scan: for the few lines after a directive). */
  lineEnd(from: number): number {
    let i = from;
    while (i < this.text.length && this.text.charCodeAt(i) !== 0x0a && this.text.charCodeAt(i) !== 0x0d) i++;
    return i;
  }

  /** The start of the line after the line break at `end` (the text's length at its end). */
  nextLineStart(end: number): number {
    if (end >= this.text.length) return this.text.length;
    return this.text.charCodeAt(end) === 0x0d && this.text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
  }

  /** The line holding `offset` (not before the last one asked for), with its start and end offsets. */
  lineAt(offset: number): { line: number; start: number; end: number } {
    for (;;) {
      const end = this.hopEnd(this.lineStart);
      if (end >= offset || end >= this.text.length) return { line: this.line, start: this.lineStart, end };
      this.lineStart = this.nextLineStart(end);
      this.line++;
    }
  }

  /** lineEnd for offsets that only grow: the next LF and CR are searched with indexOf (native) and kept. */
  private hopEnd(from: number): number {
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = this.text.indexOf('\n', from);
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = this.text.indexOf('\r', from);
    const lf = this.nextLf < 0 ? this.text.length : this.nextLf;
    const cr = this.nextCr < 0 ? this.text.length : this.nextCr;
    return Math.min(lf, cr);
  }
}

export interface SuppressOptions {
  severityOverrides?: Readonly<Record<string, string>>;
}

/**
 * The diagnostics without those the file's directives suppress, followed by the findings on the directives themselves
 * (unused, unknown code, no code), sorted by line. Never reported as unused: codes turned off by a severity override
 * (the override silences them, and the directive is needed again when the override goes), and codes whose check needs
 * another file (a boot.ini, a directory export) that the run may not have had.
 */
export function applySuppressions(text: string, syntax: CommentSyntax, diagnostics: Diagnostic[], options: SuppressOptions = {}): Diagnostic[] {
  const directives = readDirectives(text, syntax);
  if (directives.length === 0) return diagnostics;
  const known = allCodes();
  const fileWide = new Map<string, number>();
  const byLine = new Map<number, { directive: Directive; code: DirectiveCode; used: number }[]>();
  const uses: { directive: Directive; code: DirectiveCode; used: number }[] = [];
  for (const d of directives) {
    for (const c of d.codes) {
      const use = { directive: d, code: c, used: 0 };
      uses.push(use);
      if (d.kind === 'file') {
        if (!fileWide.has(c.code)) fileWide.set(c.code, uses.length - 1);
      } else {
        for (let l = d.first; l <= d.last; l++) {
          const list = byLine.get(l);
          if (list) list.push(use);
          else byLine.set(l, [use]);
        }
      }
    }
  }
  const kept: Diagnostic[] = [];
  for (const diag of diagnostics) {
    let suppressed = false;
    for (const use of byLine.get(diag.range.start.line) ?? []) {
      if (use.code.code === diag.code) {
        use.used++;
        suppressed = true;
      }
    }
    const f = fileWide.get(diag.code);
    if (f !== undefined) {
      uses[f].used++;
      suppressed = true;
    }
    if (!suppressed) kept.push(diag);
  }
  const found: Diagnostic[] = [];
  const add = (code: string, line: number, start: number, end: number, message: string): void => {
    found.push({ range: lineRange(line, start, end), severity: known.get(code)!.severity, code, message, source: SOURCE, ...(known.get(code)!.tags ? { tags: known.get(code)!.tags } : {}) });
  };
  for (const d of directives) {
    if (d.codes.length === 0) {
      add(NO_CODE, d.line, d.start, d.end, `This suppression comment names no code, so it suppresses nothing. Name the codes after it, separated by commas (${d.kind === 'file' ? DIRECTIVE_FILE : DIRECTIVE_NEXT_LINE} reg.duplicate-value).`);
    }
  }
  const off = (code: string): boolean => options.severityOverrides?.[code] === 'off';
  for (const use of uses) {
    const { code, start, end } = use.code;
    const line = use.directive.line;
    if (!known.has(code)) {
      const guess = nearestCandidates(code, [...known.keys()], Math.max(2, Math.floor(code.length / 4)));
      add(UNKNOWN_CODE, line, start, end, `There is no code ${clip(code)}, so this suppresses nothing.${guess.length === 1 ? ` Did you mean ${guess[0]}?` : ' Check the spelling of the code in the finding.'}`);
    } else if (use.used === 0 && !off(code) && !known.get(code)!.needsOtherFiles) {
      add(UNUSED_CODE, line, start, end, use.directive.kind === 'file' ? `No ${code} finding in this file: this suppression is not needed. Remove it.` : `No ${code} finding on the next line: this suppression is not needed. Remove it, or move it above the line it is meant for.`);
    }
  }
  const all = [...kept, ...applySeverityOverrides(found, options.severityOverrides)];
  if (found.length === 0) return all;
  return all.sort((a, b) => a.range.start.line - b.range.start.line);
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** Whether quick fixes may suppress this code (the findings on directives are silenced with a severity override). */
export function isSuppressible(code: string): boolean {
  return allCodes().has(code) && !code.startsWith('suppression.');
}

/**
 * "Suppress CODE on this line" and "Suppress CODE in this file": a new directive line (with the file's line break), or
 * the code added to the directive already there. Never preferred, so Fix All and --fix never apply them: suppressing
 * is a choice.
 */
export function suppressionFixes(text: string, syntax: CommentSyntax | undefined, places: SuppressionPlaces | undefined, diagnostic: Pick<Diagnostic, 'code' | 'range'>): Fix[] {
  const code = diagnostic.code;
  if (syntax && (code === UNUSED_CODE || code === UNKNOWN_CODE || code === NO_CODE)) return removalFixes(text, syntax, diagnostic);
  if (!syntax || !places || !isSuppressible(code)) return [];
  const { lines, eols } = splitLines(text);
  const eol = eols.find((e) => e !== '') ?? '\r\n';
  const directives = readDirectives(text, syntax);
  const fixes: Fix[] = [];
  let line = diagnostic.range.start.line;
  if (syntax.folded) while (line > 0 && continues(lines[line])) line--;
  const above = directives.find((d) => d.kind === 'next-line' && d.first === line);
  if (above && !above.codes.some((c) => c.code === code)) {
    fixes.push({ title: `Suppress ${code} on this line`, edits: [addCode(above, code)] });
  } else if (!above && line < lines.length && places.beforeLine(line)) {
    const indent = syntax.indented ? /^[ \t]*/.exec(lines[line])![0] : '';
    fixes.push({ title: `Suppress ${code} on this line`, edits: [{ range: lineRange(line, 0, 0), newText: `${indent}${syntax.marker} ${DIRECTIVE_NEXT_LINE} ${code}${eol}` }] });
  }
  const file = directives.find((d) => d.kind === 'file');
  if (file && !file.codes.some((c) => c.code === code)) {
    fixes.push({ title: `Suppress ${code} in this file`, edits: [addCode(file, code)] });
  } else if (!file && places.fileLine !== undefined) {
    const newText = `${syntax.marker} ${DIRECTIVE_FILE} ${code}`;
    const at = places.fileLine;
    // After the last line of a file that does not end with a line break, the directive needs one before it.
    const edit = at < lines.length ? { range: lineRange(at, 0, 0), newText: `${newText}${eol}` } : { range: lineRange(lines.length - 1, lines[lines.length - 1].length, lines[lines.length - 1].length), newText: `${eol}${newText}` };
    fixes.push({ title: `Suppress ${code} in this file`, edits: [edit] });
  }
  return fixes;
}

/**
 * The fix for a finding on a directive: the code taken out of its list, or the whole comment line when nothing else is
 * left in it (removing a comment line changes nothing a reader of the file imports).
 */
function removalFixes(text: string, syntax: CommentSyntax, diagnostic: Pick<Diagnostic, 'code' | 'range'>): Fix[] {
  const line = diagnostic.range.start.line;
  const d = readDirectives(text, syntax).find((x) => x.line === line);
  if (!d) return [];
  const k = d.codes.findIndex((c) => c.start === diagnostic.range.start.character);
  const named = k >= 0 ? d.codes[k].code : undefined;
  const title = diagnostic.code === UNUSED_CODE && named ? `Remove the unused suppression of ${named}` : named ? `Remove ${named} from the suppression comment` : 'Remove the suppression comment';
  if (k < 0 || d.codes.length === 1) {
    const { lines } = splitLines(text);
    const last = line === lines.length - 1;
    // The last line goes with the line break before it; any other with its own.
    const range = last && line > 0 ? { start: { line: line - 1, character: lines[line - 1].length }, end: { line, character: lines[line].length } } : last ? lineRange(line, 0, lines[line].length) : { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
    return [{ title, edits: [{ range, newText: '' }] }];
  }
  const from = k < d.codes.length - 1 ? d.codes[k].start : d.codes[k - 1].end;
  const to = k < d.codes.length - 1 ? d.codes[k + 1].start : d.codes[k].end;
  return [{ title, edits: [{ range: lineRange(line, from, to), newText: '' }] }];
}

/** The code appended to a directive's list (before its reason). */
function addCode(d: Directive, code: string): { range: ReturnType<typeof lineRange>; newText: string } {
  const at = d.codes.length > 0 ? d.codes[d.codes.length - 1].end : d.start + (d.kind === 'file' ? DIRECTIVE_FILE : DIRECTIVE_NEXT_LINE).length;
  return { range: lineRange(d.line, at, at), newText: d.codes.length > 0 ? `, ${code}` : ` ${code}` };
}

/** Whether a text may hold directives (one search: a text without the keyword holds none). */
export function hasDirectives(text: string): boolean {
  return text.indexOf(KEYWORD) >= 0;
}

/** applySuppressions in the language's comment syntax; a language without one keeps its diagnostics as they are. */
export function suppressIn(language: { comments?: CommentSyntax }, text: string, diagnostics: Diagnostic[], options: SuppressOptions = {}): Diagnostic[] {
  return language.comments ? applySuppressions(text, language.comments, diagnostics, options) : diagnostics;
}
