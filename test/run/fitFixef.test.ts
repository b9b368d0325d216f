// Fit statistics, fixed-effect values and factor regressors of ols / poisson / negbin through the runner,
// against fixest's definitions computed in R from dummy-variable fits (lm, glm, MASS::glm.nb):
// test/oracles/econ/scripts/fit_fixef_factors.R. Tolerance 1e-6 relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { close, readEconJson } from '../engine/models/econOracles.ts';
import { records, result, runSpec } from './harness.ts';

const run = runSpec(fileURLToPath(new URL('./fixtures/fitFixef.study', import.meta.url)));
const oracle = readEconJson('fit_fixef_factors_R.json');

function model(name: string) {
  return run.then((r) => {
    const found = result(r, name);
    assert.equal(found.status, 'ok', found.error?.message);
    return found.model!;
  });
}

test('fit statistics as fixest defines them: OLS with and without fixed effects, Poisson and NB2 with two', async () => {
  for (const name of ['ols_fe', 'ols_plain', 'pois_fe', 'nb_fe']) {
    const m = await model(name);
    const expected = oracle[name].fit as Record<string, number>;
    assert.equal(m.fit.n, expected.n, `${name} n`);
    assert.equal(m.fit.parameters ?? m.fit.rank + 1, expected.K, `${name} K`);
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'n' || key === 'K') continue;
      close(m.fit[key], value, `${name} ${key}`);
    }
    for (const [term, value] of Object.entries(oracle[name].coef as Record<string, number>)) {
      close(m.coefficients.find((c) => c.term === term)!.estimate, value, `${name} ${term}`);
    }
  }
});

test('a table picks the fit statistics its stats: lists, in that order, then the SE type', async () => {
  const table = result(await run, 'fits').regression!;
  // The SE type row comes last when `stats:` names neither `se` nor `clusters`: every table says it.
  assert.deepEqual(table.stats.map((s) => s.key), ['n', 'loglik', 'aic', 'bic', 'sigma2', 'rmse', 'pseudo_r2', 'adj_pseudo_r2', 'sq_cor', 'deviance', 'null_deviance', 'vcov']);
  const aic = table.stats.find((s) => s.key === 'aic')!;
  ['ols_fe', 'ols_plain', 'pois_fe', 'nb_fe'].forEach((name, k) => close(aic.cells[k] as number, oracle[name].fit.aic, `${name} AIC in the table`));
  const sigma2 = table.stats.find((s) => s.key === 'sigma2')!;
  assert.deepEqual(sigma2.cells.slice(2), [null, null], 'σ² is an OLS statistic');
});

test('fixef: true reports every level as fixest\'s fixef(), the second FE\'s first-row level at 0', async () => {
  const results = await run;
  for (const name of ['ols_fe', 'pois_fe', 'nb_fe', 'ols_fe1']) {
    const expected = oracle[name].fixef as Record<string, Record<string, number>>;
    const r = result(results, name);
    assert.deepEqual(r.model!.fixef!.map((f) => [f.name, f.levels]), Object.entries(expected).map(([fe, levels]) => [fe, Object.keys(levels).sort()]), name);
    const rows = records(r, 'fixef');
    assert.equal(rows.length, Object.values(expected).reduce((s, levels) => s + Object.keys(levels).length, 0));
    for (const row of rows) {
      const value = expected[row.fixed_effect as string][row.level as string];
      if (value === 0) assert.ok(Math.abs(row.value as number) < 1e-12, `${name} ${row.fixed_effect}::${row.level} is the reference`);
      else close(row.value as number, value, `${name} ${row.fixed_effect}::${row.level}`);
    }
  }
  const ols = result(results, 'ols_fe');
  assert.deepEqual(ols.model!.fixef!.map((f) => f.references), [0, 1]);
  assert.ok(ols.notes.some((n) => n.includes('1 level of `sector` set to 0')), ols.notes.join('\n'));
  assert.equal(result(results, 'ols_plain').tables.fixef, undefined);
});

test('factors: i() with ref: on text and numbers, i(x, var) slopes per level, factor(), named as fixest prints them', async () => {
  for (const name of ['ols_factors', 'ols_factor_call', 'pois_factors', 'nb_factors']) {
    const m = await model(name);
    const expected = oracle[name].coef as Record<string, number>;
    assert.deepEqual(m.coefficients.map((c) => c.term).sort(), Object.keys(expected).sort(), `${name} terms`);
    for (const c of m.coefficients) close(c.estimate, expected[c.term], `${name} ${c.term}`);
  }
  assert.equal((await model('ols_factors')).fit.n, oracle.ols_factors.n);
  close((await model('nb_factors')).fit.theta, oracle.nb_factors.theta, 'θ');
});

test('a ref: level absent from the estimation sample is a run error at the level, listing the levels', async () => {
  const bad = result(await run, 'bad_ref');
  assert.equal(bad.status, 'error');
  assert.match(bad.error!.message, /`ref: "agri"` is not a level of `sector` in the estimation sample \(its levels: chem, elec, mech\)/);
  const text = readFileSync(fileURLToPath(new URL('./fixtures/fitFixef.study', import.meta.url)), 'utf8');
  const line = text.split('\n').findIndex((l) => l.startsWith('model bad_ref')) + 1;
  assert.deepEqual([bad.error!.spec!.line, bad.error!.spec!.column], [line, text.split('\n')[line - 1].indexOf('"agri"') + 1]);
});
