// Conditions over a patent's holders through the runner: a patent is kept or dropped whole, by what its
// applicants or inventors are. Hand-made patents (1999–2000) are checked against hand-computed weights, and
// every window against the golden file test/oracles/scripts/golden_holder_conditions.py computed in plain Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { SNA, readJson } from '../oracles/read.ts';
import type { DeclarationResult } from '../../server/src/results/format.ts';
import { records, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('./fixtures/holders.study', import.meta.url));
const expected = readJson(`${SNA}/09_holder_conditions/expected.json`);
const run = runSpec(SPEC);

/** A network's ties per window as `source|target` → weight. */
function ties(r: DeclarationResult): { from: number | null; to: number | null; ties: Record<string, number> }[] {
  return r.network!.windows.map((w) => ({ from: w.from, to: w.to, ties: Object.fromEntries(w.ties.map((t) => [`${t.source}|${t.target}`, t.weight])) }));
}

const handWindow = async (name: string) => ties(result(await run, name))[0].ties;

test('every declaration runs', async () => {
  const results = await run;
  assert.deepEqual(results.results.filter((r) => r.status !== 'ok').map((r) => [r.name, r.error?.message]), []);
});

test('all(applicants, kind != "individual") drops a patent with an individual and a firm applicant entirely', async () => {
  // P001: firms in CN11 and US06 and an individual in CN31. The row-level filter keeps its firms' tie; the
  // holder condition drops the patent, so CN11–US06 keeps only P004's tie. P006's applicant without a kind
  // fails the condition too.
  assert.deepEqual(await handWindow('coapp_rows'), { 'CN11|CN44': 1, 'CN11|US06': 2, 'DE21|US06': 1 });
  assert.deepEqual(await handWindow('coapp_firms'), { 'CN11|CN44': 1, 'CN11|US06': 1, 'DE21|US06': 1 });
  // The same condition in a network's `where:` drops the inventors' ties of P001 (firm + individual + firm),
  // P002 (firm + individual) and P006, and keeps P003, P004, P005 (university + institute) and P007.
  assert.deepEqual(await handWindow('inv_firms'), { 'CN11|US06': 1, 'CN31|CN44': 1, 'CN31|DE21': 1, 'CN31|US06': 1, 'CN44|JP13': 1, 'DE21|US06': 1 });
});

test('any(applicants, country == "CN") splits co-invention into inflow and outflow (seed 000, Table 6)', async () => {
  // Inflow: P001, P002, P004, P005 (CN44–JP13 once per patent although two CN44 inventors), P006; outflow: P003.
  assert.deepEqual(await handWindow('inflow'), { 'CN11|DE21': 1, 'CN11|US06': 1, 'CN31|DE21': 1, 'CN31|US06': 1, 'CN44|JP13': 2 });
  assert.deepEqual(await handWindow('outflow'), { 'CN11|US06': 1 });
  // Every co-invented patent is one or the other: in every window the two add up to the whole network.
  const results = await run;
  const outflow = ties(result(results, 'outflow'));
  const sums = ties(result(results, 'inflow')).map((window, w) => {
    const total = { ...window.ties };
    for (const [pair, weight] of Object.entries(outflow[w].ties)) total[pair] = (total[pair] ?? 0) + weight;
    return { ...window, ties: Object.fromEntries(Object.entries(total).sort(([a], [b]) => a.localeCompare(b))) };
  });
  assert.deepEqual(sums, ties(result(results, 'cooperation')));
});

test('count(applicants, kind == "firm") >= 2 keeps patents with two firm applicants', async () => {
  // P001 (two firms, an individual) and P003, P004 (two firms each); not P002, P005, P006, P007.
  assert.deepEqual(await handWindow('multi'), { 'CN11|CN31': 1, 'CN11|US06': 2, 'CN31|US06': 1, 'DE21|US06': 1 });
});

test('count(inventors, where: …) counts the inventors of joint China–foreign patents only (seed 000, Invnum)', async () => {
  // Inflow patents of 1999–2000: P007's inventors (CN31, CN44, no foreign one) are counted by `All` only.
  const variables = Object.fromEntries(records(result(await run, 'joint'), 'variables').map((r) => [r.variable, r]));
  assert.deepEqual([variables.Invnum.n, variables.Invnum.mean, variables.Invnum.min, variables.Invnum.max], [6, 2, 1, 3]);
  assert.deepEqual([variables.All.n, Number(variables.All.mean) * 6, variables.All.max], [6, 14, 4]);
});

test('every network\'s ties in every window are the golden ones', async () => {
  const results = await run;
  for (const [name, windows] of Object.entries(expected.networks as Record<string, { from: number; to: number; ties: Record<string, number> }[]>)) {
    assert.deepEqual(ties(result(results, name)), windows, name);
  }
});

test('the joint-patent inventor counts of every window are the golden ones', async () => {
  const results = await run;
  const windows = result(results, 'inflow').network!.windows;
  const regions = [...new Set(windows.flatMap((w) => w.nodes))];
  const golden = expected.joint_inventors as { counts: Record<string, number> }[];
  const values = golden.flatMap((w) => regions.map((r) => w.counts[r] ?? 0));
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const [row] = records(result(results, 'joint_all'), 'variables').filter((r) => r.variable === 'Invnum');
  assert.equal(row.n, values.length);
  assert.ok(Math.abs(Number(row.mean) - mean) < 1e-12, `mean ${row.mean} ≠ ${mean}`);
  assert.deepEqual([row.min, row.max], [Math.min(...values), Math.max(...values)]);
});
