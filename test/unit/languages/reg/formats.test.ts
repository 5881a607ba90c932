/** The list and identifier formats of the built-in registry catalog: the finding, what to write, and no claim beyond it. */
import * as assert from 'assert';
import { registryIndex } from '../../../../server/src/core/catalogLoad';
import { DEFAULT_CONTEXT } from '../../../../server/src/core/catalog';
import { regLanguage } from '../../../../server/src/languages/reg';
import { V5 } from '../../../helpers/reg';

const OWA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeWeb\\OWA';
/** The Level 1 MIME types Setup writes, x-internet-signup (without a type/) among them. */
const SETUP_LEVEL1_MIME = 'application/hta,x-internet-signup,application/javascript,application/x-javascript,text/javascript,application/msaccess,application/prg,text/scriptlet';

function findings(value: string): { code: string; message: string }[] {
  const text = `${V5}\r\n\r\n[${OWA}]\r\n"Level1MIMETypes"="${value}"\r\n`;
  const options = { exchange: { context: DEFAULT_CONTEXT, registry: registryIndex() } };
  return regLanguage.validate(regLanguage.parse(text, options), options).map((d) => ({ code: d.code, message: d.message }));
}

describe('reg: list formats of the built-in catalog', () => {
  it('never reports an entry of the value Setup itself writes (x-internet-signup in the Level 1 MIME types)', () => {
    assert.deepStrictEqual(findings(SETUP_LEVEL1_MIME), []);
  });

  it('reports an entry that is not type/subtype, says what to write, and claims nothing about what Exchange then does', () => {
    assert.deepStrictEqual(findings(`${SETUP_LEVEL1_MIME},text html`), [
      {
        code: 'reg.invalid-format',
        message: '"Level1MIMETypes": the list must be MIME types (type/subtype) separated by commas; "text html" is not in that form. Write, for example, application/x-msdownload.',
      },
    ]);
    const [d] = findings('text html');
    assert.doesNotMatch(d.message, /never matches|ignores|falls back/);
  });
});
