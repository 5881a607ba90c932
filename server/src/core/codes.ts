import { DiagnosticTag, Severity } from './types';

/** One entry per diagnostic code, each documented by docs/codes/<code>.md. Codes are permanent identifiers: never rename or reuse one. */
export interface CodeInfo {
  severity: Severity;
  /** One line for the index of the code pages (docs/codes/README.md) and for tooling: what the code reports. */
  summary: string;
  tags?: DiagnosticTag[];
  /**
   * The finding needs another file (a boot.ini beside an export, a directory export): a run without it says nothing
   * about it, so suppression comments naming the code are never reported as unused.
   */
  needsOtherFiles?: boolean;
}

const registry = new Map<string, CodeInfo>();

export function defineCodes(codes: Record<string, CodeInfo>): void {
  for (const [code, info] of Object.entries(codes)) {
    if (registry.has(code)) throw new Error(`diagnostic code defined twice: ${code}`);
    registry.set(code, info);
  }
}

export function codeInfo(code: string): CodeInfo {
  const info = registry.get(code);
  if (!info) throw new Error(`unknown diagnostic code: ${code}`);
  return info;
}

export function allCodes(): ReadonlyMap<string, CodeInfo> {
  return registry;
}

defineCodes({
  'internal-error': { severity: 'error', summary: 'The analysis failed on this file (a defect in this tool); other files are not affected.' },
});
