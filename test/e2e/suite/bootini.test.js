// boot.ini through the real VS Code API.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { REPO, waitForDiagnostics, code, codes } = require('./helpers');

suite('boot.ini (examples/exchange2000-upgrade/boot.ini)', () => {
  test('is recognised by name and validated, with the /USERVA fix', async () => {
    const uri = vscode.Uri.file(path.join(REPO, 'examples', 'exchange2000-upgrade', 'boot.ini'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false }); // the client pulls diagnostics for documents in tabs
    assert.strictEqual(doc.languageId, 'bootini');
    const diags = await waitForDiagnostics(uri, (ds) => codes(ds).includes('bootini.switch-value-out-of-range'));
    assert.deepStrictEqual(codes(diags).sort(), ['bootini.3gb-without-userva', 'bootini.switch-value-out-of-range']);
    const range = diags.find((d) => code(d) === 'bootini.switch-value-out-of-range');
    assert.strictEqual(range.severity, vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual([range.range.start.line, range.range.start.character], [5, 111]);
    const userva = diags.find((d) => code(d) === 'bootini.3gb-without-userva');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, userva.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => /^Add \/USERVA=/.test(a.title)), actions.map((a) => a.title).join('; '));
  });
});
