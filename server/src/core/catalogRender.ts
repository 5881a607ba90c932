/** One rendering of a catalog entry, for hover and for completion documentation alike. */
import { AnalyzerRule, EXCHANGE_VERSION_NAMES, RegistryEntry, SourceRef } from './catalog';

const STATUS: Record<RegistryEntry['status'], string> = {
  current: 'Supported',
  deprecated: '**Obsolete Exchange 2000 tuning**',
  'do-not-modify': '**Do not modify**: Setup writes it',
  discouraged: 'Valid, but **discouraged**',
};


function hex(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}

/** What a DWORD value means for this entry: the documented meaning, what a source says of other values, or the feature names of its bits. */
export function describeDword(entry: RegistryEntry, n: number): string | undefined {
  const allowed = entry.allowed?.find((a) => a.value === n);
  if (allowed) return allowed.meaning;
  // An undocumented value: what a source says such values do, if one does.
  if (entry.allowed && entry.otherValues) return entry.otherValues;
  if (entry.bits) {
    const exact = entry.bits.find((b) => b.mask === n);
    if (exact) return exact.name;
    const names = entry.bits.filter((b) => b.mask !== 0xffffffff && (n & b.mask) === b.mask).map((b) => b.name);
    return names.length ? names.join(', ') : 'no features';
  }
  return undefined;
}

/** A recommended range in words, e.g. "at least 60000 milliseconds". */
export function recommendedRange(entry: RegistryEntry): string | undefined {
  const r = entry.recommended;
  if (!r || (r.min === undefined && r.max === undefined)) return undefined;
  const unit = entry.unit ? ` ${entry.unit}` : '';
  return r.min !== undefined && r.max !== undefined ? `${r.min} to ${r.max}${unit}` : r.min !== undefined ? `at least ${r.min}${unit}` : `at most ${r.max}${unit}`;
}

/**
 * Sources as users can find them: each document once, with the section headings cited from it and its KB numbers.
 * Internal evidence is never part of it.
 */
export function sourceLines(sources: readonly SourceRef[]): string[] {
  const byDocument = new Map<string, { sections: string[]; kb: string[] }>();
  for (const s of sources) {
    let d = byDocument.get(s.document);
    if (!d) byDocument.set(s.document, (d = { sections: [], kb: [] }));
    if (!d.sections.includes(s.section)) d.sections.push(s.section);
    for (const n of s.kb ?? []) if (!d.kb.includes(n) && !s.document.includes(`KB ${n}`)) d.kb.push(n);
  }
  return [...byDocument].map(([document, d]) => `${document}, ${d.sections.map((x) => `"${x}"`).join('; ')}${d.kb.length ? ` (KB ${d.kb.join(', KB ')})` : ''}`);
}

const KIND: Record<AnalyzerRule['kind'], string> = { error: 'Error', warning: 'Warning', 'non-default': 'Non-default configuration', 'best-practice': 'Best practice' };

function conditionText(w: AnalyzerRule['when']): string {
  const parts: string[] = [];
  if (w.in) parts.push(w.in.join(' or '));
  if (w.notIn) parts.push(`not ${w.notIn.join(' or ')}`);
  if (w.above !== undefined) parts.push(`greater than ${w.above}`);
  if (w.below !== undefined) parts.push(`less than ${w.below}`);
  if (w.notMemoryDefault) parts.push(`not the default computed from the server's memory (${w.notMemoryDefault.perMB} per MB of RAM, at most ${w.notMemoryDefault.max}; checked when exchangeConfig.serverMemoryMB is set)`);
  return parts.length ? parts.join(' and ') : 'present, any value';
}

/** One analyzer rule: its kind, condition and versions, the recommendation, what the article leaves open, and the article. */
function analyzerLine(r: AnalyzerRule, k: number, all: readonly AnalyzerRule[]): string {
  const versions = r.versions?.length ? ` (${r.versions.map((v) => EXCHANGE_VERSION_NAMES[v] ?? v).join(', ')})` : '';
  const parts = [`- **${KIND[r.kind]}** when ${conditionText(r.when)}${versions}: ${r.finding}.`];
  if (r.recommendation) parts.push(r.recommendation);
  if (r.unknown?.length) parts.push(`Not stated in the article: ${r.unknown.join('; ')}.`);
  // Two rules of one article (a condition the memory setting refines) cite it once.
  if (all.findIndex((x) => x.url === r.url) === k) parts.push(`Source: Exchange Server Analyzer article "${r.article}", ${r.url}${r.modified ? `, Topic Last Modified ${r.modified}` : ''}.`);
  else parts.push('Same article.');
  return parts.join(' ');
}

/**
 * Hover and completion documentation of an entry: what to do about it first (status, action, restart), then what it
 * is, then the facts, the notes and the sources. `evidence` and `internalNotes` are for reviewers and never rendered.
 */
export function renderRegistryEntry(entry: RegistryEntry): string {
  const lines: string[] = [];
  const first: string[] = [`**Status:** ${STATUS[entry.status]}`];
  if (entry.replacedBy) first.push(`**On Exchange 2003:** ${entry.replacedBy}`);
  if (entry.action) first.push(`**What to do:** ${entry.action}`);
  if (entry.restart) {
    const when = entry.restart === 'dynamic' ? 'at once, no restart' : entry.restart === 'reboot' ? 'after restarting the server' : `after restarting ${entry.restart}`;
    first.push(`**Takes effect:** ${when}`);
  }
  lines.push(first.join('  \n'), '', entry.description, '');
  const facts: string[] = [];
  facts.push(`**Type:** ${entry.type}`);
  if (entry.allowed) facts.push(`**Values:** ${entry.allowed.map((a) => `\`${a.value}\` ${a.meaning}`).join('; ')}`);
  if (entry.otherValues) facts.push(`**Other values:** ${entry.otherValues}`);
  if (entry.min !== undefined || entry.max !== undefined) {
    const unit = entry.unit ? ` ${entry.unit}` : '';
    facts.push(
      `**Range:** ${entry.min !== undefined && entry.max !== undefined ? `${entry.min} to ${entry.max}` : entry.min !== undefined ? `at least ${entry.min}` : `at most ${entry.max}`}${unit}`,
    );
  } else if (entry.unit) facts.push(`**Unit:** ${entry.unit}`);
  const recommended = recommendedRange(entry);
  if (recommended) facts.push(`**Recommended:** ${recommended} (${entry.recommended!.reason})`);
  for (const [windows, c] of Object.entries(entry.windows ?? {})) {
    const parts: string[] = [];
    if (c.allowed) parts.push(c.allowed.map((a) => `\`${a.value}\``).join(' or '));
    if (c.min !== undefined || c.max !== undefined) parts.push(`${c.min ?? 0} to ${c.max ?? 'any'}`);
    facts.push(`**On Windows ${windows === '2003' ? 'Server 2003' : '2000'}:** ${parts.join('; ')}`);
  }
  if (entry.discouragedValues) facts.push(`**Discouraged:** ${entry.discouragedValues.map((d) => `\`${d.value}\`: ${d.reason}`).join('; ')}`);
  if (entry.bits) facts.push(`**Bits:** ${entry.bits.map((b) => `${b.name} \`${hex(b.mask)}\``).join(', ')}`);
  if (entry.format) facts.push(`**Format:** ${entry.format.replace('-', ' ')}`);
  if (entry.defaultWhenAbsent) facts.push(`**When absent:** ${entry.defaultWhenAbsent}`);
  if (entry.setupValue !== undefined) facts.push(`**Setup writes:** ${typeof entry.setupValue === 'number' ? `${entry.setupValue} (${hex(entry.setupValue)})` : entry.setupValue}`);
  if (entry.versions?.length) facts.push(`**Versions:** ${entry.versions.map((v) => EXCHANGE_VERSION_NAMES[v] ?? v).join(', ')}`);
  if (entry.roles?.length) facts.push(`**Set on:** ${entry.roles.join(', ')} servers`);
  lines.push(facts.join('  \n'));
  if (entry.notes?.length) lines.push('', ...entry.notes.map((n) => `> ${n}`));
  if (entry.typeNotStated) lines.push('', `_No source states the type; numeric conditions apply to ${entry.type} data._`);
  if (entry.analyzer?.length) lines.push('', '**Exchange Server Analyzer:**', '', ...entry.analyzer.map(analyzerLine));
  if (entry.confidence !== 'documented') lines.push('', `_Confidence: ${entry.confidence}._`);
  lines.push('', '**Sources:**', '', ...sourceLines(entry.sources).map((s) => `- ${s}`));
  return lines.join('\n');
}
