/**
 * A new .reg file that removes, on import, every obsolete Exchange 2000 value found in the given exports:
 * one deletion entry ("Name"=-) per value, grouped by key, with the reason and the services to restart.
 */
import { ExchangeKnowledge } from '../../core/language';
import type { RegDocument } from './document';
import { checkExchange, restartPhrase } from './exchange';
import { HEADER_V5 } from './scan';
import { keyContextAt, sectionKeys } from './validate';
import { trimEndChars } from '../../core/text';

export interface CleanupSource {
  /** How to name the file in the generated comments (a path or a URI). */
  name: string;
  doc: RegDocument;
}

function escapeName(name: string): string {
  return name.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** The article of an analyzer finding whose recommendation is to delete the value, or undefined. */
function analyzerDeletion(data: unknown): string | undefined {
  const d = data as { deleteValue?: boolean; article?: string } | undefined;
  return d?.deleteValue === true && typeof d.article === 'string' ? d.article : undefined;
}

/** The cleanup file's text (CRLF line endings, as regedit writes), or undefined when nothing is obsolete. */
export function cleanupReg(sources: readonly CleanupSource[], exchange: ExchangeKnowledge): string | undefined {
  const byKey = new Map<string, { path: string; values: Map<string, { name: string; why: string }> }>();
  const restarts = new Set<string>();
  /** Values whose sources name no restart: the file says so instead of guessing. */
  const unstated: string[] = [];
  const from: string[] = [];
  let analyzer = false;
  for (const { name, doc } of sources) {
    // Obsolete Exchange 2000 tuning, and values whose removal an Exchange Server Analyzer article recommends.
    const findings = checkExchange(doc, sectionKeys(doc), exchange.registry, exchange.context).filter((f) => f.code === 'reg.deprecated-e2k-tuning' || analyzerDeletion(f.data) !== undefined);
    if (findings.length === 0) continue;
    from.push(name);
    for (const f of findings) {
      // The key regedit has open for the value (after an ignored key line, still the one before it).
      const opened = keyContextAt(doc, doc.sectionIndexAt(f.line)).line;
      if (opened === undefined) continue;
      const path = trimEndChars(doc.name(opened) ?? '', '\\');
      const valueName = doc.name(f.line);
      if (valueName === null) continue;
      const entry = exchange.registry.entries.find((e) => e.id === (f.data as { entryId?: string } | undefined)?.entryId);
      if (entry?.restart) restarts.add(restartPhrase(entry.restart));
      else if (!unstated.includes(valueName)) unstated.push(valueName);
      const key = path.toUpperCase();
      let group = byKey.get(key);
      if (!group) byKey.set(key, (group = { path, values: new Map() }));
      // The name exactly as the first file spells it: variants such as "MPHeaps parallelism" are different values.
      const article = analyzerDeletion(f.data);
      if (article !== undefined) analyzer = true;
      const why = article !== undefined ? `the Exchange Server Analyzer article "${article}" recommends deleting it` : (entry?.replacedBy ?? 'obsolete Exchange 2000 tuning');
      if (!group.values.has(valueName.toLowerCase())) group.values.set(valueName.toLowerCase(), { name: valueName, why });
    }
  }
  if (byKey.size === 0) return undefined;
  const lines = [
    HEADER_V5,
    '',
    analyzer
      ? '; Removes Exchange 2000 tuning that Exchange 2003 no longer wants and values the Exchange Server Analyzer\r\n; recommends deleting. Review it, then import it on each server'
      : '; Removes Exchange 2000 tuning that Exchange 2003 no longer wants. Review it, then import it on each server',
    '; (regedit /s this-file.reg) and restart the services listed below.',
    ...from.map((f) => `; Found in: ${f}`),
    ...[...restarts].map((r) => `; ${r}`),
    ...(unstated.length ? [`; The sources name no service to restart for ${unstated.join(', ')}.`] : []),
  ];
  for (const { path, values } of byKey.values()) {
    lines.push('', `[${path}]`);
    for (const v of values.values()) {
      lines.push(`; ${v.why.replace(/[\r\n]+/g, ' ')}`, `"${escapeName(v.name)}"=-`);
    }
  }
  lines.push('', '');
  return lines.join('\r\n');
}
