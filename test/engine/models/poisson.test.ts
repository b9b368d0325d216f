// HDFE Poisson PML against fixest 0.14.2 (test/oracles/econ: gravity_fepois_fixest.json, and
// gravity_ppml_separation_glm_oracle.json for the sample without the 9 separated observations) and the bad
// inputs a researcher can give. fixest stops at glm.tol = 1e-8 and so do we, on different iterates: the
// estimates agree to ~1e-7, p-values (which amplify t) to ~1e-5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { EstimationError, fepois, fitFepois, summarizeFit, type HdfeFrame } from '../../../server/src/engine/models/hdfe/index.ts';
import { readJson, readRecords } from '../../oracles/read.ts';
import { gravityFrame, readGravityPanel, readGravitySubset, subsetFrame } from './gravity.ts';
import { ECON, close } from './econOracles.ts';
import { assertMatchesVariant, VARIANTS } from './oracle.ts';

const oracle = readJson(`${ECON}/results/gravity_fepois_fixest.json`);
const panel = readGravityPanel();
const frame = gravityFrame(panel);
// fixest's sample: no separation check beyond the all-zero FE groups.
const fit = fitFepois(frame, { dropReluSeparated: false });
const byPair = summarizeFit(fit);

test('fepois on the gravity panel: sample, removed FE groups, coefficients, fit as fixest', () => {
  assert.equal(byPair.fit.n, oracle.nobs);
  assert.equal(byPair.fit.n_original - byPair.fit.n, oracle.obs_removed);
  assert.equal(byPair.fit.parameters, oracle.nparams);
  assert.deepEqual(Object.fromEntries(byPair.fixedEffects!.map((f) => [f.name, f.levels])), oracle.fixef_sizes);
  assert.deepEqual(Object.fromEntries(byPair.fixedEffects!.map((f) => [f.name, f.removed])), oracle.fixef_removed_counts);
  const keptRows = gunzipSync(readFileSync(`${ECON}/gravity_fepois_kept_rows.csv.gz`)).toString('utf8').trim().split('\n').slice(1).map(Number);
  assert.deepEqual(Array.from(fit.rows, (r) => r + 1), keptRows);
  assert.equal(byPair.statistic, 'z');
  for (const c of byPair.coefficients) close(c.estimate, oracle.coef[c.term], c.term, 1e-6);
  close(byPair.fit.loglik, oracle.loglik, 'loglik', 1e-6);
  close(byPair.fit.deviance, oracle.deviance, 'deviance', 1e-6);
  close(byPair.fit.ll_null, oracle.ll_null, 'll_null', 1e-9);
  close(byPair.fit.pseudo_r2, oracle.pseudo_r2, 'pseudo_r2', 1e-6);
});

const variants = VARIANTS({ name: 'i', codes: panel.i }, { name: 'j', codes: panel.j });
for (const [name, expected] of Object.entries(oracle.se_variants)) {
  test(`fepois standard errors, variant ${name}: se, z, p, vcov, K and G as fixest`, () => {
    assertMatchesVariant(summarizeFit(fit, variants[name]), expected as Parameters<typeof assertMatchesVariant>[1], { rel: 1e-6, pRel: 2e-5 });
  });
}

test('without the 9 separated observations: all-zero groups re-removed, SEs as fixest on that sample', () => {
  const sep = readJson(`${ECON}/results/gravity_ppml_separation_glm_oracle.json`);
  const separated = new Set(readRecords(`${ECON}/gravity_ppml_separated_rows.csv`).map((r) => Number(r.row) - 1));
  assert.deepEqual([...separated].map((r) => r + 1), sep.relu.separated_rows_1based);
  // The oracle fitted this sample with glm.tol = fixef.tol = 1e-11.
  const clean = fitFepois(subsetFrame(frame, (r) => !separated.has(r)), { glmTol: 1e-11, fixefTol: 1e-10, dropReluSeparated: false });
  const expected = sep.fepois_after_dropping_separated;
  const r = summarizeFit(clean);
  assert.equal(r.fit.n, expected.nobs);
  assert.deepEqual(Object.fromEntries(r.fixedEffects!.map((f) => [f.name, f.levels])), expected.fixef_sizes);
  assert.equal(r.fit.df_K, expected.df_K_default);
  r.coefficients.forEach((c) => {
    close(c.estimate, expected.coef[c.term], c.term, 1e-6);
    close(c.se, expected.se_cluster_ij_default[c.term], c.term, 1e-6);
  });
  summarizeFit(clean, { ssc: { adj: false } }).coefficients.forEach((c) => close(c.se, expected.se_cluster_ij_noKadj[c.term], c.term, 1e-6));
  close(r.fit.deviance, expected.deviance, 'deviance', 1e-7);
  close(r.fit.loglik, expected.loglik, 'loglik', 1e-7);
  // Dropping them moves the overlap SE from 0.385430 to 0.385347 (METHODS.md).
  assert.ok(Math.abs(r.coefficients[0].se - byPair.coefficients[0].se) > 5e-5);
});

function counts(): HdfeFrame {
  const firm = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3];
  const x = [0.1, 0.5, 0.9, 0.2, 0.4, 0.8, 0.3, 0.6, 0.7, 0.2, 0.5, 0.9];
  const y = [1, 2, 4, 0, 3, 2, 5, 6, 9, 0, 0, 0];
  return { y: Float64Array.from(y), X: [{ name: 'x', values: Float64Array.from(x) }], fe: [{ name: 'firm', codes: Int32Array.from(firm) }] };
}

test('a firm with only zero outcomes is removed and noted; without the FE and ReLU rules it is kept, to the same estimate', () => {
  const r = fepois(counts());
  assert.equal(r.fit.n, 9);
  assert.match(r.notes.join(' '), /3 observations removed because their fixed-effect group has only zero outcomes/);
  const kept = fepois(counts(), { dropAllZeroGroups: false, dropReluSeparated: false });
  assert.equal(kept.fit.n, 12);
  close(kept.coefficients[0].estimate, r.coefficients[0].estimate, 'x', 1e-4);
});

test('a fit stopped by the iteration cap is kept with a note, at the iterate fixest would return', () => {
  const capped = fepois(counts(), { glmMaxIter: 2 });
  assert.equal(capped.fit.iterations, 2);
  assert.match(capped.notes.join(' '), /did not converge in 2 iterations \(relative deviance change .* against a tolerance of 1e-8\)/);
  const converged = fepois(counts());
  assert.ok(converged.fit.iterations > 2);
  assert.doesNotMatch(converged.notes.join(' '), /did not converge/);
});

test('bad Poisson input gives an EstimationError a researcher understands', () => {
  const f = counts();
  const fails = (frame: HdfeFrame, pattern: RegExp, options = {}) =>
    assert.throws(() => fepois(frame, options), (e: unknown) => e instanceof EstimationError && pattern.test(e.message));
  fails({ ...f, y: Float64Array.from(f.y, (v, k) => (k === 2 ? -1 : v)) }, /non-negative outcome; "y" is -1 at row 2/);
  fails({ ...f, y: new Float64Array(12) }, /zero everywhere/);
  fails({ ...f, X: [{ name: 'firm_effect', values: Float64Array.from(f.fe[0].codes) }] }, /collinear with the fixed effects/);
  fails({ ...f, cluster: [{ name: 'country', codes: new Int32Array(12) }] }, /single cluster/);
});

test('separation (poisson_separation_R.json, R glm on the kept rows): an all-zero firm and a dummy that is 1 only where y = 0 are removed with notes, to 1e-6', () => {
  const ref = readJson(`${ECON}/results/poisson_separation_R.json`);
  const records = readRecords(`${ECON}/poisson_separation.csv`);
  const column = (name: string) => Float64Array.from(records, (r) => Number(r[name]));
  const frame: HdfeFrame = {
    y: column('y'),
    X: [{ name: 'x', values: column('x') }, { name: 'd', values: column('d') }],
    fe: [{ name: 'g', codes: Int32Array.from(records, (r) => Number(r.g)) }],
  };
  const r = fepois(frame);
  assert.equal(r.fit.n, ref.kept.nobs);
  assert.equal(r.fit.df_K, ref.kept.K);
  const notes = r.notes.join(' ');
  assert.match(notes, new RegExp(`${ref.separated_by_fe_rows_1based.length} observations removed because their fixed-effect group has only zero outcomes`));
  assert.match(notes, new RegExp(`6 observations with a zero outcome removed as separated .*: data rows ${ref.separated_by_regressor_rows_1based.join(', ')}\\.`));
  assert.match(notes, /collinearity .*"d"/);
  assert.deepEqual(r.coefficients.map((c) => c.term), ['x']);
  close(r.coefficients[0].estimate, ref.kept.coef_x, 'x', 1e-6);
  close(r.coefficients[0].se, ref.kept.se_x_iid_fixest, 'se(x)', 1e-6);
  close(r.fit.deviance, ref.kept.deviance, 'deviance', 1e-6);
  close(r.fit.loglik, ref.kept.loglik, 'loglik', 1e-6);
  // Without the check the dummy's coefficient runs off, as glm's does (the β = −25.8 symptom).
  const naive = fepois(frame, { dropReluSeparated: false });
  assert.ok(naive.coefficients.find((c) => c.term === 'd')!.estimate < -10);
});

test('separation by a combination of fixed effects alone: firm 0\'s zeros outside year 0, which only firm 0 has (z = D_firm0 − D_year0)', () => {
  // firm 0: positive in year 0 (twice), zero in years 1 and 2; firms 1–3: years 1 and 2, mixed outcomes.
  const firm = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3];
  const year = [0, 0, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2];
  const y = [3, 2, 0, 0, 1, 4, 0, 2, 5, 1, 3, 0, 2, 2, 1, 6];
  const x = [0.3, -0.2, 0.5, 0.1, 0.4, -0.6, 0.9, 0.2, -0.1, 0.7, 0.3, -0.4, 0.8, 0.05, -0.3, 0.6];
  const frame: HdfeFrame = {
    y: Float64Array.from(y),
    X: [{ name: 'x', values: Float64Array.from(x) }],
    fe: [{ name: 'firm', codes: Int32Array.from(firm) }, { name: 'year', codes: Int32Array.from(year) }],
  };
  const r = fepois(frame);
  assert.match(r.notes.join(' '), /2 observations with a zero outcome removed as separated .*: data rows 3, 4\./);
  // Removing separated rows leaves the estimate the unchecked fit runs towards (it only stops earlier).
  const unchecked = fepois(frame, { dropReluSeparated: false, glmTol: 1e-12, glmMaxIter: 200 });
  assert.equal(unchecked.fit.n, 16);
  const without = unchecked;
  close(r.coefficients[0].estimate, without.coefficients[0].estimate, 'x', 1e-6);
  assert.equal(r.fit.n, 14);
});

test('separation on the 11,625-row gravity subset: the certified rows are removed and the estimates stay those of the unchecked fit', () => {
  const sub = gravityFrame(readGravitySubset());
  const checked = fitFepois(sub, { glmTol: 1e-10 });
  const unchecked = fitFepois(sub, { glmTol: 1e-10, dropReluSeparated: false });
  // 43 separated rows, and 14 more singletons once they are gone.
  assert.deepEqual([unchecked.rows.length, checked.rows.length], [1200, 1143]);
  assert.match(checked.notes.join(' '), /43 observations with a zero outcome removed as separated/);
  assert.match(checked.notes.join(' '), /55 singleton observations removed/);
  checked.terms.forEach((t, k) => close(checked.beta[k], unchecked.beta[k], t, 1e-6));
});
