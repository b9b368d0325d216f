// Louvain (Blondel et al. 2008) and Leiden (Traag, Waltman & van Eck 2019) on an undirected weighted graph,
// maximising Gephi's modularity Q = Σ_c [γ·in_c/m − (K_c/2m)²] (METHODS A(h)). Nodes are visited in an order
// drawn from the seeded Rng, so that repeated runs reach different local optima and the best can be kept.
// Leiden adds the refinement step: communities are aggregated only after being split into well-connected
// parts, so that a community found is never internally disconnected and later levels can still move those parts.
import type { Rng } from '../prng.js';

/** Compact rows over typed arrays, no object per tie: 10⁶ ties aggregate and move in well under a second. */
export interface WeightedGraph {
  /** Node v's neighbours are nodes[offsets[v] .. offsets[v + 1]) with their tie weights; every tie is listed from both ends, no self-ties. */
  offsets: Int32Array;
  nodes: Int32Array;
  weights: Float64Array;
  /** k_v: the node's total tie weight, ties inside an aggregated node counted twice. */
  strength: Float64Array;
  /** m: the total tie weight of the original graph. */
  total: number;
}

export type Algorithm = 'louvain' | 'leiden';

/**
 * One run: each original node's community, labelled 0, 1, … in order of first appearance. Leiden makes up to
 * `iterations` iterations, each from the last one's partition (the paper's repeated iterations), and stops
 * earlier when one no longer raises Q.
 */
export function communitiesOnce(g: WeightedGraph, algorithm: Algorithm, resolution: number, rng: Rng, iterations = Infinity): number[] {
  if (algorithm === 'louvain') return firstAppearance(louvain(g, resolution, rng));
  let membership = leiden(g, identity(g.strength.length), resolution, rng);
  let q = quality(g, membership, resolution);
  for (let done = 1; done < iterations; done++) {
    const next = leiden(g, membership, resolution, rng);
    const nextQ = quality(g, next, resolution);
    if (nextQ <= q + EPSILON) break;
    [membership, q] = [next, nextQ];
  }
  return firstAppearance(membership);
}

/** Gains below this are rounding, not improvement: it keeps the moves from cycling. */
const EPSILON = 1e-12;

function louvain(g: WeightedGraph, resolution: number, rng: Rng): Int32Array {
  let membership = identity(g.strength.length); // original node → node of the current level
  let graph = g;
  for (;;) {
    const partition = new Partition(graph, identity(graph.strength.length), resolution);
    const order = shuffledNodes(graph, rng);
    let moved = false;
    for (let sweep = true; sweep; ) {
      sweep = false;
      for (const v of order) if (partition.moveBest(v)) sweep = moved = true;
    }
    if (!moved) return membership;
    const { labels, count } = relabel(partition.community);
    membership = compose(membership, labels);
    graph = aggregate(graph, labels, count);
  }
}

function leiden(g: WeightedGraph, initial: Int32Array, resolution: number, rng: Rng): Int32Array {
  let membership = identity(g.strength.length);
  let graph = g;
  let start = initial;
  for (;;) {
    const partition = new Partition(graph, start, resolution);
    fastLocalMoving(partition, graph, rng);
    const { labels, count } = relabel(partition.community);
    if (count === graph.strength.length) return compose(membership, labels);
    // Aggregate the refined partition, each part starting in its community; when refinement merges nothing
    // (every part a single node), aggregate the communities themselves, so that each level shrinks the graph.
    let parts = relabel(refine(graph, labels, resolution, rng));
    if (parts.count === graph.strength.length) parts = { labels, count };
    start = new Int32Array(parts.count);
    for (let v = 0; v < labels.length; v++) start[parts.labels[v]] = labels[v];
    membership = compose(membership, parts.labels);
    graph = aggregate(graph, parts.labels, parts.count);
  }
}

/** Leiden's queue: every node once in random order, then the neighbours of a moved node outside its new community. */
function fastLocalMoving(partition: Partition, g: WeightedGraph, rng: Rng): void {
  const queue = shuffledNodes(g, rng);
  const queued = new Uint8Array(queue.length).fill(1);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    queued[v] = 0;
    if (!partition.moveBest(v)) continue;
    for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) {
      const node = g.nodes[k];
      if (!queued[node] && partition.community[node] !== partition.community[v]) {
        queued[node] = 1;
        queue.push(node);
      }
    }
  }
}

/**
 * Leiden's refinement within each community C: singletons that are well connected to C (γ·E(v, C−v) ≥
 * k_v(K_C − k_v)/2m) join, in random order, the well-connected part of C that raises Q most (greedy: the
 * paper's randomness θ → 0). Returns each node's part.
 */
function refine(g: WeightedGraph, community: Int32Array, resolution: number, rng: Rng): Int32Array {
  const n = g.strength.length;
  const m = g.total;
  const communityTotal = new Float64Array(n);
  const toRest = new Float64Array(n); // E(v, C − v)
  for (let v = 0; v < n; v++) {
    communityTotal[community[v]] += g.strength[v];
    for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) if (community[g.nodes[k]] === community[v]) toRest[v] += g.weights[k];
  }
  const part = identity(n);
  const partSize = new Int32Array(n).fill(1);
  const partTotal = Float64Array.from(g.strength);
  const partToRest = Float64Array.from(toRest); // E(T, C − T)
  const wellConnected = (e: number, k: number, c: number) => resolution * e >= (k * (communityTotal[c] - k)) / (2 * m) - EPSILON;
  const link = new Float64Array(n); // the weight from v to each part, for the parts in `touched` (first touch first)
  const linked = new Uint8Array(n);
  const touched: number[] = [];
  for (const v of shuffledNodes(g, rng)) {
    const c = community[v];
    if (partSize[part[v]] !== 1 || !wellConnected(toRest[v], g.strength[v], c)) continue;
    touched.length = 0;
    for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) {
      const node = g.nodes[k];
      if (community[node] !== c || node === v) continue;
      const t = part[node];
      if (!linked[t]) { linked[t] = 1; touched.push(t); }
      link[t] += g.weights[k];
    }
    let best = -1;
    let bestGain = EPSILON;
    for (const t of touched) {
      const gain = (resolution * link[t]) / m - (g.strength[v] * partTotal[t]) / (2 * m * m);
      if (gain > bestGain && wellConnected(partToRest[t], partTotal[t], c)) { best = t; bestGain = gain; }
    }
    const toBest = best < 0 ? 0 : link[best];
    for (const t of touched) { link[t] = 0; linked[t] = 0; }
    if (best < 0) continue;
    partToRest[best] += toRest[v] - 2 * toBest;
    partTotal[best] += g.strength[v];
    partSize[best]++;
    partSize[part[v]] = 0;
    part[v] = best;
  }
  return part;
}

/** Communities with their total strengths, and the best single-node move under Q. */
class Partition {
  readonly community: Int32Array;
  private readonly total: Float64Array;
  private readonly size: Int32Array;
  /** Labels no node holds, for a node that does best on its own. */
  private readonly empty: number[] = [];
  /** Scratch for one move: the weight from the node to each community, and the communities it touches. */
  private readonly link: Float64Array;
  private readonly touched: number[] = [];

  constructor(private readonly g: WeightedGraph, start: Int32Array, private readonly resolution: number) {
    const n = g.strength.length;
    this.community = Int32Array.from(start);
    this.total = new Float64Array(n);
    this.size = new Int32Array(n);
    this.link = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      this.total[start[v]] += g.strength[v];
      this.size[start[v]]++;
    }
    for (let c = n - 1; c >= 0; c--) if (!this.size[c]) this.empty.push(c);
  }

  /** Moves v to the community (its own, a neighbour's or an empty one) that raises Q most; true if it moved. */
  moveBest(v: number): boolean {
    const { g, community, total, size, link, touched } = this;
    const own = community[v];
    touched.length = 0;
    touched.push(own);
    const { offsets, nodes, weights } = g;
    for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
      const c = community[nodes[k]];
      if (link[c] === 0 && c !== own) touched.push(c);
      link[c] += weights[k];
    }
    total[own] -= g.strength[v];
    size[own]--;
    // The gain of joining c from outside every community: γ·w_vc/m − k_v·K_c/2m².
    const m = g.total;
    const pull = g.strength[v] / (2 * m * m);
    let best = own;
    let bestGain = (this.resolution * link[own]) / m - pull * total[own];
    for (let i = 0; i < touched.length; i++) {
      const c = touched[i];
      const gain = (this.resolution * link[c]) / m - pull * total[c];
      if (gain > bestGain + EPSILON) { best = c; bestGain = gain; }
      link[c] = 0;
    }
    if (bestGain < -EPSILON && size[own] > 0) best = this.empty.pop()!;
    if (!size[own] && best !== own) this.empty.push(own);
    community[v] = best;
    total[best] += g.strength[v];
    size[best]++;
    return best !== own;
  }
}

/** Gephi's Q of a partition of the original graph (no ties inside nodes). */
export function quality(g: WeightedGraph, membership: ArrayLike<number>, resolution: number): number {
  if (g.total === 0) return 0;
  const m = g.total;
  const totals = new Map<number, number>();
  let inside = 0;
  for (let v = 0; v < g.strength.length; v++) {
    totals.set(membership[v], (totals.get(membership[v]) ?? 0) + g.strength[v]);
    for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) if (membership[g.nodes[k]] === membership[v]) inside += g.weights[k] / 2;
  }
  let q = (resolution * inside) / m;
  for (const k of totals.values()) q -= (k / (2 * m)) ** 2;
  return q;
}

/**
 * The graph whose nodes are the groups of `labels` (0..count−1), ties between groups summed: each group's
 * neighbours in the order its members (ascending) first reach them, the weights summed in that order.
 */
function aggregate(g: WeightedGraph, labels: Int32Array, count: number): WeightedGraph {
  const n = g.strength.length;
  const strength = new Float64Array(count);
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) {
    strength[labels[v]] += g.strength[v];
    start[labels[v] + 1]++;
  }
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const members = new Int32Array(n);
  const fill = start.slice(0, count);
  for (let v = 0; v < n; v++) members[fill[labels[v]]++] = v;
  const offsets = new Int32Array(count + 1);
  const nodes = new Int32Array(g.nodes.length); // never more ties than the graph aggregated
  const weights = new Float64Array(g.nodes.length);
  const at = new Int32Array(count).fill(-1); // where group d sits in the current group's row
  let size = 0;
  for (let c = 0; c < count; c++) {
    const rowStart = size;
    for (let i = start[c]; i < start[c + 1]; i++) {
      const v = members[i];
      for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) {
        const d = labels[g.nodes[k]];
        if (d === c) continue;
        if (at[d] < rowStart) { at[d] = size; nodes[size] = d; weights[size++] = g.weights[k]; }
        else weights[at[d]] += g.weights[k];
      }
    }
    offsets[c + 1] = size;
  }
  return { offsets, nodes: nodes.slice(0, size), weights: weights.slice(0, size), strength, total: g.total };
}

/** Labels (each below labels.length) renumbered 0..count−1 in order of first appearance. */
function relabel(labels: Int32Array): { labels: Int32Array; count: number } {
  const renumber = new Int32Array(labels.length).fill(-1);
  const out = new Int32Array(labels.length);
  let count = 0;
  for (let v = 0; v < labels.length; v++) {
    if (renumber[labels[v]] < 0) renumber[labels[v]] = count++;
    out[v] = renumber[labels[v]];
  }
  return { labels: out, count };
}

/** Each original node's label after its current node is relabelled: labels[membership[v]]. */
function compose(membership: Int32Array, labels: Int32Array): Int32Array {
  const out = new Int32Array(membership.length);
  for (let v = 0; v < membership.length; v++) out[v] = labels[membership[v]];
  return out;
}

function firstAppearance(labels: Int32Array): number[] {
  return Array.from(relabel(labels).labels);
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function shuffledNodes(g: WeightedGraph, rng: Rng): number[] {
  return Array.from(rng.shuffled(new Float64Array(identity(g.strength.length))));
}
