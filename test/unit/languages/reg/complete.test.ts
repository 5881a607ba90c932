/**
 * Completion in .reg files: root keys and the catalog's key paths segment by segment, value names under keys the
 * catalog knows, their type prefix, and documented DWORD values. `$0` marks the cursor in the test texts.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { RegistryEntry } from '../../../../server/src/core/catalog';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { renderRegistryEntry } from '../../../../server/src/core/catalogRender';
import { DEFAULT_CONTEXT } from '../../../../server/src/core/catalog';
import { AnalyzeOptions, CompletionItem } from '../../../../server/src/core/language';
import { Position } from '../../../../server/src/core/types';
import { regLanguage } from '../../../../server/src/languages/reg';
import { completeAt, regComplete } from '../../../../server/src/languages/reg/complete';
import { RegDocument } from '../../../../server/src/languages/reg/document';
import { keyContextAt, sectionKeys } from '../../../../server/src/languages/reg/validate';
import { V5 } from './support';

const CURSOR = '$0';
const SERVICES = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services';
const OWA = `[${SERVICES}\\MSExchangeWeb\\OWA]`;
const IS_SYSTEM = `[${SERVICES}\\MSExchangeIS\\ParametersSystem]`;

/** Removes the `$0` marker from the lines (joined with CRLF) and returns the text and the marker's position. */
function withCursor(lines: string[]): { text: string; position: Position } {
  let position: Position | undefined;
  const clean = lines.map((l, i) => {
    const k = l.indexOf(CURSOR);
    if (k < 0) return l;
    assert.strictEqual(position, undefined, 'one cursor marker only');
    position = { line: i, character: k };
    return l.slice(0, k) + l.slice(k + CURSOR.length);
  });
  assert.ok(position, 'no $0 cursor marker');
  return { text: clean.join('\r\n'), position };
}

/** Completion at the `$0` of a version 5 file whose body (after the header and a blank line) is these lines. */
function complete(body: string[], options?: AnalyzeOptions): CompletionItem[] {
  const { text, position } = withCursor([V5, '', ...body]);
  const doc = regLanguage.parse(text);
  const items = regLanguage.complete!(doc, position, options);
  for (const item of items) checkItem(item, position);
  return items;
}

function checkItem(item: CompletionItem, position: Position): void {
  if (!item.range) return;
  const r = item.range;
  assert.strictEqual(r.start.line, position.line, `${item.label}: range on the cursor's line`);
  assert.strictEqual(r.end.line, position.line, `${item.label}: single-line range`);
  assert.ok(r.start.character <= position.character && position.character <= r.end.character, `${item.label}: range contains the cursor`);
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} among ${labels(items).join(', ') || '(none)'}`);
  return found;
}

function entry(id: string): RegistryEntry {
  const e = registryIndex().entries.find((x) => x.id === id);
  assert.ok(e, `no catalog entry ${id}`);
  return e;
}

function span(i: CompletionItem): [number, number] {
  assert.ok(i.range, `${i.label} has a range`);
  return [i.range.start.character, i.range.end.character];
}

const ROOTS = ['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER', 'HKEY_CLASSES_ROOT', 'HKEY_USERS', 'HKEY_CURRENT_CONFIG'];

/** Completion without regComplete's guard, so that an exception fails the test instead of turning into []. */
function unguarded(doc: RegDocument, position: Position): CompletionItem[] {
  return completeAt(doc, position, registryIndex(), DEFAULT_CONTEXT);
}

describe('reg completion', () => {
  describe('key lines', () => {
    it('offers the root keys after "["', () => {
      const items = complete(['[$0']);
      assert.deepStrictEqual(labels(items), ROOTS);
      assert.ok(items.every((i) => i.kind === 'key'));
      assert.deepStrictEqual(span(items[0]), [1, 1]);
    });

    it('replaces the partly typed root, and the auto-closed "]" stays', () => {
      const items = complete(['[HKEY_LO$0]']);
      assert.deepStrictEqual(labels(items), ROOTS);
      assert.deepStrictEqual(span(item(items, 'HKEY_LOCAL_MACHINE')), [1, 8]);
      assert.strictEqual(item(items, 'HKEY_LOCAL_MACHINE').insertText, 'HKEY_LOCAL_MACHINE');
    });

    it('offers the next segment of the key paths the catalog knows', () => {
      const items = complete([`[${SERVICES}\\MSExchangeIS\\$0`]);
      // <name>: a server name (MSExchangeIS\<server>\Private-<store GUID> holds the stores' own values).
      assert.deepStrictEqual(labels(items).sort(), ['<name>', 'ParametersPrivate', 'ParametersSystem', 'ParametersSystemInternetContent']);
      const ps = item(items, 'ParametersSystem');
      assert.strictEqual(ps.kind, 'key');
      assert.match(ps.detail ?? '', /known values/);
      assert.match(ps.documentation ?? '', /Maximum Polling Frequency/);
      const start = `[${SERVICES}\\MSExchangeIS\\`.length;
      assert.deepStrictEqual(span(ps), [start, start]);
    });

    it('spells segments the way regedit exports them, whatever case was typed', () => {
      assert.deepStrictEqual(labels(complete(['[HKEY_LOCAL_MACHINE\\$0]'])).sort(), ['SOFTWARE', 'SYSTEM']);
      const services = complete(['[hkey_local_machine\\system\\currentcontrolset\\services\\$0]']);
      for (const name of ['MSExchangeIS', 'MSExchangeWeb', 'MSExchangeDSAccess', 'SMTPSVC', 'MSExchangeMTA']) item(services, name);
      assert.strictEqual(item(services, 'MSExchangeIS').kind, 'key', 'values live directly under MSExchangeIS');
      assert.strictEqual(item(complete(['[HKEY_LOCAL_MACHINE\\SYSTEM\\$0]']), 'CurrentControlSet').kind, 'folder');
    });

    it('replaces the rest of the segment under the cursor', () => {
      const items = complete([`[${SERVICES}\\MSExchangeWeb\\O$0WX]`]);
      const owa = item(items, 'OWA');
      const start = `[${SERVICES}\\MSExchangeWeb\\`.length;
      assert.deepStrictEqual(span(owa), [start, start + 3]);
      assert.strictEqual(owa.insertText, 'OWA', 'the line has its "]" already');
    });

    it('closes the key line after the last segment when no "]" follows', () => {
      assert.strictEqual(item(complete([`[${SERVICES}\\MSExchangeWeb\\$0`]), 'OWA').insertText, 'OWA]');
      assert.strictEqual(item(complete([`[${SERVICES}\\MSExchangeIS\\$0`]), 'ParametersSystem').insertText, 'ParametersSystem]');
    });

    it('offers an instance number where the catalog has <n>', () => {
      const items = complete([`[${SERVICES}\\SMTPSVC\\XEXCH50\\$0]`]);
      const n = item(items, '<n>');
      assert.strictEqual(n.isSnippet, true);
      assert.strictEqual(n.insertText, '${1:1}');
      assert.match(n.detail ?? '', /1 known value/);
      assert.deepStrictEqual(complete([`[${SERVICES}\\SMTPSVC\\XEXCH50\\1\\$0]`]), []);
    });

    it('completes deletion lines "[-"', () => {
      assert.deepStrictEqual(labels(complete(['[-$0'])), ROOTS);
      item(complete(['[-HKEY_LOCAL_MACHINE\\SOFTWARE\\$0]']), 'Microsoft');
    });

    it('offers nothing for unknown paths, abbreviated roots, after "]" or after "[ "', () => {
      assert.deepStrictEqual(complete(['[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\$0]']), []);
      assert.deepStrictEqual(complete(['[HKLM\\$0]']), []);
      assert.deepStrictEqual(complete(['[HKEY_LOCAL_MACHINE\\SOFTWARE]$0']), []);
      assert.deepStrictEqual(complete(['[ $0']), []);
    });
  });

  describe('value names', () => {
    it('offers the values the catalog knows under the key, documented with the rendered entry', () => {
      const items = complete([OWA, '$0']);
      for (const name of ['KeyInterval', 'DisableAttachments', 'DefaultMailboxFolderSet', 'Level1FileTypes', 'EnableFreedocs']) {
        assert.strictEqual(item(items, name).kind, 'value');
      }
      const ki = item(items, 'KeyInterval');
      assert.strictEqual(ki.documentation, renderRegistryEntry(entry('msexchangeweb.owa.key-interval')));
      assert.match(ki.detail ?? '', /REG_DWORD/);
    });

    it('inserts the name, "=" and the type prefix, with a snippet where values are documented', () => {
      const items = complete([OWA, '$0']);
      const ki = item(items, 'KeyInterval');
      assert.strictEqual(ki.insertText, '"KeyInterval"=dword:${1:000005a0}');
      assert.strictEqual(ki.isSnippet, true);
      const da = item(items, 'DisableAttachments');
      assert.strictEqual(da.insertText, '"DisableAttachments"=dword:${1|00000000,00000001,00000002|}');
      assert.strictEqual(da.isSnippet, true);
      const fs = item(items, 'DefaultMailboxFolderSet');
      assert.strictEqual(fs.insertText, '"DefaultMailboxFolderSet"=dword:');
      assert.ok(!fs.isSnippet);
      assert.strictEqual(item(items, 'Level1FileTypes').insertText, '"Level1FileTypes"="$1"');
    });

    it('works after an opening quote (auto-closed or not) and on a bare word', () => {
      const open = item(complete([OWA, '"Key$0']), 'KeyInterval');
      assert.deepStrictEqual(span(open), [0, 4]);
      assert.strictEqual(open.filterText, '"KeyInterval');
      const closed = item(complete([OWA, '"$0"']), 'KeyInterval');
      assert.deepStrictEqual(span(closed), [0, 2]);
      assert.strictEqual(closed.insertText, '"KeyInterval"=dword:${1:000005a0}');
      const bare = item(complete([OWA, 'Key$0']), 'KeyInterval');
      assert.deepStrictEqual(span(bare), [0, 3]);
      assert.strictEqual(bare.filterText, 'KeyInterval');
    });

    it('replaces only the name when the line has data already', () => {
      const ki = item(complete([OWA, '"Key$0Int"=dword:00000005']), 'KeyInterval');
      assert.deepStrictEqual(span(ki), [1, 7]);
      assert.strictEqual(ki.insertText, 'KeyInterval');
      assert.ok(!ki.isSnippet);
    });

    it('offers nothing under keys the catalog does not know, or where no key is open', () => {
      assert.deepStrictEqual(complete(['[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]', '$0']), []);
      assert.deepStrictEqual(complete(['$0']), [], 'before any key line');
      assert.deepStrictEqual(complete([OWA, '"A"=dword:1', `[-${SERVICES}\\Foo]`, '$0']), [], 'a deletion closes the open key');
      assert.deepStrictEqual(complete([OWA, '[HKLM\\SOFTWARE\\X]', '"$0']), [], 'an unopened key closes the open key');
    });

    it('follows regedit: an ignored key line leaves the previous key open', () => {
      item(complete([OWA, `[${SERVICES}\\Missing bracket`, '"$0']), 'KeyInterval');
    });

    it('does not offer names the section already sets (case-insensitively), except the one being edited', () => {
      const items = complete([OWA, '"KeyInterval"=dword:00000005', '"disableattachments"=dword:00000001', '$0']);
      assert.ok(!labels(items).includes('KeyInterval'));
      assert.ok(!labels(items).includes('DisableAttachments'));
      item(items, 'EnableFreedocs');
      item(complete([OWA, '"KeyInterval$0"=dword:00000005']), 'KeyInterval');
      // A line regedit rejects still names the value.
      assert.ok(!labels(complete([OWA, '"EnableFreedocs"=dword:zz', '$0'])).includes('EnableFreedocs'));
      // Another section of the same key does not count.
      item(complete([OWA, '"KeyInterval"=dword:00000005', '', OWA, '$0']), 'KeyInterval');
    });

    it('marks obsolete Exchange 2000 tuning deprecated and sorts it last', () => {
      const items = complete([IS_SYSTEM, '$0']);
      const imp = item(items, 'Initial Memory Percentage');
      assert.strictEqual(imp.deprecated, true);
      assert.match(imp.detail ?? '', /obsolete/);
      const current = item(items, 'Maximum Polling Frequency');
      assert.ok(!current.deprecated);
      const sorted = [...items].sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1));
      assert.strictEqual(sorted[sorted.length - 1].label, 'Initial Memory Percentage');
      assert.strictEqual(item(items, 'Maximum Polling Frequency').insertText, '"Maximum Polling Frequency"=dword:${1:0000ea60}');
    });

    it('does not call Exchange 2000 tuning obsolete on an Exchange 2000 server', () => {
      const options: AnalyzeOptions = { exchange: { context: { exchangeVersion: '2000' }, registry: registryIndex() } };
      const imp = item(complete([IS_SYSTEM, '$0'], options), 'Initial Memory Percentage');
      assert.ok(!imp.deprecated);
    });

    it('uses the catalog of the options (an organisation catalog)', () => {
      const custom = registryIndex([
        {
          version: 1,
          entries: [
            {
              id: 'contoso.test',
              keys: ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso'],
              names: ['Level'],
              type: 'REG_SZ',
              allowed: [
                { value: 'low', meaning: 'a little' },
                { value: 'high', meaning: 'a lot' },
              ],
              status: 'current',
              description: 'Test entry.',
              confidence: 'documented',
              sources: [{ document: 'test', section: '1' }],
            },
          ],
        },
      ]);
      const options: AnalyzeOptions = { exchange: { context: { exchangeVersion: '2003' }, registry: custom } };
      const level = item(complete(['[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]', '$0'], options), 'Level');
      assert.strictEqual(level.insertText, '"Level"="${1|low,high|}"');
      item(complete(['[HKEY_LOCAL_MACHINE\\SOFTWARE\\$0'], options), 'Contoso');
      const values = complete(['[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]', '"Level"="$0"'], options);
      assert.deepStrictEqual(labels(values), ['low', 'high']);
      assert.strictEqual(values[0].insertText, '"low"');
      assert.deepStrictEqual(span(values[0]), [8, 10]);
    });
  });

  describe('data', () => {
    it('offers the type prefix after "Name"=', () => {
      const items = complete([OWA, '"KeyInterval"=$0']);
      assert.deepStrictEqual(labels(items), ['dword:', '-']);
      assert.strictEqual(items[0].insertText, 'dword:');
      assert.deepStrictEqual(span(items[0]), [14, 14]);
      assert.strictEqual(items[0].documentation, renderRegistryEntry(entry('msexchangeweb.owa.key-interval')));
      assert.deepStrictEqual(span(item(complete([OWA, '"KeyInterval"=dw$0']), 'dword:')), [14, 16]);
    });

    it('offers "=" and the prefix right after the name', () => {
      assert.strictEqual(item(complete([OWA, '"KeyInterval"$0']), 'dword:').insertText, '=dword:');
      const sz = item(complete([OWA, '"Level1FileTypes"=$0']), '"');
      assert.strictEqual(sz.insertText, '"$1"');
      assert.strictEqual(sz.isSnippet, true);
    });

    it('offers every prefix for a value the catalog does not know', () => {
      assert.deepStrictEqual(labels(complete(['[HKEY_CURRENT_USER\\Software\\X]', '"Anything"=$0'])), ['"', 'dword:', 'hex:', 'hex(2):', 'hex(7):', 'hex(b):', '-']);
    });

    it('offers the documented values after dword:, as 8 lower-case hex digits with their meaning', () => {
      const items = complete([OWA, '"DisableAttachments"=dword:$0']);
      assert.deepStrictEqual(labels(items), ['00000000', '00000001', '00000002']);
      assert.ok(items.every((i) => i.kind === 'enum'));
      assert.match(item(items, '00000002').detail ?? '', /back-end/);
      assert.deepStrictEqual(span(items[0]), [27, 27]);
      // Digits already there are replaced.
      assert.deepStrictEqual(span(item(complete([OWA, '"DisableAttachments"=dword:0$00000001']), '00000002')), [27, 35]);
    });

    it('offers each named bit of a mask', () => {
      const items = complete([OWA, '"DefaultMailboxFolderSet"=dword:$0']);
      assert.strictEqual(item(items, '00000001').detail, 'Messaging');
      assert.strictEqual(item(items, '00000002').detail, 'Calendar');
      assert.strictEqual(item(items, '00010000').detail, 'Junk E-mail');
      assert.strictEqual(item(items, 'ffffffff').detail, 'All Features');
    });

    it('offers the value Setup writes for a do-not-modify value, and nothing for a plain range', () => {
      const port = complete([IS_SYSTEM, '"Rpc/HTTP Port"=dword:$0']);
      assert.strictEqual(port.length, 1);
      assert.match(port[0].detail ?? '', /Setup writes/);
      assert.deepStrictEqual(complete([OWA, '"KeyInterval"=dword:$0']), []);
      assert.deepStrictEqual(complete([OWA, '"DisableAttachments"=dword:00000001 $0']), []);
    });
  });

  describe('elsewhere', () => {
    it('completes the header on the first line', () => {
      const { text, position } = withCursor(['Win$0', '']);
      const items = regComplete(regLanguage.parse(text), position);
      assert.deepStrictEqual(labels(items), [V5]);
      assert.deepStrictEqual(span(items[0]), [0, 3]);
      assert.deepStrictEqual(regComplete(regLanguage.parse(`${V5}\r\n`), { line: 0, character: 5 }), []);
    });

    it('offers nothing in comments, in hex continuation lines, or in front of existing text', () => {
      assert.deepStrictEqual(complete([OWA, '; Key$0']), []);
      assert.deepStrictEqual(complete([OWA, '"Level1FileTypes"=hex(2):41,00,\\', '  4$02,00']), []);
      assert.deepStrictEqual(complete([OWA, '"Level1FileTypes"=hex(2):41,00,\\', '$0']), []);
      assert.deepStrictEqual(complete([OWA, '$0"KeyInterval"=dword:00000005']), []);
    });

    it('resolves the open key exactly as the validator does, for every section', () => {
      const text = [
        V5,
        '"x"=dword:1',
        OWA,
        '"a"=dword:1',
        '[ HKEY_LOCAL_MACHINE\\SOFTWARE\\Ignored]',
        '"b"=dword:1',
        `[-${SERVICES}\\Gone]`,
        '"c"=dword:1',
        '[HKLM\\SOFTWARE\\Abbreviated]',
        '"d"=dword:1',
        `[${SERVICES}\\MSExchangeIS\\ParametersSystem\\\\]`,
        '"e"=dword:1',
        '[HKEY_LOCAL_MACHINE\\SOFTWARE\\No closing bracket',
        '[hkey_current_user\\Software]',
        '',
      ].join('\r\n');
      const doc = regLanguage.parse(text);
      const keys = sectionKeys(doc);
      assert.ok(doc.sections.length >= 7);
      for (let i = 0; i < doc.sections.length; i++) assert.strictEqual(keyContextAt(doc, i).key, keys[i], `section ${i}`);
    });

    it('never throws and keeps every range on the cursor line, at any position of odd documents', () => {
      const docs = [
        '',
        V5,
        'REGEDIT',
        'REGEDIT\r\nHKEY_CLASSES_ROOT\\.txt = Text',
        `${V5}\r\n\r\n${OWA}\r\n"KeyInterval"=dword:\r\n"DisableAttachments"=dword:zz\r\n"\\"=\r\n@=""\r\n"Level1FileTypes"=hex(2):41,\\\r\n\r\n  00\r\n[`,
        `${V5}\n[${SERVICES}\\MSExchangeIS\\]\n"Ma\\"x"=dword:0001d4c0\n[-\n[-]\n[]\n[\\\\\\]\n"""=""\n"a"\t=\t"\n\u0000"\uD800"=-`,
        `REGEDIT4\r${IS_SYSTEM}\r"Initial Memory Percentage"=dword:00000005;c\r"Rpc/HTTP Port"=dword:\r[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]\r"MPHeap parallelism"="\r`,
      ];
      for (const text of docs) {
        const doc = regLanguage.parse(text);
        for (let line = -1; line <= doc.lineCount; line++) {
          const length = line >= 0 && line < doc.lineCount ? doc.lines[line].length : 3;
          for (let character = -1; character <= length + 1; character++) {
            const items = unguarded(doc, { line, character });
            if (line >= 0 && line < doc.lineCount) for (const i of items) checkItem(i, { line, character: Math.max(0, Math.min(character, length)) });
          }
        }
      }
      const doc = regLanguage.parse(docs[4]);
      for (const bad of [null, undefined, {}, { line: 1.5, character: 0 }, { line: NaN, character: NaN }, { line: 2, character: Infinity }]) {
        assert.ok(Array.isArray(unguarded(doc, bad as unknown as Position)));
      }
    });

    it('reads no further into a huge line than a name or key path can reach', () => {
      const x = 'x'.repeat(10 * 1024 * 1024);
      const lines = [`[HKEY_LOCAL_MACHINE\\${x}`, `Key${x}`, `"${x}`, `"Level1FileTypes"="${x}`, `"Level1FileTypes"=hex(2):${'41,'.repeat(3_000_000)}00`, `"DisableAttachments"=dword:${x}`];
      for (const l of lines) {
        const doc = regLanguage.parse(`${V5}\r\n${OWA}\r\n${l}\r\n`);
        for (const character of [0, 1, 3, 20, 27, 1000, l.length >> 1, l.length]) unguarded(doc, { line: 2, character });
        assert.ok(labels(unguarded(doc, { line: 3, character: 0 })).includes('KeyInterval'));
      }
    });

    it('never throws on generated lines', () => {
      const piece = fc.constantFrom('[', ']', '[-', '\\', '"', '=', 'dword:', 'hex(2):', '00', ',\\', ';', ' ', '@', 'HKEY_LOCAL_MACHINE', 'SYSTEM', 'KeyInterval', OWA, '\r\n', '\n', 'é', '\uD800');
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, l, ch) => {
          const doc: RegDocument = regLanguage.parse(`${V5}\r\n${parts.join('')}`);
          const line = l % doc.lineCount;
          const character = ch % (doc.lines[line].length + 1);
          for (const i of unguarded(doc, { line, character })) checkItem(i, { line, character });
        }),
        { numRuns: 500 },
      );
    });
  });
});
