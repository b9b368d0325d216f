// Whole-network and node indicators with UCINET's and Gephi's conventions (METHODS A(b), A(c)).
// Distances, clustering and betweenness are binary (both tools ignore weights there); degrees,
// densities and centralization can be valued. Every convention that differs between tools is an option.
import type { Network } from './network.js';
import { adjacencyOfMatrix, binary, columnSums, nodeCount, rowSums, type Adjacency } from './adjacency.js';
import { pathCentralitiesHere, type PathItem, type PathOptions } from './paths/centralities.js';

/**
 * Nodes up to which a network may become an n×n matrix (CONCOR's blocks; every indicator reads the sparse
 * adjacency). The matrix is n arrays of n doubles, 8·n² bytes (measured: 275 MiB at 6,000 nodes, 763 MiB at
 * this limit), and CONCOR makes correlation matrices of the same size: a few GiB at this limit, within the 4 GiB
 * heap Node gives a process by default.
 */
export const MATRIX_NODE_LIMIT = 10_000;

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

/** How a directed network becomes an undirected view: UCINET's Symmetrize methods (max is its default; adjacency.ts `symmetrized`). */
export type Symmetrize = 'max' | 'min' | 'sum' | 'both';

/**
 * UCINET degree centralization: (n·max − Σ)/(w_max·(n−1)²) for directed data (denominator
 * w_max·(n−1)(n−2) undirected); `binary` dichotomises first. Returned as a proportion.
 */
export function degreeCentralization(a: Adjacency, direction: 'out' | 'in', kind: 'valued' | 'binary'): number {
  const n = nodeCount(a);
  if (n < 3) return 0;
  const cells = kind === 'binary' ? binary(a) : a;
  const degrees = direction === 'out' ? rowSums(cells) : columnSums(cells);
  const wMax = largestValue(cells);
  if (wMax === 0) return 0;
  let max = -Infinity;
  let sum = 0;
  for (const d of degrees) { max = Math.max(max, d); sum += d; }
  const denominator = a.directed ? wMax * (n - 1) ** 2 : wMax * (n - 1) * (n - 2);
  return (n * max - sum) / denominator;
}

/** The largest off-diagonal cell, 0 when none is positive (UCINET's w_max). */
export function largestValue(a: Adjacency): number {
  let wMax = 0;
  for (const w of a.weights) wMax = Math.max(wMax, w);
  return wMax;
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

/** Effective flow rate from led (O) and joined (I) ties; `leader_positive` gives +1 to a pure leader. */
export function flowRate(a: Adjacency, sign: 'leader_positive' | 'paper'): number[] {
  const out = rowSums(a);
  const inn = columnSums(a);
  return out.map((o, i) => {
    const total = o + inn[i];
    if (total === 0) return 0;
    return sign === 'leader_positive' ? (o - inn[i]) / total : (inn[i] - o) / total;
  });
}
