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

const CASES: [string, string, Finding[]][] = [
  // base64
  ['base64 whose length is not a multiple of 4 (padding missing)', `${DN}description:: SGVsbG8\n`, [['ldif.invalid-base64', E, 1, 14, 1, 21]]],
  ['base64 with more than two "=" of padding', `${DN}description:: SGVs====\n`, [['ldif.invalid-base64', E, 1, 14, 1, 22]]],
  ['base64 with "=" inside the value', `${DN}description:: SG=V\n`, [['ldif.invalid-base64', E, 1, 14, 1, 18]]],
  // attribute lines
  ['an empty attribute name', `${DN}: x\n`, [['ldif.invalid-attribute-name', E, 1, 0, 1, 1]]],
  ['a record starting with a line without colon: reported once, with the missing dn:', 'cn x\ncn: y\n', [['ldif.missing-colon', E, 0, 0, 0, 4], ['ldif.missing-dn', E, 0, 0, 0, 4]]],
  ['a record starting with an attribute: the attribute is still checked', 'msExchESEParamLogBuffers: 500\n', [['ldif.missing-dn', E, 0, 0, 0, 29], ['ldif.log-buffers-set', 'information', 0, 0, 0, 24]]],
  // blank lines
  ['a space-only line after a comment line ends the record', `# c\n \n${DN}cn: x\n`, [['ldif.blank-line-with-spaces', 'warning', 1, 0, 1, 1]]],
  ['version: 1 alone before the first record', `version: 1\n\n${DN}cn: x\n`, []],
  // changetype
  ['changetype: not right after dn:', `${DN}cn: x\nchangetype: add\n`, [['ldif.invalid-changetype', E, 2, 0, 2, 15]]],
  ['changetype: in a record without dn:', 'cn: x\nchangetype: add\n', [['ldif.missing-dn', E, 0, 0, 0, 5], ['ldif.invalid-changetype', E, 1, 0, 1, 15]]],
  ['an ntdsSchema change type in another case, with blanks around it', `${DN}changetype:  NTDSSchemaModify \nreplace: cn\ncn: y\n-\n`, []],
  // modify records
  ['a "-" with trailing blanks ends a block; options and case of the attribute name', `${MOD}replace: Description;lang-en\ndescription;lang-en: x\n-  \n`, []],
  ['a "-" that ends no block', `${MOD}-\n`, [['ldif.invalid-modify-line', E, 2, 0, 2, 1]]],
  ['a block followed by another without "-"', `${MOD}replace: description\ndescription: x\nreplace: cn\ncn: y\n-\n`, [['ldif.unterminated-modify-block', E, 2, 0, 2, 20]]],
  ['a block whose attribute is no attribute name', `${MOD}replace: 1bad\n-\n`, [['ldif.invalid-attribute-name', E, 2, 9, 2, 13]]],
];

describe('ldif: every branch of the parser, with all findings', () => {
  for (const [title, text, expected] of CASES) {
    it(title, () => {
      assert.deepStrictEqual(all(text), expected);
      // CRLF line endings give the same findings.
      assert.deepStrictEqual(all(text.replace(/\n/g, '\r\n')), expected, 'CRLF');
    });
  }
});
