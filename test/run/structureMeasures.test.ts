// Issue 13's indicators through a spec: case 08's edge list measured with `symmetrize:`, `local_clustering:`,
// `structural_holes:` and `groups:` as written, against R igraph and sna (golden_indicators.R); conventions named in the output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SNA, readJson } from '../oracles/read.ts';
import { records, result, runSpec } from './harness.ts';

const CASE = `${SNA}/08_random_digraph_30`;
const r = readJson(`${CASE}/r_indicators.json`);

function workspace(spec: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-structure-'));
  copyFileSync(join(CASE, 'edges.csv'), join(dir, 'edges.csv'));
  copyFileSync(join(CASE, 'nodes.csv'), join(dir, 'nodes.csv'));
  writeFileSync(join(dir, 'spec.study'), `dataset arcs from "edges.csv"
dataset actors from "nodes.csv" { region: region }
network net = edges(arcs, actors) { from: source  to: target  weight: weight  directed: true  nodes: all }
${spec}`);
  return join(dir, 'spec.study');
}
const close = (actual: unknown, want: number | null, what: string, tolerance = 1e-9) => {
  if (want === null) return assert.equal(actual, null, `${what}: ${actual} ≠ missing`);
  assert.ok(Math.abs((actual as number) - want) <= tolerance * Math.max(1, Math.abs(want)), `${what}: ${actual} ≠ ${want}`);
};

test('whole: components, reachable pairs and transitivity of the arcs and of the reciprocated view', async () => {
  const results = await runSpec(workspace(`measures arcs_view = whole(net) { weak_components, strong_components, largest_weak_share, reachable_pairs, transitivity }
measures mutual = whole(net) { weak_components, transitivity, path_length  symmetrize: both }
`));
  const [row] = records(result(results, 'arcs_view'), 'indicators');
  for (const item of ['weak_components', 'strong_components', 'largest_weak_share', 'reachable_pairs']) close(row[item], r.directed[item], item);
  close(row.transitivity, r.max.transitivity_global, 'transitivity, max view');
  assert.match(result(results, 'arcs_view').conventions!.symmetrize, /^none: /);
  const [mutual] = records(result(results, 'mutual'), 'indicators');
  close(mutual.weak_components, r.both.components, 'reciprocated view components');
  close(mutual.transitivity, r.both.transitivity_global, 'reciprocated view transitivity');
  close(mutual.path_length, r.both.mean_distance, 'reciprocated view path length');
});

test('nodes: binary and normalised degree, local clustering, coreness, eigenvector, constraint by region', async () => {
  const results = await runSpec(workspace(`measures m = nodes(net) {
  binary_out_degree, binary_in_degree, normalized_degree, local_clustering, coreness, eigenvector, constraint
  scale: proportion
}
measures zero = nodes(net) { local_clustering  local_clustering: zero  symmetrize: sum }
`));
  const rows = records(result(results, 'm'), 'nodes');
  assert.equal(rows.length, 30);
  rows.forEach((row, i) => {
    close(row.binary_out_degree, r.directed.binary_out_degree[i], `binary out-degree ${row.region}`);
    close(row.binary_in_degree, r.directed.binary_in_degree[i], `binary in-degree ${row.region}`);
    close(row.normalized_degree, r.directed.normalized_out_degree_valued[i], `normalised degree ${row.region}`);
    close(row.local_clustering, r.max.transitivity_local[i], `local clustering ${row.region}`);
    close(row.coreness, r.max.coreness[i], `coreness ${row.region}`);
    close(row.eigenvector, r.max.eigen_centrality[i], `eigenvector ${row.region}`, 1e-6);
    close(row.constraint, r.directed.constraint[i], `constraint ${row.region}`);
  });
  records(result(results, 'zero'), 'nodes').forEach((row, i) => close(row.local_clustering, r.sum.transitivity_local_zero[i], `zero clustering ${row.region}`));
});

test('brokerage roles of a region set and the rest (groups: a regions name), as sna::brokerage counts them', async () => {
  const want = r.directed.brokerage_region_set;
  const set = want.members.map((m: string) => `"${m}"`).join(', ');
  const results = await runSpec(workspace(`regions hubs = actors where region in (${set})
measures b = nodes(net) { coordinator, itinerant, representative, gatekeeper, liaison  groups: hubs }
`));
  const rows = records(result(results, 'b'), 'nodes');
  for (const role of ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison']) rows.forEach((row, i) => close(row[role], want[role][i], `${role} ${row.region}`));
  assert.ok(rows.some((row) => (row.gatekeeper as number) > 0) && rows.some((row) => (row.representative as number) > 0));
});

test('groups: a clusters name groups its clusters against the rest, as the region set members(clusters) does', async () => {
  // examples/ai_clusters.study up to its region set of clusters, its data read where they are.
  const examples = resolve(import.meta.dirname, '../../examples');
  const text = readFileSync(join(examples, 'ai_clusters.study'), 'utf8');
  const head = text.slice(0, text.indexOf('regions hubs = members(table1)')).replaceAll('"data/', `"${examples}/data/`);
  const dir = mkdtempSync(join(tmpdir(), 'innograph-structure-'));
  writeFileSync(join(dir, 'spec.study'), `${head}regions hubs = members(table1)
measures by_clusters = nodes(coapp, window: 2020) { gatekeeper, representative, liaison  groups: table1 }
measures by_set = nodes(coapp, window: 2020) { gatekeeper, representative, liaison  groups: hubs }
`);
  const results = await runSpec(join(dir, 'spec.study'));
  const byClusters = records(result(results, 'by_clusters'), 'nodes');
  assert.deepEqual(byClusters, records(result(results, 'by_set'), 'nodes'));
  assert.ok(byClusters.some((row) => (row.gatekeeper as number) > 0));
});
