/**
 * Quick fixes for LDIF diagnostics.
 *
 * The ESE attributes (msExchESEParamLogBuffers, msExchESEParamMaxOpenTables) are cleared with the smallest edit that
 * leaves valid RFC 2849:
 * - in a changetype: modify record whose add:/replace: block sets the attribute, the block's operation becomes
 *   "delete:" and its value lines go: "delete: attr" + "-" clears every value (the attribute becomes <Not Set>);
 * - in a content or changetype: add record the attribute's lines are removed (the object is written without it);
 *   for a changetype: add record (an ldifde export re-imported) a second fix appends a separate
 *   "changetype: modify / delete: attr / -" record for the same dn, which clears the attribute on an object that
 *   already exists. A modify block cannot go inside an add record (RFC 2849 allows one changetype per record).
 * msExchESEParamCacheSizeMin is cleared the same way (not preferred: a deliberate value is allowed). Where the documents
 * give the value (SMTP,X500; the MAPI string's separators; 147456 as the cache's recommended minimum) a fix writes it,
 * base64-encoded when it is not plain ASCII (the § of the MAPI string).
 * msExchDynamicDLFilter problems get the LDAP filter language's own fixes, mapped back into the LDIF text, where the
 * value is plain text on one physical line (not base64, not folded).
 */
import { Fix } from '../../core/language';
import { Diagnostic, Range, TextEdit } from '../../core/types';
import { ldapfilterLanguage } from '../ldapfilter';
import { AttrLine, LdifDocument, LdifRecord } from './parse';
import { LdifFixData } from './validate';

function find(doc: LdifDocument, line: number): { rec: LdifRecord; a: AttrLine; block?: LdifRecord['blocks'][number] } | undefined {
  for (const rec of doc.records) {
    if (line < rec.firstLine || line > rec.lastLine) continue;
    const a = rec.attrs.find((x) => x.ll.firstLine === line);
    if (a) return { rec, a };
    for (const b of rec.blocks) {
      const v = b.values.find((x) => x.ll.firstLine === line);
      if (v) return { rec, a: v, block: b };
    }
  }
  return undefined;
}

/** The physical lines of a logical line, with the line break after them. */
function removeLines(doc: LdifDocument, first: number, last: number): TextEdit {
  const end = last + 1 < doc.lines.length ? { line: last + 1, character: 0 } : { line: last, character: doc.lines[last].length };
  const start = last + 1 < doc.lines.length || first === 0 ? { line: first, character: 0 } : { line: first - 1, character: doc.lines[first - 1].length };
  return { range: { start, end }, newText: '' };
}

function eseFixes(doc: LdifDocument, data: LdifFixData, preferred = true): Fix[] {
  const found = find(doc, data.line);
  if (!found) return [];
  const { rec, a, block } = found;
  const name = a.name.split(';')[0];
  if (block) {
    const op = block.opLine;
    const edits: TextEdit[] = [{ range: doc.range(op.ll, op.nameStart, op.nameEnd), newText: 'delete' }];
    for (const v of block.values) edits.push(removeLines(doc, v.ll.firstLine, v.ll.lastLine));
    const clear: Fix = { title: `Clear ${name} (delete: ${name}, <Not Set>)`, edits };
    if (preferred) clear.isPreferred = true;
    return [clear];
  }
  const remove: Fix = { title: `Remove ${name} from the record`, edits: [removeLines(doc, a.ll.firstLine, a.ll.lastLine)] };
  if (preferred) remove.isPreferred = true;
  const fixes: Fix[] = [remove];
  if (rec.changetype === 'add' && rec.dn) {
    const eol = doc.eol();
    const last = rec.lastLine;
    const at = { line: last, character: doc.lines[last].length };
    const dnLine = rec.dn.kind === 'base64' ? `dn:: ${rec.dn.raw}` : `dn: ${rec.dn.value ?? ''}`;
    fixes.push({ title: `Add a modify record that clears ${name} on the existing object`, edits: [{ range: { start: at, end: at }, newText: `${eol}${eol}${dnLine}${eol}changetype: modify${eol}delete: ${name}${eol}-` }] });
  }
  return fixes;
}

/** RFC 2849 SAFE-STRING: printable ASCII not starting with a space, ":" or "<"; anything else is written base64. */
function isSafe(value: string): boolean {
  return /^(?:[\x01-\x09\x0B\x0C\x0E-\x1F!-9;=-\x7F][\x01-\x09\x0B\x0C\x0E-\x7F]*)?$/.test(value) && !/ $/.test(value);
}

function base64Of(value: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(value)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Writes the value the documents give in place of the attribute's value (as base64 when it is not plain ASCII). */
function valueFix(doc: LdifDocument, data: LdifFixData, title: (name: string, value: string) => string, preferred: boolean): Fix[] {
  const found = find(doc, data.line);
  if (!found || data.value === undefined) return [];
  const { a } = found;
  const newText = isSafe(data.value) ? `: ${data.value}` : `:: ${base64Of(data.value)}`;
  const fix: Fix = { title: title(a.name, data.value), edits: [{ range: doc.range(a.ll, a.nameEnd, a.rawEnd), newText }] };
  if (preferred) fix.isPreferred = true;
  return [fix];
}

function filterFixes(doc: LdifDocument, data: LdifFixData): Fix[] {
  const found = find(doc, data.line);
  const inner = data.inner;
  if (!found || !inner || !ldapfilterLanguage.fixes) return [];
  const { a } = found;
  if (a.kind !== 'text' || a.ll.segments.length !== 1 || a.value === undefined) return [];
  const fdoc = ldapfilterLanguage.parse(a.value);
  const line = a.ll.firstLine;
  const map = (r: Range): Range => ({
    start: { line, character: a.rawStart + fdoc.offsetAt(r.start) },
    end: { line, character: a.rawStart + fdoc.offsetAt(r.end) },
  });
  return ldapfilterLanguage.fixes(fdoc, inner).map((f) => {
    const fix: Fix = { title: f.title, edits: f.edits.map((e) => ({ range: map(e.range), newText: e.newText.replace(/\r?\n/g, ' ') })) };
    if (f.isPreferred) fix.isPreferred = true;
    return fix;
  });
}

export function ldifFixes(doc: LdifDocument, d: Diagnostic): Fix[] {
  if (d.code === 'ldif.blank-line-with-spaces') {
    const line = d.range.start.line;
    if (line < 0 || line >= doc.lines.length || doc.lines[line].trim() !== '') return [];
    return [{ title: 'Make the line empty (it ends the record)', edits: [{ range: { start: { line, character: 0 }, end: { line, character: doc.lines[line].length } }, newText: '' }], isPreferred: true }];
  }
  const data = d.data as LdifFixData | undefined;
  if (!data || typeof data.line !== 'number') return [];
  if (d.code === 'ldif.log-buffers-set' || d.code === 'ldif.log-buffers-too-high' || d.code === 'ldif.max-open-tables-set') return eseFixes(doc, data);
  if (d.code === 'ldif.cache-size-min-set') return eseFixes(doc, data, false);
  if (d.code === 'ldif.cache-size-max-too-low') return [...valueFix(doc, data, (n, v) => `Set ${n} to ${v} (576 MB, the recommended minimum)`, false), ...eseFixes(doc, data, false)];
  if (d.code === 'ldif.inter-org-address-type') return valueFix(doc, data, (n, v) => `Set ${n} to ${v}`, true);
  if (d.code === 'ldif.invalid-mapi-protocol-setting') return valueFix(doc, data, (_n, v) => `Write the MAPI string as ${v}`, true);
  if (d.code.startsWith('ldapfilter.')) return filterFixes(doc, data);
  return [];
}
