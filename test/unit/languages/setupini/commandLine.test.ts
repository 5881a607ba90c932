import * as assert from 'assert';
import { checkSetupCommandLine } from '../../../../server/src/languages/setupini';

const brief = (line: string): string[] => checkSetupCommandLine(line).map((d) => `${d.code}@${d.start}-${d.end}`);

describe('setupini: Setup command line', () => {
  it('accepts the documented command lines (any letter case)', () => {
    for (const line of [
      'E:\\setup\\i386\\setup /createunattend D:\\myanswerfile.ini',
      'E:\\setup\\i386\\setup /unattendfile D:\\myanswerfile.ini',
      'E:\\setup\\i386\\setup /ForestPrep',
      'setup /domainprep',
      'setup.exe /ChooseDC dc01.contoso.com /unattendfile "D:\\answer files\\mail.ini"',
      '/disasterrecovery',
      '',
    ]) {
      assert.deepStrictEqual(brief(line), [], line);
    }
  });

  it('flags a misspelled switch with did-you-mean, at its offsets (S2)', () => {
    const line = 'E:\\setup\\i386\\setup /createunatend D:\\a.ini';
    const [d] = checkSetupCommandLine(line);
    assert.strictEqual(d.code, 'setupini.cmd-unknown-switch');
    assert.strictEqual(d.severity, 'error');
    assert.strictEqual(line.slice(d.start, d.end), '/createunatend');
    assert.match(d.message, /did you mean \/createunattend\?/);
    assert.match(d.message, /manual setup/);
    // The file after an unknown switch is then a stray word.
    assert.deepStrictEqual(brief(line).slice(1), ['setupini.cmd-stray-argument@35-43']);
    assert.match(checkSetupCommandLine('setup /forestprp')[0].message, /\/ForestPrep/);
  });

  it('needs a file after /createunattend and /unattendfile, and an FQDN after /ChooseDC', () => {
    assert.deepStrictEqual(brief('setup /createunattend'), ['setupini.cmd-missing-argument@6-21']);
    assert.deepStrictEqual(brief('setup /unattendfile /ForestPrep'), ['setupini.cmd-missing-argument@6-19']);
    assert.deepStrictEqual(brief('setup /ChooseDC'), ['setupini.cmd-missing-argument@6-15']);
    assert.deepStrictEqual(brief('setup /ChooseDC DC01'), ['setupini.cmd-invalid-argument@16-20']);
  });

  it('reports stray words', () => {
    assert.deepStrictEqual(brief('setup /ForestPrep now'), ['setupini.cmd-stray-argument@18-21']);
  });

  it('never throws on junk or long lines', () => {
    const junk = '\u0000/\uffff "unterminated /x '.repeat(1000);
    assert.ok(Array.isArray(checkSetupCommandLine(junk)));
    assert.ok(Array.isArray(checkSetupCommandLine(undefined as unknown as string)));
    assert.deepStrictEqual(brief(`setup /unattendfile ${'x'.repeat(1_000_000)}`), []);
  });
});
