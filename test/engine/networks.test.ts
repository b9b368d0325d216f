// Network construction against case 01 (../shared/oracles/sna/01_directed_valued_12, copied to
// test/oracles): led and all-pairs ties, both counting conventions, intra counts, technological overlap,
// built by DuckDB from the case's CSV files; bipartite restrictions and windows on top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNA, readJson, readRecords } from '../oracles/read.ts';
import { duckdb, sqlString } from '../../server/src/engine/data/duckdb.ts';
import { collaborationNetworks, type CollaborationOptions } from '../../server/src/engine/networks/collaboration.ts';
import { overlapNetworks } from '../../server/src/engine/networks/overlap.ts';
import type { Network, Tie } from '../../server/src/engine/networks/network.ts';
import { ALL_YEARS, type Window } from '../../server/src/engine/windows/windows.ts';

const CASE = `${SNA}/01_directed_valued_12`;
const csv = (name: string) => readRecords(`${CASE}/${name}`);
const key = (t: Tie) => `${t.source}>${t.target}:${t.weight}`;
const undirectedKey = (a: string, b: string, w: string | number) => (a < b ? `${a}>${b}:${w}` : `${b}>${a}:${w}`);

// Holders carry a made-up year (patent number mod 3 + 2000) so that windows can be tested on the same data.
const HOLDERS = `(SELECT patent_id AS patent, applicant_order AS ord, region, 2000 + CAST(substr(patent_id, 2) AS INTEGER) % 3 AS year
  FROM read_csv(${sqlString(`${CASE}/patents.csv`)}))`;
const CITATIONS = `(SELECT patent_id AS citing, cited_id AS cited FROM read_csv(${sqlString(`${CASE}/citations.csv`)}))`;

async function build(options: Partial<CollaborationOptions>, windows: Window[] = [ALL_YEARS]): Promise<Network[]> {
  return collaborationNetworks(await duckdb(), HOLDERS, windows, { ties: 'all_pairs', count: 'per_pair', keepIntra: true, ...options });
}

test('first-applicant-led ties and intra counts (case 01)', async () => {
  const [net] = await build({ ties: 'first_led' });
  assert.equal(net.directed, true);
  assert.deepEqual(net.ties.map(key).sort(), csv('edges_directed_led.csv').map((r) => `${r.source}>${r.target}:${r.weight}`).sort());
  assert.equal(net.ties.length, 31);
  assert.equal(net.ties.reduce((s, t) => s + t.weight, 0), 68);
  for (const r of csv('intra_counts.csv')) assert.equal(net.intra.get(r.region) ?? 0, Number(r.intra_led), r.region);
});

test('all-pairs ties per applicant pair and per patent (case 01)', async () => {
  const expected = csv('edges_undirected_allpairs.csv');
  const [pairs] = await build({ count: 'per_pair' });
  const [patents] = await build({ count: 'per_patent' });
  assert.deepEqual(pairs.ties.map(key).sort(), expected.map((r) => undirectedKey(r.source, r.target, r.weight_applicant_pairs)).sort());
  assert.deepEqual(patents.ties.map(key).sort(), expected.map((r) => undirectedKey(r.source, r.target, r.weight_patents)).sort());
  for (const r of csv('intra_counts.csv')) {
    assert.equal(pairs.intra.get(r.region) ?? 0, Number(r.intra_allpairs_applicant_pairs), r.region);
    assert.equal(patents.intra.get(r.region) ?? 0, Number(r.intra_allpairs_patents), r.region);
  }
  // BJ's valued degree: 38 per applicant pair, 29 per patent.
  const degree = (ties: Tie[], n: string) => ties.filter((t) => t.source === n || t.target === n).reduce((s, t) => s + t.weight, 0);
  assert.equal(degree(pairs.ties, 'BJ'), 38);
  assert.equal(degree(patents.ties, 'BJ'), 29);
  const [dropped] = await build({ keepIntra: false });
  assert.equal(dropped.intra.size, 0);
  assert.deepEqual(dropped.ties, pairs.ties);
});

test('windows partition the patents: per-window weights add up to the whole period', async () => {
  const years: Window[] = [2000, 2001, 2002].map((y) => ({ label: String(y), from: y, to: y }));
  const perYear = await build({}, years);
  const [whole] = await build({});
  const summed = new Map<string, number>();
  for (const net of perYear) for (const t of net.ties) summed.set(`${t.source}>${t.target}`, (summed.get(`${t.source}>${t.target}`) ?? 0) + t.weight);
  assert.deepEqual([...summed].sort(), whole.ties.map((t) => [`${t.source}>${t.target}`, t.weight]).sort());
  assert.ok(perYear.every((n) => n.ties.length > 0 && n.ties.length < whole.ties.length));
  const [empty] = await build({}, [{ label: '1990', from: 1990, to: 1990 }]);
  assert.deepEqual(empty, { directed: false, nodes: [], ties: [], intra: new Map() });
});

test('a bipartite restriction keeps only cross-set ties, oriented left → right', async () => {
  const db = await duckdb();
  const left = "(SELECT * FROM (VALUES ('BJ'), ('SH')) AS l(region))";
  const right = "(SELECT region FROM (SELECT DISTINCT region FROM read_csv(" + sqlString(`${CASE}/patents.csv`) + ")) WHERE region NOT IN ('BJ', 'SH'))";
  const [net] = await collaborationNetworks(db, HOLDERS, [ALL_YEARS], { ties: 'all_pairs', count: 'per_pair', keepIntra: true, between: { left, right } });
  const [all] = await build({});
  const cross = all.ties.filter((t) => ['BJ', 'SH'].includes(t.source) !== ['BJ', 'SH'].includes(t.target));
  assert.equal(net.ties.length, cross.length);
  assert.ok(net.ties.every((t) => ['BJ', 'SH'].includes(t.source) && !['BJ', 'SH'].includes(t.target)));
  assert.equal(net.ties.reduce((s, t) => s + t.weight, 0), cross.reduce((s, t) => s + t.weight, 0));
});

test('technological overlap: shared cited patents, Σ n_i·n_j and Σ min (case 01)', async () => {
  const db = await duckdb();
  const expected = csv('tech_overlap_expected.csv');
  for (const [weight, column] of [['count', 'distinct_shared_cited'], ['product', 'weighted_sum_product'], ['min', 'weighted_sum_min']] as const) {
    const [net] = await overlapNetworks(db, HOLDERS, CITATIONS, [ALL_YEARS], { weight });
    const want = expected.filter((r) => Number(r[column]) > 0).map((r) => undirectedKey(r.a, r.b, r[column])).sort();
    assert.deepEqual(net.ties.map(key).sort(), want, weight);
  }
});

test('technological overlap per window: each window as the overlap of its years alone (open windows, NULL years), on this thread or on workers', async () => {
  const db = await duckdb();
  // Years 2000–2002, and a patent in five without one (in no window with a bound, as in SQL).
  const holders = `(SELECT patent, ord, region, CASE WHEN CAST(substr(patent, 2) AS INTEGER) % 5 = 0 THEN NULL ELSE year END AS year FROM ${HOLDERS})`;
  const windows: Window[] = [
    { label: '2000', from: 2000, to: 2000 },
    { label: '2001-2002', from: 2001, to: 2002 },
    { label: '..2001', from: -Infinity, to: 2001 },
    { label: '2002..', from: 2002, to: Infinity },
    ALL_YEARS,
    { label: '1990', from: 1990, to: 1990 },
  ];
  for (const weight of ['count', 'product', 'min'] as const) {
    const networks = await overlapNetworks(db, holders, CITATIONS, windows, { weight });
    assert.ok(networks.slice(0, 5).every((n) => n.ties.length > 0) && !networks[5].ties.length, weight);
    assert.deepEqual(await overlapNetworks(db, holders, CITATIONS, windows, { weight, workers: 2 }), networks, `${weight}, windows on two worker threads`);
    for (const [i, w] of windows.entries()) {
      const bounds = [Number.isFinite(w.from) && `year >= ${w.from}`, Number.isFinite(w.to) && `year <= ${w.to}`].filter(Boolean);
      const years = `(SELECT * FROM ${holders}${bounds.length ? ` WHERE ${bounds.join(' AND ')}` : ''})`;
      const [alone] = await overlapNetworks(db, years, CITATIONS, [ALL_YEARS], { weight });
      assert.deepEqual(networks[i], alone, `${weight}, ${w.label}`);
    }
  }
});

import { case01LedMatrix } from '../oracles/read.ts';
import { betweenness, closeness, degreeCentralization, flowRate, normalizeBetweenness } from '../../server/src/engine/networks/measures.ts';
import { symmetrize } from './reference/denseMeasures.ts';
import { adjacencyOfMatrix, columnSums, density, edgeCount, rowSums } from '../../server/src/engine/networks/adjacency.ts';
import { averageClustering, fagioloClustering } from '../../server/src/engine/networks/clustering.ts';
import { pathLengthsHere as pathLength } from '../../server/src/engine/networks/paths/centralities.ts';

const expected = readJson(`${CASE}/expected.json`);
const close = (actual: number, want: number, what: string) =>
  assert.ok(Math.abs(actual - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: ${actual} ≠ ${want}`);
const regions = csv('regions.csv').map((r) => r.region);
const led = case01LedMatrix();
const ledArcs = adjacencyOfMatrix(led);
const ledUndirected = adjacencyOfMatrix(symmetrize(led));

test('whole-network indicators of the led network match UCINET/Gephi conventions (case 01)', () => {
  const w = expected.whole_network_directed_led_inter;
  assert.equal(edgeCount(adjacencyOfMatrix(led)), w.arcs);
  close(density(adjacencyOfMatrix(led), 'binary'), w['density_binary_m_over_n(n-1)'], 'binary density');
  close(density(adjacencyOfMatrix(led), 'valued'), w['density_valued_ucinet_sum_w_over_n(n-1)'], 'valued density');
  close(100 * degreeCentralization(ledArcs, 'out', 'valued'), w.ucinet_out_centralization_valued_pct, 'out centralization');
  close(100 * degreeCentralization(ledArcs, 'in', 'valued'), w.ucinet_in_centralization_valued_pct, 'in centralization');
  close(100 * degreeCentralization(ledArcs, 'out', 'binary'), w.ucinet_out_centralization_binary_pct, 'binary out centralization');
  close(100 * degreeCentralization(ledArcs, 'in', 'binary'), w.ucinet_in_centralization_binary_pct, 'binary in centralization');
  close(averageClustering(ledArcs).average, w.gephi_avg_clustering_directed, 'Gephi directed clustering');
  close(fagioloClustering(ledArcs).average, w['avg_clustering_directed_fagiolo_(networkx)'], 'Fagiolo directed clustering (networkx)');
  close(averageClustering(ledUndirected).average, w['avg_clustering_undirected_excluding_deg_lt2_(gephi0.9_undirected=ucinet)'], 'undirected clustering');
  const directed = pathLength(ledArcs);
  close(directed.average, w.avg_path_length_directed_reachable_pairs, 'APL');
  assert.equal(directed.reachablePairs, w.reachable_ordered_pairs_directed);
  assert.equal(directed.diameter, w.diameter_directed);
  const undirected = pathLength(ledUndirected);
  close(undirected.average, w.avg_path_length_undirected, 'undirected APL');
  assert.equal(undirected.diameter, w.diameter_undirected);
});

test('node indicators of every region match the oracle (case 01)', () => {
  const out = rowSums(ledArcs);
  const inn = columnSums(ledArcs);
  const sym = symmetrize(led);
  const columns: [string, number[]][] = [
    ['out_strength', out],
    ['in_strength', inn],
    ['closeness_out_freeman_undef_max1', closeness(led, 'out')],
    ['closeness_in_freeman_undef_max1', closeness(led, 'in')],
    ['closeness_out_freeman_undef_n', closeness(led, 'out', 'n')],
    ['closeness_in_freeman_undef_n', closeness(led, 'in', 'n')],
    ['closeness_undirected_binary', closeness(sym, 'out')],
    ['betweenness_directed_binary_raw', betweenness(led)],
    ['betweenness_directed_ucinet_norm_pct', normalizeBetweenness(betweenness(led), regions.length, true)],
    ['betweenness_undirected_binary_raw', betweenness(sym)],
    ['betweenness_undirected_ucinet_norm_pct', normalizeBetweenness(betweenness(sym), regions.length, false)],
    ['gephi_directed_clustering', averageClustering(ledArcs).perNode],
    ['ucinet_symmetric_degree_union_max', rowSums(ledUndirected)],
    ['A_consistent_(O-I)/(O+I)', flowRate(ledArcs, 'leader_positive')],
    ['A_paper_formula_(I-O)/(I+O)', flowRate(ledArcs, 'paper')],
  ];
  for (const [column, values] of columns) {
    regions.forEach((r, i) => close(values[i], expected.nodes[r][column], `${column} ${r}`));
  }
});
