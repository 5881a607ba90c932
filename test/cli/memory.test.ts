import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { lint, JsonResult } from '../helpers/cli';

const BOOT = [
  '[boot loader]',
  'timeout=30',
  'default=multi(0)disk(0)rdisk(0)partition(1)\\WINNT',
  '[operating systems]',
  'multi(0)disk(0)rdisk(0)partition(1)\\WINNT="Microsoft Windows 2000 Advanced Server" /fastdetect /3GB',
  '',
].join('\r\n');
const REG = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]',
  '"SystemPages"=dword:00000000',
  '',
].join('\r\n');



describe('cli: memory configuration across boot.ini and .reg', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-mem-'));
    fs.mkdirSync(path.join(dir, 'mail01'));
    fs.writeFileSync(path.join(dir, 'mail01', 'boot.ini'), Buffer.from(BOOT, 'latin1'));
    fs.writeFileSync(path.join(dir, 'mail01', 'memory.reg'), Buffer.from(REG, 'latin1'));
    fs.mkdirSync(path.join(dir, 'alone'));
    fs.writeFileSync(path.join(dir, 'alone', 'memory.reg'), Buffer.from(REG, 'latin1'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds cross.memory-config to the .reg beside a boot.ini, with the boot.ini as related uri', () => {
    const r = lint(['--format', 'json', dir]);
    assert.strictEqual(r.code, 0, r.err);
    const results = JSON.parse(r.out) as JsonResult[];
    const paired = results.find((x) => x.file === path.join(dir, 'mail01', 'memory.reg'))!;
    const d = paired.diagnostics.find((x) => x.code === 'cross.memory-config');
    assert.ok(d, JSON.stringify(paired.diagnostics.map((x) => x.code)));
    assert.strictEqual(d.severity, 'warning');
    assert.strictEqual(d.relatedInformation?.[0].uri, pathToFileURL(path.join(dir, 'mail01', 'boot.ini')).href);
    const alone = results.find((x) => x.file === path.join(dir, 'alone', 'memory.reg'))!;
    assert.ok(!alone.diagnostics.some((x) => x.code === 'cross.memory-config'));
    const boot = results.find((x) => x.languageId === 'bootini')!;
    assert.ok(boot.diagnostics.every((x) => !('uri' in (x.relatedInformation?.[0] ?? {}))));
  });

  it('counts a cross diagnostic raised to error in the exit status', () => {
    const r = lint(['--severity', 'cross.memory-config=error', path.join(dir, 'mail01')]);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /memory\.reg:4:15 error cross\.memory-config .*event 9665/);
  });
});
