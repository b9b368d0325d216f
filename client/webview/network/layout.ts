// ForceAtlas2 in slices of about 30 ms, one slice per animation frame, so the page stays responsive. (Its
// web-worker variant needs a blob: worker, which the webview's CSP forbids.) It runs on a copy of the graph
// and the shown graph takes the positions once, at the end: redrawing 50,000 ties after every slice would
// cost more than the layout. Settings and iterations are the engine's (engine/networkPicture/layout.ts).
import type { NetworkGraph } from '../../../server/src/engine/networkPicture/graph.js';
import { forceAtlas2, layoutIterations, layoutSettings } from '../../../server/src/engine/networkPicture/layout.js';

const SLICE_MS = 30;

export interface LayoutRun { stop(): void; readonly running: boolean }

/** `onProgress` gets the share of iterations done (0 … 1) after each slice. */
export function runLayout(graph: NetworkGraph, budget: number, onProgress: (share: number) => void, onDone: () => void): LayoutRun {
  const total = layoutIterations(graph, budget);
  const settings = layoutSettings(graph);
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
