// Oracle case 01 from a spec through the runner: the numbers a user gets from `innograph run` are the
// UCINET/Gephi reference values (1e-9), under the default conventions and the alternatives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SNA, readJson, readRecords } from '../oracles/read.ts';
import { records, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('./fixtures/case01.study', import.meta.url));
const expected = readJson(`${SNA}/01_directed_valued_12/expected.json`);
const w = expected.whole_network_directed_led_inter;
const close = (actual: unknown, want: number, what: string) =>
  assert.ok(typeof actual === 'number' && Math.abs(actual - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: ${actual} ≠ ${want}`);

const run = runSpec(SPEC);

test('every declaration of the case-01 spec runs', async () => {
  const results = await run;
  assert.equal(results.format, 'innograph-results');
  assert.equal(results.version, 1);
  assert.deepEqual(results.results.map((r) => [r.name, r.status]), [
    ['led', 'ok'], ['pairs', 'ok'], ['led_whole', 'ok'], ['led_valued', 'ok'], ['led_nodes', 'ok'], ['counts', 'ok'],
  ]);
  const led = result(results, 'led');
  assert.equal(led.network?.directed, true);
  assert.equal(led.network?.windows[0].ties.length, 31);
  const totals = expected.construction_totals;
  const [pairs] = records(result(results, 'pairs'), 'summary');
  assert.deepEqual([pairs.ties, pairs.total_weight, pairs.intra], [totals.n_undirected_inter_edges, totals.allpairs_inter_patents, totals.allpairs_intra_patents]);
  const [ledSummary] = records(led, 'summary');
  assert.deepEqual([ledSummary.total_weight, ledSummary.intra], [totals.led_inter, totals.led_intra]);
});

test('whole-network indicators with the default conventions (Gephi density, UCINET 6 valued centralization in percent)', async () => {
  const [row] = records(result(await run, 'led_whole'), 'indicators');
  assert.equal(row.nodes, w.nodes);
  assert.equal(row.edges, w.arcs);
  assert.equal(row.total_weight, expected.construction_totals.led_inter, 'total tie weight: the led ties\' patents');
  close(row.density, w['density_binary_m_over_n(n-1)'], 'density');
  close(row.clustering, w.gephi_avg_clustering_directed, 'clustering');
  close(row.path_length, w.avg_path_length_directed_reachable_pairs, 'path length');
  assert.equal(row.diameter, w.diameter_directed);
  close(row.out_centralization, w.ucinet_out_centralization_valued_pct, 'out centralization');
  close(row.in_centralization, w.ucinet_in_centralization_valued_pct, 'in centralization');
  close(row.modularity, w.modularity_optimal_weighted_undirected, 'modularity (best of 20 seeded Louvain runs)');
});

test('the other conventions are options: valued density, binary centralization as a proportion', async () => {
  const [row] = records(result(await run, 'led_valued'), 'indicators');
  close(row.density, w['density_valued_ucinet_sum_w_over_n(n-1)'], 'valued density');
  close(row.out_centralization, w.ucinet_out_centralization_binary_pct / 100, 'binary centralization');
  assert.match(result(await run, 'led_valued').conventions?.density ?? '', /^valued: /);
});

test('node indicators of every region (UCINET closeness max+1, normalised betweenness, the paper\'s flow sign)', async () => {
  const rows = records(result(await run, 'led_nodes'), 'nodes');
  assert.equal(rows.length, 12);
  for (const row of rows) {
    const want = expected.nodes[row.region as string];
    close(row.out_degree, want.out_strength, `out-degree ${row.region}`);
    close(row.in_degree, want.in_strength, `in-degree ${row.region}`);
    close(row.closeness, want.closeness_out_freeman_undef_max1, `closeness ${row.region}`);
    close(row.in_closeness, want.closeness_in_freeman_undef_max1, `in-closeness ${row.region}`);
    close(row.betweenness, want.betweenness_directed_ucinet_norm_pct, `betweenness ${row.region}`);
    close(row.flow_rate, want['A_paper_formula_(I-O)/(I+O)'], `flow rate ${row.region}`);
    assert.equal(row.intra, want.intra_led, `intra ${row.region}`);
  }
});

test('patent counts per region: full (once per region) and fractional (1/k per holder)', async () => {
  const holders = readRecords(`${SNA}/01_directed_valued_12/patents.csv`);
  const k = new Map<string, number>();
  for (const h of holders) k.set(h.patent_id, (k.get(h.patent_id) ?? 0) + 1);
  const full = new Map<string, Set<string>>();
  const fractional = new Map<string, number>();
  for (const h of holders) {
    (full.get(h.region) ?? full.set(h.region, new Set()).get(h.region)!).add(h.patent_id);
    fractional.set(h.region, (fractional.get(h.region) ?? 0) + 1 / k.get(h.patent_id)!);
  }
  const rows = records(result(await run, 'counts'), 'nodes');
  assert.equal(rows.length, 12);
  for (const row of rows) {
    assert.equal(row.patents, full.get(row.region as string)!.size, `full ${row.region}`);
    close(row.patents_fractional, fractional.get(row.region as string)!, `fractional ${row.region}`);
  }
  close(rows.reduce((s, r) => s + (r.patents_fractional as number), 0), k.size, 'fractional counts add up to the patents');
});

test('Leiden from a spec: the optimal modularity, how many runs reached it, the optimal communities', async () => {
  const text = `${readFileSync(SPEC, 'utf8')}
measures led_leiden = whole(led) {
  modularity, modularity_runs, communities
  algorithm: leiden
  runs:      10
}
measures led_community = nodes(led) {
  community
  algorithm: leiden
  runs:      10
}
`;
  const results = await runSpec(SPEC, text);
  const [row] = records(result(results, 'led_leiden'), 'indicators');
  close(row.modularity, w.modularity_optimal_weighted_undirected, 'Leiden modularity');
  assert.equal(row.communities, w.optimal_partition.length);
  assert.ok(typeof row.modularity_runs === 'number' && row.modularity_runs >= 1 && row.modularity_runs <= 10);
  assert.match(result(results, 'led_leiden').conventions?.algorithm ?? '', /^leiden: /);
  // Regions share a community exactly when they share a block of the optimal partition.
  const community = new Map(records(result(results, 'led_community'), 'nodes').map((r) => [r.region as string, r.community]));
  const block = (region: string) => w.optimal_partition.findIndex((b: string[]) => b.includes(region));
  for (const a of community.keys()) for (const b of community.keys()) assert.equal(community.get(a) === community.get(b), block(a) === block(b), `${a} ${b}`);
});
