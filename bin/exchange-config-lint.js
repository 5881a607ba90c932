#!/usr/bin/env node
'use strict';
// The bundled linter (dist/cli.js, in an installed package and after `npm run bundle`), else the tsc output of a
// development checkout (out/, after `npm run build`).
const { load } = require('./load.js');
load('exchange-config-lint', '../dist/cli.js', '../out/server/src/cli/main.js').main();
