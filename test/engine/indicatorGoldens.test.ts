// Issue 13's indicators against R igraph 1.3.5, R sna 2.7-1 and networkx 3.6.1 (golden_indicators.{R,py}) on
// case 08 (30 regions, directed, valued, an isolate, several components) and case 12 (13 regions, undirected,
// valued, three components). Through nodeIndicators/wholeIndicators, so the options are exercised as a spec
// sets them. Exact measures to 1e-9; eigenvector (iterative) to 1e-6.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNA, readJson, readRecords } from '../oracles/read.ts';
import { nodeIndicators, wholeIndicators, type IndicatorOptions, type Value } from '../../server/src/engine/networks/indicators.ts';
import type { Network } from '../../server/src/engine/networks/network.ts';
import type { Symmetrize } from '../../server/src/engine/networks/measures.ts';

function readCase(folder: string, directed: boolean): Network {
  const nodes = readRecords(`${SNA}/${folder}/nodes.csv`).map((row) => row.region);
  const ties = readRecords(`${SNA}/${folder}/edges.csv`).map((e) => ({ source: e.source, target: e.target, weight: Number(e.weight) }));
  return { directed, nodes, ties, intra: new Map() };
}
const case08 = readCase('08_random_digraph_30', true);
const case12 = readCase('12_undirected_valued', false);
const r08 = readJson(`${SNA}/08_random_digraph_30/r_indicators.json`);
const nx08 = readJson(`${SNA}/08_random_digraph_30/networkx_indicators.json`);
const r12 = readJson(`${SNA}/12_undirected_valued/r_indicators.json`);
const nx12 = readJson(`${SNA}/12_undirected_valued/networkx_indicators.json`);
const louvain08: number[] = readJson(`${SNA}/08_random_digraph_30/py_networkx_igraph.json`).partitions.networkx_louvain_seed7;
const groups12 = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 2, 3]; // as golden_indicators.R passes them to sna::brokerage

const defaults: IndicatorOptions = {
  density: 'binary', centralization: 'valued', scale: 'proportion', clustering: 'gephi', unreachable: 'max_plus_one',
  betweenness: 'raw', flowSign: 'leader_positive', symmetrize: 'none', localClustering: 'missing', structuralHoles: 'valued',
  communities: { algorithm: 'louvain', runs: 1, seed: 1, resolution: 1 },
};

function closeAll(actual: readonly Value[], want: readonly (number | null)[], what: string, tolerance = 1e-9) {
  assert.equal(actual.length, want.length, `${what}: length`);
  actual.forEach((x, i) => {
    if (want[i] === null) return assert.equal(x, null, `${what} [${i}]: ${x} ≠ missing`);
    assert.ok(x !== null && Math.abs(x - want[i]!) <= tolerance * Math.max(1, Math.abs(want[i]!)), `${what} [${i}]: ${x} ≠ ${want[i]}`);
  });
}
const nodes = (net: Network, item: string, options: Partial<IndicatorOptions> = {}, groups?: number[]) => nodeIndicators(net, [item], { ...defaults, ...options }, groups)[item];
const whole = (net: Network, item: string, options: Partial<IndicatorOptions> = {}) => wholeIndicators(net, [item], { ...defaults, ...options })[item];

test('binary degree beside valued degree: out, in, total (igraph degree = sna degree)', () => {
  closeAll(nodes(case08, 'binary_out_degree'), r08.directed.binary_out_degree, 'binary out-degree (igraph)');
  closeAll(nodes(case08, 'binary_degree'), r08.directed.sna_outdegree, 'binary degree (sna outdegree)');
  closeAll(nodes(case08, 'binary_in_degree'), r08.directed.sna_indegree, 'binary in-degree (sna)');
  closeAll(nodes(case08, 'binary_total_degree'), r08.directed.binary_total_degree, 'binary total degree (igraph mode all)');
  closeAll(nodes(case12, 'binary_degree'), r12.undirected.degree, 'undirected binary degree');
  closeAll(nodes(case12, 'degree'), r12.undirected.strength, 'undirected valued degree (igraph strength)');
});

test('UCINET normalised degree: valued over (n−1)·w_max; binary = igraph degree(normalized = TRUE); scale percent ×100', () => {
  closeAll(nodes(case08, 'normalized_degree'), r08.directed.normalized_out_degree_valued, 'valued normalised out-degree');
  closeAll(nodes(case08, 'normalized_in_degree'), r08.directed.normalized_in_degree_valued, 'valued normalised in-degree');
  closeAll(nodes(case08, 'normalized_degree', { centralization: 'binary' }), r08.directed.normalized_out_degree_binary, 'binary normalised out-degree');
  closeAll(nodes(case08, 'normalized_in_degree', { centralization: 'binary' }), r08.directed.normalized_in_degree_binary, 'binary normalised in-degree');
  closeAll(nodes(case12, 'normalized_degree', { scale: 'percent' }), r12.undirected.normalized_degree_valued.map((x: number) => 100 * x), 'undirected valued, percent');
  closeAll(nodes(case12, 'normalized_degree', { centralization: 'binary' }), r12.undirected.normalized_degree_binary, 'undirected binary');
});

test('local clustering of the undirected view: missing below degree 2 (igraph NaN) or 0 (networkx)', () => {
  closeAll(nodes(case08, 'local_clustering'), r08.max.transitivity_local, 'case 08, max view (igraph)');
  closeAll(nodes(case08, 'local_clustering', { localClustering: 'zero' }), nx08.max.clustering, 'case 08, max view, zero (networkx)');
  closeAll(nodes(case08, 'local_clustering'), r08.directed.transitivity_local_arcs, 'case 08, igraph given the arcs');
  closeAll(nodes(case08, 'local_clustering', { symmetrize: 'both' }), r08.both.transitivity_local, 'case 08, reciprocated ties only (igraph)');
  closeAll(nodes(case12, 'local_clustering'), r12.undirected.transitivity_local, 'case 12 (igraph)');
  closeAll(nodes(case12, 'local_clustering', { localClustering: 'zero' }), nx12.undirected.clustering, 'case 12, zero (networkx)');
  closeAll(nodes(case12, 'local_clustering', { localClustering: 'zero' }), r12.undirected.transitivity_local_zero, 'case 12, zero (igraph isolates = "zero")');
});

test('global transitivity (igraph type = "global") on each symmetrised view', () => {
  for (const view of ['max', 'min', 'sum', 'both'] as const) {
    closeAll([whole(case08, 'transitivity', { symmetrize: view })], [r08[view].transitivity_global], `case 08, ${view} view`);
  }
  closeAll([whole(case08, 'transitivity')], [r08.max.transitivity_global], 'case 08, symmetrize none reads the max view');
  closeAll([whole(case08, 'transitivity')], [r08.directed.transitivity_global_arcs], 'case 08, igraph given the arcs');
  closeAll([whole(case12, 'transitivity')], [r12.undirected.transitivity_global], 'case 12');
});

test('components, the largest one\'s share and reachable pairs (igraph components, distances; sna reachability)', () => {
  for (const item of ['weak_components', 'strong_components', 'largest_weak_share', 'largest_strong_share', 'reachable_pairs']) {
    closeAll([whole(case08, item)], [r08.directed[item]], `case 08 ${item}`);
  }
  closeAll([whole(case08, 'reachable_pairs')], [r08.directed.sna_reachable_pairs], 'case 08 reachable pairs (sna)');
  for (const view of ['max', 'both'] as const) {
    closeAll([whole(case08, 'weak_components', { symmetrize: view })], [r08[view].components], `case 08 ${view} view components`);
    closeAll([whole(case08, 'strong_components', { symmetrize: view })], [r08[view].components], `case 08 ${view} view: strong = weak`);
    closeAll([whole(case08, 'largest_weak_share', { symmetrize: view })], [r08[view].largest_component_share], `case 08 ${view} view largest share`);
    closeAll([whole(case08, 'reachable_pairs', { symmetrize: view })], [r08[view].reachable_pairs], `case 08 ${view} view unordered reachable pairs`);
  }
  closeAll([whole(case12, 'weak_components')], [r12.undirected.components], 'case 12 components');
  closeAll([whole(case12, 'largest_strong_share')], [r12.undirected.largest_component_share], 'case 12 largest share');
  closeAll([whole(case12, 'reachable_pairs')], [r12.undirected.reachable_pairs], 'case 12 reachable pairs');
});

test('symmetrize: every measure reads the view — degree as igraph strength, betweenness and path length on it', () => {
  for (const view of ['max', 'min', 'sum', 'both'] as Symmetrize[]) {
    const want = r08[view];
    closeAll(nodes(case08, 'degree', { symmetrize: view }), view === 'both' ? want.degree : want.strength, `${view} view degree`);
    closeAll(nodes(case08, 'binary_degree', { symmetrize: view }), want.degree, `${view} view binary degree`);
    closeAll(nodes(case08, 'betweenness', { symmetrize: view }), want.betweenness, `${view} view betweenness`);
    closeAll([whole(case08, 'path_length', { symmetrize: view })], [want.mean_distance], `${view} view path length`);
  }
});

test('coreness of the undirected view (igraph coreness)', () => {
  closeAll(nodes(case08, 'coreness'), r08.max.coreness, 'case 08, max view');
  closeAll(nodes(case08, 'coreness', { symmetrize: 'both' }), r08.both.coreness, 'case 08, both view');
  closeAll(nodes(case12, 'coreness'), r12.undirected.coreness, 'case 12');
});

test('eigenvector centrality of the undirected view, weighted, largest 1 (igraph eigen_centrality), to 1e-6', () => {
  for (const view of ['max', 'min', 'sum'] as const) closeAll(nodes(case08, 'eigenvector', { symmetrize: view }), r08[view].eigen_centrality, `case 08 ${view} view`, 1e-6);
  closeAll(nodes(case08, 'eigenvector'), r08.max.eigen_centrality, 'case 08, symmetrize none reads the max view', 1e-6);
  closeAll(nodes(case08, 'eigenvector', { symmetrize: 'sum' }), r08.directed.eigen_centrality_arcs, 'case 08: igraph given the arcs (directed = FALSE) is the sum view', 1e-6);
  closeAll(nodes(case08, 'eigenvector', { symmetrize: 'both' }), r08.both.eigen_centrality, 'case 08 both view (binary)', 1e-6);
  closeAll(nodes(case12, 'eigenvector'), r12.undirected.eigen_centrality, 'case 12', 1e-6);
});

test('Burt\'s constraint (igraph = networkx) and effective size (networkx), valued and binary', () => {
  closeAll(nodes(case08, 'constraint'), r08.directed.constraint, 'case 08 directed constraint (igraph)');
  closeAll(nodes(case08, 'constraint'), nx08.directed.constraint, 'case 08 directed constraint (networkx)');
  closeAll(nodes(case08, 'constraint', { structuralHoles: 'binary' }), nx08.directed.constraint_binary, 'case 08 directed binary constraint (networkx)');
  // networkx tests `len(G[v])`, the successors, and gives NaN to a node with in-arcs only; Burt's formula
  // (and the engine) measures it over its in-neighbours: such nodes must be measured, the rest equal networkx.
  const inOnly = case08.nodes.map((r) => !case08.ties.some((t) => t.source === r) && case08.ties.some((t) => t.target === r));
  assert.ok(inOnly.some(Boolean));
  for (const [kind, want] of [['valued', nx08.directed.effective_size], ['binary', nx08.directed.effective_size_binary]] as const) {
    const got = nodes(case08, 'effective_size', { structuralHoles: kind });
    assert.ok(got.every((x, i) => !inOnly[i] || (x !== null && want[i] === null)), `${kind}: in-only nodes measured`);
    closeAll(got.filter((_, i) => !inOnly[i]), want.filter((_: unknown, i: number) => !inOnly[i]), `case 08 directed ${kind} effective size`);
  }
  closeAll(nodes(case08, 'constraint', { symmetrize: 'max' }), r08.max.constraint, 'case 08 max view constraint (igraph)');
  closeAll(nodes(case08, 'effective_size', { symmetrize: 'max' }), nx08.max.effective_size, 'case 08 max view effective size');
  closeAll(nodes(case08, 'effective_size', { symmetrize: 'max', structuralHoles: 'binary' }), nx08.max.effective_size_binary, 'case 08 max view, Borgatti');
  closeAll(nodes(case12, 'constraint'), r12.undirected.constraint, 'case 12 constraint (igraph)');
  closeAll(nodes(case12, 'constraint', { structuralHoles: 'binary' }), r12.undirected.constraint_binary, 'case 12 binary constraint (igraph)');
  closeAll(nodes(case12, 'effective_size'), nx12.undirected.effective_size, 'case 12 effective size');
  closeAll(nodes(case12, 'effective_size', { structuralHoles: 'binary' }), nx12.undirected.effective_size_binary, 'case 12, Borgatti');
});

test('Gould–Fernandez brokerage roles, raw counts (R sna brokerage)', () => {
  for (const role of ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison']) {
    closeAll(nodes(case08, role, {}, louvain08), r08.directed.brokerage[role], `case 08 ${role}`);
    closeAll(nodes(case12, role, {}, groups12), r12.brokerage[role], `case 12 ${role}`);
  }
  // One pass serves every role, and only the roles asked for are returned.
  assert.deepEqual(Object.keys(nodeIndicators(case12, ['gatekeeper', 'liaison'], defaults, groups12)), ['gatekeeper', 'liaison']);
  // Without groups the roles are missing, not zero.
  assert.ok(nodes(case12, 'liaison').every((x) => x === null));
});

test('edgeless windows as igraph measures them (eigenvector 1, coreness 0, NaN as missing); empty windows give nulls', () => {
  const isolates: Network = { directed: true, nodes: ['A', 'B'], ties: [], intra: new Map() };
  const want = r12.edgeless;
  const node = nodeIndicators(isolates, ['eigenvector', 'coreness', 'local_clustering', 'constraint', 'effective_size', 'normalized_degree', 'binary_degree'], defaults);
  assert.deepEqual(node, { eigenvector: want.eigen_centrality, coreness: want.coreness, local_clustering: want.transitivity_local, constraint: want.constraint, effective_size: [null, null], normalized_degree: [null, null], binary_degree: [0, 0] });
  const items = ['transitivity', 'weak_components', 'strong_components', 'largest_weak_share', 'reachable_pairs'];
  assert.deepEqual(wholeIndicators(isolates, items, defaults), { transitivity: want.transitivity_global, weak_components: want.components, strong_components: 2, largest_weak_share: 0.5, reachable_pairs: 0 });
  const empty: Network = { directed: true, nodes: [], ties: [], intra: new Map() };
  assert.deepEqual(wholeIndicators(empty, items, defaults), Object.fromEntries(items.map((i) => [i, null])));
});
