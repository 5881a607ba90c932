/** Helpers for LDAP filter tests: diagnostics, ranges as [line, char, line, char], fixes applied to the text. */
import * as assert from 'assert';
import { DEFAULT_CONTEXT, ExchangeContext } from '../../server/src/core/catalog';
import { registryIndex } from '../../server/src/core/catalogLoad';
import { AnalyzeOptions, Fix } from '../../server/src/core/language';
import { Diagnostic } from '../../server/src/core/types';
import { ldapfilterLanguage } from '../../server/src/languages/ldapfilter';
import { applyEdits } from './reg';

export { applyEdits };

/** A filter with both recipient clauses, so that only the condition under test is reported. */
export function good(...conditions: string[]): string {
  return `(&(mailNickname=*)(!(cn=SystemMailbox{*}))${conditions.join('')})`;
}

export function context(c: Partial<ExchangeContext> = {}): AnalyzeOptions {
  return { exchange: { context: { ...DEFAULT_CONTEXT, ...c }, registry: registryIndex() } };
}

export function diagnose(text: string, options?: AnalyzeOptions): Diagnostic[] {
  return ldapfilterLanguage.validate(ldapfilterLanguage.parse(text), options);
}

export function fmt(ds: Diagnostic[]): string {
  return ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).join(', ') || '(none)';
}

export function one(text: string, code: string, options?: AnalyzeOptions): Diagnostic {
  const ds = diagnose(text, options);
  const found = ds.filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, `expected one ${code}, got ${fmt(ds)}`);
  return found[0];
}

export function rangeOf(d: Diagnostic): number[] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

export function noCode(text: string, code: string, options?: AnalyzeOptions): void {
  const ds = diagnose(text, options);
  assert.ok(!ds.some((d) => d.code === code), `did not expect ${code}, got ${fmt(ds)}`);
}

export function fixesFor(text: string, code: string, options?: AnalyzeOptions): Fix[] {
  const doc = ldapfilterLanguage.parse(text);
  const d = ldapfilterLanguage.validate(doc, options).find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} diagnostic in ${fmt(ldapfilterLanguage.validate(doc, options))}`);
  return ldapfilterLanguage.fixes!(doc, d);
}

export function applyFix(text: string, code: string, title?: RegExp): string {
  const fixes = fixesFor(text, code);
  const fix = title ? fixes.find((f) => title.test(f.title)) : fixes[0];
  if (!fix) throw new Error(`no fix for ${code}: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}
