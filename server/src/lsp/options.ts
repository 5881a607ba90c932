import type { ExchangeContext } from '../core/catalog';
import type { ProjectSettings } from '../core/projectConfig';
import type { Diagnostic } from '../core/types';
import type { ExportLoad } from '../preview/load';

/** What the host (Node process or browser worker) gives the language server: where the documentation is, and how to read files. */
export interface ServerOptions {
  /** URI of the folder of the codes' documentation pages (`<code>.md`), when the client names none. */
  codeDocsUri?: string;
  /**
   * Reads an organisation's catalog file (a relative path is resolved against the workspace folder URI given); with
   * `confineTo` (workspace folder URIs), a path that resolves outside them, after links, is refused with one message
   * that does not say whether it exists. Errors say why in words, never what the file holds. Absent where there is
   * no file system (the browser).
   */
  readFile?: (path: string, workspaceUri?: string, confineTo?: readonly string[]) => string;
  /** Reads the bytes of a document that is not open in the editor, by URI (confined as readFile); absent in the browser. */
  readUri?: (uri: string, confineTo?: readonly string[]) => Uint8Array;
  /**
   * Finds the directory export of exchangeConfig.directoryExport (resolved and confined as readFile) without reading
   * it: `version` changes with the file's path and modification time, `read` reads its bytes. Absent in the browser.
   */
  openExport?: (path: string, workspaceUri?: string, confineTo?: readonly string[]) => { version: string; read: () => Uint8Array };
  /**
   * Loads a directory export off the server's thread (Node: a worker thread). Absent: the export is loaded on the
   * server's thread in pieces, yielding between them (preview/load.ts).
   */
  loadExport?: (bytes: Uint8Array, context?: Pick<ExchangeContext, 'extraGcAttributes'>) => ExportLoad;
  /**
   * The project configuration file (.exchange-config.json) that applies to a document: the nearest one upward from
   * it, up to a workspace folder (`workspaceFolders`) or a folder holding .git. Absent in the browser.
   */
  projectConfig?: (uri: string, workspaceFolders: readonly string[]) => ProjectConfigForUri | undefined;
  /** Configuration files were created, changed or deleted: what was found and read is forgotten. */
  projectConfigChanged?: () => void;
}

export interface ProjectConfigForUri {
  /** The configuration file. */
  configUri: string;
  /** Its folder, against which its relative paths resolve. */
  dirUri: string;
  /** The settings for the document (overrides applied); {} when the file is not used (a syntax error). */
  settings: ProjectSettings;
  /** The document matches the file's ignorePatterns. */
  ignored: boolean;
  /** The file's problems, with their positions in it. */
  problems: Diagnostic[];
}
