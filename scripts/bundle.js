#!/usr/bin/env node
/**
 * Bundles the extension with esbuild into dist/: the desktop client and Node server, the command-line linter, and the
 * VS Code for the Web client and its web-worker server. Built from the TypeScript sources (esbuild strips types; `tsc -b` checks them).
 * Usage: node scripts/bundle.js [--minify]
 */
'use strict';
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const minify = process.argv.includes('--minify');
// jsonc-parser's "main" is a UMD module whose require calls esbuild cannot follow; its ES module build bundles.
const alias = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };
const common = { bundle: true, sourcemap: true, minify, target: 'es2022', logLevel: 'warning', absWorkingDir: root, alias };

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs' },
  // The worker thread that reads a directory export for the server (found beside dist/server.js).
  { entryPoints: ['server/src/node/exportWorker.ts'], outfile: 'dist/exportWorker.js', platform: 'node', format: 'cjs' },
  // The command-line linter, self-contained so that an installed package needs neither a build nor dependencies.
  // (Some dependencies ship only ES modules that read import.meta.url, which a CommonJS bundle must supply.)
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    define: { 'import.meta.url': '__bundleFileUrl' },
    banner: { js: "const __bundleFileUrl = require('url').pathToFileURL(__filename).href;" },
  },
  {
    entryPoints: ['client/src/browserExtension.ts'],
    outfile: 'dist/browserExtension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
  },
  {
    entryPoints: ['server/src/browserMain.ts'],
    outfile: 'dist/browserServer.js',
    platform: 'browser',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
  },
];

async function main() {
  const started = Date.now();
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b, metafile: true })));
  const sizes = results.map((r, i) => {
    const out = r.metafile.outputs[builds[i].outfile];
    return `${builds[i].outfile} ${(out.bytes / 1024).toFixed(0)} KB`;
  });
  if (!process.argv.includes('--quiet')) console.log(`bundled in ${Date.now() - started} ms: ${sizes.join(', ')}`);
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
