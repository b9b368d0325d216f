// plm's panel models, both Hausman tests and the geographical detector's spec options through the runner:
// within / random / pooling with `vcov:` and `type:` against plm_conventions_R.json (vcovHC through
// lmtest::coeftest, summary.plm's R², ercomp), phtest classic and regression-based with a robust covariance
// (both models' coefficients reported), and geodetector's risk detector on singleton strata
// (sna/11_geodetector_singletons), `p_value: accurate` and the interaction detector's strata counts. 1e-6.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { close, readEconJson } from '../engine/models/econOracles.ts';
import { readJson, SNA } from '../oracles/read.ts';
import { records, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('./fixtures/plm.study', import.meta.url));
const run = runSpec(SPEC);
const R = readEconJson('plm_conventions_R.json');
const SINGLETONS = readJson(`${SNA}/11_geodetector_singletons/expected.json`);

async function model(name: string) {
  const r = result(await run, name);
  assert.equal(r.status, 'ok', `${name}: ${r.error?.message}`);
  return r.model!;
}

function rowsMatch(m: Awaited<ReturnType<typeof model>>, coef: Record<string, number>, expected: { se: Record<string, number>; p: Record<string, number> }, label: string) {
  assert.deepEqual(m.coefficients.map((c) => c.term), Object.keys(expected.se), label);
  for (const c of m.coefficients) {
    close(c.estimate, coef[c.term], `${label} ${c.term}`);
    close(c.se, expected.se[c.term], `${label} se ${c.term}`);
    close(c.p, expected.p[c.term], `${label} p ${c.term}`);
  }
}

test('within, random and pooling with plm::vcovHC method and type, R² and adjusted R², RE components', async () => {
  const g = R.grunfeld;
  const fe = await model('fe');
  rowsMatch(fe, g.within.coef, g.within.classical, 'fe');
  close(fe.fit.adj_r2, g.within.adj_r2, 'within adjusted R²');
  assert.equal(fe.vcovType!.type, 'iid');
  const feSss = await model('fe_sss');
  rowsMatch(feSss, g.within.coef, g.within.robust.arellano_sss, 'fe arellano sss');
  assert.deepEqual(feSss.vcovType!.clusters, [{ name: 'firm', count: 10 }]);
  const re = await model('re_hc1');
  rowsMatch(re, g.random.coef, g.random.robust.arellano_HC1, 're arellano HC1');
  close(re.fit.r2, g.random.r2, 'random R²');
  close(re.fit.adj_r2, g.random.adj_r2, 'random adjusted R²');
  for (const k of ['sigma2_idios', 'sigma2_id', 'theta'] as const) close(re.fit[k], g.random_components[k], k);
  const pool = await model('pool_w2');
  rowsMatch(pool, g.pooling.coef, g.pooling.robust.white2_HC3, 'pooling white2 HC3');
  assert.match(pool.vcovType!.convention!, /^plm::vcovHC\(method = "white2", type = "HC3"\), squared residuals averaged within firm; t on 197 df/);
  // R's EmplUK terms are the logs as columns (lwage …), in the order of the spec's log(wage) …
  const byOrder = (terms: string[], rows: Record<string, number>) => Object.fromEntries(Object.values(rows).map((v, k) => [terms[k], v]));
  for (const [name, kind, variant] of [['empl_fe', 'within', 'white1_HC0'], ['empl_re', 'random', 'arellano_sss']] as const) {
    const m = await model(name);
    const terms = m.coefficients.map((c) => c.term);
    const expected = R.empluk[kind];
    const robust = expected.robust[variant];
    rowsMatch(m, byOrder(terms, expected.coef), { se: byOrder(terms, robust.se), p: byOrder(terms, robust.p) }, `EmplUK ${kind} ${variant}`);
  }
  const emplRe = await model('empl_re');
  for (const k of ['sigma2_idios', 'sigma2_id', 'theta_min', 'theta_mean', 'theta_max'] as const) close(emplRe.fit[k], R.empluk.random_components[k], `EmplUK ${k}`);
});

test('hausman both ways: classic and regression-based with arellano/sss, both models\' coefficients', async () => {
  const g = R.grunfeld;
  const classic = result(await run, 'classic');
  close(classic.model!.tests!.hausman.statistic, g.phtest_chisq.stat, 'classic χ²');
  close(classic.model!.tests!.hausman.p, g.phtest_chisq.p, 'classic p');
  for (const row of records(classic, 'coefficients')) close(row.estimate as number, g.within.coef[row.term as string], `within ${row.term}`);
  const random = records(classic, 'random');
  assert.deepEqual(random.map((r) => r.term), Object.keys(g.random.coef));
  for (const row of random) {
    close(row.estimate as number, g.random.coef[row.term as string], `random ${row.term}`);
    close(row.se as number, g.random.classical.se[row.term as string], `random se ${row.term}`);
  }
  close(classic.model!.fit.theta, g.random_components.theta, 'θ');
  const aux = await model('aux_robust');
  close(aux.tests!.hausman.statistic, g.phtest_aux_robust.arellano_sss.stat, 'aux χ²');
  close(aux.tests!.hausman.p, g.phtest_aux_robust.arellano_sss.p, 'aux p');
  assert.ok(aux.notes.some((n) => n.startsWith('regression-based Hausman test, vcov: plm::vcovHC(method = "arellano", type = "sss")')), aux.notes.join('\n'));
});

test('bad plm options fail at their place: `type` without a robust vcov, a robust vcov with the classic test, a `| fe` part', async () => {
  const text = `dataset grunfeld from "../../oracles/econ/Grunfeld.csv"
model typed = within(inv ~ value, data: grunfeld, index: firm) { type: sss }
model robust_classic = hausman(inv ~ value, data: grunfeld, index: firm) { vcov: arellano }
model absorbed = within(inv ~ value | firm, data: grunfeld)
`;
  const results = await runSpec(SPEC, text);
  const typed = result(results, 'typed').error!;
  assert.match(typed.message, /`type:` adjusts a robust covariance: set `vcov: arellano`, `white1` or `white2` too\./);
  assert.equal(typed.spec!.line, 2);
  const robust = result(results, 'robust_classic').error!;
  assert.match(robust.message, /a robust `vcov` needs `method: aux`/);
  assert.equal(robust.spec!.line, 3);
  const absorbed = result(results, 'absorbed').error!;
  assert.match(absorbed.message, /^within takes its individuals from `index:` \(as plm\), not from a `\| fixed effects` part: write `index: firm` instead\.$/);
  assert.equal(absorbed.spec!.line, 4);
});

test('geodetector risk detector skips singleton strata as geodetector does; `singletons: error` refuses them', async () => {
  const skip = result(await run, 'risk_skip');
  const means = records(skip, 'risk_means');
  assert.equal(means.length, SINGLETONS.strata);
  for (const want of SINGLETONS.means) {
    const got = means.find((m) => m.stratum === want.stratum)!;
    assert.equal(got.n, want.n);
    close(got.mean as number, want.mean, `mean ${want.stratum}`);
  }
  const tests = records(skip, 'risk_tests');
  assert.equal(tests.length, SINGLETONS.tests.length);
  for (const want of SINGLETONS.tests) {
    const got = tests.find((t) => t.stratum1 === want.stratum1 && t.stratum2 === want.stratum2)!;
    assert.ok(got, `${want.stratum1} vs ${want.stratum2}`);
    close(got.t as number, want.t, `t ${want.stratum1}/${want.stratum2}`);
    close(got.df as number, want.df, `df ${want.stratum1}/${want.stratum2}`);
    close(got.p as number, want.p, `p ${want.stratum1}/${want.stratum2}`);
    assert.equal(got.significant, want.significant, `significant ${want.stratum1}/${want.stratum2}`);
  }
  assert.ok(skip.notes.some((n) => n.includes(`one-observation strata skipped (${SINGLETONS.singleton_strata.join(', ')})`)), skip.notes.join('\n'));
  const [factor] = records(skip, 'factor');
  for (const k of ['q', 'F', 'lambda', 'p'] as const) close(factor[k] as number, SINGLETONS.factor[k], `factor ${k}`);
  const error = result(await run, 'risk_error').error!;
  assert.equal(error.message.includes(`has strata with one observation (${SINGLETONS.singleton_strata.join(', ')}); a t-test needs two in each stratum`), true, error.message);
  assert.doesNotMatch(error.message, /riskSkipSingletons|riskSingletons/);
});

test('geodetector `p_value: accurate` and the interaction detector\'s strata counts', async () => {
  const check = readJson(`${SNA}/03_geodetector_collectdata/py_check.json`);
  const accurate = result(await run, 'accurate');
  for (const row of records(accurate, 'factor')) close(row.p as number, check[row.factor as string].p_ncF_sampleVar, `accurate p ${row.factor}`, 1e-9);
  assert.ok(accurate.notes.some((n) => /p-values summed to full precision/.test(n)));
  const [inter] = records(accurate, 'interaction');
  const pair = check['watershed*elevation'];
  assert.deepEqual([inter.strata1, inter.strata2, inter.strata12, inter.singletons12], [check.watershed.L, check.elevation.L, pair.n_strata, pair.n_singleton_strata]);
});
