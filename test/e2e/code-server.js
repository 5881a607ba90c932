// What the browser-based suites share: where test/e2e/setup.sh put code-server and playwright-core, starting
// code-server on a free 127.0.0.1 port with its own user data, and launching Debian's headless Chromium.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const CACHE = process.env.EXCHANGE_CONFIG_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'exchange-config-e2e');
/** code-server's entry point (`node ENTRY ...` is the `code-server` command). */
const ENTRY = path.join(CACHE, 'code-server-4.100.3', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const PLAYWRIGHT = path.join(CACHE, 'playwright-core-1.65.1', 'node_modules', 'playwright-core');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** User settings that keep the workbench quiet and offline: no welcome page, telemetry, updates or trust prompt. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
};

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });

/**
 * Starts code-server with `userData` (whose User/settings.json is written from `settings` unless it exists) and
 * `extensions` as its extensions folder, and resolves once it answers. `stop()` ends its whole process group (the
 * extension host, pty host and file watcher with it).
 */
async function startCodeServer({ userData, extensions, settings = QUIET_SETTINGS }) {
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settingsFile = path.join(userData, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify(settings));
  const port = await freePort();
  const args = [ENTRY, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', userData, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened'];
  if (extensions) args.push('--extensions-dir', extensions);
  const xdg = path.join(userData, 'xdg'); // else code-server writes ~/.config/code-server/config.yaml
  // detached: code-server leads its own process group, killed as a whole.
  const cs = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg } });
  let log = '';
  cs.stdout.on('data', (d) => (log += d));
  cs.stderr.on('data', (d) => (log += d));
  const stop = () => {
    try {
      process.kill(-cs.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (cs.exitCode !== null || i > 240) {
      stop();
      throw new Error('code-server did not start:\n' + log);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // The authority must equal the host the page is loaded from.
  return { port, authority: `127.0.0.1:${port}`, stop };
}

/** Debian's Chromium, headless, through playwright-core. */
function launchChromium() {
  const { chromium } = require(PLAYWRIGHT);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The workbench URL that opens `folder` with the given `payload` entries (extensionDevelopmentPath, ...). */
function workbenchUrl(authority, folder, payload) {
  const where = folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true';
  return `http://${authority}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

module.exports = { CACHE, ENTRY, PLAYWRIGHT, CHROMIUM, QUIET_SETTINGS, startCodeServer, launchChromium, workbenchUrl };
