// The geographical detector against case 03 (test/oracles/sna/03_geodetector_collectdata): geodetector 1.0-5
// and GD 10.8 on CollectData (N = 185), ndvi_40 discretised by Jenks, quantiles and equal intervals
// (r_ndvi.json, r_discretize.json from test/oracles/scripts/geodetector_discretize.R), and scipy's check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GeoDetectorInputError, discretize, geoDetector, type GeoDetectorInput, type GeoFactor,
} from '../../../server/src/engine/models/geodetector/index.ts';
import { classifyInteraction } from '../../../server/src/engine/models/geodetector/interactionDetector.ts';
import { CONVENTIONS } from '../../../server/src/engine/models/geodetector/conventions.ts';
import { SNA, readJson, readRecords } from '../../oracles/read.ts';

const CASE = `${SNA}/03_geodetector_collectdata`;
const expected = readJson(`${CASE}/expected.json`);
const rOutputs = readJson(`${CASE}/r_outputs.json`);
const rNdvi = readJson(`${CASE}/r_ndvi.json`);
const pyCheck = readJson(`${CASE}/py_check.json`);

/** R's write.csv quotes names and strings; the oracle reader takes the file as it is. */
const readQuoted = (file: string) => readRecords(`${CASE}/${file}`).map((r) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/"/g, ''), v.replace(/"/g, '')])));

const close = (actual: number, want: number, rel = 1e-6, label = '') =>
  assert.ok(Math.abs(actual - want) <= rel * Math.abs(want), `${label}: ${actual} ≠ ${want}`);

/**
 * R's p-values are 1 − CDF in double precision, so below ~1e-9 they carry an absolute rounding of about one
 * unit in the last place of 1 (2.2e-16); compare to 1e-6 relative or that resolution, whichever is larger.
 */
const closeP = (actual: number, want: number, label = '') =>
  assert.ok(Math.abs(actual - want) <= Math.max(1e-6 * want, Number.EPSILON), `${label}: ${actual} ≠ ${want}`);

const FACTORS = ['watershed', 'elevation', 'soiltype'];
const collect = readQuoted('CollectData.csv');
const collectInput: GeoDetectorInput = {
  y: Float64Array.from(collect, (r) => Number(r.incidence)),
  factors: FACTORS.map((name) => ({ name, values: collect.map((r) => Number(r[name])) })),
};

test('factor detector: q and p as geodetector 1.0-5, F and λ as the independent check', () => {
  const result = geoDetector(collectInput, { detectors: ['factor'] });
  assert.deepEqual(result.factor.map((f) => f.factor), FACTORS);
  for (const [i, want] of rOutputs.factor_detector.entries()) {
    const got = result.factor[i];
    close(got.q, want.q, 1e-12, want.x);
    close(got.p, want.p, 1e-6, want.x);
    const py = pyCheck[want.x];
    assert.equal(got.strata, py.L);
    assert.deepEqual([got.df1, got.df2], [py.L - 1, py.N - py.L]);
    close(got.F, py.F, 1e-12, want.x);
    close(got.lambda, py.lambda_sampleVar, 1e-12, want.x);
  }
  assert.deepEqual(expected.factor_detector_geodetector_pkg, rOutputs.factor_detector);
});

test("the 'accurate' p-values are the exact noncentral-F tail (scipy), not R's truncated series", () => {
  const geod = geoDetector(collectInput, { detectors: ['factor'], pValue: 'accurate' });
  const gd = geoDetector(collectInput, { detectors: ['factor'], pValue: 'accurate', convention: 'GD' });
  for (const [i, name] of FACTORS.entries()) {
    close(geod.factor[i].p, pyCheck[name].p_ncF_sampleVar, 1e-9, name);
    close(gd.factor[i].p, pyCheck[name].p_ncF_popVar, 1e-9, name);
  }
});

test('factor detector, GD convention: λ with the population variance (and singletons dropped)', () => {
  const result = geoDetector(collectInput, { detectors: ['factor'], convention: 'GD' });
  for (const [i, want] of rOutputs.GD_gd.entries()) {
    assert.equal(result.factor[i].factor, want.variable);
    close(result.factor[i].q, want.qv, 1e-12, want.variable);
    close(result.factor[i].p, want.sig, 1e-6, want.variable);
    close(result.factor[i].lambda, pyCheck[want.variable].lambda_popVar, 1e-12, want.variable);
  }
});

test('interaction detector: q(X1∩X2) and classes, geodetector keeps singleton strata and GD drops them', () => {
  const geod = geoDetector(collectInput, { detectors: ['interaction'] });
  const raw = rOutputs.interaction_detector_raw as { V1: string; V2: string; V3: string }[];
  assert.equal(geod.interaction.length, 3);
  for (const row of geod.interaction) {
    const want = raw.find((r) => r.V1 === row.factor1 && r.V2 === row.factor2)!;
    close(row.q12, Number(want.V3), 1e-12, `${row.factor1}∩${row.factor2}`);
    close(row.q1, Number(raw.find((r) => r.V1 === row.factor1 && r.V2 === row.factor1)!.V3), 1e-12);
    close(row.q2, Number(raw.find((r) => r.V1 === row.factor2 && r.V2 === row.factor2)!.V3), 1e-12);
    const pair = pyCheck[`${row.factor1}*${row.factor2}`];
    close(row.q12, pair.keep_singletons.q, 1e-12);
    assert.equal(row.interaction, 'Enhance, bi-');
    // The strata counts behind the two packages' q12: GD drops the one-observation crossed strata.
    assert.deepEqual([row.strata1, row.strata2, row.strata12, row.singletons12], [pyCheck[row.factor1].L, pyCheck[row.factor2].L, pair.n_strata, pair.n_singleton_strata]);
  }
  const gd = geoDetector(collectInput, { detectors: ['interaction'], convention: 'GD' });
  for (const [i, want] of rOutputs.GD_gdinteract.entries()) {
    const row = gd.interaction[i];
    assert.deepEqual([row.factor1, row.factor2, row.interaction], [want.var1, want.var2, want.interaction]);
    close(row.q1, want.qv1, 1e-12);
    close(row.q2, want.qv2, 1e-12);
    close(row.q12, want.qv12, 1e-12, `${want.var1}∩${want.var2}`);
    close(row.q12, pyCheck[`${want.var1}*${want.var2}`].drop_singletons.q, 1e-12);
  }
});

test("interaction classes at ties follow each package's order of comparisons", () => {
  const geod = CONVENTIONS.geodetector;
  const gd = CONVENTIONS.GD;
  const cases: [number, number, number, string, string][] = [
    // q1, q2, q12, geodetector, GD
    [0.25, 0.5, 0.2, 'Weaken, nonlinear', 'Weaken, nonlinear'],
    [0.25, 0.5, 0.25, 'Weaken, nonlinear', 'Weaken, uni-'],
    [0.25, 0.5, 0.3, 'Weaken, uni-', 'Weaken, uni-'],
    [0.25, 0.5, 0.5, 'Enhance, bi-', 'Weaken, uni-'],
    [0.25, 0.5, 0.6, 'Enhance, bi-', 'Enhance, bi-'],
    [0.25, 0.5, 0.75, 'Enhance, bi-', 'Independent'],
    [0.25, 0.5, 0.8, 'Enhance, nonlinear', 'Enhance, nonlinear'],
    [0.4, 0.4, 0.4, 'Enhance, bi-', 'Weaken, uni-'],
  ];
  for (const [q1, q2, q12, wantGeod, wantGd] of cases) {
    assert.equal(classifyInteraction(q1, q2, q12, geod), wantGeod, `geodetector ${q1} ${q2} ${q12}`);
    assert.equal(classifyInteraction(q1, q2, q12, gd), wantGd, `GD ${q1} ${q2} ${q12}`);
  }
});

test('ecological detector: q ratio against qf(0.9, N−1, N−1) both ways, and the 2010 paper SSW ratio', () => {
  const want = expected.ecological_detector_F_values;
  const geod = geoDetector(collectInput, { detectors: ['ecological'] });
  const paper = geoDetector(collectInput, { detectors: ['ecological'], ecologicalStatistic: 'sswRatio' });
  const matrix = rOutputs.ecological_detector['Significance.F-test:0.05'] as Record<string, string>[];
  const gdRows = rOutputs.GD_gdeco as { var1: string; var2: string; eco: string }[];
  for (const [i, pair] of want.pairs.entries()) {
    const row = geod.ecological[i];
    assert.deepEqual([row.factor1, row.factor2, row.df1, row.df2], [pair.x1, pair.x2, 184, 184]);
    close(row.F, pair.package_F_q2_over_q1, 1e-12);
    close(row.critical, want['critical_qf(0.9,N-1,N-1)'], 1e-12);
    assert.equal(row.significant, pair['package_sig(F>crit or 1/F>crit)']);
    assert.equal(String(row.significant).toUpperCase(), matrix.find((m) => m._row === pair.x1)![pair.x2]);
    assert.equal(row.significant ? 'Y' : 'N', gdRows[i].eco);
    close(paper.ecological[i].F, pair.paper_F_SSW1_over_SSW2, 1e-12);
    assert.equal(paper.ecological[i].significant, pair['paper_sig_two_sided_at_crit0.9']);
  }
  const strict = geoDetector(collectInput, { detectors: ['ecological'], ecologicalLevel: 0.95 });
  close(strict.ecological[0].critical, want['critical_qf(0.95,N-1,N-1)'], 1e-12);
});

test('risk detector: stratum means and significance as geodetector (rounded Welch df, critical t)', () => {
  const result = geoDetector(collectInput, { detectors: ['risk'] });
  for (const [k, want] of (rOutputs.risk_detector as { means: Record<string, number>[]; ttest: Record<string, string>[] }[]).entries()) {
    const got = result.risk[k];
    assert.equal(got.factor, FACTORS[k]);
    assert.deepEqual(got.means.map((m) => m.stratum), want.means.map((m) => String(m[FACTORS[k]])));
    got.means.forEach((m, h) => close(m.mean, want.means[h]['Mean of explained variable'], 1e-12));
    const L = got.means.length;
    assert.equal(got.tests.length, (L * (L - 1)) / 2);
    for (const t of got.tests) {
      const row = want.ttest[got.means.findIndex((m) => m.stratum === t.stratum1)];
      assert.equal(String(t.significant).toUpperCase(), row[t.stratum2], `${FACTORS[k]} ${t.stratum1}–${t.stratum2}`);
    }
  }
});

test("risk detector, GD convention: Welch t, df and p as R's t.test, significant when p < 0.05", () => {
  const result = geoDetector(collectInput, { detectors: ['risk'], convention: 'GD' });
  for (const [k, name] of FACTORS.entries()) {
    const want = rOutputs.GD_gdrisk[name] as { itv1: string; itv2: string; t: number; df: number; sig: number; risk: string }[];
    assert.equal(result.risk[k].tests.length, want.length);
    for (const [i, w] of want.entries()) {
      const got = result.risk[k].tests[i];
      assert.deepEqual([got.stratum1, got.stratum2], [w.itv1, w.itv2]);
      close(got.t, w.t, 1e-9, `${name} ${w.itv1}–${w.itv2} t`);
      close(got.df, w.df, 1e-9, `${name} df`);
      close(got.p, w.sig, 1e-6, `${name} ${w.itv1}–${w.itv2} p`);
      assert.equal(got.significant ? 'Y' : 'N', w.risk);
    }
  }
  assert.deepEqual(expected.risk_GD_pkg, rOutputs.GD_gdrisk);
});

const ndvi = readQuoted('ndvi_40.csv');
const ndviY = Float64Array.from(ndvi, (r) => Number(r.NDVIchange));
const CONTINUOUS = ['Tempchange', 'Precipitation', 'GDP', 'Popdensity'];
const ndviFactor = (name: string, method?: 'jenks' | 'quantile' | 'equal', classes = 5): GeoFactor => (method
  ? { name, values: ndvi.map((r) => Number(r[name])), discretize: { method, classes } }
  : { name, values: ndvi.map((r) => r[name]) });

test('ndvi_40: 5-class Jenks breaks and classes, then q and p as geodetector (GD 10.8 data)', () => {
  const result = geoDetector({
    y: ndviY, factors: [ndviFactor('Climatezone'), ndviFactor('Mining'), ...CONTINUOUS.map((c) => ndviFactor(c, 'jenks'))],
  }, { detectors: ['factor'] });
  const classes = readQuoted('ndvi_40_discretized_jenks5.csv');
  for (const d of result.discretization) {
    assert.deepEqual(d.breaks, rNdvi.jenks5_breaks[d.factor]);
    assert.deepEqual(discretize(ndvi.map((r) => Number(r[d.factor])), 'jenks').codes, Int32Array.from(classes, (r) => Number(r[`${d.factor}_j5`])));
  }
  for (const want of rNdvi.factor_detector as { x: string; q: number; p: number }[]) {
    const got = result.factor.find((f) => f.factor === want.x.replace('_j5', ''))!;
    close(got.q, want.q, 1e-12, want.x);
    closeP(got.p, want.p, want.x);
  }
  assert.deepEqual(expected.ndvi_40_jenks5_then_factor_detector.jenks5_breaks, rNdvi.jenks5_breaks);
});

test('ndvi_40: interaction q of categorical and Jenks-discretised factors', () => {
  const result = geoDetector({
    y: ndviY, factors: [ndviFactor('Climatezone'), ndviFactor('Mining'), ndviFactor('Precipitation', 'jenks')],
  }, { detectors: ['interaction'] });
  const raw = rNdvi.interaction as { V1: string; V2: string; V3: string }[];
  const name = (n: string) => n.replace('_j5', '');
  const pairs = raw.filter((r) => r.V1 !== r.V2);
  assert.equal(result.interaction.length, pairs.length);
  for (const want of pairs) {
    const got = result.interaction.find((r) => r.factor1 === name(want.V1) && r.factor2 === name(want.V2))!;
    close(got.q12, Number(want.V3), 1e-12, `${want.V1}∩${want.V2}`);
  }
});

test('quantile (type 7) and equal-interval discretisation match classInt breaks, cut() classes and geodetector q, p', () => {
  const golden = readJson(`${CASE}/r_discretize.json`).cases as { column: string; style: 'quantile' | 'equal'; k: number; breaks: number[]; codes: number[]; q: number; p: number }[];
  assert.equal(golden.length, 24);
  for (const c of golden) {
    const label = `${c.column} ${c.style} ${c.k}`;
    const values = ndvi.map((r) => Number(r[c.column]));
    const got = discretize(values, c.style, c.k);
    const unique = [...new Set(c.breaks)];
    assert.equal(got.breaks.length, unique.length, label);
    got.breaks.forEach((b, i) => assert.ok(Math.abs(b - unique[i]) <= 1e-12 * Math.max(1, Math.abs(b)), `${label} break ${i}`));
    assert.deepEqual(Array.from(got.codes), c.codes, label);
    const factor = geoDetector({ y: ndviY, factors: [{ name: c.column, values, discretize: { method: c.style, classes: c.k } }] }, { detectors: ['factor'] }).factor[0];
    // q is 1 − SSW/SST: when it is near 0 (GDP in equal intervals, q ≈ 8e-4) rounding leaves ~1e-12 relative.
    close(factor.q, c.q, 1e-9, label);
    closeP(factor.p, c.p, label);
  }
});

test('the result is plain data: JSON round-trips it unchanged', () => {
  const result = geoDetector({ ...collectInput, factors: [...collectInput.factors, ndviFactorLike()] });
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
  assert.equal(result.discretization.length, 1);
  assert.equal(result.discretization[0].breaks.length, 4);
});

/** A continuous factor over CollectData's rows: the response's own rank, in 3 equal intervals. */
function ndviFactorLike(): GeoFactor {
  return { name: 'rank', values: collect.map((_, i) => i), discretize: { method: 'equal', classes: 3 } };
}

test('coded factors (Int32Array) and string labels give the same strata as numbers', () => {
  const coded = geoDetector({ y: collectInput.y, factors: [{ name: 'watershed', values: Int32Array.from(collect, (r) => Number(r.watershed)) }] }, { detectors: ['factor'] });
  const labels = geoDetector({ y: collectInput.y, factors: [{ name: 'watershed', values: collect.map((r) => `w${r.watershed}`) }] }, { detectors: ['factor'] });
  close(coded.factor[0].q, rOutputs.factor_detector[0].q, 1e-12);
  close(labels.factor[0].p, rOutputs.factor_detector[0].p, 1e-6);
});

test('bad input raises GeoDetectorInputError with a message that names the problem', () => {
  const y = [1, 2, 3, 4, 5, 6];
  const fails = (input: GeoDetectorInput, message: RegExp, options = {}) =>
    assert.throws(() => geoDetector(input, options), (e: unknown) => e instanceof GeoDetectorInputError && message.test(e.message));
  fails({ y, factors: [{ name: 'x', values: [1, 1, 1, 1, 1, 1] }] }, /factor "x" has a single stratum/);
  fails({ y: [2, 2, 2, 2], factors: [{ name: 'x', values: [1, 1, 2, 2] }] }, /y is constant/);
  fails({ y, factors: [{ name: 'x', values: [1, 1, 2, 2, 3] }] }, /factor "x" has 5 values but y has 6/);
  fails({ y: [1, 2, NaN, 4], factors: [{ name: 'x', values: [1, 1, 2, 2] }] }, /y has a missing or non-finite value \(NaN\) at row 3/);
  fails({ y: [1, null, 3, 4] as unknown as number[], factors: [{ name: 'x', values: [1, 1, 2, 2] }] }, /y has a missing or non-finite value \(null\) at row 2/);
  fails({ y, factors: [{ name: 'x', values: [1, 1, null, 2, 2, 2] as unknown as number[] }] }, /factor "x" has a missing value at row 3/);
  fails({ y, factors: [{ name: 'x', values: ['a', 'a', '', 'b', 'b', 'b'] }] }, /factor "x" has a missing value at row 3/);
  fails({ y, factors: [{ name: 'x', values: [1, 1, 2, 2, 2, 3] }] }, /^risk detector: factor "x" has strata with one observation \(3\); a t-test needs two in each stratum$/, { detectors: ['risk'], riskSingletons: 'error' });
  fails({ y, factors: [{ name: 'x', values: [1, 2, 3, 4, 5, 6] }] }, /factor "x" has 6 strata for 6 observations/);
  fails({ y, factors: [{ name: 'x', values: [1, 1, 2, 2, 3, 3] }] }, /the interaction detector needs at least 2 factors/, { detectors: ['interaction'] });
  fails({ y, factors: [{ name: 'x', values: [1, 1, 2, 2, 3, 3] }, { name: 'x', values: [1, 1, 1, 2, 2, 2] }] }, /factor "x" is given twice/);
  fails({ y, factors: [{ name: 'x', values: ['1', '2', 'a', '2', '1', '2'], discretize: { method: 'equal' } }] }, /non-number "1" at row 1/);
  fails({ y, factors: [{ name: 'x', values: [1, 1, 2, 2, 3, 3], discretize: { method: 'jenks', classes: 4 } }] }, /Jenks cannot form 4 classes from 3 distinct values/);
  fails({ y, factors: [] }, /at least one factor/);
  // GD drops one-observation strata, which can leave a single one.
  fails({ y, factors: [{ name: 'x', values: [1, 1, 1, 1, 1, 2] }] }, /fewer than 2 strata with more than one observation/, { convention: 'GD', detectors: ['factor'] });
});

test('the risk detector skips the pairs geodetector skips by default, and says so', () => {
  const result = geoDetector({ y: [1, 2, 3, 4, 5, 7], factors: [{ name: 'x', values: [1, 1, 2, 2, 2, 3] }] }, { detectors: ['risk'] });
  assert.deepEqual(result.risk[0].tests.map((t) => [t.stratum1, t.stratum2]), [['1', '2']]);
  assert.deepEqual(result.risk[0].means.map((m) => m.n), [2, 3, 1]);
  assert.ok(result.notes.some((n) => /one-observation strata skipped \(3\)/.test(n)));
});

test('risk detector significance: geodetector rounds the Welch df before taking the critical t, GD uses the p-value', () => {
  // R: t.test gives t = −3.9952, df = 2.2951, p = 0.04543; geodetector's risk_detector reports FALSE, since
  // |t| < qt(0.975, round(2.2951) = 2) = 4.303 although it exceeds qt(0.975, 2.2951) = 3.81.
  const input = { y: [0, 1, 2.2, 3.4, 3.7, 4.0], factors: [{ name: 'x', values: [1, 1, 1, 2, 2, 2] }] };
  const [geod] = geoDetector(input, { detectors: ['risk'] }).risk[0].tests;
  const [gd] = geoDetector(input, { detectors: ['risk'], convention: 'GD' }).risk[0].tests;
  close(geod.t, -3.9952, 1e-4);
  close(geod.df, 2.2951, 1e-4);
  close(geod.p, 0.04543, 1e-3);
  assert.equal(geod.significant, false);
  assert.equal(gd.significant, true);
});
