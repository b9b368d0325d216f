// A declared figure as a Vega-Lite specification: pure data in, spec out, the same for the same figure and
// table. The CLI renders it to SVG (figureSvg.ts) for the figure's file and report.html; the charts panel
// draws it in the editor with its own theme.
import type { TopLevelSpec } from 'vega-lite';
import type { Cell, Figure, Table } from '../../results/format.js';

type Axis = 'quantitative' | 'ordinal';

/** A column's name as a Vega-Lite field: dots, brackets and backslashes would otherwise read as nested access. */
const field = (column: string) => column.replace(/[.[\]\\]/g, '\\$&');

/** Numbers are drawn along a scale; anything else (windows, blocks, terms) as categories in the table's order. */
function axisType(values: Cell[]): Axis {
  const present = values.filter((v) => v !== null);
  return present.length > 0 && present.every((v) => typeof v === 'number') ? 'quantitative' : 'ordinal';
}

/** The Vega-Lite spec of a figure drawn from its `data` table (the columns x, y and color, in any order). */
export function figureSpec(figure: Figure, data: Table): TopLevelSpec {
  const column = (name: string) => data.rows.map((row) => row[data.columns.indexOf(name)]);
  const values = data.rows.map((row) => Object.fromEntries(data.columns.map((c, i) => [c, row[i]])));
  let x = axisType(column(figure.x));
  const y = axisType(column(figure.y));
  // Bars stand on categories: numbers along x (years) are categories too, unless y is the categorical side.
  const horizontal = figure.mark === 'bars' && x === 'quantitative' && y === 'ordinal';
  if (figure.mark === 'bars' && !horizontal) x = 'ordinal';
  const channel = (name: string, type: Axis, valueAxis: boolean) => ({
    field: field(name), type, title: name,
    ...(type === 'ordinal' ? { sort: null, ...(name === figure.x ? { axis: { labelAngle: -40 } } : {}) } : {}),
    // Years and counts tick at whole numbers, printed without a thousands separator; a line or points need not start at zero.
    ...(type === 'quantitative' && column(name).every((v) => v === null || Number.isInteger(v)) ? { axis: { format: 'd', tickMinStep: 1 } } : {}),
    ...(type === 'quantitative' && !(figure.mark === 'bars' && valueAxis) ? { scale: { zero: false } } : {}),
  });
  const color = figure.color === undefined ? {} : {
    color: { field: field(figure.color), type: 'nominal' as const, title: figure.color, sort: null },
    ...(figure.mark === 'bars' ? { [horizontal ? 'yOffset' : 'xOffset']: { field: field(figure.color), type: 'nominal' as const, sort: null } } : {}),
  };
  const mark = figure.mark === 'line' ? { type: 'line' as const, point: true } : figure.mark === 'bars' ? { type: 'bar' as const } : { type: 'point' as const, filled: true };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(figure.title ? { title: figure.title } : {}),
    width: figure.width,
    height: figure.height,
    background: 'white',
    data: { values },
    mark,
    encoding: {
      x: channel(figure.x, x, horizontal),
      y: channel(figure.y, y, !horizontal),
      ...color,
      tooltip: [figure.x, figure.y, ...(figure.color === undefined ? [] : [figure.color])].map((c) => ({ field: field(c), title: c })),
    },
    config: { font: 'sans-serif', title: { anchor: 'start', fontSize: 14 } },
  } as TopLevelSpec;
}
