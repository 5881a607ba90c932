import * as assert from 'assert';
import { scanHeader, scanSetting, skipBlanks, trimBlanksEnd } from '../../../server/src/core/ini';

describe('core: INI lines (boot.ini and answer files)', () => {
  it('trims blanks (space and tab) but nothing else', () => {
    assert.strictEqual(skipBlanks(' \t x '), 3);
    assert.strictEqual(skipBlanks('   '), 3);
    assert.strictEqual(trimBlanksEnd('x \t', 3), 1);
    assert.strictEqual(trimBlanksEnd('   ', 3, 2), 2, 'not before from');
    assert.strictEqual(skipBlanks('\u00a0x'), 0, 'a no-break space is not a blank');
  });

  it('finds the brackets of a header, and the end of the text when "]" is missing', () => {
    assert.deepStrictEqual(scanHeader('  [boot loader] ; x', 2), { close: 14, innerStart: 3, innerEnd: 14 });
    assert.deepStrictEqual(scanHeader('[Licensing  \t', 0), { close: -1, innerStart: 1, innerEnd: 10 });
    assert.deepStrictEqual(scanHeader('[', 0), { close: -1, innerStart: 1, innerEnd: 1 });
  });

  it('reads key and value trimmed, with exact positions', () => {
    assert.deepStrictEqual(scanSetting('  timeout = 30 \t', 4, 0, 2, 10), {
      line: 4,
      section: 0,
      key: 'timeout',
      keyStart: 2,
      keyEnd: 9,
      eq: 10,
      value: '30',
      valueStart: 12,
      valueEnd: 14,
    });
    const empty = scanSetting('Key=   ', 0, 1, 0, 3);
    assert.deepStrictEqual([empty.value, empty.valueStart, empty.valueEnd], ['', 7, 7]);
    const noKey = scanSetting('  =x', 0, 1, 2, 2);
    assert.deepStrictEqual([noKey.key, noKey.keyStart, noKey.keyEnd], ['', 2, 2], 'the key range never ends before it starts');
    const semicolon = scanSetting('Path=C:\\a;b', 0, 0, 0, 4);
    assert.strictEqual(semicolon.value, 'C:\\a;b', 'a ";" inside a value belongs to it');
  });
});
