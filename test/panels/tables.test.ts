// Tables panel in headless Chromium, from the rare-earth example's real results: the CONCOR blocks' four
// tables (undefined cells as "—"), sorting, fixed decimals per column, the window filter of tie measures and
// the CSV export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelContent } from '../../client/src/panels/content.ts';
import { exampleInBrowser, PanelPage, runExample } from './harness.ts';

const example = exampleInBrowser('rare_earth.study');

const table = (name: string, t: string) => example.results.results.find((r) => r.name === name)!.tables[t];

test('blocks: partition, density, image and E-I tables; null shown as —; CSV export', async () => {
  const content = panelContent(example.results, 'rein_groups');
  assert.equal(content.kind, 'tables');
  assert.deepEqual(content.alternatives, ['network', 'map']);
  const panel = await PanelPage.open(example.browser, content);
  const { page } = panel;
  assert.deepEqual(await page.locator('section.table h2').allTextContents(), ['partition 31 rows', 'density 4 rows', 'image 4 rows', 'ei 5 rows']);
  const ei = page.locator('section[data-table="ei"] tbody tr');
  assert.deepEqual(await ei.last().locator('td').allTextContents(), ['whole', '70', '86', '0.103', '97', '164', '0.257']);
  const density = table('rein_groups', 'density');
  assert.equal(await page.locator('section[data-table="density"] tbody tr').first().locator('td').nth(1).getAttribute('title'), String(density.rows[0][1]));

  await page.locator('section[data-table="ei"] button', { hasText: 'Save CSV' }).click();
  const saved = (await panel.posted()).find((m) => m.type === 'save');
  assert.ok(saved?.type === 'save' && saved.fileName === 'rein_groups.ei.csv' && saved.encoding === 'utf8');
  const line = (row: unknown[]) => row.map((v) => (v === null ? '' : String(v))).join(',');
  const eiRows = table('rein_groups', 'ei').rows;
  assert.ok(saved.data.startsWith(`block,internal,external,ei,internal_valued,external_valued,ei_valued\r\n${line(eiRows[0])}\r\n`), saved.data);
  assert.ok(saved.data.endsWith(`\r\n${line(eiRows.at(-1)!)}\r\n`) && eiRows.at(-1)![0] === 'whole', saved.data);
  await panel.screenshot('tables-blocks');
  await panel.assertClean();

  // A block of one actor has no diagonal cells: its density is undefined, shown as —.
  const oneActor = structuredClone(example.results);
  oneActor.results.find((r) => r.name === 'rein_groups')!.tables.density.rows[2][3] = null;
  const undefinedCell = await PanelPage.open(example.browser, panelContent(oneActor, 'rein_groups'));
  assert.equal(await undefinedCell.page.locator('section[data-table="density"] tbody tr').nth(2).locator('td').nth(3).textContent(), '—');
});

test('node measures sort by a column (a top-N centrality list)', async () => {
  const panel = await PanelPage.open(example.browser, panelContent(example.results, 'rein_nodes'));
  const { page } = panel;
  const nodes = table('rein_nodes', 'nodes');
  const degree = nodes.columns.indexOf('degree');
  const head = page.locator('section[data-table="nodes"] th', { hasText: /^degree$/ });
  await head.click();
  await head.click();
  assert.equal(await head.getAttribute('aria-sort'), 'descending');
  const top = [...nodes.rows].sort((a, b) => (b[degree] as number) - (a[degree] as number))[0];
  assert.deepEqual((await page.locator('section[data-table="nodes"] tbody tr').first().locator('td').allTextContents()).slice(0, 3), [top[0], top[1], String(top[degree])]);
  await panel.screenshot('tables-nodes-sorted');
  await panel.assertClean();
});

test('each number column with fixed decimals from its values, changed per column', async () => {
  const panel = await PanelPage.open(example.browser, panelContent(example.results, 'rein_nodes'));
  const { page } = panel;
  const nodes = table('rein_nodes', 'nodes');
  const section = page.locator('section[data-table="nodes"]');
  const column = (name: string) => section.locator(`tbody td:nth-child(${nodes.columns.indexOf(name) + 1})`).allTextContents();
  const decimalsOf = (texts: string[]) => new Set(texts.filter((t) => t !== '—').map((t) => t.split('.')[1]?.length ?? 0));
  assert.deepEqual(decimalsOf(await column('degree')), new Set([0]), 'counts without decimals');
  const closeness = decimalsOf(await column('closeness'));
  assert.equal(closeness.size, 1, 'one number of decimals down the column');
  assert.ok([...closeness][0] >= 2, `closeness with ${[...closeness][0]} decimals`);
  await section.locator('select[title="Decimals of closeness"]').selectOption('1');
  assert.deepEqual(decimalsOf(await column('closeness')), new Set([1]));
  assert.deepEqual(decimalsOf(await column('degree')), new Set([0]), 'other columns keep theirs');
  const first = nodes.rows[0][nodes.columns.indexOf('closeness')];
  assert.equal((await column('closeness'))[0], typeof first === 'number' ? first.toFixed(1) : '—');
  await panel.screenshot('tables-decimals');
  await panel.assertClean();
});

test('tie measures: a window filter; each row with the tier the run gave it (— where none)', async () => {
  const panel = await PanelPage.open(example.browser, panelContent(example.results, 'rein_ties'));
  const { page } = panel;
  const section = page.locator('section[data-table="ties"]');
  const ties = table('rein_ties', 'ties');
  assert.equal(await section.locator('tbody tr').count(), ties.rows.length);
  await section.locator('.toolbar select').selectOption('2001–2005');
  const first = ties.rows.filter((r) => r[0] === '2001–2005');
  assert.equal(await section.locator('tbody tr').count(), first.length);
  assert.deepEqual(await section.locator('tbody tr').first().locator('td').allTextContents(), [...first[0].slice(0, 4).map(String), String(first[0][4] ?? '—')]);
  await panel.assertClean();
});

test('descriptives show the spec\'s labels and 3 fixed decimals, as esttab prints; the CSV keeps the terms', async () => {
  const results = runExample('tech_overlap.study', ['table2_all']);
  const panel = await PanelPage.open(example.browser, panelContent(results, 'table2_all'));
  const { page } = panel;
  const descriptives = results.results.find((r) => r.name === 'table2_all')!.tables.descriptives;
  const overlap = descriptives.rows.find((r) => r[0] === 'l(Overlap, 3)')!;
  const row = page.locator('section[data-table="descriptives"] tbody tr').nth(descriptives.rows.indexOf(overlap));
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[0], 'Overlap_ijt−3');
  const mean = descriptives.columns.indexOf('mean');
  assert.equal(cells[mean], (overlap[mean] as number).toFixed(3));
  await page.locator('section[data-table="descriptives"] button', { hasText: 'Save CSV' }).click();
  const saved = (await panel.posted()).find((m) => m.type === 'save');
  assert.ok(saved?.type === 'save' && saved.data.includes('"l(Overlap, 3)",'), 'the saved CSV is the data');
  await panel.assertClean();
});
