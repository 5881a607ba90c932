/** Quick fixes for LDAP filter diagnostics: validation stores the edits in the diagnostic's data; escapes are computed here. */
import { Fix } from '../../core/language';
import { Diagnostic, TextEdit } from '../../core/types';
import type { LdapFilterDocument } from './parse';
import type { StoredFix } from './validate';

const ESCAPES: Readonly<Record<string, string>> = { '*': '\\2a', '(': '\\28', ')': '\\29', '\0': '\\00' };

function isEdit(e: unknown): e is TextEdit {
  if (!e || typeof e !== 'object') return false;
  const edit = e as TextEdit;
  return typeof edit.newText === 'string' && typeof edit.range?.start?.line === 'number' && typeof edit.range?.end?.character === 'number';
}

export function ldapfilterFixes(doc: LdapFilterDocument, d: Diagnostic): Fix[] {
  if (!d.code.startsWith('ldapfilter.')) return [];
  const specs = (d.data as { fixes?: unknown } | undefined)?.fixes;
  if (!Array.isArray(specs)) return [];
  const out: Fix[] = [];
  for (const s of specs as StoredFix[]) {
    if (!s || typeof s.title !== 'string' || !Array.isArray(s.edits) || !s.edits.every(isEdit)) continue;
    let edits = s.edits.map((e) => ({ range: e.range, newText: e.newText }));
    if (s.escapeRange) {
      const start = doc.offsetAt(d.range.start);
      const end = doc.offsetAt(d.range.end);
      const text = doc.text.slice(start, end);
      const escaped = text.replace(/[*()\0]/g, (c) => ESCAPES[c]);
      if (escaped === text) continue;
      edits = [{ range: d.range, newText: escaped }];
    }
    const fix: Fix = { title: s.title, edits };
    if (s.preferred) fix.isPreferred = true;
    out.push(fix);
  }
  return out;
}
