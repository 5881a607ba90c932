#!/usr/bin/env node
// Runs the Neovim suite (lsp-test.lua): headless Neovim 0.7+ as an LSP client of the built language server over stdio,
// on a temporary copy of examples/, then checks the bytes of the files Neovim wrote after the quick fixes (see
// ../editor-suite.js). Prints "nvim: N passed, N failed" alone on its closing line; exits non-zero when a check fails
// or the run breaks. Needs `nvim` (bash test/e2e/nvim/setup.sh installs Debian's neovim) and a build in out/ (made
// here unless --no-build).
'use strict';
const path = require('path');
const { runEditorSuite, serverOnPath } = require('../editor-suite');

runEditorSuite({
  name: 'nvim',
  editor: 'Neovim',
  binary: 'nvim',
  setup: 'bash test/e2e/nvim/setup.sh',
  // lsp-test.lua uses the README's configuration, which runs the command exchange-config-language-server.
  launch: (tmp) => ({
    command: 'nvim',
    args: ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'lsp-test.lua')}`],
    env: serverOnPath(tmp),
  }),
});
