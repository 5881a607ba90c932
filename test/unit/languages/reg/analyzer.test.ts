/**
 * Every Exchange Server Analyzer rule of the catalog (its `analyzer` field), fired and not fired by a realistic export
 * of the key: the complete list of diagnostics of each file. Rows follow exbpa-registry-facts; where the catalog's own
 * check on the same value says as much or more, that finding stands instead (the hover carries both).
 */
import * as assert from 'assert';
import { DEFAULT_CONTEXT } from '../../../../server/src/core/catalog';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { regLanguage } from '../../../../server/src/languages/reg';
import { cleanupReg } from '../../../../server/src/languages/reg/cleanup';

const V5 = 'Windows Registry Editor Version 5.00';

/** [entry id, rule index, key, value name, data that fires the rule, codes then, data that does not, codes then]. */
const ROWS: [string, number, string, string, string, string[], string, string[]][] = [
  ["exchange.mailmsg.max-message-objects", 0, "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Exchange\\Mailmsg", "MaxMessageObjects", "dword:000186a0", ["reg.analyzer-information"], "-", []],
  ["exchange.mailmsg.max-message-objects", 1, "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Exchange\\Mailmsg", "MaxMessageObjects", "dword:00002710", ["reg.analyzer-warning"], "dword:00007531", ["reg.analyzer-information"]],
  ["exifs.parameters.drive-letter", 0, "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\ExIFS\\Parameters", "DriveLetter", "\"M\"", ["reg.analyzer-error"], "-", []],
  ["image-file-execution-options.exchange.global-flag", 0, "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\STORE.EXE", "GlobalFlag", "dword:00000005", ["reg.analyzer-warning"], "dword:00000000", []],
  ["image-file-execution-options.exchange.page-heap-flags", 0, "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\STORE.EXE", "PageHeapFlags", "dword:00000005", ["reg.analyzer-warning"], "dword:00000000", []],
  ["imap4svc.parameters.max-buffer-size", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\IMAP4Svc\\Parameters", "MaxBufferSize", "dword:00000001", ["reg.analyzer-information"], "dword:00000000", []],
  ["inetinfo.parameters.pool-thread-limit", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Inetinfo\\Parameters", "PoolThreadLimit", "dword:00000101", ["reg.analyzer-information"], "dword:00000100", []],
  ["mostrace.debug-async-trace.enabled-traces", 0, "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\MosTrace\\CurrentVersion\\DebugAsyncTrace", "EnabledTraces", "dword:00000005", ["reg.analyzer-error"], "dword:00000000", []],
  ["msexchangedsaccess.disable-netlogon-check", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDSAccess", "DisableNetLogonCheck", "dword:00000001", ["reg.analyzer-information"], "dword:00000000", []],
  ["msexchangedsaccess.instance0.max-memory-config", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDSAccess\\Instance0", "MaxMemoryConfig", "dword:00000001", ["reg.deprecated-e2k-tuning"], "-", []],
  ["msexchangedsaccess.instance0.max-memory-user", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDSAccess\\Instance0", "MaxMemoryUser", "dword:00000001", ["reg.deprecated-e2k-tuning"], "-", []],
  ["msexchangeis.parameterssystem.disable-call-tracing", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem", "Disable Call Tracing", "dword:00000000", ["reg.analyzer-information"], "dword:00000001", []],
  ["msexchangeis.parameterssystem.disable-session-limit", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem", "Disable Session Limit", "dword:00000005", ["reg.analyzer-warning"], "dword:00000000", []],
  ["msexchangeis.parameterssystem.mailbox-cache-size", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem", "Mailbox Cache Size", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["msexchangeis.parameterssystem.mailbox-cache-size", 1, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem", "Mailbox Cache Size", "dword:00000000", ["reg.analyzer-error"], "dword:00000001", ["reg.analyzer-information"]],
  ["msexchangeis.parameterssystem.reserve-increment-kb", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem", "Reserve Increment KB", "dword:00000001", ["reg.discouraged-setting"], "-", []],
  ["msexchangeis.parameterssystem.rpc-http-port", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem", "Rpc/HTTP Port", "dword:00001776", ["reg.do-not-modify"], "dword:00001771", []],
  ["msexchangeis.store.private.aging-clean-interval", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\MAILSRV01\\Private-5b1e9a44-0c1f-4d8e-9b57-2f1b0d7c6a21", "Aging Clean Interval", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["msexchangeis.store.private.aging-keep-time", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\MAILSRV01\\Private-5b1e9a44-0c1f-4d8e-9b57-2f1b0d7c6a21", "Aging Keep Time", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["msexchangeis.store.private.background-cleanup", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\MAILSRV01\\Private-5b1e9a44-0c1f-4d8e-9b57-2f1b0d7c6a21", "Background Cleanup", "dword:0000ea65", ["reg.analyzer-information"], "dword:0000ea60", []],
  ["msexchangeis.store.public.background-cleanup", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\MAILSRV01\\Public-9e0d7a3b-6c2a-4f1e-8d44-1a7b5c3e2f90", "Background Cleanup", "dword:0000ea65", ["reg.analyzer-information"], "dword:0000ea60", []],
  ["msexchangeis.store.public.enable-replication-messages-at-startup", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\MAILSRV01\\Public-9e0d7a3b-6c2a-4f1e-8d44-1a7b5c3e2f90", "Enable Replication Messages At Startup", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["msexchangeis.store.public.replication-expiry", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\MAILSRV01\\Public-9e0d7a3b-6c2a-4f1e-8d44-1a7b5c3e2f90", "Replication Expiry", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["msexchangeis.store.public.replication-folder-count-limit", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\MAILSRV01\\Public-9e0d7a3b-6c2a-4f1e-8d44-1a7b5c3e2f90", "Replication Folder Count Limit", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["msexchangeis.store.public.replication-folder-tombstone-age-limit", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\MAILSRV01\\Public-9e0d7a3b-6c2a-4f1e-8d44-1a7b5c3e2f90", "Replication Folder Tombstone Age Limit", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["msexchangeis.store.public.replication-folder-tree-rmq-timeout", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\MAILSRV01\\Public-9e0d7a3b-6c2a-4f1e-8d44-1a7b5c3e2f90", "Replication Folder Tree RMQ Timeout", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["msexchangemta.diagnostics.logging-levels", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Diagnostics", "1 X.400 Service", "dword:00000002", ["reg.analyzer-information"], "dword:00000000", []],
  ["msexchangemta.parameters.call-stack-diagnostics-required", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "Call-stack diagnostics required", "dword:00000006", ["reg.analyzer-information"], "dword:00000001", []],
  ["msexchangemta.parameters.kernel-threads", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "Kernel threads", "dword:00000005", ["reg.analyzer-information"], "dword:00000001", []],
  ["msexchangemta.parameters.max-rpc-calls-outstanding", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "Max RPC Calls Outstanding", "dword:00000037", ["reg.analyzer-information"], "dword:00000032", []],
  ["msexchangemta.parameters.min-rpc-threads", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "Min RPC Threads", "dword:00000009", ["reg.analyzer-information"], "dword:00000004", []],
  ["msexchangemta.parameters.rts-threads", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "RTS threads", "dword:00000005", ["reg.analyzer-information"], "dword:00000001", []],
  ["msexchangemta.parameters.submit-deliver-threads", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "Submit/deliver threads", "dword:00000007", ["reg.analyzer-information"], "dword:00000002", []],
  ["msexchangemta.parameters.tcp-ip-control-blocks", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "TCP/IP control blocks", "dword:00000019", ["reg.analyzer-information"], "dword:00000014", []],
  ["msexchangemta.parameters.tcp-ip-threads", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "TCP/IP threads", "dword:00000007", ["reg.analyzer-information"], "dword:00000002", []],
  ["msexchangemta.parameters.transfer-threads", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "Transfer threads", "dword:00000004", ["reg.analyzer-information"], "dword:00000001", []],
  ["msexchangemta.parameters.transport-threads", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters", "Transport threads", "dword:00000006", ["reg.analyzer-information"], "dword:00000001", []],
  ["msexchangesa.parameters.http-port", 0, "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters", "HTTP Port", "dword:00001387", ["reg.do-not-modify"], "dword:00001772", []],
  ["msexchangesa.parameters.no-rfr-service", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters", "No RFR Service", "dword:00000001", ["reg.analyzer-information"], "dword:00000000", []],
  ["msexchangesa.parameters.nspi-target-server", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters", "NSPI Target Server", "\"DC01\"", ["reg.analyzer-information"], "-", []],
  ["msexchangesa.parameters.rfr-target-server", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters", "RFR Target Server", "\"DC01\"", ["reg.analyzer-information"], "-", []],
  ["msexchangesa.parameters.tcp-ip-port", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters", "TCP/IP Port", "dword:00001387", ["reg.analyzer-warning"], "dword:00001388", []],
  ["msexchangesrs.parameters.tcp-ip", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeSRS\\Parameters", "TCP/IP", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["msexchangetransport.parameters.convert-dsn-internet-content", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeTransport\\Parameters", "ConvertDSNInternetContent", "dword:00000001", ["reg.analyzer-error"], "dword:00000000", []],
  ["netlogon.parameters.site-name", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters", "SiteName", "\"Branch-Office\"", ["reg.analyzer-warning"], "-", []],
  ["pop3svc.parameters.max-buffer-size", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\POP3Svc\\Parameters", "MaxBufferSize", "dword:00000001", ["reg.analyzer-error"], "dword:00000000", []],
  ["resvc.parameters.check-connector-restrictions", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\RESvc\\Parameters", "CheckConnectorRestrictions", "dword:00000001", ["reg.analyzer-information"], "dword:00000000", []],
  ["resvc.parameters.polling-interval", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\RESvc\\Parameters", "PollingInterval", "dword:0000012d", ["reg.analyzer-information"], "dword:0000012c", []],
  ["session-manager.global-flag", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager", "GlobalFlag", "dword:00000005", ["reg.analyzer-warning"], "dword:00000000", []],
  ["smtpsvc.parameters.max-search-block-size", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\Parameters", "MaxSearchBlockSize", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["smtpsvc.queuing.additional-pool-threads-per-proc", 0, "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\SMTPSVC\\Queuing", "AdditionalPoolThreadsPerProc", "dword:00000001", ["reg.deprecated-e2k-tuning"], "-", []],
  ["smtpsvc.queuing.cat-retry-minutes", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\Queuing", "CatRetryMinutes", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["smtpsvc.queuing.glitch-retry-seconds", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\Queuing", "GlitchRetrySeconds", "dword:00000001", ["reg.analyzer-information"], "-", []],
  ["smtpsvc.queuing.max-percent-pool-threads", 0, "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\SMTPSVC\\Queuing", "MaxPercentPoolThreads", "dword:00000001", ["reg.deprecated-e2k-tuning"], "-", []],
  ["tcpip.parameters.max-user-port", 0, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters", "MaxUserPort", "dword:0000c34f", ["reg.analyzer-warning"], "dword:0000c350", []],
];

/** A realistic export of the key as regedit writes it: the header, a blank line, the key and the value. */
function exportOf(key: string, name: string, data: string): string {
  return [V5, '', `[${key}]`, `"${name}"=${data}`, ''].join('\r\n');
}

function diagnostics(text: string): [string, number][] {
  return regLanguage.validate(regLanguage.parse(text)).map((d) => [d.code, d.range.start.line]);
}

describe('reg: every Exchange Server Analyzer rule of the catalog', () => {
  const index = registryIndex();
  for (const [id, rule, key, name, fires, firesCodes, silent, silentCodes] of ROWS) {
    it(`${id} rule ${rule}: ${name}=${fires} is reported, ${name}=${silent} is not`, () => {
      const entry = index.entries.find((e) => e.id === id);
      const r = entry?.analyzer?.[rule];
      assert.ok(r, `${id} has no analyzer rule ${rule}`);
      const text = exportOf(key, name, fires);
      assert.deepStrictEqual(diagnostics(text), firesCodes.map((c) => [c, 3]));
      const doc = regLanguage.parse(text);
      const d = regLanguage.validate(doc)[0];
      if (d?.code.startsWith('reg.analyzer-')) {
        assert.match(d.message, /Exchange Server Analyzer reports/);
        assert.ok(d.message.length <= 250, d.message);
      }
      // The hover cites the rule's article by title and address.
      const hover = regLanguage.hover(doc, { line: 3, character: 2 })?.contents ?? '';
      assert.ok(hover.includes(r.url) && hover.includes(r.article), `${id}: hover does not cite ${r.url}`);
      assert.deepStrictEqual(diagnostics(exportOf(key, name, silent)), silentCodes.map((c) => [c, 3]));
    });
  }

  const SVC = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services';
  const STORE = `${SVC}\\MSExchangeIS\\MAILSRV01\\Private-5b1e9a44-0c1f-4d8e-9b57-2f1b0d7c6a21`;

  it('reports the analyzer on Exchange 2000 tuning when the server is set to Exchange 2000 (where it is not obsolete)', () => {
    const text = exportOf(`${SVC}\\MSExchangeDSAccess\\Instance0`, 'MaxMemoryUser', 'dword:00000032');
    const doc = regLanguage.parse(text);
    const d = regLanguage.validate(doc, { exchange: { context: { exchangeVersion: '2000' }, registry: registryIndex() } });
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['reg.analyzer-information', 'information']]);
    assert.match(d[0].message, /non-default configuration \(the DSAccess user cache size is set by hand\)/);
  });

  it('reports a rule whose article contradicts itself one level quieter, and says so', () => {
    const d = regLanguage.validate(regLanguage.parse(exportOf(`${SVC}\\MSExchangeTransport\\Parameters`, 'ConvertDSNInternetContent', 'dword:00000001')));
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['reg.analyzer-error', 'warning']]);
    assert.match(d[0].message, /\(Sources uncertain; see the hover\.\)$/);
  });

  it('reads a GlobalFlag that Gflags wrote as a string, and treats an empty one as 0', () => {
    const key = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\store.exe`;
    assert.deepStrictEqual(diagnostics(exportOf(key, 'GlobalFlag', '"0x02000000"')), [['reg.analyzer-warning', 3]]);
    assert.deepStrictEqual(diagnostics(exportOf(key, 'GlobalFlag', '""')), []);
    assert.deepStrictEqual(diagnostics(exportOf(key, 'GlobalFlag', '"0"')), []);
  });

  it('stays silent on a realistic store export with the default values', () => {
    const text = [
      V5,
      '',
      `[${STORE}]`,
      '"Background Cleanup"=dword:0000ea60',
      '',
      `[${SVC}\\MSExchangeMTA\\Parameters]`,
      '"Transport threads"=dword:00000001',
      '"TCP/IP control blocks"=dword:00000014',
      '"Kernel threads"=dword:00000003',
      '"Min RPC Threads"=dword:00000004',
      '"Call-stack diagnostics required"=dword:00000001',
      '',
      `[${SVC}\\Tcpip\\Parameters]`,
      '"MaxUserPort"=dword:0000ea60',
      '',
    ].join('\r\n');
    assert.deepStrictEqual(diagnostics(text), []);
  });

  it('puts the deletions the analyzer recommends into the cleanup .reg, with the article', () => {
    const doc = regLanguage.parse(exportOf(`${SVC}\\Netlogon\\Parameters`, 'SiteName', '"Branch-Office"'));
    const text = cleanupReg([{ name: 'netlogon.reg', doc }], { context: DEFAULT_CONTEXT, registry: registryIndex() }) ?? '';
    assert.match(text, /values the Exchange Server Analyzer\r\n; recommends deleting/);
    assert.match(text, /\[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters\]\r\n; the Exchange Server Analyzer article "a hard-coded Active Directory site name is set" recommends deleting it\r\n"SiteName"=-/);
    assert.match(text, /; Then restart the server\./);
    // A value the analyzer would set, not delete, stays out of the cleanup.
    const tcp = regLanguage.parse(exportOf(`${SVC}\\Tcpip\\Parameters`, 'MaxUserPort', 'dword:00001388'));
    assert.strictEqual(cleanupReg([{ name: 'tcpip.reg', doc: tcp }], { context: DEFAULT_CONTEXT, registry: registryIndex() }), undefined);
  });

  it('completes the store key segment by segment and the values known under it', () => {
    const key = `[${SVC}\\MSExchangeIS\\MAILSRV01\\`;
    const text = [V5, '', key].join('\r\n');
    const doc = regLanguage.parse(text);
    const items = regLanguage.complete!(doc, { line: 2, character: key.length });
    assert.deepStrictEqual(items.map((i) => [i.label, i.insertText]).sort(), [['Private-<name>', 'Private-${1:name}]'], ['Public-<name>', 'Public-${1:name}]']]);
    const values = regLanguage.complete!(regLanguage.parse([V5, '', `[${STORE}]`, '"'].join('\r\n')), { line: 3, character: 1 }).map((i) => i.label);
    assert.deepStrictEqual(values.sort(), ['Aging Clean Interval', 'Aging Keep Time', 'Background Cleanup']);
  });

  it('judges PoolThreadLimit against the default computed from the configured memory (2 per MB, at most 256)', () => {
    const text = exportOf(`${SVC}\\Inetinfo\\Parameters`, 'PoolThreadLimit', 'dword:000000c8');
    const withMemory = (memoryMB?: number): [string, string][] =>
      regLanguage.validate(regLanguage.parse(text), { exchange: { context: { exchangeVersion: '2003', memoryMB }, registry: registryIndex() } }).map((d) => [d.code, d.message]);
    // 200 threads: the default on a server with 100 MB, not on one with 512 MB (256); unknown memory: not judged.
    assert.deepStrictEqual(withMemory(undefined), []);
    assert.deepStrictEqual(withMemory(100), []);
    assert.deepStrictEqual(withMemory(512), [['reg.analyzer-information', '"PoolThreadLimit" is 200: the Exchange Server Analyzer reports a non-default configuration (the IIS thread limit is not the default computed from the memory). Delete it unless you need it.']]);
  });

  it('has a row for every rule of the catalog', () => {
    const covered = new Set([...ROWS.map((r) => `${r[0]}#${r[1]}`), 'inetinfo.parameters.pool-thread-limit#1']);
    const rules = index.entries.flatMap((e) => (e.analyzer ?? []).map((_, i) => `${e.id}#${i}`));
    assert.deepStrictEqual(rules.filter((r) => !covered.has(r)), []);
  });
});
