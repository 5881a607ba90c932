/** Property tests: any text parses without throwing, and every service gives well-formed answers in range. */
import * as assert from 'assert';
import { assertInRange } from '../../../helpers/ranges';
import fc from 'fast-check';
import { DEFAULT_CONTEXT } from '../../../../server/src/core/catalog';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { AnalyzeOptions } from '../../../../server/src/core/language';
import { splitLines } from '../../../../server/src/core/text';
import { Diagnostic } from '../../../../server/src/core/types';
import { bootiniLanguage } from '../../../../server/src/languages/bootini';
import { completeAt } from '../../../../server/src/languages/bootini/complete';

const fragment = fc.constantFrom(
  '[boot loader]',
  '[operating systems]',
  '[Boot Loader',
  '[junk]',
  'timeout=30',
  'timeout=-1',
  'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS',
  'redirect=COM1',
  'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect /3GB',
  'multi(0)disk(0)rdisk(0)partition(1)\\WINNT="Microsoft Windows 2000 Server" /3GB /PAE /USERVA=3100',
  'signature(8b467c12)disk(1)rdisk(0)partition(2)\\winnt="x" /noexecute=optin /execute',
  'scsi(0)disk(0)rdisk(0)partition(0)\\WINDOWS="',
  'C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons',
  'C:\\="MS-DOS" /win95',
  ' /safeboot: minimal /',
  '/USERVA=',
  '="x"',
  '; comment',
  '"',
  '=',
  '/',
  '\\',
  '(',
  ')',
  ':',
  '\0',
  '\uD800',
  ' ',
  '\t',
  '',
);
const eol = fc.constantFrom('\r\n', '\n', '\r');
const bootText = fc
  .array(fc.tuple(fc.oneof(fragment, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 })), eol), { maxLength: 30 })
  .map((parts) => parts.map(([a, b]) => a + b).join(''));


function checkWellFormed(diags: Diagnostic[], text: string): void {
  const { lines } = splitLines(text);
  for (const d of diags) {
    assert.ok(d.code.startsWith('bootini.'));
    assert.ok(d.message.length > 0);
    assertInRange(d.range, lines, d.code);
    for (const r of d.related ?? []) assertInRange(r.range, lines, `${d.code} related`);
  }
}

const ROLES: AnalyzeOptions[] = [
  {},
  { exchange: { context: { ...DEFAULT_CONTEXT, role: 'mailbox', windowsVersion: '2003' }, registry: registryIndex() } },
  { exchange: { context: { ...DEFAULT_CONTEXT, role: 'front-end', windowsVersion: '2000' }, registry: registryIndex() } },
];

describe('bootini: properties', () => {
  it('never throws and answers in range for any text: diagnostics, fixes, hover, completion, symbols, folding', () => {
    fc.assert(
      fc.property(bootText, fc.constantFrom(...ROLES), (text, options) => {
        const doc = bootiniLanguage.parse(text);
        const { lines } = splitLines(text);
        const diags = bootiniLanguage.validate(doc, options);
        checkWellFormed(diags, text);
        for (const d of diags) for (const f of bootiniLanguage.fixes!(doc, d)) for (const e of f.edits) assertInRange(e.range, lines, `fix of ${d.code}`);
        for (const s of bootiniLanguage.symbols(doc)) {
          assertInRange(s.range, lines, 'symbol');
          for (const c of s.children ?? []) assertInRange(c.selectionRange, lines, 'child symbol');
        }
        for (const f of bootiniLanguage.folding(doc)) assert.ok(f.startLine < f.endLine && f.endLine < lines.length);
        for (let line = 0; line < lines.length; line++) {
          for (const character of [0, 1, Math.floor(lines[line].length / 2), lines[line].length]) {
            const h = bootiniLanguage.hover(doc, { line, character }, options);
            if (h) assertInRange(h.range, lines, 'hover');
            for (const item of completeAt(doc, { line, character }, options.exchange?.context ?? DEFAULT_CONTEXT)) if (item.range) assertInRange(item.range, lines, `completion ${item.label}`);
          }
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('never throws on arbitrary strings, including lone surrogates and NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const doc = bootiniLanguage.parse(text);
        checkWellFormed(bootiniLanguage.validate(doc), text);
      }),
      { numRuns: 300 },
    );
  });

  it('applying every preferred fix never makes a diagnostic of the fixed code reappear at the same place', () => {
    fc.assert(
      fc.property(bootText, (text) => {
        const doc = bootiniLanguage.parse(text);
        for (const d of bootiniLanguage.validate(doc)) {
          const fix = bootiniLanguage.fixes!(doc, d).find((f) => f.isPreferred);
          if (!fix || fix.edits.length !== 1 || fix.edits[0].range.start.line !== fix.edits[0].range.end.line) continue;
          // A preferred fix changes the text.
          const e = fix.edits[0];
          const line = splitLines(text).lines[e.range.start.line];
          assert.notStrictEqual(line.slice(e.range.start.character, e.range.end.character), e.newText, `${d.code}: ${fix.title}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
