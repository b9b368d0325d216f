// Within, Swamy–Arora random effects and the Hausman test against plm (hausman_vif_corr_R.json): Grunfeld
// (chisq, regression-based, and regression-based with vcovHC white2/HC3) and the gravity pair panel
// (18,166 pairs × 15 years, where σ²_μ is truncated at 0); three small panels where V_FE − V_RE is or is not
// positive definite (hausman_not_pd_R.json: phtest and MASS::ginv); plus the inputs they must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ModelInputError } from '../../../server/src/engine/models/describe/frame.ts';
import type { ModelFrame } from '../../../server/src/engine/models/frame.ts';
import { generalizedForm, hausmanTest } from '../../../server/src/engine/models/panel/hausman.ts';
import { randomEffectsEstimator } from '../../../server/src/engine/models/panel/randomEffects.ts';
import { withinEstimator } from '../../../server/src/engine/models/panel/within.ts';
import type { ModelResult } from '../../../server/src/results/modelResult.ts';
import { close, column, intercept, numeric, readEconCsv, readEconJson } from './econOracles.ts';

const R = readEconJson('hausman_vif_corr_R.json');
const NOT_PD = readEconJson('hausman_not_pd_R.json');

function panelFrame(table: Record<string, string[]>, y: string, regressors: string[], individual: string, codes: Int32Array): ModelFrame {
  const n = table[y].length;
  return { y: numeric(table[y]), yName: y, X: [intercept(n), ...regressors.map((v) => column(v, numeric(table[v])))], fe: [{ name: individual, codes }] };
}

const grunfeldTable = readEconCsv('Grunfeld.csv');
const grunfeld = panelFrame(grunfeldTable, 'inv', ['value', 'capital'], 'firm', Int32Array.from(grunfeldTable.firm, Number));

function estimatesMatch(result: ModelResult, coef: Record<string, number>, se: Record<string, number>, label: string) {
  assert.deepEqual(result.coefficients.map((c) => c.term), Object.keys(coef), label);
  for (const c of result.coefficients) {
    close(c.estimate, coef[c.term], `${label} coef ${c.term}`);
    close(c.se, se[c.term], `${label} se ${c.term}`);
  }
}

function testMatches(got: { statistic: number | null; df: number; p: number | null }, expected: { stat: number; df: number; p: number }, label: string) {
  close(got.statistic, expected.stat, `${label} statistic`);
  assert.equal(got.df, expected.df, `${label} df`);
  close(got.p, expected.p, `${label} p`, 1e-6, 1e-300);
}

test('Grunfeld: within and Swamy–Arora random-effects coefficients, SEs, variance components and θ as plm', () => {
  const expected = R.hausman_grunfeld;
  estimatesMatch(withinEstimator(grunfeld), expected.fe_coef, expected.fe_se, 'within');
  const random = randomEffectsEstimator(grunfeld);
  estimatesMatch(random, expected.re_coef, expected.re_se, 'random');
  close(random.fit.sigma2_idios, expected.re_sigma2.idios, 'σ²_idios');
  close(random.fit.sigma2_id, expected.re_sigma2.id, 'σ²_id');
  close(random.fit.theta, expected.re_theta, 'θ');
});

test('Grunfeld: phtest chisq (2.3304 on 2 df, p = 0.3119), regression-based, and regression-based with white2/HC3', () => {
  const expected = R.hausman_grunfeld;
  const chisq = hausmanTest(grunfeld);
  testMatches(chisq, expected.phtest_chisq, 'chisq');
  assert.equal(chisq.method, 'Hausman test');
  testMatches(hausmanTest(grunfeld, { method: 'aux' }), expected.phtest_aux_regression, 'aux');
  testMatches(hausmanTest(grunfeld, { method: 'aux', auxVcov: { method: 'white2', type: 'HC3' } }), expected.phtest_aux_robust_HC, 'aux white2-HC3');
});

test('gravity pair panel (272,490 rows): within, random effects with σ²_μ truncated at 0, and the Hausman statistic', () => {
  const expected = R.hausman_gravity_pair_panel;
  const g = readEconCsv('gravity_panel.csv.gz');
  const pair = Int32Array.from(g.i, (i, k) => (Number(i) - 1) * 586 + Number(g.j[k]));
  const result = hausmanTest(panelFrame(g, 'y', ['overlap', 'lag', 'c1', 'c2'], 'pair', pair));
  estimatesMatch(result.within, expected.fe_coef, expected.fe_se, 'within');
  estimatesMatch(result.random, expected.re_coef, expected.re_se, 'random');
  close(result.random.fit.sigma2_idios, expected.re_sigma2.idios, 'σ²_idios');
  assert.equal(result.random.fit.sigma2_id, 0);
  assert.equal(result.random.fit.theta, expected.re_theta);
  assert.equal(result.within.fit.groups, 18166);
  testMatches(result, expected.phtest_chisq, 'chisq');
});

test('bad input: no or two individual indexes, too few individuals, nothing varying within', () => {
  assert.throws(() => hausmanTest({ ...grunfeld, fe: [] }), (e) => e instanceof ModelInputError && /exactly one individual index/.test(e.message));
  const firm = grunfeld.fe![0];
  assert.throws(() => hausmanTest({ ...grunfeld, fe: [firm, firm] }), /not 2/);
  // Three firms cannot identify a between regression with three coefficients.
  const rows = 60;
  const three = { y: grunfeld.y.subarray(0, rows), X: grunfeld.X.map((c) => ({ ...c, values: c.values.subarray(0, rows) })), fe: [{ name: 'firm', codes: firm.codes.subarray(0, rows) }] };
  assert.throws(() => hausmanTest(three), /too few individuals for random effects: 3 firm for 3/);
  assert.throws(() => hausmanTest({ ...three, fe: [{ name: 'firm', codes: new Int32Array(rows) }] }), /at least 2 individuals/);
  const firmMeans = column('firm_constant', Float64Array.from(firm.codes, (c) => c * 10));
  assert.throws(() => withinEstimator({ ...grunfeld, X: [grunfeld.X[0], firmMeans] }), /no regressor that varies within individuals/);
});

test('a regressor constant within individuals is dropped from the within model and noted', () => {
  const size = column('firm_size_class', Float64Array.from(grunfeld.fe![0].codes, (c) => c % 3));
  const within = withinEstimator({ ...grunfeld, X: [...grunfeld.X, size] });
  assert.deepEqual(within.coefficients.map((c) => c.term), ['value', 'capital']);
  assert.match(within.notes.join(), /dropped \(no variation within firm, or collinear\): firm_size_class/);
});

const panels = readEconCsv('hausman_panels.csv');

/** One case of hausman_panels.csv as a frame: y ~ x1 + x2, individual id. */
function notPdFrame(kind: string): ModelFrame {
  const rows = panels.case.flatMap((c, k) => (c === kind ? [k] : []));
  const pick = Object.fromEntries(Object.entries(panels).map(([name, values]) => [name, rows.map((k) => values[k])]));
  return panelFrame(pick, 'y', ['x1', 'x2'], 'id', Int32Array.from(pick.id, Number));
}

/** The within and random-effects coefficients and θ of a case, as plm. */
function modelsMatch(result: { within: ModelResult; random: ModelResult }, expected: { fe_coef: Record<string, number>; re_coef: Record<string, number>; re_theta: number }) {
  for (const [model, coef] of [[result.within, expected.fe_coef], [result.random, expected.re_coef]] as const) {
    for (const [term, b] of Object.entries(coef)) close(model.coefficients.find((c) => c.term === term)!.estimate, b, `${model.estimator} ${term}`);
  }
  close(result.random.fit.theta, expected.re_theta, 'θ', 1e-6, 1e-12);
}

test('V_FE − V_RE positive definite: the statistic is phtest\'s, with no note', () => {
  const expected = NOT_PD.cases.positive_definite;
  const result = hausmanTest(notPdFrame('positive_definite'));
  modelsMatch(result, expected);
  testMatches(result, expected.phtest, 'chisq');
  assert.deepEqual(result.notes, []);
  assert.equal(result.undefinedReason, undefined);
});

test('V_FE − V_RE not positive definite, positive form: the statistic on the generalised inverse, and a note', () => {
  const expected = NOT_PD.cases.not_pd_positive;
  assert.ok(Math.min(...expected.eigenvalues) < 0);
  const result = hausmanTest(notPdFrame('not_pd_positive'));
  modelsMatch(result, expected);
  testMatches(result, { stat: expected.ginv_form, df: expected.ginv_rank, p: expected.ginv_p }, 'ginv');
  // Of full rank, the generalised inverse is the inverse: phtest's figure.
  testMatches(result, expected.phtest, 'phtest');
  assert.equal(result.notes.length, 1);
  assert.match(result.notes[0], /^V_FE − V_RE is not positive definite \(eigenvalues [-0-9.e, ]+\): the statistic uses its generalised \(Moore–Penrose\) inverse, on 2 df\.$/);
});

test('V_FE − V_RE not positive definite, negative form: no statistic, no p, and the reason (phtest prints |form| instead)', () => {
  const expected = NOT_PD.cases.not_pd_negative;
  assert.ok(expected.ginv_form < 0);
  close(expected.phtest.stat, -expected.ginv_form, 'phtest reports the absolute value');
  const result = hausmanTest(notPdFrame('not_pd_negative'));
  modelsMatch(result, expected);
  assert.equal(result.statistic, null);
  assert.equal(result.p, null);
  assert.equal(result.df, 2);
  assert.match(result.notes[0], /not positive definite/);
  const shown = Number(/is negative \((-[0-9.]+)\)/.exec(result.undefinedReason!)![1]);
  close(shown, expected.ginv_form, 'form shown in the reason (6 digits)', 1e-5);
  assert.match(result.undefinedReason!, /^The Hausman test is undefined: .* do not meet the test's asymptotic assumptions\.$/);
});

test('the generalised form of a singular matrix: MASS::ginv\'s rank and value', () => {
  const expected = NOT_PD.ginv_singular;
  const form = generalizedForm(expected.vector, expected.matrix);
  assert.equal(form.rank, expected.rank);
  assert.equal(form.positiveDefinite, false);
  close(form.value, expected.form, 'v′S⁻v');
  // The third eigenvalue is zero up to rounding (R: 3e-17).
  expected.eigenvalues.forEach((e: number, k: number) => close(form.eigenvalues[k], e, `eigenvalue ${k}`, 1e-6, 1e-9));
  assert.throws(() => generalizedForm([1, 2], [[0, 0], [0, 0]]), /zero or not finite/);
});
