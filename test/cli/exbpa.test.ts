/** The command line compares the exports of one folder for the Exchange Server Analyzer's cross-key rules. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint, JsonResult } from '../helpers/cli';

const V5 = 'Windows Registry Editor Version 5.00';
const SVC = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services';

describe('cli: Exchange Server Analyzer rules across the exports of a folder', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exbpa-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, ...lines: string[]): void => fs.writeFileSync(path.join(dir, name), [V5, '', ...lines, ''].join('\r\n'));

  it('reports a port conflict between two exports of one folder on both, and exits with status 1', () => {
    write('is.reg', `[${SVC}\\MSExchangeIS\\ParametersSystem]`, '"TCP/IP Port"=dword:00001b58');
    write('sa.reg', `[${SVC}\\MSExchangeSA\\Parameters]`, '"TCP/IP NSPI Port"=dword:00001b58');
    const r = lint(['--format', 'json', dir]);
    assert.strictEqual(r.code, 1, r.err);
    const results = JSON.parse(r.out) as JsonResult[];
    assert.deepStrictEqual(
      results.map((f) => [path.basename(f.file), f.diagnostics.map((d) => [d.code, d.severity, d.range.start.line])]),
      [
        ['is.reg', [['cross.port-conflict', 'error', 3]]],
        ['sa.reg', [['cross.port-conflict', 'error', 3]]],
      ],
    );
    assert.match(results[0].diagnostics[0].message, /the same as the System Attendant's TCP\/IP NSPI Port \(line 4 of sa\.reg\)/);
  });

  it('stays silent when the ports differ, and compares no exports of different folders', () => {
    write('is.reg', `[${SVC}\\MSExchangeIS\\ParametersSystem]`, '"TCP/IP Port"=dword:00001b58');
    fs.mkdirSync(path.join(dir, 'other-server'));
    fs.writeFileSync(path.join(dir, 'other-server', 'sa.reg'), [V5, '', `[${SVC}\\MSExchangeSA\\Parameters]`, '"TCP/IP NSPI Port"=dword:00001b58', ''].join('\r\n'));
    const r = lint(['--format', 'json', dir]);
    assert.strictEqual(r.code, 0, r.out);
    assert.deepStrictEqual((JSON.parse(r.out) as JsonResult[]).flatMap((f) => f.diagnostics), []);
  });
});
