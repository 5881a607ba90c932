/**
 * Hover: a section header or a key shows what it is and its values first, then its confidence and sources from the
 * catalog (never the catalog's evidence or internal notes).
 */
import { AnalyzeOptions, Hover } from '../../core/language';
import { lineRange, Position } from '../../core/types';
import { answerFileFormat } from './detect';
import { renderSources, SETUP_CATALOG, setupIndex } from './catalog';
import type { SetupIniDocument } from './parse';

const FORMAT_55 = 'Exchange 4.0/5.5 batch Setup.ini (setup /q)';

/** Why a section or key has no catalog entry, by the format the file shows. */
function notInCatalog(doc: SetupIniDocument): string {
  return answerFileFormat(doc) === 'exchange2000'
    ? 'Not in the catalog: the sections and keys of the Exchange 2000/2003 answer file (setup /createunattend) are not documented in the sources this tool uses, so they are not checked one by one.'
    : 'Not in the catalog. The catalog has the sections and keys of the Exchange 4.0/5.5 batch Setup.ini that KB 168490 and KB 188625 list.';
}

export function setupiniHover(doc: SetupIniDocument, pos: Position, options: AnalyzeOptions = {}): Hover | undefined {
  const catalog = setupIndex(options.exchange?.setupCatalogs);
  const rec = doc.records[pos.line];
  if (!rec) return undefined;
  if (rec.kind === 'header') {
    const s = doc.sections[rec.section];
    if (pos.character < s.nameStart || pos.character > s.nameEnd) return undefined;
    const c = catalog.section(s.name);
    const contents = c
      ? [`**[${c.name}]**: ${FORMAT_55}`, c.description, `Keys: ${c.keys.map((k) => `\`${k.name}\``).join(', ')}`, `Confidence: ${c.confidence}. Sources:\n${renderSources(c.sources)}`].join('\n\n')
      : `**[${s.name}]**\n\n${notInCatalog(doc)}`;
    return { contents, range: lineRange(pos.line, s.nameStart, s.nameEnd) };
  }
  const st = rec.setting;
  if (!st || rec.kind !== 'setting' || pos.character < st.keyStart || pos.character > st.keyEnd) return undefined;
  const section = doc.sections[st.section].name;
  const k = catalog.key(section, st.key);
  const contents = k
    ? [
        `**${k.name}** in [${catalog.section(section)!.name}]: ${FORMAT_55}`,
        k.description,
        k.values ? `Values: ${k.values.map((v) => `\`${v}\``).join(', ')}` : k.form ? `Form: \`${k.form}\`` : k.maxLength ? `At most ${k.maxLength} characters.` : '',
        `Confidence: ${k.confidence}. Sources:\n${renderSources(k.sources)}`,
      ]
        .filter(Boolean)
        .join('\n\n')
    : `**${st.key}**\n\n${notInCatalog(doc)}`;
  return { contents, range: lineRange(pos.line, st.keyStart, st.keyEnd) };
}

export { SETUP_CATALOG };
