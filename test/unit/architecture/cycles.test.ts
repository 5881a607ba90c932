import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', '..', '..', 'server', 'src');

/**
 * The relative imports of every TypeScript file under `root`, type-only ones included (the lint's import-x/no-cycle
 * follows only the imports that remain at run time), as found by TypeScript's own pre-processor.
 */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts')) {
        const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
        const targets = importedFiles
          .map((i) => i.fileName)
          .filter((name) => name.startsWith('.'))
          .map((name) => path.resolve(path.dirname(file), name))
          .flatMap((base) => [`${base}.ts`, path.join(base, 'index.ts')].filter((f) => fs.existsSync(f)).slice(0, 1));
        graph.set(file, targets);
      }
    }
  };
  visit(root);
  return graph;
}

/** The strongly connected components of more than one file, or of one file importing itself (Tarjan's algorithm). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

describe('architecture: no import cycles, type-only imports included', () => {
  it('finds cycles where there are some', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ]);
    assert.deepStrictEqual(cycles(graph), [['d'], ['a', 'b', 'c']]);
  });

  it('has none in the language server sources', () => {
    const graph = importGraph(SRC);
    assert.ok(graph.size > 50, `read ${graph.size} files`);
    assert.ok([...graph.values()].some((targets) => targets.length > 0), 'resolves imports');
    assert.deepStrictEqual(cycles(graph).map((c) => c.map((f) => path.relative(SRC, f))), []);
  });
});
