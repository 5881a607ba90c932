/**
 * What a user may never see: references to material only this project's developers have. Users cannot open the
 * source documents' file numbers and line numbers ("001:1764-1772"), the contradiction marks of our notes ("⚠D5"), or
 * the notes themselves (seed-facts, external-facts, exchange-schema-facts, their "§" numbers; a § inside data,
 * as in the MAPI protocol string MAPI§0§1§§§§§§, is not one). User-visible text
 * names a public title, a section heading, a KB number or a URL instead. Code comments and test names may keep them.
 */
const INTERNAL: { name: string; pattern: RegExp }[] = [
  { name: 'source line reference', pattern: /\b00[0-4]:\d/ },
  { name: 'source document number', pattern: /(?<![\w.,:/\\-])00[0-4](?![\w.,:/\\-])/ },
  { name: 'contradiction mark', pattern: /⚠/ },
  { name: 'reference note', pattern: /seed-facts|external-facts|exchange-schema-facts|exbpa-registry-facts|shared\/reference/i },
  { name: 'seed', pattern: /\bseed (documents?|files?|facts|text)\b|\bthe seeds\b|\bseeds? S?\d/i },
  { name: 'section sign of a note', pattern: /(?<!\S)§\s?\d/ },
  { name: 'line number of a schema copy', pattern: /\bOC-[A-Z]\b|\bL\d{3,}\b/ },
];

/** Every internal reference in a text, as "name: excerpt" strings (empty when the text is clean). */
export function internalReferences(text: string): string[] {
  const found: string[] = [];
  for (const { name, pattern } of INTERNAL) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of text.matchAll(global)) {
      const at = m.index ?? 0;
      found.push(`${name}: …${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}…`);
    }
  }
  return found;
}

/** Message length targets: the finding and what to do. The why, figures and sources belong in hover and docs. */
export const MESSAGE_P95_MAX = 250;
export const MESSAGE_MAX = 320;

/** The 95th percentile of a list of lengths (nearest rank). */
export function percentile95(lengths: number[]): number {
  if (!lengths.length) return 0;
  const sorted = [...lengths].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}
