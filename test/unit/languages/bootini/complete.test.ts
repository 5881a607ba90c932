import * as assert from 'assert';
import { CompletionItem } from '../../../../server/src/core/language';
import { bootiniLanguage } from '../../../../server/src/languages/bootini';
import { completeAt } from '../../../../server/src/languages/bootini/complete';
import { BOOTINI_CATALOG } from '../../../../server/src/languages/bootini/switches';
import { DEFAULT_CONTEXT } from '../../../../server/src/core/catalog';
import { bootIni, context, PATH, W2000AS, W2003 } from '../../../helpers/bootini';
import { internalReferences } from '../../../helpers/userText';

/** Completion at the cursor marked $0 (removed from the text). */
function complete(textWithCursor: string, options?: Parameters<typeof bootiniLanguage.hover>[2]): CompletionItem[] {
  const offset = textWithCursor.indexOf('$0');
  assert.ok(offset >= 0, 'no $0 in the text');
  const text = textWithCursor.replace('$0', '');
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  const doc = bootiniLanguage.parse(text);
  // The unguarded function, so that an exception fails the test.
  completeAt(doc, position, options?.exchange?.context ?? DEFAULT_CONTEXT);
  return bootiniLanguage.complete!(doc, position, options);
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

describe('bootini: completion', () => {
  it('offers the section headers when a line starts with [', () => {
    const items = complete(`[boot loader]\r\ntimeout=30\r\n[op$0`);
    assert.deepStrictEqual(labels(items), ['[boot loader]', '[operating systems]']);
    assert.deepStrictEqual(items[1].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
    assert.strictEqual(items[1].sortText! < items[0].sortText!, true, 'the missing section comes first');
  });

  it('offers [boot loader] keys that are not set yet, as snippets with values', () => {
    const items = complete(`[boot loader]\r\ntimeout=30\r\nre$0\r\n[operating systems]\r\n${W2003}\r\n`);
    assert.deepStrictEqual(labels(items), ['default=', 'redirect=', 'redirectbaudrate=']);
    assert.strictEqual(items[0].insertText, `default=\${1:multi(0)disk(0)rdisk(0)partition(1)\\\\WINDOWS}`);
    assert.strictEqual(items[1].insertText, 'redirect=${1|COM1,COM2,COM3,COM4,USEBIOSSETTINGS|}');
    assert.ok(items.every((i) => i.isSnippet));
  });

  it('offers values after =: the entries for default=, documented values for the others', () => {
    const text = bootIni(`${W2003} /fastdetect`, `${PATH}="Windows Server 2003, Enterprise (safe)" /safeboot:minimal`, 'C:\\="MS-DOS"');
    const defaults = complete(text.replace(`default=${PATH}`, 'default=$0'));
    assert.deepStrictEqual(labels(defaults), [PATH, 'C:\\']);
    assert.match(defaults[0].detail!, /line 5/);
    assert.deepStrictEqual(labels(complete(text.replace('timeout=30', 'timeout=$0'))), ['30', '0', '-1']);
    assert.deepStrictEqual(labels(complete(text.replace('timeout=30', 'redirectbaudrate=$0'))), ['9600', '19200', '57600', '115200']);
  });

  it('offers switches after the description, without those already on the entry', () => {
    const items = complete(bootIni(`${W2003} /fastdetect /$0`));
    const names = labels(items);
    assert.ok(names.includes('/3GB'));
    assert.ok(names.includes('/USERVA'));
    assert.ok(!names.includes('/FASTDETECT'));
    assert.strictEqual(names.length, BOOTINI_CATALOG.switches.length - 1);
    const userva = items.find((i) => i.label === '/USERVA')!;
    assert.strictEqual(userva.insertText, '/USERVA=${1:3030}');
    assert.strictEqual(userva.isSnippet, true);
    assert.deepStrictEqual(userva.range, { start: { line: 4, character: W2003.length + 13 }, end: { line: 4, character: W2003.length + 14 } });
    assert.match(userva.documentation!, /event 9665/);
    const nx = items.find((i) => i.label === '/NOEXECUTE')!;
    assert.strictEqual(nx.insertText, '/NOEXECUTE=${1|OptIn,OptOut,AlwaysOn,AlwaysOff|}');
    const sb = items.find((i) => i.label === '/SAFEBOOT')!;
    assert.strictEqual(sb.insertText, '/SAFEBOOT:${1|minimal,network,minimal(alternateshell),dsrepair|}');
    assert.strictEqual(items.find((i) => i.label === '/3GB')!.isSnippet, false);
  });

  it('offers switches after a blank, and replaces the whole switch being typed', () => {
    const items = complete(bootIni(`${W2003} /fast$0detect`));
    assert.deepStrictEqual(items[0].range, { start: { line: 4, character: W2003.length + 1 }, end: { line: 4, character: W2003.length + 12 } });
    assert.ok(labels(items).includes('/FASTDETECT'));
    assert.ok(labels(complete(bootIni(`${W2003} $0`))).includes('/3GB'));
  });

  it('puts the switches the entry\'s Windows does not know last and says so', () => {
    const items = complete(bootIni(`${W2000AS} /$0`));
    const userva = items.find((i) => i.label === '/USERVA')!;
    assert.match(userva.detail!, /not known to this entry's Windows/);
    assert.ok(userva.sortText! > items.find((i) => i.label === '/3GB')!.sortText!);
  });

  it('offers the documented values after = or :', () => {
    assert.deepStrictEqual(labels(complete(bootIni(`${W2003} /NOEXECUTE=$0`))), ['OptIn', 'OptOut', 'AlwaysOn', 'AlwaysOff']);
    assert.deepStrictEqual(labels(complete(bootIni(`${W2003} /3GB /USERVA=30$0`))), ['3030', '2900']);
    const items = complete(bootIni(`${W2003} /safeboot:min$0imal`));
    assert.deepStrictEqual(labels(items), ['minimal', 'network', 'minimal(alternateshell)', 'dsrepair']);
    assert.deepStrictEqual(items[0].range, { start: { line: 4, character: W2003.length + 11 }, end: { line: 4, character: W2003.length + 18 } });
    const ports = complete(bootIni(`${W2000AS} /debugport=$0`));
    assert.match(ports.find((i) => i.label === '1394')!.detail!, /not on this entry's Windows/);
  });

  it('offers entry snippets on an empty line of [operating systems], with the Exchange entry for mailbox servers', () => {
    const items = complete(`${bootIni(W2003)}$0`, context({ role: 'mailbox' }));
    const names = labels(items);
    assert.ok(names.includes('multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS'));
    assert.ok(names.includes('multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS /3GB /USERVA=3030'));
    assert.ok(names.includes('C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons'));
    const multi = items.find((i) => i.label === 'multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS')!;
    assert.strictEqual(multi.insertText, 'multi(0)disk(0)rdisk(${1:0})partition(${2:1})\\\\${3:WINDOWS}="${4:Windows Server 2003, Enterprise}" /fastdetect');
    assert.ok(!labels(complete(`${bootIni(W2003)}$0`, context({ role: 'front-end' }))).some((l) => l.includes('/3GB')));
    assert.ok(labels(complete(`${bootIni(W2003)}mul$0`)).includes('multi(0)disk(0)rdisk(0)partition(1)\\WINDOWS'));
  });

  it('names no internal reference in any documentation or detail it offers', () => {
    const texts = [
      `${bootIni(W2003)}$0`,
      bootIni(`${W2003} /$0`),
      bootIni(`${W2000AS} /$0`),
      `[boot loader]\r\n$0\r\n[operating systems]\r\n${W2003}\r\n`,
      `$0\r\n${bootIni(W2003)}`,
      bootIni(`${W2003} /3GB /USERVA=$0`),
    ];
    let seen = 0;
    for (const t of texts) {
      for (const role of ['mailbox', 'front-end'] as const) {
        for (const i of complete(t, context({ role }))) {
          seen++;
          const shown = `${i.label} ${i.detail ?? ''} ${typeof i.documentation === 'string' ? i.documentation : JSON.stringify(i.documentation ?? '')}`;
          assert.deepStrictEqual(internalReferences(shown), [], i.label);
        }
      }
    }
    assert.ok(seen > BOOTINI_CATALOG.switches.length, `only ${seen} items`);
    // Every value of every switch, after its separator.
    for (const sw of BOOTINI_CATALOG.switches.filter((x) => x.value !== 'none')) {
      for (const i of complete(bootIni(`${W2003} ${sw.name}${sw.separators?.[0] ?? '='}$0`))) {
        assert.deepStrictEqual(internalReferences(`${i.detail ?? ''} ${JSON.stringify(i.documentation ?? '')}`), [], `${sw.name} ${i.label}`);
      }
    }
  });

  it('offers nothing inside a description, a path with a description, a comment, or a word that is not a switch', () => {
    assert.deepStrictEqual(complete(bootIni(`${PATH}="Windows $0Server"`)), []);
    assert.deepStrictEqual(complete(bootIni(`multi(0)disk$0(0)rdisk(0)partition(1)\\WINDOWS="x"`)), []);
    assert.deepStrictEqual(complete(`; comm$0ent\r\n${bootIni(W2003)}`), []);
    assert.deepStrictEqual(complete(bootIni(`${W2003} fast$0`)), []);
  });

  it('never throws on odd positions', () => {
    const doc = bootiniLanguage.parse(bootIni(W2003));
    for (const p of [{ line: -1, character: 0 }, { line: 99, character: 0 }, { line: 4, character: 9999 }, { line: 1.5, character: 0 }, { line: 0, character: -3 }]) {
      assert.ok(Array.isArray(bootiniLanguage.complete!(doc, p)));
    }
  });
});
