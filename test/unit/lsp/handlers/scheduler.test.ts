import * as assert from 'assert';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { OpenDocument } from '../../../../server/src/lsp/documents';
import { ValidationScheduler } from '../../../../server/src/lsp/handlers/scheduler';
import { recordingLog } from '../../../helpers/lsp';
import { DocumentStore } from '../../../../server/src/lsp/documents';

const REG = 'Windows Registry Editor Version 5.00\r\n';

/** A scheduler whose diagnoses wait until the test lets them finish, recording what is diagnosed and published. */
function harness(): {
  store: DocumentStore;
  scheduler: ValidationScheduler;
  diagnosed: string[];
  published: PublishDiagnosticsParams[];
  refreshes: number[];
  finish(uri: string): void;
  nextDiagnosis(): Promise<string>;
} {
  const store = new DocumentStore(() => undefined);
  const diagnosed: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const refreshes: number[] = [];
  const finishers = new Map<string, () => void>();
  let waiter: ((uri: string) => void) | undefined;
  const scheduler = new ValidationScheduler(
    store,
    {
      diagnose: (doc: OpenDocument) =>
        new Promise<Diagnostic[]>((resolve) => {
          diagnosed.push(doc.uri);
          finishers.set(doc.uri, () => resolve([]));
          waiter?.(doc.uri);
        }),
      publish: (p) => published.push(p),
      refresh: () => refreshes.push(1),
    },
    recordingLog().log,
  );
  return {
    store,
    scheduler,
    diagnosed,
    published,
    refreshes,
    finish: (uri) => finishers.get(uri)!(),
    nextDiagnosis: () => new Promise((resolve) => (waiter = resolve)),
  };
}

describe('lsp handlers: validation scheduler', () => {
  it('diagnoses one document at a time, the one just changed before those diagnosed again for another reason', async () => {
    const h = harness();
    for (const name of ['a', 'b', 'c', 'd']) h.store.open(`file:///${name}.reg`, 'reg', 1, REG);
    let next = h.nextDiagnosis();
    h.scheduler.schedule('file:///a.reg', 0);
    await next;
    // While a is being diagnosed: b and c queue at the back, d (just changed) at the front.
    h.scheduler.revalidate(['file:///b.reg', 'file:///c.reg']);
    h.scheduler.schedule('file:///d.reg', 0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepStrictEqual(h.diagnosed, ['file:///a.reg'], 'the next waits until the first is done');
    for (const uri of ['file:///a.reg', 'file:///d.reg', 'file:///b.reg']) {
      next = h.nextDiagnosis();
      h.finish(uri);
      await next;
    }
    h.finish('file:///c.reg');
    assert.deepStrictEqual(h.diagnosed, ['file:///a.reg', 'file:///d.reg', 'file:///b.reg', 'file:///c.reg']);
  });

  it('drops a result for a version that is no longer current', async () => {
    const h = harness();
    h.store.open('file:///a.reg', 'reg', 1, REG);
    const next = h.nextDiagnosis();
    h.scheduler.schedule('file:///a.reg', 0);
    await next;
    h.store.change('file:///a.reg', 2, [{ text: `${REG}\r\n` }]);
    h.finish('file:///a.reg');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(h.published, []);
  });

  it('publishes the result with the version it was computed for', async () => {
    const h = harness();
    h.store.open('file:///a.reg', 'reg', 7, REG);
    const next = h.nextDiagnosis();
    h.scheduler.schedule('file:///a.reg', 0);
    await next;
    h.finish('file:///a.reg');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(h.published, [{ uri: 'file:///a.reg', version: 7, diagnostics: [] }]);
  });

  it('forgets a closed document: its waiting diagnosis is cancelled and its diagnostics cleared', async () => {
    const h = harness();
    h.store.open('file:///a.reg', 'reg', 1, REG);
    h.scheduler.schedule('file:///a.reg', 50);
    h.store.close('file:///a.reg');
    h.scheduler.forget('file:///a.reg');
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.deepStrictEqual([h.diagnosed, h.published], [[], [{ uri: 'file:///a.reg', diagnostics: [] }]]);
  });

  it('queues nothing where the client pulls, and asks it to pull again only where it can be asked', () => {
    const h = harness();
    h.store.open('file:///a.reg', 'reg', 1, REG);
    h.scheduler.pull = true;
    h.scheduler.schedule('file:///a.reg', 0);
    h.scheduler.revalidate(['file:///a.reg']);
    assert.strictEqual(h.refreshes.length, 0);
    h.scheduler.refreshSupport = true;
    h.scheduler.revalidate(['file:///a.reg']);
    h.scheduler.forget('file:///a.reg');
    assert.deepStrictEqual([h.refreshes.length, h.published], [1, []]);
  });
});
