// Case 08 (test/oracles/sna/08_random_digraph_30, made by test/oracles/scripts/golden_random_digraph.{py,R}):
// a seeded random directed valued network of 30 regions in three blocks plus an isolate — not strongly
// connected, and its undirected view has several components — measured by networkx 2.8.8, python-igraph
// 0.10.2, R igraph 1.3.5 and R sna 2.7-1. Each engine value must match every tool that shares its
// convention (METHODS A(b), A(c)) to 1e-9; where a tool's convention differs, the comment says which
// engine option or rescaling corresponds to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNA, readJson, readRecords } from '../oracles/read.ts';
import { betweenness, closeness, degreeCentralization, normalizeBetweenness, toMatrix, type Matrix } from '../../server/src/engine/networks/measures.ts';
import { symmetrize } from './reference/denseMeasures.ts';
import { averageClustering } from '../../server/src/engine/networks/clustering.ts';
import { pathLengthsHere } from '../../server/src/engine/networks/paths/centralities.ts';
import { adjacencyOfMatrix, density } from '../../server/src/engine/networks/adjacency.ts';
import { modularity } from '../../server/src/engine/networks/communities.ts';

const CASE = `${SNA}/08_random_digraph_30`;
const py = readJson(`${CASE}/py_networkx_igraph.json`);
const r = readJson(`${CASE}/r_igraph_sna.json`);
const regions = readRecords(`${CASE}/nodes.csv`).map((row) => row.region);
const ties = readRecords(`${CASE}/edges.csv`).map((e) => ({ source: e.source, target: e.target, weight: Number(e.weight) }));
const directed = toMatrix({ directed: true, nodes: regions, ties, intra: new Map() });
const undirected = symmetrize(directed);
const n = regions.length;
const pathLength = (m: Matrix) => pathLengthsHere(adjacencyOfMatrix(m));

function close(actual: number, want: number, what: string) {
  assert.ok(Math.abs(actual - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: ${actual} ≠ ${want}`);
}
function closeAll(actual: readonly number[], want: readonly (number | null)[], what: string) {
  assert.equal(actual.length, want.length, `${what}: length`);
  actual.forEach((x, i) => close(x, want[i] as number, `${what} [${regions[i]}]`));
}
/** igraph gives NaN (JSON null) where a measure is undefined (isolates, degree < 2); the engine gives 0. */
const nullAsZero = (values: readonly (number | null)[]) => values.map((x) => x ?? 0);

test('the case is what it claims: not strongly connected, disconnected undirected view, an isolate', () => {
  assert.equal(n, 30);
  assert.ok(pathLength(directed).reachablePairs < n * (n - 1));
  assert.ok(pathLength(undirected).reachablePairs < n * (n - 1));
  assert.ok(directed.w[n - 1].every((x) => x === 0) && directed.w.every((row) => row[n - 1] === 0));
});

test('density: binary directed and undirected (Gephi = igraph = networkx = sna), valued (UCINET = sna gden with values)', () => {
  for (const want of [py.networkx.directed.density, py.igraph.directed.density, r.igraph.directed.density, r.sna.directed.gden_binary]) close(density(adjacencyOfMatrix(directed), 'binary'), want, 'directed binary density');
  close(density(adjacencyOfMatrix(directed), 'valued'), r.sna.directed.gden_valued, 'directed valued density');
  for (const want of [py.networkx.undirected.density, py.igraph.undirected.density, r.igraph.undirected.density, r.sna.undirected.gden_binary]) close(density(adjacencyOfMatrix(undirected), 'binary'), want, 'undirected binary density');
  // sna on pmax(W, t(W)): UCINET's symmetrisation by max, as symmetrize() does.
  close(density(adjacencyOfMatrix(undirected), 'valued'), r.sna.undirected.gden_valued, 'undirected valued density');
});

test('betweenness, weights removed: raw directed and undirected (halved), normalised', () => {
  const raw = betweenness(directed);
  for (const [want, tool] of [[py.networkx.directed.betweenness_raw, 'networkx'], [py.igraph.directed.betweenness_raw, 'python-igraph'], [r.igraph.directed.betweenness_raw, 'R igraph'], [r.sna.directed.betweenness, 'sna']]) closeAll(raw, want, `directed betweenness (${tool})`);
  // networkx and igraph normalise by (n−1)(n−2) as proportions; UCINET's (and ours) are percentages.
  const normalized = normalizeBetweenness(raw, n, true).map((x) => x / 100);
  closeAll(normalized, py.networkx.directed.betweenness_normalized, 'directed normalised (networkx)');
  closeAll(normalized, r.igraph.directed.betweenness_normalized, 'directed normalised (R igraph)');

  const rawU = betweenness(undirected);
  for (const [want, tool] of [[py.networkx.undirected.betweenness_raw, 'networkx'], [py.igraph.undirected.betweenness_raw, 'python-igraph'], [r.igraph.undirected.betweenness_raw, 'R igraph'], [r.sna.undirected.betweenness, 'sna']]) closeAll(rawU, want, `undirected betweenness (${tool})`);
  const normalizedU = normalizeBetweenness(rawU, n, false).map((x) => x / 100);
  closeAll(normalizedU, py.networkx.undirected.betweenness_normalized, 'undirected normalised (networkx)');
  closeAll(normalizedU, r.igraph.undirected.betweenness_normalized, 'undirected normalised (R igraph)');
});

test('closeness with unreachable pairs: UCINET max+1 and n (sna geodesics), reachable-only (networkx, igraph)', () => {
  for (const direction of ['out', 'in'] as const) {
    closeAll(closeness(directed, direction, 'max_plus_one'), r.sna.directed.closeness_max_plus_one[direction], `${direction}-closeness, max+1`);
    closeAll(closeness(directed, direction, 'n'), r.sna.directed.closeness_n[direction], `${direction}-closeness, n`);
    // networkx (wf_improved=False) and igraph ≥ 1.3 (normalized) use the reachable nodes only: option `ignore`.
    const ignore = closeness(directed, direction, 'ignore');
    closeAll(ignore, py.networkx.directed[`closeness_${direction}_reachable`], `${direction}-closeness, reachable (networkx)`);
    closeAll(ignore, nullAsZero(py.igraph.directed[`closeness_${direction}`]), `${direction}-closeness, reachable (python-igraph)`);
    closeAll(ignore, nullAsZero(r.igraph.directed[`closeness_${direction}`]), `${direction}-closeness, reachable (R igraph)`);
  }
  closeAll(closeness(undirected, 'out', 'max_plus_one'), r.sna.undirected.closeness_max_plus_one, 'undirected closeness, max+1');
  closeAll(closeness(undirected, 'out', 'n'), r.sna.undirected.closeness_n, 'undirected closeness, n');
  closeAll(closeness(undirected, 'out', 'ignore'), py.networkx.undirected.closeness_reachable, 'undirected closeness, reachable (networkx)');
  closeAll(closeness(undirected, 'out', 'ignore'), nullAsZero(py.igraph.undirected.closeness), 'undirected closeness, reachable (python-igraph)');
});

test('clustering: undirected per node and Gephi\'s average over degree ≥ 2 (= igraph "average"); Gephi directed', () => {
  const { average, perNode } = averageClustering(adjacencyOfMatrix(undirected));
  closeAll(perNode, py.networkx.undirected.clustering_per_node, 'local clustering (networkx)');
  closeAll(perNode, nullAsZero(r.igraph.undirected.transitivity_local), 'local clustering (R igraph)');
  close(average, py.networkx.undirected.clustering_average_degree_ge_2, 'average over degree ≥ 2 (networkx)');
  close(average, py.igraph.undirected.transitivity_avglocal_nan, 'average (python-igraph, mode nan)');
  close(average, r.igraph.undirected.transitivity_average, 'average (R igraph)');
  // networkx's average_clustering keeps the zeros of degree < 2 nodes in the mean: a different convention.
  assert.ok(Math.abs(average - py.networkx.undirected.clustering_average_zeros_included) > 1e-3);
  // Directed, Gephi: the density of each node's in ∪ out neighbourhood, averaged over all n (networkx primitives).
  const gephi = averageClustering(adjacencyOfMatrix(directed));
  closeAll(gephi.perNode, py.networkx.directed.gephi_clustering.per_node, 'Gephi directed clustering per node');
  close(gephi.average, py.networkx.directed.gephi_clustering.average, 'Gephi directed clustering');
});

test('binary degree centralization, directed and undirected (UCINET = igraph centr_degree = sna centralization)', () => {
  for (const direction of ['out', 'in'] as const) {
    const c = degreeCentralization(adjacencyOfMatrix(directed), direction, 'binary');
    close(c, r.igraph.directed[`centr_degree_${direction}`], `${direction}-degree centralization (R igraph)`);
    close(c, r.sna.directed[`centralization_${direction}degree`], `${direction}-degree centralization (sna)`);
  }
  const u = degreeCentralization(adjacencyOfMatrix(undirected), 'out', 'binary');
  close(u, r.igraph.undirected.centr_degree, 'undirected centralization (R igraph)');
  close(u, r.sna.undirected.centralization_degree, 'undirected centralization (sna)');
});

test('path length and diameter over reachable pairs on disconnected graphs (igraph unconnected=TRUE, networkx)', () => {
  for (const [m, key] of [[directed, 'directed'], [undirected, 'undirected']] as const) {
    const got = pathLength(m);
    const want = py.networkx[key].path_length;
    close(got.average, want.average, `${key} APL (networkx)`);
    assert.equal(got.reachablePairs, want.reachable_pairs);
    assert.equal(got.diameter, want.diameter);
    close(got.average, py.igraph[key].average_path_length_unconn, `${key} APL (python-igraph)`);
    close(got.average, r.igraph[key].mean_distance_unconnected, `${key} APL (R igraph)`);
    assert.equal(got.diameter, py.igraph[key].diameter_unconn);
    assert.equal(got.diameter, r.igraph[key].diameter_unconnected);
  }
});

test('modularity of given partitions on the undirected summed-weight view (networkx, python-igraph, R igraph)', () => {
  type Row = { partition: string; weighted: boolean; resolution: number; Q: number };
  const tables: [string, Row[]][] = [['networkx', py.networkx.modularity], ['python-igraph', py.igraph.modularity], ['R igraph', r.igraph.modularity]];
  for (const [tool, rows] of tables) {
    const q = (partition: string, weighted: boolean, resolution: number) => rows.find((x) => x.partition === partition && x.weighted === weighted && x.resolution === resolution)!.Q;
    for (const row of rows) {
      const membership: number[] = py.partitions[row.partition];
      const what = `${tool}: ${row.partition}, ${row.weighted ? 'weighted' : 'binary'}, γ = ${row.resolution}`;
      // The tools put γ on the expected term, Σ_c[in_c/m − γ(deg_c/2m)²]; Gephi (and the engine) on the
      // observed one, Σ_c[γ·in_c/m − (deg_c/2m)²] = γ·Q_tools(1/γ). The same at γ = 1.
      close(modularity(directed, membership, 1 / row.resolution, row.weighted), q(row.partition, row.weighted, row.resolution) / row.resolution, what);
    }
  }
});
