import { ExchangeContext } from './catalog';
import { RegistryCatalogIndex } from './catalogIndex';
import { Decoded } from './encoding';
import { Diagnostic, Position, Range, TextEdit } from './types';

export type SymbolKind = 'namespace' | 'property' | 'key' | 'object';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

export interface Hover {
  /** Markdown. */
  contents: string;
  range: Range;
}

export type CompletionKind = 'key' | 'value' | 'keyword' | 'snippet' | 'enum' | 'folder';

/** One completion proposal, independent of any editor protocol. */
export interface CompletionItem {
  label: string;
  /** key: a registry key (path segment with values); folder: an intermediate path segment; value: a value name; enum: one documented datum. */
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert (default: the label); a snippet in LSP/TextMate syntax when isSnippet is set. */
  insertText?: string;
  isSnippet?: boolean;
  /** The single-line range the insert text replaces (it contains the position); without it, the host's word range. */
  range?: Range;
  /** What the client filters on: the text from range.start to the cursor is matched against it. */
  filterText?: string;
  sortText?: string;
  /** Obsolete setting: shown struck through. */
  deprecated?: boolean;
}

export interface ContentChange {
  range: Range;
  text: string;
}

export interface AnalyzeOptions {
  /** How the host decoded the file's bytes, when it read them itself (the CLI does; an editor does not say). */
  decoded?: Decoded;
  /** At most this many diagnostics, counted after severity overrides (codes turned off do not count). */
  maxDiagnostics?: number;
  /** Severity per code; 'off' drops the code. */
  severityOverrides?: Readonly<Record<string, string>>;
  /** The server the file belongs to and the registry catalog to check it against (default: Exchange 2003, built-in catalog). */
  exchange?: ExchangeKnowledge;
}

export interface ExchangeKnowledge {
  context: ExchangeContext;
  registry: RegistryCatalogIndex;
  /**
   * Organisations' own Setup answer-file catalogs (setup-keys.schema.json), added to the built-in one by the setupini
   * language (which checks them and indexes them once per array). Typed unknown so that core does not depend on a
   * language; hosts load them with parseSetupCatalog.
   */
  setupCatalogs?: readonly unknown[];
  /**
   * Check every document of the setupini language as an Exchange Setup answer file, whatever its content (the
   * exchangeConfig.forceAnswerFile setting; the CLI's --answer-file). Without it only files whose content shows one are.
   */
  forceAnswerFile?: boolean;
}

/** A fix for one diagnostic: minimal edits to the document. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obviously right fix; fix-all applies only these. */
  isPreferred?: boolean;
}

/** How a language writes comment lines (where suppression directives are read; core/suppress.ts). */
export interface CommentSyntax {
  marker: ';' | '#';
  /** Blanks may come before the marker (not in LDIF, where a line starting with a space continues the previous one). */
  indented: boolean;
  /** Lines starting with one space continue the previous line (LDIF, RFC 2849). */
  folded?: boolean;
}

/**
 * Where a quick fix may write a suppression directive: languages give this only where their sources show that the
 * program reading the file ignores the comment line there.
 */
export interface SuppressionPlaces {
  /** Whether a comment line may be inserted before this line. */
  beforeLine(line: number): boolean;
  /** The line before which a file-wide directive is inserted (the line count appends it), or undefined when none may be. */
  fileLine: number | undefined;
}

/** What every language offers the hosts. A parsed document is opaque to them. */
export interface LanguageService<Doc = unknown> {
  readonly id: string;
  /** File names this language claims (lower-case extensions with the dot, or exact lower-case names). */
  readonly extensions: readonly string[];
  parse(text: string, options?: AnalyzeOptions): Doc;
  /** Applies edits incrementally; languages without it are re-parsed. */
  update?(doc: Doc, changes: readonly ContentChange[]): Doc;
  validate(doc: Doc, options?: AnalyzeOptions): Diagnostic[];
  hover(doc: Doc, position: Position, options?: AnalyzeOptions): Hover | undefined;
  /** Completion proposals at a position; [] when there is nothing to propose. Never throws. */
  complete?(doc: Doc, position: Position, options?: AnalyzeOptions): CompletionItem[];
  /** Fixes for a diagnostic this language reported on the same document state. */
  fixes?(doc: Doc, diagnostic: Diagnostic): Fix[];
  /** The whole document laid out again (document formatting), or undefined when it cannot be (syntax errors). */
  format?(doc: Doc): string | undefined;
  /** A one-line form of the document for pasting elsewhere (an LDAP filter for ADSI Edit). */
  oneLine?(doc: Doc): string | undefined;
  symbols(doc: Doc): DocumentSymbol[];
  folding(doc: Doc): FoldingRange[];
  /** The comment lines suppression directives are read from. */
  readonly comments?: CommentSyntax;
  /** Where quick fixes may write suppression directives; absent or undefined where no source shows a safe place. */
  suppressionPlaces?(doc: Doc): SuppressionPlaces | undefined;
}
