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
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

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
    const language = this.resolve(languageId, uri, content);
    const doc: OpenDocument = {
      uri,
      languageId,
      version,
      text: TextDocument.create(uri, languageId, version, content),
      language,
      parsed: undefined,
    };
    this.reparse(doc);
    this.docs.set(uri, doc);
    return doc;
  }

  change(uri: string, version: number, changes: readonly ({ range?: ContentChange['range']; text: string })[]): OpenDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    doc.text = TextDocument.update(doc.text, changes as Parameters<typeof TextDocument.update>[1], version);
    doc.version = version;
    const incremental = changes.every((c) => c.range !== undefined);
    if (doc.language?.update && incremental && doc.parsed !== undefined && !doc.failure) {
      try {
        doc.parsed = doc.language.update(doc.parsed, changes as ContentChange[]);
        return doc;
      } catch (e) {
        this.log(`Incremental update of ${uri} failed, parsing it again: ${describe(e)}`);
      }
    }
    this.reparse(doc);
    return doc;
  }

  close(uri: string): void {
    this.docs.delete(uri);
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

export function describe(e: unknown): string {
  return e instanceof Error ? `${e.message}${e.stack ? `\n${e.stack}` : ''}` : String(e);
}
