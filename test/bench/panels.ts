// Network panel benchmark: the built page (dist/webview/network.js under the real CSP, headless Chromium with
// SwiftShader WebGL, as in the panel tests) shows generated networks (test/panels/syntheticNetwork.ts: regions in
// communities, two windows): 5,000 nodes / 50,000 ties, the most the whole-window view draws, and 10⁵ and 10⁶
// ties, which it shows filtered (client/webview/network/filters.ts, FULL_VIEW_LIMIT).
// Prints figures only: the message's size and parse time as objects and as columns, the time from the `show`
// message to the rendered page and to its first paint, ForceAtlas2's duration and the animation frames
// meanwhile (it runs in ~30 ms slices, one per frame), a window switch, a threshold change and, filtered,
// changing N and switching to the k-core and to a community. Painting is SwiftShader's (WebGL on the CPU): far
// slower than on a GPU. Fails only if the page does (a script error, a CSP violation, a failed render), never
// on slowness. `INNOGRAPH_BENCH_NETWORKS=20000/200000,…` (nodes/ties) benchmarks other sizes.
import { panelContent } from '../../client/src/panels/content.ts';
import type { PanelContent, ToWebview } from '../../client/src/panels/messages.ts';
import { packTies } from '../../client/src/panels/tieColumns.ts';
import { quantile } from '../../server/src/engine/stats/quantile.ts';
import { launchBrowser, PanelPage } from '../panels/harness.ts';
import { syntheticResults, WINDOWS, type NetworkSize } from '../panels/syntheticNetwork.ts';

const SIZES: NetworkSize[] = process.env.INNOGRAPH_BENCH_NETWORKS
  ? process.env.INNOGRAPH_BENCH_NETWORKS.split(',').map((s) => { const [nodes, ties] = s.split('/').map(Number); return { nodes, ties, communities: 25 }; })
  : [{ nodes: 5_000, ties: 50_000, communities: 25 }, { nodes: 10_000, ties: 100_000, communities: 25 }, { nodes: 100_000, ties: 1_000_000, communities: 50 }];
/** Generous: a loaded 2-core machine must give slow figures, not a timeout. */
const TIMEOUT_MS = 10 * 60_000;

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

const count = (n: number) => n.toLocaleString('en-US');
const line = (label: string, figures: string) => console.log(`  ${label.padEnd(44)} ${figures}`);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** What the extension sends: the content's JSON as objects and as columns, and the time to parse each (wall, CPU). */
function messageFigures(content: PanelContent): void {
  for (const [label, form] of [['ties as objects', content], ['ties as columns (sent)', packTies(content)]] as const) {
    const json = JSON.stringify(form);
    const [wall, used] = [performance.now(), cpu()];
    JSON.parse(json);
    line(`message, ${label}`, `${(json.length / 2 ** 20).toFixed(1)} MiB, JSON.parse ${ms(performance.now() - wall)} (CPU ${ms(cpu() - used)})`);
  }
}

export async function benchPanels(): Promise<void> {
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    // launchBrowser asserts that the binary exists (CHROMIUM, default /usr/bin/chromium)
    if ((e as { code?: string }).code !== 'ERR_ASSERTION') throw e;
    console.log(`\nnetwork panel: skipped: ${(e as Error).message}`);
    return;
  }
  try {
    for (const size of SIZES) await benchSize(browser, size);
  } finally {
    await browser.close();
  }
}

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

async function benchSize(browser: Browser, size: NetworkSize): Promise<void> {
  const title = `network panel ${count(size.nodes)} nodes / ${count(size.ties)} ties`;
  console.log(`\n${title} (${size.communities} communities, ${WINDOWS.length} windows; headless Chromium, SwiftShader WebGL)`);
  const results = syntheticResults(size);
  const content = panelContent(results, 'net_nodes', 'network');
  messageFigures(content);
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

  // The content goes into the page first (playwright's transfer is no part of the panel), then the page posts
  // it to itself as the extension's message: from there on it counts.
  await page.evaluate((m) => { window.__bench.message = m; }, { type: 'show', content: packTies(content) } satisfies ToWebview);
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
  const drawn = await page.evaluate(() => ({ nodes: Number(document.body.dataset.nodes), window: document.body.dataset.window, filtered: document.body.dataset.filtered === 'true' }));
  if (drawn.window !== last.label || (!drawn.filtered && drawn.nodes !== size.nodes)) throw new Error(`the panel shows ${drawn.nodes} nodes of ${drawn.window}, not ${size.nodes} of ${last.label}`);
  const countsLine = drawn.filtered ? await page.locator('.counts').innerText() : 'the whole window';

  /** Sets a control at the start of a frame; the handler's time, then until the layout is done and painted. */
  const change = async (describe: string, act: string) => {
    // a string: run by the debugger protocol, so the page's CSP (no eval) does not apply
    const at = await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => { const start = performance.now(); ${act} resolve({ start, end: performance.now() }); }))`) as { start: number; end: number };
    await layoutDone();
    const rec = await recorded();
    const done = markAfter(rec, 'layout:done', at.start);
    const frames = framesAfter(rec, at.end, done);
    line(describe, `handler ${ms(at.end - at.start)}, painted ${s(frames.painted - at.start)}; layout ${s(done - at.end)}, painted ${s(framesAfter(rec, done, done).painted - done)} later`);
    line('  frames, first paint → layout done', frameFigures(frames.intervals));
  };

  line('shown', countsLine);
  line('first render (show message → rendered)', `${s(rendered - shown)}, painted ${s(opened.painted - shown)}`);
  line(`layout ${last.label} (ForceAtlas2)`, `${s(laidOut - rendered)}, painted ${s(laidOutPainted - laidOut)} later`);
  line('  frames, first paint → layout done', frameFigures(opened.intervals));
  r = await recorded();

  // Window switch: the slider's input handler builds the window's graph (filtered: its ties' arrays and the
  // filter first), its communities and styles and redraws, synchronously; then the layout runs.
  const first = WINDOWS[0].label;
  await change(`window switch → ${first}`, `const s = document.querySelector('input[type=range][title="Window"]'); s.value = '0'; s.dispatchEvent(new Event('input'));`);
  if (await page.evaluate(() => document.body.dataset.window) !== first) throw new Error(`the window slider did not show ${first}`);
  if (drawn.filtered) {
    const setNumber = (title: string, value: number) => `const i = document.querySelector('input[type=number][title="${title}"]'); i.value = '${value}'; i.dispatchEvent(new Event('change'));`;
    await change('filter: top 5,000 by degree', setNumber('How many nodes', 5_000));
    const show = (kind: string) => `const s = document.querySelector('select[title="What part of the network to draw"]'); s.value = '${kind}'; s.dispatchEvent(new Event('change'));`;
    await change('filter: k-core (core numbers computed)', show('core'));
    line('  shown', await page.locator('.counts').innerText());
    await change('filter: the largest community', show('community'));
    line('  shown', await page.locator('.counts').innerText());
  }

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
  line('threshold change (ties ≥ 2, 3, 4, 5, 1)', `handler p50 ${median(thresholds.map((x) => x.handler))}; painted p50 ${median(thresholds.map((x) => x.painted))}, max ${ms(Math.max(...thresholds.map((x) => x.painted)))}`);
  if (heap) line('page JS heap after', `${(heap / 2 ** 20).toFixed(0)} MiB`);
  const slow = opened.intervals.filter((x) => x > 100).length;
  const p95 = opened.intervals.length ? ms(quantile(opened.intervals, 0.95, 1)) : '–';
  console.log(`  ${title}${drawn.filtered ? ' (filtered)' : ''}: first render ${s(rendered - shown)} (painted ${s(opened.painted - shown)}), layout ${s(laidOut - rendered)}, frames p95 ${p95} (max ${ms(Math.max(0, ...opened.intervals))}, ${slow} > 100 ms)`);
  console.log('  (WebGL in SwiftShader: the CPU paints the canvas, so painting is far slower than on a GPU)');
  await page.close();
}
