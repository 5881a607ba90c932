import * as assert from 'assert';
import fc from 'fast-check';
import { FrameGuard } from '../../../server/src/lsp/frames';

function frame(body: string): Buffer {
  const b = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
}

/** What the guard passes on for these chunks, and what it reports. */
function guard(chunks: Buffer[], maxBody?: number): { out: string; reports: string[] } {
  const reports: string[] = [];
  const g = new FrameGuard((p) => reports.push(p), maxBody);
  const out: Buffer[] = [];
  g.on('data', (d: Buffer) => out.push(d));
  for (const c of chunks) g.write(c);
  return { out: Buffer.concat(out).toString('utf8'), reports };
}

function split(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  chunks.push(bytes.subarray(from));
  return chunks.filter((c) => c.length > 0);
}

describe('lsp: message frame guard', () => {
  it('passes well-formed frames on unchanged, however the input is cut into chunks', () => {
    const body = fc.oneof(
      fc.json(),
      fc.string().map((s) => JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: `Content-Length: 12\r\n\r\n${s}` } })),
      fc.constant(JSON.stringify({ text: 'Größe ✓ \uD83D\uDE00' })),
    );
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 20 }), (bodies, cuts) => {
        const input = Buffer.concat(bodies.map(frame));
        const { out, reports } = guard(split(input, cuts));
        assert.strictEqual(out, input.toString('utf8'));
        assert.deepStrictEqual(reports, []);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('passes other headers on, in any letter case', () => {
    const input = Buffer.from('content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}');
    assert.strictEqual(guard([input]).out, input.toString());
  });

  it('skips each kind of malformed frame with one report, and passes the next message', () => {
    const next = frame('{"jsonrpc":"2.0","id":1,"method":"initialize"}');
    const cases: [string, Buffer, RegExp][] = [
      ['not a number', Buffer.from('Content-Length: 12a\r\n\r\n{"a":1}'), /not a number/],
      ['missing', Buffer.from('Content-Type: x\r\n\r\n{"a":1}'), /without Content-Length/],
      ['two', Buffer.from('Content-Length: 7\r\nContent-Length: 7\r\n\r\n{"a":1}'), /two Content-Length/],
      ['too long', Buffer.from('Content-Length: 1000000000000\r\n\r\n{"a":1}'), /over the limit/],
      ['short body', Buffer.from('Content-Length: 400\r\n\r\n{"a":1}'), /shorter than its Content-Length of 400/],
      ['noise', Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 31 + 7) % 256)), /longer than 8 KB|not "Name: value"/],
      ['no colon', Buffer.from('Content-Length 7\r\n\r\n{"a":1}'), /not "Name: value"/],
    ];
    for (const [name, bad, problem] of cases) {
      for (const chunks of [[Buffer.concat([bad, next])], [bad, next], split(Buffer.concat([bad, next]), [1, 5, 17, 30, 60]) ]) {
        const r = guard(chunks);
        assert.ok(r.out.endsWith(next.toString()), `${name}: the next message is passed on (${JSON.stringify(r.out.slice(-80))})`);
        assert.strictEqual(r.reports.length, 1, `${name}: ${r.reports.join(' | ')}`);
        assert.match(r.reports[0], problem, name);
      }
    }
  });

  it('finds the next message after a body shorter than declared, however the input is cut into chunks', () => {
    fc.assert(
      fc.property(fc.nat({ max: 50 }), fc.integer({ min: 200, max: 5000 }), fc.array(fc.nat(), { maxLength: 30 }), (shortBy, declared, cuts) => {
        const next = frame('{"jsonrpc":"2.0","id":7,"method":"initialize"}');
        const bad = Buffer.concat([Buffer.from(`Content-Length: ${declared}\r\n\r\n`), Buffer.from('{"a":"' + 'y'.repeat(shortBy) + '"}')]);
        const r = guard(split(Buffer.concat([bad, next, next]), cuts));
        assert.strictEqual(r.out, next.toString() + next.toString());
        assert.strictEqual(r.reports.length, 1);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('waits for a body that is still arriving, without reporting it', () => {
    const big = frame(JSON.stringify({ text: 'x'.repeat(200000) }));
    const chunks = split(big, Array.from({ length: 40 }, (_, i) => i * 5003));
    const r = guard(chunks);
    assert.strictEqual(r.out, big.toString());
    assert.deepStrictEqual(r.reports, []);
  });
});
