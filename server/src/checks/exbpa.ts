/**
 * The Exchange Server Analyzer's registry rules that combine values of several keys, checked across the .reg exports
 * of one server (files in the same folder, as for the memory checks):
 *
 * - Port conflicts (exbpa-registry-facts rows 20, 37, 38): the static ports of the Information Store (TCP/IP Port),
 *   the System Attendant's NSPI interface (TCP/IP NSPI Port) and the Site Replication Service (TCP/IP) must each
 *   differ from the server's six other static Exchange ports. Pairs that involve none of these three are not checked:
 *   no article states them.
 * - The Exchange IFS backup exclusion (row 72): where the IFS drive is mapped (ExIFS DriveLetter), Windows Backup's
 *   FilesNotToBackup list must hold "Exchange IFS" = "<letter>:\* /s". Judged only where an export holds the
 *   FilesNotToBackup key: an export that leaves the key out says nothing about it.
 *
 * Each finding stands on the value (or key) in the file that holds it, with related information pointing to the other.
 */
import './codes';
import { codeInfo } from '../core/codes';
import { normalizeRegistryPath } from '../core/catalogIndex';
import { ExchangeKnowledge } from '../core/language';
import { applySeverityOverrides } from '../core/severity';
import { Diagnostic, lineRange, Range, SOURCE } from '../core/types';
import type { RegDocument } from '../languages/reg/document';
import { valueData } from '../languages/reg/valueData';
import { Kind, REG_MULTI_SZ } from '../languages/reg/lineRecord';
import { dataContentEnd } from '../languages/reg/scanValue';
import { bytesToText, entryBytes } from '../languages/reg/section';
import { sectionKeys } from '../languages/reg/validate';
import type { RegFile } from './memory';

export const PORT_CONFLICT_CODE = 'cross.port-conflict';
export const IFS_BACKUP_CODE = 'cross.ifs-backup-exclusion';

/** The seven static ports the analyzer's port-conflict articles compare, with how messages name them. */
const PORTS: Readonly<Record<string, string>> = {
  'msexchangeis.parameterssystem.tcp-ip-port': 'the Information Store\'s TCP/IP Port',
  'msexchangeis.parameterssystem.rpc-http-port': 'the Information Store\'s Rpc/HTTP Port',
  'msexchangesa.parameters.tcp-ip-port': 'the System Attendant\'s TCP/IP Port',
  'msexchangesa.parameters.tcp-ip-nspi-port': 'the System Attendant\'s TCP/IP NSPI Port',
  'msexchangesa.parameters.http-port': 'the System Attendant\'s HTTP Port',
  'msexchangesa.parameters.rpc-http-nspi-port': 'the System Attendant\'s Rpc/HTTP NSPI Port',
  'msexchangesrs.parameters.tcp-ip': 'the Site Replication Service\'s TCP/IP port',
};

/** The ports an article compares with the six others, and its title (rows 20, 37, 38). */
const CHECKED: Readonly<Record<string, string>> = {
  'msexchangeis.parameterssystem.tcp-ip-port': 'Port conflict: Information Store',
  'msexchangesa.parameters.tcp-ip-nspi-port': 'Port conflict: System Attendant NSPI',
  'msexchangesrs.parameters.tcp-ip': 'Port conflict: Site Replication Service',
};

const DRIVE_LETTER_ID = 'exifs.parameters.drive-letter';
const FILES_NOT_TO_BACKUP = normalizeRegistryPath('HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\BackupRestore\\FilesNotToBackup');

interface Found {
  uri: string;
  line: number;
  range: Range;
  id: string;
  dword?: number;
  text?: string;
}

interface Collected {
  ports: Found[];
  driveLetters: Found[];
  /** FilesNotToBackup sections: the key line, and the "Exchange IFS" value if the section sets it. */
  backupKeys: { uri: string; keyRange: Range; ifs?: Found }[];
}

/** The normalised keys these rules read, so that every other section of a large export is skipped at once. */
function keysRead(exchange: ExchangeKnowledge): Set<string> {
  const keys = new Set<string>([FILES_NOT_TO_BACKUP]);
  for (const e of exchange.registry.entries) if (PORTS[e.id] !== undefined || e.id === DRIVE_LETTER_ID) for (const k of e.keys) keys.add(normalizeRegistryPath(k));
  return keys;
}

/** The values these rules read, as each file writes them last (a deletion removes the value again). */
function collect(regs: readonly RegFile[], exchange: ExchangeKnowledge): Collected {
  const out: Collected = { ports: [], driveLetters: [], backupKeys: [] };
  const read = keysRead(exchange);
  for (const { uri, doc } of regs) {
    const keys = sectionKeys(doc);
    const last = new Map<string, Found | undefined>();
    for (let i = 0; i < doc.sections.length; i++) {
      const key = keys[i];
      if (key === undefined || !read.has(key)) continue;
      const s = doc.sections[i];
      const isBackup = key === FILES_NOT_TO_BACKUP;
      const keyRec = doc.record(s.start);
      const backup: { uri: string; keyRange: Range; ifs?: Found } | undefined = isBackup && keyRec.kind === Kind.Key ? { uri, keyRange: lineRange(s.start, keyRec.nameStart, keyRec.nameEnd) } : undefined;
      for (const v of s.analysis().entries) {
        if (!v.valid) continue;
        const line = s.start + v.rel;
        const rec = doc.record(line);
        if (rec.kind !== Kind.Value) continue;
        const lastLine = s.start + v.lastRel;
        const text = doc.lines[line];
        const range = lineRange(line, rec.dataStart, dataContentEnd(text, rec.dataStart, lastLine === line ? rec.dataEnd : text.length));
        if (backup && (v.name ?? '').toLowerCase() === 'exchange ifs') {
          backup.ifs = v.type === -1 ? undefined : { uri, line, range, id: 'exchange-ifs', text: multiText(doc, v.type, line, lastLine) };
          continue;
        }
        const entry = exchange.registry.lookup(key, v.name ?? '');
        if (!entry || (PORTS[entry.id] === undefined && entry.id !== DRIVE_LETTER_ID)) continue;
        if (v.type === -1) {
          last.set(entry.id, undefined);
          continue;
        }
        const data = valueData(doc, line, lastLine);
        last.set(entry.id, { uri, line, range, id: entry.id, dword: data.dword, text: data.text });
      }
      if (backup) out.backupKeys.push(backup);
    }
    for (const f of last.values()) {
      if (!f) continue;
      if (f.id === DRIVE_LETTER_ID) {
        if (f.text !== undefined && /^[A-Za-z]$/.test(f.text.trim())) out.driveLetters.push(f);
      } else if (f.dword !== undefined) out.ports.push(f);
    }
  }
  return out;
}

/** The strings of a REG_MULTI_SZ (or the text of a REG_SZ), joined by "\0"; undefined for other types. */
function multiText(doc: RegDocument, type: number, line: number, lastLine: number): string | undefined {
  if (type === REG_MULTI_SZ) {
    const parts = bytesToText(entryBytes(doc, line, lastLine), doc.unicode).split('\0');
    const end = parts.indexOf('');
    return (end < 0 ? parts : parts.slice(0, end)).join('\0');
  }
  return valueData(doc, line, lastLine).text;
}

function where(f: { uri: string; line: number }, here: string): string {
  return f.uri === here ? `line ${f.line + 1}` : `line ${f.line + 1} of ${fileName(f.uri)}`;
}

function fileName(uri: string): string {
  const name = uri.slice(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The analyzer's cross-key registry findings of every .reg file of one server, by URI (files without findings are
 * absent). The port pairs are few (seven ports), so comparing each with each costs nothing.
 */
export function checkExbpaFolder(regs: readonly RegFile[], options: { exchange: ExchangeKnowledge; severityOverrides?: Readonly<Record<string, string>> }): Map<string, Diagnostic[]> {
  const c = collect(regs, options.exchange);
  const byUri = new Map<string, Diagnostic[]>();
  const push = (uri: string, d: Diagnostic): void => {
    let list = byUri.get(uri);
    if (!list) byUri.set(uri, (list = []));
    list.push(d);
  };
  const portSeverity = codeInfo(PORT_CONFLICT_CODE).severity;
  for (const a of c.ports) {
    for (const b of c.ports) {
      if (a === b || a.id === b.id || a.dword !== b.dword) continue;
      const article = CHECKED[a.id] ?? CHECKED[b.id];
      if (!article) continue;
      push(a.uri, {
        range: a.range,
        severity: portSeverity,
        code: PORT_CONFLICT_CODE,
        message: `${capital(PORTS[a.id])} is ${a.dword}, the same as ${PORTS[b.id]} (${where(b, a.uri)}): the Exchange Server Analyzer reports a port conflict as an error ("${article}"). Change one of the two.`,
        source: SOURCE,
        related: [{ uri: b.uri, range: b.range, message: `${PORTS[b.id]}: ${b.dword}` }],
        data: { article },
      });
    }
  }
  const ifsSeverity = codeInfo(IFS_BACKUP_CODE).severity;
  for (const drive of c.driveLetters) {
    const letter = (drive.text ?? '').trim().toUpperCase();
    const expected = `${letter}:\\* /s`;
    const related = [{ uri: drive.uri, range: drive.range, message: `the Exchange IFS drive: ${letter}:` }];
    for (const b of c.backupKeys) {
      if (!b.ifs) {
        push(b.uri, {
          range: b.keyRange,
          severity: ifsSeverity,
          code: IFS_BACKUP_CODE,
          message: `FilesNotToBackup has no "Exchange IFS" entry, but the Exchange IFS drive is ${letter}: (${where(drive, b.uri)}). Add "Exchange IFS" = "${expected}" so that Windows Backup leaves the drive alone.`,
          source: SOURCE,
          related,
          data: { expected },
        });
        continue;
      }
      const items = (b.ifs.text ?? '').split('\0').map((x) => x.trim().toUpperCase());
      if (b.ifs.text !== undefined && items.includes(expected.toUpperCase())) continue;
      push(b.uri, {
        range: b.ifs.range,
        severity: ifsSeverity,
        code: IFS_BACKUP_CODE,
        message: `"Exchange IFS" does not exclude the Exchange IFS drive ${letter}: (${where(drive, b.uri)}) as the Exchange Server Analyzer expects: set it to "${expected}" (a REG_MULTI_SZ).`,
        source: SOURCE,
        related,
        data: { expected },
      });
    }
  }
  for (const [uri, list] of byUri) {
    list.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
    const kept = applySeverityOverrides(list, options.severityOverrides);
    if (kept.length) byUri.set(uri, kept);
    else byUri.delete(uri);
  }
  return byUri;
}

/**
 * Whether an export holds anything these rules read (a static port, the IFS drive letter, the FilesNotToBackup
 * key): only then can a change to it change the findings of the other exports of its server.
 */
export function exbpaRelevant(doc: RegDocument, exchange: ExchangeKnowledge): boolean {
  const c = collect([{ uri: '', doc }], exchange);
  return c.ports.length > 0 || c.driveLetters.length > 0 || c.backupKeys.length > 0;
}

/**
 * The findings on one export, given the other exports of its server. Findings stand only on a port value or a
 * FilesNotToBackup key, so an export without either is answered after reading it alone, whatever the others.
 */
export function checkExbpaFile(reg: RegFile, others: readonly RegFile[], options: { exchange: ExchangeKnowledge; severityOverrides?: Readonly<Record<string, string>> }): Diagnostic[] {
  const own = collect([reg], options.exchange);
  if (own.ports.length === 0 && own.backupKeys.length === 0) return [];
  return checkExbpaFolder([...others.filter((o) => o.uri !== reg.uri), reg], options).get(reg.uri) ?? [];
}
