/**
 * Open documents: the text (source of truth) and the language's parsed form, updated incrementally where the
 * language supports it. A failure inside one language never reaches the others: the document is re-parsed from
 * its text, and if that fails too, the error is reported on that document only.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ContentChange, LanguageService } from '../core/language';
import { languageById, languageForFile } from '../languages';

export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: TextDocument;
  language: LanguageService | undefined;
  parsed: unknown;
  /** Set when the analysis threw; the message is shown as a diagnostic. */
  failure?: string;
  /** The editor's language id is not one of ours (`ini`): the language is chosen by content, again on each change. */
  byContent: boolean;
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();
  private generationCount = 0;

  /**
   * Changes with every open, change, close and failure: caches built over all open documents (the open boot.ini of
   * each folder) compare it instead of looking through every document again.
   */
  get generation(): number {
    return this.generationCount;
  }

  constructor(
    private readonly log: (message: string) => void,
    private readonly resolve: (languageId: string, uri: string, text: string) => LanguageService | undefined = (id, uri, text) =>
      languageById(id) ?? languageForFile(uri, text),
  ) {}

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  open(uri: string, languageId: string, version: number, content: string): OpenDocument {
    this.generationCount++;
    const language = this.resolve(languageId, uri, content);
    const doc: OpenDocument = {
      uri,
      languageId,
      version,
      text: TextDocument.create(uri, languageId, version, content),
      language,
      parsed: undefined,
      byContent: languageById(languageId) === undefined,
    };
    this.reparse(doc);
    this.docs.set(uri, doc);
    return doc;
  }

  change(uri: string, version: number, changes: readonly ({ range?: ContentChange['range']; text: string })[]): OpenDocument | undefined {
    this.generationCount++;
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const applied = applyChanges(doc.text, changes, version);
    const ordered = applied.changes;
    doc.text = applied.text;
    doc.version = version;
    if (doc.byContent) {
      // An .ini edited into an Exchange answer file (or out of one) changes language.
      const language = this.resolve(doc.languageId, uri, doc.text.getText());
      if (language !== doc.language) {
        doc.language = language;
        this.reparse(doc);
        return doc;
      }
    }
    const incremental = ordered.every((c) => c.range !== undefined);
    if (doc.language?.update && incremental && doc.parsed !== undefined && !doc.failure) {
      try {
        doc.parsed = doc.language.update(doc.parsed, ordered as ContentChange[]);
        return doc;
      } catch (e) {
        this.log(`Incremental update of ${uri} failed, parsing it again: ${describe(e)}`);
      }
    }
    this.reparse(doc);
    return doc;
  }

  close(uri: string): void {
    this.generationCount++;
    this.docs.delete(uri);
  }

  /**
   * Analysing the document threw after it was parsed: its parsed form may be inconsistent, so the next change parses
   * the text again from scratch, and until then the message is shown as its diagnostic.
   */
  fail(doc: OpenDocument, message: string): void {
    this.generationCount++;
    doc.failure = message;
  }

  private reparse(doc: OpenDocument): void {
    doc.failure = undefined;
    if (!doc.language) {
      doc.parsed = undefined;
      return;
    }
    try {
      doc.parsed = doc.language.parse(doc.text.getText());
    } catch (e) {
      doc.parsed = undefined;
      doc.failure = describe(e);
      this.log(`Parsing ${doc.uri} failed: ${doc.failure}`);
    }
  }
}

/**
 * The changes applied to the text, and the same changes as the incremental parsers must see them: a range given end
 * first is taken start first, and positions past the end of a line (or between a CR and its LF) are moved where the
 * text model puts them. vscode-languageserver-textdocument 1.0.12 keeps wrong line offsets when an edit joins a CR with
 * an LF (or splits such a pair), so that later positions land in the wrong place: where an edit touches a CR or LF at
 * its edges, the line offsets are computed afresh from the text.
 */
export function applyChanges(
  text: TextDocument,
  changes: readonly { range?: ContentChange['range']; text: string }[],
  version: number,
): { text: TextDocument; changes: { range?: ContentChange['range']; text: string }[] } {
  let current = text;
  const applied: { range?: ContentChange['range']; text: string }[] = [];
  for (const change of changes) {
    let rebuild = false;
    let normalized = change;
    if (change.range) {
      const old = current.getText();
      let start = current.offsetAt(change.range.start);
      let end = current.offsetAt(change.range.end);
      if (end < start) [start, end] = [end, start];
      normalized = { range: { start: current.positionAt(start), end: current.positionAt(end) }, text: change.text };
      rebuild = old[start - 1] === '\r' || old[end] === '\n' || change.text.startsWith('\n') || change.text.endsWith('\r');
    }
    applied.push(normalized);
    current = TextDocument.update(current, [normalized] as Parameters<typeof TextDocument.update>[1], version);
    if (rebuild) current = TextDocument.create(current.uri, current.languageId, version, current.getText());
  }
  return { text: current, changes: applied };
}

export function describe(e: unknown): string {
  return e instanceof Error ? `${e.message}${e.stack ? `\n${e.stack}` : ''}` : String(e);
}
