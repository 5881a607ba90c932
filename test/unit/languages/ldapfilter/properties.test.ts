/** Property tests: any text parses without throwing, and every service answers in range. */
import * as assert from 'assert';
import { assertInRange } from '../../../helpers/ranges';
import fc from 'fast-check';
import { splitLines } from '../../../../server/src/core/text';
import { ldapfilterLanguage } from '../../../../server/src/languages/ldapfilter';
import { context } from '../../../helpers/ldapfilter';

const fragment = fc.constantFrom('(', ')', '&', '|', '!', '=', '~=', '>=', '<=', '>', ':', ':=', '*', '\\', '\\2a', '\\zz', ' ', '\t', '\r\n', '\n', '\r', '# c\n', 'cn', 'mailNickname', 'department', 'employeeType', 'manager', 'objectCategory=person', '1.2.840.113556.1.4.803', '1.2.840.113556.1.4.1941', 'SystemMailbox{*}', '0x2', '2', 'dn', '\0', '\uD800', '😀');
const ldapText = fc.array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((p) => p.join(''));


describe('ldapfilter: properties', () => {
  it('never throws and answers in range for any text: diagnostics, fixes, hover, completion, symbols, folding', () => {
    const options = [{}, context({ extraGcAttributes: ['employeeType'] })];
    fc.assert(
      fc.property(ldapText, fc.constantFrom(...options), (text, opts) => {
        const doc = ldapfilterLanguage.parse(text);
        const { lines } = splitLines(text);
        const diags = ldapfilterLanguage.validate(doc, opts);
        for (const d of diags) {
          assert.ok(d.code.startsWith('ldapfilter.') && d.message.length > 0);
          assertInRange(d.range, lines, d.code);
          for (const r of d.related ?? []) assertInRange(r.range, lines, `${d.code} related`);
          for (const f of ldapfilterLanguage.fixes!(doc, d)) for (const e of f.edits) assertInRange(e.range, lines, `fix of ${d.code}`);
        }
        const walk = [...ldapfilterLanguage.symbols(doc)];
        while (walk.length) {
          const s = walk.pop()!;
          assertInRange(s.range, lines, 'symbol');
          assertInRange(s.selectionRange, lines, 'symbol selection');
          walk.push(...(s.children ?? []));
        }
        for (const f of ldapfilterLanguage.folding(doc)) assert.ok(f.startLine < f.endLine && f.endLine < lines.length);
        for (let line = 0; line < lines.length; line++) {
          for (const character of [0, 1, Math.floor(lines[line].length / 2), lines[line].length]) {
            const h = ldapfilterLanguage.hover(doc, { line, character }, opts);
            if (h) assertInRange(h.range, lines, 'hover');
            for (const item of ldapfilterLanguage.complete!(doc, { line, character }, opts)) if (item.range) assertInRange(item.range, lines, `completion ${item.label}`);
          }
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('never throws on arbitrary strings, including lone surrogates and NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const doc = ldapfilterLanguage.parse(text);
        const { lines } = splitLines(text);
        for (const d of ldapfilterLanguage.validate(doc)) assertInRange(d.range, lines, d.code);
      }),
      { numRuns: 300 },
    );
  });
});
