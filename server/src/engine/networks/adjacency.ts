// A network as compact sparse rows (CSR) over its node order: memory follows the ties, not n², so that
// every indicator runs on 10⁵–10⁶ nodes where the n×n `Matrix` of measures.ts cannot exist.
// Each row lists a node's out-neighbours in ascending order with the summed tie value, exactly the nonzero
// off-diagonal cells of `toMatrix`: the two views give the same numbers.
import type { Matrix, Symmetrize } from './measures.js';
import type { Network } from './network.js';

export interface Adjacency {
  directed: boolean;
  /** Row v is targets[offsets[v] .. offsets[v + 1]), ascending; an undirected edge is listed from both ends. */
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export const nodeCount = (a: Adjacency) => a.offsets.length - 1;

/** The network's adjacency over `nodes` (default its own), parallel ties summed in tie order as `toMatrix` does. */
export function adjacencyOf(net: Network, nodes: readonly string[] = net.nodes): Adjacency {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const from: number[] = [];
  const to: number[] = [];
  const value: number[] = [];
  const add = (i: number, j: number, w: number) => { from.push(i); to.push(j); value.push(w); };
  for (const t of net.ties) {
    const i = index.get(t.source);
    const j = index.get(t.target);
    if (i === undefined || j === undefined || i === j) continue;
    add(i, j, t.weight);
    if (!net.directed) add(j, i, t.weight);
  }
  return fromEntries(nodes.length, net.directed, from, to, value);
}

/** A matrix's nonzero off-diagonal cells as an adjacency. */
export function adjacencyOfMatrix(m: Matrix): Adjacency {
  const from: number[] = [];
  const to: number[] = [];
  const value: number[] = [];
  m.w.forEach((row, i) => row.forEach((w, j) => { if (i !== j && w !== 0) { from.push(i); to.push(j); value.push(w); } }));
  return fromEntries(m.nodes.length, m.directed, from, to, value);
}

/** Rows from (i, j, w) entries: grouped by i, then j, stably, so that repeated cells sum in entry order. */
function fromEntries(n: number, directed: boolean, from: number[], to: number[], value: number[]): Adjacency {
  // Counting sort by row (stable), then each row by column, entry order breaking ties.
  const start = new Int32Array(n + 1);
  for (const i of from) start[i + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const order = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) order[fill[from[e]]++] = e;
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let v = 0; v < n; v++) {
    const row = order.subarray(start[v], start[v + 1]).sort((a, b) => to[a] - to[b] || a - b);
    for (let k = 0; k < row.length; k++) {
      const e = row[k];
      if (k > 0 && to[row[k - 1]] === to[e]) weights[weights.length - 1] += value[e];
      else { targets.push(to[e]); weights.push(value[e]); }
    }
    offsets[v + 1] = targets.length;
  }
  return dropZeros({ directed, offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) });
}

/** The arcs reversed (row v: the nodes with an arc to v, ascending); an undirected adjacency is its own. */
export function transpose(a: Adjacency): Adjacency {
  if (!a.directed) return a;
  const n = nodeCount(a);
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < a.targets.length; k++) offsets[a.targets[k] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(a.targets.length);
  const weights = new Float64Array(a.targets.length);
  for (let v = 0; v < n; v++) {
    for (let k = a.offsets[v]; k < a.offsets[v + 1]; k++) {
      const at = fill[a.targets[k]]++;
      targets[at] = v;
      weights[at] = a.weights[k];
    }
  }
  return { directed: true, offsets, targets, weights };
}

/**
 * Cell by cell `combine(w_ij, w_ji)` over every pair with a tie either way, as undirected (an undirected
 * adjacency is returned as it is): `symmetrized`, and the w_ij + w_ji that communities read.
 */
export function combined(a: Adjacency, combine: (wij: number, wji: number) => number): Adjacency {
  if (!a.directed) return a;
  const t = transpose(a);
  const n = nodeCount(a);
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let v = 0; v < n; v++) {
    let p = a.offsets[v];
    let q = t.offsets[v];
    while (p < a.offsets[v + 1] || q < t.offsets[v + 1]) {
      const j = Math.min(p < a.offsets[v + 1] ? a.targets[p] : n, q < t.offsets[v + 1] ? t.targets[q] : n);
      const wij = p < a.offsets[v + 1] && a.targets[p] === j ? a.weights[p++] : 0;
      const wji = q < t.offsets[v + 1] && t.targets[q] === j ? t.weights[q++] : 0;
      targets.push(j);
      weights.push(combine(wij, wji));
    }
    offsets[v + 1] = targets.length;
  }
  return dropZeros({ directed: false, offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) });
}

const SYMMETRIZE: Record<Symmetrize, (a: number, b: number) => number> = {
  max: Math.max,
  min: Math.min,
  sum: (a, b) => a + b,
  both: (a, b) => (a > 0 && b > 0 ? 1 : 0),
};

/** UCINET's undirected view (its Symmetrize: max, min, sum, or a tie where both arcs exist). */
export const symmetrized = (a: Adjacency, how: Symmetrize = 'max') => combined(a, SYMMETRIZE[how]);

/** Every tie 1 where its value is positive (UCINET's Dichotomize, GT 0); the rest left out. */
export function binary(a: Adjacency): Adjacency {
  return dropZeros({ ...a, weights: a.weights.map((w) => (w > 0 ? 1 : 0)) });
}

/** Row sums in column order: out-strength (strength when undirected), as `outStrength` of the matrix. */
export function rowSums(a: Adjacency): number[] {
  return Array.from({ length: nodeCount(a) }, (_, v) => {
    let s = 0;
    for (let k = a.offsets[v]; k < a.offsets[v + 1]; k++) s += a.weights[k];
    return s;
  });
}

/** Column sums in row order: in-strength, as `inStrength` of the matrix. */
export function columnSums(a: Adjacency): number[] {
  const sums = Array<number>(nodeCount(a)).fill(0);
  for (let v = 0; v < nodeCount(a); v++) for (let k = a.offsets[v]; k < a.offsets[v + 1]; k++) sums[a.targets[k]] += a.weights[k];
  return sums;
}

/** Cells of value 0 left out (a `min` of a one-way tie, a dichotomised negative): a matrix's zero is no tie. */
function dropZeros(a: Adjacency): Adjacency {
  if (a.weights.every((w) => w !== 0)) return a;
  const n = nodeCount(a);
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let v = 0; v < n; v++) {
    for (let k = a.offsets[v]; k < a.offsets[v + 1]; k++) if (a.weights[k] !== 0) { targets.push(a.targets[k]); weights.push(a.weights[k]); }
    offsets[v + 1] = targets.length;
  }
  return { directed: a.directed, offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}

/** Every stored arc (i → j, value); an undirected tie is visited from both ends. */
export function eachArc(a: Adjacency, visit: (i: number, j: number, w: number) => void): void {
  for (let i = 0; i + 1 < a.offsets.length; i++) for (let k = a.offsets[i]; k < a.offsets[i + 1]; k++) visit(i, a.targets[k], a.weights[k]);
}

/** Number of distinct arcs i≠j with a positive value (Gephi and UCINET count arcs, not weights); undirected ties once. */
export function edgeCount(a: Adjacency): number {
  let arcs = 0;
  eachArc(a, (_i, _j, w) => { if (w > 0) arcs++; });
  return a.directed ? arcs : arcs / 2;
}

/** Binary density (Gephi) or valued density: the mean off-diagonal cell (UCINET Density Overall). */
export function density(a: Adjacency, kind: 'binary' | 'valued'): number {
  const n = nodeCount(a);
  if (n < 2) return 0;
  let sum = 0;
  eachArc(a, (_i, _j, w) => { sum += kind === 'binary' ? (w > 0 ? 1 : 0) : w; });
  return sum / (n * (n - 1));
}
