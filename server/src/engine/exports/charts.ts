// Which charts a declaration's tables make: recognised by table name and columns, so a chart appears as soon
// as an engine part writes the table; a `figure` declaration is its own chart. The webview's charts panel
// draws each kind (client/webview/charts) and report.html shows them (chartSpecs.ts for both).
import type { DeclarationResult } from '../../results/format.js';

export type ChartKind = 'figure' | 'indicators' | 'placebo' | 'moderation' | 'sensitivity' | 'geodetector';

interface ChartSource { kind: ChartKind; tables: Record<string, string[]>; /** the chart is the result's main view */ primary: boolean }

const CHARTS: ChartSource[] = [
  { kind: 'indicators', tables: { indicators: ['window'] }, primary: true },
  { kind: 'placebo', tables: { draws: ['estimate'], summary: ['term', 'actual', 'p'] }, primary: true },
  { kind: 'moderation', tables: { moderation: ['moderator', 'moderator_level', 'x_value', 'fitted'] }, primary: false },
  { kind: 'geodetector', tables: { factor: ['factor', 'q', 'p'] }, primary: true },
  { kind: 'sensitivity', tables: { sensitivity: ['percentile', 'potential', 'clusters'] }, primary: false },
];

const applies = (result: DeclarationResult, chart: ChartSource) =>
  Object.entries(chart.tables).every(([name, columns]) => columns.every((c) => result.tables[name]?.columns.includes(c)));

export function chartKinds(result: DeclarationResult): ChartKind[] {
  return [...(result.figure ? ['figure' as const] : []), ...CHARTS.filter((c) => applies(result, c)).map((c) => c.kind)];
}

export function hasPrimaryChart(result: DeclarationResult): boolean {
  return result.figure !== undefined || CHARTS.some((c) => c.primary && applies(result, c));
}
