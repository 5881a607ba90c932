/** Runs exchange-config-lint in-process and collects what it prints. */
import { run } from '../../server/src/cli/main';

export function lint(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

/** The documented `--format json` shape. */
export interface JsonResult {
  file: string;
  languageId: string;
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    relatedInformation?: { uri?: string; message: string; range: unknown }[];
  }[];
}
