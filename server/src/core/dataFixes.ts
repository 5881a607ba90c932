/**
 * Fixes carried in a diagnostic's data: languages whose validation already knows exactly what a fix must change
 * store the edits there, and quick fixes read them back for the diagnostic being fixed (only for their own codes,
 * and only data of the right shape, since clients send data back as they received it).
 */
import { Fix } from './language';
import { Diagnostic, TextEdit } from './types';

export interface FixSpec {
  title: string;
  preferred?: boolean;
  edits: TextEdit[];
}

function isEdit(e: unknown): e is TextEdit {
  if (!e || typeof e !== 'object') return false;
  const edit = e as TextEdit;
  return typeof edit.newText === 'string' && typeof edit.range?.start?.line === 'number' && typeof edit.range?.end?.character === 'number';
}

function isSpec(s: unknown): s is FixSpec {
  return !!s && typeof s === 'object' && typeof (s as FixSpec).title === 'string' && Array.isArray((s as FixSpec).edits) && (s as FixSpec).edits.every(isEdit);
}

/** The fixes stored in `d.data.fixes`, for diagnostics whose code starts with `codePrefix`. */
export function fixesFromData(d: Diagnostic, codePrefix: string): Fix[] {
  if (!d.code.startsWith(codePrefix)) return [];
  const specs = (d.data as { fixes?: unknown } | undefined)?.fixes;
  if (!Array.isArray(specs)) return [];
  return specs.filter(isSpec).map((s) => {
    const fix: Fix = { title: s.title, edits: s.edits.map((e) => ({ range: e.range, newText: e.newText })) };
    if (s.preferred) fix.isPreferred = true;
    return fix;
  });
}
