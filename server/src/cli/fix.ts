/**
 * --fix and --fix-dry-run: the preferred fixes of a file (the same ones as Fix All in the editor), applied to its text
 * and written back in its own encoding. A file is rewritten only when its bytes decode and encode back exactly, so
 * that every byte outside the edited text stays as it was; the write is atomic (a temporary file renamed over it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeBytes, EncodingName, encodeText, roundTrips } from '../core/encoding';
import { fixAllEdits } from '../core/fixAll';
import { suppressIn } from '../core/suppress';
import { AnalyzeOptions, LanguageService } from '../core/language';

/** ESLint's limit: fixes can make new findings with fixes of their own, but never loop for ever. */
const MAX_PASSES = 10;

export interface FixResult {
  /** The file's new bytes, or undefined when nothing changed or the file cannot be fixed. */
  bytes?: Uint8Array;
  /** How many edits were applied over all passes. */
  edits: number;
  /** Why fixes found could not be written (stderr, exit 2). */
  problem?: string;
  /** The text before and after, for --fix-dry-run. */
  before: string;
  after: string;
}

export function fixText(language: LanguageService, bytes: Uint8Array, options: AnalyzeOptions, encoding: EncodingName | undefined): FixResult {
  const decoded = decodeBytes(bytes, encoding);
  let text = decoded.text;
  let count = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const current = pass === 0 ? decoded : { ...decoded, text };
    const doc = language.parse(text, { ...options, decoded: current });
    // Suppressed findings are left as they are, as in the editor's Fix All.
    const found = suppressIn(language, text, language.validate(doc, { ...options, decoded: current }), { severityOverrides: options.severityOverrides });
    const edits = fixAllEdits(language, doc, found);
    if (edits.length === 0) break;
    text = TextDocument.applyEdits(TextDocument.create('file:///fix', language.id, 0, text), edits);
    count += edits.length;
  }
  const result: FixResult = { edits: count, before: decoded.text, after: text };
  if (text === decoded.text) return result;
  if (!roundTrips(bytes, decoded)) {
    result.problem = `not fixed: its bytes do not read back exactly as ${decoded.encoding}${decoded.truncated ? ' (an odd number of bytes)' : ''}, so rewriting it could change more than the fixes`;
    return result;
  }
  const out = encodeText(text, decoded);
  if (!out) result.problem = `not fixed: a fix adds a character that ${decoded.encoding} cannot hold`;
  else result.bytes = out;
  return result;
}

/** Writes the bytes over the file through a temporary file in the same folder, keeping the file's permissions. */
export function writeAtomically(file: Buffer | string, bytes: Uint8Array): void {
  const mode = fs.statSync(file).mode;
  const suffix = `.${process.pid}.fix.tmp`;
  const temp = typeof file === 'string' ? `${file}${suffix}` : Buffer.concat([file, Buffer.from(suffix)]);
  try {
    fs.writeFileSync(temp, bytes, { mode });
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** A unified diff of one file's fixes, with paths as git prints them. */
export function fixDiff(file: string, before: string, after: string): string {
  const name = file.split(path.sep).join('/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 2 });
}
