#!/usr/bin/env bash
# One-time setup of the Emacs suite (test/e2e/emacs): Debian's emacs-nox (Emacs 28.2 on bookworm) and elpa-eglot
# (eglot 1.9), only the ones that are missing. Exits non-zero, with a last line "emacs-setup: failed: <reason>", when
# they cannot be installed: .ci/run then skips the suite.
set -uo pipefail
fail() { echo "emacs-setup: failed: $*" >&2; exit 1; }
# Loads eglot as lsp-test.el does (emacs -Q skips package activation: it activates Debian's elpa packages itself) and
# prints its version.
eglot_version() {
  command -v emacs >/dev/null && emacs -Q --batch --eval '(progn
    (setq package-user-dir (make-temp-name "/nonexistent/")
          package-directory-list (list "/usr/local/share/emacs/site-lisp/elpa" "/usr/share/emacs/site-lisp/elpa"))
    (package-initialize) (require (quote eglot))
    (princ (let ((p (cadr (assq (quote eglot) package-alist)))) (if p (package-version-join (package-desc-version p)) "built-in"))))' 2>/dev/null
}
missing=()
command -v emacs >/dev/null || missing+=(emacs-nox)
eglot_version >/dev/null || dpkg -s elpa-eglot >/dev/null 2>&1 || missing+=(elpa-eglot)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && SUDO="sudo -n"; } || fail "not root and no sudo for apt-get"
  log=$(mktemp)
  export DEBIAN_FRONTEND=noninteractive
  echo "emacs-setup: apt: installing ${missing[*]}"
  $SUDO apt-get update -q >"$log" 2>&1 || { tail -5 "$log" >&2; fail "apt-get update"; }
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1 || { tail -10 "$log" >&2; fail "apt-get install ${missing[*]}"; }
  rm -f "$log"
fi
command -v emacs >/dev/null || fail "emacs not found after the install"
emacs --version | head -n 1 | grep -q '^GNU Emacs \(2[89]\|[3-9][0-9]\)\.' || fail "Emacs 28 or newer needed, found: $(emacs --version | head -n 1)"
version=$(eglot_version) || fail "eglot cannot be loaded (emacs -Q --batch, package-initialize, require eglot)"
echo "emacs-setup: ready: $(emacs --version | head -n 1), eglot ${version}"
