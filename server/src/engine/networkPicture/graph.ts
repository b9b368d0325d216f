// A network window as a graphology graph, DOM-free, shared by the network panel and report.html: nodes and
// ties with their weights, Louvain communities for colouring (seeded), and seeded starting positions for the
// ForceAtlas2 layout (layout.ts), so the same window is always drawn the same way.
import { DirectedGraph, UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { AbstractGraph } from 'graphology-types';
import { Rng } from '../prng.js';
import type { NetworkWindow } from '../../results/format.js';

export interface NodeAttributes { label: string; x: number; y: number; size: number; color: string; weight: number }
export interface EdgeAttributes { weight: number; size: number; color: string }
export type NetworkGraph = AbstractGraph<NodeAttributes, EdgeAttributes>;

// The package is CommonJS (`module.exports = louvain`): the default import is the function at run time.
const louvain = louvainModule as unknown as typeof louvainModule.default;

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

/**
 * Starting positions for the nodes the layout has not placed yet (`known` keeps a node where an earlier
 * window left it): drawn in node order from a seeded generator, so a window is always laid out the same.
 */
export function placeNew(graph: NetworkGraph, known: ReadonlyMap<string, { x: number; y: number }> = new Map(), seed = 42): void {
  const rng = new Rng(seed);
  graph.forEachNode((node) => {
    const start = { x: (rng.next() - 0.5) * 200, y: (rng.next() - 0.5) * 200 };
    graph.mergeNodeAttributes(node, known.get(node) ?? start);
  });
}
