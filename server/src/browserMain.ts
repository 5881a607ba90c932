/**
 * Browser (web worker) entry of the language server, for VS Code for the Web: no file system, so organisation
 * catalog files and documents that are not open are not read. Diagnostics link to the codes' documentation pages
 * when the client names where they are (the VS Code client passes its extension's docs/codes folder).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

// In a worker, `self` is the worker's global scope; the server's lib is ES2022 only, so it is declared here.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, {});
