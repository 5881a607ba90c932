/** The editor compares the open .reg exports of one folder for the Exchange Server Analyzer's cross-key rules. */
import * as assert from 'assert';
import { TestClient } from './client';

const V5 = 'Windows Registry Editor Version 5.00';
const SVC = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services';
type Diag = { code: string; range: { start: { line: number } }; relatedInformation?: { location: { uri: string } }[] };
const conflict = (p: { diagnostics: unknown[] }): boolean => (p.diagnostics as Diag[]).some((d) => d.code === 'cross.port-conflict');

describe('protocol: port conflicts across the open exports of a folder', function () {
  this.timeout(20000);
  let client: TestClient;
  before(async () => {
    client = TestClient.start('stdio');
    await client.initialize({});
  });
  after(async () => client.stop());

  it('reports on an open export once a conflicting export of its folder opens, and clears it when that one changes', async () => {
    const isUri = 'file:///tmp/exbpa-open/is.reg';
    const saUri = 'file:///tmp/exbpa-open/sa.reg';
    const first = client.nextDiagnostics(isUri);
    await client.open(isUri, [V5, '', `[${SVC}\\MSExchangeIS\\ParametersSystem]`, '"TCP/IP Port"=dword:00001b58', ''].join('\r\n'));
    assert.ok(!conflict(await first), 'nothing to compare with yet');
    const reported = client.nextDiagnostics(isUri, conflict);
    await client.open(saUri, [V5, '', `[${SVC}\\MSExchangeSA\\Parameters]`, '"TCP/IP NSPI Port"=dword:00001b58', ''].join('\r\n'));
    const d = ((await reported).diagnostics as Diag[]).find((x) => x.code === 'cross.port-conflict')!;
    assert.strictEqual(d.range.start.line, 3);
    assert.strictEqual(d.relatedInformation?.[0].location.uri, saUri);
    // The System Attendant's port changes: the store's export is checked again and the conflict is gone.
    const cleared = client.nextDiagnostics(isUri, (p) => !conflict(p));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: saUri, version: 2 },
      contentChanges: [{ text: [V5, '', `[${SVC}\\MSExchangeSA\\Parameters]`, '"TCP/IP NSPI Port"=dword:00001b59', ''].join('\r\n') }],
    });
    await cleared;
  });
});
