/**
 * What users see of the registry catalog: hover of every built-in entry, completion documentation of every value
 * name, the .reg messages on the bundled examples and samples and on every entry, and the .reg code summaries. None
 * of it may name our internal material (source file and line numbers, contradiction marks, note names), and the
 * messages keep to the length targets. `evidence` and `internalNotes` are for reviewers only and never rendered.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ExchangeContext, RegistryCatalog, RegistryEntry } from '../../../server/src/core/catalog';
import { registryIndex } from '../../../server/src/core/catalogLoad';
import { renderRegistryEntry } from '../../../server/src/core/catalogRender';
import { codeInfo } from '../../../server/src/core/codes';
import { CompletionItem } from '../../../server/src/core/language';
import { Diagnostic } from '../../../server/src/core/types';
import { regLanguage } from '../../../server/src/languages/reg';
import { lint, JsonResult } from '../../helpers/cli';
import { internalReferences, MESSAGE_MAX, MESSAGE_P95_MAX, percentile95 } from '../../helpers/userText';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const V5 = 'Windows Registry Editor Version 5.00';
const index = registryIndex();

/** A key line regedit accepts for the entry's first key (HKLM written out, `<n>` as instance 1). */
function keyLine(entry: RegistryEntry): string {
  return `[${entry.keys[0].replace(/^HKLM\\/i, 'HKEY_LOCAL_MACHINE\\').replace(/<n>/g, '1')}]`;
}

function escapeName(name: string): string {
  return name.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Data lines that provoke the entry's checks: the documented type with odd data, and another type. */
function oddValues(entry: RegistryEntry): string[] {
  const name = `"${escapeName(entry.names[0])}"`;
  if (entry.type === 'REG_DWORD') return [`${name}=dword:fffffffe`, `${name}=dword:00000000`, `${name}=dword:00007530`, `${name}="12"`];
  return [`${name}="a b,,c:"`, `${name}=dword:00000001`];
}

const CONTEXTS: ExchangeContext[] = [
  { exchangeVersion: '2000' },
  { exchangeVersion: '2003' },
  { exchangeVersion: '2003', windowsVersion: '2000', role: 'front-end' },
  { exchangeVersion: '2003sp2', windowsVersion: '2003', role: 'mailbox' },
];

function regFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? regFiles(p) : /\.reg$/i.test(d.name) ? [p] : [];
  });
}

function assertClean(texts: { where: string; text: string }[]): void {
  const found = texts.flatMap(({ where, text }) => internalReferences(text).map((r) => `${where}: ${r}`));
  assert.deepStrictEqual(found, []);
}

function assertLengths(messages: string[]): void {
  assert.ok(messages.length > 0);
  const lengths = messages.map((m) => m.length);
  const longest = messages.reduce((a, b) => (b.length > a.length ? b : a));
  if (process.env.SHOW_MESSAGES) for (const m of [...new Set(messages)].sort((a, b) => b.length - a.length).slice(0, 25)) console.log(m.length, m);
  assert.ok(Math.max(...lengths) <= MESSAGE_MAX, `${longest.length} characters: ${longest}`);
  assert.ok(percentile95(lengths) <= MESSAGE_P95_MAX, `95th percentile ${percentile95(lengths)}`);
}

describe('registry catalog: what users see', () => {
  it('renders every built-in entry without internal references, in hover and in completion', () => {
    const texts: { where: string; text: string }[] = [];
    for (const entry of index.entries) {
      texts.push({ where: `${entry.id} rendered`, text: renderRegistryEntry(entry) });
      const lines = [V5, '', keyLine(entry), ...oddValues(entry).slice(0, 1), ''];
      const doc = regLanguage.parse(lines.join('\r\n'));
      const hover = regLanguage.hover(doc, { line: 3, character: 2 });
      assert.ok(hover?.contents.includes(entry.description.split('\n')[0]), `${entry.id}: no catalog hover`);
      texts.push({ where: `${entry.id} hover`, text: hover?.contents ?? '' });
    }
    assertClean(texts);
  });

  it('says nothing twice in the hover of an entry', () => {
    for (const entry of index.entries) {
      const sentences = renderRegistryEntry(entry)
        .split(/(?<=[.;:])\s+|\n+/)
        .map((s) => s.replace(/[*_>`-]/g, '').trim().toLowerCase())
        .filter((s) => s.length >= 40);
      const twice = sentences.filter((s, k) => sentences.indexOf(s) !== k);
      assert.deepStrictEqual(twice, [], entry.id);
    }
  });

  it('documents every value name in completion without internal references', () => {
    const texts: { where: string; text: string }[] = [];
    const named = new Set<string>();
    for (const entry of index.entries) {
      const doc = regLanguage.parse([V5, '', keyLine(entry), '"', ''].join('\r\n'));
      const items: CompletionItem[] = regLanguage.complete!(doc, { line: 3, character: 1 });
      for (const item of items) {
        texts.push({ where: `${entry.id} completion ${item.label}`, text: `${item.detail ?? ''}\n${item.documentation ?? ''}` });
        named.add(item.label.replace(/^"|"$/g, '').toLowerCase());
      }
    }
    // Spelling variants are matched but not offered: the first name of every entry is.
    for (const entry of index.entries) assert.ok(named.has(entry.names[0].toLowerCase()), `${entry.names[0]} is not offered in completion`);
    assertClean(texts);
  });

  it('keeps the documentation of the catalog and the pages of the Exchange .reg codes free of internal references', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'reg.md'), 'utf8');
    const catalog = doc.slice(doc.indexOf('## Exchange knowledge for `.reg` exports'));
    const exchangeCodes = ['reg.deprecated-e2k-tuning', 'reg.wrong-type', 'reg.value-out-of-range', 'reg.value-not-allowed', 'reg.undefined-bits', 'reg.invalid-format', 'reg.do-not-modify', 'reg.level2-blocked-by-level1', 'reg.not-for-this-version', 'reg.not-for-this-role', 'reg.discouraged-setting'];
    const pages = exchangeCodes.map((c) => ({ where: `docs/codes/${c}.md`, text: fs.readFileSync(path.join(ROOT, 'docs', 'codes', `${c}.md`), 'utf8') }));
    assert.ok(catalog.length > 500 && pages.every((p) => p.text.length > 1000));
    assertClean([{ where: 'docs/reg.md catalog section', text: catalog }, ...pages]);
  });

  it('keeps every .reg code summary free of internal references', () => {
    const codes = [...new Set([...fs.readFileSync(path.join(ROOT, 'server', 'src', 'languages', 'reg', 'codes.ts'), 'utf8').matchAll(/'(reg\.[a-z0-9-]+)'/g)].map((m) => m[1]))];
    assert.ok(codes.length > 60);
    assertClean(codes.map((c) => ({ where: c, text: codeInfo(c).summary })));
  });

  it('gives short messages without internal references for every entry, version, Windows version and role', () => {
    const messages: Diagnostic[] = [];
    for (const entry of index.entries) {
      for (const context of CONTEXTS) {
        // Each data line on its own, so that a later line does not hide an earlier one as a duplicate.
        for (const value of oddValues(entry)) {
          const doc = regLanguage.parse([V5, '', keyLine(entry), value, ''].join('\r\n'));
          messages.push(...regLanguage.validate(doc, { exchange: { context, registry: index } }).filter((d) => d.code.startsWith('reg.')));
        }
      }
    }
    const exchangeCodes = messages.filter((d) => d.code !== 'reg.duplicate-value');
    assert.ok(new Set(exchangeCodes.map((d) => d.code)).size >= 8, [...new Set(exchangeCodes.map((d) => d.code))].join(', '));
    assertClean(exchangeCodes.map((d) => ({ where: d.code, text: d.message })));
    assertLengths(exchangeCodes.map((d) => d.message));
  });

  it('gives short messages without internal references on the bundled examples and the samples, for Exchange 2000 and 2003', () => {
    // The samples of realistic server exports live beside the checkout when it is there.
    const files = [...regFiles(path.join(ROOT, 'examples')), ...regFiles(path.join(ROOT, '..', 'shared', 'samples'))];
    assert.ok(files.length >= 2);
    const messages: string[] = [];
    for (const version of ['2000', '2003']) {
      const results = JSON.parse(lint(['--format', 'json', '--exchange-version', version, ...files]).out) as JsonResult[];
      for (const r of results) for (const d of r.diagnostics) messages.push(d.message);
    }
    assertClean(messages.map((text) => ({ where: 'lint', text })));
    assertLengths(messages);
  });

  it('never renders the reviewers\' evidence and internal notes, also from an organisation catalog', () => {
    const base = index.entries.find((e) => e.id === 'msexchangeis.parameterssystem.maximum-polling-frequency')!;
    const own: RegistryCatalog = {
      version: 1,
      entries: [
        {
          ...base,
          internalNotes: ['REVIEWER-ONLY remark'],
          sources: [{ document: 'Our standard', section: 'Polling', kb: ['123456'], evidence: 'EVIDENCE-ONLY 001:300' }],
        },
      ],
    };
    const registry = registryIndex([own]);
    const entry = registry.entries.find((e) => e.id === base.id)!;
    const doc = regLanguage.parse([V5, '', keyLine(entry), '"Maximum Polling Frequency"=dword:00007530', ''].join('\r\n'));
    const exchange = { context: { exchangeVersion: '2003' as const }, registry };
    const shown = [
      renderRegistryEntry(entry),
      regLanguage.hover(doc, { line: 3, character: 2 }, { exchange })?.contents ?? '',
      ...regLanguage.complete!(regLanguage.parse([V5, '', keyLine(entry), '"', ''].join('\r\n')), { line: 3, character: 1 }, { exchange }).map((i) => String(i.documentation ?? '')),
      ...regLanguage.validate(doc, { exchange }).map((d) => d.message),
    ].join('\n');
    assert.match(shown, /Our standard, "Polling" \(KB 123456\)/);
    assert.doesNotMatch(shown, /REVIEWER-ONLY|EVIDENCE-ONLY/);
  });
});
