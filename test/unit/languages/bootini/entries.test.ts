/** Entries: ARC paths per KB 102873, drive paths, descriptions and text that is not a switch. */
import * as assert from 'assert';
import { bootIni, clean, diagAt, ENTRY, noCode, one, PATH } from '../../../helpers/bootini';

/** A file whose only entry has this path (default= points at it, so nothing else is reported). */
function withPath(path: string, rest = '="Windows Server 2003, Enterprise" /fastdetect'): string {
  return bootIni(`${path}${rest}`).replace(`default=${PATH}`, `default=${path}`);
}

describe('bootini: ARC paths (KB 102873)', () => {
  it('accepts multi(), scsi() and signature() paths and drive paths', () => {
    clean(withPath(PATH));
    clean(withPath('multi(0)disk(0)rdisk(3)partition(4)\\WINNT'));
    clean(withPath('scsi(1)disk(5)rdisk(0)partition(2)\\WINDOWS'));
    clean(withPath('signature(8b467c12)disk(1)rdisk(0)partition(2)\\winnt'));
    clean(withPath('SIGNATURE(8B467C12)DISK(1)RDISK(0)PARTITION(2)\\WINNT'));
    clean(bootIni(`${PATH}="Windows Server 2003, Enterprise" /fastdetect`, 'C:\\="Microsoft Windows"', 'C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons'));
  });

  it('invalid-arc-path: partition(0), because partitions count from 1', () => {
    const d = diagAt(withPath('multi(0)disk(0)rdisk(0)partition(0)\\WINDOWS'), 'bootini.invalid-arc-path', ENTRY, 33, 34);
    assert.match(d.message, /start at 1/);
    assert.strictEqual(d.severity, 'error');
  });

  it('invalid-arc-path: multi() with a disk number other than 0', () => {
    assert.match(diagAt(withPath('multi(0)disk(1)rdisk(0)partition(1)\\WINDOWS'), 'bootini.invalid-arc-path', ENTRY, 13, 14).message, /always 0/);
    // scsi() takes the SCSI ID there.
    noCode(withPath('scsi(0)disk(1)rdisk(0)partition(1)\\WINDOWS'), 'bootini.invalid-arc-path');
  });

  it('invalid-arc-path: a signature that is not 8 hex digits, numbers that are not decimal', () => {
    diagAt(withPath('signature(8b46)disk(0)rdisk(0)partition(1)\\WINDOWS'), 'bootini.invalid-arc-path', ENTRY, 10, 14);
    diagAt(withPath('signature(8b467c1g)disk(0)rdisk(0)partition(1)\\WINDOWS'), 'bootini.invalid-arc-path', ENTRY, 10, 18);
    diagAt(withPath('multi(0)disk(0)rdisk(x)partition(1)\\WINDOWS'), 'bootini.invalid-arc-path', ENTRY, 21, 22);
  });

  it('invalid-arc-path: parts missing, out of order, or no folder', () => {
    assert.match(diagAt(withPath('multi(0)disk(0)partition(1)\\WINDOWS'), 'bootini.invalid-arc-path', ENTRY, 15, 27).message, /rdisk\(…\) is expected here/);
    assert.match(one(withPath('multi(0)disk(0)rdisk(0)'), 'bootini.invalid-arc-path').message, /partition\(…\) must follow rdisk\(0\)/);
    assert.match(diagAt(withPath('multi(0)disk(0)rdisk(0)partition(1)'), 'bootini.invalid-arc-path', ENTRY, 23, 35).message, /folder is missing/);
    assert.match(one(withPath('multi(0)disk(0)rdisk(0)partition(1)WINDOWS'), 'bootini.invalid-arc-path').message, /backslash/);
    assert.match(diagAt(withPath('ide(0)disk(0)rdisk(0)partition(1)\\WINDOWS'), 'bootini.invalid-arc-path', ENTRY, 0, 6).message, /multi\(…\), scsi\(…\) or signature\(…\) is expected here, not ide/);
    assert.match(diagAt(withPath('WINDOWS'), 'bootini.invalid-arc-path', ENTRY, 0, 7).message, /neither an ARC path/);
    assert.match(one(withPath('C:WINDOWS'), 'bootini.invalid-arc-path').message, /backslash/);
    one(bootIni(`="Windows Server 2003" /fastdetect`, `${PATH}="x"`), 'bootini.invalid-arc-path');
  });

  it('unusual-arc-path: multi() with an adapter number other than 0; silent for 0', () => {
    const d = diagAt(withPath('multi(1)disk(0)rdisk(0)partition(1)\\WINDOWS'), 'bootini.unusual-arc-path', ENTRY, 6, 7);
    assert.strictEqual(d.severity, 'warning');
    noCode(withPath(PATH), 'bootini.unusual-arc-path');
    noCode(withPath('scsi(1)disk(0)rdisk(0)partition(1)\\WINDOWS'), 'bootini.unusual-arc-path');
  });
});

describe('bootini: descriptions', () => {
  it('invalid-description: no closing quote', () => {
    const d = diagAt(bootIni(`${PATH}="Windows Server 2003 /fastdetect`), 'bootini.invalid-description', ENTRY, 44, 76);
    assert.match(d.message, /closing double quote/);
  });

  it('invalid-description: no quotes, nothing after =, no = at all', () => {
    diagAt(bootIni(`${PATH}=Windows Server 2003 /fastdetect`), 'bootini.invalid-description', ENTRY, 44, 63);
    diagAt(bootIni(`${PATH}=`), 'bootini.invalid-description', ENTRY, 43, 44);
    diagAt(bootIni(`${PATH} /fastdetect`), 'bootini.invalid-description', ENTRY, 0, 43);
  });

  it('is silent on quoted descriptions, blanks around = and empty quotes', () => {
    noCode(bootIni(`${PATH} = "Windows Server 2003, Enterprise" /fastdetect`), 'bootini.invalid-description');
    noCode(bootIni(`${PATH}=""`), 'bootini.invalid-description');
  });
});

describe('bootini: stray text after the description', () => {
  it('stray-text: a switch name without its slash, with did-you-mean', () => {
    const d = diagAt(bootIni(`${PATH}="Windows Server 2003, Enterprise" /fastdetect 3GB`), 'bootini.stray-text', ENTRY, 90, 93);
    assert.match(d.message, /did you mean \/3GB/);
    assert.match(one(bootIni(`${PATH}="Windows Server 2003, Enterprise" -PAE`), 'bootini.stray-text').message, /did you mean \/PAE/);
  });

  it('stray-text: an end-of-line comment, once, up to the end of the line', () => {
    const d = diagAt(bootIni(`${PATH}="Windows Server 2003, Enterprise" /fastdetect ; tuned by PSS`), 'bootini.stray-text', ENTRY, 90, 104);
    assert.match(d.message, /no end-of-line comments/);
  });

  it('stray-text: any other word', () => {
    assert.match(one(bootIni(`${PATH}="Windows Server 2003, Enterprise" fast`), 'bootini.stray-text').message, /not a switch/);
  });

  it('is silent when every option is a switch', () => {
    noCode(bootIni(`${PATH}="Windows Server 2003, Enterprise" /fastdetect /sos`), 'bootini.stray-text');
  });
});
