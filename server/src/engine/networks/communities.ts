// Communities and modularity as Gephi computes them (METHODS A(b), A(h)): Louvain on the undirected
// view with weights (for directed data w_ij + w_ji), resolution γ, randomised and repeated from a seed,
// keeping the best Q. Louvain itself is graphology's; the modularity reported is recomputed here with
// Gephi's formula Q = Σ_c [γ·in_c/m − (deg_c/2m)²].
import { UndirectedGraph } from 'graphology';
import louvainModule, { type DetailedLouvainOutput, type LouvainOptions as GraphologyLouvainOptions } from 'graphology-communities-louvain';
import type { Checkpoint } from '../cancel.js';
import { Rng } from '../prng.js';
import type { Matrix } from './measures.js';

// The package is CommonJS (`module.exports = louvain`): at run time the default import is the function,
// whatever its ESM-flavoured type declaration says.
const detailedLouvain = (louvainModule as unknown as { detailed(graph: UndirectedGraph, options: GraphologyLouvainOptions): DetailedLouvainOutput }).detailed;

/** Undirected weights: reciprocal and parallel arc weights summed. */
function undirectedWeights(m: Matrix): number[][] {
  return m.w.map((row, i) => row.map((x, j) => (i === j ? 0 : m.directed ? x + m.w[j][i] : x)));
}

export function modularity(m: Matrix, membership: readonly number[], resolution = 1, weighted = true): number {
  const w = undirectedWeights(m).map((row) => row.map((x) => (weighted ? x : x > 0 ? 1 : 0)));
  const n = w.length;
  const strength = w.map((row) => row.reduce((s, x) => s + x, 0));
  const total = strength.reduce((s, x) => s + x, 0) / 2; // m: total edge weight
  if (total === 0) return 0;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    degree.set(membership[i], (degree.get(membership[i]) ?? 0) + strength[i]);
    for (let j = i + 1; j < n; j++) if (membership[i] === membership[j]) inside.set(membership[i], (inside.get(membership[i]) ?? 0) + w[i][j]);
  }
  let q = 0;
  for (const [c, deg] of degree) q += (resolution * (inside.get(c) ?? 0)) / total - (deg / (2 * total)) ** 2;
  return q;
}

export interface LouvainOptions {
  runs: number; seed: number; resolution: number; weighted: boolean;
  /** Throws when the run is cancelled; called before every restart. */
  checkpoint?: Checkpoint;
}

export interface Communities { membership: number[]; modularity: number; count: number }

/** The best of `runs` seeded Louvain runs (ties keep the earlier run). */
export function louvainCommunities(m: Matrix, options: LouvainOptions): Communities {
  const w = undirectedWeights(m);
  const graph = new UndirectedGraph();
  m.nodes.forEach((n) => graph.addNode(n));
  for (let i = 0; i < w.length; i++) {
    for (let j = i + 1; j < w.length; j++) if (w[i][j] > 0) graph.addEdge(m.nodes[i], m.nodes[j], { weight: options.weighted ? w[i][j] : 1 });
  }
  const rng = new Rng(options.seed);
  let best: Communities | undefined;
  for (let run = 0; run < options.runs; run++) {
    options.checkpoint?.();
    const found = detailedLouvain(graph, { getEdgeWeight: 'weight', resolution: options.resolution, rng: () => rng.next() });
    const membership = m.nodes.map((n) => found.communities[n]);
    const q = modularity(m, membership, options.resolution, options.weighted);
    if (!best || q > best.modularity + 1e-12) best = { membership, modularity: q, count: found.count };
  }
  return best ?? { membership: [], modularity: 0, count: 0 };
}
