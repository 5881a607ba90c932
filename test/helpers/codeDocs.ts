/**
 * Reads the documentation pages of the diagnostic codes (docs/codes/<code>.md) and runs their examples through the
 * command-line linter in this process (the same language services the editor uses), so a test can check that the
 * "fires" example really produces the code and the "does not fire" example does not.
 *
 * How a page writes an example (in the sections "Example that fires" and "Example that does not fire"):
 * - a fenced code block, preceded by a paragraph naming the file: "`boot.ini`:" or
 *   "`MAILSRV01.reg`, saved as UTF-8 with a byte order mark:"; several files make one folder (cross-file checks and
 *   the directory preview);
 * - "Setup command line:" before a block: the block is a Setup command line (--check-setup-command-line);
 * - a paragraph starting with "Options:" names command-line options in its first inline code, e.g.
 *   "Options: `--role front-end`";
 * - inside a block, `<NUL>` stands for a NUL character and `<a × 256>` for 256 letters a.
 * .reg, boot.ini and .ini files are written with CRLF line endings (as Windows writes them), the others with LF. A
 * `.exchange-config.json` among the files is the project configuration file of the example's folder.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../server/src/cli/main';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const CODES_DIR = path.join(ROOT, 'docs', 'codes');

export const REQUIRED_SECTIONS = ['What it detects', 'Why it matters', 'Example that fires', 'Example that does not fire', 'How to fix', 'How to suppress', 'Sources'] as const;

export interface Page {
  code: string;
  title: string;
  /** The line under the title: "**Warning** · Registry Editor exports (`.reg`)". */
  lead: string;
  sections: Map<string, string>;
  text: string;
}

export function readPage(file: string): Page {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const title = lines[0];
  const code = /^# `([^`]+)`$/.exec(title)?.[1] ?? '';
  const lead = lines.slice(1).find((l) => l.trim() !== '') ?? '';
  const sections = new Map<string, string>();
  let current: string | undefined;
  let body: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (line.startsWith('```')) inFence = !inFence;
    const m = inFence ? null : /^## (.+)$/.exec(line);
    if (m) {
      if (current !== undefined) sections.set(current, body.join('\n').trim());
      current = m[1];
      body = [];
    } else if (current !== undefined) body.push(line);
  }
  if (current !== undefined) sections.set(current, body.join('\n').trim());
  return { code, title, lead, sections, text };
}

export interface ExampleFile {
  name: string;
  /** As the page shows it, placeholders expanded, line endings not yet applied. */
  text: string;
  encoding: Encoding;
}

export interface Example {
  files: ExampleFile[];
  commandLine?: string;
  options: string[];
}

export type Encoding = 'ansi' | 'utf8' | 'utf8bom' | 'utf16le' | 'utf16le-nobom' | 'utf16be' | 'utf16le-cut';

const ENCODINGS: [RegExp, Encoding][] = [
  [/UTF-8 with a byte order mark/, 'utf8bom'],
  [/UTF-8 without a byte order mark/, 'utf8'],
  [/UTF-16LE without a byte order mark/, 'utf16le-nobom'],
  [/UTF-16BE/, 'utf16be'],
  [/UTF-16LE with a byte order mark and cut short by one byte/, 'utf16le-cut'],
  [/UTF-16LE with a byte order mark/, 'utf16le'],
  [/ANSI/, 'ansi'],
];

function expand(text: string): string {
  return text.replace(/<NUL>/g, '\0').replace(/<(.) × (\d+)>/g, (_m, c: string, n: string) => c.repeat(Number(n)));
}

/** Splits a section body into paragraphs and fenced blocks, in order. */
function blocks(body: string): { kind: 'para' | 'fence'; text: string }[] {
  const out: { kind: 'para' | 'fence'; text: string }[] = [];
  const lines = body.split('\n');
  let para: string[] = [];
  const flush = (): void => {
    if (para.length) out.push({ kind: 'para', text: para.join(' ').trim() });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('```')) {
      flush();
      const start = i + 1;
      i++;
      while (i < lines.length && !lines[i].startsWith('```')) i++;
      out.push({ kind: 'fence', text: lines.slice(start, i).join('\n') });
    } else if (lines[i].trim() === '') flush();
    else para.push(lines[i]);
  }
  flush();
  return out;
}

/** The example of a section: its files (or Setup command line) and options. */
export function readExample(body: string): Example {
  const example: Example = { files: [], options: [] };
  let label: string | undefined;
  for (const b of blocks(body)) {
    if (b.kind === 'para') {
      if (b.text.startsWith('Options:')) {
        const m = /`([^`]+)`/.exec(b.text);
        if (m) example.options.push(...(m[1].match(/"[^"]*"|\S+/g) ?? []).map((s) => s.replace(/^"|"$/g, '')));
      }
      label = b.text;
      continue;
    }
    if (label === undefined) throw new Error('a code block without a paragraph naming its file');
    if (/^Setup command line:$/.test(label)) {
      example.commandLine = b.text.trim();
    } else {
      const name = /^`([^`]+)`/.exec(label)?.[1];
      if (!name || !label.endsWith(':')) throw new Error(`not a file label: ${label}`);
      const encoding = ENCODINGS.find(([re]) => re.test(label!))?.[1] ?? 'ansi';
      example.files.push({ name, text: expand(b.text), encoding });
    }
    label = undefined;
  }
  return example;
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'ansi': return Buffer.from(text, 'latin1');
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16le-nobom': return Buffer.from(text, 'utf16le');
    case 'utf16le-cut': {
      const b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      return b.subarray(0, b.length - 1);
    }
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}

export interface Finding {
  file: string;
  code: string;
  message: string;
}

/** Writes the example's files into a fresh folder and lints it with `exchange-config-lint --format json`. */
export function lintExample(example: Example): Finding[] {
  let out = '';
  let err = '';
  const sink = (s: string): void => { out += s; };
  const errSink = (s: string): void => { err += s; };
  if (example.commandLine !== undefined) {
    run(['--format', 'json', ...example.options, '--check-setup-command-line', example.commandLine], sink, errSink);
    const result = JSON.parse(out) as { diagnostics: { code: string; message: string }[] };
    return result.diagnostics.map((d) => ({ file: '', code: d.code, message: d.message }));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-docs-'));
  try {
    for (const f of example.files) {
      const crlf = /\.(reg|ini)$/i.test(f.name);
      const text = crlf ? f.text.replace(/\r?\n/g, '\r\n') : f.text;
      fs.mkdirSync(path.dirname(path.join(dir, f.name)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.name), encode(text, f.encoding));
    }
    // Options name the example's files as the page shows them (`--directory recipients.ldf`): run inside the folder.
    const cwd = process.cwd();
    process.chdir(dir);
    let status: number;
    try {
      status = run(['--format', 'json', ...example.options, '.'], sink, errSink);
    } finally {
      process.chdir(cwd);
    }
    const results = (out.trim().startsWith('[') ? JSON.parse(out) : []) as { file: string; languageId: string; diagnostics: { code: string; message: string }[] }[];
    // Exit status 2 is a failure, unless it comes from a configuration file of the example with an error (reported as
    // a result of its own).
    if (status === 2 && !results.some((r) => r.languageId === 'jsonc' && r.diagnostics.length > 0)) throw new Error(`exchange-config-lint failed: ${err}`);
    return results.flatMap((r) => r.diagnostics.map((d) => ({ file: r.file, code: d.code, message: d.message })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
