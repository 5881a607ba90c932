// Shared helpers of the extension-host tests. They wait on events, never on fixed sleeps.
'use strict';
const vscode = require('vscode');
const path = require('path');

/** The repository (the extension under test). */
exports.REPO = path.resolve(__dirname, '..', '..', '..');
/** The temporary workspace folder test/e2e/run.js opened (a copy of examples/). */
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
