import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const doc = (name: string): string => fs.readFileSync(path.join(ROOT, 'docs', name), 'utf8');

describe('README and docs', () => {
  it('starts with the demo and the test command', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    assert.match(firstBlock, /^npm ci && npm run demo/m);
    assert.match(firstBlock, /^npm ci && npm test/m);
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    assert.match(ci, /npm ci && npm test/);
  });

  it('keeps what a newcomer needs in the README (tour, install, configuration) and links every page of docs/', () => {
    for (const heading of ['## A tour', '## Install', '## Configuration', '## Documentation']) assert.ok(README.includes(`\n${heading}\n`), heading);
    const pages = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
    for (const page of [...pages.map((p) => `docs/${p}`), 'docs/codes/README.md']) assert.ok(README.includes(`](${page})`), `README links ${page}`);
    assert.doesNotMatch(README, /^### `/m, 'no code is documented in the README any more: each has its page in docs/codes');
  });

  it('has no link to a local page or anchor that does not exist, in the README and in docs/', () => {
    const files = [path.join(ROOT, 'README.md'), ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'docs', f))];
    const slug = (h: string): string => h.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [f, anchor] = target.split('#');
        const linked = f ? path.join(path.dirname(file), f) : file;
        assert.ok(fs.existsSync(linked), `${path.relative(ROOT, file)} links ${target}`);
        if (anchor) {
          const headings = [...fs.readFileSync(linked, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]));
          assert.ok(headings.includes(anchor), `${path.relative(ROOT, file)} links ${target}: no such heading`);
        }
      }
    }
  });

  it('shows per-suite commands that run exactly that suite: the folders are given on the command line, not in .mocharc.json', () => {
    const rc = JSON.parse(fs.readFileSync(path.join(ROOT, '.mocharc.json'), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(rc.spec, undefined);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const development = doc('development.md');
    for (const suite of ['unit', 'protocol', 'cli']) {
      assert.ok(pkg.scripts.test.includes(`out/test/${suite}`), `npm test runs out/test/${suite}`);
      assert.ok(development.includes(`\`npx mocha out/test/${suite}\``), `docs/development.md shows the ${suite} suite's command`);
    }
  });

  it('shows the Neovim and Emacs configurations exactly as the editor suites load them', () => {
    const editors = doc('editors.md');
    const block = (lang: string): string => {
      const m = new RegExp(`\\n  \`\`\`${lang}\\n([\\s\\S]*?)\\n  \`\`\`\\n`).exec(editors);
      assert.ok(m, `docs/editors.md has a ${lang} block`);
      return m[1].split('\n').map((l) => l.replace(/^ {2}/, '')).join('\n');
    };
    const e2e = (file: string): string => fs.readFileSync(path.join(ROOT, 'test', 'e2e', file), 'utf8');
    const lua = e2e('nvim/lsp-test.lua');
    assert.strictEqual(block('lua'), lua.slice(lua.indexOf('-- README begin\n') + 16, lua.indexOf('\n-- README end\n')));
    const el = e2e('emacs/lsp-test.el');
    const elStart = el.indexOf('\n', el.indexOf(';;; exchange-config-language-server, which starts the built server')) + 1;
    assert.strictEqual(block('elisp'), el.slice(elStart, el.indexOf('\n;;; End of the README\'s configuration.')));
  });
});
