#!/usr/bin/env node
'use strict';
const { run } = require('../out/server/src/cli/main.js');
process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
