/**
 * The Exchange Server Analyzer's (ExBPA's) rules on single registry values, as the catalog's `analyzer` field states
 * them: a condition on the value, the kind of finding the article names, its recommendation and the article. The
 * analyzer reads a live server; here the same conditions are applied to the values an export writes. Rules that
 * combine values of several keys or files (port conflicts, the IFS backup exclusion) are in checks/exbpa.ts.
 */
import { AnalyzerCondition, AnalyzerKind, AnalyzerRule, appliesTo, ExchangeContext, RegistryEntry } from '../../core/catalog';
import { Severity } from '../../core/types';
import type { ValueData } from './valueData';

export const ANALYZER_CODES: Readonly<Record<AnalyzerKind, string>> = {
  error: 'reg.analyzer-error',
  warning: 'reg.analyzer-warning',
  'non-default': 'reg.analyzer-information',
  'best-practice': 'reg.analyzer-information',
};

const KIND_WORDS: Readonly<Record<AnalyzerKind, string>> = {
  error: 'an error',
  warning: 'a warning',
  'non-default': 'a non-default configuration',
  'best-practice': 'a best-practice finding',
};

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { hint: 0, information: 1, warning: 2, error: 3 };

/**
 * The number a value holds: a DWORD, or a string that is a decimal or 0x-hexadecimal number (as Gflags writes
 * GlobalFlag); an empty string counts as 0, the "null" the articles treat like 0.
 */
export function numberOf(data: ValueData): number | undefined {
  if (data.dword !== undefined) return data.dword;
  if (data.text === undefined) return undefined;
  const t = data.text.trim();
  if (t === '') return 0;
  if (/^0x[0-9a-f]{1,8}$/i.test(t)) return parseInt(t.slice(2), 16);
  if (/^\d{1,10}$/.test(t) && Number(t) <= 0xffffffff) return Number(t);
  return undefined;
}

/** Whether the condition holds for the data (an empty condition: any value that is present). */
export function conditionHolds(when: AnalyzerCondition, data: ValueData, ctx: ExchangeContext): boolean {
  const numeric = when.in !== undefined || when.notIn !== undefined || when.above !== undefined || when.below !== undefined || when.notMemoryDefault !== undefined;
  if (!numeric) return true;
  const n = numberOf(data);
  if (n === undefined) return false;
  if (when.notMemoryDefault) {
    if (ctx.memoryMB === undefined) return false;
    if (n === Math.min(when.notMemoryDefault.perMB * ctx.memoryMB, when.notMemoryDefault.max)) return false;
  }
  if (when.in && !when.in.includes(n)) return false;
  if (when.notIn && when.notIn.includes(n)) return false;
  if (when.above !== undefined && !(n > when.above)) return false;
  if (when.below !== undefined && !(n < when.below)) return false;
  return true;
}

export interface AnalyzerHit {
  rule: AnalyzerRule;
  code: string;
  message: string;
  data: { entryId: string; setDword?: number; deleteValue?: boolean; article: string };
}

const MESSAGE_TARGET = 250;

function shown(data: ValueData): string {
  if (data.dword !== undefined) return String(data.dword);
  if (data.text !== undefined) return data.text.length > 40 ? 'set' : `"${data.text}"`;
  return 'set';
}

/** The analyzer's findings on one value that is present (not a deletion), in the order of the catalog's rules. */
export function analyzerHits(entry: RegistryEntry, name: string, data: ValueData, ctx: ExchangeContext): AnalyzerHit[] {
  const out: AnalyzerHit[] = [];
  for (const rule of entry.analyzer ?? []) {
    if (rule.versions?.length && !appliesTo(rule.versions, ctx.exchangeVersion)) continue;
    if (!conditionHolds(rule.when, data, ctx)) continue;
    const value = shown(data);
    const head = `${name} is ${value}: the Exchange Server Analyzer reports ${KIND_WORDS[rule.kind]} (${rule.finding}).`;
    const full = rule.recommendation ? `${head} ${rule.recommendation}` : head;
    const message = full.length <= MESSAGE_TARGET ? full : `${head} See the hover for what the article recommends.`;
    const fix: { setDword?: number; deleteValue?: boolean } = {};
    if (rule.fix?.setDword !== undefined && data.dword !== undefined) fix.setDword = rule.fix.setDword;
    if (rule.fix?.delete) fix.deleteValue = true;
    out.push({ rule, code: ANALYZER_CODES[rule.kind], message, data: { entryId: entry.id, article: rule.article, ...fix } });
  }
  return out;
}
