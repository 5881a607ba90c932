/**
 * Assertions shared by the .reg conformance tests. The rules they check are those of external-facts section 6
 * (Wine's regedit conformance tests, which pass on Windows); test inputs are written for this project.
 */
import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
import { entryBytes } from '../../../../server/src/languages/reg/section';
import { diagnose, parse, V5, KEY } from '../../../helpers/reg';
import { internalReferences, MESSAGE_P95_MAX } from '../../../helpers/userText';

export { V5, KEY };

/** regFile() puts the header on line 0, a blank line on line 1 and KEY on line 2: body lines start here. */
export const BODY = 3;

/** A file from complete lines, joined with the given line ending (CRLF unless told). */
export function lines(ls: string[], eol = '\r\n'): string {
  return ls.join(eol);
}

/** A version 5 file with no key line: header, blank line, then the body lines (line 2 onwards). */
export function noKeyFile(...body: string[]): string {
  return [V5, '', ...body, ''].join('\r\n');
}

/** A REGEDIT4 file: header, blank line, KEY, then the body lines (line 3 onwards), joined with LF. */
export function v4File(...body: string[]): string {
  return ['REGEDIT4', '', KEY, ...body, ''].join('\n');
}

function fmt(ds: Diagnostic[]): string {
  return ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).join(', ') || '(none)';
}

/** The file produces no diagnostics at all. */
export function clean(text: string): void {
  const ds = diagnose(text);
  assert.strictEqual(ds.length, 0, `expected no diagnostics, got ${fmt(ds)}`);
}

/** The file produces exactly these codes (in position order). */
export function onlyCodes(text: string, expected: string[]): void {
  const ds = diagnose(text);
  assert.deepStrictEqual(
    ds.map((d) => d.code),
    expected,
    `got ${fmt(ds)}`,
  );
}

/** Exactly one diagnostic with this code exists, on this line, at exactly this character range; returns it. */
export function diagAt(text: string, code: string, line: number, start: number, end: number): Diagnostic {
  const ds = diagnose(text);
  const found = ds.filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, `expected one ${code}, got ${fmt(ds)}`);
  const d = found[0];
  assert.deepStrictEqual(
    { line: d.range.start.line, start: d.range.start.character, endLine: d.range.end.line, end: d.range.end.character },
    { line, start, endLine: line, end },
    `range of ${code}: got ${fmt(found)}`,
  );
  return d;
}

/** The related information of a diagnostic, as [line, message] pairs. */
export function relatedAt(d: Diagnostic): [number, string][] {
  return (d.related ?? []).map((r) => [r.range.start.line, r.message]);
}

/** No diagnostic with this code anywhere in the file. */
export function noCode(text: string, code: string): void {
  const ds = diagnose(text);
  assert.ok(!ds.some((d) => d.code === code), `did not expect ${code}, got ${fmt(ds)}`);
}

/** Diagnostic codes on one line. */
export function codesOn(text: string, line: number): string[] {
  return diagnose(text)
    .filter((d) => d.range.start.line === line)
    .map((d) => d.code);
}

/** The value entries regedit would import (valid ones), as [name, type] in file order. */
export function imported(text: string): [string | null, number][] {
  const doc = parse(text);
  const out: [string | null, number][] = [];
  for (const s of doc.sections) for (const e of s.analysis().entries) if (e.valid) out.push([e.name, e.type]);
  return out;
}

/** Names of the values regedit would import (valid entries under any key context). */
export function importedNames(text: string): (string | null)[] {
  return imported(text).map(([n]) => n);
}

/** The bytes of the value entry whose first line is `line` (continuation lines included). */
export function bytesOf(text: string, line: number): number[] {
  const doc = parse(text);
  for (const s of doc.sections) {
    for (const e of s.analysis().entries) {
      if (s.start + e.rel === line) return entryBytes(doc, line, s.start + e.lastRel);
    }
  }
  throw new Error(`no value entry starts on line ${line}`);
}

/** The value entry whose first line is `line`. */
export function entryAt(text: string, line: number): { valid: boolean; lastLine: number; type: number; name: string | null } {
  const doc = parse(text);
  for (const s of doc.sections) {
    for (const e of s.analysis().entries) {
      if (s.start + e.rel === line) return { valid: e.valid, lastLine: s.start + e.lastRel, type: e.type, name: e.name };
    }
  }
  throw new Error(`no value entry starts on line ${line}`);
}

/** Bytes of an ASCII string, as hex pairs joined by commas (for building hex: data). */
export function hexOf(s: string, utf16 = false): string {
  const out: string[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out.push((c & 0xff).toString(16).padStart(2, '0'));
    if (utf16) out.push(((c >> 8) & 0xff).toString(16).padStart(2, '0'));
  }
  return out.join(',');
}

/** One expected diagnostic: code, severity, line, start character, end line, end character. */
export type Finding = [code: string, severity: string, line: number, start: number, endLine: number, end: number];

/**
 * The file produces exactly these diagnostics (in the order the validator gives them): codes, severities and
 * ranges, nothing more and nothing less. Also checks every message against the length and wording rules.
 */
export function exactly(text: string, expected: Finding[]): Diagnostic[] {
  const ds = diagnose(text);
  assert.deepStrictEqual(
    ds.map((d): Finding => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
    expected,
    `got ${fmt(ds)}`,
  );
  for (const d of ds) {
    assert.ok(d.message.length <= MESSAGE_P95_MAX, `${d.code} message is ${d.message.length} characters: ${d.message}`);
    assert.deepStrictEqual(internalReferences(d.message), [], d.message);
  }
  return ds;
}

/**
 * The same body lines as a REGEDIT4 file with LF line ends and as a version 5 file with CRLF, LF and bare CR line
 * ends (body from line BODY in each) produce exactly these diagnostics; returns those of the REGEDIT4 file.
 */
export function exactlyEverywhere(body: string[], expected: Finding[]): Diagnostic[] {
  const ds = exactly(v4File(...body), expected);
  for (const eol of ['\r\n', '\n', '\r']) {
    const name = eol === '\r\n' ? 'CRLF' : eol === '\n' ? 'LF' : 'CR';
    try {
      exactly([V5, '', KEY, ...body, ''].join(eol), expected);
    } catch (e) {
      throw new Error(`version 5 with ${name}: ${(e as Error).message}`);
    }
  }
  return ds;
}
