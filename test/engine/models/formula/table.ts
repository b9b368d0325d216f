// Test helper: a DataTable from plain arrays (numbers with NaN, text with null).
import type { Column, DataTable, PanelIndex } from '../../../../server/src/engine/data/dataTable.ts';

export function table(columns: Record<string, (number | string | null)[]>, panel?: { unit: number[]; time: number[] }, name = 'demo'): DataTable {
  const entries = Object.entries(columns).map(([key, values]): [string, Column] => [
    key,
    values.some((v) => typeof v === 'string') ? { type: 'text', values: values as (string | null)[] } : { type: 'number', values: Float64Array.from(values as number[]) },
  ]);
  const index: PanelIndex | undefined = panel && { unit: Int32Array.from(panel.unit), time: Int32Array.from(panel.time) };
  return { name, rows: entries[0][1].values.length, columns: new Map(entries), ...(index ? { panel: index } : {}) };
}
