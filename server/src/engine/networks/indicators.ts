// Whole-network and node indicators of one window's network, by name, with the conventions as options
// (the declaration's items and options map onto these one to one). Empty windows give nulls, never zeros.
import type { Checkpoint } from '../cancel.js';
import { blockModel } from './blocks.js';
import { louvainCommunities } from './communities.js';
import {
  averageClustering, betweenness, fagioloClustering, closeness, degreeCentralization, density, edgeCount, flowRate, inStrength,
  normalizeBetweenness, outStrength, pathLength, symmetrize, toMatrix, type Matrix, type Unreachable,
} from './measures.js';
import type { Network } from './network.js';

export interface IndicatorOptions {
  density: 'binary' | 'valued';
  centralization: 'valued' | 'binary';
  scale: 'percent' | 'proportion';
  clustering: 'gephi' | 'fagiolo';
  unreachable: Unreachable;
  betweenness: 'raw' | 'ucinet' | 'gephi';
  flowSign: 'leader_positive' | 'paper';
  louvain: { runs: number; seed: number; resolution: number };
  /** Throws when the run is cancelled; called before every indicator and Louvain restart. */
  checkpoint?: Checkpoint;
}

export type Value = number | null;

/** Whole-network indicators; `ei` needs a group per node (index into `groups`, aligned with `net.nodes`). */
export function wholeIndicators(net: Network, items: readonly string[], options: IndicatorOptions, groups?: readonly number[]): Record<string, Value> {
  const m = toMatrix(net);
  const n = m.nodes.length;
  const scale = options.scale === 'percent' ? 100 : 1;
  const row: Record<string, Value> = {};
  const path = () => (n ? pathLength(m) : undefined);
  for (const item of items) {
    options.checkpoint?.();
    switch (item) {
      case 'nodes': row.nodes = n; break;
      case 'edges': row.edges = edgeCount(m); break;
      case 'total_weight': row.total_weight = net.ties.reduce((sum, t) => sum + t.weight, 0); break;
      case 'density': row.density = n > 1 ? density(m, options.density) : null; break;
      case 'modularity': row.modularity = net.ties.length ? louvainCommunities(m, { ...options.louvain, weighted: true, checkpoint: options.checkpoint }).modularity : null; break;
      case 'clustering': row.clustering = n ? (m.directed && options.clustering === 'fagiolo' ? fagioloClustering(m) : averageClustering(m)).average : null; break;
      case 'path_length': { const p = path(); row.path_length = p && p.reachablePairs ? p.average : null; break; }
      case 'diameter': { const p = path(); row.diameter = p && p.reachablePairs ? p.diameter : null; break; }
      case 'out_centralization': case 'in_centralization': case 'centralization': {
        const direction = item === 'in_centralization' ? 'in' : 'out';
        row[item] = n > 2 ? scale * degreeCentralization(m, direction, options.centralization) : null;
        break;
      }
      case 'ei': row.ei = groups ? wholeEI(m, groups) : null; break;
    }
  }
  return row;
}

/** Node indicators, one array per item, aligned with `net.nodes`. */
export function nodeIndicators(net: Network, items: readonly string[], options: IndicatorOptions): Record<string, Value[]> {
  const m = toMatrix(net);
  const n = m.nodes.length;
  const out: Record<string, Value[]> = {};
  for (const item of items) {
    options.checkpoint?.();
    switch (item) {
      case 'degree': out.degree = outStrength(m); break; // out-degree when directed, strength when not
      case 'out_degree': out.out_degree = outStrength(m); break;
      case 'in_degree': out.in_degree = inStrength(m); break;
      case 'total_degree': { const o = outStrength(m); const i = inStrength(m); out.total_degree = m.directed ? o.map((x, k) => x + i[k]) : o; break; }
      case 'sym_degree': out.sym_degree = outStrength(symmetrize(m)); break;
      case 'closeness': out.closeness = closeness(m, 'out', options.unreachable); break;
      case 'in_closeness': out.in_closeness = closeness(m, 'in', options.unreachable); break;
      case 'betweenness': out.betweenness = scaleBetweenness(m, options.betweenness); break;
      case 'flow_rate': out.flow_rate = flowRate(m, options.flowSign); break;
      case 'intra': out.intra = m.nodes.map((r) => net.intra.get(r) ?? 0); break;
      case 'community': out.community = n ? louvainCommunities(m, { ...options.louvain, weighted: true, checkpoint: options.checkpoint }).membership : []; break;
    }
  }
  return out;
}

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
