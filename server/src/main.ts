/** Node entry of the language server: `--stdio` or `--node-ipc` (chosen by vscode-languageserver from argv). */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Connection, createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { FrameGuard } from './lsp/frames';
import { exportWorkerScript, loadExportInWorker } from './node/exportLoader';
import { startServer } from './server';
import { allCodes } from './core/codes';
import { ProjectConfigFinder } from './node/projectConfig';
import { displayPath, isInside, MAX_CATALOG_BYTES, MAX_DOCUMENT_BYTES, OUTSIDE_WORKSPACE, readRegularFile, UnreadableFileError, unreadableReason, uriToPath } from './node/files';

const args = process.argv.slice(2);
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe=') || a.startsWith('--clientProcessId'))) {
  process.stderr.write('Usage: exchange-config-language-server --stdio | --node-ipc\n');
  process.exit(2);
}

// The codes' documentation pages, from out/server/src/main.js (tsc output) or dist/server.js (the bundle, in the .vsix
// and the npm package); the VS Code client names its own copy, which takes precedence.
const codeDocs = [path.join(__dirname, '..', '..', '..', 'docs', 'codes'), path.join(__dirname, '..', 'docs', 'codes')].find((f) => fs.existsSync(path.join(f, 'README.md')));
const connection = args.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);

/**
 * Over stdio, the input goes through a guard that passes on only well-formed frames, so that a malformed frame cannot
 * leave the server deaf (see lsp/frames.ts); what it drops is said on stderr, which clients show in their log.
 */
function stdioConnection(): Connection {
  const guard = new FrameGuard((problem) => process.stderr.write(`exchange-config-language-server: malformed input: ${problem}\n`));
  process.stdin.pipe(guard);
  const c = createConnection(ProposedFeatures.all, new StreamMessageReader(guard), new StreamMessageWriter(process.stdout));
  // As vscode-languageserver does for --stdio: console output must not corrupt the protocol stream on stdout.
  console.log = (...a: unknown[]) => c.console.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => c.console.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => c.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => c.console.error(a.map(String).join(' '));
  return c;
}
// Found and read once until a configuration file changes (the server is told, and forgets everything).
const projectConfigs = new ProjectConfigFinder(() => allCodes().keys());
let projectRoots = '';
startServer(connection, {
  projectConfig: (uri, workspaceFolders) => {
    const file = uriToPath(uri);
    if (file === undefined) return undefined;
    const roots = localFolders(workspaceFolders);
    if (JSON.stringify(roots) !== projectRoots) {
      projectRoots = JSON.stringify(roots);
      projectConfigs.setRoots(roots);
    }
    const found = projectConfigs.forFile(displayPath(file));
    if (!found) return undefined;
    return {
      configUri: pathToFileURL(found.loaded.file).href,
      dirUri: pathToFileURL(found.loaded.dir).href,
      settings: found.settings,
      ignored: found.ignored,
      problems: found.loaded.problems.map((p) => p.diagnostic),
    };
  },
  projectConfigChanged: () => projectConfigs.clear(),
  codeDocsUri: codeDocs ? pathToFileURL(codeDocs).toString() : undefined,
  readFile: (file, workspaceUri, confineTo) => {
    const base = workspaceUri?.startsWith('file:') ? fileURLToPath(workspaceUri) : process.cwd();
    const resolved = path.resolve(base, file);
    if (confineTo && !isInside(resolved, localFolders(confineTo))) throw new UnreadableFileError('outside', OUTSIDE_WORKSPACE);
    return readRegularFile(resolved, MAX_CATALOG_BYTES).toString('utf8');
  },
  readUri: (uri, confineTo) => {
    const file = uriToPath(uri);
    if (file === undefined) throw new UnreadableFileError('not-found', 'only files on this computer can be read');
    if (confineTo && !isInside(displayPath(file), localFolders(confineTo))) {
      throw new UnreadableFileError('outside', OUTSIDE_WORKSPACE);
    }
    return readRegularFile(file, MAX_DOCUMENT_BYTES);
  },
  openExport: (file, workspaceUri, confineTo) => {
    const base = workspaceUri?.startsWith('file:') ? fileURLToPath(workspaceUri) : process.cwd();
    const resolved = path.resolve(base, file);
    if (confineTo && !isInside(resolved, localFolders(confineTo))) throw new UnreadableFileError('outside', OUTSIDE_WORKSPACE);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(resolved);
    } catch (e) {
      throw new UnreadableFileError('error', unreadableReason(e));
    }
    if (!stat.isFile()) throw new UnreadableFileError('not-a-file', stat.isDirectory() ? 'it is a folder' : 'it is not a regular file (a device, pipe or socket)');
    return { version: `${resolved}\0${stat.mtimeMs}\0${stat.size}`, read: () => readRegularFile(resolved, MAX_DOCUMENT_BYTES) };
  },
  loadExport: (bytes, context) => loadExportInWorker(exportWorkerScript(__dirname), bytes, context),
});

/** The local paths of workspace folder URIs (others are dropped: nothing on disk is inside them). */
function localFolders(uris: readonly string[]): string[] {
  return uris.flatMap((u) => {
    const p = uriToPath(u);
    return p === undefined ? [] : [displayPath(p)];
  });
}
