import * as assert from 'assert';
import fc from 'fast-check';
import { decodeBytes } from '../../../../server/src/core/encoding';
import { setupiniLanguage } from '../../../../server/src/languages/setupini';
import { FORCED, ini } from '../../../helpers/setupini';

const fragment = fc.constantFrom('[Components]', '[Site', '[Licensing] x', 'Services=True', 'PerServer=True', 'AccountPassword=x', '=', ';c', 'SiteName=A', 'ProductKey=1', 'OrgName=a,b', '');
const eol = fc.constantFrom('\r\n', '\n', '\r');
const text = fc
  .array(fc.tuple(fc.oneof(fragment, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 })), eol), { maxLength: 30 })
  .map((parts) => parts.map(([a, b]) => a + b).join(''));

function analyseAll(t: string): void {
  const doc = setupiniLanguage.parse(t);
  const ds = [...setupiniLanguage.validate(doc), ...setupiniLanguage.validate(doc, FORCED)];
  for (const d of ds) {
    assert.ok(d.range.start.line < doc.lineCount && d.range.end.character <= doc.lines[d.range.end.line].length, d.code);
    assert.ok(d.range.start.character <= d.range.end.character, d.code);
    setupiniLanguage.fixes!(doc, d);
  }
  setupiniLanguage.symbols(doc);
  setupiniLanguage.folding(doc);
  for (let l = 0; l < Math.min(doc.lineCount, 5); l++) {
    setupiniLanguage.hover(doc, { line: l, character: 1 });
    setupiniLanguage.complete!(doc, { line: l, character: Math.min(3, doc.lines[l].length) });
  }
}

describe('setupini: bad input', () => {
  it('never throws, and every range lies inside the text (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        analyseAll(t);
      }),
      { numRuns: 300 },
    );
  });

  it('copes with binary junk, a 1 MB line, and UTF-16 files as the CLI decodes them', () => {
    analyseAll(String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65536)));
    const long = ini('[Components]', `Services=${'x'.repeat(1_000_000)}`, `[${'y'.repeat(1_000_000)}`);
    const ds = setupiniLanguage.validate(setupiniLanguage.parse(long), FORCED);
    assert.ok(ds.some((d) => d.code === 'setupini.invalid-boolean'));
    const body = ini('[Paths]', 'ServerDest=C:\\exchsrvr', '[ServiceAccount]', 'AccountPassword=secret');
    const decoded = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
    const codes = setupiniLanguage.validate(setupiniLanguage.parse(decoded.text, { decoded }), { decoded }).map((d) => d.code);
    assert.deepStrictEqual(codes, ['setupini.plain-text-secret']);
  });
});
