import * as assert from 'assert';
import { parse } from '../../../helpers/bootini';

describe('bootini: parser', () => {
  it('reads sections (any letter case), settings and entries with exact positions', () => {
    const doc = parse(
      [
        '; written by Setup',
        '[Boot Loader]',
        'timeout = 30',
        'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS',
        '[OPERATING SYSTEMS]',
        'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect /USERVA=3030 /safeboot:minimal',
        'C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons',
      ].join('\r\n'),
    );
    assert.deepStrictEqual(
      doc.records.map((r) => r.kind),
      ['comment', 'header', 'setting', 'setting', 'header', 'entry', 'entry'],
    );
    assert.deepStrictEqual(
      doc.sections.map((s) => [s.kind, s.name, s.line, s.nameStart, s.nameEnd, s.close, s.lastLine]),
      [
        ['boot loader', 'Boot Loader', 1, 1, 12, 12, 3],
        ['operating systems', 'OPERATING SYSTEMS', 4, 1, 18, 18, 6],
      ],
    );
    const [timeout, def] = doc.settings;
    assert.deepStrictEqual([timeout.key, timeout.keyStart, timeout.keyEnd, timeout.eq, timeout.value, timeout.valueStart, timeout.valueEnd], ['timeout', 0, 7, 8, '30', 10, 12]);
    assert.strictEqual(def.value, 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS');
    const e = doc.entries[0];
    assert.deepStrictEqual([e.path, e.pathStart, e.pathEnd, e.eq, e.description, e.descStart, e.descEnd, e.quoted, e.closed], [
      'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS',
      0,
      43,
      43,
      'Windows Server 2003, Enterprise',
      44,
      77,
      true,
      true,
    ]);
    assert.deepStrictEqual(
      e.switches.map((s) => [s.name, s.start, s.end, s.nameStart, s.nameEnd, s.separator, s.value, s.valueStart, s.valueEnd]),
      [
        ['fastdetect', 78, 89, 79, 89, undefined, undefined, 89, 89],
        ['USERVA', 90, 102, 91, 97, '=', '3030', 98, 102],
        ['safeboot', 103, 120, 104, 112, ':', 'minimal', 113, 120],
      ],
    );
    assert.strictEqual(e.pathInfo.kind, 'arc');
    const rc = doc.entries[1];
    assert.strictEqual(rc.pathInfo.kind, 'drive');
    assert.deepStrictEqual(rc.switches.map((s) => s.name), ['cmdcons']);
  });

  it('splits the ARC path into its parts with the positions of their numbers', () => {
    const doc = parse('[operating systems]\n  signature(8b467c12)disk(1)rdisk(0)partition(2)\\winnt="x"');
    const info = doc.entries[0].pathInfo;
    assert.strictEqual(info.kind, 'arc');
    if (info.kind !== 'arc') return;
    assert.deepStrictEqual(
      info.parts.map((p) => [p.name, p.value, p.start, p.end, p.valueStart, p.valueEnd]),
      [
        ['signature', '8b467c12', 2, 21, 12, 20],
        ['disk', '1', 21, 28, 26, 27],
        ['rdisk', '0', 28, 36, 34, 35],
        ['partition', '2', 36, 48, 46, 47],
      ],
    );
    assert.deepStrictEqual([info.folder, info.folderStart, info.folderEnd], ['\\winnt', 48, 54]);
  });

  it('keeps a description with slashes whole and reads switches glued to the closing quote', () => {
    const doc = parse('[operating systems]\nmulti(0)disk(0)rdisk(0)partition(1)\\WINDOWS="A / B /3GB"/3GB');
    const e = doc.entries[0];
    assert.strictEqual(e.description, 'A / B /3GB');
    assert.deepStrictEqual(e.switches.map((s) => s.name), ['3GB']);
  });

  it('reads an entry without a description (its switches still count) and words that are not switches', () => {
    const doc = parse('[operating systems]\nmulti(0)disk(0)rdisk(0)partition(1)\\WINDOWS /USERVA=3030 3GB');
    const e = doc.entries[0];
    assert.strictEqual(e.eq, undefined);
    assert.strictEqual(e.path, 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS');
    assert.deepStrictEqual(e.switches.map((s) => [s.name, s.value]), [['USERVA', '3030']]);
    assert.deepStrictEqual(e.stray.map((s) => [s.text, s.start, s.end]), [['3GB', 57, 60]]);
  });

  it('reads switches right after "=" when the description is missing', () => {
    const e = parse('[operating systems]\nmulti(0)disk(0)rdisk(0)partition(1)\\WINDOWS= /fastdetect /3GB').entries[0];
    assert.strictEqual(e.description, undefined);
    assert.deepStrictEqual(e.switches.map((s) => s.name), ['fastdetect', '3GB']);
  });

  it('reads an unterminated description to the end of the line, without switches', () => {
    const doc = parse('[operating systems]\nC:\\="MS-DOS /win95');
    const e = doc.entries[0];
    assert.deepStrictEqual([e.quoted, e.closed, e.description, e.switches.length], [true, false, 'MS-DOS /win95', 0]);
  });

  it('marks lines outside sections, in unknown sections, and lines that are neither setting nor entry', () => {
    const doc = parse('timeout=3\n[boot loader]\nnonsense\n[junk]\nwhatever=1\n[operating systems]\nhello world\n[boot loader\n');
    assert.deepStrictEqual(
      doc.records.map((r) => r.kind),
      ['outside', 'header', 'invalid', 'header', 'ignored', 'header', 'invalid', 'header', 'blank'],
    );
    assert.strictEqual(doc.sections[3].close, -1);
    assert.strictEqual(doc.sections[3].kind, 'boot loader');
    assert.strictEqual(doc.sections[3].repeats, 0);
    assert.deepStrictEqual(doc.records[7].problem, { start: 0, end: 12, what: 'missing-bracket' });
  });

  it('handles empty text, lone CRs and every line ending', () => {
    assert.strictEqual(parse('').lineCount, 1);
    const doc = parse('[boot loader]\rtimeout=1\ndefault=C:\\\r\n');
    assert.deepStrictEqual(doc.settings.map((s) => s.line), [1, 2]);
    assert.strictEqual(parse('a\r\nb\r\n').eol(), '\r\n');
    assert.strictEqual(parse('a\nb\n').eol(), '\n');
  });
});
