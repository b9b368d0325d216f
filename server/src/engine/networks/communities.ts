// Communities and modularity as Gephi computes them (METHODS A(b), A(h)): Louvain or Leiden on the
// undirected view with weights (for directed data w_ij + w_ji), resolution γ, randomised and repeated from
// a seed, keeping the best Q = Σ_c [γ·in_c/m − (deg_c/2m)²] (Gephi's formula) and counting the runs that
// reached it (multilevel.ts holds the two algorithms).
import type { Checkpoint } from '../cancel.js';
import { Rng } from '../prng.js';
import type { Matrix } from './measures.js';
import { communitiesOnce, quality, type Algorithm, type WeightedGraph } from './multilevel.js';

/** Undirected weights: reciprocal and parallel arc weights summed; unweighted, 1 for every tie. */
function undirectedWeights(m: Matrix, weighted: boolean): number[][] {
  const w = m.w.map((row, i) => row.map((x, j) => (i === j ? 0 : m.directed ? x + m.w[j][i] : x)));
  return weighted ? w : w.map((row) => row.map((x) => (x > 0 ? 1 : 0)));
}

export function modularity(m: Matrix, membership: readonly number[], resolution = 1, weighted = true): number {
  return quality(weightedGraph(m, weighted), membership, resolution);
}

export interface CommunityOptions {
  algorithm: Algorithm; runs: number; seed: number; resolution: number; weighted: boolean;
  /** Throws when the run is cancelled; called before every restart. */
  checkpoint?: Checkpoint;
}

export interface Communities {
  membership: number[]; modularity: number; count: number;
  /** How many of the runs reached the returned modularity (to 1e-10). */
  runsAtBest: number;
}

/** The best of `runs` seeded runs (ties keep the earlier run), and how many runs reached its Q. */
export function bestCommunities(m: Matrix, options: CommunityOptions): Communities {
  const graph = weightedGraph(m, options.weighted);
  if (graph.total === 0) return { membership: m.nodes.map((_, i) => i), modularity: 0, count: m.nodes.length, runsAtBest: options.runs };
  const rng = new Rng(options.seed);
  let best: Communities | undefined;
  for (let run = 0; run < options.runs; run++) {
    options.checkpoint?.();
    const membership = communitiesOnce(graph, options.algorithm, options.resolution, rng);
    const q = quality(graph, membership, options.resolution);
    if (best && Math.abs(q - best.modularity) <= SAME_Q) best.runsAtBest++;
    else if (!best || q > best.modularity) best = { membership, modularity: q, count: Math.max(...membership) + 1, runsAtBest: 1 };
  }
  return best ?? { membership: [], modularity: 0, count: 0, runsAtBest: 0 };
}

/** Runs whose Q differs by less than this found the same optimum (different partitions may share it). */
const SAME_Q = 1e-10;

function weightedGraph(m: Matrix, weighted: boolean): WeightedGraph {
  const w = undirectedWeights(m, weighted);
  const adjacency = w.map((row) => row.flatMap((weight, node) => (weight > 0 ? [{ node, weight }] : [])));
  const strength = w.map((row) => row.reduce((s, x) => s + x, 0));
  return { adjacency, strength, total: strength.reduce((s, x) => s + x, 0) / 2 };
}
