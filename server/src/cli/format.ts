/** Output formats of exchange-config-lint. The JSON shape is an interface: only add to it. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { allCodes } from '../core/codes';
import { Diagnostic, Severity } from '../core/types';

export interface FileResult {
  file: string;
  languageId: string;
  diagnostics: Diagnostic[];
  /** --directory, .ldapfilter: the preview of the file's filter. */
  preview?: FilterPreview;
  /** --directory, LDIF: the preview of each query-based group record. */
  previews?: GroupPreviewSummary[];
}

export interface FilterPreview {
  directory: string;
  matched: number;
  total: number;
  /** What the preview could not settle (omitted when nothing). */
  notes?: string[];
  /** The filter is not run (syntax errors). */
  error?: string;
}

export interface GroupPreviewSummary extends Omit<FilterPreview, 'directory'> {
  line: number;
  dn: string;
  directory: string;
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
  return `${JSON.stringify(
    results.map((r) => {
      const o: Record<string, unknown> = { file: r.file, languageId: r.languageId, diagnostics: r.diagnostics.map(jsonDiagnostic) };
      if (r.preview) o.preview = r.preview;
      if (r.previews) o.previews = r.previews;
      return o;
    }),
    null,
    2,
  )}\n`;
}

export function formatText(results: FileResult[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let out = '';
  for (const r of results) {
    for (const d of r.diagnostics) {
      counts[d.severity]++;
      out += `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}\n`;
    }
    if (r.preview) out += `${r.file}: preview: ${previewText(r.preview)}\n`;
    for (const p of r.previews ?? []) out += `${r.file}:${p.line}: preview of ${p.dn}: ${previewText(p)}\n`;
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  out += `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')} in ${plural(results.length, 'file')}\n`;
  return out;
}

function previewText(p: FilterPreview): string {
  if (p.error) return `not run: ${p.error}`;
  const notes = p.notes?.length ? ` Note: ${p.notes.join(' ')}` : '';
  return `${p.matched} of ${p.total} objects in ${p.directory} match.${notes}`;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * Where a result's file is, as SARIF wants it: a URI reference relative to %SRCROOT% (the folder the linter ran in)
 * for files under it, with each path segment percent-encoded ("C:\x.reg" given on Windows, or "a b#1.reg", must not
 * turn into a URI with a scheme or a fragment); a file URL for files elsewhere.
 */
export function sarifArtifactLocation(file: string, cwd: string, pathApi: typeof path = path): { uri: string; uriBaseId?: string } {
  const absolute = pathApi.resolve(cwd, file);
  const relative = pathApi.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !pathApi.isAbsolute(relative)) {
    return { uri: relative.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  // Outside the folder the linter ran in (or on another drive): an absolute file URL.
  const segments = absolute.split(/[\\/]/).map((s, i) => (i === 0 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s)));
  const joined = segments.join('/');
  return { uri: `file://${joined.startsWith('/') ? '' : '/'}${joined}` };
}

/** The folder URI of %SRCROOT%, ending in a slash as SARIF requires. */
function srcRootUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * SARIF 2.1.0 as GitHub code scanning and the SARIF validator accept it. Rules come from the code tables. No help URI
 * is given: the documentation of a code is its page shipped with the tool (docs/codes/<code>.md), which has no stable
 * public address; the rule's summary is its help text instead, naming the page.
 */
export function formatSarif(results: FileResult[], version: string, cwd: string = process.cwd()): string {
  const used = new Set<string>();
  for (const r of results) for (const d of r.diagnostics) used.add(d.code);
  const codes = allCodes();
  const ruleIds = [...used].sort();
  const rules = ruleIds.map((id) => {
    const info = codes.get(id);
    const summary = info?.summary ?? id;
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: summary },
      fullDescription: { text: summary },
      help: { text: `${summary} See docs/codes/${id}.md in the exchange-config-tools package.` },
      defaultConfiguration: { level: SARIF_LEVEL[info?.severity ?? 'warning'] },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'exchange-config-lint', version, semanticVersion: version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRootUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: ruleIds.indexOf(d.code),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: sarifArtifactLocation(r.file, cwd),
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

/** A rule's name in SARIF's PascalCase style, from its code: reg.value-out-of-range -> RegValueOutOfRange. */
function ruleName(code: string): string {
  return code
    .split(/[.-]/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** GitHub Actions workflow commands: one annotation per finding, shown on the pull request's lines. */
export function formatGithub(results: FileResult[]): string {
  const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
  let out = '';
  for (const r of results) {
    const file = r.file.split(path.sep).join('/');
    for (const d of r.diagnostics) {
      const at = `file=${property(file)},line=${d.range.start.line + 1},col=${d.range.start.character + 1},endLine=${d.range.end.line + 1},endColumn=${d.range.end.character + 1}`;
      out += `::${command[d.severity]} ${at},title=${property(d.code)}::${data(d.message)}\n`;
    }
  }
  return out;
}

function xml(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the rest is escaped.
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * JUnit XML as CI servers read it: one test suite per file, one failing test case per error or warning (information
 * and hints are listed as passing cases with their message), a passing case for a file without findings.
 */
export function formatJunit(results: FileResult[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const r of results) {
    const failing = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').length;
    lines.push(`  <testsuite name="${xml(r.file)}" tests="${Math.max(1, r.diagnostics.length)}" failures="${failing}" errors="0">`);
    if (r.diagnostics.length === 0) lines.push(`    <testcase name="${xml(r.file)}" classname="exchange-config-lint" />`);
    for (const d of r.diagnostics) {
      const where = `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const name = `${xml(where)} ${xml(d.code)}`;
      if (d.severity === 'error' || d.severity === 'warning') {
        lines.push(`    <testcase name="${name}" classname="${xml(d.code)}">`);
        lines.push(`      <failure type="${d.severity}" message="${xml(d.message)}">${xml(`${where} ${d.severity} ${d.code} ${d.message}`)}</failure>`);
        lines.push('    </testcase>');
      } else {
        lines.push(`    <testcase name="${name}" classname="${xml(d.code)}"><system-out>${xml(d.message)}</system-out></testcase>`);
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
