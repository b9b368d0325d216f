// A chart spec fitted to the panel's width, so charts reflow instead of being clipped in a narrow column: a
// single or layered view fills the width (axes and legend included: autosize fit-x); small multiples keep
// their cell size and wrap into as many columns as fit; a chart split into columns by a field shares the
// width among them. DOM-free.
import type { TopLevelSpec } from 'vega-lite';

/** Room for a facet cell's axis, labels and spacing besides its plot width. */
const CELL_FRAME = 70;
const MIN_WIDTH = 160;
/** Room for a colour legend beside columns split by a field. */
const LEGEND = 120;

type Spec = { width?: unknown; columns?: number; spec?: { width?: unknown }; encoding?: { column?: { field?: string } }; data?: { values?: Record<string, unknown>[] } };

export function fitted(chart: TopLevelSpec, width: number): TopLevelSpec {
  const spec = chart as unknown as Spec;
  if (spec.columns !== undefined && typeof spec.spec?.width === 'number') {
    return { ...spec, columns: Math.max(1, Math.min(spec.columns, Math.floor(width / (spec.spec.width + CELL_FRAME)))) } as unknown as TopLevelSpec;
  }
  const split = spec.encoding?.column?.field;
  if (split !== undefined) {
    const cells = new Set(spec.data?.values?.map((row) => row[split])).size || 1;
    return { ...spec, width: Math.max(MIN_WIDTH / 2, Math.floor((width - LEGEND) / cells) - CELL_FRAME) } as unknown as TopLevelSpec;
  }
  if (typeof spec.width !== 'number') return chart;
  return { ...spec, width: Math.max(MIN_WIDTH, Math.floor(width)), autosize: { type: 'fit-x', contains: 'padding' } } as unknown as TopLevelSpec;
}
