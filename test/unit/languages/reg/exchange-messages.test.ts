/**
 * The Exchange checks of .reg values, one case per branch that words a finding differently or attaches other fix
 * data: each case runs one value against a one-entry catalog written for the test and compares the complete result
 * (code, severity, range, message, data).
 */
import * as assert from 'assert';
import { ExchangeContext, RegistryEntry } from '../../../../server/src/core/catalog';
import { RegistryCatalogIndex } from '../../../../server/src/core/catalogIndex';
import { regLanguage } from '../../../../server/src/languages/reg';
import { V5 } from '../../../helpers/reg';

const KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeTest';
const BASE: RegistryEntry = {
  id: 'test.value',
  keys: [KEY],
  names: ['V'],
  type: 'REG_DWORD',
  status: 'current',
  description: 'The first line of the description.\nThe second line.',
  confidence: 'documented',
  sources: [{ document: 'test', section: 'test' }],
};

/** The findings of `"V"=<data>` under KEY (line 3), against BASE changed by `extra`. */
function findings(extra: Partial<RegistryEntry>, data: string, context: ExchangeContext = { exchangeVersion: '2003' }): [string, string, number, number, string, unknown][] {
  const registry = new RegistryCatalogIndex([{ version: 1, entries: [{ ...BASE, ...extra }] }]);
  const text = [V5, '', `[${KEY}]`, `"V"=${data}`, ''].join('\r\n');
  return regLanguage
    .validate(regLanguage.parse(text), { exchange: { context, registry } })
    .map((d) => {
      assert.strictEqual(d.range.start.line, 3);
      return [d.code, d.severity, d.range.start.character, d.range.end.character, d.message, d.data];
    });
}

/** Exactly one finding, with this code, severity, range, message and data. */
function one(extra: Partial<RegistryEntry>, data: string, expected: [string, string, number, number, RegExp, unknown], context?: ExchangeContext): void {
  const got = findings(extra, data, context);
  assert.strictEqual(got.length, 1, JSON.stringify(got));
  const [code, severity, start, end, message, fix] = got[0];
  assert.deepStrictEqual([code, severity, start, end, fix], [expected[0], expected[1], expected[2], expected[3], expected[5]]);
  assert.match(message, expected[4]);
}

const ID = { entryId: 'test.value' };
const NAME: [number, number] = [0, 3];

describe('reg: Exchange findings, each branch of their wording and fix data', () => {
  describe('reg.deprecated-e2k-tuning', () => {
    it('without a replacement, an action or a restart', () => {
      one({ status: 'deprecated' }, 'dword:1', ['reg.deprecated-e2k-tuning', 'warning', ...NAME, /^"V" is Exchange 2000 tuning that the catalog marks obsolete on Exchange 2003\. Remove it\.$/, ID]);
    });
    it('with a restart of the server, or none needed', () => {
      one({ status: 'deprecated', restart: 'reboot' }, 'dword:1', ['reg.deprecated-e2k-tuning', 'warning', ...NAME, /\. Remove it\. Then restart the server\.$/, ID]);
      one({ status: 'deprecated', restart: 'dynamic', replacedBy: 'it is automatic now', action: 'Delete it.' }, 'dword:1', [
        'reg.deprecated-e2k-tuning', 'warning', ...NAME, /^"V" is Exchange 2000 tuning: it is automatic now\. Delete it\. The change takes effect without a restart\.$/, ID,
      ]);
    });
    it('not on Exchange 2000, and not for a deletion', () => {
      assert.deepStrictEqual(findings({ status: 'deprecated' }, 'dword:1', { exchangeVersion: '2000' }), []);
      assert.deepStrictEqual(findings({ status: 'deprecated' }, '-'), []);
      assert.deepStrictEqual(findings({ status: 'deprecated' }, '"text"'), findings({ status: 'deprecated' }, 'dword:1'));
    });
  });

  describe('reg.not-for-this-version and reg.not-for-this-role', () => {
    it('names the versions the value is documented for', () => {
      one({ versions: ['2003'] }, 'dword:1', ['reg.not-for-this-version', 'information', ...NAME,
        /^"V" is documented only for Exchange 2003 and later; this server is set to Exchange 2000 \(exchangeConfig\.exchangeVersion\)\. Remove it unless/, ID], { exchangeVersion: '2000' });
      one({ versions: ['2000'] }, 'dword:1', ['reg.not-for-this-version', 'information', ...NAME, /^"V" is documented only for Exchange 2000; this server is set to Exchange 2003 \(/, ID]);
      one({ versions: ['2000', '2003sp2'] }, 'dword:1', ['reg.not-for-this-version', 'information', ...NAME,
        /^"V" is documented only for Exchange 2000 and Exchange 2003 SP2; this server is set to Exchange 2003 SP1 \(/, ID], { exchangeVersion: '2003sp1' });
      assert.deepStrictEqual(findings({ versions: ['2003'] }, 'dword:1', { exchangeVersion: '2003sp2' }), []);
      assert.deepStrictEqual(findings({ versions: ['2003'] }, '-', { exchangeVersion: '2000' }), []);
    });
    it('names the roles the value belongs to: servers, or client computers', () => {
      one({ roles: ['front-end', 'bridgehead'] }, 'dword:1', ['reg.not-for-this-role', 'information', ...NAME,
        /^"V" belongs on front-end or bridgehead servers; this file is for a mailbox server \(setting exchangeConfig\.serverRole\), where it has no effect\./, ID], { exchangeVersion: '2003', role: 'mailbox' });
      one({ roles: ['client'] }, 'dword:1', ['reg.not-for-this-role', 'information', ...NAME, /^"V" belongs on client computers; this file is for a mailbox server/, ID], { exchangeVersion: '2003', role: 'mailbox' });
      assert.deepStrictEqual(findings({ roles: ['mailbox'] }, 'dword:1', { exchangeVersion: '2003', role: 'mailbox' }), []);
    });
  });

  describe('reg.wrong-type', () => {
    it('a string of digits where a DWORD is documented converts to the number; other strings and numbers too large do not', () => {
      one({}, '"12"', ['reg.wrong-type', 'warning', 4, 8, /^"V" is documented as REG_DWORD, but this line writes REG_SZ, which Exchange may ignore or misread\. Write it as dword:xxxxxxxx\.$/, { ...ID, convert: 12 }]);
      one({}, '" 4294967295 "', ['reg.wrong-type', 'warning', 4, 18, /writes REG_SZ/, { ...ID, convert: 4294967295 }]);
      one({}, '"4294967296"', ['reg.wrong-type', 'warning', 4, 16, /writes REG_SZ/, { ...ID, convert: undefined }]);
      one({}, '"12a"', ['reg.wrong-type', 'warning', 4, 9, /writes REG_SZ/, { ...ID, convert: undefined }]);
      one({}, '"x" ; comment', ['reg.wrong-type', 'warning', 4, 7, /writes REG_SZ/, { ...ID, convert: undefined }]);
      // The range ends at the closing quote: an escaped quote and a ";" inside the string are data.
      one({}, '"a\\";b"\t;c"', ['reg.wrong-type', 'warning', 4, 11, /writes REG_SZ/, { ...ID, convert: undefined }]);
      one({}, '"a\\\\";c', ['reg.wrong-type', 'warning', 4, 9, /writes REG_SZ/, { ...ID, convert: undefined }]);
    });
    it('a DWORD where a string is documented converts to its decimal digits; other types name the documented type', () => {
      one({ type: 'REG_SZ' }, 'dword:0000000c', ['reg.wrong-type', 'warning', 4, 18, /^"V" is documented as REG_SZ, but this line writes REG_DWORD, .* Write it as a quoted string\.$/, { ...ID, convert: '12' }]);
      one({ type: 'REG_SZ' }, 'hex:01', ['reg.wrong-type', 'warning', 4, 10, /writes REG_BINARY, .* Write it as a quoted string\.$/, { ...ID, convert: undefined }]);
      one({ type: 'REG_MULTI_SZ' }, '"x"', ['reg.wrong-type', 'warning', 4, 7, /^"V" is documented as REG_MULTI_SZ, but this line writes REG_SZ, .* Write it as REG_MULTI_SZ\.$/, { ...ID, convert: undefined }]);
      one({ type: 'REG_DWORD' }, 'hex(b):01,00,00,00,00,00,00,00', ['reg.wrong-type', 'warning', 4, 34, /writes REG_QWORD/, { ...ID, convert: undefined }]);
    });
    it('says nothing where no source states the type', () => {
      assert.deepStrictEqual(findings({ typeNotStated: true }, '"12"'), []);
    });
  });

  describe('numbers: Setup values, documented values, ranges and bits', () => {
    it('reg.do-not-modify restores what Setup writes', () => {
      one({ status: 'do-not-modify', setupValue: 6001 }, 'dword:00000001', ['reg.do-not-modify', 'warning', 4, 18,
        /^"V" is 1 \(0x00000001\), but Setup writes 6001 \(0x00001771\) and the documentation says not to change it\. Set it back to 6001\.$/, { ...ID, setDword: 6001 }]);
      assert.deepStrictEqual(findings({ status: 'do-not-modify', setupValue: 6001 }, 'dword:00001771'), []);
      assert.deepStrictEqual(findings({ status: 'do-not-modify', setupValue: '6001' }, 'dword:00000001'), []);
    });
    it('reg.value-out-of-range: both bounds, a minimum only, a maximum only', () => {
      one({ min: 10, max: 20, unit: 'ms' }, 'dword:00000015', ['reg.value-out-of-range', 'warning', 4, 18,
        /^"V" is 21 ms, outside the documented range \(10 to 20 ms\)\. Set a value in the range, for example 20\.$/, { ...ID, setDword: 20 }]);
      one({ min: 10, max: 20 }, 'dword:00000009', ['reg.value-out-of-range', 'warning', 4, 18, /^"V" is 9, outside the documented range \(10 to 20\)\. .* for example 10\.$/, { ...ID, setDword: 10 }]);
      one({ min: 10 }, 'dword:00000009', ['reg.value-out-of-range', 'warning', 4, 18, /\(at least 10\)\. .* for example 10\.$/, { ...ID, setDword: 10 }]);
      one({ max: 5, unit: 'days' }, 'dword:00000006', ['reg.value-out-of-range', 'warning', 4, 18, /^"V" is 6 days, outside the documented range \(at most 5 days\)\. .* for example 5\.$/, { ...ID, setDword: 5 }]);
      for (const data of ['dword:0000000a', 'dword:00000014']) assert.deepStrictEqual(findings({ min: 10, max: 20 }, data), []);
    });
    it('reg.undefined-bits: with and without an "all features" value', () => {
      const bits = [{ mask: 1, name: 'One' }, { mask: 4, name: 'Four' }];
      one({ bits }, 'dword:00000007', ['reg.undefined-bits', 'warning', 4, 18,
        /^"V" is 0x00000007, which sets bits that stand for no feature \(0x00000002\)\. The value must be a sum of the documented feature masks\. Remove the undefined bits\.$/, { ...ID, setDword: 5 }]);
      const all = [...bits, { mask: 0xffffffff, name: 'All' }];
      one({ bits: all }, 'dword:80000001', ['reg.undefined-bits', 'warning', 4, 18, /\(0x80000000\)\. The value must be a sum of the documented feature masks \(or 0xffffffff for All\)\./, { ...ID, setDword: 1 }]);
      assert.deepStrictEqual(findings({ bits: all }, 'dword:ffffffff'), []);
      assert.deepStrictEqual(findings({ bits }, 'dword:00000005'), []);
    });
  });

  describe('constraints per Windows version', () => {
    const windows = { '2000': { min: 24000, max: 31000 }, '2003': { allowed: [{ value: 0, meaning: 'let Windows decide' }] } };
    it('a value wrong on every Windows version is reported while the version is unknown', () => {
      one({ windows }, 'dword:00000001', ['reg.value-out-of-range', 'warning', 4, 18,
        /^"V" is 1, which is wrong for Exchange on every Windows version: 24000 to 31000 on Windows 2000, 0 on Windows Server 2003\. Set the value for this server's Windows version\.$/, ID]);
      assert.deepStrictEqual(findings({ windows }, 'dword:00000000'), []);
      assert.deepStrictEqual(findings({ windows }, 'dword:00007530'), []);
      assert.deepStrictEqual(findings({ windows: { '2000': { min: 24000 } } }, 'dword:00000001'), [], 'one rule alone is no reason to report');
    });
    it('a rule without bounds or values reads "0 to any" and fails no value it does not cover', () => {
      one({ windows: { '2000': { min: 5 }, '2003': { max: 3 } } }, 'dword:00000004', ['reg.value-out-of-range', 'warning', 4, 18, /: 5 to any on Windows 2000, 0 to 3 on Windows Server 2003\./, ID]);
    });
    it('with the Windows version known: documented values, with a fix when there is one', () => {
      one({ windows }, 'dword:00007530', ['reg.value-not-allowed', 'warning', 4, 18,
        /^"V" is 30000, but on Windows Server 2003 it must be 0 \(let Windows decide\)\. Set it to 0\.$/, { ...ID, setDword: 0 }], { exchangeVersion: '2003', windowsVersion: '2003' });
      const two = { '2003': { allowed: [{ value: 0, meaning: 'off' }, { value: 1, meaning: 'on' }] } };
      one({ windows: two }, 'dword:00000002', ['reg.value-not-allowed', 'warning', 4, 18, /it must be 0 \(off\) or 1 \(on\)\. Set it to 0 or 1\.$/, ID], { exchangeVersion: '2003', windowsVersion: '2003' });
    });
    it('with the Windows version known: a range, with the nearest bound', () => {
      one({ windows }, 'dword:00000001', ['reg.value-out-of-range', 'warning', 4, 18,
        /^"V" is 1, but on Windows 2000 it must be 24000 to 31000\. Set a value in the range, for example 24000\.$/, { ...ID, setDword: 24000 }], { exchangeVersion: '2003', windowsVersion: '2000' });
      one({ windows: { '2000': { min: 5 } } }, 'dword:00000001', ['reg.value-out-of-range', 'warning', 4, 18, /it must be 5 to any\. .* for example 5\.$/, { ...ID, setDword: 5 }], { exchangeVersion: '2003', windowsVersion: '2000' });
      one({ windows: { '2000': { max: 5 } } }, 'dword:00000009', ['reg.value-out-of-range', 'warning', 4, 18, /it must be 0 to 5\. .* for example 5\.$/, { ...ID, setDword: 5 }], { exchangeVersion: '2003', windowsVersion: '2000' });
      assert.deepStrictEqual(findings({ windows }, 'dword:00007530', { exchangeVersion: '2003', windowsVersion: '2000' }), []);
    });
  });

  describe('reg.discouraged-setting and reg.invalid-format', () => {
    it('a recommended maximum only', () => {
      one({ recommended: { max: 3, reason: 'more slows the server' } }, 'dword:00000004', ['reg.discouraged-setting', 'information', 4, 18,
        /^"V" is 4; the recommended value is .*: more slows the server\. Consider 3\.$/, { ...ID, setDword: 3 }]);
      assert.deepStrictEqual(findings({ recommended: { max: 3, reason: 'r' } }, 'dword:00000003'), []);
    });
    it('discouraged values, numbers and strings', () => {
      one({ discouragedValues: [{ value: 2, reason: 'Two turns logging off.' }] }, 'dword:00000002', ['reg.discouraged-setting', 'information', 4, 18, /^"V" is 2: Two turns logging off\.$/, ID]);
      one({ type: 'REG_SZ', discouragedValues: [{ value: 'M', reason: 'The M: drive is risky.' }] }, '"M"', ['reg.discouraged-setting', 'information', 4, 7, /^"V" is M: The M: drive is risky\.$/, ID]);
      assert.deepStrictEqual(findings({ discouragedValues: [{ value: 2, reason: 'r.' }] }, 'dword:00000003'), []);
    });
    it('a discouraged entry without an action says the first line of its description', () => {
      one({ status: 'discouraged' }, 'dword:1', ['reg.discouraged-setting', 'information', ...NAME, /^"V" is valid, but discouraged: The first line of the description\.$/, ID]);
    });
    const formats: [RegistryEntry['format'], string, RegExp | undefined][] = [
      ['guid', '{01234567-89ab-cdef-0123-456789ABCDEF}', undefined],
      ['guid', ' 01234567-89ab-cdef-0123-456789abcdef ', undefined],
      ['guid', '{01234567-89ab-cdef-0123-456789abcdeg}', /^"V": "\{01234567-89ab-cdef-0123-456789abcdeg\}" is not a GUID \(like \{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\}\)\. Write the GUID/],
      ['guid', 'x01234567-89ab-cdef-0123-456789abcdef', /is not a GUID/],
      ['guid', '01234567-89ab-cdef-0123-456789abcdefx', /is not a GUID/],
      ['drive-letter', 'm', undefined],
      ['drive-letter', 'MN', /^"V": "MN" is not a single drive letter\. Write one letter, such as M\.$/],
      ['drive-letter', '1', /is not a single drive letter/],
      ['extension-list', 'exe,vbs', undefined],
      ['extension-list', 'exe,,vbs', /: the list must be extensions without dots or blanks, separated by commas; "" is not one\./],
      ['extension-list', 'exe,.vbs', /; ".vbs" is not one\./],
      ['extension-list', 'exe,v bs', /; "v bs" is not one\./],
      ['extension-list', 'exe,vbs,EXE', /^"V": "EXE" is listed twice\. Remove the duplicate\.$/],
      ['mime-list', 'text/html,application/x-msdownload', undefined],
      ['mime-list', 'text/html,texthtml', /: the list must be MIME types \(type\/subtype\) separated by commas; "texthtml" is not in that form\./],
      ['mime-list', 'text/html/x', /"text\/html\/x" is not in that form/],
      ['mime-list', 'a text/html', /"a text\/html" is not in that form/],
      ['host-list', 'mail.contoso.com,web-1.contoso.com', undefined],
      ['host-list', 'mail.contoso.com,http://web', /: the list must be host names separated by commas \(no blanks, no URLs\); "http:\/\/web" is not one\./],
      ['host-list', '-mail.contoso.com', /"-mail\.contoso\.com" is not one/],
      ['host-list', 'mail-.contoso.com', /"mail-\.contoso\.com" is not one/],
      ['host-list', 'mail..contoso.com', /"mail\.\.contoso\.com" is not one/],
      ['host-list', 'x', undefined],
      ['valid-ports', 'MAIL01:6001-6002;MAIL01:6004', undefined],
      ['valid-ports', 'MAIL01:6002-6001;', /"MAIL01:6002-6001" opens other ports than the documented 6001-6002 and 6004/],
      ['valid-ports', 'MAIL01:6000;', /"MAIL01:6000" opens other ports/],
      ['valid-ports', 'MAIL01:6005;', /"MAIL01:6005" opens other ports/],
      ['valid-ports', 'MAIL01:6003;', /"MAIL01:6003" opens other ports/],
      ['valid-ports', 'MAIL01:6004-6004;MAIL01:6001', undefined],
      ['valid-ports', 'MAIL01:600100;', /: each entry must be host:port or host:first-last, separated by semicolons; "MAIL01:600100" is not, so the RPC proxy refuses connections to it\./],
      ['valid-ports', '.MAIL01:6004;', /"\.MAIL01:6004" is not,/],
    ];
    for (const [format, text, says] of formats) {
      it(`${format}: "${text}" ${says ? 'is reported' : 'is fine'}`, () => {
        const got = findings({ type: 'REG_SZ', format }, `"${text}"`);
        if (!says) {
          assert.deepStrictEqual(got, []);
          return;
        }
        assert.deepStrictEqual(got.map(([c, s, a, b, , d]) => [c, s, a, b, d]), [['reg.invalid-format', 'warning', 4, 6 + text.length, ID]]);
        assert.match(got[0][4], says);
      });
    }
  });

  describe('uncertain entries', () => {
    it('a warning becomes information, information a hint, and the message says why', () => {
      one({ confidence: 'uncertain', min: 10 }, 'dword:00000001', ['reg.value-out-of-range', 'information', 4, 18, /for example 10\. \(Sources uncertain; see the hover\.\)$/, { ...ID, setDword: 10 }]);
      one({ confidence: 'uncertain', status: 'discouraged', action: 'Leave it out.' }, 'dword:1', ['reg.discouraged-setting', 'hint', ...NAME, /^"V" is valid, but discouraged: Leave it out\. \(Sources uncertain; see the hover\.\)$/, ID]);
      one({ confidence: 'uncertain', type: 'REG_SZ' }, 'dword:1', ['reg.wrong-type', 'information', 4, 11, /\. \(Sources uncertain; see the hover\.\)$/, { ...ID, convert: '1' }]);
    });
  });
});

describe('reg.level2-blocked-by-level1: one entry or several, file types and MIME types', () => {
  const entry = (name: string): RegistryEntry => ({ ...BASE, id: name, names: [name], type: 'REG_SZ' });
  const registry = new RegistryCatalogIndex([
    { version: 1, entries: ['Level1FileTypes', 'Level2FileTypes', 'Level1MIMETypes', 'Level2MIMETypes'].map(entry) },
  ]);
  const run = (...values: string[]): [string, number, number, number, string, [number, string][]][] =>
    regLanguage
      .validate(regLanguage.parse([V5, '', `[${KEY}]`, ...values, ''].join('\r\n')), { exchange: { context: { exchangeVersion: '2003' }, registry } })
      .map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message, (d.related ?? []).map((r): [number, string] => [r.range.start.line, r.message])]);

  it('two entries in both lists: "are", "them"', () => {
    const got = run('"Level1FileTypes"="exe,vbs,js"', '"Level2FileTypes"="doc,VBS, exe"');
    assert.deepStrictEqual(got.map(([c, l, a, b, , r]) => [c, l, a, b, r]), [['reg.level2-blocked-by-level1', 4, 18, 32, [[3, 'the Level 1 list']]]]);
    assert.match(got[0][4], /^"VBS", " exe" are also in "Level1FileTypes", and Level 1 wins: Outlook Web Access blocks such attachments outright instead of letting users save them\. Remove them from one of the two lists,/);
  });

  it('one MIME type in both lists, with the Level 2 list first: "is", "it"', () => {
    const got = run('"Level2MIMETypes"="text/html,,image/png"', '"Level1MIMETypes"="TEXT/HTML"');
    assert.deepStrictEqual(got.map(([c, l, a, b, , r]) => [c, l, a, b, r]), [['reg.level2-blocked-by-level1', 3, 18, 40, [[4, 'the Level 1 list']]]]);
    assert.match(got[0][4], /^"text\/html" is also in "Level1MIMETypes", and Level 1 wins: .* Remove it from one of the two lists,/);
  });

  it('stays silent without an overlap, or with a list that is not a string', () => {
    assert.deepStrictEqual(run('"Level1FileTypes"="exe"', '"Level2FileTypes"="doc"'), []);
    assert.deepStrictEqual(run('"Level1FileTypes"="exe"', '"Level2MIMETypes"="exe"'), []);
    assert.deepStrictEqual(run('"Level1FileTypes"="exe"', '"Level2FileTypes"=hex(2):65,00,78,00,65,00,00,00').map(([c]) => c), ['reg.wrong-type']);
  });
});
