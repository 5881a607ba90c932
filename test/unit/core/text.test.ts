import * as assert from 'assert';
import fc from 'fast-check';
import { trimEndChars, trimStartChars } from '../../../server/src/core/text';

describe('core: trimming runs of characters', () => {
  it('removes trailing and leading characters of the set, as /[set]+$/ and /^[set]+/ do', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\\', 'x', '\0', '/') }), (s) => {
        assert.strictEqual(trimEndChars(s, ' \t'), s.replace(/[ \t]+$/, ''));
        assert.strictEqual(trimEndChars(s, '\\'), s.replace(/\\+$/, ''));
        assert.strictEqual(trimEndChars(s, '\0'), s.replace(/\0+$/, ''));
        assert.strictEqual(trimStartChars(s, '/'), s.replace(/^\/+/, ''));
      }),
    );
  });

  it('handles a run of 1,000,000 blanks followed by another character', () => {
    const s = `${' '.repeat(1_000_000)}x${' '.repeat(1_000_000)}`;
    assert.strictEqual(trimEndChars(s, ' \t').length, 1_000_001);
    assert.strictEqual(trimStartChars(s, ' ').length, 1_000_001);
  });
});
