import * as assert from 'assert';
import { decodeBytes, encodeText } from '../../../server/src/core/encoding';
import { LanguageService } from '../../../server/src/core/language';
import { readDirectives, suppressIn, suppressionFixes } from '../../../server/src/core/suppress';
import { Diagnostic } from '../../../server/src/core/types';
import { languageById } from '../../../server/src/languages';
import { applyEdits } from '../../helpers/reg';

const V5 = 'Windows Registry Editor Version 5.00';

function language(id: string): LanguageService {
  return languageById(id)!;
}

/** Every diagnostic of a text after its suppression comments, as `line:start-end code`. */
function lint(id: string, text: string, severityOverrides?: Record<string, string>): string[] {
  return diagnostics(id, text, severityOverrides).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}`);
}

function diagnostics(id: string, text: string, severityOverrides?: Record<string, string>): Diagnostic[] {
  const l = language(id);
  const doc = l.parse(text);
  return suppressIn(l, text, l.validate(doc, { severityOverrides }), { severityOverrides });
}

/** The suppression fixes for the (first) diagnostic of this code, by title, with the text each one makes. */
function fixes(id: string, text: string, code: string): Record<string, string> {
  const l = language(id);
  const doc = l.parse(text);
  const d = diagnostics(id, text).find((x) => x.code === code);
  assert.ok(d, `${code} is reported`);
  const out: Record<string, string> = {};
  for (const f of suppressionFixes(text, l.comments, l.suppressionPlaces?.(doc), d)) {
    assert.strictEqual(f.isPreferred, undefined, 'a suppression is never applied by Fix All');
    out[f.title] = applyEdits(text, f.edits);
  }
  return out;
}

const lf = (lines: string[]): string => lines.join('\n');
const crlf = (lines: string[]): string => lines.join('\r\n');

describe('suppression comments', () => {
  describe('reading directives', () => {
    it('reads the kind, the codes with their columns and the reason', () => {
      const text = crlf([V5, '; exchange-config-disable-next-line reg.a, reg.b -- kept until the 2003 cut-over', '  ;exchange-config-disable reg.c', '; exchange-config-disable-line reg.d', '; see exchange-config-disable reg.e']);
      assert.deepStrictEqual(readDirectives(text, { marker: ';', indented: true }), [
        { kind: 'next-line', line: 1, start: 2, end: 80, codes: [{ code: 'reg.a', start: 36, end: 41 }, { code: 'reg.b', start: 43, end: 48 }], reason: 'kept until the 2003 cut-over', first: 2, last: 2 },
        { kind: 'file', line: 2, start: 3, end: 32, codes: [{ code: 'reg.c', start: 27, end: 32 }], first: 3, last: 3 },
      ]);
    });

    it('counts lines as every parser does: LF, CRLF and a bare CR each end one', () => {
      const text = `${V5}\r\n\r; exchange-config-disable-next-line reg.a\n"x"=dword:1\r\n\r\n;exchange-config-disable reg.b\r`;
      assert.deepStrictEqual(
        readDirectives(text, { marker: ';', indented: true }).map((d) => [d.line, d.first, d.codes[0].code]),
        [
          [2, 3, 'reg.a'],
          [5, 6, 'reg.b'],
        ],
      );
    });

    it('in LDIF only at the start of a line, and a next-line directive covers the whole folded line after it', () => {
      const text = lf(['# exchange-config-disable-next-line ldif.a', 'dn: CN=x,', ' DC=example', ' # exchange-config-disable ldif.b', '#exchange-config-disable ldif.c']);
      const found = readDirectives(text, { marker: '#', indented: false, folded: true });
      assert.deepStrictEqual(
        found.map((d) => [d.kind, d.line, d.codes.map((c) => c.code), d.first, d.last]),
        [
          ['next-line', 0, ['ldif.a'], 1, 3],
          ['file', 4, ['ldif.c'], 5, 5],
        ],
      );
    });
  });

  describe('.reg', () => {
    const BODY = ['', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '"x"=dword:123456789', '"y"=dword:1', '"y"=dword:2', ''];

    it('without directives: the findings the directives below act on', () => {
      assert.deepStrictEqual(lint('reg', crlf([V5, ...BODY])), ['3:10-19 reg.dword-too-long', '4:0-11 reg.duplicate-value']);
    });

    for (const [name, join] of [
      ['CRLF', crlf],
      ['LF', lf],
    ] as const) {
      it(`next line, several codes and a reason (${name})`, () => {
        const text = join([V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '; exchange-config-disable-next-line reg.dword-too-long, reg.wrong-type -- legacy value, kept', '"x"=dword:123456789', '"y"=dword:1', '"y"=dword:2', '']);
        // reg.wrong-type suppressed nothing: reported on its own name; the rest of the file is as before.
        assert.deepStrictEqual(lint('reg', text), ['3:56-70 suppression.unused', '5:0-11 reg.duplicate-value']);
      });

      it(`whole file, anywhere in it (${name})`, () => {
        const text = join([V5, ...BODY.slice(0, -1), '; exchange-config-disable reg.duplicate-value, reg.dword-too-long', '']);
        assert.deepStrictEqual(lint('reg', text), []);
      });
    }

    it('reports an unknown code with the nearest known one, and a directive without codes', () => {
      const text = crlf([V5, '; exchange-config-disable reg.dword-to-long', ';exchange-config-disable-next-line -- no code here', ...BODY.slice(1)]);
      const found = diagnostics('reg', text);
      assert.deepStrictEqual(
        found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.code, d.message]),
        [
          [1, 26, 43, 'warning', 'suppression.unknown-code', 'There is no code reg.dword-to-long, so this suppresses nothing. Did you mean reg.dword-too-long?'],
          [2, 1, 50, 'warning', 'suppression.no-code', 'This suppression comment names no code, so it suppresses nothing. Name the codes after it, separated by commas (exchange-config-disable-next-line reg.duplicate-value).'],
          [4, 10, 19, 'error', 'reg.dword-too-long', found[2].message],
          [5, 0, 11, 'warning', 'reg.duplicate-value', found[3].message],
        ],
      );
    });

    it('an unused directive is a warning tagged unnecessary, with what to do', () => {
      const text = crlf([V5, ...BODY.slice(0, 2), '; exchange-config-disable-next-line reg.duplicate-value', ...BODY.slice(2)]);
      const unused = diagnostics('reg', text).filter((d) => d.code === 'suppression.unused');
      assert.deepStrictEqual(unused, [
        {
          range: { start: { line: 3, character: 36 }, end: { line: 3, character: 55 } },
          severity: 'warning',
          code: 'suppression.unused',
          message: 'No reg.duplicate-value finding on the next line: this suppression is not needed. Remove it, or move it above the line it is meant for.',
          source: 'exchange-config',
          tags: ['unnecessary'],
        },
      ]);
    });

    it('a code turned off by a severity override does not make its directive unused; the findings on directives take overrides too', () => {
      const text = crlf([V5, '; exchange-config-disable reg.dword-too-long, reg.wrong-type', ...BODY.slice(1)]);
      assert.deepStrictEqual(lint('reg', text, { 'reg.dword-too-long': 'off' }), ['1:46-60 suppression.unused', '4:0-11 reg.duplicate-value']);
      assert.deepStrictEqual(lint('reg', text, { 'reg.dword-too-long': 'off', 'reg.wrong-type': 'off' }), ['4:0-11 reg.duplicate-value']);
      assert.deepStrictEqual(lint('reg', text, { 'suppression.unused': 'off' }), ['4:0-11 reg.duplicate-value']);
    });

    it('a directive between the continuation lines of hex data covers the next one and changes no other finding', () => {
      const lines = [V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '"h"=hex:01,02,\\', '  03,1ff,\\', '  05', ''];
      assert.deepStrictEqual(lint('reg', crlf(lines)), ['4:5-8 reg.hex-byte-invalid']);
      const withDirective = [...lines.slice(0, 4), '; exchange-config-disable-next-line reg.hex-byte-invalid -- vendor tool writes it', ...lines.slice(4)];
      assert.deepStrictEqual(lint('reg', crlf(withDirective)), []);
      const wrongLine = [...lines.slice(0, 5), '; exchange-config-disable-next-line reg.hex-byte-invalid', ...lines.slice(5)];
      assert.deepStrictEqual(lint('reg', crlf(wrongLine)), ['4:5-8 reg.hex-byte-invalid', '5:36-56 suppression.unused']);
    });

    it('stays silent on a realistic export with justified directives', () => {
      const lines = [
        V5,
        '',
        '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]',
        '"Max Threads (Public+Private)"=dword:00000064',
        '"Initial Memory Percentage"=dword:0000000a',
        '',
        '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Memory Management]',
        '"HeapDeCommitFreeBlockThreshold"=dword:00040000',
        '"SystemPages"=dword:00000000',
        '',
      ];
      assert.deepStrictEqual(lint('reg', crlf(lines)), ['3:0-30 reg.discouraged-setting', '4:0-27 reg.deprecated-e2k-tuning']);
      const justified = [
        V5,
        '; exchange-config-disable reg.discouraged-setting -- KB 282115 applies to this server',
        '',
        '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]',
        '"Max Threads (Public+Private)"=dword:00000064',
        '; exchange-config-disable-next-line reg.deprecated-e2k-tuning -- kept until the 2003 cut-over',
        ...lines.slice(4),
      ];
      assert.deepStrictEqual(lint('reg', crlf(justified)), []);
    });

    describe('quick fixes', () => {
      it('on this line and in this file, with the file\'s line breaks (CRLF and LF)', () => {
        for (const join of [crlf, lf]) {
          const text = join([V5, ...BODY]);
          assert.deepStrictEqual(fixes('reg', text, 'reg.dword-too-long'), {
            'Suppress reg.dword-too-long on this line': join([V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '; exchange-config-disable-next-line reg.dword-too-long', '"x"=dword:123456789', '"y"=dword:1', '"y"=dword:2', '']),
            'Suppress reg.dword-too-long in this file': join([V5, '; exchange-config-disable reg.dword-too-long', ...BODY]),
          });
          for (const after of Object.values(fixes('reg', text, 'reg.dword-too-long'))) assert.deepStrictEqual(lint('reg', after), ['5:0-11 reg.duplicate-value']);
        }
      });

      it('add the code to the directive already there (before its reason)', () => {
        const text = crlf([V5, '; exchange-config-disable reg.wrong-type -- legacy', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '; exchange-config-disable-next-line reg.value-not-allowed', '"x"=dword:123456789', '']);
        assert.deepStrictEqual(fixes('reg', text, 'reg.dword-too-long'), {
          'Suppress reg.dword-too-long on this line': crlf([V5, '; exchange-config-disable reg.wrong-type -- legacy', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '; exchange-config-disable-next-line reg.value-not-allowed, reg.dword-too-long', '"x"=dword:123456789', '']),
          'Suppress reg.dword-too-long in this file': crlf([V5, '; exchange-config-disable reg.wrong-type, reg.dword-too-long -- legacy', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '; exchange-config-disable-next-line reg.value-not-allowed', '"x"=dword:123456789', '']),
        });
      });

      it('never before the header: a finding on the header line gets the file-wide fix only, after the header', () => {
        const text = crlf(['REGEDIT5', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '']);
        const code = diagnostics('reg', text)[0].code;
        assert.deepStrictEqual(fixes('reg', text, code), { [`Suppress ${code} in this file`]: crlf(['REGEDIT5', `; exchange-config-disable ${code}`, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '']) });
        // A file that is only its header line, without a line break.
        assert.deepStrictEqual(fixes('reg', 'REGEDIT5', code), { [`Suppress ${code} in this file`]: `REGEDIT5\r\n; exchange-config-disable ${code}` });
      });

      it('inside a hex continuation, before the continuation line', () => {
        const text = crlf([V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '"h"=hex:01,02,\\', '  03,1ff', '']);
        assert.strictEqual(fixes('reg', text, 'reg.hex-byte-invalid')['Suppress reg.hex-byte-invalid on this line'], crlf([V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '"h"=hex:01,02,\\', '  ; exchange-config-disable-next-line reg.hex-byte-invalid', '  03,1ff', '']));
      });

      it('a UTF-16LE export with its byte order mark stays UTF-16LE with the mark', () => {
        const text = crlf([V5, ...BODY]);
        const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const decoded = decodeBytes(bytes);
        assert.strictEqual(decoded.encoding, 'utf16le');
        const l = language('reg');
        const doc = l.parse(decoded.text, { decoded });
        const d = suppressIn(l, decoded.text, l.validate(doc, { decoded })).find((x) => x.code === 'reg.dword-too-long')!;
        const fix = suppressionFixes(decoded.text, l.comments, l.suppressionPlaces!(doc), d).find((f) => f.title.endsWith('on this line'))!;
        const after = encodeText(applyEdits(decoded.text, fix.edits), decoded)!;
        const expected = crlf([V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '; exchange-config-disable-next-line reg.dword-too-long', '"x"=dword:123456789', '"y"=dword:1', '"y"=dword:2', '']);
        assert.deepStrictEqual(Buffer.from(after), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(expected, 'utf16le')]));
      });

      it('for the findings on directives: the code taken out of the list, or the whole comment line', () => {
        const text = crlf([V5, '; exchange-config-disable reg.wrong-type, reg.dword-to-long -- legacy', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '']);
        assert.deepStrictEqual(lint('reg', text), ['1:26-40 suppression.unused', '1:42-59 suppression.unknown-code']);
        assert.deepStrictEqual(fixes('reg', text, 'suppression.unused'), {
          'Remove the unused suppression of reg.wrong-type': crlf([V5, '; exchange-config-disable reg.dword-to-long -- legacy', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '']),
        });
        assert.deepStrictEqual(fixes('reg', text, 'suppression.unknown-code'), {
          'Remove reg.dword-to-long from the suppression comment': crlf([V5, '; exchange-config-disable reg.wrong-type -- legacy', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '']),
        });
        const single = lf([V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '; exchange-config-disable-next-line reg.duplicate-value', '"x"=dword:1', '']);
        assert.deepStrictEqual(fixes('reg', single, 'suppression.unused'), {
          'Remove the unused suppression of reg.duplicate-value': lf([V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '"x"=dword:1', '']),
        });
        const lastLine = lf([V5, '# x', ';exchange-config-disable-next-line']);
        assert.deepStrictEqual(fixes('reg', lastLine, 'suppression.no-code'), { 'Remove the suppression comment': lf([V5, '# x']) });
        // No "suppress this finding" for the findings on directives: a severity override turns them off.
        assert.ok(Object.keys(fixes('reg', text, 'suppression.unused')).every((t) => !t.startsWith('Suppress')));
      });
    });
  });

  describe('boot.ini', () => {
    const entry = 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS="Windows Server 2003, Enterprise" /fastdetect /3GB /userva=3500 /foo';
    const head = ['[boot loader]', 'timeout=30', 'default=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS', '[operating systems]'];

    it('reads directives written by hand: next line, whole file, unused and unknown codes', () => {
      assert.deepStrictEqual(lint('bootini', crlf([...head, entry, ''])), ['4:103-107 bootini.switch-value-out-of-range', '4:108-112 bootini.unknown-switch']);
      const text = crlf([...head, '; exchange-config-disable-next-line bootini.unknown-switch, bootini.switch-value-out-of-range -- lab server', entry, '']);
      assert.deepStrictEqual(lint('bootini', text), []);
      const fileWide = lf(['; exchange-config-disable bootini.unknown-switch, bootini.unknown-swich', ...head, entry, '']);
      assert.deepStrictEqual(lint('bootini', fileWide), ['0:50-71 suppression.unknown-code', '5:103-107 bootini.switch-value-out-of-range']);
    });

    it('offers no quick fix: no source says how the boot loader treats ; lines', () => {
      assert.deepStrictEqual(fixes('bootini', crlf([...head, entry, '']), 'bootini.unknown-switch'), {});
    });
  });

  describe('Setup answer files', () => {
    const batch = ['[Paths]', 'ServerDest=C:\\Exchsrvr', '', '[Components]', 'Services=maybe', 'Administrator=yes', ''];

    it('next line, whole file, unused', () => {
      assert.deepStrictEqual(lint('setupini', crlf(batch)), ['4:9-14 setupini.invalid-boolean', '5:14-17 setupini.invalid-boolean']);
      const text = crlf([...batch.slice(0, 4), '; exchange-config-disable-next-line setupini.invalid-boolean -- filled in by the deployment script', ...batch.slice(4)]);
      assert.deepStrictEqual(lint('setupini', text), ['6:14-17 setupini.invalid-boolean']);
      const fileWide = lf([...batch.slice(0, 1), '; exchange-config-disable setupini.invalid-boolean, setupini.duplicate-key', ...batch.slice(1)]);
      assert.deepStrictEqual(lint('setupini', fileWide), ['1:52-74 suppression.unused']);
    });

    it('quick fixes only inside the sections of a 4.0/5.5 batch file', () => {
      assert.deepStrictEqual(fixes('setupini', crlf(batch), 'setupini.invalid-boolean'), {
        'Suppress setupini.invalid-boolean on this line': crlf([...batch.slice(0, 4), '; exchange-config-disable-next-line setupini.invalid-boolean', ...batch.slice(4)]),
        'Suppress setupini.invalid-boolean in this file': crlf([batch[0], '; exchange-config-disable setupini.invalid-boolean', ...batch.slice(1)]),
      });
      // An Exchange 2000/2003 file: its format is not documented, so no directive is written into it.
      const e2003 = crlf(['[Exchange Server 2003]', 'OrganizationName=Contoso Ltd.', '']);
      const code = diagnostics('setupini', e2003)[0]?.code;
      assert.ok(code);
      assert.deepStrictEqual(fixes('setupini', e2003, code), {});
    });
  });

  describe('LDAP filter files', () => {
    const filter = ['# members of the sales group', '(&(mailNickname=*)', '  (department=Sales)', '  (homeDirectory=x)', ')'];

    it('next line inside a multi-line filter, whole file, unused', () => {
      const base = lint('ldapfilter', lf(filter));
      assert.ok(base.length >= 2, base.join());
      const infoFinding = base.find((s) => s.startsWith('3:'))!;
      const code = infoFinding.split(' ')[1];
      const text = lf([...filter.slice(0, 3), `  # exchange-config-disable-next-line ${code} -- info holds the cost centre here`, ...filter.slice(3)]);
      assert.deepStrictEqual(lint('ldapfilter', text), base.filter((s) => s !== infoFinding));
      const all = [...new Set(base.map((s) => s.split(' ')[1]))];
      assert.deepStrictEqual(lint('ldapfilter', crlf([`# exchange-config-disable ${all.join(', ')}`, ...filter])), []);
    });

    it('quick fixes before the line (indented like it) and at the top', () => {
      const text = lf(filter);
      const code = diagnostics('ldapfilter', text).find((d) => d.range.start.line === 3)!.code;
      assert.deepStrictEqual(fixes('ldapfilter', text, code), {
        [`Suppress ${code} on this line`]: lf([...filter.slice(0, 3), `  # exchange-config-disable-next-line ${code}`, ...filter.slice(3)]),
        [`Suppress ${code} in this file`]: lf([`# exchange-config-disable ${code}`, ...filter]),
      });
    });
  });

  describe('LDIF', () => {
    const dn = 'dn: CN=SG1,CN=InformationStore,CN=SRV,CN=Servers,CN=AG,CN=Administrative Groups,CN=Org,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=example,DC=com';
    const ldif = ['version: 1', '', dn, 'changetype: modify', 'replace: msExchESEParamLogBuffers', 'msExchESEParamLogBuffers: 9500', '-', ''];

    it('next line, whole file, unused', () => {
      assert.deepStrictEqual(lint('ldif', crlf(ldif)), ['5:0-24 ldif.log-buffers-set', '5:26-30 ldif.log-buffers-too-high']);
      const text = crlf([...ldif.slice(0, 5), '# exchange-config-disable-next-line ldif.log-buffers-set, ldif.log-buffers-too-high -- the 2003 procedure', ...ldif.slice(5)]);
      assert.deepStrictEqual(lint('ldif', text), []);
      const fileWide = lf(['# exchange-config-disable ldif.log-buffers-set, ldif.missing-colon', ...ldif]);
      assert.deepStrictEqual(lint('ldif', fileWide), ['0:48-66 suppression.unused', '6:26-30 ldif.log-buffers-too-high']);
      // Indented, the line continues the one before it (RFC 2849): it is no comment and suppresses nothing.
      const indented = lf([...ldif.slice(0, 5), ' # exchange-config-disable-next-line ldif.log-buffers-set', ...ldif.slice(5)]);
      assert.deepStrictEqual(lint('ldif', indented), ['4:9-57 ldif.invalid-attribute-name', '6:0-24 ldif.invalid-modify-line']);
    });

    it('a next-line directive covers the whole folded line, and the fix goes before its first physical line', () => {
      const folded = ['version: 1', '', 'dn: CN=x,DC=example,DC=com', 'changetype: modify', 'replace: msExchESEParamLogBuffers', 'msExchESEParamLogBuff', ' ers: 95', ' 00', '-', ''];
      const found = lint('ldif', crlf(folded));
      assert.ok(found.some((s) => s.startsWith('6:') && s.endsWith('ldif.log-buffers-too-high')), found.join());
      assert.deepStrictEqual(fixes('ldif', crlf(folded), 'ldif.log-buffers-too-high'), {
        'Suppress ldif.log-buffers-too-high on this line': crlf([...folded.slice(0, 5), '# exchange-config-disable-next-line ldif.log-buffers-too-high', ...folded.slice(5)]),
        'Suppress ldif.log-buffers-too-high in this file': crlf(['# exchange-config-disable ldif.log-buffers-too-high', ...folded]),
      });
      const after = fixes('ldif', crlf(folded), 'ldif.log-buffers-too-high')['Suppress ldif.log-buffers-too-high on this line'];
      assert.deepStrictEqual(lint('ldif', after), found.filter((s) => !s.endsWith('ldif.log-buffers-too-high')).map((s) => s.replace(/^(\d+)/, (n) => String(Number(n) + 1))));
    });
  });
});
