/** Loading an export in batches: the same directory as reading it at once, turns given back in between, cancellable. */
import * as assert from 'assert';
import { Directory } from '../../../server/src/preview/directory';
import { BATCH, ExportMessage, loadFromSource, loadInThread, pieceEnd, postExport } from '../../../server/src/preview/load';
import { previewFilter } from '../../../server/src/preview/evaluate';
import { LdapFilterDocument } from '../../../server/src/languages/ldapfilter/parse';

/** n recipients, CRLF, a folded line and a change record among them; long enough for several pieces and batches. */
function exportOf(n: number): string {
  const out = ['version: 1', ''];
  for (let i = 0; i < n; i++) {
    out.push(`dn: CN=User ${i},OU=${i % 2 ? 'Sales' : 'IT'},DC=contoso,DC=com`, 'changetype: add', 'objectClass: user', `cn: User ${i}`, `mailNickname: u${i}`, `department: ${i % 2 ? 'Sales' : 'IT'}`, `description: ${'x'.repeat(60)}`, ` ${'y'.repeat(200)}`, '');
    if (i === 7) out.push('dn: CN=Gone,DC=contoso,DC=com', 'changetype: delete', '');
  }
  return out.join('\r\n');
}

/** What a directory holds, for comparing two of them. */
function summary(d: Directory): unknown {
  const members = (f: string) => previewFilter(LdapFilterDocument.parse(f), d).matched.map((e) => [e.index, e.dn, e.line]);
  return [d.entries.length, d.skipped, [...d.holders].sort(), d.entries.map((e) => [...e.attrs]), members('(&(mailNickname=*)(department=Sales))'), members('(cn=User 1*)'), members('(description=*yy*)')];
}

describe('preview: loading an export in batches', () => {
  const text = exportOf(6000);
  const whole = Directory.parse(text);

  it('cuts the text only at empty lines, never in a folded value', () => {
    let at = 0;
    const pieces: string[] = [];
    while (at < text.length) {
      const end = pieceEnd(text, at);
      pieces.push(text.slice(at, end));
      at = end;
    }
    assert.ok(pieces.length > 1, `${pieces.length} pieces`);
    for (const p of pieces.slice(1)) assert.match(p, /^dn: /);
    assert.strictEqual(pieces.join(''), text);
  });

  it('on this thread: the same directory as a whole read, with a turn given back before each piece and batch', async () => {
    let turns = 0;
    const load = loadInThread(text, undefined, async () => void turns++);
    const dir = await load.done;
    assert.deepStrictEqual(summary(dir), summary(whole));
    assert.ok(turns >= 4, `${turns} turns`);
    assert.strictEqual(whole.skipped, 1);
  });

  it('on this thread: a cancelled load stops at the next turn and rejects', async () => {
    let turns = 0;
    const load = loadInThread(text, undefined, async () => {
      if (++turns === 2) load.cancel();
    });
    await assert.rejects(load.done, /cancelled/);
    assert.strictEqual(turns, 2);
  });

  it('from a worker: the batches it posts make the same directory, one batch per message', async () => {
    const messages: ExportMessage[] = [];
    postExport(Buffer.from(text), (m) => messages.push(m));
    assert.deepStrictEqual(messages.map((m) => ('batch' in m ? m.batch.length : 'done' in m ? `done ${m.skipped}` : m.error)), [...Array<number>(6000 / BATCH).fill(BATCH), 'done 1']);
    let listener: (m: ExportMessage) => void = () => undefined;
    let stopped = 0;
    const load = loadFromSource({ onMessage: (l) => (listener = l), onError: () => undefined, stop: () => void stopped++ });
    for (const m of messages) listener(structuredClone(m));
    assert.deepStrictEqual(summary(await load.done), summary(whole));
    assert.strictEqual(stopped, 1, 'the worker is ended once done');
  });

  it('from a worker: an error, a failed worker or a cancel rejects the load and ends the worker', async () => {
    const cases: [string, (l: (m: ExportMessage) => void, e: (x: Error) => void, load: { cancel(): void }) => void, RegExp][] = [
      ['error message', (l) => l({ error: 'broken' }), /broken/],
      ['worker failure', (_l, e) => e(new Error('the loader stopped (exit code 1)')), /exit code 1/],
      ['cancel', (_l, _e, load) => load.cancel(), /cancelled/],
    ];
    for (const [name, act, expected] of cases) {
      let listener: (m: ExportMessage) => void = () => undefined;
      let onError: (e: Error) => void = () => undefined;
      let stopped = 0;
      const load = loadFromSource({ onMessage: (l) => (listener = l), onError: (l) => (onError = l), stop: () => void stopped++ });
      act(listener, onError, load);
      await assert.rejects(load.done, expected, name);
      listener({ done: true, skipped: 0 });
      assert.strictEqual(stopped, 1, name);
    }
  });

});
