// What a network's map shows in one window, as plain data: regions filled by the classes of a node measure
// (Jenks, quantile or equal intervals, as the run's `tiers:`), circles sized by a measure, ties coloured and
// widened by strength tier, and a legend of each with its class bounds. DOM-free and Node-free: the map panel
// and `innograph run --out`'s SVG maps (mapSvg.ts) draw the same picture.
import type { Cell, NetworkWindow } from '../../results/format.js';
import { matchRegions, type RegionAliases } from '../data/regionMatch.js';
import { classify, type ClassMethod } from '../stats/classify.js';
import { classOf as classOfBreaks } from '../stats/jenks.js';
import { tieKey, type MeasureValues, type NodeMeasure } from './nodeMeasures.js';
import { NO_VALUE, tierColor, tieTierColor } from './palette.js';
import type { RegionFeature } from './shapes.js';

export const CLASS_METHODS: readonly ClassMethod[] = ['jenks', 'quantile', 'equal'];

export interface MapOptions {
  /** The node measure (`declaration.column`) whose classes fill the regions; null: outlines only. */
  fill: string | null;
  /** The node measure that sizes a circle on each region; null: none. */
  symbols: string | null;
  method: ClassMethod;
  /** Classes asked for; fewer when the values have fewer distinct numbers. */
  classes: number;
}

export interface LegendEntry { label: string; color: string; /** Regions or ties in the class. */ count?: number; /** A tie's line width or a symbol's radius. */ size?: number }
export interface MapLegend { title: string; kind: 'area' | 'line' | 'circle'; entries: LegendEntry[] }

export interface MapPicture {
  title: string;
  features: readonly RegionFeature[];
  /** The feature property (or `id`) regions were matched on: an unmatched feature's name. */
  key: string;
  /** The window's regions that a feature matches. */
  matched: Map<string, RegionFeature>;
  unmatched: string[];
  /** The fill and hover text of each matched region of the window. */
  regions: Map<string, { color: string; label: string }>;
  symbols: { region: string; radius: number; label: string }[];
  ties: { source: string; target: string; tier: number | null; color: string; width: number; label: string }[];
  legends: MapLegend[];
}

export interface MapSource {
  network: string;
  window: NetworkWindow;
  features: readonly RegionFeature[];
  key: string;
  aliases?: RegionAliases;
  /** Node measures of the network (nodeMeasures.ts). */
  values: MeasureValues;
  /** The run's tie tiers (`ties(net) { tiers: … }`), by tieKey; the window's weights are classed when it has none. */
  tieTiers: ReadonlyMap<string, number | null>;
}

const TIE_COLOR = '#7f7f7f';
export const SYMBOL_COLOR = '#6b6b6b';
const [MIN_RADIUS, MAX_RADIUS] = [2.5, 14];

/** The options a map opens with: the measure the run classed into tiers (the focus's first), in as many Jenks classes, circles by the same measure. */
export function defaultMapOptions(measures: readonly NodeMeasure[], focus?: string): MapOptions {
  const numeric = fillMeasures(measures);
  const tiered = measures.filter((m) => m.tier && numeric.some((n) => n.key === m.key.replace(/_tier$/, '')));
  const tier = tiered.find((m) => m.declaration === focus) ?? tiered[0];
  const fill = tier ? tier.key.replace(/_tier$/, '') : (numeric.find((m) => m.declaration === focus) ?? numeric[0])?.key ?? null;
  return { fill, symbols: fill, method: 'jenks', classes: 4 };
}

/** The measures a map can fill or size by: the numeric node measures the results hold, not the run's tier codes. */
export const fillMeasures = (measures: readonly NodeMeasure[]) => measures.filter((m) => m.numeric && !m.tier);

export function mapPicture(source: MapSource, options: MapOptions): MapPicture {
  const { window: w } = source;
  const regions = new Set([...w.nodes, ...w.ties.flatMap((t) => [t.source, t.target])]);
  const { matched, unmatched } = matchRegions(regions, source.features, source.key, source.aliases);
  const valuesHere = source.values.get(w.label);
  const numberOf = (region: string, measure: string) => asNumber(valuesHere?.get(region)?.get(measure));
  const drawn = w.nodes.filter((n) => matched.has(n));

  const fill = options.fill ? classesOf(w.nodes.map((n) => numberOf(n, options.fill!)), options) : undefined;
  const regionFills = new Map(drawn.map((region) => {
    const value = options.fill ? numberOf(region, options.fill) : null;
    const k = fill && value !== null ? fill.classOf(value) : 0;
    const label = options.fill ? `${region}: ${columnOf(options.fill)} ${value === null ? 'no value' : `${formatNumber(value)} (class ${k})`}` : region;
    return [region, { color: !options.fill ? 'none' : k ? tierColor(k, fill!.count) : NO_VALUE, label }];
  }));

  const legends: MapLegend[] = [];
  if (options.fill) {
    const counts = countBy(drawn, (n) => { const v = numberOf(n, options.fill!); return v === null || !fill ? 0 : fill.classOf(v); });
    legends.push({
      title: `${options.fill}${fill ? ` (${options.method}, ${fill.count} class${fill.count === 1 ? '' : 'es'})` : ''}`, kind: 'area',
      entries: [
        ...(fill?.bounds ?? []).map((label, i) => ({ label, color: tierColor(i + 1, fill!.count), count: counts.get(i + 1) ?? 0 })),
        ...(counts.get(0) ? [{ label: 'no value', color: NO_VALUE, count: counts.get(0)! }] : []),
      ],
    });
  }

  const symbols = options.symbols ? symbolsOf(drawn, (n) => numberOf(n, options.symbols!), columnOf(options.symbols)) : undefined;
  if (symbols) legends.push({ title: `circle size: ${options.symbols}`, kind: 'circle', entries: symbols.legend });

  const ties = tiesOf(source, matched, options);
  if (ties.legend.length) legends.push({ title: `tie strength (${ties.classed})`, kind: 'line', entries: ties.legend });

  return {
    title: `${source.network} — ${w.label}`, features: source.features, key: source.key, matched, unmatched,
    regions: regionFills, symbols: symbols?.circles ?? [], ties: ties.lines, legends,
  };
}

/** Classes of the numbers among `values` (nulls skipped), with each class's bounds as printed: right-closed, `lower – upper`. */
function classesOf(values: readonly (number | null)[], options: Pick<MapOptions, 'method' | 'classes'>) {
  const numbers = values.filter((v): v is number => v !== null);
  const distinct = new Set(numbers).size;
  if (!distinct) return undefined;
  const { breaks: found } = classify(numbers, options.method, Math.min(options.classes, distinct));
  const breaks = found.length > 1 ? found : [found[0], found[0]]; // quantiles of one value merge into one break
  const count = breaks.length - 1;
  const bounds = breaks.slice(1).map((b, i) => range(breaks[i], b));
  const classOf = (value: number) => classOfBreaks(value, breaks);
  return { count, bounds, classOf };
}

function symbolsOf(regions: readonly string[], valueOf: (region: string) => number | null, column: string) {
  const values = regions.map((region) => [region, valueOf(region)] as const).filter((e): e is readonly [string, number] => e[1] !== null);
  if (!values.length) return undefined;
  const min = Math.min(...values.map(([, v]) => v));
  const max = Math.max(...values.map(([, v]) => v));
  // Circle areas grow with the value above the smallest (measures such as flow rates go below zero).
  const radius = (v: number) => MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(max === min ? 1 : (v - min) / (max - min));
  const circles = values.map(([region, v]) => ({ region, radius: radius(v), label: `${region}: ${column} ${formatNumber(v)}` }));
  const shown = [...new Set([max, (min + max) / 2, min])];
  return { circles, legend: shown.map((v) => ({ label: formatNumber(v), color: SYMBOL_COLOR, size: radius(v) })) };
}

/** The window's ties between matched regions, by the run's tiers when it classed them, else by the window's own classes of the weights. */
function tiesOf(source: MapSource, matched: ReadonlyMap<string, RegionFeature>, options: MapOptions) {
  const { window: w, tieTiers } = source;
  const drawn = w.ties.filter((t) => matched.has(t.source) && matched.has(t.target));
  const runTier = (t: (typeof drawn)[number]) => tieTiers.get(tieKey(w.label, t.source, t.target));
  const fromRun = w.ties.some((t) => runTier(t) !== undefined);
  // Classed over all the window's ties, as the run's tiers are, drawn or not.
  const classes = fromRun ? undefined : classesOf(w.ties.map((t) => t.weight), options);
  const tierOf = (t: (typeof drawn)[number]) => (fromRun ? runTier(t) ?? null : classes ? classes.classOf(t.weight) : null);
  const count = fromRun ? Math.max(0, ...[...tieTiers.values()].map((k) => k ?? 0)) : classes?.count ?? 0;
  const width = (tier: number) => 0.8 + 1.1 * (tier - 1);
  const lines = drawn.map((t) => {
    const tier = tierOf(t);
    return {
      source: t.source, target: t.target, tier, color: tier === null ? TIE_COLOR : tieTierColor(tier, count), width: tier === null ? 0.6 : width(tier),
      label: `${t.source} – ${t.target}: ${formatNumber(t.weight)}${tier === null ? '' : ` (tier ${tier})`}`,
    };
  });
  // The run's tiers carry no bounds: each tier's are the weights drawn in it.
  const weights = (tier: number) => drawn.filter((t) => tierOf(t) === tier).map((t) => t.weight);
  const legend = Array.from({ length: count }, (_, i) => {
    const here = weights(i + 1);
    const label = classes ? classes.bounds[i] : here.length ? range(Math.min(...here), Math.max(...here)) : '—';
    return { label, color: tieTierColor(i + 1, count), count: here.length, size: width(i + 1) };
  });
  return { lines, legend, classed: fromRun ? 'tiers of the run' : options.method };
}

function countBy<T>(items: readonly T[], key: (item: T) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const asNumber = (cell: Cell | undefined): number | null => (typeof cell === 'number' && Number.isFinite(cell) ? cell : null);
const columnOf = (measure: string) => measure.slice(measure.indexOf('.') + 1);

const range = (low: number, high: number) => (low === high ? formatNumber(high) : `${formatNumber(low)} – ${formatNumber(high)}`);

/** Up to three significant digits, integers whole: class bounds as a legend prints them. */
export const formatNumber = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3))));
