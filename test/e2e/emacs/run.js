#!/usr/bin/env node
// Runs the Emacs suite (lsp-test.el): `emacs -Q --batch` with eglot 1.9 (Emacs 28) as an LSP client of the built
// language server over stdio, on a temporary copy of examples/, then checks the bytes of the files Emacs saved after
// the quick fixes. Prints "emacs: N passed, N failed" alone on its closing line; exits non-zero when a check fails or
// the run breaks (also when Emacs reports nothing). Needs `emacs` and eglot (bash test/e2e/emacs/setup.sh installs
// Debian's emacs-nox and elpa-eglot) and a build in out/ (made here unless --no-build).
'use strict';
const { execSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const started = Date.now();
const done = (passed, failed) => {
  console.log(`emacs: took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`emacs: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
};

if (spawnSync('emacs', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('emacs: emacs not found: run bash test/e2e/emacs/setup.sh first');
  done(0, 1);
}
if (!process.argv.includes('--no-build')) execSync('npm run build --silent', { cwd: REPO, stdio: 'inherit' });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-config-emacs-'));
const dir = path.join(tmp, 'examples');
fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
// The checkout's files may be read-only; the suite writes its copy.
for (const f of fs.readdirSync(dir, { recursive: true })) fs.chmodSync(path.join(dir, f), fs.statSync(path.join(dir, f)).isDirectory() ? 0o755 : 0o644);

// lsp-test.el uses the README's configuration, which runs the command exchange-config-language-server: here a script
// that starts the built server, first on PATH.
const binDir = path.join(tmp, 'bin');
const serverCmd = path.join(binDir, 'exchange-config-language-server');
fs.mkdirSync(binDir);
fs.writeFileSync(serverCmd, `#!/bin/sh\nexec node '${path.join(REPO, 'bin', 'exchange-config-language-server.js').replace(/'/g, "'\\''")}' "$@"\n`, { mode: 0o755 });

const r = spawnSync('emacs', ['-Q', '--batch', '-l', path.join(__dirname, 'lsp-test.el')], {
  cwd: tmp,
  env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH}`, E2E_SERVER: serverCmd, E2E_DIR: dir },
  encoding: 'utf8',
  timeout: 120000,
});
let output = `${r.stdout || ''}`;
// The files Emacs saved after a quick fix: on disk, exactly the original bytes with only the fixed lines replaced, in
// the same encoding (and BOM) and with the same line endings (`from` and `to` include them; the examples other than
// the .reg are ASCII). A file that lsp-test.el did not report as written fails here too.
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
output = output.replace(/^emacs-result (\d+) (\d+)$/m, (_, p, f) => {
  const ok = diskChecks.filter((c) => c.startsWith('ok')).length;
  return `${diskChecks.join('\n')}\nemacs-result ${+p + ok} ${+f + diskChecks.length - ok}`;
});
fs.rmSync(tmp, { recursive: true, force: true });
for (const line of output.split('\n')) if (line && !line.startsWith('emacs-result')) console.log(`  ${line}`);
const m = /^emacs-result (\d+) (\d+)$/m.exec(output);
// Emacs writes its messages (eglot's "Connected!", "Edit successful!", jsonrpc's) to stderr: shown only when a check
// failed or the run broke.
if (r.stderr && r.stderr.trim() && (!m || +m[2] > 0 || r.status !== 0)) console.error(r.stderr.trim());
if (!m) {
  console.error(`emacs: Emacs did not report results (${r.error ? r.error.message : `exit ${r.status}, signal ${r.signal}`})`);
  done(0, 1);
}
done(+m[1], r.status === 0 ? +m[2] : Math.max(1, +m[2]));
