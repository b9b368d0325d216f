// Closeness and betweenness from the path jobs' sums (METHODS A(c)): Freeman closeness (n−1)/Σd with
// UCINET's fill for unreachable pairs, and Brandes betweenness, exact or estimated from a seeded sample of
// sources (Brandes & Pich 2007): Σ over k sources drawn without replacement of δ_s(v), scaled by n/k, an
// unbiased estimate whose standard error is n·√((1 − k/n)·S²_v/k), S²_v the sample variance of δ_s(v).
import type { Unreachable } from '../measures.js';
import { Rng } from '../../prng.js';
import { nodeCount, type Adjacency } from '../adjacency.js';
import type { Checkpoint } from '../../cancel.js';
import { runPathJob, runPathJobHere, type Parallelism, type PathJob, type PathSums } from './chunks.js';
import { positiveArcs, type DistanceSums } from './kernels.js';

export type PathItem = 'closeness' | 'in_closeness' | 'betweenness';

export interface PathOptions {
  unreachable: Unreachable;
  /** Betweenness from this many sources drawn with `seed`; unset (or ≥ n), from every node. */
  sample?: { sources: number; seed: number };
}

/** The jobs the listed items need: one search from every node for closeness, one per source for betweenness. */
interface PathPlan { distances?: PathJob<'distances'>; betweenness?: PathJob<'betweenness'> }

/** The listed path items (others are ignored), on worker threads when the job is large (chunks.ts). */
export async function pathCentralities(graph: Adjacency, items: readonly string[], options: PathOptions, parallelism: Parallelism = {}): Promise<PathValues> {
  const a = positiveArcs(graph);
  const plan = pathPlan(a, items, options);
  const sums: PathSumsOf = {
    distances: plan.distances && await runPathJob(a, plan.distances, parallelism),
    betweenness: plan.betweenness && await runPathJob(a, plan.betweenness, parallelism),
  };
  return pathValues(a, items, plan, sums, options);
}

/** `pathCentralities` on this thread. */
export function pathCentralitiesHere(graph: Adjacency, items: readonly string[], options: PathOptions, checkpoint?: Checkpoint): PathValues {
  const a = positiveArcs(graph);
  const plan = pathPlan(a, items, options);
  const sums: PathSumsOf = {
    distances: plan.distances && runPathJobHere(a, plan.distances, checkpoint),
    betweenness: plan.betweenness && runPathJobHere(a, plan.betweenness, checkpoint),
  };
  return pathValues(a, items, plan, sums, options);
}

function pathPlan(a: Adjacency, items: readonly string[], options: PathOptions): PathPlan {
  const n = nodeCount(a);
  const sampled = options.sample && options.sample.sources < n;
  return {
    distances: items.some((i) => i === 'closeness' || i === 'in_closeness') ? { kind: 'distances', sources: everyNode(n) } : undefined,
    betweenness: items.includes('betweenness')
      ? { kind: 'betweenness', sources: sampled ? sampledSources(n, options.sample!.sources, options.sample!.seed) : everyNode(n), squares: !!options.sample }
      : undefined,
  };
}

interface PathSumsOf { distances?: PathSums<'distances'>; betweenness?: PathSums<'betweenness'> }

export interface PathValues {
  values: Partial<Record<PathItem, number[]>>;
  /** Raw betweenness's standard errors, where it was estimated from a sample (0 when every node was a source). */
  betweennessError?: number[];
}

function pathValues(a: Adjacency, items: readonly string[], plan: PathPlan, sums: PathSumsOf, options: PathOptions): PathValues {
  const n = nodeCount(a);
  const out: PathValues = { values: {} };
  if (sums.distances) {
    if (items.includes('closeness')) out.values.closeness = closeness(sums.distances, n, 'out', options.unreachable);
    if (items.includes('in_closeness')) out.values.in_closeness = closeness(sums.distances, n, 'in', options.unreachable);
  }
  if (sums.betweenness && plan.betweenness) {
    // Each undirected pair is searched from both ends: halved, as UCINET and igraph count it once.
    const half = a.directed ? 1 : 0.5;
    const k = plan.betweenness.sources.length;
    const scale = k ? (half * n) / k : 0;
    out.values.betweenness = Array.from(sums.betweenness.score, (x) => (k === n ? x * half : x * scale));
    const squares = sums.betweenness.squares;
    if (squares) {
      out.betweennessError = Array.from(sums.betweenness.score, (x, v) => {
        if (k < 2 || k === n) return 0;
        const variance = Math.max(0, (squares[v] - (x * x) / k) / (k - 1));
        return half * n * Math.sqrt(((1 - k / n) * variance) / k);
      });
    }
  }
  return out;
}

/**
 * Freeman closeness: `out` reads distances from the node, `in` distances to it; an unreachable pair takes
 * the largest finite distance + 1 (UCINET), n, the average finite distance, or is left out (`ignore`).
 */
function closeness(d: DistanceSums, n: number, direction: 'out' | 'in', unreachable: Unreachable): number[] {
  const fill = unreachable === 'n' ? n : unreachable === 'average' ? (d.count ? d.total / d.count : 0) : unreachable === 'max_plus_one' ? d.max + 1 : 0;
  const sum = direction === 'out' ? d.fromSum : d.toSum;
  const reached = direction === 'out' ? d.fromCount : d.toCount;
  return Array.from({ length: n }, (_, v) => {
    const missing = n - 1 - reached[v];
    const counted = unreachable === 'ignore' ? reached[v] : n - 1;
    const total = sum[v] + (unreachable === 'ignore' ? 0 : missing * fill);
    return total > 0 ? counted / total : 0;
  });
}

function everyNode(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/** k distinct nodes drawn uniformly with the seeded generator (a partial Fisher–Yates shuffle), ascending. */
function sampledSources(n: number, k: number, seed: number): Int32Array {
  const nodes = everyNode(n);
  const rng = new Rng(seed);
  for (let i = 0; i < k; i++) {
    const j = rng.int(i, n - 1);
    [nodes[i], nodes[j]] = [nodes[j], nodes[i]];
  }
  return nodes.slice(0, k).sort();
}
