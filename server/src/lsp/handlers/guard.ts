import { describe, DocumentStore, OpenDocument } from '../documents';
import { ServerLog } from '../log';

/**
 * Runs a request on an open, parsed document of one of the languages; the fallback when there is none or the
 * request throws (logged): one language's failure never fails the request.
 */
export function withDoc<T>(store: DocumentStore, log: ServerLog, uri: string, fallback: T, f: (doc: OpenDocument) => T): T {
  const doc = store.get(uri);
  if (!doc || !doc.language || doc.parsed === undefined) return fallback;
  try {
    return f(doc);
  } catch (e) {
    log.error(`Request on ${uri} failed: ${describe(e)}`);
    return fallback;
  }
}
