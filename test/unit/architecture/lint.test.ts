import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

/** The rule ids and messages ESLint reports for `text` as the content of the repository file `file`. */
async function lint(file: string, text: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

/** A source file as it is, with one more import line at the top. */
function withImport(file: string, line: string): string {
  return `${line}\n${fs.readFileSync(path.join(ROOT, file), 'utf8')}`;
}

describe('architecture: the lint keeps the layers and forbids import cycles', function () {
  // Loading ESLint and resolving the import graph takes seconds on a busy machine.
  this.timeout(120000);

  it('passes the sources as they are', async () => {
    assert.deepStrictEqual(await lint('server/src/core/severity.ts', fs.readFileSync(path.join(ROOT, 'server/src/core/severity.ts'), 'utf8')), []);
  });

  it('fails an import cycle (of imports that remain at run time; cycles.test.ts checks type-only ones)', async () => {
    // core/codes.ts imports core/types.ts; types.ts importing codes.ts closes the cycle.
    const got = await lint('server/src/core/types.ts', withImport('server/src/core/types.ts', "import { codeInfo } from './codes';\nexport const unused = codeInfo;"));
    assert.deepStrictEqual(got.map((m) => m.split(':')[0]), ['import-x/no-cycle']);
  });

  it('fails core/ importing a language', async () => {
    const got = await lint('server/src/core/text.ts', withImport('server/src/core/text.ts', "import { regLanguage } from '../languages/reg';\nexport const unused = regLanguage;"));
    // The languages import core/, so the import closes a cycle too.
    assert.deepStrictEqual(got, [
      'import-x/no-cycle: Dependency cycle via "./document:10"',
      'import-x/no-restricted-paths: Unexpected path "../languages/reg" imported in restricted zone. core/ is the bottom layer: it knows no language, no check across files and no host.',
    ]);
  });

  it('fails a language importing another language, a host or the protocol, but lets LDIF embed LDAP filters', async () => {
    const got = await lint(
      'server/src/languages/bootini/edits.ts',
      withImport('server/src/languages/bootini/edits.ts', "import { regLanguage } from '../reg';\nimport { describe } from '../../lsp/documents';\nexport const unused = [regLanguage, describe];"),
    );
    // lsp/documents.ts imports the languages, so importing it closes a cycle too.
    assert.deepStrictEqual(got.map((m) => m.split(':')[0]).sort(), ['import-x/no-cycle', 'import-x/no-restricted-paths', 'import-x/no-restricted-paths']);
    assert.deepStrictEqual(await lint('server/src/languages/ldif/dn.ts', withImport('server/src/languages/ldif/dn.ts', "import { ldapfilterLanguage } from '../ldapfilter';\nexport const unused = ldapfilterLanguage;")), []);
  });

  it('fails the LSP libraries outside the hosts', async () => {
    const got = await lint('server/src/preview/members.ts', withImport('server/src/preview/members.ts', "import { Range } from 'vscode-languageserver';\nexport type Unused = Range;"));
    assert.deepStrictEqual(got.map((m) => m.split(':')[0]), ['no-restricted-imports']);
    assert.deepStrictEqual(await lint('server/src/lsp/log.ts', withImport('server/src/lsp/log.ts', "import { Range } from 'vscode-languageserver';\nexport type Unused = Range;")), []);
  });
});
