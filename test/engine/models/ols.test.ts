// HDFE OLS against fixest 0.14.2 (test/oracles/econ: gravity_feols_fixest.json on the 272,490-row gravity
// panel, gravity_subset_top25j_dummies_vs_fixest.json on its 11,625-row subset) and the bad inputs a
// researcher can give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EstimationError, feols, fitFeols, REGHDFE_SSC, summarizeFit, type HdfeFrame, type InferenceOptions } from '../../../server/src/engine/models/hdfe/index.ts';
import type { ModelResult } from '../../../server/src/results/modelResult.ts';
import { readJson } from '../../oracles/read.ts';
import { gravityFrame, readGravityPanel, readGravitySubset } from './gravity.ts';
import { ECON, close } from './econOracles.ts';
import { assertMatchesVariant, VARIANTS } from './oracle.ts';

const oracle = readJson(`${ECON}/results/gravity_feols_fixest.json`);
const panel = readGravityPanel();
const frame = gravityFrame(panel);
const fit = fitFeols(frame);
const byPair = summarizeFit(fit);

test('feols on the gravity panel: coefficients, sample and FE sizes as fixest', () => {
  for (const c of byPair.coefficients) close(c.estimate, oracle.coef[c.term], c.term, 1e-9);
  assert.equal(byPair.fit.n, oracle.nobs);
  assert.equal(byPair.fit.parameters, oracle.nparams);
  assert.deepEqual(Object.fromEntries(byPair.fixedEffects!.map((f) => [f.name, f.levels])), oracle.fixef_sizes);
  assert.deepEqual(byPair.notes, []);
});

test('feols: R², adjusted R², within R², within adjusted R², RMSE and sums of squares as fixest', () => {
  const f = byPair.fit;
  close(f.r2, oracle.fitstat.r2, 'r2', 1e-9);
  close(f.adj_r2, oracle.fitstat.ar2, 'ar2', 1e-9);
  close(f.within_r2, oracle.fitstat.wr2, 'wr2', 1e-9);
  close(f.within_adj_r2, oracle.fitstat.war2, 'war2', 1e-9);
  close(f.rmse, oracle.fitstat.rmse, 'rmse', 1e-9);
  close(f.ssr, oracle.ssr, 'ssr', 1e-9);
  close(f.tss, oracle.ssr_null, 'tss', 1e-9);
  close(f.ssr_fe_only, oracle.ssr_fe_only, 'ssr_fe_only', 1e-9);
});

test('fixef on the gravity panel\'s three fixed effects: every level, one free dimension, the fitted sums reproduced', () => {
  const withValues = fitFeols(frame, { fixef: true });
  const values = withValues.fixef!;
  assert.deepEqual(values.map((f) => [f.name, f.levels.length]), Object.entries(oracle.fixef_sizes));
  assert.equal(values[0].references, 0, 'the first FE has no reference');
  assert.ok(values[1].references >= 1 && values[2].references >= 1);
  // With the levels' values the residuals y − Xβ − Σ_q α_q must give fixest's SSR.
  const byLabel = values.map((f) => new Map(f.levels.map((l, k) => [l, f.values[k]])));
  let ssr = 0;
  for (let r = 0; r < panel.n; r++) {
    // This frame's factors carry no labels: a level is named by its code.
    const effects = byLabel.reduce((s, m, q) => s + m.get(String(frame.fe[q].codes[r]))!, 0);
    ssr += (panel.y[r] - panel.X.reduce((s, x, k) => s + withValues.beta[k] * x.values[r], 0) - effects) ** 2;
  }
  close(ssr, oracle.ssr, 'SSR from the fixed-effect values', 1e-6);
});

const i = { name: 'i', codes: panel.i };
const j = { name: 'j', codes: panel.j };
for (const [name, options] of Object.entries(VARIANTS(i, j))) {
  const expected = oracle.se_variants[name];
  test(`feols standard errors, variant ${name}: se, t, p, vcov, K and G as fixest`, () => {
    assertMatchesVariant(summarizeFit(fit, options), expected, { rel: 1e-9, pRel: 1e-7 });
  });
}

test("reghdfe's conventions count the redundancy between i^t and j^t exactly (K = 9,244)", () => {
  assert.equal(summarizeFit(fit, { ssc: REGHDFE_SSC }).fit.df_K, 9244);
});

test("feols on the 11,625-row subset matches fixest (its full-K variant equals estimatr's stata SEs)", () => {
  const sub = readJson(`${ECON}/results/gravity_subset_top25j_dummies_vs_fixest.json`);
  const s = gravityFrame(readGravitySubset());
  const m = fitFeols(s);
  const check = (r: ModelResult, se: Record<string, number>) => r.coefficients.forEach((c) => close(c.se, se[c.term], c.term, 1e-9));
  const def = summarizeFit(m);
  def.coefficients.forEach((c) => close(c.estimate, sub.fixest.coef[c.term], c.term, 1e-9));
  check(def, sub.fixest.se_cluster_default);
  assert.equal(def.fit.df_K, sub.fixest.df_K_default);
  check(summarizeFit(m, { ssc: { fixefK: 'full' } }), sub.fixest.se_cluster_full);
  for (const [k, key] of [['r2', 'r2'], ['adj_r2', 'ar2'], ['within_r2', 'wr2'], ['within_adj_r2', 'war2']] as const) close(def.fit[k], sub.fixest[key], k, 1e-9);
});


// Small hand-made frames for the rules and the errors.
function smallFrame(): HdfeFrame {
  // 3 firms × 4 years, one regressor with within variation, plus a lone observation of firm 3 in year 5.
  const firm = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3];
  const year = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 4];
  const x = [1, 3, 2, 5, 2, 2, 4, 1, 0, 3, 1, 2, 7];
  const y = x.map((v, k) => 0.5 * v + firm[k] + 0.1 * year[k] + 0.3 * Math.sin(k * 7));
  return {
    y: Float64Array.from(y),
    X: [{ name: 'x', values: Float64Array.from(x) }],
    fe: [
      { name: 'firm', codes: Int32Array.from(firm) },
      { name: 'year', codes: Int32Array.from(year) },
    ],
  };
}

test('singletons are removed repeatedly by default and noted; dropSingletons: false keeps them', () => {
  const dropped = feols(smallFrame());
  assert.equal(dropped.fit.n, 12);
  assert.match(dropped.notes.join(' '), /1 singleton observations removed/);
  assert.equal(feols(smallFrame(), { dropSingletons: false }).fit.n, 13);
});

test('a regressor collinear with the fixed effects is dropped with a note; all collinear is an error', () => {
  const f = smallFrame();
  const firmOnly = Float64Array.from(f.fe[0].codes, (c) => 2 * c + 1);
  const r = feols({ ...f, X: [...f.X, { name: 'firm_size', values: firmOnly }] });
  assert.deepEqual(r.coefficients.map((c) => c.term), ['x']);
  assert.match(r.notes.join(' '), /collinearity.*"firm_size"/);
  assert.throws(() => feols({ ...f, X: [{ name: 'firm_size', values: firmOnly }] }), (e: unknown) => e instanceof EstimationError && /collinear with the fixed effects/.test(e.message));
});

test('weights: doubling every weight leaves the coefficients unchanged', () => {
  const f = smallFrame();
  const a = feols(f);
  const b = feols({ ...f, weights: new Float64Array(f.y.length).fill(2) });
  a.coefficients.forEach((c, k) => close(b.coefficients[k].estimate, c.estimate, c.term, 1e-10));
});

test('bad input gives an EstimationError a researcher understands', () => {
  const f = smallFrame();
  const fails = (frame: HdfeFrame, pattern: RegExp, options: InferenceOptions = {}) =>
    assert.throws(() => feols(frame, options), (e: unknown) => e instanceof EstimationError && pattern.test(e.message));
  fails({ ...f, y: Float64Array.from(f.fe[0].codes, (c) => c * 3) }, /no variation within the fixed-effect groups/);
  fails({ ...f, cluster: [{ name: 'country', codes: new Int32Array(13) }] }, /single cluster/);
  fails({ ...f, X: [] }, /no regressors/);
  fails({ ...f, y: Float64Array.from(f.y, (v, k) => (k === 4 ? NaN : v)) }, /missing or non-finite value at row 4/);
  fails({ ...f, X: [{ name: 'x', values: new Float64Array(3) }] }, /has 3 values but the outcome has 13/);
  fails({ ...f, weights: new Float64Array(13) }, /Weights must be positive/);
});
