/**
 * What the project configuration file costs exchange-config-lint: a repository of 2,000 small .reg exports in 200
 * server folders, checked with its .exchange-config.json (severity overrides, ignorePatterns and three overrides, so
 * every file is matched against patterns) against the same run with --no-config, alternated, the median of each.
 * Prints figures only; nothing is asserted.
 *
 *   npm run build && node scripts/bundle.js && node out/bench/config.js
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, ms } from './stats';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'exchange-config-lint.js');
const RUNS = 5;
const EXPORT = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]\r\n"MPHeap parallelism"="8"\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]\r\n"Maximum Polling Frequency"=dword:00007530\r\n';

function lint(cwd: string, args: string[]): { ms: number; files: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', ...args, '.'], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, files: (JSON.parse(r.stdout) as unknown[]).length };
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-bench-config-'));
  try {
    fs.mkdirSync(path.join(dir, '.git'));
    for (let s = 0; s < 200; s++) {
      const folder = path.join(dir, s % 2 ? 'e2k' : 'e2003', `SRV${s}`);
      fs.mkdirSync(folder, { recursive: true });
      for (let f = 0; f < 10; f++) fs.writeFileSync(path.join(folder, `export${f}.reg`), EXPORT);
    }
    fs.writeFileSync(
      path.join(dir, '.exchange-config.json'),
      JSON.stringify({
        exchangeVersion: '2003',
        severityOverrides: { 'reg.discouraged-setting': 'hint' },
        ignorePatterns: ['archive/', '*.bak.reg'],
        overrides: [
          { files: ['e2k/'], exchangeVersion: '2000' },
          { files: ['**/SRV1*/'], serverRole: 'mailbox' },
          { files: ['*.reg'], severityOverrides: { 'reg.duplicate-key': 'off' } },
        ],
      }),
    );
    const without: number[] = [];
    const withConfig: number[] = [];
    let files = 0;
    for (let i = 0; i < RUNS; i++) {
      without.push(lint(dir, ['--no-config']).ms);
      const r = lint(dir, []);
      withConfig.push(r.ms);
      files = r.files;
    }
    const base = median(without);
    const cfg = median(withConfig);
    console.log(`${files} files, median of ${RUNS} runs each: --no-config ${ms(base)}, with .exchange-config.json ${ms(cfg)} (${(((cfg - base) / base) * 100).toFixed(1)}%)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
