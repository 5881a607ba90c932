/** --directory and --preview: query-based groups previewed against an ldifde export of the recipients. */
import * as fs from 'fs';
import * as path from 'path';
import { decodeBytes } from '../core/encoding';
import { applySeverityOverrides } from '../core/severity';
import { LdapFilterDocument } from '../languages/ldapfilter/parse';
import { LdifDocument } from '../languages/ldif/parse';
import { Directory, previewFilter, previewFilterFile, previewLdifGroups, PreviewResult } from '../preview';
import { Options } from './args';
import { describeError } from './files';
import { FileResult, FilterPreview } from './format';

/** Reads the export named by --directory (any encoding ldifde writes); a message when it cannot be read. */
export function loadDirectory(opts: Pick<Options, 'directory' | 'encoding' | 'context'>): { dir: Directory; name: string } | string {
  const file = opts.directory!;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return `${file}: cannot read the directory export: ${describeError(e)}`;
  }
  const dir = Directory.fromLdif(LdifDocument.parse(decodeBytes(bytes, opts.encoding).text), opts.context);
  return { dir, name: path.basename(file) };
}

function summary(r: PreviewResult, name: string): FilterPreview {
  const p: FilterPreview = { directory: name, matched: r.matched.length, total: r.total };
  if (r.notes.length) p.notes = r.notes;
  if (r.error) p.error = r.error;
  return p;
}

/** Adds the previews and their findings to the results of filter files and LDIF files. */
export function addPreviews(results: FileResult[], bytesOf: Map<FileResult, Uint8Array>, opts: Options, loaded: { dir: Directory; name: string }): void {
  const { dir, name } = loaded;
  const windowsVersion = opts.context.windowsVersion;
  for (const r of results) {
    const text = decodeBytes(bytesOf.get(r)!, opts.encoding).text;
    if (r.languageId === 'ldapfilter') {
      const { result, diagnostics } = previewFilterFile(LdapFilterDocument.parse(text), dir, name, { baseDN: opts.baseDN, windowsVersion });
      r.preview = summary(result, name);
      r.diagnostics = sortByPosition([...r.diagnostics, ...applySeverityOverrides(diagnostics, opts.overrides)]);
    } else if (r.languageId === 'ldif') {
      const groups = previewLdifGroups(LdifDocument.parse(text), dir, name, { windowsVersion });
      if (groups.length === 0) continue;
      r.previews = groups.map((g) => ({ line: g.line, dn: g.dn, ...summary(g.result, name) }));
      r.diagnostics = sortByPosition([...r.diagnostics, ...applySeverityOverrides(groups.flatMap((g) => g.diagnostics), opts.overrides)]);
    }
  }
}

function sortByPosition<T extends { range: { start: { line: number; character: number } } }>(list: T[]): T[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** --preview FILTER_FILE: the members, one DN per line (text) or as objects (json); exit 1 when there are none. */
export function listMembers(opts: Options, out: (s: string) => void, err: (s: string) => void): number {
  const loaded = loadDirectory(opts);
  if (typeof loaded === 'string') {
    err(`exchange-config-lint: ${loaded}\n`);
    return 2;
  }
  let text: string;
  try {
    text = decodeBytes(fs.readFileSync(opts.preview!), opts.encoding).text;
  } catch (e) {
    err(`exchange-config-lint: ${opts.preview}: cannot read: ${describeError(e)}\n`);
    return 2;
  }
  const r = previewFilter(LdapFilterDocument.parse(text), loaded.dir, { baseDN: opts.baseDN, windowsVersion: opts.context.windowsVersion });
  if (r.error) {
    err(`exchange-config-lint: ${opts.preview}: ${r.error} Run exchange-config-lint ${opts.preview} for the errors.\n`);
    return 1;
  }
  const first = (e: { attrs: Map<string, string[]> }, a: string): string | null => e.attrs.get(a)?.[0] ?? null;
  if (opts.format === 'json') out(`${JSON.stringify(r.matched.map((e) => ({ dn: e.dn, displayName: first(e, 'displayname'), mail: first(e, 'mail') })), null, 2)}\n`);
  else out(r.matched.map((e) => `${e.dn}\n`).join(''));
  for (const n of r.notes) err(`exchange-config-lint: note: ${n}\n`);
  if (r.matched.length === 0) err(`exchange-config-lint: ${opts.preview}: no object in ${loaded.name} matches the filter (${r.total} read)\n`);
  return r.matched.length === 0 ? 1 : 0;
}
