// The project configuration file .exchange-config.json through the real VS Code API: VS Code validates it against the
// contributed JSON schema (jsonValidation), the language server reports what the schema cannot know, and its settings
// apply to the files under it. Everything happens in a subfolder of the workspace, so that the other suites' files
// are not covered by it.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { waitForDiagnostics, code, codes, openShown, workspace } = require('./helpers');

const E2K_TUNING = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ESE98\\Global\\OS\\Memory]\r\n"MPHeap parallelism"="8"\r\n';

suite('Project configuration file (.exchange-config.json)', () => {
  let folder;
  suiteSetup(() => {
    folder = path.join(workspace(), 'project-config');
    fs.mkdirSync(folder, { recursive: true });
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('VS Code validates it against the schema; the server reports an unknown diagnostic code', async () => {
    const file = path.join(folder, '.exchange-config.json');
    fs.writeFileSync(file, '{\n  // the servers\n  "exchangeVersion": "2005",\n  "severityOverrides": { "reg.duplicate-kee": "off" }\n}\n');
    const uri = vscode.Uri.file(file);
    const doc = await openShown(uri);
    assert.strictEqual(doc.languageId, 'jsonc', 'comments are allowed');
    // VS Code's JSON validation (its own source), and the server's (source exchange-config).
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => d.source !== 'exchange-config') && ds.filter((d) => d.source === 'exchange-config').length === 2, 30000, 'schema and server diagnostics');
    const schema = diags.filter((d) => d.source !== 'exchange-config');
    assert.deepStrictEqual(schema.map((d) => doc.getText(d.range)), ['"2005"'], schema.map((d) => `${d.source}: ${d.message}`).join('; '));
    const server = diags.filter((d) => d.source === 'exchange-config');
    assert.deepStrictEqual(server.map((d) => [code(d), doc.getText(d.range)]), [
      ['config.invalid-setting', '"2005"'],
      ['config.invalid-setting', '"reg.duplicate-kee"'],
    ]);
  });

  test('its settings apply to the files under it, and a change on disk applies at once', async () => {
    const config = path.join(folder, '.exchange-config.json');
    fs.writeFileSync(config, '{ "exchangeVersion": "2000" }\n');
    const reg = path.join(folder, 'MAIL01.reg');
    fs.writeFileSync(reg, E2K_TUNING);
    const uri = vscode.Uri.file(reg);
    await openShown(uri);
    // Exchange 2000 tuning is not reported for Exchange 2000 servers.
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 30000, 'no diagnostics under Exchange 2000');
    fs.writeFileSync(config, '{ "exchangeVersion": "2003" }\n');
    const diags = await waitForDiagnostics(uri, (ds) => ds.length > 0, 30000, 'the Exchange 2003 diagnostics');
    assert.deepStrictEqual(codes(diags), ['reg.deprecated-e2k-tuning']);
  });
});
