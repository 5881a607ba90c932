import * as assert from 'assert';
import fc from 'fast-check';
import { RegistryCatalog } from '../../../server/src/core/catalog';
import { matchesTemplate, RegistryCatalogIndex } from '../../../server/src/core/catalogIndex';

/** How catalog keys with <N> were matched before: a regular expression (exponential on adjacent placeholders). */
function oldMatch(template: string, key: string): boolean {
  const source = template
    .split('<N>')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[0-9]+');
  return new RegExp(`^${source}$`).test(key);
}

function catalogWithKey(key: string): RegistryCatalog {
  return { entries: [{ id: 'contoso.instance', keys: [key], names: ['Value'], type: 'REG_DWORD', description: 'Test entry.', status: 'current', sources: [] }] } as unknown as RegistryCatalog;
}

describe('core: registry catalog keys with <n> placeholders', () => {
  it('matches as the regular expression did, on short keys and templates', () => {
    const unit = fc.constantFrom('1', '2', 'A', '\\', '<N>');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }), fc.string({ unit: fc.constantFrom('1', '2', 'A', '\\'), maxLength: 8 }), (t, key) => {
        const template = `X\\${t.join('')}`;
        const k = `X\\${key}`;
        assert.strictEqual(matchesTemplate(template.split('\\'), k.split('\\')), oldMatch(template, k), `${template} ${k}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('looks up a key under a template with 24 adjacent placeholders and a 40-digit segment at once (no match, then a match)', () => {
    const index = new RegistryCatalogIndex([catalogWithKey(`HKLM\\SOFTWARE\\Contoso\\${'<n>'.repeat(24)}\\X`)]);
    assert.strictEqual(index.lookup(`HKEY_LOCAL_MACHINE\\SOFTWARE\\CONTOSO\\${'1'.repeat(40)}\\Y`, 'Value'), undefined);
    assert.strictEqual(index.lookup(`HKEY_LOCAL_MACHINE\\SOFTWARE\\CONTOSO\\${'1'.repeat(40)}\\X`, 'Value')?.id, 'contoso.instance');
    assert.strictEqual(index.lookup(`HKEY_LOCAL_MACHINE\\SOFTWARE\\CONTOSO\\${'1'.repeat(23)}\\X`, 'Value'), undefined);
  });

  it('keeps path segments apart: <n> is one segment of digits', () => {
    const index = new RegistryCatalogIndex([catalogWithKey('HKLM\\SYSTEM\\CurrentControlSet\\Services\\SMTPSVC\\<n>\\Parameters')]);
    assert.ok(index.lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\SERVICES\\SMTPSVC\\12\\PARAMETERS', 'value'));
    assert.strictEqual(index.lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\SERVICES\\SMTPSVC\\1\\2\\PARAMETERS', 'value'), undefined);
    assert.strictEqual(index.lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\SERVICES\\SMTPSVC\\\\PARAMETERS', 'value'), undefined);
  });

  it('matches <name> as one or more characters of one segment, with and without a fixed prefix, as a regular expression would', () => {
    const unit = fc.constantFrom('1', 'A', '-', '\\', '<NAME>', '<N>');
    const asRegExp = (template: string, key: string): boolean =>
      new RegExp(`^${template.split(/(<NAME>|<N>)/).map((p) => (p === '<NAME>' ? '[^\\\\]+' : p === '<N>' ? '[0-9]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`).test(key);
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 5 }), fc.string({ unit: fc.constantFrom('1', 'A', '-', '\\'), maxLength: 8 }), (t, key) => {
        const template = `X\\${t.join('')}`;
        const k = `X\\${key}`;
        assert.strictEqual(matchesTemplate(template.split('\\'), k.split('\\')), asRegExp(template, k), `${template} ${k}`);
      }),
      { numRuns: 3000 },
    );
    const index = new RegistryCatalogIndex([catalogWithKey('HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\<name>\\Private-<name>')]);
    assert.ok(index.lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\SERVICES\\MSEXCHANGEIS\\MAILSRV01\\PRIVATE-5B1E9A44', 'value'));
    assert.strictEqual(index.lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\SERVICES\\MSEXCHANGEIS\\MAILSRV01\\PRIVATE-', 'value'), undefined);
    assert.strictEqual(index.lookup('HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\SERVICES\\MSEXCHANGEIS\\MAILSRV01\\PUBLIC-5B1E9A44', 'value'), undefined);
  });
});
