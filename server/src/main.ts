/** Node entry of the language server: `--stdio` or `--node-ipc` (chosen by vscode-languageserver from argv). */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const args = process.argv.slice(2);
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe=') || a.startsWith('--clientProcessId'))) {
  process.stderr.write('Usage: exchange-config-language-server --stdio | --node-ipc\n');
  process.exit(2);
}

// From out/server/src/main.js (tsc output) or dist/server.js (the bundle); vsce stores the README as readme.md.
const readme = [path.join(__dirname, '..', '..', '..', 'README.md'), path.join(__dirname, '..', 'README.md'), path.join(__dirname, '..', 'readme.md')].find((f) => fs.existsSync(f));
const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  docsUri: readme ? pathToFileURL(readme).toString() : undefined,
  readFile: (file, workspaceUri) => {
    const base = workspaceUri?.startsWith('file:') ? fileURLToPath(workspaceUri) : process.cwd();
    return fs.readFileSync(path.resolve(base, file), 'utf8');
  },
  readUri: (uri) => fs.readFileSync(fileURLToPath(uri)),
});
