/** Line handling shared by every language: LF, CRLF and bare CR all end a line, as regedit and Windows tools read them. */

export interface Lines {
  lines: string[];
  /** The line ending after each line: '\r\n', '\n', '\r', or '' for the last line. */
  eols: string[];
}

export function splitLines(text: string): Lines {
  const lines = text.split(/\r\n|\r|\n/);
  const eols = new Array<string>(lines.length);
  let pos = 0;
  const last = lines.length - 1;
  for (let i = 0; i < last; i++) {
    pos += lines[i].length;
    if (text.charCodeAt(pos) === 0x0d) {
      if (text.charCodeAt(pos + 1) === 0x0a) {
        eols[i] = '\r\n';
        pos += 2;
      } else {
        eols[i] = '\r';
        pos++;
      }
    } else {
      eols[i] = '\n';
      pos++;
    }
  }
  eols[last] = '';
  return { lines, eols };
}
