/** LDIF diagnostics: syntax problems from the parser, DN syntax, the Exchange attributes, and the LDAP filter of query-based groups. */
import { codeInfo } from '../../core/codes';
import { registryIndex } from '../../core/catalogLoad';
import { AnalyzeOptions } from '../../core/language';
import { Diagnostic, Range, Severity, SOURCE } from '../../core/types';
import { ldapfilterLanguage } from '../ldapfilter';
import { dnProblem, fillPlaceholders, PLACEHOLDER, placeholdersIn } from './dn';
import { AttrLine, base64Bytes, LdifDocument, LdifRecord } from './parse';

/** "Do not use a value greater than 9000, as that can corrupt transaction log files" (evidence: 004:1882). */
export const LOG_BUFFERS_MAX = 9000;
/**
 * msExchESEParamCacheSizeMax, in 4 KB pages (Exchange Server Analyzer article on msExchESEParamCacheSizeMax, 2006-02-21;
 * evidence: external-facts §3.1 [EXBPA-CACHE]): "any multiple of 8192", 147456 the recommended minimum ("Do not set
 * the value any lower"), and the table of recommended values, one of which (219726, the Exchange 2000 default) is not
 * a multiple of 8192 itself.
 */
export const CACHE_SIZE_MAX_MIN = 147456;
export const CACHE_SIZE_MAX_STEP = 8192;
export const CACHE_SIZE_MAX_RECOMMENDED: readonly number[] = [147456, 196608, 219726, 229376];
/** The value the Exchange Server 2003 Deployment Guide assigns (evidence: 004:3306-3310). */
export const INTER_ORG_ADDRESS_TYPE = 'SMTP,X500';
/** The MAPI string of protocolSettings: "MAPI§<Bool1>§<Bool2>§§§§§§", eight § and nine fields (evidence: 001:501-534). */
export const MAPI_SEPARATOR = '\u00a7';
export const MAPI_FIELDS = 9;

/** The attributes checked below (the keys of checkAttr's switch). */
const CHECKED = new Set(['msexchdynamicdlfilter', 'msexchdynamicdlbasedn', 'msexcheseparamlogbuffers', 'msexcheseparammaxopentables', 'msexcheseparamcachesizemax', 'msexcheseparamcachesizemin', 'protocolsettings', 'msexchinterorgaddresstype', 'msexchmailboxfolderset', 'msexchpreferredbackfillsource']);
const FOLDER_SET_ID = 'msexchangeweb.owa.default-mailbox-folder-set';
const GUID = /^\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?$|^[0-9A-Fa-f]{32}$/;

/** What the fixes need: where the attribute line is (its first physical line). */
export interface LdifFixData {
  line: number;
  /** For ldapfilter diagnostics: the diagnostic as the filter language reported it on the value alone. */
  inner?: Diagnostic;
  /** For fixes that write a value the documents give: the new value (written base64 when it is not plain ASCII). */
  value?: string;
}

function diag(code: string, range: Range, message: string, data?: LdifFixData, severity?: Severity): Diagnostic {
  const info = codeInfo(code);
  const d: Diagnostic = { range, severity: severity ?? info.severity, code, message, source: SOURCE };
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: no ldif or ldapfilter code has tags, so d.tags is never set either way
  if (info.tags) d.tags = [...info.tags];
  // Stryker disable next-line ConditionalExpression: a data property left undefined is dropped when the diagnostic is sent, and nothing tests for its presence
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
  // Stryker disable next-line ConditionalExpression: no message is written for a base64 value that does not decode (each check returns first)
  return a.kind === 'base64' && a.value !== undefined ? ` (base64, decoded: ${JSON.stringify(a.value)})` : '';
}

function parseNumber(s: string): number | undefined {
  const t = s.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  // Stryker disable next-line MethodExpression: parseInt with radix 16 skips a leading 0x itself
  if (/^0x[0-9A-Fa-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  return undefined;
}

/** The first template placeholder of a document and how many there are. */
interface Placeholders {
  first?: { range: Range; text: string; where: string };
  count: number;
}

function notePlaceholders(doc: LdifDocument, a: AttrLine, text: string, where: string, found: Placeholders): void {
  const list = placeholdersIn(text);
  if (!list.length) return;
  found.count += list.length;
  if (found.first) return;
  const p = list[0];
  const range = a.kind === 'text' ? doc.range(a.ll, a.rawStart + p.start, a.rawStart + p.end) : doc.valueRange(a);
  found.first = { range, text: p.text, where };
}

/** A whole value that is one placeholder (`<LDAP Filter>`, `${FILTER}`): nothing to check but the placeholder. */
function isPlaceholderValue(v: string): boolean {
  const t = v.trim();
  const m = t.match(PLACEHOLDER);
  // A second placeholder makes the first shorter than the value.
  return m !== null && m[0] === t;
}

/** The DN problem to report, judged with placeholders filled in (a template's DN is only checked around them). */
function dnCheck(doc: LdifDocument, a: AttrLine, v: string, where: string, found: Placeholders): { range: Range; message: string } | undefined {
  notePlaceholders(doc, a, v, where, found);
  const p = dnProblem(fillPlaceholders(v));
  if (!p) return undefined;
  const range = a.kind === 'text' ? doc.range(a.ll, a.rawStart + p.start, a.rawStart + p.end) : doc.valueRange(a);
  return { range, message: p.message };
}

export function validateLdif(doc: LdifDocument, options: AnalyzeOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = doc.problems.map((p) => diag(p.code, p.range, p.message));
  const found: Placeholders = { count: 0 };
  for (const rec of doc.records) {
    if (rec.dn && rec.dn.value !== undefined && rec.dn.value.trim() !== '') {
      const p = dnCheck(doc, rec.dn, rec.dn.value, 'the dn:', found);
      if (p) out.push(diag('ldif.invalid-dn', p.range, `The dn: is not a valid distinguished name: ${p.message}${quote(rec.dn)} Correct the DN; escape special characters with a backslash.`));
    }
    for (const a of setValues(rec)) checkAttr(doc, a, options, out, found);
  }
  if (found.first) {
    const { range, text, where } = found.first;
    const more = found.count > 1 ? ` and ${found.count - 1} more placeholder${found.count > 2 ? 's' : ''}` : '';
    out.push(diag('ldif.template-placeholder', range, `This file is a template: ${where} holds the placeholder ${text}${more}. Replace each with the real value before importing the file.`));
  }
  out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  return out;
}

function checkAttr(doc: LdifDocument, a: AttrLine, options: AnalyzeOptions, out: Diagnostic[], found: Placeholders): void {
  const v = a.value;
  const nameRange = doc.range(a.ll, a.nameStart, a.nameEnd);
  const valueRange = doc.valueRange(a);
  const data: LdifFixData = { line: a.ll.firstLine };
  if (v !== undefined && a.key !== 'msexchdynamicdlbasedn') {
    if (CHECKED.has(a.key) && isPlaceholderValue(v)) {
      notePlaceholders(doc, a, v, a.name, found);
      // The ESE tuning is reported whatever the value: setting the attribute at all is the finding.
      if (a.key === 'msexcheseparamlogbuffers') out.push(logBuffersSet(nameRange, data));
      if (a.key === 'msexcheseparammaxopentables') out.push(maxOpenTablesSet(nameRange, data));
      return;
    }
    if (v.includes('${')) notePlaceholders(doc, a, v, a.name, found);
  }
  switch (a.key) {
    case 'msexchdynamicdlfilter':
      if (v !== undefined) embedFilter(doc, a, v, options, out);
      return;
    case 'msexchdynamicdlbasedn': {
      if (v === undefined) return;
      const p = dnCheck(doc, a, v, a.name, found);
      if (p) out.push(diag('ldif.invalid-base-dn', p.range, `msExchDynamicDLBaseDN must be the distinguished name of the container the group's filter searches: ${p.message}${quote(a)} Correct the DN, such as OU=Staff,DC=contoso,DC=com.`));
      return;
    }
    case 'msexcheseparamlogbuffers': {
      const n = v === undefined ? undefined : parseNumber(v);
      if (n !== undefined && n > LOG_BUFFERS_MAX) {
        out.push(diag('ldif.log-buffers-too-high', valueRange, `msExchESEParamLogBuffers is ${n}${quote(a)}: above 9000, which the Exchange Server 2003 Deployment Guide says can corrupt transaction log files. Use 9000 at most, or clear the attribute.`, data));
      }
      out.push(logBuffersSet(nameRange, data));
      return;
    }
    case 'msexcheseparammaxopentables':
      out.push(maxOpenTablesSet(nameRange, data));
      return;
    case 'msexcheseparamcachesizemax': {
      const n = v === undefined ? undefined : parseNumber(v);
      if (n === undefined || n <= 0) return;
      if (n < CACHE_SIZE_MAX_MIN) {
        out.push(diag('ldif.cache-size-max-too-low', valueRange, `msExchESEParamCacheSizeMax is ${n}${quote(a)} pages of 4 KB (${mb(n)}), below 147456 (576 MB), the minimum the Exchange Server Analyzer recommends. Raise it to 147456 or more, or clear it.`, { ...data, value: String(CACHE_SIZE_MAX_MIN) }));
      } else if (n % CACHE_SIZE_MAX_STEP !== 0 && !CACHE_SIZE_MAX_RECOMMENDED.includes(n)) {
        out.push(diag('ldif.cache-size-max-not-multiple', valueRange, `msExchESEParamCacheSizeMax ${n}${quote(a)} is not a multiple of 8192 pages. The Exchange Server Analyzer allows multiples of 8192 and recommends 147456, 196608, 219726 or 229376; use one of those.`));
      }
      return;
    }
    case 'msexcheseparamcachesizemin': {
      const n = v === undefined ? undefined : parseNumber(v);
      if (n === undefined || n <= 0) return;
      out.push(diag('ldif.cache-size-min-set', nameRange, `msExchESEParamCacheSizeMin is set (${n} pages of 4 KB, ${mb(n)}). Exchange 2003 derives it from the server's memory and the Exchange Server Analyzer reports any value as non-default; clear it unless you chose it on purpose.`, data));
      return;
    }
    case 'protocolsettings':
      if (v !== undefined) checkMapiString(v, valueRange, data, out);
      return;
    case 'msexchinterorgaddresstype': {
      // A URL value has no value here either.
      if (v === undefined) return;
      const t = v.trim();
      if (t === INTER_ORG_ADDRESS_TYPE) return;
      const types = t.split(',').map((x) => x.trim().toUpperCase()).filter((x) => x !== '');
      const same = types.length === 2 && types.includes('SMTP') && types.includes('X500');
      if (same) {
        out.push(diag('ldif.inter-org-address-type', valueRange, `msExchInterOrgAddressType "${t}"${quote(a)} names SMTP and X500, but the Exchange Server 2003 Deployment Guide writes SMTP,X500 and documents no other spelling. Write SMTP,X500.`, { ...data, value: INTER_ORG_ADDRESS_TYPE }, 'information'));
      } else {
        out.push(diag('ldif.inter-org-address-type', valueRange, `msExchInterOrgAddressType is "${t}"${quote(a)}. The Exchange Server 2003 Deployment Guide assigns SMTP,X500 so that the connection agreement includes X500 addresses with replicated objects. Write SMTP,X500.`, { ...data, value: INTER_ORG_ADDRESS_TYPE }));
      }
      return;
    }
    case 'msexchmailboxfolderset': {
      if (v === undefined) return;
      const n = parseNumber(v);
      const bits = registryIndex().entries.find((e) => e.id === FOLDER_SET_ID)?.bits ?? [];
      const all = bits.find((b) => b.mask === 0xffffffff);
      const known = bits.filter((b) => b !== all).reduce((m, b) => (m | b.mask) >>> 0, 0);
      if (n === undefined) {
        out.push(diag('ldif.undefined-folder-set-bits', valueRange, `msExchMailboxFolderSet is a bit mask of Outlook Web Access features, but "${v}"${quote(a)} is not a number. Write the sum of the feature bits in decimal.`));
        return;
      }
      const u = n >>> 0;
      if (u === 0xffffffff) return;
      const extra = (u & ~known) >>> 0;
      if (extra !== 0) {
        out.push(diag('ldif.undefined-folder-set-bits', valueRange, `msExchMailboxFolderSet ${v.trim()}${quote(a)} has bits no Outlook Web Access feature uses (0x${extra.toString(16).toUpperCase()}); the feature bits are 0x${known.toString(16).toUpperCase()} (4294967295 for all). Remove the undefined bits.`));
      }
      return;
    }
    case 'msexchpreferredbackfillsource': {
      // Exchange Server 2003 Distilled asks for a GUID; the Exchange 2003 schema gives the attribute DN syntax
      // (evidence: 003:402 vs 003:407, seed-facts ⚠D24; OC-A ms-Exch-Preferred-Backfill-Source 2.5.5.1). Either is accepted.
      if (a.kind === 'base64' && base64Bytes(a.raw.trim())?.length === 16) return;
      // A URL value, or base64 that does not decode, has no value.
      if (v === undefined) return;
      const t = v.trim();
      // Stryker disable next-line StringLiteral: a text without "=" is never a valid DN (every RDN has one, and the empty DN is reported too), so the includes test only saves the DN check
      if (GUID.test(t) || (t.includes('=') && !dnProblem(fillPlaceholders(t)))) return;
      out.push(diag('ldif.invalid-backfill-source', valueRange, `msExchPreferredBackfillSource "${v}"${quote(a)} is neither a GUID nor a distinguished name. Exchange Server 2003 Distilled asks for the backfill server's GUID; the Exchange 2003 schema gives the attribute DN syntax.`));
      return;
    }
    default:
  }
}

function logBuffersSet(nameRange: Range, data: LdifFixData): Diagnostic {
  return diag('ldif.log-buffers-set', nameRange, `msExchESEParamLogBuffers is set. The Exchange Server 2003 Deployment Guide's list of Exchange 2000 tuning to remove says to clear it on Exchange 2003, but its own procedure sets 9000. Clear it unless you follow that procedure.`, data);
}

function maxOpenTablesSet(nameRange: Range, data: LdifFixData): Diagnostic {
  return diag('ldif.max-open-tables-set', nameRange, `msExchESEParamMaxOpenTables should not be set on Exchange 2003, which computes it from the processor count. Clear it to <Not Set> unless Microsoft support told you otherwise, then restart the Information Store service.`, data);
}

function mb(pages: number): string {
  const m = (pages * 4) / 1024;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} MB`;
}

/**
 * A protocolSettings value that is a MAPI string: "MAPI", then exactly eight § separators (nine fields), the second
 * and third fields 0 or 1. Other protocols' strings are left alone; so are the six unused fields (the document only
 * says they are not used).
 */
function checkMapiString(v: string, range: Range, data: LdifFixData, out: Diagnostic[]): void {
  const t = v.trim();
  if (!/^MAPI(?![A-Za-z0-9])/i.test(t)) return;
  const fields = t.split(MAPI_SEPARATOR);
  let problem: string | undefined;
  if (fields.length === 1) problem = 'it has no § separators (was the file saved in a code page without §?)';
  else if (fields.length !== MAPI_FIELDS) problem = `it has ${fields.length - 1} § separators instead of 8`;
  else if (!/^[01]$/.test(fields[1]) || !/^[01]$/.test(fields[2])) problem = 'the two fields after MAPI must each be 0 or 1';
  if (!problem) return;
  const fix: LdifFixData = { ...data };
  // A missing field is undefined, which the test reads as "undefined": no fix without both flags.
  if (/^[01]$/.test(fields[1]) && /^[01]$/.test(fields[2])) fix.value = ['MAPI', fields[1], fields[2], '', '', '', '', '', ''].join(MAPI_SEPARATOR);
  out.push(diag('ldif.invalid-mapi-protocol-setting', range, `The MAPI string ${JSON.stringify(t)} in protocolSettings is malformed: ${problem}. Exchange 2003 SP2 behaviour is then undefined. Write MAPI§<0|1>§<0|1>§§§§§§.`, fix));
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
