#!/usr/bin/env node
'use strict';
// The bundled linter (dist/cli.js, in an installed package and after `npm run bundle`), else the tsc output of a
// development checkout (out/, after `npm run build`).
const { load } = require('./load.js');
const { run } = load('exchange-config-lint', '../dist/cli.js', '../out/server/src/cli/main.js');
process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
