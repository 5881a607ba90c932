/**
 * When documents are diagnosed. With push diagnostics (the client does not pull), documents waiting to be diagnosed
 * are queued, next first. One document is diagnosed per turn of the event loop, so that requests (hover, completion)
 * are answered between two documents however many are open; the document the user just opened or changed goes to the
 * front, documents diagnosed again because something else changed (the settings, a boot.ini) to the back. A queued
 * document is diagnosed at its version of that moment; a result for a version that is no longer current is dropped.
 * With pull diagnostics, the client asks, and is asked to ask again where it can be.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { describe, DocumentStore, OpenDocument } from '../documents';
import { ServerLog } from '../log';

export interface SchedulerHost {
  /** Computes the diagnostics of a document as they are to be published. */
  diagnose(doc: OpenDocument): Promise<Diagnostic[]>;
  /** Sends diagnostics (push model); must not throw. */
  publish(params: PublishDiagnosticsParams): void;
  /** Asks the client to pull all diagnostics again (pull model); must not throw. */
  refresh(): void;
}

export class ValidationScheduler {
  /** The client pulls diagnostics: nothing is queued, and revalidation asks the client to pull again. */
  pull = false;
  /** The client can be asked to pull again. */
  refreshSupport = false;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly queue: string[] = [];
  private draining = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly host: SchedulerHost,
    private readonly log: ServerLog,
  ) {}

  /** Diagnoses the document after `delay` ms (push model); an urgent one goes to the front of the queue. */
  schedule(uri: string, delay: number, urgent = true): void {
    if (this.pull) return;
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.enqueue(uri, urgent);
      }, delay),
    );
  }

  /**
   * Something the diagnostics of these documents depend on changed: they are queued (at the back) or, where the client
   * pulls, the client is asked to pull again (clients that pull but cannot be asked pull again on their own, on the
   * next change or focus).
   */
  revalidate(uris: readonly string[], delay = 0): void {
    if (this.pull) {
      if (this.refreshSupport) this.host.refresh();
    } else for (const uri of uris) this.schedule(uri, delay, false);
  }

  /** A document was closed: it is no longer diagnosed, and (push model) its diagnostics are cleared. */
  forget(uri: string): void {
    const queued = this.queue.indexOf(uri);
    if (queued >= 0) this.queue.splice(queued, 1);
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    if (!this.pull) this.host.publish({ uri, diagnostics: [] });
  }

  private enqueue(uri: string, urgent: boolean): void {
    const i = this.queue.indexOf(uri);
    if (i >= 0) this.queue.splice(i, 1);
    if (urgent) this.queue.unshift(uri);
    else this.queue.push(uri);
    if (!this.draining) {
      this.draining = true;
      setImmediate(() => this.drainOne());
    }
  }

  private drainOne(): void {
    const uri = this.queue.shift();
    if (uri === undefined) {
      this.draining = false;
      return;
    }
    const doc = this.store.get(uri);
    if (!doc) return void setImmediate(() => this.drainOne());
    const version = doc.version;
    this.host
      .diagnose(doc)
      .then((diagnostics) => {
        if (this.store.get(uri) === doc && doc.version === version) this.host.publish({ uri, version, diagnostics });
      })
      .catch((e) => this.log.error(`Diagnosing ${uri} failed: ${describe(e)}`))
      .finally(() => setImmediate(() => this.drainOne()));
  }
}
