// Regression tables as journals print them, through the runner (test/run/fixtures/journalTables.study):
// stacked standard errors equal those of the same model declared with that `vcov`; labels on terms,
// interactions, factor levels, the dependent variable, fixed effects and clusters; the SE type per column;
// pseudo R², adjusted pseudo R² and log-likelihood shown for the Poisson column without being asked; notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { regressionMarkdown } from '../../server/src/engine/exports/regressionTable.ts';
import { declarationKeys } from '../../server/src/run/cacheKeys.ts';
import { analyseSpec, result, runSpec } from './harness.ts';

const results = await runSpec(resolve(import.meta.dirname, 'fixtures/journalTables.study'));

test('stacked standard errors are the same model re-estimated with each vcov', () => {
  const journal = result(results, 'journal').regression!;
  assert.deepEqual(journal.stackedSe, ['hc1', 'iid']);
  const own = (name: string) => result(results, name).model!.coefficients;
  for (const [k, model] of ['ols_hc1', 'ols_iid'].entries()) {
    for (const c of own(model)) {
      const row = journal.coefficients.find((r) => r.term === c.term)!;
      assert.equal(row.cells[0]!.stacked![k].se, c.se, `${model} ${c.term}`);
      assert.equal(row.cells[0]!.stacked![k].p, c.p);
    }
  }
  const x1 = journal.coefficients.find((r) => r.term === 'x1')!.cells[0]!;
  assert.equal(x1.se, own('ols_cl').find((c) => c.term === 'x1')!.se, 'the parentheses hold the model\'s own SEs');
  assert.deepEqual(journal.stats.filter((s) => s.key.startsWith('vcov')).map((s) => [s.label, s.cells]), [
    ['Standard errors ( )', ['Clustered (Country)', 'Robust (HC1)']],
    ['Standard errors [ ]', ['Robust (HC1)', 'Robust (HC1)']],
    ['Standard errors { }', ['IID', 'IID']],
  ]);
});

test('labels, GLM rows, SE types and notes as printed', () => {
  const journal = result(results, 'journal').regression!;
  const md = regressionMarkdown(journal).split('\n');
  assert.ok(md.includes('| Dependent variable | Output | cnt |'), md.join('\n'));
  assert.ok(md.some((l) => l.startsWith('| Exports | ')), md.join('\n'));
  assert.ok(md.some((l) => l.startsWith('| Exports × R&D | ') || l.startsWith('| Exports × R\\&D | ')), md.join('\n'));
  assert.ok(md.some((l) => l.startsWith('| Sector = chem | ')), md.join('\n'));
  assert.ok(md.includes('| Country fixed effects | Yes | Yes |'), md.join('\n'));
  const x1 = md.findIndex((l) => l.startsWith('| Exports | '));
  assert.match(md[x1 + 1], /^\|  \| \(\d+\.\d{3}\) \| \(\d+\.\d{3}\) \|$/);
  assert.match(md[x1 + 2], /^\|  \| \\\[\d+\.\d{3}\\\] \| \\\[\d+\.\d{3}\\\] \|$/); // Markdown escapes the brackets
  assert.match(md[x1 + 3], /^\|  \| \{\d+\.\d{3}\} \| \{\d+\.\d{3}\} \|$/);
  for (const label of ['Pseudo R²', 'Adjusted pseudo R²', 'Log-likelihood']) {
    const row = journal.stats.find((s) => s.label === label)!;
    assert.equal(row.cells[0], null, `${label}: not for OLS unless asked`);
    assert.equal(typeof row.cells[1], 'number', label);
  }
  assert.deepEqual(journal.notes, ['Country fixed effects in both columns.', 'Source: synthetic panel.']);
  assert.ok(md.some((l) => l.startsWith('Standard errors in parentheses, \\[brackets\\] and {braces}: one standard-error type each, as the Standard errors rows name them; ')), md.join('\n'));
  assert.deepEqual(result(results, 'plain').regression!.stats.find((s) => s.key === 'vcov')!.cells, ['Clustered (Country)', 'Robust (HC1)']);
});

test('a stacked SE a model cannot have is a run error at the table\'s value', async () => {
  const path = resolve(import.meta.dirname, 'fixtures/journalTables.study');
  const text = `${readFileSync(path, 'utf8')}\ntable bad = pois { stack_se: cluster }\ntable many = ols_cl { stack_se: hc1, iid, cluster }\n`;
  const rerun = await runSpec(path, text);
  const lines = text.split('\n');
  const bad = result(rerun, 'bad');
  assert.equal(bad.status, 'error');
  assert.equal(bad.error!.message, 'pois has no `cluster:` to cluster its standard errors by.');
  assert.equal(bad.error!.spec!.line, lines.findIndex((l) => l.startsWith('table bad')) + 1);
  assert.equal(bad.error!.spec!.column, lines.find((l) => l.startsWith('table bad'))!.indexOf('cluster') + 1);
  assert.match(result(rerun, 'many').error!.message, /^At most two further standard errors/);
});

test('editing the labels changes the tables\' content keys only, so a re-run prints the new labels and reuses the models', async () => {
  const path = resolve(import.meta.dirname, 'fixtures/journalTables.study');
  const text = readFileSync(path, 'utf8');
  const before = declarationKeys(await analyseSpec(path, text));
  const after = declarationKeys(await analyseSpec(path, text.replace('"Exports"', '"Exports (log)"')));
  assert.notEqual(after.get('journal'), before.get('journal'));
  assert.notEqual(after.get('plain'), before.get('plain'));
  for (const model of ['ols_cl', 'ols_hc1', 'pois']) assert.equal(after.get(model), before.get(model), model);
});
