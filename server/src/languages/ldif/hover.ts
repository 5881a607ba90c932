/**
 * Hover: what an attribute means (on attribute lines and on the attribute of add:/delete:/replace: lines): the
 * Exchange attributes this language checks as the Exchange documents describe them, the others from the recipient
 * attribute catalog of the LDAP filter language (global catalog, index, syntax); the LDAP filter language's hover
 * inside plain-text msExchDynamicDLFilter values, and the decoded text of base64 values.
 */
import { AnalyzeOptions, Hover } from '../../core/language';
import { Position } from '../../core/types';
import { DEFAULT_CONTEXT } from '../../core/catalog';
import { ldapfilterLanguage } from '../ldapfilter';
import { attributeNamed, renderAttribute } from '../ldapfilter/attributes';
import { logicalAt } from './locate';
import { AttrLine, LdifDocument, LdifRecord, LogicalLine } from './parse';

/** Meanings of the attributes the Exchange documents describe (seed-facts §2.2, external-facts §3.1 and §5.1). */
export const ATTRIBUTES: Readonly<Record<string, string>> = {
  dn: 'The distinguished name of the object the record describes (RFC 2849).',
  changetype: 'What the record does when imported: add, delete, modify, modrdn or moddn (RFC 2849). Without it the record is content (ldifde adds it).',
  msexchdynamicdlfilter: 'The LDAP filter (RFC 2254) of an Exchange 2003 query-based distribution group; the categorizer runs it against a global catalog each time mail is sent (external-facts §5.1-5.2).',
  msexchdynamicdlbasedn: 'The distinguished name of the container a query-based distribution group searches, in and below it (external-facts §5.1).',
  msexcheseparamlogbuffers: 'Storage group: number of ESE log buffers. Exchange 2000 default 84, Exchange 2003 500. Never above 9000 (can corrupt transaction logs). On Exchange 2003 the removal lists say to clear it to <Not Set> (001:1801-1811; 004:1724-1726), but 004:1877 and 004:1911 say to set 9000 there (seed-facts ⚠D5); for Exchange 2000 SP3 the recommendation is 500 (001:1803; 004:1726) or 512 (004:1874, 1911) (⚠D4).',
  msexcheseparammaxopentables: 'Storage group: maximum number of database tables open at once. Exchange 2003 computes it; it should not be set there (001:1814-1824; 004:1728-1730, 1937-1978).',
  msexchmailboxfolderset: 'Per-user Outlook Web Access segmentation: a bit mask of features; it overrides the server\'s DefaultMailboxFolderSet (003:93, 102-120).',
  msexchpreferredbackfillsource: 'Public information store object: a GUID naming the preferred public folder backfill server (003:402 says the server\'s GUID; the Preferred Backfill Source registry value asks for its public folder store GUID, 003:407, so which is meant is ambiguous, seed-facts ⚠D24); checked before that registry value (003:400-409).',
};

/** The hover text of attribute `name`: its meaning above, else its catalog entry; undefined for an unknown attribute. */
function attributeText(name: string, options: AnalyzeOptions): string | undefined {
  const key = name.split(';')[0].toLowerCase();
  const meaning = ATTRIBUTES[key];
  if (meaning) return `**${name}**\n\n${meaning}`;
  const a = attributeNamed(key);
  if (!a) return undefined;
  const extraGc = (options.exchange?.context ?? DEFAULT_CONTEXT).extraGcAttributes ?? [];
  return renderAttribute(a, extraGc.some((x) => x.toLowerCase() === a.name.toLowerCase()));
}

/** The logical line of a record under the position, and the position's offset in it (on its text, not a fold's space). */
function lineAt(doc: LdifDocument, pos: Position): { ll: LogicalLine; rec: LdifRecord; offset: number } | undefined {
  const at = logicalAt(doc, pos.line);
  if (!at?.rec) return undefined;
  for (const s of at.ll.segments) {
    if (s.line === pos.line && pos.character >= s.char && pos.character <= s.char + s.length) return { ll: at.ll, rec: at.rec, offset: s.offset + pos.character - s.char };
  }
  return undefined;
}

/** The attribute line of a logical line; `op` when it opens an add:/delete:/replace: block. */
function attrOf(rec: LdifRecord, ll: LogicalLine): { a: AttrLine; op: boolean } | undefined {
  if (rec.dn?.ll === ll) return { a: rec.dn, op: false };
  if (rec.changetypeLine?.ll === ll) return { a: rec.changetypeLine, op: false };
  for (const a of rec.attrs) if (a.ll === ll) return { a, op: false };
  for (const b of rec.blocks) {
    if (b.opLine.ll === ll) return { a: b.opLine, op: true };
    for (const v of b.values) if (v.ll === ll) return { a: v, op: false };
  }
  return undefined;
}

export function ldifHover(doc: LdifDocument, pos: Position, options: AnalyzeOptions = {}): Hover | undefined {
  if (!pos || typeof pos.line !== 'number' || typeof pos.character !== 'number') return undefined;
  const at = lineAt(doc, pos);
  if (!at) return undefined;
  const found = attrOf(at.rec, at.ll);
  if (!found) return undefined;
  const { a } = found;
  if (at.offset <= a.nameEnd) {
    const text = attributeText(a.name, options);
    return text ? { contents: text, range: doc.range(a.ll, a.nameStart, a.nameEnd) } : undefined;
  }
  if (found.op && a.kind === 'text') {
    // "replace: msExchESEParamLogBuffers": the attribute the block changes, explained as on its value lines.
    const name = a.raw.trimEnd();
    const end = a.rawStart + name.length;
    if (at.offset < a.rawStart || at.offset > end) return undefined;
    const text = attributeText(name, options);
    return text ? { contents: text, range: doc.range(a.ll, a.rawStart, end) } : undefined;
  }
  if (a.key === 'msexchdynamicdlfilter' && a.kind === 'text' && at.offset >= a.rawStart) {
    const fdoc = ldapfilterLanguage.parse(a.raw);
    const h = ldapfilterLanguage.hover(fdoc, { line: 0, character: at.offset - a.rawStart }, options);
    if (!h) return undefined;
    const s = a.rawStart + fdoc.offsetAt(h.range.start);
    const e = a.rawStart + fdoc.offsetAt(h.range.end);
    return { contents: h.contents, range: doc.range(a.ll, s, e) };
  }
  if (a.kind === 'base64' && at.offset >= a.rawStart) {
    const text = a.value === undefined ? '*(not valid base64)*' : '```\n' + a.value.replace(/```/g, '`\u200b``') + '\n```';
    return { contents: `**${a.name}** (base64), decoded:\n\n${text}`, range: doc.valueRange(a) };
  }
  return undefined;
}
