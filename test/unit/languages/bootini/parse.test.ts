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

describe('bootini: parser, whole parts', () => {
  const OS = '[operating systems]';
  const WIN = 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS';

  /** The entry of the line after [operating systems], every field but the path's parts. */
  function entryOf(line: string): unknown {
    const doc = parse(`${OS}\r\n${line}`);
    const r = doc.records[1];
    if (r.kind !== 'entry') return { kind: r.kind, problem: r.problem };
    const e = r.entry!;
    return {
      path: [e.path, e.pathStart, e.pathEnd, e.pathInfo.kind],
      eq: e.eq,
      description: [e.description, e.descStart, e.descEnd, e.quoted, e.closed],
      switches: e.switches.map((s) => [s.name, s.start, s.end, s.nameStart, s.nameEnd, s.separator, s.value, s.valueStart, s.valueEnd]),
      stray: e.stray.map((s) => [s.text, s.start, s.end]),
      contentEnd: e.contentEnd,
    };
  }

  it('eol(): the line break the file uses most; ties go to CRLF, then LF; CRLF when there is none', () => {
    const cases: [string, string][] = [
      ['abc', '\r\n'],
      ['a\r\nb\r\nc\nd', '\r\n'],
      ['a\r\nb\nc', '\r\n'],
      ['a\r\nb\rc', '\r\n'],
      ['a\r\nb\r\nc\rd', '\r\n'],
      ['a\nb\rc', '\n'],
      ['a\nb\n', '\n'],
      ['a\rb\rc\nd', '\r'],
      ['a\rb\r\nc\rd\r\ne\r', '\r'],
    ];
    for (const [text, eol] of cases) assert.strictEqual(parse(text).eol(), eol, JSON.stringify(text));
  });

  it('a repeated section of a known kind names the first; unknown sections never repeat', () => {
    const doc = parse('[junk]\n[JUNK]\n[boot loader]\n[Boot Loader]\n[operating systems]\n[Operating Systems] ; again');
    assert.deepStrictEqual(
      doc.sections.map((s) => [s.kind, s.repeats, s.close]),
      [
        ['unknown', undefined, 5],
        ['unknown', undefined, 5],
        ['boot loader', undefined, 12],
        ['boot loader', 2, 12],
        ['operating systems', undefined, 18],
        ['operating systems', 4, 18],
      ],
    );
    assert.deepStrictEqual(doc.records[5].problem, { start: 20, end: 27, what: 'trailing-text' });
    assert.deepStrictEqual(doc.records.map((r) => r.problem), [undefined, undefined, undefined, undefined, undefined, { start: 20, end: 27, what: 'trailing-text' }]);
    assert.strictEqual(doc.firstSection('boot loader'), doc.sections[2]);
    assert.strictEqual(doc.firstSection('operating systems'), doc.sections[4]);
  });

  it('a [boot loader] line starting with "=" is a setting without a name; a line without "=" is not a setting', () => {
    const doc = parse('[boot loader]\n=30\n  timeout 30  ');
    assert.deepStrictEqual(doc.settings.map((s) => [s.key, s.keyStart, s.keyEnd, s.eq, s.value]), [['', 0, 0, 0, '30']]);
    assert.deepStrictEqual(doc.records[2], { kind: 'invalid', section: 0, problem: { start: 2, end: 12, what: 'setting-without-equals' } });
  });

  it('an entry without "=" must start like a path (any letter case); a path alone runs to the end of the line', () => {
    assert.deepStrictEqual(entryOf(`boot ${WIN} /fastdetect`), { kind: 'invalid', problem: { start: 0, end: 60, what: 'entry-without-equals' } });
    assert.deepStrictEqual(entryOf(`MULTI(0)disk(0)rdisk(0)partition(1)\\WINDOWS /3GB`), {
      path: ['MULTI(0)disk(0)rdisk(0)partition(1)\\WINDOWS', 0, 43, 'arc'],
      eq: undefined,
      description: [undefined, 43, 43, false, false],
      switches: [['3GB', 44, 48, 45, 48, undefined, undefined, 48, 48]],
      stray: [],
      contentEnd: 48,
    });
    assert.deepStrictEqual(entryOf('C:\\CMDCONS\\BOOTSECT.DAT'), {
      path: ['C:\\CMDCONS\\BOOTSECT.DAT', 0, 23, 'drive'],
      eq: undefined,
      description: [undefined, 23, 23, false, false],
      switches: [],
      stray: [],
      contentEnd: 23,
    });
  });

  it('an "=" after a switch belongs to the switch, not to the path', () => {
    assert.deepStrictEqual(entryOf(`${WIN}\t/USERVA=3030 x=y`), {
      path: [WIN, 0, 43, 'arc'],
      eq: undefined,
      description: [undefined, 43, 43, false, false],
      switches: [['USERVA', 44, 56, 45, 51, '=', '3030', 52, 56]],
      stray: [['x=y', 57, 60]],
      contentEnd: 60,
    });
  });

  it('an entry with nothing before "=" has an empty path at the "="', () => {
    const doc = parse(`${OS}\n  ="Windows" /fastdetect`);
    const e = doc.entries[0];
    assert.deepStrictEqual([e.path, e.pathStart, e.pathEnd, e.eq], ['', 2, 2, 2]);
    assert.deepStrictEqual(e.pathInfo, { kind: 'invalid', start: 2, end: 3, problem: 'the entry has no path before "="' });
  });

  it('blanks after "=" and no description: the empty description sits before the switches', () => {
    assert.deepStrictEqual(entryOf(`${WIN}=  /fastdetect  /3GB   `), {
      path: [WIN, 0, 43, 'arc'],
      eq: 43,
      description: [undefined, 46, 46, false, false],
      switches: [
        ['fastdetect', 46, 57, 47, 57, undefined, undefined, 57, 57],
        ['3GB', 59, 63, 60, 63, undefined, undefined, 63, 63],
      ],
      stray: [],
      contentEnd: 63,
    });
  });

  it('quoted, unterminated and unquoted descriptions, with the words and switches after them', () => {
    assert.deepStrictEqual(entryOf('C:\\ = "MS-DOS" junk /a=1 /b:2 /c= /'), {
      path: ['C:\\', 0, 3, 'drive'],
      eq: 4,
      description: ['MS-DOS', 6, 14, true, true],
      switches: [
        ['a', 20, 24, 21, 22, '=', '1', 23, 24],
        ['b', 25, 29, 26, 27, ':', '2', 28, 29],
        ['c', 30, 33, 31, 32, '=', '', 33, 33],
        ['', 34, 35, 35, 35, undefined, undefined, 35, 35],
      ],
      stray: [['junk', 15, 19]],
      contentEnd: 35,
    });
    assert.deepStrictEqual(entryOf('C:\\="MS-DOS /x  '), {
      path: ['C:\\', 0, 3, 'drive'],
      eq: 3,
      description: ['MS-DOS /x', 4, 14, true, false],
      switches: [],
      stray: [],
      contentEnd: 14,
    });
    assert.deepStrictEqual(entryOf('C:\\=MS-DOS 6.22  /win95 x'), {
      path: ['C:\\', 0, 3, 'drive'],
      eq: 3,
      description: ['MS-DOS 6.22', 4, 15, false, false],
      switches: [['win95', 17, 23, 18, 23, undefined, undefined, 23, 23]],
      stray: [['x', 24, 25]],
      contentEnd: 25,
    });
    assert.deepStrictEqual(entryOf('C:\\=MS-DOS'), {
      path: ['C:\\', 0, 3, 'drive'],
      eq: 3,
      description: ['MS-DOS', 4, 10, false, false],
      switches: [],
      stray: [],
      contentEnd: 10,
    });
  });
});
