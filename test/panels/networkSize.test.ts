// A network past what the view draws whole (filters.ts FULL_VIEW_LIMIT), in headless Chromium: a generated
// window of 12,000 regions and 60,000 ties (past the limit on nodes) opens on the top 2,000 by degree with a
// line stating the counts, and switches to a k-core and to one of the run's communities — each compared with a reference computed here
// (degrees, and k-cores by peeling nodes of degree below k, not the page's Batagelj–Zaversnik). Each filtered
// view's layout is saved under its filter, and the node details list the node's ties in the whole window.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { panelContent } from '../../client/src/panels/content.ts';
import type { FromWebview, NetworkViewState, PanelContent } from '../../client/src/panels/messages.ts';
import type { NetworkWindow } from '../../server/src/results/format.ts';
import { FULL_VIEW_LIMIT } from '../../client/webview/network/filters.ts';
import { launchBrowser, PanelPage } from './harness.ts';
import { communityOf, syntheticResults, type NetworkSize } from './syntheticNetwork.ts';

const SIZE: NetworkSize = { nodes: 12_000, ties: 60_000, communities: 10 };
assert.ok(SIZE.nodes > FULL_VIEW_LIMIT.nodes, 'a window the view filters');
const results = syntheticResults(SIZE);
const last = results.results[0].network!.windows.at(-1)!;
const count = (n: number) => n.toLocaleString('en-US');
let browser: Browser;
before(async () => { browser = await launchBrowser(); });
after(() => browser?.close());

function degrees(w: NetworkWindow): Map<string, number> {
  const degree = new Map(w.nodes.map((n) => [n, 0]));
  for (const t of w.ties) for (const n of [t.source, t.target]) degree.set(n, degree.get(n)! + 1);
  return degree;
}

/** The k-core: nodes left after removing, again and again, every node with fewer than k ties among those left. */
function kCore(w: NetworkWindow, k: number): Set<string> {
  const neighbours = new Map(w.nodes.map((n) => [n, [] as string[]]));
  for (const t of w.ties) { neighbours.get(t.source)!.push(t.target); neighbours.get(t.target)!.push(t.source); }
  const degree = degrees(w);
  const left = new Set(w.nodes);
  const queue = w.nodes.filter((n) => degree.get(n)! < k);
  for (const n of queue) left.delete(n);
  while (queue.length) {
    for (const m of neighbours.get(queue.pop()!)!) {
      if (!left.has(m)) continue;
      degree.set(m, degree.get(m)! - 1);
      if (degree.get(m)! < k) { left.delete(m); queue.push(m); }
    }
  }
  return left;
}

const tiesAmong = (w: NetworkWindow, nodes: Set<string>) => w.ties.filter((t) => nodes.has(t.source) && nodes.has(t.target)).length;

/** The nodes the page draws (its search list is the drawn graph's nodes). */
const drawnNodes = (panel: PanelPage) => panel.page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('#network-nodes option')].map((o) => o.value));
const countsLine = (panel: PanelPage) => panel.page.locator('.counts').innerText();

/** After a change, the page lays the new view out: wait until it has (a change sets `layout` to running first, synchronously). */
const laidOut = (panel: PanelPage) => panel.page.waitForFunction(() => document.body.dataset.layout === 'done');

const lastView = async (panel: PanelPage): Promise<NetworkViewState | undefined> =>
  (await panel.posted()).filter((m): m is Extract<FromWebview, { type: 'networkView' }> => m.type === 'networkView').at(-1)?.view;

async function open(view?: NetworkViewState): Promise<PanelPage> {
  const content: PanelContent = { ...panelContent(results, 'net', 'network'), ...(view ? { networkView: view } : {}) };
  const panel = await PanelPage.open(browser, content);
  await laidOut(panel);
  return panel;
}

test('a large window opens on the top 2,000 nodes by degree, and says how much of the window that is', async () => {
  const panel = await open();
  const degree = degrees(last);
  const top = new Set([...last.nodes.keys()].sort((a, b) => degree.get(last.nodes[b])! - degree.get(last.nodes[a])! || a - b).slice(0, 2_000).map((i) => last.nodes[i]));
  assert.deepEqual(new Set(await drawnNodes(panel)), top);
  const ties = tiesAmong(last, top);
  assert.ok(ties <= FULL_VIEW_LIMIT.ties, 'no cap on ties at this size');
  assert.equal(await countsLine(panel), `Showing 2,000 of ${count(SIZE.nodes)} nodes and ${count(ties)} of ${count(last.ties.length)} ties (top 2,000 by degree)`);
  assert.equal(await panel.page.evaluate(() => document.body.dataset.visibleEdges), String(ties));
  await panel.screenshot('network-filtered');
  await panel.assertClean();
  await panel.page.close();
});

/** A view left on the top 200 (a short layout before the switch each test makes). */
const small: NetworkViewState = { filter: { kind: 'top', measure: 'degree', count: 200 } };

test('the k-core for a chosen k shows exactly the nodes whose core number is at least k; its layout is saved under the filter', async () => {
  const panel = await open(small);
  const { page } = panel;
  await page.locator('select[title="What part of the network to draw"]').selectOption('core');
  await laidOut(panel);
  // the k the switch starts at: the smallest whose core has at most 2,000 nodes
  const start = Number(await page.locator('input[title^="Nodes with core number"]').inputValue());
  assert.ok(kCore(last, start).size <= 2_000 && kCore(last, start - 1).size > 2_000, `k starts at ${start}`);
  const k = start - 1;
  await page.locator('input[title^="Nodes with core number"]').fill(String(k));
  await page.locator('input[title^="Nodes with core number"]').dispatchEvent('change');
  await page.waitForFunction((text) => document.querySelector('.counts')?.textContent?.endsWith(text), `(the ${k}-core)`);
  await laidOut(panel);
  const core = kCore(last, k);
  assert.deepEqual(new Set(await drawnNodes(panel)), core);
  const ties = tiesAmong(last, core);
  assert.ok(core.size <= FULL_VIEW_LIMIT.nodes && ties <= FULL_VIEW_LIMIT.ties, 'the whole core is drawn');
  assert.equal(await countsLine(panel), `Showing ${count(core.size)} of ${count(SIZE.nodes)} nodes and ${count(ties)} of ${count(last.ties.length)} ties (the ${k}-core)`);
  const view = await lastView(panel);
  assert.deepEqual(view?.filter, { kind: 'core', k });
  assert.deepEqual(Object.keys(view?.positions?.[[last.label, 'core', k].join('\u0000')] ?? {}).sort(), [...core].sort(), 'the layout kept under its filter');
  await panel.assertClean();
  await page.close();
});

test('one of the run\'s communities: its nodes; a node\'s details list its ties in the whole window; reopened, the same view without a new layout', async () => {
  const panel = await open(small);
  assert.equal((await drawnNodes(panel)).length, 200, 'the view as left');
  const { page } = panel;
  await page.locator('select[title="What part of the network to draw"]').selectOption('community');
  await laidOut(panel);
  const members = (c: number) => new Set(last.nodes.filter((_, i) => communityOf(SIZE, i) === c));
  // communities of equal size: the largest first, ties by name, so C1
  assert.deepEqual(new Set(await drawnNodes(panel)), members(1));
  await page.locator('select[title="Community"]').selectOption('C7');
  await page.waitForFunction(() => document.querySelector('.counts')?.textContent?.includes('community C7'));
  await laidOut(panel);
  const seven = members(7);
  assert.deepEqual(new Set(await drawnNodes(panel)), seven);
  assert.equal(await countsLine(panel), `Showing ${count(seven.size)} of ${count(SIZE.nodes)} nodes and ${count(tiesAmong(last, seven))} of ${count(last.ties.length)} ties (community C7 of net_nodes.community)`);

  // a node of C7 with ties outside it: all its ties are listed, those to undrawn nodes marked
  const tiesOf = (n: string) => last.ties.filter((t) => t.source === n || t.target === n);
  const outsideOf = (n: string) => tiesOf(n).filter((t) => !seven.has(t.source === n ? t.target : t.source));
  const node = [...seven].find((n) => outsideOf(n).length > 0 && tiesOf(n).length <= 200)!;
  await page.locator('input[type=search]').fill(node);
  await page.locator('input[type=search]').press('Enter');
  const listed = await page.locator('.details ul.ties li').allInnerTexts();
  assert.equal(listed.length, tiesOf(node).length);
  assert.equal(listed.filter((l) => l.endsWith('(not drawn)')).length, outsideOf(node).length);
  const outside = outsideOf(node)[0];
  await page.locator('.details ul.ties button', { hasText: `${outside.source} — ${outside.target} (` }).click();
  assert.equal(await page.locator('.details h2').innerText(), `${outside.source} — ${outside.target}`);
  assert.match(await page.locator('.details').innerText(), new RegExp(`weight ${outside.weight}\\b`));

  const view = await lastView(panel);
  assert.deepEqual(view?.filter, { kind: 'community', measure: 'net_nodes.community', community: 'C7' });
  await panel.assertClean();
  await page.close();
  const reopened = await open(view);
  assert.deepEqual(new Set(await drawnNodes(reopened)), seven);
  assert.deepEqual((await reopened.posted()).filter((m) => m.type === 'networkView'), [], 'the saved layout shown, nothing new to remember');
  await reopened.assertClean();
  await reopened.page.close();
});
