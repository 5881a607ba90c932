/**
 * Deterministic generator of a large Registry Editor export, byte for byte in the shape Windows regedit writes:
 * UTF-16LE with the FF FE byte order mark, CRLF line endings, the "Windows Registry Editor Version 5.00" header,
 * a blank line before every key, values in regedit's notation, and long hex data wrapped like regedit wraps it
 * (at most 80 columns, continuation lines indented by two blanks and ending with ",\" except the last). The file
 * ends with an extra CRLF.
 *
 * Everything comes from a seeded PRNG (no Math.random), so the same seed and size always give the same bytes.
 *
 *   node out/bench/generate.js [targetBytes] [outFile]
 */
import * as fs from 'fs';
import * as path from 'path';

/** Bump when the output format changes, so that cached files are regenerated. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 0x5eed2003;
export const MB = 1024 * 1024;

const CRLF = '\r\n';
const HEADER = 'Windows Registry Editor Version 5.00';
const SERVICES = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services';

// ---------------------------------------------------------------------------------------------------------------
// PRNG (sfc32, seeded through splitmix32)

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const split = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 0x100000000;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Up to `n` distinct items, in their original order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx
      .slice(0, Math.min(n, items.length))
      .sort((x, y) => x - y)
      .map((i) => items[i]);
  }

  bytes(n: number): number[] {
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }

  guid(): string {
    const h = (n: number): string => {
      let s = '';
      for (let i = 0; i < n; i++) s += '0123456789ABCDEF'[this.u32() & 15];
      return s;
    };
    return `{${h(8)}-${h(4)}-${h(4)}-${h(4)}-${h(12)}}`;
  }

  /** A new generator whose stream depends only on this one's next output and the label. */
  fork(label: string): Rng {
    let h = this.u32() ^ 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Rng(h);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Value notation, as regedit exports it

/** Escapes a string for the inside of double quotes: regedit doubles backslashes and escapes quotes. */
export function escapeRegString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function valueName(name: string | null): string {
  return name === null ? '@=' : `"${escapeRegString(name)}"=`;
}

export function szLine(name: string | null, value: string): string {
  return `${valueName(name)}"${escapeRegString(value)}"`;
}

export function dwordLine(name: string, value: number): string {
  return `${valueName(name)}dword:${(value >>> 0).toString(16).padStart(8, '0')}`;
}

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A hex value wrapped like regedit wraps it (Wine's export_hex_data, which mirrors Windows): after every byte and
 * its comma the column count grows by 3; once it reaches 77 the line ends with "\" and the next starts with two
 * blanks. So continuation lines hold 25 bytes and are 78 columns wide. Returns the lines without line breaks.
 */
export function hexLines(name: string | null, type: number, bytes: readonly number[]): string[] {
  const prefix = valueName(name) + (type === 3 ? 'hex:' : `hex(${type.toString(16)}):`);
  if (bytes.length === 0) return [prefix];
  const lines: string[] = [];
  let line = prefix;
  let lineLen = prefix.length;
  const last = bytes.length - 1;
  for (let i = 0; i < bytes.length; i++) {
    line += HEX2[bytes[i] & 0xff];
    if (i === last) break;
    line += ',';
    lineLen += 3;
    if (lineLen >= 77) {
      lines.push(line + '\\');
      line = '  ';
      lineLen = 2;
    }
  }
  lines.push(line);
  return lines;
}

function utf16Bytes(s: string, out: number[]): void {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out.push(u & 0xff, u >>> 8);
  }
}

/** REG_EXPAND_SZ bytes: the UTF-16LE string and its terminating NUL. */
export function expandSzBytes(s: string): number[] {
  const out: number[] = [];
  utf16Bytes(s, out);
  out.push(0, 0);
  return out;
}

/** REG_MULTI_SZ bytes: each string with its NUL, then the empty string that ends the list. */
export function multiSzBytes(items: readonly string[]): number[] {
  const out: number[] = [];
  for (const s of items) {
    utf16Bytes(s, out);
    out.push(0, 0);
  }
  out.push(0, 0);
  return out;
}

export function qwordBytes(rng: Rng): number[] {
  // FILETIME-like: high dword around 0x01c4xxxx (2004).
  const lo = rng.u32();
  const hi = 0x01c40000 + rng.int(0, 0xffff);
  return [lo & 0xff, (lo >>> 8) & 0xff, (lo >>> 16) & 0xff, lo >>> 24, hi & 0xff, (hi >>> 8) & 0xff, (hi >>> 16) & 0xff, hi >>> 24];
}

// ---------------------------------------------------------------------------------------------------------------
// Content: keys and values of a Windows Server 2003 / Exchange 2003 SYSTEM\CurrentControlSet\Services tree

interface Key {
  /** Path below HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services. */
  path: string;
  lines: string[];
}

const SERVER_NAMES = ['MAILSRV01', 'MAILSRV02', 'EXBE01', 'EXBE02', 'EXFE01'];
const DOMAIN = 'contoso.com';

const EXCHSRVR = 'C:\\Program Files\\Exchsrvr';
const DATA_DRIVES = ['D:', 'E:', 'F:', 'G:'];

const DRIVER_PREFIXES = [
  'Acpi', 'Adp', 'Afd', 'Aic', 'Arc', 'Ati', 'Atmarp', 'Audio', 'Av', 'Bcm', 'Beep', 'Bk', 'Cbid', 'Cd', 'Cpq', 'Crypt',
  'Dell', 'Dfs', 'Dhcp', 'Disk', 'Dmio', 'Dns', 'E100', 'E1000', 'Ereg', 'Evt', 'Fast', 'Fdc', 'Fips', 'Flpy', 'Fs',
  'Gpc', 'Hid', 'Hp', 'Http', 'Ibm', 'Imap', 'Intel', 'Ip', 'Ipsec', 'Isa', 'Kbd', 'Ks', 'Lan', 'Legato', 'Lsi', 'Mega',
  'Mnmdd', 'Mou', 'Mr', 'Mrx', 'Ms', 'Nav', 'Nbf', 'Ndis', 'Net', 'Nla', 'Npfs', 'Nt', 'Nv', 'Par', 'Pci', 'Perf',
  'Ql', 'Ras', 'Rdp', 'Rpc', 'Sav', 'Scsi', 'Ser', 'Sfloppy', 'Sis', 'Sm', 'Sr', 'Srv', 'Sym', 'Sys', 'Tcp', 'Tdi',
  'Term', 'Tsm', 'Usb', 'Veritas', 'Vga', 'Vmx', 'Wan', 'Wds', 'Win', 'Wins', 'Wm', 'Ws2',
];
const DRIVER_SUFFIXES = [
  '', 'agent', 'bus', 'cache', 'disk', 'flt', 'hlp', 'hub', 'ide', 'io', 'log', 'mgr', 'mini', 'mon', 'net', 'port',
  'sched', 'scsi', 'sec', 'srv', 'stor', 'svc', 'trace', 'ui', 'vid', 'Service', 'Agent', 'Monitor', 'Helper',
];
const GROUPS = [
  'Base', 'Boot Bus Extender', 'Boot File System', 'Event log', 'Extended base', 'File system', 'Filter', 'Keyboard Port',
  'NDIS', 'NetBIOSGroup', 'Network', 'NetworkProvider', 'PNP_TDI', 'Pointer Port', 'SCSI miniport', 'SCSI Class',
  'System Bus Extender', 'TDI', 'Video', 'Video Init',
];
const DESCRIPTION_WORDS = [
  'Provides', 'support', 'for', 'the', 'network', 'storage', 'driver', 'service', 'that', 'manages', 'connections',
  'between', 'clients', 'and', 'servers', 'If', 'this', 'is', 'stopped', 'any', 'services', 'explicitly', 'depend',
  'on', 'it', 'will', 'fail', 'to', 'start', 'messages', 'transport', 'directory', 'queue', 'routing', 'replication',
];
const DEPENDENCIES = ['Tcpip', 'Afd', 'NetBT', 'RpcSs', 'LanmanWorkstation', 'LanmanServer', 'EventLog', 'NtLmSsp', 'SamSs', 'IISADMIN', 'MSExchangeSA', 'MSExchangeIS', 'ESE98', 'Dnscache', 'PlugPlay'];
const PARAMETER_DWORDS = [
  'MaxConnections', 'LogLevel', 'TimeoutSeconds', 'EventLogLevel', 'UseRemoteShare', 'Flags', 'MaxThreads', 'BufferSize',
  'RetryCount', 'RetryInterval', 'EnableTracing', 'TraceLevel', 'CacheSize', 'MaxQueueLength', 'PollInterval',
  'KeepAliveTime', 'MaxUserPort', 'TcpTimedWaitDelay', 'DisableStrictNameChecking', 'EnableSecuritySignature',
  'RequireSecuritySignature', 'Size', 'Lmannounce', 'AutoShareServer', 'MaxMpxCt', 'MaxWorkItems', 'MaxRawWorkItems',
];
const PARAMETER_STRINGS = ['WorkingDirectory', 'LogFilePath', 'ServiceDll', 'ConfigFile', 'ServerName', 'DomainName', 'InstallPath', 'TempDirectory'];

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rng.pick(DESCRIPTION_WORDS));
  return titleCase(out.join(' ').toLowerCase()) + '.';
}

function securityDescriptor(rng: Rng): number[] {
  // A self-relative SECURITY_DESCRIPTOR as services store it: header, then DACL with a few ACEs and two SIDs.
  const out = [0x01, 0x00, 0x14, 0x80];
  const aces = rng.int(3, 6);
  const daclSize = 8 + aces * 20;
  const ownerOff = 20 + daclSize;
  const groupOff = ownerOff + 12;
  const push32 = (v: number): void => {
    out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  };
  push32(ownerOff);
  push32(groupOff);
  push32(0);
  push32(20);
  out.push(0x02, 0x00, daclSize & 0xff, daclSize >>> 8, aces, 0, 0, 0);
  for (let i = 0; i < aces; i++) {
    out.push(0x00, 0x00, 0x14, 0x00);
    push32(rng.pick([0x000f01ff, 0x0002018d, 0x000201fd, 0x00020000 | rng.int(0, 0xffff)]));
    out.push(0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05);
    push32(rng.pick([0x12, 0x20, 0x04, 0x06, 0x0b]));
  }
  out.push(0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x12, 0x00, 0x00, 0x00);
  out.push(0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x12, 0x00, 0x00, 0x00);
  return out;
}

function failureActions(rng: Rng): number[] {
  const out = rng.bytes(4).concat([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]);
  out.push(...rng.bytes(4));
  for (let i = 0; i < 3; i++) out.push(rng.pick([0, 1, 2]), 0, 0, 0, 0x60, 0xea, 0, 0);
  return out;
}

/** Performance counter names, as a long REG_MULTI_SZ: "index\0name\0" pairs, several hundred continuation lines. */
function counterNames(rng: Rng, count: number, first: number): string[] {
  const nouns = ['Messages', 'Bytes', 'Connections', 'Sessions', 'Queue Length', 'Requests', 'Errors', 'Retries', 'Cache Hits', 'Latency', 'Operations', 'Pages', 'Log Records', 'Threads'];
  const rates = ['Total', '/sec', 'Current', 'Pending', 'Average', 'Peak'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(String(first + i * 2), `${rng.pick(nouns)} ${rng.pick(rates)}`);
  }
  return out;
}

function uniqueName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    let name = rng.pick(DRIVER_PREFIXES) + rng.pick(DRIVER_SUFFIXES);
    if (rng.chance(0.35)) name += String(rng.int(1, 99));
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** The keys of one service, in the order regedit exports them (depth first, subkeys sorted). */
function serviceKeys(name: string, rng: Rng): Key[] {
  const keys: Key[] = [];
  const isDriver = rng.chance(0.55);
  const image = isDriver
    ? `system32\\DRIVERS\\${name.toLowerCase()}.sys`
    : rng.chance(0.5)
      ? `%SystemRoot%\\System32\\svchost.exe -k ${rng.pick(['netsvcs', 'LocalService', 'NetworkService', 'rpcss'])}`
      : `"C:\\Program Files\\${name}\\bin\\${name.toLowerCase()}.exe"`;
  const root: string[] = [];
  if (rng.chance(0.6)) root.push(szLine('DisplayName', `${name} ${isDriver ? 'Driver' : 'Service'}${rng.chance(0.04) ? ' (Société Générale)' : ''}`));
  root.push(dwordLine('ErrorControl', rng.int(0, 3)));
  if (rng.chance(0.5)) root.push(szLine('Group', rng.pick(GROUPS)));
  root.push(...hexLines('ImagePath', 2, expandSzBytes(image)));
  root.push(dwordLine('Start', rng.pick([0, 1, 2, 3, 3, 4])));
  root.push(dwordLine('Type', isDriver ? rng.pick([1, 2]) : rng.pick([0x10, 0x20, 0x110])));
  if (rng.chance(0.35)) root.push(...hexLines('DependOnService', 7, multiSzBytes(rng.sample(DEPENDENCIES, rng.int(1, 4)))));
  if (rng.chance(0.2)) root.push(...hexLines('DependOnGroup', 7, multiSzBytes([])));
  if (rng.chance(0.25)) root.push(dwordLine('Tag', rng.int(1, 40)));
  if (!isDriver) root.push(szLine('ObjectName', rng.pick(['LocalSystem', 'NT AUTHORITY\\LocalService', 'NT AUTHORITY\\NetworkService'])));
  if (rng.chance(0.5)) root.push(szLine('Description', sentence(rng, rng.int(8, 30))));
  if (!isDriver && rng.chance(0.4)) root.push(...hexLines('FailureActions', 3, failureActions(rng)));
  keys.push({ path: name, lines: root });

  if (rng.chance(0.7)) {
    keys.push({
      path: `${name}\\Enum`,
      lines: [szLine('0', `Root\\LEGACY_${name.toUpperCase()}\\0000`), dwordLine('Count', 1), dwordLine('NextInstance', 1)],
    });
  }
  if (rng.chance(0.2)) {
    const binds = Array.from({ length: rng.int(1, 6) }, () => `\\Device\\${rng.pick(['Tcpip', 'NetBT_Tcpip', 'NwlnkIpx'])}_${rng.guid()}`);
    keys.push({
      path: `${name}\\Linkage`,
      lines: [
        ...hexLines('Bind', 7, multiSzBytes(binds)),
        ...hexLines('Export', 7, multiSzBytes(binds.map((b) => b.replace('\\Device\\', `\\Device\\${name}_`)))),
        ...hexLines('Route', 7, multiSzBytes(binds.map((b) => `"${b.slice(8)}"`))),
      ],
    });
  }
  if (rng.chance(0.75)) {
    const params: string[] = [];
    for (const v of rng.sample(PARAMETER_DWORDS, rng.int(2, 9))) params.push(dwordLine(v, rng.chance(0.5) ? rng.int(0, 10) : rng.u32() & 0xffff));
    for (const v of rng.sample(PARAMETER_STRINGS, rng.int(0, 3))) {
      params.push(
        szLine(
          v,
          v.endsWith('Name')
            ? `${rng.pick(SERVER_NAMES)}.${DOMAIN}`
            : `${rng.pick(DATA_DRIVES)}\\${name}\\${rng.pick(['logs', 'data', 'temp', 'config\\main.cfg', 'bin\\' + name.toLowerCase() + '.dll'])}`,
        ),
      );
    }
    if (rng.chance(0.3)) params.push(...hexLines('BinaryConfig', 3, rng.bytes(rng.int(16, 400))));
    if (rng.chance(0.2)) params.push(...hexLines('InstallTime', 11, qwordBytes(rng)));
    if (rng.chance(0.15)) params.push(...hexLines('SearchPath', 2, expandSzBytes(`%SystemRoot%\\System32;%ProgramFiles%\\${name}\\bin`)));
    keys.push({ path: `${name}\\Parameters`, lines: params });
    const instances = rng.chance(0.3) ? rng.int(1, 12) : 0;
    const guids = Array.from({ length: instances }, () => rng.guid()).sort();
    for (const g of guids) {
      const lines = [
        dwordLine('EnableDHCP', rng.int(0, 1)),
        ...hexLines('IPAddress', 7, multiSzBytes([`10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`])),
        ...hexLines('SubnetMask', 7, multiSzBytes(['255.255.255.0'])),
        ...hexLines('DefaultGateway', 7, multiSzBytes([`10.${rng.int(0, 255)}.${rng.int(0, 255)}.1`])),
        szLine('NameServer', `10.0.0.${rng.int(2, 20)},10.0.1.${rng.int(2, 20)}`),
        dwordLine('UseZeroBroadcast', 0),
      ];
      if (rng.chance(0.3)) lines.push(...hexLines('LeaseObtainedTime', 3, rng.bytes(4)));
      keys.push({ path: `${name}\\Parameters\\Interfaces\\${g}`, lines });
    }
  }
  if (rng.chance(0.25)) {
    const first = rng.int(1000, 9000) * 2;
    const perf = [
      szLine('Close', 'ClosePerformanceData'),
      szLine('Collect', 'CollectPerformanceData'),
      ...hexLines('Counter Names', 7, multiSzBytes(counterNames(rng, rng.chance(0.12) ? rng.int(250, 700) : rng.int(4, 30), first))),
      dwordLine('First Counter', first),
      dwordLine('First Help', first + 1),
      dwordLine('Last Counter', first + 60),
      dwordLine('Last Help', first + 61),
      szLine('Library', `${name.toLowerCase()}perf.dll`),
      szLine('Open', 'OpenPerformanceData'),
    ];
    keys.push({ path: `${name}\\Performance`, lines: perf });
  }
  if (rng.chance(0.5)) keys.push({ path: `${name}\\Security`, lines: hexLines('Security', 3, securityDescriptor(rng)) });
  return keys;
}

/** The Exchange 2003 services, with the keys an Exchange server really has. */
function exchangeKeys(rng: Rng): Map<string, Key[]> {
  const out = new Map<string, Key[]>();
  const exePath = (exe: string): number[] => expandSzBytes(`${EXCHSRVR}\\bin\\${exe}`);
  const svc = (name: string, display: string, exe: string, deps: string[], extra: Key[]): void => {
    out.set(name, [
      {
        path: name,
        lines: [
          ...hexLines('DependOnService', 7, multiSzBytes(deps)),
          szLine('Description', `${display}: ${sentence(rng, rng.int(10, 20))}`),
          szLine('DisplayName', `Microsoft Exchange ${display}`),
          dwordLine('ErrorControl', 1),
          ...hexLines('ImagePath', 2, exePath(exe)),
          szLine('ObjectName', 'LocalSystem'),
          dwordLine('Start', 2),
          dwordLine('Type', 0x10),
        ],
      },
      ...extra,
    ]);
  };

  // MSExchangeIS: one key per storage group database on every server.
  const isKeys: Key[] = [
    {
      path: 'MSExchangeIS\\ParametersPrivate',
      lines: [dwordLine('Background Cleanup', 900000), dwordLine('Max Open Tables', 2000), szLine('Working Directory', `${EXCHSRVR}\\mdbdata`)],
    },
    {
      path: 'MSExchangeIS\\ParametersPublic',
      lines: [dwordLine('Replication Send Size', 300000), dwordLine('Replication Expiry', 2592000)],
    },
    {
      path: 'MSExchangeIS\\ParametersSystem',
      lines: [
        dwordLine('Initial Memory Percentage', 10),
        dwordLine('Rpc/HTTP Port', 6001),
        dwordLine('Maximum Polling Frequency', 30000),
        dwordLine('Rpc Compression Enabled', 0),
        dwordLine('Recovery SG Override', 1),
        szLine('Working Directory', `${EXCHSRVR}\\mdbdata`),
        ...hexLines('Mailbox Lifetime', 11, qwordBytes(rng)),
      ],
    },
  ];
  for (const server of SERVER_NAMES) {
    const dbs = Array.from({ length: rng.int(20, 40) }, (_, i) => ({ guid: rng.guid(), kind: i % 5 === 4 ? 'Public' : 'Private', i })).sort((a, b) =>
      a.kind === b.kind ? (a.guid < b.guid ? -1 : 1) : a.kind < b.kind ? -1 : 1,
    );
    for (const db of dbs) {
      const drive = rng.pick(DATA_DRIVES);
      const sg = `SG${(db.i % 4) + 1}`;
      const file = `${db.kind === 'Public' ? 'pub' : 'priv'}${db.i + 1}`;
      isKeys.push({
        path: `MSExchangeIS\\${server}\\${db.kind}-${db.guid}`,
        lines: [
          szLine('DB Path', `${drive}\\Exchsrvr\\${sg}\\${file}.edb`),
          szLine('DB Streaming Path', `${drive}\\Exchsrvr\\${sg}\\${file}.stm`),
          dwordLine('Online Maintenance Checkpoint Frequency', 3600),
          dwordLine('Database Size Limit in GB', 75),
          ...hexLines('Database Signature', 3, rng.bytes(rng.int(24, 60))),
          ...hexLines('Streaming Signature', 3, rng.bytes(rng.int(24, 60))),
          szLine('Server Name', `${server}.${DOMAIN}`),
        ],
      });
    }
  }
  svc('MSExchangeIS', 'Information Store', 'store.exe', ['MSExchangeSA'], isKeys);

  svc('MSExchangeDSAccess', 'DSAccess', 'dsaccess.exe', ['RpcSs'], [
    { path: 'MSExchangeDSAccess\\Instance0', lines: [dwordLine('MaxMemoryUser', 0x19000), dwordLine('CacheTTLUser', 600), dwordLine('MaxEntriesUser', 0x4000)] },
    { path: 'MSExchangeDSAccess\\Profiles', lines: [] },
    {
      path: 'MSExchangeDSAccess\\Profiles\\Default',
      lines: [
        dwordLine('MinUserDC', 2),
        dwordLine('DetectionInterval', 900),
        ...hexLines('UserDC1', 7, multiSzBytes([`dc01.${DOMAIN}`, `dc02.${DOMAIN}`, `dc03.${DOMAIN}`])),
        szLine('ConfigDCHostName', `dc01.${DOMAIN}`),
      ],
    },
  ]);
  svc('ESE98', 'Extensible Storage Engine', 'ese.dll', [], [
    {
      path: 'ESE98\\Performance',
      lines: [
        szLine('Close', 'ClosePerformanceData'),
        szLine('Collect', 'CollectPerformanceData'),
        ...hexLines('Counter Names', 7, multiSzBytes(counterNames(rng, 640, 9000))),
        dwordLine('First Counter', 9000),
        szLine('Library', `${EXCHSRVR}\\bin\\eseperf.dll`),
        szLine('Open', 'OpenPerformanceData'),
      ],
    },
  ]);
  svc('MSExchangeSA', 'System Attendant', 'mad.exe', ['EventLog', 'NtLmSsp', 'RpcSs', 'LanmanWorkstation'], [
    {
      path: 'MSExchangeSA\\Parameters',
      lines: [dwordLine('HTTP Port', 6002), dwordLine('Rpc/HTTP NSPI Port', 6004), dwordLine('TCP/IP NSPI Port', 0x0bb8), szLine('Site DN', `/o=Contoso/ou=First Administrative Group`)],
    },
  ]);
  svc('MSExchangeMTA', 'MTA Stacks', 'emsmta.exe', ['MSExchangeSA'], [
    {
      path: 'MSExchangeMTA\\Parameters',
      lines: [dwordLine('Kernel threads', 3), dwordLine('TCP/IP threads', 3), dwordLine('MTA database path', 0), szLine('MTA Run Directory', `${EXCHSRVR}\\mtadata`)],
    },
  ]);
  svc('MSExchangeTransport', 'Routing Engine', 'resvc.dll', ['IISADMIN'], [
    {
      path: 'MSExchangeTransport\\Parameters',
      lines: [dwordLine('JournalBCC', 1), ...hexLines('BannerText', 7, multiSzBytes(['Exchange', 'Mail']))],
    },
  ]);
  svc('MSExchangeWeb', 'Outlook Web Access', 'davex.dll', ['IISADMIN'], [
    {
      path: 'MSExchangeWeb\\OWA',
      lines: [dwordLine('DisableAttachments', 3), dwordLine('KeyInterval', 1440), dwordLine('EnableFreedocs', 2), szLine('AcceptedAttachmentFrontEnds', `mail.${DOMAIN},webmail.${DOMAIN}`)],
    },
  ]);
  svc('ExIFS', 'Installable File System', 'exifs.sys', [], [{ path: 'ExIFS\\Parameters', lines: [szLine('DriveLetter', 'M')] }]);
  svc('IMAP4Svc', 'IMAP4', 'imap4svc.dll', ['IISADMIN'], []);
  svc('POP3Svc', 'POP3', 'pop3svc.dll', ['IISADMIN'], []);
  svc('RESvc', 'Routing Engine', 'resvc.dll', ['IISADMIN'], []);
  svc('MSExchangeES', 'Event Service', 'events.exe', ['MSExchangeIS'], []);
  svc('MSExchangeSRS', 'Site Replication Service', 'srsmain.exe', ['MSExchangeSA'], []);
  svc('MSExchangeMGMT', 'Management', 'exmgmt.exe', ['RpcSs'], []);
  return out;
}

/** Depth first with subkeys sorted case-insensitively, the order regedit enumerates them in. */
function sortKeys(keys: Key[]): Key[] {
  const segs = new Map(keys.map((k) => [k, k.path.toUpperCase().split('\\')]));
  return [...keys].sort((a, b) => {
    const x = segs.get(a)!;
    const y = segs.get(b)!;
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  });
}

function renderKey(k: Key): string {
  // regedit writes a blank line, then the key, then its values.
  let s = `${CRLF}[${SERVICES}\\${k.path}]${CRLF}`;
  for (const line of k.lines) s += line + CRLF;
  return s;
}

/**
 * The text (without the byte order mark) of an export of about `targetBytes` bytes once encoded with the mark as
 * UTF-16LE. Services are added in random order until the next one would overshoot, then exported sorted by name
 * (case-insensitively), as regedit enumerates subkeys.
 */
export function generateExportText(targetBytes: number, seed = DEFAULT_SEED): string {
  const rng = new Rng(seed);
  const fixedChars = HEADER.length + 2 + 2; // header CRLF ... final CRLF
  const budget = Math.floor((targetBytes - 2) / 2) - fixedChars;
  const chosen: { name: string; text: string }[] = [];
  let used = 0;
  const add = (name: string, keys: Key[]): boolean => {
    const text = sortKeys(keys).map(renderKey).join('');
    if (used + text.length > budget) return false;
    chosen.push({ name, text });
    used += text.length;
    return true;
  };
  const taken = new Set<string>();
  for (const [name, keys] of exchangeKeys(rng.fork('exchange'))) {
    taken.add(name.toLowerCase());
    add(name, keys);
  }
  const dependencies = DEPENDENCIES.filter((d) => !taken.has(d.toLowerCase()));
  for (const d of dependencies) {
    taken.add(d.toLowerCase());
    add(d, serviceKeys(d, rng.fork(d)));
  }
  let misses = 0;
  while (misses < 50) {
    const name = uniqueName(rng, taken);
    if (!add(name, serviceKeys(name, rng.fork(name)))) misses++;
  }
  chosen.sort((a, b) => {
    const x = a.name.toUpperCase();
    const y = b.name.toUpperCase();
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return HEADER + CRLF + chosen.map((c) => c.text).join('') + CRLF;
}

/** The file's bytes: FF FE, then the text as UTF-16LE. */
export function encodeUtf16le(text: string): Buffer {
  const body = Buffer.from(text, 'utf16le');
  const out = Buffer.allocUnsafe(body.length + 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  body.copy(out, 2);
  return out;
}

export interface GeneratedFile {
  file: string;
  bytes: number;
  reused: boolean;
  ms: number;
}

interface Meta {
  version: number;
  seed: number;
  target: number;
  bytes: number;
}

/**
 * Writes the export to `file` unless it is already there with the size recorded for the same generator version,
 * seed and target (in `file`.json), so that repeated benchmark runs do not regenerate it.
 */
export function ensureExport(file: string, targetBytes: number, seed = DEFAULT_SEED): GeneratedFile {
  const t0 = performance.now();
  const metaFile = `${file}.json`;
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Meta;
    const size = fs.statSync(file).size;
    if (meta.version === GENERATOR_VERSION && meta.seed === seed && meta.target === targetBytes && meta.bytes === size) {
      return { file, bytes: size, reused: true, ms: performance.now() - t0 };
    }
  } catch {
    // missing or unreadable: generate
  }
  const bytes = encodeUtf16le(generateExportText(targetBytes, seed));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  const meta: Meta = { version: GENERATOR_VERSION, seed, target: targetBytes, bytes: bytes.length };
  fs.writeFileSync(metaFile, JSON.stringify(meta) + '\n');
  return { file, bytes: bytes.length, reused: false, ms: performance.now() - t0 };
}

/** bench/generated, next to the sources (out/bench/… is two levels below the repository root). */
export function generatedDir(): string {
  return path.resolve(__dirname, '..', '..', 'bench', 'generated');
}

if (require.main === module) {
  const target = Number(process.argv[2] ?? 20 * MB);
  const file = process.argv[3] ?? path.join(generatedDir(), target === 20 * MB ? 'export-20mb.reg' : `export-${target}.reg`);
  const r = ensureExport(file, target);
  console.log(`${r.reused ? 'reused' : 'wrote'} ${r.file}: ${r.bytes} bytes in ${r.ms.toFixed(0)} ms`);
}
