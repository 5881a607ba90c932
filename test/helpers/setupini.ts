/** Helpers for Setup answer-file tests: parse text, collect diagnostics, apply fixes. */
import * as assert from 'assert';
import { DEFAULT_CONTEXT } from '../../server/src/core/catalog';
import { registryIndex } from '../../server/src/core/catalogLoad';
import { AnalyzeOptions, Fix } from '../../server/src/core/language';
import { Diagnostic } from '../../server/src/core/types';
import { setupiniLanguage } from '../../server/src/languages/setupini';
import { applyEdits } from './reg';

export { applyEdits };

export function ini(...lines: string[]): string {
  return [...lines, ''].join('\r\n');
}

/**
 * Options that make the language check a document as an answer file whatever its content (what the
 * exchangeConfig.forceAnswerFile setting and the CLI's --answer-file do), so that a rule can be tested on a snippet
 * that shows no sign of an Exchange answer file. The detection itself is tested without them.
 */
export const FORCED: AnalyzeOptions = { exchange: { context: DEFAULT_CONTEXT, registry: registryIndex([]), forceAnswerFile: true } };

/** The diagnostics of a snippet checked as an answer file (FORCED). */
export function diagnose(text: string): Diagnostic[] {
  return setupiniLanguage.validate(setupiniLanguage.parse(text), FORCED);
}

/** The diagnostics of a file as the language gives them when nothing forces it (content decides). */
export function diagnoseUnforced(text: string): Diagnostic[] {
  return setupiniLanguage.validate(setupiniLanguage.parse(text));
}

export function codes(text: string): string[] {
  return diagnose(text).map((d) => d.code);
}

export function fmt(ds: Diagnostic[]): string {
  return ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).join(', ') || '(none)';
}

export function diagAt(text: string, code: string, line: number, start: number, end: number): Diagnostic {
  const ds = diagnose(text);
  const found = ds.filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, `expected one ${code}, got ${fmt(ds)}`);
  const d = found[0];
  assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [line, start, line, end], `range of ${code}: ${fmt(found)}`);
  return d;
}

export function noCode(text: string, code: string): void {
  const ds = diagnose(text);
  assert.ok(!ds.some((d) => d.code === code), `did not expect ${code}, got ${fmt(ds)}`);
}

export function fixesFor(text: string, code: string): Fix[] {
  const doc = setupiniLanguage.parse(text);
  const d = setupiniLanguage.validate(doc, FORCED).find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} diagnostic`);
  return setupiniLanguage.fixes!(doc, d);
}

export function applyFix(text: string, code: string, title?: RegExp): string {
  const fixes = fixesFor(text, code);
  const fix = title ? fixes.find((f) => title.test(f.title)) : fixes[0];
  if (!fix) throw new Error(`no fix for ${code}: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}
