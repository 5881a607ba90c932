import * as assert from 'assert';
import { DEFAULT_CONTEXT } from '../../../../server/src/core/catalog';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { regLanguage } from '../../../../server/src/languages/reg';
import { cleanupReg } from '../../../../server/src/languages/reg/cleanup';
import { V5 } from '../../../helpers/reg';

const exchange = { context: DEFAULT_CONTEXT, registry: registryIndex() };
const parse = (...lines: string[]) => regLanguage.parse([V5, '', ...lines, ''].join('\r\n'));

describe('reg: cleanup file', () => {
  it('writes one deletion entry per obsolete value, grouped by key, across files', () => {
    const a = parse(
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]',
      '"Initial Memory Percentage"=dword:0000000a',
      '"Maximum Polling Frequency"=dword:0000ea60',
    );
    const b = parse(
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem\\]',
      '"initial memory percentage"=dword:00000014',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]',
      '"MPHeap parallelism"="8"',
    );
    const text = cleanupReg([{ name: 'a.reg', doc: a }, { name: 'b.reg', doc: b }], exchange);
    assert.ok(text);
    const lines = text.split('\r\n');
    assert.strictEqual(lines[0], V5);
    assert.ok(lines.includes('; Found in: a.reg') && lines.includes('; Found in: b.reg'));
    assert.deepStrictEqual(
      lines.filter((l) => !l.startsWith(';') && l !== '' && l !== V5),
      [
        '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]',
        '"Initial Memory Percentage"=-',
        '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]',
        '"MPHeap parallelism"=-',
      ],
    );
    assert.ok(lines.some((l) => /^; Then restart the Microsoft Exchange Information Store/.test(l)));
    // The result is itself a clean .reg file.
    const again = regLanguage.parse(text);
    assert.deepStrictEqual(regLanguage.validate(again, { exchange }), []);
  });

  it('uses the key regedit has open, also after an ignored key line', () => {
    const doc = parse(
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]',
      '[ HKEY_LOCAL_MACHINE\\SOFTWARE\\Ignored]',
      '"Initial Memory Percentage"=dword:0000000a',
    );
    const text = cleanupReg([{ name: 'd.reg', doc }], exchange) ?? '';
    assert.ok(!text.includes('[]'));
    assert.match(text, /\[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem\]\r\n; [^\r]*\r\n"Initial Memory Percentage"=-/);
  });

  it('names a restart only where a source names one, and says so for the others', () => {
    const doc = parse(
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDSAccess\\Instance0]',
      '"MaxMemoryUser"=dword:00019000',
      '"MaxMemoryConfig"=dword:00001000',
    );
    const lines = (cleanupReg([{ name: 'e.reg', doc }], exchange) ?? '').split('\r\n');
    assert.ok(!lines.some((l) => /^; Then restart/.test(l)), lines.join('\n'));
    assert.ok(lines.includes('; The sources name no service to restart for MaxMemoryUser, MaxMemoryConfig.'), lines.join('\n'));
  });

  it('returns nothing when no file has obsolete values', () => {
    assert.strictEqual(cleanupReg([{ name: 'c.reg', doc: parse('[HKEY_CURRENT_USER\\A]', '"x"=dword:1') }], exchange), undefined);
  });
});
