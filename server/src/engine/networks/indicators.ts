// Whole-network and node indicators of one window's network, by name, with the conventions as options
// (the declaration's items and options map onto these one to one). Empty windows give nulls, never zeros.
import type { Checkpoint } from '../cancel.js';
import { adjacencyOf, binary, columnSums, density, eachArc, edgeCount, nodeCount, rowSums, symmetrized, type Adjacency } from './adjacency.js';
import { eiIndex } from './blocks.js';
import { BROKERAGE_ROLES, brokerage, type BrokerageRole } from './brokerage.js';
import { averageClustering, fagioloClustering, localClustering, transitivity } from './clustering.js';
import { componentSummary, coreness, strongComponents, weakComponents } from './cohesion.js';
import { bestCommunities, communityEffort, type Communities, type CommunityOptions } from './communities.js';
import { degreeCentralization, flowRate, largestValue, normalizeBetweenness, type Matrix, type Symmetrize, type Unreachable } from './measures.js';
import type { Network } from './network.js';
import { eigenvectorCentrality } from './eigenvector.js';
import type { Parallelism } from './paths/chunks.js';
import { pathCentralities, pathCentralitiesHere, pathLengths, pathLengthsHere, type PathLengths, type PathOptions, type PathValues } from './paths/centralities.js';
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

/**
 * Whole-network indicators; `ei` needs a group per node (index into `groups`, aligned with `net.nodes`). Path
 * lengths are taken from `paths` where given (`wholePaths`, on worker threads), else computed here. Every item
 * reads the sparse adjacency, so a network of 10⁵ firms has them all.
 */
export function wholeIndicators(net: Network, items: readonly string[], options: IndicatorOptions, groups?: readonly number[], paths?: PathLengths): Record<string, Value> {
  let adjacency: Adjacency | undefined;
  const adj = () => (adjacency ??= measuredAdjacency(net, options));
  const n = net.nodes.length;
  const scale = options.scale === 'percent' ? 100 : 1;
  const row: Record<string, Value> = {};
  const path = () => (n ? (paths ??= pathLengthsHere(adj(), options.checkpoint)) : undefined);
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
      case 'clustering': row.clustering = n ? (adj().directed && options.clustering === 'fagiolo' ? fagioloClustering(adj()) : averageClustering(adj())).average : null; break;
      case 'path_length': { const p = path(); row.path_length = p && p.reachablePairs ? p.average : null; break; }
      case 'diameter': { const p = path(); row.diameter = p && p.reachablePairs ? p.diameter : null; break; }
      case 'out_centralization': case 'in_centralization': case 'centralization': {
        const direction = item === 'in_centralization' ? 'in' : 'out';
        row[item] = n > 2 ? scale * degreeCentralization(adj(), direction, options.centralization) : null;
        break;
      }
      case 'ei': row.ei = groups ? wholeEI(adj(), groups) : null; break;
      case 'transitivity': row.transitivity = transitivity(undirectedView(adj(), options)); break;
      case 'reachable_pairs': { const p = path(); row.reachable_pairs = p ? (adj().directed ? p.reachablePairs : p.reachablePairs / 2) : null; break; }
      case 'weak_components': case 'largest_weak_share': case 'strong_components': case 'largest_strong_share': {
        if (!n) { row[item] = null; break; }
        const summary = componentSummary(item.includes('weak') ? weakComponents(adj()) : strongComponents(adj()));
        row[item] = item.startsWith('largest') ? summary.largestShare : summary.count;
        break;
      }
    }
  }
  return row;
}

const PATH_LENGTH_ITEMS = ['path_length', 'diameter', 'reachable_pairs'];

/** The path lengths the listed whole-network items need (none listed, or no node: undefined), on worker threads when the network is large. */
export function wholePaths(net: Network, items: readonly string[], options: IndicatorOptions, parallelism: Parallelism = {}): Promise<PathLengths | undefined> {
  if (!net.nodes.length || !items.some((i) => PATH_LENGTH_ITEMS.includes(i))) return Promise.resolve(undefined);
  return pathLengths(measuredAdjacency(net, options), { checkpoint: options.checkpoint, ...parallelism });
}

/**
 * Node indicators, one array per item, aligned with `net.nodes`; brokerage roles need `groups` as `ei` does.
 * Closeness and betweenness are taken from `paths` where given (`pathIndicators`, on worker threads), else
 * computed here. Every item reads the sparse adjacency, so a network of 10⁵ firms has them all.
 */
export function nodeIndicators(net: Network, items: readonly string[], options: IndicatorOptions, groups?: readonly number[], paths?: PathValues): Record<string, Value[]> {
  let adjacency: Adjacency | undefined;
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
      case 'normalized_degree': case 'normalized_in_degree': out[item] = normalizedDegree(adj(), item === 'normalized_in_degree' ? 'in' : 'out', options); break;
      case 'local_clustering': out.local_clustering = localClustering(undirectedView(adj(), options), options.localClustering); break;
      case 'coreness': out.coreness = coreness(undirectedView(adj(), options)); break;
      case 'eigenvector': out.eigenvector = eigenvectorCentrality(undirectedView(adj(), options)); break;
      case 'constraint': out.constraint = constraint(options.structuralHoles === 'binary' ? bin() : adj()); break;
      case 'effective_size': out.effective_size = effectiveSize(options.structuralHoles === 'binary' ? bin() : adj()); break;
      case 'closeness': case 'in_closeness': out[item] = computed().values[item]!; break;
      case 'betweenness': out.betweenness = scaleBetweenness(computed().values.betweenness!, net.nodes.length, adj().directed, options.betweenness); break;
      case 'flow_rate': out.flow_rate = flowRate(adj(), options.flowSign); break;
      case 'intra': out.intra = net.nodes.map((r) => net.intra.get(r) ?? 0); break;
      case 'community': out.community = net.nodes.length ? communitiesOf(adj(), options).membership : []; break;
      default:
        if (isBrokerageRole(item)) out[item] = groups ? (roles ??= brokerage(adj(), groups))[item] : net.nodes.map(() => null);
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

/** How many runs communities of this network are the best of, and the Leiden iterations of each at most: as set, else by the network's size (communities.ts). */
export function communityEffortOf(net: Network, options: IndicatorOptions): { runs: number; iterations: number } {
  return communityEffort(measuredAdjacency(net, options), { ...options.communities, weighted: true });
}

/** The network's adjacency, or its undirected view when `symmetrize` names one. */
function measuredAdjacency(net: Network, options: IndicatorOptions): Adjacency {
  const a = adjacencyOf(net);
  return options.symmetrize === 'none' ? a : symmetrized(a, options.symmetrize);
}

/** The undirected view the measures defined on one read: `symmetrize`'s, else UCINET's max. */
function undirectedView(a: Adjacency, options: IndicatorOptions): Adjacency {
  return symmetrized(a, options.symmetrize === 'none' ? 'max' : options.symmetrize);
}

/**
 * UCINET's normalised degree: degree over (n−1)·w_max, the largest cell value (1 when binary), as a
 * percentage or proportion by `scale`; `centralization: binary` dichotomises first.
 */
function normalizedDegree(a: Adjacency, direction: 'out' | 'in', options: IndicatorOptions): Value[] {
  const cells = options.centralization === 'binary' ? binary(a) : a;
  const degrees = direction === 'out' ? rowSums(cells) : columnSums(cells);
  const possible = (nodeCount(a) - 1) * largestValue(cells);
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

