// The network window as a standalone SVG (what "SVG…" saves and "PNG…" rasterises): ties under the nodes
// (directed ones as the view's arcs), node circles in their current colours and sizes, and the labels of the
// largest nodes. Built with the DOM and serialised, so region names are escaped by the serializer.
import { controlPoint } from './curvedEdges.js';
import type { NetworkGraph } from './graph.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 1000;
const MARGIN = 40;
const LABELS = 40;

function node<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export function networkSvg(graph: NetworkGraph, edges: readonly string[], directed: boolean, title: string, foreground: string): { text: string; width: number; height: number } {
  const xs = graph.mapNodes((_, a) => a.x);
  const ys = graph.mapNodes((_, a) => -a.y); // graph y points up, SVG y down
  const [minX, maxX, minY, maxY] = [Math.min(...xs, 0), Math.max(...xs, 1), Math.min(...ys, 0), Math.max(...ys, 1)];
  const scale = (WIDTH - 2 * MARGIN) / Math.max(maxX - minX, maxY - minY, 1e-9);
  const height = Math.round((maxY - minY) * scale + 2 * MARGIN);
  const px = (x: number) => MARGIN + (x - minX) * scale;
  const py = (y: number) => MARGIN + (-y - minY) * scale;
  const svg = node('svg', { xmlns: NS, width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, 'font-family': 'sans-serif' });
  svg.append(node('title', {}, title));
  if (directed) {
    const marker = node('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' });
    marker.append(node('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#999' }));
    const defs = node('defs', {});
    defs.append(marker);
    svg.append(defs);
  }
  const ties = node('g', { class: 'ties', stroke: '#999', 'stroke-opacity': 0.5, fill: 'none' });
  for (const edge of edges) {
    const [s, t] = graph.extremities(edge).map((n) => graph.getNodeAttributes(n));
    const width = graph.getEdgeAttribute(edge, 'size');
    if (!directed) {
      ties.append(node('line', { x1: px(s.x), y1: py(s.y), x2: px(t.x), y2: py(t.y), 'stroke-width': width }));
      continue;
    }
    // an arc as on screen, its arrow's tip at the target's rim
    const c = controlPoint(s, t);
    const [cx, cy, tx, ty] = [px(c.x), py(c.y), px(t.x), py(t.y)];
    const away = Math.hypot(tx - cx, ty - cy) || 1;
    const [ex, ey] = [tx - ((tx - cx) / away) * t.size, ty - ((ty - cy) / away) * t.size];
    ties.append(node('path', { d: `M${px(s.x)},${py(s.y)} Q${cx},${cy} ${ex},${ey}`, 'stroke-width': width, 'marker-end': 'url(#arrow)' }));
  }
  const nodes = node('g', { class: 'nodes', stroke: '#fff', 'stroke-width': 0.5 });
  graph.forEachNode((_, a) => nodes.append(node('circle', { cx: px(a.x), cy: py(a.y), r: a.size, fill: a.color })));
  const labels = node('g', { class: 'labels', fill: foreground, 'font-size': 12 });
  for (const id of graph.nodes().sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size')).slice(0, LABELS)) {
    const a = graph.getNodeAttributes(id);
    labels.append(node('text', { x: px(a.x) + a.size + 2, y: py(a.y) + 4 }, a.label));
  }
  svg.append(ties, nodes, labels);
  return { text: new XMLSerializer().serializeToString(svg), width: WIDTH, height };
}
