import * as assert from 'assert';
import { bootiniLanguage } from '../../../../server/src/languages/bootini';
import { bootIni, PATH, W2003 } from '../../../helpers/bootini';

describe('bootini: outline and folding', () => {
  const text = bootIni(`${W2003} /fastdetect /3GB /USERVA=3030`, '', 'C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons', '', '');
  const doc = bootiniLanguage.parse(text);

  it('has one symbol per section, with the settings and one symbol per entry as children', () => {
    const symbols = bootiniLanguage.symbols(doc);
    assert.deepStrictEqual(
      symbols.map((s) => [s.name, s.kind, s.range.start.line, s.range.end.line]),
      [
        ['[boot loader]', 'namespace', 0, 2],
        ['[operating systems]', 'namespace', 3, 6],
      ],
    );
    assert.deepStrictEqual(
      symbols[0].children!.map((c) => [c.name, c.detail, c.kind]),
      [
        ['timeout', '30', 'property'],
        ['default', PATH, 'property'],
      ],
    );
    const entries = symbols[1].children!;
    assert.deepStrictEqual(
      entries.map((c) => [c.name, c.detail, c.kind]),
      [
        ['Windows Server 2003, Enterprise', `${PATH} /fastdetect /3GB /USERVA=3030`, 'object'],
        ['Microsoft Windows Recovery Console', 'C:\\CMDCONS\\BOOTSECT.DAT /cmdcons', 'object'],
      ],
    );
    assert.deepStrictEqual(entries[0].selectionRange, { start: { line: 4, character: 44 }, end: { line: 4, character: 77 } });
    assert.deepStrictEqual(entries[0].range.start, { line: 4, character: 0 });
  });

  it('names an entry without a description by its path', () => {
    const symbols = bootiniLanguage.symbols(bootiniLanguage.parse(bootIni(`${PATH} /fastdetect`)));
    assert.strictEqual(symbols[1].children![0].name, PATH);
  });

  it('folds each section from its header to its last non-blank line', () => {
    assert.deepStrictEqual(bootiniLanguage.folding(doc), [
      { startLine: 0, endLine: 2 },
      { startLine: 3, endLine: 6 },
    ]);
    assert.deepStrictEqual(bootiniLanguage.folding(bootiniLanguage.parse('[boot loader]\r\n\r\n[operating systems]\r\n')), []);
  });
});
