/** Line handling shared by every language: LF, CRLF and bare CR all end a line, as regedit and Windows tools read them. */

export interface Lines {
  lines: string[];
  /** The line ending after each line: '\r\n', '\n', '\r', or '' for the last line. */
  eols: string[];
}

export function splitLines(text: string): Lines {
  const lines: string[] = [];
  const eols: string[] = [];
  const n = text.length;
  let start = 0;
  // Next positions of each terminator, found lazily so that a file using only one kind stays linear.
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    const brk = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
    lines.push(text.slice(start, brk));
    if (brk === cr && lf === cr + 1) {
      eols.push('\r\n');
      start = brk + 2;
    } else {
      eols.push(brk === cr ? '\r' : '\n');
      start = brk + 1;
    }
    if (cr >= 0 && cr < start) cr = start < n ? text.indexOf('\r', start) : -1;
    if (lf >= 0 && lf < start) lf = start < n ? text.indexOf('\n', start) : -1;
  }
  lines.push(text.slice(start));
  eols.push('');
  return { lines, eols };
}

/** Offset of a line/character position in the text made of these lines. */
export function joinLines(lines: readonly string[], eols: readonly string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) out += lines[i] + eols[i];
  return out;
}
