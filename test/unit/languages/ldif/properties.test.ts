/** Property test: any text parses without throwing, and every service answers in range. */
import * as assert from 'assert';
import { assertInRange } from '../../../helpers/ranges';
import fc from 'fast-check';
import { splitLines } from '../../../../server/src/core/text';
import { ldifLanguage } from '../../../../server/src/languages/ldif';

const fragment = fc.constantFrom('dn: ', 'dn:: ', 'CN=x,DC=y', '\n', '\r\n', '\r', '\n ', ' ', ':', '::', ':<', '-\n', '#', 'changetype: modify\n', 'changetype: add\n', 'replace: ', 'delete: ', 'add: ', 'msExchDynamicDLFilter: ', 'msExchDynamicDLFilter:: ', '(&(mailNickname=*)(dep', 'artmnt=x))', '(&(', 'objectCategory=', '\n-\n', 'changetype:', 'msExchESEParamLogBuffers: 9001', 'msExchESEParamMaxOpenTables', 'msExchMailboxFolderSet: ', 'msExchPreferredBackfillSource: ', 'msExchDynamicDLBaseDN: ', 'SGVsbG8=', 'protocolSettings: MAPI\u00a70\u00a7', 'protocolSettings:: TUFQScKnMMKnMQ==', '\u00a7', ' \n', '${X}', '<A B>', 'changetype: ntdsSchemaModify\n', 'msExchESEParamCacheSizeMax: 1', 'msExchESEParamCacheSizeMin: ', 'msExchInterOrgAddressType: ', '\\', '\\2', '=', ',', '+', '\uD800', '😀', 'version: 1\n');
const ldif = fc.array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((p) => p.join(''));


describe('ldif: properties', () => {
  it('never throws and answers in range for any text: diagnostics, fixes, hover, completion, symbols, folding', () => {
    fc.assert(
      fc.property(ldif, fc.nat(40), fc.nat(80), (text, line, character) => {
        const doc = ldifLanguage.parse(text);
        const { lines } = splitLines(text);
        for (const d of ldifLanguage.validate(doc)) {
          assertInRange(d.range, lines, d.code);
          for (const f of ldifLanguage.fixes!(doc, d)) for (const e of f.edits) assertInRange(e.range, lines, `fix ${d.code}`);
        }
        const h = ldifLanguage.hover(doc, { line, character });
        if (h) assertInRange(h.range, lines, 'hover');
        for (const c of ldifLanguage.complete!(doc, { line, character })) {
          const r = c.range!;
          assertInRange(r, lines, `completion ${c.label}`);
          const ch = Math.min(character, lines[line]?.length ?? 0);
          assert.ok(r.start.line === line && r.end.line === line && r.start.character <= ch && ch <= r.end.character, `completion ${c.label}: ${JSON.stringify(r)} does not hold ${line}:${ch}`);
        }
        for (const s of ldifLanguage.symbols(doc)) assertInRange(s.range, lines, 'symbol');
        for (const f of ldifLanguage.folding(doc)) assert.ok(f.endLine < lines.length && f.startLine < f.endLine);
      }),
      { numRuns: 500 },
    );
  });
});
