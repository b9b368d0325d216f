// Model declarations through the runner reproduce the reference tools: fixest (OLS and PPML with three
// interacted fixed effects, clustered and HC1), MASS::glm.nb with text regressors as dummies, and
// geodetector's factor and interaction detectors — the numbers a user gets from `innograph run`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { close, readEconJson } from '../engine/models/econOracles.ts';
import { readJson, SNA } from '../oracles/read.ts';
import { records, result, runSpec } from './harness.ts';

const run = runSpec(fileURLToPath(new URL('./fixtures/econ.study', import.meta.url)));

function coefficients(name: string) {
  return run.then((r) => {
    const model = result(r, name).model;
    assert.ok(model, `${name} has a model`);
    return { model, byTerm: new Map(model.coefficients.map((c) => [c.term, c])) };
  });
}

test('every declaration runs', async () => {
  const results = await run;
  assert.deepEqual(results.results.map((r) => [r.name, r.status, r.error?.message]), [
    ['ols_gravity', 'ok', undefined], ['ppml_gravity', 'ok', undefined], ['hetero_gravity', 'ok', undefined], ['cg_gravity', 'ok', undefined],
    ['nb_quine', 'ok', undefined], ['nb_fractional', 'ok', undefined], ['ppml_separated', 'ok', undefined], ['ppml_capped', 'ok', undefined],
    ['ppml_contradictory', 'error', '`separation: none` cannot be combined with other checks.'],
    ['ols_exact', 'ok', undefined], ['ols_twoway_conventional', 'ok', undefined], ['detector', 'ok', undefined], ['bb98', 'ok', undefined], ['mediated', 'ok', undefined], ['inflation', 'ok', undefined], ['fe_or_re', 'ok', undefined], ['fe_re_undefined', 'ok', undefined], ['gravity_table', 'ok', undefined],
  ]);
});

test('ols: fixest feols with i^t + j^t + i^j, clustered by i^j and HC1', async () => {
  const oracle = readEconJson('gravity_feols_fixest.json');
  for (const [name, variant] of [['ols_gravity', 'cluster_ij_default'], ['hetero_gravity', 'hetero_default'], ['cg_gravity', 'cluster_ij_default']] as const) {
    const { model, byTerm } = await coefficients(name);
    assert.equal(model.fit.n, oracle.nobs);
    for (const [term, estimate] of Object.entries(oracle.coef as Record<string, number>)) {
      close(byTerm.get(term)!.estimate, estimate, `${name} ${term}`);
      close(byTerm.get(term)!.se, oracle.se_variants[variant].se[term], `${name} SE ${term}`);
    }
  }
  const { model } = await coefficients('ols_gravity');
  assert.deepEqual(model.fixedEffects?.map((f) => [f.name, f.levels]), Object.entries(oracle.fixef_sizes));
  assert.equal(model.vcovType?.clusters?.[0].count, oracle.se_variants.cluster_ij_default.G);
});

test('solver: cg reaches the model and says so in a note; the default adds none', async () => {
  assert.match((await coefficients('cg_gravity')).model.notes.join(' '), /conjugate gradients .* as `solver: cg` asks/);
  assert.doesNotMatch((await coefficients('ols_gravity')).model.notes.join(' '), /conjugate gradients/);
});

test('poisson: fixest fepois, clustered by i^j, all-zero groups removed and noted', async () => {
  const oracle = readEconJson('gravity_fepois_fixest.json');
  const { model, byTerm } = await coefficients('ppml_gravity');
  assert.equal(model.fit.n, oracle.nobs);
  close(model.fit.pseudo_r2, oracle.pseudo_r2, 'pseudo R²');
  for (const [term, estimate] of Object.entries(oracle.coef as Record<string, number>)) {
    close(byTerm.get(term)!.estimate, estimate, term);
    close(byTerm.get(term)!.se, oracle.se_variants.cluster_ij_default.se[term], `SE ${term}`);
  }
  assert.ok(model.notes.some((n) => /only zero outcomes/.test(n)), model.notes.join('\n'));
});

test('poisson separation: the all-zero firm and the rows d separates are removed and listed, the rest as R glm', async () => {
  const oracle = readEconJson('poisson_separation_R.json');
  const { model, byTerm } = await coefficients('ppml_separated');
  assert.equal(model.fit.n, oracle.kept.nobs);
  close(byTerm.get('x')!.estimate, oracle.kept.coef_x, 'x');
  close(byTerm.get('x')!.se, oracle.kept.se_x_iid_fixest, 'SE x');
  assert.ok(model.notes.some((n) => n.endsWith(`data rows ${oracle.separated_by_regressor_rows_1based.join(', ')}.`)), model.notes.join('\n'));
  const capped = await coefficients('ppml_capped');
  assert.equal(capped.model.fit.iterations, 2);
  assert.ok(capped.model.notes.some((n) => /did not converge in 2 iterations/.test(n)), capped.model.notes.join('\n'));
});

test('ssc_* options override the dof preset: exact K with all fixed effects, conventional two-way factors', async () => {
  const oracle = readEconJson('ssc_exact_3fe_R.json');
  for (const [name, variant] of [['ols_exact', 'cluster_firm_full_exact'], ['ols_twoway_conventional', 'twoway_conventional']] as const) {
    const { model, byTerm } = await coefficients(name);
    const expected = oracle.variants[variant];
    assert.equal(model.fit.df_K, expected.K, name);
    assert.equal(model.fit.df_t, expected.df, name);
    for (const term of ['x1', 'x2']) close(byTerm.get(term)!.se, expected.se[term], `${name} SE ${term}`);
  }
});

test('fit statistics on the gravity panel from fixest\'s own nparams, logLik, ll_null and SSR (AIC = −2LL + 2K, BIC, apr2)', async () => {
  const pois = readEconJson('gravity_fepois_fixest.json');
  const { model: ppml } = await coefficients('ppml_gravity');
  assert.equal(ppml.fit.parameters, pois.nparams);
  close(ppml.fit.loglik, pois.loglik, 'Poisson logLik');
  close(ppml.fit.ll_null, pois.ll_null, 'Poisson ll_null');
  close(ppml.fit.aic, -2 * pois.loglik + 2 * pois.nparams, 'Poisson AIC');
  close(ppml.fit.bic, -2 * pois.loglik + pois.nparams * Math.log(pois.nobs), 'Poisson BIC');
  close(ppml.fit.adj_pseudo_r2, 1 - (pois.loglik - pois.nparams + 1) / pois.ll_null, 'Poisson apr2');
  const ols = readEconJson('gravity_feols_fixest.json');
  const { model: feols } = await coefficients('ols_gravity');
  assert.equal(feols.fit.parameters, ols.nparams);
  const loglik = -(ols.nobs / 2) * (Math.log(2 * Math.PI) + Math.log(ols.ssr / ols.nobs) + 1); // logLik.fixest
  close(feols.fit.loglik, loglik, 'OLS logLik');
  close(feols.fit.aic, -2 * loglik + 2 * ols.nparams, 'OLS AIC');
  close(feols.fit.sigma2, ols.ssr / (ols.nobs - ols.nparams), 'OLS σ²');
  close(feols.fit.rmse, ols.fitstat.rmse, 'OLS RMSE');
});

test('negbin: MASS::glm.nb with text regressors as dummies against the first level', async () => {
  const oracle = readEconJson('nb_quine_R.json').glmnb_main;
  const { model } = await coefficients('nb_quine');
  const rTerms = Object.keys(oracle.coef);
  assert.deepEqual(model.coefficients.map((c) => c.term), ['(Intercept)', 'Eth::N', 'Sex::M', 'Age::F1', 'Age::F2', 'Age::F3', 'Lrn::SL']);
  model.coefficients.forEach((c, k) => {
    close(c.estimate, oracle.coef[rTerms[k]], c.term);
    close(c.se, oracle.se[rTerms[k]], `SE ${c.term}`);
  });
  close(model.fit.theta, oracle.theta, 'θ');
});

test('negbin on a fractional count outcome: MASS::glm.nb\'s estimates, and a note that y is not whole', async () => {
  const oracle = readEconJson('negbin_fractional_R.json');
  const { model, byTerm } = await coefficients('nb_fractional');
  for (const [term, estimate] of Object.entries(oracle.coef as Record<string, number>)) {
    close(byTerm.get(term)!.estimate, estimate, term);
    close(byTerm.get(term)!.se, oracle.se[term], `SE ${term}`);
  }
  close(model.fit.theta, oracle.theta, 'θ');
  assert.ok(model.notes.some((n) => n.startsWith(`${oracle.non_integer_rows} of 60 outcomes are not whole numbers`)));
});

test('geodetector: q and p of each factor, interaction q', async () => {
  const oracle = readJson(`${SNA}/03_geodetector_collectdata/r_outputs.json`);
  const detector = result(await run, 'detector');
  const factors = new Map(records(detector, 'factor').map((r) => [r.factor, r]));
  for (const f of oracle.factor_detector) {
    close(factors.get(f.x)!.q as number, f.q, `q ${f.x}`);
    close(factors.get(f.x)!.p as number, f.p, `p ${f.x}`);
  }
  const q12 = records(detector, 'interaction').find((r) => r.factor1 === 'watershed' && r.factor2 === 'elevation')!.q12 as number;
  close(q12, Number(oracle.interaction_detector_raw[0].V3), 'q(watershed ∩ elevation)');
});

test('sysgmm: plm::pgmm two-step system GMM (Windmeijer SEs), time dummies by year', async () => {
  const oracle = readEconJson('pgmm_empluk_plm_2.6-6_cran.json').models.BB98_twosteps_sys;
  const { model, byTerm } = await coefficients('bb98');
  const names: Record<string, string> = {
    'lag(log(emp), 1)': 'l(log(emp), 1)', 'lag(log(wage), 0:1)0': 'log(wage)', 'lag(log(wage), 0:1)1': 'l(log(wage), 1)',
    'lag(log(capital), 0:1)0': 'log(capital)', 'lag(log(capital), 0:1)1': 'l(log(capital), 1)',
  };
  for (const [term, estimate] of Object.entries(oracle.coef as Record<string, number>)) {
    const ours = byTerm.get(names[term] ?? term);
    assert.ok(ours, `missing ${term}`);
    close(ours.estimate, estimate, term);
    close(ours.se, oracle.se_robust[term], `SE ${term}`);
  }
  assert.equal(model.fit.instruments, oracle.n_instruments);
  assert.equal(model.fit.groups, oracle.n_groups);
});

test('mediation: the three equations and the Sobel test as R lm; a seeded bootstrap interval', async () => {
  const oracle = readEconJson('mediation_mtcars_R.json');
  const mediated = result(await run, 'mediated');
  const effects = new Map(records(mediated, 'effects').map((r) => [r.effect as string, r]));
  for (const [effect, key] of [['total (c)', 'total'], ['a (x → m)', 'a'], ['b (m → y)', 'b'], ['direct (c′)', 'direct']] as const) {
    close(effects.get(effect)!.estimate as number, oracle[key][0], effect);
    close(effects.get(effect)!.se as number, oracle[key][1], `SE ${effect}`);
  }
  const indirect = effects.get('indirect (a·b)')!;
  close(indirect.estimate as number, oracle.indirect, 'a·b');
  close(indirect.se as number, oracle.sobel_se, 'Sobel SE');
  close(indirect.p as number, oracle.sobel_p, 'Sobel p');
  assert.ok((indirect.ci_low as number) < oracle.indirect && oracle.indirect < (indirect.ci_high as number));
  const again = result(await runSpec(fileURLToPath(new URL('./fixtures/econ.study', import.meta.url))), 'mediated');
  assert.deepEqual(records(again, 'effects'), records(mediated, 'effects'), 'the bootstrap is seeded');
});

test('vif and hausman: car::vif and plm::phtest (within estimates with the χ² test)', async () => {
  const oracle = readEconJson('hausman_vif_corr_R.json');
  const vif = records(result(await run, 'inflation'), 'vif');
  assert.deepEqual(vif.map((r) => r.variable), Object.keys(oracle.vif_mtcars.vif));
  for (const r of vif) close(r.vif as number, oracle.vif_mtcars.vif[r.variable as string], `VIF ${r.variable}`);
  const { model, byTerm } = await coefficients('fe_or_re');
  const h = oracle.hausman_grunfeld;
  close(model.tests!.hausman.statistic, h.phtest_chisq.stat, 'χ²');
  close(model.tests!.hausman.p, h.phtest_chisq.p, 'p');
  for (const term of ['value', 'capital']) {
    close(byTerm.get(term)!.estimate, h.fe_coef[term], term);
    close(byTerm.get(term)!.se, h.fe_se[term], `SE ${term}`);
  }
});

test('hausman where V_FE − V_RE is far from positive definite: no χ², the reason in the test and the notes', async () => {
  const { model } = await coefficients('fe_re_undefined');
  const test = model.tests!.hausman;
  assert.deepEqual([test.statistic, test.p, test.df], [null, null, 2]);
  assert.match(test.reason!, /^The Hausman test is undefined: .* is negative \(-4\.22385\)/);
  assert.ok(model.notes.some((n) => n.startsWith('V_FE − V_RE is not positive definite')));
  assert.ok(model.notes.some((n) => n.startsWith(test.reason!)));
  assert.ok(!model.notes.some((n) => /χ²/.test(n)));
});

test('table: models side by side with the stats asked for, in order', async () => {
  const table = result(await run, 'gravity_table').regression!;
  assert.deepEqual(table.models.map((m) => [m.name, m.estimator, m.dependent]), [['ols_gravity', 'feols', 'y'], ['ppml_gravity', 'fepois', 'y']]);
  assert.deepEqual(table.coefficients.map((c) => c.term), ['overlap', 'lag', 'c1', 'c2']);
  assert.deepEqual(table.stats.map((s) => s.key), ['n', 'r2', 'within_r2', 'pseudo_r2', 'fe:i^t', 'fe:j^t', 'fe:i^j', 'vcov', 'clusters:i^j']);
  assert.deepEqual(table.stats.find((s) => s.key === 'fe:i^j')!.cells, ['Yes', 'Yes']);
});

test('bad models fail alone, each with a clear message at its place in the spec', async () => {
  const spec = fileURLToPath(new URL('./fixtures/econ.study', import.meta.url));
  const text = `dataset quine from "../../oracles/econ/quine.csv"
model empty = ols(Days ~ Lrn, data: quine) { where: Days < 0 }
model absorbed = ols(Days ~ Eth | Eth, data: quine)
model fine = ols(Days ~ Lrn, data: quine)
`;
  const results = await runSpec(spec, text);
  const error = (name: string) => result(results, name).error!;
  assert.match(error('empty').message, /empty cannot be estimated|no observations|observation/i);
  assert.match(error('absorbed').message, /absorbed cannot be estimated: .*collinear/);
  assert.equal(error('absorbed').spec!.line, 3);
  assert.equal(result(results, 'fine').status, 'ok');
});
