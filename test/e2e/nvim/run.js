#!/usr/bin/env node
// Runs the Neovim suite (lsp-test.lua): headless Neovim 0.7+ as an LSP client of the built language server over stdio,
// on a temporary copy of examples/, then checks the bytes of the files Neovim wrote after the quick fixes. Prints
// "nvim: N passed, N failed" alone on its closing line; exits non-zero when a check fails or the run breaks. Needs
// `nvim` (bash test/e2e/nvim/setup.sh installs Debian's neovim) and a build in out/ (made here unless --no-build).
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
// The files Neovim wrote after a quick fix: on disk, exactly the original bytes with only the fixed lines replaced, in
// the same encoding (and BOM) and with the same line endings (`from` and `to` include them; the examples other than
// the .reg are ASCII). A file that lsp-test.lua did not report as written fails here too.
const WRITTEN = [
  { rel: 'exchange2000-upgrade/MAILSRV01-services.reg', encoding: 'utf16le', bom: [0xff, 0xfe], what: 'the MPHeap line',
    from: '"MPHeap parallelism"="8"\r\n', to: '"MPHeap parallelism"=-\r\n' },
  { rel: 'exchange2000-upgrade/boot.ini', encoding: 'latin1', what: 'the /3GB entry',
    from: '"Windows Server 2003, Enterprise" /fastdetect /3GB\r\n', to: '"Windows Server 2003, Enterprise" /fastdetect /3GB /USERVA=3030\r\n' },
  { rel: 'qbdg/marketing-fulltime.ldapfilter', encoding: 'latin1', what: 'the short NOT line',
    from: '\n  (!cn=SystemMailbox{*})\n', to: '\n  (!(cn=SystemMailbox{*}))\n' },
  { rel: 'qbdg/contoso-export.ldf', encoding: 'latin1', what: 'the LogBuffers replace and value lines',
    from: '\nreplace: msExchESEParamLogBuffers\nmsExchESEParamLogBuffers: 9000\n', to: '\ndelete: msExchESEParamLogBuffers\n' },
  { rel: 'setup/exchange55-batch-setup.ini', encoding: 'latin1', what: 'the AccountPassword line',
    from: '\r\nAccountPassword=Winter2005!\r\n', to: '\r\nAccountPassword=\r\n' },
];
const diskChecks = [];
for (const w of WRITTEN) {
  const before = fs.readFileSync(path.join(REPO, 'examples', w.rel));
  const bom = Buffer.from(w.bom || []);
  const text = before.subarray(bom.length).toString(w.encoding);
  const eol = /\r\n/.test(text) ? (/(^|[^\r])\n/.test(text) ? 'mixed line endings' : 'CRLF') : 'LF';
  const label = `${w.rel}: on disk: ${w.bom ? 'BOM, ' : ''}${w.encoding === 'utf16le' ? 'UTF-16LE' : 'ASCII'}, ${eol}, only ${w.what} changed`;
  if (!output.includes(`# wrote ${w.rel}`)) {
    diskChecks.push(`not ok - ${label}: not written (see the checks above)`);
    continue;
  }
  const after = fs.readFileSync(path.join(dir, w.rel));
  const occurrences = text.split(w.from).length - 1;
  const expected = Buffer.concat([bom, Buffer.from(text.replace(w.from, w.to), w.encoding)]);
  let detail = '';
  if (!before.subarray(0, bom.length).equals(bom)) detail = 'the example does not start with the BOM';
  else if (occurrences !== 1) detail = `the example has ${JSON.stringify(w.from)} ${occurrences} times, expected once`;
  else if (w.encoding === 'latin1' && /[^\x00-\x7f]/.test(text)) detail = 'the example is not ASCII';
  else if (eol === 'mixed line endings') detail = 'the example mixes line endings';
  else if (!after.equals(expected)) {
    let i = 0;
    while (i < after.length && after[i] === expected[i]) i++;
    detail = `${after.length} bytes, expected ${expected.length}; first difference at byte ${i}`;
  }
  diskChecks.push(`${detail ? 'not ok' : 'ok'} - ${label}${detail ? `: ${detail}` : ''}`);
}
output = output.replace(/^nvim-result (\d+) (\d+)$/m, (_, p, f) => {
  const ok = diskChecks.filter((c) => c.startsWith('ok')).length;
  return `${diskChecks.join('\n')}\nnvim-result ${+p + ok} ${+f + diskChecks.length - ok}`;
});
fs.rmSync(tmp, { recursive: true, force: true });
for (const line of output.split('\n')) if (line && !line.startsWith('nvim-result')) console.log(`  ${line}`);
if (r.stderr && r.stderr.trim()) console.error(r.stderr.trim());
const m = /^nvim-result (\d+) (\d+)$/m.exec(output);
if (!m) {
  console.error(`nvim: Neovim did not report results (${r.error ? r.error.message : `exit ${r.status}, signal ${r.signal}`})`);
  done(0, 1);
}
done(+m[1], r.status === 0 ? +m[2] : Math.max(1, +m[2]));
