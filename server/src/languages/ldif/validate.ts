/** LDIF diagnostics: syntax problems from the parser, DN syntax, the Exchange attributes, and the LDAP filter of query-based groups. */
import { codeInfo } from '../../core/codes';
import { registryIndex } from '../../core/catalogLoad';
import { AnalyzeOptions } from '../../core/language';
import { Diagnostic, Range, SOURCE } from '../../core/types';
import { ldapfilterLanguage } from '../ldapfilter';
import { dnProblem } from './dn';
import { AttrLine, base64Bytes, LdifDocument, LdifRecord } from './parse';

export const LOG_BUFFERS_MAX = 9000;
const FOLDER_SET_ID = 'msexchangeweb.owa.default-mailbox-folder-set';
const GUID = /^\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?$|^[0-9A-Fa-f]{32}$/;

/** What the fixes need: where the attribute line is (its first physical line). */
export interface LdifFixData {
  line: number;
  /** For ldapfilter diagnostics: the diagnostic as the filter language reported it on the value alone. */
  inner?: Diagnostic;
}

function diag(code: string, range: Range, message: string, data?: LdifFixData): Diagnostic {
  const info = codeInfo(code);
  const d: Diagnostic = { range, severity: info.severity, code, message, source: SOURCE };
  if (info.tags) d.tags = [...info.tags];
  if (data) d.data = data;
  return d;
}

/** Values a record sets: content/add attributes, and the values of add:/replace: blocks. */
export function setValues(rec: LdifRecord): AttrLine[] {
  const out = [...rec.attrs];
  for (const b of rec.blocks) if (b.op === 'add' || b.op === 'replace') out.push(...b.values);
  return out;
}

/** For messages about a base64 value: its decoded text. */
function quote(a: AttrLine): string {
  return a.kind === 'base64' && a.value !== undefined ? ` (base64 value, decoded: ${JSON.stringify(a.value)})` : '';
}

function parseNumber(s: string): number | undefined {
  const t = s.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^0x[0-9A-Fa-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  return undefined;
}

export function validateLdif(doc: LdifDocument, options: AnalyzeOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = doc.problems.map((p) => diag(p.code, p.range, p.message));
  for (const rec of doc.records) {
    if (rec.dn && rec.dn.value !== undefined && rec.dn.value.trim() !== '') {
      const p = dnProblem(rec.dn.value);
      if (p) {
        const range = rec.dn.kind === 'text' ? doc.range(rec.dn.ll, rec.dn.rawStart + p.start, rec.dn.rawStart + p.end) : doc.valueRange(rec.dn);
        out.push(diag('ldif.invalid-dn', range, `The dn: is not a valid distinguished name: ${p.message}${quote(rec.dn)} Correct the DN; escape special characters with a backslash.`));
      }
    }
    for (const a of setValues(rec)) checkAttr(doc, a, options, out);
  }
  out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  return out;
}

function checkAttr(doc: LdifDocument, a: AttrLine, options: AnalyzeOptions, out: Diagnostic[]): void {
  const v = a.value;
  const nameRange = doc.range(a.ll, a.nameStart, a.nameEnd);
  const valueRange = doc.valueRange(a);
  const data: LdifFixData = { line: a.ll.firstLine };
  switch (a.key) {
    case 'msexchdynamicdlfilter':
      if (v !== undefined) embedFilter(doc, a, v, options, out);
      return;
    case 'msexchdynamicdlbasedn': {
      if (v === undefined) return;
      const p = dnProblem(v);
      if (!p) return;
      const range = a.kind === 'text' ? doc.range(a.ll, a.rawStart + p.start, a.rawStart + p.end) : valueRange;
      out.push(diag('ldif.invalid-base-dn', range, `msExchDynamicDLBaseDN must be the distinguished name of the container the group's filter searches (external-facts §5.1): ${p.message}${quote(a)} Correct the DN, such as OU=Staff,DC=contoso,DC=com.`));
      return;
    }
    case 'msexcheseparamlogbuffers': {
      const n = v === undefined ? undefined : parseNumber(v);
      if (n !== undefined && n > LOG_BUFFERS_MAX) {
        out.push(diag('ldif.log-buffers-too-high', valueRange, `msExchESEParamLogBuffers is ${n}${quote(a)}: the documented ceiling is 9000, and anything higher risks damaging the transaction log files (004:1882). Use 9000 at most, or clear the attribute on Exchange 2003.`, data));
      }
      out.push(diag('ldif.log-buffers-set', nameRange, `msExchESEParamLogBuffers is manual tuning from Exchange 2000 (default 84; Exchange 2003 uses 500). The removal lists say to clear it to <Not Set> on Exchange 2003 (001:1805; 004:1726), then restart the Information Store service; but the same deployment guide's procedure says to set 9000 on Exchange 2003 (004:1877, 004:1911; seed-facts ⚠D5), as does later ExBPA advice for busy servers. Remove it unless you deliberately follow that advice.`, data));
      return;
    }
    case 'msexcheseparammaxopentables':
      out.push(diag('ldif.max-open-tables-set', nameRange, `msExchESEParamMaxOpenTables should not be set on Exchange 2003, which computes it from the processor count; lowering it neither helps nor is needed (001:1814-1824; 004:1728-1730). Clear it to <Not Set> unless PSS told you otherwise, then restart the Information Store service.`, data));
      return;
    case 'msexchmailboxfolderset': {
      if (v === undefined) return;
      const n = parseNumber(v);
      const bits = registryIndex().entries.find((e) => e.id === FOLDER_SET_ID)?.bits ?? [];
      const all = bits.find((b) => b.mask === 0xffffffff);
      const known = bits.filter((b) => b !== all).reduce((m, b) => (m | b.mask) >>> 0, 0);
      if (n === undefined) {
        out.push(diag('ldif.undefined-folder-set-bits', valueRange, `msExchMailboxFolderSet is a bit mask of Outlook Web Access features, but "${v}"${quote(a)} is not a number. Write the sum of the feature bits in decimal (003:93-120).`));
        return;
      }
      const u = n >>> 0;
      if (u === 0xffffffff) return;
      const extra = (u & ~known) >>> 0;
      if (extra !== 0) {
        out.push(diag('ldif.undefined-folder-set-bits', valueRange, `msExchMailboxFolderSet ${v.trim()}${quote(a)} has bits no Outlook Web Access feature uses (0x${extra.toString(16).toUpperCase()}); the defined bits are those of DefaultMailboxFolderSet (0x${known.toString(16).toUpperCase()}, or 4294967295 for all features). Remove the undefined bits.`));
      }
      return;
    }
    case 'msexchpreferredbackfillsource': {
      if (a.kind === 'base64' && a.value !== undefined && base64Bytes(a.raw.trim())?.length === 16) return;
      if (v !== undefined && GUID.test(v.trim())) return;
      if (a.kind === 'url' || v === undefined) return;
      out.push(diag('ldif.invalid-backfill-source', valueRange, `msExchPreferredBackfillSource takes a GUID, but "${v}"${quote(a)} is not one. The source asks for the GUID of the preferred backfill server for this attribute (003:402) but for that server's public folder store GUID in the equivalent registry value (003:407), so which object's GUID is meant is ambiguous (seed-facts ⚠D24). Write a GUID such as {12345678-9abc-def0-1234-56789abcdef0}.`));
      return;
    }
    default:
  }
}

function embedFilter(doc: LdifDocument, a: AttrLine, value: string, options: AnalyzeOptions, out: Diagnostic[]): void {
  const fdoc = ldapfilterLanguage.parse(value);
  const inner = ldapfilterLanguage.validate(fdoc, { exchange: options.exchange });
  const whole = doc.valueRange(a);
  const map = (r: Range): Range => {
    if (a.kind !== 'text') return whole;
    return doc.range(a.ll, a.rawStart + fdoc.offsetAt(r.start), a.rawStart + fdoc.offsetAt(r.end));
  };
  for (const d of inner) {
    const message = a.kind === 'base64' ? `${d.message} (in the base64 value of msExchDynamicDLFilter, decoded: ${JSON.stringify(value)})` : d.message;
    const m = diag(d.code, map(d.range), message, { line: a.ll.firstLine, inner: d });
    m.severity = d.severity;
    if (d.related) m.related = d.related.map((r) => ({ ...r, range: map(r.range) }));
    out.push(m);
  }
}
