/** Quick fixes: validation stores the edits in the diagnostic's data; this returns them for the diagnostic being fixed. */
import { Fix } from '../../core/language';
import { Diagnostic, TextEdit } from '../../core/types';
import type { SetupIniDocument } from './parse';
import type { FixSpec } from './validate';

function isEdit(e: unknown): e is TextEdit {
  if (!e || typeof e !== 'object') return false;
  const edit = e as TextEdit;
  return typeof edit.newText === 'string' && typeof edit.range?.start?.line === 'number' && typeof edit.range?.end?.character === 'number';
}

function isSpec(s: unknown): s is FixSpec {
  return !!s && typeof s === 'object' && typeof (s as FixSpec).title === 'string' && Array.isArray((s as FixSpec).edits) && (s as FixSpec).edits.every(isEdit);
}

export function setupiniFixes(_doc: SetupIniDocument, d: Diagnostic): Fix[] {
  if (!d.code.startsWith('setupini.')) return [];
  const specs = (d.data as { fixes?: unknown } | undefined)?.fixes;
  if (!Array.isArray(specs)) return [];
  return specs.filter(isSpec).map((s) => {
    const fix: Fix = { title: s.title, edits: s.edits.map((e) => ({ range: e.range, newText: e.newText })) };
    if (s.preferred) fix.isPreferred = true;
    return fix;
  });
}
