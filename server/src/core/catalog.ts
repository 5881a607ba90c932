/**
 * The shape of the Exchange knowledge catalog (server/data/catalog/*.json). Everything Exchange-specific is data:
 * reviewed like code, cited, and rendered by one function for hover and completion alike.
 */

export type RegistryType = 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_MULTI_SZ' | 'REG_DWORD' | 'REG_QWORD' | 'REG_BINARY';

/** Exchange versions a setting or a status applies to. */
export type ExchangeVersion = '2000' | '2003' | '2003sp1' | '2003sp2';

export const EXCHANGE_VERSION_NAMES: Readonly<Record<ExchangeVersion, string>> = {
  '2000': 'Exchange 2000',
  '2003': 'Exchange 2003',
  '2003sp1': 'Exchange 2003 SP1',
  '2003sp2': 'Exchange 2003 SP2',
};

export type WindowsVersion = '2000' | '2003';

export type ServerRole = 'mailbox' | 'public-folder' | 'front-end' | 'bridgehead' | 'rpc-proxy' | 'client';

/**
 * current: a supported setting; deprecated: Exchange 2000 tuning that Exchange 2003 ignores or that now harms
 * (remove it); do-not-modify: Setup writes it and it must keep that value; discouraged: valid but best avoided
 * outside troubleshooting.
 */
export type EntryStatus = 'current' | 'deprecated' | 'do-not-modify' | 'discouraged';

export interface SourceRef {
  /** The public title of the document, as a reader can find it (with its URL where one exists). Shown to users. */
  document: string;
  /** The section heading the fact stands under. Shown to users. */
  section: string;
  /** Microsoft Knowledge Base article numbers the source refers to. */
  kb?: string[];
  /** Internal evidence for reviewers (file and line numbers of the copy that was read). Never rendered. */
  evidence?: string;
}

/** A range a source recommends but Exchange does not enforce. */
export interface Recommendation {
  min?: number;
  max?: number;
  /** Who recommends it and why, in our own words. */
  reason: string;
}

export interface AllowedValue {
  value: number | string;
  /** What this value means, in our own words. */
  meaning: string;
}

export interface WindowsConstraint {
  min?: number;
  max?: number;
  allowed?: AllowedValue[];
}

/** How confident the catalog is in a fact; findings from uncertain entries are reported one severity level lower, with a note. */
export type Confidence = 'documented' | 'inferred' | 'uncertain';

/** How an Exchange Server Analyzer article classifies what it reports. */
export type AnalyzerKind = 'error' | 'warning' | 'non-default' | 'best-practice';

/**
 * The condition under which the analyzer reports a value that is present, every given part at once. An empty
 * condition means "present with any value". Numeric parts apply to DWORD data only.
 */
export interface AnalyzerCondition {
  /** The value is one of these numbers. */
  in?: number[];
  /** The value is none of these numbers. */
  notIn?: number[];
  /** The value is greater than this number. */
  above?: number;
  /** The value is less than this number. */
  below?: number;
  /**
   * The value differs from a default computed from the server's memory: perMB per MB of RAM, at most max. Holds
   * only when the memory is configured (exchangeConfig.serverMemoryMB, --memory-mb).
   */
  notMemoryDefault?: { perMB: number; max: number };
}

/** One rule of the Exchange Server Analyzer (ExBPA) on this value, as its article states it. */
export interface AnalyzerRule {
  kind: AnalyzerKind;
  when: AnalyzerCondition;
  /** Only on these Exchange versions (the configured version decides); all versions when absent. */
  versions?: ExchangeVersion[];
  /** The article as users can find it: its title or the rule it explains. Shown to users. */
  article: string;
  /** The article's address (Microsoft TechNet where known, else the stored mirror). Shown to users. */
  url: string;
  /** The article's "Topic Last Modified" date, where known (YYYY-MM-DD). */
  modified?: string;
  /** What the analyzer reports, in a few words (e.g. "call tracing is turned on"). Shown in the message. */
  finding: string;
  /** What the article recommends, in our own words. Shown in the message when short, always in hover. */
  recommendation?: string;
  /** The recommendation as an edit, where it is a value: set this DWORD, or delete the value. */
  fix?: { setDword?: number; delete?: boolean };
  /** What the article does not say (restart, range, the reason), so that hover says it is not known. */
  unknown?: string[];
  /** Internal evidence for reviewers (which row of our notes, which copy was read). Never shown to users. */
  evidence?: string;
}

export interface RegistryEntry {
  /** Stable identifier, e.g. "msexchangeis.parameterssystem.initial-memory-percentage". */
  id: string;
  /**
   * Every documented spelling of the key path, full root names or HKLM abbreviations alike; matched
   * case-insensitively after expanding HKLM and removing trailing separators. `<n>` stands for one path segment
   * of digits (a virtual server instance); `<name>` for one or more characters of a segment (a server name, a store
   * GUID).
   */
  keys: string[];
  /** The value name and its documented spelling variants (matched case-insensitively). */
  names: string[];
  type: RegistryType;
  /** Only these values are documented. */
  allowed?: AllowedValue[];
  /** What Exchange does with a value outside `allowed`, as a source states it (messages say nothing without it). */
  otherValues?: string;
  /** Inclusive numeric range for REG_DWORD values. */
  min?: number;
  max?: number;
  /** A range a source recommends (reported as discouraged outside it, never as out of range). */
  recommended?: Recommendation;
  /**
   * Constraints that hold only on one Windows version: checked against the configured Windows version; when none is
   * configured, a value that meets no version's constraint is reported.
   */
  windows?: Partial<Record<WindowsVersion, WindowsConstraint>>;
  /** Values that are valid but advised against outside troubleshooting. */
  discouragedValues?: { value: number | string; reason: string }[];
  unit?: string;
  /** Named bits of a bit mask (the value must be a combination of them). */
  bits?: { mask: number; name: string }[];
  /** Shape of REG_SZ data. */
  format?: 'guid' | 'drive-letter' | 'extension-list' | 'mime-list' | 'host-list' | 'valid-ports';
  /** What Exchange does when the value is absent, in words. */
  defaultWhenAbsent?: string;
  /** For do-not-modify values: the value Setup writes. */
  setupValue?: number | string;
  /** Versions the setting has an effect on. */
  versions?: ExchangeVersion[];
  status: EntryStatus;
  /** For deprecated values: what Exchange 2003 does instead. */
  replacedBy?: string;
  /** What to do, in our own words. */
  action?: string;
  /** Service(s) to restart, or "dynamic", or "reboot". */
  restart?: string;
  /** Where the value belongs. */
  roles?: ServerRole[];
  /** Markdown, in our own words (never the seed documents' sentences). */
  description: string;
  /** Where sources disagree, or are uncertain, in plain words naming the documents: shown in hover. */
  notes?: string[];
  /** Remarks for the catalog's reviewers (evidence, line numbers). Never rendered. */
  internalNotes?: string[];
  confidence: Confidence;
  sources: SourceRef[];
  /** The Exchange Server Analyzer's rules on this value, each with its article. */
  analyzer?: AnalyzerRule[];
  /**
   * True where no source states the registry type: `type` is then what the data must be for the analyzer's numeric
   * conditions to apply, and other types are not reported as wrong.
   */
  typeNotStated?: boolean;
}

export interface RegistryCatalog {
  $schema?: string;
  version: number;
  entries: RegistryEntry[];
}

/** What the checks know about the server a file belongs to (from settings or command-line options). */
export interface ExchangeContext {
  /** The Exchange version the server runs now (default 2003: the upgrade target). */
  exchangeVersion: ExchangeVersion;
  windowsVersion?: WindowsVersion;
  role?: ServerRole;
  /** Physical memory of the server in MB, when known (the /3GB guidance applies from 1 GB). */
  memoryMB?: number;
  /** Attributes an organisation added to the global catalog's partial attribute set (LDAP filters count them as in the GC). */
  extraGcAttributes?: string[];
  /** Attributes the forest indexed beyond the Exchange 2003 schema (LDAP filters do not report them as unindexed). */
  extraIndexedAttributes?: string[];
}

export const DEFAULT_CONTEXT: ExchangeContext = { exchangeVersion: '2003' };

export function isExchange2003OrLater(v: ExchangeVersion): boolean {
  return v !== '2000';
}

/** "2003" in a catalog entry covers Exchange 2003 with any service pack; "2003sp1" covers SP1 and later. */
export function appliesTo(versions: readonly ExchangeVersion[], v: ExchangeVersion): boolean {
  const order: ExchangeVersion[] = ['2000', '2003', '2003sp1', '2003sp2'];
  return versions.some((x) => x === v || (x.startsWith('2003') && v.startsWith('2003') && order.indexOf(v) >= order.indexOf(x)));
}
