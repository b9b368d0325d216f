// A regression table from real estimator output: fixest-style OLS with firm (and year) fixed effects on
// Grunfeld's investment data (test/oracles/econ/Grunfeld.csv), the second model clustered by firm.
import { feols } from '../../server/src/engine/models/hdfe/index.ts';
import { regressionTableFromModels } from '../../server/src/engine/exports/regressionTable.ts';
import type { RegressionTable } from '../../server/src/results/format.ts';
import { column, readEconCsv } from '../engine/models/econOracles.ts';

export function grunfeldRegression(): RegressionTable {
  const g = readEconCsv('Grunfeld.csv');
  const factor = (name: string) => ({ name, codes: Int32Array.from(g[name], Number) });
  const frame = { y: Float64Array.from(g.inv, Number), yName: 'inv', X: [column('value', g.value.map(Number)), column('capital', g.capital.map(Number))], fe: [factor('firm')] };
  return regressionTableFromModels([
    { name: 'within', title: 'Firm FE', result: feols(frame) },
    { name: 'twoway', title: 'Two-way FE', result: feols({ ...frame, fe: [factor('firm'), factor('year')] }, { cluster: [factor('firm')] }) },
  ], { title: 'Investment & firm value' });
}
