#!/usr/bin/env bash
# One-time setup of the extension-host test suite (test/e2e): Debian packages, then code-server (VS Code 1.100.3's
# server and web workbench) and playwright-core in a cache folder outside the project. Idempotent: what is already
# there is reused, so a re-run takes a second. Exits non-zero, with a last line "e2e-setup: failed: <reason>", when
# something cannot be installed (no network, no root for apt...): .ci/run then skips the suite.
# Pinned versions: code-server 4.100.3 is the last release that runs on Node 20; the ripgrep seed below depends on it.
set -uo pipefail
CS_VERSION=4.100.3
PW_VERSION=1.65.1
RG_PKG_VERSION=1.15.11      # @vscode/ripgrep pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json)
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CACHE=${EXCHANGE_CONFIG_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/exchange-config-e2e}
CS_DIR="$CACHE/code-server-$CS_VERSION"
PW_DIR="$CACHE/playwright-core-$PW_VERSION"
PACKAGES=(build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium)
fail() { echo "e2e-setup: failed: $*" >&2; exit 1; }
step() { echo "e2e-setup: [+${SECONDS}s] $*"; }
SECONDS=0
mkdir -p "$CACHE" || fail "cannot create $CACHE"

# 1. Debian packages (apt-get update only when something is missing).
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt: installing ${missing[*]}"
  SUDO=; [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && SUDO="sudo -n"; } || fail "not root and no sudo for apt-get"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >"$CACHE/apt.log" 2>&1 || { tail -5 "$CACHE/apt.log" >&2; fail "apt-get update"; }
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$CACHE/apt.log" 2>&1 ||
    { tail -10 "$CACHE/apt.log" >&2; fail "apt-get install ${missing[*]}"; }
fi

# 2. code-server from npm, built from source (native modules) in its own folder.
if [ ! -f "$CS_DIR/node_modules/code-server/lib/vscode/out/server-main.js" ]; then
  step "npm: installing code-server@$CS_VERSION into $CS_DIR"
  # @vscode/ripgrep's postinstall downloads rg from GitHub: seed its download cache with Debian's rg instead.
  RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
  RG_TMP=$(mktemp -d) && mkdir -p "$RG_CACHE" && cp /usr/bin/rg "$RG_TMP/rg" &&
    tar czf "$RG_CACHE/$RG_ASSET" -C "$RG_TMP" rg && rm -rf "$RG_TMP" || fail "cannot seed the ripgrep cache"
  rm -rf "$CS_DIR.partial" && mkdir -p "$CS_DIR.partial" || fail "cannot create $CS_DIR.partial"
  # unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall runs npx node-gyp.
  (cd "$CS_DIR.partial" && echo '{"name":"exchange-config-e2e-code-server","private":true}' > package.json &&
   npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false \
   npm install "code-server@$CS_VERSION" >"$CACHE/code-server-install.log" 2>&1) ||
    { grep -v 'gyp info' "$CACHE/code-server-install.log" | tail -15 >&2; fail "npm install code-server@$CS_VERSION"; }
  [ -f "$CS_DIR.partial/node_modules/code-server/lib/vscode/out/server-main.js" ] || fail "code-server install is incomplete"
  rm -rf "$CS_DIR" && mv "$CS_DIR.partial" "$CS_DIR" || fail "cannot move code-server into place"
fi

# 3. playwright-core (drives Debian's headless Chromium; downloads no browser).
if [ ! -f "$PW_DIR/node_modules/playwright-core/package.json" ]; then
  step "npm: installing playwright-core@$PW_VERSION into $PW_DIR"
  mkdir -p "$PW_DIR" && (cd "$PW_DIR" && echo '{"name":"exchange-config-e2e-tools","private":true}' > package.json &&
    npm_config_audit=false npm_config_fund=false npm install "playwright-core@$PW_VERSION" >"$CACHE/playwright-install.log" 2>&1) ||
    { tail -10 "$CACHE/playwright-install.log" >&2; rm -rf "$PW_DIR"; fail "npm install playwright-core@$PW_VERSION"; }
fi
step "ready: $CS_DIR, $PW_DIR"
