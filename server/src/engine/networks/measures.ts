// Whole-network and node indicators with UCINET's and Gephi's conventions (METHODS A(b), A(c)).
// Distances, clustering and betweenness are binary (both tools ignore weights there); degrees,
// densities and centralization can be valued. Every convention that differs between tools is an option.
import type { Network } from './network.js';
import { adjacencyOfMatrix } from './adjacency.js';
import { pathCentralitiesHere, type PathItem, type PathOptions } from './paths/centralities.js';

/** A network as an n×n weight matrix over a fixed node order (diagonal 0: intra ties are kept apart). */
export interface Matrix { nodes: string[]; w: number[][]; directed: boolean }

export function toMatrix(net: Network, nodes: readonly string[] = net.nodes): Matrix {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const w = nodes.map(() => nodes.map(() => 0));
  for (const t of net.ties) {
    const i = index.get(t.source);
    const j = index.get(t.target);
    if (i === undefined || j === undefined || i === j) continue;
    w[i][j] += t.weight;
    if (!net.directed) w[j][i] += t.weight;
  }
  return { nodes: [...nodes], w, directed: net.directed };
}

/** How a directed matrix becomes an undirected view: UCINET's Symmetrize methods (max is its default). */
export type Symmetrize = 'max' | 'min' | 'sum' | 'both';

const COMBINE: Record<Symmetrize, (a: number, b: number) => number> = {
  max: Math.max,
  min: Math.min,
  sum: (a, b) => a + b,
  both: (a, b) => (a > 0 && b > 0 ? 1 : 0), // a binary tie where both arcs exist (`and` is an operator word)
};

/** The undirected view of a directed matrix (an undirected one is returned as it is). */
export function symmetrize(m: Matrix, how: Symmetrize = 'max'): Matrix {
  if (!m.directed) return m;
  const combine = COMBINE[how];
  const w = m.w.map((row, i) => row.map((x, j) => combine(x, m.w[j][i])));
  return { nodes: m.nodes, w, directed: false };
}

/** Every tie 1: the dichotomised matrix. */
export function dichotomize(m: Matrix): Matrix {
  return { ...m, w: m.w.map((row) => row.map((x) => (x > 0 ? 1 : 0))) };
}

const size = (m: Matrix) => m.nodes.length;
const offDiagonal = (m: Matrix, f: (x: number, i: number, j: number) => void) => {
  for (let i = 0; i < size(m); i++) for (let j = 0; j < size(m); j++) if (i !== j) f(m.w[i][j], i, j);
};

export function outStrength(m: Matrix): number[] {
  return m.w.map((row, i) => row.reduce((s, x, j) => (i === j ? s : s + x), 0));
}
export function inStrength(m: Matrix): number[] {
  return m.nodes.map((_, j) => m.w.reduce((s, row, i) => (i === j ? s : s + row[j]), 0));
}

/**
 * UCINET degree centralization: (n·max − Σ)/(w_max·(n−1)²) for directed data (denominator
 * w_max·(n−1)(n−2) undirected); `binary` dichotomises first. Returned as a proportion.
 */
export function degreeCentralization(m: Matrix, direction: 'out' | 'in', kind: 'valued' | 'binary'): number {
  const n = size(m);
  if (n < 3) return 0;
  const cells = kind === 'binary' ? dichotomize(m) : m;
  const degrees = direction === 'out' ? outStrength(cells) : inStrength(cells);
  let wMax = 0;
  offDiagonal(cells, (x) => { wMax = Math.max(wMax, x); });
  if (wMax === 0) return 0;
  const max = Math.max(...degrees);
  const sum = degrees.reduce((s, d) => s + d, 0);
  const denominator = m.directed ? wMax * (n - 1) ** 2 : wMax * (n - 1) * (n - 2);
  return (n * max - sum) / denominator;
}

/** Binary shortest-path lengths from every node along out-arcs (Infinity when unreachable). */
export function distances(m: Matrix): number[][] {
  const n = size(m);
  return m.nodes.map((_, s) => {
    const d = Array<number>(n).fill(Infinity);
    d[s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head];
      for (let v = 0; v < n; v++) {
        if (v !== u && m.w[u][v] > 0 && d[v] === Infinity) {
          d[v] = d[u] + 1;
          queue.push(v);
        }
      }
    }
    return d;
  });
}

/** Average shortest-path length and diameter over reachable ordered pairs (Gephi, UCINET). */
export function pathLength(m: Matrix): { average: number; diameter: number; reachablePairs: number } {
  let total = 0;
  let pairs = 0;
  let diameter = 0;
  distances(m).forEach((row, i) => row.forEach((d, j) => {
    if (i === j || d === Infinity) return;
    total += d;
    pairs++;
    diameter = Math.max(diameter, d);
  }));
  return { average: pairs ? total / pairs : 0, diameter, reachablePairs: pairs };
}

export type Unreachable = 'max_plus_one' | 'n' | 'ignore' | 'average';

/**
 * Freeman closeness (n−1)/Σd on binary geodesics: `out` reads rows (distances from the node), `in`
 * columns. Unreachable pairs take the maximum observed distance + 1 by default (UCINET). Computed on the
 * sparse adjacency (paths/), as the node indicators do.
 */
export function closeness(m: Matrix, direction: 'out' | 'in', unreachable: Unreachable = 'max_plus_one'): number[] {
  return pathsOf(m, direction === 'out' ? 'closeness' : 'in_closeness', { unreachable });
}

/** Brandes betweenness on the binary graph; undirected values are halved (each pair counted once). */
export function betweenness(m: Matrix): number[] {
  return pathsOf(m, 'betweenness', { unreachable: 'max_plus_one' });
}

function pathsOf(m: Matrix, item: PathItem, options: PathOptions): number[] {
  return pathCentralitiesHere(adjacencyOfMatrix(m), [item], options).values[item]!;
}

/** UCINET's normalised betweenness, in percent: raw over (n−1)(n−2), halved for undirected data. */
export function normalizeBetweenness(raw: readonly number[], n: number, directed: boolean): number[] {
  const possible = directed ? (n - 1) * (n - 2) : ((n - 1) * (n - 2)) / 2;
  return raw.map((x) => (possible > 0 ? (100 * x) / possible : 0));
}

/**
 * Average clustering, Gephi's conventions: directed — neighbours are in ∪ out, arcs among them over
 * k(k−1), nodes with k < 2 count 0 and stay in the denominator; undirected — the mean over nodes with
 * degree ≥ 2 (equal to UCINET's overall clustering). Weights are ignored.
 */
export function averageClustering(m: Matrix): { average: number; perNode: number[] } {
  const arc = (a: number, b: number) => a !== b && m.w[a][b] > 0;
  const neighbours = m.nodes.map((_, v) => m.nodes.map((__, u) => u).filter((u) => arc(v, u) || arc(u, v)));
  const perNode = neighbours.map((nb) => {
    const k = nb.length;
    if (k < 2) return 0;
    let links = 0;
    for (const a of nb) for (const b of nb) if (arc(a, b)) links++;
    // Directed: ordered arcs over k(k−1); undirected: each edge is seen twice, so also over k(k−1).
    return links / (k * (k - 1));
  });
  const counted = m.directed ? perNode : perNode.filter((_, v) => neighbours[v].length >= 2);
  return { average: counted.length ? counted.reduce((s, c) => s + c, 0) / counted.length : 0, perNode };
}

/**
 * Fagiolo's directed clustering (networkx `average_clustering` of a DiGraph, unweighted): triangles of
 * A + Aᵀ through the node over 2·(d_tot(d_tot − 1) − 2·d_bil); the average includes nodes scoring 0.
 */
export function fagioloClustering(m: Matrix): { average: number; perNode: number[] } {
  const n = m.nodes.length;
  const a = (i: number, j: number) => (i !== j && m.w[i][j] > 0 ? 1 : 0);
  const s = (i: number, j: number) => a(i, j) + a(j, i);
  const perNode = m.nodes.map((_, i) => {
    let triangles = 0;
    let total = 0;
    let reciprocal = 0;
    for (let j = 0; j < n; j++) {
      total += s(i, j);
      reciprocal += a(i, j) * a(j, i);
      if (!s(i, j)) continue;
      for (let k = 0; k < n; k++) triangles += s(i, j) * s(j, k) * s(k, i);
    }
    const possible = 2 * (total * (total - 1) - 2 * reciprocal);
    return possible > 0 ? triangles / possible : 0;
  });
  return { average: n ? perNode.reduce((x, c) => x + c, 0) / n : 0, perNode };
}

/** Effective flow rate from led (O) and joined (I) ties; `leader_positive` gives +1 to a pure leader. */
export function flowRate(m: Matrix, sign: 'leader_positive' | 'paper'): number[] {
  const out = outStrength(m);
  const inn = inStrength(m);
  return out.map((o, i) => {
    const total = o + inn[i];
    if (total === 0) return 0;
    return sign === 'leader_positive' ? (o - inn[i]) / total : (inn[i] - o) / total;
  });
}
