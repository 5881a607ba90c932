#!/usr/bin/env bash
# One-time setup of the Neovim suite (test/e2e/nvim): Debian's neovim (0.7.2 on bookworm), only when nvim is missing.
# Exits non-zero, with a last line "nvim-setup: failed: <reason>", when it cannot be installed: .ci/run then skips it.
set -uo pipefail
fail() { echo "nvim-setup: failed: $*" >&2; exit 1; }
if ! command -v nvim >/dev/null; then
  SUDO=; [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && SUDO="sudo -n"; } || fail "not root and no sudo for apt-get"
  log=$(mktemp)
  export DEBIAN_FRONTEND=noninteractive
  echo "nvim-setup: apt: installing neovim"
  $SUDO apt-get update -q >"$log" 2>&1 || { tail -5 "$log" >&2; fail "apt-get update"; }
  $SUDO apt-get install -y -q --no-install-recommends neovim >>"$log" 2>&1 || { tail -10 "$log" >&2; fail "apt-get install neovim"; }
  rm -f "$log"
fi
nvim --version | head -n 1 | grep -q '^NVIM v0\.\([7-9]\|[1-9][0-9]\)\|^NVIM v[1-9]' || fail "nvim 0.7 or newer needed, found: $(nvim --version | head -n 1)"
echo "nvim-setup: ready: $(nvim --version | head -n 1)"
