// ForceAtlas2 in slices of about 30 ms, one slice per animation frame, so the page stays responsive. (Its
// web-worker variant needs a blob: worker, which the webview's CSP forbids.) It runs on a copy of the graph
// and the shown graph takes the positions once, at the end: redrawing 50,000 ties after every slice would
// cost more than the layout. The number of iterations shrinks with the graph: 5,000 nodes and 50,000 edges
// get about seventy.
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { NetworkGraph } from './graph.js';

// CommonJS (`module.exports = forceAtlas2`): the default import is the function at run time.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

const SLICE_MS = 30;

export interface LayoutRun { stop(): void; readonly running: boolean }

/** `onProgress` gets the share of iterations done (0 … 1) after each slice. */
export function runLayout(graph: NetworkGraph, budget: number, onProgress: (share: number) => void, onDone: () => void): LayoutRun {
  const size = graph.order + graph.size;
  const total = Math.max(20, Math.min(budget, Math.round(4e6 / Math.max(size, 1))));
  // Strong gravity at 1 (Gephi's "Stronger Gravity"; inferSettings' 0.05 is too weak) keeps regions without
  // ties in the window beside the rest: far out, fitting the view would shrink the graph into a corner.
  const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: false, strongGravityMode: true, gravity: 1 };
  const work = graph.copy();
  const show = () => graph.updateEachNodeAttributes((node, a) => ({ ...a, x: work.getNodeAttribute(node, 'x'), y: work.getNodeAttribute(node, 'y') }), { attributes: ['x', 'y'] });
  let done = 0;
  let frame = 0;
  const state = { running: graph.order > 1 };
  const finish = () => {
    state.running = false;
    show();
    onDone();
  };
  const step = () => {
    const start = performance.now();
    do {
      forceAtlas2.assign(work, { iterations: 1, settings, getEdgeWeight: 'weight' });
      done++;
    } while (done < total && performance.now() - start < SLICE_MS);
    if (done >= total || !state.running) return finish();
    onProgress(done / total);
    frame = requestAnimationFrame(step);
  };
  if (state.running) frame = requestAnimationFrame(step);
  else onDone();
  return {
    stop() {
      cancelAnimationFrame(frame);
      if (state.running) finish();
    },
    get running() { return state.running; },
  };
}
