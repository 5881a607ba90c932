#!/usr/bin/env node
// Runs the Neovim suite (lsp-test.lua): headless Neovim 0.7+ as an LSP client of the built language server over stdio,
// on a temporary copy of examples/. Prints "nvim: N passed, N failed" alone on its closing line; exits non-zero when a
// check fails or the run breaks. Needs `nvim` (bash test/e2e/nvim/setup.sh installs Debian's neovim) and a build in out/
// (made here unless --no-build is given).
'use strict';
const { execSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const started = Date.now();
const done = (passed, failed) => {
  console.log(`nvim: took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`nvim: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
};

if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('nvim: nvim not found: run bash test/e2e/nvim/setup.sh first');
  done(0, 1);
}
if (!process.argv.includes('--no-build')) execSync('npm run build --silent', { cwd: REPO, stdio: 'inherit' });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-config-nvim-'));
const dir = path.join(tmp, 'examples');
fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
// The checkout's files may be read-only; the suite writes its copy.
for (const f of fs.readdirSync(dir, { recursive: true })) fs.chmodSync(path.join(dir, f), fs.statSync(path.join(dir, f)).isDirectory() ? 0o755 : 0o644);

const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'lsp-test.lua')}`], {
  cwd: tmp,
  env: { ...process.env, E2E_SERVER: path.join(REPO, 'bin', 'exchange-config-language-server.js'), E2E_DIR: dir },
  encoding: 'utf8',
  timeout: 120000,
});
let output = `${r.stdout || ''}`;
// The file Neovim wrote after the quick fix: still BOM + UTF-16LE + CRLF, and only the MPHeap line changed.
const REG = path.join('exchange2000-upgrade', 'MAILSRV01-services.reg');
if (output.includes(`# wrote ${REG.replace(/\\/g, '/')}`)) {
  const before = fs.readFileSync(path.join(REPO, 'examples', REG));
  const after = fs.readFileSync(path.join(dir, REG));
  const expected = Buffer.concat([before.subarray(0, 2), Buffer.from(before.subarray(2).toString('utf16le').replace('"MPHeap parallelism"="8"\r\n', '"MPHeap parallelism"=-\r\n'), 'utf16le')]);
  const ok = before[0] === 0xff && before[1] === 0xfe && !expected.equals(before) && after.equals(expected);
  output = output.replace(/^nvim-result (\d+) (\d+)$/m, (_, p, f) => `${ok ? 'ok' : 'not ok'} - ${REG}: on disk: BOM, UTF-16LE, CRLF, only the MPHeap line changed${ok ? '' : ` (${after.length} bytes, expected ${expected.length})`}\nnvim-result ${+p + (ok ? 1 : 0)} ${+f + (ok ? 0 : 1)}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
for (const line of output.split('\n')) if (line && !line.startsWith('nvim-result')) console.log(`  ${line}`);
if (r.stderr && r.stderr.trim()) console.error(r.stderr.trim());
const m = /^nvim-result (\d+) (\d+)$/m.exec(output);
if (!m) {
  console.error(`nvim: Neovim did not report results (${r.error ? r.error.message : `exit ${r.status}, signal ${r.signal}`})`);
  done(0, 1);
}
done(+m[1], r.status === 0 ? +m[2] : Math.max(1, +m[2]));
