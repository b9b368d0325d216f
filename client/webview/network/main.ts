// Network view: sigma.js (WebGL) over a graphology graph of one window. Size by degree or any node measure,
// colour by Louvain community, CONCOR block, Jenks tier or node attribute (with a legend), an edge-weight threshold, a window
// slider with play, search and highlight, node details on click (every measure the run computed for the node,
// and betweenness and closeness computed here), a tie's patents on click, and SVG/PNG/GEXF exports. The style
// and each window's finished layout are kept (webview state, and the extension's workspace state per spec and
// network), so reopening shows the same picture. Past FULL_VIEW_LIMIT a window is shown filtered (top N by a
// measure, a k-core, one community: filters.ts), with a line stating how much of it is drawn.
import '../shared/base.css';
import './network.css';
import Sigma from 'sigma';
import { gexf } from '../../../server/src/engine/exports/gexf.js';
import type { Cell, DeclarationResult, NetworkWindow } from '../../../server/src/results/format.js';
import type { NetworkFilter, NetworkStyle, NetworkViewState, PanelContent, TieColumns } from '../../src/panels/messages.js';
import { button, h, labelled, select } from '../shared/dom.js';
import { savePng, saveText, themeColor } from '../shared/files.js';
import { displayCell } from '../shared/format.js';
import { focusOf, renderFrame } from '../shared/frame.js';
import { keep, post, startPanel } from '../shared/host.js';
import { legend } from '../shared/legend.js';
import { categoryColor, NO_VALUE, tierColor } from '../../../server/src/engine/maps/palette.js';
import { nodeMeasures, type NodeMeasure } from '../../../server/src/engine/maps/nodeMeasures.js';
import { communities, placeNew, windowGraph, type EdgeAttributes, type NetworkGraph, type NodeAttributes } from '../../../server/src/engine/networkPicture/graph.js';
import { networkSvg } from '../../../server/src/engine/networkPicture/svg.js';
import { maxTieWeight, nodeSize, tieWidth } from '../../../server/src/engine/networkPicture/picture.js';
import { countsLine, DEFAULT_COUNT, filterKey, isLarge, WindowFilters, type Subgraph } from './filters.js';
import { filterControls, type FilterChoices } from './filterControls.js';
import { otherEnd, tieTable } from './tieTable.js';
import { blockPartitions, centralities, largestNodes } from './graph.js';
import { CurvedArrowProgram } from './curvedEdges.js';
import { labelDrawer } from './labels.js';
import { runLayout, type LayoutRun } from './layout.js';
import { tieDetails } from './tieDetails.js';
import { asciiFileName } from '../../../server/src/engine/exports/fileName.js';
import { article } from '../../../server/src/util/text.js';

const PLAY_MS = 1500;
/** The largest nodes' labels are always drawn; the others where they fit (sigma's label grid), on hover or zoomed in. */
const TOP_LABELS = 10;
/** A node's ties listed in its details, heaviest first (a firm's can run to thousands). */
const LISTED_TIES = 200;

class NetworkView {
  private readonly network: NonNullable<DeclarationResult['network']>;
  private readonly networkName: string;
  /** The network's source function (coapplication, edges …): whether its ties have patents to list. */
  private readonly networkSource: string | undefined;
  private readonly measures: NodeMeasure[];
  /** The ties as the extension sent them (columns, one per window), else undefined: the windows' own ties. */
  private readonly tieColumns: TieColumns[] | undefined;
  /** Each window's ties on typed arrays and its filters, made when the window is first shown. */
  private readonly windowFilters: (WindowFilters | undefined)[] = [];
  private filter: NetworkFilter = { kind: 'top', measure: 'degree', count: DEFAULT_COUNT };
  /** The window as drawn: all of it, or the filtered part (then `subgraph` says which). */
  private shown!: NetworkWindow;
  private subgraph: Subgraph | undefined;
  private readonly values;
  private readonly partitions;
  private readonly positions = new Map<string, { x: number; y: number }>();
  private windowIndex: number;
  private graph!: NetworkGraph;
  private categories = new Map<string, string | null>();
  private sizeBy = 'degree';
  private colorBy = 'community';
  private threshold = 0;
  private topLabels = new Set<string>();
  /** The window's betweenness and closeness, computed when details are first shown (null: not yet). */
  private centrality: ReturnType<typeof centralities> | null = null;
  private readonly saved: NonNullable<NetworkViewState['positions']>;
  private highlighted: string | undefined;
  /** The tie whose patents the details show, drawn in the focus colour. */
  private selectedTie: string | undefined;
  private renderer: Sigma<NodeAttributes, EdgeAttributes> | undefined;
  private layout: LayoutRun | undefined;
  private player: number | undefined;
  private readonly canvas = h('div', { class: 'sigma' });
  private readonly legendHolder = h('div');
  private readonly details = h('aside', { class: 'details' });
  private readonly windowLabel = h('span', { class: 'window-label' });
  private readonly thresholdLabel = h('span');
  private readonly thresholdInput = h('input');
  private readonly status = h('span', { class: 'status' });
  private readonly filterHolder = h('span');
  private readonly counts = h('p', { class: 'counts' });

  constructor(private readonly content: PanelContent, network: DeclarationResult) {
    this.network = network.network!;
    this.networkName = network.name;
    this.networkSource = network.source;
    ({ measures: this.measures, values: this.values } = nodeMeasures(content.results));
    this.partitions = blockPartitions(content.results);
    this.tieColumns = content.tieColumns?.[network.name];
    this.windowIndex = this.network.windows.length - 1;
    const view = content.networkView ?? {};
    this.saved = { ...view.positions };
    if (view.style) ({ sizeBy: this.sizeBy, colorBy: this.colorBy, threshold: this.threshold } = view.style);
    if (view.filter) this.filter = view.filter;
  }

  /** Keeps the view in the webview state and asks the extension to remember it for this spec and network. */
  private remember(): void {
    const style: NetworkStyle = { sizeBy: this.sizeBy, colorBy: this.colorBy, threshold: this.threshold };
    const view: NetworkViewState = { style, filter: this.filter, positions: this.saved };
    keep({ networkView: view });
    post({ type: 'networkView', view });
  }

  render(): void {
    const windows = this.network.windows;
    const slider = h('input', { type: 'range', min: '0', max: String(windows.length - 1), value: String(this.windowIndex), title: 'Window' });
    slider.addEventListener('input', () => this.showWindow(Number(slider.value)));
    const play = button('▶ Play', () => {
      if (this.player !== undefined) return this.stopPlaying(play);
      play.textContent = '⏸ Pause';
      this.player = window.setInterval(() => {
        const next = (this.windowIndex + 1) % windows.length;
        slider.value = String(next);
        this.showWindow(next);
      }, PLAY_MS);
    }, 'Step through the windows');
    Object.assign(this.thresholdInput, { type: 'range', min: '0', step: '1', title: 'Hide ties lighter than this' });
    this.thresholdInput.addEventListener('input', () => { this.threshold = Number(this.thresholdInput.value); this.refresh(); });
    this.thresholdInput.addEventListener('change', () => this.remember());
    const search = h('input', { type: 'search', placeholder: `Find ${article(this.noun)} ${this.noun}`, list: 'network-nodes' });
    search.addEventListener('change', () => this.highlight(search.value.trim() || undefined, true));
    const sizeOptions: [string, string][] = [['degree', 'degree (computed)'], ['weight', 'weighted degree (computed)'],
      ...this.measures.filter((m) => m.numeric && !m.tier).map((m) => [m.key, m.key] as [string, string])];
    const colorOptions: [string, string][] = [['community', 'community (Louvain)'],
      ...[...this.partitions.keys()].map((name) => [`block:${name}`, `block (${name})`] as [string, string]),
      ...this.measures.filter((m) => m.tier).map((m) => [`tier:${m.key}`, m.key] as [string, string]),
      ...(this.network.attributes?.columns ?? []).map((c) => [`attribute:${c}`, `${c} (node attribute)`] as [string, string]), ['none', 'none']];
    // a remembered style may name a measure these results no longer have
    if (!sizeOptions.some(([v]) => v === this.sizeBy)) this.sizeBy = 'degree';
    if (!colorOptions.some(([v]) => v === this.colorBy)) this.colorBy = 'community';
    const toolbar = [
      h('span', { class: 'group' }, labelled('Window', slider), this.windowLabel, play),
      labelled('Ties ≥', h('span', { class: 'group' }, this.thresholdInput, this.thresholdLabel)),
      labelled('Size', select(sizeOptions, this.sizeBy, (v) => { this.sizeBy = v; this.restyle(); this.remember(); })),
      labelled('Colour', select(colorOptions, this.colorBy, (v) => { this.colorBy = v; this.restyle(); this.remember(); })),
      this.filterHolder,
      search, h('datalist', { id: 'network-nodes' }),
      h('span', { class: 'group' },
        button('Re-run layout', () => this.startLayout(300)),
        button('SVG…', () => saveText(this.fileName('svg'), this.svg().text)),
        button('PNG…', () => { const { text, width, height } = this.svg(); void savePng(this.fileName('png'), text, width, height); }),
        button('GEXF…', () => saveText(this.fileName('gexf'), this.gexf()), 'The window for Gephi, with the node measures as attributes')),
      this.status,
    ];
    renderFrame(this.content, toolbar, h('div', { class: 'network-body' }, h('div', { class: 'stage' }, this.counts, this.canvas, this.legendHolder), this.details));
    this.showWindow(this.windowIndex);
  }

  dispose(): void {
    this.layout?.stop();
    window.clearInterval(this.player);
    this.renderer?.kill();
  }

  private stopPlaying(play: HTMLButtonElement): void {
    window.clearInterval(this.player);
    this.player = undefined;
    play.textContent = '▶ Play';
  }

  /** What a node is: a region, or the holder column of a network of holders (`applicant`). */
  private get noun(): string {
    return this.network.node ?? 'region';
  }

  private get window(): NetworkWindow {
    return this.network.windows[this.windowIndex];
  }

  private get maxWeight(): number {
    return maxTieWeight(this.shown);
  }

  private get filters(): WindowFilters {
    const i = this.windowIndex;
    return (this.windowFilters[i] ??= new WindowFilters(tieTable(this.window, this.network.directed, this.tieColumns?.[i]), (key) => this.measureValues(key)));
  }

  /** A node measure of the window by node index (NaN: no number). */
  private measureValues(key: string): Float64Array {
    const values = this.values.get(this.window.label);
    return Float64Array.from(this.window.nodes, (node) => { const v = values?.get(node)?.get(key); return typeof v === 'number' ? v : NaN; });
  }

  /** The run's communities in this window, by node index, as `C<community>` (the colours' names). */
  private communityValues(key: string): (string | null)[] {
    const values = this.values.get(this.window.label);
    return this.window.nodes.map((node) => { const c = values?.get(node)?.get(key); return c === null || c === undefined ? null : `C${c}`; });
  }

  /** The saved layout's key: the window's label, or with the filter when filtered. */
  private get viewKey(): string {
    return this.subgraph ? filterKey(this.window.label, this.filter) : this.window.label;
  }

  /** The window, or its filtered part past FULL_VIEW_LIMIT, as a window of its own (ties as objects: few enough now). */
  private showable(): NetworkWindow {
    const filters = this.filters;
    const table = filters.table;
    this.subgraph = undefined;
    if (!isLarge(table)) {
      this.filterHolder.hidden = true;
      this.counts.hidden = true;
      const all = Int32Array.from(table.source.keys());
      return { ...this.window, ties: this.tieObjects(all) };
    }
    const choices = this.filterChoices(filters);
    if (!this.validFilter(choices)) this.filter = { kind: 'top', measure: 'degree', count: DEFAULT_COUNT };
    const sub = this.subgraph = filters.apply(this.filter, (key) => this.communityValues(key));
    this.filterHolder.hidden = false;
    this.filterHolder.replaceChildren(filterControls(this.filter, choices, (filter) => { this.filter = filter; this.showWindow(this.windowIndex); this.remember(); }));
    this.counts.hidden = false;
    this.counts.textContent = countsLine(table, this.filter, sub, (key) => choices.measures.find(([k]) => k === key)?.[1] ?? key);
    const kept = new Set(Array.from(sub.nodes, (v) => this.window.nodes[v]));
    const intra = Object.fromEntries(Object.entries(this.window.intra).filter(([node]) => kept.has(node)));
    return { ...this.window, nodes: [...kept], ties: this.tieObjects(sub.ties), intra };
  }

  private tieObjects(ties: Int32Array): NetworkWindow['ties'] {
    const { nodes, source, target, weight } = this.filters.table;
    return Array.from(ties, (i) => ({ source: nodes[source[i]], target: nodes[target[i]], weight: weight[i] }));
  }

  private filterChoices(filters: WindowFilters): FilterChoices {
    const numeric = this.measures.filter((m) => m.numeric && !m.tier && m.column !== 'community');
    const reported = this.measures.find((m) => m.column === 'community' && this.communityValues(m.key).some((c) => c !== null));
    const sizes = new Map<string, number>();
    if (reported) for (const c of this.communityValues(reported.key)) if (c !== null) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    return {
      nodes: filters.table.nodes.length,
      measures: [['degree', 'degree'], ['weight', 'weighted degree'], ...numeric.map((m) => [m.key, m.key] as const)],
      communities: reported ? { measure: reported.key, sizes: [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], undefined, { numeric: true })) } : undefined,
      degeneracy: () => filters.coreNumbers().reduce((m, c) => Math.max(m, c), 0),
      startingCore: () => filters.coreOfAtMost(DEFAULT_COUNT),
    };
  }

  /** A remembered filter may name a measure or community these results no longer have. */
  private validFilter(choices: FilterChoices): boolean {
    const f = this.filter;
    if (f.kind === 'top') return choices.measures.some(([k]) => k === f.measure);
    if (f.kind === 'core') return true;
    return choices.communities?.measure === f.measure && choices.communities.sizes.some(([c]) => c === f.community);
  }

  private fileName(extension: string): string {
    return asciiFileName(`${this.networkName}.${this.window.label}.${extension}`);
  }

  private showWindow(index: number): void {
    this.layout?.stop();
    this.windowIndex = index;
    this.windowLabel.textContent = this.window.label;
    this.shown = this.showable();
    this.graph = windowGraph(this.shown, this.network.directed);
    this.centrality = null;
    const saved = this.saved[this.viewKey];
    const complete = saved !== undefined && this.graph.everyNode((node) => saved[node] !== undefined);
    if (complete) for (const [node, [x, y]] of Object.entries(saved)) this.positions.set(node, { x, y });
    placeNew(this.graph, this.positions);
    const maxWeight = this.maxWeight;
    this.thresholdInput.max = String(maxWeight);
    this.threshold = Math.min(this.threshold, maxWeight);
    this.thresholdInput.value = String(this.threshold);
    document.getElementById('network-nodes')!.replaceChildren(...this.graph.nodes().map((n) => { const o = h('option'); o.value = n; return o; }));
    if (this.highlighted && !this.graph.hasNode(this.highlighted)) this.highlighted = undefined;
    // the renderer's reducers read this.graph: it must draw the new graph before anything refreshes
    if (this.renderer) this.renderer.setGraph(this.graph);
    else this.renderer = this.createRenderer();
    this.restyle();
    this.showDetails(this.highlighted);
    document.body.dataset.window = this.window.label;
    document.body.dataset.nodes = String(this.graph.order);
    document.body.dataset.filtered = String(this.subgraph !== undefined);
    if (complete) document.body.dataset.layout = 'done';
    else this.startLayout(this.positions.size ? 100 : 300);
  }

  private startLayout(budget: number): void {
    this.layout?.stop();
    this.status.textContent = 'laying out…';
    document.body.dataset.layout = 'running';
    this.layout = runLayout(this.graph, budget, (share) => { this.status.textContent = `laying out… ${Math.round(share * 100)} %`; }, () => {
      const placed: Record<string, [number, number]> = {};
      this.graph.forEachNode((node, a) => {
        this.positions.set(node, { x: a.x, y: a.y });
        placed[node] = [a.x, a.y];
      });
      this.saved[this.viewKey] = placed;
      this.remember();
      this.status.textContent = '';
      document.body.dataset.layout = 'done';
    });
  }

  private createRenderer(): Sigma<NodeAttributes, EdgeAttributes> {
    const foreground = themeColor('--vscode-editor-foreground', '#333333');
    const labels = labelDrawer(themeColor('--vscode-editor-background', '#ffffff'));
    // opaque: sigma adds a translucent colour's light (premultiplied blending), so faint grey ties turned white
    const faded = themeColor('--vscode-panel-border', '#e5e5e5');
    const renderer = new Sigma(this.graph, this.canvas, {
      defaultEdgeType: this.network.directed ? 'curvedArrow' : 'line',
      edgeProgramClasses: { curvedArrow: CurvedArrowProgram },
      labelColor: { color: foreground },
      labelFont: themeColor('--vscode-font-family', 'sans-serif'),
      labelSize: 12,
      // labels only where they fit: a grid cell shows at most one, big nodes first
      labelDensity: 0.5,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 5,
      defaultDrawNodeLabel: labels.draw,
      defaultDrawNodeHover: labels.hover,
      zIndex: true,
      enableEdgeEvents: true,
      nodeReducer: (node, data) => {
        const fade = this.highlighted !== undefined && node !== this.highlighted && !this.graph.areNeighbors(node, this.highlighted);
        return fade ? { ...data, color: NO_VALUE, label: '', zIndex: 0 } : { ...data, zIndex: 1, highlighted: node === this.highlighted, forceLabel: this.topLabels.has(node) };
      },
      edgeReducer: (edge, data) => {
        if (edge === this.selectedTie) return { ...data, color: themeColor('--vscode-focusBorder', '#e15759'), size: data.size + 2, zIndex: 2 };
        const hidden = data.weight < this.threshold;
        const fade = this.highlighted !== undefined && !this.graph.extremities(edge).includes(this.highlighted);
        return { ...data, hidden, color: fade ? faded : data.color };
      },
    });
    renderer.on('clickNode', ({ node }) => this.highlight(node));
    renderer.on('clickStage', () => this.highlight(undefined));
    renderer.on('clickEdge', ({ edge }) => this.showTie(this.graph.source(edge), this.graph.target(edge), this.graph.getEdgeAttribute(edge, 'weight')));
    // which labels the last frame drew and where, for the panel tests
    renderer.on('afterRender', () => {
      const drawn = labels.frameDone();
      document.body.dataset.labels = drawn.labels.join('\n');
      document.body.dataset.labelBoxes = JSON.stringify(drawn.boxes);
    });
    return renderer;
  }

  private refresh(): void {
    this.thresholdLabel.textContent = String(this.threshold);
    document.body.dataset.visibleEdges = String(this.graph.filterEdges((_, a) => a.weight >= this.threshold).length);
    this.renderer?.refresh();
  }

  /** Sizes, colours and legend from the chosen measure and colouring. */
  private restyle(): void {
    const size = (node: string) => this.sizeBy === 'degree' ? this.graph.degree(node)
      : this.sizeBy === 'weight' ? this.graph.getNodeAttribute(node, 'weight') : this.measure(node, this.sizeBy);
    const sizes = this.graph.nodes().map((n) => Number(size(n) ?? 0));
    const max = sizes.reduce((m, x) => Math.max(m, Math.abs(x)), 1e-9);
    this.graph.nodes().forEach((node, i) => this.graph.setNodeAttribute(node, 'size', nodeSize(sizes[i], max)));
    this.topLabels = largestNodes(this.graph, TOP_LABELS);
    const maxWeight = this.maxWeight;
    const edge = themeColor('--vscode-descriptionForeground', '#888888');
    this.graph.forEachEdge((e, a) => this.graph.mergeEdgeAttributes(e, { size: tieWidth(a.weight, maxWeight), color: edge }));

    this.categories = this.categorize();
    const classes = [...new Set([...this.categories.values()].filter((c): c is string => c !== null))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const tiers = this.colorBy.startsWith('tier:');
    const colorOf = (c: string | null) => c === null ? NO_VALUE : tiers ? tierColor(Number(c), Math.max(...classes.map(Number))) : categoryColor(classes.indexOf(c));
    this.graph.forEachNode((node) => this.graph.setNodeAttribute(node, 'color', this.colorBy === 'none' ? categoryColor(0) : colorOf(this.categories.get(node) ?? null)));
    const counts = (c: string | null) => [...this.categories.values()].filter((x) => x === c).length;
    const missing = counts(null);
    this.legendHolder.replaceChildren(...(this.colorBy === 'none' ? [] : [legend(this.colorBy.replace(/^(block|tier|attribute):/, ''), [
      ...classes.map((c) => ({ label: tiers ? `tier ${c}` : c, color: colorOf(c), count: counts(c) })),
      ...(missing ? [{ label: 'no value', color: NO_VALUE, count: missing }] : []),
    ])]));
    this.refresh();
  }

  private categorize(): Map<string, string | null> {
    const nodes = this.graph.nodes();
    if (this.colorBy === 'community') return this.runCommunities() ?? communities(this.graph);
    if (this.colorBy.startsWith('block:')) {
      const partition = this.partitions.get(this.colorBy.slice('block:'.length))!;
      return new Map(nodes.map((n) => [n, partition.get(n) ?? null]));
    }
    if (this.colorBy.startsWith('attribute:')) {
      const attributes = this.network.attributes!;
      const column = attributes.columns.indexOf(this.colorBy.slice('attribute:'.length));
      return new Map(nodes.map((n) => { const v = attributes.values[n]?.[column] ?? null; return [n, v === null ? null : String(v)]; }));
    }
    if (this.colorBy.startsWith('tier:')) {
      const key = this.colorBy.slice('tier:'.length);
      return new Map(nodes.map((n) => { const v = this.measure(n, key); return [n, v === null ? null : String(v)]; }));
    }
    return new Map(nodes.map((n) => [n, null]));
  }

  /**
   * The communities the run reported for this window (a node measures' `community` column), so that the colours
   * are the run's best of N rather than the single run the page makes when the run has none.
   */
  private runCommunities(): Map<string, string | null> | undefined {
    const nodes = this.graph.nodes();
    const reported = this.measures.find((m) => m.column === 'community' && nodes.some((n) => this.measure(n, m.key) !== null));
    if (!reported) return undefined;
    return new Map(nodes.map((n) => { const c = this.measure(n, reported.key); return [n, c === null ? null : `C${c}`]; }));
  }

  private measure(node: string, key: string): Cell {
    return this.values.get(this.window.label)?.get(node)?.get(key) ?? null;
  }

  private highlight(node: string | undefined, moveCamera = false): void {
    this.highlighted = node !== undefined && this.graph.hasNode(node) ? node : undefined;
    this.showDetails(this.highlighted);
    if (moveCamera && this.highlighted && this.renderer) {
      const at = this.renderer.getNodeDisplayData(this.highlighted);
      if (at) void this.renderer.getCamera().animate({ x: at.x, y: at.y, ratio: 0.5 }, { duration: 400 });
    }
    this.renderer?.refresh();
  }

  private showDetails(node: string | undefined): void {
    this.selectedTie = undefined;
    if (!node || !this.graph.hasNode(node)) {
      this.details.replaceChildren(h('p', { class: 'hint' }, `${this.window.label}: ${this.graph.order} ${this.noun}s, ${this.graph.size} ties. Click ${article(this.noun)} ${this.noun} for its measures.`));
      return;
    }
    const directed = this.network.directed;
    if (this.centrality === null) this.centrality = centralities(this.graph); // undefined: too large, not tried again
    const computed = (values: Record<string, number> | undefined) => values ? displayCell(values[node]) : 'too large here';
    const measured = this.measures.filter((m) => this.values.get(this.window.label)?.get(node)?.has(m.key));
    const rows: [string, string][] = [
      ['degree', String(this.graph.degree(node))],
      ...(directed ? [['out-degree', String(this.graph.outDegree(node))], ['in-degree', String(this.graph.inDegree(node))]] as [string, string][] : []),
      ['weighted degree', String(this.graph.getNodeAttribute(node, 'weight'))],
      [`intra-${this.noun}`, String(this.window.intra[node] ?? 0)],
      ['betweenness (computed)', computed(this.centrality?.betweenness)],
      ['closeness (computed)', computed(this.centrality?.closeness)],
      ...(this.colorBy !== 'none' ? [[this.colorBy.replace(/:.*/, ''), this.categories.get(node) ?? '—']] as [string, string][] : []),
      ...measured.map((m) => [m.key, displayCell(this.measure(node, m.key))] as [string, string]),
    ];
    const elsewhere = this.measures.length > 0 && measured.length === 0 ? h('p', { class: 'hint' }, `The run computed no measures for ${this.window.label}.`) : null;
    this.details.replaceChildren(h('h2', {}, node), h('table', { class: 'data' }, h('tbody', {}, ...rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', { class: 'number' }, v))))), ...(elsewhere ? [elsewhere] : []),
      ...this.tieButtons(node));
  }

  /** The node's ties in the whole window (drawn or not), heaviest first, each opening its patents (as clicking the edge does). */
  private tieButtons(node: string): HTMLElement[] {
    const { table } = this.filters;
    const v = this.window.nodes.indexOf(node);
    const { offsets, ties: at } = this.filters.incidence();
    const ties = Array.from(at.subarray(offsets[v], offsets[v + 1])).sort((a, b) => table.weight[b] - table.weight[a] || a - b);
    if (!ties.length) return [];
    const arrow = this.network.directed ? '→' : '—';
    const more = ties.length > LISTED_TIES ? [h('p', { class: 'hint' }, `… and ${(ties.length - LISTED_TIES).toLocaleString('en-US')} lighter ties`)] : [];
    return [h('h3', {}, 'Ties'), h('ul', { class: 'ties' }, ...ties.slice(0, LISTED_TIES).map((i) => {
      const [source, target, weight] = [table.nodes[table.source[i]], table.nodes[table.target[i]], table.weight[i]];
      const drawn = this.graph.hasNode(table.nodes[otherEnd(table, i, v)]) ? '' : ' (not drawn)';
      return h('li', {}, button(`${source} ${arrow} ${target} (${weight})${drawn}`, () => this.showTie(source, target, weight), 'The patents that made this tie'));
    })), ...more];
  }

  private showTie(source: string, target: string, weight: number): void {
    const back = this.highlighted ? [button(`← ${this.highlighted}`, () => { this.showDetails(this.highlighted); this.renderer?.refresh(); })] : [];
    this.details.replaceChildren(...back, ...tieDetails(this.window, source, target, weight, this.network.directed, this.networkSource));
    this.selectedTie = this.graph.hasNode(source) && this.graph.hasNode(target) ? this.graph.edge(source, target) : undefined;
    this.renderer?.refresh();
  }

  private svg() {
    const visible = this.graph.filterEdges((_, a) => a.weight >= this.threshold);
    return networkSvg(this.graph, visible, this.network.directed, `${this.networkName} — ${this.window.label}`, themeColor('--vscode-editor-foreground', '#333333'));
  }

  private gexf(): string {
    const attributes = (node: string) => Object.fromEntries([
      ...this.measures.map((m) => [m.key, this.measure(node, m.key)]),
      ...(this.colorBy === 'none' ? [] : [[this.colorBy.replace(/:.*/, ''), this.categories.get(node) ?? null]]),
    ].map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));
    const w = this.shown;
    return gexf({
      network: { directed: this.network.directed, nodes: w.nodes, ties: w.ties, intra: new Map(Object.entries(w.intra)) },
      nodes: w.nodes.map((id) => ({ id, attributes: attributes(id) })),
      window: w.label,
    });
  }
}

let current: NetworkView | undefined;

startPanel({
  show(content) {
    current?.dispose();
    const focus = focusOf(content);
    const network = focus.network ? focus : content.results.find((r) => r.network);
    if (!network?.network) throw new Error(`${content.focus} has no network in these results`);
    if (network.network.windows.length === 0) throw new Error(`${network.name} has no windows`);
    current = new NetworkView(content, network);
    current.render();
  },
});
