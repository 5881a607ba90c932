/** What an entry means beyond its text: the Windows it starts, its known switches by name, and which entry boots. */
import { ExchangeContext } from '../../core/catalog';
import { pathKey } from './arcpath';
import type { BootIniDocument, Entry, Setting, SwitchToken } from './parse';
import { BootSwitch, switchNamed } from './switches';
import { entryWindows, EntryWindows } from './windows';

export interface SwitchUse {
  token: SwitchToken;
  /** Undefined for a switch no Windows version documents. */
  sw: BootSwitch | undefined;
}

export interface EntryFacts {
  entry: Entry;
  windows: EntryWindows;
  uses: SwitchUse[];
  /** The first use of each known switch, by its upper-case name with the slash ("/3GB"). */
  first: Map<string, SwitchUse>;
}

export function entryFacts(entry: Entry, context: ExchangeContext): EntryFacts {
  // Entries that start another system by a drive path (Recovery Console, MS-DOS) run no Windows kernel.
  const windows: EntryWindows = entry.pathInfo.kind === 'drive' ? { from: 'unknown' } : entryWindows(entry.description, context);
  const uses = entry.switches.map((token) => ({ token, sw: switchNamed(token.name) }));
  const first = new Map<string, SwitchUse>();
  for (const u of uses) {
    if (!u.sw) continue;
    const key = u.sw.name.toUpperCase();
    if (!first.has(key)) first.set(key, u);
  }
  return { entry, windows, uses, first };
}

/** The first default= setting of the first [boot loader] section that has one. */
export function defaultSetting(doc: BootIniDocument): Setting | undefined {
  return doc.settings.find((s) => s.key.toLowerCase() === 'default');
}

export function settingNamed(doc: BootIniDocument, key: string): Setting | undefined {
  return doc.settings.find((s) => s.key.toLowerCase() === key);
}

/** The entries whose path default= names (letter case aside); the first of them is the one that boots. */
export function entriesNamedBy(doc: BootIniDocument, value: string): Entry[] {
  const key = pathKey(value);
  return doc.entries.filter((e) => pathKey(e.path) === key);
}

/**
 * The entry that starts when nobody chooses: the first one default= names, or, when default= is missing or names
 * none, the first Windows (ARC path) entry.
 */
export function bootEntry(doc: BootIniDocument): Entry | undefined {
  const d = defaultSetting(doc);
  const named = d ? entriesNamedBy(doc, d.value)[0] : undefined;
  return named ?? doc.entries.find((e) => e.pathInfo.kind === 'arc');
}
