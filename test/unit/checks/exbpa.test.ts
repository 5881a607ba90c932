/**
 * The Exchange Server Analyzer's cross-key registry rules across the exports of one server (checks/exbpa.ts):
 * port conflicts (exbpa-registry-facts rows 20, 37, 38) and the Exchange IFS backup exclusion (row 72).
 */
import * as assert from 'assert';
import { checkExbpaFolder } from '../../../server/src/checks/exbpa';
import { RegFile } from '../../../server/src/checks/memory';
import { DEFAULT_CONTEXT } from '../../../server/src/core/catalog';
import { registryIndex } from '../../../server/src/core/catalogLoad';
import { regLanguage } from '../../../server/src/languages/reg';

const V5 = 'Windows Registry Editor Version 5.00';
const SVC = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services';
const OPTIONS = { exchange: { context: DEFAULT_CONTEXT, registry: registryIndex() } };

function reg(name: string, ...lines: string[]): RegFile {
  return { uri: `file:///srv/mail01/${name}`, doc: regLanguage.parse([V5, '', ...lines, ''].join('\r\n')) };
}

/** [uri file name, line, code, message start] of every finding, in file and line order. */
function found(regs: RegFile[], options = OPTIONS): [string, number, string, string][] {
  const byUri = checkExbpaFolder(regs, options);
  return regs.flatMap((r) => (byUri.get(r.uri) ?? []).map((d): [string, number, string, string] => [r.uri.slice(r.uri.lastIndexOf('/') + 1), d.range.start.line, d.code, d.message.slice(0, 60)]));
}

/** A realistic export of the static MAPI ports of a server behind a firewall (KB 270836 style). */
const IS_PORTS = [`[${SVC}\\MSExchangeIS\\ParametersSystem]`, '"Rpc/HTTP Port"=dword:00001771', '"TCP/IP Port"=dword:00001b58'];
const SA_PORTS = [`[${SVC}\\MSExchangeSA\\Parameters]`, '"HTTP Port"=dword:00001772', '"Rpc/HTTP NSPI Port"=dword:00001774', '"TCP/IP NSPI Port"=dword:00001b59', '"TCP/IP Port"=dword:00001b5a'];

describe('checks: Exchange Server Analyzer rules across the exports of one server', () => {
  it('stays silent on distinct static ports, in one export or spread over several', () => {
    assert.deepStrictEqual(found([reg('ports.reg', ...IS_PORTS, '', ...SA_PORTS, '', `[${SVC}\\MSExchangeSRS\\Parameters]`, '"TCP/IP"=dword:00001b5b')]), []);
    assert.deepStrictEqual(found([reg('is.reg', ...IS_PORTS), reg('sa.reg', ...SA_PORTS)]), []);
  });

  it('reports the store port that equals the System Attendant NSPI port, on both values (row 20 and row 37)', () => {
    const sa = SA_PORTS.map((l) => (l.startsWith('"TCP/IP NSPI Port"') ? '"TCP/IP NSPI Port"=dword:00001b58' : l));
    assert.deepStrictEqual(found([reg('ports.reg', ...IS_PORTS, '', ...sa)]), [
      ['ports.reg', 4, 'cross.port-conflict', "The Information Store's TCP/IP Port is 7000, the same as the"],
      ['ports.reg', 9, 'cross.port-conflict', "The System Attendant's TCP/IP NSPI Port is 7000, the same as"],
    ]);
  });

  it('reports a conflict across two exports on the value in each, naming the other file', () => {
    const srs = reg('srs.reg', `[${SVC}\\MSExchangeSRS\\Parameters]`, '"TCP/IP"=dword:00001772');
    const byUri = checkExbpaFolder([reg('sa.reg', ...SA_PORTS), srs], OPTIONS);
    const onSrs = byUri.get(srs.uri) ?? [];
    assert.deepStrictEqual(onSrs.map((d) => [d.code, d.severity, d.range.start.line]), [['cross.port-conflict', 'error', 3]]);
    assert.match(onSrs[0].message, /the same as the System Attendant's HTTP Port \(line 4 of sa\.reg\).*"Port conflict: Site Replication Service"/);
    assert.strictEqual(onSrs[0].related?.[0].uri, 'file:///srv/mail01/sa.reg');
    assert.strictEqual((byUri.get('file:///srv/mail01/sa.reg') ?? []).length, 1);
  });

  it('does not report equal ports that no article compares (neither is the store, NSPI or SRS port)', () => {
    const sa = [`[${SVC}\\MSExchangeSA\\Parameters]`, '"HTTP Port"=dword:00001771'];
    assert.deepStrictEqual(found([reg('a.reg', `[${SVC}\\MSExchangeIS\\ParametersSystem]`, '"Rpc/HTTP Port"=dword:00001771', '', ...sa)]), []);
  });

  it('judges a port deleted later in the file as gone', () => {
    assert.deepStrictEqual(found([reg('a.reg', ...IS_PORTS, '"TCP/IP Port"=-', '', `[${SVC}\\MSExchangeSA\\Parameters]`, '"TCP/IP NSPI Port"=dword:00001b58')]), []);
  });

  const IFS = [`[${SVC}\\ExIFS\\Parameters]`, '"DriveLetter"="M"'];
  const BACKUP = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\BackupRestore\\FilesNotToBackup]';
  // "M:\* /s" as REG_MULTI_SZ in a UTF-16 export: 4d 3a 5c 2a 20 2f 73, each followed by 00, then two NULs.
  const EXCLUDED = '"Exchange IFS"=hex(7):4d,00,3a,00,5c,00,2a,00,20,00,2f,00,73,00,00,00,00,00';

  it('stays silent when FilesNotToBackup excludes the IFS drive, and when no export holds FilesNotToBackup', () => {
    assert.deepStrictEqual(found([reg('ifs.reg', ...IFS), reg('backup.reg', BACKUP, '"Temporary Files"=hex(7):25,00,54,00,45,00,4d,00,50,00,25,00,5c,00,2a,00,20,00,2f,00,73,00,00,00,00,00', EXCLUDED)]), []);
    assert.deepStrictEqual(found([reg('ifs.reg', ...IFS)]), []);
    // No drive mapped: nothing to exclude.
    assert.deepStrictEqual(found([reg('backup.reg', BACKUP, '"Temporary Files"=hex(7):41,00,00,00,00,00')]), []);
  });

  it('warns when the IFS drive is mapped and the exclusion is missing or names another drive (row 72)', () => {
    assert.deepStrictEqual(found([reg('ifs.reg', ...IFS), reg('backup.reg', BACKUP, '"Temporary Files"=hex(7):41,00,00,00,00,00')]), [
      ['backup.reg', 2, 'cross.ifs-backup-exclusion', 'FilesNotToBackup has no "Exchange IFS" entry, but the Exchan'],
    ]);
    const other = EXCLUDED.replace('4d,00', '4e,00');
    const d = checkExbpaFolder([reg('server.reg', ...IFS, '', BACKUP, other)], OPTIONS).get('file:///srv/mail01/server.reg') ?? [];
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity, x.range.start.line]), [['cross.ifs-backup-exclusion', 'warning', 6]]);
    assert.match(d[0].message, /set it to "M:\\\* \/s"/);
  });

  it('applies severity overrides', () => {
    const sa = SA_PORTS.map((l) => (l.startsWith('"TCP/IP NSPI Port"') ? '"TCP/IP NSPI Port"=dword:00001b58' : l));
    assert.deepStrictEqual(found([reg('ports.reg', ...IS_PORTS, '', ...sa)], { ...OPTIONS, severityOverrides: { 'cross.port-conflict': 'off' } } as typeof OPTIONS), []);
  });
});
