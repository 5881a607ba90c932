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

const readme = path.join(__dirname, '..', '..', '..', 'README.md');
const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  docsUri: fs.existsSync(readme) ? pathToFileURL(readme).toString() : undefined,
  readFile: (file, workspaceUri) => {
    const base = workspaceUri?.startsWith('file:') ? fileURLToPath(workspaceUri) : process.cwd();
    return fs.readFileSync(path.resolve(base, file), 'utf8');
  },
  readUri: (uri) => fs.readFileSync(fileURLToPath(uri)),
});
