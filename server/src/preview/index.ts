/**
 * Previews of query-based groups against a directory export: the members of a filter file, and of every query-based
 * group record (msExchDynamicDLFilter, scoped by its msExchDynamicDLBaseDN) of an LDIF file.
 */
import { Diagnostic, Range } from '../core/types';
import { LdapFilterDocument } from '../languages/ldapfilter/parse';
import { LdifDocument } from '../languages/ldif/parse';
import { Directory } from './directory';
import { previewDiagnostics } from './diagnostics';
import { PreviewOptions, previewFilter, PreviewResult } from './evaluate';

export { Directory } from './directory';
export { previewFilter } from './evaluate';
export type { PreviewResult, PreviewOptions } from './evaluate';

export interface GroupPreview {
  /** 1-based line of the msExchDynamicDLFilter value. */
  line: number;
  dn: string;
  baseDN?: string;
  result: PreviewResult;
  diagnostics: Diagnostic[];
}

export function previewFilterFile(doc: LdapFilterDocument, dir: Directory, directoryName: string, opts: PreviewOptions = {}): { result: PreviewResult; diagnostics: Diagnostic[] } {
  const result = previewFilter(doc, dir, opts);
  return { result, diagnostics: previewDiagnostics(doc, result, dir, directoryName) };
}

/** Every record of the LDIF file that holds a filter: its preview and findings, placed on the filter's value. */
export function previewLdifGroups(ldif: LdifDocument, dir: Directory, directoryName: string, opts: PreviewOptions = {}): GroupPreview[] {
  const out: GroupPreview[] = [];
  for (const rec of ldif.records) {
    if (!rec.dn || (rec.changetype !== undefined && rec.changetype !== 'add')) continue;
    const filter = rec.attrs.find((a) => a.key === 'msexchdynamicdlfilter');
    if (!filter || filter.value === undefined) continue;
    const base = rec.attrs.find((a) => a.key === 'msexchdynamicdlbasedn')?.value?.trim();
    const doc = LdapFilterDocument.parse(filter.value);
    const result = previewFilter(doc, dir, { ...opts, baseDN: base || opts.baseDN });
    const place = (s: number, e: number): Range => (filter.kind === 'text' ? ldif.range(filter.ll, filter.rawStart + s, filter.rawStart + e) : ldif.valueRange(filter));
    const g: GroupPreview = { line: filter.ll.firstLine + 1, dn: (rec.dn.value ?? '').trim(), result, diagnostics: previewDiagnostics(doc, result, dir, directoryName, place) };
    if (base) g.baseDN = base;
    out.push(g);
  }
  return out;
}

