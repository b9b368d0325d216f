// The per-source loops behind betweenness and closeness, on binary geodesics (METHODS: both tools ignore
// weights there): one breadth-first search per source along out-arcs (the adjacency given holds the
// positive ties only: `positiveArcs`). A task is a run of sources; its sums
// are added to the other tasks' in task order (chunks.ts), so that the result does not depend on which
// thread ran which task. Self-contained over typed arrays: the worker threads run the same functions.
import { binary, type Adjacency } from '../adjacency.js';

/** What one task sums: Brandes dependencies, or distances. */
export type PathKind = 'betweenness' | 'distances';

/** Σ_s δ_s(v) over the task's sources, and Σ_s δ_s(v)² where the estimate's spread is wanted. */
export interface DependencySums { score: Float64Array; squares?: Float64Array }

/**
 * Per source (in task order) the finite distances' sum and count from it; per target the same over the
 * task's sources (`in` readings), and their squares where a sampled estimate's spread is wanted; and the
 * task's total, count and largest finite distance.
 */
export interface DistanceSums {
  fromSum: Float64Array; fromCount: Int32Array;
  toSum: Float64Array; toCount: Int32Array; toSquares?: Float64Array;
  total: number; count: number; max: number;
}

/** The arcs of positive value, the ties that geodesics follow. */
export function positiveArcs(a: Adjacency): Adjacency {
  return a.weights.every((w) => w > 0) ? a : binary(a);
}

/** Work space of one thread's searches, reused across sources. */
export interface Scratch { dist: Int32Array; sigma: Float64Array; delta: Float64Array; queue: Int32Array }

export const scratchFor = (n: number): Scratch => ({ dist: new Int32Array(n).fill(-1), sigma: new Float64Array(n), delta: new Float64Array(n), queue: new Int32Array(n) });

/** Breadth-first search from s: fills dist and sigma (shortest-path counts), returns how many were reached (in queue order). */
function search(a: Adjacency, s: number, { dist, sigma, queue }: Scratch): number {
  const { offsets, targets } = a;
  dist[s] = 0;
  sigma[s] = 1;
  queue[0] = s;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    const next = dist[v] + 1;
    const paths = sigma[v];
    for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
      const w = targets[k];
      const d = dist[w];
      if (d < 0) { dist[w] = next; queue[tail++] = w; sigma[w] += paths; }
      else if (d === next) sigma[w] += paths;
    }
  }
  return tail;
}

function reset({ dist, sigma, delta, queue }: Scratch, reached: number): void {
  for (let i = 0; i < reached; i++) {
    const v = queue[i];
    dist[v] = -1;
    sigma[v] = 0;
    delta[v] = 0;
  }
}

/**
 * Brandes' accumulation for the given sources: predecessors are read from `reverse` (the in-arcs), and
 * dependencies propagate in reverse search order, as in Brandes (2001).
 */
export function dependencySums(a: Adjacency, reverse: Adjacency, sources: Int32Array, squares: boolean, scratch: Scratch): DependencySums {
  const n = a.offsets.length - 1;
  const out: DependencySums = { score: new Float64Array(n), squares: squares ? new Float64Array(n) : undefined };
  const { score, squares: squared } = out;
  const { dist, sigma, delta, queue } = scratch;
  for (const s of sources) {
    const reached = search(a, s, scratch);
    for (let i = reached - 1; i > 0; i--) {
      const w = queue[i];
      const previous = dist[w] - 1;
      const share = (1 + delta[w]) / sigma[w];
      for (let k = reverse.offsets[w], end = reverse.offsets[w + 1]; k < end; k++) {
        const v = reverse.targets[k];
        if (dist[v] === previous) delta[v] += sigma[v] * share;
      }
      score[w] += delta[w];
      if (squared) squared[w] += delta[w] * delta[w];
    }
    reset(scratch, reached);
  }
  return out;
}

export function distanceSums(a: Adjacency, sources: Int32Array, squares: boolean, scratch: Scratch): DistanceSums {
  const n = a.offsets.length - 1;
  const out: DistanceSums = {
    fromSum: new Float64Array(sources.length), fromCount: new Int32Array(sources.length),
    toSum: new Float64Array(n), toCount: new Int32Array(n), toSquares: squares ? new Float64Array(n) : undefined,
    total: 0, count: 0, max: 0,
  };
  const { dist, queue } = scratch;
  const squared = out.toSquares;
  sources.forEach((s, at) => {
    const reached = search(a, s, scratch);
    let sum = 0;
    for (let i = 1; i < reached; i++) {
      const v = queue[i];
      sum += dist[v];
      out.toSum[v] += dist[v];
      out.toCount[v]++;
      if (squared) squared[v] += dist[v] * dist[v];
      if (dist[v] > out.max) out.max = dist[v];
    }
    out.fromSum[at] = sum;
    out.fromCount[at] = reached - 1;
    out.total += sum;
    out.count += reached - 1;
    reset(scratch, reached);
  });
  return out;
}
