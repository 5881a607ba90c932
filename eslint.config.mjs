// Lint of the language server's sources (`npm run lint`, the first step of `npm test`). Two kinds of rules, all
// errors; style rules are deliberately not enabled:
// - regular-expression safety: the rules that find patterns whose matching time can grow faster than the input
//   (catastrophic backtracking);
// - architecture (docs/design.md): the layers as import restrictions, and no import cycles.
import { defineConfig } from 'eslint/config';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const SRC = './server/src';
const LANGUAGES = ['reg', 'bootini', 'ldapfilter', 'ldif', 'setupini'];
/** Languages that embed another one: LDIF exports carry query-based group filters (msExchDynamicDLFilter). */
const EMBEDS = { ldif: ['ldapfilter'] };
/** The hosts: the language server (server.ts, lsp/, the entries main.ts and browserMain.ts), the CLI and the Node file reader. */
const HOSTS = [`${SRC}/server.ts`, `${SRC}/main.ts`, `${SRC}/browserMain.ts`, `${SRC}/lsp`, `${SRC}/cli`, `${SRC}/node`];
/** Above the languages and below the hosts: checks across files of several languages, and the group preview. */
const ACROSS = [`${SRC}/checks`, `${SRC}/preview`];

const zones = [
  {
    target: `${SRC}/core`,
    from: [`${SRC}/languages`, ...ACROSS, ...HOSTS, `${SRC}/protocol.ts`],
    message: 'core/ is the bottom layer: it knows no language, no check across files and no host.',
  },
  ...LANGUAGES.map((id) => ({
    target: `${SRC}/languages/${id}`,
    from: [
      ...LANGUAGES.filter((other) => other !== id && !(EMBEDS[id] ?? []).includes(other)).map((other) => `${SRC}/languages/${other}`),
      `${SRC}/languages/index.ts`,
      ...ACROSS,
      ...HOSTS,
      `${SRC}/protocol.ts`,
    ],
    message: 'A language imports core/ and itself only (see docs/design.md for the one exception, LDIF embedding LDAP filters).',
  })),
  {
    target: ACROSS,
    from: [...HOSTS, `${SRC}/protocol.ts`],
    message: 'Checks across files and the preview are analysis: they know no host and no protocol.',
  },
];

export default defineConfig(
  {
    files: ['server/src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { regexp, 'import-x': importX, '@typescript-eslint': tseslint.plugin },
    settings: {
      // The import graph is followed through TypeScript files (parsed as ESLint parses them) and resolved as tsc does.
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignoreSticky: false, ignorePartial: false }],
      'regexp/no-misleading-capturing-group': ['error', { reportBacktrackingEnds: true }],
      'regexp/optimal-quantifier-concatenation': 'error',
      'regexp/no-useless-backreference': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-require-imports': 'error',
    },
  },
  {
    // Only the hosts speak LSP.
    files: ['server/src/core/**/*.ts', 'server/src/languages/**/*.ts', 'server/src/checks/**/*.ts', 'server/src/preview/**/*.ts', 'server/src/protocol.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'],
              message: 'Only the hosts (server.ts, lsp/, main.ts, browserMain.ts, cli/) import the LSP libraries; the analysis uses core/types.ts.',
            },
          ],
        },
      ],
    },
  },
);
