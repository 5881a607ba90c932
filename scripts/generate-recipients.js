#!/usr/bin/env node
'use strict';
const { mulberry32 } = require('./mulberry32');
/**
 * Generates an ldifde export of an Exchange 2003 organisation's recipients (users, contacts, groups, public folders,
 * query-based groups, a few computers without mailNickname and the stores' system mailboxes), with a fixed seed so
 * that the same arguments always give the same bytes. Used by examples/qbdg/recipients.ldf, the OpenLDAP comparison
 * suite (test/e2e/slapd) and bench/preview.ts.
 *
 *   node scripts/generate-recipients.js [--count N] [--seed S] [--out FILE]
 *
 * The export is written as ldifde writes it: CRLF line endings, lines folded at 80 characters, values that are not
 * plain ASCII in base64 (name::).
 */
const fs = require('fs');

const DOMAIN = 'DC=contoso,DC=com';
const SCHEMA = `CN=Schema,CN=Configuration,${DOMAIN}`;
const ORG = `CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,${DOMAIN}`;
const SITES = [
  { ou: 'London', l: 'London', c: 'GB', co: 'United Kingdom', server: 'LONMAIL01' },
  { ou: 'Paris', l: 'Paris', c: 'FR', co: 'France', server: 'PARMAIL01' },
  { ou: 'Seattle', l: 'Seattle', c: 'US', co: 'United States', server: 'SEAMAIL01' },
];
const DEPARTMENTS = ['Sales', 'Marketing', 'IT', 'Finance', 'Human Resources', 'Operations', 'Legal', 'Support'];
const TITLES = ['Manager', 'Engineer', 'Account Manager', 'Analyst', 'Assistant', 'Director', 'Consultant', 'Technician'];
const GIVEN = ['Ann', 'Bob', 'Chris', 'Dana', 'Eve', 'Frank', 'Grace', 'Hugo', 'Inès', 'José', 'Karin', 'Lars', 'Maria', 'Nils', 'Olga', 'Pierre', 'Quinn', 'Rita', 'Søren', 'Tom', 'Ute', 'Victor', 'Wen', 'Yuki', 'Zoë'];
const FAMILY = ['Lee', 'Smith', 'Müller', 'Dubois', 'García', 'Ström', 'Nakamura', 'Brown', 'Rossi', 'Novák', 'Jensen', 'Martin', 'Kowalski', "O'Brien", 'Chen', 'Øster', 'Silva', 'Weber'];
const PARTNERS = ['Fabrikam', 'Northwind Traders', 'Litware', 'Tailspin Toys', 'Adatum'];

function line(name, value) {
  // ldifde: base64 for values that are not printable ASCII or start with a space, colon or "<".
  const plain = /^[\x20-\x7e]*$/.test(value) && !/^[ :<]/.test(value) && !/ $/.test(value);
  const text = plain ? `${name}: ${value}` : `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
  if (text.length <= 80) return text;
  const parts = [text.slice(0, 80)];
  for (let i = 80; i < text.length; i += 79) parts.push(` ${text.slice(i, i + 79)}`);
  return parts.join('\r\n');
}

function guid(rand) {
  const b = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

function guidText(b) {
  const h = b.toString('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Returns the export as a string: `count` recipients (at least 50). */
function generate(count = 300, seed = 2003) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const records = [];
  const usedNames = new Set();
  const stores = [];
  for (const s of SITES) {
    for (const n of [1, 2]) {
      stores.push({ site: s, dn: `CN=Mailbox Store ${n} (${s.server}),CN=First Storage Group,CN=InformationStore,CN=${s.server},CN=Servers,CN=First Administrative Group,CN=Administrative Groups,${ORG}` });
    }
  }
  const userDns = [];
  const record = (dn, attrs) => {
    const lines = [line('dn', dn), 'changetype: add'];
    for (const [k, v] of attrs) {
      if (v === undefined || v === null) continue;
      for (const one of Array.isArray(v) ? v : [v]) lines.push(Buffer.isBuffer(one) ? `${k}:: ${one.toString('base64')}` : line(k, String(one)));
    }
    records.push(lines.join('\r\n'));
  };
  const uniqueName = () => {
    for (;;) {
      const g = pick(GIVEN);
      const f = pick(FAMILY);
      const n = usedNames.has(`${g} ${f}`) ? `${g} ${f} ${Math.floor(rand() * 900) + 100}` : `${g} ${f}`;
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return { g, f, n };
      }
    }
  };
  // Group, folder and computer names get a number; a name drawn twice gets a suffix (DNs are unique in a directory).
  const usedOther = new Set();
  const uniq = (name) => {
    let n = name;
    for (let k = 2; usedOther.has(n); k++) n = `${name}-${k}`;
    usedOther.add(n);
    return n;
  };
  const alias = (n) => n.normalize('NFD').replace(/[^A-Za-z0-9 ]/g, '').replace(/ /g, '.').toLowerCase();
  const created = () => {
    const d = new Date(Date.UTC(2003, 0, 1) + Math.floor(rand() * 3 * 365) * 86400000);
    return `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}.0Z`;
  };
  // The stores' system mailboxes.
  for (const st of stores) {
    const g = guidText(guid(rand));
    const cn = `SystemMailbox{${g}}`;
    record(`CN=${cn},CN=Microsoft Exchange System Objects,${DOMAIN}`, [
      ['objectClass', ['top', 'person', 'organizationalPerson', 'user']], ['cn', cn], ['objectCategory', `CN=Person,${SCHEMA}`],
      ['mailNickname', cn], ['homeMDB', st.dn], ['msExchHomeServerName', `/o=Contoso/ou=First Administrative Group/cn=Configuration/cn=Servers/cn=${st.site.server}`],
      ['userAccountControl', 514], ['msExchHideFromAddressLists', 'TRUE'], ['whenCreated', created()],
    ]);
  }
  const n = Math.max(50, count) - stores.length;
  const kinds = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    kinds.push(r < 0.68 ? 'user' : r < 0.8 ? 'contact' : r < 0.88 ? 'group' : r < 0.93 ? 'publicFolder' : r < 0.97 ? 'computer' : r < 0.985 ? 'mailuser' : 'qbdg');
  }
  for (const kind of kinds) {
    const site = pick(SITES);
    const ouBase = `OU=${site.ou},OU=Staff,${DOMAIN}`;
    if (kind === 'user' || kind === 'mailuser') {
      const { g, f, n: name } = uniqueName();
      const dn = `CN=${name},OU=Users,${ouBase}`;
      const a = alias(name);
      const mailbox = kind === 'user' && chance(0.94);
      const store = stores.filter((s) => s.site === site)[chance(0.5) ? 0 : 1];
      const dept = chance(0.9) ? pick(DEPARTMENTS) : undefined;
      const uac = chance(0.07) ? 514 : chance(0.15) ? 66048 : 512;
      record(dn, [
        ['objectClass', ['top', 'person', 'organizationalPerson', 'user']], ['cn', name], ['sn', f], ['givenName', g], ['displayName', name], ['name', name],
        ['objectCategory', `CN=Person,${SCHEMA}`], ['sAMAccountName', a.slice(0, 20)], ['userAccountControl', uac],
        ['mail', `${a}@contoso.com`], ['mailNickname', chance(0.97) || !mailbox ? a : undefined],
        ['proxyAddresses', [`SMTP:${a}@contoso.com`, ...(chance(0.3) ? [`smtp:${a}@contoso.co.uk`] : []), `X400:c=${site.c};a= ;p=Contoso;o=Exchange;s=${alias(f)};g=${alias(g)};`]],
        ['legacyExchangeDN', `/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=${a}`],
        ['homeMDB', mailbox ? store.dn : undefined],
        ['msExchHomeServerName', mailbox ? `/o=Contoso/ou=First Administrative Group/cn=Configuration/cn=Servers/cn=${site.server}` : undefined],
        ['targetAddress', mailbox ? undefined : `SMTP:${a}@partner.example`],
        ['department', dept], ['company', 'Contoso'], ['title', chance(0.8) ? pick(TITLES) : undefined],
        ['l', site.l], ['c', site.c], ['co', site.co], ['physicalDeliveryOfficeName', chance(0.7) ? site.l : `${site.l} HQ`],
        ['telephoneNumber', chance(0.7) ? `+${10 + Math.floor(rand() * 80)} ${Math.floor(rand() * 9000000) + 1000000}` : undefined],
        ['employeeType', chance(0.85) ? (chance(0.8) ? 'FTE' : 'Contractor') : undefined], ['employeeID', String(10000 + Math.floor(rand() * 89999))],
        ['extensionAttribute1', chance(0.6) ? `CC${100 + Math.floor(rand() * 20)}` : undefined], ['extensionAttribute2', chance(0.4) ? (site.c === 'US' ? 'AMER' : 'EMEA') : undefined],
        ['manager', userDns.length && chance(0.7) ? pick(userDns) : undefined], ['msExchHideFromAddressLists', chance(0.04) ? 'TRUE' : undefined],
        ['objectGUID', guid(rand)], ['whenCreated', created()],
      ]);
      userDns.push(dn);
    } else if (kind === 'contact') {
      const { g, f, n: name } = uniqueName();
      const partner = pick(PARTNERS);
      const a = alias(name);
      const domain = `${partner.toLowerCase().replace(/ /g, '')}.example`;
      record(`CN=${name},OU=Contacts,${ouBase}`, [
        ['objectClass', ['top', 'person', 'organizationalPerson', 'contact']], ['cn', name], ['sn', f], ['givenName', g], ['displayName', `${name} (${partner})`], ['name', name],
        ['objectCategory', `CN=Person,${SCHEMA}`], ['mail', `${a}@${domain}`], ['mailNickname', `${a}.ext`], ['targetAddress', `SMTP:${a}@${domain}`],
        ['proxyAddresses', [`SMTP:${a}@${domain}`]], ['legacyExchangeDN', `/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=${a}.ext`],
        ['company', partner], ['department', chance(0.3) ? pick(DEPARTMENTS) : undefined], ['extensionAttribute1', chance(0.2) ? 'PARTNER' : undefined],
        ['objectGUID', guid(rand)], ['whenCreated', created()],
      ]);
    } else if (kind === 'group') {
      const dept = pick(DEPARTMENTS);
      const name = uniq(`${site.ou} ${dept} ${Math.floor(rand() * 90) + 10}`);
      const a = alias(name);
      const type = pick([-2147483646, 8, -2147483644, 2]);
      const members = userDns.length ? Array.from(new Set(Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(userDns)))) : [];
      record(`CN=${name},OU=Groups,${ouBase}`, [
        ['objectClass', ['top', 'group']], ['cn', name], ['displayName', name], ['name', name], ['objectCategory', `CN=Group,${SCHEMA}`],
        ['groupType', type], ['mail', `${a}@contoso.com`], ['mailNickname', a], ['proxyAddresses', [`SMTP:${a}@contoso.com`]],
        ['member', members], ['department', dept], ['objectGUID', guid(rand)], ['whenCreated', created()],
      ]);
    } else if (kind === 'publicFolder') {
      const name = uniq(`${pick(DEPARTMENTS)} ${pick(['Archive', 'Requests', 'Calendar', 'Announcements'])} ${Math.floor(rand() * 900) + 100}`);
      const a = alias(name);
      record(`CN=${name},CN=Microsoft Exchange System Objects,${DOMAIN}`, [
        ['objectClass', ['top', 'publicFolder']], ['cn', name], ['displayName', name], ['name', name],
        ['objectCategory', `CN=ms-Exch-Public-Folder,${SCHEMA}`], ['mail', `${a}@contoso.com`], ['mailNickname', a],
        ['proxyAddresses', [`SMTP:${a}@contoso.com`]], ['msExchHideFromAddressLists', chance(0.5) ? 'TRUE' : 'FALSE'], ['whenCreated', created()],
      ]);
    } else if (kind === 'computer') {
      const name = uniq(`${site.ou.slice(0, 3).toUpperCase()}-WS${Math.floor(rand() * 9000) + 1000}`);
      record(`CN=${name},OU=Computers,${ouBase}`, [
        ['objectClass', ['top', 'person', 'organizationalPerson', 'user', 'computer']], ['cn', name], ['name', name], ['objectCategory', `CN=Computer,${SCHEMA}`],
        ['sAMAccountName', `${name}$`], ['userAccountControl', 4096], ['department', chance(0.3) ? pick(DEPARTMENTS) : undefined], ['whenCreated', created()],
      ]);
    } else {
      const dept = pick(DEPARTMENTS);
      const name = uniq(`All ${site.ou} ${dept} ${Math.floor(rand() * 90) + 10}`);
      const a = alias(name);
      record(`CN=${name},OU=Groups,${ouBase}`, [
        ['objectClass', ['top', 'msExchDynamicDistributionList']], ['cn', name], ['displayName', name], ['objectCategory', `CN=ms-Exch-Dynamic-Distribution-List,${SCHEMA}`],
        ['mailNickname', a], ['mail', `${a}@contoso.com`], ['legacyExchangeDN', `/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=${a}`],
        ['msExchDynamicDLFilter', `(&(!cn=SystemMailbox{*})(&(mailNickname=*)(objectCategory=person)(objectClass=user)(department=${dept})))`],
        ['msExchDynamicDLBaseDN', ouBase], ['reportToOriginator', 'TRUE'],
      ]);
    }
  }
  return `${records.join('\r\n\r\n')}\r\n\r\n`;
}

module.exports = { generate, SCHEMA, DOMAIN };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const text = generate(Number(opt('--count', '300')), Number(opt('--seed', '2003')));
  const out = opt('--out');
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
}
