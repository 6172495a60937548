// The folders of core/ form layers: no two folders may import each other, directly or round a
// longer loop. ESLint's import-x/no-cycle sees only cycles between files; this sees the folders
// (tata-letak → hierarki → tata-letak/model was a cycle no file-level rule reports).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const CORE = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The core folder of a path ('.' for a file directly in core/), or null outside core. */
function folderOf(path: string, folders: ReadonlySet<string>): string | null {
  const rel = relative(CORE, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  // `from '../hierarki'` names the folder itself (its index.ts).
  return parts.length > 1 || folders.has(parts[0]) ? parts[0] : '.';
}

function folderGraph(files: string[], read: (f: string) => string): Map<string, Set<string>> {
  const folders = new Set(
    files
      .map((f) => relative(CORE, f).split(sep))
      .filter((p) => p.length > 1)
      .map((p) => p[0]),
  );
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(file, folders)!;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const imp of ts.preProcessFile(read(file), true, true).importedFiles) {
      if (!imp.fileName.startsWith('.')) continue;
      const to = folderOf(resolve(dirname(file), imp.fileName), folders);
      if (to !== null && to !== from && to !== '.' && from !== '.') graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Every strongly connected group of more than one folder (Tarjan), each sorted. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

describe('core/ layering', () => {
  test('no two core folders import each other, directly or through others', () => {
    const graph = folderGraph(sourceFiles(CORE), (f) => readFileSync(f, 'utf8'));
    expect(graph.size).toBeGreaterThan(5);
    expect(cycles(graph)).toEqual([]);
  });

  test('the check sees a loop through three folders and a direct pair, and not a one-way chain', () => {
    const files: Record<string, string> = {
      [join(CORE, 'a/x.ts')]: "import { y } from '../b/y';",
      [join(CORE, 'b/y.ts')]: "import { z } from '../c/z';",
      [join(CORE, 'c/z.ts')]: "import type { X } from '../a/x';",
      [join(CORE, 'd/p.ts')]: "import { q } from '../e';",
      [join(CORE, 'e/index.ts')]: "export * from './q';",
      [join(CORE, 'e/q.ts')]: "export { p } from '../d/p';",
      [join(CORE, 'f/r.ts')]: "import { x } from '../a/x'; import { readFileSync } from 'node:fs';",
    };
    const graph = folderGraph(Object.keys(files), (f) => files[f]);
    expect(cycles(graph).sort()).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });
});
