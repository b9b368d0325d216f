// The network view's data beyond the window's graph (engine/networkPicture/graph.ts): the block partitions of
// the same network found in the results, betweenness and closeness computed here, and the largest nodes.
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import closenessModule from 'graphology-metrics/centrality/closeness.js';
import type { NetworkGraph } from '../../../server/src/engine/networkPicture/graph.js';
import type { DeclarationResult } from '../../../server/src/results/format.js';

// The packages are CommonJS (`module.exports = betweenness`): the default import is the function at run time.
const betweenness = betweennessModule as unknown as typeof betweennessModule.default;
const closeness = closenessModule as unknown as typeof closenessModule.default;

/** CONCOR partitions (region → block) by blocks declaration. */
export function blockPartitions(results: readonly DeclarationResult[]): Map<string, Map<string, string>> {
  const partitions = new Map<string, Map<string, string>>();
  for (const result of results) {
    const table = result.kind === 'blocks' ? result.tables.partition : undefined;
    if (!table) continue;
    const [r, b] = [table.columns.indexOf('region'), table.columns.indexOf('block')];
    partitions.set(result.name, new Map(table.rows.map((row) => [String(row[r]), `B${row[b]}`])));
  }
  return partitions;
}

/** Betweenness (raw counts, as UCINET) and closeness of every node, on binary ties; undefined past this many node × tie steps. */
const CENTRALITY_BUDGET = 5e7;

export function centralities(graph: NetworkGraph): { betweenness: Record<string, number>; closeness: Record<string, number> } | undefined {
  if (graph.order * Math.max(graph.size, 1) > CENTRALITY_BUDGET) return undefined;
  return { betweenness: betweenness(graph, { getEdgeWeight: null, normalized: false }), closeness: closeness(graph) };
}

/** The `count` largest nodes: their labels are always drawn. */
export function largestNodes(graph: NetworkGraph, count: number): Set<string> {
  return new Set(graph.nodes().sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size') || a.localeCompare(b)).slice(0, count));
}
