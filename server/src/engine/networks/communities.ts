// Communities and modularity as Gephi computes them (METHODS A(b), A(h)): Louvain or Leiden on the
// undirected view with weights (for directed data w_ij + w_ji), resolution γ, randomised and repeated from
// a seed, keeping the best Q = Σ_c [γ·in_c/m − (deg_c/2m)²] (Gephi's formula) and counting the runs that
// reached it (multilevel.ts holds the two algorithms).
import type { Checkpoint } from '../cancel.js';
import { Rng } from '../prng.js';
import { adjacencyOfMatrix, binary, combined, nodeCount, rowSums, type Adjacency } from './adjacency.js';
import type { Matrix } from './measures.js';
import { communitiesOnce, quality, type Algorithm, type WeightedGraph } from './multilevel.js';

export function modularity(m: Matrix, membership: readonly number[], resolution = 1, weighted = true): number {
  return quality(weightedGraph(m, weighted), membership, resolution);
}

export interface CommunityOptions {
  algorithm: Algorithm; seed: number; resolution: number; weighted: boolean;
  /** Unset: `defaultRuns` of the graph's ties. */
  runs?: number;
  /** Leiden's iterations per run at most; unset: `defaultIterations` of the graph's ties. */
  iterations?: number;
  /** Throws when the run is cancelled; called before every restart. */
  checkpoint?: Checkpoint;
}

export interface Communities {
  membership: number[]; modularity: number; count: number;
  /** How many of the runs reached the returned modularity (to 1e-10). */
  runsAtBest: number;
}

/**
 * Runs when `runs` is not given: 100 up to 10⁵ ties (every size the reference cases have), then 10⁷/ties
 * (at least 1), so that the work stays near that of 100 runs on 10⁵ ties: 10 runs on 10⁶ ties, each a few
 * seconds there (test/bench/applicantNetwork.ts).
 */
export function defaultRuns(ties: number): number {
  return ties <= 1e5 ? 100 : Math.max(1, Math.round(1e7 / ties));
}

/**
 * Leiden's iterations per run when `iterations` is not given: until Q stops rising up to 10⁵ ties, then 2,
 * igraph's and leidenalg's default (n_iterations = 2). On 10⁶ ties a run iterated until Q stopped rising took
 * 98 s, its later iterations each costing as much as the first for gains of 10⁻⁵ in Q.
 */
export function defaultIterations(ties: number): number {
  return ties <= 1e5 ? Infinity : 2;
}

/** The runs `bestCommunities` makes on this graph with these options, and the Leiden iterations of each at most. */
export function communityEffort(m: Matrix | Adjacency, options: Pick<CommunityOptions, 'runs' | 'iterations' | 'weighted'>): { runs: number; iterations: number } {
  return effortOn(weightedGraph(m, options.weighted), options);
}

/** `runs` and `iterations` as given, else by the graph's ties. */
function effortOn(graph: WeightedGraph, options: Pick<CommunityOptions, 'runs' | 'iterations'>): { runs: number; iterations: number } {
  const ties = graph.nodes.length / 2;
  return { runs: options.runs ?? defaultRuns(ties), iterations: options.iterations ?? defaultIterations(ties) };
}

/** The best of `runs` seeded runs (ties keep the earlier run), and how many runs reached its Q. */
export function bestCommunities(m: Matrix | Adjacency, options: CommunityOptions): Communities {
  const graph = weightedGraph(m, options.weighted);
  const n = graph.strength.length;
  const { runs, iterations } = effortOn(graph, options);
  if (graph.total === 0) return { membership: Array.from({ length: n }, (_, i) => i), modularity: 0, count: n, runsAtBest: runs };
  const rng = new Rng(options.seed);
  let best: Communities | undefined;
  for (let run = 0; run < runs; run++) {
    options.checkpoint?.();
    const membership = communitiesOnce(graph, options.algorithm, options.resolution, rng, iterations);
    const q = quality(graph, membership, options.resolution);
    if (best && Math.abs(q - best.modularity) <= SAME_Q) best.runsAtBest++;
    else if (!best || q > best.modularity) best = { membership, modularity: q, count: membership.reduce((c, x) => Math.max(c, x + 1), 0), runsAtBest: 1 };
  }
  return best ?? { membership: [], modularity: 0, count: 0, runsAtBest: 0 };
}

/** Runs whose Q differs by less than this found the same optimum (different partitions may share it). */
const SAME_Q = 1e-10;

/**
 * The undirected view communities are found on: reciprocal and parallel arc weights summed (w_ij + w_ji);
 * unweighted, 1 for every tie. Ties of value ≤ 0 are no ties, but count in the strengths.
 */
function weightedGraph(m: Matrix | Adjacency, weighted: boolean): WeightedGraph {
  const directed = 'w' in m ? adjacencyOfMatrix(m) : m;
  const valued = combined(directed, (wij, wji) => wij + wji);
  const a = weighted ? valued : binary(valued);
  const strength = Float64Array.from(rowSums(a));
  let total = 0;
  for (const k of strength) total += k;
  const offsets = new Int32Array(nodeCount(a) + 1);
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let v = 0; v < nodeCount(a); v++) {
    for (let k = a.offsets[v]; k < a.offsets[v + 1]; k++) if (a.weights[k] > 0) { nodes.push(a.targets[k]); weights.push(a.weights[k]); }
    offsets[v + 1] = nodes.length;
  }
  return { offsets, nodes: Int32Array.from(nodes), weights: Float64Array.from(weights), strength, total: total / 2 };
}
