import * as assert from 'assert';
import { internalReferences, percentile95 } from '../../helpers/userText';

describe('user-visible text: the internal-reference scanner', () => {
  it('finds seed line numbers, document numbers, contradiction marks and note names', () => {
    for (const text of [
      'Sources: 001 001:1764-1772',
      'as 004 says',
      'printed differently (⚠D1)',
      'see external-facts §3.2',
      'exchange-schema-facts.md',
      'the seeds disagree',
      'the seed document says',
      'seed S5',
      'OC-A L10838',
    ]) assert.ok(internalReferences(text).length > 0, text);
  });

  it('leaves public citations and registry data alone', () => {
    for (const text of [
      "What's New in Exchange Server 2003, \"Extensible Storage System Heaps\"",
      'KB 258748; dword:00000004; hex:00,01,02; 0x004; 1.004; version 5.00',
      'Exchange Server 2003 Deployment Guide, "Removing Exchange 2000 Server Tuning Parameters"',
      'RFC 2254, section 4',
      'protocolSettings: MAPI§0§1§§§§§§',
      'the setup script seeds the download cache; a boot.ini reference notes that',
    ]) assert.deepStrictEqual(internalReferences(text), [], text);
  });

  it('computes the 95th percentile by nearest rank', () => {
    assert.strictEqual(percentile95([]), 0);
    assert.strictEqual(percentile95(Array.from({ length: 100 }, (_, i) => i + 1)), 95);
    assert.strictEqual(percentile95([5]), 5);
  });
});
