import * as assert from 'assert';
import { applyFix, codes, diagAt, diagnose, fixesFor, fmt, ini, noCode } from '../../../helpers/setupini';

/** A complete, clean Exchange 5.5 batch Setup.ini (CRLF). */
const CLEAN55 = ini(
  '; Exchange 5.5 batch setup',
  '[Product ID]',
  'cdkey=123-4567890',
  '[Paths]',
  'ServerDest=C:\\exchsrvr',
  '[Components]',
  'Services=True',
  'Administrator=True',
  '[Site]',
  'ExistingServerName=MAILSRV00',
  '[ServiceAccount]',
  'AccountName=CONTOSO\\svc-exchange',
  '[Licensing]',
  'PerSeat=True',
);

describe('setupini: validation', () => {
  it('reports nothing on a clean Exchange 5.5 file', () => {
    assert.strictEqual(fmt(diagnose(CLEAN55)), '(none)');
  });

  describe('structure', () => {
    it('setupini.outside-section fires before the first header, silent inside one', () => {
      diagAt(ini('Services=True', '[Components]'), 'setupini.outside-section', 0, 0, 13);
      noCode(CLEAN55, 'setupini.outside-section');
    });
    it('setupini.invalid-line fires on a line without "=" and a header without "]"', () => {
      diagAt(ini('[Components]', 'Services True'), 'setupini.invalid-line', 1, 0, 13);
      diagAt(ini('[Components', 'Services=True'), 'setupini.invalid-line', 0, 0, 11);
      diagAt(ini('[Components] junk'), 'setupini.invalid-line', 0, 13, 17);
      noCode(ini('[Components] ; comment', '  ; another', 'Services=True'), 'setupini.invalid-line');
    });
    it('setupini.duplicate-section fires on the second header, related to the first; silent otherwise', () => {
      const d = diagAt(ini('[Site]', 'SiteName=A', '[site]', 'SiteProxyName=B'), 'setupini.duplicate-section', 2, 0, 6);
      assert.match(d.message, /do not say/);
      assert.deepStrictEqual(d.related?.[0].range.start, { line: 0, character: 0 });
      noCode(CLEAN55, 'setupini.duplicate-section');
    });
    it('setupini.duplicate-key fires on the second key (in any letter case, across repeated sections), silent otherwise', () => {
      const d = diagAt(ini('[Components]', 'Services=True', 'SERVICES=False'), 'setupini.duplicate-key', 2, 0, 8);
      assert.match(d.message, /do not say which/);
      assert.deepStrictEqual(d.related?.[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
      diagAt(ini('[Components]', 'Services=True', '[Components]', 'Services=True'), 'setupini.duplicate-key', 3, 0, 8);
      noCode(ini('[Components]', 'Services=True', '[Licensing]', 'PerSeat=True', '[Paths]', 'Services=x'), 'setupini.duplicate-key');
    });
  });

  describe('catalog', () => {
    it('setupini.unknown-section is a hint in 5.5 files, with a did-you-mean; silent in Exchange 2000/2003 files', () => {
      const d = diagAt(ini('[Components]', 'Services=False', '[Extras]', 'a=b'), 'setupini.unknown-section', 2, 1, 7);
      assert.strictEqual(d.severity, 'hint');
      assert.match(d.message, /not a section of the Exchange 4\.0\/5\.5 batch Setup\.ini/);
      assert.match(diagAt(ini('[Paths]', 'ServerDest=C:\\exchsrvr', '[Licencing]', 'PerSeat=True'), 'setupini.unknown-section', 2, 1, 10).message, /did you mean \[Licensing\]\?/);
      // The Exchange 2000/2003 format is not documented: a hint on each of its sections would say nothing.
      noCode(ini('[Exchange]', 'Action=Install'), 'setupini.unknown-section');
      noCode(CLEAN55, 'setupini.unknown-section');
      noCode(ini('[Paths]', 'ServerDest=C:\\exchsrvr', '[X400]', 'Country=US', '[X.400]', 'Country=US'), 'setupini.unknown-section');
    });
    it('setupini.unknown-key is a hint with a did-you-mean fix; silent for catalogued keys', () => {
      const text = ini('[Components]', 'Servises=True');
      const d = diagAt(text, 'setupini.unknown-key', 1, 0, 8);
      assert.strictEqual(d.severity, 'hint');
      assert.match(d.message, /did you mean Services\?/);
      assert.strictEqual(applyFix(text, 'setupini.unknown-key'), ini('[Components]', 'Services=True'));
      assert.strictEqual(fixesFor(text, 'setupini.unknown-key')[0].isPreferred, true);
      noCode(ini('[Components]', 'services=True', 'CC:Mail=False', 'Active Server Components=False'), 'setupini.unknown-key');
    });
    it('keys of an uncatalogued section are not reported one by one', () => {
      assert.deepStrictEqual(codes(ini('[Exchange]', 'Anything=1', 'Other=2')), []);
    });
  });

  describe('values', () => {
    it('setupini.plain-text-secret fires on AccountPassword and on any key naming a password; the fix blanks it (CRLF kept)', () => {
      const text = ini('[ServiceAccount]', 'AccountName=CONTOSO\\svc', 'AccountPassword=Winter2005!');
      const d = diagAt(text, 'setupini.plain-text-secret', 2, 16, 27);
      assert.strictEqual(d.severity, 'warning');
      assert.match(d.message, /plain text/);
      // An Exchange 5.5 batch file is not written by setup /createunattend: no Autologon advice there.
      assert.doesNotMatch(d.message, /Autologon|createunattend/);
      const e = diagAt(ini('[Microsoft Exchange]', 'AdminPassword=x'), 'setupini.plain-text-secret', 1, 14, 15);
      assert.match(e.message, /Autologon.*KB 234562/);
      assert.strictEqual(applyFix(text, 'setupini.plain-text-secret'), ini('[ServiceAccount]', 'AccountName=CONTOSO\\svc', 'AccountPassword='));
      diagAt(ini('[Exchange]', 'ServiceAccountPwd = secret'), 'setupini.plain-text-secret', 1, 20, 26);
      diagAt(ini('[Exchange]', 'AdminCredentials=x'), 'setupini.plain-text-secret', 1, 17, 18);
    });
    it('setupini.plain-text-secret is silent on a yes/no flag of a key named like a password, not on a catalogued password', () => {
      // Before: "ShowPasswordDialog=N" (an installer's switch) was reported as a password in plain text.
      noCode(ini('[Startup]', 'ShowPasswordDialog=N', 'PasswordRequired=Yes', 'AskPassword=0'), 'setupini.plain-text-secret');
      diagAt(ini('[Startup]', 'AdminPassword=N0t-a-flag'), 'setupini.plain-text-secret', 1, 14, 24);
      diagAt(ini('[ServiceAccount]', 'AccountPassword=1'), 'setupini.plain-text-secret', 1, 16, 17);
    });
    it('setupini.plain-text-secret is silent for blank passwords and other keys', () => {
      noCode(ini('[ServiceAccount]', 'AccountName=CONTOSO\\svc', 'AccountPassword='), 'setupini.plain-text-secret');
      noCode(CLEAN55, 'setupini.plain-text-secret');
    });
    it('setupini.invalid-product-key fires on 5.5 pid/cdkey of the wrong form and on a 2003 product key that is not 5x5', () => {
      diagAt(ini('[Product ID]', 'cdkey=1234567890'), 'setupini.invalid-product-key', 1, 6, 16);
      diagAt(ini('[Product ID]', 'pid=123456789012'), 'setupini.invalid-product-key', 1, 4, 16);
      diagAt(ini('[Exchange]', 'ProductKey=ABCDE-FGHIJ-KLMNO-PQRST'), 'setupini.invalid-product-key', 1, 11, 34);
    });
    it('setupini.invalid-product-key is silent on well-formed keys', () => {
      noCode(ini('[Product ID]', 'cdkey=123-4567890', 'pid=1234567890123'), 'setupini.invalid-product-key');
      noCode(ini('[Exchange]', 'ProductKey=ABCDE-FGHIJ-KLMNO-PQRST-UVWXY'), 'setupini.invalid-product-key');
      noCode(ini('[Exchange]', 'Product Key=ABCDEFGHIJKLMNOPQRSTUVWXY'), 'setupini.invalid-product-key');
    });
    it('setupini.invalid-organization-name fires on names breaking S12, silent on good ones', () => {
      diagAt(ini('[Exchange]', 'OrganizationName=Contoso, Ltd'), 'setupini.invalid-organization-name', 1, 17, 29);
      diagAt(ini('[Exchange]', `OrgName=${'a'.repeat(64)}`), 'setupini.invalid-organization-name', 1, 8, 72);
      diagAt(ini('[Exchange]', 'OrganizationName='), 'setupini.invalid-organization-name', 1, 16, 17);
      noCode(ini('[Exchange]', `OrganizationName=${'a'.repeat(59)}-Z 9`), 'setupini.invalid-organization-name');
    });
    it('setupini.invalid-path fires on a path without a drive or with illegal characters, silent on good paths', () => {
      diagAt(ini('[Paths]', 'ServerDest=exchsrvr'), 'setupini.invalid-path', 1, 11, 19);
      diagAt(ini('[Paths]', 'AdminDest=C:\\Program Files\\Exch|srvr'), 'setupini.invalid-path', 1, 10, 36);
      diagAt(ini('[Exchange]', 'InstallPath=C:\\a:b'), 'setupini.invalid-path', 1, 12, 18);
      noCode(ini('[Paths]', 'ServerDest=C:\\Program Files\\Exchsrvr', 'AdminDest='), 'setupini.invalid-path');
      noCode(ini('[Exchange]', 'InstallPath=D:\\Exchsrvr'), 'setupini.invalid-path');
    });
    it('setupini.invalid-boolean fires on values other than True/False, with fixes; silent on True/False in any case', () => {
      const text = ini('[Components]', 'Services=Yes', '[Licensing]', 'PerSeat=True');
      diagAt(text, 'setupini.invalid-boolean', 1, 9, 12);
      assert.strictEqual(applyFix(text, 'setupini.invalid-boolean', /True/), ini('[Components]', 'Services=True', '[Licensing]', 'PerSeat=True'));
      noCode(ini('[Components]', 'Services=true', 'KMServer=FALSE', '[Licensing]', 'PerSeat=True'), 'setupini.invalid-boolean');
    });
    it('setupini.proxy-name-too-long fires above 10 characters, silent at 10', () => {
      diagAt(ini('[Site]', 'ExistingServerName=S', 'SiteProxyName=ABCDEFGHIJK'), 'setupini.proxy-name-too-long', 2, 14, 25);
      diagAt(ini('[Site]', 'ExistingServerName=S', '[Organization]', 'OrganizationProxyName=ABCDEFGHIJK'), 'setupini.proxy-name-too-long', 3, 22, 33);
      noCode(ini('[Site]', 'ExistingServerName=S', 'SiteProxyName=ABCDEFGHIJ'), 'setupini.proxy-name-too-long');
    });
  });

  describe('Exchange 5.5 required combinations', () => {
    it('setupini.missing-required-key: PerServer=True without PerServerUsers', () => {
      // Only the Exchange 4.0 article has PerServer and this rule: a warning that names it.
      const d = diagAt(ini('[Licensing]', 'PerServer=True'), 'setupini.missing-required-key', 1, 0, 14);
      assert.strictEqual(d.severity, 'warning');
      assert.match(d.message, /KB 168490 \(Exchange 4\.0\)/);
      assert.doesNotMatch(d.message, /188625/);
      noCode(ini('[Licensing]', 'PerServer=True', 'PerServerUsers=25'), 'setupini.missing-required-key');
      noCode(ini('[Licensing]', 'PerServer=False', 'PerSeat=True'), 'setupini.missing-required-key');
    });
    it('setupini.missing-required-key: a new site without AccountName', () => {
      const d = diagAt(ini('[Site]', 'SiteName=Redmond', '[Licensing]', 'PerSeat=True'), 'setupini.missing-required-key', 1, 0, 16);
      assert.match(d.message, /AccountName/);
      noCode(ini('[Site]', 'SiteName=Redmond', '[ServiceAccount]', 'AccountName=CONTOSO\\svc'), 'setupini.missing-required-key');
      noCode(ini('[Site]', 'SiteName=Redmond', 'ExistingServerName=MAIL01'), 'setupini.missing-required-key');
    });
    it('setupini.no-license-mode: Services=True without PerSeat or PerServer True', () => {
      const d = diagAt(ini('[Components]', 'Services=True', '[Licensing]', 'PerSeat=False'), 'setupini.no-license-mode', 1, 0, 13);
      assert.strictEqual(d.severity, 'warning');
      assert.match(d.message, /KB 168490 \(Exchange 4\.0\)/);
      assert.doesNotMatch(d.message, /188625/);
      noCode(ini('[Components]', 'Services=True', '[Licensing]', 'PerSeat=True'), 'setupini.no-license-mode');
      noCode(ini('[Components]', 'Services=False'), 'setupini.no-license-mode');
    });
    it('the 5.5 rules are silent in an Exchange 2000/2003 file', () => {
      noCode(ini('[Exchange]', 'PerServer=True', 'Services=True'), 'setupini.missing-required-key');
    });
  });

  it('reports the sample file: the missing PerServerUsers and the plain-text password', () => {
    const fs = require('fs') as typeof import('fs');
    const path = require('path') as typeof import('path');
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', '..', 'examples', 'setup', 'exchange55-batch-setup.ini'), 'utf8');
    assert.deepStrictEqual(codes(text).sort(), ['setupini.missing-required-key', 'setupini.plain-text-secret']);
  });
});
