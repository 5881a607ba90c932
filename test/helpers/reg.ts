/** Helpers for .reg tests: parse text, collect diagnostics, find them by code. */
import { Diagnostic } from '../../server/src/core/types';
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

export function diagnose(text: string): Diagnostic[] {
  return regLanguage.validate(regLanguage.parse(text));
}

export function codes(text: string): string[] {
  return diagnose(text).map((d) => d.code);
}

/** Diagnostics on one line (0-based). */
export function onLine(text: string, line: number): Diagnostic[] {
  return diagnose(text).filter((d) => d.range.start.line === line);
}
