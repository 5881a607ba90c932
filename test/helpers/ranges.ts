/** Checks shared by the property tests: a range any service answers with lies within the document's lines. */
import * as assert from 'assert';
import { Range } from '../../server/src/core/types';

/** `r` starts and ends on lines of `lines`, within their lengths, and does not run backwards. */
export function assertInRange(r: Range, lines: string[], what: string): void {
  const { start, end } = r;
  assert.ok(start.line >= 0 && start.line < lines.length, `${what}: start line ${start.line} of ${lines.length}`);
  assert.ok(end.line >= start.line && end.line < lines.length, `${what}: end line ${end.line}`);
  assert.ok(start.character >= 0 && start.character <= lines[start.line].length, `${what}: start char ${start.character} of ${JSON.stringify(lines[start.line])}`);
  assert.ok(end.character >= 0 && end.character <= lines[end.line].length, `${what}: end char ${end.character} of ${JSON.stringify(lines[end.line])}`);
  assert.ok(end.line > start.line || end.character >= start.character, `${what}: empty or reversed`);
}
