/** Sections, lines outside them and the [boot loader] settings: each rule fires, and stays silent on correct files. */
import * as assert from 'assert';
import { bootIni, clean, codes, diagAt, noCode, one, PATH, W2003 } from '../../../helpers/bootini';

const SAMPLE = bootIni(`${W2003} /fastdetect`);

describe('bootini: sections and lines', () => {
  it('a complete, correct file is clean', () => {
    clean(SAMPLE);
    clean(['[Boot Loader]', 'Timeout=0', `Default=${PATH.toLowerCase()}`, '[Operating Systems]', `${W2003} /fastdetect`, ''].join('\n'));
  });

  it('missing-boot-loader: fires without [boot loader], not with it', () => {
    const text = ['[operating systems]', `${W2003} /fastdetect`].join('\r\n');
    const d = diagAt(text, 'bootini.missing-boot-loader', 0, 0, 19);
    assert.match(d.message, /timeout=/);
    assert.strictEqual(d.severity, 'warning');
    noCode(SAMPLE, 'bootini.missing-boot-loader');
  });

  it('no-operating-systems: fires without the section and with an empty one, not with an entry', () => {
    const none = ['[boot loader]', 'timeout=30', ''].join('\r\n');
    diagAt(none, 'bootini.no-operating-systems', 0, 0, 13);
    const empty = ['[boot loader]', 'timeout=30', '[operating systems]', '; nothing', ''].join('\r\n');
    const d = diagAt(empty, 'bootini.no-operating-systems', 2, 1, 18);
    assert.strictEqual(d.severity, 'error');
    noCode(SAMPLE, 'bootini.no-operating-systems');
  });

  it('duplicate-section: fires on the second header, linked to the first; not on distinct sections', () => {
    const text = bootIni(`${W2003} /fastdetect`, '[OPERATING SYSTEMS]', `${W2003} /sos`);
    const d = diagAt(text, 'bootini.duplicate-section', 5, 1, 18);
    assert.deepStrictEqual(d.related?.[0].range.start, { line: 3, character: 1 });
    noCode(SAMPLE, 'bootini.duplicate-section');
  });

  it('unknown-section: fires with did-you-mean, ignores the lines below it, silent on known names', () => {
    const text = bootIni(`${W2003} /fastdetect`, '[bootloader]', 'whatever');
    const d = diagAt(text, 'bootini.unknown-section', 5, 1, 11);
    // [boot loader] exists already, so it is not offered as a rename: the lines belong in it.
    assert.doesNotMatch(d.message, /did you mean/i);
    assert.match(d.message, /looks like \[boot loader\], which this file already has/);
    assert.deepStrictEqual((d.data as { fixes?: unknown[] } | undefined)?.fixes ?? [], []);
    assert.deepStrictEqual(codes(text), ['bootini.unknown-section']);
    const misspelt = ['[boot loader]', 'timeout=30', `default=${PATH}`, '[operating system]', `${W2003} /fastdetect`].join('\r\n');
    assert.match(one(misspelt, 'bootini.unknown-section').message, /did you mean \[operating systems\]/i);
    noCode(SAMPLE, 'bootini.unknown-section');
  });

  it('other-section: a section another program keeps is information, with no advice to remove it', () => {
    for (const name of ['Debug', 'Acme Boot Manager', 'options']) {
      const text = bootIni(`${W2003} /fastdetect`, `[${name}]`, 'setting=1');
      const d = diagAt(text, 'bootini.other-section', 5, 1, 1 + name.length);
      assert.strictEqual(d.severity, 'information');
      assert.doesNotMatch(d.message, /remove|delete|comment/i);
      assert.match(d.message, /ignores/);
      assert.deepStrictEqual(codes(text), ['bootini.other-section']);
    }
    noCode(SAMPLE, 'bootini.other-section');
  });

  it('outside-section: fires on content before the first header, not on comments or blank lines there', () => {
    const text = `  timeout=30\r\n${SAMPLE}`;
    diagAt(text, 'bootini.outside-section', 0, 2, 12);
    clean(`; comment\r\n\r\n${SAMPLE}`);
  });

  it('invalid-line: a header without ], text after a header, a line that is no setting or entry', () => {
    diagAt(SAMPLE.replace('[operating systems]', '[operating systems'), 'bootini.invalid-line', 3, 0, 18);
    diagAt(SAMPLE.replace('[operating systems]', '[operating systems] ; os'), 'bootini.invalid-line', 3, 20, 24);
    const noEquals = SAMPLE.replace('timeout=30', 'timeout 30');
    assert.match(diagAt(noEquals, 'bootini.invalid-line', 1, 0, 10).message, /no "="/);
    const entryInLoader = SAMPLE.replace('timeout=30', `${PATH}`);
    assert.match(one(entryInLoader, 'bootini.invalid-line').message, /looks like an entry/);
    const text = bootIni(`${W2003} /fastdetect`, 'Windows Server 2003');
    assert.match(diagAt(text, 'bootini.invalid-line', 5, 0, 19).message, /PATH="Description"/);
    noCode(SAMPLE, 'bootini.invalid-line');
  });
});

describe('bootini: [boot loader] settings', () => {
  it('unknown-key: fires with did-you-mean; the four documented keys are silent', () => {
    const d = diagAt(SAMPLE.replace('timeout=', 'timout='), 'bootini.unknown-key', 1, 0, 6);
    assert.match(d.message, /did you mean timeout\?/i);
    diagAt(SAMPLE.replace('timeout=30', 'color=blue'), 'bootini.unknown-key', 1, 0, 5);
    clean(SAMPLE.replace('timeout=30', 'timeout=30\r\nredirect=COM1\r\nredirectbaudrate=115200'));
  });

  it('duplicate-key: fires on the second key, linked to the first; not on different keys', () => {
    const text = SAMPLE.replace('timeout=30', 'timeout=30\r\nTIMEOUT=10');
    const d = diagAt(text, 'bootini.duplicate-key', 2, 0, 7);
    assert.deepStrictEqual(d.related?.[0].range.start, { line: 1, character: 0 });
    assert.deepStrictEqual(d.tags, ['unnecessary']);
    noCode(SAMPLE, 'bootini.duplicate-key');
  });

  it('invalid-timeout: fires on words, negatives other than -1 and nothing; silent on 0, 30, 999 and -1', () => {
    diagAt(SAMPLE.replace('timeout=30', 'timeout=30s'), 'bootini.invalid-timeout', 1, 8, 11);
    diagAt(SAMPLE.replace('timeout=30', 'timeout=-5'), 'bootini.invalid-timeout', 1, 8, 10);
    diagAt(SAMPLE.replace('timeout=30', 'timeout='), 'bootini.invalid-timeout', 1, 7, 8);
    for (const v of ['0', '30', '999', '-1']) clean(SAMPLE.replace('timeout=30', `timeout=${v}`));
  });

  it('invalid-redirect: fires on other ports and speeds; silent on COM1-COM4, USEBIOSSETTINGS and the four speeds', () => {
    const d = diagAt(SAMPLE.replace('timeout=30', 'timeout=30\r\nredirect=COM5'), 'bootini.invalid-redirect', 2, 9, 13);
    assert.match(d.message, /COM1, COM2, COM3, COM4 or USEBIOSSETTINGS/);
    diagAt(SAMPLE.replace('timeout=30', 'timeout=30\r\nredirectbaudrate=38400'), 'bootini.invalid-redirect', 2, 17, 22);
    for (const v of ['COM1', 'com4', 'UseBiosSettings']) noCode(SAMPLE.replace('timeout=30', `timeout=30\r\nredirect=${v}`), 'bootini.invalid-redirect');
    for (const v of ['9600', '19200', '57600', '115200']) noCode(SAMPLE.replace('timeout=30', `timeout=30\r\nredirectbaudrate=${v}`), 'bootini.invalid-redirect');
  });

  it('default-not-found: fires when default names no entry; letter case does not matter', () => {
    const text = SAMPLE.replace('default=multi(0)disk(0)rdisk(0)partition(1)', 'default=multi(0)disk(0)rdisk(0)partition(2)');
    const d = diagAt(text, 'bootini.default-not-found', 2, 8, 51);
    assert.match(d.message, /did you mean multi\(0\)disk\(0\)rdisk\(0\)partition\(1\)\\WINDOWS\?/);
    diagAt(SAMPLE.replace(`default=${PATH}`, 'default='), 'bootini.default-not-found', 2, 7, 8);
    clean(SAMPLE.replace(`default=${PATH}`, `default=${PATH.toUpperCase()}`));
    clean(SAMPLE.replace(`default=${PATH}`, 'default=MULTI(0)DISK(0)RDISK(0)PARTITION(1)\\windows'));
    // A drive-path entry can be the default too.
    clean(bootIni(`${W2003} /fastdetect`, 'C:\\="Microsoft Windows"').replace(`default=${PATH}`, 'default=c:\\'));
  });

  it('zero-timeout-default-not-windows: timeout=0 into the Recovery Console or another system, with the entry as related', () => {
    const RC = 'C:\\CMDCONS\\BOOTSECT.DAT';
    const rc = bootIni(`${W2003} /fastdetect`, `${RC}="Microsoft Windows Recovery Console" /cmdcons`).replace(`default=${PATH}`, `default=${RC.toLowerCase()}`);
    const text = rc.replace('timeout=30', 'timeout=0');
    const d = diagAt(text, 'bootini.zero-timeout-default-not-windows', 1, 8, 9);
    assert.strictEqual(d.severity, 'warning');
    assert.match(d.message, /"Microsoft Windows Recovery Console", which is not Windows/);
    assert.match(d.message, /without showing the menu/);
    assert.deepStrictEqual(d.related?.map((r) => [r.range.start.line, r.message]), [[5, 'The entry default= names']]);
    assert.deepStrictEqual(codes(text), ['bootini.zero-timeout-default-not-windows']);
    // Another system on a drive path, and timeout=00.
    const other = bootIni(`${W2003} /fastdetect`, 'C:\\="Microsoft Windows 98"').replace(`default=${PATH}`, 'default=C:\\').replace('timeout=30', 'timeout=00');
    one(other, 'bootini.zero-timeout-default-not-windows');
    // Silent: a menu that waits, a Windows default with timeout=0, -1, a default= that names nothing (its own finding).
    noCode(rc, 'bootini.zero-timeout-default-not-windows');
    noCode(rc.replace('timeout=30', 'timeout=-1'), 'bootini.zero-timeout-default-not-windows');
    clean(SAMPLE.replace('timeout=30', 'timeout=0'));
    noCode(text.replace(`default=${RC.toLowerCase()}`, 'default=C:\\NOWHERE'), 'bootini.zero-timeout-default-not-windows');
    // Set twice, which value counts is not documented: not judged (duplicate-key says so).
    assert.deepStrictEqual(codes(text.replace('timeout=0', 'timeout=0\r\ntimeout=30')), ['bootini.duplicate-key']);
  });
});
