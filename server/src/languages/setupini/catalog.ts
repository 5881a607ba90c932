/**
 * The Setup answer-file knowledge as data (server/data/catalog/setup-keys.json): only sections and keys a cited
 * source names, each with a confidence. Lookups are case-insensitive.
 */
import data from '../../../data/catalog/setup-keys.json';
import { SourceRef } from '../../core/catalog';

export type SetupKeyType = 'boolean' | 'path' | 'text' | 'account' | 'secret' | 'proxyname' | 'productid55' | 'cdkey55';

export interface SetupKey {
  name: string;
  type: SetupKeyType;
  description: string;
  confidence: 'high' | 'medium' | 'low';
  sources: SourceRef[];
  values?: string[];
  maxLength?: number;
  pattern?: string;
  form?: string;
}

export interface SetupSection {
  name: string;
  format: 'exchange55';
  description: string;
  confidence: 'high' | 'medium' | 'low';
  sources: SourceRef[];
  keys: SetupKey[];
}

export interface SetupCatalog {
  version: number;
  notes: string[];
  sections: SetupSection[];
}

export const SETUP_CATALOG = data as SetupCatalog;

const byName = new Map(SETUP_CATALOG.sections.map((s) => [s.name.toLowerCase(), s]));

export function catalogSection(name: string): SetupSection | undefined {
  return byName.get(name.toLowerCase());
}

export function catalogKey(section: string, key: string): SetupKey | undefined {
  const k = key.toLowerCase();
  return catalogSection(section)?.keys.find((x) => x.name.toLowerCase() === k);
}

/** The sections whose presence marks an Exchange 4.0/5.5 batch Setup.ini (the distinctive ones, not [Paths]). */
export const EXCHANGE55_MARKERS = ['Product ID', 'Components', 'Site', 'ServiceAccount', 'Licensing'];

const MARKER = new RegExp(`^[ \\t]*\\[[ \\t]*(${EXCHANGE55_MARKERS.map((m) => m.replace(/ /g, ' ')).join('|')})[ \\t]*\\][ \\t]*(;.*)?$`, 'im');

/** Whether the text has the shape of an Exchange answer file (a section header of the 5.5 batch format). */
export function looksLikeExchangeAnswerFile(text: string): boolean {
  return MARKER.test(text.length > 1_000_000 ? text.slice(0, 1_000_000) : text);
}

export function renderSources(sources: readonly SourceRef[]): string {
  return sources.map((s) => `- ${s.document}${s.section ? `, ${s.section}` : ''}`).join('\n');
}

/** A key name that names a password or credentials. */
export function isSecretKeyName(key: string): boolean {
  return /pass(word)?|pwd|credential/i.test(key);
}
