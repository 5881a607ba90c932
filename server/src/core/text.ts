/** Line handling shared by every language: LF, CRLF and bare CR all end a line, as regedit and Windows tools read them. */

export interface Lines {
  lines: string[];
  /** The line ending after each line: '\r\n', '\n', '\r', or '' for the last line. */
  eols: string[];
}

export function splitLines(text: string): Lines {
  // Most files use one kind of line break throughout (regedit writes CRLF): split on it directly, which is several
  // times faster than a regular expression, and fall back to the general split only for mixed line breaks.
  // A text of one line (most LDAP filters, most values) is the commonest case of all.
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return { lines: [text], eols: [''] };
  const sep = text.indexOf('\r\n') >= 0 ? '\r\n' : text.indexOf('\n') >= 0 ? '\n' : '\r';
  const lines = text.split(sep);
  let uniform = true;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // Any line break left inside a part is of another kind: the file mixes them.
    if (l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0) {
      uniform = false;
      break;
    }
  }
  if (uniform) {
    const eols = new Array<string>(lines.length).fill(sep);
    eols[lines.length - 1] = '';
    return { lines, eols };
  }
  return splitMixed(text);
}

function splitMixed(text: string): Lines {
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

/**
 * `s` without the trailing characters that are in `chars` (e.g. ' \t', '\\', '\0'): one backward scan. A regular
 * expression such as /[ \t]+$/ is tried at every position of a run that is followed by another character, which
 * makes it quadratic in the length of the run.
 */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the leading characters that are in `chars`. */
export function trimStartChars(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}
