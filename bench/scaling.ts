/**
 * Scaling benchmark: adversarial inputs at size n and 4n, timed for parse + validate, hover and completion, with the
 * ratio of the two times (linear work gives about 4, quadratic about 16). Each family is one long line (or one
 * catalog pattern, or many files in one folder) of the kind that made an editor freeze: runs of backslashes, blanks,
 * tabs, NULs, repeated words, deep nesting, catalog placeholders and patterns, thousands of exports beside a boot.ini.
 *
 *   npm run bench:scaling                                   (build, then: node out/bench/scaling.js)
 *   node out/bench/scaling.js --n 20000                     (the base size of the line families, default 20000)
 *   node out/bench/scaling.js --only reg-header-blanks      (one family; several --only are allowed)
 *   node out/bench/scaling.js --timeout 60                  (seconds per family and size, default 60)
 *
 * Each family and size runs in a child process, so that one that does not finish is reported as "> timeout" and the
 * others still run. Figures are printed, never asserted. Always exits 0 unless the benchmark itself fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { pathToFileURL } from 'url';
import { BootIniFile, checkMemoryConfig, checkMemoryFolder, RegFile } from '../server/src/checks/memory';
import { DEFAULT_CONTEXT, RegistryCatalog } from '../server/src/core/catalog';
import { RegistryCatalogIndex } from '../server/src/core/catalogIndex';
import { registryIndex } from '../server/src/core/catalogLoad';
import { AnalyzeOptions, LanguageService } from '../server/src/core/language';
import { Position } from '../server/src/core/types';
import { bootiniLanguage } from '../server/src/languages/bootini';
import { ldapfilterLanguage } from '../server/src/languages/ldapfilter';
import { ldifLanguage } from '../server/src/languages/ldif';
import { regLanguage } from '../server/src/languages/reg';
import { parseSetupCatalog, setupiniLanguage } from '../server/src/languages/setupini';
import { ms, now } from './stats';

const REG_HEADER = 'Windows Registry Editor Version 5.00\r\n\r\n';
const BOOT_HEAD = '[boot loader]\r\ntimeout=30\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n[operating systems]\r\n';
const BOOT_PATH = 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS';

/** One adversarial document: its language, its text, and where hover and completion are asked. */
interface Input {
  language: LanguageService;
  text: string;
  at: Position;
  options?: AnalyzeOptions;
}

interface Family {
  name: string;
  what: string;
  /** The input of size n (n counts the repeated unit: characters, placeholders, files). */
  make?: (n: number) => Input;
  /** Families that are not one document (catalog lookups, a folder of files): the measured work, in ms per part. */
  run?: (n: number) => Record<string, number>;
  /** The base size relative to --n (files and placeholders do not count in characters). */
  size?: (n: number) => number;
}

function regValueLine(type: string, bytes: string[]): Input {
  const text = `${REG_HEADER}[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\n"Value"=${type}:${bytes.join(',')}\r\n`;
  return { language: regLanguage, text, at: { line: 3, character: 2 } };
}

/** A registry catalog entry under a key with `placeholders` digit segments written next to each other in one segment. */
function placeholderCatalog(placeholders: number): RegistryCatalog {
  const entry = {
    id: 'contoso.placeholders',
    keys: [`HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\${'<n>'.repeat(placeholders)}\\X`],
    names: ['Value'],
    type: 'REG_DWORD',
    description: 'Benchmark entry.',
    status: 'current',
    sources: [],
  };
  return { entries: [entry] } as unknown as RegistryCatalog;
}

const SETUP_CATALOG = (pattern: string): string =>
  JSON.stringify({
    version: 1,
    notes: [],
    sections: [
      {
        name: 'Product ID',
        format: 'exchange55',
        description: 'Benchmark section.',
        confidence: 'low',
        sources: [{ document: 'Benchmark', section: 'Benchmark' }],
        keys: [{ name: 'pid', type: 'productid55', description: 'Benchmark key.', confidence: 'low', sources: [{ document: 'Benchmark', section: 'Benchmark' }], pattern, form: 'a benchmark form' }],
      },
    ],
  });

const FAMILIES: Family[] = [
  {
    name: 'reg-backslash-line',
    what: '.reg: a line of n backslashes (an ignored line)',
    make: (n) => ({ language: regLanguage, text: `${REG_HEADER}${'\\'.repeat(n)}\r\n`, at: { line: 2, character: n } }),
  },
  {
    name: 'reg-bracket-run',
    what: '.reg: an ignored line of n/2 "\\]" pairs',
    make: (n) => ({ language: regLanguage, text: `${REG_HEADER}${'\\]'.repeat(n / 2)}x\r\n`, at: { line: 2, character: n } }),
  },
  {
    name: 'reg-header-blanks',
    what: '.reg: header REGEDIT + n blanks + x',
    make: (n) => ({ language: regLanguage, text: `REGEDIT${' '.repeat(n)}x\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n`, at: { line: 0, character: 3 } }),
  },
  {
    name: 'reg-header-v5-blanks',
    what: '.reg: header "Windows Registry Editor" + n blanks + x',
    make: (n) => ({ language: regLanguage, text: `Windows Registry Editor${' '.repeat(n)}x\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n`, at: { line: 0, character: 3 } }),
  },
  {
    name: 'reg-delete-key-backslashes',
    what: '.reg: [-HKEY_LOCAL_MACHINE\\SOFTWARE + n backslashes + x]',
    make: (n) => ({ language: regLanguage, text: `${REG_HEADER}[-HKEY_LOCAL_MACHINE\\SOFTWARE${'\\'.repeat(n)}x]\r\n`, at: { line: 2, character: 5 } }),
  },
  {
    name: 'reg-value-name-blanks',
    what: '.reg: an unquoted value name of n blanks between two words, then =',
    make: (n) => ({ language: regLanguage, text: `${REG_HEADER}[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\nName${' '.repeat(n)}x${' '.repeat(n)}=1\r\n`, at: { line: 3, character: 2 } }),
  },
  {
    name: 'reg-hex2-nul-run',
    what: '.reg hover: hex(2) data of n NUL characters, then "A"',
    make: (n) => regValueLine('hex(2)', [...Array<string>(2 * n).fill('00'), '41', '00']),
    size: (n) => n / 2,
  },
  {
    name: 'reg-hex1-nul-run',
    what: '.reg hover: hex(1) data of n NUL characters, then "A"',
    make: (n) => regValueLine('hex(1)', [...Array<string>(2 * n).fill('00'), '41', '00']),
    size: (n) => n / 2,
  },
  {
    name: 'bootini-net-description',
    what: 'boot.ini: a description of n/5 ".NET " words',
    make: (n) => ({ language: bootiniLanguage, text: `${BOOT_HEAD}${BOOT_PATH}="${'.NET '.repeat(n / 5)}" /fastdetect\r\n`, at: { line: 4, character: BOOT_PATH.length + 3 } }),
  },
  {
    name: 'bootini-description-blanks',
    what: 'boot.ini: a description of "Windows" + n blanks + x, switches after it',
    make: (n) => {
      const line = `${BOOT_PATH}="Windows${' '.repeat(n)}x" /3GB /fastdetect`;
      return { language: bootiniLanguage, text: `${BOOT_HEAD}${line}\r\n`, at: { line: 4, character: line.length } };
    },
  },
  {
    name: 'bootini-outside-blanks',
    what: 'boot.ini: a line before any section of x + n blanks + y',
    make: (n) => ({ language: bootiniLanguage, text: `x${' '.repeat(n)}y\r\n${BOOT_HEAD}`, at: { line: 0, character: n + 2 } }),
  },
  {
    name: 'bootini-arc-letters',
    what: 'boot.ini: an ARC path of n letters and no parenthesis',
    make: (n) => ({ language: bootiniLanguage, text: `${BOOT_HEAD}${'m'.repeat(n)}="Windows Server 2003"\r\n`, at: { line: 4, character: n } }),
  },
  {
    name: 'ldif-base64-tabs',
    what: 'LDIF: a base64 value of n tabs, then x',
    make: (n) => ({ language: ldifLanguage, text: `dn: CN=Group,DC=contoso,DC=com\r\ndescription:: ${'\t'.repeat(n)}x\r\n`, at: { line: 1, character: 3 } }),
  },
  {
    name: 'ldapfilter-attribute-blanks',
    what: 'LDAP filter: an attribute of cn + n blanks + x',
    make: (n) => ({ language: ldapfilterLanguage, text: `(cn${' '.repeat(n)}x=1)`, at: { line: 0, character: 2 } }),
  },
  {
    name: 'ldapfilter-and-run',
    what: 'LDAP filter: (& with n/6 (cn=a) items on one line',
    make: (n) => ({ language: ldapfilterLanguage, text: `(&${'(cn=a)'.repeat(n / 6)})`, at: { line: 0, character: 4 } }),
  },
  {
    name: 'ldapfilter-deep-nesting',
    what: 'LDAP filter: n/4 nested (! ... ) on one line',
    make: (n) => {
      const k = n / 4;
      return { language: ldapfilterLanguage, text: `${'(!'.repeat(k)}(cn=a)${')'.repeat(k)}`, at: { line: 0, character: 2 * k + 2 } };
    },
  },
  {
    name: 'ldapfilter-semicolons',
    what: 'LDAP filter: an attribute with n semicolons (options) and no value',
    make: (n) => ({ language: ldapfilterLanguage, text: `(cn${';'.repeat(n)}x`, at: { line: 0, character: 2 } }),
  },
  {
    name: 'setupini-key-blanks',
    what: 'setup.ini completion: a line of n blanks + a[ under a known section',
    make: (n) => {
      const line = `${' '.repeat(n)}a[`;
      return { language: setupiniLanguage, text: `[Product ID]\r\n${line}\r\n`, at: { line: 1, character: line.length } };
    },
  },
  {
    name: 'setupini-value-blanks',
    what: 'setup.ini: a value of n blanks + x + n blanks',
    make: (n) => {
      const line = `pid=${' '.repeat(n)}x${' '.repeat(n)}`;
      return { language: setupiniLanguage, text: `[Product ID]\r\n${line}\r\n`, at: { line: 1, character: 4 } };
    },
  },
  {
    name: 'setup-catalog-pattern',
    what: 'setup catalog: pattern ^(a+)+$ against a pid of n/1000 "a" + b',
    size: (n) => Math.max(8, Math.round(n / 1000)),
    run: (n) => {
      const t0 = now();
      const parsed = parseSetupCatalog(SETUP_CATALOG('^(a+)+$'), 'bench.json');
      const load = now() - t0;
      const options: AnalyzeOptions = { exchange: { context: DEFAULT_CONTEXT, registry: registryIndex(), setupCatalogs: parsed.catalog ? [parsed.catalog] : [] } };
      const doc = setupiniLanguage.parse(`[Product ID]\r\npid=${'a'.repeat(n)}b\r\n`, options);
      const t1 = now();
      setupiniLanguage.validate(doc, options);
      return { load, validate: now() - t1 };
    },
  },
  {
    name: 'registry-catalog-placeholders',
    what: 'registry catalog: n placeholders in one segment, looked up with a 40-digit segment that does not match',
    size: (n) => Math.max(4, Math.round(n / 2500)),
    run: (n) => {
      const t0 = now();
      const index = new RegistryCatalogIndex([placeholderCatalog(n)]);
      const load = now() - t0;
      const t1 = now();
      index.lookup(`HKEY_LOCAL_MACHINE\\SOFTWARE\\CONTOSO\\${'1'.repeat(40)}\\Y`, 'Value');
      return { load, lookup: now() - t1 };
    },
  },
  {
    name: 'memory-folder',
    what: 'memory check: n .reg exports + one boot.ini in one folder (generated into a temporary folder)',
    size: (n) => Math.max(100, Math.round(n / 8)),
    run: (n) => memoryFolder(n),
  },
];

/** n exports and one boot.ini written to a temporary folder, read back and checked as the CLI does: parse each, then the memory check of each. */
function memoryFolder(n: number): Record<string, number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-config-scaling-'));
  try {
    fs.writeFileSync(path.join(dir, 'boot.ini'), `${BOOT_HEAD}${BOOT_PATH}="Windows Server 2003, Enterprise" /fastdetect /3GB /USERVA=3030\r\n`);
    for (let i = 0; i < n; i++) {
      const systemPages = i % 50 === 0 ? '\r\n"SystemPages"=dword:00007530' : '';
      fs.writeFileSync(
        path.join(dir, `export-${String(i).padStart(5, '0')}.reg`),
        `${REG_HEADER}[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]${systemPages}\r\n"PagedPoolSize"=dword:00000000\r\n`,
      );
    }
    const exchange = { context: DEFAULT_CONTEXT, registry: registryIndex() };
    const t0 = now();
    const boot: BootIniFile = { uri: pathToFileURL(path.join(dir, 'boot.ini')).href, doc: bootiniLanguage.parse(fs.readFileSync(path.join(dir, 'boot.ini'), 'latin1')) };
    const regs: RegFile[] = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.reg'))
      .sort()
      .map((f) => ({ uri: pathToFileURL(path.join(dir, f)).href, doc: regLanguage.parse(fs.readFileSync(path.join(dir, f), 'latin1')) }));
    const parse = now() - t0;
    // As the command line checks a folder (all files at once) and as the server checks each open export.
    const t1 = now();
    let findings = 0;
    for (const list of checkMemoryFolder(boot, regs, { exchange }).values()) findings += list.length;
    const folder = now() - t1;
    const t2 = now();
    let perFile = 0;
    for (const reg of regs) perFile += checkMemoryConfig(boot, reg, { exchange }, regs).length;
    const eachFile = now() - t2;
    if (findings === 0 || findings !== perFile) throw new Error(`the memory folder gave ${findings} findings at once, ${perFile} file by file`);
    return { parse, folder, eachFile };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The measured parts of one family at one size (run in a child process). */
function measure(family: Family, n: number): Record<string, number> {
  if (family.run) return family.run(n);
  const input = family.make!(n);
  const options = input.options ?? {};
  const t0 = now();
  const doc = input.language.parse(input.text, options);
  const diagnostics = input.language.validate(doc, options);
  const validate = now() - t0;
  const t1 = now();
  input.language.hover(doc, input.at, options);
  const hover = now() - t1;
  const t2 = now();
  input.language.complete?.(doc, input.at, options);
  const complete = now() - t2;
  return { 'parse+validate': validate, hover, complete, diagnostics: diagnostics.length };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function child(args: string[]): void {
  const family = FAMILIES.find((f) => f.name === argValue(args, '--family'));
  if (!family) throw new Error(`unknown family ${argValue(args, '--family')}`);
  process.stdout.write(JSON.stringify(measure(family, Number(argValue(args, '--size')))));
}

function main(args: string[]): void {
  const base = Number(argValue(args, '--n') ?? 20000);
  const timeout = Number(argValue(args, '--timeout') ?? 60) * 1000;
  const only = args.flatMap((a, i) => (args[i - 1] === '--only' ? [a] : []));
  const results: Record<string, unknown> = {};
  for (const family of FAMILIES) {
    if (only.length && !only.includes(family.name)) continue;
    const n = family.size ? family.size(base) : base;
    const at: (Record<string, number> | undefined)[] = [];
    for (const size of [n, 4 * n]) {
      const r = spawnSync(process.execPath, [__filename, '--family', family.name, '--size', String(size)], { encoding: 'utf8', timeout, maxBuffer: 1 << 20 });
      at.push(r.status === 0 ? (JSON.parse(r.stdout) as Record<string, number>) : undefined);
    }
    const parts = Object.keys(at[0] ?? at[1] ?? {}).filter((k) => k !== 'diagnostics');
    const rows = parts.map((p) => {
      const a = at[0]?.[p];
      const b = at[1]?.[p];
      const show = (x: number | undefined): string => (x === undefined ? `> ${timeout / 1000} s` : ms(x));
      const ratio = a !== undefined && b !== undefined && a > 0 ? (b / a).toFixed(1) : '-';
      return { part: p, n: a, n4: b, text: `${p.padEnd(15)} ${show(a).padStart(10)} ${show(b).padStart(10)}  x${ratio}` };
    });
    console.log(`${family.name}: ${family.what} (n = ${n})`);
    if (at[0] === undefined && at[1] === undefined) console.log(`  did not finish within ${timeout / 1000} s`);
    for (const r of rows) console.log(`  ${r.text}`);
    if (at[0]?.diagnostics !== undefined) console.log(`  diagnostics: ${at[0].diagnostics} at n, ${at[1]?.diagnostics ?? '-'} at 4n`);
    results[family.name] = { n, parts: Object.fromEntries(rows.map((r) => [r.part, { n: r.n, n4: r.n4 }])), timedOut: at.map((x) => x === undefined) };
  }
  console.log(JSON.stringify(results));
}

const args = process.argv.slice(2);
if (args.includes('--family')) child(args);
else main(args);
