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
    // A later line with a finding of its own: the cross-file finding on line 4 must come first.
    fs.mkdirSync(path.join(dir, 'ordered'));
    fs.writeFileSync(path.join(dir, 'ordered', 'boot.ini'), Buffer.from(BOOT, 'latin1'));
    fs.writeFileSync(path.join(dir, 'ordered', 'memory.reg'), Buffer.from(`${REG}\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]\r\n"MPHeap parallelism"="4"\r\n`, 'latin1'));
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

  it('prints a file\'s findings in line order in every format, the cross-file ones included', () => {
    const ordered = path.join(dir, 'ordered');
    const json = (JSON.parse(lint(['--format', 'json', ordered]).out) as JsonResult[]).find((x) => x.languageId === 'reg')!;
    assert.deepStrictEqual(json.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`), ['4:cross.memory-config', '7:reg.deprecated-e2k-tuning']);
    const text = lint([ordered]).out.split('\n').filter((l) => l.includes('memory.reg:'));
    assert.deepStrictEqual(text.map((l) => /memory\.reg:(\d+):\d+ \w+ (\S+)/.exec(l)!.slice(1).join(':')), ['4:cross.memory-config', '7:reg.deprecated-e2k-tuning']);
    const sarif = JSON.parse(lint(['--format', 'sarif', ordered]).out) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const regResults = sarif.runs[0].results.filter((x) => x.locations[0].physicalLocation.artifactLocation.uri.endsWith('memory.reg'));
    assert.deepStrictEqual(regResults.map((x) => `${x.locations[0].physicalLocation.region.startLine}:${x.ruleId}`), ['4:cross.memory-config', '7:reg.deprecated-e2k-tuning']);
  });

  it('counts a cross diagnostic raised to error in the exit status', () => {
    const r = lint(['--severity', 'cross.memory-config=error', path.join(dir, 'mail01')]);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /memory\.reg:4:15 error cross\.memory-config .*event 9665/);
  });
});
