/** Where a position is in a parsed LDIF document: its logical line, record and UTF-16 offset (for hover and completion). */
import { Position } from '../../core/types';
import { LdifDocument, LdifRecord, LogicalLine, Segment } from './parse';

export interface LineAt {
  ll: LogicalLine;
  /** The record the line belongs to (undefined for comments and the version line). */
  rec?: LdifRecord;
  comment: boolean;
  version: boolean;
}

function covers(ll: LogicalLine, line: number): boolean {
  return ll.firstLine <= line && line <= ll.lastLine;
}

/** The last element whose firstLine is at most `line` (arrays sorted by firstLine), by binary search. */
function lastStartingAtOrBefore<T extends { firstLine: number }>(items: readonly T[], line: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].firstLine <= line) {
      found = items[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The logical line a physical line belongs to; undefined for blank lines (and lines out of range). */
export function logicalAt(doc: LdifDocument, line: number): LineAt | undefined {
  if (!Number.isInteger(line) || line < 0 || line >= doc.lines.length) return undefined;
  const c = lastStartingAtOrBefore(doc.comments, line);
  if (c && covers(c, line)) return { ll: c, comment: true, version: false };
  if (doc.version && covers(doc.version.ll, line)) return { ll: doc.version.ll, comment: false, version: true };
  const rec = lastStartingAtOrBefore(doc.records, line);
  if (!rec || rec.lastLine < line) return undefined;
  const ll = lastStartingAtOrBefore(rec.lines, line);
  return ll && covers(ll, line) ? { ll, rec, comment: false, version: false } : undefined;
}

/** The segment of `ll` on the position's physical line and the logical offset of the position (undefined on a fold's leading space). */
export function offsetIn(ll: LogicalLine, pos: Position, lineLength: number): { seg: Segment; offset: number } | undefined {
  const seg = ll.segments.find((s) => s.line === pos.line);
  if (!seg) return undefined;
  const c = Math.max(0, Math.min(typeof pos.character === 'number' && Number.isFinite(pos.character) ? Math.floor(pos.character) : 0, lineLength));
  if (c < seg.char) return undefined;
  return { seg, offset: seg.offset + Math.min(c - seg.char, seg.length) };
}
