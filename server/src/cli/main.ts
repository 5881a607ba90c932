/**
 * exchange-config-lint: checks files, folders and glob patterns with the same analysis as the editor.
 * Exit codes: 0 no error-severity diagnostics, 1 errors (or more warnings than --max-warnings), 2 usage or I/O
 * failure or no file matched (other files are still checked).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_CONTEXT, RegistryCatalog } from '../core/catalog';
import { parseRegistryCatalog, registryIndex } from '../core/catalogLoad';
import { decodeBytes } from '../core/encoding';
import { ExchangeKnowledge } from '../core/language';
import { Diagnostic, SOURCE } from '../core/types';
import { BootIniFile, checkMemoryFolder, memoryReport, RegFile, withCross } from '../checks/memory';
import { languageById, languageForFile, languages } from '../languages';
import { suppressIn } from '../core/suppress';
import { bootiniLanguage } from '../languages/bootini';
import { regLanguage } from '../languages/reg';
import { cleanupReg } from '../languages/reg/cleanup';
import { checkSetupCommandLine, parseSetupCatalog, SetupCatalog } from '../languages/setupini';
import { Options, readArgs, USAGE, UsageError } from './args';
import { describeError, listFiles } from './files';
import { MAX_CATALOG_BYTES, MAX_DOCUMENT_BYTES, readRegularFile } from '../node/files';
import { fixDiff, fixText, writeAtomically } from './fix';
import { addPreviews, listMembers, loadDirectory } from './preview';
import { FileResult, formatGithub, formatJson, formatJunit, formatSarif, formatText } from './format';

/** What checkFile says of a file it does not check because it is not an Exchange answer file (not an error). */
export class NotAnswerFile {
  constructor(readonly note: string) {}
}

export function checkFile(file: string, bytes: Uint8Array, opts: Pick<Options, 'encoding' | 'overrides' | 'maxDiagnostics'>, exchange?: ExchangeKnowledge, answerFile = false): FileResult | NotAnswerFile | string {
  const decoded = decodeBytes(bytes, opts.encoding);
  const language = languageForFile(file, decoded.text, answerFile);
  if (!language && /\.ini$/i.test(file)) {
    return new NotAnswerFile(`${file}: not checked: its content does not show an Exchange Setup answer file (use --answer-file to check it as one)`);
  }
  if (answerFile) exchange = { ...(exchange ?? { context: DEFAULT_CONTEXT, registry: registryIndex([]) }), forceAnswerFile: true };
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
  const result: FileResult = { file, languageId: language.id, diagnostics };
  decodedText.set(result, decoded.text);
  return result;
}

/** The text each result was checked from, for the suppression comments read after every check. */
const decodedText = new WeakMap<FileResult, string>();

/** The organisations' catalogs named on the command line; an unreadable or invalid one is reported in one line. */
function loadKnowledge(opts: Options, errors: string[]): ExchangeKnowledge {
  const catalogs: RegistryCatalog[] = [];
  for (const file of opts.catalogFiles) {
    let text: string;
    try {
      text = readRegularFile(file, MAX_CATALOG_BYTES).toString('utf8');
    } catch (e) {
      errors.push(`${file}: cannot read catalog: ${describeError(e)}`);
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
      errors.push(`${file}: cannot read Setup answer-file catalog: ${describeError(e)}`);
      continue;
    }
    const r = parseSetupCatalog(text, file);
    if (r.catalog) setupCatalogs.push(r.catalog);
    // With a catalog, the problems are about single entries left out of it (the rest is used).
    for (const p of r.problems) errors.push(`${p.source}: Setup answer-file catalog${r.catalog ? '' : ' not used'}: ${p.message}`);
  }
  const exchange: ExchangeKnowledge = { context: opts.context, registry: registryIndex(catalogs) };
  if (setupCatalogs.length > 0) exchange.setupCatalogs = setupCatalogs;
  return exchange;
}

/** --check-setup-command-line: the findings on the command line, in the chosen format's spirit. */
function setupCommandLineReport(line: string, opts: Options): { text: string; failed: boolean } {
  const found = checkSetupCommandLine(line);
  if (opts.format === 'json') return { text: `${JSON.stringify({ commandLine: line, diagnostics: found }, null, 2)}\n`, failed: found.some((d) => d.severity === 'error') };
  let text = '';
  for (const d of found) text += `${d.start + 1}-${d.end + 1} ${d.severity} ${d.code} ${d.message}\n`;
  text += found.length === 0 ? 'The Setup command line has no problems.\n' : '';
  return { text, failed: found.some((d) => d.severity === 'error') };
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let opts: Options | 'help' | 'version';
  try {
    opts = readArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`exchange-config-lint: ${e.message}\nRun exchange-config-lint --help for the options.\n`);
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
  if (opts.preview !== undefined) return listMembers(opts, out, err);
  const errors: string[] = [];
  let report = '';
  let failed = false;
  if (opts.setupCommandLine !== undefined) {
    const r = setupCommandLineReport(opts.setupCommandLine, opts);
    report += r.text;
    failed ||= r.failed;
  }
  const exchange = loadKnowledge(opts, errors);
  const { files, errors: fileErrors } = opts.paths.length > 0 ? listFiles(opts.paths, opts.ignorePatterns, opts.errorOnUnmatchedPattern) : { files: [], errors: [] };
  errors.push(...fileErrors);
  const results: FileResult[] = [];
  // Files given by name that are not answer files: said on stderr, not an error.
  const notes: string[] = [];
  const bytesOf = new Map<FileResult, Uint8Array>();
  let diff = '';
  for (const { path: at, name: file } of files) {
    let bytes: Uint8Array;
    try {
      bytes = readRegularFile(at, MAX_DOCUMENT_BYTES);
    } catch (e) {
      errors.push(`${file}: cannot read: ${describeError(e)}`);
      continue;
    }
    if (opts.fix || opts.fixDryRun) {
      const answerFile = opts.answerFiles.includes(file);
      const language = languageForFile(file, decodeBytes(bytes, opts.encoding).text, answerFile);
      if (language) {
        const fixed = fixText(language, bytes, { exchange: answerFile ? { ...exchange, forceAnswerFile: true } : exchange, severityOverrides: opts.overrides }, opts.encoding);
        if (fixed.problem) errors.push(`${file}: ${fixed.problem}`);
        else if (fixed.bytes && opts.fixDryRun) diff += fixDiff(file, fixed.before, fixed.after);
        else if (fixed.bytes) {
          try {
            writeAtomically(at, fixed.bytes);
            bytes = fixed.bytes;
          } catch (e) {
            errors.push(`${file}: cannot write the fixes: ${describeError(e)}`);
          }
        }
      }
    }
    const r = checkFile(file, bytes, opts, exchange, opts.answerFiles.includes(file));
    if (r instanceof NotAnswerFile) notes.push(r.note);
    else if (typeof r === 'string') errors.push(r);
    else {
      results.push(r);
      bytesOf.set(r, bytes);
    }
  }
  addCrossDiagnostics(results, bytesOf, opts, exchange);
  if (opts.directory !== undefined) {
    const loaded = loadDirectory(opts);
    if (typeof loaded === 'string') errors.push(loaded);
    else addPreviews(results, bytesOf, opts, loaded);
  }
  // Last, so that the findings of every check (the memory check and the previews included) can be suppressed.
  for (const r of results) r.diagnostics = suppressIn(languageById(r.languageId)!, decodedText.get(r) ?? decodeBytes(bytesOf.get(r)!, opts.encoding).text, r.diagnostics, { severityOverrides: opts.overrides });
  if (opts.cleanupReg !== undefined) writeCleanup(opts.cleanupReg, results, bytesOf, opts, exchange, errors, err);
  // The memory report takes the place of the findings (the JSON output stays one document); the exit status then says
  // only whether the files could be read.
  if (opts.memoryReport) report += memoryReports(results, bytesOf, opts, exchange);
  else failed ||= results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (opts.quiet) for (const r of results) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  if (opts.maxDiagnostics !== undefined) for (const r of results) r.diagnostics = r.diagnostics.slice(0, opts.maxDiagnostics);
  if (opts.paths.length > 0 && !opts.memoryReport) {
    if (opts.format === 'json') report += formatJson(results);
    else if (opts.format === 'sarif') report += formatSarif(results, version());
    else if (opts.format === 'github') report += formatGithub(results);
    else if (opts.format === 'junit') report += formatJunit(results);
    else report += formatText(results);
  }
  if (opts.fixDryRun) report = diff + report;
  if (opts.outputFile !== undefined) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(opts.outputFile)), { recursive: true });
      fs.writeFileSync(opts.outputFile, report);
    } catch (e) {
      errors.push(`${opts.outputFile}: cannot write the report: ${describeError(e)}`);
    }
  } else out(report);
  for (const n of notes) err(`exchange-config-lint: ${n}\n`);
  for (const e of errors) err(`exchange-config-lint: ${e}\n`);
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    err(`exchange-config-lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${opts.maxWarnings}\n`);
    failed = true;
  }
  if (errors.length > 0) return 2;
  return failed ? 1 : 0;
}

/** The results grouped by folder: files of the same folder are taken to come from one server. */
function byFolder(results: FileResult[]): FileResult[][] {
  const folders = new Map<string, FileResult[]>();
  for (const r of results) {
    const dir = path.dirname(path.resolve(r.file));
    const list = folders.get(dir);
    if (list) list.push(r);
    else folders.set(dir, [r]);
  }
  return [...folders.values()];
}

function parsed<D>(r: FileResult, bytesOf: Map<FileResult, Uint8Array>, opts: Options, language: { parse(text: string, o?: object): D }): { uri: string; doc: D } {
  const decoded = decodeBytes(bytesOf.get(r)!, opts.encoding);
  return { uri: pathToFileURL(path.resolve(r.file)).href, doc: language.parse(decoded.text, { decoded }) };
}

/** --cleanup-reg: one .reg (UTF-16LE with byte order mark, as regedit writes) of deletion entries for every obsolete value. */
function writeCleanup(out: string, results: FileResult[], bytesOf: Map<FileResult, Uint8Array>, opts: Options, exchange: ExchangeKnowledge, errors: string[], say: (s: string) => void): void {
  const sources = results.filter((r) => r.languageId === regLanguage.id).map((r) => ({ name: r.file, doc: parsed(r, bytesOf, opts, regLanguage).doc }));
  const text = cleanupReg(sources, exchange);
  if (text === undefined) {
    say(`exchange-config-lint: no obsolete Exchange 2000 value found; ${out} not written\n`);
    return;
  }
  try {
    fs.writeFileSync(out, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  } catch (e) {
    errors.push(`${out}: cannot write the cleanup export: ${describeError(e)}`);
  }
}

/** --memory-report: the report of every folder with a boot.ini and .reg exports, one after the other. */
function memoryReports(results: FileResult[], bytesOf: Map<FileResult, Uint8Array>, opts: Options, exchange: ExchangeKnowledge): string {
  const reports: unknown[] = [];
  let text = '';
  for (const list of byFolder(results)) {
    const bootResult = list.find((r) => r.languageId === bootiniLanguage.id);
    if (!bootResult) continue;
    const boot: BootIniFile = parsed(bootResult, bytesOf, opts, bootiniLanguage);
    const regs: RegFile[] = list.filter((r) => r.languageId === regLanguage.id).map((r) => parsed(r, bytesOf, opts, regLanguage));
    const markdown = memoryReport(boot, regs, exchange);
    reports.push({ folder: path.dirname(bootResult.file), bootIni: bootResult.file, exports: list.filter((r) => r.languageId === regLanguage.id).map((r) => r.file), markdown });
    text += `${markdown}\n`;
  }
  if (opts.format === 'json') return `${JSON.stringify({ memoryReports: reports }, null, 2)}\n`;
  return text || 'No folder holds a boot.ini: no memory configuration report.\n';
}

/**
 * The checks that need a boot.ini and the .reg exports of the same server: files in the same folder are taken to come
 * from one server. The diagnostics are appended to the .reg files' results.
 */
function addCrossDiagnostics(results: FileResult[], bytesOf: Map<FileResult, Uint8Array>, opts: Options, exchange: ExchangeKnowledge): void {
  for (const list of byFolder(results)) {
    const bootResult = list.find((r) => r.languageId === bootiniLanguage.id);
    const regResults = list.filter((r) => r.languageId === regLanguage.id);
    if (!bootResult || regResults.length === 0) continue;
    try {
      const boot = parsed(bootResult, bytesOf, opts, bootiniLanguage);
      const regs = regResults.map((r) => parsed(r, bytesOf, opts, regLanguage));
      // The whole folder at once: linear in the number of exports.
      const cross = checkMemoryFolder(boot, regs, { exchange, severityOverrides: opts.overrides });
      regResults.forEach((r, k) => {
        r.diagnostics = withCross(r.diagnostics, cross.get(regs[k].uri) ?? []);
      });
    } catch {
      // Each file has been checked on its own; a failure of the cross-file checks must not hide those results.
    }
  }
}

/** The package's version, from dist/cli.js (the bundle) or out/server/src/cli/main.js (tsc output). */
function version(): string {
  for (const file of [path.join(__dirname, '..', 'package.json'), path.join(__dirname, '..', '..', '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'exchange-config-tools') return pkg.version;
    } catch {
      // not this layout
    }
  }
  return 'unknown';
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
