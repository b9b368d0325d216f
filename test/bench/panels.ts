// Network panel benchmark (issue: the view must "stay smooth at 5,000 nodes / 50,000 edges"): the built page
// (dist/webview/network.js under the real CSP, headless Chromium with SwiftShader WebGL, as in the panel
// tests) shows a generated network of 5,000 regions in 25 communities and 50,000 weighted ties per window.
// Prints figures only: the time from the `show` message to the rendered page and to its first paint,
// ForceAtlas2's duration and the animation frames meanwhile (it runs in ~30 ms slices, one per frame), a window
// switch and a threshold change. Painting is SwiftShader's (WebGL on the CPU): far slower than on a GPU.
// Fails only if the page does (a script error, a CSP violation, a failed render), never on slowness.
import { panelContent } from '../../client/src/panels/content.ts';
import type { ToWebview } from '../../client/src/panels/messages.ts';
import { Rng } from '../../server/src/engine/prng.ts';
import { quantile } from '../../server/src/engine/stats/quantile.ts';
import { zipfRank } from '../../server/src/engine/synth/sampling.ts';
import { RESULTS_FORMAT, RESULTS_VERSION, type Cell, type NetworkWindow, type ResultsFile } from '../../server/src/results/format.ts';
import { launchBrowser, PanelPage } from '../panels/harness.ts';

const SIZE = { nodes: 5_000, ties: 50_000, communities: 25 };
const WINDOWS = [{ label: '2011-2015', from: 2011, to: 2015 }, { label: '2016-2020', from: 2016, to: 2020 }];
/** Generous: a loaded 2-core machine must give slow figures, not a timeout. */
const TIMEOUT_MS = 10 * 60_000;

interface Size { nodes: number; ties: number; communities: number }

/**
 * One window: regions R0000… in equal communities; a tie joins a community's member (Zipf-skewed, so
 * communities have hubs) to one of the same community (90 %) or to any region, weights mostly 1–3.
 */
function syntheticWindow(rng: Rng, size: Size, window: (typeof WINDOWS)[number]): NetworkWindow {
  const nodes = Array.from({ length: size.nodes }, (_, i) => `R${String(i).padStart(4, '0')}`);
  const members = Math.floor(size.nodes / size.communities);
  const ties = new Map<string, { source: string; target: string; weight: number }>();
  while (ties.size < size.ties) {
    const community = rng.int(0, size.communities - 1);
    const a = community * members + zipfRank(rng, members, 0.9);
    const b = rng.chance(0.9) ? community * members + rng.int(0, members - 1) : rng.int(0, size.nodes - 1);
    if (a === b) continue;
    const [source, target] = a < b ? [nodes[a], nodes[b]] : [nodes[b], nodes[a]];
    let weight = 1;
    while (rng.chance(0.4)) weight++;
    const key = `${source} ${target}`;
    const tie = ties.get(key);
    if (tie) tie.weight += weight;
    else ties.set(key, { source, target, weight });
  }
  const intra = Object.fromEntries(nodes.filter(() => rng.chance(0.3)).map((n) => [n, rng.int(1, 20)]));
  return { ...window, nodes, ties: [...ties.values()], intra };
}

/** Results of `network net … { windows: 2011..2020 by 5 }` and `measures net_nodes = nodes(net) { degree, tiers: … of degree }`. */
export function syntheticResults(size: Size, seed = 42): ResultsFile {
  const rng = new Rng(seed);
  const windows = WINDOWS.map((w) => syntheticWindow(rng, size, w));
  const rows: Cell[][] = [];
  for (const w of windows) {
    const degree = new Map(w.nodes.map((n) => [n, 0]));
    for (const t of w.ties) for (const n of [t.source, t.target]) degree.set(n, degree.get(n)! + 1);
    const sorted = [...degree.values()].sort((a, b) => a - b);
    const breaks = [0.25, 0.5, 0.75].map((p) => quantile(sorted, p, 1));
    for (const [region, d] of degree) rows.push([w.label, region, d, 1 + breaks.filter((b) => d > b).length]);
  }
  const base = { status: 'ok' as const, seconds: 0, notes: [] };
  return {
    format: RESULTS_FORMAT, version: RESULTS_VERSION, spec: 'bench.study', title: 'Network panel benchmark', engine: 'bench', createdAt: new Date(0).toISOString(),
    results: [
      { ...base, name: 'net', kind: 'network', source: 'coinvention', tables: {}, network: { directed: false, windows } },
      { ...base, name: 'net_nodes', kind: 'measures', source: 'nodes', of: 'net', tables: { nodes: { columns: ['window', 'region', 'degree', 'degree_tier'], rows } } },
    ],
  };
}

interface Recorded { frames: number[]; marks: { name: string; at: number }[] }
declare global {
  interface Window { __bench: Recorded & { mark(name: string): void; message?: ToWebview } }
}

// As a string (like the harness's stub): tsx would wrap named functions in a helper the page does not have.
// Every animation frame's time, and the times the panel sets body[data-state] and body[data-layout].
const RECORDER = `(() => {
  const bench = window.__bench = { frames: [], marks: [], mark: (name) => bench.marks.push({ name, at: performance.now() }) };
  // performance.now(), not the callback's argument: under load Chromium passes stale frame times
  const tick = () => { bench.frames.push(performance.now()); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new MutationObserver((records) => {
    for (const r of records) bench.mark(r.attributeName.slice(5) + ':' + document.body.getAttribute(r.attributeName));
  }).observe(document.body, { attributes: true, attributeFilter: ['data-state', 'data-layout'] });
})()`;

/** The first mark named `name` at or after `from`. */
function markAfter(recorded: Recorded, name: string, from: number): number {
  const mark = recorded.marks.find((m) => m.name === name && m.at >= from);
  if (!mark) throw new Error(`the page never set ${name} after ${from.toFixed(0)} ms: ${recorded.marks.map((m) => m.name).join(', ')}`);
  return mark.at;
}

/**
 * What follows a change the page made at `from` (a render, a window switch): when it was painted — the
 * frame after the first one that began after it, as a frame's commit holds the main thread until the WebGL
 * canvas is drawn — and the intervals between the frames from then until `to`.
 */
function framesAfter(recorded: Recorded, from: number, to: number): { painted: number; intervals: number[] } {
  const { frames } = recorded;
  const first = frames.findIndex((f) => f >= from);
  if (first < 0 || first + 1 >= frames.length) throw new Error(`no frame was drawn after ${from.toFixed(0)} ms`);
  const intervals: number[] = [];
  for (let i = first + 2; i < frames.length && frames[i - 1] < to; i++) intervals.push(frames[i] - frames[i - 1]);
  return { painted: frames[first + 1], intervals };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
function frameFigures(intervals: number[]): string {
  if (!intervals.length) return 'no frames';
  const slow = intervals.filter((x) => x > 100).length;
  return `p50 ${ms(quantile(intervals, 0.5, 1))}, p95 ${ms(quantile(intervals, 0.95, 1))}, max ${ms(Math.max(...intervals))}, ${slow} > 100 ms (n=${intervals.length})`;
}

export async function benchPanels(): Promise<void> {
  const count = (n: number) => n.toLocaleString('en-US');
  const title = `network panel ${count(SIZE.nodes)} nodes / ${count(SIZE.ties)} ties`;
  console.log(`\n${title} (${SIZE.communities} communities, ${WINDOWS.length} windows; headless Chromium, SwiftShader WebGL)`);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    // launchBrowser asserts that the binary exists (CHROMIUM, default /usr/bin/chromium)
    if ((e as { code?: string }).code !== 'ERR_ASSERTION') throw e;
    console.log(`  skipped: ${(e as Error).message}`);
    return;
  }
  try {
    const results = syntheticResults(SIZE);
    const last = results.results[0].network!.windows.at(-1)!;
    // The page is loaded (and its script compiled) with a small network first, so the figures are the
    // big network's alone; then the recorder starts and the big network is sent as the extension sends it.
    const panel = await PanelPage.open(browser, panelContent(syntheticResults({ nodes: 100, ties: 400, communities: 4 }), 'net_nodes', 'network'));
    const { page } = panel;
    page.setDefaultTimeout(TIMEOUT_MS);
    // the layout is done, and its positions painted (the frame after the one that begins next has)
    const layoutDone = async () => {
      await page.waitForFunction(() => document.body.dataset.layout === 'done');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    };
    await layoutDone();
    await page.evaluate(RECORDER);
    const recorded = () => page.evaluate(() => ({ frames: window.__bench.frames, marks: window.__bench.marks }));

    // The content goes into the page first (playwright's transfer of 100,000 ties takes seconds and is no part
    // of the panel), then the page posts it to itself as the extension's message: from there on it counts.
    await page.evaluate((m) => { window.__bench.message = m; }, { type: 'show', content: panelContent(results, 'net_nodes', 'network') } satisfies ToWebview);
    const shown = await page.evaluate(() => {
      delete document.body.dataset.state;
      const start = performance.now();
      window.postMessage(window.__bench.message, '*');
      return start;
    });
    await page.waitForFunction(() => document.body.dataset.state !== undefined);
    if (await page.evaluate(() => document.body.dataset.state) !== 'rendered') throw new Error(`the panel failed: ${(await page.locator('.panel-error').allTextContents()).join(' ')}`);
    await layoutDone();
    let r = await recorded();
    const rendered = markAfter(r, 'state:rendered', shown);
    const laidOut = markAfter(r, 'layout:done', rendered);
    const opened = framesAfter(r, rendered, laidOut);
    const laidOutPainted = framesAfter(r, laidOut, laidOut).painted;
    const drawn = await page.evaluate(() => ({ nodes: document.body.dataset.nodes, window: document.body.dataset.window }));
    if (drawn.nodes !== String(SIZE.nodes) || drawn.window !== last.label) throw new Error(`the panel shows ${drawn.nodes} nodes of ${drawn.window}, not ${SIZE.nodes} of ${last.label}`);

    // Window switch: the slider's input handler builds the window's graph, its communities and styles and
    // redraws, synchronously; then the layout runs from the positions the regions already have.
    const first = WINDOWS[0].label;
    const switched = await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>('input[type=range][title="Window"]')!;
      slider.value = '0';
      const start = performance.now();
      slider.dispatchEvent(new Event('input'));
      return { start, end: performance.now() };
    });
    await layoutDone();
    r = await recorded();
    const switchDone = markAfter(r, 'layout:done', switched.start);
    const switchFrames = framesAfter(r, switched.end, switchDone);
    const switchPainted = framesAfter(r, switchDone, switchDone).painted;
    if (await page.evaluate(() => document.body.dataset.window) !== first) throw new Error(`the window slider did not show ${first}`);

    // Threshold: hiding ties lighter than 2…5 and back to 1, each a synchronous filter and redraw, set at the
    // start of a frame and painted by the next one.
    const thresholds: { handler: number; painted: number }[] = [];
    for (const value of [2, 3, 4, 5, 1]) {
      thresholds.push(await page.evaluate((v) => new Promise<{ handler: number; painted: number }>((resolve) => requestAnimationFrame(() => {
        const input = document.querySelector<HTMLInputElement>('input[type=range][title^="Hide ties"]')!;
        input.value = String(v);
        const start = performance.now();
        input.dispatchEvent(new Event('input'));
        const handler = performance.now() - start;
        requestAnimationFrame(() => resolve({ handler, painted: performance.now() - start }));
      })), value));
    }
    const heap = await page.evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize);
    await panel.assertClean();

    const median = (xs: number[]) => ms(quantile(xs, 0.5, 1));
    const line = (label: string, figures: string) => console.log(`  ${label.padEnd(42)} ${figures}`);
    line('first render (show message → rendered)', `${s(rendered - shown)}, painted ${s(opened.painted - shown)}`);
    line(`layout ${last.label} (ForceAtlas2)`, `${s(laidOut - rendered)}, painted ${s(laidOutPainted - laidOut)} later`);
    line('  frames, first paint → layout done', frameFigures(opened.intervals));
    line(`window switch → ${first}`, `handler ${ms(switched.end - switched.start)}, painted ${s(switchFrames.painted - switched.start)}; layout ${s(switchDone - switched.end)}, painted ${s(switchPainted - switchDone)} later`);
    line('  frames, first paint → layout done', frameFigures(switchFrames.intervals));
    line('threshold change (ties ≥ 2, 3, 4, 5, 1)', `handler p50 ${median(thresholds.map((x) => x.handler))}; painted p50 ${median(thresholds.map((x) => x.painted))}, max ${ms(Math.max(...thresholds.map((x) => x.painted)))}`);
    if (heap) line('page JS heap after', `${(heap / 2 ** 20).toFixed(0)} MiB`);
    const slow = opened.intervals.filter((x) => x > 100).length;
    const p95 = opened.intervals.length ? ms(quantile(opened.intervals, 0.95, 1)) : '–';
    console.log(`  ${title}: first render ${s(rendered - shown)} (painted ${s(opened.painted - shown)}), layout ${s(laidOut - rendered)}, frames p95 ${p95} (max ${ms(Math.max(0, ...opened.intervals))}, ${slow} > 100 ms)`);
    console.log('  (WebGL in SwiftShader: the CPU paints the canvas, so painting is far slower than on a GPU)');
    await page.close();
  } finally {
    await browser.close();
  }
}
