// boot.ini through the real VS Code API: diagnostics and their ranges, hover, completion, quick fix, fix-all, settings.
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { waitForDiagnostics, code, codes, where, has, hoverText, labels, example, openShown, openCopy, quickFixes, fixAllActions, applyAction, titles, setSetting } =
  require('./helpers');

const EXAMPLE = example('exchange2000-upgrade', 'boot.ini');
const FINDINGS = ['bootini.3gb-without-userva@4:90-4:94', 'bootini.switch-value-out-of-range@5:111-5:115'];

suite('boot.ini (examples/exchange2000-upgrade/boot.ini)', () => {
  const uri = vscode.Uri.file(EXAMPLE);
  let doc;

  setup(async () => {
    doc = await openShown(uri);
  });

  teardown(async () => {
    await setSetting('serverRole', undefined);
  });

  test('is recognised by name and validated: codes, exact ranges and severities', async () => {
    assert.strictEqual(doc.languageId, 'bootini');
    const diags = await waitForDiagnostics(uri, has('bootini.switch-value-out-of-range'));
    assert.deepStrictEqual(where(diags), FINDINGS);
    const range = diags.find((d) => code(d) === 'bootini.switch-value-out-of-range');
    assert.strictEqual(range.severity, vscode.DiagnosticSeverity.Error);
    assert.match(range.message, /\/USERVA=3100 is outside the range/);
    assert.strictEqual(doc.getText(range.range), '3100');
    const userva = diags.find((d) => code(d) === 'bootini.3gb-without-userva');
    assert.strictEqual(userva.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(doc.getText(userva.range), '/3GB');
  });

  test('hover explains /USERVA=3100 for this entry', async () => {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(5, 106));
    const text = hoverText(hovers);
    assert.match(text, /\*\*\/USERVA=3100\*\*/, text);
    assert.match(text, /3100 MB\*\*; the kernel gets 996 MB/, text);
    assert.match(text, /Windows Server 2003, Enterprise Edition/, text);
  });

  test('completion offers the switches not yet on the line', async () => {
    // Inside "/fastdetect" on line 5, which already has /3GB.
    const got = labels(await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 80)));
    for (const l of ['/USERVA', '/PAE', '/NOEXECUTE']) assert.ok(got.includes(l), `${l} in ${got.join(', ')}`);
    assert.ok(!got.includes('/3GB'), `/3GB is already on the line: ${got.join(', ')}`);
  });

  test('the preferred quick fix adds /USERVA=3030 after /3GB (on a temporary copy)', async () => {
    const original = fs.readFileSync(EXAMPLE, 'latin1');
    const copy = await openCopy(EXAMPLE, 'bootini-quickfix/boot.ini');
    assert.strictEqual(copy.doc.languageId, 'bootini');
    const diags = await waitForDiagnostics(copy.uri, has('bootini.3gb-without-userva'));
    const target = diags.find((d) => code(d) === 'bootini.3gb-without-userva');
    const actions = await quickFixes(copy.uri, target);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepStrictEqual(preferred.map((a) => a.title), ['Add /USERVA=3030'], titles(actions));
    await applyAction(preferred[0]);
    assert.strictEqual(copy.doc.getText(), original.replace('Enterprise" /fastdetect /3GB\r\n', 'Enterprise" /fastdetect /3GB /USERVA=3030\r\n'));
    const after = await waitForDiagnostics(copy.uri, (ds) => !has('bootini.3gb-without-userva')(ds), 20000, 'the fixed finding to clear');
    assert.deepStrictEqual(where(after), ['bootini.switch-value-out-of-range@5:111-5:115']);
    await copy.check();
  });

  test('fix-all (source.fixAll) applies both preferred fixes and leaves no finding (on a temporary copy)', async () => {
    const original = fs.readFileSync(EXAMPLE, 'latin1');
    const copy = await openCopy(EXAMPLE, 'bootini-fixall/boot.ini');
    await waitForDiagnostics(copy.uri, (ds) => where(ds).join() === FINDINGS.join());
    const actions = await fixAllActions(copy.uri);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind.value]), [['Fix all auto-fixable Exchange Config problems', 'source.fixAll.exchange-config']]);
    await applyAction(actions[0]);
    const expected = original.replace('Enterprise" /fastdetect /3GB\r\n', 'Enterprise" /fastdetect /3GB /USERVA=3030\r\n').replace('/USERVA=3100', '/USERVA=3030');
    assert.notStrictEqual(expected, original);
    assert.strictEqual(copy.doc.getText(), expected);
    await waitForDiagnostics(copy.uri, (ds) => ds.length === 0, 20000, 'every finding to clear');
    assert.deepStrictEqual(await fixAllActions(copy.uri), [], 'nothing left to fix');
    await copy.check();
  });

  test('exchangeConfig.serverRole "front-end" reports /3GB on a front-end server instead', async () => {
    await waitForDiagnostics(uri, (ds) => where(ds).join() === FINDINGS.join());
    await setSetting('serverRole', 'front-end');
    const diags = await waitForDiagnostics(uri, has('bootini.3gb-on-front-end'), 20000, 'the front-end finding');
    assert.deepStrictEqual(where(diags), ['bootini.3gb-on-front-end@4:90-4:94', 'bootini.3gb-on-front-end@5:98-5:102', 'bootini.switch-value-out-of-range@5:111-5:115']);
    const fe = diags.find((d) => code(d) === 'bootini.3gb-on-front-end' && d.range.start.line === 5);
    assert.match(fe.message, /Remove \/3GB and \/USERVA\.$/);
    const actions = await quickFixes(uri, fe);
    assert.ok(actions.some((a) => a.isPreferred && a.title === 'Remove /3GB and /USERVA'), titles(actions));
    await setSetting('serverRole', undefined);
    const back = await waitForDiagnostics(uri, (ds) => !has('bootini.3gb-on-front-end')(ds), 20000, 'the role to be removed');
    assert.deepStrictEqual(codes(back).sort(), ['bootini.3gb-without-userva', 'bootini.switch-value-out-of-range']);
  });
});
