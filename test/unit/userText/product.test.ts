/**
 * Every text a user sees, across the product: the README and docs, the code summaries (README, SARIF help), and what
 * the languages say on the bundled examples, the samples and the corpus of real files: messages, related information,
 * fix titles, hover at every token and completion documentation at every line. None may carry an internal
 * reference, and messages keep to the length targets (the finding and what to do; the why lives in hover and docs).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allCodes } from '../../../server/src/core/codes';
import { DEFAULT_CONTEXT, ExchangeVersion } from '../../../server/src/core/catalog';
import { decodeBytes } from '../../../server/src/core/encoding';
import { AnalyzeOptions } from '../../../server/src/core/language';
import { languageForFile } from '../../../server/src/languages';
import '../../../server/src/checks/codes';
import '../../../server/src/core/projectConfig';
import { registryIndex } from '../../../server/src/core/catalogLoad';
import { internalReferences, MESSAGE_MAX, MESSAGE_P95_MAX, percentile95 } from '../../helpers/userText';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** The files a user is likely to open: the bundled examples, the shared samples and the judged corpus. */
const FILES = [path.join(ROOT, 'examples'), path.join(ROOT, '..', 'shared', 'samples'), path.join(ROOT, 'test', 'corpus')]
  .flatMap(filesUnder)
  .filter((f) => !/\.(md|json)$/i.test(f));

/** Positions where a token starts: the first character after a blank or punctuation. */
function tokenStarts(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const boundary = i === 0 || /[\s=,;:"'()[\]\\/&|!*<>~.#]/.test(line[i - 1]);
    if (boundary && !/\s/.test(line[i])) out.push(i);
  }
  return out;
}

interface Seen {
  where: string;
  text: string;
}

function collect(): { messages: Seen[]; texts: Seen[] } {
  const messages: Seen[] = [];
  const texts: Seen[] = [];
  for (const file of FILES) {
    const decoded = decodeBytes(fs.readFileSync(file));
    const language = languageForFile(file, decoded.text);
    if (!language) continue;
    const rel = path.relative(ROOT, file);
    for (const version of ['2000', '2003'] as ExchangeVersion[]) {
      const options: AnalyzeOptions = { decoded, exchange: { context: { ...DEFAULT_CONTEXT, exchangeVersion: version }, registry: registryIndex() } };
      const doc = language.parse(decoded.text, options);
      for (const d of language.validate(doc, options)) {
        messages.push({ where: `${rel}:${d.range.start.line + 1} ${d.code} (Exchange ${version})`, text: d.message });
        for (const r of d.related ?? []) texts.push({ where: `${rel}:${d.range.start.line + 1} ${d.code} related`, text: r.message });
        for (const fix of language.fixes?.(doc, d) ?? []) texts.push({ where: `${rel}:${d.range.start.line + 1} ${d.code} fix`, text: fix.title });
      }
      if (version === '2000') continue;
      const lines = decoded.text.split(/\r\n|\r|\n/);
      lines.forEach((line, n) => {
        for (const character of tokenStarts(line)) {
          const hover = language.hover(doc, { line: n, character }, options);
          if (hover) texts.push({ where: `${rel}:${n + 1}:${character + 1} hover`, text: hover.contents });
        }
        for (const character of [0, line.length]) {
          for (const item of language.complete?.(doc, { line: n, character }, options) ?? []) {
            texts.push({ where: `${rel}:${n + 1}:${character + 1} completion ${item.label}`, text: `${item.detail ?? ''}\n${item.documentation ?? ''}` });
          }
        }
      });
    }
  }
  return { messages, texts };
}

describe('user-visible text across the product', function () {
  this.timeout(120000);
  const { messages, texts } = collect();

  it('reads the examples, the samples and the corpus', () => {
    assert.ok(FILES.length >= 8, `only ${FILES.length} files`);
    assert.ok(messages.length > 50, `only ${messages.length} messages`);
    assert.ok(texts.length > 200, `only ${texts.length} other texts`);
  });

  it('names no internal material in messages, related information, fix titles, hovers or completion', () => {
    const bad = [...messages, ...texts].flatMap((s) => internalReferences(s.text).map((r) => `${s.where}: ${r}`));
    assert.deepStrictEqual([...new Set(bad)].slice(0, 30), []);
  });

  it('names no internal material in the README, docs, code summaries or the package manifest', () => {
    const docs = [path.join(ROOT, 'README.md'), path.join(ROOT, 'package.json'), ...filesUnder(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'))];
    const bad = docs.flatMap((f) => internalReferences(fs.readFileSync(f, 'utf8')).map((r) => `${path.relative(ROOT, f)}: ${r}`));
    for (const [code, info] of allCodes()) bad.push(...internalReferences(info.summary).map((r) => `${code}: ${r}`));
    assert.deepStrictEqual(bad, []);
  });

  it(`keeps messages short: 95th percentile at most ${MESSAGE_P95_MAX} characters, none over ${MESSAGE_MAX}`, () => {
    const lengths = messages.map((m) => m.text.length);
    const long = messages.filter((m) => m.text.length > MESSAGE_MAX).map((m) => `${m.where}: ${m.text.length}`);
    assert.deepStrictEqual(long, []);
    assert.ok(percentile95(lengths) <= MESSAGE_P95_MAX, `95th percentile ${percentile95(lengths)}`);
  });
});
