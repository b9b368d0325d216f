// The real-data example (examples/uspto.study on the raw USPTO grant sample, its years, regions and cited ids
// derived in the spec) through the built CLI, against
// numbers computed without Innograph: networkx on the raw sample (test/oracles/uspto/uspto_networkx.py)
// and MASS / sandwich in R on the node panel that script derived (uspto_models.R).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readJson, readRecords } from '../oracles/read.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ORACLE = join(ROOT, 'test/oracles/uspto');
const nx = readJson(join(ORACLE, 'uspto_networkx.json'));
const r = readJson(join(ORACLE, 'uspto_models_R.json'));
const WINDOWS = ['2003–2007', '2008–2012'];

type Table = { columns: string[]; rows: unknown[][] };
type Tie = { source: string; target: string; weight: number };
type Result = {
  name: string; status: string; notes?: string[]; tables?: Record<string, Table>;
  network?: { directed: boolean; windows: { label: string; nodes: string[]; ties: Tie[]; intra: Record<string, number> }[] };
};

const out = mkdtempSync(join(tmpdir(), 'innograph-uspto-'));
const run = spawnSync(process.execPath, [join(ROOT, 'bin/innograph.js'), 'run', 'examples/uspto.study', '--json', join(out, 'results.json')], { cwd: ROOT, encoding: 'utf8' });
const results: Result[] = run.status === 0 ? JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).results : [];
const result = (name: string) => {
  const found = results.find((x) => x.name === name);
  assert.ok(found, `no result ${name}`);
  return found;
};
/** A table's rows as records keyed by its columns. */
const records = (name: string, table: string) => {
  const t = result(name).tables![table];
  return t.rows.map((row) => Object.fromEntries(t.columns.map((c, k) => [c, row[k]])));
};
const close = (actual: unknown, expected: number, what: string, tol = 1e-9) =>
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: ${actual}, expected ${expected}`);

test('examples/uspto.study runs clean: every declaration ok', () => {
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.deepEqual(results.filter((x) => x.status !== 'ok').map((x) => x.name), []);
  assert.equal(results.length, 13);
});

test('co-invention networks per window: nodes, ties, weights and intra volume as networkx', () => {
  for (const [name, golden] of [['invco', nx.invco], ['intl', nx.intl]] as const) {
    const summary = records(name, 'summary');
    assert.deepEqual(summary.map((s) => s.window), WINDOWS);
    for (const s of summary) {
      const g = golden[s.window as string];
      assert.deepEqual([s.nodes, s.ties, s.total_weight, s.intra], [g.nodes, g.edges, g.total_weight, g.intra], `${name} ${s.window}`);
    }
  }
  // 2003–2007: 38 regions, 25 ties; 2008–2012: 47 regions, 30 ties (34 patents' worth), 103 intra.
  assert.deepEqual([nx.invco['2008–2012'].nodes, nx.invco['2008–2012'].edges, nx.invco['2008–2012'].total_weight], [47, 30, 34]);
});

test('whole-network indicators (Gephi density and clustering, UCINET centralization) as networkx', () => {
  for (const [name, golden, indicators] of [
    ['invco_overall', nx.invco, ['nodes', 'edges', 'density', 'clustering', 'path_length', 'diameter', 'centralization']],
    ['intl_overall', nx.intl, ['nodes', 'edges', 'density', 'clustering', 'path_length', 'centralization']],
    ['overlap_overall', nx.overlap, ['nodes', 'edges', 'density', 'clustering', 'path_length']],
  ] as const) {
    for (const row of records(name, 'indicators')) {
      for (const k of indicators) close(row[k], golden[row.window as string][k], `${name} ${row.window} ${k}`);
    }
  }
  // Louvain (best of 10 runs, seed 42) reaches networkx's best over 200 seeds on these forests.
  for (const row of records('invco_overall', 'indicators')) close(row.modularity, nx.invco[row.window as string].modularity_best_louvain, `modularity ${row.window}`);
});

test('co-citation overlap: shared distinct cited documents per region pair as networkx', () => {
  const overlap = result('overlap').network!;
  for (const w of overlap.windows) {
    const g = nx.overlap[w.label];
    assert.equal(w.ties.length, g.edges);
    assert.equal(w.ties.reduce((s, t) => s + t.weight, 0), g.total_weight);
    const key = (t: Tie) => `${t.source}\u0000${t.target}`;
    const top = [...w.ties].sort((a, b) => b.weight - a.weight || (key(a) < key(b) ? -1 : 1)).slice(0, 5);
    assert.deepEqual(top.map((t) => [t.source, t.target, t.weight]), g.top_ties, w.label);
  }
});

test('node indicators of 2008–2012: valued degree, UCINET betweenness and closeness, intra, patents', () => {
  const golden = nx.invco_nodes_2008_2012 as Record<string, Record<string, number>>;
  const rows = records('invco_nodes', 'nodes');
  assert.deepEqual(rows.map((x) => x.region).sort(), Object.keys(golden).sort());
  for (const row of rows) {
    const g = golden[row.region as string];
    assert.equal(row.degree, g.degree, `degree of ${row.region}`);
    close(row.betweenness, g.betweenness_ucinet, `betweenness of ${row.region}`);
    close(row.closeness, g.closeness, `closeness of ${row.region}`);
    assert.equal(row.intra, g.intra, `intra of ${row.region}`);
    assert.equal(row.patents, g.patents, `patents of ${row.region}`);
  }
  const ny = rows.find((x) => x.region === 'US-NY')!;
  assert.equal(ny.degree, 5);
  close(ny.betweenness, 6.763285024154589, 'US-NY betweenness'); // 100 · 70 / (46 · 45 / 2)
});

test('degree centrality: valued degree is networkx weighted degree; binary degree / (n − 1) is nx.degree_centrality', () => {
  const golden = nx.invco_nodes_2008_2012 as Record<string, Record<string, number>>;
  const w = result('invco').network!.windows.find((x) => x.label === '2008–2012')!;
  const n = w.nodes.length;
  const partners = new Map<string, number>(w.nodes.map((v) => [v, 0]));
  const strength = new Map<string, number>(w.nodes.map((v) => [v, 0]));
  for (const t of w.ties) {
    for (const v of [t.source, t.target]) {
      partners.set(v, partners.get(v)! + 1);
      strength.set(v, strength.get(v)! + t.weight);
    }
  }
  for (const v of w.nodes) {
    assert.equal(strength.get(v), golden[v].degree, `strength of ${v}`);
    close(partners.get(v)! / (n - 1), golden[v].degree_centrality, `degree centrality of ${v}`);
  }
  // Kentucky co-invents with Ohio only, on four patents: valued degree 4, degree centrality 1/46.
  const ky = records('invco_nodes', 'nodes').find((x) => x.region === 'US-KY')!;
  assert.equal(ky.degree, 4);
  close(golden['US-KY'].degree_centrality, 1 / 46, 'US-KY nx.degree_centrality');
  assert.equal(partners.get('US-KY'), 1);
});

test('the node panel: 59 regions × 2 periods, its variables as derived from the raw data', () => {
  assert.ok(result('regions').notes!.includes('118 rows: 59 regions × 2 periods.'));
  const panel = readRecords(join(ORACLE, 'regions_panel.csv'));
  assert.equal(panel.length, nx.panel.rows);
  const desc = records('desc', 'descriptives');
  for (const variable of ['Patents', 'Inventors', 'Degree', 'Between']) {
    const xs = panel.map((p) => Number(p[variable]));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    const row = desc.find((d) => d.variable === variable)!;
    assert.equal(row.n, 118);
    close(row.mean, mean, `mean of ${variable}`);
    close(row.sd, sd, `sd of ${variable}`);
    assert.equal(row.max, Math.max(...xs), `max of ${variable}`);
  }
});

test('count models of patents on degree as MASS::glm.nb and glm(poisson) + sandwich HC1', () => {
  const nb = records('nb', 'coefficients').find((x) => x.term === 'Degree')!;
  close(nb.estimate, r.nb.degree, 'NB Degree', 1e-6);
  close(nb.se, r.nb.se, 'NB SE', 1e-6);
  const table = records('table1', 'table');
  close(table.find((x) => x[''] === 'θ')!.nb, r.nb.theta, 'θ', 1e-6);
  assert.equal(table.find((x) => x[''] === 'Observations')!.nb, r.n);
  const ppml = records('ppml', 'coefficients').find((x) => x.term === 'Degree')!;
  close(ppml.estimate, r.ppml.degree, 'PPML Degree', 1e-6);
  close(ppml.se, r.ppml.se_hc1, 'PPML HC1 SE', 1e-6);
});
