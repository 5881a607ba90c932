/** Conversions from the analysis core's shapes to LSP's. */
import * as lsp from 'vscode-languageserver';
import { CompletionItem, DocumentSymbol, FoldingRange } from '../core/language';
import { Diagnostic } from '../core/types';
import { codeDocsHref } from './codeDocs';

const SEVERITY: Record<Diagnostic['severity'], lsp.DiagnosticSeverity> = {
  error: lsp.DiagnosticSeverity.Error,
  warning: lsp.DiagnosticSeverity.Warning,
  information: lsp.DiagnosticSeverity.Information,
  hint: lsp.DiagnosticSeverity.Hint,
};

/** `codeDocsUri`: the folder of the codes' documentation pages, which the code links to (none without it). */
export function toLspDiagnostic(d: Diagnostic, uri: string, codeDocsUri: string | undefined): lsp.Diagnostic {
  const out: lsp.Diagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: d.source,
    message: d.message,
  };
  if (codeDocsUri) out.codeDescription = { href: codeDocsHref(codeDocsUri, d.code) };
  if (d.tags) {
    out.tags = d.tags.map((t) => (t === 'unnecessary' ? lsp.DiagnosticTag.Unnecessary : lsp.DiagnosticTag.Deprecated));
  }
  if (d.related) out.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message }));
  if (d.data !== undefined) out.data = d.data;
  return out;
}

const SYMBOL_KIND: Record<DocumentSymbol['kind'], lsp.SymbolKind> = {
  namespace: lsp.SymbolKind.Namespace,
  property: lsp.SymbolKind.Property,
  key: lsp.SymbolKind.Key,
  object: lsp.SymbolKind.Object,
};

export function toLspSymbol(s: DocumentSymbol): lsp.DocumentSymbol {
  const out: lsp.DocumentSymbol = {
    name: s.name === '' ? ' ' : s.name,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
  };
  if (s.detail) out.detail = s.detail;
  if (s.children) out.children = s.children.map(toLspSymbol);
  return out;
}

export function toLspFolding(f: FoldingRange): lsp.FoldingRange {
  return { startLine: f.startLine, endLine: f.endLine };
}

const COMPLETION_KIND: Record<CompletionItem['kind'], lsp.CompletionItemKind> = {
  key: lsp.CompletionItemKind.Module,
  folder: lsp.CompletionItemKind.Folder,
  value: lsp.CompletionItemKind.Property,
  keyword: lsp.CompletionItemKind.Keyword,
  snippet: lsp.CompletionItemKind.Snippet,
  enum: lsp.CompletionItemKind.EnumMember,
};

export function toLspCompletion(c: CompletionItem): lsp.CompletionItem {
  const out: lsp.CompletionItem = { label: c.label, kind: COMPLETION_KIND[c.kind] };
  if (c.detail) out.detail = c.detail;
  if (c.documentation) out.documentation = { kind: lsp.MarkupKind.Markdown, value: c.documentation };
  const text = c.insertText ?? c.label;
  if (c.range) out.textEdit = { range: c.range, newText: text };
  else if (c.insertText !== undefined) out.insertText = c.insertText;
  out.insertTextFormat = c.isSnippet ? lsp.InsertTextFormat.Snippet : lsp.InsertTextFormat.PlainText;
  if (c.filterText !== undefined) out.filterText = c.filterText;
  if (c.sortText !== undefined) out.sortText = c.sortText;
  if (c.deprecated) out.tags = [lsp.CompletionItemTag.Deprecated];
  return out;
}
