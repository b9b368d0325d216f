// Lags by the panel's index: the row of the same unit k periods earlier, wherever it sits in the table and
// whether or not intermediate periods exist (as plm::lag and fixest's l() on a panel). Gaps give missing.
import type { PanelIndex } from '../../data/dataTable.js';
import { FormulaError, type Place } from './expr.js';

/** Per panel, the row of each (unit, period), and the lag rows already computed by k. */
const cache = new WeakMap<PanelIndex, { rowOf: Map<number, number>; span: number; minTime: number; byLag: Map<number, Int32Array> }>();

/** For every row, the row of the same unit at time t − k, or −1 when the panel has none (k < 0: a lead). */
export function lagRows(panel: PanelIndex, k: number, at?: Place): Int32Array {
  const index = indexOf(panel, at);
  let rows = index.byLag.get(k);
  if (rows) return rows;
  const { rowOf, span, minTime } = index;
  rows = new Int32Array(panel.unit.length);
  for (let i = 0; i < rows.length; i++) {
    const t = panel.time[i] - k - minTime;
    rows[i] = t >= 0 && t < span ? (rowOf.get(panel.unit[i] * span + t) ?? -1) : -1;
  }
  index.byLag.set(k, rows);
  return rows;
}

function indexOf(panel: PanelIndex, at?: Place) {
  let index = cache.get(panel);
  if (index) return index;
  let minTime = Infinity;
  let maxTime = -Infinity;
  for (const t of panel.time) {
    if (t < minTime) minTime = t;
    if (t > maxTime) maxTime = t;
  }
  const span = maxTime - minTime + 1;
  const rowOf = new Map<number, number>();
  for (let i = 0; i < panel.unit.length; i++) {
    const key = panel.unit[i] * span + (panel.time[i] - minTime);
    if (rowOf.has(key)) {
      throw new FormulaError(`Lags need one row per unit and period, but unit ${panel.unit[i]} has two rows at period ${panel.time[i]} (rows ${rowOf.get(key)} and ${i}).`, at);
    }
    rowOf.set(key, i);
  }
  index = { rowOf, span, minTime, byLag: new Map() };
  cache.set(panel, index);
  return index;
}
