// Query-based distribution group filters (.ldapfilter) through the real VS Code API.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { REPO, waitForDiagnostics, codes } = require('./helpers');

suite('.ldapfilter (examples/qbdg/marketing-fulltime.ldapfilter)', () => {
  test('is validated as an LDAP filter', async () => {
    const uri = vscode.Uri.file(path.join(REPO, 'examples', 'qbdg', 'marketing-fulltime.ldapfilter'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false }); // the client pulls diagnostics for documents in tabs
    assert.strictEqual(doc.languageId, 'ldapfilter');
    const diags = await waitForDiagnostics(uri, (ds) => ds.length >= 3);
    assert.deepStrictEqual(codes(diags).sort(), ['ldapfilter.aduc-short-not', 'ldapfilter.attribute-not-in-gc', 'ldapfilter.unindexed-attribute']);
    const gc = diags.find((d) => codes([d])[0] === 'ldapfilter.attribute-not-in-gc');
    assert.deepStrictEqual([gc.range.start.line, gc.range.start.character], [6, 3]);
  });
});
