// Vega-Lite specifications of the charts a result makes (charts.ts says which apply):
// indicators across windows, a placebo distribution with the real estimate marked, moderation lines, the
// percentile sensitivity scan and geodetector q bars; a declared figure as the CLI draws it
// (figure.ts). Pure data in, spec out: the charts panel and report.html (drawn by figureSvg.ts) share it.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartKind } from './charts.js';
import type { Cell, DeclarationResult, Table } from '../../results/format.js';
import { figureSpec } from './figure.js';

export interface ChartColors { foreground: string; muted: string; grid: string; accent: string; font: string }

type Row = Record<string, Cell>;
const objects = (table: Table): Row[] => table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));

function indicators(result: DeclarationResult): TopLevelSpec {
  const table = result.tables.indicators;
  const items = table.columns.filter((c) => c !== 'window');
  const windows = table.rows.map((r) => String(r[0]));
  return {
    title: 'Network indicators across windows',
    data: { values: objects(table) },
    transform: [{ fold: items, as: ['indicator', 'value'] }],
    facet: { field: 'indicator', type: 'nominal', sort: items, title: null },
    columns: Math.min(4, items.length),
    spec: {
      width: 180, height: 110,
      layer: [{ mark: { type: 'line', point: true } }],
      encoding: {
        x: { field: 'window', type: 'ordinal', sort: windows, title: null, axis: { labelAngle: -40 } },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
        tooltip: [{ field: 'window' }, { field: 'indicator' }, { field: 'value', format: '.4~g' }],
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

function placebo(result: DeclarationResult, colors: ChartColors): TopLevelSpec {
  const summary = objects(result.tables.summary)[0];
  const density = result.tables.density;
  const distribution = density
    ? { data: { values: objects(density) }, mark: { type: 'area' as const, opacity: 0.6 }, encoding: { x: { field: 'x', type: 'quantitative' as const, title: `${summary.term} (permuted)` }, y: { field: 'density', type: 'quantitative' as const, title: 'density' } } }
    : { data: { values: objects(result.tables.draws) }, mark: { type: 'bar' as const }, encoding: { x: { field: 'estimate', type: 'quantitative' as const, bin: { maxbins: 40 }, title: `${summary.term} (permuted)` }, y: { aggregate: 'count' as const, type: 'quantitative' as const, title: 'draws' } } };
  return {
    title: { text: `Placebo: ${summary.term}`, subtitle: `actual ${Number(summary.actual).toPrecision(4)}, p = ${Number(summary.p).toPrecision(3)}` },
    width: 520, height: 260,
    layer: [
      distribution,
      { data: { values: [summary] }, mark: { type: 'rule', color: colors.accent, strokeWidth: 2 }, encoding: { x: { field: 'actual', type: 'quantitative' } } },
      { data: { values: [summary] }, mark: { type: 'text', color: colors.accent, align: 'left', dx: 4, dy: -110 }, encoding: { x: { field: 'actual', type: 'quantitative' }, text: { value: 'actual' } } },
    ],
  };
}

function moderation(result: DeclarationResult): TopLevelSpec {
  const rows = objects(result.tables.moderation);
  const moderators = new Set(rows.map((r) => r.moderator));
  const x = rows[0]?.x;
  return {
    title: 'Moderation: fitted values by moderator level',
    data: { values: rows },
    width: 420, height: 260,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'x_value', type: 'quantitative', title: typeof x === 'string' ? x : 'x' },
      y: { field: 'fitted', type: 'quantitative', title: 'fitted', scale: { zero: false } },
      color: { field: 'moderator_level', type: 'nominal', title: [...moderators].join(', ') },
      ...(moderators.size > 1 ? { column: { field: 'moderator', type: 'nominal' as const } } : {}),
      tooltip: [{ field: 'moderator' }, { field: 'moderator_level' }, { field: 'x_value', format: '.4~g' }, { field: 'fitted', format: '.4~g' }],
    },
  } as TopLevelSpec;
}

function sensitivity(result: DeclarationResult): TopLevelSpec {
  return {
    title: 'Sensitivity to the percentile threshold',
    data: { values: objects(result.tables.sensitivity) },
    transform: [{ fold: ['potential', 'clusters'], as: ['series', 'regions'] }],
    width: 420, height: 220,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'percentile', type: 'quantitative', scale: { zero: false } },
      y: { field: 'regions', type: 'quantitative', title: 'regions', scale: { zero: false } },
      color: { field: 'series', type: 'nominal', sort: ['potential', 'clusters'], title: null },
      strokeDash: { field: 'series', type: 'nominal', sort: ['potential', 'clusters'], legend: null },
      tooltip: [{ field: 'percentile' }, { field: 'threshold', format: '.4~g' }, { field: 'potential' }, { field: 'clusters' }, { field: 'members' }],
    },
  };
}

function geodetector(result: DeclarationResult, colors: ChartColors): TopLevelSpec {
  return {
    title: 'Geographical detector: q of each factor',
    data: { values: objects(result.tables.factor) },
    transform: [{ calculate: 'datum.p < 0.05 ? "p < 0.05" : "p ≥ 0.05"', as: 'significance' }],
    width: 420, height: { step: 24 },
    encoding: {
      // max, not -x's sum: the bar and text layers' domains are unioned, which takes only count, min or max.
      y: { field: 'factor', type: 'nominal', sort: { field: 'q', op: 'max', order: 'descending' }, title: null },
      x: { field: 'q', type: 'quantitative', scale: { domain: [0, 1] } },
      tooltip: [{ field: 'factor' }, { field: 'q', format: '.4f' }, { field: 'p', format: '.4f' }],
    },
    layer: [
      { mark: 'bar', encoding: { color: { field: 'significance', type: 'nominal', scale: { domain: ['p < 0.05', 'p ≥ 0.05'], range: [colors.accent, colors.muted] }, title: null } } },
      { mark: { type: 'text', align: 'left', dx: 4, color: colors.foreground }, encoding: { text: { field: 'p', type: 'quantitative', format: '.3f' } } },
    ],
  };
}

const figure = (result: DeclarationResult) => figureSpec(result.figure!, result.tables.data);

const BUILDERS: Record<ChartKind, (result: DeclarationResult, colors: ChartColors) => TopLevelSpec> = { figure, indicators, placebo, moderation, sensitivity, geodetector };

/** The chart's spec, themed with the editor's colours. */
export function chartSpec(kind: ChartKind, result: DeclarationResult, colors: ChartColors): TopLevelSpec {
  const axis = { labelColor: colors.foreground, titleColor: colors.foreground, gridColor: colors.grid, domainColor: colors.muted, tickColor: colors.muted };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...BUILDERS[kind](result, colors),
    background: 'transparent',
    config: {
      font: colors.font,
      axis,
      legend: { labelColor: colors.foreground, titleColor: colors.foreground },
      header: { labelColor: colors.foreground, titleColor: colors.foreground },
      title: { color: colors.foreground, subtitleColor: colors.muted, anchor: 'start' },
      view: { stroke: colors.grid },
      mark: { color: colors.accent },
      text: { color: colors.foreground },
    },
  } as TopLevelSpec;
}
