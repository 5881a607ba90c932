/** Helpers for boot.ini tests: parse text, collect diagnostics (optionally for a server context), apply fixes. */
import * as assert from 'assert';
import { DEFAULT_CONTEXT, ExchangeContext } from '../../server/src/core/catalog';
import { registryIndex } from '../../server/src/core/catalogLoad';
import { AnalyzeOptions, Fix } from '../../server/src/core/language';
import { Diagnostic } from '../../server/src/core/types';
import { bootiniLanguage, BootIniDocument } from '../../server/src/languages/bootini';
import { applyEdits } from './reg';

export { applyEdits };

export const LOADER = ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS'];
export const PATH = 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS';
export const W2003 = `${PATH}="Windows Server 2003, Enterprise"`;
export const W2000AS = 'multi(0)disk(0)rdisk(0)partition(1)\\WINNT="Microsoft Windows 2000 Advanced Server"';
export const W2000S = 'multi(0)disk(0)rdisk(0)partition(1)\\WINNT="Microsoft Windows 2000 Server"';

/** A complete boot.ini (CRLF): [boot loader] defaulting to PATH, then [operating systems] with these entry lines. */
export function bootIni(...entries: string[]): string {
  return [...LOADER, '[operating systems]', ...entries, ''].join('\r\n');
}

/** The line of the first entry in bootIni(...). */
/** The files of one server for the memory check: a boot.ini whose default entry is Windows Server 2003 with /3GB /USERVA=3030 … */
export const MEMORY_BOOT = bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`);

/** … and an export that sets SystemPages to 30000 (Windows Server 2003 wants 0: cross.memory-config on line 4). */
export const MEMORY_REG = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]',
  '"SystemPages"=dword:00007530',
  '',
].join('\r\n');

export const ENTRY = 4;

export function context(c: Partial<ExchangeContext> = {}): AnalyzeOptions {
  return { exchange: { context: { ...DEFAULT_CONTEXT, ...c }, registry: registryIndex() } };
}

export function parse(text: string): BootIniDocument {
  return bootiniLanguage.parse(text);
}

export function diagnose(text: string, options?: AnalyzeOptions): Diagnostic[] {
  return bootiniLanguage.validate(bootiniLanguage.parse(text), options);
}

export function codes(text: string, options?: AnalyzeOptions): string[] {
  return diagnose(text, options).map((d) => d.code);
}

export function fmt(ds: Diagnostic[]): string {
  return ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).join(', ') || '(none)';
}

/** Exactly one diagnostic with this code, on this line at these columns; returns it. */
export function diagAt(text: string, code: string, line: number, start: number, end: number, options?: AnalyzeOptions): Diagnostic {
  const ds = diagnose(text, options);
  const found = ds.filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, `expected one ${code}, got ${fmt(ds)}`);
  const d = found[0];
  assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [line, start, line, end], `range of ${code}: ${fmt(found)}`);
  return d;
}

/** Exactly one diagnostic with this code somewhere; returns it. */
export function one(text: string, code: string, options?: AnalyzeOptions): Diagnostic {
  const ds = diagnose(text, options);
  const found = ds.filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, `expected one ${code}, got ${fmt(ds)}`);
  return found[0];
}

export function noCode(text: string, code: string, options?: AnalyzeOptions): void {
  const ds = diagnose(text, options);
  assert.ok(!ds.some((d) => d.code === code), `did not expect ${code}, got ${fmt(ds)}`);
}

export function clean(text: string, options?: AnalyzeOptions): void {
  const ds = diagnose(text, options);
  assert.strictEqual(ds.length, 0, `expected no diagnostics, got ${fmt(ds)}`);
}

export function fixesFor(text: string, code: string, options?: AnalyzeOptions): Fix[] {
  const doc = bootiniLanguage.parse(text);
  const d = bootiniLanguage.validate(doc, options).find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} diagnostic`);
  return bootiniLanguage.fixes!(doc, d);
}

/** Applies the fix whose title matches (or the first one) of the first diagnostic with this code. */
export function applyFix(text: string, code: string, title?: RegExp, options?: AnalyzeOptions): string {
  const fixes = fixesFor(text, code, options);
  const fix = title ? fixes.find((f) => title.test(f.title)) : fixes[0];
  if (!fix) throw new Error(`no fix for ${code}${title ? ` matching ${title}` : ''}: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

export type WholeFinding = [string, string, number, number, number, string];
export type WholeFix = [string, number, string, boolean, [number, number, number, number, string][]];
export type WholeRelated = [string, number, number, number, number, string];

/**
 * Whole-result assertion for the boot.ini checks: the file of `lines` (CRLF) gives exactly these findings (code,
 * severity, line, range, message), fixes (code, line, title, preferred, edits) and related lines, nothing more
 * (validated with `options` where given).
 */
export function expectWhole(
  lines: string[],
  findings: WholeFinding[],
  fixes: WholeFix[],
  related: WholeRelated[],
  options?: AnalyzeOptions,
): void {
  const doc = bootiniLanguage.parse([...lines, ''].join('\r\n'));
  const ds = bootiniLanguage.validate(doc, options);
  assert.deepStrictEqual(
    {
      findings: ds.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      fixes: ds.flatMap((d) =>
        bootiniLanguage.fixes!(doc, d).map((f) => [d.code, d.range.start.line, f.title, f.isPreferred === true, f.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText])]),
      ),
      related: ds.flatMap((d) => (d.related ?? []).map((r) => [d.code, d.range.start.line, r.range.start.line, r.range.start.character, r.range.end.character, r.message])),
    },
    { findings, fixes, related },
  );
}
