#!/usr/bin/env node
'use strict';
const { mulberry32 } = require('../../../scripts/mulberry32');
/**
 * The preview's evaluator against a real LDAP server: OpenLDAP's slapd (127.0.0.1 only, a temporary config and
 * database) loads a generated directory of several thousand recipients, and thousands of generated filters run through
 * both; the sets of DNs must agree. Where Active Directory and OpenLDAP legitimately differ, the filter sent to slapd is
 * translated first (README, "Previewing a query-based group"):
 * - (objectCategory=<class name>): slapd gets the class's defaultObjectCategory DN ([MS-ADTS] 3.1.1.3.1.3.5);
 * - the ADUC short form (!cn=x): slapd gets (!(cn=x));
 * - ~=: slapd gets = (Active Directory performs no approximation; OpenLDAP does);
 * - global catalog visibility: slapd is loaded without the attributes that are not in the global catalog.
 * The generator leaves out what the two compare differently by design: name and distinguishedName (supertypes of
 * other attributes in OpenLDAP's core schema), telephone numbers (OpenLDAP ignores blanks and hyphens), ordering on
 * attributes core.schema gives no ordering rule (cn, sn, ...).
 *
 *   node test/e2e/slapd/run.js [--no-build] [--count N] [--filters N] [--seed S]
 * Exit status: 0 all agree, 1 a disagreement (listed), 2 slapd could not be run.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const COUNT = opt('--count', 3000);
const FILTERS = opt('--filters', 2000);
const SEED = opt('--seed', 4511);
const DEADLINE = Date.now() + 8 * 60 * 1000;

if (!args.includes('--no-build')) {
  const b = spawnSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(2);
}
const { generate, SCHEMA, DOMAIN } = require(path.join(ROOT, 'scripts', 'generate-recipients.js'));
const { Directory, normalizeDn } = require(path.join(ROOT, 'out', 'server', 'src', 'preview', 'directory.js'));
const { previewFilter } = require(path.join(ROOT, 'out', 'server', 'src', 'preview', 'evaluate.js'));
const { LdapFilterDocument } = require(path.join(ROOT, 'out', 'server', 'src', 'languages', 'ldapfilter', 'parse.js'));
const { attributeNamed, classNamed } = require(path.join(ROOT, 'out', 'server', 'src', 'languages', 'ldapfilter', 'attributes.js'));

function findSlapd() {
  for (const p of ['/usr/sbin/slapd', '/usr/local/libexec/slapd']) if (fs.existsSync(p)) return p;
  const w = spawnSync('sh', ['-c', 'command -v slapd'], { encoding: 'utf8' });
  return w.stdout.trim() || undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The export as slapd should hold it: what a global catalog holds (attributes outside it removed), no changetype. */
function forSlapd(ldif) {
  const out = [];
  for (const line of ldif.split('\r\n')) {
    if (line === 'changetype: add') continue;
    const m = /^([A-Za-z0-9-]+)::? /.exec(line);
    if (m) {
      const info = attributeNamed(m[1]);
      if (info && info.inGC === false) {
        out.push('\u0000skip');
        continue;
      }
    } else if (line.startsWith(' ') && out[out.length - 1] === '\u0000skip') continue;
    out.push(line);
  }
  return out.filter((l) => l !== '\u0000skip').join('\n');
}

// ---- Filters: each as Active Directory reads it (ad) and as slapd should get it (ldap). ----
function makeFilters(dir, count, seed) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const valuesOf = new Map();
  for (const e of dir.entries) for (const [k, vs] of e.attrs) for (const v of vs) (valuesOf.get(k) || valuesOf.set(k, []).get(k)).push(v);
  const sample = (attr) => {
    const vs = valuesOf.get(attr.toLowerCase());
    return vs && vs.length ? pick(vs) : 'nothing';
  };
  const recase = (s) => (chance(0.3) ? s.toUpperCase() : chance(0.3) ? s.toLowerCase() : s);
  const escape = (s) => {
    let out = '';
    for (const ch of s) {
      if ('*()\\\0'.includes(ch)) out += `\\${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
      else if (ch.charCodeAt(0) > 0x7f && chance(0.5)) out += [...Buffer.from(ch, 'utf8')].map((b) => `\\${b.toString(16)}`).join('');
      else out += ch;
    }
    return out;
  };
  const same = (text) => ({ ad: text, ldap: text, leaf: true });
  const wide = (text) => ({ ad: text, ldap: text, leaf: true, wide: true });
  const blanks = (text) => ({ ad: text, ldap: text, leaf: true, blanks: true });
  const STRINGS = ['cn', 'sn', 'givenName', 'displayName', 'department', 'company', 'title', 'l', 'co', 'mailNickname', 'targetAddress', 'extensionAttribute1', 'extensionAttribute2', 'physicalDeliveryOfficeName', 'proxyAddresses', 'legacyExchangeDN', 'msExchHomeServerName', 'mail', 'employeeType', 'employeeID', 'sAMAccountName'];
  const ORDERED = ['department', 'company', 'displayName', 'mailNickname', 'extensionAttribute1', 'sAMAccountName'];
  const PRESENT = [...STRINGS, 'homeMDB', 'manager', 'member', 'msExchHideFromAddressLists', 'userAccountControl', 'groupType', 'objectGUID', 'whenCreated', 'msExchDynamicDLFilter', 'extensionAttribute9'];
  const INTS = ['userAccountControl', 'groupType'];
  const NUMBERS = [512, 514, 66048, 4096, -2147483646, 8, 2, -2147483644, 0, 600, -5];
  const MASKS = [2, 512, 4096, 2147483648, 8, 65536, 514, 2147483650, 1];
  // Masks beyond 32 bits (2^32 + 2, 2^63 - 1) and beyond 64 bits (2^63, 2^64 - 1): see the README's table.
  const WIDE_MASKS = ['4294967298', '4294967296', '9223372036854775807', '9223372036854775808', '18446744073709551615'];
  const CLASSES = ['person', 'user', 'contact', 'computer', 'group', 'publicFolder', 'msExchDynamicDistributionList', 'organizationalPerson'];
  const DNS = ['homeMDB', 'manager', 'member', 'objectCategory'];
  const dnVariant = (dn) => recase(chance(0.5) ? dn.replace(/,/g, ', ') : dn).replace(/[()\\*]/g, (c) => `\\${c.charCodeAt(0).toString(16)}`);
  const leaf = () => {
    const r = rand();
    if (r < 0.17) {
      const a = pick(STRINGS);
      const v = chance(0.8) ? sample(a) : pick(['Sales', 'Nobody', 'contoso', 'FTE']);
      return same(`(${a}=${escape(recase(v))})`);
    }
    if (r < 0.2) {
      // Runs of blanks in a value or in the parts of a substring filter (doubled where the value has one).
      const a = pick(STRINGS.filter((x) => x !== 'mail'));
      const v = recase(sample(a));
      const doubled = escape(v).replace(/ /g, chance(0.5) ? '  ' : '   ');
      const form = pick([doubled, `${doubled.slice(0, Math.ceil(doubled.length / 2))}*`, `*${doubled.slice(1)}`, `  ${doubled}`, `${doubled}  `]);
      return blanks(`(${a}=${form})`);
    }
    if (r < 0.26) {
      const a = pick(STRINGS.filter((x) => x !== 'mail'));
      const v = escape(recase(sample(a)));
      return { ad: `(${a}~=${v})`, ldap: `(${a}=${v})`, leaf: true };
    }
    if (r < 0.36) return same(`(${pick(PRESENT)}=*)`);
    if (r < 0.5) {
      const a = pick(STRINGS);
      const v = recase(sample(a));
      const i = Math.floor(rand() * v.length);
      const j = Math.min(v.length, i + 1 + Math.floor(rand() * 4));
      const mid = escape(v.slice(i, j));
      const head = escape(v.slice(0, Math.min(3, i)));
      const tail = escape(v.slice(Math.max(j, v.length - 2)));
      const form = pick([`${head}*`, `*${mid}*`, `*${tail}`, `${head}*${mid}*`, `${head}*${mid}*${tail}`, `*${mid}*${tail}`]);
      return same(`(${a}=${form === '*' ? 'x*' : form})`);
    }
    if (r < 0.58) return same(`(${pick(INTS)}${pick(['=', '>=', '<='])}${pick(NUMBERS)})`);
    if (r < 0.66) return same(`(${pick(INTS)}:${pick(['1.2.840.113556.1.4.803', '1.2.840.113556.1.4.804'])}:=${pick(MASKS)})`);
    if (r < 0.68) return wide(`(${pick(INTS)}:${pick(['1.2.840.113556.1.4.803', '1.2.840.113556.1.4.804'])}:=${pick(WIDE_MASKS)})`);
    if (r < 0.76) {
      const a = pick(DNS);
      return same(`(${a}=${dnVariant(sample(a))})`);
    }
    if (r < 0.84) {
      const c = pick(CLASSES);
      const dn = `${classNamed(c).defaultObjectCategory},${SCHEMA}`;
      return { ad: `(objectCategory=${recase(c)})`, ldap: `(objectCategory=${dn})`, leaf: true };
    }
    if (r < 0.9) return same(`(objectClass=${pick(CLASSES.filter((c) => c !== 'msExchDynamicDistributionList'))})`);
    if (r < 0.93) return same(`(msExchHideFromAddressLists=${pick(['TRUE', 'FALSE'])})`);
    if (r < 0.96) return same(`(whenCreated${pick(['>=', '<='])}${sample('whenCreated')})`);
    const a = pick(ORDERED);
    return same(`(${a}${pick(['>=', '<='])}${escape(recase(sample(a)))})`);
  };
  const node = (depth) => {
    if (depth >= 3 || chance(depth === 0 ? 0.15 : 0.45)) return leaf();
    const op = pick(['&', '&', '|', '!']);
    if (op === '!') {
      const k = node(depth + 1);
      // The ADUC short form: (!cn=x) for Active Directory, (!(cn=x)) for slapd.
      if (k.leaf && chance(0.4)) return { ad: `(!${k.ad.slice(1, -1)})`, ldap: `(!${k.ldap})`, wide: k.wide, blanks: k.blanks };
      return { ad: `(!${k.ad})`, ldap: `(!${k.ldap})`, wide: k.wide, blanks: k.blanks };
    }
    const kids = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => node(depth + 1));
    return { ad: `(${op}${kids.map((k) => k.ad).join('')})`, ldap: `(${op}${kids.map((k) => k.ldap).join('')})`, wide: kids.some((k) => k.wide), blanks: kids.some((k) => k.blanks) };
  };
  const out = [];
  for (let i = 0; i < count; i++) {
    const f = node(0);
    out.push(chance(0.3) ? { ...f, ad: `(&(mailNickname=*)${f.ad})`, ldap: `(&(mailNickname=*)${f.ldap})` } : f);
  }
  return out;
}

/** The filter with each value's runs of blanks folded to one and the blanks around it dropped, as OpenLDAP compares. */
function foldBlanks(filter) {
  return filter.replace(/([(!])([A-Za-z][A-Za-z0-9-]*)(~?=)([^()]*)\)/g, (_m, open, attr, op, value) => `${open}${attr}${op}${value.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, '')})`);
}

/** Runs each filter through ldapsearch (-LLL: DNs only); the DNs of each filter, or the error slapd gave. */
function searchAll(port, filters) {
  const results = [];
  for (const f of filters) {
    if (Date.now() > DEADLINE) throw new Error('time limit reached');
    const r = spawnSync('ldapsearch', ['-x', '-LLL', '-H', `ldap://127.0.0.1:${port}`, '-b', DOMAIN, '-o', 'ldif-wrap=no', f.ldap, '1.1'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.error) throw r.error;
    const dns = [];
    for (const line of r.stdout.split('\n')) {
      if (line.startsWith('dn:: ')) dns.push(Buffer.from(line.slice(5), 'base64').toString('utf8'));
      else if (line.startsWith('dn: ')) dns.push(line.slice(4));
    }
    results.push({ dns, error: r.status === 0 ? undefined : (r.stderr || `exit ${r.status}`).trim() });
  }
  return results;
}

async function main() {
  const slapd = findSlapd();
  if (!slapd) {
    console.error('slapd: not installed (run test/e2e/slapd/setup.sh)');
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-slapd-'));
  let server;
  try {
    const ldif = generate(COUNT, SEED);
    const dir = Directory.parse(ldif);
    const inExport = new Set(dir.entries.map((e) => e.ndn));
    fs.mkdirSync(path.join(tmp, 'db'));
    const conf = path.join(tmp, 'slapd.conf');
    fs.writeFileSync(
      conf,
      [
        'include /etc/ldap/schema/core.schema',
        'sizelimit unlimited',
        `include ${path.join(__dirname, 'exchange.schema')}`,
        'modulepath /usr/lib/ldap',
        'moduleload back_mdb',
        `pidfile ${path.join(tmp, 'slapd.pid')}`,
        'database mdb',
        'maxsize 1073741824',
        'limits * size=unlimited time=unlimited',
        `suffix "${DOMAIN}"`,
        `rootdn "CN=admin,${DOMAIN}"`,
        `directory ${path.join(tmp, 'db')}`,
        'index objectClass,objectCategory,mailNickname eq',
        '',
      ].join('\n'),
    );
    // The containers above the exported objects (the export holds recipients only), parents first.
    const containers = new Map();
    for (const e of dir.entries) {
      const parts = e.dn.split(/,(?=[A-Za-z]+=)/);
      for (let k = 1; k < parts.length - 1; k++) {
        const dn = parts.slice(k).join(',');
        if (!inExport.has(normalizeDn(dn))) containers.set(normalizeDn(dn), dn);
      }
    }
    const ordered = [...containers.values()].sort((x, y) => x.split(',').length - y.split(',').length);
    fs.writeFileSync(path.join(tmp, 'root.ldif'), ordered.map((dn) => `dn: ${dn}\nobjectClass: top\nobjectClass: container\n\n`).join(''));
    fs.writeFileSync(path.join(tmp, 'data.ldif'), forSlapd(ldif));
    for (const f of ['root.ldif', 'data.ldif']) {
      // -s: no schema check (Active Directory's class rules are not OpenLDAP's); -q: quick load.
      const a = spawnSync(slapd.replace(/slapd$/, 'slapadd'), ['-f', conf, '-s', '-q', '-l', path.join(tmp, f)], { encoding: 'utf8' });
      const add = a.status === null || a.error ? spawnSync('slapadd', ['-f', conf, '-s', '-q', '-l', path.join(tmp, f)], { encoding: 'utf8' }) : a;
      if (add.status !== 0) {
        console.error(`slapd: slapadd ${f} failed: ${add.stderr}`);
        return 2;
      }
    }
    const port = await freePort();
    server = spawn(slapd, ['-f', conf, '-h', `ldap://127.0.0.1:${port}/`, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let up = false;
    for (let i = 0; i < 50 && !up; i++) {
      await new Promise((r) => setTimeout(r, 100));
      up = spawnSync('ldapsearch', ['-x', '-H', `ldap://127.0.0.1:${port}`, '-b', DOMAIN, '-s', 'base', '1.1'], { encoding: 'utf8' }).status === 0;
    }
    if (!up) {
      console.error('slapd: did not start');
      return 2;
    }
    const filters = makeFilters(dir, FILTERS, SEED);
    const t0 = Date.now();
    const results = searchAll(port, filters);
    const slapdMs = Date.now() - t0;
    let agree = 0;
    let nonEmpty = 0;
    const documented = { wide: 0, blanks: 0 };
    const disagreements = [];
    const t1 = Date.now();
    for (let i = 0; i < filters.length; i++) {
      const f = filters[i];
      const doc = LdapFilterDocument.parse(f.ad);
      const original = previewFilter(doc, dir);
      const theirs = results[i];
      // The documented differences (README, "Previewing a query-based group"): a bitwise mask wider than the attribute
      // is Undefined in the preview (OpenLDAP reads it as a 64-bit number): such filters are not compared, but the
      // preview must say so. Runs of blanks and blanks around a value: OpenLDAP folds them (RFC 4518), the preview
      // compares them as written and says so: slapd's answer is compared with the preview of the folded filter.
      if (f.wide) {
        documented.wide++;
        if (!original.notes.some((n) => n.includes('does not fit the attribute'))) disagreements.push({ f, why: 'a mask wider than the attribute without the note that says it is not settled' });
        continue;
      }
      let mine = original;
      if (f.blanks) {
        documented.blanks++;
        mine = previewFilter(LdapFilterDocument.parse(foldBlanks(f.ad)), dir);
        // Where the blanks change the answer, the preview must have said that they are not settled.
        const same = mine.matched.length === original.matched.length && mine.matched.every((e, k) => e === original.matched[k]);
        if (!same && !original.notes.some((n) => n.includes('run of blanks'))) disagreements.push({ f, why: 'runs of blanks that change the answer, without the note that says they are not settled' });
      }
      const a = new Set(mine.matched.map((e) => e.ndn));
      const b = new Set(theirs.dns.map(normalizeDn).filter((d) => inExport.has(d)));
      if (mine.error) disagreements.push({ f, why: `the evaluator did not run it: ${mine.error}` });
      else if (theirs.error) disagreements.push({ f, why: `slapd: ${theirs.error}` });
      else if (a.size === b.size && [...a].every((d) => b.has(d))) {
        agree++;
        if (a.size > 0) nonEmpty++;
      } else {
        const onlyMine = [...a].filter((d) => !b.has(d));
        const onlyTheirs = [...b].filter((d) => !a.has(d));
        disagreements.push({ f, why: `evaluator ${a.size}, slapd ${b.size}; only evaluator: ${onlyMine.slice(0, 3).join(' | ')}; only slapd: ${onlyTheirs.slice(0, 3).join(' | ')}` });
      }
    }
    const evalMs = Date.now() - t1;
    const compared = filters.length - documented.wide;
    console.log(`slapd: ${dir.entries.length} recipients, ${filters.length} filters; agreement ${agree}/${compared} compared (${((100 * agree) / compared).toFixed(2)}%), ${nonEmpty} of the agreeing filters match someone; ${documented.blanks} with runs of blanks compared folded, ${documented.wide} with masks wider than the attribute not compared (documented differences); slapd ${slapdMs} ms, evaluator ${evalMs} ms`);
    for (const d of disagreements.slice(0, 25)) console.log(`  DISAGREE${d.f.wide ? ' [wide mask]' : ''}${d.f.blanks ? ' [blanks]' : ''} ${d.f.ad}\n    slapd got ${d.f.ldap}\n    ${d.why}`);
    console.log(`  disagreements: ${disagreements.length} (wide masks ${disagreements.filter((d) => d.f.wide).length}, blanks ${disagreements.filter((d) => d.f.blanks).length}); filters with wide masks ${filters.filter((f) => f.wide).length}, with runs of blanks ${filters.filter((f) => f.blanks).length}`);
    return disagreements.length === 0 ? 0 : 1;
  } finally {
    if (server) server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
