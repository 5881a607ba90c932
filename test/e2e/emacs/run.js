#!/usr/bin/env node
// Runs the Emacs suite (lsp-test.el): `emacs -Q --batch` with eglot 1.9 (Emacs 28) as an LSP client of the built
// language server over stdio, on a temporary copy of examples/, then checks the bytes of the files Emacs saved after
// the quick fixes (see ../editor-suite.js). Prints "emacs: N passed, N failed" alone on its closing line; exits
// non-zero when a check fails or the run breaks (also when Emacs reports nothing). Needs `emacs` and eglot (bash
// test/e2e/emacs/setup.sh installs Debian's emacs-nox and elpa-eglot) and a build in out/ (made here unless --no-build).
'use strict';
const path = require('path');
const { runEditorSuite, serverOnPath } = require('../editor-suite');

runEditorSuite({
  name: 'emacs',
  editor: 'Emacs',
  binary: 'emacs',
  setup: 'bash test/e2e/emacs/setup.sh',
  // Emacs writes its messages (eglot's "Connected!", "Edit successful!", jsonrpc's) to stderr: shown only when a
  // check failed or the run broke.
  stderrOnFailure: true,
  launch: (tmp) => {
    // lsp-test.el uses the README's configuration, which runs the command exchange-config-language-server.
    return { command: 'emacs', args: ['-Q', '--batch', '-l', path.join(__dirname, 'lsp-test.el')], env: serverOnPath(tmp) };
  },
});
