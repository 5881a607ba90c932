/**
 * Real boot.ini files written by others (test/corpus/bootini, PROVENANCE.md), and what the linter says about them,
 * judged one by one in JUDGEMENT.md. The findings are pinned here: a change that adds or drops one must be judged too.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { JsonResult, lint } from '../../../helpers/cli';
import { internalReferences, MESSAGE_MAX, MESSAGE_P95_MAX, percentile95 } from '../../../helpers/userText';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'corpus', 'bootini');

/** Every finding per corpus folder, as code@line (1-based), with the default settings. */
const PINNED: Record<string, string[]> = {
  'exchange2003-3gb-userva-kb823440': [],
  'hp-recovery-timeout0': ['bootini.zero-timeout-default-not-windows@2'],
  'lookalike-freeloader-section': ['bootini.other-section@6'],
  'server2003-ems-com1': [],
  'server2003-ems-usebiossettings': [],
  'server2003-enterprise-optout': [],
  'server2003-safe-mode-entries': [],
  'vista-comments-wubi-multiboot': ['bootini.invalid-arc-path@10'],
  'wrk-test-kernel-entry': [],
  'xp-3gb-userva-2700': [],
  'xp-four-entries-bootlog': [],
  'xp-home-noexecute-mixed-case': [],
  'xp-mce-and-server2003-blank-lines': [],
  'xp-mce-timeout0-windows-default': [],
  'xp-recovery-console-wdk': [],
};

/** With --role mailbox: the Windows Server 2003 files whose default entry lacks /3GB are asked for it. */
const MAILBOX_EXTRA: Record<string, string[]> = {
  'lookalike-freeloader-section': ['bootini.missing-3gb@5'],
  'server2003-ems-com1': ['bootini.missing-3gb@7'],
  'server2003-ems-usebiossettings': ['bootini.missing-3gb@6'],
  'server2003-enterprise-optout': ['bootini.missing-3gb@5'],
  'server2003-safe-mode-entries': ['bootini.missing-3gb@5'],
  'wrk-test-kernel-entry': ['bootini.missing-3gb@5'],
};

function findings(args: string[], dir: string): Map<string, JsonResult['diagnostics']> {
  const r = lint(['--format', 'json', ...args, dir]);
  assert.strictEqual(r.err, '');
  const out = new Map<string, JsonResult['diagnostics']>();
  for (const f of JSON.parse(r.out) as JsonResult[]) out.set(path.basename(path.dirname(f.file)), f.diagnostics);
  return out;
}

const pin = (ds: JsonResult['diagnostics']): string[] => ds.map((d) => `${d.code}@${d.range.start.line + 1}`);

describe('bootini: the corpus of real files', () => {
  it('has at least 12 real files, each with its provenance and its judgement', () => {
    const folders = fs.readdirSync(CORPUS).filter((f) => fs.existsSync(path.join(CORPUS, f, 'boot.ini')));
    assert.deepStrictEqual(folders.sort(), Object.keys(PINNED).sort());
    assert.ok(folders.filter((f) => !f.startsWith('lookalike-')).length >= 12);
    const provenance = fs.readFileSync(path.join(CORPUS, 'PROVENANCE.md'), 'utf8');
    const judgement = fs.readFileSync(path.join(CORPUS, 'JUDGEMENT.md'), 'utf8');
    for (const f of folders) {
      assert.ok(provenance.includes(`\`${f}\``), `${f} has no provenance`);
      assert.ok(judgement.includes(`\`${f}\``), `${f} is not judged`);
    }
  });

  it('gives exactly the pinned findings with the default settings', () => {
    const got = findings([], CORPUS);
    for (const [folder, expected] of Object.entries(PINNED)) assert.deepStrictEqual(pin(got.get(folder) ?? []), expected, folder);
  });

  it('with --role mailbox adds only /3GB on the Windows Server 2003 default entries without it', () => {
    const got = findings(['--role', 'mailbox'], CORPUS);
    for (const [folder, expected] of Object.entries(PINNED)) {
      const want = [...expected, ...(MAILBOX_EXTRA[folder] ?? [])].sort((a, b) => Number(a.split('@')[1]) - Number(b.split('@')[1]));
      assert.deepStrictEqual(pin(got.get(folder) ?? []), want, folder);
    }
  });

  it('with Exchange 2000 configured asks nothing of Windows Server 2003 entries (the sources give no guidance there)', () => {
    const got = findings(['--role', 'mailbox', '--exchange-version', '2000'], CORPUS);
    for (const [folder, expected] of Object.entries(PINNED)) assert.deepStrictEqual(pin(got.get(folder) ?? []), expected, folder);
  });

  it('boot.ini and cross-file messages on the examples, the samples and the corpus: no internal reference, lengths within the targets', () => {
    const lengths: number[] = [];
    const settings = [[], ['--role', 'mailbox'], ['--role', 'front-end'], ['--role', 'mailbox', '--exchange-version', '2000'], ['--windows-version', '2000', '--role', 'mailbox']];
    for (const dir of [path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'corpus', 'bootini'), '/work/shared/samples'].filter((d) => fs.existsSync(d))) {
      for (const args of settings) {
        for (const ds of findings(args, dir).values()) {
          for (const d of ds.filter((x) => /^(bootini|cross)\./.test(x.code))) {
            assert.deepStrictEqual(internalReferences(d.message), [], d.message);
            for (const r of d.relatedInformation ?? []) assert.deepStrictEqual(internalReferences(r.message), []);
            assert.ok(d.message.length <= MESSAGE_MAX, `${d.message.length}: ${d.message}`);
            lengths.push(d.message.length);
          }
        }
      }
    }
    assert.ok(lengths.length > 20, `only ${lengths.length} messages`);
    assert.ok(percentile95(lengths) <= MESSAGE_P95_MAX, `p95 ${percentile95(lengths)}`);
  });
});
