// ForceAtlas2 as the network panel and report.html run it: the same settings and number of iterations, so
// the report's static picture is the panel's opening picture. The panel steps it frame by frame (its CSP
// forbids the blob worker of the library's worker variant); the report runs it at once.
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { NetworkGraph } from './graph.js';

// CommonJS (`module.exports = forceAtlas2`): the default import is the function at run time.
export const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

/**
 * Strong gravity at 1 (Gephi's "Stronger Gravity"; inferSettings' 0.05 is too weak) keeps regions without
 * ties in the window beside the rest: far out, fitting the view would shrink the graph into a corner.
 */
export function layoutSettings(graph: NetworkGraph) {
  return { ...forceAtlas2.inferSettings(graph), adjustSizes: false, strongGravityMode: true, gravity: 1 };
}

/** At most `budget` iterations, fewer on large graphs: 5,000 nodes and 50,000 edges get about seventy. */
export function layoutIterations(graph: NetworkGraph, budget: number): number {
  return Math.max(20, Math.min(budget, Math.round(4e6 / Math.max(graph.order + graph.size, 1))));
}

/** Lays the graph out in place from its current positions (see graph.ts `placeNew`). */
export function layoutNetwork(graph: NetworkGraph, budget = 300): void {
  if (graph.order < 2) return;
  forceAtlas2.assign(graph, { iterations: layoutIterations(graph, budget), settings: layoutSettings(graph), getEdgeWeight: 'weight' });
}
