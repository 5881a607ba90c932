/**
 * Benchmark of the query-based group preview on a generated export of 100,000 recipients (scripts/generate-recipients.js,
 * fixed seed; cached in bench/generated): reading and parsing the LDIF (what any reader does), loading and indexing it
 * for evaluation, the time per filter for typical group filters (cold: first run; warm: median of the next runs), and
 * memory.
 *
 *   npm run build && node --expose-gc --max-old-space-size=4096 out/bench/preview.js [--count N] [--runs N]
 *
 * Prints a table, "TARGET MISSED: …" for a typical filter slower than 50 ms warm, and one JSON line with every figure.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { LdifDocument } from '../server/src/languages/ldif/parse';
import { LdapFilterDocument } from '../server/src/languages/ldapfilter/parse';
import { Directory, rawEntries } from '../server/src/preview/directory';
import { BATCH } from '../server/src/preview/load';
import { previewFilter } from '../server/src/preview/evaluate';
import { median, ms, now } from './stats';

const TARGET_FILTER_MS = 50;
const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const COUNT = arg('--count', 100000);
const RUNS = arg('--runs', 9);
const SEED = 2003;
const ROOT = path.resolve(__dirname, '..', '..');
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/** Group filters as Exchange 2003 tools and administrators write them. */
const TYPICAL = [
  '(&(!cn=SystemMailbox{*})(&(mailNickname=*)(objectCategory=person)(objectClass=user)(department=Sales)))',
  '(&(mailNickname=*)(&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))(physicalDeliveryOfficeName=Paris))',
  '(&(mailNickname=*)(objectCategory=person)(objectClass=contact)(company=Fabrikam))',
  '(&(mailNickname=*)(objectCategory=group))',
  '(&(mailNickname=*)(objectCategory=person)(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2))(extensionAttribute1=CC105))',
  '(&(mailNickname=*)(objectCategory=publicFolder))',
  '(&(mailNickname=*)(|(l=Seattle)(l=London))(title=Manager))',
  '(&(mailNickname=*)(cn=Ann*))',
];

function exportFile(): string {
  const dir = path.join(ROOT, 'bench', 'generated');
  const file = path.join(dir, `recipients-${COUNT}-${SEED}.ldf`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generate } = require(path.join(ROOT, 'scripts', 'generate-recipients.js')) as { generate(count: number, seed: number): string };
    fs.writeFileSync(file, generate(COUNT, SEED));
  }
  return file;
}

function main(): void {
  const file = exportFile();
  const size = fs.statSync(file).size;
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let t = now();
  let doc: LdifDocument | undefined = LdifDocument.parse(fs.readFileSync(file, 'utf8'));
  const parseMs = now() - t;
  gc();
  const heapParsed = process.memoryUsage().heapUsed;
  // Loading as the language server does: the objects taken from the parsed document (in the server's worker thread),
  // then added and indexed in batches on the server's thread (each batch a turn of its event loop).
  t = now();
  const { entries, skipped } = rawEntries(doc);
  const rawMs = now() - t;
  const dir = Directory.empty();
  const batchMs: number[] = [];
  for (let i = 0; i < entries.length; i += BATCH) {
    const b = now();
    dir.add(entries.slice(i, i + BATCH));
    batchMs.push(now() - b);
  }
  dir.skipped += skipped;
  const indexMs = now() - t;
  // The preview keeps only the directory; the parsed document (and the text) can go.
  doc = undefined;
  entries.length = 0;
  gc();
  const heapLoaded = process.memoryUsage().heapUsed;
  const rows: { filter: string; matched: number; coldMs: number; warmMs: number }[] = [];
  for (const f of TYPICAL) {
    const fdoc = LdapFilterDocument.parse(f);
    let t0 = now();
    const first = previewFilter(fdoc, dir);
    const coldMs = now() - t0;
    // The cold run builds the attribute's caches (hundreds of megabytes of heap on this export); the collection they
    // start would otherwise run in slices during the warm runs and be timed with them.
    gc();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t0 = now();
      previewFilter(fdoc, dir);
      times.push(now() - t0);
    }
    rows.push({ filter: f, matched: first.matched.length, coldMs, warmMs: median(times) });
  }
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const rss = process.memoryUsage().rss;
  const MB = 1024 * 1024;
  console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (1, 5, 15 min)`);
  console.log(`Export: ${dir.entries.length} recipients, ${(size / MB).toFixed(1)} MB (${path.relative(ROOT, file)})`);
  console.log(`Read and parse the LDIF:        ${ms(parseMs)}   heap +${((heapParsed - heap0) / MB).toFixed(0)} MB`);
  console.log(`Load and index for evaluation:  ${ms(indexMs)}   heap of the directory alone ${((heapLoaded - heap0) / MB).toFixed(0)} MB`);
  console.log(`  of which objects taken from the document (worker thread): ${ms(rawMs)}; indexed in ${batchMs.length} batches of ${BATCH} on the server's thread: ${ms(indexMs - rawMs)}, median ${ms(median(batchMs))} and at most ${ms(Math.max(...batchMs))} a batch`);
  console.log('Filter                                                          members   cold       warm');
  for (const r of rows) console.log(`${r.filter.slice(0, 62).padEnd(64)}${String(r.matched).padStart(7)}   ${ms(r.coldMs).padStart(8)}   ${ms(r.warmMs).padStart(8)}`);
  console.log(`Heap after the filters (value caches): ${((heapAfter - heap0) / MB).toFixed(0)} MB; RSS ${(rss / MB).toFixed(0)} MB`);
  for (const r of rows) if (r.warmMs > TARGET_FILTER_MS) console.log(`TARGET MISSED: ${r.filter} takes ${ms(r.warmMs)} warm (target ${TARGET_FILTER_MS} ms)`);
  console.log(JSON.stringify({ recipients: dir.entries.length, bytes: size, parseMs, indexMs, rawMs, batchMedianMs: median(batchMs), batchMaxMs: Math.max(...batchMs), heapParseMB: (heapParsed - heap0) / MB, heapDirectoryMB: (heapLoaded - heap0) / MB, heapAfterMB: (heapAfter - heap0) / MB, rssMB: rss / MB, filters: rows }));
}

main();
