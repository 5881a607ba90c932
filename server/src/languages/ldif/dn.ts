/** Distinguished name syntax (RFC 4514): attribute=value RDNs separated by commas, multi-valued RDNs joined by +. */

export interface DnProblem {
  start: number;
  end: number;
  message: string;
}

const TYPE = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)$/;
const ESCAPABLE = '"+,;<>\\=# ';
const HEX = /[0-9A-Fa-f]/;

/** The first syntax problem of a DN (offsets into it), or undefined when it is valid. Spaces after commas are allowed, as Active Directory does. */
export function dnProblem(dn: string): DnProblem | undefined {
  const n = dn.length;
  if (dn.trim() === '') return { start: 0, end: n, message: 'The distinguished name is empty.' };
  let i = 0;
  for (;;) {
    while (dn[i] === ' ') i++;
    const ts = i;
    while (i < n && /[A-Za-z0-9.\-]/.test(dn[i])) i++;
    const type = dn.slice(ts, i);
    while (dn[i] === ' ') i++;
    if (!TYPE.test(type) || dn[i] !== '=') {
      let e = i;
      while (e < n && dn[e] !== ',') e++;
      const part = dn.slice(ts, e);
      if (part.trim() === '') return { start: Math.max(0, ts - 1), end: e < n ? e + 1 : Math.max(ts, e), message: 'An empty RDN: two commas in a row, or a comma at the start or end.' };
      return { start: ts, end: Math.max(e, ts + 1), message: `"${part}" is not attribute=value (such as CN=Sales or OU=Staff).` };
    }
    i++;
    if (dn[i] === '#') {
      const vs = i;
      i++;
      while (i + 1 < n + 1 && HEX.test(dn[i] ?? '') && HEX.test(dn[i + 1] ?? '')) i += 2;
      if (i === vs + 1 || (i < n && dn[i] !== ',' && dn[i] !== '+')) return { start: vs, end: vs + 1, message: 'A value that starts with # must be a hexadecimal BER encoding; escape a literal # as \\#.' };
    } else {
      while (i < n && dn[i] !== ',' && dn[i] !== '+') {
        const c = dn[i];
        if (c === '\\') {
          const next = dn[i + 1] ?? '';
          if (next !== '' && ESCAPABLE.includes(next)) i += 2;
          else if (HEX.test(next) && HEX.test(dn[i + 2] ?? '')) i += 3;
          else return { start: i, end: Math.min(n, i + 2), message: 'A backslash must be followed by a special character (" + , ; < > \\ = # or a space) or two hexadecimal digits.' };
          continue;
        }
        if (c === '"' || c === ';' || c === '<' || c === '>' || c === '\0') return { start: i, end: i + 1, message: `The character ${JSON.stringify(c)} must be escaped in a value (\\${c === '\0' ? '00' : c}).` };
        i++;
      }
    }
    if (i >= n) return undefined;
    i++; // , or +
    if (dn.slice(i).trim() === '') return { start: i - 1, end: i, message: 'The distinguished name ends with a separator and no RDN after it.' };
  }
}

/**
 * Template placeholders: `${NAME}` (Samba-style provisioning templates) and `<Words>` (Microsoft's documents and
 * book recipes write `CN=<Server Name>`, `<ParentDN>`). A file holding them is a template, not something to import.
 */
export const PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|<[A-Za-z][A-Za-z0-9 _.-]*>/g;

/** The placeholders in a text, with their offsets. */
export function placeholdersIn(text: string): { start: number; end: number; text: string }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
}

/**
 * The DN with every placeholder replaced by text of the same length that is valid where it stands ("CN=xx…" for a
 * placeholder that is a whole RDN, "xx…" inside a value), so that offsets of any other problem stay right.
 */
export function fillPlaceholders(dn: string): string {
  return dn.replace(PLACEHOLDER, (m: string, at: number) => {
    const before = dn.slice(0, at).trimEnd();
    const after = dn.slice(at + m.length).trimStart();
    const wholeRdn = (before === '' || /[,+]$/.test(before)) && (after === '' || /^[,+]/.test(after));
    return wholeRdn && m.length >= 4 ? `CN=${'x'.repeat(m.length - 3)}` : 'x'.repeat(m.length);
  });
}
