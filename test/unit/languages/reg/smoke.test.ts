import * as assert from 'assert';
import { codes, regFile } from '../../../helpers/reg';

describe('reg: smoke', () => {
  it('accepts a clean export', () => {
    assert.deepStrictEqual(codes(regFile('"a"="b"', '"c"=dword:00000001', '"d"=hex:01,02')), []);
  });
  it('rejects a dword with nine digits', () => {
    assert.deepStrictEqual(codes(regFile('"a"=dword:123456789')), ['reg.dword-too-long']);
  });
});
