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

const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg']);

export interface FileList {
  files: string[];
  /** One line per problem: an unreadable path, or (unless allowed) an argument that matched no file. */
  errors: string[];
}

/** The first 64 KB of a file, decoded, for recognising an .ini by its content; '' when it cannot be read. */
function headOf(file: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(65536);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return decodeBytes(buf.subarray(0, n)).text;
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether a file found in a folder or by a pattern is one this tool checks (by name; an .ini by its content). */
function understood(file: string): boolean {
  const name = path.basename(file);
  // An .ini of any name (setup.ini included) is an Exchange answer file only when its content says so.
  return (/\.ini$/i.test(name) ? languageForFile(name, headOf(file)) : languageForFile(name)) !== undefined;
}

function walk(dir: string, out: string[], errors: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push(`${dir}: cannot read folder: ${describeError(e)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, out, errors);
    } else if (entry.isFile() && understood(full)) {
      out.push(full);
    }
  }
}

/** A file system error in words, without a stack or an errno prefix. */
export function describeError(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return (e as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
  }
}

/** Posix-style path relative to the current folder, as .gitignore patterns are matched. */
function ignoreKey(file: string): string | undefined {
  const rel = path.relative(process.cwd(), path.resolve(file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

export function listFiles(args: readonly string[], ignorePatterns: readonly string[], errorOnUnmatched: boolean): FileList {
  const ig = ignore().add([...ignorePatterns]);
  const ignored = (file: string): boolean => {
    const key = ignoreKey(file);
    return key !== undefined && ig.ignores(key);
  };
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    let found: string[] = [];
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch (e) {
      if (!isDynamicPattern(arg.split(path.sep).join('/'))) {
        errors.push(`${arg}: cannot read: ${describeError(e)}`);
        continue;
      }
    }
    if (stat?.isDirectory()) walk(arg, found, errors);
    else if (stat) found.push(arg);
    else {
      // A glob pattern; on Windows its backslashes are path separators.
      const pattern = path.sep === '\\' ? arg.split('\\').join('/') : arg;
      found = globSync(pattern, { onlyFiles: true, dot: false, ignore: [...SKIP_DIRS].map((d) => `**/${d}/**`), expandDirectories: false })
        .sort()
        .filter(understood);
    }
    found = found.filter((f) => !ignored(f));
    if (found.length === 0) {
      if (errorOnUnmatched) errors.push(`${arg}: no file to check (${stat?.isDirectory() ? 'the folder holds none this tool understands' : stat ? 'ignored by --ignore-pattern' : 'the pattern matches none this tool understands'}); use --no-error-on-unmatched-pattern if that is expected`);
      continue;
    }
    for (const f of found) {
      const key = path.resolve(f);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(f);
    }
  }
  return { files, errors };
}
