import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allCodes } from '../../../server/src/core/codes';
import '../../../server/src/languages';
import '../../../server/src/checks/codes';
import '../../../server/src/core/projectConfig';

const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('starts with the demo and the test command', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    assert.match(firstBlock, /^npm ci && npm run demo/m);
    assert.match(firstBlock, /^npm ci && npm test/m);
    const ci = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', '.ci', 'run'), 'utf8');
    assert.match(ci, /npm ci && npm test/);
  });

  it('documents every diagnostic code under its own heading, with the default severity', () => {
    assert.ok(allCodes().size > 40);
    for (const [code, info] of allCodes()) {
      const heading = `### \`${code}\`\n\n**${info.severity[0].toUpperCase()}${info.severity.slice(1)}.**`;
      assert.ok(README.includes(heading), `README has no section for ${code} with severity ${info.severity}`);
    }
  });

  it('documents no code that does not exist', () => {
    const documented = [...README.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);
    for (const code of documented) assert.ok(allCodes().has(code), `README documents unknown code ${code}`);
  });

  it('shows per-suite commands that run exactly that suite: the folders are given on the command line, not in .mocharc.json', () => {
    const rc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', '.mocharc.json'), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(rc.spec, undefined);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const suite of ['unit', 'protocol', 'cli']) {
      assert.ok(pkg.scripts.test.includes(`out/test/${suite}`), `npm test runs out/test/${suite}`);
      assert.ok(README.includes(`\`npx mocha out/test/${suite}\``), `README shows the ${suite} suite's command`);
    }
  });

  it('shows the Neovim and Emacs configurations exactly as the editor suites load them', () => {
    const block = (lang: string): string => {
      const m = new RegExp(`\\n  \`\`\`${lang}\\n([\\s\\S]*?)\\n  \`\`\`\\n`).exec(README);
      assert.ok(m, `README has a ${lang} block`);
      return m[1].split('\n').map((l) => l.replace(/^ {2}/, '')).join('\n');
    };
    const e2e = (file: string): string => fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'e2e', file), 'utf8');
    const lua = e2e('nvim/lsp-test.lua');
    assert.strictEqual(block('lua'), lua.slice(lua.indexOf('-- README begin\n') + 16, lua.indexOf('\n-- README end\n')));
    const el = e2e('emacs/lsp-test.el');
    const elStart = el.indexOf('\n', el.indexOf(';;; exchange-config-language-server, which starts the built server')) + 1;
    assert.strictEqual(block('elisp'), el.slice(elStart, el.indexOf('\n;;; End of the README\'s configuration.')));
  });
});
