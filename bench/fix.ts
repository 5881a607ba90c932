/**
 * exchange-config-lint --fix against the same run without --fix: a folder of about 1,000 files (the bundled examples,
 * copied into 167 server folders) and the generated 20 MB UTF-16LE export. Each timed run gets a fresh copy. Then the
 * bytes of every fixed file are compared with the original line by line (lines cut at the encoding's own line feed,
 * line endings included): the lines that differ must be exactly the lines the fixes change (the "-" lines of
 * --fix-dry-run), and every other line byte-identical, byte order mark included.
 *
 *   npm run build && node scripts/bundle.js && node out/bench/fix.js
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { diffArrays } from 'diff';
import { decodeBytes } from '../server/src/core/encoding';
import { ensureExport, generatedDir, MB } from './generate';
import { median, ms } from './stats';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'exchange-config-lint.js');
const RUNS = 3;

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

function lint(args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The file's lines as byte chunks, each with its line ending, cut after the encoding's line feed. */
function byteLines(bytes: Buffer): string[] {
  const utf16 = decodeBytes(bytes).encoding.startsWith('utf16');
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i += utf16 ? 2 : 1) {
    if (bytes[i] === 0x0a && (!utf16 || bytes[i + 1] === 0x00)) {
      out.push(bytes.subarray(start, i + (utf16 ? 2 : 1)).toString('hex'));
      start = i + (utf16 ? 2 : 1);
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start).toString('hex'));
  return out;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** Times --fix against no --fix, RUNS pairs taken in turn, each on a fresh copy of `source`. */
function timePair(label: string, source: string, tmp: string): void {
  const fix: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = path.join(tmp, `${label}-plain-${i}`);
    const b = path.join(tmp, `${label}-fix-${i}`);
    copyTree(source, a);
    copyTree(source, b);
    plain.push(lint([a]));
    fix.push(lint(['--fix', b]));
  }
  console.log(`${label}: without --fix median ${ms(median(plain))} (${plain.map(ms).join(', ')}); with --fix median ${ms(median(fix))} (${fix.map(ms).join(', ')}); ratio ${(median(fix) / median(plain)).toFixed(2)}x`);
}

/** Compares every file of `fixedDir` with its original in `sourceDir`; prints what changed. */
function checkBytes(label: string, sourceDir: string, fixedDir: string): void {
  const dry = spawnSync(process.execPath, [BIN, '--fix-dry-run', sourceDir], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
  // The "-" lines of the diff: the original lines the fixes change, per file.
  const expected = new Map<string, number>();
  let current = '';
  for (const line of dry.split('\n')) {
    if (line.startsWith('--- a/')) current = line.slice(6);
    else if (line.startsWith('-') && !line.startsWith('---')) expected.set(current, (expected.get(current) ?? 0) + 1);
  }
  let files = 0;
  let fixed = 0;
  let changedLines = 0;
  let keptLines = 0;
  const problems: string[] = [];
  for (const original of filesUnder(sourceDir)) {
    const rel = path.relative(sourceDir, original);
    const before = fs.readFileSync(original);
    const after = fs.readFileSync(path.join(fixedDir, rel));
    files++;
    if (before.equals(after)) {
      keptLines += byteLines(before).length;
      continue;
    }
    fixed++;
    let removed = 0;
    for (const part of diffArrays(byteLines(before), byteLines(after))) {
      if (part.removed) removed += part.value.length;
      else if (!part.added) keptLines += part.value.length;
    }
    changedLines += removed;
    const want = expected.get(original.split(path.sep).join('/')) ?? 0;
    if (removed !== want) problems.push(`${rel}: ${removed} lines differ in bytes, the fixes change ${want}`);
    if (decodeBytes(before).bom !== decodeBytes(after).bom || decodeBytes(before).encoding !== decodeBytes(after).encoding) problems.push(`${rel}: encoding or byte order mark changed`);
  }
  console.log(`${label}: ${files} files, ${fixed} fixed, ${changedLines} lines changed by the fixes, ${keptLines} other lines byte-identical; ${problems.length ? `PROBLEMS: ${problems.join('; ')}` : 'no byte changed outside the fixed lines'}`);
}

function main(): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-fix-bench-'));
  try {
    // About 1,000 files: the bundled examples (6 files) in 167 server folders.
    const many = path.join(tmp, 'many');
    for (let i = 0; i < 167; i++) copyTree(path.join(ROOT, 'examples'), path.join(many, `server${String(i).padStart(3, '0')}`));
    console.log(`folder: ${filesUnder(many).length} files`);
    timePair('1,000 files', many, tmp);
    const big = path.join(tmp, 'big');
    fs.mkdirSync(big);
    const exp = ensureExport(path.join(generatedDir(), 'export-20mb.reg'), 20 * MB);
    fs.copyFileSync(exp.file, path.join(big, 'export-20mb.reg'));
    timePair('20 MB export', big, tmp);
    checkBytes('1,000 files', many, path.join(tmp, '1,000 files-fix-0'));
    checkBytes('20 MB export', big, path.join(tmp, '20 MB export-fix-0'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
