// NB2 (MASS::glm.nb) on MASS's quine against nb_quine_R.json (glm.nb, sandwich HC0, fixest::fenegbin) and
// nb_quine_statsmodels.json (statsmodels discrete NB2 and GLM-NB), plus the bad inputs it must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConvergenceError, ModelInputError } from '../../../server/src/engine/models/describe/frame.ts';
import type { ModelFrame } from '../../../server/src/engine/models/frame.ts';
import { negativeBinomial } from '../../../server/src/engine/models/negbin/negativeBinomial.ts';
import type { ModelResult } from '../../../server/src/results/modelResult.ts';
import { close, codes, column, dummy, intercept, numeric, readEconCsv, readEconJson } from './econOracles.ts';

const quine = readEconCsv('quine.csv');
const R = readEconJson('nb_quine_R.json');
const SM = readEconJson('nb_quine_statsmodels.json');
const n = quine.Days.length;
const main = [dummy('EthN', quine.Eth, 'N'), dummy('SexM', quine.Sex, 'M'), ...['F1', 'F2', 'F3'].map((a) => dummy(`Age${a}`, quine.Age, a)), dummy('LrnSL', quine.Lrn, 'SL')];
const mainFrame: ModelFrame = { y: numeric(quine.Days), yName: 'Days', X: [intercept(n), ...main] };
// interaction(Age, Lrn, drop = TRUE): levels F0.AL … F3.AL, F0.SL … F2.SL (F3.SL does not occur).
const cell = quine.Age.map((a, i) => `${a}.${quine.Lrn[i]}`);
const cellLevels = ['F0.AL', 'F1.AL', 'F2.AL', 'F3.AL', 'F0.SL', 'F1.SL', 'F2.SL'];
const base = [intercept(n), main[0], main[1]];

function coefficientsMatch(result: ModelResult, expected: { coef: Record<string, number> }, se: Record<string, number>, label: string) {
  const terms = Object.keys(expected.coef);
  assert.deepEqual(result.coefficients.map((c) => c.term), terms.filter((t) => t in se));
  for (const c of result.coefficients) {
    close(c.estimate, expected.coef[c.term], `${label} coef ${c.term}`);
    close(c.se, se[c.term], `${label} se ${c.term}`);
  }
}

function glmNbFitMatches(result: ModelResult, expected: Record<string, number>, label: string) {
  for (const key of ['theta', 'se_theta', 'alpha', 'loglik', 'deviance', 'aic', 'null_deviance', 'df_residual']) close(result.fit[key], expected[key], `${label} ${key}`);
  close(2 * result.fit.loglik, expected.twologlik, `${label} twologlik`);
  assert.equal(result.fit.iterations, expected.iter, `${label} iter`);
}

test('glm.nb(Days ~ Eth + Sex + Age + Lrn): coefficients, SEs, θ, SE(θ), α, log-likelihood, AIC, deviances, iter', () => {
  const result = negativeBinomial(mainFrame);
  const expected = R.glmnb_main;
  coefficientsMatch(result, expected, expected.se, 'glm.nb');
  glmNbFitMatches(result, expected, 'glm.nb');
  assert.equal(result.statistic, 'z');
  assert.equal(result.dependent, 'Days');
  const eth = result.coefficients[1];
  close(eth.stat, expected.coef.EthN / expected.se.EthN, 'z EthN');
  assert.ok(eth.p > 0.0001 && eth.p < 0.001 && eth.ciHigh < 0, 'EthN is significant at 0.1 % with a negative interval');
});

test('glm.nb with factor(Age:Lrn) as dummy columns, and the same cell as a fixed effect reported by its level count', () => {
  const expected = R.glmnb_fe_dummies;
  const cellDummies = cellLevels.slice(1).map((l) => dummy(`cell${l}`, cell, l));
  const asDummies = negativeBinomial({ y: mainFrame.y, X: [...base, ...cellDummies] });
  coefficientsMatch(asDummies, expected, expected.se, 'dummies');
  glmNbFitMatches(asDummies, expected, 'dummies');

  const asFixedEffect = negativeBinomial({ y: mainFrame.y, X: base, fe: [{ name: 'cell', codes: codes(cell, cellLevels) }] });
  const kept = { '(Intercept)': expected.se['(Intercept)'], EthN: expected.se.EthN, SexM: expected.se.SexM };
  coefficientsMatch(asFixedEffect, { coef: { '(Intercept)': expected.coef['(Intercept)'], EthN: expected.coef.EthN, SexM: expected.coef.SexM } }, kept, 'fe');
  glmNbFitMatches(asFixedEffect, expected, 'fe');
  assert.deepEqual(asFixedEffect.fixedEffects, [{ name: 'cell', levels: 7 }]);
  assert.equal(asFixedEffect.vcov?.length, 3);
});

test('fixed effects without an intercept column (as the formula layer builds them): the null deviance is R\'s intercept-only one', () => {
  const expected = R.glmnb_fe_dummies;
  const result = negativeBinomial({ y: mainFrame.y, X: [main[0], main[1]], fe: [{ name: 'cell', codes: codes(cell, cellLevels) }] });
  coefficientsMatch(result, { coef: { EthN: expected.coef.EthN, SexM: expected.coef.SexM } }, { EthN: expected.se.EthN, SexM: expected.se.SexM }, 'fe, no intercept');
  glmNbFitMatches(result, expected, 'fe, no intercept');
});

test('several fixed effects: Eth, Age and Lrn as fixed effects give the main model\'s SexM, θ and log-likelihood', () => {
  const fe = [['Eth', ['A', 'N']], ['Age', ['F0', 'F1', 'F2', 'F3']], ['Lrn', ['AL', 'SL']]] as const;
  const result = negativeBinomial({ y: mainFrame.y, X: [intercept(n), main[1]], fe: fe.map(([name, levels]) => ({ name, codes: codes(quine[name], [...levels]) })) });
  const expected = R.glmnb_main;
  coefficientsMatch(result, { coef: { '(Intercept)': expected.coef['(Intercept)'], SexM: expected.coef.SexM } }, { '(Intercept)': expected.se['(Intercept)'], SexM: expected.se.SexM }, 'three FE');
  glmNbFitMatches(result, expected, 'three FE');
  assert.deepEqual(result.fixedEffects, [{ name: 'Eth', levels: 2 }, { name: 'Age', levels: 4 }, { name: 'Lrn', levels: 2 }]);
});

test('HC0 SEs equal sandwich::vcovHC(glm.nb, type = "HC0") and, with the observed bread, statsmodels GLM-NB\'s', () => {
  coefficientsMatch(negativeBinomial(mainFrame, { vcov: 'HC0' }), R.glmnb_main, R.glmnb_main.se_HC0, 'HC0');
  const statsmodels = SM.glm_NB_alpha_fixed_at_1_over_theta_R;
  coefficientsMatch(negativeBinomial(mainFrame, { vcov: 'statsmodels-HC0' }), statsmodels, statsmodels.se_HC0, 'statsmodels HC0');
});

test("statsmodels' discrete NB2: observed-information SEs, α and its SE, SE(θ) by the delta method, log-likelihood", () => {
  const result = negativeBinomial(mainFrame, { vcov: 'statsmodels' });
  const expected = SM.discrete_NB2_mle;
  coefficientsMatch(result, expected, expected.se, 'statsmodels');
  close(result.fit.alpha, expected.alpha, 'alpha');
  close(result.fit.se_alpha, expected.se_alpha, 'se_alpha');
  close(result.fit.theta, expected.theta, 'theta');
  close(result.fit.se_theta, expected.se_theta_delta, 'se_theta_delta');
  close(result.fit.loglik, expected.loglik, 'loglik');
});

test('statsmodels GLM-NB with α fixed at 1/θ(MASS) has glm.nb\'s coefficients, SEs, deviance and log-likelihood', () => {
  const result = negativeBinomial(mainFrame);
  const expected = SM.glm_NB_alpha_fixed_at_1_over_theta_R;
  coefficientsMatch(result, expected, expected.se, 'GLM-NB');
  close(result.fit.deviance, expected.deviance, 'deviance');
  close(result.fit.loglik, expected.loglik, 'loglik');
  close(result.fit.alpha, expected.alpha, 'alpha');
});

test('fixest::fenegbin: the observed-information SEs with and without its (n − 1)/(n − K) adjustment, θ and its SE, log-likelihood', () => {
  for (const [label, X, fe, expected] of [
    ['main', mainFrame.X, undefined, R.fixest_fenegbin_main],
    ['fe', base, [{ name: 'cell', codes: codes(cell, cellLevels) }], R.fixest_fenegbin_fe],
  ] as const) {
    const frame = { y: mainFrame.y, X: [...X], fe: fe && [...fe] };
    for (const [vcov, se] of [['statsmodels', expected.se_iid_noKadj], ['fixest', expected.se_iid]] as const) {
      const result = negativeBinomial(frame, { vcov });
      // fenegbin absorbs the fixed effect, so it reports no intercept.
      for (const c of result.coefficients.filter((c) => c.term in expected.coef)) {
        close(c.estimate, expected.coef[c.term], `${label} ${vcov} coef ${c.term}`);
        close(c.se, se[c.term], `${label} ${vcov} se ${c.term}`);
      }
      close(result.fit.se_theta, se['.theta'], `${label} ${vcov} se theta`);
      close(result.fit.theta, expected.theta, `${label} theta`);
      close(result.fit.loglik, expected.loglik, `${label} loglik`);
      assert.equal(result.fit.n, expected.nobs);
    }
  }
});

test('a regressor collinear with others is dropped and noted, as glm.nb reports NA', () => {
  const twin = column('EthN_again', main[0].values);
  const result = negativeBinomial({ ...mainFrame, X: [...mainFrame.X, twin] });
  assert.ok(!result.coefficients.some((c) => c.term === 'EthN_again'));
  assert.ok(result.notes.some((note) => note.includes('dropped as collinear: EthN_again')));
  close(result.fit.theta, R.glmnb_main.theta, 'theta');
});

test('a fractional count outcome: glm.nb\'s coefficients, SEs, θ, SE(θ) and log-likelihood, with a note', () => {
  const expected = readEconJson('negbin_fractional_R.json');
  const data = readEconCsv('negbin_fractional.csv');
  const rows = data.y.length;
  const result = negativeBinomial({ y: numeric(data.y), yName: 'y', X: [intercept(rows), column('x1', numeric(data.x1)), column('x2', numeric(data.x2))] });
  coefficientsMatch(result, expected, expected.se, 'fractional');
  for (const key of ['theta', 'se_theta', 'loglik', 'deviance']) close(result.fit[key], expected[key], `fractional ${key}`);
  assert.equal(result.fit.iterations, expected.iter);
  assert.ok(result.notes.includes(`${expected.non_integer_rows} of ${rows} outcomes are not whole numbers: the likelihood is evaluated at non-integer y through lgamma, digamma and trigamma, as MASS::glm.nb and fixest::fenegbin do (a quasi-likelihood for fractional counts)`));
  // Whole counts keep their exact tabulated sums and carry no such note.
  assert.ok(!negativeBinomial(mainFrame).notes.some((note) => note.includes('not whole numbers')));
});

test('bad input: negative counts, missing values, mismatched lengths, no overdispersion', () => {
  const withY = (change: (y: Float64Array) => void) => {
    const y = Float64Array.from(mainFrame.y);
    change(y);
    return { ...mainFrame, y };
  };
  assert.throws(() => negativeBinomial(withY((y) => (y[3] = -1))), (e) => e instanceof ModelInputError && /non-negative counts; row 4 has -1/.test(e.message));
  assert.throws(() => negativeBinomial(withY((y) => (y[0] = -0.5))), (e) => e instanceof ModelInputError && /row 1 has -0.5/.test(e.message));
  assert.throws(() => negativeBinomial(withY((y) => (y[0] = NaN))), ModelInputError);
  assert.throws(() => negativeBinomial({ ...mainFrame, X: [column('short', [1, 2, 3])] }), /short has 3 rows/);
  // Counts that are exactly Poisson-like have θ → ∞: theta.ml cannot converge.
  const equidispersed = Float64Array.from({ length: 200 }, (_, i) => [3, 4, 5, 4, 3, 5][i % 6]);
  assert.throws(() => negativeBinomial({ y: equidispersed, X: [intercept(200)] }), ConvergenceError);
});
