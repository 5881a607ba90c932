import * as assert from 'assert';
import { bootiniLanguage } from '../../../../server/src/languages/bootini';
import { BOOTINI_CATALOG } from '../../../../server/src/languages/bootini/switches';
import { bootIni, context, PATH, W2000AS, W2003 } from '../../../helpers/bootini';
import { internalReferences } from '../../../helpers/userText';

function hoverAt(text: string, line: number, character: number, options?: Parameters<typeof bootiniLanguage.hover>[2]): { contents: string; range: unknown } | undefined {
  return bootiniLanguage.hover(bootiniLanguage.parse(text), { line, character }, options);
}

const AT = W2003.length + 1;

describe('bootini: hover', () => {
  it('explains a switch: meaning, value form, versions, Exchange guidance and sources', () => {
    const text = bootIni(`${W2003} /fastdetect /3GB /USERVA=2900`);
    const userva = hoverAt(text, 4, AT + 20)!;
    assert.deepStrictEqual(userva.range, { start: { line: 4, character: AT + 17 }, end: { line: 4, character: AT + 29 } });
    assert.match(userva.contents, /\*\*\/USERVA=2900\*\*/);
    assert.match(userva.contents, /User address space: \*\*2900 MB\*\*/);
    assert.match(userva.contents, /Outside 2970-3030/);
    assert.match(userva.contents, /2048 to 3072 MB/);
    assert.match(userva.contents, /only Windows XP, Windows Server 2003/);
    assert.match(userva.contents, /event 9665/);
    assert.match(userva.contents, /prints the range as "3030 to 2970"/);
    assert.match(userva.contents, /Sources: KB 833721/);
    assert.match(userva.contents, /This entry: Windows Server 2003, Enterprise Edition \(as the description says\)/);
    const gb = hoverAt(text, 4, AT + 13)!;
    assert.match(gb.contents, /3 GB/);
    assert.match(gb.contents, /mailboxes or public folders/);
  });

  it('gives the meaning of a documented value', () => {
    const text = bootIni(`${W2003} /noexecute=optout`);
    assert.match(hoverAt(text, 4, AT + 3)!.contents, /Meaning: \*\*DEP protects every program except/);
  });

  it('has a hover for every switch of the catalog', () => {
    for (const sw of BOOTINI_CATALOG.switches) {
      const written = sw.value === 'required' ? `${sw.name}${sw.separators?.[0] ?? '='}1` : sw.name;
      const h = hoverAt(bootIni(`${W2003} ${written}`), 4, AT + 1);
      assert.ok(h, sw.name);
      assert.match(h.contents, /Sources: /, sw.name);
      assert.ok(h.contents.includes(sw.description), sw.name);
      // Each source once; the evidence and the internal notes stay in the catalog.
      const sources = /Sources: (.*)$/m.exec(h.contents)![1].split('; ');
      assert.strictEqual(new Set(sources).size, sources.length, sw.name);
      for (const src of sw.sources) if (src.evidence) assert.ok(!h.contents.includes(src.evidence), sw.name);
      for (const note of sw.internalNotes ?? []) assert.ok(!h.contents.includes(note), sw.name);
    }
  });

  it('says when a switch is unknown, with did-you-mean', () => {
    assert.match(hoverAt(bootIni(`${W2003} /fastdetct`), 4, AT + 2)!.contents, /did you mean \/FASTDETECT/);
  });

  it('explains an ARC path part by part, and which entry boots', () => {
    const h = hoverAt(bootIni(`${W2003} /fastdetect`), 4, 3)!;
    assert.deepStrictEqual(h.range, { start: { line: 4, character: 0 }, end: { line: 4, character: PATH.length } });
    assert.match(h.contents, /\*\*ARC path\*\*/);
    assert.match(h.contents, /BIOS/);
    assert.match(h.contents, /partition 1 \(counted from 1/);
    assert.match(h.contents, /`\\WINDOWS` the Windows folder/);
    assert.match(h.contents, /starts when nobody chooses/);
    assert.match(h.contents, /KB 102873/);
    const rc = hoverAt(bootIni(W2003, 'C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons'), 5, 2)!;
    assert.match(rc.contents, /Recovery Console/);
  });

  it('says where the Windows version of an entry comes from, on its description', () => {
    assert.match(hoverAt(bootIni(W2003), 4, 50)!.contents, /names Windows Server 2003, Enterprise Edition/);
    const plain = bootIni(`${PATH}="Mail server"`);
    assert.match(hoverAt(plain, 4, 47)!.contents, /none is configured/);
    assert.match(hoverAt(plain, 4, 47, context({ windowsVersion: '2000' }))!.contents, /configured one: Windows 2000/);
  });

  it('explains [boot loader] keys and values, and the sections', () => {
    const text = bootIni(W2003);
    assert.match(hoverAt(text, 1, 2)!.contents, /seconds the boot menu waits/);
    assert.match(hoverAt(text, 1, 9)!.contents, /waits 30 seconds/);
    assert.match(hoverAt(text, 2, 20)!.contents, /Starts the entry on line 5, "Windows Server 2003, Enterprise"/);
    assert.match(hoverAt(text.replace('timeout=30', 'timeout=-1'), 1, 9)!.contents, /until someone chooses/);
    assert.match(hoverAt(text.replace('timeout=30', 'redirect=com2'), 1, 10)!.contents, /second serial port/);
    assert.match(hoverAt(text, 0, 3)!.contents, /\*\*\[boot loader\]\*\*/);
    assert.match(hoverAt(text, 3, 3)!.contents, /One line per entry/);
  });

  it('names no internal reference in the hover of any switch, value, [boot loader] key, section, path or description', () => {
    const shown: string[] = [];
    for (const sw of BOOTINI_CATALOG.switches) {
      for (const v of [undefined, ...(sw.values ?? []).map((x) => x.value)]) {
        const written = sw.value === 'none' ? sw.name : `${sw.name}${sw.separators?.[0] ?? '='}${v ?? '1'}`;
        for (const description of [W2003, W2000AS]) shown.push(hoverAt(bootIni(`${description} ${written}`), 4, AT + 1)!.contents);
      }
    }
    const loader = ['[boot loader]', 'timeout=0', `default=${PATH}`, 'redirect=COM1', 'redirectbaudrate=115200', 'timout=3', '[operating systems]', `${W2003} /fastdetect`, 'C:\\CMDCONS\\BOOTSECT.DAT="Microsoft Windows Recovery Console" /cmdcons', 'C:\\="Microsoft Windows"', '[Acme Tools]'].join('\r\n');
    const lines = loader.split('\r\n');
    lines.forEach((l, i) => {
      for (let c = 0; c <= l.length; c += 2) {
        const h = hoverAt(loader, i, c);
        if (h) shown.push(h.contents);
      }
    });
    assert.ok(shown.length > 2 * BOOTINI_CATALOG.switches.length);
    for (const text of shown) assert.deepStrictEqual(internalReferences(text), [], text.slice(0, 80));
  });

  it('tells an ignored section apart without advising to remove it, and says less where the sources are silent', () => {
    const text = bootIni(`${W2003} /fastdetect`, '[Acme Tools]');
    const h = hoverAt(text, 5, 2)!;
    assert.match(h.contents, /ignores this section/);
    assert.doesNotMatch(h.contents, /remove|delete/i);
    const twice = bootIni(`${W2003} /fastdetect`, `${PATH}="Windows Server 2003, Enterprise (2)"`);
    assert.match(hoverAt(twice, 2, 10)!.contents, /the sources do not say which of them starts/);
    const nsm = hoverAt(bootIni(`${W2003} /noserialmice`), 4, AT + 2)!;
    assert.match(nsm.contents, /Windows 2000 not documented either way/);
  });

  it('returns nothing on blanks, comments, out-of-range positions and unknown things', () => {
    const text = `; comment\r\n${bootIni(W2003)}`;
    assert.strictEqual(hoverAt(text, 0, 2), undefined);
    assert.strictEqual(hoverAt(text, 99, 0), undefined);
    assert.strictEqual(hoverAt(text, -1, 0), undefined);
    assert.strictEqual(hoverAt(text, 5, W2003.length + 5), undefined);
  });
});
