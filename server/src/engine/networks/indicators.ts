// Whole-network and node indicators of one window's network, by name, with the conventions as options
// (the declaration's items and options map onto these one to one). Empty windows give nulls, never zeros.
import type { Checkpoint } from '../cancel.js';
import { adjacencyOf, binary, columnSums, density, eachArc, edgeCount, rowSums, symmetrized, type Adjacency } from './adjacency.js';
import { eiIndex } from './blocks.js';
import { BROKERAGE_ROLES, brokerage, type BrokerageRole } from './brokerage.js';
import { componentSummary, coreness, localClustering, strongComponents, transitivity, weakComponents } from './cohesion.js';
import { bestCommunities, communityEffort, type Communities, type CommunityOptions } from './communities.js';
import {
  averageClustering, fagioloClustering, degreeCentralization, dichotomize, flowRate, inStrength,
  normalizeBetweenness, outStrength, pathLength, symmetrize, toMatrix, type Matrix, type Symmetrize, type Unreachable,
} from './measures.js';
import type { Network } from './network.js';
import { eigenvectorCentrality } from './eigenvector.js';
import type { Parallelism } from './paths/chunks.js';
import { pathCentralities, pathCentralitiesHere, type PathOptions, type PathValues } from './paths/centralities.js';
import { constraint, effectiveSize } from './structuralHoles.js';

export interface IndicatorOptions {
  density: 'binary' | 'valued';
  centralization: 'valued' | 'binary';
  scale: 'percent' | 'proportion';
  clustering: 'gephi' | 'fagiolo';
  unreachable: Unreachable;
  betweenness: 'raw' | 'ucinet' | 'gephi';
  flowSign: 'leader_positive' | 'paper';
  /** `none`: directed measures read the arcs, and those defined on an undirected view symmetrise by max. */
  symmetrize: Symmetrize | 'none';
  /** Local clustering below degree 2: null (igraph's NaN) or 0 (networkx). */
  localClustering: 'missing' | 'zero';
  /** Constraint and effective size on tie values (igraph, networkx) or on binary ties (Borgatti). */
  structuralHoles: 'valued' | 'binary';
  communities: Omit<CommunityOptions, 'weighted' | 'checkpoint'>;
  /** Betweenness estimated from this many seeded sources (`communities.seed`) rather than from every node. */
  betweennessSources?: number;
  /** Closeness (both directions) estimated from this many seeded sources, as `betweennessSources`. */
  closenessSources?: number;
  /** Throws when the run is cancelled; called before every indicator and Louvain restart. */
  checkpoint?: Checkpoint;
}

export type Value = number | null;

/** Whole-network indicators; `ei` needs a group per node (index into `groups`, aligned with `net.nodes`). */
export function wholeIndicators(net: Network, items: readonly string[], options: IndicatorOptions, groups?: readonly number[]): Record<string, Value> {
  // The n×n matrix only for the indicators that read it: counts, density and E-I come off the sparse rows, so a
  // network of 10⁵ firms has them.
  let matrix: Matrix | undefined;
  const m = () => (matrix ??= measuredMatrix(net, options));
  let adjacency: Adjacency | undefined;
  const adj = () => (adjacency ??= measuredAdjacency(net, options));
  const n = net.nodes.length;
  const scale = options.scale === 'percent' ? 100 : 1;
  const row: Record<string, Value> = {};
  const path = () => (n ? pathLength(m()) : undefined);
  let found: Communities | undefined; // one partition for modularity, its runs and its communities
  const partition = () => (found ??= communitiesOf(adj(), options));
  for (const item of items) {
    options.checkpoint?.();
    switch (item) {
      case 'nodes': row.nodes = n; break;
      case 'edges': row.edges = edgeCount(adj()); break;
      case 'total_weight': row.total_weight = net.ties.reduce((sum, t) => sum + t.weight, 0); break;
      case 'density': row.density = n > 1 ? density(adj(), options.density) : null; break;
      case 'modularity': row.modularity = net.ties.length ? partition().modularity : null; break;
      case 'modularity_runs': row.modularity_runs = net.ties.length ? partition().runsAtBest : null; break;
      case 'communities': row.communities = n ? partition().count : null; break;
      case 'clustering': row.clustering = n ? (m().directed && options.clustering === 'fagiolo' ? fagioloClustering(m()) : averageClustering(m())).average : null; break;
      case 'path_length': { const p = path(); row.path_length = p && p.reachablePairs ? p.average : null; break; }
      case 'diameter': { const p = path(); row.diameter = p && p.reachablePairs ? p.diameter : null; break; }
      case 'out_centralization': case 'in_centralization': case 'centralization': {
        const direction = item === 'in_centralization' ? 'in' : 'out';
        row[item] = n > 2 ? scale * degreeCentralization(m(), direction, options.centralization) : null;
        break;
      }
      case 'ei': row.ei = groups ? wholeEI(adj(), groups) : null; break;
      case 'transitivity': row.transitivity = transitivity(undirectedView(m(), options)); break;
      case 'reachable_pairs': { const p = path(); row.reachable_pairs = p ? (m().directed ? p.reachablePairs : p.reachablePairs / 2) : null; break; }
      case 'weak_components': case 'largest_weak_share': case 'strong_components': case 'largest_strong_share': {
        if (!n) { row[item] = null; break; }
        const summary = componentSummary(item.includes('weak') ? weakComponents(m()) : strongComponents(m()));
        row[item] = item.startsWith('largest') ? summary.largestShare : summary.count;
        break;
      }
    }
  }
  return row;
}

/**
 * Node indicators, one array per item, aligned with `net.nodes`; brokerage roles need `groups` as `ei` does.
 * Closeness and betweenness are taken from `paths` where given (`pathIndicators`, on worker threads), else
 * computed here. Degrees, paths and communities read the sparse adjacency; the rest the n×n matrix, built
 * only when one of them is listed.
 */
export function nodeIndicators(net: Network, items: readonly string[], options: IndicatorOptions, groups?: readonly number[], paths?: PathValues): Record<string, Value[]> {
  let matrix: Matrix | undefined;
  let adjacency: Adjacency | undefined;
  const mat = () => (matrix ??= measuredMatrix(net, options));
  const adj = () => (adjacency ??= measuredAdjacency(net, options));
  const bin = () => binary(adj());
  const computed = () => (paths ??= pathCentralitiesHere(adj(), items, pathOptions(options), options.checkpoint));
  const out: Record<string, Value[]> = {};
  let roles: Record<BrokerageRole, number[]> | undefined; // every role from one pass over the two-paths
  for (const item of items) {
    options.checkpoint?.();
    switch (item) {
      case 'degree': case 'out_degree': out[item] = rowSums(adj()); break; // out-degree when directed, strength when not
      case 'in_degree': out.in_degree = columnSums(adj()); break;
      case 'total_degree': out.total_degree = totalDegree(adj()); break;
      case 'sym_degree': out.sym_degree = rowSums(symmetrized(adj())); break;
      case 'binary_degree': case 'binary_out_degree': out[item] = rowSums(bin()); break;
      case 'binary_in_degree': out.binary_in_degree = columnSums(bin()); break;
      case 'binary_total_degree': out.binary_total_degree = totalDegree(bin()); break;
      case 'normalized_degree': case 'normalized_in_degree': out[item] = normalizedDegree(mat(), item === 'normalized_in_degree' ? 'in' : 'out', options); break;
      case 'local_clustering': out.local_clustering = localClustering(undirectedView(mat(), options), options.localClustering); break;
      case 'coreness': out.coreness = coreness(undirectedView(mat(), options)); break;
      case 'eigenvector': out.eigenvector = eigenvectorCentrality(undirectedView(mat(), options)); break;
      case 'constraint': out.constraint = constraint(options.structuralHoles === 'binary' ? dichotomize(mat()) : mat()); break;
      case 'effective_size': out.effective_size = effectiveSize(options.structuralHoles === 'binary' ? dichotomize(mat()) : mat()); break;
      case 'closeness': case 'in_closeness': out[item] = computed().values[item]!; break;
      case 'betweenness': out.betweenness = scaleBetweenness(computed().values.betweenness!, net.nodes.length, adj().directed, options.betweenness); break;
      case 'flow_rate': out.flow_rate = flowRate(mat(), options.flowSign); break;
      case 'intra': out.intra = net.nodes.map((r) => net.intra.get(r) ?? 0); break;
      case 'community': out.community = net.nodes.length ? communitiesOf(adj(), options).membership : []; break;
      default:
        if (isBrokerageRole(item)) out[item] = groups ? (roles ??= brokerage(mat(), groups))[item] : net.nodes.map(() => null);
    }
  }
  return out;
}

/** Closeness and betweenness of the listed items, on worker threads when the network is large (paths/chunks.ts). */
export function pathIndicators(net: Network, items: readonly string[], options: IndicatorOptions, parallelism: Parallelism = {}): Promise<PathValues> {
  return pathCentralities(measuredAdjacency(net, options), items, pathOptions(options), { checkpoint: options.checkpoint, ...parallelism });
}

const pathOptions = (options: IndicatorOptions): PathOptions => ({
  unreachable: options.unreachable,
  sample: { seed: options.communities.seed, betweenness: options.betweennessSources, closeness: options.closenessSources },
});

/** Out + in for directed networks; the degree itself when undirected. */
function totalDegree(a: Adjacency): number[] {
  const o = rowSums(a);
  if (!a.directed) return o;
  const i = columnSums(a);
  return o.map((x, k) => x + i[k]);
}

/** Communities of the weighted undirected view (Gephi's), as the options choose. */
export function communitiesOf(m: Matrix | Adjacency, options: Pick<IndicatorOptions, 'communities' | 'checkpoint'>): Communities {
  return bestCommunities(m, { ...options.communities, weighted: true, checkpoint: options.checkpoint });
}

/** The network's matrix, or its undirected view when `symmetrize` names one. */
function measuredMatrix(net: Network, options: IndicatorOptions): Matrix {
  const m = toMatrix(net);
  return options.symmetrize === 'none' ? m : symmetrize(m, options.symmetrize);
}

/** How many runs communities of this network are the best of, and the Leiden iterations of each at most: as set, else by the network's size (communities.ts). */
export function communityEffortOf(net: Network, options: IndicatorOptions): { runs: number; iterations: number } {
  return communityEffort(measuredAdjacency(net, options), { ...options.communities, weighted: true });
}

/** The network's adjacency, or its undirected view when `symmetrize` names one (as `measuredMatrix`). */
function measuredAdjacency(net: Network, options: IndicatorOptions): Adjacency {
  const a = adjacencyOf(net);
  return options.symmetrize === 'none' ? a : symmetrized(a, options.symmetrize);
}

/** The undirected view the measures defined on one read: `symmetrize`'s, else UCINET's max. */
function undirectedView(m: Matrix, options: IndicatorOptions): Matrix {
  return symmetrize(m, options.symmetrize === 'none' ? 'max' : options.symmetrize);
}

/**
 * UCINET's normalised degree: degree over (n−1)·w_max, the largest cell value (1 when binary), as a
 * percentage or proportion by `scale`; `centralization: binary` dichotomises first.
 */
function normalizedDegree(m: Matrix, direction: 'out' | 'in', options: IndicatorOptions): Value[] {
  const cells = options.centralization === 'binary' ? dichotomize(m) : m;
  const degrees = direction === 'out' ? outStrength(cells) : inStrength(cells);
  const wMax = Math.max(0, ...cells.w.flatMap((row, i) => row.filter((_, j) => i !== j)));
  const possible = (m.nodes.length - 1) * wMax;
  const scale = options.scale === 'percent' ? 100 : 1;
  return degrees.map((d) => (possible > 0 ? (scale * d) / possible : null));
}

export const isBrokerageRole = (item: string): item is BrokerageRole => (BROKERAGE_ROLES as readonly string[]).includes(item);

/** Raw betweenness on the scale asked for: UCINET's percentage, or Gephi's proportion. */
export function scaleBetweenness(raw: number[], n: number, directed: boolean, scale: IndicatorOptions['betweenness']): number[] {
  if (scale === 'raw') return raw;
  const ucinet = normalizeBetweenness(raw, n, directed);
  return scale === 'ucinet' ? ucinet : ucinet.map((x) => x / 100);
}

/** Whole-network E-I of a node grouping, UCINET's binary E-I routine (blocks.ts). */
/** UCINET's binary E-I of the whole network: the nonzero off-diagonal cells inside a group and between groups. */
function wholeEI(a: Adjacency, groups: readonly number[]): Value {
  let internal = 0;
  let external = 0;
  eachArc(a, (i, j, w) => {
    if (w === 0) return;
    if (groups[i] === groups[j]) internal++;
    else external++;
  });
  return eiIndex(internal, external).ei;
}

