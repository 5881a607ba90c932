// Mutation testing of one module with the tests of its own part of the code: minutes instead of the hours of
// `npm run mutation` over everything.
//
//   npm run mutation:module -- languages/ldapfilter/parse.ts        one module
//   npm run mutation:module -- languages/ldapfilter/parse.ts --force test every mutant again
//   npm run mutation:module -- languages/ldapfilter/parse.ts --concurrency=2
//                                                                    two test processes (the default is one)
//   npm run mutation:module -- --list                               the modules and the tests each is run against
//   npm run mutation:module -- --changed[=REF] [--dry-run]         every module whose source changed against REF
//                                                                    (default main), or whose tests did
//   npm run mutation:module -- --scores                             the score of every module with results, as a
//                                                                    Markdown table (from the results; nothing is run)
//   npm run mutation:module -- languages/ldapfilter/parse.ts --survivors
//                                                                    the mutants no test killed in the last run
//                                                                    (from its results; nothing is run)
//
// The module's mutants run against the unit tests of its language (a filter is also tested through LDIF, which
// embeds it) or, for server/src/core, the core tests and the tests of every language (the core serves them all):
// a mutant only the documentation examples, the editor suites or the whole-repository corpus would notice counts as
// survived here. Everything else comes from stryker.config.mjs. Each module keeps its own incremental results,
// reports/mutation/<module>.json (committed), so a rerun tests only the mutants of changed code or covered by
// changed tests, and runs of different modules do not overwrite each other. The HTML report goes to
// reports/mutation/html/<module>.html (not committed).
import { Stryker } from '@stryker-mutator/core';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const UNIT = 'out/test/unit';

/** The unit tests a module is mutated against. */
function testsFor(module) {
  const language = /^languages\/([^/]+)\//.exec(module)?.[1];
  if (language === 'ldapfilter') return [`${UNIT}/languages/ldapfilter/**/*.test.js`, `${UNIT}/languages/ldif/**/*.test.js`];
  if (language) return [`${UNIT}/languages/${language}/**/*.test.js`];
  if (module.startsWith('core/')) return [`${UNIT}/core/**/*.test.js`, `${UNIT}/languages/**/*.test.js`];
  throw new Error(`${module}: not a module of server/src/core or server/src/languages`);
}

/** The modules mutation testing covers (as stryker.config.mjs's mutate), relative to server/src. */
function modules() {
  const out = [];
  for (const dir of ['core', ...fs.readdirSync(path.join(ROOT, 'server/src/languages')).map((d) => `languages/${d}`)]) {
    const full = path.join(ROOT, 'server/src', dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const f of fs.readdirSync(full)) if (f.endsWith('.ts')) out.push(`${dir}/${f}`);
  }
  return out.sort();
}

/** The surviving and uncovered mutants of a module's last run, one line each, with the source line they change. */
function printSurvivors(module, resultsFile) {
  const file = path.join(ROOT, resultsFile);
  if (!fs.existsSync(file)) {
    console.error(`${resultsFile}: no results yet; run npm run mutation:module -- ${module}`);
    return 2;
  }
  const results = JSON.parse(fs.readFileSync(file, 'utf8')).files[`server/src/${module}`];
  const source = fs.readFileSync(path.join(ROOT, 'server/src', module), 'utf8').split('\n');
  for (const m of results?.mutants ?? []) {
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    const { line, column } = m.location.start;
    console.log(`${module}:${line}:${column} ${m.status} ${m.mutatorName} -> ${JSON.stringify(m.replacement)}\n    ${source[line - 1]?.trim()}`);
  }
  return 0;
}

/**
 * The score of every module with results in reports/mutation/, as a Markdown table. The score is Stryker's: killed
 * (timeouts included) of killed, survived and uncovered; mutants that do not compile and ignored ones (static, or
 * marked equivalent by a `// Stryker disable` comment with its reason) do not count.
 */
function printScores() {
  const dir = path.join(ROOT, 'reports/mutation');
  const rows = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const { files } = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    for (const [name, { mutants }] of Object.entries(files)) {
      const n = (pred) => mutants.filter(pred).length;
      const status = (...s) => n((m) => s.includes(m.status));
      const killed = status('Killed', 'Timeout');
      const survived = status('Survived', 'NoCoverage');
      const isStatic = (m) => m.status === 'Ignored' && /^Static mutant/.test(m.statusReason ?? '');
      rows.push([
        `\`${name}\``,
        mutants.length,
        killed,
        status('Survived'),
        status('NoCoverage'),
        status('CompileError'),
        n(isStatic),
        status('Ignored') - n(isStatic),
        killed + survived > 0 ? `${((100 * killed) / (killed + survived)).toFixed(1)}%` : '-',
      ]);
    }
  }
  console.log('| Module | Mutants | Killed (incl. timeouts) | Survived | No coverage | Not compiling | Static (not run) | Marked equivalent | Score |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  return 0;
}

/**
 * The modules to mutate again after changes against `ref` (committed or not): those whose source changed, and those
 * whose tests (testsFor) include a changed test file.
 */
function changedModules(ref) {
  const diff = execFileSync('git', ['diff', '--name-only', ref, '--', 'server/src', 'test/unit'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const changedTests = diff
    .filter((f) => f.startsWith('test/unit/') && f.endsWith('.ts'))
    .map((f) => `out/${f.replace(/\.ts$/, '.js')}`);
  return modules().filter(
    (m) =>
      diff.includes(`server/src/${m}`) ||
      testsFor(m).some((glob) => {
        const dir = glob.slice(0, glob.indexOf('**'));
        return changedTests.some((t) => t.startsWith(dir));
      }),
  );
}

async function runModule(module, concurrency, force) {
  const name = module.replace(/\.ts$/, '').replace(/\//g, '.');
  const base = (await import(path.join(ROOT, 'stryker.config.mjs'))).default;
  const stryker = new Stryker({
    mutate: [`server/src/${module}`],
    mochaOptions: { ...base.mochaOptions, spec: testsFor(module) },
    incrementalFile: `reports/mutation/${name}.json`,
    htmlReporter: { fileName: `reports/mutation/html/${name}.html` },
    reporters: ['clear-text', 'progress', 'html'],
    force,
    ...(concurrency ? { concurrency } : {}),
  });
  const results = await stryker.runMutationTest();
  const count = (...states) => results.filter((r) => states.includes(r.status)).length;
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived', 'NoCoverage');
  console.log(JSON.stringify({ module: `server/src/${module}`, mutants: results.length, killed, survived, score: killed + survived > 0 ? Math.round((1000 * killed) / (killed + survived)) / 10 : null }));
}

async function main(argv) {
  if (argv.includes('--scores')) return printScores();
  if (argv.includes('--list')) {
    for (const m of modules()) console.log(`${m}\t${testsFor(m).join(' ')}`);
    return 0;
  }
  const concurrencyArg = argv.find((a) => a.startsWith('--concurrency='));
  const concurrency = concurrencyArg ? Number(concurrencyArg.slice('--concurrency='.length)) : undefined;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    console.error(`${concurrencyArg}: the number of test processes is a positive whole number`);
    return 2;
  }
  const changedArg = argv.find((a) => a === '--changed' || a.startsWith('--changed='));
  if (changedArg) {
    const ref = changedArg.includes('=') ? changedArg.slice('--changed='.length) : 'main';
    const todo = changedModules(ref);
    console.log(todo.length ? `Modules changed against ${ref}, or tested by changed tests:\n  ${todo.join('\n  ')}` : `No module changed against ${ref}.`);
    if (argv.includes('--dry-run')) return 0;
    for (const m of todo) await runModule(m, concurrency, argv.includes('--force'));
    return 0;
  }
  const module = argv.find((a) => !a.startsWith('--'))?.replace(/^server\/src\//, '');
  if (!module || !modules().includes(module)) {
    console.error(`usage: npm run mutation:module -- <module> [--force] [--concurrency=N], where <module> is one of (--list):\n  ${modules().join('\n  ')}`);
    return 2;
  }
  const name = module.replace(/\.ts$/, '').replace(/\//g, '.');
  if (argv.includes('--survivors')) return printSurvivors(module, `reports/mutation/${name}.json`);
  await runModule(module, concurrency, argv.includes('--force'));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
