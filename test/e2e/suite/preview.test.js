// The query-based group preview in the real VS Code API: exchangeConfig.directoryExport gives each group filter of an
// LDIF export a CodeLens with its member count, and the lens's command opens the member list as an unsaved document.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { example, openShown, setSetting, waitForOpenedDocument } = require('./helpers');

const GROUPS = example('qbdg', 'recipients.ldf');

/** The preview CodeLenses of a document, resolved, once the server has loaded the export (within 30 s). */
async function previewLenses(uri) {
  for (let i = 0; i < 150; i++) {
    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100)) || [];
    const preview = lenses.filter((l) => l.command && /^Preview: /.test(l.command.title));
    if (preview.length > 0) return preview;
    await new Promise((r) => setTimeout(r, 200));
  }
  return [];
}

suite('query-based group preview (examples/qbdg/recipients.ldf)', () => {
  suiteTeardown(async () => {
    await setSetting('directoryExport', undefined);
  });

  test('no preview CodeLens without a directory export', async () => {
    await setSetting('directoryExport', undefined);
    const doc = await openShown(vscode.Uri.file(GROUPS));
    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 100)) || [];
    assert.deepStrictEqual(lenses.filter((l) => l.command && /^Preview: /.test(l.command.title)), []);
  });

  test('with exchangeConfig.directoryExport, each group filter gets its member count and opens its members', async () => {
    await setSetting('directoryExport', GROUPS);
    const doc = await openShown(vscode.Uri.file(GROUPS));
    const lenses = await previewLenses(doc.uri);
    assert.strictEqual(lenses.length, 5, lenses.map((l) => l.command.title).join('; '));
    for (const l of lenses) assert.match(l.command.title, /^Preview: matches \d+ of \d+ recipients in recipients\.ldf$/);
    assert.strictEqual(lenses[0].command.command, 'exchangeConfig.showPreviewMembers');
    const opened = waitForOpenedDocument((d) => d.isUntitled && d.languageId === 'markdown');
    await vscode.commands.executeCommand(lenses[0].command.command, ...(lenses[0].command.arguments || []));
    const members = await opened;
    const matched = Number(/^Preview: matches (\d+)/.exec(lenses[0].command.title)[1]);
    // One table row per member, each with a DN under the group's base.
    const rows = members.getText().split('\n').filter((l) => /^\|.*CN=.*\|\s*$/.test(l));
    assert.strictEqual(rows.length, matched, members.getText().slice(0, 600));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
