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
import { MAPI_SEPARATOR } from './validate';

/*
 * How the sources are named to users (internal evidence stays in these comments):
 * - What's New in Exchange Server 2003, "Removing Exchange 2000 Tuning Parameters" > "Log Buffers" / "Max Open Tables"
 *   (001:1742, 1801-1824) and "New in SP2: Enabling or Disabling MAPI Access for a Specific User" (001:501-534);
 * - Exchange Server 2003 Deployment Guide, "Removing Exchange 2000 Server Tuning Parameters" (004:1704-1730), "How to Set
 *   the msExchESEParamLogBuffers Attribute for Exchange" (004:1864-1935), "How to Set the msExchESEParamMaxOpenTables
 *   Attribute for Exchange Server 2003" (004:1937-1978), "Active Directory Connector Requirements When Migrating
 *   Exchange 5.5" (004:3293-3310);
 * - Scott Schnoll, Microsoft Exchange Server 2003 Distilled, "Exchange 2003 Tuning Parameters": "Enhanced Segmentation"
 *   (003:91-120) and "Backfilling the Public Folder" (003:394-409);
 * - Exchange Server Analyzer articles on msExchESEParamCacheSizeMax (2006-02-21) and msExchESEParamCacheSizeMin
 *   (2006-01-16), KB 822894 (external-facts §3.1); the Exchange 2003 SDK schema (exchange-schema-facts, OC-A).
 * Contradictions kept open: LogBuffers on Exchange 2003 (⚠D5), 500 or 512 on Exchange 2000 SP3 (⚠D4), the backfill
 * source's GUID (⚠D24) against the schema's DN syntax.
 */
const DEPLOY = '*Exchange Server 2003 Deployment Guide*';
const WHATS_NEW = "*What's New in Exchange Server 2003*";
const DISTILLED = 'Scott Schnoll, *Microsoft Exchange Server 2003 Distilled*, "Exchange 2003 Tuning Parameters"';
const CACHE_MAX_ARTICLE = 'Exchange Server Analyzer article on msExchESEParamCacheSizeMax (Topic Last Modified 2006-02-21, https://unifiedpeople.ru/extra.en/html/f1657a2e-65fb-493b-b3c3-054b4b114e26.htm)';
const CACHE_MIN_ARTICLE = 'Exchange Server Analyzer article "Minimum ESE cache has been manually changed" (http://technet.microsoft.com/en-us/library/aa997056(v=exchg.80).aspx); KB 822894 (https://mskb.pkisolutions.com/kb/822894)';

/** Meanings of the attributes the Exchange documents describe: what to do first, then the background and the sources. */
export const ATTRIBUTES: Readonly<Record<string, string>> = {
  dn: 'The distinguished name of the object the record describes (RFC 2849).',
  changetype: 'What the record does when imported: add, delete, modify, modrdn or moddn (RFC 2849); ldifde also reads ntdsSchemaAdd, ntdsSchemaModify, ntdsSchemaDelete and ntdsSchemaModRdn for schema updates (Microsoft, "LDIF Scripts"). Without it the record is content (ldifde adds it).',
  msexchdynamicdlfilter: 'The LDAP filter (RFC 2254) of an Exchange 2003 query-based distribution group; the categorizer runs it against a global catalog each time mail is sent (KB 822897, "How to Troubleshoot Query-Based Distribution Groups").',
  msexchdynamicdlbasedn: 'The distinguished name of the container a query-based distribution group searches, in and below it (Robbie Allen, *Active Directory Cookbook*, recipe 17.21 "Creating a Query-Based Distribution List").',
  msexcheseparamlogbuffers: [
    'Storage group: the number of ESE log buffers, which hold log data in memory before it is written to the transaction logs.',
    '',
    '**Never above 9000**: "Do not use a value greater than 9000, as that can corrupt transaction log files" (' + DEPLOY + ', "How to Set the msExchESEParamLogBuffers Attribute for Exchange").',
    '',
    '**Exchange 2003: the documents disagree.** ' + WHATS_NEW + ' and the Deployment Guide\'s "Removing Exchange 2000 Server Tuning Parameters" say to clear manual tuning to `<Not Set>` (Exchange 2003 uses 500). The Deployment Guide\'s "How to Set the msExchESEParamLogBuffers Attribute for Exchange" says to change it to 9000 on Exchange 2003, and its step 6 reads "9000 (for example, clear the value)". Restart the Microsoft Exchange Information Store service after a change.',
    '',
    'Defaults: Exchange 2000 84 ("too low" for large servers), Exchange 2003 500. Exchange 2000 before SP3: 9000. Exchange 2000 SP3: 512 in the Deployment Guide\'s procedure, 500 in the removal lists.',
  ].join('\n'),
  msexcheseparammaxopentables: [
    'Storage group: the maximum number of database tables open at once.',
    '',
    '**Exchange 2003: should not be set; clear it to `<Not Set>`** unless Microsoft Product Support Services told you otherwise, then restart the Information Store service. Exchange 2003 computes it from the processor count and caches folder data differently, so lowering it is "neither necessary nor effective". (*What\'s New* gives 27600 as the Exchange 2003 value on eight processors; the Deployment Guide gives the same number as the Exchange 2000 SP3 value.)',
    '',
    'Sources: ' + WHATS_NEW + ', "Removing Exchange 2000 Tuning Parameters" (Max Open Tables); ' + DEPLOY + ', "How to Set the msExchESEParamMaxOpenTables Attribute for Exchange Server 2003".',
  ].join('\n'),
  msexcheseparamcachesizemax: [
    'Server (`CN=InformationStore`): the maximum size of the ESE database cache, **in 4 KB pages** (147456 pages = 576 MB).',
    '',
    '**Not below 147456** ("the recommended minimum. Do not set the value any lower"); otherwise "any multiple of 8192", preferably one of: 147456 (576 MB, the Exchange 2003 default without /3GB), 196608 (768 MB), 219726 (858 MB, the Exchange 2000 default), 229376 (896 MB, the Exchange 2003 default with /3GB). When not set, Exchange 2003 sizes the cache itself from the /3GB switch.',
    '',
    'Source: ' + CACHE_MAX_ARTICLE + '.',
  ].join('\n'),
  msexcheseparamcachesizemin: [
    'Server (`CN=InformationStore`): the minimum size of the ESE database cache, **in 4 KB pages**.',
    '',
    '**Exchange 2003 derives it from the server\'s memory**; the Exchange Server Analyzer reports any value above 0 as non-default. Set it only deliberately. The analyzer\'s article gives the default as RAM/8 below 768 MB of RAM, RAM/4 from 768 MB to 2 GB and 131072 pages (512 MB) from 2 GB; KB 822894\'s table draws the lines differently (512 MB or less, 1 to 3 GB, 3 GB or more).',
    '',
    'Sources: ' + CACHE_MIN_ARTICLE + '.',
  ].join('\n'),
  protocolsettings: [
    'User: client access settings, one string per protocol (multi-valued).',
    '',
    '**MAPI access (Exchange 2003 SP2)**: `MAPI§<Bool1>§<Bool2>§§§§§§`, exactly eight `§` separators and nine fields. Bool1: `0` blocks all MAPI access, `1` lets Bool2 decide. Bool2: `0` does nothing, `1` denies Outlook clients that do not run in cached mode. The other six fields are not used. A string without the eight separators or with other data types gives **undefined** behaviour; without a MAPI string all MAPI clients are allowed. The restriction does not affect Exchange tasks such as mailbox moves, nor the user\'s delegate access to other mailboxes.',
    '',
    'ldifde exports values with characters such as `§` in base64 (`protocolSettings:: …`; Microsoft, "LDIF Scripts"); hover the value to see it decoded.',
    '',
    'Source: ' + WHATS_NEW + ', "New in SP2: Enabling or Disabling MAPI Access for a Specific User".',
  ].join('\n'),
  msexchinterorgaddresstype: [
    'Inter-organizational connection agreement (Active Directory Connector): the address types it includes with replicated objects.',
    '',
    '**Set it to `SMTP,X500`** on the connection agreement whose target container is in Active Directory; by default the Active Directory Connector includes no X500 addresses with user objects. Set it with Ldp.exe or ADSI Edit.',
    '',
    'Source: ' + DEPLOY + ', "Active Directory Connector Requirements When Migrating Exchange 5.5".',
  ].join('\n'),
  msexchmailboxfolderset: [
    'User: per-user Outlook Web Access segmentation, a bit mask of features; it overrides the server\'s DefaultMailboxFolderSet registry value.',
    '',
    'The feature bits are those of Table 10-1 (OWA Segmentation Values); 4294967295 enables all features. The book calls the value decimal but writes the bits in hexadecimal; in an LDIF file the attribute is an integer, written in decimal.',
    '',
    'Source: ' + DISTILLED + ', "Enhanced Segmentation".',
  ].join('\n'),
  msexchpreferredbackfillsource: [
    'Public information store object of the server that **sends** backfill requests: the preferred public folder backfill server. Checked before the Preferred Backfill Source registry value; read on each backfill request, so no restart is needed.',
    '',
    '**What value it takes is not settled**: the book says "the GUID of the desired backfill server", its registry equivalent asks for the "Public Folder Store GUID of desired backfill server", and the Exchange 2003 schema (ms-Exch-Preferred-Backfill-Source) gives the attribute distinguished-name syntax.',
    '',
    'Sources: ' + DISTILLED + ', "Backfilling the Public Folder"; Exchange Server 2003 SDK schema.',
  ].join('\n'),
};

const BOOL1: Readonly<Record<string, string>> = { '0': 'blocks all MAPI access', '1': 'MAPI access depends on the next field' };
const BOOL2: Readonly<Record<string, string>> = { '0': 'no further restriction', '1': 'denies Outlook clients that do not run in cached mode' };

/** What the fields of a MAPI protocol string mean (undefined for other protocols' strings). */
export function mapiFields(value: string): string | undefined {
  const t = value.trim();
  if (!/^MAPI(?![A-Za-z0-9])/i.test(t)) return undefined;
  const f = t.split(MAPI_SEPARATOR);
  const field = (v: string | undefined, meaning: Readonly<Record<string, string>>): string => (v === undefined ? 'missing' : `\`${v || ' '}\`: ${meaning[v] ?? 'not 0 or 1, so the behaviour is undefined'}`);
  const count = f.length - 1 === 8 ? 'eight `§` separators, as required' : `${f.length - 1} \`§\` separators where eight are required, so the behaviour is undefined`;
  return [`MAPI access string (Exchange 2003 SP2): ${count}.`, '', `- Bool1 ${field(f[1], BOOL1)}`, `- Bool2 ${field(f[2], BOOL2)}`, '- the remaining six fields are not used'].join('\n');
}

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
    const mapi = a.key === 'protocolsettings' && a.value !== undefined ? mapiFields(a.value) : undefined;
    return { contents: `**${a.name}** (base64), decoded:\n\n${text}${mapi ? `\n\n${mapi}` : ''}`, range: doc.valueRange(a) };
  }
  if (a.key === 'protocolsettings' && a.kind === 'text' && a.value !== undefined && at.offset >= a.rawStart) {
    const mapi = mapiFields(a.value);
    return mapi ? { contents: `**${a.name}**\n\n${mapi}`, range: doc.valueRange(a) } : undefined;
  }
  return undefined;
}
