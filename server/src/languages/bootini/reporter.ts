/** Collects the diagnostics of one boot.ini document, for the checks of validate.ts and exchange.ts. */
import { codeInfo } from '../../core/codes';
import { Diagnostic, lineRange, SOURCE } from '../../core/types';
import { FixSpec } from './edits';

export interface Related {
  line: number;
  start: number;
  end: number;
  message: string;
}

/** Collects diagnostics for one document. */
export class Reporter {
  readonly out: Diagnostic[] = [];

  add(code: string, line: number, start: number, end: number, message: string, extra: { fixes?: FixSpec[]; related?: Related[] } = {}): void {
    const info = codeInfo(code);
    const d: Diagnostic = { range: lineRange(line, start, end), severity: info.severity, code, message, source: SOURCE };
    if (info.tags) d.tags = [...info.tags];
    if (extra.related?.length) d.related = extra.related.map((r) => ({ range: lineRange(r.line, r.start, r.end), message: r.message }));
    if (extra.fixes?.length) d.data = { fixes: extra.fixes };
    this.out.push(d);
  }
}
