/**
 * What suppression comments cost on a ~20 MB Registry Editor export, measured against the analysis every host does
 * anyway in the same run (parse and validate the decoded text): applying the directives of a file without any, and of
 * the same file with a directive above every 200th line.
 *
 *   npm run build && node --expose-gc out/bench/suppress.js [--runs 5]
 *
 * Prints a table, "TARGET MISSED: …" when the overhead goes over the target, and one JSON line. Always exits 0 unless
 * the benchmark itself fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import { decodeBytes } from '../server/src/core/encoding';
import { suppressIn } from '../server/src/core/suppress';
import { regLanguage } from '../server/src/languages/reg/index';
import '../server/src/languages';
import { ensureExport, generatedDir, MB } from './generate';
import { median, ms, now } from './stats';

/** Applying the directives may add at most this share of the analysis time: to a file without any, and to one full of them. */
const TARGET_OVERHEAD = { 'no directive': 0.05, 'a directive every 200 lines': 0.3 };

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A directive above every `every`th value line, naming a code that line does not have (so each is reported unused). */
function withDirectives(text: string, every: number): string {
  const lines = text.split('\r\n');
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (i > 0 && i % every === 0 && l.startsWith('"')) out.push('; exchange-config-disable-next-line reg.dword-too-long -- benchmark');
    out.push(l);
  });
  return out.join('\r\n');
}

function time(f: () => void, runs: number): number {
  const xs: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    const t = now();
    f();
    xs.push(now() - t);
  }
  return median(xs);
}

function main(): void {
  const runs = arg('--runs', 5);
  const file = ensureExport(path.join(generatedDir(), 'export-20mb.reg'), 20 * MB);
  const decoded = decodeBytes(fs.readFileSync(file.file));
  const plain = decoded.text;
  const directed = withDirectives(plain, 200);
  const report: Record<string, number> = {};
  // One untimed round first, so that neither case pays for compiling the code.
  suppressIn(regLanguage, directed, regLanguage.validate(regLanguage.parse(plain, { decoded }), { decoded }));
  for (const [name, text] of [
    ['no directive', plain],
    ['a directive every 200 lines', directed],
  ] as const) {
    const doc = regLanguage.parse(text, { decoded: { ...decoded, text } });
    const diags = regLanguage.validate(doc, { decoded: { ...decoded, text } });
    const analysis = time(() => regLanguage.validate(regLanguage.parse(text, { decoded: { ...decoded, text } }), { decoded: { ...decoded, text } }), runs);
    const suppress = time(() => suppressIn(regLanguage, text, diags), runs);
    const after = suppressIn(regLanguage, text, diags).length;
    console.log(`${name.padEnd(30)} ${(text.length * 2 / MB).toFixed(1)} MB  analysis ${ms(analysis).padStart(8)}  suppressions ${ms(suppress).padStart(8)}  overhead ${((suppress / analysis) * 100).toFixed(1)} %  (${diags.length} -> ${after} diagnostics)`);
    if (suppress / analysis > TARGET_OVERHEAD[name]) console.log(`TARGET MISSED: suppressions take ${((suppress / analysis) * 100).toFixed(1)} % of the analysis (${name}), target ${TARGET_OVERHEAD[name] * 100} %`);
    report[`${name}: analysis ms`] = analysis;
    report[`${name}: suppressions ms`] = suppress;
  }
  console.log(JSON.stringify(report));
}

main();
