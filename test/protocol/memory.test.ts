import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TestClient } from './client';
import { MEMORY_BOOT as BOOT, MEMORY_REG as REG } from '../helpers/bootini';


type Related = { location: { uri: string; range: { start: { line: number; character: number } } }; message: string };
type Diag = { code: string; range: { start: { line: number; character: number } }; relatedInformation?: Related[] };
const hasCross = (p: { diagnostics: unknown[] }): boolean => (p.diagnostics as Diag[]).some((d) => d.code === 'cross.memory-config');

describe('protocol: memory configuration across boot.ini and .reg', function () {
  this.timeout(20000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-mem-'));
    client = TestClient.start('stdio');
    await client.initialize({});
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports on an open .reg once the boot.ini of its folder opens, with related information in boot.ini', async () => {
    const regUri = 'file:///tmp/mem-test-open/memory.reg';
    const bootUri = 'file:///tmp/mem-test-open/boot.ini';
    const first = client.nextDiagnostics(regUri);
    await client.open(regUri, REG);
    assert.ok(!hasCross(await first), 'no boot.ini yet');
    const wait = client.nextDiagnostics(regUri, hasCross);
    await client.open(bootUri, BOOT, 'bootini');
    const diags = (await wait).diagnostics as Diag[];
    const d = diags.find((x) => x.code === 'cross.memory-config')!;
    assert.deepStrictEqual(d.range.start, { line: 3, character: 14 });
    assert.strictEqual(d.relatedInformation?.[0].location.uri, bootUri);
    assert.strictEqual(d.relatedInformation?.[0].location.range.start.line, 4);

    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'exchangeConfig.server.memoryReport',
      arguments: [{ uri: regUri }],
    })) as { markdown: string | null };
    assert.ok(result.markdown);
    assert.match(result.markdown, /# Memory configuration report/);
    assert.match(result.markdown, /SystemPages: 30000/);
    assert.match(result.markdown, /event 9665/);
    const fromBoot = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'exchangeConfig.server.memoryReport',
      arguments: [{ uri: bootUri }],
    })) as { markdown: string | null };
    assert.ok(fromBoot.markdown?.includes('SystemPages: 30000'));
  });

  it('publishes a .reg\'s diagnostics in line order, the cross-file finding on line 4 before a finding on line 7', async () => {
    const regUri = 'file:///tmp/mem-test-order/memory.reg';
    const bootUri = 'file:///tmp/mem-test-order/boot.ini';
    await client.open(regUri, `${REG}\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]\r\n"MPHeap parallelism"="4"\r\n`);
    const wait = client.nextDiagnostics(regUri, hasCross);
    await client.open(bootUri, BOOT, 'bootini');
    const diags = (await wait).diagnostics as Diag[];
    assert.deepStrictEqual(diags.map((d) => `${d.range.start.line}:${d.code}`), ['3:cross.memory-config', '6:reg.deprecated-e2k-tuning']);
  });

  it('reads the boot.ini beside a .reg from disk, and answers null without one', async () => {
    fs.writeFileSync(path.join(dir, 'BOOT.INI'), Buffer.from(BOOT, 'latin1'));
    const regUri = pathToFileURL(path.join(dir, 'memory.reg')).toString();
    const wait = client.nextDiagnostics(regUri);
    await client.open(regUri, REG);
    const diags = (await wait).diagnostics as Diag[];
    const d = diags.find((x) => x.code === 'cross.memory-config');
    assert.ok(d, JSON.stringify(diags.map((x) => x.code)));
    assert.match(d.relatedInformation?.[0].location.uri ?? '', /\/BOOT\.INI$/i);

    const lone = 'file:///tmp/mem-test-none/alone.reg';
    await client.open(lone, REG);
    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'exchangeConfig.server.memoryReport',
      arguments: [{ uri: lone }],
    })) as { markdown: string | null };
    assert.strictEqual(result.markdown, null);
  });
});

describe('protocol: pairing a .reg with a boot.ini in another folder (exchangeConfig.bootIniFor)', function () {
  this.timeout(20000);
  let client: TestClient;
  let ws: string;

  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-ws-'));
    fs.mkdirSync(path.join(ws, 'servers', 'MAIL 01'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'exports', 'MAIL01'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'servers', 'MAIL 01', 'boot.ini'), BOOT);
    client = TestClient.start('stdio');
    client.configuration = { exchangeConfig: { bootIniFor: { 'exports/MAIL01': 'servers/MAIL 01/boot.ini' } } };
    await client.initialize({ workspace: { configuration: true } }, undefined, [{ uri: pathToFileURL(ws).toString(), name: 'ws' }]);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('reads the paired boot.ini from disk and links to it', async () => {
    const wsUri = pathToFileURL(ws).toString();
    const regUri = `${wsUri}/exports/MAIL01/memory.reg`;
    const wait = client.nextDiagnostics(regUri);
    await client.open(regUri, REG);
    const diags = (await wait).diagnostics as Diag[];
    const d = diags.find((x) => x.code === 'cross.memory-config');
    assert.ok(d, JSON.stringify(diags.map((x) => x.code)));
    assert.strictEqual(d.relatedInformation?.[0].location.uri, `${wsUri}/servers/MAIL%2001/boot.ini`);
  });
});
