// The per-source loops behind betweenness and closeness, on binary geodesics (METHODS: both tools ignore
// weights there): one breadth-first search per source along out-arcs. A task is a run of sources; its sums
// are added to the other tasks' in task order (chunks.ts), so that the result does not depend on which
// thread ran which task. Self-contained over typed arrays: the worker threads run the same functions.
import type { Adjacency } from '../adjacency.js';

/** What one task sums: Brandes dependencies, or distances. */
export type PathKind = 'betweenness' | 'distances';

/** Σ_s δ_s(v) over the task's sources, and Σ_s δ_s(v)² where the estimate's spread is wanted. */
export interface DependencySums { score: Float64Array; squares?: Float64Array }

/**
 * Per source (in task order) the finite distances' sum and count from it; per target the same over the
 * task's sources (`in` readings); and the task's total, count and largest finite distance.
 */
export interface DistanceSums {
  fromSum: Float64Array; fromCount: Int32Array;
  toSum: Float64Array; toCount: Int32Array;
  total: number; count: number; max: number;
}

/** Work space of one thread's searches, reused across sources. */
export interface Scratch { dist: Int32Array; sigma: Float64Array; delta: Float64Array; queue: Int32Array }

export const scratchFor = (n: number): Scratch => ({ dist: new Int32Array(n).fill(-1), sigma: new Float64Array(n), delta: new Float64Array(n), queue: new Int32Array(n) });

/** Breadth-first search from s over positive arcs: fills dist and sigma (shortest-path counts), returns how many were reached (in queue order). */
function search(a: Adjacency, s: number, { dist, sigma, queue }: Scratch): number {
  dist[s] = 0;
  sigma[s] = 1;
  queue[0] = s;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    for (let k = a.offsets[v]; k < a.offsets[v + 1]; k++) {
      if (a.weights[k] <= 0) continue;
      const w = a.targets[k];
      if (dist[w] < 0) { dist[w] = dist[v] + 1; queue[tail++] = w; }
      if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
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
  const { dist, sigma, delta, queue } = scratch;
  for (const s of sources) {
    const reached = search(a, s, scratch);
    for (let i = reached - 1; i > 0; i--) {
      const w = queue[i];
      for (let k = reverse.offsets[w]; k < reverse.offsets[w + 1]; k++) {
        const v = reverse.targets[k];
        if (reverse.weights[k] > 0 && dist[v] === dist[w] - 1) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      out.score[w] += delta[w];
      if (out.squares) out.squares[w] += delta[w] * delta[w];
    }
    reset(scratch, reached);
  }
  return out;
}

export function distanceSums(a: Adjacency, sources: Int32Array, scratch: Scratch): DistanceSums {
  const n = a.offsets.length - 1;
  const out: DistanceSums = {
    fromSum: new Float64Array(sources.length), fromCount: new Int32Array(sources.length),
    toSum: new Float64Array(n), toCount: new Int32Array(n), total: 0, count: 0, max: 0,
  };
  const { dist, queue } = scratch;
  sources.forEach((s, at) => {
    const reached = search(a, s, scratch);
    let sum = 0;
    for (let i = 1; i < reached; i++) {
      const v = queue[i];
      sum += dist[v];
      out.toSum[v] += dist[v];
      out.toCount[v]++;
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
