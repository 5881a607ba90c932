/**
 * exchange-config-lint: checks files and folders with the same analysis as the editor.
 * Exit codes: 0 no error-severity diagnostics, 1 some, 2 usage or I/O failure (other files are still checked).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_CONTEXT, ExchangeContext, ExchangeVersion, RegistryCatalog, ServerRole } from '../core/catalog';
import { parseRegistryCatalog, registryIndex } from '../core/catalogLoad';
import { decodeBytes, EncodingName } from '../core/encoding';
import { ExchangeKnowledge } from '../core/language';
import { SEVERITY_OVERRIDES } from '../core/severity';
import { Diagnostic, SOURCE } from '../core/types';
import { checkMemoryConfig, withCross } from '../checks/memory';
import { languageForFile, languages } from '../languages';
import { bootiniLanguage } from '../languages/bootini';
import { regLanguage } from '../languages/reg';
import { parseSetupCatalog, SetupCatalog } from '../languages/setupini';
import { FileResult, formatJson, formatSarif, formatText } from './format';
import { displayPath, MAX_CATALOG_BYTES, MAX_DOCUMENT_BYTES, readHead, readRegularFile, unreadableReason } from '../node/files';

interface Options {
  format: 'text' | 'json' | 'sarif';
  encoding?: EncodingName;
  overrides: Record<string, string>;
  maxDiagnostics?: number;
  context: ExchangeContext;
  catalogFiles: string[];
  setupCatalogFiles: string[];
  paths: string[];
}

const USAGE = `Usage: exchange-config-lint [options] <file|dir>...

Checks Exchange 2000/2003 configuration files: Registry Editor exports (.reg)
boot.ini (any letter case), query-based distribution group LDAP filters
(.ldapfilter, .ldap), LDIF exports (.ldf, .ldif) and Exchange Setup answer
files (setup.ini, *.unattend.ini, and any .ini shaped like an Exchange answer
file). Folders are searched recursively for files it understands.

Options:
  --format text|json|sarif   output format (default: text)
  --encoding NAME            read every file as NAME instead of detecting it:
                             utf16le, utf16be, utf8, utf8bom, windows1252
  --severity CODE=LEVEL      change a diagnostic's severity (error, warning,
                             information, hint, off); may be repeated
  --max-diagnostics N        report at most N diagnostics per file
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
  --gc-attribute NAME        an attribute your forest added to the global
                             catalog (LDAP filters); may be repeated
  --indexed-attribute NAME   an attribute your forest indexed (LDAP filters);
                             may be repeated
  -h, --help                 show this help
  --version                  show the version

Exit status: 0 no errors, 1 errors found, 2 usage or I/O failure.`;

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { format: 'text', overrides: {}, context: { ...DEFAULT_CONTEXT }, catalogFiles: [], setupCatalogFiles: [], paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const eq = arg.indexOf('=');
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const name = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '--version':
        return 'version';
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
        opts.format = f;
        break;
      }
      case '--encoding': {
        const e = value();
        if (!['utf16le', 'utf16be', 'utf8', 'utf8bom', 'windows1252'].includes(e)) throw new UsageError(`unknown encoding "${e}"`);
        opts.encoding = e as EncodingName;
        break;
      }
      case '--severity': {
        const v = value();
        const m = /^([^=]+)=(.+)$/.exec(v);
        if (!m || !(SEVERITY_OVERRIDES as readonly string[]).includes(m[2])) throw new UsageError(`--severity takes CODE=LEVEL with LEVEL one of ${SEVERITY_OVERRIDES.join(', ')}`);
        opts.overrides[m[1]] = m[2];
        break;
      }
      case '--max-diagnostics': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--max-diagnostics takes a whole number of at least 1');
        opts.maxDiagnostics = n;
        break;
      }
      case '--exchange-version': {
        const v = value();
        if (!['2000', '2003', '2003sp1', '2003sp2'].includes(v)) throw new UsageError(`unknown Exchange version "${v}" (2000, 2003, 2003sp1, 2003sp2)`);
        opts.context.exchangeVersion = v as ExchangeVersion;
        break;
      }
      case '--windows-version': {
        const v = value();
        if (v !== '2000' && v !== '2003') throw new UsageError(`unknown Windows version "${v}" (2000 or 2003)`);
        opts.context.windowsVersion = v;
        break;
      }
      case '--role': {
        const v = value();
        if (!['mailbox', 'public-folder', 'front-end', 'bridgehead', 'rpc-proxy'].includes(v)) throw new UsageError(`unknown role "${v}"`);
        opts.context.role = v as ServerRole;
        break;
      }
      case '--catalog':
        opts.catalogFiles.push(value());
        break;
      case '--setup-catalog':
        opts.setupCatalogFiles.push(value());
        break;
      case '--gc-attribute': {
        const v = value().trim();
        if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(v)) throw new UsageError(`--gc-attribute takes an attribute name, not "${v}"`);
        (opts.context.extraGcAttributes ??= []).push(v);
        break;
      }
      case '--indexed-attribute': {
        const v = value().trim();
        if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(v)) throw new UsageError(`--indexed-attribute takes an attribute name, not "${v}"`);
        (opts.context.extraIndexedAttributes ??= []).push(v);
        break;
      }
      case '--memory-mb': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--memory-mb takes a whole number of megabytes');
        opts.context.memoryMB = n;
        break;
      }
      case '--':
        opts.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        opts.paths.push(arg);
    }
  }
  if (opts.paths.length === 0) throw new UsageError('no file or folder given');
  return opts;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg']);

/** A file found on the command line or in a folder: its path (bytes where the name is not UTF-8) and its name for output. */
interface FileToCheck {
  path: Buffer | string;
  name: string;
}

const SEP = Buffer.from(path.sep);

/**
 * The files of a folder this tool understands, recursively, in name order. Names are read as bytes, so that a name that
 * is not UTF-8 still opens its file; links are followed, and a folder reached twice (a link loop) is searched once.
 */
function walk(dir: Buffer, out: FileToCheck[], errors: string[], visited: Set<string>): void {
  let entries: fs.Dirent<Buffer>[];
  try {
    const st = fs.statSync(dir);
    const key = `${st.dev}:${st.ino}`;
    if (visited.has(key)) return;
    visited.add(key);
    entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    errors.push(`${displayPath(dir)}: cannot read folder: ${unreadableReason(e)}`);
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  const prefix = dir.length > 0 && dir[dir.length - 1] === SEP[0] ? dir : Buffer.concat([dir, SEP]);
  for (const entry of entries) {
    const full = Buffer.concat([prefix, entry.name]);
    const name = entry.name.toString('utf8');
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link names no file
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(name)) walk(full, out, errors, visited);
    } else if (isFile && (languageForFile(name) || (/\.ini$/i.test(name) && languageForFile(name, headOf(full))))) {
      out.push({ path: full, name: displayPath(full) });
    } else if (!isFile && languageForFile(name)) {
      // A pipe, socket or device named like a file this tool understands: reported as unreadable, not skipped silently.
      out.push({ path: full, name: displayPath(full) });
    }
  }
}

/** The first 64 KB of a file, decoded, for recognising an .ini by its content; '' when it cannot be read. */
function headOf(file: Buffer): string {
  try {
    return decodeBytes(readHead(file, 65536)).text;
  } catch {
    return '';
  }
}

export function checkFile(file: string, bytes: Uint8Array, opts: Pick<Options, 'encoding' | 'overrides' | 'maxDiagnostics'>, exchange?: ExchangeKnowledge): FileResult | string {
  const decoded = decodeBytes(bytes, opts.encoding);
  const language = languageForFile(file, decoded.text);
  if (!language) return `${file}: not a file type this tool understands (${languages.map((l) => l.extensions.join(', ')).join(', ')})`;
  let diagnostics: Diagnostic[];
  try {
    const doc = language.parse(decoded.text, { decoded });
    // Everything is validated, so that the exit status counts errors beyond --max-diagnostics too.
    diagnostics = language.validate(doc, { decoded, exchange, severityOverrides: opts.overrides });
  } catch (e) {
    diagnostics = [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        code: 'internal-error',
        message: `Exchange Config Tools could not analyse this file (${(e as Error).message}). Other files are not affected; please report this with the file.`,
        source: SOURCE,
      },
    ];
  }
  return { file, languageId: language.id, diagnostics };
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let opts: Options | 'help' | 'version';
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`exchange-config-lint: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    out(`${USAGE}\n`);
    return 0;
  }
  if (opts === 'version') {
    out(`${version()}\n`);
    return 0;
  }
  const errors: string[] = [];
  const catalogs: RegistryCatalog[] = [];
  for (const file of opts.catalogFiles) {
    let text: string;
    try {
      text = readRegularFile(file, MAX_CATALOG_BYTES).toString('utf8');
    } catch (e) {
      errors.push(`${file}: cannot read catalog: ${unreadableReason(e)}`);
      continue;
    }
    const r = parseRegistryCatalog(text, file);
    if (r.catalog) catalogs.push(r.catalog);
    for (const p of r.problems) errors.push(`${p.source}: catalog not used: ${p.message}`);
  }
  const setupCatalogs: SetupCatalog[] = [];
  for (const file of opts.setupCatalogFiles) {
    let text: string;
    try {
      text = readRegularFile(file, MAX_CATALOG_BYTES).toString('utf8');
    } catch (e) {
      errors.push(`${file}: cannot read Setup answer-file catalog: ${unreadableReason(e)}`);
      continue;
    }
    const r = parseSetupCatalog(text, file);
    if (r.catalog) setupCatalogs.push(r.catalog);
    for (const p of r.problems) errors.push(`${p.source}: Setup answer-file catalog not used: ${p.message}`);
  }
  const exchange: ExchangeKnowledge = { context: opts.context, registry: registryIndex(catalogs) };
  if (setupCatalogs.length > 0) exchange.setupCatalogs = setupCatalogs;
  const files: FileToCheck[] = [];
  const visited = new Set<string>();
  for (const p of opts.paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      errors.push(`${p}: cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : unreadableReason(e)}`);
      continue;
    }
    if (stat.isDirectory()) walk(Buffer.from(p), files, errors, visited);
    else files.push({ path: p, name: p });
  }
  const results: FileResult[] = [];
  const bytesOf = new Map<FileResult, Uint8Array>();
  for (const { path: file, name } of files) {
    let bytes: Uint8Array;
    try {
      bytes = readRegularFile(file, MAX_DOCUMENT_BYTES);
    } catch (e) {
      errors.push(`${name}: cannot read: ${unreadableReason(e)}`);
      continue;
    }
    const r = checkFile(name, bytes, opts, exchange);
    if (typeof r === 'string') errors.push(r);
    else {
      results.push(r);
      bytesOf.set(r, bytes);
    }
  }
  addCrossDiagnostics(results, bytesOf, opts, exchange);
  for (const e of errors) err(`exchange-config-lint: ${e}\n`);
  const failed = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  if (opts.maxDiagnostics !== undefined) for (const r of results) r.diagnostics = r.diagnostics.slice(0, opts.maxDiagnostics);
  if (opts.format === 'json') out(formatJson(results));
  else if (opts.format === 'sarif') out(formatSarif(results, version()));
  else out(formatText(results));
  if (errors.length > 0) return 2;
  return failed ? 1 : 0;
}

/**
 * The checks that need a boot.ini and the .reg exports of the same server: files in the same folder are taken to come
 * from one server. The diagnostics are appended to the .reg files' results.
 */
function addCrossDiagnostics(results: FileResult[], bytesOf: Map<FileResult, Uint8Array>, opts: Options, exchange: ExchangeKnowledge): void {
  const folders = new Map<string, FileResult[]>();
  for (const r of results) {
    const dir = path.dirname(path.resolve(r.file));
    const list = folders.get(dir);
    if (list) list.push(r);
    else folders.set(dir, [r]);
  }
  for (const list of folders.values()) {
    const bootResult = list.find((r) => r.languageId === bootiniLanguage.id);
    const regResults = list.filter((r) => r.languageId === regLanguage.id);
    if (!bootResult || regResults.length === 0) continue;
    try {
      const parse = <D>(r: FileResult, language: { parse(text: string, o?: object): D }): { uri: string; doc: D } => {
        const decoded = decodeBytes(bytesOf.get(r)!, opts.encoding);
        return { uri: pathToFileURL(path.resolve(r.file)).href, doc: language.parse(decoded.text, { decoded }) };
      };
      const boot = parse(bootResult, bootiniLanguage);
      const regs = regResults.map((r) => parse(r, regLanguage));
      regResults.forEach((r, k) => {
        r.diagnostics = withCross(r.diagnostics, checkMemoryConfig(boot, regs[k], { exchange, severityOverrides: opts.overrides }, regs));
      });
    } catch {
      // Each file has been checked on its own; a failure of the cross-file checks must not hide those results.
    }
  }
}

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

/**
 * The command as a process: runs it with the process's streams. A reader that goes away (`| head`) ends the output
 * quietly with the status the check gives; any other failure to write (a full disk) is exit status 2 with one line.
 */
export function main(argv: string[] = process.argv.slice(2)): void {
  let closed = false;
  const fail = (e: unknown): void => {
    if (closed) return;
    closed = true;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    try {
      process.stderr.write(`exchange-config-lint: cannot write the output: ${code ?? (e as Error).message}\n`);
    } catch {
      // stderr is gone too: the exit status is all that is left
    }
    process.exitCode = 2;
  };
  process.stdout.on('error', fail);
  process.stderr.on('error', () => undefined);
  const write = (stream: NodeJS.WriteStream) => (s: string): void => {
    if (closed && stream === process.stdout) return;
    try {
      stream.write(s);
    } catch (e) {
      if (stream === process.stdout) fail(e);
    }
  };
  const status = run(argv, write(process.stdout), write(process.stderr));
  if (!closed || process.exitCode !== 2) process.exitCode = status;
}

if (require.main === module) main();
