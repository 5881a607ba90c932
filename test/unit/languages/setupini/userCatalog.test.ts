import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { DEFAULT_CONTEXT } from '../../../../server/src/core/catalog';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { AnalyzeOptions } from '../../../../server/src/core/language';
import { parseSetupCatalog, setupiniLanguage, setupIndex } from '../../../../server/src/languages/setupini';
import { FORCED, ini } from '../../../helpers/setupini';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const CATALOG_DIR = path.join(ROOT, 'server', 'data', 'catalog');
const SOURCE = [{ document: 'Contoso build standard', section: '3.1' }];

const USER_CATALOG = {
  version: 1,
  notes: ['Contoso additions.'],
  sections: [
    {
      name: 'contoso',
      format: 'exchange55',
      description: 'Contoso deployment settings.',
      confidence: 'low',
      sources: SOURCE,
      keys: [{ name: 'BuildTag', type: 'text', description: 'The Contoso build tag of the server.', confidence: 'low', sources: SOURCE }],
    },
    {
      name: 'LICENSING',
      format: 'exchange55',
      description: 'ignored: the built-in section keeps its description',
      confidence: 'low',
      sources: SOURCE,
      keys: [
        { name: 'CostCenter', type: 'text', description: 'The Contoso cost centre the licences are charged to.', confidence: 'low', sources: SOURCE },
        { name: 'perseat', type: 'boolean', description: 'Contoso: always True.', confidence: 'high', sources: SOURCE, values: ['True'] },
      ],
    },
  ],
};

const DOC = ini('[Licensing]', 'PerSeat=True', 'CostCenter=4711', '', '[Contoso]', 'BuildTag=2003-SP2', '', '[Other]', 'x=1');

function optionsWith(setupCatalogs: unknown[]): AnalyzeOptions {
  // Forced: DOC shows no key of its own that marks an Exchange answer file.
  return { exchange: { context: { ...DEFAULT_CONTEXT }, registry: registryIndex(), setupCatalogs, forceAnswerFile: true } };
}

describe('setupini: user answer-file catalogs', () => {
  it('the built-in catalog names its schema and follows it', () => {
    const builtIn = JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, 'setup-keys.json'), 'utf8'));
    const schema = JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, 'setup-keys.schema.json'), 'utf8'));
    assert.strictEqual(builtIn.$schema, './setup-keys.schema.json');
    assert.strictEqual(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    assert.ok(validate(builtIn), JSON.stringify(validate.errors));
    assert.deepStrictEqual(parseSetupCatalog(JSON.stringify(builtIn), 'setup-keys.json').problems, []);
  });

  it('adds sections and keys, replaces keys by name, and keeps the built-in ones', () => {
    const r = parseSetupCatalog(JSON.stringify(USER_CATALOG), 'contoso.json');
    assert.deepStrictEqual(r.problems, []);
    const index = setupIndex([r.catalog]);
    assert.strictEqual(index.section('CONTOSO')?.name, 'contoso');
    assert.strictEqual(index.key('contoso', 'buildtag')?.name, 'BuildTag');
    const licensing = index.section('licensing');
    assert.strictEqual(licensing?.name, 'Licensing');
    assert.doesNotMatch(licensing!.description, /ignored/);
    assert.strictEqual(index.key('Licensing', 'PerSeat')?.description, 'Contoso: always True.');
    assert.ok(index.key('Licensing', 'PerServer'), 'built-in keys of the section stay');
    assert.ok(index.key('Licensing', 'CostCenter'));
    assert.strictEqual(licensing!.keys.filter((k) => k.name.toLowerCase() === 'perseat').length, 1);
    assert.strictEqual(setupIndex(undefined).section('contoso'), undefined, 'the built-in index is not changed');
  });

  it('validation, hover and completion use the user catalog from the analyze options', () => {
    const doc = setupiniLanguage.parse(DOC);
    const unknown = (opts: AnalyzeOptions = FORCED) =>
      setupiniLanguage
        .validate(doc, opts)
        .filter((d) => /^setupini\.unknown-(section|key)$/.test(d.code))
        .map((d) => `${d.code}@${d.range.start.line}`);
    assert.deepStrictEqual(unknown(), ['setupini.unknown-section@4', 'setupini.unknown-section@7', 'setupini.unknown-key@2']);
    const { catalog } = parseSetupCatalog(JSON.stringify(USER_CATALOG), 'contoso.json');
    const opts = optionsWith([catalog]);
    assert.deepStrictEqual(unknown(opts), ['setupini.unknown-section@7']);
    assert.match(setupiniLanguage.hover(doc, { line: 2, character: 2 }, opts)!.contents, /Contoso cost centre/);
    assert.match(setupiniLanguage.hover(doc, { line: 5, character: 2 }, opts)!.contents, /Contoso build tag/);
    assert.match(setupiniLanguage.hover(doc, { line: 4, character: 2 }, opts)!.contents, /Contoso deployment settings/);
    assert.match(setupiniLanguage.hover(doc, { line: 5, character: 2 }, FORCED)!.contents, /Not in the catalog/);
    const d2 = setupiniLanguage.parse(ini('[Licensing]', '['));
    assert.ok(setupiniLanguage.complete!(d2, { line: 1, character: 1 }, opts).some((c) => c.label === 'contoso'));
    const d3 = setupiniLanguage.parse(ini('[Licensing]', 'Cost'));
    assert.ok(setupiniLanguage.complete!(d3, { line: 1, character: 4 }, opts).some((c) => c.label === 'CostCenter'));
    assert.ok(!setupiniLanguage.complete!(d3, { line: 1, character: 4 }, FORCED).some((c) => c.label === 'CostCenter'));
  });

  it('builds the index once per array', () => {
    const { catalog } = parseSetupCatalog(JSON.stringify(USER_CATALOG), 'contoso.json');
    const catalogs = [catalog];
    assert.strictEqual(setupIndex(catalogs), setupIndex(catalogs));
    assert.strictEqual(setupIndex([]), setupIndex(undefined));
  });

  it('reports a malformed catalog clearly and leaves the built-in one working', () => {
    const missing = parseSetupCatalog('{"version": 1, "notes": [], "sections": [{"name": "X"}]}', 'broken.json');
    assert.strictEqual(missing.catalog, undefined);
    assert.match(missing.problems.map((p) => `${p.source}: ${p.message}`).join('\n'), /broken\.json: \/sections\/0 must have required property/);
    const extra = parseSetupCatalog(JSON.stringify({ ...USER_CATALOG, extra: true }), 'extra.json');
    assert.match(extra.problems[0].message, /must NOT have additional properties/);
    const badType = JSON.parse(JSON.stringify(USER_CATALOG));
    badType.sections[0].keys[0].type = 'number';
    assert.match(parseSetupCatalog(JSON.stringify(badType), 'type.json').problems[0].message, /\/sections\/0\/keys\/0\/type must be equal to one of the allowed values/);
    const badPattern = JSON.parse(JSON.stringify(USER_CATALOG));
    badPattern.sections[0].keys[0].pattern = '([';
    assert.match(parseSetupCatalog(JSON.stringify(badPattern), 'pattern.json').problems[0].message, /pattern is not a valid regular expression/);
    assert.match(parseSetupCatalog('{ nope', 'nope.json').problems[0].message, /not valid JSON/);
    // A malformed catalog handed to the language anyway is left out; the built-in catalog still applies.
    const doc = setupiniLanguage.parse(ini('[Licensing]', 'PerSeat=maybe', '[Contoso]'));
    const codes = setupiniLanguage.validate(doc, optionsWith([{ version: 1, sections: 'nope' }])).map((d) => d.code);
    assert.ok(codes.includes('setupini.invalid-boolean') && codes.includes('setupini.unknown-section'), codes.join());
  });
});
