/**
 * Whole-result tests of the answer-file checks: each case compares the complete diagnostic list of its file (code,
 * severity, range and message), and where a finding points to another line or offers fixes, those too, so that a
 * finding gained or lost anywhere in the file, or a changed message, fails the test. Each branch of a rule that changes
 * the result (the format of the file, a catalogued or an uncatalogued key, an empty value, one or several
 * did-you-mean candidates) has its own case.
 */
import * as assert from 'assert';
import { DEFAULT_CONTEXT } from '../../../../server/src/core/catalog';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { AnalyzeOptions } from '../../../../server/src/core/language';
import { Diagnostic } from '../../../../server/src/core/types';
import { parseSetupCatalog, setupiniLanguage } from '../../../../server/src/languages/setupini';
import { FORCED, ini } from '../../../helpers/setupini';

type Finding = [string, string, number, number, number, string];
/** [code, line, title, preferred, edits as [line, start, end, new text]] */
type FixRow = [string, number, string, boolean, [number, number, number, string][]];
/** [code, line, related line, start, end, message] */
type RelatedRow = [string, number, number, number, number, string];

const W = 'warning';
const E = 'error';
const H = 'hint';

interface Result {
  findings: Finding[];
  fixes: FixRow[];
  related: RelatedRow[];
}

function check(text: string, options: AnalyzeOptions = FORCED): Result {
  const doc = setupiniLanguage.parse(text);
  const ds: Diagnostic[] = setupiniLanguage.validate(doc, options);
  return {
    findings: ds.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
    fixes: ds.flatMap((d) =>
      setupiniLanguage.fixes!(doc, d).map(
        (f) => [d.code, d.range.start.line, f.title, f.isPreferred === true, f.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText])] as FixRow,
      ),
    ),
    related: ds.flatMap((d) => (d.related ?? []).map((r) => [d.code, d.range.start.line, r.range.start.line, r.range.start.character, r.range.end.character, r.message] as RelatedRow)),
  };
}

function expect(text: string, findings: Finding[], fixes: FixRow[] = [], related: RelatedRow[] = [], options?: AnalyzeOptions): void {
  assert.deepStrictEqual(check(text, options), { findings, fixes, related });
}

const IGNORED = 'Setup ignores a line it cannot read as a header or a key=value setting.';
const TWICE = 'appears a second time, and the sources do not say whether Setup reads the first, the last or both. Merge them into one.';
const NOT_SECTION = 'is not a section of the Exchange 4.0/5.5 batch Setup.ini in the catalog';
const DRIVE = 'it does not start with a drive letter and a backslash (X:\\...)';
const KEY_2003 = 'is not a 25-character Exchange 2003 product key (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX). Check it against the product\'s key.';
const PLAIN = 'holds a password in plain text that anyone who can read the file can read. Let only the installers read it, and delete the file or blank the value after Setup.';
const AUTOLOGON = ' Before setup /createunattend, turn Autologon off (KB 234562).';

function booleanFixes(line: number, start: number, end: number): FixRow[] {
  return ['True', 'False'].map((b) => ['setupini.invalid-boolean', line, `Change to ${b}`, false, [[line, start, end, b]]] as FixRow);
}

describe('setupini checks: whole results', () => {
  describe('the format of a forced file', () => {
    it('a forced file with no section of the 5.5 format gets no catalog hints', () => {
      expect(ini('[Setup]', 'Product=Foo', '[Options]', 'Mode=1'), []);
    });
    it('a forced file with a section of the 5.5 format is checked as one', () => {
      expect(ini('[Setup]', 'Product=Foo', '[licensing]', 'PerSeat=True'), [['setupini.unknown-section', H, 0, 1, 6, `[Setup] ${NOT_SECTION}. Check its spelling.`]]);
    });
  });

  describe('structure', () => {
    it('a repeated section after an unclosed first one: the related range ends with the name', () => {
      expect(
        ini('[Exchange', 'Action=Install', '[Exchange]'),
        [
          ['setupini.invalid-line', W, 0, 0, 9, `The section header has no closing "]". ${IGNORED}`],
          ['setupini.duplicate-section', W, 2, 0, 10, `[Exchange] ${TWICE}`],
        ],
        [],
        [['setupini.duplicate-section', 2, 0, 0, 9, 'the first [Exchange]']],
      );
    });
    it('an unclosed repeated section: its range ends with the name, the related one after "]"', () => {
      expect(
        ini('[Exchange]', 'Action=Install', '[Exchange  '),
        [
          ['setupini.invalid-line', W, 2, 0, 9, `The section header has no closing "]". ${IGNORED}`],
          ['setupini.duplicate-section', W, 2, 0, 9, `[Exchange] ${TWICE}`],
        ],
        [],
        [['setupini.duplicate-section', 2, 0, 0, 10, 'the first [Exchange]']],
      );
    });
    it('keys and sections match without regard to letter case only ("ß" is not "SS")', () => {
      expect(
        ini('[Exchange]', 'Straße=1', 'STRASSE=2', '[Straße]', 'a=1', '[STRASSE]', 'a=2', 'Action=Install', 'ACTION=Upgrade'),
        [['setupini.duplicate-key', W, 8, 0, 6, 'ACTION is set twice in [STRASSE], and the sources do not say which value Setup uses. Keep one.']],
        [],
        [['setupini.duplicate-key', 8, 7, 0, 6, 'Action is first set here (to "Install")']],
      );
    });
  });

  describe('catalog', () => {
    it('unknown sections: none, one or two candidates; a repeated unknown section is reported once', () => {
      expect(
        ini('[Components]', 'Services=False', '[Extras]', 'a=b', '[extras]', 'c=d', '[Sit]', 'x=1', '[X-400]'),
        [
          ['setupini.duplicate-section', W, 4, 0, 8, `[extras] ${TWICE}`],
          ['setupini.unknown-section', H, 2, 1, 7, `[Extras] ${NOT_SECTION}. Check its spelling.`],
          ['setupini.unknown-section', H, 6, 1, 4, `[Sit] ${NOT_SECTION}; did you mean [Site]?`],
          ['setupini.unknown-section', H, 8, 1, 6, `[X-400] ${NOT_SECTION}; did you mean [X400] or [X.400]?`],
        ],
        [],
        [['setupini.duplicate-section', 4, 2, 0, 8, 'the first [Extras]']],
      );
    });
    it('unknown keys: one candidate is the preferred fix, two are not, none gives no fix', () => {
      expect(
        ini('[Components]', 'Services=False', 'Servicez=True', 'Zzzqqq=1', '[SitePermissions]', 'Account12=y'),
        [
          ['setupini.unknown-key', H, 2, 0, 8, 'Servicez is not a key of [Components] in the catalog; did you mean Services?'],
          ['setupini.unknown-key', H, 3, 0, 6, 'Zzzqqq is not a key of [Components] in the catalog. Check its spelling (the hover on the section lists its keys).'],
          ['setupini.unknown-key', H, 5, 0, 9, 'Account12 is not a key of [SitePermissions] in the catalog; did you mean Account1 or Account2?'],
        ],
        [
          ['setupini.unknown-key', 2, 'Change to Services', true, [[2, 0, 8, 'Services']]],
          ['setupini.unknown-key', 5, 'Change to Account1', false, [[5, 0, 9, 'Account1']]],
          ['setupini.unknown-key', 5, 'Change to Account2', false, [[5, 0, 9, 'Account2']]],
        ],
      );
    });
  });

  describe('values of catalogued keys (any format)', () => {
    it('invalid-path: no drive, a second ":", a control character, a character Windows refuses', () => {
      expect(ini('[Paths]', 'ServerDest=xC:\\exchsrvr', 'AdminDest=C:\\exch:srv', '[Components]', 'Services=False'), [
        ['setupini.invalid-path', W, 1, 11, 23, `ServerDest is not a valid installation path: ${DRIVE}.`],
        ['setupini.invalid-path', W, 2, 10, 21, 'AdminDest is not a valid installation path: it contains a second ":", which Windows does not allow in a path.'],
      ]);
      expect(ini('[Paths]', 'ServerDest=C:\\exch\tsrv', 'AdminDest=C:\\exch|srv', '[Components]', 'Services=False'), [
        ['setupini.invalid-path', W, 1, 11, 22, 'ServerDest is not a valid installation path: it contains a control character, which Windows does not allow in a path.'],
        ['setupini.invalid-path', W, 2, 10, 21, 'AdminDest is not a valid installation path: it contains "|", which Windows does not allow in a path.'],
      ]);
    });
    it('invalid-boolean: an empty value is marked at "=" and the fix inserts after it; another value is replaced', () => {
      expect(
        ini('[Components]', 'Services=', 'Administrator=Yes', 'Internet = ', 'X400=False'),
        [
          ['setupini.invalid-boolean', E, 1, 8, 9, 'Services takes True or False.'],
          ['setupini.invalid-boolean', E, 2, 14, 17, 'Administrator takes True or False, not "Yes".'],
          ['setupini.invalid-boolean', E, 3, 9, 10, 'Internet takes True or False.'],
        ],
        [...booleanFixes(1, 9, 9), ...booleanFixes(2, 14, 17), ...booleanFixes(3, 10, 10)],
      );
    });
    it('only the exact values True and False count as True for the 5.5 rules', () => {
      for (const v of ['TrueX', 'NotTrue']) {
        const end = 9 + v.length;
        expect(
          ini('[Components]', `Services=${v}`, '[Licensing]', `PerServer=${v}`, 'PerSeat=False'),
          [
            ['setupini.invalid-boolean', E, 1, 9, end, `Services takes True or False, not "${v}".`],
            ['setupini.invalid-boolean', E, 3, 10, end + 1, `PerServer takes True or False, not "${v}".`],
          ],
          [...booleanFixes(1, 9, end), ...booleanFixes(3, 10, end + 1)],
        );
      }
    });
    it('proxy names, product IDs and CD keys of the 5.5 format; empty ones are left alone', () => {
      expect(ini('[Product ID]', 'cdkey=', 'pid=', '[Site]', 'SiteProxyName=ABCDEFGHIJK', 'ExistingServerName=S', '[Paths]', 'ServerDest=exchsrvr', '[Components]', 'Services=False'), [
        ['setupini.proxy-name-too-long', E, 4, 14, 25, 'SiteProxyName has 11 characters; KB 198898 says proxy names should not exceed 10. Shorten it.'],
        ['setupini.invalid-path', W, 7, 11, 19, `ServerDest is not a valid installation path: ${DRIVE}.`],
      ]);
      expect(ini('[Product ID]', 'pid=12345', 'cdkey=1234567890', '[Components]', 'Services=False'), [
        ['setupini.invalid-product-key', E, 1, 4, 9, 'pid is not of the form 13 characters, XXXXXXXXXXXXX (KB 188625).'],
        ['setupini.invalid-product-key', E, 2, 6, 16, 'cdkey is not of the form XXX-XXXXXXX (KB 188625).'],
      ]);
    });
    it('plain-text-secret: the Autologon advice only in the Exchange 2000/2003 format; the fix blanks the value', () => {
      expect(
        ini('[Exchange]', 'AdminPassword=Secret1', '[ServiceAccount]', 'AccountPassword=Winter2005!'),
        [
          ['setupini.plain-text-secret', W, 1, 14, 21, `AdminPassword ${PLAIN}${AUTOLOGON}`],
          ['setupini.plain-text-secret', W, 3, 16, 27, `AccountPassword ${PLAIN}${AUTOLOGON}`],
        ],
        [
          ['setupini.plain-text-secret', 1, 'Blank the value of AdminPassword', false, [[1, 14, 21, '']]],
          ['setupini.plain-text-secret', 3, 'Blank the value of AccountPassword', false, [[3, 16, 27, '']]],
        ],
      );
      expect(
        ini('[Components]', 'Services=False', '[ServiceAccount]', 'AccountName=x', 'AccountPassword=Winter2005!'),
        [['setupini.plain-text-secret', W, 4, 16, 27, `AccountPassword ${PLAIN}`]],
        [['setupini.plain-text-secret', 4, 'Blank the value of AccountPassword', false, [[4, 16, 27, '']]]],
      );
    });
  });

  describe('keys checked by their name: only uncatalogued keys, only outside the 5.5 format', () => {
    it('an Exchange 2000/2003 file: product keys (a warning), organization names and paths', () => {
      expect(
        ini(
          '[Exchange]',
          'ProductKey=XABCDE-FGHIJ-KLMNO-PQRST-UVWXY',
          'CDKey=ABCDE-FGHIJ-KLMNO-PQRST-UVWXYZ',
          'Product Key=ABCDEFGHIJKLMNOPQRSTUVWXYZ',
          'ServerProductKey=',
          'CD Key=abcdefghijklmnopqrstuvwxy',
          'Server Product Key=ABCDE-FGHIJ-KLMNO-PQRST-UVWXY',
        ),
        [
          ['setupini.invalid-product-key', W, 1, 11, 41, `ProductKey ${KEY_2003}`],
          ['setupini.invalid-product-key', W, 2, 6, 36, `CDKey ${KEY_2003}`],
          ['setupini.invalid-product-key', W, 3, 12, 38, `Product Key ${KEY_2003}`],
        ],
      );
      expect(
        ini(
          '[Exchange]',
          'Server=mail.contoso.com',
          'Empty=',
          'OrgName=Contoso Ltd',
          'Organization Name=',
          'Share=\\\\srv\\share',
          'LogDir=default',
          'TargetDir=see:below',
          'DataPath=D:',
          'InstallPath=C:\\Program Files\\Exchsrvr',
          'WorkDirectory=C:\\temp\\a*b',
        ),
        [
          ['setupini.invalid-organization-name', E, 4, 17, 18, 'The organization name is not valid: it is empty (at least 1 character). Use 1 to 63 characters: A-Z, a-z, 0-9, space and hyphen.'],
          ['setupini.invalid-path', W, 8, 9, 11, `DataPath is not a valid installation path: ${DRIVE}.`],
          ['setupini.invalid-path', W, 10, 14, 25, 'WorkDirectory is not a valid installation path: it contains "*", which Windows does not allow in a path.'],
        ],
      );
    });
    it('catalogued keys in an Exchange 2000/2003 file get their catalog checks only, and no 5.5 combination rule', () => {
      expect(ini('[Exchange]', 'Action=Install', '[Product ID]', 'cdkey=123-4567890', '[Organization]', 'OrganizationName=Contoso', '[Components]', 'Services=True'), []);
    });
    it('uncatalogued keys of a 5.5 file are not checked by their name', () => {
      expect(ini('[Components]', 'Services=False', '[Extras]', 'ProductKey=abc', 'InstallPath=relative\\x', 'OrgName=A.B'), [
        ['setupini.unknown-section', H, 2, 1, 7, `[Extras] ${NOT_SECTION}. Check its spelling.`],
      ]);
    });
  });

  describe('a user catalog', () => {
    const SOURCE = { document: 'Contoso build standard', section: '3.1' };
    const catalog = parseSetupCatalog(
      JSON.stringify({
        version: 1,
        notes: ['Contoso additions.'],
        sections: [
          {
            name: 'Contoso',
            format: 'exchange55',
            description: 'Contoso deployment settings.',
            confidence: 'low',
            sources: [SOURCE],
            keys: [
              {
                name: 'BuildKey',
                type: 'cdkey55',
                pattern: '^B\\d{3}$',
                form: 'Bnnn',
                description: 'The build key.',
                confidence: 'low',
                sources: [
                  { ...SOURCE, kb: ['168490', '188625'] },
                  { document: 'Contoso build standard', section: '4', kb: ['188625'] },
                ],
              },
              { name: 'SiteCode', type: 'productid55', pattern: '^\\d{4}$', form: 'nnnn', description: 'The site code.', confidence: 'low', sources: [SOURCE] },
              { name: 'FreeCode', type: 'productid55', description: 'Any code.', confidence: 'low', sources: [SOURCE] },
              { name: 'Alias', type: 'proxyname', description: 'Any length.', confidence: 'low', sources: [SOURCE] },
            ],
          },
        ],
      }),
      'contoso.json',
    );
    const options: AnalyzeOptions = { exchange: { context: DEFAULT_CONTEXT, registry: registryIndex([]), setupCatalogs: [catalog.catalog], forceAnswerFile: true } };

    it('a key of the form of a product key names the KB articles its sources cite, each once, or none', () => {
      assert.deepStrictEqual(catalog.problems, []);
      expect(
        ini('[Components]', 'Services=False', '[Contoso]', 'BuildKey=X123', 'SiteCode=12345', 'FreeCode=anything', 'Alias=a-very-long-proxy-name'),
        [
          ['setupini.invalid-product-key', E, 3, 9, 13, 'BuildKey is not of the form Bnnn (KB 168490, KB 188625).'],
          ['setupini.invalid-product-key', E, 4, 9, 14, 'SiteCode is not of the form nnnn.'],
        ],
        [],
        [],
        options,
      );
    });
  });
});
