/**
 * The edits quick fixes are made of. Each touches as little as possible: one switch with the blanks before it, one
 * value, one inserted line (with the file's own line break). Validation stores them in the diagnostic's data.
 */
import { lineRange, range, TextEdit } from '../../core/types';
import type { BootIniDocument, Entry, SwitchToken } from './parse';

export type { FixSpec } from '../../core/dataFixes';

export function replaceOn(line: number, start: number, end: number, newText: string): TextEdit {
  return { range: lineRange(line, start, end), newText };
}

/** Removes a switch and the blanks before it, so that the rest of the line keeps its spacing. */
export function removeSwitch(doc: BootIniDocument, entry: Entry, token: SwitchToken): TextEdit {
  const text = doc.lines[entry.line];
  let from = token.start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  return replaceOn(entry.line, from, token.end, '');
}

/** Adds switches at the end of an entry (after its last non-blank character). */
export function appendToEntry(entry: Entry, text: string): TextEdit {
  return replaceOn(entry.line, entry.contentEnd, entry.contentEnd, ` ${text}`);
}

/** Removes a whole line with its line break (or the break before it, on the last line). */
export function deleteLine(doc: BootIniDocument, line: number): TextEdit {
  if (line + 1 < doc.lineCount) return { range: range(line, 0, line + 1, 0), newText: '' };
  if (line > 0) return { range: range(line - 1, doc.lines[line - 1].length, line, doc.lines[line].length), newText: '' };
  return replaceOn(line, 0, doc.lines[line].length, '');
}

/** Inserts lines after `line` (each ended by the file's line break). */
export function insertLinesAfter(doc: BootIniDocument, line: number, lines: string[]): TextEdit {
  const eol = doc.eol();
  const end = doc.lines[line].length;
  // After the last line there is no break yet: put one before the new lines instead of after them.
  if (line + 1 >= doc.lineCount) return replaceOn(line, end, end, lines.map((l) => eol + l).join(''));
  return { range: range(line + 1, 0, line + 1, 0), newText: lines.map((l) => l + eol).join('') };
}

export function insertLinesBefore(doc: BootIniDocument, line: number, lines: string[]): TextEdit {
  const eol = doc.eol();
  return { range: range(line, 0, line, 0), newText: lines.map((l) => l + eol).join('') };
}
