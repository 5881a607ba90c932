// Exchange Setup answer files through the real VS Code API: diagnostics and their ranges, hover, completion, quick fix,
// fix-all. The example's name is not setup.ini: VS Code opens it as its own "ini", and the server still takes it as an
// answer file by its sections; the copies the tests edit are named setup.ini, which the extension claims as setupini.
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { waitForDiagnostics, code, where, has, hoverText, labels, example, openShown, openCopy, quickFixes, suppressionFixes, fixAllActions, applyAction, titles } = require('./helpers');

const EXAMPLE = example('setup', 'exchange55-batch-setup.ini');
const FINDINGS = ['setupini.missing-required-key@22:0-22:14', 'setupini.plain-text-secret@19:16-19:27'];
const complete = async (uri, line, character) => labels(await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character)));
const hover = async (uri, line, character) => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, character)));

suite('Setup answer file (examples/setup/exchange55-batch-setup.ini)', () => {
  const uri = vscode.Uri.file(EXAMPLE);
  let doc;

  setup(async () => {
    doc = await openShown(uri);
  });

  test('an .ini shaped like an answer file is validated: codes, exact ranges and severities', async () => {
    assert.strictEqual(doc.languageId, 'ini');
    const diags = await waitForDiagnostics(uri, (ds) => ds.length >= 2);
    assert.deepStrictEqual(where(diags), FINDINGS);
    const missing = diags.find((d) => code(d) === 'setupini.missing-required-key');
    assert.strictEqual(missing.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(missing.message, /^PerServer=True needs PerServerUsers=/);
    const secret = diags.find((d) => code(d) === 'setupini.plain-text-secret');
    assert.strictEqual(secret.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(doc.getText(secret.range), 'Winter2005!');
  });

  test('hover explains keys from the Setup catalog', async () => {
    const password = await hover(uri, 19, 5);
    assert.match(password, /\*\*AccountPassword\*\* in \[ServiceAccount\]: Exchange 4\.0\/5\.5 batch Setup\.ini/, password);
    assert.match(password, /holds it as plain text/, password);
    const perServer = await hover(uri, 22, 3);
    assert.match(perServer, /Whether to license per server\. Listed in the Exchange 4\.0 article only, which says PerServer=True needs PerServerUsers/, perServer);
    assert.match(perServer, /Values: `True`, `False`/, perServer);
  });

  test('completion offers the keys of the section and the documented values', async () => {
    const keys = await complete(uri, 23, 0); // the empty last line, in [Licensing]
    for (const k of ['PerSeat', 'PerServerUsers']) assert.ok(keys.includes(k), `${k} in ${keys.join(', ')}`);
    assert.ok(!keys.includes('ServerDest'), `only [Licensing] keys: ${keys.join(', ')}`);
    const values = await complete(uri, 8, 'Services='.length);
    for (const v of ['True', 'False']) assert.ok(values.includes(v), `${v} in ${values.join(', ')}`);
  });

  test('the quick fix blanks the plain-text password; it is not preferred (on a temporary setup.ini)', async () => {
    const original = fs.readFileSync(EXAMPLE, 'latin1');
    const copy = await openCopy(EXAMPLE, 'setupini-quickfix/setup.ini');
    assert.strictEqual(copy.doc.languageId, 'setupini');
    const diags = await waitForDiagnostics(copy.uri, (ds) => where(ds).join() === FINDINGS.join());
    const missing = diags.find((d) => code(d) === 'setupini.missing-required-key');
    assert.deepStrictEqual(await quickFixes(copy.uri, missing), [], 'no automatic fix for a missing licence count');
    // An Exchange 5.5 batch file: its sections may hold ; comment lines (KB 188625), so the finding can be suppressed.
    assert.deepStrictEqual((await suppressionFixes(copy.uri, missing)).map((a) => a.title), ['Suppress setupini.missing-required-key on this line', 'Suppress setupini.missing-required-key in this file']);
    const actions = await quickFixes(copy.uri, diags.find((d) => code(d) === 'setupini.plain-text-secret'));
    assert.deepStrictEqual(actions.map((a) => [a.title, !!a.isPreferred]), [['Blank the value of AccountPassword', false]], titles(actions));
    await applyAction(actions[0]);
    assert.strictEqual(copy.doc.lineAt(19).text, 'AccountPassword=');
    assert.strictEqual(copy.doc.getText(), original.replace('AccountPassword=Winter2005!\r\n', 'AccountPassword=\r\n'));
    const after = await waitForDiagnostics(copy.uri, (ds) => !has('setupini.plain-text-secret')(ds), 20000, 'the fixed finding to clear');
    assert.deepStrictEqual(where(after), ['setupini.missing-required-key@22:0-22:14']);
    await copy.check();
  });

  test('fix-all (source.fixAll): none for the example (no preferred fix), and it corrects a misspelt key (on a temporary setup.ini)', async () => {
    const original = fs.readFileSync(EXAMPLE, 'latin1');
    const copy = await openCopy(EXAMPLE, 'setupini-fixall/setup.ini');
    await waitForDiagnostics(copy.uri, (ds) => where(ds).join() === FINDINGS.join());
    assert.deepStrictEqual(await fixAllActions(copy.uri), [], 'blanking a password is a decision, not an automatic fix');

    const misspell = new vscode.WorkspaceEdit();
    misspell.replace(copy.uri, new vscode.Range(5, 0, 5, 'ServerDest'.length), 'ServerDst');
    assert.ok(await vscode.workspace.applyEdit(misspell));
    assert.strictEqual(copy.doc.lineAt(5).text, 'ServerDst=C:\\exchsrvr');
    const diags = await waitForDiagnostics(copy.uri, has('setupini.unknown-key'), 20000, 'the misspelt key');
    assert.deepStrictEqual(where(diags), ['setupini.missing-required-key@22:0-22:14', 'setupini.plain-text-secret@19:16-19:27', 'setupini.unknown-key@5:0-5:9']);
    assert.strictEqual(diags.find((d) => code(d) === 'setupini.unknown-key').severity, vscode.DiagnosticSeverity.Hint);
    const actions = await fixAllActions(copy.uri);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind.value]), [['Fix all auto-fixable Exchange Config problems', 'source.fixAll.exchange-config']]);
    await applyAction(actions[0]);
    assert.strictEqual(copy.doc.getText(), original, 'ServerDest restored, the password left alone');
    await waitForDiagnostics(copy.uri, (ds) => where(ds).join() === FINDINGS.join(), 20000, 'the misspelt key to clear');
    await copy.check();
  });
});
