/**
 * Quick fixes for .reg diagnostics, looked up by code. Each fix is the smallest edit that makes regedit read the
 * line as intended; everything else in the file (line endings included) stays as it is.
 */
import { Fix } from '../../core/language';
import { Diagnostic, lineRange, range, TextEdit } from '../../core/types';
import type { RegDocument } from './document';
import { Kind } from './lineRecord';
import { HEADER_V4, HEADER_V5 } from './scan';
import { dataContentEnd } from './scanValue';

type FixBuilder = (doc: RegDocument, d: Diagnostic, data: Record<string, unknown>) => Fix[];

function replace(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: lineRange(line, start, end), newText };
}

/** Removes whole lines first..last, with their line breaks (or the break before them at the end of the file). */
export function deleteLines(doc: RegDocument, first: number, last: number): TextEdit {
  if (last + 1 < doc.lineCount) return { range: range(first, 0, last + 1, 0), newText: '' };
  if (first > 0) return { range: range(first - 1, doc.lines[first - 1].length, last, doc.lines[last].length), newText: '' };
  return { range: range(first, 0, last, doc.lines[last].length), newText: '' };
}

/** The line break the document uses most, for inserted lines. */
export function documentEol(doc: RegDocument): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.min(doc.eols.length, 200); i++) {
    const e = doc.eols[i];
    if (e) counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  let best = '\r\n';
  let n = 0;
  for (const [e, c] of counts) if (c > n) [best, n] = [e, c];
  return best;
}

const replacementFix =
  (title: (r: string) => string, preferred: boolean): FixBuilder =>
  (_doc, d, data) => {
    const r = data.replacement;
    if (typeof r !== 'string') return [];
    return [{ title: title(r), isPreferred: preferred, edits: [replace(d.range.start.line, d.range.start.character, d.range.end.character, r)] }];
  };

const insertAtFix =
  (title: string, text: string): FixBuilder =>
  (_doc, d, data) => {
    const at = data.insertAt;
    if (typeof at !== 'number') return [];
    return [{ title, isPreferred: true, edits: [replace(d.range.start.line, at, at, text)] }];
  };

/** Replaces a `#` that was meant as a comment after data with `;`. */
const hashCommentFix: FixBuilder = (doc, d) => {
  // Only where the "#" itself is what regedit stumbles on: the diagnostic starts at it.
  const line = d.range.start.line;
  const hash = d.range.start.character;
  if (doc.lines[line][hash] !== '#') return [];
  return [{ title: 'Start the comment with ";"', isPreferred: true, edits: [replace(line, hash, hash + 1, ';')] }];
};

/** First and last line of the value whose first line is `line`. */
function entrySpan(doc: RegDocument, line: number): [number, number] | undefined {
  const section = doc.sections[doc.sectionIndexAt(line)];
  const entry = section.analysis().entries.find((e) => section.start + e.rel === line);
  return entry ? [line, section.start + entry.lastRel] : undefined;
}

/** Replaces a value's data (from after "=" to the end of its last line) with new data. */
function replaceData(doc: RegDocument, line: number, newData: string): TextEdit[] {
  const span = entrySpan(doc, line);
  if (!span) return [];
  const rec = doc.record(line);
  const last = span[1];
  // A trailing "; comment" on the last line stays.
  const endChar = dataContentEnd(doc.lines[last], last === line ? rec.dataStart : 0, last === line ? rec.dataEnd : doc.lines[last].length);
  return [{ range: range(line, rec.dataStart, last, endChar), newText: newData }];
}

const dword = (n: number): string => `dword:${(n >>> 0).toString(16).padStart(8, '0')}`;

const setDwordFix =
  (title: (n: number) => string, preferred: boolean): FixBuilder =>
  (doc, d, data) => {
    const n = data.setDword;
    if (typeof n !== 'number') return [];
    const edits = replaceData(doc, d.range.start.line, dword(n));
    return edits.length ? [{ title: title(n), isPreferred: preferred, edits }] : [];
  };

/**
 * The Exchange Server Analyzer's recommendation where it is a value: set the DWORD, or delete the value. Never
 * preferred, so Fix all leaves the analyzer's findings alone: a non-default value may be deliberate (set on the
 * advice of Microsoft support, as several articles say).
 */
const analyzerFix: FixBuilder = (doc, d, data) => {
  const line = d.range.start.line;
  if (typeof data.setDword === 'number') {
    const edits = replaceData(doc, line, dword(data.setDword));
    return edits.length ? [{ title: `Set it to ${data.setDword}, as the Exchange Server Analyzer article recommends`, edits }] : [];
  }
  if (data.deleteValue === true) {
    const span = entrySpan(doc, line);
    if (!span) return [];
    return [
      { title: 'Turn into a deletion entry ("Name"=-), as the Exchange Server Analyzer article recommends', edits: replaceData(doc, line, '-') },
      { title: 'Remove this value from the file', edits: [deleteLines(doc, span[0], span[1])] },
    ];
  }
  return [];
};

const FIXES: Record<string, FixBuilder> = {
  'reg.analyzer-error': analyzerFix,
  'reg.analyzer-warning': analyzerFix,
  'reg.analyzer-information': analyzerFix,
  'reg.deprecated-e2k-tuning': (doc, d) => {
    const line = d.range.start.line;
    const span = entrySpan(doc, line);
    if (!span) return [];
    return [
      { title: 'Turn into a deletion entry ("Name"=-), so that importing the file removes the value', isPreferred: true, edits: replaceData(doc, line, '-') },
      { title: 'Remove this value from the file', edits: [deleteLines(doc, span[0], span[1])] },
    ];
  },
  'reg.wrong-type': (doc, d, data) => {
    const c = data.convert;
    const line = d.range.start.line;
    if (typeof c === 'number') return [{ title: `Write it as ${dword(c)}`, isPreferred: true, edits: replaceData(doc, line, dword(c)) }];
    if (typeof c === 'string') return [{ title: `Write it as the string "${c}"`, isPreferred: true, edits: replaceData(doc, line, `"${c}"`) }];
    return [];
  },
  'reg.do-not-modify': setDwordFix((n) => `Restore the value Setup writes (${n})`, true),
  'reg.value-out-of-range': setDwordFix((n) => `Set it to ${n}`, false),
  'reg.discouraged-setting': setDwordFix((n) => `Set it to the recommended ${n}`, false),
  'reg.undefined-bits': setDwordFix((n) => `Keep only the documented bits (0x${n.toString(16).padStart(8, '0')})`, true),
  'reg.invalid-header': (doc, d, data) => {
    // Blank lines above a valid header: removing them is the fix, not a second header.
    if (doc.lines[0].trim() === '') {
      let h = 0;
      while (h < doc.lineCount - 1 && doc.lines[h].trim() === '') h++;
      const first = doc.lines[h].trim();
      if (first === HEADER_V5 || first === HEADER_V4) return [{ title: 'Remove the blank lines before the header', isPreferred: true, edits: [{ range: range(0, 0, h, 0), newText: '' }] }];
    }
    if (typeof data.replacement === 'string') return replacementFix((r) => `Replace the header with "${r}"`, true)(doc, d, data);
    if (typeof data.insert === 'string') {
      return [{ title: `Insert the header "${data.insert}"`, isPreferred: true, edits: [replace(0, 0, 0, `${data.insert}${documentEol(doc)}${documentEol(doc)}`)] }];
    }
    return [];
  },
  'reg.header-imports-nothing': replacementFix((r) => `Replace the header with "${r}"`, true),
  'reg.key-abbreviated-root': replacementFix((r) => `Write ${r}`, true),
  'reg.key-unknown-root': replacementFix((r) => (r === '' ? 'Remove the "\\" before the root' : `Change to ${r}`), false),
  'reg.key-blank-after-bracket': (doc, d) => {
    const line = d.range.start.line;
    const text = doc.lines[line];
    let i = d.range.start.character + 1;
    if (text[i] === '-') i++;
    let j = i;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (j === i) return [];
    return [{ title: 'Remove the blank after the bracket', isPreferred: true, edits: [replace(line, i, j, '')] }];
  },
  'reg.key-missing-closing-bracket': (doc, d) => {
    const line = d.range.start.line;
    const text = doc.lines[line];
    let end = text.length;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    return [{ title: 'Add the closing "]"', isPreferred: true, edits: [replace(line, end, end, ']')] }];
  },
  'reg.key-missing-opening-bracket': insertAtFix('Add the opening "["', '['),
  'reg.key-trailing-blank': (_doc, d, data) => {
    const from = data.deleteFrom;
    const to = data.deleteTo;
    if (typeof from !== 'number' || typeof to !== 'number') return [];
    return [{ title: 'Remove the blank before "]"', isPreferred: true, edits: [replace(d.range.start.line, from, to, '')] }];
  },
  'reg.string-unknown-escape': replacementFix(() => 'Double the backslash', true),
  'reg.hex-byte-unusual': replacementFix((r) => `Write ${r}`, true),
  'reg.hex-type-unusual': replacementFix((r) => `Write ${r}`, true),
  'reg.dword-only-comment': (_doc, d, data) => {
    const at = data.insertAt;
    if (typeof at !== 'number' || typeof data.text !== 'string') return [];
    return [{ title: 'Write dword:00000000', isPreferred: true, edits: [replace(d.range.start.line, at, at, data.text)] }];
  },
  'reg.hex-backslash-without-comma': insertAtFix('Insert a comma before the backslash', ','),
  'reg.hex-byte-invalid': hashCommentFix,
  'reg.string-trailing-text': hashCommentFix,
  'reg.dword-invalid': (doc, d) => {
    const line = d.range.start.line;
    const text = doc.lines[line];
    const m = /^0[xX]/.exec(text.slice(d.range.start.character));
    if (m) {
      const at = d.range.start.character;
      return [{ title: 'Remove the 0x prefix', isPreferred: true, edits: [replace(line, at, at + 2, '')] }];
    }
    // "dword:10 #note": the "#" after the digits is the only problem.
    const hash = /^[0-9a-fA-F]{1,8}[ \t]*#/.exec(text.slice(d.range.start.character));
    if (!hash) return [];
    const at = d.range.start.character + hash[0].length - 1;
    return [{ title: 'Start the comment with ";"', isPreferred: true, edits: [replace(line, at, at + 1, ';')] }];
  },
  'reg.data-unknown-type': (_doc, d, data) => {
    const r = data.replacement;
    const length = data.length;
    if (typeof r !== 'string' || typeof length !== 'number') return [];
    const start = d.range.start.character;
    return [{ title: `Write ${r}`, isPreferred: true, edits: [replace(d.range.start.line, start, start + length, r)] }];
  },
  'reg.value-name-unquoted': (_doc, d, data) => {
    const from = data.wrapFrom;
    const to = data.wrapTo;
    if (typeof from !== 'number' || typeof to !== 'number') return [];
    const line = d.range.start.line;
    return [{ title: 'Put the value name in quotes', isPreferred: true, edits: [replace(line, from, from, '"'), replace(line, to, to, '"')] }];
  },
  'reg.duplicate-value': (doc, d) => {
    const line = d.range.start.line;
    const section = doc.sections[doc.sectionIndexAt(line)];
    const entry = section.analysis().entries.find((e) => section.start + e.rel === line);
    if (!entry) return [];
    return [{ title: 'Remove this line (a later line overrides it)', isPreferred: true, edits: [deleteLines(doc, line, section.start + entry.lastRel)] }];
  },
  'reg.hex-continuation-swallowed': (doc, d) => {
    // End the discarded value on its last data line: remove that line's trailing backslash.
    for (let line = d.range.start.line - 1; line >= 0; line--) {
      const kind = doc.scan.kind(line);
      if (kind === Kind.ContinuationGap) continue;
      if (kind !== Kind.Value && kind !== Kind.HexContinuation) return [];
      const text = doc.lines[line];
      const m = /,([ \t]*\\[ \t]*(;.*)?)$/.exec(text);
      if (!m) return [];
      const from = m.index + 1;
      return [{ title: 'End the hex data on the line before (remove the trailing backslash)', edits: [replace(line, from, text.length - (m[2]?.length ?? 0), '')] }];
    }
    return [];
  },
  'reg.nul-character': (doc, d) => {
    const line = d.range.start.line;
    const text = doc.lines[line];
    const edits: TextEdit[] = [];
    for (let i = text.indexOf('\0'); i >= 0; i = text.indexOf('\0', i + 1)) edits.push(replace(line, i, i + 1, ''));
    return [{ title: 'Remove the NUL characters', edits }];
  },
};

export function regFixes(doc: RegDocument, d: Diagnostic): Fix[] {
  const build = FIXES[d.code];
  if (!build) return [];
  const data = d.data && typeof d.data === 'object' ? (d.data as Record<string, unknown>) : {};
  return build(doc, d, data);
}

export function fixableCodes(): string[] {
  return Object.keys(FIXES);
}
