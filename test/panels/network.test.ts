// Network view in headless Chromium (sigma.js on WebGL, SwiftShader), from the rare-earth example's real
// results: the province network with its node measures (Jenks degree tiers) and CONCOR blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { panelContent } from '../../client/src/panels/content.ts';
import type { NetworkViewState, PanelContent } from '../../client/src/panels/messages.ts';
import { displayCell } from '../../client/webview/shared/format.ts';
import { exampleInBrowser, PanelPage } from './harness.ts';

const example = exampleInBrowser('rare_earth.study');

const rein = () => example.results.results.find((r) => r.name === 'rein')!.network!;
/** Moves a slider as a user does: a new value, then an `input` event. */
const setRange = (slider: Locator, value: number) => slider.evaluate((e: HTMLInputElement, v) => { e.value = String(v); e.dispatchEvent(new Event('input')); }, value);
const body = (panel: PanelPage, key: string) => panel.page.evaluate((k) => document.body.dataset[k], key);

async function openNetwork(name: string, view?: NetworkViewState): Promise<PanelPage> {
  const content: PanelContent = { ...panelContent(example.results, name, 'network'), ...(view ? { networkView: view } : {}) };
  assert.deepEqual(content.results.map((r) => r.name).sort(), [...new Set([name, 'rein', 'rein_ties', 'rein_nodes', 'rein_groups', 'table1_province', 'table2_province', 'fig4_province'])].sort(), 'the network and its measures and blocks');
  const panel = await PanelPage.open(example.browser, content);
  await panel.page.waitForFunction(() => document.body.dataset.layout === 'done');
  return panel;
}

test('the latest window drawn with every region, Louvain communities in the legend, labels on the canvas', async () => {
  const panel = await openNetwork('rein');
  const { page } = panel;
  const last = rein().windows.at(-1)!;
  assert.equal(await body(panel, 'window'), last.label);
  assert.equal(await body(panel, 'nodes'), String(last.nodes.length));
  assert.equal(await body(panel, 'visibleEdges'), String(last.ties.length));
  assert.equal(await page.locator('.sigma canvas').count() > 0, true);
  const entries = await page.locator('.legend .entry').allTextContents();
  assert.ok(entries.length >= 2 && entries.every((e) => /^C\d+ \(\d+\)$/.test(e)), entries.join());
  assert.equal(entries.reduce((sum, e) => sum + Number(/\((\d+)\)/.exec(e)![1]), 0), last.nodes.length);
  // the WebGL canvas is not blank
  const shot = await page.locator('.sigma').screenshot();
  assert.ok(shot.length > 10_000, 'the graph is drawn');
  await panel.screenshot('network-communities');
  await panel.assertClean();
});

test('colour by community shows the communities the run reported, where it reported them', async () => {
  // rein_nodes with a `community` column for the last window, as `nodes(…) { community }` writes it
  const last = rein().windows.at(-1)!;
  const reported = new Map(last.nodes.map((n, i) => [n, i % 3]));
  const results = structuredClone(example.results);
  const measures = results.results.find((r) => r.name === 'rein_nodes')!;
  const table = Object.values(measures.tables).find((t) => t.columns.includes('region') && t.columns.includes('window'))!;
  const [w, r] = [table.columns.indexOf('window'), table.columns.indexOf('region')];
  table.columns.push('community');
  for (const row of table.rows) row.push(row[w] === last.label ? reported.get(String(row[r])) ?? null : null);
  const panel = await PanelPage.open(example.browser, panelContent(results, 'rein', 'network'));
  await panel.page.waitForFunction(() => document.body.dataset.layout === 'done');
  const entries = await panel.page.locator('.legend .entry').allTextContents();
  const counts = [0, 1, 2].map((c) => [...reported.values()].filter((x) => x === c).length);
  assert.deepEqual(entries, counts.map((n, c) => `C${c} (${n})`), 'the legend is the run\'s communities');
  await panel.assertClean();
});

test('the ten largest regions always labelled', async () => {
  const panel = await openNetwork('rein');
  const last = rein().windows.at(-1)!;
  const degree = (n: string) => last.ties.filter((t) => t.source === n || t.target === n).length;
  const top = [...last.nodes].sort((a, b) => degree(b) - degree(a) || a.localeCompare(b)).slice(0, 10);
  // sigma draws the labels in a frame after the layout's positions arrive
  await panel.page.waitForFunction((names) => {
    const drawn = new Set((document.body.dataset.labels ?? '').split('\n'));
    return names.every((n) => drawn.has(n));
  }, top);
  const drawn = (await body(panel, 'labels'))!.split('\n');
  assert.ok(drawn.length >= top.length, drawn.join());
  // each drawn label has its place, within the canvas's width
  const boxes = JSON.parse((await body(panel, 'labelBoxes'))!) as { left: number; right: number }[];
  const width = await panel.page.locator('.sigma').evaluate((e) => e.clientWidth);
  assert.equal(boxes.length, drawn.length);
  assert.ok(boxes.every((b) => b.left >= 0 && b.right <= width), JSON.stringify(boxes));
  await panel.assertClean();
});

test('node details: the computed betweenness and closeness, and every measure the run computed for the node', async () => {
  const panel = await openNetwork('rein');
  const { page } = panel;
  await page.locator('input[type=search]').fill('Beijing');
  await page.locator('input[type=search]').press('Enter');
  const details = await page.locator('.details').innerText();
  // the page's betweenness (binary ties, raw) is the run's for this network
  const nodes = example.results.results.find((r) => r.name === 'rein_nodes')!.tables.nodes;
  const beijing = nodes.rows.find((r) => r[nodes.columns.indexOf('region')] === 'Beijing')!;
  assert.match(details, new RegExp(`betweenness \\(computed\\)\\s+${displayCell(beijing[nodes.columns.indexOf('betweenness')])}\\n`));
  assert.match(details, /closeness \(computed\)\s+\d/);
  for (const column of nodes.columns.filter((c) => c !== 'window' && c !== 'region')) assert.match(details, new RegExp(`rein_nodes\\.${column}\\s`), column);
  await panel.screenshot('network-details');
  await panel.assertClean();
});

test('the style and the finished layout are kept: reopened with them, the same picture without a new layout', async () => {
  const panel = await openNetwork('rein');
  await panel.page.locator('label.control', { hasText: 'Colour' }).locator('select').selectOption('block:rein_groups');
  const views = (await panel.posted()).filter((m) => m.type === 'networkView');
  const view = views.at(-1)?.type === 'networkView' ? views.at(-1)!.view : undefined;
  const last = rein().windows.at(-1)!;
  assert.deepEqual(view?.style, { sizeBy: 'degree', colorBy: 'block:rein_groups', threshold: 0 });
  assert.deepEqual(Object.keys(view?.positions?.[last.label] ?? {}).sort(), [...last.nodes].sort());
  const first = await panel.page.locator('.sigma').screenshot();

  const reopened = await openNetwork('rein', view);
  assert.equal(await reopened.page.locator('label.control', { hasText: 'Colour' }).locator('select').inputValue(), 'block:rein_groups');
  assert.deepEqual((await reopened.posted()).filter((m) => m.type === 'networkView'), [], 'nothing new to remember');
  assert.ok(first.equals(await reopened.page.locator('.sigma').screenshot()), 'the same picture');
  await reopened.assertClean();
});

test('a network of firms colours by a node attribute: each firm\'s province, counted in the legend', async () => {
  const firms = example.results.results.find((r) => r.name === 'rein_firms')!.network!;
  const panel = await PanelPage.open(example.browser, panelContent(example.results, 'rein_firms', 'network'));
  await panel.page.waitForFunction(() => document.body.dataset.layout === 'done');
  await panel.page.locator('label.control', { hasText: 'Colour' }).locator('select').selectOption('attribute:province');
  const province = firms.attributes!.columns.indexOf('province');
  const counts = new Map<string, number>();
  for (const node of firms.windows.at(-1)!.nodes) {
    const p = String(firms.attributes!.values[node][province]);
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const expected = [...counts].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true })).map(([p, n]) => `${p} (${n})`);
  assert.deepEqual(await panel.page.locator('.legend .entry').allTextContents(), expected);
  assert.equal(await panel.page.locator('.legend').first().innerText().then((t) => t.split('\n')[0]), 'province');
  assert.match(await panel.page.locator('.details').innerText(), /^2016–2020: \d+ applicants, \d+ ties\. Click an applicant for its measures\.$/);
  assert.equal(await panel.page.locator('input[type=search]').getAttribute('placeholder'), 'Find an applicant');
  await panel.screenshot('network-firms-by-province');
  await panel.assertClean();
});

test('colour by CONCOR block and by degree tier; size by a node measure; threshold; window slider; search and details; exports', async () => {
  const panel = await openNetwork('rein_nodes');
  const { page } = panel;
  const colour = page.locator('label.control', { hasText: 'Colour' }).locator('select');
  await colour.selectOption('block:rein_groups');
  const blocks = example.results.results.find((r) => r.name === 'rein_groups')!.tables.partition;
  const sizes = new Map<string, number>();
  for (const [, b] of blocks.rows) sizes.set(`B${b}`, (sizes.get(`B${b}`) ?? 0) + 1);
  assert.deepEqual(await page.locator('.legend .entry').allTextContents(), [...sizes].sort().map(([b, n]) => `${b} (${n})`));
  await colour.selectOption('tier:rein_nodes.degree_tier');
  const nodes = example.results.results.find((r) => r.name === 'rein_nodes')!.tables.nodes;
  const tier = nodes.columns.indexOf('degree_tier');
  const tiers = [1, 2, 3, 4].map((t) => `tier ${t} (${nodes.rows.filter((r) => r[tier] === t).length})`);
  assert.deepEqual(await page.locator('.legend .entry').allTextContents(), tiers);
  await page.locator('label.control', { hasText: 'Size' }).locator('select').selectOption('rein_nodes.betweenness');
  await panel.screenshot('network-tiers');

  const threshold = page.locator('input[type=range][title^="Hide ties"]');
  await setRange(threshold, 3);
  const last = rein().windows.at(-1)!;
  assert.equal(await body(panel, 'visibleEdges'), String(last.ties.filter((t) => t.weight >= 3).length));

  await page.locator('input[type=search]').fill('Beijing');
  await page.locator('input[type=search]').press('Enter');
  const details = await page.locator('.details').innerText();
  assert.match(details, /^Beijing/);
  const beijing = example.results.results.find((r) => r.name === 'rein_nodes')!.tables.nodes.rows.find((r) => r[1] === 'Beijing')!;
  assert.match(details, new RegExp(`rein_nodes\\.degree\\s+${beijing[2]}\\b`));
  assert.deepEqual((await panel.posted()).filter((m) => m.type === 'networkView').map((m) => m.type === 'networkView' && m.view.style?.colorBy).at(-1), 'tier:rein_nodes.degree_tier', 'the style remembered');

  await setRange(page.locator('input[type=range][title="Window"]'), 0);
  const first = rein().windows[0];
  assert.equal(await body(panel, 'window'), first.label, panel.errors.join('\n'));
  assert.equal(await body(panel, 'nodes'), String(first.nodes.length));
  assert.deepEqual(await page.locator('.legend .entry').allTextContents(), [`no value (${first.nodes.length})`], 'no tiers in a window the measure was not computed for');

  await page.locator('button', { hasText: 'GEXF' }).click();
  await page.locator('button', { hasText: 'SVG' }).click();
  await page.locator('button', { hasText: 'PNG' }).click();
  await page.waitForFunction(() => window.__posted.filter((m) => m.type === 'save').length === 3);
  const saves = (await panel.posted()).filter((m) => m.type === 'save');
  assert.deepEqual(saves.map((m) => m.type === 'save' && [m.fileName, m.encoding]), [
    ['rein.2001-2005.gexf', 'utf8'], ['rein.2001-2005.svg', 'utf8'], ['rein.2001-2005.png', 'base64'],
  ]);
  const [gexf, svg, png] = saves.map((m) => (m.type === 'save' ? m.data : ''));
  assert.equal((gexf.match(/<node /g) ?? []).length, first.nodes.length);
  assert.equal((gexf.match(/<edge /g) ?? []).length, first.ties.length);
  assert.equal((svg.match(/<circle /g) ?? []).length, first.nodes.length);
  assert.ok(rein().directed, 'rein is directed');
  assert.equal((svg.match(/<path d="M[^"]*Q/g) ?? []).length, Number(await body(panel, 'visibleEdges')), 'the shown ties (threshold 3), directed as arcs, as on screen');
  assert.equal(Buffer.from(png, 'base64').subarray(1, 4).toString(), 'PNG');
  await panel.assertClean();
});

test('a tie chosen from a region\'s ties lists the patents that made it, as text', async () => {
  const panel = await openNetwork('rein');
  const { page } = panel;
  const last = rein().windows.at(-1)!;
  const heaviest = [...last.tiePatents!].sort((a, b) => b.count - a.count)[0];
  const tie = `${heaviest.source} ${rein().directed ? '→' : '—'} ${heaviest.target}`;
  await page.locator('input[type=search]').fill(heaviest.source);
  await page.locator('input[type=search]').press('Enter');
  await page.locator('.details ul.ties button', { hasText: `${tie} (` }).click();
  assert.equal(await page.locator('.details h2').innerText(), tie);
  assert.match(await page.locator('.tie-patent-count').innerText(), new RegExp(`^${heaviest.count} patents?`));
  const rows = page.locator('table.tie-patents tbody tr');
  assert.equal(await rows.count(), heaviest.patents.length);
  const first = heaviest.patents[0];
  assert.deepEqual(await rows.first().locator('td').allInnerTexts(), [first.id, String(first.year), first.holders.join('\n')]);
  await panel.screenshot('network-tie-patents');
  await page.locator('.details button', { hasText: `← ${heaviest.source}` }).click();
  assert.match(await page.locator('.details').innerText(), new RegExp(`^${heaviest.source}`));
  await panel.assertClean();
});

/** One tie between two regions: the layout centres it, so a click in the middle of the stage lands on the edge. */
function oneTie(source: string, withPatents: boolean) {
  const hostile = '<img src=x onerror=alert(1)>';
  const window = {
    label: '2016–2020', from: 2016, to: 2020, nodes: ['A', 'B'], ties: [{ source: 'A', target: 'B', weight: 2 }], intra: {},
    ...(withPatents ? { tiePatents: [{ source: 'A', target: 'B', count: 2, patents: [{ id: 'EP1', year: 2017, holders: [`${hostile} (A)`, 'Acme (B)'] }, { id: 'EP2', year: null, holders: ['A', 'B'] }] }] } : {}),
  };
  return {
    kind: 'network' as const, focus: 'net', alternatives: [],
    results: [{ name: 'net', kind: 'network', source, status: 'ok' as const, seconds: 0, notes: [], tables: {}, network: { directed: false, windows: [window] } }],
  };
}

test('clicking an edge on the canvas lists its patents; a network from an edge list says it has none', async () => {
  for (const [source, withPatents] of [['coapplication', true], ['edges', false]] as const) {
    const panel = await PanelPage.open(example.browser, oneTie(source, withPatents));
    const { page } = panel;
    await page.waitForFunction(() => document.body.dataset.layout === 'done');
    const box = (await page.locator('.sigma').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.details h2', { hasText: 'A — B' }).waitFor();
    if (withPatents) {
      assert.equal(await page.locator('.tie-patent-count').innerText(), '2 patents');
      assert.deepEqual(await page.locator('table.tie-patents tbody tr').first().locator('td').allInnerTexts(), ['EP1', '2017', '<img src=x onerror=alert(1)> (A)\nAcme (B)']);
      assert.deepEqual(await page.locator('table.tie-patents tbody tr').nth(1).locator('td').allInnerTexts(), ['EP2', '—', 'A\nB']);
      assert.equal(await page.locator('.details img').count(), 0, 'holders are text');
    } else {
      assert.match(await page.locator('.details .hint').innerText(), /edge list: it has no patents/);
    }
    await panel.assertClean();
    await page.close();
  }
});
