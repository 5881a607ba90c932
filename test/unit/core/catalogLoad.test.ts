import * as assert from 'assert';
import { parseRegistryCatalog, registryIndex } from '../../../server/src/core/catalogLoad';

describe('core: user catalogs', () => {
  it('accepts a catalog that follows the schema', () => {
    const text = JSON.stringify({
      version: 1,
      entries: [
        {
          id: 'contoso.owa.key-interval',
          keys: ['HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeWeb\\OWA'],
          names: ['KeyInterval'],
          type: 'REG_DWORD',
          min: 1,
          max: 30,
          unit: 'minutes',
          status: 'current',
          description: 'Contoso standard: at most 30 minutes.',
          confidence: 'documented',
          sources: [{ document: 'Contoso security standard', section: '4.2' }],
        },
      ],
    });
    const r = parseRegistryCatalog(text, 'contoso.json');
    assert.deepStrictEqual(r.problems, []);
    assert.ok(r.catalog);
    const index = registryIndex([r.catalog]);
    assert.strictEqual(index.lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\SERVICES\\MSEXCHANGEWEB\\OWA', 'keyinterval')?.max, 30);
  });

  it('replaces a built-in entry with the same id entirely, keys and names included', () => {
    const builtIn = registryIndex().entries.find((e) => e.names.includes('MPHeaps parallelism'));
    assert.ok(builtIn);
    const own = { version: 1, entries: [{ ...builtIn, names: ['MPHeap parallelism'], status: 'current' as const }] };
    const index = registryIndex([own]);
    const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\MICROSOFT\\ESE98\\GLOBAL\\OS\\MEMORY';
    assert.strictEqual(index.lookup(key, 'MPHeaps parallelism'), undefined);
    assert.strictEqual(index.lookup(key, 'MPHeap parallelism')?.status, 'current');
  });

  it('reports a malformed catalog clearly and leaves the built-in one working', () => {
    const bad = parseRegistryCatalog('{"version": 1, "entries": [{"id": "x"}]}', 'broken.json');
    assert.strictEqual(bad.catalog, undefined);
    assert.ok(bad.problems.length > 0);
    assert.match(bad.problems.map((p) => p.message).join('\n'), /must have required property/);
    const notJson = parseRegistryCatalog('{ nope', 'nope.json');
    assert.match(notJson.problems[0].message, /not valid JSON/);
    assert.ok(registryIndex().lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\SERVICES\\MSEXCHANGEWEB\\OWA', 'KeyInterval'));
  });
});
