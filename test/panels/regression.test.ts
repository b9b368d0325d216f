// Regression table panel in headless Chromium, from real results: the tech-overlap example's `table3` (three
// fixest models: FE rows, clustered SEs, t statistics in parentheses, all printed with the spec's labels, and
// a note) and its model `m1` alone, labelled from the results file's labels.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { panelContent } from '../../client/src/panels/content.ts';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { launchBrowser, PanelPage, runExample } from './harness.ts';

let browser: Browser;
let results: ResultsFile;
before(async () => {
  results = runExample('tech_overlap.study', ['table3', 'm1']);
  browser = await launchBrowser();
});
after(() => browser?.close());

const stars = (p: number) => (p < 0.01 ? '***' : p < 0.05 ? '**' : p < 0.1 ? '*' : '');

test('models side by side: titles, dependent variable, stars, t in parentheses, FE/SE/cluster/N/R² rows, legend; exports go to the extension', async () => {
  const table = results.results.find((r) => r.name === 'table3')!.regression!;
  const content = panelContent(results, 'table3');
  assert.equal(content.kind, 'regression');
  const panel = await PanelPage.open(browser, content);
  const { page } = panel;
  const rows = (section: string) => page.locator(`table.regression ${section} tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(await page.locator('table.regression caption').textContent(), table.title);
  assert.deepEqual(await rows('thead'), [
    ['', '(1)', '(2)', '(3)'],
    ['', ...table.models.map((m) => m.title)],
    ['Dependent variable', 'InvCo_ijt', 'InvCo_ijt', 'InvCo_ijt'],
  ]);
  const coefficients = await rows('tbody.coefficients');
  const first = table.coefficients[0];
  assert.deepEqual(coefficients[0], ['Overlap_ijt−3', ...first.cells.map((c) => `${c!.estimate.toFixed(3).replace(/^-(0\.0+)$/, '$1')}${stars(c!.p)}`)]);
  assert.deepEqual(coefficients[1], ['', ...first.cells.map((c) => `(${c!.stat.toFixed(3)})`)]);
  assert.equal(coefficients.length, 2 * table.coefficients.length);
  assert.ok(coefficients[2].includes(''), 'a model without the term has an empty cell');
  const stats = await rows('tbody.stats');
  assert.deepEqual(stats.map((r) => r[0]), table.stats.map((s) => s.label));
  assert.deepEqual(stats.find((r) => r[0] === 'Observations'), ['Observations', '49,290', '49,290', '49,290']);
  assert.deepEqual(stats.find((r) => r[0] === 'Chinese province × year fixed effects'), ['Chinese province × year fixed effects', 'No', 'No', 'Yes']);
  assert.deepEqual(stats.find((r) => r[0] === 'Standard errors'), ['Standard errors', 'Clustered (pair)', 'Clustered (pair)', 'Clustered (pair)']);
  assert.deepEqual(stats.find((r) => r[0] === 'Clusters (pair)'), ['Clusters (pair)', '3,286', '3,286', '3,286']);
  assert.deepEqual(await page.locator('table.regression tfoot td').evaluate((td) => [...td.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent)), [
    'All standard errors are clustered at the level of Chinese and foreign geographical unit pairs.',
    't statistics in parentheses',
    '* p<0.1, ** p<0.05, *** p<0.01',
  ]);

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

test("a single model's result is a one-column table with its coefficient", async () => {
  const m1 = results.results.find((r) => r.name === 'm1')!.model!;
  const panel = await PanelPage.open(browser, panelContent(results, 'm1'));
  const { page } = panel;
  assert.deepEqual(await page.locator('table.regression thead tr').nth(1).locator('th').allTextContents(), ['', 'm1']);
  const c = m1.coefficients[0];
  assert.equal(c.term, 'l(Overlap, 3)');
  assert.deepEqual(await page.locator('tbody.coefficients tr').first().locator('th, td').allTextContents(), ['Overlap_ijt−3', `${c.estimate.toFixed(3)}${stars(c.p)}`]);
  await panel.assertClean();
});

test('pin: the page asks the extension to keep the panel, and a revived pinned panel offers to unpin', async () => {
  const panel = await PanelPage.open(browser, panelContent(results, 'm1'));
  const { page } = panel;
  const pin = page.locator('button', { hasText: /^(Pin|Unpin)$/ });
  assert.equal(await pin.textContent(), 'Pin');
  await pin.click();
  assert.equal(await pin.textContent(), 'Unpin');
  assert.equal(await pin.getAttribute('aria-pressed'), 'true');
  await pin.click();
  assert.deepEqual((await panel.posted()).filter((m) => m.type === 'pin'), [{ type: 'pin', pinned: true }, { type: 'pin', pinned: false }]);
  await panel.assertClean();

  const pinned = await PanelPage.open(browser, { ...panelContent(results, 'm1'), pinned: true });
  assert.equal(await pinned.page.locator('button', { hasText: /^(Pin|Unpin)$/ }).textContent(), 'Unpin');
  await pinned.screenshot('regression-pinned');
  await pinned.assertClean();
});
