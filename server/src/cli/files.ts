/**
 * Which files a command line names: files as given, folders searched recursively for the files this tool understands,
 * and glob patterns expanded by the linter itself (cmd.exe and PowerShell do not expand them), minus --ignore-pattern.
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { decodeBytes } from '../core/encoding';
import { languageForFile } from '../languages';
import { displayPath, readHead, unreadableReason } from '../node/files';

const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg']);

/** A file to check: its path (bytes where the name is not UTF-8) and its name for output and patterns. */
export interface FileToCheck {
  path: Buffer | string;
  name: string;
}

export interface FileList {
  files: FileToCheck[];
  /** One line per problem: an unreadable path, or (unless allowed) an argument that matched no file. */
  errors: string[];
}

/** The first 64 KB of a file, decoded, for recognising an .ini by its content; '' when it cannot be read. */
function headOf(file: Buffer | string): string {
  try {
    return decodeBytes(readHead(file, 65536)).text;
  } catch {
    return '';
  }
}

/** Whether a file found in a folder or by a pattern is one this tool checks (by name; an .ini by its content). */
function understood(name: string, file: Buffer | string = name): boolean {
  // An .ini of any name (setup.ini included) is an Exchange answer file only when its content says so.
  const base = path.basename(name);
  return (/\.ini$/i.test(base) ? languageForFile(base, headOf(file)) : languageForFile(base)) !== undefined;
}

const SEP = Buffer.from(path.sep);

/**
 * The files of a folder this tool understands, recursively, in name order. Names are read as bytes, so that a name that
 * is not UTF-8 still opens its file; links are followed, and a folder reached twice (a link loop) is searched once.
 */
function walk(dir: Buffer, out: FileToCheck[], errors: string[], visited: Set<string>, answerFile: (name: string) => boolean): void {
  let entries: fs.Dirent<Buffer>[];
  try {
    const st = fs.statSync(dir);
    const key = `${st.dev}:${st.ino}`;
    if (visited.has(key)) return;
    visited.add(key);
    entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    errors.push(`${displayPath(dir)}: cannot read folder: ${unreadableReason(e)}`);
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  const prefix = dir.length > 0 && dir[dir.length - 1] === SEP[0] ? dir : Buffer.concat([dir, SEP]);
  for (const entry of entries) {
    const full = Buffer.concat([prefix, entry.name]);
    const name = entry.name.toString('utf8');
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link names no file
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(name)) walk(full, out, errors, visited, answerFile);
    } else if (isFile && (understood(name, full) || answerFile(displayPath(full)))) {
      out.push({ path: full, name: displayPath(full) });
    } else if (!isFile && languageForFile(name)) {
      // A pipe, socket or device named like a file this tool understands: reported as unreadable, not skipped silently.
      out.push({ path: full, name: displayPath(full) });
    }
  }
}

/** A file system error in words, without a stack or an errno prefix. */
export function describeError(e: unknown): string {
  return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : unreadableReason(e);
}

/** The absolute path of a file as bytes (in latin1 text), so that the same file named twice is checked once. */
function fileKey(p: Buffer | string): string {
  if (typeof p === 'string') return Buffer.from(path.resolve(p)).toString('latin1');
  return path.isAbsolute(p.toString('latin1')) ? p.toString('latin1') : Buffer.concat([Buffer.from(path.resolve('.')), SEP, p]).toString('latin1');
}

/** Posix-style path relative to the current folder, as .gitignore patterns are matched. */
function ignoreKey(file: string): string | undefined {
  const rel = path.relative(process.cwd(), path.resolve(file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** What the configuration files say of a file found in a folder or by a pattern. */
export interface FileFilter {
  /** Matched by the ignorePatterns of its configuration file. */
  ignored(name: string): boolean;
  /** To be checked as an Exchange Setup answer file whatever its content (forceAnswerFile). */
  answerFile(name: string): boolean;
}

export function listFiles(args: readonly string[], ignorePatterns: readonly string[], errorOnUnmatched: boolean, filter?: FileFilter): FileList {
  const ig = ignore().add([...ignorePatterns]);
  const ignored = (file: string): boolean => {
    const key = ignoreKey(file);
    return (key !== undefined && ig.ignores(key)) || (filter?.ignored(file) ?? false);
  };
  const answerFile = (name: string): boolean => filter?.answerFile(name) ?? false;
  const files: FileToCheck[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const visited = new Set<string>();
  for (const arg of args) {
    let found: FileToCheck[] = [];
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch (e) {
      if (!isDynamicPattern(arg.split(path.sep).join('/'))) {
        errors.push(`${arg}: cannot read: ${describeError(e)}`);
        continue;
      }
    }
    if (stat?.isDirectory()) walk(Buffer.from(arg), found, errors, visited, answerFile);
    else if (stat) found.push({ path: arg, name: arg });
    else {
      // A glob pattern; on Windows its backslashes are path separators.
      const pattern = path.sep === '\\' ? arg.split('\\').join('/') : arg;
      found = globSync(pattern, { onlyFiles: true, dot: false, ignore: [...SKIP_DIRS].map((d) => `**/${d}/**`), expandDirectories: false })
        .sort()
        .filter((f) => understood(f) || answerFile(f))
        .map((f) => ({ path: f, name: f }));
    }
    found = found.filter((f) => !ignored(f.name));
    if (found.length === 0) {
      if (errorOnUnmatched) errors.push(`${arg}: no file to check (${stat?.isDirectory() ? 'the folder holds none this tool understands' : stat ? 'ignored by --ignore-pattern or the ignorePatterns of the configuration file' : 'the pattern matches none this tool understands'}); use --no-error-on-unmatched-pattern if that is expected`);
      continue;
    }
    for (const f of found) {
      const key = fileKey(f.path);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(f);
    }
  }
  return { files, errors };
}
