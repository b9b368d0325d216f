// Charts panel in headless Chromium (Vega-Lite through the CSP-safe interpreter), from real results:
// rare-earth indicators, geodetector and a declared figure, tech-overlap moderation, AI-cluster placebo (20 draws
// instead of the example's 1,000, to stay fast) and the location-quotient sensitivity scan.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { panelContent } from '../../client/src/panels/content.ts';
import type { PanelKind } from '../../client/src/panels/messages.ts';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { launchBrowser, PanelPage, runExample } from './harness.ts';

let browser: Browser;
let rareEarth: ResultsFile;
let overlap: ResultsFile;
let ai: ResultsFile;
before(async () => {
  rareEarth = runExample('rare_earth.study', ['table1_province', 'drivers', 'fig_density']);
  overlap = runExample('tech_overlap.study', ['table7_all']);
  ai = runExample('ai_clusters.study', ['fig6_placebo', 'fig5_sensitivity'], (spec) => spec.replace(/reps: *\d+/, 'reps: 20'));
  browser = await launchBrowser();
});
after(() => browser?.close());

async function openChart(results: ResultsFile, name: string, kind?: PanelKind): Promise<PanelPage> {
  const panel = await PanelPage.open(browser, panelContent(results, name, kind));
  await panel.page.waitForFunction(() => document.body.dataset.charts !== 'pending');
  assert.equal(await panel.page.evaluate(() => document.body.dataset.charts), 'rendered', (await panel.page.locator('.panel-error').allTextContents()).join());
  return panel;
}

const texts = (panel: PanelPage, selector: string) => panel.page.locator(selector).allTextContents();

test('whole-network indicators: one line per indicator across the four windows', async () => {
  const content = panelContent(rareEarth, 'table1_province');
  assert.equal(content.kind, 'charts');
  const panel = await openChart(rareEarth, 'table1_province');
  const indicators = rareEarth.results.find((r) => r.name === 'table1_province')!.tables.indicators;
  assert.equal(await panel.page.locator('section[data-chart="indicators"] .mark-line path').count(), indicators.columns.length - 1);
  const labels = await texts(panel, 'svg text');
  for (const item of indicators.columns.slice(1)) assert.ok(labels.includes(item), `facet ${item}`);
  for (const w of ['2001–2005', '2016–2020']) assert.ok(labels.includes(w), `axis label ${w}`);
  await panel.screenshot('charts-indicators');
  await panel.assertClean();
});

test('a declared figure opens as its chart: one line through a point per window, under its title', async () => {
  const figure = rareEarth.results.find((r) => r.name === 'fig_density')!;
  assert.equal(panelContent(rareEarth, 'fig_density').kind, 'charts');
  const panel = await openChart(rareEarth, 'fig_density');
  assert.equal(await panel.page.locator('section[data-chart="figure"] .mark-line path').count(), 1);
  assert.equal(await panel.page.locator('section[data-chart="figure"] .mark-symbol path').count(), figure.tables.data.rows.length);
  const labels = await texts(panel, 'svg text');
  assert.ok(labels.includes(figure.figure!.title!), 'title');
  for (const w of ['2001–2005', '2016–2020']) assert.ok(labels.includes(w), `axis label ${w}`);
  await panel.screenshot('charts-figure');
  await panel.assertClean();
});

test('geodetector: one bar per factor with its p, coloured by significance (legend)', async () => {
  const panel = await openChart(rareEarth, 'drivers');
  const factor = rareEarth.results.find((r) => r.name === 'drivers')!.tables.factor;
  assert.equal(await panel.page.locator('.mark-rect path').count(), factor.rows.length);
  const labels = await texts(panel, 'svg text');
  for (const [name] of factor.rows) assert.ok(labels.includes(String(name)), `bar ${name}`);
  assert.ok(labels.some((t) => t === 'p < 0.05' || t === 'p ≥ 0.05'), 'significance legend');
  await panel.screenshot('charts-geodetector');
  await panel.assertClean();
});

test('moderation: one line per moderator level', async () => {
  const moderation = overlap.results.find((r) => r.name === 'table7_all')!.tables.moderation;
  const panel = await openChart(overlap, 'table7_all', 'charts');
  const levels = new Set(moderation.rows.map((r) => r[moderation.columns.indexOf('moderator_level')]));
  assert.equal(await panel.page.locator('.mark-line path').count(), levels.size);
  await panel.screenshot('charts-moderation');
  await panel.assertClean();
});

test('placebo: the permuted distribution with the actual estimate marked; sensitivity scan of the LQ threshold', async () => {
  const summary = ai.results.find((r) => r.name === 'fig6_placebo')!.tables.summary;
  assert.equal(panelContent(ai, 'fig6_placebo').kind, 'charts');
  const panel = await openChart(ai, 'fig6_placebo');
  assert.equal(await panel.page.locator('.mark-area path').count(), 1);
  assert.equal(await panel.page.locator('.mark-rule.role-mark line').count(), 1);
  const subtitle = (await texts(panel, 'svg text')).find((t) => t.startsWith('actual '));
  assert.equal(subtitle, `actual ${Number(summary.rows[0][1]).toPrecision(4)}, p = ${Number(summary.rows[0][4]).toPrecision(3)}`);
  await panel.screenshot('charts-placebo');
  await panel.assertClean();

  const scan = await openChart(ai, 'fig5_sensitivity', 'charts');
  assert.equal(await scan.page.locator('.mark-line path').count(), 2, 'potential and clusters');
  assert.equal(await scan.page.locator('.mark-symbol path').count(), 2 * ai.results.find((r) => r.name === 'fig5_sensitivity')!.tables.sensitivity.rows.length);
  await scan.screenshot('charts-sensitivity');
  await scan.assertClean();
});

test('charts reflow to the panel width: a view fills it, small multiples wrap; none is clipped in a narrow column', async () => {
  const panel = await openChart(rareEarth, 'fig_density');
  const { page } = panel;
  const widths = () => page.evaluate(() => ({
    panel: document.querySelector('.charts')!.clientWidth,
    charts: [...document.querySelectorAll('.vega svg')].map((svg) => svg.getBoundingClientRect().width),
  }));
  const wide = await widths();
  assert.ok(Math.abs(wide.charts[0] - wide.panel) <= 2, `the figure fills the panel: ${JSON.stringify(wide)}`);
  const resize = async (width: number) => {
    const before = await page.evaluate(() => document.body.dataset.chartWidth);
    await page.setViewportSize({ width, height: 900 });
    await page.waitForFunction((w) => document.body.dataset.chartWidth !== w && document.body.dataset.charts === 'rendered', before);
  };
  await resize(480);
  const narrow = await widths();
  assert.ok(narrow.panel < wide.panel && Math.abs(narrow.charts[0] - narrow.panel) <= 2, `the figure follows the panel: ${JSON.stringify(narrow)}`);
  await panel.screenshot('charts-figure-narrow');
  await panel.assertClean();

  const indicators = await openChart(rareEarth, 'table1_province');
  const columns = () => indicators.page.evaluate(() => new Set([...document.querySelectorAll('section[data-chart="indicators"] .mark-line')].map((m) => Math.round(m.getBoundingClientRect().left))).size);
  const wideColumns = await columns();
  const before = await indicators.page.evaluate(() => document.body.dataset.chartWidth);
  await indicators.page.setViewportSize({ width: 480, height: 900 });
  await indicators.page.waitForFunction((w) => document.body.dataset.chartWidth !== w && document.body.dataset.charts === 'rendered', before);
  const fits = await indicators.page.evaluate(() => [...document.querySelectorAll('.vega svg')].every((svg) => svg.getBoundingClientRect().right <= document.documentElement.clientWidth));
  assert.ok(fits, 'no chart runs past the panel');
  assert.ok(await columns() < wideColumns, 'fewer small multiples per row');
  await indicators.screenshot('charts-indicators-narrow');
  await indicators.assertClean();
});
