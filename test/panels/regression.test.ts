// Regression table panel in headless Chromium. Models are not wired to the runner yet, so the results hold a
// table built from real feols output (Grunfeld, firm and two-way FE) as a `table` declaration would, and a
// single model's result (shown as a one-column table).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { panelContent } from '../../client/src/panels/content.ts';
import { feols } from '../../server/src/engine/models/hdfe/index.ts';
import type { DeclarationResult, ResultsFile } from '../../server/src/run/results.ts';
import { column, readEconCsv } from '../engine/models/econOracles.ts';
import { launchBrowser, PanelPage } from './harness.ts';
import { grunfeldRegression } from './regressionFixture.ts';

let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(() => browser?.close());

const resultsOf = (...results: DeclarationResult[]): ResultsFile => ({ format: 'innograph-results', version: 1, spec: '/study.study', engine: '0.1.0', createdAt: '2026-11-22T00:00:00.000Z', results });
const declared = (name: string, kind: string, extra: Partial<DeclarationResult>): DeclarationResult => ({ name, kind, status: 'ok', seconds: 0, tables: {}, notes: [], ...extra });

test('two models side by side: titles, dependent variable, stars, SEs in parentheses, FE/SE/N/R² rows, legend; exports go to the extension', async () => {
  const regression = grunfeldRegression();
  const content = panelContent(resultsOf(declared('investment', 'table', { regression })), 'investment');
  assert.equal(content.kind, 'regression');
  const panel = await PanelPage.open(browser, content);
  const { page } = panel;
  const rows = async (section: string) => page.locator(`table.regression ${section} tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(await page.locator('table.regression caption').textContent(), 'Investment & firm value');
  assert.deepEqual(await rows('thead'), [['', '(1)', '(2)'], ['', 'Firm FE', 'Two-way FE'], ['Dependent variable', 'inv', 'inv']]);
  assert.deepEqual(await rows('tbody.coefficients'), [
    ['value', '0.110***', '0.118***'], ['', '(0.012)', '(0.011)'],
    ['capital', '0.310***', '0.358***'], ['', '(0.017)', '(0.048)'],
  ]);
  assert.equal(await page.locator('tbody.coefficients sup.stars').count(), 4);
  assert.deepEqual(await rows('tbody.stats'), [
    ['firm fixed effects', 'Yes', 'Yes'], ['year fixed effects', 'No', 'Yes'], ['Standard errors', 'iid', 'cluster'],
    ['Clusters (firm)', '', '10'], ['Observations', '200', '200'], ['R²', '0.944', '0.952'], ['Adjusted R²', '0.941', '0.943'], ['Within R²', '0.767', '0.720'],
  ]);
  assert.equal(await page.locator('table.regression tfoot').textContent(), 'Standard errors in parentheses* p<0.1, ** p<0.05, *** p<0.01');

  await page.locator('select').selectOption('md');
  await page.locator('button', { hasText: 'Copy' }).click();
  await page.locator('select').selectOption('docx');
  assert.equal(await page.locator('button', { hasText: 'Copy' }).isDisabled(), true, 'Word goes to a file only');
  await page.locator('button', { hasText: 'Save…' }).click();
  assert.deepEqual((await panel.posted()).filter((m) => m.type === 'exportRegression'), [
    { type: 'exportRegression', format: 'md', to: 'clipboard' },
    { type: 'exportRegression', format: 'docx', to: 'file' },
  ]);
  await panel.screenshot('regression');
  await panel.assertClean();
});

test("a single model's result is a one-column table with its coefficients", async () => {
  const g = readEconCsv('Grunfeld.csv');
  const model = feols({ y: Float64Array.from(g.inv, Number), yName: 'inv', X: [column('value', g.value.map(Number))], fe: [{ name: 'firm', codes: Int32Array.from(g.firm, Number) }] });
  const panel = await PanelPage.open(browser, panelContent(resultsOf(declared('m1', 'model', { source: 'ols', model })), 'm1'));
  const { page } = panel;
  assert.deepEqual(await page.locator('table.regression thead tr').nth(1).locator('th').allTextContents(), ['', 'm1']);
  assert.deepEqual(await page.locator('tbody.coefficients tr').first().locator('td').allTextContents(), [`${model.coefficients[0].estimate.toFixed(3)}***`]);
  await panel.assertClean();
});
