/** Helpers for .reg tests: parse text, collect diagnostics, find them by code. */
import { splitLines } from '../../server/src/core/text';
import { Diagnostic, TextEdit } from '../../server/src/core/types';
import { regLanguage, RegDocument } from '../../server/src/languages/reg';

export const V5 = 'Windows Registry Editor Version 5.00';
export const KEY = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]';

/** A version 5 file: the header, a key line, then the given body lines (joined with CRLF). */
export function regFile(...body: string[]): string {
  return [V5, '', KEY, ...body, ''].join('\r\n');
}

export function parse(text: string): RegDocument {
  return regLanguage.parse(text);
}

/**
 * What every message looks like: the finding and what to do, at least a short sentence that starts with no blank and
 * ends with a full stop or a question.
 */
const SENTENCES = /^\S[^]{30,}[.?]$/;

/** The diagnostics of a .reg text; fails when a message is not complete sentences. */
export function diagnose(text: string): Diagnostic[] {
  const ds = regLanguage.validate(regLanguage.parse(text));
  for (const d of ds) {
    if (!SENTENCES.test(d.message)) throw new Error(`${d.code} message is not complete sentences: ${JSON.stringify(d.message)}`);
  }
  return ds;
}

export function codes(text: string): string[] {
  return diagnose(text).map((d) => d.code);
}

/** Diagnostics on one line (0-based). */
export function onLine(text: string, line: number): Diagnostic[] {
  return diagnose(text).filter((d) => d.range.start.line === line);
}

/** Applies non-overlapping edits (LSP semantics: all ranges refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const { lines, eols } = splitLines(text);
  const offset = (p: { line: number; character: number }): number => {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + eols[i].length;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Applies the first fix offered for the first diagnostic with this code. */
export function applyFix(text: string, code: string, title?: RegExp): string {
  const doc = regLanguage.parse(text);
  const d = regLanguage.validate(doc).find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} diagnostic`);
  const fixes = regLanguage.fixes!(doc, d);
  const fix = title ? fixes.find((f) => title.test(f.title)) : fixes[0];
  if (!fix) throw new Error(`no fix for ${code}`);
  return applyEdits(text, fix.edits);
}
