/**
 * Real .reg files written by others (test/corpus/reg, see PROVENANCE.md there): the exact findings the linter gives
 * on each, as judged in JUDGEMENT.md, and the user-visible text of the file-format findings on them and on the
 * examples and fixtures.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeBytes } from '../../../../server/src/core/encoding';
import { Diagnostic } from '../../../../server/src/core/types';
import { regLanguage } from '../../../../server/src/languages/reg';
import { internalReferences, MESSAGE_MAX, MESSAGE_P95_MAX, percentile95 } from '../../../helpers/userText';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'corpus', 'reg');

/** What the linter reports on a file, as the CLI reads it (the bytes decide the encoding). */
function lintFile(file: string): Diagnostic[] {
  const decoded = decodeBytes(fs.readFileSync(file));
  return regLanguage.validate(regLanguage.parse(decoded.text, { decoded }), { decoded });
}

/** Every finding on every corpus file, as "line code" (1-based lines); each one is judged in JUDGEMENT.md. */
const EXPECTED: Record<string, string[]> = {
  'debloat-disable-edge-prelaunch.reg': [],
  'debloat-enable-photo-viewer.reg': [],
  'debloat-lower-ram-usage.reg': ['9 reg.dword-too-long', '52 reg.duplicate-value', '53 reg.duplicate-value', '54 reg.duplicate-value', '55 reg.duplicate-value', '56 reg.duplicate-value', '57 reg.duplicate-value', '58 reg.duplicate-value', '88 reg.duplicate-key'],
  // Group Policy's own ExecTime values (16 bytes): information, never advice to change them.
  'gpo-startup-scripts.excerpt.reg': ['15 reg.hex-size-mismatch', '21 reg.hex-size-mismatch'],
  'k-meleon-user.excerpt.reg': ['9 reg.deleted-then-set', '16 reg.deleted-then-set'],
  'mdt-registry8.excerpt.reg': [],
  // UTF-8 without a byte order mark, non-ASCII only in a comment: nothing regedit imports changes.
  'open-cmd-menu.excerpt.reg': [],
  'putty-settings.excerpt.reg': [],
  'putty-solarized.reg': [],
  'radmin-export.excerpt.reg': [],
  'reactos-x86node.excerpt.reg': [],
  'signin-hide-users.excerpt.reg': [],
  'textedit-registry.reg': [],
  'tweaks-cab-install-menu.reg': ['11 reg.deleted-then-set', '15 reg.deleted-then-set'],
  'tweaks-command-prompt.reg': [],
  'tweaks-disable-autoplay.reg': [],
  'tweaks-dpi-scaling.reg': [],
  'tweaks-icon-cache.reg': [],
  'tweaks-long-paths.reg': [],
  'tweaks-remove-onedrive-navigation.reg': ['5 reg.value-without-key'],
  'tweaks-w10-combined.reg': ['28 reg.value-without-key', '58 reg.deleted-then-set', '62 reg.deleted-then-set'],
  'win-tweaks.excerpt.reg': ['31 reg.duplicate-key'],
  'win11-bypass-tpm-check.reg': [],
  'windows-optimizer.excerpt.reg': ['11 reg.duplicate-key', '14 reg.duplicate-value', '15 reg.duplicate-key', '16 reg.duplicate-value', '17 reg.duplicate-key', '20 reg.duplicate-value', '21 reg.duplicate-key', '28 reg.value-missing-equals', '29 reg.duplicate-key'],
  'yact-settings.excerpt.reg': [],
};

/** The codes of the registry catalog (Exchange knowledge); every other reg code is about the file format. */
const CATALOG_CODES = new Set([
  'reg.deprecated-e2k-tuning',
  'reg.wrong-type',
  'reg.value-out-of-range',
  'reg.value-not-allowed',
  'reg.undefined-bits',
  'reg.invalid-format',
  'reg.do-not-modify',
  'reg.level2-blocked-by-level1',
  'reg.not-for-this-version',
  'reg.not-for-this-role',
  'reg.discouraged-setting',
]);

const V5 = 'Windows Registry Editor Version 5.00';
const K = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]';
const v5 = (...body: string[]): string => [V5, '', K, ...body, ''].join('\r\n');

/** Files written to make every file-format finding appear at least once. */
const CRAFTED = [
  ['REGEDIT5', '', K, '"a"="1"', ''].join('\r\n'),
  ['REGEDIT', 'HKEY_CLASSES_ROOT\\.x = y', 'other', ''].join('\r\n'),
  [K, '"a"="1"', ''].join('\r\n'),
  ['regedit4', ''].join('\r\n'),
  ['Windows Registry Editor Version 4.00', ''].join('\r\n'),
  v5(
    '[ HKEY_LOCAL_MACHINE\\X]',
    '[HKEY_LOCAL_MACHINE\\X',
    'HKEY_LOCAL_MACHINE\\X]',
    '[HKLM\\X]',
    '"v"="1"',
    '[HKEY_LOCAL_MACHIN\\X]',
    '[HKEY_DYN_DATA\\X]',
    '[HKEY_LOCAL_MACHINE\\X ]',
    '[HKEY_LOCAL_MACHINE\\X] ; c ]',
    '[-HKEY_LOCAL_MACHINE]',
    '[- HKEY_LOCAL_MACHINE\\X]',
    `[HKEY_LOCAL_MACHINE\\${'k'.repeat(256)}]`,
  ),
  v5(
    '"a',
    'Name="v"',
    '"a" "b"',
    `"${'n'.repeat(16384)}"=dword:1`,
    '"a"=',
    '"a"=DWORD:1',
    '"a"="x',
    '"a"="x" y',
    '"a"="\\0"',
    '"a"="\\q"',
    '"a"=- x',
    '"a"=dword:',
    '"a"=dword:;c',
    '"a"=dword:123456789',
    '"a"=dword:0x1',
    '"a"=hex(0x2):00',
    '"a"=hex( 2):00',
    '"a"=hex:zz',
    '"a"=hex:0x1',
    '"a"=hex:01\\',
    '"a"=hex:01,\\ x',
    '"b"=hex:01,\\',
    '"c"="1"',
    'junk line',
    '"d"=hex(4):01,00',
    '"e"=hex(b):01',
    '"f"=hex(2):25,00,53',
    '"g"=hex(2):3d,d8,41,00,00,00',
    '"h"=hex(7):41,00,00,00',
    '"i"="1"',
    '"i"="2"',
    '"j"=x\0y',
  ),
  ['REGEDIT4', '', K, '"a"=hex(2):25,00,50,00,41,00,00,00', '"b"=hex(7):41,00', ''].join('\r\n'),
  [V5, '', '"a"="1"', '"b"="2"', '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]', '"c"="3"', K, K, '"x"="1"', '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]', ''].join('\r\n'),
];

function regFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...regFiles(p));
    else if (e.name.endsWith('.reg')) out.push(p);
  }
  return out;
}

describe('reg corpus: real files by others', () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.reg'));

  it('holds at least 20 files, every one listed in PROVENANCE.md and JUDGEMENT.md, and pinned here', () => {
    assert.ok(files.length >= 20, `${files.length} files`);
    const provenance = fs.readFileSync(path.join(CORPUS, 'PROVENANCE.md'), 'utf8');
    const judgement = fs.readFileSync(path.join(CORPUS, 'JUDGEMENT.md'), 'utf8');
    for (const f of files) {
      assert.ok(provenance.includes(`\`${f}\``), `${f} is not in PROVENANCE.md`);
      assert.ok(judgement.includes(`\`${f}\``), `${f} is not in JUDGEMENT.md`);
    }
    assert.deepStrictEqual(Object.keys(EXPECTED).sort(), [...files].sort());
  });

  it('has both header versions, UTF-16LE and ANSI files', () => {
    const heads = files.map((f) => fs.readFileSync(path.join(CORPUS, f)).subarray(0, 2).toString('latin1'));
    assert.ok(heads.filter((h) => h === '\xff\xfe').length >= 5, 'UTF-16LE files');
    assert.ok(heads.filter((h) => h === 'RE').length >= 2, 'REGEDIT4 files');
    assert.ok(heads.filter((h) => h === 'Wi').length >= 5, 'ANSI version 5 files');
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`gives exactly the judged findings on ${file}`, () => {
      const got = lintFile(path.join(CORPUS, file)).map((d) => `${d.range.start.line + 1} ${d.code}`);
      assert.deepStrictEqual(got, expected);
    });
  }
});

describe('reg file-format messages on the corpus, the examples, the fixtures and crafted files', () => {
  const diagnostics: Diagnostic[] = [];
  for (const file of [...regFiles(CORPUS), ...regFiles(path.join(ROOT, 'examples')), ...regFiles(path.join(ROOT, 'test', 'fixtures', 'reg'))]) diagnostics.push(...lintFile(file));
  for (const text of CRAFTED) diagnostics.push(...regLanguage.validate(regLanguage.parse(text)));
  const own = diagnostics.filter((d) => d.code.startsWith('reg.') && !CATALOG_CODES.has(d.code));

  it('covers most file-format codes', () => {
    assert.ok(new Set(own.map((d) => d.code)).size >= 40);
  });

  it('name no internal reference, in messages and related information', () => {
    for (const d of own) {
      assert.deepStrictEqual(internalReferences(d.message), [], d.message);
      for (const r of d.related ?? []) assert.deepStrictEqual(internalReferences(r.message), [], r.message);
    }
  });

  it(`keep messages short: the 95th percentile at most ${MESSAGE_P95_MAX} characters, none over ${MESSAGE_MAX}`, () => {
    const lengths = own.map((d) => d.message.length);
    assert.ok(percentile95(lengths) <= MESSAGE_P95_MAX, `95th percentile ${percentile95(lengths)}`);
    const long = own.filter((d) => d.message.length > MESSAGE_MAX).map((d) => `${d.code} (${d.message.length})`);
    assert.deepStrictEqual(long, []);
  });

  it('never advise changing data Windows writes: no size finding says to give other bytes', () => {
    for (const d of own.filter((x) => x.code === 'reg.hex-size-mismatch' || x.code === 'reg.hex-string-invalid')) {
      assert.doesNotMatch(d.message, /Give exactly|Add or remove a byte/);
    }
  });
});
