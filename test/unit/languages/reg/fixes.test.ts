import * as assert from 'assert';
import { applyFix, codes, V5 } from '../../../helpers/reg';
import { regLanguage } from '../../../../server/src/languages/reg';
import { fixableCodes } from '../../../../server/src/languages/reg/fixes';

const K = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]';
const crlf = (...lines: string[]): string => lines.join('\r\n');

/** [code, before, after]: each fix in before/after form; the after text must be clean of that code. */
const IS = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]';
const OWA = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeWeb\\OWA]';
const POP3 = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\POP3Svc\\Parameters]';
const TCPIP = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]';
const NETLOGON = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Netlogon\\Parameters]';
const QUEUING = '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\Queuing]';

const CASES: [string, string, string][] = [
  // Exchange knowledge, with the built-in catalog
  ['reg.deprecated-e2k-tuning', crlf(V5, IS, '"Initial Memory Percentage"=dword:0000000a', ''), crlf(V5, IS, '"Initial Memory Percentage"=-', '')],
  ['reg.deprecated-e2k-tuning', crlf(V5, IS, '"Initial Memory Percentage"=dword:0000000a ; tuned in 2004', ''), crlf(V5, IS, '"Initial Memory Percentage"=- ; tuned in 2004', '')],
  ['reg.wrong-type', crlf(V5, IS, '"Maximum Polling Frequency"="90000"', ''), crlf(V5, IS, '"Maximum Polling Frequency"=dword:00015f90', '')],
  ['reg.do-not-modify', crlf(V5, IS, '"Rpc/HTTP Port"=dword:00001772', ''), crlf(V5, IS, '"Rpc/HTTP Port"=dword:00001771', '')],
  ['reg.value-out-of-range', crlf(V5, OWA, '"KeyInterval"=dword:000005a1', ''), crlf(V5, OWA, '"KeyInterval"=dword:000005a0', '')],
  ['reg.discouraged-setting', crlf(V5, IS, '"Maximum Polling Frequency"=dword:00007530', ''), crlf(V5, IS, '"Maximum Polling Frequency"=dword:0000ea60', '')],
  ['reg.undefined-bits', crlf(V5, OWA, '"DefaultMailboxFolderSet"=dword:00040003', ''), crlf(V5, OWA, '"DefaultMailboxFolderSet"=dword:00000003', '')],
  // The Exchange Server Analyzer's recommendations where they are a value (catalog field analyzer[].fix)
  ['reg.analyzer-error', crlf(V5, POP3, '"MaxBufferSize"=dword:00000200', ''), crlf(V5, POP3, '"MaxBufferSize"=dword:00002000', '')],
  ['reg.analyzer-warning', crlf(V5, TCPIP, '"MaxUserPort"=dword:00001388 ; Windows default', ''), crlf(V5, TCPIP, '"MaxUserPort"=dword:0000ea60 ; Windows default', '')],
  ['reg.analyzer-warning', crlf(V5, NETLOGON, '"SiteName"="Branch-Office"', ''), crlf(V5, NETLOGON, '"SiteName"=-', '')],
  ['reg.analyzer-information', crlf(V5, QUEUING, '"GlitchRetrySeconds"=dword:0000003c', ''), crlf(V5, QUEUING, '"GlitchRetrySeconds"=-', '')],
  ['reg.analyzer-information', crlf(V5, IS, '"Disable Call Tracing"=dword:00000000', ''), crlf(V5, IS, '"Disable Call Tracing"=dword:00000001', '')],
  ['reg.invalid-header', crlf('windows registry editor version 5.00', K, '"a"="b"', ''), crlf(V5, K, '"a"="b"', '')],
  ['reg.invalid-header', crlf(K, '"a"="b"', ''), crlf(V5, '', K, '"a"="b"', '')],
  ['reg.header-imports-nothing', crlf('REGEDIT4 ', K, ''), crlf('REGEDIT4', K, '')],
  ['reg.key-abbreviated-root', crlf(V5, '[HKLM\\SOFTWARE\\Test]', '"a"="b"', ''), crlf(V5, K, '"a"="b"', '')],
  ['reg.key-unknown-root', crlf(V5, '[HKEY_LOCAL_MACHIN\\SOFTWARE\\Test]', ''), crlf(V5, K, '')],
  ['reg.key-unknown-root', crlf(V5, '[\\HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]', ''), crlf(V5, K, '')],
  ['reg.key-blank-after-bracket', crlf(V5, '[  HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]', ''), crlf(V5, K, '')],
  ['reg.key-blank-after-bracket', crlf(V5, '[- HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]', ''), crlf(V5, '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]', '')],
  ['reg.key-missing-closing-bracket', crlf(V5, '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test  ', ''), crlf(V5, `${K}  `, '')],
  ['reg.key-missing-opening-bracket', crlf(V5, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]', ''), crlf(V5, K, '')],
  ['reg.key-trailing-blank', crlf(V5, '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test \t]', ''), crlf(V5, K, '')],
  ['reg.string-unknown-escape', crlf(V5, K, '"p"="C:\\Temp"', ''), crlf(V5, K, '"p"="C:\\\\Temp"', '')],
  ['reg.hex-byte-unusual', crlf(V5, K, '"h"=hex:0x1f,02', ''), crlf(V5, K, '"h"=hex:1f,02', '')],
  ['reg.hex-type-unusual', crlf(V5, K, '"h"=hex( 2):41,00,00,00', ''), crlf(V5, K, '"h"=hex(2):41,00,00,00', '')],
  ['reg.dword-only-comment', crlf(V5, K, '"d"=dword: ;zero', ''), crlf(V5, K, '"d"=dword: 00000000;zero', '')],
  ['reg.hex-backslash-without-comma', crlf(V5, K, '"h"=hex:01,02\\', '  03', ''), crlf(V5, K, '"h"=hex:01,02,\\', '  03', '')],
  ['reg.hex-byte-invalid', crlf(V5, K, '"h"=hex:01,02 #note', ''), crlf(V5, K, '"h"=hex:01,02 ;note', '')],
  ['reg.string-trailing-text', crlf(V5, K, '"s"="v" #note', ''), crlf(V5, K, '"s"="v" ;note', '')],
  ['reg.dword-invalid', crlf(V5, K, '"d"=dword:0x10', ''), crlf(V5, K, '"d"=dword:10', '')],
  ['reg.dword-invalid', crlf(V5, K, '"d"=dword:10 #note', ''), crlf(V5, K, '"d"=dword:10 ;note', '')],
  ['reg.data-unknown-type', crlf(V5, K, '"d"=DWORD:00000001', ''), crlf(V5, K, '"d"=dword:00000001', '')],
  ['reg.value-name-unquoted', crlf(V5, K, 'Name = "v"', ''), crlf(V5, K, '"Name" = "v"', '')],
  ['reg.duplicate-value', crlf(V5, K, '"a"=hex:01,\\', '  02', '"b"="x"', '"A"="y"', ''), crlf(V5, K, '"b"="x"', '"A"="y"', '')],
  ['reg.hex-continuation-swallowed', crlf(V5, K, '"h"=hex:01,02,\\', '"b"="x"', ''), crlf(V5, K, '"h"=hex:01,02,', '"b"="x"', '')],
  ['reg.nul-character', crlf(V5, K, '"a"="b\0c"', ''), crlf(V5, K, '"a"="bc"', '')],
];

describe('reg: quick fixes', () => {
  for (const [code, before, after] of CASES) {
    it(`${code}: ${JSON.stringify(before.split('\r\n').find((l, i) => i > 0 && l !== K && l !== '') ?? before.split('\r\n')[0])}`, () => {
      assert.ok(codes(before).includes(code), `expected ${code} before the fix`);
      const fixed = applyFix(before, code);
      assert.strictEqual(fixed, after);
      assert.ok(!codes(fixed).includes(code), `${code} still reported after the fix`);
    });
  }

  it('keeps LF and bare CR line endings when deleting a duplicate', () => {
    for (const eol of ['\n', '\r']) {
      const before = [V5, K, '"a"="1"', '"a"="2"', ''].join(eol);
      assert.strictEqual(applyFix(before, 'reg.duplicate-value'), [V5, K, '"a"="2"', ''].join(eol));
    }
  });

  it('deletes a duplicate on the last line without a line break', () => {
    const before = `${V5}\r\n${K}\r\n"a"=-\r\n"a"=-`;
    // The later deletion wins; the earlier line goes with its line break.
    assert.strictEqual(applyFix(before, 'reg.duplicate-value'), `${V5}\r\n${K}\r\n"a"=-`);
  });

  it('offers the "#" fix only where the "#" is the problem', () => {
    for (const line of ['"a"="x" y #c', '"d"=dword:1234 5678 #c', '"h"=hex:01 02 #x']) {
      const text = crlf(V5, K, line, '');
      const doc = regLanguage.parse(text);
      for (const d of regLanguage.validate(doc)) assert.deepStrictEqual(regLanguage.fixes!(doc, d), [], `${line}: ${d.code}`);
    }
  });

  it('removes blank lines above the header instead of adding a second one', () => {
    const before = crlf('', V5, K, '');
    assert.strictEqual(applyFix(before, 'reg.invalid-header'), crlf(V5, K, ''));
  });

  it('has a before/after case for every fixable code', () => {
    const covered = new Set(CASES.map((c) => c[0]));
    assert.deepStrictEqual(fixableCodes().filter((c) => !covered.has(c)), []);
  });

  it('never prefers an analyzer fix, so Fix all leaves deliberate non-default values alone', () => {
    const text = crlf(V5, TCPIP, '"MaxUserPort"=dword:00001388', '');
    const doc = regLanguage.parse(text);
    const d = regLanguage.validate(doc).find((x) => x.code === 'reg.analyzer-warning');
    assert.ok(d);
    assert.deepStrictEqual(regLanguage.fixes!(doc, d).map((f) => [f.title, f.isPreferred ?? false]), [['Set it to 60000, as the Exchange Server Analyzer article recommends', false]]);
  });

  it('offers no fix for diagnostics that have none', () => {
    const text = crlf(V5, '"orphan"="v"', '');
    const doc = regLanguage.parse(text);
    const d = regLanguage.validate(doc).find((x) => x.code === 'reg.value-without-key');
    assert.ok(d);
    assert.deepStrictEqual(regLanguage.fixes!(doc, d), []);
  });
});
