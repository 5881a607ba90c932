#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }), used where no
// desktop VS Code can be downloaded. It takes the desktop command line (--extensionDevelopmentPath=,
// --extensionTestsPath=, --user-data-dir=, --extensions-dir=, the folder to open), starts code-server 4.100.3
// (VS Code 1.100.3's server: a real Node extension host) on a free 127.0.0.1 port, opens its web workbench in
// headless Chromium with the development extension and tests in the `payload` URL parameter, forwards the
// extension host's log, and exits with the tests' exit code (124 on timeout).
// Environment: E2E_CODE_SERVER_ENTRY (…/code-server/out/node/entry.js), E2E_PLAYWRIGHT (…/playwright-core),
// CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT_MS (default 300000).
'use strict';
const { spawn } = require('child_process');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

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
const entry = process.env.E2E_CODE_SERVER_ENTRY;
if (!entry || !fs.existsSync(entry) || !opts.tests || !opts.dev.length) {
  console.error('code-server-shim: needs E2E_CODE_SERVER_ENTRY (run test/e2e/setup.sh), --extensionTestsPath and --extensionDevelopmentPath');
  process.exit(2);
}
const { chromium } = require(process.env.E2E_PLAYWRIGHT || 'playwright-core');
const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
const QUIET = /Creating a socket|connection token|Service Worker|builtin extensions cache|ChatSessionStore|open-vsx/;

(async () => {
  const port = await freePort();
  const ud = opts.ud || fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-shim-'));
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  const settings = path.join(ud, 'User', 'settings.json');
  if (!fs.existsSync(settings))
    fs.writeFileSync(
      settings,
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
      }),
    );
  const args = [entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', ud, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened'];
  if (opts.ext) args.push('--extensions-dir', opts.ext);
  const xdg = path.join(ud, 'xdg'); // else code-server writes ~/.config/code-server/config.yaml
  // detached: code-server leads its own process group (extension host, pty host, file watcher), killed as a whole.
  const cs = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg } });
  let csLog = '';
  cs.stdout.on('data', (d) => (csLog += d));
  cs.stderr.on('data', (d) => (csLog += d));
  const stop = () => {
    try {
      process.kill(-cs.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  let code = 1;
  let browser;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (cs.exitCode !== null || i > 240) throw new Error('code-server did not start:\n' + csLog);
      await new Promise((r) => setTimeout(r, 250));
    }
    const auth = `127.0.0.1:${port}`; // must equal the host the page is loaded from
    const payload = [
      ...opts.dev.map((d) => ['extensionDevelopmentPath', `vscode-remote://${auth}${d}`]),
      ['extensionTestsPath', `vscode-remote://${auth}${opts.tests}`],
      ['skipWelcome', 'true'],
    ];
    const query = (opts.folder ? `folder=${encodeURIComponent(opts.folder)}&` : 'ew=true&') + `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
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
    await page.goto(`http://${auth}/?${query}`);
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
