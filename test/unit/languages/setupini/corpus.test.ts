/**
 * Real Setup.ini files of other products and Exchange answer files (test/corpus/setupini, PROVENANCE.md): which ones
 * are answer files, the exact findings on each (JUDGEMENT.md says why each is right), and the user-visible text of the
 * language (messages, hover, completion, command-line check, code summaries): no internal reference, short messages.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allCodes } from '../../../../server/src/core/codes';
import { languageForFile } from '../../../../server/src/languages';
import { checkSetupCommandLine, SETUP_SWITCHES, setupiniLanguage } from '../../../../server/src/languages/setupini';
import { SETUP_CATALOG } from '../../../../server/src/languages/setupini/catalog';
import { FORCED } from '../../../helpers/setupini';
import { internalReferences, MESSAGE_MAX, MESSAGE_P95_MAX, percentile95 } from '../../../helpers/userText';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'corpus', 'setupini');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : /\.ini$/i.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

const corpusFiles = filesUnder(CORPUS);
const rel = (f: string): string => path.relative(CORPUS, f).split(path.sep).join('/');

/** The findings the linter gives on a file as the CLI and the editor take it (content decides), as "code@line". */
function findings(file: string): string[] {
  const text = fs.readFileSync(file, 'latin1');
  const language = languageForFile(file, text);
  if (!language) return [];
  return language.validate(language.parse(text)).map((d) => `${d.code}@${d.range.start.line}`);
}

/** After the fixes: other products' files get nothing; the Exchange files get only what JUDGEMENT.md judges right. */
const EXPECTED: Record<string, string[]> = {
  'exchange/kb168490-entries/SETUP.INI': [],
  'exchange/kb188625-entries/batch55.ini': [],
  'exchange/kb188625-example/Setup.ini': [],
  'exchange/kb198898-proxy-names/setup.ini': ['setupini.missing-required-key@5'],
};

describe('setupini: corpus of real Setup.ini files', () => {
  it('has at least 15 files, of other products and of Exchange', () => {
    assert.ok(corpusFiles.length >= 15, `${corpusFiles.length} files`);
    assert.ok(corpusFiles.filter((f) => rel(f).startsWith('other/')).length >= 12);
    assert.ok(corpusFiles.filter((f) => rel(f).startsWith('exchange/')).length >= 3);
    const provenance = fs.readFileSync(path.join(CORPUS, 'PROVENANCE.md'), 'utf8');
    const judgement = fs.readFileSync(path.join(CORPUS, 'JUDGEMENT.md'), 'utf8');
    for (const f of corpusFiles) {
      assert.ok(provenance.includes(rel(f)), `PROVENANCE.md names ${rel(f)}`);
      assert.ok(judgement.includes(rel(f)), `JUDGEMENT.md names ${rel(f)}`);
    }
  });

  for (const f of corpusFiles) {
    const name = rel(f);
    if (name.startsWith('other/')) {
      it(`${name}: another product's file is not an answer file and gets nothing`, () => {
        const text = fs.readFileSync(f, 'latin1');
        assert.strictEqual(languageForFile(f, text), undefined);
        assert.deepStrictEqual(findings(f), []);
        // Opened in the answer-file language (VS Code does that by name): still nothing.
        const doc = setupiniLanguage.parse(text);
        assert.deepStrictEqual(setupiniLanguage.validate(doc), []);
        assert.strictEqual(setupiniLanguage.hover(doc, { line: 0, character: 2 }), undefined);
      });
    } else {
      it(`${name}: an Exchange answer file is detected by its content and gets exactly the judged findings`, () => {
        assert.strictEqual(languageForFile(f, fs.readFileSync(f, 'latin1'))?.id, 'setupini');
        assert.deepStrictEqual(findings(f), EXPECTED[name]);
      });
    }
  }
});

/** Every setupini message the tool gives on the corpus (as it comes and forced), the examples and the samples. */
function allMessages(): string[] {
  const files = [...corpusFiles, path.join(ROOT, 'examples', 'setup', 'exchange55-batch-setup.ini')];
  const samples = path.join(ROOT, '..', 'shared', 'samples', 'setup');
  if (fs.existsSync(samples)) files.push(...filesUnder(samples));
  const out: string[] = [];
  for (const f of files) {
    const doc = setupiniLanguage.parse(fs.readFileSync(f, 'latin1'));
    for (const d of [...setupiniLanguage.validate(doc), ...setupiniLanguage.validate(doc, FORCED)]) out.push(d.message);
  }
  return out;
}

/** A document with every catalogued section and key, one per line, each key set to an empty value. */
function catalogDocument(): { text: string; sections: number[]; keys: number[] } {
  const lines: string[] = [];
  const sections: number[] = [];
  const keys: number[] = [];
  for (const s of SETUP_CATALOG.sections) {
    sections.push(lines.length);
    lines.push(`[${s.name}]`);
    for (const k of s.keys) {
      keys.push(lines.length);
      lines.push(`${k.name}=`);
    }
  }
  return { text: lines.join('\r\n'), sections, keys };
}

describe('setupini: user-visible text', () => {
  it('messages on the corpus, examples and samples name no internal reference and keep to the length targets', () => {
    const messages = allMessages();
    assert.ok(messages.length >= 10, `${messages.length} messages`);
    for (const m of messages) assert.deepStrictEqual(internalReferences(m), [], m);
    const lengths = messages.map((m) => m.length);
    assert.ok(percentile95(lengths) <= MESSAGE_P95_MAX, `p95 ${percentile95(lengths)}`);
    for (const m of messages) assert.ok(m.length <= MESSAGE_MAX, `${m.length}: ${m}`);
  });

  it('hover of every catalogued section and key: facts first, sources by public title, no evidence or internal note', () => {
    const { text, sections, keys } = catalogDocument();
    const doc = setupiniLanguage.parse(text);
    const secrets = SETUP_CATALOG.sections.flatMap((s) => [...s.sources, ...s.keys.flatMap((k) => k.sources)]).map((r) => r.evidence ?? '');
    const notes = SETUP_CATALOG.sections.flatMap((s) => [...(s.internalNotes ?? []), ...s.keys.flatMap((k) => k.internalNotes ?? [])]);
    assert.ok(secrets.some(Boolean) && notes.length > 0, 'the catalog keeps evidence and internal notes');
    for (const line of [...sections, ...keys]) {
      const h = setupiniLanguage.hover(doc, { line, character: 1 }, FORCED);
      assert.ok(h, `hover on line ${line}: ${doc.lines[line]}`);
      assert.deepStrictEqual(internalReferences(h.contents), [], h.contents);
      for (const e of [...secrets, ...notes].filter(Boolean)) assert.ok(!h.contents.includes(e), `evidence shown: ${e}`);
      assert.doesNotMatch(h.contents, /kbarchive|evidence|internalNotes/);
      assert.match(h.contents, /KB \d{6}, XADM: /, 'a KB article by number and title');
      assert.ok(h.contents.indexOf('Confidence:') > h.contents.indexOf('\n\n'), 'the description comes before confidence and sources');
    }
  });

  it('hover says which article spells the X.400 section which way, and which keys only one article lists', () => {
    const doc = setupiniLanguage.parse(['[X400]', 'Country=US', '[X.400]', '[Components]', 'KMServer=True', '[Licensing]', 'PerServer=True'].join('\r\n'));
    const at = (line: number): string => setupiniLanguage.hover(doc, { line, character: 1 }, FORCED)!.contents;
    assert.match(at(0), /Exchange 5\.5 article spells the section \[X400\]/);
    assert.match(at(0), /KB 188625/);
    assert.doesNotMatch(at(0), /KB 168490/);
    assert.match(at(2), /KB 168490/);
    assert.match(at(2), /Confidence: medium/);
    assert.match(at(4), /Exchange 5\.5 article only/);
    assert.doesNotMatch(at(4), /KB 168490/);
    assert.match(at(6), /Exchange 4\.0 article only/);
    assert.match(at(6), /Confidence: medium/);
    assert.doesNotMatch(at(6), /KB 188625/);
  });

  it('completion documentation of every section and key names no internal reference', () => {
    const sections = setupiniLanguage.complete!(setupiniLanguage.parse('['), { line: 0, character: 1 });
    assert.strictEqual(sections.length, SETUP_CATALOG.sections.length);
    const items = [...sections];
    for (const s of SETUP_CATALOG.sections) items.push(...setupiniLanguage.complete!(setupiniLanguage.parse(`[${s.name}]\r\n`), { line: 1, character: 0 }, FORCED));
    assert.ok(items.length > 50);
    for (const c of items) assert.deepStrictEqual(internalReferences(`${c.label} ${c.detail ?? ''} ${c.documentation ?? ''}`), [], c.label);
  });

  it('the command-line check, the switch descriptions and the code summaries name no internal reference', () => {
    const lines = ['setup /createunatend D:\\a.ini', 'setup /unattendfile', 'setup /ChooseDC DC01', 'setup /ForestPrep now', 'E:\\setup\\i386\\setup /disasterrecovery /x'];
    const messages = lines.flatMap((l) => checkSetupCommandLine(l).map((d) => d.message));
    assert.ok(messages.length >= 5);
    for (const m of messages) {
      assert.deepStrictEqual(internalReferences(m), [], m);
      assert.ok(m.length <= MESSAGE_MAX, m);
    }
    for (const s of SETUP_SWITCHES) assert.deepStrictEqual(internalReferences(s.meaning), [], s.name);
    for (const [code, info] of allCodes()) if (code.startsWith('setupini.')) assert.deepStrictEqual(internalReferences(info.summary), [], code);
  });

  it('the documentation of the answer files and the pages of the setupini codes name no internal reference', () => {
    const own = [fs.readFileSync(path.join(ROOT, 'docs', 'setupini.md'), 'utf8')];
    for (const code of allCodes().keys()) if (code.startsWith('setupini.')) own.push(fs.readFileSync(path.join(ROOT, 'docs', 'codes', `${code}.md`), 'utf8'));
    assert.ok(own.length >= 1 + 15);
    for (const text of own) assert.deepStrictEqual(internalReferences(text), [], text.slice(0, 80));
  });

  it('the plain-text password message gives the Autologon advice only for a setup /createunattend file', () => {
    const msg = (text: string): string => setupiniLanguage.validate(setupiniLanguage.parse(text), FORCED).find((d) => d.code === 'setupini.plain-text-secret')!.message;
    assert.doesNotMatch(msg('[Paths]\r\nServerDest=C:\\x\r\n[ServiceAccount]\r\nAccountPassword=x\r\n'), /Autologon/);
    assert.match(msg('[Exchange]\r\nPassword=x\r\n'), /Autologon/);
  });
});
