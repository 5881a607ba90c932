/** Hover: a section header or a key shows its meaning, values, confidence and sources from the catalog. */
import { AnalyzeOptions, Hover } from '../../core/language';
import { lineRange, Position } from '../../core/types';
import { renderSources, SETUP_CATALOG, setupIndex } from './catalog';
import type { SetupIniDocument } from './parse';

const NOT_IN_CATALOG = 'Not in the catalog. Only the Exchange 4.0/5.5 batch Setup.ini is catalogued; the keys of the Exchange 2000/2003 answer file are not documented in the sources this tool uses (KB 312363).';

export function setupiniHover(doc: SetupIniDocument, pos: Position, options: AnalyzeOptions = {}): Hover | undefined {
  const catalog = setupIndex(options.exchange?.setupCatalogs);
  const rec = doc.records[pos.line];
  if (!rec) return undefined;
  if (rec.kind === 'header') {
    const s = doc.sections[rec.section];
    if (pos.character < s.nameStart || pos.character > s.nameEnd) return undefined;
    const c = catalog.section(s.name);
    const contents = c
      ? `**[${c.name}]** (Exchange 4.0/5.5 batch Setup.ini, confidence ${c.confidence})\n\n${c.description}\n\nKeys: ${c.keys.map((k) => `\`${k.name}\``).join(', ')}\n\nSources:\n${renderSources(c.sources)}`
      : `**[${s.name}]**\n\n${NOT_IN_CATALOG}`;
    return { contents, range: lineRange(pos.line, s.nameStart, s.nameEnd) };
  }
  const st = rec.setting;
  if (!st || rec.kind !== 'setting' || pos.character < st.keyStart || pos.character > st.keyEnd) return undefined;
  const section = doc.sections[st.section].name;
  const k = catalog.key(section, st.key);
  const contents = k
    ? [
        `**${k.name}** in [${catalog.section(section)!.name}] (Exchange 4.0/5.5 batch Setup.ini, confidence ${k.confidence})`,
        k.description,
        k.values ? `Values: ${k.values.map((v) => `\`${v}\``).join(', ')}` : k.form ? `Form: \`${k.form}\`` : k.maxLength ? `At most ${k.maxLength} characters.` : '',
        `Sources:\n${renderSources(k.sources)}`,
      ]
        .filter(Boolean)
        .join('\n\n')
    : `**${st.key}**\n\n${NOT_IN_CATALOG}`;
  return { contents, range: lineRange(pos.line, st.keyStart, st.keyEnd) };
}

export { SETUP_CATALOG };
