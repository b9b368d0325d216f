// evaluate: arithmetic, transforms, lags by the panel index, conditions, and the errors a spec can cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, Evaluator, FormulaError, variables } from '../../../../server/src/engine/models/formula/index.ts';
import { expr } from './exprText.ts';
import { table } from './table.ts';

// Unit 7 has periods 1, 2, 4 (a gap at 3); unit 3 has 2, 1 (rows out of order).
const demo = table(
  { x: [1, 2, 4, 10, 20], z: [0, -1, 2, NaN, 5], ctry: ['US', 'JP', null, 'KR', 'US'] },
  { unit: [7, 7, 7, 3, 3], time: [1, 2, 4, 2, 1] },
);
const values = (text: string, t = demo, sample?: Int32Array) => [...evaluate(expr(text), t, sample).values];

test('arithmetic and transforms, vectorised; results that are not finite become missing', () => {
  assert.deepEqual(values('log1p(x) - log(1 + x)').map((v) => Math.abs(v as number) < 1e-15), [true, true, true, true, true]);
  assert.deepEqual(values('x/z'), [Infinity, -2, 2, NaN, 4].map((v) => (Number.isFinite(v) ? v : NaN)));
  assert.deepEqual(values('sqrt(x * 4) + exp(0 * x)'), [3, 1 + Math.sqrt(8), 5, 1 + Math.sqrt(40), 1 + Math.sqrt(80)]);
  assert.deepEqual(values('-x^2'), [-1, -4, -16, -100, -400]);
});

test('log of values ≤ 0 is missing and noted; a missing input is not', () => {
  const ev = new Evaluator(demo);
  assert.deepEqual([...ev.numbers(expr('log(z)'))].map(Number.isNaN), [true, true, false, true, false]);
  assert.deepEqual(ev.undefinedNotes(), ['`log(z)` is undefined (not finite) for 2 observations, treated as missing.']);
});

test('l(x, k): the same unit k periods earlier, missing across gaps; negative k leads', () => {
  assert.deepEqual(values('l(x, 1)'), [NaN, 1, NaN, 20, NaN]);
  assert.deepEqual(values('l(x, 2)'), [NaN, NaN, 2, NaN, NaN]);
  assert.deepEqual(values('l(x)'), values('l(x, 1)'));
  assert.deepEqual(values('l(x, -1)'), [2, NaN, NaN, NaN, 10]);
  assert.deepEqual(values('l(log(x), 1)'), [NaN, 0, NaN, Math.log(20), NaN]);
});

test('center and standardize use the sample rows (every present row without a sample)', () => {
  assert.deepEqual(values('center(x)'), [1, 2, 4, 10, 20].map((v) => v - 7.4));
  assert.deepEqual(values('center(x)', demo, Int32Array.from([0, 1, 2])), [1 - 7 / 3, 2 - 7 / 3, 4 - 7 / 3, 10 - 7 / 3, 20 - 7 / 3]);
  const sd = Math.sqrt(((1 - 7 / 3) ** 2 + (2 - 7 / 3) ** 2 + (4 - 7 / 3) ** 2) / 2);
  assert.deepEqual(values('standardize(x)', demo, Int32Array.from([0, 1, 2])), [1, 2, 4, 10, 20].map((v) => (v - 7 / 3) / sd));
  assert.deepEqual(values('center(z)').map((v) => Math.round((v as number) * 1e12) / 1e12), [-1.5, -2.5, 0.5, NaN, 3.5]);
});

test('conditions: comparisons, in, and / or / not with missing as unknown', () => {
  assert.deepEqual(values('ctry == "US"'), [1, 0, NaN, 0, 1]);
  assert.deepEqual(values('ctry in ("JP", "KR")'), [0, 1, NaN, 1, 0]);
  assert.deepEqual(values('x in (1, 20)'), [1, 0, 0, 0, 1]);
  assert.deepEqual(values('x >= 4 and z > 0'), [0, 0, 1, NaN, 1]);
  assert.deepEqual(values('x >= 4 or z > 0'), [0, 0, 1, 1, 1]);
  assert.deepEqual(values('not ctry == "US"'), [0, 1, NaN, 1, 0]);
});

test('unknown variables and functions are named, with a suggestion', () => {
  const at = { start: 10, end: 16 };
  assert.throws(() => evaluate({ type: 'var', name: 'ctryy', at }, demo), (e: FormulaError) => e instanceof FormulaError && e.message === 'Unknown variable `ctryy` in demo. Did you mean `ctry`?' && e.at === at);
  assert.throws(() => evaluate(expr('lgo(x)'), demo), /Unknown function `lgo`; formulas know l, log, log1p, exp, sqrt, center, standardize\. Did you mean `log`\?/);
  assert.throws(() => evaluate(expr('center(x, 2)'), demo), /`center` takes 1 argument/);
});

test('text in arithmetic, text compared with numbers, lags without a panel: clear errors', () => {
  assert.throws(() => evaluate(expr('log(ctry)'), demo), /`ctry` is text; arithmetic/);
  assert.throws(() => evaluate(expr('ctry == 1'), demo), /compares text \(`ctry`\) with a number/);
  assert.throws(() => evaluate(expr('ctry in (1, 2)'), demo), /`ctry` is text; its `in` list takes quoted strings only/);
  const flat = table({ x: [1, 2] }, undefined, 'cities.csv');
  assert.throws(() => evaluate(expr('l(x, 1)'), flat), /`l\(x, 1\)`: cities.csv has no panel index/);
  assert.throws(() => evaluate(expr('l(x, 2..)'), demo), /lag range `2\.\.` only gives GMM instruments/);
  const twice = table({ x: [1, 2] }, { unit: [0, 0], time: [5, 5] });
  assert.throws(() => evaluate(expr('l(x, 1)'), twice), /unit 0 has two rows at period 5/);
});

test('variables: one column per listed expression, missing values kept', () => {
  const notes: string[] = [];
  const columns = variables(expr('x + log(z) + l(x, 1)'), demo, notes);
  assert.deepEqual(columns.map((c) => c.name), ['x', 'log(z)', 'l(x, 1)']);
  assert.deepEqual([...columns[2].values], [NaN, 1, NaN, 20, NaN]);
  assert.equal(notes.length, 1);
});
