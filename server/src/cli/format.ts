/** Output formats of exchange-config-lint. The JSON shape is an interface: only add to it. */
import { allCodes, codeAnchor } from '../core/codes';
import { Diagnostic, Severity } from '../core/types';

export interface FileResult {
  file: string;
  languageId: string;
  diagnostics: Diagnostic[];
}

function jsonDiagnostic(d: Diagnostic): Record<string, unknown> {
  const out: Record<string, unknown> = {
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
    source: d.source,
  };
  if (d.tags && d.tags.length) out.tags = d.tags;
  if (d.related && d.related.length) out.relatedInformation = d.related;
  return out;
}

export function formatJson(results: FileResult[]): string {
  return `${JSON.stringify(results.map((r) => ({ file: r.file, languageId: r.languageId, diagnostics: r.diagnostics.map(jsonDiagnostic) })), null, 2)}\n`;
}

export function formatText(results: FileResult[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let out = '';
  for (const r of results) {
    for (const d of r.diagnostics) {
      counts[d.severity]++;
      out += `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}\n`;
    }
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  out += `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')} in ${plural(results.length, 'file')}\n`;
  return out;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(results: FileResult[], version: string): string {
  const used = new Set<string>();
  for (const r of results) for (const d of r.diagnostics) used.add(d.code);
  const codes = allCodes();
  const rules = [...used].sort().map((id) => {
    const info = codes.get(id);
    return {
      id,
      shortDescription: { text: info?.summary ?? id },
      helpUri: `README.md#${codeAnchor(id)}`,
      defaultConfiguration: { level: SARIF_LEVEL[info?.severity ?? 'warning'] },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'exchange-config-lint', version, informationUri: 'README.md', rules } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.split('\\').join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
