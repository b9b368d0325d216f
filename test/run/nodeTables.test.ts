// Node measure tables ordered by an indicator (`sort:`) and cut to the highest rows of each window (`top:`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { records, result, runSpec } from './harness.ts';

// Degrees: A 4 (B, C, D, E), B 3 (A, C, D), C 2, D 2, E 1.
const FILES = {
  'patents.csv': 'patent_id,app_year\nP1,2001\nP2,2001\nP3,2001\nP4,2001\nP5,2001\nP6,2001\n',
  'applicants.csv': 'patent_id,seq,city\nP1,1,A\nP1,2,B\nP2,1,A\nP2,2,C\nP3,1,D\nP3,2,A\nP4,1,C\nP4,2,B\nP5,1,E\nP5,2,A\nP6,1,B\nP6,2,D\n',
};

async function run(measures: string) {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-run-'));
  for (const [file, content] of Object.entries(FILES)) writeFileSync(join(dir, file), content);
  writeFileSync(join(dir, 'spec.study'), `dataset patents from "patents.csv" { id: patent_id, year: app_year }
dataset applicants from "applicants.csv" { patent: patent_id, order: seq, region: city, joins: patents }
network net = coapplication(applicants)
${measures}`);
  return runSpec(join(dir, 'spec.study'));
}

const rowsOf = async (measures: string) => {
  const r = result(await run(measures), 'm');
  assert.equal(r.status, 'ok', r.error?.message);
  return { rows: records(r, 'nodes').map((row) => `${row.region} ${row.degree}`), notes: r.notes };
};

test('`top: N` keeps the N highest rows by the first listed indicator, highest first', async () => {
  assert.deepEqual((await rowsOf('measures m = nodes(net) { degree, closeness, top: 2 }\n')).rows, ['A 4', 'B 3']);
});

test('a tie across the cut is kept by region name, and noted', async () => {
  const { rows, notes } = await rowsOf('measures m = nodes(net) { degree, top: 3 }\n');
  assert.deepEqual(rows, ['A 4', 'B 3', 'C 2']);
  assert.ok(notes.includes('Window all: rows tied at degree = 2 across the top 3, kept by region name.'), notes.join(' | '));
});

test('`sort:` orders every row by another indicator; `top` larger than the table keeps all', async () => {
  const r = result(await run('measures m = nodes(net) { closeness, degree, sort: degree, top: 50 }\n'), 'm');
  assert.deepEqual(records(r, 'nodes').map((row) => row.region), ['A', 'B', 'C', 'D', 'E']);
  assert.ok(!r.notes.some((n) => /tied/.test(n)));
});

test('tiers are classed on every row before the cut', async () => {
  const r = result(await run('measures m = nodes(net) { degree, tiers: equal(3) of degree, top: 2 }\n'), 'm');
  // Equal intervals over degrees 1–4 (breaks 2, 3, 4); the two kept rows alone have fewer values than tiers.
  assert.deepEqual(records(r, 'nodes').map((row) => [row.region, row.degree_tier]), [['A', 3], ['B', 2]]);
});

test('`top` without an indicator to rank by is an error at the option', async () => {
  const r = result(await run('measures m = nodes(net) { top: 2 }\n'), 'm');
  assert.equal(r.status, 'error');
  assert.equal(r.error!.message, 'List an indicator to keep the top rows by.');
});

test('`betweenness_sources` estimates betweenness from seeded sources and notes the sample and its standard error', async () => {
  const exact = result(await run('measures m = nodes(net) { betweenness }\n'), 'm');
  const sampled = result(await run('measures m = nodes(net) { betweenness, betweenness_sources: 3, seed: 2 }\n'), 'm');
  assert.equal(sampled.status, 'ok', sampled.error?.message);
  assert.match(sampled.notes.join(' | '), /^Window all: betweenness estimated from 3 of 5 nodes as sources \(Brandes–Pich, seed 2\), scaled by n\/k; standard error up to [\d.]+; the highest, [A-E], [\d.]+ ± [\d.]+\.$/);
  const all = result(await run('measures m = nodes(net) { betweenness, betweenness_sources: 5 }\n'), 'm');
  assert.deepEqual(records(all, 'nodes'), records(exact, 'nodes'));
  assert.deepEqual(all.notes, ['Window all: betweenness from all 5 nodes as sources (`betweenness_sources` ≥ n): exact.']);
});
