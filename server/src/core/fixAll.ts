/** Fix-all: every preferred fix of a document's diagnostics, skipping any whose edits overlap one already taken. */
import { LanguageService } from './language';
import { comparePositions, Diagnostic, Range, TextEdit } from './types';

function overlaps(a: Range, b: Range): boolean {
  if (comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0) return true;
  // Two insertions at the same point would interleave unpredictably.
  return comparePositions(a.start, a.end) === 0 && comparePositions(b.start, b.end) === 0 && comparePositions(a.start, b.start) === 0;
}

export function fixAllEdits<Doc>(language: LanguageService<Doc>, doc: Doc, diags: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  if (!language.fixes) return taken;
  for (const d of diags) {
    const fix = language.fixes(doc, d).find((f) => f.isPreferred);
    if (!fix) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e.range, t.range)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}
