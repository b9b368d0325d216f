// server/src's import graph from the source text: static `import … from`, `export … from`, side-effect
// `import '…'` and dynamic `import('…')`, types included (a type-only circle still ties modules together).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const SERVER_SRC = resolve(import.meta.dirname, '../../server/src');

/** File (relative to server/src, `/`-separated) → what it imports: other files of server/src, or package names. */
export type ImportGraph = Map<string, string[]>;

const IMPORT = /(?:^|[;\s])(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importGraph(root = SERVER_SRC): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]).map((spec) =>
      spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)).split('\\').join('/').replace(/\.js$/, '.ts') : spec);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

function sourceFiles(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The graph among the files under `folder` only. */
export function subgraph(graph: ImportGraph, folder: string): ImportGraph {
  const inside = (file: string) => file.startsWith(`${folder}/`);
  return new Map([...graph].filter(([file]) => inside(file)).map(([file, targets]) => [file, targets.filter(inside)]));
}

/** One import circle of the graph as a path that ends where it starts, or undefined when there is none. */
export function findCycle(graph: ImportGraph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}
