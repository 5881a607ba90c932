/**
 * Checks that span sections (which key a value goes to, keys opened twice, deletions against settings), and the
 * assembly of every diagnostic of a .reg document in position order.
 */
import { codeInfo } from '../../core/codes';
import { ExchangeKnowledge } from '../../core/language';
import { applySeverityOverrides } from '../../core/severity';
import { Diagnostic, lineRange, Severity, SOURCE } from '../../core/types';
import type { RegDocument, Section } from './document';
import { checkExchange } from './exchange';
import { Kind } from './lineRecord';
import { duplicateDiag, findSameName, normalizeKeyPath, rememberName, resolveLineRefs, SectionAnalysis, SectionDiag, ValueEntry } from './section';

interface GlobalDiag {
  line: number;
  start: number;
  end: number;
  code: string;
  message: string;
  related?: { line: number; start: number; end: number; message: string }[];
  data?: unknown;
  /** Instead of the code's default severity. */
  severity?: Severity;
}

/** Where the values of a section go. */
export interface KeyContext {
  /** Normalised key the values are written to, or undefined when no key is open. */
  key: string | undefined;
  /** The key line that opened it. */
  line?: number;
  /** When no key is open: why. */
  why: string;
}

export interface ValidateOptions {
  /** Stop after this many diagnostics (in position order). */
  maxDiagnostics?: number;
  /** Check values the catalog knows (Exchange knowledge); without it only the file format is checked. */
  exchange?: ExchangeKnowledge;
  /** Severity per code, applied before the cap; 'off' drops the code. */
  severityOverrides?: Readonly<Record<string, string>>;
}

export function validateReg(doc: RegDocument, options: ValidateOptions = {}): Diagnostic[] {
  const max = options.maxDiagnostics ?? Infinity;
  const sections = doc.sections;
  const perSection = new Map<number, GlobalDiag[]>();
  const add = (index: number, d: GlobalDiag): void => {
    let list = perSection.get(index);
    if (!list) perSection.set(index, (list = []));
    list.push(d);
  };

  const keys = sectionKeys(doc);
  if (options.exchange) {
    for (const f of checkExchange(doc, keys, options.exchange.registry, options.exchange.context)) {
      const related = f.related?.map((r) => ({ line: f.line + r.rel, start: r.start, end: r.end, message: r.message }));
      add(doc.sectionIndexAt(f.line), { line: f.line, start: f.start, end: f.end, code: f.code, message: f.message, data: f.data, related, severity: f.severity });
    }
  }
  // Values written nowhere: one finding per cause, on the first such value, or none where the cause is a line with
  // a finding of its own (a key line regedit cannot open or ignores), which then lists the values instead.
  const folded = new Map<number, { line: number; start: number; end: number; message: string }[]>();
  const foldedCount = new Map<number, number>();
  const orphans = orphanGroups(doc, keys);
  for (const group of orphans) {
    const related = group.entries.map((e) => ({
      line: e.line,
      start: doc.scan.nameStart[e.line],
      end: doc.scan.nameEnd[e.line],
      message: e.type === -1 ? 'a value deletion that deletes nothing' : 'a value that is written nowhere',
    }));
    if (group.cause === NO_CAUSE) {
      if (headerTakesKeyLine(doc)) continue; // the missing header is the one cause
    } else if (rootFinding(doc, group.cause)) {
      folded.set(group.cause, related.slice(0, MAX_RELATED));
      foldedCount.set(group.cause, related.length);
      continue;
    }
    const first = group.entries[0];
    const why = keyContextAt(doc, doc.sectionIndexAt(first.line)).why;
    const more = group.entries.length - 1;
    add(doc.sectionIndexAt(first.line), {
      line: first.line,
      start: doc.scan.nameStart[first.line],
      end: doc.scan.nameEnd[first.line],
      code: 'reg.value-without-key',
      message:
        more === 0
          ? `${first.type === -1 ? 'regedit deletes nothing here' : 'regedit writes this value nowhere'} because ${why}. Put the value under a [HKEY_…\\…] key line, or remove it.`
          : // Stryker disable next-line Regex: " before it" occurs only at the end of the one reason that has it
        `This value line and ${more === 1 ? 'the next one' : `the ${more} after it`} have no effect because ${why.replace(/ before it$/, ' before them')}. Put them under a [HKEY_…\\…] key line, or remove them.`,
      related: more === 0 ? undefined : related.slice(1, MAX_RELATED + 1),
    });
  }

  // Keys opened twice, and values set twice across the sections of one key (the sections of each key that is
  // opened more than once, in order).
  const firstSection = new Map<string, number>();
  const groups = new Map<string, number[]>();
  for (const [i, key] of keys.entries()) {
    if (key === undefined) continue;
    const first = firstSection.get(key);
    if (first === undefined) {
      firstSection.set(key, i);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [first, i]);
  }
  for (const list of groups.values()) {
    let firstOpen: Section | undefined;
    const seen = new Map<number, { entry: ValueEntry; section: number }[]>();
    for (const index of list) {
      const s = sections[index];
      const a = s.analysis();
      if (a.keyKind === Kind.Key) {
        if (!firstOpen) firstOpen = s;
        else {
          const scan = doc.scan;
          add(index, {
            line: s.start,
            start: scan.nameStart[s.start],
            end: scan.nameEnd[s.start],
            code: 'reg.duplicate-key',
            message: `This key is already opened on line ${firstOpen.start + 1}; regedit applies both places in order, which makes the file harder to review. Consider moving these values under the first occurrence.`,
            related: [{ line: firstOpen.start, start: scan.nameStart[firstOpen.start], end: scan.nameEnd[firstOpen.start], message: 'first opened here' }],
          });
        }
      }
      for (const e of a.entries) {
        if (!e.valid) continue;
        const prev = findSameName(seen, e);
        rememberName(seen, { entry: e, section: index });
        if (prev && prev.section !== index) {
          const ps = sections[prev.section];
          const d = duplicateDiag(prev.entry, e, doc, ps.start, s.start);
          add(prev.section, fromSectionDiag(d, ps.start));
        }
      }
    }
  }

  // Deletions against settings of the same key or a subkey.
  const deletions = new Map<string, number[]>();
  for (let i = 0; i < sections.length; i++) {
    const a = sections[i].analysis();
    if (a.keyKind === Kind.KeyDelete && a.keyLower !== undefined) {
      const list = deletions.get(a.keyLower);
      if (list) list.push(i);
      else deletions.set(a.keyLower, [i]);
    }
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; without deletions the loop finds nothing
  if (deletions.size > 0) {
    for (let i = 0; i < sections.length; i++) {
      const a = sections[i].analysis();
      if (a.keyKind !== Kind.Key || a.keyLower === undefined) continue;
      const key = a.keyLower;
      // Stryker disable next-line EqualityOperator: the empty prefix (cut 0) is no deletion's key, which has a root
      for (let cut = key.length; cut > 0; cut = key.lastIndexOf('\\', cut - 1)) {
        const dels = deletions.get(key.slice(0, cut));
        if (dels) {
          for (const d of dels) addDeletionConflict(doc, i, d, add);
        }
      }
    }
  }

  const out: Diagnostic[] = [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    const a = s.analysis();
    const extra = perSection.get(i);
    // Most sections have no finding: no list, no sort.
    if (a.diags.length === 0 && !extra) continue;
    const list: GlobalDiag[] = a.diags.map((d) => fromSectionDiag(d, s.start));
    for (const d of list) {
      const values = folded.get(d.line);
      if (!values || !KEY_NOT_OPENED.has(d.code)) continue;
      d.related = [...(d.related ?? []), ...values];
      if (!d.message.includes('written nowhere')) {
        const n = foldedCount.get(d.line) ?? values.length;
        d.message += ` No key is open after this line, so ${n === 1 ? 'the value below is' : `the ${n} values below are`} written nowhere.`;
      }
      folded.delete(d.line);
    }
    if (extra) list.push(...extra);
    list.sort((x, y) => x.line - y.line || x.start - y.start || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    for (const d of list) {
      if (out.length >= max) return out;
      const diagnostic = overridden(toDiagnostic(d), options.severityOverrides);
      if (diagnostic) out.push(diagnostic);
    }
  }
  return out;
}

function addDeletionConflict(doc: RegDocument, setIndex: number, delIndex: number, add: (i: number, d: GlobalDiag) => void): void {
  const set = doc.sections[setIndex];
  const del = doc.sections[delIndex];
  const setRec = doc.record(set.start);
  const delRec = doc.record(del.start);
  // Stryker disable next-line StringLiteral: a key deletion always has its name (the scanner sets it before the kind)
  const delPath = delRec.name ?? '';
  // Stryker disable next-line EqualityOperator: a section is a key or a key deletion, so the two never start on one line
  if (set.start < del.start) {
    add(setIndex, {
      line: set.start,
      start: setRec.nameStart,
      end: setRec.nameEnd,
      code: 'reg.set-then-deleted',
      message: `Line ${del.start + 1} deletes [${delPath}] later in this file, which removes this key and everything set under it here. Remove the deletion or these settings, whichever is not intended.`,
      related: [{ line: del.start, start: delRec.nameStart, end: delRec.nameEnd, message: 'the later deletion' }],
    });
  } else {
    add(setIndex, {
      line: set.start,
      start: setRec.nameStart,
      end: setRec.nameEnd,
      code: 'reg.deleted-then-set',
      message: `Line ${del.start + 1} deletes [${delPath}] earlier in this file, so this key is recreated with only the values below; any other values it had on the server are gone. Make sure that reset is intended.`,
      related: [{ line: del.start, start: delRec.nameStart, end: delRec.nameEnd, message: 'the earlier deletion' }],
    });
  }
}

/**
 * For every section, the key its values are written to (KeyContext.key of keyContextAt), following regedit's
 * open-key state through the document: for passes over every section.
 */
export function sectionKeys(doc: RegDocument): (string | undefined)[] {
  const sections = doc.sections;
  const out: (string | undefined)[] = [];
  let key: string | undefined;
  // The first section starts at the header line (line 0 is always read as the header), which opens no key.
  for (const s of sections) {
    const kind = doc.scan.kind(s.start);
    if (kind === Kind.Key) key = s.analysis().keyLower;
    else if (kind === Kind.KeyDelete || kind === Kind.KeyUnopened) key = undefined;
    // An ignored key line leaves the previous key open.
    out.push(key);
  }
  return out;
}

/**
 * Where the values of one section go: the last key line before it decides. Walks back only from this section (and
 * reads the key from its line, not from the section analysis), so that a request about one place (hover,
 * completion, one finding) costs nothing in proportion to the document; sectionKeys gives the same keys for all.
 */
export function keyContextAt(doc: RegDocument, sectionIndex: number): KeyContext {
  // Stryker disable next-line EqualityOperator: section 0 starts at the header line (always read as the header), which opens no key
  for (let i = sectionIndex; i > 0; i--) {
    const line = doc.sections[i].start;
    switch (doc.scan.kind(line)) {
      case Kind.Key: {
        const name = doc.name(line);
        return { key: name === null ? undefined : normalizeKeyPath(name), line, why: '' };
      }
      case Kind.KeyDelete:
        return { key: undefined, why: `the key deletion on line ${line + 1} closes the open key` };
      case Kind.KeyUnopened:
        return { key: undefined, why: `the key on line ${line + 1} could not be opened` };
    }
    // Any other line (an ignored key line) leaves the previous key open.
  }
  if (headerTakesKeyLine(doc)) return { key: undefined, why: 'the file has no header line: regedit takes the key line 1 for the header and rejects the whole file' };
  return { key: undefined, why: 'no key line comes before it' };
}

/** At most this many values are listed as related information of one finding. */
const MAX_RELATED = 100;

/** The findings on a key-like line that leave no key open: they list the values below that are written nowhere. */
const KEY_NOT_OPENED = new Set([
  'reg.key-abbreviated-root',
  'reg.key-unknown-root',
  'reg.key-delete-root',
  'reg.key-name-too-long',
  'reg.key-blank-after-bracket',
  'reg.key-missing-closing-bracket',
  'reg.key-missing-opening-bracket',
]);

/** The cause of values in the first section, before any key line. */
const NO_CAUSE = -1;

/** Values written to no key, grouped by the line that left no key open (NO_CAUSE: no key line before them). */
interface OrphanGroup {
  cause: number;
  entries: { line: number; type: number }[];
}

/**
 * The values regedit writes nowhere, grouped by their cause: the nearest line above them that leaves no key open (a
 * key deletion, a key line that cannot be opened or is ignored, a key path without "["), or none.
 */
function orphanGroups(doc: RegDocument, keys: (string | undefined)[]): OrphanGroup[] {
  const groups: OrphanGroup[] = [];
  const scan = doc.scan;
  for (let i = 0; i < doc.sections.length; i++) {
    if (keys[i] !== undefined) continue;
    const s = doc.sections[i];
    const entries = s.analysis().entries;
    let cause = i === 0 ? NO_CAUSE : s.start;
    let group: OrphanGroup | undefined;
    let line = s.start;
    for (const e of entries) {
      const at = s.start + e.rel;
      // A key path without "[" between the values: regedit ignores it, the values below it are also lost.
      // Stryker disable next-line EqualityOperator: line `at` is the value line itself, never a key path
      for (; line < at; line++) {
        if (scan.diags(line)?.some((d) => d.code === 'reg.key-missing-opening-bracket')) {
          cause = line;
          group = undefined;
        }
      }
      if (!e.valid) continue;
      if (!group) groups.push((group = { cause, entries: [] }));
      group.entries.push({ line: at, type: e.type });
    }
  }
  return groups;
}

/** Whether a line has a finding of its own that explains why no key is open below it. */
function rootFinding(doc: RegDocument, line: number): boolean {
  return doc.scan.diags(line)?.some((d) => KEY_NOT_OPENED.has(d.code)) ?? false;
}

/**
 * A file without its header whose first line is a key line: regedit takes that line for the header and rejects the
 * file, which the header finding reports; the values below the key are not values without a key.
 */
function headerTakesKeyLine(doc: RegDocument): boolean {
  // A first line that starts with "[" is never a header, so the file has none.
  return /^[ \t]*\[/.test(doc.lineText(0));
}

/** The diagnostic with its severity override applied, or undefined when its code is turned off. */
export function overridden(d: Diagnostic, overrides: Readonly<Record<string, string>> | undefined): Diagnostic | undefined {
  return applySeverityOverrides([d], overrides)[0];
}

function fromSectionDiag(d: SectionDiag, start: number): GlobalDiag {
  const g: GlobalDiag = { line: start + d.rel, start: d.start, end: d.end, code: d.code, message: resolveLineRefs(d.message, start) };
  if (d.related) g.related = d.related.map((r) => ({ line: start + r.rel, start: r.start, end: r.end, message: r.message }));
  // Either may be undefined: toDiagnostic copies data only when set and falls back to the code's severity.
  g.data = d.data;
  g.severity = d.severity;
  return g;
}

function toDiagnostic(d: GlobalDiag): Diagnostic {
  const info = codeInfo(d.code);
  const out: Diagnostic = {
    range: lineRange(d.line, d.start, d.end),
    severity: d.severity ?? info.severity,
    code: d.code,
    message: d.message,
    source: SOURCE,
  };
  if (info.tags) out.tags = [...info.tags];
  if (d.related) out.related = d.related.map((r) => ({ range: lineRange(r.line, r.start, r.end), message: r.message }));
  if (d.data !== undefined) out.data = d.data;
  return out;
}

export type { SectionAnalysis };
