#!/usr/bin/env node
// Runs the extension-host suite (test/e2e/suite) in a real VS Code extension host with @vscode/test-electron's
// runTests(). Here VS Code is code-server 4.100.3 installed by test/e2e/setup.sh, started by code-server-shim.js
// (no desktop VS Code can be downloaded on these machines); with E2E_DESKTOP=1, runTests() downloads desktop VS Code
// as usual instead. Prints "e2e: N passed, N failed" and exits non-zero when a test fails or the run breaks.
'use strict';
const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const REPO = path.resolve(__dirname, '..', '..');
const { CACHE, ENTRY, PLAYWRIGHT } = require('./code-server');
const desktop = process.env.E2E_DESKTOP === '1';

async function main() {
  const started = Date.now();
  if (!desktop && (!fs.existsSync(ENTRY) || !fs.existsSync(PLAYWRIGHT))) {
    console.error(`e2e: code-server or playwright-core missing under ${CACHE}: run bash test/e2e/setup.sh first`);
    console.log('e2e: 0 passed, 1 failed');
    return 1;
  }
  if (!process.argv.includes('--no-build')) execSync('npm run build --silent && node scripts/bundle.js --quiet', { cwd: REPO, stdio: 'inherit' });

  const shim = path.join(__dirname, 'code-server-shim.js');
  if (!desktop) {
    // runTests() spawns the "executable" directly: make sure a checkout without mode bits can still run it.
    try {
      fs.accessSync(shim, fs.constants.X_OK);
    } catch {
      fs.chmodSync(shim, 0o755);
    }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-config-e2e-'));
  const dirs = { workspace: path.join(tmp, 'workspace'), userData: path.join(tmp, 'user-data'), extensions: path.join(tmp, 'extensions') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const results = path.join(tmp, 'results.txt');
  let error;
  try {
    await runTests({
      ...(desktop ? {} : { vscodeExecutablePath: shim }),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [dirs.workspace, '--disable-extensions', `--user-data-dir=${dirs.userData}`, `--extensions-dir=${dirs.extensions}`],
      extensionTestsEnv: { E2E_RESULTS: results },
    });
  } catch (e) {
    error = e;
  }
  const summary = fs.existsSync(results) ? fs.readFileSync(results, 'utf8').trim() : undefined;
  fs.rmSync(tmp, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!summary) {
    // The suite never reported: the host did not start, crashed or timed out. That counts as a failure.
    console.error(`e2e: the extension host did not report results (${error ? error.message : 'no error'})`);
    console.log(`e2e: took ${seconds} s`);
    console.log('e2e: 0 passed, 1 failed');
    return 1;
  }
  const m = /^(\d+) passed, (\d+) failed/.exec(summary);
  // The closing line alone, so that CI systems can read the counts.
  console.log(`e2e: took ${seconds} s`);
  console.log(`e2e: ${summary}`);
  return error || !m || +m[2] > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
