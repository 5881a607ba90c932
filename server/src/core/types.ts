/** Host-agnostic shapes. Positions are 0-based, in UTF-16 code units, exactly as LSP counts them. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticTag = 'unnecessary' | 'deprecated';

export interface RelatedInformation {
  range: Range;
  message: string;
  /** The document the range is in, when it is another file than the diagnostic's (cross-file checks). */
  uri?: string;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  source: string;
  tags?: DiagnosticTag[];
  related?: RelatedInformation[];
  /** What a quick fix needs; never read by anything but the fix for the same code. */
  data?: unknown;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export const SOURCE = 'exchange-config';

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
