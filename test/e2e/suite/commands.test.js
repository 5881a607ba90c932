// Every command the extension contributes (package.json contributes.commands), run through vscode.commands.
// "Create Cleanup .reg for This File" is in reg.test.js.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { REPO, workspace, waitForDiagnostics, where, code, has, example, openShown, waitForOpenedDocument, quickFixActions } = require('./helpers');

const HEADER = 'Windows Registry Editor Version 5.00';
const REG = example('exchange2000-upgrade', 'MAILSRV01-services.reg');
const BOOT = example('exchange2000-upgrade', 'boot.ini');
const FILTER = example('qbdg', 'marketing-fulltime.ldapfilter');
const FILTER_FINDINGS = ['ldapfilter.aduc-short-not@2:4-2:23', 'ldapfilter.attribute-not-in-gc@6:3-6:15'];

/** Runs `command` and resolves with the untitled document it opens (of `languageId`), after closing its editor. */
async function untitledFrom(command, languageId) {
  const opened = waitForOpenedDocument((d) => d.isUntitled && d.languageId === languageId);
  await vscode.commands.executeCommand(command);
  const doc = await opened;
  assert.strictEqual(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document, doc, 'shown in the editor');
  const text = doc.getText();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return text;
}

/** The Markdown preview's tab, as soon as there is one (undefined after 10 s without one). */
function previewTab() {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
  return new Promise((resolve) => {
    if (find()) return resolve(find());
    const timer = setTimeout(() => (sub.dispose(), resolve(undefined)), 10000);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const t = find();
      if (t) (clearTimeout(timer), sub.dispose(), resolve(t));
    });
  });
}

suite('commands', () => {
  test('every contributed command is registered', async () => {
    const contributed = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).contributes.commands.map((c) => c.command);
    assert.strictEqual(contributed.length, 9, contributed.join(', '));
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  test('a diagnostic links to its code\'s page, and "Show documentation for CODE" opens that page in the Markdown preview', async () => {
    const { uri } = await openShown(REG);
    const diags = await waitForDiagnostics(uri, has('reg.deprecated-e2k-tuning'));
    const d = diags.find((x) => code(x) === 'reg.deprecated-e2k-tuning');
    // The link is a file of the installed extension (under its extensionUri), so it works offline.
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'exchange-config-tools');
    const expected = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'codes', 'reg.deprecated-e2k-tuning.md');
    assert.strictEqual(d.code.target.toString(), expected.toString());
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(d.code.target));
    assert.ok(page.startsWith('# `reg.deprecated-e2k-tuning`\n'), page.slice(0, 80));
    // The light bulb: the fixes first, then the documentation of each code on the line.
    const actions = await quickFixActions(uri, d);
    const docs = actions.filter((a) => a.title === 'Show documentation for reg.deprecated-e2k-tuning');
    assert.strictEqual(docs.length, 1, actions.map((a) => a.title).join('; '));
    assert.strictEqual(docs[0].edit, undefined);
    assert.strictEqual(docs[0].command.command, 'exchangeConfig.showCodeDocumentation');
    const shown = await vscode.commands.executeCommand(docs[0].command.command, ...docs[0].command.arguments);
    assert.strictEqual(shown, expected.toString());
    const preview = await previewTab();
    assert.ok(preview, `a Markdown preview tab among: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    assert.match(preview.label, /reg\.deprecated-e2k-tuning/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Format Document lays out an LDAP filter and changes nothing in a .reg export or a boot.ini', async () => {
    const filter = await openShown(FILTER);
    await waitForDiagnostics(filter.uri, (d) => d.length > 0);
    const edits = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', filter.uri, { tabSize: 2, insertSpaces: true });
    // VS Code turns the server's whole-document edit into the smallest edits: line breaks and indentation only.
    assert.ok(Array.isArray(edits) && edits.length > 0, `edits that lay the filter out: ${JSON.stringify(edits)}`);
    for (const e of edits) assert.match(e.newText, /^\n +$/, JSON.stringify(e));
    for (const file of [REG, BOOT]) {
      const doc = await openShown(file);
      await waitForDiagnostics(doc.uri, (d) => d.length > 0);
      const none = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 2, insertSpaces: true });
      // No edits. VS Code answers undefined whether no formatter is registered for the document or one answers nothing,
      // so that the server registers formatting for LDAP filters only is checked by the protocol tests.
      assert.strictEqual(none, undefined, `${path.basename(file)}: ${JSON.stringify(none)}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show Output runs without error', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('exchangeConfig.showOutput'), undefined);
  });

  test('Create Cleanup .reg for the Workspace reads the .reg files of the workspace folder, not the open editors', async () => {
    const dir = path.join(workspace(), 'workspace-cleanup');
    fs.mkdirSync(dir, { recursive: true });
    const services = path.join(dir, 'MAILSRV01-services.reg');
    const tuning = path.join(dir, 'MAILSRV02-tuning.reg');
    fs.copyFileSync(REG, services);
    fs.copyFileSync(example('hand-edited', 'MAILSRV02-tuning.reg'), tuning);
    await openShown(FILTER); // the active editor is no .reg: the command does not depend on it
    const text = await untitledFrom('exchangeConfig.createWorkspaceCleanupReg', 'reg');
    assert.ok(text.startsWith(HEADER + '\r\n'), text.slice(0, 80));
    const found = [...text.matchAll(/^; Found in: (.*)$/gm)].map((m) => m[1].trim());
    assert.ok(found.includes(vscode.Uri.file(services).toString()), `the workspace copy in: ${found.join(', ')}`);
    assert.ok(!found.includes(vscode.Uri.file(tuning).toString()), 'MAILSRV02-tuning.reg has no obsolete values');
    const root = vscode.workspace.workspaceFolders[0].uri.toString() + '/';
    assert.deepStrictEqual(found.filter((u) => !u.startsWith(root)), [], 'only files of the workspace folder');
    assert.match(text, /\r\n\[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory\]\r\n/);
    for (const name of ['MPHeap parallelism', 'MaxMemoryUser', 'Initial Memory Percentage']) assert.ok(text.includes(`\r\n"${name}"=-\r\n`), `${name} deleted in:\n${text}`);
    assert.ok(fs.readFileSync(services).equals(fs.readFileSync(REG)), 'nothing written to the exports');
  });

  test('Show Memory Configuration Report opens an untitled markdown report, from the .reg and from the boot.ini', async () => {
    await openShown(REG);
    const fromReg = await untitledFrom('exchangeConfig.showMemoryReport', 'markdown');
    assert.ok(fromReg.startsWith('# Memory configuration report\n'), fromReg.slice(0, 80));
    assert.match(fromReg, /^Files: boot\.ini `boot\.ini`; registry exports `MAILSRV01-services\.reg`\.$/m, fromReg);
    assert.match(fromReg, /^- \/3GB: yes$/m, fromReg);
    assert.match(fromReg, /^- \/USERVA: not set$/m, fromReg);
    assert.match(fromReg, /^- Add \/USERVA=3030 after \/3GB in boot\.ini\.$/m, fromReg);
    await openShown(BOOT); // the .reg beside it is open
    const fromBoot = await untitledFrom('exchangeConfig.showMemoryReport', 'markdown');
    assert.strictEqual(fromBoot, fromReg, 'the same report from either file');
  });

  test('Copy Filter on One Line puts the filter on the clipboard without comments or line breaks', async () => {
    await openShown(FILTER);
    await vscode.env.clipboard.writeText('e2e: not yet copied');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'e2e: not yet copied', 'the clipboard can be read');
    await vscode.commands.executeCommand('exchangeConfig.copyFilterOneLine');
    assert.strictEqual(
      await vscode.env.clipboard.readText(),
      '(&(!cn=SystemMailbox{*})(mailNickname=*)(&(objectCategory=person)(objectClass=user)(|(homeMDB=*)(msExchHomeServerName=*)))(department=Marketing)(employeeType=Full Time))',
    );
  });

  test('Check Setup Command Line takes the command line as argument and returns the problems', async () => {
    const result = await vscode.commands.executeCommand('exchangeConfig.checkSetupCommandLine', 'setup /unattendfile D:\\answer.ini /foo');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen'); // the problems are also shown in a quick pick
    assert.deepStrictEqual(
      result.diagnostics.map((d) => [d.code, d.start, d.end, d.severity]),
      [['setupini.cmd-unknown-switch', 34, 38, 'error']],
    );
    assert.match(result.diagnostics[0].message, /^\/foo is not a Setup switch/);
    const missing = await vscode.commands.executeCommand('exchangeConfig.checkSetupCommandLine', 'setup /createunattend');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.deepStrictEqual(missing.diagnostics.map((d) => [d.code, d.start, d.end]), [['setupini.cmd-missing-argument', 6, 21]]);
    const clean = await vscode.commands.executeCommand('exchangeConfig.checkSetupCommandLine', 'E:\\setup\\i386\\setup /unattendfile D:\\myanswerfile.ini');
    assert.deepStrictEqual(clean, { diagnostics: [] });
  });

  test('Restart Language Server: the diagnostics clear while it stops and come back from the new server', async () => {
    const uri = vscode.Uri.file(FILTER);
    await openShown(uri);
    await waitForDiagnostics(uri, (ds) => where(ds).join() === FILTER_FINDINGS.join());
    const cleared = waitForDiagnostics(uri, (ds) => ds.length === 0, 20000, 'the diagnostics to clear while the server stops');
    await vscode.commands.executeCommand('exchangeConfig.restartServer');
    await cleared;
    const back = await waitForDiagnostics(uri, (ds) => ds.length > 0, 20000, 'the diagnostics of the restarted server');
    assert.deepStrictEqual(where(back), FILTER_FINDINGS);
  });
});
