// The network view's data, DOM-free: a window as a graphology graph, the block partitions of the same
// network found in the results, and node categories for colouring (Louvain communities computed
// here, CONCOR blocks, Jenks tiers).
import { DirectedGraph, UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import closenessModule from 'graphology-metrics/centrality/closeness.js';
import type { AbstractGraph } from 'graphology-types';
import { Rng } from '../../../server/src/engine/prng.js';
import type { DeclarationResult, NetworkWindow } from '../../../server/src/results/format.js';

export interface NodeAttributes { label: string; x: number; y: number; size: number; color: string; weight: number }
export interface EdgeAttributes { weight: number; size: number; color: string }
export type NetworkGraph = AbstractGraph<NodeAttributes, EdgeAttributes>;

// The packages are CommonJS (`module.exports = louvain`): the default import is the function at run time.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweenness = betweennessModule as unknown as typeof betweennessModule.default;
const closeness = closenessModule as unknown as typeof closenessModule.default;

export function windowGraph(window: NetworkWindow, directed: boolean): NetworkGraph {
  const graph: NetworkGraph = directed ? new DirectedGraph<NodeAttributes, EdgeAttributes>() : new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const node of window.nodes) graph.addNode(node, { label: node, x: 0, y: 0, size: 1, color: '', weight: 0 });
  for (const tie of window.ties) {
    graph.addEdge(tie.source, tie.target, { weight: tie.weight, size: 1, color: '' });
    graph.updateNodeAttribute(tie.source, 'weight', (w = 0) => w + tie.weight);
    graph.updateNodeAttribute(tie.target, 'weight', (w = 0) => w + tie.weight);
  }
  return graph;
}

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

/**
 * Louvain communities of the window (weighted, seeded: the same window always gets the same colours). One
 * sparse run, not the engine's best-of-N on a dense matrix (networks/communities.ts), which would not scale
 * to thousands of nodes in a page.
 */
export function communities(graph: NetworkGraph): Map<string, string> {
  if (graph.size === 0) return new Map(graph.nodes().map((n) => [n, 'C1']));
  const rng = new Rng(42);
  const assignment = louvain(graph, { getEdgeWeight: 'weight', rng: () => rng.next() });
  // numbered by size, largest first
  const sizes = new Map<number, number>();
  for (const c of Object.values(assignment)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const rank = new Map([...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c], i) => [c, `C${i + 1}`]));
  return new Map(Object.entries(assignment).map(([node, c]) => [node, rank.get(c)!]));
}

/** Starting positions on a circle, for nodes the layout has not placed yet (in node order: deterministic). */
export function placeNew(graph: NetworkGraph, known: ReadonlyMap<string, { x: number; y: number }>): void {
  const n = graph.order;
  graph.nodes().forEach((node, i) => {
    graph.mergeNodeAttributes(node, known.get(node) ?? { x: Math.cos((2 * Math.PI * i) / n) * 100, y: Math.sin((2 * Math.PI * i) / n) * 100 });
  });
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
