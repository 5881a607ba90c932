// Shared helpers of the extension-host tests. They wait on events, never on fixed sleeps.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

/** The repository (the extension under test). */
exports.REPO = path.resolve(__dirname, '..', '..', '..');
/** The temporary workspace folder test/e2e/run.js opened (empty at the start; tests copy examples into it). */
exports.workspace = () => vscode.workspace.workspaceFolders[0].uri.fsPath;

/** Resolves with the diagnostics of `uri` once `accept(diagnostics)` holds; rejects after `ms`. */
exports.waitForDiagnostics = function waitForDiagnostics(uri, accept, ms = 20000, what = 'diagnostics') {
  return new Promise((resolve, reject) => {
    let sub;
    const timer = setTimeout(() => {
      sub.dispose();
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${d.code && d.code.value !== undefined ? d.code.value : d.code}@${d.range.start.line}`);
      reject(new Error(`timed out after ${ms} ms waiting for ${what} of ${uri.fsPath}; have: ${now.join(', ') || 'none'}`));
    }, ms);
    const check = () => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (!accept(diags)) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(diags);
      return true;
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
};

/** The code of a diagnostic as a string (the client gives `{ value, target }` when the server sends a codeDescription). */
exports.code = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
exports.codes = (diags) => diags.map(exports.code);

/** Hover contents as one string. */
exports.hoverText = (hovers) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

/** Completion labels (a label may be a string or `{ label }`). */
exports.labels = (list) => (Array.isArray(list) ? list : list.items).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

/** Resolves with the next text document opened that satisfies `accept`; rejects after `ms`. */
exports.waitForOpenedDocument = function waitForOpenedDocument(accept, ms = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for a document to open`));
    }, ms);
    const sub = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!accept(doc)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(doc);
    });
  });
};

/** A path in the examples/ folder of the repository. */
exports.example = (...parts) => path.join(exports.REPO, 'examples', ...parts);

/** Opens `file` (a path or a Uri) and shows it in a non-preview tab: the client pulls diagnostics for documents in tabs. */
exports.openShown = async function openShown(file) {
  const doc = await vscode.workspace.openTextDocument(typeof file === 'string' ? vscode.Uri.file(file) : file);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
};

/** An accept function for waitForDiagnostics: the diagnostics include `c`. */
exports.has = (c) => (diags) => exports.codes(diags).includes(c);

/** Each diagnostic as "code@line:character-line:character", sorted: one assertion checks codes and exact ranges. */
exports.where = (diags) =>
  diags.map((d) => `${exports.code(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

/**
 * Copies the example `src` to `rel` under the workspace folder (where edits may go) and opens it in a tab. Returns the
 * copy's path, Uri and document, and `check()`, which reverts and closes the copy's editor and asserts that neither the
 * copy nor the example changed on disk.
 */
exports.openCopy = async function openCopy(src, rel) {
  const original = fs.readFileSync(src);
  const file = path.join(exports.workspace(), rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(src, file);
  const uri = vscode.Uri.file(file);
  const doc = await exports.openShown(uri);
  const check = async () => {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.ok(fs.readFileSync(file).equals(original), `${rel}: nothing written to disk`);
    assert.ok(fs.readFileSync(src).equals(original), `${path.relative(exports.REPO, src)} unchanged`);
  };
  return { file, uri, doc, check };
};

/** The quick-fix code actions VS Code gets for the diagnostics at `diagnostic`'s range: fixes and "Show documentation". */
exports.quickFixActions = (uri, diagnostic) =>
  vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);

/** A quick fix that writes a suppression comment ("Suppress CODE on this line" / "… in this file"). */
const isSuppression = (action) => /^Suppress \S+ (on this line|in this file)$/.test(action.title);

/**
 * The quick fixes (actions that edit the document) VS Code gets for `diagnostic`, computed by the server for the
 * document's current version; the "Show documentation for CODE" actions, which only run a command, and the
 * suppression comments (suppressionFixes) are left out.
 */
exports.quickFixes = async (uri, diagnostic) => (await exports.quickFixActions(uri, diagnostic)).filter((a) => a.edit !== undefined && !isSuppression(a));

/** The suppression-comment quick fixes VS Code gets for a diagnostic. */
exports.suppressionFixes = async (uri, diagnostic) => (await exports.quickFixActions(uri, diagnostic)).filter((a) => a.edit !== undefined && isSuppression(a));

/** The code actions of kind source.fixAll VS Code gets for the whole document. */
exports.fixAllActions = async (uri) => {
  const doc = await vscode.workspace.openTextDocument(uri);
  const all = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
  return vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, all, vscode.CodeActionKind.SourceFixAll.value);
};

/** Applies a code action's edit through the workspace API and asserts that VS Code accepted it. */
exports.applyAction = async (action) => {
  assert.ok(action && action.edit, `the action carries its edit: ${action && action.title}`);
  assert.strictEqual(await vscode.workspace.applyEdit(action.edit), true, `VS Code applied "${action.title}"`);
};

/** Titles of code actions, for assertion messages. */
exports.titles = (actions) => actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''} [${a.kind ? a.kind.value : ''}]`).join('; ');

/** Sets exchangeConfig.<key> in the user settings (undefined removes it); resolves once the settings file is written. */
exports.setSetting = (key, value) => vscode.workspace.getConfiguration('exchangeConfig').update(key, value, vscode.ConfigurationTarget.Global);
