/**
 * Benchmark of the boot.ini language service on a synthetic boot.ini with 1000 entries (real boot.ini files have a
 * handful, so this is a stress figure): every kind of ARC path, descriptions naming Windows 2000, XP and Server 2003,
 * and switch lists with values, misspellings, duplicates, contradictions and Exchange memory problems, so that every
 * check does work. Generated in memory from a seeded PRNG (the same text every run).
 *
 *   npm run build && node out/bench/bootini.js [--entries N] [--runs N]
 *
 * Prints the figures and one JSON line. Always exits 0 unless the benchmark itself fails.
 */
import { DEFAULT_CONTEXT } from '../server/src/core/catalog';
import { registryIndex } from '../server/src/core/catalogLoad';
import { AnalyzeOptions } from '../server/src/core/language';
import { bootiniLanguage } from '../server/src/languages/bootini';
import { Rng } from './generate';
import { median, ms, now } from './stats';

const TARGET_MS = 50;

const DESCRIPTIONS = [
  'Windows Server 2003, Enterprise',
  'Windows Server 2003, Standard',
  'Microsoft Windows 2000 Advanced Server',
  'Microsoft Windows 2000 Server',
  'Microsoft Windows XP Professional',
  'Mail server',
];

const SWITCHES = [
  '/fastdetect',
  '/3GB',
  '/USERVA=3030',
  '/USERVA=2900',
  '/USERVA=3100',
  '/PAE',
  '/NOPAE',
  '/noexecute=optout',
  '/NoExecute=OptInn',
  '/sos',
  '/basevideo',
  '/bootlog',
  '/debug',
  '/debugport=com1',
  '/baudrate=115200',
  '/safeboot:minimal',
  '/safeboot:disrepair',
  '/fastdetct',
  '/maxmem=512',
  '/channel=70',
  '/redirect',
  '3GB',
];

export function generateBootIni(entries: number, seed = 0x5eed0b00): string {
  const rng = new Rng(seed);
  const lines = ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '[operating systems]'];
  for (let i = 0; i < entries; i++) {
    const adapter = rng.pick(['multi', 'multi', 'multi', 'scsi', 'signature']);
    const first = adapter === 'signature' ? rng.u32().toString(16).padStart(8, '0') : String(rng.int(0, 1));
    const disk = adapter === 'multi' ? 0 : rng.int(0, 3);
    const path = `${adapter}(${first})disk(${disk})rdisk(${rng.int(0, 3)})partition(${rng.int(0, 4)})\\${rng.pick(['WINDOWS', 'WINNT'])}`;
    const switches: string[] = [];
    for (let k = rng.int(0, 6); k > 0; k--) switches.push(rng.pick(SWITCHES));
    lines.push(`${path}="${rng.pick(DESCRIPTIONS)} #${i}"${switches.length ? ` ${switches.join(' ')}` : ''}`);
    if (rng.chance(0.05)) lines.push('; a comment line');
  }
  lines.push('C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons', '');
  return lines.join('\r\n');
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function main(): void {
  const entries = arg('--entries', 1000);
  const runs = arg('--runs', 21);
  const text = generateBootIni(entries);
  const options: AnalyzeOptions = { exchange: { context: { ...DEFAULT_CONTEXT, role: 'mailbox', windowsVersion: '2003' }, registry: registryIndex() } };
  // Warm up the JIT and the catalog.
  for (let i = 0; i < 3; i++) bootiniLanguage.validate(bootiniLanguage.parse(text), options);
  const parseTimes: number[] = [];
  const validateTimes: number[] = [];
  const totalTimes: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    const doc = bootiniLanguage.parse(text);
    const t1 = now();
    diagnostics = bootiniLanguage.validate(doc, options).length;
    const t2 = now();
    parseTimes.push(t1 - t0);
    validateTimes.push(t2 - t1);
    totalTimes.push(t2 - t0);
  }
  // Editor requests on the parsed document: hover and completion on every 50th entry.
  const doc = bootiniLanguage.parse(text);
  const requestTimes: number[] = [];
  for (let line = 4; line < doc.lineCount; line += 50) {
    const length = doc.lines[line].length;
    const t = now();
    bootiniLanguage.hover(doc, { line, character: Math.max(0, length - 2) }, options);
    bootiniLanguage.complete!(doc, { line, character: length }, options);
    requestTimes.push(now() - t);
  }
  const total = median(totalTimes);
  console.log(`boot.ini with ${entries} entries (${doc.lineCount} lines, ${(text.length / 1024).toFixed(0)} KB), ${diagnostics} diagnostics; median of ${runs} runs`);
  console.log(`  parse:              ${ms(median(parseTimes))}`);
  console.log(`  validate:           ${ms(median(validateTimes))}`);
  console.log(`  parse + validate:   ${ms(total)} (worst ${ms(Math.max(...totalTimes))})`);
  console.log(`  hover + completion: ${ms(median(requestTimes))} median, ${ms(Math.max(...requestTimes))} worst (${requestTimes.length} positions)`);
  if (total >= TARGET_MS) console.log(`TARGET MISSED: parse + validate took ${ms(total)} (target under ${TARGET_MS} ms)`);
  console.log(
    JSON.stringify({
      entries,
      lines: doc.lineCount,
      diagnostics,
      parseMs: median(parseTimes),
      validateMs: median(validateTimes),
      totalMs: total,
      worstMs: Math.max(...totalTimes),
      requestMs: median(requestTimes),
      targetMs: TARGET_MS,
    }),
  );
}

if (require.main === module) main();
