import * as assert from 'assert';
import { BootIniFile, checkMemoryConfig, checkMemoryFolder, RegFile } from '../../../server/src/checks/memory';
import { DEFAULT_CONTEXT } from '../../../server/src/core/catalog';
import { registryIndex } from '../../../server/src/core/catalogLoad';
import { bootiniLanguage } from '../../../server/src/languages/bootini';
import { regLanguage } from '../../../server/src/languages/reg';

const MM = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]';
const SM = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager]';
const BOOT: BootIniFile = {
  uri: 'file:///srv/mail01/boot.ini',
  doc: bootiniLanguage.parse(
    '[boot loader]\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n[operating systems]\r\nmulti(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect /3GB /USERVA=3030\r\n',
  ),
};
const OPTIONS = { exchange: { context: DEFAULT_CONTEXT, registry: registryIndex() } };

/** Export i: SystemPages and HeapDeCommitFreeBlockThreshold written, rewritten, deleted or left out, by i. */
function exportFile(i: number): RegFile {
  const sp = ['"SystemPages"=dword:00007530', '"SystemPages"=dword:00000000', '"SystemPages"=dword:00007530\r\n"SystemPages"=-', '', '"SystemPages"=hex:01'][i % 5];
  const heap = ['"HeapDeCommitFreeBlockThreshold"=dword:00000000', '"HeapDeCommitFreeBlockThreshold"=dword:00040000', ''][i % 3];
  const text = ['Windows Registry Editor Version 5.00', '', MM, sp, '', SM, heap, ''].join('\r\n');
  return { uri: `file:///srv/mail01/export-${i}.reg`, doc: regLanguage.parse(text) };
}

describe('checks: the memory check of a folder of exports', () => {
  const regs = Array.from({ length: 60 }, (_, i) => exportFile(i));

  it('gives each export the findings checkMemoryConfig gives it, with or without the other exports', () => {
    const folder = checkMemoryFolder(BOOT, regs, OPTIONS);
    let total = 0;
    for (const reg of regs) {
      const alone = checkMemoryConfig(BOOT, reg, OPTIONS);
      assert.deepStrictEqual(checkMemoryConfig(BOOT, reg, OPTIONS, regs), alone, reg.uri);
      assert.deepStrictEqual(folder.get(reg.uri) ?? [], alone, reg.uri);
      total += alone.length;
    }
    // SystemPages 30000 in 12 files (i % 5 === 0), the heap threshold 0 in 20 (i % 3 === 0).
    assert.strictEqual(total, 12 + 20);
    assert.deepStrictEqual(
      (folder.get(regs[0].uri) ?? []).map((d) => d.range.start.line),
      [3, 6],
    );
  });

  it('applies severity overrides to every file', () => {
    const folder = checkMemoryFolder(BOOT, regs, { ...OPTIONS, severityOverrides: { 'cross.memory-config': 'off' } });
    assert.strictEqual(folder.size, 0);
  });
});
