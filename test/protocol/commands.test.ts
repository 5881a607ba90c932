import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from './client';

const IS = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]';

describe('protocol: cleanup command', function () {
  this.timeout(20000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-cmd-'));
    client = TestClient.start('stdio');
    const init = await client.initialize({});
    assert.deepStrictEqual((init.capabilities.executeCommandProvider as { commands: string[] }).commands, ['exchangeConfig.server.oneLine', 'exchangeConfig.server.cleanupReg', 'exchangeConfig.server.memoryReport', 'exchangeConfig.server.checkSetupCommandLine', 'exchangeConfig.server.previewMembers', 'exchangeConfig.server.showCodeDocumentation']);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks a Setup command line with exchangeConfig.server.checkSetupCommandLine', async () => {
    const check = async (commandLine: unknown) =>
      (await client.connection.sendRequest('workspace/executeCommand', { command: 'exchangeConfig.server.checkSetupCommandLine', arguments: [{ commandLine }] })) as {
        diagnostics: { start: number; end: number; severity: string; code: string; message: string }[];
      };
    const r = await check('E:\\setup\\i386\\setup /createunatend D:\\a.ini');
    assert.deepStrictEqual(r.diagnostics.map((d) => [d.code, d.severity, d.start, d.end]), [
      ['setupini.cmd-unknown-switch', 'error', 20, 34],
      ['setupini.cmd-stray-argument', 'warning', 35, 43],
    ]);
    assert.deepStrictEqual((await check('setup /unattendfile D:\\a.ini')).diagnostics, []);
    assert.deepStrictEqual((await check(42)).diagnostics, []);
  });

  it('builds one cleanup file from an open document and a file on disk, writing nothing', async () => {
    const open = 'file:///tmp/cmd-test/open.reg';
    await client.open(open, ['Windows Registry Editor Version 5.00', '', IS, '"Initial Memory Percentage"=dword:0000000a', ''].join('\r\n'));
    const onDisk = path.join(dir, 'disk.reg');
    const body = ['Windows Registry Editor Version 5.00', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]', '"MPHeap parallelism"="8"', ''].join('\r\n');
    fs.writeFileSync(onDisk, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
    const before = fs.readdirSync(dir);
    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'exchangeConfig.server.cleanupReg',
      arguments: [{ uris: [open, pathToFileURL(onDisk).toString(), pathToFileURL(path.join(dir, 'missing.reg')).toString()] }],
    })) as { text: string | null; unreadable: string[] };
    assert.ok(result.text);
    assert.match(result.text, /\r\n"Initial Memory Percentage"=-\r\n/);
    assert.match(result.text, /\r\n"MPHeap parallelism"=-\r\n/);
    assert.strictEqual(result.unreadable.length, 1);
    assert.match(result.unreadable[0], /missing\.reg/);
    assert.deepStrictEqual(fs.readdirSync(dir), before, 'nothing written to disk');
  });

  it('answers null when nothing is obsolete', async () => {
    const clean = 'file:///tmp/cmd-test/clean.reg';
    await client.open(clean, 'REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n"x"=dword:1\r\n');
    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'exchangeConfig.server.cleanupReg',
      arguments: [{ uris: [clean] }],
    })) as { text: string | null };
    assert.strictEqual(result.text, null);
  });
});
