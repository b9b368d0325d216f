// buildDesign on the 272,490-row gravity panel: the formula of the fixest oracle gives exactly the frame the
// HDFE tests build by hand (gravity.ts), so feols on it reproduces fixest (ols.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataTable } from '../../../../server/src/engine/data/dataTable.ts';
import { buildDesign, parseFormula } from '../../../../server/src/engine/models/formula/index.ts';
import { gravityFrame, readGravityPanel } from '../gravity.ts';
import { expr } from './exprText.ts';

test('y ~ overlap + lag + c1 + c2 | i^t + j^t + i^j, cluster i^j: the hand-built gravity frame', () => {
  const panel = readGravityPanel();
  const numbers = (values: ArrayLike<number>) => ({ type: 'number' as const, values: Float64Array.from(values) });
  const table: DataTable = {
    name: 'gravity_panel.csv',
    rows: panel.n,
    columns: new Map([['i', numbers(panel.i)], ['j', numbers(panel.j)], ['t', numbers(panel.t)], ['y', numbers(panel.y)], ...panel.X.map((x): [string, ReturnType<typeof numbers>] => [x.name, numbers(x.values)])]),
  };
  const design = buildDesign(parseFormula(expr('y ~ overlap + lag + c1 + c2 | i^t + j^t + i^j')), table, { cluster: [expr('i^j')] });
  const expected = gravityFrame(panel);
  assert.equal(design.rows.length, panel.n);
  assert.deepEqual(design.notes, []);
  assert.deepEqual(design.frame.X.map((x) => x.name), expected.X.map((x) => x.name));
  design.frame.X.forEach((x, k) => assert.deepEqual(x.values, expected.X[k].values));
  const codes = (factors: { name: string; codes: Int32Array }[] | undefined) => factors?.map(({ name, codes }) => ({ name, codes }));
  assert.deepEqual(codes(design.frame.fe), expected.fe);
  assert.deepEqual(codes(design.frame.cluster), expected.cluster);
  // Levels are labelled as fixest names interacted fixed effects: the values joined by `_`.
  const it = design.frame.fe[0];
  assert.equal(it.labels?.[it.codes[0]], `${panel.i[0]}_${panel.t[0]}`);
});
