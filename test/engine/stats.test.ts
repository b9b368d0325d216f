// Jenks natural breaks, quantile types and location-quotient clusters against the oracle cases
// (../shared/oracles/sna/04_jenks_50 and 06_lq_clusters: classInt, exact Fisher DP, numpy/R/Excel percentiles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { classOf, jenks } from '../../server/src/engine/stats/jenks.ts';
import { quantile, type QuantileType } from '../../server/src/engine/stats/quantile.ts';
import { SNA, readJson, readRecords } from '../oracles/read.ts';
import { identifyClusters, locationQuotients, percentileScan, type RegionCounts } from '../../server/src/engine/measures/locationQuotient.ts';

const close = (actual: number, expected: number, rel = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);

test('Jenks breaks, counts and GVF match classInt and the exact Fisher DP (case 04)', () => {
  const values = readRecords(`${SNA}/04_jenks_50/values.csv`).map((r) => Number(r.value));
  const expected = readJson(`${SNA}/04_jenks_50/expected.json`);
  for (const k of [4, 5]) {
    const exact = expected.exact_fisher_jenks_python[k];
    const got = jenks(values, k);
    assert.deepEqual(got.breaks, expected['classInt_0.4.9'][k].jenks_brks);
    assert.deepEqual(got.counts, exact.class_counts);
    close(got.gvf, exact.GVF);
    // Right-closed classes: each class's upper bound belongs to it.
    assert.deepEqual(values.map((v) => classOf(v, got.breaks)).reduce((c, x) => { c[x - 1]++; return c; }, Array(k).fill(0)), exact.class_counts);
  }
});

test('Jenks refuses more classes than distinct values', () => {
  assert.throws(() => jenks([1, 1, 2], 3), /cannot form 3 classes from 2 distinct values/);
});

test('LQ, potential clusters and clusters for every percentile definition (case 06, scan 76..84)', () => {
  const rows: RegionCounts[] = readRecords(`${SNA}/06_lq_clusters/regions_lq.csv`).map((r) => ({
    region: r.region, industry: Number(r.industry_patents_A), total: Number(r.total_patents_P), intra: Number(r.intra_links), inter: Number(r.inter_links),
  }));
  const expected = readJson(`${SNA}/06_lq_clusters/expected.json`);
  for (const [region, lq] of locationQuotients(rows)) close(lq, expected.LQ[region]);
  const types: Record<string, QuantileType> = { linear_type7: 7, weibull_type6: 6, nearest_rank_type1: 1, hazen_type5: 5 };
  let compared = 0;
  for (const [percentile, byDefinition] of Object.entries(expected.scan as Record<string, Record<string, { threshold: number; potential: string[]; clusters: string[] }>>)) {
    for (const [definition, want] of Object.entries(byDefinition)) {
      const type = types[definition.split('(')[0]];
      assert.ok(type, `unknown definition ${definition}`);
      const got = identifyClusters(rows, { percentile: Number(percentile), type, require: ['intra', 'inter'] });
      close(got.threshold, want.threshold);
      assert.deepEqual(got.potential, want.potential, `${percentile} ${definition}`);
      assert.deepEqual(got.clusters, want.clusters, `${percentile} ${definition}`);
      compared++;
    }
  }
  assert.equal(compared, 36);
  assert.equal(percentileScan(rows, [76, 80, 84], { type: 7, require: ['intra', 'inter'] }).length, 3);
});

test('all nine quantile types match R\'s quantile() (golden file from test/oracles/scripts/quantile_types.R)', () => {
  const golden = readJson(resolve(import.meta.dirname, '../oracles/stats/quantile_types.json'));
  assert.equal(golden.cases.length, 27);
  for (const c of golden.cases as { sample: string; type: QuantileType; probs: number[]; quantiles: number[] }[]) {
    c.probs.forEach((p, i) => close(quantile(golden.samples[c.sample], p, c.type), c.quantiles[i], 1e-12));
  }
});
