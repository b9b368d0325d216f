// Variable labels (server/src/engine/exports/termLabels.ts): a term's own label, interactions composed with ×,
// fixest factor levels as `Label = level`, and a table's rows, dependent variables, FE and cluster rows labelled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interactionParts, labelVariables, termLabel } from '../../server/src/engine/exports/termLabels.ts';
import { regressionLatex, regressionMarkdown, regressionTableFromModels } from '../../server/src/engine/exports/regressionTable.ts';
import type { ModelResult } from '../../server/src/results/modelResult.ts';

const labels = new Map([['Overlap', 'Technological overlap'], ['l(Overlap, 3)', 'Overlap (t−3)'], ['Techadv_j', 'Tech. advantage (j)'], ['sector', 'Sector'], ['i^j', 'pair'], ['InvCo', 'Co-invention']]);

test('interaction parts split at single colons, outside brackets, never at ::', () => {
  assert.deepEqual(interactionParts('l(Overlap, 3):Techadv_j'), ['l(Overlap, 3)', 'Techadv_j']);
  assert.deepEqual(interactionParts('ctry::DE:x2'), ['ctry::DE', 'x2']);
  assert.deepEqual(interactionParts('sector::chem'), ['sector::chem']);
});

test('a term prints with its label; interactions compose with ×; factor levels as Label = level', () => {
  assert.equal(termLabel('Overlap', labels), 'Technological overlap');
  assert.equal(termLabel('l(Overlap, 3)', labels), 'Overlap (t−3)');
  assert.equal(termLabel('l(Overlap, 3):Techadv_j', labels), 'Overlap (t−3) × Tech. advantage (j)');
  assert.equal(termLabel('Techadv_j:x', labels), 'Tech. advantage (j) × x');
  assert.equal(termLabel('sector::chem', labels), 'Sector = chem');
  assert.equal(termLabel('sector::chem:Overlap', labels), 'Sector = chem × Technological overlap');
  assert.equal(termLabel('x:z', labels), undefined);
  assert.equal(termLabel('l(Overlap, 1)', labels), undefined);
});

const fepois = (estimate: number): ModelResult => ({
  estimator: 'fepois', dependent: 'InvCo', statistic: 'z',
  coefficients: [
    { term: 'l(Overlap, 3)', estimate, se: 0.1, stat: estimate / 0.1, p: 0.001, ciLow: 0, ciHigh: 0 },
    { term: 'l(Overlap, 3):Techadv_j', estimate: -0.05, se: 0.1, stat: -0.5, p: 0.6, ciLow: 0, ciHigh: 0 },
  ],
  vcovType: { type: 'cluster', clusters: [{ name: 'i^j', count: 120 }] },
  fit: { n: 1000, pseudo_r2: 0.31234, adj_pseudo_r2: 0.30012, loglik: -1234.5678 },
  fixedEffects: [{ name: 'i^j', levels: 120 }],
  notes: [],
});
const feols: ModelResult = {
  estimator: 'feols', dependent: 'InvCo', statistic: 't',
  coefficients: [{ term: 'l(Overlap, 3)', estimate: 0.07312, se: 0.02, stat: 3.656, p: 0.0003, ciLow: 0, ciHigh: 0 }],
  vcovType: { type: 'hetero' },
  fit: { n: 1000, r2: 0.5, loglik: -2000 },
  notes: [],
};

test('a labelled table: rows, dependent variable, FE and cluster names; GLM rows only in the Poisson column; SE type per column', () => {
  const table = regressionTableFromModels([{ name: 'ols', result: feols }, { name: 'ppml', title: 'PPML', result: fepois(0.131) }], { labels, notes: ['Pair and year fixed effects.'] });
  assert.equal(regressionMarkdown(table), String.raw`|  | (1) | (2) |
|:---|:---:|:---:|
|  | ols | PPML |
| Dependent variable | Co-invention | Co-invention |
| Overlap (t−3) | 0.073\*\*\* | 0.131\*\*\* |
|  | (0.020) | (0.100) |
| Overlap (t−3) × Tech. advantage (j) |  | -0.050 |
|  |  | (0.100) |
| pair fixed effects | No | Yes |
| Standard errors | Robust (HC1) | Clustered (pair) |
| Clusters (pair) |  | 120 |
| Observations | 1,000 | 1,000 |
| R² | 0.500 |  |
| Pseudo R² |  | 0.312 |
| Adjusted pseudo R² |  | 0.300 |
| Log-likelihood |  | -1234.568 |

Pair and year fixed effects.  
Standard errors in parentheses; \* p\<0.1, \*\* p\<0.05, \*\*\* p\<0.01
`);
  assert.match(regressionLatex(table), /^Overlap \(t\$-\$3\) \$\\times\$ Tech\. advantage \(j\) &  & -0\.050 \\\\$/m);
});

test('asked for in stats:, the log-likelihood row fills every column', () => {
  const table = regressionTableFromModels([{ name: 'ols', result: feols }, { name: 'ppml', result: fepois(0.131) }], { requestedRows: true });
  assert.deepEqual(table.stats.find((s) => s.key === 'loglik')?.cells, [-2000, -1234.5678]);
  assert.equal(table.coefficients[0].label, undefined);
});

test('result tables print their variables labelled: a descriptives column, a correlation matrix\'s heads', () => {
  const correlation = { columns: ['variable', 'InvCo', 'l(Overlap, 3)', 'other'], rows: [['InvCo', 1, 0.2, 0.1], ['l(Overlap, 3)', 0.2, 1, 0.3], ['z', 0.1, 0.3, 1]] };
  assert.deepEqual(labelVariables(correlation, labels), {
    columns: ['variable', 'Co-invention', 'Overlap (t−3)', 'other'],
    rows: [['Co-invention', 1, 0.2, 0.1], ['Overlap (t−3)', 0.2, 1, 0.3], ['z', 0.1, 0.3, 1]],
  });
  const nodes = { columns: ['region', 'degree'], rows: [['InvCo', 1]] };
  assert.equal(labelVariables(nodes, labels), nodes, 'a table without a variable column is printed as it is');
});
