// Query-based distribution group filters (.ldapfilter) through the real VS Code API: diagnostics and their ranges,
// hover, completion, quick fix, fix-all, exchangeConfig.ldapAttributesInGC.
'use strict';
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { waitForDiagnostics, code, where, has, hoverText, labels, example, openShown, openCopy, quickFixes, fixAllActions, applyAction, titles, setSetting } =
  require('./helpers');

const EXAMPLE = example('qbdg', 'marketing-fulltime.ldapfilter');
// department (line 5) is ANDed with the indexed (mailNickname=*), so it is not reported as unindexed.
const FINDINGS = ['ldapfilter.aduc-short-not@2:4-2:23', 'ldapfilter.attribute-not-in-gc@6:3-6:15'];
const complete = (uri, line, character) => vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));

suite('.ldapfilter (examples/qbdg/marketing-fulltime.ldapfilter)', () => {
  const uri = vscode.Uri.file(EXAMPLE);
  let doc;

  setup(async () => {
    doc = await openShown(uri);
  });

  teardown(async () => {
    await setSetting('ldapAttributesInGC', undefined);
  });

  test('is validated as an LDAP filter: codes, exact ranges and severities', async () => {
    assert.strictEqual(doc.languageId, 'ldapfilter');
    const diags = await waitForDiagnostics(uri, (ds) => ds.length >= 2);
    assert.deepStrictEqual(where(diags), FINDINGS);
    const severity = Object.fromEntries(diags.map((d) => [code(d), d.severity]));
    assert.deepStrictEqual(severity, {
      'ldapfilter.aduc-short-not': vscode.DiagnosticSeverity.Warning,
      'ldapfilter.attribute-not-in-gc': vscode.DiagnosticSeverity.Warning,
    });
    assert.strictEqual(doc.getText(diags.find((d) => code(d) === 'ldapfilter.attribute-not-in-gc').range), 'employeeType');
  });

  test('hover shows the schema facts of an attribute', async () => {
    const text = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(6, 5)));
    assert.match(text, /\*\*employeeType\*\* \(Employee-Type, Windows\)/, text);
    assert.match(text, /\| In the global catalog \| no \|/, text);
    const dept = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(5, 4)));
    assert.match(dept, /\| In the global catalog \| yes \|/, dept);
  });

  test('completion offers attributes after "(" and the ADUC filter snippets before it', async () => {
    const attrs = labels(await complete(uri, 3, 3)); // "  (|mailNickname=*)"
    for (const l of ['mailNickname', 'homeMDB', 'msExchHomeServerName']) assert.ok(attrs.includes(l), `${l} in ${attrs.join(', ')}`);
    const snippets = labels(await complete(uri, 3, 1));
    for (const l of ['Users with Exchange mailbox', "Exclude the stores' system mailboxes"]) assert.ok(snippets.includes(l), `${l} in ${snippets.join(', ')}`);
  });

  test('the preferred quick fix wraps the short NOT in parentheses (on a temporary copy)', async () => {
    const original = fs.readFileSync(EXAMPLE, 'utf8');
    const copy = await openCopy(EXAMPLE, 'ldapfilter-quickfix/marketing-fulltime.ldapfilter');
    const diags = await waitForDiagnostics(copy.uri, has('ldapfilter.aduc-short-not'));
    const actions = await quickFixes(copy.uri, diags.find((d) => code(d) === 'ldapfilter.aduc-short-not'));
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepStrictEqual(preferred.map((a) => a.title), ['Wrap the condition: (!(…))'], titles(actions));
    await applyAction(preferred[0]);
    assert.strictEqual(copy.doc.lineAt(2).text, '  (!(cn=SystemMailbox{*}))');
    assert.strictEqual(copy.doc.getText(), original.replace('(!cn=SystemMailbox{*})', '(!(cn=SystemMailbox{*}))'));
    const after = await waitForDiagnostics(copy.uri, (ds) => !has('ldapfilter.aduc-short-not')(ds), 20000, 'the fixed finding to clear');
    assert.deepStrictEqual(where(after), FINDINGS.slice(1));
    await copy.check();
  });

  test('fix-all (source.fixAll) applies the one auto-fixable fix and leaves the schema findings (on a temporary copy)', async () => {
    const original = fs.readFileSync(EXAMPLE, 'utf8');
    const copy = await openCopy(EXAMPLE, 'ldapfilter-fixall/marketing-fulltime.ldapfilter');
    await waitForDiagnostics(copy.uri, (ds) => where(ds).join() === FINDINGS.join());
    const actions = await fixAllActions(copy.uri);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind.value]), [['Fix all auto-fixable Exchange Config problems', 'source.fixAll.exchange-config']]);
    await applyAction(actions[0]);
    assert.strictEqual(copy.doc.getText(), original.replace('(!cn=SystemMailbox{*})', '(!(cn=SystemMailbox{*}))'));
    const after = await waitForDiagnostics(copy.uri, (ds) => !has('ldapfilter.aduc-short-not')(ds), 20000, 'the fixed finding to clear');
    assert.deepStrictEqual(where(after), FINDINGS.slice(1), 'no fix is preferred for the schema findings');
    assert.deepStrictEqual(await fixAllActions(copy.uri), [], 'nothing left to fix');
    await copy.check();
  });

  test('exchangeConfig.ldapAttributesInGC counts employeeType as in the global catalog (then only the short NOT remains)', async () => {
    await waitForDiagnostics(uri, has('ldapfilter.attribute-not-in-gc'));
    await setSetting('ldapAttributesInGC', ['employeeType']);
    const diags = await waitForDiagnostics(uri, (ds) => !has('ldapfilter.attribute-not-in-gc')(ds), 20000, 'the setting to apply');
    // In the global catalog now; not indexed, but ANDed with the indexed (mailNickname=*), so not reported as unindexed.
    assert.deepStrictEqual(where(diags), ['ldapfilter.aduc-short-not@2:4-2:23']);
    await setSetting('ldapAttributesInGC', undefined);
    await waitForDiagnostics(uri, (ds) => where(ds).join() === FINDINGS.join(), 20000, 'the setting to be removed');
  });
});
