/**
 * Performance benchmark of the .reg language service on a ~20 MB Registry Editor export (UTF-16LE, CRLF), measured
 * against a baseline of what any tool must do anyway: read the file, decode it and split it into lines.
 *
 *   npm run bench                                  (build, then: node --expose-gc out/bench/run.js)
 *   node --expose-gc out/bench/run.js --only full  (one part: baseline, full, incremental, catalog, memory, small)
 *   node --expose-gc out/bench/run.js --runs 9     (runs per median, default 5)
 *
 * Prints a table, "TARGET MISSED: …" lines for missed targets, and one JSON line with every figure. Always exits 0
 * unless the benchmark itself fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { decodeBytes } from '../server/src/core/encoding';
import { Diagnostic } from '../server/src/core/types';
import { regLanguage } from '../server/src/languages/reg/index';
import { RegDocument } from '../server/src/languages/reg/document';
import { DEFAULT_CONTEXT } from '../server/src/core/catalog';
import { RegistryCatalogIndex } from '../server/src/core/catalogIndex';
import { registryIndex } from '../server/src/core/catalogLoad';
import { ensureExport, generatedDir, GeneratedFile, MB } from './generate';
import { median, ms, now } from './stats';

const TARGET_FULL_MS = 1000;
const TARGET_FULL_RATIO = 3;
const TARGET_EDIT_MS = 50;
const TARGET_MEMORY_MULTIPLE = 10;
const TARGET_CATALOG_OVERHEAD = 0.2;

const SAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'exchange2000-upgrade', 'MAILSRV01-services.reg');

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);




function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------------------------------------------
// The measured operations

/** What every reader of the file has to do: read, decode UTF-16LE, split into lines. */
function baselineOnce(file: string): number {
  const bytes = fs.readFileSync(file);
  const text = new TextDecoder('utf-16le').decode(bytes);
  const lines = text.split(/\r\n|\r|\n/);
  return lines.length;
}

/**
 * The baseline with the decoder decodeBytes uses for UTF-16LE without surrogates (Node's Buffer, several times faster
 * than TextDecoder): the full figure is also given against it, so that a faster decoder alone cannot make the ratio.
 */
function baselineFastDecodeOnce(file: string): number {
  const bytes = fs.readFileSync(file);
  const text = bytes.toString('utf16le', bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0);
  const lines = text.split(/\r\n|\r|\n/);
  return lines.length;
}

interface FullResult {
  doc: RegDocument;
  diags: Diagnostic[];
  phases: { read: number; decode: number; parse: number; validate: number };
}

/** What the CLI does for one file: read, decode as regedit would, parse, validate. */
function fullOnce(file: string): FullResult {
  const t0 = now();
  const bytes = fs.readFileSync(file);
  const t1 = now();
  const decoded = decodeBytes(bytes);
  const t2 = now();
  const doc = regLanguage.parse(decoded.text, { decoded });
  const t3 = now();
  const diags = regLanguage.validate(doc, { decoded });
  const t4 = now();
  return { doc, diags, phases: { read: t1 - t0, decode: t2 - t1, parse: t3 - t2, validate: t4 - t3 } };
}

function timedRuns<T>(runs: number, fn: () => T): { times: number[]; last: T } {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    // Drop the previous result first: a live 20 MB document would otherwise slow down every collection of the next run.
    last = undefined;
    gc();
    const t = now();
    last = fn();
    times.push(now() - t);
  }
  return { times, last: last as T };
}

// ---------------------------------------------------------------------------------------------------------------
// Incremental edits

interface EditSpec {
  what: string;
  line: number;
  character: number;
  text: string;
}

function findFrom(doc: RegDocument, from: number, test: (line: number) => boolean): number {
  const n = doc.lineCount;
  for (let k = 0; k < n; k++) {
    const i = (from + k) % n;
    if (i > 0 && test(i)) return i;
  }
  throw new Error('no line found for an edit');
}

function isValueLine(text: string): boolean {
  return text.startsWith('"') && text.indexOf('"=', 1) > 1;
}

function isContinuation(text: string): boolean {
  return text.startsWith('  ') && /^[0-9a-f]{2}$/.test(text.slice(2, 4));
}

/**
 * A line of the document, read without asking for doc.lines: a freshly parsed export keeps its lines in the text, and
 * the first edit turns them into line strings, which the timing of that edit must include.
 */
function lineAt(doc: RegDocument, line: number): string {
  return doc.lineText(line);
}

/** lineAt, or undefined past either end of the document. */
function lineOrNone(doc: RegDocument, line: number): string | undefined {
  return line >= 0 && line < doc.lineCount ? doc.lineText(line) : undefined;
}

/** Inside a value name: between two characters of the name. */
function valueNameEdit(doc: RegDocument, from: number): EditSpec {
  const line = findFrom(doc, from, (i) => isValueLine(lineAt(doc, i)) && lineAt(doc, i).indexOf('"=') >= 4);
  const close = lineAt(doc, line).indexOf('"=');
  return { what: 'value name', line, character: 1 + Math.floor((close - 1) / 2), text: 'x' };
}

/** Inside a byte in the middle of a block of at least 200 continuation lines: the value becomes invalid there. */
function hexBlockEdit(doc: RegDocument, from: number): EditSpec {
  const n = doc.lineCount;
  let i = from;
  for (let scanned = 0; scanned < n; scanned++, i = (i + 1) % n) {
    if (!isContinuation(lineAt(doc, i)) || isContinuation(lineOrNone(doc, i - 1) ?? '')) continue;
    let j = i;
    while (j < n && isContinuation(lineAt(doc, j))) j++;
    if (j - i >= 200) return { what: 'hex continuation block', line: i + ((j - i) >> 1), character: 3, text: 'x' };
    scanned += j - i;
    i = j - 1;
  }
  throw new Error('no long hex continuation block found');
}

/** Inside the key path of a key line. */
function keyLineEdit(doc: RegDocument, from: number): EditSpec {
  const line = findFrom(doc, from, (i) => lineAt(doc, i).startsWith('[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\'));
  const at = lineAt(doc, line).indexOf('\\Services\\') + '\\Services\\'.length + 2;
  return { what: 'key line', line, character: Math.min(at, lineAt(doc, line).length - 1), text: 'x' };
}

/** ",\" after the last byte of a wrapped hex value: the blank line and the next key line become part of the value. */
function continuationEdit(doc: RegDocument, from: number): EditSpec {
  const line = findFrom(
    doc,
    from,
    (i) => isContinuation(lineAt(doc, i)) && !lineAt(doc, i).endsWith('\\') && lineAt(doc, i - 1).endsWith(',\\') && lineOrNone(doc, i + 1) === '' && (lineOrNone(doc, i + 2) ?? '').startsWith('['),
  );
  return { what: 'insert ",\\" (continuation state)', line, character: lineAt(doc, line).length, text: ',\\' };
}

interface EditTiming {
  what: string;
  line: number;
  update: number;
  validate: number;
  total: number;
  diagnostics: number;
}

function diagnosticsKey(diags: readonly Diagnostic[]): string {
  return JSON.stringify(diags);
}

function firstDifference(a: readonly Diagnostic[], b: readonly Diagnostic[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) return `#${i}: incremental ${x ?? '(none)'} vs fresh ${y ?? '(none)'}`;
  }
  return '';
}

function incremental(doc: RegDocument, file: string): { edits: EditTiming[]; consistent: boolean; textOk: boolean; mismatch: string; verifyMs: number } {
  // The same edits applied to a plain array of the file's lines, to check the document's text independently.
  const expected = new TextDecoder('utf-16le').decode(fs.readFileSync(file)).split('\r\n');
  regLanguage.validate(doc); // warm the per-section caches, as the server does after opening a file
  const edits: EditTiming[] = [];
  const makers = [valueNameEdit, hexBlockEdit, keyLineEdit, continuationEdit];
  for (const fraction of [0.5, 0.3, 0.7]) {
    for (const make of makers) {
      const e = make(doc, Math.floor(doc.lineCount * fraction));
      gc();
      const t0 = now();
      doc.update([{ range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character } }, text: e.text }]);
      const t1 = now();
      const diags = regLanguage.validate(doc);
      const t2 = now();
      edits.push({ what: e.what, line: e.line, update: t1 - t0, validate: t2 - t1, total: t2 - t0, diagnostics: diags.length });
      expected[e.line] = expected[e.line].slice(0, e.character) + e.text + expected[e.line].slice(e.character);
    }
  }
  const t0 = now();
  const text = doc.getText();
  const textOk = text === expected.join('\r\n');
  const mine = regLanguage.validate(doc);
  const fresh = regLanguage.validate(regLanguage.parse(text));
  const verifyMs = now() - t0;
  const sameDiags = diagnosticsKey(mine) === diagnosticsKey(fresh);
  const problems: string[] = [];
  if (!textOk) problems.push('getText() differs from the edited file text');
  if (!sameDiags) problems.push(`${mine.length} vs ${fresh.length} diagnostics; ${firstDifference(mine, fresh)}`);
  return { edits, consistent: sameDiags && textOk, textOk, mismatch: problems.join('; '), verifyMs };
}

// ---------------------------------------------------------------------------------------------------------------
// Peak memory, in a child process of its own

interface MemoryResult {
  /** RSS after loading the modules, before reading the file. */
  rssAfterLoad: number;
  /** Peak RSS of the whole child (process.resourceUsage().maxRSS), in bytes. */
  peakRss: number;
  /** heapUsed growth with the parsed document and its diagnostics alive, after a GC. */
  heapUsedAfterParse: number;
  /** process.memoryUsage().external growth at the same point (the file buffer may not be collected yet). */
  externalAfterParse: number;
  diagnostics: number;
  ms: number;
}

function childMemory(file: string): void {
  gc();
  gc();
  const rssAfterLoad = process.memoryUsage().rss;
  const before = process.memoryUsage();
  const t0 = now();
  const r = fullOnce(file);
  const elapsed = now() - t0;
  gc();
  gc();
  const after = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const out: MemoryResult = {
    rssAfterLoad,
    peakRss,
    heapUsedAfterParse: after.heapUsed - before.heapUsed,
    externalAfterParse: after.external - before.external,
    diagnostics: r.diags.length,
    ms: elapsed,
  };
  // Keep the document alive up to here.
  if (r.doc.lineCount < 0) console.log('unreachable');
  process.stdout.write(JSON.stringify(out) + '\n');
}

function memory(file: string): MemoryResult {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--child-memory', file], { encoding: 'utf8', maxBuffer: 16 * MB });
  if (child.status !== 0) throw new Error(`memory child failed (${child.status ?? child.signal}): ${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as MemoryResult;
}

// ---------------------------------------------------------------------------------------------------------------
// Small files

interface SmallResult {
  bytes: number;
  iterations: number;
  baseline: number;
  parse: number;
  parseValidate: number;
}

function decodeFile(file: string): { text: string; bytes: number } {
  const bytes = fs.readFileSync(file);
  return { text: decodeBytes(bytes).text, bytes: bytes.length };
}

function small(file: string, iterations: number, runs: number): SmallResult {
  const { text, bytes } = decodeFile(file);
  const per = (fn: () => unknown): number => {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      gc();
      const t = now();
      for (let i = 0; i < iterations; i++) fn();
      times.push((now() - t) / iterations);
    }
    return median(times);
  };
  for (let i = 0; i < Math.min(iterations, 50); i++) regLanguage.validate(RegDocument.parse(text)); // warm-up
  return {
    bytes,
    iterations,
    baseline: per(() => baselineOnce(file)),
    parse: per(() => RegDocument.parse(text)),
    parseValidate: per(() => regLanguage.validate(RegDocument.parse(text))),
  };
}

// ---------------------------------------------------------------------------------------------------------------

interface Row {
  name: string;
  value: string;
  ratio: string;
  target: string;
  ok: boolean | undefined;
}

function printTable(rows: Row[]): void {
  const head: Row = { name: 'measurement', value: 'value', ratio: 'x baseline', target: 'target', ok: undefined };
  const all = [head, ...rows];
  const w = (k: 'name' | 'value' | 'ratio' | 'target'): number => Math.max(...all.map((r) => r[k].length));
  const [wn, wv, wr, wt] = [w('name'), w('value'), w('ratio'), w('target')];
  const fmt = (r: Row): string =>
    `${r.name.padEnd(wn)}  ${r.value.padStart(wv)}  ${r.ratio.padStart(wr)}  ${r.target.padEnd(wt)}  ${r.ok === undefined ? (r === head ? 'status' : '') : r.ok ? 'ok' : 'MISSED'}`;
  console.log(fmt(head));
  console.log('-'.repeat(fmt(head).length + 2));
  for (const r of rows) console.log(fmt(r));
}

function parseArgs(argv: string[]): { only: Set<string> | undefined; runs: number } {
  let only: Set<string> | undefined;
  let runs = 5;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') only = new Set(argv[++i].split(','));
    else if (argv[i] === '--runs') runs = Math.max(1, Number(argv[++i]));
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { only, runs };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const want = (part: string): boolean => !args.only || args.only.has(part);
  if (!(globalThis as { gc?: unknown }).gc) console.log('note: run with --expose-gc for stable figures (npm run bench does)');

  const dir = generatedDir();
  const big: GeneratedFile = ensureExport(path.join(dir, 'export-20mb.reg'), 20 * MB);
  const oneMb: GeneratedFile = ensureExport(path.join(dir, 'export-1mb.reg'), 1 * MB);
  console.log(`${big.reused ? 'reusing' : 'generated'} ${path.relative(process.cwd(), big.file)}: ${big.bytes} bytes (${mb(big.bytes)}) in ${ms(big.ms)}`);
  console.log(`${oneMb.reused ? 'reusing' : 'generated'} ${path.relative(process.cwd(), oneMb.file)}: ${oneMb.bytes} bytes in ${ms(oneMb.ms)}`);
  console.log(`node ${process.version}, ${args.runs} runs per median\n`);

  const rows: Row[] = [];
  const missed: string[] = [];
  const json: Record<string, unknown> = { node: process.version, file: { bytes: big.bytes, lines: 0 }, runs: args.runs };
  const target = (ok: boolean, message: string): boolean => {
    if (!ok) missed.push(message);
    return ok;
  };

  // Baseline (always measured: every ratio refers to it).
  baselineOnce(big.file); // warm the page cache and the decoder
  const base = timedRuns(args.runs, () => baselineOnce(big.file));
  const baseline = median(base.times);
  const ratio = (x: number): string => `${(x / baseline).toFixed(2)}x`;
  (json.file as { lines: number }).lines = base.last;
  json.baseline = { medianMs: baseline, runsMs: base.times };
  rows.push({ name: `baseline: read + decode + split (${base.last} lines)`, value: ms(baseline), ratio: '1.00x', target: '', ok: undefined });
  baselineFastDecodeOnce(big.file);
  const fastBase = timedRuns(args.runs, () => baselineFastDecodeOnce(big.file));
  const fastBaseline = median(fastBase.times);
  json.baselineFastDecode = { medianMs: fastBaseline, runsMs: fastBase.times };
  rows.push({ name: '  the same with Buffer decode (as decodeBytes)', value: ms(fastBaseline), ratio: ratio(fastBaseline), target: '', ok: undefined });

  let doc: RegDocument | undefined;
  if (want('full') || want('incremental')) {
    const phases: FullResult['phases'][] = [];
    const full = timedRuns(want('full') ? args.runs : 1, () => {
      const r = fullOnce(big.file);
      phases.push(r.phases);
      return r;
    });
    const fullMs = median(full.times);
    doc = full.last.doc;
    if (want('full')) {
      const phase = (k: keyof FullResult['phases']): number => median(phases.map((x) => x[k]));
      const p = { read: phase('read'), decode: phase('decode'), parse: phase('parse'), validate: phase('validate') };
      json.full = { medianMs: fullMs, runsMs: full.times, ratio: fullMs / baseline, diagnostics: full.last.diags.length, phaseMediansMs: p };
      const okMs = target(fullMs < TARGET_FULL_MS, `full parse + validation takes ${ms(fullMs)} (target under ${TARGET_FULL_MS} ms)`);
      const okRatio = target(fullMs / baseline < TARGET_FULL_RATIO, `full parse + validation is ${ratio(fullMs)} the baseline (target under ${TARGET_FULL_RATIO}x)`);
      rows.push({ name: `full: read + decode + parse + validate (${full.last.diags.length} diagnostics)`, value: ms(fullMs), ratio: ratio(fullMs), target: `< ${TARGET_FULL_MS} ms, < ${TARGET_FULL_RATIO}x`, ok: okMs && okRatio });
      (json.full as Record<string, unknown>).ratioFastDecodeBaseline = fullMs / fastBaseline;
      rows.push({ name: '  full against the Buffer-decode baseline', value: `${(fullMs / fastBaseline).toFixed(2)}x`, ratio: '', target: '', ok: undefined });
      rows.push({ name: '  of which read (median)', value: ms(p.read), ratio: ratio(p.read), target: '', ok: undefined });
      rows.push({ name: '  of which decodeBytes', value: ms(p.decode), ratio: ratio(p.decode), target: '', ok: undefined });
      rows.push({ name: '  of which regLanguage.parse', value: ms(p.parse), ratio: ratio(p.parse), target: '', ok: undefined });
      rows.push({ name: '  of which regLanguage.validate', value: ms(p.validate), ratio: ratio(p.validate), target: '', ok: undefined });
    }
  }

  if (want('incremental') && doc) {
    const inc = incremental(doc, big.file);
    const totals = inc.edits.map((e) => e.total);
    const med = median(totals);
    const max = Math.max(...totals);
    json.incremental = { medianMs: med, maxMs: max, ratioMedian: med / baseline, ratioMax: max / baseline, consistent: inc.consistent, textOk: inc.textOk, edits: inc.edits };
    const okMed = target(med < TARGET_EDIT_MS, `incremental edit + validate median ${ms(med)} (target under ${TARGET_EDIT_MS} ms)`);
    const okMax = target(max < TARGET_EDIT_MS, `incremental edit + validate max ${ms(max)} (target under ${TARGET_EDIT_MS} ms)`);
    target(inc.consistent, `incrementally updated document differs from a fresh parse: ${inc.mismatch}`);
    rows.push({ name: `incremental: edit + validate, median of ${totals.length}`, value: ms(med), ratio: ratio(med), target: `< ${TARGET_EDIT_MS} ms`, ok: okMed });
    rows.push({ name: 'incremental: edit + validate, max', value: ms(max), ratio: ratio(max), target: `< ${TARGET_EDIT_MS} ms`, ok: okMax });
    for (const what of [...new Set(inc.edits.map((e) => e.what))]) {
      const es = inc.edits.filter((e) => e.what === what);
      const worst = es.reduce((a, b) => (b.total > a.total ? b : a));
      rows.push({
        name: `  ${what} (worst: update ${ms(worst.update)} + validate ${ms(worst.validate)})`,
        value: ms(worst.total),
        ratio: ratio(worst.total),
        target: '',
        ok: undefined,
      });
    }
    rows.push({ name: 'incremental: text and diagnostics == fresh parse of getText()', value: inc.consistent ? 'OK' : 'MISMATCH', ratio: '', target: 'OK', ok: inc.consistent });
    console.log(`incremental check: ${inc.consistent ? 'OK' : 'MISMATCH ' + inc.mismatch} (verification took ${ms(inc.verifyMs)})`);
  }
  doc = undefined;

  if (want('catalog')) {
    // The same parse + validation with an empty catalog and with the built-in one, runs interleaved so that both
    // see the same machine load.
    const decoded = decodeBytes(fs.readFileSync(big.file));
    const empty = { context: DEFAULT_CONTEXT, registry: new RegistryCatalogIndex([]) };
    const builtIn = { context: DEFAULT_CONTEXT, registry: registryIndex() };
    const run = (exchange: typeof empty): Diagnostic[] => regLanguage.validate(regLanguage.parse(decoded.text, { decoded }), { decoded, exchange });
    const syntaxOnly = { times: [] as number[], last: [] as Diagnostic[] };
    const withCatalog = { times: [] as number[], last: [] as Diagnostic[] };
    for (let i = 0; i < args.runs; i++) {
      for (const [target, exchange] of i % 2 ? ([[syntaxOnly, empty], [withCatalog, builtIn]] as const) : ([[withCatalog, builtIn], [syntaxOnly, empty]] as const)) {
        target.last = [];
        gc();
        const t = now();
        target.last = run(exchange);
        target.times.push(now() - t);
      }
    }
    const a = median(syntaxOnly.times);
    const b = median(withCatalog.times);
    const overhead = b / a - 1;
    json.catalog = { syntaxOnlyMs: a, withCatalogMs: b, overhead, findings: withCatalog.last.length - syntaxOnly.last.length };
    const ok = target(overhead < TARGET_CATALOG_OVERHEAD, `catalog checks add ${(overhead * 100).toFixed(0)}% (target under ${TARGET_CATALOG_OVERHEAD * 100}%)`);
    rows.push({ name: 'catalog: parse + syntax-only validation', value: ms(a), ratio: ratio(a), target: '', ok: undefined });
    rows.push({ name: `catalog: parse + validation with the catalog (+${withCatalog.last.length - syntaxOnly.last.length} findings)`, value: ms(b), ratio: ratio(b), target: `< +${TARGET_CATALOG_OVERHEAD * 100}%`, ok });
  }

  if (want('memory')) {
    const m = memory(big.file);
    const grown = m.peakRss - m.rssAfterLoad;
    const multiple = grown / big.bytes;
    json.memory = { ...m, peakMinusLoad: grown, multipleOfFile: multiple, heapMultipleOfFile: m.heapUsedAfterParse / big.bytes };
    const ok = target(multiple < TARGET_MEMORY_MULTIPLE, `peak memory is ${multiple.toFixed(1)}x the file size (target under ${TARGET_MEMORY_MULTIPLE}x)`);
    rows.push({ name: `memory: peak RSS - RSS after load (${mb(m.peakRss)} - ${mb(m.rssAfterLoad)})`, value: mb(grown), ratio: '', target: '', ok: undefined });
    rows.push({ name: 'memory: as a multiple of the file size', value: `${multiple.toFixed(2)}x`, ratio: '', target: `< ${TARGET_MEMORY_MULTIPLE}x`, ok });
    rows.push({ name: 'memory: heapUsed after parse + validate (after GC)', value: `${mb(m.heapUsedAfterParse)} (${(m.heapUsedAfterParse / big.bytes).toFixed(2)}x)`, ratio: '', target: '', ok: undefined });
    rows.push({ name: `memory: child's full parse + validate (cold)`, value: ms(m.ms), ratio: ratio(m.ms), target: '', ok: undefined });
  }

  if (want('small')) {
    const one = small(oneMb.file, 5, args.runs);
    const sample = small(SAMPLE, 2000, args.runs);
    json.small = { oneMb: one, sample };
    const perByte = (x: number, bytes: number): string => `${(x / bytes / (baseline / big.bytes)).toFixed(2)}x/B`;
    rows.push({ name: `1 MB file (${one.bytes} bytes): read + decode + split`, value: ms(one.baseline), ratio: `${ratio(one.baseline)} ${perByte(one.baseline, one.bytes)}`, target: '', ok: undefined });
    rows.push({ name: '1 MB file: RegDocument.parse', value: ms(one.parse), ratio: `${ratio(one.parse)} ${perByte(one.parse, one.bytes)}`, target: `(${(one.parse / one.baseline).toFixed(2)}x own baseline)`, ok: undefined });
    rows.push({ name: '1 MB file: parse + validate', value: ms(one.parseValidate), ratio: `${ratio(one.parseValidate)} ${perByte(one.parseValidate, one.bytes)}`, target: `(${(one.parseValidate / one.baseline).toFixed(2)}x own baseline)`, ok: undefined });
    rows.push({ name: `sample ${path.basename(SAMPLE)} (${sample.bytes} bytes) x${sample.iterations}: parse`, value: ms(sample.parse), ratio: `${ratio(sample.parse)} ${perByte(sample.parse, sample.bytes)}`, target: `(${(sample.parse / sample.baseline).toFixed(2)}x own baseline)`, ok: undefined });
    rows.push({ name: 'sample: parse + validate', value: ms(sample.parseValidate), ratio: `${ratio(sample.parseValidate)} ${perByte(sample.parseValidate, sample.bytes)}`, target: `(${(sample.parseValidate / sample.baseline).toFixed(2)}x own baseline)`, ok: undefined });
  }

  printTable(rows);
  console.log('');
  console.log('("x baseline": time divided by the 20 MB baseline of this run; "x/B": the same per byte of input.)');
  for (const m of missed) console.log(`TARGET MISSED: ${m}`);
  if (missed.length === 0) console.log('all targets met');
  json.targetsMissed = missed;
  console.log(JSON.stringify(json));
}

if (process.argv[2] === '--child-memory') childMemory(process.argv[3]);
else main();
