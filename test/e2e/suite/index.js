// extensionTestsPath of the extension-host suite: VS Code's extension host loads this file and awaits run().
// Runs every *.test.js here with mocha (tdd) and writes a one-line summary to $E2E_RESULTS for test/e2e/run.js.
'use strict';
const path = require('path');
const fs = require('fs');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000 });
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const summary = `${runner.stats.passes} passed, ${runner.stats.failures} failed`;
      if (process.env.E2E_RESULTS) fs.writeFileSync(process.env.E2E_RESULTS, summary + '\n');
      failures ? reject(new Error(`${failures} extension-host tests failed.`)) : resolve();
    });
  });
};
