'use strict';
const fs = require('fs');
const path = require('path');

/**
 * Loads the newest build of a program: the bundle in dist/ (what an installed package has) or, in a development
 * checkout, the tsc output in out/ when it was built after the bundle. Without any build, says how to make one and
 * exits with 2 (usage or I/O failure), never 1, which the linter uses for "errors found".
 */
function load(name, ...candidates) {
  let newest;
  for (const candidate of candidates) {
    const file = path.join(__dirname, candidate);
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (!newest || stat.mtimeMs > newest.mtimeMs) newest = { file, mtimeMs: stat.mtimeMs };
  }
  if (newest) return require(newest.file);
  process.stderr.write(`${name}: this copy has not been built. In the project folder run: npm ci && npm run build && npm run bundle\n`);
  process.exit(2);
}

module.exports = { load };
