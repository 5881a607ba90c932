/** LDIF completion (each context firing and staying silent, exact ranges) and the hover on modify blocks and filters. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AnalyzeOptions, CompletionItem } from '../../../../server/src/core/language';
import { Range } from '../../../../server/src/core/types';
import { ldapfilterLanguage } from '../../../../server/src/languages/ldapfilter';
import { ldifLanguage } from '../../../../server/src/languages/ldif';
import { completeAt } from '../../../../server/src/languages/ldif/complete';
import { applyEdits, context } from '../../../helpers/ldapfilter';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'qbdg', 'contoso-export.ldf');

/** The text with the cursor marker $0 removed, and the cursor's position. */
function at(textWithCursor: string): { text: string; line: number; character: number } {
  const offset = textWithCursor.indexOf('$0');
  assert.ok(offset >= 0, 'no $0 in the text');
  const text = textWithCursor.replace('$0', '');
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { text, line: before.length - 1, character: before[before.length - 1].length };
}

/** Completion at the cursor marked $0. */
function complete(textWithCursor: string, options?: AnalyzeOptions): CompletionItem[] {
  const { text, line, character } = at(textWithCursor);
  const doc = ldifLanguage.parse(text);
  // The unguarded function, so that an exception fails the test.
  completeAt(doc, { line, character }, options);
  return ldifLanguage.complete!(doc, { line, character }, options);
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
const R = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
const item = (items: CompletionItem[], label: string): CompletionItem => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no ${label} in ${labels(items).slice(0, 12).join(', ')}`);
  return found;
};
/** The text after accepting an item (its insert text replaces its range). */
function accept(textWithCursor: string, label: string): string {
  const { text } = at(textWithCursor);
  const i = item(complete(textWithCursor), label);
  return applyEdits(text, [{ range: i.range!, newText: i.insertText ?? i.label }]);
}

const DN = 'dn: CN=Paris Office,OU=Distribution Groups,DC=contoso,DC=com\n';
const SG = 'dn: CN=First Storage Group,CN=InformationStore,CN=S1,CN=Servers,DC=contoso,DC=com\n';

describe('ldif: completion at the start of a line', () => {
  it('offers version: 1 and dn: where the file starts, only dn: where a later record starts', () => {
    const first = complete('$0');
    assert.deepStrictEqual(labels(first), ['version', 'dn']);
    assert.strictEqual(first[0].insertText, 'version: 1');
    assert.strictEqual(first[1].insertText, 'dn: ');
    assert.deepStrictEqual(first[1].range, R(0, 0, 0));
    assert.deepStrictEqual(labels(complete('version: 1\n$0')), ['dn']);
    assert.deepStrictEqual(labels(complete(`${DN}cn: x\n\n$0`)), ['dn']);
    assert.deepStrictEqual(labels(complete(`${DN}cn: x\n\n# next record\n$0`)), ['dn']);
    const typed = complete(`${DN}cn: x\n\nd$0`);
    assert.deepStrictEqual(labels(typed), ['dn']);
    assert.deepStrictEqual(typed[0].range, R(3, 0, 1));
  });

  it('offers changetype: (with the change types to choose) and attribute names right after dn:', () => {
    const items = complete(`${DN}$0`);
    assert.strictEqual(items[0].label, 'changetype');
    assert.strictEqual(items[0].insertText, 'changetype: ${1|modify,add,delete,modrdn,moddn|}');
    assert.strictEqual(items[0].isSnippet, true);
    const nick = item(items, 'mailNickname');
    assert.strictEqual(nick.insertText, 'mailNickname: ');
    assert.strictEqual(nick.kind, 'key');
    assert.strictEqual(nick.detail, 'Unicode string, single-valued');
    assert.match(nick.documentation!, /In the global catalog \| yes/);
    // The Exchange attributes this language checks, although they are no recipient attributes.
    assert.match(item(items, 'msExchESEParamLogBuffers').documentation!, /9000/);
    assert.ok(labels(items).includes('msExchDynamicDLFilter'));
    // Not part of the Exchange 2003 schema.
    assert.ok(!labels(items).includes('msExchRecipientTypeDetails'));
    assert.ok(items.slice(1).every((i) => i.sortText! > items[0].sortText!), 'changetype: first');
  });

  it('offers attribute names but no changetype: further down a content or add record, replacing the name typed', () => {
    const items = complete(`${DN}changetype: add\ncn: Paris Office\nmailNi$0`);
    assert.ok(!labels(items).includes('changetype') && !labels(items).includes('dn'));
    assert.deepStrictEqual(item(items, 'mailNickname').range, R(3, 0, 6));
    assert.strictEqual(accept(`${DN}changetype: add\nmailNi$0`, 'mailNickname'), `${DN}changetype: add\nmailNickname: `);
    // A blank line after the record continues it.
    assert.ok(labels(complete(`${DN}cn: x\n$0\n`)).includes('displayName'));
  });

  it('replaces the whole name of an existing line, and then inserts the bare name', () => {
    const items = complete(`${DN}cn: x\ndispl$0ayName: Paris\n`);
    const dn = item(items, 'displayName');
    assert.deepStrictEqual(dn.range, R(2, 0, 11));
    assert.strictEqual(dn.insertText, 'displayName');
    assert.strictEqual(accept(`${DN}cn: x\ndisp$0Name: Paris\n`, 'displayNamePrintable'), `${DN}cn: x\ndisplayNamePrintable: Paris\n`);
  });

  it('offers add:, delete: and replace: in a changetype: modify record, and the block\'s attribute and - inside a block', () => {
    const mod = `${SG}changetype: modify\n`;
    const ops = complete(`${mod}$0`);
    assert.deepStrictEqual(labels(ops), ['replace', 'add', 'delete']);
    assert.deepStrictEqual(ops.map((i) => i.insertText), ['replace: ', 'add: ', 'delete: ']);
    const inBlock = complete(`${mod}replace: msExchESEParamLogBuffers\n$0`);
    assert.deepStrictEqual(labels(inBlock), ['msExchESEParamLogBuffers', '-']);
    assert.strictEqual(inBlock[0].insertText, 'msExchESEParamLogBuffers: ');
    assert.match(inBlock[0].documentation!, /9000/);
    assert.deepStrictEqual(labels(complete(`${mod}replace: msExchESEParamLogBuffers\nmsExchESEParamLogBuffers: 500\n$0`)), ['msExchESEParamLogBuffers', '-']);
    // After the "-" a new block starts.
    assert.deepStrictEqual(labels(complete(`${mod}replace: msExchESEParamLogBuffers\nmsExchESEParamLogBuffers: 500\n-\n$0`)), ['replace', 'add', 'delete']);
    // For delete: the "-" comes first (values are optional).
    const del = complete(`${mod}delete: msExchESEParamMaxOpenTables\n$0`);
    assert.ok(item(del, '-').sortText! < item(del, 'msExchESEParamMaxOpenTables').sortText!);
  });

  it('offers newrdn:, deleteoldrdn: and newsuperior: in a modrdn record, nothing in a delete record', () => {
    assert.deepStrictEqual(labels(complete(`${DN}changetype: modrdn\n$0`)), ['newrdn', 'deleteoldrdn', 'newsuperior']);
    assert.deepStrictEqual(labels(complete(`${DN}changetype: moddn\nnewrdn: CN=Lyon Office\n$0`)), ['deleteoldrdn', 'newsuperior']);
    assert.deepStrictEqual(complete(`${DN}changetype: delete\n$0`), []);
  });

  it('offers nothing in comments, on a fold, or after text that is no attribute name', () => {
    assert.deepStrictEqual(complete(`${DN}# dis$0\n`), []);
    assert.deepStrictEqual(complete(`${DN}description: a long\n$0 value\n`), []);
    assert.deepStrictEqual(complete(`${DN}display Na$0`), []);
  });
});

describe('ldif: completion of values', () => {
  it('offers the change types after changetype:, replacing the word typed', () => {
    const items = complete(`${DN}changetype: mo$0`);
    assert.deepStrictEqual(labels(items), ['add', 'delete', 'modify', 'modrdn', 'moddn']);
    assert.ok(items.every((i) => i.kind === 'enum' && i.insertText === undefined));
    assert.deepStrictEqual(items[2].range, R(1, 12, 14));
    assert.deepStrictEqual(item(complete(`${DN}changetype: mo$0dify\n`), 'modify').range, R(1, 12, 18));
    // Right after the colon (the ":" trigger character): with the blank LDIF writes.
    const bare = complete(`${DN}changetype:$0`);
    assert.deepStrictEqual(bare[2].range, R(1, 11, 11));
    assert.strictEqual(bare[2].insertText, ' modify');
    assert.strictEqual(bare[2].filterText, 'modify');
    assert.deepStrictEqual(complete(`${DN}changetype: modify x$0`), []);
    // In the blank before an existing value.
    assert.deepStrictEqual(complete(`${DN}changetype:$0 modify`), []);
  });

  it('offers attribute names after add:, delete: and replace: of a modify record, with exact ranges', () => {
    const items = complete(`${SG}changetype: modify\nreplace: msExchESE$0\n`);
    const lb = item(items, 'msExchESEParamLogBuffers');
    assert.deepStrictEqual(lb.range, R(2, 9, 18));
    assert.strictEqual(lb.insertText, 'msExchESEParamLogBuffers');
    assert.ok(labels(complete(`${SG}changetype: modify\nreplace: msExchESEParamLogBuffers\nmsExchESEParamLogBuffers: 500\n-\ndelete: $0`)).includes('msExchESEParamMaxOpenTables'));
    assert.ok(labels(complete(`${DN}changetype: modify\nadd: $0`)).includes('member'));
    const colon = item(complete(`${DN}changetype: modify\nadd:$0`), 'member');
    assert.strictEqual(colon.insertText, ' member');
    assert.deepStrictEqual(colon.range, R(2, 4, 4));
    // "add: x" in a content record is an attribute named add, with a value.
    assert.deepStrictEqual(complete(`${DN}add: mem$0`), []);
  });

  it('offers nothing inside dn: values, other values, base64 and URL values', () => {
    assert.deepStrictEqual(complete('dn: CN=mail$0'), []);
    assert.deepStrictEqual(complete(`${DN}msExchDynamicDLBaseDN: OU=$0`), []);
    assert.deepStrictEqual(complete(`${DN}description: (mail$0`), []);
    const b64 = Buffer.from('(&(mailNickname=*)(dep').toString('base64');
    assert.deepStrictEqual(complete(`${DN}msExchDynamicDLFilter:: ${b64}$0`), []);
    assert.deepStrictEqual(complete(`${DN}msExchDynamicDLFilter:: $0`), []);
    assert.deepStrictEqual(complete(`${DN}msExchDynamicDLFilter:< file:///c:/f$0`), []);
    assert.deepStrictEqual(complete(`${DN}changetype:: $0`), []);
  });
});

describe('ldif: completion inside msExchDynamicDLFilter', () => {
  const FILTER = `${DN}msExchDynamicDLFilter: `;

  /** The filter language's items for the same filter text in a .ldapfilter file. */
  function inFilterFile(filter: string): CompletionItem[] {
    return ldapfilterLanguage.complete!(ldapfilterLanguage.parse(filter), { line: 0, character: filter.length });
  }
  const strip = (items: CompletionItem[]): unknown[] => items.map(({ range: _r, ...rest }) => rest);

  it('offers exactly what a .ldapfilter file offers, at the mapped position', () => {
    for (const filter of ['(&(dep', '(&(mailNickname=*)(objectCategory=', '(&(userAccountControl:', '(&(department', '(&', '(&(', '(&(msExchHideFromAddressLists=']) {
      const items = complete(`${FILTER}${filter}$0`);
      assert.ok(items.length > 0, filter);
      assert.deepStrictEqual(strip(items), strip(inFilterFile(filter)), filter);
    }
    const dep = item(complete(`${FILTER}(&(dep$0`), 'department');
    assert.deepStrictEqual(dep.range, R(1, 26, 29));
    const person = item(complete(`${FILTER}(&(mailNickname=*)(objectCategory=$0)`), 'person');
    assert.deepStrictEqual(person.range, R(1, 57, 57));
    assert.ok(labels(complete(`${FILTER}(&$0`)).includes('Users with Exchange mailbox'));
  });

  it('applies the Exchange settings of the filter language (attributes added to the GC)', () => {
    const items = complete(`${FILTER}(&(employeeT$0`, context({ extraGcAttributes: ['employeeType'] }));
    assert.notStrictEqual(item(items, 'employeeType').detail, 'not in the global catalog');
    assert.strictEqual(item(complete(`${FILTER}(&(employeeT$0`), 'employeeType').detail, 'not in the global catalog');
  });

  it('offers the recipient clauses in an empty value, with the blank after a bare colon', () => {
    const items = complete(`${DN}msExchDynamicDLFilter:$0`);
    const users = item(items, 'Users with Exchange mailbox');
    assert.deepStrictEqual(users.range, R(1, 22, 22));
    assert.strictEqual(users.insertText, ' (&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))');
    const spaced = item(complete(`${FILTER}$0`), 'Users with Exchange mailbox');
    assert.deepStrictEqual(spaced.range, R(1, 23, 23));
    assert.strictEqual(spaced.insertText, '(&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))');
    // Accepted, the clause leaves a valid value.
    const done = accept(`${DN}msExchDynamicDLFilter:$0\n`, 'Mail-enabled groups');
    assert.strictEqual(done, `${DN}msExchDynamicDLFilter: (objectCategory=group)\n`);
  });

  it('follows folded lines: the word on the cursor\'s line is replaced, a word begun before the fold is left alone', () => {
    const text = `${DN}msExchDynamicDLFilter: (&(mailNickname=*)(!(cn=SystemMailbox{*}))\n (physicalDelivery$0`;
    const items = complete(text);
    assert.deepStrictEqual(item(items, 'physicalDeliveryOfficeName').range, R(2, 2, 18));
    const cat = complete(`${DN}msExchDynamicDLFilter: (&(mailNickname=*)(objectCat\n egory=$0`);
    assert.deepStrictEqual(item(cat, 'person').range, R(2, 7, 7));
    // "dep" is on the line before the fold: replacing only "art" would leave "dep" standing.
    assert.deepStrictEqual(complete(`${DN}msExchDynamicDLFilter: (&(mailNickname=*)(dep\n art$0`), []);
    // On the fold's own blank nothing is proposed.
    const { text: t2 } = at(`${DN}msExchDynamicDLFilter: (&(mailNickname=*)\n (dep$0`);
    assert.deepStrictEqual(ldifLanguage.complete!(ldifLanguage.parse(t2), { line: 2, character: 0 }), []);
  });

  it('offers nothing in the blanks before the filter', () => {
    const { text } = at(`${FILTER}(&(dep$0`);
    assert.deepStrictEqual(ldifLanguage.complete!(ldifLanguage.parse(text), { line: 1, character: 22 }), []);
  });
});

describe('ldif: hover on modify blocks and inside filters', () => {
  const hover = (textWithCursor: string, options?: AnalyzeOptions) => {
    const { text, line, character } = at(textWithCursor);
    return ldifLanguage.hover(ldifLanguage.parse(text), { line, character }, options);
  };

  it('explains the attribute of add:, delete: and replace: lines as on its value lines', () => {
    const text = `${SG}changetype: modify\nreplace: msExchESE$0ParamLogBuffers\nmsExchESEParamLogBuffers: 9000\n-\n`;
    const h = hover(text)!;
    assert.deepStrictEqual(h.range, R(2, 9, 33));
    const onValueLine = hover(`${SG}changetype: modify\nreplace: msExchESEParamLogBuffers\nmsExchESE$0ParamLogBuffers: 9000\n-\n`)!;
    assert.strictEqual(h.contents, onValueLine.contents);
    assert.match(hover(`${SG}changetype: modify\ndelete: msExchESEParamMaxOpenTables$0\n-\n`)!.contents, /should not be set/);
    assert.match(hover(`${SG}changetype: modify\nadd: msExchMailboxFolderSet$0\nmsExchMailboxFolderSet: 1\n-\n`)!.contents, /Outlook Web Access/);
    // The keyword keeps no hover; a blank after the name neither.
    assert.strictEqual(hover(`${SG}changetype: modify\nrepl$0ace: msExchESEParamLogBuffers\n-\n`), undefined);
    assert.strictEqual(hover(`${SG}changetype: modify\nreplace: msExchESEParamLogBuffers $0 \n-\n`), undefined);
  });

  it('explains the other attributes from the recipient attribute catalog, and nothing for an attribute it does not know', () => {
    const block = hover(`${SG}changetype: modify\nreplace: descri$0ption\ndescription: x\n-\n`)!;
    assert.deepStrictEqual(block.range, R(2, 9, 20));
    assert.match(block.contents, /^\*\*description\*\*/);
    assert.match(block.contents, /\| In the global catalog \| yes \|/);
    const onName = hover(`${DN}employee$0Type: Contractor\n`)!;
    assert.deepStrictEqual(onName.range, R(1, 0, 12));
    assert.match(onName.contents, /\| In the global catalog \| no \|/);
    const listed = hover(`${DN}employee$0Type: Contractor\n`, context({ extraGcAttributes: ['EMPLOYEETYPE'] }))!;
    assert.match(listed.contents, /\| In the global catalog \| yes \(exchangeConfig\.ldapAttributesInGC\) \|/);
    assert.strictEqual(hover(`${DN}system$0Flags: 1610612736\n`), undefined);
    assert.strictEqual(hover(`${SG}changetype: modify\nreplace: system$0Flags\n-\n`), undefined);
  });

  it('gives the LDAP filter language\'s hover inside a plain msExchDynamicDLFilter value, mapped through folds', () => {
    const h = hover(`${DN}msExchDynamicDLFilter: (&(mailNickname=*)(employee$0Type=x))\n`)!;
    assert.match(h.contents, /employeeType/);
    assert.match(h.contents, /In the global catalog \| no/);
    assert.deepStrictEqual(h.range, R(1, 42, 54));
    const gc = hover(`${DN}msExchDynamicDLFilter: (&(mailNickname=*)(employee$0Type=x))\n`, context({ extraGcAttributes: ['employeeType'] }))!;
    assert.match(gc.contents, /ldapAttributesInGC/);
    const folded = hover(`${DN}msExchDynamicDLFilter: (&(mailNickname=*)(dep\n art$0ment=Sales))\n`)!;
    assert.match(folded.contents, /\*\*department\*\*/);
    assert.match(folded.contents, /Indexed \| /);
    assert.deepStrictEqual(folded.range, { start: { line: 1, character: 42 }, end: { line: 2, character: 8 } });
    assert.match(hover(`${DN}msExchDynamicDLFilter: ($0&(mailNickname=*)(department=Sales))\n`)!.contents, /AND/);
    // The attribute name keeps the LDIF hover; base64 values keep the decoded text.
    assert.match(hover(`${DN}msExchDynamic$0DLFilter: (mailNickname=*)\n`)!.contents, /categorizer/);
    const b64 = Buffer.from('(&(mailNickname=*)(department=Sales))').toString('base64');
    assert.match(hover(`${DN}msExchDynamicDLFilter:: ${b64.slice(0, 6)}$0${b64.slice(6)}\n`)!.contents, /department=Sales/);
  });
});

describe('ldif: completion in the sample export', () => {
  const text = fs.readFileSync(SAMPLE, 'utf8');
  const doc = ldifLanguage.parse(text);

  it('completes inside the folded filter and in the storage group\'s modify blocks', () => {
    // Line 7 ends in "(msExchHomeS"; line 8 continues with "erverName=*)".
    const line7 = text.split(/\r?\n/)[7];
    const items = ldifLanguage.complete!(doc, { line: 7, character: line7.length });
    assert.deepStrictEqual(item(items, 'msExchHomeServerName').range, R(7, line7.length - 'msExchHomeS'.length, line7.length));
    assert.deepStrictEqual(labels(ldifLanguage.complete!(doc, { line: 15, character: 0 })), ['msExchESEParamLogBuffers', '-']);
    const h = ldifLanguage.hover(doc, { line: 13, character: 12 })!;
    assert.match(h.contents, /msExchESEParamLogBuffers/);
  });
});
