#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }), used where no
// desktop VS Code can be downloaded. It takes the desktop command line (--extensionDevelopmentPath=,
// --extensionTestsPath=, --user-data-dir=, --extensions-dir=, the folder to open), starts code-server 4.100.3
// (VS Code 1.100.3's server: a real Node extension host; see code-server.js) on a free 127.0.0.1 port, opens its web
// workbench in headless Chromium with the development extension and tests in the `payload` URL parameter, forwards
// the extension host's log, and exits with the tests' exit code (124 on timeout).
// Environment: CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT_MS (default 300000).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ENTRY, startCodeServer, launchChromium, workbenchUrl } = require('./code-server');

const opts = { dev: [], tests: undefined, ud: undefined, ext: undefined, folder: undefined };
for (const a of process.argv.slice(2)) {
  const eq = a.indexOf('=');
  const [k, v] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
  if (k === '--extensionDevelopmentPath') opts.dev.push(path.resolve(v));
  else if (k === '--extensionTestsPath') opts.tests = path.resolve(v);
  else if (k === '--user-data-dir') opts.ud = path.resolve(v);
  else if (k === '--extensions-dir') opts.ext = path.resolve(v);
  else if (!a.startsWith('-')) opts.folder = path.resolve(a);
  // The other desktop flags (--no-sandbox, --disable-updates, --skip-welcome, --disable-extensions...) have no
  // meaning here: code-server starts with a fresh extensions folder, so only built-in extensions are present.
}
if (!fs.existsSync(ENTRY) || !opts.tests || !opts.dev.length) {
  console.error(`code-server-shim: needs code-server at ${ENTRY} (run test/e2e/setup.sh), --extensionTestsPath and --extensionDevelopmentPath`);
  process.exit(2);
}
const QUIET = /Creating a socket|connection token|Service Worker|builtin extensions cache|ChatSessionStore|open-vsx/;

(async () => {
  let server;
  let browser;
  let code = 1;
  const stop = () => server && server.stop();
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    server = await startCodeServer({ userData: opts.ud || fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-shim-')), extensions: opts.ext });
    const auth = server.authority;
    const payload = [
      ...opts.dev.map((d) => ['extensionDevelopmentPath', `vscode-remote://${auth}${d}`]),
      ['extensionTestsPath', `vscode-remote://${auth}${opts.tests}`],
      ['skipWelcome', 'true'],
    ];
    browser = await launchChromium();
    // The clipboard permissions let the tests read what a command put on the clipboard (vscode.env.clipboard goes
    // through the page's navigator.clipboard, which headless Chromium denies otherwise).
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    let done;
    const exited = new Promise((r) => (done = r));
    await page.exposeFunction('codeAutomationLog', (type, a) => {
      if (!QUIET.test(String(a && a[0]))) console.log(...(a || []).map(String));
    });
    await page.exposeFunction('codeAutomationExit', (c) => done(c));
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    await page.goto(workbenchUrl(auth, opts.folder, payload));
    const timeout = +(process.env.E2E_TIMEOUT_MS || 300000);
    let timer;
    code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r(124), timeout)))]);
    clearTimeout(timer);
    if (code === 124) console.error(`code-server-shim: the tests did not finish within ${timeout} ms`);
  } catch (e) {
    console.error('code-server-shim:', e.message);
    code = 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    stop();
  }
  process.exit(code);
})();
