/**
 * What a preview against a directory export says about a filter, as diagnostics: the group has no member, members
 * that are not Exchange recipients, conditions on attributes no object in the export holds. Only reported when the
 * user gives an export (exchange-config-lint --directory, the setting exchangeConfig.directoryExport). The codes are in
 * the LDAP filter language's table, languages/ldapfilter/codes.ts.
 */
import { codeInfo } from '../core/codes';
import { Diagnostic, Range, SOURCE } from '../core/types';
import { clip, Item, LdapFilterDocument } from '../languages/ldapfilter/parse';
import { Directory } from './directory';
import { PreviewResult } from './evaluate';

/** Where a finding goes: offsets of the filter text turned into a range of the file that holds it. */
export type Place = (start: number, end: number) => Range;

function diag(code: string, range: Range, message: string): Diagnostic {
  return { range, severity: codeInfo(code).severity, code, message, source: SOURCE };
}

export function previewDiagnostics(doc: LdapFilterDocument, r: PreviewResult, dir: Directory, directoryName: string, place: Place = (a, b) => ({ start: doc.positionAt(a), end: doc.positionAt(b) })): Diagnostic[] {
  if (r.error || !doc.root) return [];
  const out: Diagnostic[] = [];
  const [s, e] = doc.span(doc.root);
  const name = clip(directoryName, 60);
  if (r.matched.length === 0) {
    const message =
      r.total === 0
        ? `No object in ${name} is in or below the group's base DN, so the group would have no members. Check msExchDynamicDLBaseDN, or whether the export covers that container.`
        : `No object in ${name} matches this filter (${r.total} read${r.total === dir.entries.length ? '' : ' below the base DN'}): the group would have no members and its mail would reach nobody. Check each condition against the export.`;
    out.push(diag('ldapfilter.preview-matches-nobody', place(s, e), message));
  }
  const noNick = r.matched.filter((m) => !m.attrs.has('mailnickname')).length;
  if (noNick > 0) {
    out.push(
      diag(
        'ldapfilter.preview-not-mail-enabled',
        place(s, e),
        `${noNick} of the ${r.matched.length} objects this filter matches in ${name} have no mailNickname: they are not Exchange recipients and get none of the group's mail. Add (mailNickname=*) to the filter.`,
      ),
    );
  }
  const seen = new Set<string>();
  for (const item of r.items) {
    const key = item.attr.toLowerCase();
    if (!unused(item, key, dir) || seen.has(key)) continue;
    seen.add(key);
    out.push(
      diag(
        'ldapfilter.preview-attribute-unused',
        place(item.attrStart, item.attrStart + item.attr.length),
        `No object in ${name} has ${clip(item.attr, 40)}, so this condition matches nothing in the export. Check the attribute name, or whether the export left the attribute out (ldifde -l).`,
      ),
    );
  }
  return out;
}

/** A condition on an attribute that no object of the export holds (attributes outside the GC are reported by the filter checks). */
function unused(item: Item, key: string, dir: Directory): boolean {
  if (item.op === '' || !/^[A-Za-z][A-Za-z0-9-]*$/.test(item.attr)) return false;
  if (key === 'objectclass' || key === 'distinguishedname' || key === 'anr') return false;
  if (dir.visibility(key) === 'not-in-gc') return false;
  return dir.entries.length > 0 && (dir.holders.get(key) ?? 0) === 0;
}
