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
import { checkExbpaFolder } from '../checks/exbpa';
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
import { FileSetup, pairedBootIniPath, ProjectSettingsResolver } from './project';
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

/**
 * The organisations' catalogs named on the command line or in the configuration file; an unreadable or invalid one is
 * reported in one line.
 */
function loadKnowledge(opts: Pick<Options, 'catalogFiles' | 'setupCatalogFiles' | 'context'>, errors: string[]): ExchangeKnowledge {
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
  const project = new ProjectSettingsResolver(opts);
  // One knowledge per distinct settings: files with the same settings share their catalogs.
  const knowledge = new Map<string, ExchangeKnowledge>();
  const exchangeFor = (setup: FileSetup): ExchangeKnowledge => {
    let k = knowledge.get(setup.key);
    if (!k) {
      k = loadKnowledge(setup, errors);
      knowledge.set(setup.key, k);
    }
    return setup.answerFile ? { ...k, forceAnswerFile: true } : k;
  };
  const { files, errors: fileErrors } = opts.paths.length > 0 ? listFiles(opts.paths, opts.ignorePatterns, opts.errorOnUnmatchedPattern, project) : { files: [], errors: [] };
  errors.push(...fileErrors);
  // The catalogs of the command line are reported even when no file is checked.
  if (files.length === 0) loadKnowledge(opts, errors);
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
    const setup = project.setup(file);
    const exchange = exchangeFor(setup);
    if (opts.fix || opts.fixDryRun) {
      const language = languageForFile(file, decodeBytes(bytes, opts.encoding).text, setup.answerFile);
      if (language) {
        const fixed = fixText(language, bytes, { exchange, severityOverrides: setup.overrides }, opts.encoding);
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
    const r = checkFile(file, bytes, { ...opts, overrides: setup.overrides }, exchange, setup.answerFile);
    if (r instanceof NotAnswerFile) notes.push(r.note);
    else if (typeof r === 'string') errors.push(r);
    else {
      results.push(r);
      bytesOf.set(r, bytes);
    }
  }
  const setupOf = (r: FileResult): FileSetup => project.setup(r.file);
  addCrossDiagnostics(results, bytesOf, opts, (r) => ({ setup: setupOf(r), exchange: exchangeFor(setupOf(r)) }), notes);
  addDirectoryPreviews(results, bytesOf, opts, setupOf, errors);
  // Last, so that the findings of every check (the memory check and the previews included) can be suppressed.
  for (const r of results) {
    r.diagnostics = suppressIn(languageById(r.languageId)!, decodedText.get(r) ?? decodeBytes(bytesOf.get(r)!, opts.encoding).text, r.diagnostics, {
      severityOverrides: setupOf(r).overrides,
    });
  }
  // The .reg files are judged with the settings of the first of them (a cleanup export is one file).
  const firstExchange = (): ExchangeKnowledge => (results.length > 0 ? exchangeFor(setupOf(results[0])) : loadKnowledge(opts, errors));
  if (opts.cleanupReg !== undefined) writeCleanup(opts.cleanupReg, results, bytesOf, opts, firstExchange(), errors, err);
  // The memory report takes the place of the findings (the JSON output stays one document); the exit status then says
  // only whether the files could be read.
  if (opts.memoryReport) report += memoryReports(results, bytesOf, opts, (r) => exchangeFor(setupOf(r)));
  else failed ||= results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  // A configuration file with an error is reported with its positions, as a file of its own, first.
  const configResults = project.problemResults();
  for (const c of configResults) errors.push(`${c.file}: ${c.diagnostics.length} problem${c.diagnostics.length === 1 ? '' : 's'} in the configuration file (see the report); what is in error is not used`);
  results.unshift(...configResults);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (opts.quiet) for (const r of results) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  for (const r of results) {
    const max = r.languageId === 'jsonc' ? opts.maxDiagnostics : setupOf(r).maxDiagnostics;
    if (max !== undefined) r.diagnostics = r.diagnostics.slice(0, max);
  }
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
function memoryReports(results: FileResult[], bytesOf: Map<FileResult, Uint8Array>, opts: Options, exchangeOf: (r: FileResult) => ExchangeKnowledge): string {
  const reports: unknown[] = [];
  let text = '';
  for (const list of byFolder(results)) {
    const bootResult = list.find((r) => r.languageId === bootiniLanguage.id);
    if (!bootResult) continue;
    const boot: BootIniFile = parsed(bootResult, bytesOf, opts, bootiniLanguage);
    const regs: RegFile[] = list.filter((r) => r.languageId === regLanguage.id).map((r) => parsed(r, bytesOf, opts, regLanguage));
    const markdown = memoryReport(boot, regs, exchangeOf(bootResult));
    reports.push({ folder: path.dirname(bootResult.file), bootIni: bootResult.file, exports: list.filter((r) => r.languageId === regLanguage.id).map((r) => r.file), markdown });
    text += `${markdown}\n`;
  }
  if (opts.format === 'json') return `${JSON.stringify({ memoryReports: reports }, null, 2)}\n`;
  return text || 'No folder holds a boot.ini: no memory configuration report.\n';
}

/**
 * The checks that need a boot.ini and the .reg exports of the same server: files in the same folder are taken to come
 * from one server, unless the configuration file's bootIniFor pairs the folder with another boot.ini (read from disk
 * when it is not among the files checked). The diagnostics are appended to the .reg files' results.
 */
function addCrossDiagnostics(
  results: FileResult[],
  bytesOf: Map<FileResult, Uint8Array>,
  opts: Options,
  settingsOf: (r: FileResult) => { setup: FileSetup; exchange: ExchangeKnowledge },
  notes: string[],
): void {
  const byPath = new Map(results.map((r) => [path.resolve(r.file), r]));
  const paired = new Map<string, BootIniFile | undefined>();
  /** The boot.ini at a path: a file checked, else read from disk; undefined when there is none. */
  const bootAt = (file: string): BootIniFile | undefined => {
    if (paired.has(file)) return paired.get(file);
    let boot: BootIniFile | undefined;
    const checked = byPath.get(file);
    try {
      if (checked?.languageId === bootiniLanguage.id) boot = parsed(checked, bytesOf, opts, bootiniLanguage);
      else {
        const decoded = decodeBytes(readRegularFile(file, MAX_DOCUMENT_BYTES), opts.encoding);
        boot = { uri: pathToFileURL(file).href, doc: bootiniLanguage.parse(decoded.text, { decoded }) };
      }
    } catch (e) {
      if ((e as { reason?: string }).reason !== 'not-found') notes.push(`${file}: the boot.ini paired by bootIniFor is not used: ${describeError(e)}`);
    }
    paired.set(file, boot);
    return boot;
  };
  for (const list of byFolder(results)) {
    const bootResult = list.find((r) => r.languageId === bootiniLanguage.id);
    addExbpaDiagnostics(list, bytesOf, opts, settingsOf);
    // The .reg files of the folder, by the boot.ini they are paired with and their settings.
    const groups = new Map<string, { boot: () => BootIniFile | undefined; regs: FileResult[]; setup: FileSetup; exchange: ExchangeKnowledge }>();
    for (const r of list) {
      if (r.languageId !== regLanguage.id) continue;
      const { setup, exchange } = settingsOf(r);
      const pairedPath = pairedBootIniPath(r.file, setup);
      if (pairedPath === null) notes.push(`${r.file}: bootIniFor names a boot.ini outside the folder of the configuration file; it is not used`);
      if (pairedPath === null || (pairedPath === undefined && !bootResult)) continue;
      const key = `${pairedPath ?? ''}\0${setup.key}`;
      const group = groups.get(key) ?? { boot: () => (pairedPath ? bootAt(pairedPath) : parsed(bootResult!, bytesOf, opts, bootiniLanguage)), regs: [], setup, exchange };
      group.regs.push(r);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      try {
        const boot = group.boot();
        if (!boot) continue;
        const regs = group.regs.map((r) => parsed(r, bytesOf, opts, regLanguage));
        // The whole group at once: linear in the number of exports.
        const cross = checkMemoryFolder(boot, regs, { exchange: group.exchange, severityOverrides: group.setup.overrides });
        group.regs.forEach((r, k) => {
          r.diagnostics = withCross(r.diagnostics, cross.get(regs[k].uri) ?? []);
        });
      } catch {
        // Each file has been checked on its own; a failure of the cross-file checks must not hide those results.
      }
    }
  }
}

/**
 * Port conflicts and the IFS backup exclusion across the .reg exports of one folder (one server), each group of
 * exports with the same settings judged together. The diagnostics are appended to the .reg files' results.
 */
function addExbpaDiagnostics(list: FileResult[], bytesOf: Map<FileResult, Uint8Array>, opts: Options, settingsOf: (r: FileResult) => { setup: FileSetup; exchange: ExchangeKnowledge }): void {
  const groups = new Map<string, { regs: FileResult[]; setup: FileSetup; exchange: ExchangeKnowledge }>();
  for (const r of list) {
    if (r.languageId !== regLanguage.id) continue;
    const { setup, exchange } = settingsOf(r);
    const group = groups.get(setup.key) ?? { regs: [], setup, exchange };
    group.regs.push(r);
    groups.set(setup.key, group);
  }
  for (const group of groups.values()) {
    try {
      const regs = group.regs.map((r) => parsed(r, bytesOf, opts, regLanguage));
      const cross = checkExbpaFolder(regs, { exchange: group.exchange, severityOverrides: group.setup.overrides });
      group.regs.forEach((r, k) => {
        r.diagnostics = withCross(r.diagnostics, cross.get(regs[k].uri) ?? []);
      });
    } catch {
      // Each file has been checked on its own; a failure of the cross-file checks must not hide those results.
    }
  }
}

/** The previews of filter and LDIF files against the directory export of their settings (--directory or the configuration file's). */
function addDirectoryPreviews(results: FileResult[], bytesOf: Map<FileResult, Uint8Array>, opts: Options, setupOf: (r: FileResult) => FileSetup, errors: string[]): void {
  const loadedExports = new Map<string, ReturnType<typeof loadDirectory>>();
  const load = (fileOpts: Options): ReturnType<typeof loadDirectory> => {
    // Read once for each export and set of global catalog attributes (they decide what the preview sees).
    const key = JSON.stringify([fileOpts.directory, fileOpts.context.extraGcAttributes]);
    let loaded = loadedExports.get(key);
    if (!loaded) {
      loaded = loadDirectory(fileOpts);
      loadedExports.set(key, loaded);
      if (typeof loaded === 'string') errors.push(loaded);
    }
    return loaded;
  };
  // --directory is read (and an unreadable one reported) even when no filter is checked.
  if (opts.directory !== undefined) load(opts);
  for (const r of results) {
    if (r.languageId !== 'ldapfilter' && r.languageId !== 'ldif') continue;
    const setup = setupOf(r);
    if (setup.directory === undefined) continue;
    const fileOpts: Options = { ...opts, directory: setup.directory, overrides: setup.overrides, context: setup.context };
    const loaded = load(fileOpts);
    if (typeof loaded !== 'string') addPreviews([r], bytesOf, fileOpts, loaded);
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
