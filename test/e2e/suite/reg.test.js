// .reg exports through the real VS Code API: decoding, diagnostics, hover, completion, quick fix, settings, commands.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { REPO, workspace, waitForDiagnostics, code, codes, has, hoverText, labels, waitForOpenedDocument } = require('./helpers');

const HEADER = 'Windows Registry Editor Version 5.00';
const EXAMPLE = path.join(REPO, 'examples', 'exchange2000-upgrade', 'MAILSRV01-services.reg');

suite('.reg export (examples/exchange2000-upgrade/MAILSRV01-services.reg)', () => {
  const uri = vscode.Uri.file(EXAMPLE);
  let doc;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(uri);
  });

  // The client pulls diagnostics for the documents shown in editor tabs: keep the example in a (non-preview) tab.
  setup(async () => {
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  teardown(async () => {
    await vscode.workspace.getConfiguration('exchangeConfig').update('severityOverrides', undefined, vscode.ConfigurationTarget.Global);
  });

  test('opens as reg, decoded from UTF-16LE', () => {
    assert.strictEqual(doc.languageId, 'reg');
    assert.ok(doc.getText().replace(/^\uFEFF/, '').startsWith(HEADER + '\r\n'), JSON.stringify(doc.getText().slice(0, 60)));
    assert.strictEqual(doc.lineAt(11).text, '"MPHeap parallelism"="8"');
  });

  test('reports the Exchange 2000 upgrade findings with their ranges', async () => {
    const diags = await waitForDiagnostics(uri, has('reg.deprecated-e2k-tuning'));
    const all = codes(diags);
    for (const c of ['reg.deprecated-e2k-tuning', 'reg.value-not-allowed', 'reg.do-not-modify', 'reg.discouraged-setting'])
      assert.ok(all.includes(c), `${c} in ${all.join(', ')}`);
    assert.strictEqual(all.filter((c) => c === 'reg.deprecated-e2k-tuning').length, 3);
    const mpheap = diags.find((d) => code(d) === 'reg.deprecated-e2k-tuning' && d.range.start.line === 11);
    assert.ok(mpheap, 'MPHeap parallelism (line 12) is obsolete tuning');
    assert.deepStrictEqual([mpheap.range.start.line, mpheap.range.start.character], [11, 0]);
    assert.strictEqual(mpheap.range.end.line, 11);
    assert.strictEqual(mpheap.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok((mpheap.tags || []).includes(vscode.DiagnosticTag.Deprecated), 'shown struck through');
    // 60 seconds is a recommendation of the source, not a documented range: a discouraged value, not out of range.
    const polling = diags.find((d) => code(d) === 'reg.discouraged-setting' && d.range.start.line === 20);
    assert.deepStrictEqual([polling.range.start.line, polling.range.start.character], [20, 28]);
    assert.match(polling.message, /Maximum Polling Frequency/);
  });

  test('hover decodes a DWORD and explains the catalog entry', async () => {
    // "MaxMemoryUser"=dword:00019000 on line 15
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(14, 3));
    const text = hoverText(hovers);
    assert.match(text, /MaxMemoryUser/);
    assert.match(text, /102400/, text);
  });

  test('completion offers the documented values after dword:', async () => {
    // "DisableAttachments"=dword:00000003 on line 30
    const pos = new vscode.Position(29, '"DisableAttachments"=dword:'.length);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, pos);
    const got = labels(list);
    for (const l of ['00000000', '00000001', '00000002']) assert.ok(got.includes(l), `${l} in ${got.join(', ')}`);
  });

  test('the preferred quick fix turns obsolete tuning into a deletion entry (on a temporary copy)', async () => {
    const copy = path.join(workspace(), 'quickfix', 'MAILSRV01-services.reg');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(EXAMPLE, copy);
    const copyUri = vscode.Uri.file(copy);
    const copyDoc = await vscode.workspace.openTextDocument(copyUri);
    await vscode.window.showTextDocument(copyDoc, { preview: false });
    const diags = await waitForDiagnostics(copyUri, has('reg.deprecated-e2k-tuning'));
    const target = diags.find((d) => code(d) === 'reg.deprecated-e2k-tuning' && d.range.start.line === 11);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', copyUri, target.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.strictEqual(preferred.length, 1, actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join('; '));
    assert.match(preferred[0].title, /^Turn into a deletion entry/);
    assert.ok(preferred[0].edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit));
    assert.strictEqual(copyDoc.lineAt(11).text, '"MPHeap parallelism"=-');
    assert.strictEqual(copyDoc.lineAt(10).text, '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]');
    assert.strictEqual(copyDoc.lineCount, doc.lineCount);
    const after = await waitForDiagnostics(copyUri, (ds) => ds.filter((d) => code(d) === 'reg.deprecated-e2k-tuning').length === 2, 20000, 'the fixed line to clear');
    assert.ok(!after.some((d) => d.range.start.line === 11 && code(d) === 'reg.deprecated-e2k-tuning'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.strictEqual(fs.readFileSync(copy).equals(fs.readFileSync(EXAMPLE)), true, 'nothing written to disk');
  });

  test('exchangeConfig.severityOverrides changes the diagnostics', async () => {
    const config = vscode.workspace.getConfiguration('exchangeConfig');
    await waitForDiagnostics(uri, has('reg.discouraged-setting'));
    await config.update('severityOverrides', { 'reg.discouraged-setting': 'off', 'reg.do-not-modify': 'error' }, vscode.ConfigurationTarget.Global);
    const diags = await waitForDiagnostics(
      uri,
      (ds) => !has('reg.discouraged-setting')(ds) && ds.some((d) => code(d) === 'reg.do-not-modify' && d.severity === vscode.DiagnosticSeverity.Error),
      20000,
      'the overrides to apply',
    );
    assert.ok(has('reg.deprecated-e2k-tuning')(diags), 'the other codes stay');
    await config.update('severityOverrides', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri, has('reg.discouraged-setting'), 20000, 'the overrides to be removed');
  });

  test('Create Cleanup .reg for This File opens an untitled reg document with the deletion entries', async () => {
    const opened = waitForOpenedDocument((d) => d.isUntitled && d.languageId === 'reg');
    await vscode.commands.executeCommand('exchangeConfig.createCleanupReg');
    const cleanup = await opened;
    const text = cleanup.getText();
    assert.ok(text.startsWith(HEADER), text.slice(0, 80));
    for (const name of ['MPHeap parallelism', 'MaxMemoryUser', 'Initial Memory Percentage']) assert.ok(text.includes(`"${name}"=-`), `${name} deleted in:\n${text}`);
    assert.strictEqual(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document, cleanup, 'shown in the editor');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
