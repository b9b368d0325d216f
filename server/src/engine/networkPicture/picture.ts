// A window's opening picture, as the network panel first draws it and report.html shows it: laid out by
// ForceAtlas2 from seeded positions, nodes sized by degree and coloured by Louvain community, ties widened
// by weight. The panel restyles it from there (other sizes and colours); the report keeps it.
import type { NetworkWindow } from '../../results/format.js';
import { categoryColor } from '../maps/palette.js';
import { communities, placeNew, windowGraph, type NetworkGraph } from './graph.js';
import { layoutNetwork } from './layout.js';

/** A node's radius from its value, relative to the window's largest (3 to 15 px, by area). */
export const nodeSize = (value: number, max: number) => 3 + 12 * Math.sqrt(Math.abs(value) / Math.max(max, 1e-9));

/** A tie's width from its weight, relative to the window's strongest (0.5 to 3.5 px). */
export const tieWidth = (weight: number, maxWeight: number) => 0.5 + 3 * Math.sqrt(weight / maxWeight);

/** The window's strongest tie (at least 1); a loop, as spreading 50,000+ weights into Math.max overflows the stack. */
export const maxTieWeight = (window: NetworkWindow) => window.ties.reduce((m, t) => Math.max(m, t.weight), 1);

/** Community `C<k>`'s colour: the k-th of the categorical palette, as the panel's legend orders them. */
export const communityColor = (community: string) => categoryColor(Number(community.slice(1)) - 1);

export function windowPicture(window: NetworkWindow, directed: boolean, tieColor: string): NetworkGraph {
  const graph = windowGraph(window, directed);
  placeNew(graph);
  layoutNetwork(graph);
  const maxDegree = graph.reduceNodes((m, node) => Math.max(m, graph.degree(node)), 0);
  const community = communities(graph);
  graph.updateEachNodeAttributes((node, a) => ({ ...a, size: nodeSize(graph.degree(node), maxDegree), color: communityColor(community.get(node) ?? 'C1') }));
  const maxWeight = maxTieWeight(window);
  graph.updateEachEdgeAttributes((_, a) => ({ ...a, size: tieWidth(a.weight, maxWeight), color: tieColor }));
  return graph;
}
