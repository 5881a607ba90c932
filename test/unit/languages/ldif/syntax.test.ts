/**
 * Every branch of the LDIF parser (RFC 2849 as ldifde reads it) that reports a syntax code or changes how lines are
 * read, each with the complete list of findings of its file (code, severity, range); the same cases through folded
 * lines and CRLF line endings where the path differs.
 */
import * as assert from 'assert';
import { Diagnostic } from '../../../../server/src/core/types';
import { ldifLanguage } from '../../../../server/src/languages/ldif';

type Finding = [string, string, number, number, number, number];

function all(text: string): Finding[] {
  return ldifLanguage.validate(ldifLanguage.parse(text)).map((d: Diagnostic) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] as Finding);
}

const E = 'error';
const DN = 'dn: CN=x,DC=y\n';
const MOD = `${DN}changetype: modify\n`;

/** Title, file, all findings, and (where a branch writes its own text) the message of the finding it adds. */
const CASES: [string, string, Finding[], string?][] = [
  // base64
  ['base64 whose length is not a multiple of 4 (padding missing)', `${DN}description:: SGVsbG8\n`, [['ldif.invalid-base64', E, 1, 14, 1, 21]]],
  ['base64 with more than two "=" of padding', `${DN}description:: SGVs====\n`, [['ldif.invalid-base64', E, 1, 14, 1, 22]]],
  ['base64 with "=" inside the value', `${DN}description:: SG=V\n`, [['ldif.invalid-base64', E, 1, 14, 1, 18]]],
  // attribute lines
  ['an empty attribute name', `${DN}: x\n`, [['ldif.invalid-attribute-name', E, 1, 0, 1, 1]]],
  ['base64 with trailing blanks is decoded without them', `${DN}description:: SGVsbG8= \n`, []],
  ['a URL value (":<") is not read as text or base64', `${DN}msExchMailboxFolderSet:< file\nmsExchInterOrgAddressType:< file:///x\n`, []],
  ['a change type given as a URL: reported on the URL', `${DN}changetype:< file:///x\n`, [['ldif.invalid-changetype', E, 1, 13, 1, 22]], '"file:///x" is not a change type. Use add, delete, modify, modrdn or moddn.'],
  ['a record starting with a line without colon: reported once, with the missing dn:', 'cn x\ncn: y\n', [['ldif.missing-colon', E, 0, 0, 0, 4], ['ldif.missing-dn', E, 0, 0, 0, 4]]],
  ['a record starting with an attribute: the attribute is still checked', 'msExchESEParamLogBuffers: 500\n', [['ldif.missing-dn', E, 0, 0, 0, 29], ['ldif.log-buffers-set', 'information', 0, 0, 0, 24]]],
  // blank lines
  ['a space-only line after a comment line ends the record', `# c\n \n${DN}cn: x\n`, [['ldif.blank-line-with-spaces', 'warning', 1, 0, 1, 1]]],
  ['a line of a space and a tab ends the record', `${DN}cn: x\n \t\ndn: CN=z,DC=y\ncn: z\n`, [['ldif.blank-line-with-spaces', 'warning', 2, 0, 2, 2]]],
  ['a space-only first line: nothing precedes it', ` \n${DN}cn: x\n`, []],
  ['a tab-only line separates records like an empty one', `${DN}cn: x\n\t\ndn: CN=z,DC=y\ncn: z\n`, []],
  ['a "-" in a record that is no modify record', `${DN}cn: x\n-\n`, [['ldif.missing-colon', E, 2, 0, 2, 1]]],
  // version:
  ['version: 1 alone before the first record', `version: 1\n\n${DN}cn: x\n`, []],
  ['version: 1 in the group of the first record: the record is still read', 'version: 1\ndn: CN=x,DCy\n', [['ldif.invalid-dn', E, 1, 9, 1, 12]]],
  ['version: at the start of a later record is no version line', `${DN}cn: x\n\nversion: 1\ncn: y\n`, [['ldif.missing-dn', E, 3, 0, 3, 10]]],
  // changetype
  ['changetype: not right after dn:', `${DN}cn: x\nchangetype: add\n`, [['ldif.invalid-changetype', E, 2, 0, 2, 15]], 'changetype: must be the line right after dn:, once per record. Move it there, or remove it.'],
  ['an unknown change type: the lines after it are read as content', `${DN}changetype: update\ndescription: x\n`, [['ldif.invalid-changetype', E, 1, 12, 1, 18]]],
  ['an empty change type: reported where the value would be', `${DN}changetype: \n`, [['ldif.invalid-changetype', E, 1, 12, 1, 12]]],
  ['changetype: in a record without dn:', 'cn: x\nchangetype: add\n', [['ldif.missing-dn', E, 0, 0, 0, 5], ['ldif.invalid-changetype', E, 1, 0, 1, 15]]],
  ['an ntdsSchema change type in another case, with blanks around it', `${DN}changetype:  NTDSSchemaModify \nreplace: cn\ncn: y\n-\n`, []],
  // modify records
  ['a "-" with trailing blanks ends a block; options and case of the attribute name', `${MOD}replace: Description;lang-en\ndescription;lang-en: x\n-  \n`, []],
  ['a "-" that ends no block', `${MOD}-\n`, [['ldif.invalid-modify-line', E, 2, 0, 2, 1]], 'This "-" ends no add:, delete: or replace: block. Remove it, or put "replace: <attribute>" before the values it should end.'],
  ['a value of another attribute inside a block', `${MOD}replace: description\ncn: x\n-\n`, [['ldif.invalid-modify-line', E, 3, 0, 3, 2]], '"cn" is not the attribute of the "replace: description" block it stands in. End the block with "-" and start a new one for cn, or correct the name.'],
  ['an operation on the same attribute inside its block (case and blanks aside) does not start a new block', `${MOD}add: description\ndescription: x\ndelete: Description \n-\n`, [['ldif.invalid-modify-line', E, 4, 0, 4, 6]]],
  ['the attribute of a block with a trailing blank', `${MOD}replace: description \ndescription: x\n-\n`, []],
  ['a block whose attribute is invalid base64', `${MOD}replace:: ***\n-\n`, [['ldif.invalid-base64', E, 2, 10, 2, 13], ['ldif.invalid-attribute-name', E, 2, 10, 2, 13]], '"" after "replace:" is not an attribute name. Write the attribute the block changes, for example "replace: description".'],
  ['a block followed by another without "-"', `${MOD}replace: description\ndescription: x\nreplace: cn\ncn: y\n-\n`, [['ldif.unterminated-modify-block', E, 2, 0, 2, 20]]],
  ['a block whose attribute is no attribute name', `${MOD}replace: 1bad\n-\n`, [['ldif.invalid-attribute-name', E, 2, 9, 2, 13]], '"1bad" after "replace:" is not an attribute name. Write the attribute the block changes, for example "replace: description".'],
];

describe('ldif: every branch of the parser, with all findings', () => {
  for (const [title, text, expected, message] of CASES) {
    it(title, () => {
      assert.deepStrictEqual(all(text), expected);
      // CRLF line endings give the same findings.
      assert.deepStrictEqual(all(text.replace(/\n/g, '\r\n')), expected, 'CRLF');
      if (message !== undefined) assert.strictEqual(ldifLanguage.validate(ldifLanguage.parse(text)).at(-1)!.message, message);
    });
  }
});

describe('ldif: positions at the fold of a continued line', () => {
  const FILTER = 'dn: CN=g,DC=y\nmsExchDynamicDLFilter: (&(mailNickname=*)(!(cn=SystemMailbox{*}))(';

  it('a range that starts where the continuation begins starts on the continuation line', () => {
    assert.deepStrictEqual(all(`${FILTER}\n departmnt=Sales))\n`), [['ldapfilter.unknown-attribute', 'warning', 2, 1, 2, 10]]);
  });

  it('a range that ends where the line is folded ends on the folded line', () => {
    assert.deepStrictEqual(all(`${FILTER}departmnt\n =Sales))\n`), [['ldapfilter.unknown-attribute', 'warning', 1, 66, 1, 75]]);
  });

  it('an empty range at the fold is one position, on the continuation line', () => {
    assert.deepStrictEqual(all(`${FILTER}userAccountControl:1.2.840.113556.1.4.803:=\n ))\n`), [['ldapfilter.bitwise-value-not-decimal', E, 2, 1, 2, 1]]);
    assert.deepStrictEqual(all(`${FILTER}userAccountControl:1.2.840.113556.1.4.803:=))\n`), [['ldapfilter.bitwise-value-not-decimal', E, 1, 109, 1, 109]]);
  });
});

describe('ldif: the parse result', () => {
  it('keeps the first line ending of the file for fixes, CRLF when the file has none', () => {
    assert.strictEqual(ldifLanguage.parse('dn: CN=x,DC=y').eol(), '\r\n');
    assert.strictEqual(ldifLanguage.parse('dn: CN=x,DC=y\ncn: x').eol(), '\n');
    assert.strictEqual(ldifLanguage.parse('dn: CN=x,DC=y\r\ncn: x\n').eol(), '\r\n');
  });

  it('never throws: a value that is no text is read as an empty file', () => {
    for (const v of [undefined, null, 42, {}]) {
      const doc = ldifLanguage.parse(v as unknown as string);
      assert.deepStrictEqual([doc.text, doc.records.length, ldifLanguage.validate(doc)], ['', 0, []]);
    }
  });
});
