/**
 * What users read from the LDIF language: hover on every attribute it explains, completion details and documentation,
 * code summaries, documentation pages and every message on the examples, the shared samples and the corpus of real files
 * name public sources only (no internal references) and keep messages short. The corpus findings are pinned exactly.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allCodes } from '../../../../server/src/core/codes';
import { Diagnostic } from '../../../../server/src/core/types';
import { ldifLanguage } from '../../../../server/src/languages/ldif';
import { ATTRIBUTES as CATALOG_ATTRIBUTES } from '../../../../server/src/languages/ldapfilter/attributes';
import { ATTRIBUTES } from '../../../../server/src/languages/ldif/hover';
import { internalReferences, MESSAGE_MAX, MESSAGE_P95_MAX, percentile95 } from '../../../helpers/userText';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'corpus', 'ldif');
const LDIF_DOC = fs.readFileSync(path.join(ROOT, 'docs', 'ldif.md'), 'utf8');
const S = '\u00a7';
const CATALOG = new Set(CATALOG_ATTRIBUTES.map((a) => a.name.toLowerCase()));

function clean(where: string, text: string | undefined): void {
  assert.deepStrictEqual(internalReferences(text ?? ''), [], `${where}: ${text}`);
}

/** Every LDIF file of the examples, the corpus, and (where present) the shared samples. */
function files(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ldf|ldif)$/i.test(e.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(CORPUS);
  walk(path.join(ROOT, '..', 'shared', 'samples'));
  return out;
}

/** A document that sets every attribute the hover explains, one per line after the dn. */
const NAMES: Record<string, string> = {
  dn: 'dn',
  changetype: 'changetype',
  msexchdynamicdlfilter: 'msExchDynamicDLFilter',
  msexchdynamicdlbasedn: 'msExchDynamicDLBaseDN',
  msexcheseparamlogbuffers: 'msExchESEParamLogBuffers',
  msexcheseparammaxopentables: 'msExchESEParamMaxOpenTables',
  msexcheseparamcachesizemax: 'msExchESEParamCacheSizeMax',
  msexcheseparamcachesizemin: 'msExchESEParamCacheSizeMin',
  protocolsettings: 'protocolSettings',
  msexchinterorgaddresstype: 'msExchInterOrgAddressType',
  msexchmailboxfolderset: 'msExchMailboxFolderSet',
  msexchpreferredbackfillsource: 'msExchPreferredBackfillSource',
};

describe('ldif: user-visible text', () => {
  it('hover on every attribute it explains gives its explanation, with no internal reference, facts before sources', () => {
    assert.deepStrictEqual(Object.keys(ATTRIBUTES).sort(), Object.keys(NAMES).sort(), 'the list above covers the hover table');
    const lines = Object.keys(NAMES)
      .filter((k) => k !== 'dn' && k !== 'changetype')
      .map((k) => `${NAMES[k]}: 1`);
    const text = `dn: CN=x,DC=y\nchangetype: add\n${lines.join('\n')}\n`;
    const doc = ldifLanguage.parse(text);
    text.split('\n').forEach((line, i) => {
      if (line === '') return;
      const key = line.slice(0, line.indexOf(':')).toLowerCase();
      const h = ldifLanguage.hover(doc, { line: i, character: 1 });
      assert.ok(h, `no hover on ${key}`);
      assert.ok(h.contents.includes(ATTRIBUTES[key]), key);
      clean(`hover ${key}`, h.contents);
      // The facts (the title, then at least one paragraph) come before the sources, which end the text.
      const sources = h.contents.search(/^Sources?: /m);
      const firstParagraph = h.contents.indexOf('\n\n', h.contents.indexOf('\n\n') + 2);
      if (sources >= 0) {
        assert.ok(firstParagraph > 0 && sources > firstParagraph, `${key}: sources before the facts`);
        assert.ok(!h.contents.slice(sources).includes('\n\n'), `${key}: the sources are the last paragraph`);
      }
    });
  });

  it('the decoded-value hover of a MAPI string and of other base64 values has no internal reference', () => {
    const b64 = Buffer.from(`MAPI${S}1${S}1${S}${S}${S}${S}${S}${S}`).toString('base64');
    const h = ldifLanguage.hover(ldifLanguage.parse(`dn: CN=u,DC=y\nprotocolSettings:: ${b64}\n`), { line: 1, character: 20 })!;
    assert.match(h.contents, /Bool2 `1`/);
    clean('MAPI value hover', h.contents);
  });

  it('completion details and documentation of attributes, change types and keywords have no internal reference', () => {
    const contexts = ['dn: CN=x,DC=y\n', 'dn: CN=x,DC=y\nchangetype: ', 'dn: CN=x,DC=y\nchangetype: modify\n', 'dn: CN=x,DC=y\nchangetype: modify\nreplace: ', 'dn: CN=x,DC=y\nchangetype: modrdn\n', ''];
    let seen = 0;
    for (const text of contexts) {
      const lines = text.split('\n');
      const pos = { line: lines.length - 1, character: lines[lines.length - 1].length };
      for (const item of ldifLanguage.complete!(ldifLanguage.parse(text), pos)) {
        clean(`completion ${item.label} detail`, item.detail);
        // The recipient attribute catalog's entries are rendered by the LDAP filter language, which owns that text.
        if (!CATALOG.has(item.label.toLowerCase())) clean(`completion ${item.label} documentation`, item.documentation);
        seen++;
      }
    }
    assert.ok(seen > 100, `only ${seen} items`);
    const items = ldifLanguage.complete!(ldifLanguage.parse('dn: CN=x,DC=y\n'), { line: 1, character: 0 });
    for (const name of ['msExchESEParamCacheSizeMax', 'msExchESEParamCacheSizeMin', 'protocolSettings', 'msExchInterOrgAddressType']) assert.ok(items.some((i) => i.label === name), name);
  });

  it('code summaries and documentation pages of the ldif codes have no internal reference', () => {
    for (const [code, info] of allCodes()) {
      if (!code.startsWith('ldif.')) continue;
      clean(`${code} summary`, info.summary);
      clean(`${code} page`, fs.readFileSync(path.join(ROOT, 'docs', 'codes', `${code}.md`), 'utf8'));
    }
    clean('LDIF overview (docs/ldif.md)', LDIF_DOC);
  });

  it('every message on the examples, samples and corpus has no internal reference; ldif messages keep the length targets', () => {
    const all: Diagnostic[] = [];
    for (const f of files()) all.push(...ldifLanguage.validate(ldifLanguage.parse(fs.readFileSync(f, 'utf8'))));
    assert.ok(all.length > 50, `${all.length} messages`);
    for (const d of all) clean(d.code, d.message);
    const lengths = all.filter((d) => d.code.startsWith('ldif.')).map((d) => d.message.length);
    assert.ok(percentile95(lengths) <= MESSAGE_P95_MAX, `p95 ${percentile95(lengths)}`);
    assert.ok(Math.max(...lengths) <= MESSAGE_MAX, `max ${Math.max(...lengths)}`);
  });

  it('messages of every ldif check, in its longest form, keep the length targets', () => {
    const long = 'x'.repeat(60);
    const texts = [
      `dn: CN=g,DC=y\nmsExchDynamicDLBaseDN:: ${Buffer.from(`OU=${long},,DC=y`).toString('base64')}\n`,
      `dn: CN=s,DC=y\nmsExchESEParamLogBuffers:: ${Buffer.from('123456789').toString('base64')}\n`,
      `dn: CN=s,DC=y\nmsExchESEParamCacheSizeMax:: ${Buffer.from('147455').toString('base64')}\n`,
      `dn: CN=s,DC=y\nmsExchESEParamCacheSizeMax:: ${Buffer.from('4294967295').toString('base64')}\n`,
      'dn: CN=s,DC=y\nmsExchESEParamCacheSizeMin: 4294967295\n',
      `dn: CN=u,DC=y\nprotocolSettings: MAPI${S}0${S}1${S}${S}${S}${S}${S}${S}${S}${S}${S}${S}\n`,
      `dn: CN=c,DC=y\nmsExchInterOrgAddressType:: ${Buffer.from('SMTP,X400,CCMAIL').toString('base64')}\n`,
      `dn: CN=u,DC=y\nmsExchMailboxFolderSet:: ${Buffer.from('4294967294').toString('base64')}\n`,
      `dn: CN=p,DC=y\nmsExchPreferredBackfillSource:: ${Buffer.from('SERVER02-PUBLIC').toString('base64')}\n`,
      'dn: CN=<A Very Long Placeholder Name For A Server>,DC=y\ncn: x\n \ndn: CN=b,DC=y\nchangetype: modify\nreplace: description\n',
    ];
    for (const t of texts) {
      const ds = ldifLanguage.validate(ldifLanguage.parse(t)).filter((d) => d.code.startsWith('ldif.'));
      assert.ok(ds.length > 0, t);
      for (const d of ds) {
        assert.ok(d.message.length <= MESSAGE_MAX, `${d.code} ${d.message.length}: ${d.message}`);
        clean(d.code, d.message);
      }
    }
  });
});

/** The exact findings (code: 1-based lines) on each corpus file, judged in test/corpus/ldif/JUDGEMENT.md. */
const PINNED: Record<string, Record<string, number[]>> = {
  'ad-cookbook-add-qbdl-lookalike.ldf': { 'ldif.template-placeholder': [1] },
  'configmgr-ad-schema-lookalike.ldf': {},
  'ms-adprep-sch57-excerpt.ldf': {},
  'ms-adprep-sch58.ldf': {},
  'ms-adprep-sch60.ldf': {},
  'ms-ldif-scripts-myschemaext.ldf': { 'ldif.blank-line-with-spaces': [18, 40, 62, 83, 110, 125, 131, 153] },
  'ms-updating-the-schema-cache.ldf': {},
  'openchange-configuration.ldif': { 'ldif.template-placeholder': [10] },
  'openchange-configuration_new_server.ldif': { 'ldif.template-placeholder': [4] },
  'openchange-configuration_org.ldif': { 'ldif.template-placeholder': [27] },
  'openchange-schema_modify.ldif': {
    'ldif.template-placeholder': [4],
    'ldif.unterminated-modify-block': [
      6, 13, 23, 48, 50, 52, 65, 75, 79, 94, 165, 175, 188, 190, 199, 208, 221, 232, 240, 242, 262, 271, 280, 289, 298, 307, 318, 327, 336, 347, 349, 368, 378, 388,
      398, 407, 416, 425, 434, 443, 452, 461, 470, 479, 488, 497, 509, 511, 519, 528, 537, 545, 547, 549, 561, 563, 572, 581, 590,
    ],
  },
  'sudo-schema-activedirectory.ldf': {},
};

describe('ldif: the corpus of real files', () => {
  const names = fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.md')).sort();

  it('holds at least 8 files, each with provenance and a judgement', () => {
    assert.ok(names.length >= 8);
    assert.deepStrictEqual(names, Object.keys(PINNED).sort());
    const provenance = fs.readFileSync(path.join(CORPUS, 'PROVENANCE.md'), 'utf8');
    const judgement = fs.readFileSync(path.join(CORPUS, 'JUDGEMENT.md'), 'utf8');
    for (const n of names) {
      assert.ok(provenance.includes(n), `PROVENANCE.md: ${n}`);
      assert.ok(judgement.includes(n), `JUDGEMENT.md: ${n}`);
    }
  });

  for (const name of Object.keys(PINNED)) {
    it(`${name}: exactly the judged findings`, () => {
      const ds = ldifLanguage.validate(ldifLanguage.parse(fs.readFileSync(path.join(CORPUS, name), 'utf8')));
      const got: Record<string, number[]> = {};
      for (const d of ds) (got[d.code] ??= []).push(d.range.start.line + 1);
      assert.deepStrictEqual(got, PINNED[name]);
    });
  }
});
