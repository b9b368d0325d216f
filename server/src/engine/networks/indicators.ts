// Whole-network and node indicators of one window's network, by name, with the conventions as options
// (the declaration's items and options map onto these one to one). Empty windows give nulls, never zeros.
import type { Checkpoint } from '../cancel.js';
import { blockModel } from './blocks.js';
import { BROKERAGE_ROLES, brokerage, type BrokerageRole } from './brokerage.js';
import { componentSummary, coreness, localClustering, strongComponents, transitivity, weakComponents } from './cohesion.js';
import { bestCommunities, type Communities, type CommunityOptions } from './communities.js';
import {
  averageClustering, betweenness, fagioloClustering, closeness, degreeCentralization, density, dichotomize, edgeCount, flowRate, inStrength,
  normalizeBetweenness, outStrength, pathLength, symmetrize, toMatrix, type Matrix, type Symmetrize, type Unreachable,
} from './measures.js';
import type { Network } from './network.js';
import { eigenvectorCentrality } from './eigenvector.js';
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
  /** Throws when the run is cancelled; called before every indicator and Louvain restart. */
  checkpoint?: Checkpoint;
}

export type Value = number | null;

/** Whole-network indicators; `ei` needs a group per node (index into `groups`, aligned with `net.nodes`). */
export function wholeIndicators(net: Network, items: readonly string[], options: IndicatorOptions, groups?: readonly number[]): Record<string, Value> {
  const m = measuredMatrix(net, options);
  const n = m.nodes.length;
  const scale = options.scale === 'percent' ? 100 : 1;
  const row: Record<string, Value> = {};
  const path = () => (n ? pathLength(m) : undefined);
  let found: Communities | undefined; // one partition for modularity, its runs and its communities
  const partition = () => (found ??= communitiesOf(m, options));
  for (const item of items) {
    options.checkpoint?.();
    switch (item) {
      case 'nodes': row.nodes = n; break;
      case 'edges': row.edges = edgeCount(m); break;
      case 'total_weight': row.total_weight = net.ties.reduce((sum, t) => sum + t.weight, 0); break;
      case 'density': row.density = n > 1 ? density(m, options.density) : null; break;
      case 'modularity': row.modularity = net.ties.length ? partition().modularity : null; break;
      case 'modularity_runs': row.modularity_runs = net.ties.length ? partition().runsAtBest : null; break;
      case 'communities': row.communities = n ? partition().count : null; break;
      case 'clustering': row.clustering = n ? (m.directed && options.clustering === 'fagiolo' ? fagioloClustering(m) : averageClustering(m)).average : null; break;
      case 'path_length': { const p = path(); row.path_length = p && p.reachablePairs ? p.average : null; break; }
      case 'diameter': { const p = path(); row.diameter = p && p.reachablePairs ? p.diameter : null; break; }
      case 'out_centralization': case 'in_centralization': case 'centralization': {
        const direction = item === 'in_centralization' ? 'in' : 'out';
        row[item] = n > 2 ? scale * degreeCentralization(m, direction, options.centralization) : null;
        break;
      }
      case 'ei': row.ei = groups ? wholeEI(m, groups) : null; break;
      case 'transitivity': row.transitivity = transitivity(undirectedView(m, options)); break;
      case 'reachable_pairs': { const p = path(); row.reachable_pairs = p ? (m.directed ? p.reachablePairs : p.reachablePairs / 2) : null; break; }
      case 'weak_components': case 'largest_weak_share': case 'strong_components': case 'largest_strong_share': {
        if (!n) { row[item] = null; break; }
        const summary = componentSummary(item.includes('weak') ? weakComponents(m) : strongComponents(m));
        row[item] = item.startsWith('largest') ? summary.largestShare : summary.count;
        break;
      }
    }
  }
  return row;
}

/** Node indicators, one array per item, aligned with `net.nodes`; brokerage roles need `groups` as `ei` does. */
export function nodeIndicators(net: Network, items: readonly string[], options: IndicatorOptions, groups?: readonly number[]): Record<string, Value[]> {
  const m = measuredMatrix(net, options);
  const n = m.nodes.length;
  const out: Record<string, Value[]> = {};
  let roles: Record<BrokerageRole, number[]> | undefined; // every role from one pass over the two-paths
  for (const item of items) {
    options.checkpoint?.();
    switch (item) {
      case 'degree': out.degree = outStrength(m); break; // out-degree when directed, strength when not
      case 'out_degree': out.out_degree = outStrength(m); break;
      case 'in_degree': out.in_degree = inStrength(m); break;
      case 'total_degree': { const o = outStrength(m); const i = inStrength(m); out.total_degree = m.directed ? o.map((x, k) => x + i[k]) : o; break; }
      case 'sym_degree': out.sym_degree = outStrength(symmetrize(m)); break;
      case 'binary_degree': case 'binary_out_degree': out[item] = outStrength(dichotomize(m)); break;
      case 'binary_in_degree': out.binary_in_degree = inStrength(dichotomize(m)); break;
      case 'binary_total_degree': { const b = dichotomize(m); const o = outStrength(b); const i = inStrength(b); out.binary_total_degree = m.directed ? o.map((x, k) => x + i[k]) : o; break; }
      case 'normalized_degree': case 'normalized_in_degree': out[item] = normalizedDegree(m, item === 'normalized_in_degree' ? 'in' : 'out', options); break;
      case 'local_clustering': out.local_clustering = localClustering(undirectedView(m, options), options.localClustering); break;
      case 'coreness': out.coreness = coreness(undirectedView(m, options)); break;
      case 'eigenvector': out.eigenvector = eigenvectorCentrality(undirectedView(m, options)); break;
      case 'constraint': out.constraint = constraint(options.structuralHoles === 'binary' ? dichotomize(m) : m); break;
      case 'effective_size': out.effective_size = effectiveSize(options.structuralHoles === 'binary' ? dichotomize(m) : m); break;
      case 'closeness': out.closeness = closeness(m, 'out', options.unreachable); break;
      case 'in_closeness': out.in_closeness = closeness(m, 'in', options.unreachable); break;
      case 'betweenness': out.betweenness = scaleBetweenness(m, options.betweenness); break;
      case 'flow_rate': out.flow_rate = flowRate(m, options.flowSign); break;
      case 'intra': out.intra = m.nodes.map((r) => net.intra.get(r) ?? 0); break;
      case 'community': out.community = n ? communitiesOf(m, options).membership : []; break;
      default:
        if (isBrokerageRole(item)) out[item] = groups ? (roles ??= brokerage(m, groups))[item] : m.nodes.map(() => null);
    }
  }
  return out;
}

/** Communities of the weighted undirected view (Gephi's), as the options choose. */
export function communitiesOf(m: Matrix, options: Pick<IndicatorOptions, 'communities' | 'checkpoint'>): Communities {
  return bestCommunities(m, { ...options.communities, weighted: true, checkpoint: options.checkpoint });
}

/** The network's matrix, or its undirected view when `symmetrize` names one. */
function measuredMatrix(net: Network, options: IndicatorOptions): Matrix {
  const m = toMatrix(net);
  return options.symmetrize === 'none' ? m : symmetrize(m, options.symmetrize);
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

function scaleBetweenness(m: Matrix, scale: IndicatorOptions['betweenness']): number[] {
  const raw = betweenness(m);
  if (scale === 'raw') return raw;
  const ucinet = normalizeBetweenness(raw, m.nodes.length, m.directed);
  return scale === 'ucinet' ? ucinet : ucinet.map((x) => x / 100);
}

/** Whole-network E-I of a node grouping, UCINET's binary E-I routine (blocks.ts). */
function wholeEI(m: Matrix, groups: readonly number[]): Value {
  const blocks: number[][] = [];
  groups.forEach((g, i) => (blocks[g] ??= []).push(i));
  return blockModel(m.w, blocks.filter(Boolean)).whole.binary.ei;
}
