// Clustering on the sparse adjacency (METHODS A(b), A(c)): Gephi's average clustering (directed and
// undirected), Fagiolo's directed clustering, igraph's local clustering and global transitivity. All are
// binary (weights ignored: a tie is a positive value) and count triangles of the undirected view, each found
// once by the forward algorithm (neighbours ranked by degree, O(m·√m)), so that no n×n matrix is made. The
// counts are integers, and each node's ratio is the one the matrix definitions give, to the last bit.
import { binary, combined, nodeCount, symmetrized, type Adjacency } from './adjacency.js';

/**
 * Every triangle {u, v, w} of the undirected adjacency `s` once, with its ties' values s_uv, s_vw, s_uw:
 * each node's higher-ranked neighbours (by degree, then index) marked, and those of each of them intersected.
 */
function eachTriangle(s: Adjacency, visit: (u: number, v: number, w: number, uv: number, vw: number, uw: number) => void): void {
  const n = nodeCount(s);
  const degree = (v: number) => s.offsets[v + 1] - s.offsets[v];
  const above = (a: number, b: number) => degree(b) > degree(a) || (degree(b) === degree(a) && b > a);
  const mark = new Int32Array(n).fill(-1); // the marked neighbour's position in s (its value)
  for (let u = 0; u < n; u++) {
    for (let k = s.offsets[u]; k < s.offsets[u + 1]; k++) if (above(u, s.targets[k])) mark[s.targets[k]] = k;
    for (let k = s.offsets[u]; k < s.offsets[u + 1]; k++) {
      const v = s.targets[k];
      if (!above(u, v)) continue;
      for (let l = s.offsets[v]; l < s.offsets[v + 1]; l++) {
        const w = s.targets[l];
        if (mark[w] >= 0 && above(v, w)) visit(u, v, w, s.weights[k], s.weights[l], s.weights[mark[w]]);
      }
    }
    for (let k = s.offsets[u]; k < s.offsets[u + 1]; k++) mark[s.targets[k]] = -1;
  }
}

/**
 * Per node, the sum over the triangles at it of the opposite tie's value in `s` (s_vw for u): with s the
 * binary undirected view, the ties among the node's neighbours.
 */
function oppositeSums(s: Adjacency): Float64Array {
  const sums = new Float64Array(nodeCount(s));
  eachTriangle(s, (u, v, w, uv, vw, uw) => { sums[u] += vw; sums[v] += uw; sums[w] += uv; });
  return sums;
}

const degreeOf = (s: Adjacency, v: number) => s.offsets[v + 1] - s.offsets[v];

/** The binary undirected view: a tie where a positive value runs either way. */
const neighbourView = (a: Adjacency) => binary(symmetrized(a, 'max'));

/** Each pair's number of positive arcs (1 or 2; 2 for an undirected tie, which is an arc both ways). */
function arcsPerPair(a: Adjacency): Adjacency {
  const arcs = binary(a);
  return a.directed ? combined(arcs, (x, y) => x + y) : { ...arcs, weights: arcs.weights.map((w) => 2 * w) };
}

/**
 * Average clustering, Gephi's conventions: directed — neighbours are in ∪ out, arcs among them over
 * k(k−1), nodes with k < 2 count 0 and stay in the denominator; undirected — the mean over nodes with
 * degree ≥ 2 (equal to UCINET's overall clustering). Weights are ignored.
 */
export function averageClustering(a: Adjacency): { average: number; perNode: number[] } {
  const pairs = arcsPerPair(a);
  const links = oppositeSums(pairs); // arcs among the neighbours, an undirected tie counted both ways
  const perNode = Array.from(links, (l, v) => {
    const k = degreeOf(pairs, v);
    return k < 2 ? 0 : l / (k * (k - 1));
  });
  const counted = a.directed ? perNode : perNode.filter((_, v) => degreeOf(pairs, v) >= 2);
  return { average: counted.length ? counted.reduce((s, c) => s + c, 0) / counted.length : 0, perNode };
}

/**
 * Fagiolo's directed clustering (networkx `average_clustering` of a DiGraph, unweighted): triangles of
 * A + Aᵀ through the node over 2·(d_tot(d_tot − 1) − 2·d_bil); the average includes nodes scoring 0.
 */
export function fagioloClustering(a: Adjacency): { average: number; perNode: number[] } {
  const s = arcsPerPair(a); // A + Aᵀ
  const n = nodeCount(s);
  const triangles = new Float64Array(n);
  // Σ_jk s_ij·s_jk·s_ki reads each triangle twice (j, k and k, j).
  eachTriangle(s, (u, v, w, uv, vw, uw) => { const t = 2 * uv * vw * uw; triangles[u] += t; triangles[v] += t; triangles[w] += t; });
  const perNode = Array.from(triangles, (t, i) => {
    let total = 0;
    let reciprocal = 0;
    for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) { total += s.weights[k]; if (s.weights[k] === 2) reciprocal++; }
    const possible = 2 * (total * (total - 1) - 2 * reciprocal);
    return possible > 0 ? t / possible : 0;
  });
  return { average: n ? perNode.reduce((x, c) => x + c, 0) / n : 0, perNode };
}

/**
 * Local clustering of an undirected view (igraph `transitivity(type = "local")`): ties among the node's
 * neighbours over k(k−1)/2. Undefined below degree 2: null (igraph's NaN) or 0 (networkx).
 */
export function localClustering(u: Adjacency, belowTwo: 'missing' | 'zero'): (number | null)[] {
  const s = neighbourView(u);
  return Array.from(oppositeSums(s), (links, v) => {
    const degree = degreeOf(s, v);
    return degree < 2 ? (belowTwo === 'zero' ? 0 : null) : links / ((degree * (degree - 1)) / 2);
  });
}

/** Global transitivity (igraph `type = "global"`): 3 × triangles over connected triples; null without triples. */
export function transitivity(u: Adjacency): number | null {
  const s = neighbourView(u);
  let closed = 0;
  let triples = 0;
  oppositeSums(s).forEach((links, v) => {
    const degree = degreeOf(s, v);
    closed += links; // each triangle is seen from its three corners
    triples += (degree * (degree - 1)) / 2;
  });
  return triples ? closed / triples : null;
}
