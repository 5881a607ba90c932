import * as assert from 'assert';
import { DEFAULT_CONTEXT } from '../../../../server/src/core/catalog';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { AnalyzeOptions } from '../../../../server/src/core/language';
import { parseSetupCatalog, setupiniLanguage } from '../../../../server/src/languages/setupini';
import { unsafePattern } from '../../../../server/src/languages/setupini/catalog';

const SOURCE = [{ document: 'Contoso build standard', section: '3.1' }];

function catalog(pattern: string): string {
  const key = (name: string, p?: string): object => ({ name, type: 'productid55', description: 'Contoso product key.', confidence: 'low', sources: SOURCE, form: 'five letters', ...(p === undefined ? {} : { pattern: p }) });
  return JSON.stringify({
    version: 1,
    notes: [],
    sections: [{ name: 'Product ID', format: 'exchange55', description: 'Contoso keys.', confidence: 'low', sources: SOURCE, keys: [key('pid', pattern), key('cdkey', '^[A-Z]{5}$')] }],
  });
}

function validate(text: string, catalogs: unknown[]): string[] {
  // A bare [Product ID] section does not show an Exchange answer file by itself: the file is checked as one on purpose.
  const options: AnalyzeOptions = { exchange: { context: DEFAULT_CONTEXT, registry: registryIndex(), setupCatalogs: catalogs, forceAnswerFile: true } };
  return setupiniLanguage.validate(setupiniLanguage.parse(text, options), options).map((d) => `${d.range.start.line}:${d.code}`);
}

describe('setupini: patterns of organisation catalogs that could backtrack catastrophically', () => {
  for (const [pattern, why] of [
    ['^(a+)+$', /repeats a group that itself repeats/],
    ['^(\\d{2,5})*$', /repeats a group that itself repeats/],
    ['^(a|ab)+$', /repeats a group with alternatives/],
    ['^(a)\\1$', /backreference/],
    ['^(?<x>a)\\k<x>$', /backreference/],
    ['^(?=a)a$', /lookahead or lookbehind/],
    ['^(?<!b)a$', /lookahead or lookbehind/],
  ] as const) {
    it(`leaves out ${pattern} with a problem naming the key, and keeps the rest of the catalog`, () => {
      const r = parseSetupCatalog(catalog(pattern), 'contoso.json');
      assert.strictEqual(r.problems.length, 1);
      assert.strictEqual(r.problems[0].source, 'contoso.json');
      assert.match(r.problems[0].message, /^\[Product ID\] pid: the pattern .* is not used, because /);
      assert.match(r.problems[0].message, why);
      assert.ok(r.catalog, 'the catalog is still used');
      const keys = r.catalog.sections[0].keys;
      assert.strictEqual(keys[0].pattern, undefined);
      assert.strictEqual(keys[1].pattern, '^[A-Z]{5}$');
    });
  }

  it('keeps safe patterns (the built-in product key forms among them)', () => {
    for (const p of ['^\\S{13}$', '^[A-Za-z0-9]{3}-[A-Za-z0-9]{7}$', '^(?:ABC)+$', '^(x){3}-[(]+$', '^a{1,}b*$']) assert.strictEqual(unsafePattern(p), undefined, p);
    const r = parseSetupCatalog(catalog('^[A-Z]{5}$'), 'contoso.json');
    assert.deepStrictEqual(r.problems, []);
  });

  it('checks a value of 40 "a" and a "b" at once: the rejected pattern is not run, the other key still is', () => {
    const r = parseSetupCatalog(catalog('^(a+)+$'), 'contoso.json');
    // The rejected pattern is gone from the loaded catalog, so it cannot run on the 40 a's (it would not end).
    assert.deepStrictEqual(r.catalog!.sections[0].keys.map((k) => [k.name, k.pattern ?? null]), [['pid', null], ['cdkey', '^[A-Z]{5}$']]);
    const codes = validate(`[Product ID]\r\npid=${'a'.repeat(40)}b\r\ncdkey=abc\r\n`, [r.catalog]);
    assert.deepStrictEqual(codes.filter((c) => c.endsWith('invalid-product-key')), ['2:setupini.invalid-product-key']);
  });

  it('does not run an unsafe pattern of a catalog the host passes unchecked', () => {
    const raw = JSON.parse(catalog('^(a+)+$')) as unknown;
    const codes = validate(`[Product ID]\r\npid=${'a'.repeat(40)}b\r\n`, [raw]);
    assert.deepStrictEqual(codes.filter((c) => c.endsWith('invalid-product-key')), []);
  });
});
