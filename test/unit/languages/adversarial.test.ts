/**
 * Inputs that made the parsers, validators, hover or completion super-linear (long runs of backslashes, blanks, tabs,
 * NULs, repeated words): each must give the same findings as a short input of the same shape. Small sizes only; the
 * times are measured by bench/scaling.ts, not here.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { LanguageService } from '../../../server/src/core/language';
import { Position } from '../../../server/src/core/types';
import { bootiniLanguage } from '../../../server/src/languages/bootini';
import { windowsFromDescription } from '../../../server/src/languages/bootini/windows';
import { ldapfilterLanguage } from '../../../server/src/languages/ldapfilter';
import { MAX_FILTER_LENGTH } from '../../../server/src/languages/ldapfilter/index';
import { MAX_INDENT_DEPTH } from '../../../server/src/languages/ldapfilter/format';
import { ldifLanguage } from '../../../server/src/languages/ldif';
import { regLanguage } from '../../../server/src/languages/reg';
import { looksLikeKeyWithoutBracket } from '../../../server/src/languages/reg/scan';
import { setupiniLanguage } from '../../../server/src/languages/setupini';

const REG_HEADER = 'Windows Registry Editor Version 5.00\r\n\r\n';
const BOOT_HEAD = '[boot loader]\r\ntimeout=30\r\ndefault=multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS\r\n[operating systems]\r\n';
const BOOT_PATH = 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS';

function findings(language: LanguageService, text: string): string[] {
  const doc = language.parse(text);
  return language.validate(doc).map((d) => `${d.range.start.line}:${d.code}`);
}

function hoverText(language: LanguageService, text: string, at: Position): string | undefined {
  return language.hover(language.parse(text), at)?.contents;
}

/** The findings at a short and a long run are the same (the run's length is not what the checks look at). */
function sameAtAnyLength(language: LanguageService, make: (n: number) => string, expected: string[]): void {
  assert.deepStrictEqual(findings(language, make(3)), expected);
  assert.deepStrictEqual(findings(language, make(20000)), expected);
}

describe('adversarial single lines', () => {
  describe('.reg', () => {
    it('a line of backslashes: one finding, whatever its length', () => {
      const short = findings(regLanguage, `${REG_HEADER}\\\\\\\r\n`);
      assert.strictEqual(short.length, 1);
      sameAtAnyLength(regLanguage, (n) => `${REG_HEADER}${'\\'.repeat(n)}\r\n`, short);
    });

    it('a key path without "[" is recognised after a run of "\\]" and blanks', () => {
      sameAtAnyLength(regLanguage, (n) => `${REG_HEADER}HKEY_LOCAL_MACHINE\\SOFTWARE${'\\]'.repeat(n)}${' '.repeat(n)}; note\r\n`, ['2:reg.key-missing-opening-bracket']);
    });

    it('the key-path shape test agrees with the expression it replaces', () => {
      const old = /^[^\s"=]*\\[^=]*\]\s*(;.*)?$/;
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('\\', ']', ' ', '\t', '=', ';', '"', 'H', 'x', '\n', '\u2028'), maxLength: 12 }), (s) => {
          assert.strictEqual(looksLikeKeyWithoutBracket(s), old.test(s), JSON.stringify(s));
        }),
        { numRuns: 5000 },
      );
    });

    it('a REGEDIT header with a run of blanks before another character', () => {
      sameAtAnyLength(regLanguage, (n) => `REGEDIT${' '.repeat(n)}x\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n`, ['0:reg.header-imports-nothing']);
    });

    it('a REGEDIT4 header with trailing blanks is still recognised as such', () => {
      sameAtAnyLength(regLanguage, (n) => `REGEDIT4${' '.repeat(n)}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n`, ['0:reg.header-imports-nothing']);
    });

    it('a deletion key with a run of backslashes', () => {
      const expected = findings(regLanguage, `${REG_HEADER}[-HKEY_LOCAL_MACHINE\\SOFTWARE\\\\x]\r\n`);
      sameAtAnyLength(regLanguage, (n) => `${REG_HEADER}[-HKEY_LOCAL_MACHINE\\SOFTWARE${'\\'.repeat(n)}x]\r\n`, expected);
      sameAtAnyLength(regLanguage, (n) => `${REG_HEADER}[-HKEY_LOCAL_MACHINE${'\\'.repeat(n)}]\r\n`, ['2:reg.key-delete-root']);
    });

    it('hover over hex(2) and hex(1) data with a run of NULs before the text', () => {
      for (const type of ['hex(2)', 'hex(1)']) {
        for (const n of [3, 20000]) {
          const bytes = [...Array<string>(2 * n).fill('00'), '41', '00', '00', '00'].join(',');
          const h = hoverText(regLanguage, `${REG_HEADER}[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\n"Value"=${type}:${bytes}\r\n`, { line: 3, character: 2 });
          assert.ok(h?.includes(`${'\\0'.repeat(n)}A`), `${type} ${n}`);
        }
      }
    });
  });

  describe('boot.ini', () => {
    it('a description of many ".NET " words names no release; ".NET … Server" still names Windows Server 2003', () => {
      assert.strictEqual(windowsFromDescription('.NET '.repeat(20000))?.release, undefined);
      assert.strictEqual(windowsFromDescription(`${'.NET '.repeat(20000)}Server`)?.release, '2003');
      assert.strictEqual(windowsFromDescription('Windows .NET Enterprise Server')?.release, '2003');
      assert.strictEqual(windowsFromDescription('Windows .NETServer')?.release, undefined);
      sameAtAnyLength(bootiniLanguage, (n) => `${BOOT_HEAD}${BOOT_PATH}="${'.NET '.repeat(n)}" /fastdetect\r\n`, []);
    });

    it('a line before any section with a run of blanks inside', () => {
      const expected = findings(bootiniLanguage, `x   y\r\n${BOOT_HEAD}`);
      sameAtAnyLength(bootiniLanguage, (n) => `x${' '.repeat(n)}y\r\n${BOOT_HEAD}`, expected);
    });
  });

  describe('LDIF', () => {
    it('a base64 value with a run of tabs before another character', () => {
      const expected = findings(ldifLanguage, 'dn: CN=Group,DC=contoso,DC=com\r\ndescription:: \t\t\tx\r\n');
      assert.ok(expected.length > 0);
      sameAtAnyLength(ldifLanguage, (n) => `dn: CN=Group,DC=contoso,DC=com\r\ndescription:: ${'\t'.repeat(n)}x\r\n`, expected);
    });
  });

  describe('LDAP filters', () => {
    it('an attribute with a run of blanks and an option list', () => {
      const expected = findings(ldapfilterLanguage, '(cn   x=1)');
      sameAtAnyLength(ldapfilterLanguage, (n) => `(cn${' '.repeat(n)}x=1)`, expected);
      const hover = hoverText(ldapfilterLanguage, `(&(mailNickname=*)(displayName;lang-en${' '.repeat(20000)}=x))`, { line: 0, character: 22 });
      assert.strictEqual(hover, hoverText(ldapfilterLanguage, '(&(mailNickname=*)(displayName;lang-en =x))', { line: 0, character: 22 }));
    });

    it('a file over 4 MB gets one finding and nothing else; a file of 4 MB is checked', () => {
      const big = `(&(mailNickname=*)(cn=${'a'.repeat(MAX_FILTER_LENGTH)}))`;
      const doc = ldapfilterLanguage.parse(big);
      const ds = ldapfilterLanguage.validate(doc);
      assert.deepStrictEqual(
        ds.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]),
        [['ldapfilter.file-too-large', 'information', 0, 0]],
      );
      assert.match(ds[0].message, /^This file has 4\.0 MB of text; LDAP filter files over 4\.0 MB are not checked\./);
      assert.strictEqual(ldapfilterLanguage.format!(doc), undefined);
      assert.strictEqual(ldapfilterLanguage.hover(doc, { line: 0, character: 5 }), undefined);
      // Nothing in this one limits it to Exchange recipients: a finding shows that the file was checked.
      const limit = `(&(objectClass=user)(cn=${'a'.repeat(MAX_FILTER_LENGTH - 26)}))`;
      assert.strictEqual(limit.length, MAX_FILTER_LENGTH);
      const codes = ldapfilterLanguage.validate(ldapfilterLanguage.parse(limit)).map((d) => d.code);
      assert.deepStrictEqual(codes, ['ldapfilter.missing-mailnickname']);
    });

    it('formats a filter nested 20,000 deep in text linear in its length (indentation stops growing at a depth)', () => {
      const doc = ldapfilterLanguage.parse(`${'(!'.repeat(20000)}(cn=a)${')'.repeat(20000)}`);
      const formatted = ldapfilterLanguage.format!(doc)!;
      const lines = formatted.trimEnd().split(/\r?\n/);
      assert.strictEqual(lines.length, 2 * 20000 - 1);
      assert.strictEqual(Math.max(...lines.map((l) => l.length)), 2 * MAX_INDENT_DEPTH + '(!(cn=a))'.length);
      assert.strictEqual(formatted.replace(/\s/g, ''), ldapfilterLanguage.oneLine!(doc));
      assert.strictEqual(lines[3], '      (!');
    });
  });

  describe('setup.ini', () => {
    it('completion on a line of blanks followed by a key name, and after a "["', () => {
      const complete = (line: string): number =>
        setupiniLanguage.complete!(setupiniLanguage.parse(`[Product ID]\r\n${line}\r\n`), { line: 1, character: line.length }).length;
      for (const n of [3, 20000]) {
        assert.strictEqual(complete(`${' '.repeat(n)}a[`), 0);
        assert.ok(complete(`${' '.repeat(n)}p`) > 0);
      }
      const items = setupiniLanguage.complete!(setupiniLanguage.parse('[Product ID]\r\n\t  p\r\n'), { line: 1, character: 4 });
      assert.deepStrictEqual(items[0].range?.start, { line: 1, character: 3 });
    });
  });
});
