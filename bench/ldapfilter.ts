/**
 * LDAP filter benchmark: parse alone, and parse + validate, 10,000 realistic query-based group filters, and compare in
 * the same run with the parsers of the npm packages @ldapjs/filter and ldap-filter: speed (the parser alone should be at
 * least as fast as the faster of the two; "TARGET MISSED" otherwise), and the inputs on which the verdicts (accepted or
 * rejected as syntax) differ, with the reason.
 *
 *   npm run build && node out/bench/ldapfilter.js
 */
import * as os from 'os';
import { codeInfo } from '../server/src/core/codes';
import { ldapfilterLanguage } from '../server/src/languages/ldapfilter';
import { LdapFilterDocument } from '../server/src/languages/ldapfilter/parse';
import { median, ms, now } from './stats';

const ldapjs = require('@ldapjs/filter') as { parseString(s: string): unknown };
const ldapFilter = require('ldap-filter') as { parse(s: string): unknown };

/** The repository's small deterministic generator (mulberry32), shared with the recipients generator. */
const rng = (require('../../scripts/mulberry32') as { mulberry32(seed: number): () => number }).mulberry32;

const MAILBOX = '(&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))';
const CONDITIONS = [
  '(department=Marketing)',
  '(department=Sales*)',
  '(company=Contoso)',
  '(title=*Manager*)',
  '(physicalDeliveryOfficeName=Building 4)',
  '(extensionAttribute1=FullTime)',
  '(l=Seattle)',
  '(memberOf=CN=Staff,OU=Groups,DC=contoso,DC=com)',
  '(userAccountControl:1.2.840.113556.1.4.803:=2)',
  '(proxyAddresses=smtp:*@contoso.com)',
  '(cn=Smith\\2a)',
];

/** Kinds of input, each with how often it occurs; the defect kinds are what the comparison is about. */
const KINDS: { name: string; weight: number; make(r: () => number): string }[] = [
  { name: 'ESM-style AND', weight: 50, make: (r) => `(&(mailNickname=*)(!(cn=SystemMailbox{*}))${MAILBOX}${pick(r)}${pick(r)})` },
  { name: 'OR of conditions', weight: 10, make: (r) => `(&(mailNickname=*)(|${pick(r)}${pick(r)}${pick(r)}))` },
  { name: 'indented over several lines', weight: 10, make: (r) => `(&\r\n  (mailNickname=*)\r\n  ${pick(r)}\r\n  ${pick(r)}\r\n)` },
  { name: 'ADUC short negation (!cn=...)', weight: 8, make: (r) => `(&(!cn=SystemMailbox{*})(mailNickname=*)${pick(r)})` },
  { name: 'missing closing parenthesis', weight: 5, make: (r) => `(&(mailNickname=*)${pick(r)}` },
  { name: 'unescaped parenthesis in a value', weight: 5, make: () => '(&(mailNickname=*)(department=R(&)D))' },
  { name: 'matching rule .1941 (Windows Server 2008)', weight: 4, make: () => '(&(mailNickname=*)(memberOf:1.2.840.113556.1.4.1941:=CN=Staff,DC=contoso,DC=com))' },
  { name: 'hexadecimal value in a bitwise match', weight: 4, make: () => '(&(mailNickname=*)(userAccountControl:1.2.840.113556.1.4.803:=0x2))' },
  { name: 'bad escape', weight: 4, make: () => '(&(mailNickname=*)(cn=a\\zz))' },
];

function pick(r: () => number): string {
  return CONDITIONS[Math.floor(r() * CONDITIONS.length)];
}

export function generate(n: number): { kind: string; text: string }[] {
  const r = rng(2003);
  const total = KINDS.reduce((s, k) => s + k.weight, 0);
  const out: { kind: string; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    let x = r() * total;
    const kind = KINDS.find((k) => (x -= k.weight) < 0) ?? KINDS[0];
    out.push({ kind: kind.name, text: kind.make(r) });
  }
  return out;
}

/** Ours: rejected when any error-severity diagnostic stands (what Active Directory on Windows 2000/2003 refuses). */
function oursRejects(text: string): boolean {
  const doc = ldapfilterLanguage.parse(text);
  return ldapfilterLanguage.validate(doc).some((d) => codeInfo(d.code).severity === 'error');
}

function rejects(parse: (s: string) => unknown, text: string): boolean {
  try {
    parse(text);
    return false;
  } catch {
    return true;
  }
}

const REASONS: Record<string, string> = {
  'indented over several lines': 'Active Directory accepts blanks and line breaks between components (ADUC and ESM write such filters); the npm parsers read them as part of the values or refuse them',
  'ADUC short negation (!cn=...)': 'Active Directory accepts (!cn=x) without inner parentheses (ADUC writes it); RFC 4515 parsers refuse it. Ours accepts it with a warning',
  'matching rule .1941 (Windows Server 2008)': 'syntactically valid, but Active Directory before Windows Server 2008 does not know the rule, so an Exchange 2003 forest rejects the query',
  'hexadecimal value in a bitwise match': 'syntactically a value, but Active Directory needs a decimal number for .803/.804',
  'bad escape': 'RFC 4515 requires two hex digits after a backslash; lenient parsers keep the characters',
  'unescaped parenthesis in a value': 'a parenthesis inside a value must be escaped as \\28 or \\29',
  'missing closing parenthesis': '@ldapjs/filter closes what is still open at the end of the text; Active Directory refuses an unbalanced filter (NDR 5.2.4)',
};

function main(): void {
  const filters = generate(10_000);
  const runs = 9;
  const time1 = (f: () => void): number[] => {
    const t = now();
    f();
    return [now() - t];
  };
  // Warm-up: every parser runs over the whole set once before the timed runs, so that none is timed while the JIT
  // still compiles it.
  filters.forEach((f) => {
    ldapfilterLanguage.validate(ldapfilterLanguage.parse(f.text));
    rejects(ldapjs.parseString, f.text);
    rejects(ldapFilter.parse, f.text);
  });
  // The timed runs interleave the parsers (one run of each in turn), so that a change in the machine's load during the
  // benchmark touches all of them alike.
  const parseTimes: number[] = [];
  const oursTimes: number[] = [];
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    parseTimes.push(...time1(() => filters.forEach((f) => LdapFilterDocument.parse(f.text))));
    oursTimes.push(...time1(() => filters.forEach((f) => ldapfilterLanguage.validate(ldapfilterLanguage.parse(f.text)))));
    aTimes.push(...time1(() => filters.forEach((f) => rejects(ldapjs.parseString, f.text))));
    bTimes.push(...time1(() => filters.forEach((f) => rejects(ldapFilter.parse, f.text))));
  }
  const parse = median(parseTimes);
  const ours = median(oursTimes);
  const a = median(aTimes);
  const b = median(bTimes);
  const faster = Math.min(a, b);
  console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (1, 5, 15 min)`);
  console.log(`10,000 filters (${filters.reduce((s, f) => s + f.text.length, 0)} characters), median of ${runs} runs`);
  console.log(`  ours, parse alone:            ${ms(parse)} (${((parse * 1000) / filters.length).toFixed(1)} µs a filter)`);
  console.log(`  ours, parse + validate:       ${ms(ours)} (${((ours * 1000) / filters.length).toFixed(1)} µs a filter)`);
  console.log(`  @ldapjs/filter 2.1.1, parse:  ${ms(a)} (ours parse alone / theirs: ${(parse / a).toFixed(2)}x; parse + validate / theirs: ${(ours / a).toFixed(2)}x)`);
  console.log(`  ldap-filter 0.3.3, parse:     ${ms(b)} (ours parse alone / theirs: ${(parse / b).toFixed(2)}x; parse + validate / theirs: ${(ours / b).toFixed(2)}x)`);
  if (parse > faster) console.log(`TARGET MISSED: parsing alone takes ${ms(parse)}, the faster of the two npm parsers ${ms(faster)}`);

  const differences = new Map<string, { count: number; ours: boolean; ldapjs: boolean; ldapFilter: boolean; example: string }>();
  for (const f of filters) {
    const v = { ours: oursRejects(f.text), ldapjs: rejects(ldapjs.parseString, f.text), ldapFilter: rejects(ldapFilter.parse, f.text) };
    if (v.ours === v.ldapjs && v.ours === v.ldapFilter) continue;
    const key = `${f.kind}|${v.ours}|${v.ldapjs}|${v.ldapFilter}`;
    const d = differences.get(key);
    if (d) d.count++;
    else differences.set(key, { count: 1, ...v, example: f.text });
  }
  const verdict = (rejected: boolean): string => (rejected ? 'rejects' : 'accepts');
  console.log(`\nInputs on which the verdicts differ (${[...differences.values()].reduce((s, d) => s + d.count, 0)} of ${filters.length}):`);
  for (const [key, d] of differences) {
    const kind = key.split('|')[0];
    console.log(`- ${kind} (${d.count}): ours ${verdict(d.ours)}, @ldapjs/filter ${verdict(d.ldapjs)}, ldap-filter ${verdict(d.ldapFilter)}`);
    console.log(`    e.g. ${JSON.stringify(d.example)}`);
    console.log(`    why: ${REASONS[kind] ?? 'see the diagnostics'}`);
  }
  console.log(JSON.stringify({ filters: filters.length, parseMs: parse, oursMs: ours, ldapjsMs: a, ldapFilterMs: b, differences: [...differences.entries()].map(([k, d]) => ({ kind: k.split('|')[0], ...d })) }));
}

if (require.main === module) main();
