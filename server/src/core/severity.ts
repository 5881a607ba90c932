import { Diagnostic, Severity } from './types';

export type SeverityOverride = Severity | 'off';

export const SEVERITY_OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Applies per-code severity overrides; 'off' removes the diagnostic. Unknown levels are ignored. */
export function applySeverityOverrides(diags: Diagnostic[], overrides: Readonly<Record<string, string>> | undefined): Diagnostic[] {
  if (!overrides || Object.keys(overrides).length === 0) return diags;
  const out: Diagnostic[] = [];
  for (const d of diags) {
    const o = overrides[d.code];
    if (o === 'off') continue;
    if (o && (SEVERITY_OVERRIDES as readonly string[]).includes(o)) out.push({ ...d, severity: o as Severity });
    else out.push(d);
  }
  return out;
}
