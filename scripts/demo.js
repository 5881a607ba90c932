#!/usr/bin/env node
'use strict';
// Runs the linter over the bundled examples. The examples contain mistakes on purpose, so findings
// (exit status 1) are the expected outcome; only a usage or I/O failure (2) fails the demo.
const { run } = require('../out/server/src/cli/main.js');
const path = require('path');
const examples = path.join(__dirname, '..', 'examples');
// The query-based groups of the examples are previewed against a generated export of the organisation's recipients
// (examples/qbdg/recipients.ldf, from scripts/generate-recipients.js): "preview:" lines say who gets their mail.
const directory = path.relative(process.cwd(), path.join(examples, 'qbdg', 'recipients.ldf'));
const status = run([path.relative(process.cwd(), examples) || '.', '--directory', directory, ...process.argv.slice(2)], (s) => process.stdout.write(s), (s) => process.stderr.write(s));
if (status === 1) process.stdout.write('\nThe examples contain these mistakes on purpose; docs/codes/<code>.md says what each code means.\n');
process.exitCode = status === 2 ? 2 : 0;
