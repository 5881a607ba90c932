/** Grammar tests: load a TextMate grammar the way VS Code does and look at the tokens of lines. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export interface Token {
  text: string;
  scopes: string[];
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** The Oniguruma WebAssembly build, loaded once for every grammar (it cannot be loaded twice). */
function onig(): Promise<vsctm.IOnigLib> {
  onigLib ??= oniguruma.loadWASM({ data: fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')) }).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
  return onigLib;
}

const grammars = new Map<string, Promise<vsctm.IGrammar>>();

/** vscode-textmate on top of the Oniguruma WebAssembly build, as in VS Code. */
export function loadGrammar(scopeName: string, file: string): Promise<vsctm.IGrammar> {
  let g = grammars.get(scopeName);
  if (!g) {
    const registry = new vsctm.Registry({
      onigLib: onig(),
      loadGrammar: async (name) => (name === scopeName ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null),
    });
    g = registry.loadGrammar(scopeName).then((grammar) => {
      if (!grammar) throw new Error(`${scopeName} did not load`);
      return grammar;
    });
    grammars.set(scopeName, g);
  }
  return g;
}

/**
 * A function that tokenizes lines in order (state carried from line to line, as in the editor). It fails if
 * vscode-textmate reports a problem (it logs endless-loop protection to console.error).
 */
export function tokenizer(scopeName: string, file: string): (...lines: string[]) => Promise<Token[][]> {
  return async (...lines) => {
    const grammar = await loadGrammar(scopeName, file);
    const complaints: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => {
      complaints.push(args.map(String).join(' '));
    };
    const result: Token[][] = [];
    try {
      let state = vsctm.INITIAL;
      for (const line of lines) {
        const r = grammar.tokenizeLine(line, state);
        result.push(r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
        state = r.ruleStack;
      }
    } finally {
      console.error = original;
    }
    assert.deepStrictEqual(complaints, [], 'vscode-textmate complained while tokenizing');
    return result;
  };
}

export function show(line: Token[]): string {
  return line.map((t) => `${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join('\n');
}

/** The n-th token (0-based) whose text is exactly `text`. */
export function tok(line: Token[], text: string, n = 0): Token {
  const found = line.filter((t) => t.text === text);
  assert.ok(found.length > n, `no token ${JSON.stringify(text)} (#${n}) in:\n${show(line)}`);
  return found[n];
}

/** Asserts that the n-th token `text` carries `scope` somewhere in its scope stack. */
export function hasScope(line: Token[], text: string, scope: string, n = 0): void {
  const t = tok(line, text, n);
  assert.ok(t.scopes.includes(scope), `${JSON.stringify(text)} has ${t.scopes.join(' ')}, expected ${scope}`);
}

export function lacksScope(line: Token[], text: string, prefix: string, n = 0): void {
  const t = tok(line, text, n);
  assert.ok(!t.scopes.some((s) => s.startsWith(prefix)), `${JSON.stringify(text)} has ${t.scopes.join(' ')}, expected no ${prefix}*`);
}

export function innermost(line: Token[], text: string, n = 0): string {
  const s = tok(line, text, n).scopes;
  return s[s.length - 1];
}

export function noInvalid(line: Token[]): void {
  const bad = line.filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
  assert.deepStrictEqual(bad, [], `unexpected invalid tokens in:\n${show(line)}`);
}
