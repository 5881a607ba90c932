// LDIF exports (ldifde, .ldf) through the real VS Code API: diagnostics and their ranges (including the LDAP filter
// checks inside msExchDynamicDLFilter), hover, completion, quick fix, fix-all.
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { waitForDiagnostics, code, where, has, hoverText, example, openShown, openCopy, quickFixes, fixAllActions, applyAction, titles } = require('./helpers');

const EXAMPLE = example('qbdg', 'contoso-export.ldf');
const FINDINGS = ['ldapfilter.missing-systemmailbox-exclusion@7:23-7:25', 'ldif.log-buffers-set@14:0-14:24', 'ldif.max-open-tables-set@17:0-17:27'];
const LOG_BUFFERS = 'replace: msExchESEParamLogBuffers\nmsExchESEParamLogBuffers: 9000\n';
const OPEN_TABLES = 'replace: msExchESEParamMaxOpenTables\nmsExchESEParamMaxOpenTables: 27600\n';

suite('LDIF (examples/qbdg/contoso-export.ldf)', () => {
  const uri = vscode.Uri.file(EXAMPLE);
  let doc;

  setup(async () => {
    doc = await openShown(uri);
  });

  test('is validated as LDIF: codes, exact ranges and severities', async () => {
    assert.strictEqual(doc.languageId, 'ldif');
    const diags = await waitForDiagnostics(uri, (ds) => ds.length >= 3);
    assert.deepStrictEqual(where(diags), FINDINGS);
    const severity = Object.fromEntries(diags.map((d) => [code(d), d.severity]));
    assert.deepStrictEqual(severity, {
      'ldapfilter.missing-systemmailbox-exclusion': vscode.DiagnosticSeverity.Information,
      'ldif.log-buffers-set': vscode.DiagnosticSeverity.Information,
      'ldif.max-open-tables-set': vscode.DiagnosticSeverity.Warning,
    });
    assert.strictEqual(doc.getText(diags.find((d) => code(d) === 'ldif.max-open-tables-set').range), 'msExchESEParamMaxOpenTables');
    // The filter finding points into the msExchDynamicDLFilter value: "(&" at its start.
    assert.strictEqual(doc.getText(diags.find((d) => code(d).startsWith('ldapfilter.')).range), '(&');
  });

  test('hover explains the Exchange attributes', async () => {
    const ese = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(14, 3)));
    assert.match(ese, /\*\*msExchESEParamLogBuffers\*\*/, ese);
    assert.match(ese, /Defaults: Exchange 2000 84 .*Exchange 2003 500/, ese);
    const filter = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(7, 5)));
    assert.match(filter, /\*\*msExchDynamicDLFilter\*\*/, filter);
    assert.match(filter, /query-based distribution group/, filter);
  });

  test('completion: attribute names in a record, the block keywords of a modify record, the filter completion inside msExchDynamicDLFilter', async () => {
    const fromServer = async (line, character) => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));
      // The editor's word-based suggestions (kind Text) come back too; the server's items have other kinds.
      return list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const attributes = await fromServer(5, 0); // "mailNickname: ParisOffice" in the changetype: add record
    for (const a of ['mailNickname', 'displayName', 'homeMDB']) assert.ok(attributes.includes(a), `${a} in ${attributes.join(', ')}`);
    assert.ok(!attributes.includes('replace'), 'no modify keywords in an add record');
    const keywords = await fromServer(13, 0); // "replace: msExchESEParamLogBuffers" in the changetype: modify record
    assert.deepStrictEqual(keywords.sort(), ['add', 'delete', 'replace']);
    const inFilter = await fromServer(7, 'msExchDynamicDLFilter: (&('.length);
    for (const a of ['mailNickname', 'objectCategory', 'homeMDB']) assert.ok(inFilter.includes(a), `${a} in ${inFilter.join(', ')}`);
  });

  test('the preferred quick fix clears msExchESEParamLogBuffers with delete: (on a temporary copy)', async () => {
    const original = fs.readFileSync(EXAMPLE, 'utf8');
    const copy = await openCopy(EXAMPLE, 'ldif-quickfix/contoso-export.ldf');
    assert.strictEqual(copy.doc.languageId, 'ldif');
    const diags = await waitForDiagnostics(copy.uri, has('ldif.log-buffers-set'));
    const actions = await quickFixes(copy.uri, diags.find((d) => code(d) === 'ldif.log-buffers-set'));
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepStrictEqual(preferred.map((a) => a.title), ['Clear msExchESEParamLogBuffers (delete: msExchESEParamLogBuffers, <Not Set>)'], titles(actions));
    await applyAction(preferred[0]);
    assert.deepStrictEqual([13, 14, 15].map((l) => copy.doc.lineAt(l).text), ['delete: msExchESEParamLogBuffers', '-', 'replace: msExchESEParamMaxOpenTables']);
    assert.strictEqual(copy.doc.getText(), original.replace(LOG_BUFFERS, 'delete: msExchESEParamLogBuffers\n'));
    const after = await waitForDiagnostics(copy.uri, (ds) => !has('ldif.log-buffers-set')(ds), 20000, 'the fixed finding to clear');
    assert.deepStrictEqual(where(after), ['ldapfilter.missing-systemmailbox-exclusion@7:23-7:25', 'ldif.max-open-tables-set@16:0-16:27']);
    await copy.check();
  });

  test('fix-all (source.fixAll) clears both ESE attributes and keeps the filter finding (on a temporary copy)', async () => {
    const original = fs.readFileSync(EXAMPLE, 'utf8');
    const copy = await openCopy(EXAMPLE, 'ldif-fixall/contoso-export.ldf');
    await waitForDiagnostics(copy.uri, (ds) => where(ds).join() === FINDINGS.join());
    const actions = await fixAllActions(copy.uri);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind.value]), [['Fix all auto-fixable Exchange Config problems', 'source.fixAll.exchange-config']]);
    await applyAction(actions[0]);
    const expected = original.replace(LOG_BUFFERS, 'delete: msExchESEParamLogBuffers\n').replace(OPEN_TABLES, 'delete: msExchESEParamMaxOpenTables\n');
    assert.strictEqual(copy.doc.getText(), expected);
    assert.ok(copy.doc.getText().endsWith('changetype: modify\ndelete: msExchESEParamLogBuffers\n-\ndelete: msExchESEParamMaxOpenTables\n-\n'));
    const after = await waitForDiagnostics(copy.uri, (ds) => ds.length === 1, 20000, 'the ESE findings to clear');
    assert.deepStrictEqual(where(after), ['ldapfilter.missing-systemmailbox-exclusion@7:23-7:25'], 'the filter finding has no automatic fix');
    assert.deepStrictEqual(await fixAllActions(copy.uri), [], 'nothing left to fix');
    await copy.check();
  });
});
