/**
 * The boot.ini knowledge: every documented switch and [boot loader] setting, as data
 * (server/data/catalog/bootini-switches.json), with lookups by name and the one rendering used by hover and completion.
 */
import data from '../../../data/catalog/bootini-switches.json';

/** A source named as a reader can find it: the public title, the section heading, a KB number or URL. */
export interface BootSource {
  /** The public title, e.g. "KB 833721, Available switch options for the Windows XP and the Windows Server 2003 Boot.ini files". */
  document: string;
  /** The heading the fact stands under, when not the whole document. */
  section?: string;
  /** Knowledge Base articles the source refers to. */
  kb?: string[];
  url?: string;
  /** Where we verified it (source file and line, note section): for the project's developers only, never rendered. */
  evidence?: string;
}

/** The Windows releases that read boot.ini. */
export type WindowsRelease = 'nt4' | '2000' | 'xp' | '2003';

export const RELEASE_NAMES: Record<WindowsRelease, string> = {
  nt4: 'Windows NT 4.0',
  '2000': 'Windows 2000',
  xp: 'Windows XP',
  '2003': 'Windows Server 2003',
};

export interface DocumentedValue {
  value: string;
  /** What the value means, in our own words. */
  meaning: string;
  /** Only these releases know the value. */
  windows?: WindowsRelease[];
}

export interface BootSwitch {
  /** The documented spelling with its slash, e.g. "/USERVA". Switches are matched case-insensitively. */
  name: string;
  /** Whether the switch takes a value after a separator. */
  value: 'none' | 'required' | 'optional';
  /** The separators the value may follow; the first is the documented one. */
  separators?: string[];
  /** integer: decimal digits within min/max; enum: one of `values`; text: anything matching `pattern`. */
  valueKind?: 'integer' | 'enum' | 'text';
  /** How the value is written, for hover and completion. */
  valueForm?: string;
  unit?: string;
  min?: number;
  max?: number;
  /** A regular expression (matched case-insensitively) that a text value must match. */
  pattern?: string;
  /** Documented values: the only ones allowed for enum switches, suggestions for the others. */
  values?: DocumentedValue[];
  /** The value quick fixes write when the value is missing or out of range: the one Exchange 2003 expects (see `exchange`). */
  recommended?: string;
  /** The releases the sources name for the switch. */
  windows?: WindowsRelease[];
  /** The sources say that only `windows` know the switch (others ignore it). */
  windowsOnly?: boolean;
  /** Releases the sources are silent on: the switch is not reported there, and hover says they do not settle it. */
  windowsUnclear?: WindowsRelease[];
  /** The first service pack of a release that knows the switch. */
  servicePack?: Partial<Record<WindowsRelease, number>>;
  /** The switch has no effect unless one of these is on the same entry ("/NAME" or "/NAME=VALUE"). */
  requires?: string[];
  /** Why, as a sentence without its closing period: the message goes on after it. */
  requiresNote?: string;
  /** The name later Windows versions know the same function by. */
  replacedBy?: string;
  /** Switches that contradict this one (the relation is symmetric). */
  conflicts?: string[];
  /** Markdown, in our own words. */
  description: string;
  /** What Exchange 2000/2003 expects, markdown. */
  exchange?: string;
  notes?: string[];
  sources: BootSource[];
  /** Remarks for the project's developers (evidence, removed claims); never rendered. */
  internalNotes?: string[];
}

export interface LoaderSetting {
  /** Lower-case key name, e.g. "timeout". */
  name: string;
  valueForm: string;
  values?: DocumentedValue[];
  windows?: WindowsRelease[];
  description: string;
  sources: BootSource[];
  /** Remarks for the project's developers; never rendered. */
  internalNotes?: string[];
}

export interface BootIniCatalog {
  version: number;
  switches: BootSwitch[];
  loaderSettings: LoaderSetting[];
}

export const BOOTINI_CATALOG = data as unknown as BootIniCatalog;

const byName = new Map<string, BootSwitch>(BOOTINI_CATALOG.switches.map((s) => [s.name.slice(1).toUpperCase(), s]));
const settingByName = new Map<string, LoaderSetting>(BOOTINI_CATALOG.loaderSettings.map((s) => [s.name, s]));

const patterns = new Map<BootSwitch, RegExp>(BOOTINI_CATALOG.switches.filter((s) => s.pattern).map((s) => [s, new RegExp(s.pattern!, 'i')]));

/** The compiled `pattern` a text value must match. */
export function valuePattern(sw: BootSwitch): RegExp | undefined {
  return patterns.get(sw);
}

/** The switch with this name (without the slash), case-insensitively. */
export function switchNamed(name: string): BootSwitch | undefined {
  return byName.get(name.toUpperCase());
}

export function loaderSetting(key: string): LoaderSetting | undefined {
  return settingByName.get(key.toLowerCase());
}

/** Every switch name without its slash, as documented. */
export const SWITCH_NAMES: readonly string[] = BOOTINI_CATALOG.switches.map((s) => s.name.slice(1));

export const LOADER_KEYS: readonly string[] = BOOTINI_CATALOG.loaderSettings.map((s) => s.name);

const conflictPairs = new Map<string, Set<string>>();
for (const s of BOOTINI_CATALOG.switches) {
  for (const other of s.conflicts ?? []) {
    const a = s.name.toUpperCase();
    const b = other.toUpperCase();
    if (!conflictPairs.has(a)) conflictPairs.set(a, new Set());
    if (!conflictPairs.has(b)) conflictPairs.set(b, new Set());
    conflictPairs.get(a)!.add(b);
    conflictPairs.get(b)!.add(a);
  }
}

/** Upper-case names (with slash) of the switches that contradict this one. */
export function conflictsOf(sw: BootSwitch): ReadonlySet<string> {
  return conflictPairs.get(sw.name.toUpperCase()) ?? new Set();
}

/** The documented value equal to `value` (case-insensitively). */
export function documentedValue(values: readonly DocumentedValue[] | undefined, value: string): DocumentedValue | undefined {
  const v = value.toUpperCase();
  return values?.find((d) => d.value.toUpperCase() === v);
}

/** A switch name written in the letter case the user wrote the rest of it in. */
export function inUserCase(canonical: string, written: string): string {
  if (written !== '' && written === written.toLowerCase() && /[a-z]/.test(written)) return canonical.toLowerCase();
  if (written !== '' && written === written.toUpperCase() && /[A-Z]/.test(written)) return canonical.toUpperCase();
  return canonical;
}

function releaseList(releases: readonly WindowsRelease[], sp?: Partial<Record<WindowsRelease, number>>): string {
  return releases.map((r) => `${RELEASE_NAMES[r]}${sp?.[r] ? ` SP${sp[r]}` : ''}`).join(', ');
}

/** Where the switch is known, in words. */
export function describeVersions(sw: BootSwitch): string {
  if (!sw.windows) return 'not restricted by the sources';
  const list = releaseList(sw.windows, sw.servicePack);
  const unclear = sw.windowsUnclear?.length ? `; ${releaseList(sw.windowsUnclear)} not documented either way` : '';
  return sw.windowsOnly ? `only ${list}${sw.servicePack ? ' and later service packs' : ''}${unclear}` : `${list} (others not documented either way)`;
}

/** One source as a reader can look it up; `evidence` stays internal. */
function renderSource(s: BootSource): string {
  const kbs = (s.kb ?? []).filter((kb) => !s.document.includes(`KB ${kb}`));
  return `${s.document}${s.section ? `, "${s.section}"` : ''}${kbs.length ? ` (KB ${kbs.join(', KB ')})` : ''}${s.url ? ` <${s.url}>` : ''}`;
}

/** Each source once: several catalog references can point at one section of a document. */
function renderSources(sources: readonly BootSource[]): string {
  return [...new Set(sources.map(renderSource))].join('; ');
}

/** One rendering of a switch, for hover and for completion documentation alike. */
export function renderSwitch(sw: BootSwitch): string {
  const lines: string[] = [sw.description, ''];
  const facts: string[] = [];
  if (sw.value === 'none') facts.push('**Value:** none');
  else {
    const seps = (sw.separators ?? ['=']).map((s) => `\`${s}\``).join(' or ');
    facts.push(`**Value:** ${sw.value === 'optional' ? 'optional, ' : ''}after ${seps}: ${sw.valueForm ?? 'see the description'}`);
  }
  if (sw.min !== undefined || sw.max !== undefined) {
    const unit = sw.unit ? ` ${sw.unit}` : '';
    facts.push(`**Range:** ${sw.min !== undefined && sw.max !== undefined ? `${sw.min} to ${sw.max}` : sw.min !== undefined ? `at least ${sw.min}` : `at most ${sw.max}`}${unit}`);
  }
  if (sw.values?.length) {
    const label = sw.valueKind === 'enum' ? 'Values' : 'Documented values';
    facts.push(`**${label}:** ${sw.values.map((v) => `\`${v.value}\` ${v.meaning}${v.windows ? ` (${releaseList(v.windows)} only)` : ''}`).join('; ')}`);
  }
  facts.push(`**Windows:** ${describeVersions(sw)}`);
  if (sw.requires?.length) facts.push(`**Needs:** ${sw.requires.join(' or ')}`);
  const conflicts = [...conflictsOf(sw)];
  if (conflicts.length) facts.push(`**Contradicts:** ${conflicts.join(', ')}`);
  lines.push(facts.join('  \n'));
  if (sw.exchange) lines.push('', `**Exchange:** ${sw.exchange}`);
  if (sw.notes?.length) lines.push('', ...sw.notes.map((n) => `> ${n}`));
  lines.push('', `Sources: ${renderSources(sw.sources)}`);
  return lines.join('\n');
}

export function renderLoaderSetting(s: LoaderSetting): string {
  const lines: string[] = [s.description, '', `**Value:** ${s.valueForm}`];
  if (s.values?.length) lines[2] += `  \n**Documented values:** ${s.values.map((v) => `\`${v.value}\` ${v.meaning}`).join('; ')}`;
  if (s.windows) lines[2] += `  \n**Windows:** ${releaseList(s.windows)}`;
  lines.push('', `Sources: ${renderSources(s.sources)}`);
  return lines.join('\n');
}
