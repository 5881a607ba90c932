#!/usr/bin/env bash
# One-time setup of the OpenLDAP comparison suite (test/e2e/slapd): Debian's slapd and ldap-utils, only when missing.
# Exits non-zero, with a last line "slapd-setup: failed: <reason>", when they cannot be installed: .ci/run then skips it.
set -uo pipefail
fail() { echo "slapd-setup: failed: $*" >&2; exit 1; }
SLAPD=$(command -v slapd || ls /usr/sbin/slapd 2>/dev/null || true)
if [ -z "$SLAPD" ] || ! command -v ldapsearch >/dev/null; then
  SUDO=; [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && SUDO="sudo -n"; } || fail "not root and no sudo for apt-get"
  log=$(mktemp)
  export DEBIAN_FRONTEND=noninteractive
  echo "slapd-setup: apt: installing slapd ldap-utils"
  $SUDO apt-get update -q >"$log" 2>&1 || { tail -5 "$log" >&2; fail "apt-get update"; }
  # slapd's maintainer scripts would configure and start a system instance; the suite runs its own, so none is started.
  policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=1
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d
  fi
  $SUDO apt-get install -y -q --no-install-recommends slapd ldap-utils >>"$log" 2>&1 || { [ -n "$policy" ] && $SUDO rm -f /usr/sbin/policy-rc.d; tail -10 "$log" >&2; fail "apt-get install slapd ldap-utils"; }
  [ -n "$policy" ] && $SUDO rm -f /usr/sbin/policy-rc.d
  rm -f "$log"
  SLAPD=$(command -v slapd || ls /usr/sbin/slapd 2>/dev/null || true)
fi
[ -n "$SLAPD" ] || fail "slapd not found after installation"
command -v ldapsearch >/dev/null || fail "ldapsearch not found after installation"
echo "slapd-setup: ready: $("$SLAPD" -VV 2>&1 | head -n 1)"
