/**
 * Fix-all on a real UTF-16LE CRLF export: the result is byte-exact what the golden file says, and only the lines
 * that held problems changed. Regenerate the golden file with UPDATE_GOLDEN=1 and review the diff.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeBytes } from '../../../../server/src/core/encoding';
import { fixAllEdits } from '../../../../server/src/core/fixAll';
import { regLanguage } from '../../../../server/src/languages/reg';
import { applyEdits } from '../../../helpers/reg';

const DIR = path.join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'reg', 'upgrade');

function encodeLike(text: string, original: Uint8Array): Buffer {
  const bom = original[0] === 0xff && original[1] === 0xfe;
  const body = Buffer.from(text, bom ? 'utf16le' : 'latin1');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

describe('reg: fix-all on a UTF-16LE CRLF export', () => {
  const before = fs.readFileSync(path.join(DIR, 'before.reg'));
  const decoded = decodeBytes(before);
  const doc = regLanguage.parse(decoded.text, { decoded });
  const diags = regLanguage.validate(doc, { decoded });
  const edits = fixAllEdits(regLanguage, doc, diags);
  const fixedText = applyEdits(decoded.text, edits);
  const fixedBytes = encodeLike(fixedText, before);

  it('matches the golden file byte for byte', () => {
    const golden = path.join(DIR, 'after.reg');
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, fixedBytes);
    assert.ok(fixedBytes.equals(fs.readFileSync(golden)), 'fix-all result differs from after.reg (UPDATE_GOLDEN=1 regenerates it)');
  });

  it('keeps the byte order mark, CRLF line endings and every other line', () => {
    assert.deepStrictEqual([...fixedBytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.ok(!/[^\r]\n/.test(fixedText) && !/\r[^\n]/.test(fixedText), 'only CRLF line breaks');
    const oldLines = decoded.text.split('\r\n');
    const newLines = fixedText.split('\r\n');
    assert.strictEqual(newLines.length, oldLines.length, 'fix-all turns values into deletion entries, it removes no line');
    const changed = oldLines.map((l, i) => (l === newLines[i] ? -1 : i)).filter((i) => i >= 0);
    const fixedLines = [...new Set(edits.map((e) => e.range.start.line))].sort((a, b) => a - b);
    assert.deepStrictEqual(changed, fixedLines);
  });

  it('leaves nothing that a preferred fix could still fix', () => {
    const again = regLanguage.parse(fixedText, { decoded: { ...decoded, text: fixedText } });
    const left = regLanguage.validate(again, { decoded });
    assert.deepStrictEqual(fixAllEdits(regLanguage, again, left), []);
    assert.ok(!left.some((d) => d.code === 'reg.deprecated-e2k-tuning'));
  });
});
