import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint, JsonResult } from '../helpers/cli';
import { bootIni, W2003 } from '../helpers/bootini';

/** A boot.ini whose default entry is Windows Server 2003 with /3GB /USERVA=3030. */
const BOOT = bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`);
const MM = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]';
const SM = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager]';

/** Export i of the folder, and the lines (0-based) where the memory check must report it. */
function exportFile(i: number): { text: string; expected: number[] } {
  const lines = ['Windows Registry Editor Version 5.00', '', MM];
  const expected: number[] = [];
  switch (i % 5) {
    case 0: // 30000 on Windows Server 2003: reported
      expected.push(lines.length);
      lines.push('"SystemPages"=dword:00007530');
      break;
    case 1: // 0: fine
      lines.push('"SystemPages"=dword:00000000');
      break;
    case 2: // written, then deleted again: nothing to report
      lines.push('"SystemPages"=dword:00007530', '"SystemPages"=-');
      break;
    case 3: // written twice: the last one counts
      lines.push('"SystemPages"=dword:00000000');
      expected.push(lines.length);
      lines.push('"SystemPages"=dword:00000001');
      break;
    default: // not written here (other files write it)
      lines.push('"PagedPoolSize"=dword:00000000');
  }
  lines.push('', SM);
  if (i % 3 === 0) {
    expected.push(lines.length);
    lines.push('"HeapDeCommitFreeBlockThreshold"=dword:00000000');
  } else if (i % 3 === 1) lines.push('"HeapDeCommitFreeBlockThreshold"=dword:00040000');
  lines.push('');
  return { text: lines.join('\r\n'), expected };
}

describe('cli: memory configuration across one boot.ini and many exports', () => {
  let dir: string;
  const count = 120;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-memfolder-'));
    fs.writeFileSync(path.join(dir, 'boot.ini'), Buffer.from(BOOT, 'latin1'));
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `export-${String(i).padStart(3, '0')}.reg`), Buffer.from(exportFile(i).text, 'latin1'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reports each export's own SystemPages and HeapDeCommitFreeBlockThreshold, whatever the other exports write", () => {
    const r = lint(['--format', 'json', dir]);
    const results = JSON.parse(r.out) as JsonResult[];
    let total = 0;
    for (let i = 0; i < count; i++) {
      const name = `export-${String(i).padStart(3, '0')}.reg`;
      const result = results.find((x) => path.basename(x.file) === name);
      assert.ok(result, name);
      const lines = result.diagnostics.filter((d) => d.code === 'cross.memory-config').map((d) => d.range.start.line);
      assert.deepStrictEqual(lines, exportFile(i).expected, name);
      total += lines.length;
    }
    assert.strictEqual(total, 24 + 24 + 40);
  });
});
