// ForceAtlas2 in small steps, one step per animation frame, so the page stays responsive and the layout
// settles visibly. (Its web-worker variant needs a blob: worker, which the webview's CSP forbids.) The
// number of iterations shrinks with the graph: 5,000 nodes and 50,000 edges get a few dozen.
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { NetworkGraph } from './graph.js';

// CommonJS (`module.exports = forceAtlas2`): the default import is the function at run time.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface LayoutRun { stop(): void; readonly running: boolean }

export function runLayout(graph: NetworkGraph, budget: number, onDone: () => void): LayoutRun {
  const size = graph.order + graph.size;
  const total = Math.max(20, Math.min(budget, Math.round(4e6 / Math.max(size, 1))));
  const perFrame = Math.max(1, Math.round(20000 / Math.max(size, 1)));
  const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: false };
  let done = 0;
  let frame = 0;
  const state = { running: graph.order > 1 };
  const step = () => {
    const n = Math.min(perFrame, total - done);
    forceAtlas2.assign(graph, { iterations: n, settings, getEdgeWeight: 'weight' });
    done += n;
    if (done < total && state.running) frame = requestAnimationFrame(step);
    else {
      state.running = false;
      onDone();
    }
  };
  if (state.running) frame = requestAnimationFrame(step);
  else onDone();
  return {
    stop() {
      cancelAnimationFrame(frame);
      if (state.running) {
        state.running = false;
        onDone();
      }
    },
    get running() { return state.running; },
  };
}
