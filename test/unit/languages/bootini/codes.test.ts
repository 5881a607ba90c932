/** Every registered boot.ini code fires on at least one example, has a README section, and a message that says why. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allCodes } from '../../../../server/src/core/codes';
import { decodeBytes } from '../../../../server/src/core/encoding';
import { AnalyzeOptions } from '../../../../server/src/core/language';
import { bootiniLanguage } from '../../../../server/src/languages/bootini';
import { bootIni, context, diagnose, fmt, PATH, W2000AS, W2000S, W2003 } from '../../../helpers/bootini';
import { internalReferences, MESSAGE_MAX, MESSAGE_P95_MAX, percentile95 } from '../../../helpers/userText';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const OK = bootIni(`${W2003} /fastdetect`);
const RC = 'C:\\CMDCONS\\BOOTSECT.DAT';

/** One example per code. */
const EXAMPLES: Record<string, { text: string; options?: AnalyzeOptions }> = {
  'bootini.missing-boot-loader': { text: `[operating systems]\r\n${W2003}\r\n` },
  'bootini.no-operating-systems': { text: '[boot loader]\r\ntimeout=30\r\n' },
  'bootini.duplicate-section': { text: `${OK}[boot loader]\r\n` },
  'bootini.unknown-section': { text: `${OK}[operating sytems]\r\n` },
  'bootini.other-section': { text: `${OK}[extra]\r\n` },
  'bootini.outside-section': { text: `hello\r\n${OK}` },
  'bootini.invalid-line': { text: OK.replace('timeout=30', 'timeout') },
  'bootini.unknown-key': { text: OK.replace('timeout=30', 'timout=30') },
  'bootini.duplicate-key': { text: OK.replace('timeout=30', 'timeout=30\r\ntimeout=10') },
  'bootini.invalid-timeout': { text: OK.replace('timeout=30', 'timeout=soon') },
  'bootini.invalid-redirect': { text: OK.replace('timeout=30', 'timeout=30\r\nredirect=LPT1') },
  'bootini.default-not-found': { text: OK.replace(`default=${PATH}`, 'default=C:\\') },
  'bootini.zero-timeout-default-not-windows': { text: `${OK.replace('timeout=30', 'timeout=0').replace(`default=${PATH}`, `default=${RC}`)}${RC}="Microsoft Windows Recovery Console" /cmdcons\r\n` },
  'bootini.invalid-arc-path': { text: bootIni(`multi(0)disk(0)rdisk(0)partition(0)\\WINDOWS="x"`) },
  'bootini.unusual-arc-path': { text: bootIni(`multi(1)disk(0)rdisk(0)partition(1)\\WINDOWS="x"`) },
  'bootini.invalid-description': { text: bootIni(`${PATH}="Windows Server 2003`) },
  'bootini.stray-text': { text: bootIni(`${W2003} fastdetect`) },
  'bootini.unknown-switch': { text: bootIni(`${W2003} /fastdetct`) },
  'bootini.switch-value-missing': { text: bootIni(`${W2003} /NOEXECUTE`) },
  'bootini.unexpected-switch-value': { text: bootIni(`${W2003} /SOS=1`) },
  'bootini.invalid-switch-value': { text: bootIni(`${W2003} /NOEXECUTE=maybe`) },
  'bootini.switch-value-out-of-range': { text: bootIni(`${W2003} /3GB /USERVA=4000`) },
  'bootini.duplicate-switch': { text: bootIni(`${W2003} /sos /sos`) },
  'bootini.conflicting-switches': { text: bootIni(`${W2003} /PAE /NOPAE`) },
  'bootini.switch-ignored': { text: bootIni(`${W2003} /USERVA=3030`) },
  'bootini.redirect-without-port': { text: bootIni(`${W2003} /redirect`) },
  'bootini.switch-not-for-version': { text: bootIni(`${W2000AS} /NOEXECUTE=OptIn`) },
  'bootini.3gb-without-userva': { text: bootIni(`${W2003} /3GB`) },
  'bootini.userva-outside-exchange-range': { text: bootIni(`${W2003} /3GB /USERVA=2900`) },
  'bootini.3gb-on-front-end': { text: bootIni(`${W2003} /3GB /USERVA=3030`), options: context({ role: 'front-end' }) },
  'bootini.3gb-on-windows-2000-server': { text: bootIni(`${W2000S} /3GB`) },
  'bootini.pae-with-3gb-on-windows-2000': { text: bootIni(`${W2000AS} /3GB /PAE`) },
  'bootini.missing-3gb': { text: bootIni(`${W2003} /fastdetect`), options: context({ role: 'mailbox' }) },
};

describe('bootini: every code', () => {
  const codes = [...allCodes().keys()].filter((c) => c.startsWith('bootini.'));

  it('has an example here (and the examples name only registered codes)', () => {
    assert.deepStrictEqual([...codes].sort(), [...Object.keys(EXAMPLES), 'bootini.not-ansi'].sort());
  });

  for (const [code, { text, options }] of Object.entries(EXAMPLES)) {
    it(`${code} fires on its example, with a message that explains and advises`, () => {
      const ds = diagnose(text, options);
      const d = ds.find((x) => x.code === code);
      assert.ok(d, `got ${fmt(ds)}`);
      assert.strictEqual(d.severity, allCodes().get(code)!.severity);
      assert.ok(d.message.length > 60, d.message);
      assert.ok(d.message.length <= MESSAGE_MAX, `${d.message.length}: ${d.message}`);
      assert.deepStrictEqual(internalReferences(d.message), []);
      // Says what to do: an imperative or a question somewhere in the message.
      assert.match(d.message, /\b(Add|Remove|Write|Set|Move|Keep|Correct|Check|Save|Close|Put|Change|Use|Leave|Point|did you mean)\b/i, d.message);
    });
  }

  it('the example messages meet the length targets (p95 and maximum)', () => {
    const lengths = Object.values(EXAMPLES).flatMap(({ text, options }) => diagnose(text, options).map((d) => d.message.length));
    assert.ok(percentile95(lengths) <= MESSAGE_P95_MAX, `p95 ${percentile95(lengths)}`);
    assert.ok(Math.max(...lengths) <= MESSAGE_MAX, `max ${Math.max(...lengths)}`);
  });

  it('summaries name no internal reference', () => {
    for (const code of codes) assert.deepStrictEqual(internalReferences(allCodes().get(code)!.summary), [], code);
  });

  it('bootini.not-ansi fires for UTF-16 and UTF-8 with a byte order mark, not for ANSI or UTF-8 without one', () => {
    const run = (bytes: Uint8Array): string[] => {
      const decoded = decodeBytes(bytes);
      return bootiniLanguage.validate(bootiniLanguage.parse(decoded.text), { decoded }).map((d) => d.code);
    };
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OK, 'utf16le')]);
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(OK, 'utf8')]);
    assert.deepStrictEqual(run(utf16), ['bootini.not-ansi']);
    assert.deepStrictEqual(run(bom8), ['bootini.not-ansi']);
    assert.deepStrictEqual(run(Buffer.from(OK, 'latin1')), []);
    assert.deepStrictEqual(run(Buffer.from(OK, 'utf8')), []);
  });

  it('each code has its documentation page, with its severity', () => {
    for (const code of codes) {
      const sev = allCodes().get(code)!.severity;
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'codes', `${code}.md`), 'utf8');
      assert.ok(page.includes(`\n**${sev[0].toUpperCase()}${sev.slice(1)}** · `), code);
    }
  });

  it('caps the number of diagnostics at maxDiagnostics, keeping the first ones', () => {
    const text = bootIni(...Array.from({ length: 20 }, () => `${W2003} /fastdetct`));
    const all = diagnose(text);
    const capped = diagnose(text, { maxDiagnostics: 5 });
    assert.strictEqual(capped.length, 5);
    assert.deepStrictEqual(capped, all.slice(0, 5));
  });
});

describe('bootini: the bundled example', () => {
  it('examples/exchange2000-upgrade/boot.ini (ANSI, CRLF) reports the /3GB and /USERVA problems only', () => {
    const bytes = fs.readFileSync(path.join(ROOT, 'examples', 'exchange2000-upgrade', 'boot.ini'));
    const decoded = decodeBytes(bytes);
    assert.ok(decoded.text.includes('\r\n'));
    const ds = bootiniLanguage.validate(bootiniLanguage.parse(decoded.text), { decoded, ...context({ role: 'mailbox' }) });
    assert.deepStrictEqual(
      ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
      ['bootini.3gb-without-userva@4:90', 'bootini.switch-value-out-of-range@5:111'],
    );
  });
});

describe('bootini: severity overrides', () => {
  it('change severities and drop codes turned off before the cap counts', () => {
    const text = bootIni(`${W2003} /fastdetct /3GB`, `${W2003} /fastdetct`);
    const ds = diagnose(text, { severityOverrides: { 'bootini.unknown-switch': 'off', 'bootini.3gb-without-userva': 'error' }, maxDiagnostics: 1 });
    assert.deepStrictEqual(ds.map((d) => [d.code, d.severity]), [['bootini.3gb-without-userva', 'error']]);
  });
});
