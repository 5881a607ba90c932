// What the Neovim and Emacs suites share: run an editor as an LSP client of the built language server on a temporary
// copy of examples/, collect its "ok - ..." / "not ok - ..." lines and its "<name>-result P F" line, check the bytes
// of the files it saved after the quick fixes, and print "<name>: N passed, N failed" alone on the closing line.
'use strict';
const { execSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
/** The built language server (run with --stdio). */
const SERVER = path.join(REPO, 'bin', 'exchange-config-language-server.js');

/**
 * The files each editor saves after a quick fix: on disk, exactly the original bytes with only the fixed lines
 * replaced, in the same encoding (and BOM) and with the same line endings (`from` and `to` include them; the examples
 * other than the .reg are ASCII). The editor reports "# wrote <rel>" for each.
 */
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

/** One "ok"/"not ok" line per file of WRITTEN: the bytes in `dir` against the example with its one change. */
function diskChecks(output, dir) {
  const lines = [];
  for (const w of WRITTEN) {
    const before = fs.readFileSync(path.join(REPO, 'examples', w.rel));
    const bom = Buffer.from(w.bom || []);
    const text = before.subarray(bom.length).toString(w.encoding);
    const eol = /\r\n/.test(text) ? (/(^|[^\r])\n/.test(text) ? 'mixed line endings' : 'CRLF') : 'LF';
    const label = `${w.rel}: on disk: ${w.bom ? 'BOM, ' : ''}${w.encoding === 'utf16le' ? 'UTF-16LE' : 'ASCII'}, ${eol}, only ${w.what} changed`;
    if (!output.includes(`# wrote ${w.rel}`)) {
      lines.push(`not ok - ${label}: not written (see the checks above)`);
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
    lines.push(`${detail ? 'not ok' : 'ok'} - ${label}${detail ? `: ${detail}` : ''}`);
  }
  return lines;
}

/**
 * Runs one editor suite and exits. `name` prefixes the output ("nvim"), `editor` names the editor in messages,
 * `binary` must answer `--version` (else `setup` is the hint printed), and `launch(tmp, dir)` returns the command,
 * its arguments and extra environment (E2E_SERVER and E2E_DIR are always set). The editor's stderr is shown always
 * or, with `stderrOnFailure`, only when something failed.
 */
function runEditorSuite({ name, editor, binary, setup, launch, stderrOnFailure = false }) {
  const started = Date.now();
  const done = (passed, failed) => {
    console.log(`${name}: took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${name}: ${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  };
  if (spawnSync(binary, ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.error(`${name}: ${binary} not found: run ${setup} first`);
    done(0, 1);
  }
  if (!process.argv.includes('--no-build')) execSync('npm run build --silent', { cwd: REPO, stdio: 'inherit' });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `exchange-config-${name}-`));
  const dir = path.join(tmp, 'examples');
  fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
  // The checkout's files may be read-only; the suite writes its copy.
  for (const f of fs.readdirSync(dir, { recursive: true })) fs.chmodSync(path.join(dir, f), fs.statSync(path.join(dir, f)).isDirectory() ? 0o755 : 0o644);

  const { command, args, env } = launch(tmp, dir);
  const r = spawnSync(command, args, { cwd: tmp, env: { ...process.env, E2E_SERVER: SERVER, E2E_DIR: dir, ...env }, encoding: 'utf8', timeout: 120000 });
  const resultLine = new RegExp(`^${name}-result (\\d+) (\\d+)$`, 'm');
  const output = `${r.stdout || ''}`.replace(resultLine, (_, p, f) => {
    const checks = diskChecks(r.stdout, dir);
    const ok = checks.filter((c) => c.startsWith('ok')).length;
    return `${checks.join('\n')}\n${name}-result ${+p + ok} ${+f + checks.length - ok}`;
  });
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const line of output.split('\n')) if (line && !resultLine.test(line)) console.log(`  ${line}`);
  const m = resultLine.exec(output);
  if (r.stderr && r.stderr.trim() && (!stderrOnFailure || !m || +m[2] > 0 || r.status !== 0)) console.error(r.stderr.trim());
  if (!m) {
    console.error(`${name}: ${editor} did not report results (${r.error ? r.error.message : `exit ${r.status}, signal ${r.signal}`})`);
    done(0, 1);
  }
  done(+m[1], r.status === 0 ? +m[2] : Math.max(1, +m[2]));
}

/**
 * The README's editor configurations run the command exchange-config-language-server: a script of that name in
 * tmp/bin that starts the built server, and the environment that puts it first on PATH.
 */
function serverOnPath(tmp) {
  const binDir = path.join(tmp, 'bin');
  const serverCmd = path.join(binDir, 'exchange-config-language-server');
  fs.mkdirSync(binDir, { recursive: true });
  fs.writeFileSync(serverCmd, `#!/bin/sh\nexec node '${SERVER.replace(/'/g, "'\\''")}' "$@"\n`, { mode: 0o755 });
  return { PATH: `${binDir}${path.delimiter}${process.env.PATH}`, E2E_SERVER: serverCmd };
}

module.exports = { REPO, SERVER, WRITTEN, runEditorSuite, serverOnPath };
