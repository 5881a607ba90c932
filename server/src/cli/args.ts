/** The command line of exchange-config-lint, read with Node's own argument parser (node:util parseArgs). */
import { parseArgs } from 'util';
import { DEFAULT_CONTEXT, ExchangeContext, ExchangeVersion, ServerRole } from '../core/catalog';
import { allCodes } from '../core/codes';
import { EncodingName } from '../core/encoding';
import { nearestCandidates } from '../core/nearest';
import { ProjectSettingKey } from '../core/projectConfig';
import { SEVERITY_OVERRIDES } from '../core/severity';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'junit';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github', 'junit'];
const ENCODINGS: readonly EncodingName[] = ['utf16le', 'utf16be', 'utf8', 'utf8bom', 'windows1252'];
const EXCHANGE_VERSIONS: readonly ExchangeVersion[] = ['2000', '2003', '2003sp1', '2003sp2'];
const ROLES: readonly ServerRole[] = ['mailbox', 'public-folder', 'front-end', 'bridgehead', 'rpc-proxy'];

export interface Options {
  format: OutputFormat;
  encoding?: EncodingName;
  overrides: Record<string, string>;
  maxDiagnostics?: number;
  maxWarnings?: number;
  quiet: boolean;
  outputFile?: string;
  fix: boolean;
  fixDryRun: boolean;
  errorOnUnmatchedPattern: boolean;
  ignorePatterns: string[];
  cleanupReg?: string;
  memoryReport: boolean;
  setupCommandLine?: string;
  context: ExchangeContext;
  catalogFiles: string[];
  setupCatalogFiles: string[];
  /** Files to check as Exchange Setup answer files whatever their name and content (--answer-file). */
  answerFiles: string[];
  paths: string[];
  /** An ldifde export the filters are previewed against (--directory). */
  directory?: string;
  /** A filter file whose members are listed (--preview, with --directory). */
  preview?: string;
  /** The search base of a filter file's preview (--base-dn); LDIF group records use their msExchDynamicDLBaseDN. */
  baseDN?: string;
  /** The configuration file given by --config; otherwise the nearest .exchange-config.json upward from each file. */
  configFile?: string;
  /** False with --no-config: no configuration file is read. */
  useConfig: boolean;
  /** The settings given on the command line: they win over the configuration file's. */
  given: Set<ProjectSettingKey>;
}

export class UsageError extends Error {}

export const USAGE = `Usage: exchange-config-lint [options] <file|dir|glob>...

Checks Exchange 2000/2003 configuration files: Registry Editor exports (.reg)
boot.ini (any letter case), query-based distribution group LDAP filters
(.ldapfilter, .ldap), LDIF exports (.ldf, .ldif) and Exchange Setup answer
files (any .ini, setup.ini included, whose content shows an Exchange answer
file; other products' Setup.ini files are skipped). Folders are searched
recursively for files it understands; glob
patterns (quote them: 'exports/**/*.reg') are expanded by the linter itself.

Output:
  --format F                 text (default), json, sarif, github (workflow
                             annotations) or junit
  --output-file FILE         write the report to FILE instead of stdout
  --quiet                    report errors only
  --max-warnings N           exit with 1 when there are more than N warnings
  --max-diagnostics N        report at most N diagnostics per file
  --severity CODE=LEVEL      change a diagnostic's severity (error, warning,
                             information, hint, off); may be repeated

Files:
  --ignore-pattern PATTERN   skip files matching PATTERN (.gitignore syntax,
                             relative to the current folder); may be repeated
  --no-error-on-unmatched-pattern
                             a file, folder or pattern that matches no file
                             is not an error
  --encoding NAME            read every file as NAME instead of detecting it:
                             utf16le, utf16be, utf8, utf8bom, windows1252

Fixes and reports:
  --fix                      apply the preferred fixes (as Fix All in the
                             editor) and write the files back, keeping their
                             encoding, byte order mark and line endings
  --fix-dry-run              print the fixes as a unified diff; write nothing
  --cleanup-reg FILE         write a .reg that deletes, on import, every
                             obsolete Exchange 2000 value found in the .reg
                             files checked
  --memory-report            print the memory configuration report of every
                             folder that holds a boot.ini and .reg exports,
                             instead of the findings (text or json)
  --check-setup-command-line "LINE"
                             check an Exchange Setup command line (no files
                             needed)

Previews (who gets the mail of a query-based group):
  --directory FILE           an ldifde export of the recipients (from a
                             global catalog: ldifde -f recipients.ldf -s GC
                             -t 3268 -r "(mailNickname=*)"); each filter is
                             evaluated against it as the global catalog
                             would, and the result reports its member count
  --preview FILTER_FILE      with --directory: list the members of the filter
                             (text: one DN per line; json: dn, displayName,
                             mail); exit status 1 when it has none
  --base-dn DN               the group's msExchDynamicDLBaseDN for .ldapfilter
                             files (default: the whole export)

Configuration:
  --config FILE              use FILE as the configuration file for every file
                             (by default: the nearest .exchange-config.json
                             upward from each file, up to the folder holding
                             .git); the options below win over it
  --no-config                read no configuration file

Servers:
  --exchange-version V       the Exchange version the servers run now:
                             2000, 2003 (default), 2003sp1, 2003sp2
  --windows-version V        the servers' Windows version: 2000 or 2003 (for
                             boot.ini entries whose description names none)
  --role ROLE                the servers' role: mailbox, public-folder,
                             front-end, bridgehead, rpc-proxy (boot.ini: /3GB)
  --memory-mb N              the servers' physical memory in MB (the /3GB
                             guidance applies from 1024)
  --catalog FILE             an organisation's own registry catalog (JSON,
                             same schema as the built-in one); may be repeated
  --setup-catalog FILE       an organisation's own Setup answer-file catalog
                             (JSON, schema setup-keys.schema.json); may be
                             repeated
  --answer-file FILE         check FILE as an Exchange Setup answer file even
                             when its content does not show one; may be
                             repeated
  --gc-attribute NAME        an attribute your forest added to the global
                             catalog (LDAP filters); may be repeated
  --indexed-attribute NAME   an attribute your forest indexed (LDAP filters);
                             may be repeated

  -h, --help                 show this help
  --version                  show the version

Exit status: 0 no errors, 1 errors found (or more warnings than
--max-warnings), 2 usage or I/O failure, an error in a configuration file,
or no file matched.`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  format: { type: 'string' },
  'output-file': { type: 'string' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  'max-diagnostics': { type: 'string' },
  severity: { type: 'string', multiple: true },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  encoding: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'cleanup-reg': { type: 'string' },
  'memory-report': { type: 'boolean' },
  'check-setup-command-line': { type: 'string' },
  'exchange-version': { type: 'string' },
  'windows-version': { type: 'string' },
  role: { type: 'string' },
  'memory-mb': { type: 'string' },
  catalog: { type: 'string', multiple: true },
  'setup-catalog': { type: 'string', multiple: true },
  'answer-file': { type: 'string', multiple: true },
  'gc-attribute': { type: 'string', multiple: true },
  'indexed-attribute': { type: 'string', multiple: true },
  directory: { type: 'string' },
  preview: { type: 'string' },
  'base-dn': { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
} as const;

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option}: unknown value "${value}" (${allowed.join(', ')})`);
  return value as T;
}

function wholeNumber(option: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${option} takes a whole number of at least ${min}, not "${value}"`);
  return n;
}

function attributeName(option: string, value: string): string {
  const v = value.trim();
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(v)) throw new UsageError(`--${option} takes an attribute name, not "${value}"`);
  return v;
}

/** CODE=LEVEL, where CODE is a diagnostic code this tool has (a misspelt one would silently change nothing). */
function severityOverride(value: string): [string, string] {
  const eq = value.lastIndexOf('=');
  const code = eq > 0 ? value.slice(0, eq).trim() : '';
  const level = eq > 0 ? value.slice(eq + 1).trim() : '';
  if (!code || !level) throw new UsageError(`--severity takes CODE=LEVEL, not "${value}"`);
  if (!(SEVERITY_OVERRIDES as readonly string[]).includes(level)) throw new UsageError(`--severity ${code}: unknown level "${level}" (${SEVERITY_OVERRIDES.join(', ')})`);
  if (!allCodes().has(code)) {
    const near = nearestCandidates(code, [...allCodes().keys()], 4);
    throw new UsageError(`--severity: unknown diagnostic code "${code}"${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`);
  }
  return [code, level];
}

export function readArgs(argv: string[]): Options | 'help' | 'version' {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's messages name the option and say what is wrong with it; keep the first sentence.
    throw new UsageError(((e as Error).message.split('\n')[0] ?? '').replace(/\. To specify a positional argument.*$/, '').replace(/\.$/, ''));
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const context: ExchangeContext = { ...DEFAULT_CONTEXT };
  const opts: Options = {
    format: v.format === undefined ? 'text' : oneOf('format', v.format, FORMATS),
    overrides: Object.fromEntries((v.severity ?? []).map(severityOverride)),
    quiet: v.quiet ?? false,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    errorOnUnmatchedPattern: !v['no-error-on-unmatched-pattern'],
    ignorePatterns: v['ignore-pattern'] ?? [],
    memoryReport: v['memory-report'] ?? false,
    context,
    catalogFiles: v.catalog ?? [],
    setupCatalogFiles: v['setup-catalog'] ?? [],
    answerFiles: v['answer-file'] ?? [],
    paths: [...parsed.positionals, ...(v['answer-file'] ?? [])],
    useConfig: !v['no-config'],
    given: new Set<ProjectSettingKey>(),
  };
  const given = (key: ProjectSettingKey, flag: unknown): void => {
    if (flag !== undefined) opts.given.add(key);
  };
  given('exchangeVersion', v['exchange-version']);
  given('windowsVersion', v['windows-version']);
  given('serverRole', v.role);
  given('serverMemoryMB', v['memory-mb']);
  given('catalogFiles', v.catalog);
  given('setupCatalogFiles', v['setup-catalog']);
  given('ldapAttributesInGC', v['gc-attribute']);
  given('ldapAttributesIndexed', v['indexed-attribute']);
  given('directoryExport', v.directory);
  given('maxDiagnosticsPerFile', v['max-diagnostics']);
  if (v.config !== undefined) {
    if (v['no-config']) throw new UsageError('--config and --no-config exclude each other');
    opts.configFile = v.config;
  }
  if (v.encoding !== undefined) opts.encoding = oneOf('encoding', v.encoding, ENCODINGS);
  if (v['max-diagnostics'] !== undefined) opts.maxDiagnostics = wholeNumber('max-diagnostics', v['max-diagnostics'], 1);
  if (v['max-warnings'] !== undefined) opts.maxWarnings = wholeNumber('max-warnings', v['max-warnings'], 0);
  if (v['output-file'] !== undefined) opts.outputFile = v['output-file'];
  if (v['cleanup-reg'] !== undefined) opts.cleanupReg = v['cleanup-reg'];
  if (v['check-setup-command-line'] !== undefined) opts.setupCommandLine = v['check-setup-command-line'];
  if (v['exchange-version'] !== undefined) context.exchangeVersion = oneOf('exchange-version', v['exchange-version'], EXCHANGE_VERSIONS);
  if (v['windows-version'] !== undefined) context.windowsVersion = oneOf('windows-version', v['windows-version'], ['2000', '2003'] as const);
  if (v.role !== undefined) context.role = oneOf('role', v.role, ROLES);
  if (v['memory-mb'] !== undefined) context.memoryMB = wholeNumber('memory-mb', v['memory-mb'], 1);
  if (v['gc-attribute']) context.extraGcAttributes = v['gc-attribute'].map((a) => attributeName('gc-attribute', a));
  if (v['indexed-attribute']) context.extraIndexedAttributes = v['indexed-attribute'].map((a) => attributeName('indexed-attribute', a));
  if (v.directory !== undefined) opts.directory = v.directory;
  if (v.preview !== undefined) opts.preview = v.preview;
  if (v['base-dn'] !== undefined) opts.baseDN = v['base-dn'];
  if (opts.preview !== undefined && opts.directory === undefined) throw new UsageError('--preview needs --directory FILE: the export to list the members from');
  if (opts.preview !== undefined && opts.format !== 'text' && opts.format !== 'json') throw new UsageError('--preview writes text or json');
  if (opts.fix && opts.fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (opts.setupCommandLine !== undefined && opts.paths.length > 0 && opts.format !== 'text') throw new UsageError(`--check-setup-command-line takes no files with --format ${opts.format}: run it on its own`);
  if (opts.memoryReport && opts.format !== 'text' && opts.format !== 'json') throw new UsageError('--memory-report writes text or json');
  if (opts.paths.length === 0 && opts.setupCommandLine === undefined && opts.preview === undefined) throw new UsageError('no file, folder or pattern given');
  return opts;
}
