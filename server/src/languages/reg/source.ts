/**
 * What the analysis of one section (section.ts) reads of the document. RegDocument (document.ts) is the one
 * implementation; the interfaces keep section.ts below document.ts, which creates the sections and asks them for
 * their analysis.
 */
import type { HeaderKind } from './lineRecord';
import type { LineTable } from './table';

/** The lines of a document and what the scanner found on each. */
export interface LineSource {
  /** What the scanner found on each line. */
  readonly scan: LineTable;
  readonly header: HeaderKind;
  /** Whether regedit reads hex(1)/hex(2)/hex(7) bytes of the file as UTF-16 (see ParseOptions.unicode). */
  readonly unicode: boolean;
  /** The text of one line, without its line ending. */
  lineText(line: number): string;
  lineLength(line: number): number;
  lineSource(line: number): string;
  lineSourceStart(line: number): number;
  isHexData(line: number): boolean;
  /** The decoded value name (or key path) of a line, null where it has none. */
  name(line: number): string | null;
}

/** A section's place in the document: its first line and its number of lines. */
export interface SectionSpan {
  readonly start: number;
  readonly length: number;
}
