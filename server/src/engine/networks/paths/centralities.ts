// Closeness and betweenness from the path jobs' sums (METHODS A(c)): Freeman closeness (n−1)/Σd with
// UCINET's fill for unreachable pairs, and Brandes betweenness, each exact or estimated from a seeded sample of
// sources. Betweenness (Brandes & Pich 2007): Σ over k sources drawn without replacement of δ_s(v), scaled by
// n/k, an unbiased estimate whose standard error is n·√((1 − k/n)·S²_v/k), S²_v the sample variance of δ_s(v).
// Closeness (Eppstein & Wang 2004): each node's mean distance from the sampled sources (`sampledCloseness`).
import type { Unreachable } from '../measures.js';
import { Rng } from '../../prng.js';
import { nodeCount, transpose, type Adjacency } from '../adjacency.js';
import type { Checkpoint } from '../../cancel.js';
import { runPathJob, runPathJobHere, type Parallelism, type PathJob, type PathSums } from './chunks.js';
import { positiveArcs, type DistanceSums } from './kernels.js';

export type PathItem = 'closeness' | 'in_closeness' | 'betweenness';

export interface PathOptions {
  unreachable: Unreachable;
  /** Betweenness, or closeness (both directions), from this many sources drawn with `seed`; unset, exact. */
  sample?: { seed: number; betweenness?: number; closeness?: number };
}

/**
 * The jobs the listed items need: exact closeness one search from every node (both directions from it);
 * sampled closeness one per source, along the arcs for distances to each node (`towards`: in-closeness, and
 * closeness when undirected) and along the reversed arcs for distances from it (`away`: out-closeness of a
 * directed network); betweenness one per source.
 */
interface PathPlan {
  distances?: PathJob<'distances'>;
  towards?: PathJob<'distances'>;
  away?: PathJob<'distances'>;
  betweenness?: PathJob<'betweenness'>;
}

/** The listed path items (others are ignored), on worker threads when the job is large (chunks.ts). */
export async function pathCentralities(graph: Adjacency, items: readonly string[], options: PathOptions, parallelism: Parallelism = {}): Promise<PathValues> {
  const a = positiveArcs(graph);
  const plan = pathPlan(a, items, options);
  const sums: PathSumsOf = {
    distances: plan.distances && await runPathJob(a, plan.distances, parallelism),
    towards: plan.towards && await runPathJob(a, plan.towards, parallelism),
    away: plan.away && await runPathJob(transpose(a), plan.away, parallelism),
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
    towards: plan.towards && runPathJobHere(a, plan.towards, checkpoint),
    away: plan.away && runPathJobHere(transpose(a), plan.away, checkpoint),
    betweenness: plan.betweenness && runPathJobHere(a, plan.betweenness, checkpoint),
  };
  return pathValues(a, items, plan, sums, options);
}

/** Average geodesic length and diameter over the reachable ordered pairs, and their count (Gephi, UCINET). */
export interface PathLengths { average: number; diameter: number; reachablePairs: number }

/** Path lengths from one search per node, on worker threads when the graph is large (chunks.ts). */
export async function pathLengths(graph: Adjacency, parallelism: Parallelism = {}): Promise<PathLengths> {
  const a = positiveArcs(graph);
  return lengthsOf(await runPathJob(a, { kind: 'distances', sources: everyNode(nodeCount(a)) }, parallelism));
}

/** `pathLengths` on this thread. */
export function pathLengthsHere(graph: Adjacency, checkpoint?: Checkpoint): PathLengths {
  const a = positiveArcs(graph);
  return lengthsOf(runPathJobHere(a, { kind: 'distances', sources: everyNode(nodeCount(a)) }, checkpoint));
}

/** The distances are whole numbers, so their total is exact whatever the order of the sums. */
const lengthsOf = (d: DistanceSums): PathLengths => ({ average: d.count ? d.total / d.count : 0, diameter: d.max, reachablePairs: d.count });

function pathPlan(a: Adjacency, items: readonly string[], { sample }: PathOptions): PathPlan {
  const n = nodeCount(a);
  const out = items.includes('closeness');
  const into = items.includes('in_closeness');
  const plan: PathPlan = {};
  if (sample?.closeness !== undefined) {
    const job: PathJob<'distances'> = { kind: 'distances', sources: sourcesFor(n, sample.closeness, sample.seed), squares: true };
    if (into || (out && !a.directed)) plan.towards = job;
    if (out && a.directed) plan.away = job;
  } else if (out || into) plan.distances = { kind: 'distances', sources: everyNode(n) };
  if (items.includes('betweenness')) {
    const k = sample?.betweenness;
    plan.betweenness = { kind: 'betweenness', sources: k === undefined ? everyNode(n) : sourcesFor(n, k, sample!.seed), squares: k !== undefined };
  }
  return plan;
}

interface PathSumsOf { distances?: DistanceSums; towards?: DistanceSums; away?: DistanceSums; betweenness?: PathSums<'betweenness'> }

export interface PathValues {
  values: Partial<Record<PathItem, number[]>>;
  /** Standard errors of the items estimated from sampled sources (raw betweenness's; 0 when every node was a source). */
  errors: Partial<Record<PathItem, number[]>>;
}

function pathValues(a: Adjacency, items: readonly string[], plan: PathPlan, sums: PathSumsOf, options: PathOptions): PathValues {
  const n = nodeCount(a);
  const out: PathValues = { values: {}, errors: {} };
  if (sums.distances) {
    if (items.includes('closeness')) out.values.closeness = closeness(sums.distances, n, 'out', options.unreachable);
    if (items.includes('in_closeness')) out.values.in_closeness = closeness(sums.distances, n, 'in', options.unreachable);
  }
  for (const [item, job] of [['closeness', a.directed ? 'away' : 'towards'], ['in_closeness', 'towards']] as const) {
    const d = sums[job];
    if (!items.includes(item) || !d) continue;
    const estimate = sampledCloseness(d, plan[job]!.sources, n, options.unreachable);
    out.values[item] = estimate.values;
    out.errors[item] = estimate.errors;
  }
  if (sums.betweenness && plan.betweenness) {
    // Each undirected pair is searched from both ends: halved, as UCINET and igraph count it once.
    const half = a.directed ? 1 : 0.5;
    const k = plan.betweenness.sources.length;
    const scale = k ? (half * n) / k : 0;
    out.values.betweenness = Array.from(sums.betweenness.score, (x) => (k === n ? x * half : x * scale));
    const squares = sums.betweenness.squares;
    if (squares) {
      out.errors.betweenness = Array.from(sums.betweenness.score, (x, v) => {
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
  const fill = fillOf(d, n, unreachable);
  const sum = direction === 'out' ? d.fromSum : d.toSum;
  const reached = direction === 'out' ? d.fromCount : d.toCount;
  return Array.from({ length: n }, (_, v) => {
    const missing = n - 1 - reached[v];
    const counted = unreachable === 'ignore' ? reached[v] : n - 1;
    const total = sum[v] + (unreachable === 'ignore' ? 0 : missing * fill);
    return total > 0 ? counted / total : 0;
  });
}

/** The distance an unreachable pair counts as, from the searches summed in `d` (0 under `ignore`: left out). */
function fillOf(d: DistanceSums, n: number, unreachable: Unreachable): number {
  return unreachable === 'n' ? n : unreachable === 'average' ? (d.count ? d.total / d.count : 0) : unreachable === 'max_plus_one' ? d.max + 1 : 0;
}

/**
 * Closeness estimated from the searches out of k sampled sources S (Eppstein & Wang 2004), `d` summing the
 * distances D(s, v) to each node v (run on the reversed arcs, the distances from it). v reads the k_v sources
 * other than itself (k_v = k − [v ∈ S]), which given k_v are a simple random sample of the n − 1 other nodes;
 * D is the distance, or the fill of an unreachable pair, taken from the sampled searches for `max_plus_one`
 * and `average` (the error below treats it as known).
 *
 * Farness T_v = Σ_{u≠v} D(u, v) is a population total, estimated without bias by T̂ = (n − 1)/k_v · Σ_S D(s, v),
 * with standard error (n − 1)·√((1 − k_v/(n − 1))·S²/k_v), S² the sample variance of D(s, v) (the expansion
 * estimator of a total from a sample drawn without replacement, with the finite-population correction: Cochran
 * 1977, ch. 2). Closeness c = (n − 1)/T̂ = k_v/Σ_S D(s, v), and by the delta method se(c) = c·se(T̂)/T̂.
 *
 * In general c = Σx/Σy with x_s = 1 and y_s = D(s, v), or under `ignore` x_s = [s reaches v] and y_s its
 * distance or 0 (reached/Σd, in which the scale (n − 1)/k_v cancels). The delta method gives a ratio of sample
 * means (Cochran 1977, ch. 6) the standard error √((1 − f)·S²_e/k_v)/ȳ, f = k_v/(n − 1), S²_e the sample
 * variance of e_s = x_s − c·y_s: since Σe = 0, x² = x and xy = y, (k_v − 1)·S²_e = Σe² = c²·Σy² − Σx. With
 * x ≡ 1 this is c²·(k_v − 1)·S²_y, and the error c·se(T̂)/T̂ above. Every node a source (k_v = n − 1) gives
 * f = 1, no error, and the exact closeness to the last bit (the same sums, as the distances are integers).
 * Like any sample variance, S² says little when few sources differ: a node in a small component, which the
 * sample may miss, reads the fill from nearly every source and gets an error near 0.
 */
function sampledCloseness(d: DistanceSums, sources: Int32Array, n: number, unreachable: Unreachable): { values: number[]; errors: number[] } {
  const fill = fillOf(d, n, unreachable);
  const ignore = unreachable === 'ignore';
  const isSource = new Uint8Array(n);
  for (const s of sources) isSource[s] = 1;
  const values: number[] = [];
  const errors: number[] = [];
  for (let v = 0; v < n; v++) {
    const k = sources.length - isSource[v];
    const missing = k - d.toCount[v];
    const x = ignore ? d.toCount[v] : k;
    const y = d.toSum[v] + (ignore ? 0 : missing * fill);
    const y2 = d.toSquares![v] + (ignore ? 0 : missing * fill * fill);
    const c = y > 0 ? x / y : 0;
    const f = k / (n - 1);
    const variance = Math.max(0, (c * c * y2 - x) / (k - 1)); // S²_e
    values.push(c);
    errors.push(f >= 1 || y === 0 ? 0 : k < 2 ? NaN : Math.sqrt(((1 - f) * variance) / k) / (y / k));
  }
  return { values, errors };
}

/** k sources drawn with the seed, or every node when k ≥ n. */
function sourcesFor(n: number, k: number, seed: number): Int32Array {
  return k < n ? sampledSources(n, k, seed) : everyNode(n);
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
