/**
 * The answer-file parser, pinned by whole results: each line the parser cannot read gets its own case with the complete
 * diagnostic list of the file (code, severity, range and message, which carries what the parser found), under CRLF, LF
 * and bare CR line ends alike; and the document's queries (the settings of a section, the section of a line) that
 * the rules, completion and hover build on.
 */
import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
import { setupiniLanguage } from '../../../../server/src/languages/setupini';
import { SetupIniDocument } from '../../../../server/src/languages/setupini/parse';
import { diagnose, FORCED, ini } from '../../../helpers/setupini';

type Finding = [string, string, number, number, number, string];

function all(ds: Diagnostic[]): Finding[] {
  return ds.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message] as Finding);
}

const W = 'warning';
const IGNORED = ' Setup ignores a line it cannot read as a header or a key=value setting.';
const OUTSIDE = ' Setup reads settings only inside a [section]; this line is ignored.';
const NO_EQ = 'The line has no "=": it is not a key=value setting.';
const NO_KEY = 'The setting has no key before "=".';

/** [what, lines, complete findings]: files of the Exchange 2000/2003 format ([Exchange]), so no catalog check adds to them. */
const CASES: [string, string[], Finding[]][] = [
  ['a header without its closing "]"', ['[Exchange', 'Action=Install'], [['setupini.invalid-line', W, 0, 0, 9, `The section header has no closing "]".${IGNORED}`]]],
  ['a header without "]", indented and followed by blanks', ['  [Exchange  ', 'Action=Install'], [['setupini.invalid-line', W, 0, 2, 11, `The section header has no closing "]".${IGNORED}`]]],
  ['text after the closing "]"', ['[Exchange] junk', 'Action=Install'], [['setupini.invalid-line', W, 0, 11, 15, `Text after the closing "]" of the section header.${IGNORED}`]]],
  ['an empty header "[]"', ['[]', 'Action=Install', '[Exchange]'], []],
  ['a comment after the closing "]"', ['[Exchange] ; the only section', 'Action=Install'], []],
  ['a line without "=" in a section', ['[Exchange]', 'Action Install'], [['setupini.invalid-line', W, 1, 0, 14, `${NO_EQ}${IGNORED}`]]],
  ['a one-letter key', ['[Exchange]', 'a=1', 'b ='], []],
  ['a setting without a key', ['[Exchange]', '=Install'], [['setupini.invalid-line', W, 1, 0, 8, `${NO_KEY}${IGNORED}`]]],
  ['an indented setting without a key', ['[Exchange]', '  = Install '], [['setupini.invalid-line', W, 1, 2, 11, `${NO_KEY}${IGNORED}`]]],
  ['a line without "=" before the first header', ['Action Install', '[Exchange]'], [['setupini.outside-section', W, 0, 0, 14, `${NO_EQ}${OUTSIDE}`]]],
  ['a setting without a key before the first header', ['=Install', '[Exchange]'], [['setupini.outside-section', W, 0, 0, 8, `${NO_KEY}${OUTSIDE}`]]],
  ['a setting before the first header', [' Action=Install ', '[Exchange]'], [['setupini.outside-section', W, 0, 1, 15, `A setting before the first section header.${OUTSIDE}`]]],
  ['a blank line and a comment before the first header', ['', '; Exchange answer file', '[Exchange]', 'Action=Install'], []],
];

const EOLS: [string, string][] = [
  ['CRLF', '\r\n'],
  ['LF', '\n'],
  ['CR', '\r'],
];

describe('setupini parser: whole results', () => {
  for (const [eolName, eol] of EOLS) {
    describe(`${eolName} line ends`, () => {
      for (const [what, lines, findings] of CASES) {
        it(what, () => {
          assert.deepStrictEqual(all(diagnose([...lines, ''].join(eol))), findings);
        });
      }
    });
  }

  it('section names match without regard to letter case only: [Straße] and [STRASSE] are two sections', () => {
    // Windows compares INI names character by character; no rule of the sources folds "ß" into "SS".
    const text = ini('[Straße]', 'a=1', '[STRASSE]', 'b=2', '[straße]', 'c=3');
    const doc = SetupIniDocument.parse(text);
    assert.deepStrictEqual(
      doc.sections.map((s) => [s.name, s.repeats]),
      [
        ['Straße', undefined],
        ['STRASSE', undefined],
        ['straße', 0],
      ],
    );
    assert.deepStrictEqual(all(diagnose(text)), [
      ['setupini.duplicate-section', W, 4, 0, 8, '[straße] appears a second time, and the sources do not say whether Setup reads the first, the last or both. Merge them into one.'],
    ]);
  });
});

describe('setupini parser: document queries', () => {
  const doc = SetupIniDocument.parse(ini('[Paths]', 'PerSeat=True', '[Licensing]', 'perseat=False', '[licensing]', 'PerServer=True'));

  it('settingsIn and find read only the sections of that name (any case), in file order', () => {
    assert.deepStrictEqual(
      doc.settingsIn('LICENSING').map((s) => [s.line, s.key]),
      [
        [3, 'perseat'],
        [5, 'PerServer'],
      ],
    );
    assert.deepStrictEqual(doc.settingsIn('Paths').map((s) => s.key), ['PerSeat']);
    assert.deepStrictEqual(doc.settingsIn('Site'), []);
    assert.strictEqual(doc.find('Licensing', 'PERSEAT')?.value, 'False');
    assert.strictEqual(doc.find('Paths', 'PerServer'), undefined);
  });

  it('sectionAt gives the section of a line, and -1 before the first header or beyond the last line', () => {
    const d = SetupIniDocument.parse(ini('; head', '[Paths]', 'ServerDest=C:\\exchsrvr', '[Site]'));
    assert.deepStrictEqual([0, 1, 2, 3, 4].map((l) => d.sectionAt(l)), [-1, 0, 0, 1, 1]);
    assert.strictEqual(d.lineCount, 5);
    assert.strictEqual(d.sectionAt(5), -1);
    assert.strictEqual(d.sectionAt(100), -1);
    assert.strictEqual(d.sectionAt(-1), -1);
  });

  it('a licensing key in another section does not set the licensing mode (no-license-mode fires)', () => {
    const text = ini('[Components]', 'Services=True', '[Paths]', 'ServerDest=C:\\exchsrvr', 'PerSeat=True');
    assert.deepStrictEqual(
      all(diagnose(text)).map((f) => f.slice(0, 5)),
      [
        ['setupini.unknown-key', 'hint', 4, 0, 7],
        ['setupini.no-license-mode', W, 1, 0, 13],
      ],
    );
  });

  it('completion offers a [Licensing] key that only another section sets', () => {
    const text = ini('[Paths]', 'ServerDest=C:\\exchsrvr', 'PerSeat=True', '[Licensing]', 'PerServer=True', '');
    const labels = setupiniLanguage.complete!(setupiniLanguage.parse(text), { line: 5, character: 0 }, FORCED).map((c) => c.label);
    assert.ok(labels.includes('PerSeat'), labels.join(', '));
    assert.ok(!labels.includes('PerServer'), labels.join(', '));
  });
});
