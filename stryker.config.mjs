// Mutation testing (StrykerJS): `npm run mutation` for every module of
// server/src/core and server/src/languages, `npm run mutation -- --mutate <file>`
// for one. Not part of `npm test`: a full run takes hours on two cores.
//
// Stryker copies the repository into .stryker-tmp/, inserts the mutants into the
// TypeScript sources, builds them with `tsc -b test` (the server and the tests,
// into out/) and runs the compiled unit tests with mocha, each mutant against
// the tests that cover it only ("perTest"). The TypeScript checker drops mutants
// that do not compile before any test runs. Results are kept in
// reports/stryker-incremental.json (committed): with --incremental only the
// mutants of changed code, or covered by changed tests, are run again.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['server/src/core/**/*.ts', 'server/src/languages/**/*.ts'],
  // The sandbox builds from the sources; stale output is not copied into it.
  ignorePatterns: ['/out', '/dist', '/.vscode-test', '/bench/generated', '*.vsix'],
  buildCommand: 'npx tsc -b test',
  // Stryker adds `// @ts-nocheck` to these files so that the mutants build.
  disableTypeChecks: 'server/src/**/*.ts',
  testRunner: 'mocha',
  mochaOptions: {
    // The unit tests; the packaging test builds a .vsix and the architecture tests read the sources (lint, import
    // graph): they cover no module.
    spec: ['out/test/unit/**/*.test.js'],
    ignore: ['out/test/unit/packaging.test.js', 'out/test/unit/architecture/*.test.js'],
    // Tests on megabyte inputs are too slow on instrumented code (every statement
    // counts its hits) for mocha's timeout; a mutant that makes a parser slow is
    // still caught by timeoutMS.
    grep: '^(?!.*(1 MB of \\*|a 1 MB line|huge line))',
  },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'server/tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Mutants in module-level constants would need every test run again per mutant.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Shared two-core machines: one test process, one checker.
  concurrency: 1,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
