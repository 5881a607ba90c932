/** Property test: any text parses without throwing, and every service answers in range. */
import * as assert from 'assert';
import fc from 'fast-check';
import { splitLines } from '../../../../server/src/core/text';
import { Range } from '../../../../server/src/core/types';
import { ldifLanguage } from '../../../../server/src/languages/ldif';

const fragment = fc.constantFrom('dn: ', 'dn:: ', 'CN=x,DC=y', '\n', '\r\n', '\r', '\n ', ' ', ':', '::', ':<', '-\n', '#', 'changetype: modify\n', 'changetype: add\n', 'replace: ', 'delete: ', 'add: ', 'msExchDynamicDLFilter: ', 'msExchDynamicDLFilter:: ', '(&(mailNickname=*)(dep', 'artmnt=x))', '(&(', 'objectCategory=', '\n-\n', 'changetype:', 'msExchESEParamLogBuffers: 9001', 'msExchESEParamMaxOpenTables', 'msExchMailboxFolderSet: ', 'msExchPreferredBackfillSource: ', 'msExchDynamicDLBaseDN: ', 'SGVsbG8=', '\\', '\\2', '=', ',', '+', '\uD800', '😀', 'version: 1\n');
const ldif = fc.array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((p) => p.join(''));

function inRange(r: Range, lines: string[], what: string): void {
  const { start, end } = r;
  assert.ok(start.line >= 0 && start.line < lines.length && end.line < lines.length, `${what}: lines ${start.line}-${end.line} of ${lines.length}`);
  assert.ok(start.character >= 0 && start.character <= lines[start.line].length, `${what}: start ${start.character}`);
  assert.ok(end.character >= 0 && end.character <= lines[end.line].length, `${what}: end ${end.character}`);
  assert.ok(end.line > start.line || end.character >= start.character, `${what}: reversed`);
}

describe('ldif: properties', () => {
  it('never throws and answers in range for any text: diagnostics, fixes, hover, completion, symbols, folding', () => {
    fc.assert(
      fc.property(ldif, fc.nat(40), fc.nat(80), (text, line, character) => {
        const doc = ldifLanguage.parse(text);
        const { lines } = splitLines(text);
        for (const d of ldifLanguage.validate(doc)) {
          inRange(d.range, lines, d.code);
          for (const f of ldifLanguage.fixes!(doc, d)) for (const e of f.edits) inRange(e.range, lines, `fix ${d.code}`);
        }
        const h = ldifLanguage.hover(doc, { line, character });
        if (h) inRange(h.range, lines, 'hover');
        for (const c of ldifLanguage.complete!(doc, { line, character })) {
          const r = c.range!;
          inRange(r, lines, `completion ${c.label}`);
          const ch = Math.min(character, lines[line]?.length ?? 0);
          assert.ok(r.start.line === line && r.end.line === line && r.start.character <= ch && ch <= r.end.character, `completion ${c.label}: ${JSON.stringify(r)} does not hold ${line}:${ch}`);
        }
        for (const s of ldifLanguage.symbols(doc)) inRange(s.range, lines, 'symbol');
        for (const f of ldifLanguage.folding(doc)) assert.ok(f.endLine < lines.length && f.startLine < f.endLine);
      }),
      { numRuns: 500 },
    );
  });
});
