// `classify(…)` models on a dataset's column — the classes and GVF of R classInt (scripts/golden_classify.R)
// through a spec, missing values left out and counted, too few distinct values reported at `classes:` — and on
// node measures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { classTable } from '../../server/src/engine/stats/classify.ts';
import { readJson } from '../oracles/read.ts';
import { records, result, runSpec } from './harness.ts';

// The spec's path only places its data paths; the text is given here.
const SPEC = fileURLToPath(new URL('./fixtures/classify_test.study', import.meta.url));
const golden = readJson(resolve(import.meta.dirname, '../oracles/stats/classify.json'));
const ozone = (style: string, k: number, type: number | null = null) => golden.cases.find((c: { sample: string; style: string; k: number; type: number | null }) => c.sample === 'ozone' && c.style === style && c.k === k && c.type === type);

const TEXT = `
dataset air from "../../oracles/stats/airquality_ozone.csv"
model jenks     = classify(Ozone, data: air)
model quartiles = classify(Ozone, data: air) {
  classes: quantiles(4)
  closure: left
}
model equal     = classify(Ozone, data: air) { classes: equal(5) }
`;

const close = (a: unknown, b: number, what: string) => assert.ok(Math.abs((a as number) - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('Jenks (the default, 5 classes), quartiles left-closed and equal intervals of a column with missing values, as classInt', async () => {
  const results = await runSpec(SPEC, TEXT);
  for (const [name, expected, counts] of [['jenks', ozone('jenks', 5), 'right_counts'], ['quartiles', ozone('quantile', 4, 7), 'classint_counts'], ['equal', ozone('equal', 5), 'right_counts']] as const) {
    const r = result(results, name);
    assert.equal(r.error, undefined, `${name}: ${r.error?.message}`);
    const classes = records(r, 'classes');
    assert.deepEqual(classes.map((c) => c.count), expected[counts], name);
    classes.forEach((c, i) => { close(c.lower, expected.breaks[i], `${name} lower ${i}`); close(c.upper, expected.breaks[i + 1], `${name} upper ${i}`); });
    const [fit] = records(r, 'fit');
    assert.equal(fit.n, 116);
    assert.equal(fit.missing, 37);
    if (name !== 'quartiles') close(fit.gvf, expected.gvf_right, `${name} GVF`);
  }
  // Jenks's upper bounds are data values: each class's largest value (the ArcGIS break).
  for (const c of records(result(results, 'jenks'), 'classes')) assert.equal(c.upper, c.max);
});

test('more Jenks classes than distinct values is an error at `classes:`', async () => {
  const text = 'dataset air from "../../oracles/stats/airquality_ozone.csv"\nmodel months = classify(Month, data: air) { classes: jenks(6) }\n';
  const r = result(await runSpec(SPEC, text), 'months');
  assert.match(r.error?.message ?? '', /`Month` has 5 distinct values: too few for 6 Jenks classes/);
  assert.deepEqual(r.error?.spec, { line: 2, column: text.split('\n')[1].indexOf('jenks(6)') + 1, endLine: 2, endColumn: text.split('\n')[1].indexOf('jenks(6)') + 9 });
});

test('a node measure is classified as its rows in the measures table', async () => {
  const spec = fileURLToPath(new URL('../../examples/classify_test.study', import.meta.url));
  const results = await runSpec(spec, `
dataset patents from "data/rare_earth/patents.csv" { id: patent_id  year: app_year }
dataset applicants from "data/rare_earth/applicants.csv" { patent: patent_id  order: seq  region: province  joins: patents }
network rein = coapplication(applicants) { ties: first_led }
measures central = nodes(rein) { degree, betweenness }
model degree_classes = classify(degree + betweenness, data: central) { classes: jenks(4) }
`);
  const rows = records(result(results, 'central'), 'nodes');
  const r = result(results, 'degree_classes');
  assert.equal(r.error, undefined, r.error?.message);
  for (const variable of ['degree', 'betweenness']) {
    const expected = classTable(rows.map((row) => row[variable] as number), 'jenks', 4);
    const classes = records(r, 'classes').filter((c) => c.variable === variable);
    assert.deepEqual(classes.map((c) => [c.upper, c.count]), expected.classes.map((c) => [c.upper, c.count]), variable);
    assert.equal(records(r, 'fit').find((f) => f.variable === variable)!.gvf, expected.gvf);
  }
});
