// Descriptives, Pearson correlation matrices and VIF against R: hausman_vif_corr_R.json (cor.test and car::vif
// on mtcars and the gravity panel), its Python cross-check, and describe_corr_airquality_R.json (missing values,
// pairwise and listwise deletion; made by scripts/describe_corr_airquality.R).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correlationMatrix } from '../../../server/src/engine/models/describe/correlation.ts';
import { describeColumns } from '../../../server/src/engine/models/describe/descriptives.ts';
import { ModelInputError } from '../../../server/src/engine/models/describe/frame.ts';
import type { NumericColumn } from '../../../server/src/engine/models/frame.ts';
import { varianceInflationFactors } from '../../../server/src/engine/models/describe/vif.ts';
import { close, column, intercept, numeric, readEconCsv, readEconJson } from './econOracles.ts';

const R = readEconJson('hausman_vif_corr_R.json');
const PY = readEconJson('vif_corr_python_crosscheck.json');
const GOLDEN = readEconJson('describe_corr_airquality_R.json');
const columnsOf = (table: Record<string, string[]>, names: string[]): NumericColumn[] => names.map((name) => column(name, numeric(table[name])));
const mtcars = readEconCsv('mtcars.csv');
const airquality = readEconCsv('airquality.csv'); // "NA" becomes NaN
let gravity: Record<string, string[]> | undefined;
const gravityColumns = (names: string[]) => columnsOf((gravity ??= readEconCsv('gravity_panel.csv.gz')), names);

function matrixMatches(actual: number[][], expected: number[][], what: string, floor?: number) {
  assert.equal(actual.length, expected.length);
  actual.forEach((row, a) => row.forEach((v, b) => close(v, expected[a][b], `${what}[${a}][${b}]`, 1e-6, floor)));
}

test('descriptives: N, mean, SD (n − 1), min, quartiles (type 7), max of mtcars and of airquality with missing values', () => {
  for (const [table, expected] of [[mtcars, GOLDEN.describe_mtcars], [airquality, GOLDEN.describe_airquality]] as const) {
    const names = Object.keys(expected);
    const got = describeColumns(columnsOf(table, names));
    assert.deepEqual(got.map((d) => d.name), names);
    for (const d of got) {
      for (const key of ['n', 'mean', 'sd', 'min', 'p25', 'median', 'p75', 'max'] as const) close(d[key], expected[d.name][key], `${d.name} ${key}`);
      assert.equal(d.missing, table[d.name].length - d.n);
    }
  }
  assert.equal(describeColumns(columnsOf(airquality, ['Ozone']))[0].missing, 37);
});

test('descriptives of an empty or single-valued column are NaN where R gives NA', () => {
  const [empty, single] = describeColumns([column('empty', [NaN]), column('single', [4])]);
  assert.equal(empty.n, 0);
  assert.ok(Number.isNaN(empty.mean));
  assert.equal(single.mean, 4);
  assert.ok(Number.isNaN(single.sd));
});

test('correlation matrix of mtcars: r and two-sided p as cor.test, stars at 0.1/0.05/0.01 by default', () => {
  const expected = R.corr_mtcars;
  const got = correlationMatrix(columnsOf(mtcars, expected.vars));
  assert.deepEqual(got.names, expected.vars);
  matrixMatches(got.r, expected.r, 'r');
  matrixMatches(got.p, expected.p, 'p');
  assert.ok(got.n.flat().every((n) => n === expected.n));
  // hp–drat: p = 0.00999 < 0.01 → ***; every other pair is far below 0.01 as well.
  assert.equal(got.stars[2][4], '***');
  assert.equal(got.stars[0][0], '');
  const strict = correlationMatrix(columnsOf(mtcars, expected.vars), { stars: [0.05, 0.01, 0.001] });
  assert.equal(strict.stars[2][4], '**');
  assert.equal(strict.stars[0][1], '***');
});

test('correlation matrix of the 272,490-row gravity panel: p-values down to 1.75e-247 and underflow to 0 as R', () => {
  const expected = R.corr_gravity;
  const got = correlationMatrix(gravityColumns(expected.vars));
  matrixMatches(got.r, expected.r, 'r');
  matrixMatches(got.p, expected.p, 'p', 1e-300);
  close(Math.min(...got.p.flat().filter((p) => p > 0)), PY.smallest_nonzero_p_gravity, 'smallest p (scipy)');
});

test('pairwise and listwise deletion of missing values (airquality)', () => {
  for (const deletion of ['pairwise', 'listwise'] as const) {
    const expected = GOLDEN[`corr_airquality_${deletion}`];
    const got = correlationMatrix(columnsOf(airquality, expected.vars), { deletion });
    assert.deepEqual(got.n, expected.n, `${deletion} n`);
    matrixMatches(got.r, expected.r, `${deletion} r`);
    matrixMatches(got.p, expected.p, `${deletion} p`);
  }
  assert.equal(correlationMatrix(columnsOf(airquality, ['Solar.R', 'Wind'])).stars[0][1], '', 'p = 0.18 earns no star');
});

test('correlation refuses a constant variable and pairs with fewer than 3 observations', () => {
  const x = column('x', [1, 2, 3, 4]);
  assert.throws(() => correlationMatrix([x, column('k', [5, 5, 5, 5])]), (e) => e instanceof ModelInputError && /k is constant/.test(e.message));
  assert.throws(() => correlationMatrix([x, column('sparse', [1, NaN, NaN, 2])]), /2 complete observations/);
  assert.throws(() => correlationMatrix([x, column('short', [1, 2])]), /short has 2 rows/);
});

test('VIF equals car::vif on mtcars and the gravity panel, and the statsmodels value with a constant', () => {
  const vifCase = (columns: NumericColumn[], expected: Record<string, number>) => {
    const got = varianceInflationFactors([intercept(columns[0].values.length), ...columns]);
    assert.deepEqual(got.map((v) => v.name), Object.keys(expected));
    for (const v of got) close(v.vif, expected[v.name], `VIF ${v.name}`);
  };
  vifCase(columnsOf(mtcars, ['disp', 'hp', 'wt', 'drat']), R.vif_mtcars.vif);
  vifCase(columnsOf(mtcars, ['disp', 'hp', 'wt', 'drat']), PY.vif_with_constant);
  vifCase(gravityColumns(['overlap', 'lag', 'c1', 'c2']), R.vif_gravity.vif);
});

test('VIF refuses perfect collinearity, a missing intercept and fewer than two regressors', () => {
  const [disp, hp] = columnsOf(mtcars, ['disp', 'hp']);
  const n = disp.values.length;
  const sum = column('disp_plus_hp', disp.values.map((v, i) => v + 2 * hp.values[i]));
  assert.throws(() => varianceInflationFactors([intercept(n), disp, hp, sum]), (e) => e instanceof ModelInputError && /perfect collinearity: disp_plus_hp is a linear combination/.test(e.message));
  assert.throws(() => varianceInflationFactors([disp, hp]), /needs a model with an intercept/);
  assert.throws(() => varianceInflationFactors([intercept(n), disp]), /at least 2 regressors/);
});
