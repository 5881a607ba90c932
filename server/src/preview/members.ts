/** The members of a previewed query-based group as a markdown page (the editor's "Preview" CodeLens opens it). */
import { clip } from '../languages/ldapfilter/parse';
import { Entry } from './directory';
import { PreviewResult } from './evaluate';

/** A table cell: no line breaks, pipes escaped, markdown inert. */
function cell(s: string | undefined): string {
  if (s === undefined || s === '') return '';
  return clip(s.replace(/[\r\n]+/g, ' '), 200).replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** The most specific object class: ldifde lists the classes from top down to the object's own. */
function objectClass(e: Entry): string | undefined {
  const classes = e.attrs.get('objectclass');
  return classes?.[classes.length - 1];
}

export function membersMarkdown(r: PreviewResult, directoryName: string, groupDn?: string): string {
  const lines = [`# Query-based group preview${groupDn ? `: ${cell(groupDn)}` : ''}`, ''];
  lines.push(`The filter matches ${r.matched.length} of the ${r.total} objects read from ${cell(directoryName)}${r.total === 0 ? ' (none is in or below the base DN)' : ''}.`, '');
  for (const n of r.notes) lines.push(`- ${cell(n)}`);
  if (r.notes.length > 0) lines.push('');
  if (r.matched.length > 0) {
    lines.push('| Display name | Mail | DN | Object class |', '| --- | --- | --- | --- |');
    for (const e of r.matched) {
      lines.push(`| ${cell(e.attrs.get('displayname')?.[0])} | ${cell(e.attrs.get('mail')?.[0])} | ${cell(e.dn)} | ${cell(objectClass(e))} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
