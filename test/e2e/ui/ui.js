#!/usr/bin/env node
// UI smoke test: the extension as users get it, in code-server 4.100.3's web workbench, driven by playwright-core and
// Debian's headless Chromium (both from bash test/e2e/setup.sh). It packs the .vsix with `npm run package` (minified
// bundles, vsce), installs it with `code-server --install-extension` into a fresh extensions folder and checks that
// code-server lists it. Then, once in each extension host:
//   node: code-server's Node extension host (dist/extension.js starts dist/server.js), as VS Code runs it remotely;
//   web:  the browser's web worker extension host (dist/browserExtension.js starts dist/browserServer.js in a web
//         worker), as VS Code for the Web runs it; forced with the `remote.extensionKind` setting;
// it opens a copy of examples/exchange2000-upgrade/MAILSRV01-services.reg (UTF-16LE with BOM, CRLF) in a temporary
// workspace, checks in the output channel (Exchange Config: Show Output) which server runs, waits for the squiggles
// and the Problems count, hovers, applies the deletion-entry quick fix on the "MPHeap parallelism" line with Ctrl+.,
// saves with Ctrl+S and checks the bytes on disk, then clicks a diagnostic's code in the Problems panel and checks that
// its documentation page opens in an editor tab. Leaves screenshots in test/e2e/ui/ (screenshot.png of the Node host,
// screenshot-web.png, and screenshot-<host>-fail.png on failure). Prints "ui: N passed, N failed" alone on its closing
// line and exits non-zero on failure.
// Options: --host=node or --host=web runs one host only; --dev loads this repository as the development extension
// instead of the .vsix, in the Node extension host only (no packing; needs a build in dist/, made here unless
// --no-build is given).
'use strict';
const { execFileSync, execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ENTRY, PLAYWRIGHT, CHROMIUM, QUIET_SETTINGS, startCodeServer, launchChromium, workbenchUrl } = require('../code-server');

const REPO = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = path.join('exchange2000-upgrade', 'MAILSRV01-services.reg');
const ANSWER_FILE = path.join('setup', 'exchange55-batch-setup.ini');
const SHOT = path.join(__dirname, 'screenshot.png');
const { publisher, name: NAME, version: VERSION } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const EXTENSION_ID = `${publisher}.${NAME}`;
const started = Date.now();
const logAt = (...a) => console.log(`  [${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);
const log = logAt;
let passed = 0;
let failed = 0;
function checkNamed(name, cond, detail) {
  if (cond) passed++;
  else failed++;
  console.log(`  ${cond ? 'ok' : 'not ok'} - ${name}${!cond && detail !== undefined ? `: ${detail}` : ''}`);
  if (!cond) throw new Error(`check failed: ${name}`);
}
/** Packs the .vsix as `npm run package` does and installs it into `extensions` with code-server's own command line. */
function installVsix(tmp, extensions) {
  const check = checkNamed;
  const vsix = path.join(tmp, 'exchange-config-tools.vsix');
  const t = Date.now();
  execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  log(`packed ${path.basename(vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const cli = (...args) => execFileSync(process.execPath, [ENTRY, '--extensions-dir', extensions, ...args], { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), XDG_DATA_HOME: path.join(tmp, 'xdg') } });
  const installed = cli('--install-extension', vsix);
  check('code-server installs the .vsix', /Extension '[^']+\.vsix' was successfully installed/.test(installed), installed.trim());
  const listed = cli('--list-extensions', '--show-versions').split('\n').map((l) => l.trim());
  check(`code-server lists ${EXTENSION_ID}@${VERSION}`, listed.includes(`${EXTENSION_ID}@${VERSION}`), listed.join(', '));
}

const HOSTS = {
  node: { expect: 'the language server runs as a Node.js process', settings: {}, shot: SHOT },
  web: { expect: 'the language server runs in a web worker (browser build)', settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } }, shot: SHOT.replace(/\.png$/, '-web.png') },
};

async function main() {
  for (const [what, p] of [['code-server', ENTRY], ['playwright-core', PLAYWRIGHT], ['chromium', CHROMIUM]])
    if (!fs.existsSync(p)) throw new Error(`${what} missing (${p}): run bash test/e2e/setup.sh first`);
  const dev = process.argv.includes('--dev');
  if (dev && !process.argv.includes('--no-build')) execSync('npm run build --silent && node scripts/bundle.js --quiet', { cwd: REPO, stdio: 'inherit' });
  const only = (/^--host=(.*)$/.exec(process.argv.find((a) => a.startsWith('--host=')) || '') || [])[1];
  if (only && !HOSTS[only]) throw new Error(`--host=${only}: expected one of ${Object.keys(HOSTS).join(', ')}`);
  // code-server runs a development extension in its Node extension host whatever the settings say.
  if (dev && only === 'web') throw new Error('--dev runs in the Node extension host only: test the web worker host with the .vsix');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-config-ui-'));
  try {
    const extensions = path.join(tmp, 'extensions');
    if (!dev) installVsix(tmp, extensions);
    for (const host of only ? [only] : dev ? ['node'] : Object.keys(HOSTS)) {
      const dir = path.join(tmp, host);
      fs.mkdirSync(dir);
      await scenario(host, dir, extensions, dev);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The whole path from a file on disk to a fix saved back to disk, with the extension in extension host `host`. */
async function scenario(host, tmp, extensions, dev) {
  const { expect, settings, shot } = HOSTS[host];
  const check = (name, cond, detail) => checkNamed(`[${host}] ${name}`, cond, detail);
  const log = (...a) => logAt(`[${host}]`, ...a);
  const ws = path.join(tmp, 'workspace');
  const ud = path.join(tmp, 'user-data');
  fs.mkdirSync(ws);
  const file = path.join(ws, path.basename(SAMPLE));
  const original = fs.readFileSync(path.join(REPO, 'examples', SAMPLE));
  fs.writeFileSync(file, original);
  fs.copyFileSync(path.join(REPO, 'examples', ANSWER_FILE), path.join(ws, path.basename(ANSWER_FILE)));
  const settingsAll = { ...QUIET_SETTINGS, 'editor.hover.delay': 100, 'workbench.tips.enabled': false, ...settings };
  let server;
  let browser;
  let page;
  try {
    server = await startCodeServer({ userData: ud, extensions, settings: settingsAll });
    log('code-server up');
    const auth = server.authority;
    const payload = [['skipWelcome', 'true']];
    if (dev) payload.push(['extensionDevelopmentPath', `vscode-remote://${auth}${REPO}`]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => log('[pageerror]', e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /exchange-config/i.test(m.text())) log('[console]', m.text().slice(0, 300));
    });
    await page.goto(workbenchUrl(auth, ws, payload));
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    log('workbench loaded');

    // First an answer file that VS Code opens as its own "ini" language: nothing else activates the extension yet.
    await openFile(page, path.basename(ANSWER_FILE));
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
    const language = ((await page.textContent('[id="status.editor.mode"]').catch(() => '')) || '').trim();
    check(`an answer file opened as "${language}" activates the extension and gets its diagnostics`, /^ini$/i.test(language), language);

    await openFile(page, path.basename(SAMPLE));
    log('editor open');
    await runCommand(page, 'Exchange Config: Show Output');
    const channel = page.locator('.part.panel .view-lines', { hasText: 'Exchange Config Tools' }).first();
    await channel.waitFor({ timeout: 30000 });
    const channelText = ((await channel.textContent()) || '').replace(/\u00a0/g, ' ');
    check(`the output channel says "${expect}"`, channelText.includes(expect), channelText.slice(0, 200));
    await page.keyboard.press('Control+J'); // hide the panel again
    const status = async (sel) => ((await page.textContent(sel).catch(() => '')) || '').trim();
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
    check('squiggles appear', true);
    let problems = '';
    for (let i = 0; i < 50 && !/[1-9]/.test(problems); i++) {
      problems = await status('[id="status.problems"]');
      if (!/[1-9]/.test(problems)) await page.waitForTimeout(200);
    }
    const counts = (problems.match(/\d+/g) || []).map(Number);
    check(`status bar counts the problems (${JSON.stringify(problems)})`, counts.length >= 2 && counts[1] >= 6, JSON.stringify(problems));
    check('status bar shows UTF-16 LE and CRLF', /UTF-16 LE/.test(await status('[id="status.editor.encoding"]')) && /CRLF/.test(await status('[id="status.editor.eol"]')),
      `${await status('[id="status.editor.encoding"]')} / ${await status('[id="status.editor.eol"]')}`);

    const line = page.locator('.monaco-editor .view-line', { hasText: '"MPHeap parallelism"' }).first();
    const box = await line.boundingBox();
    const at = { x: box.x + 40, y: box.y + box.height / 2 };
    await page.mouse.move(at.x, at.y);
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Exchange 2000 tuning' }).first();
    await hover.waitFor({ timeout: 15000 });
    const hoverText = (await hover.textContent()) || '';
    check('hover on "MPHeap parallelism" explains the diagnostic', /reg\.deprecated-e2k-tuning/.test(hoverText), hoverText.slice(0, 200));
    await page.screenshot({ path: shot });
    log('screenshot', path.relative(REPO, shot));

    await page.keyboard.press('Escape');
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'deletion entry' }).first();
    await item.waitFor({ timeout: 15000 });
    check('Ctrl+. offers the deletion-entry fix', true);
    // Move the keyboard focus onto it (a mouse click on the row times out in headless Chromium), then Enter.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 10 && !/deletion entry/.test((await focused.textContent({ timeout: 2000 }).catch(() => '')) || ''); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: '"MPHeap parallelism"=-' }).first().waitFor({ timeout: 15000 });
    check('the line becomes "MPHeap parallelism"=-', true);
    const expected = Buffer.concat([original.subarray(0, 2),
      Buffer.from(original.subarray(2).toString('utf16le').replace('"MPHeap parallelism"="8"\r\n', '"MPHeap parallelism"=-\r\n'), 'utf16le')]);
    await page.keyboard.press('Control+S');
    // The save truncates the file and writes it again: read until it is what is expected, or has stayed the same (and
    // different from the original) for a second, or 15 s have passed; then the checks below say what is wrong.
    let bytes = fs.readFileSync(file);
    for (let i = 0, same = 0; i < 75 && !bytes.equals(expected) && same < 5; i++) {
      await page.waitForTimeout(200);
      const now = fs.readFileSync(file);
      same = now.equals(bytes) && !now.equals(original) && now.length > 0 ? same + 1 : 0;
      bytes = now;
    }
    const text = bytes.subarray(2).toString('utf16le');
    check('saved file starts with the UTF-16LE BOM FF FE', bytes[0] === 0xff && bytes[1] === 0xfe, bytes.subarray(0, 4).toString('hex'));
    check('saved file has CRLF everywhere', !/[^\r]\n|^\n/.test(text) && /\r\n/.test(text));
    check('saved file differs from the original only on the MPHeap line', !expected.equals(original) && bytes.equals(expected), `${bytes.length} bytes, expected ${expected.length}`);

    // The code of a diagnostic in the Problems panel links to its documentation page, a file of the extension: a click
    // opens it in an editor tab of this window (no browser, no network).
    await page.keyboard.press('Control+Shift+M');
    const link = page.locator('.markers-panel a', { hasText: 'reg.deprecated-e2k-tuning' }).first();
    await link.waitFor({ timeout: 15000 });
    await link.click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'reg.deprecated-e2k-tuning.md' }).first();
    const opened = await tab.waitFor({ timeout: 15000 }).then(() => true, () => false);
    const tabs = await page.locator('.tabs-container .tab').allTextContents();
    check('clicking the code in the Problems panel opens its documentation page in an editor tab', opened, tabs.join(' | '));
  } catch (e) {
    if (!/^check failed/.test(e.message)) {
      failed++;
      console.log(`  not ok - ${e.message.split('\n')[0]}`);
    }
    if (page) await page.screenshot({ path: SHOT.replace(/\.png$/, `-${host}-fail.png`) }).catch(() => {});
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) server.stop();
  }
}

/** Opens a file of the workspace with Quick Open (Ctrl+P) and waits for its editor. */
async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(name);
  // The first Quick Open of a fresh code-server searches the workspace with ripgrep: on two shared cores under load
  // that took more than 10 s.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 60000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 20000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20000 });
}

/** Runs a command from the command palette (F1) by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

main()
  .catch((e) => {
    if (/^check failed/.test(e.message)) return; // counted and printed by check()
    failed++;
    console.log(`  not ok - ${e.message.split('\n')[0]}`);
  })
  .then(() => {
    console.log(`ui: took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`ui: ${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  });
