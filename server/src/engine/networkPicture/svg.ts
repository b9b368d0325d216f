// A network window as a standalone SVG document (what the panel's "SVG…" saves and "PNG…" rasterises, and
// what report.html shows): ties under the nodes (directed ones as the panel's arcs), node circles in their colours and sizes, and the
// labels of the largest nodes. Text only, every string escaped, so it is built the same in Node and a page.
import { element } from '../exports/xml.js';
import { controlPoint } from './arc.js';
import type { NetworkGraph } from './graph.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 1000;
const MARGIN = 40;
const LABELS = 40;

/** Coordinates to two decimals: a picture needs no more, and the file stays small. */
const round = (x: number) => Math.round(x * 100) / 100;

export function networkSvg(graph: NetworkGraph, edges: readonly string[], directed: boolean, title: string, foreground: string): { text: string; width: number; height: number } {
  const xs = graph.mapNodes((_, a) => a.x);
  const ys = graph.mapNodes((_, a) => -a.y); // graph y points up, SVG y down
  // Loops, not Math.min(...xs): spreading thousands of values into a call overflows the stack.
  const [minX, maxX, minY, maxY] = [xs.reduce((m, x) => Math.min(m, x), 0), xs.reduce((m, x) => Math.max(m, x), 1), ys.reduce((m, y) => Math.min(m, y), 0), ys.reduce((m, y) => Math.max(m, y), 1)];
  const scale = (WIDTH - 2 * MARGIN) / Math.max(maxX - minX, maxY - minY, 1e-9);
  const height = Math.round((maxY - minY) * scale + 2 * MARGIN);
  const px = (x: number) => round(MARGIN + (x - minX) * scale);
  const py = (y: number) => round(MARGIN + (-y - minY) * scale);
  const arrow = directed
    ? [element('defs', {}, [element('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, [element('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#999' })])])]
    : [];
  const ties = edges.map((edge) => {
    const [s, t] = graph.extremities(edge).map((n) => graph.getNodeAttributes(n));
    const width = round(graph.getEdgeAttribute(edge, 'size'));
    if (!directed) return element('line', { x1: px(s.x), y1: py(s.y), x2: px(t.x), y2: py(t.y), 'stroke-width': width });
    // an arc as on screen, its arrow's tip at the target's rim
    const c = controlPoint(s, t);
    const [cx, cy, tx, ty] = [px(c.x), py(c.y), px(t.x), py(t.y)];
    const away = Math.hypot(tx - cx, ty - cy) || 1;
    const [ex, ey] = [round(tx - ((tx - cx) / away) * t.size), round(ty - ((ty - cy) / away) * t.size)];
    return element('path', { d: `M${px(s.x)},${py(s.y)} Q${cx},${cy} ${ex},${ey}`, 'stroke-width': width, 'marker-end': 'url(#arrow)' });
  });
  const circles = graph.mapNodes((_, a) => element('circle', { cx: px(a.x), cy: py(a.y), r: round(a.size), fill: a.color }));
  const labelled = graph.nodes().sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size')).slice(0, LABELS);
  const labels = labelled.map((id) => {
    const a = graph.getNodeAttributes(id);
    return element('text', { x: round(px(a.x) + a.size + 2), y: round(py(a.y) + 4) }, a.label);
  });
  const text = element('svg', { xmlns: NS, width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, 'font-family': 'sans-serif' }, [
    element('title', {}, title),
    ...arrow,
    element('g', { class: 'ties', stroke: '#999', 'stroke-opacity': 0.5, fill: 'none' }, ties),
    element('g', { class: 'nodes', stroke: '#fff', 'stroke-width': 0.5 }, circles),
    element('g', { class: 'labels', fill: foreground, 'font-size': 12 }, labels),
  ]);
  return { text, width: WIDTH, height };
}
