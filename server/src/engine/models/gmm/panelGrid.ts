// The panel laid out on the full unit × period grid (plm balances an unbalanced panel the same way before
// building differences and instruments), so that a lag is a step back on the grid and a gap yields NaN.
import { GmmError, type GmmPanel } from './spec.js';

export interface PanelGrid {
  /** Unit codes in ascending order. */
  units: number[];
  /** Period codes first..last, consecutive. */
  periods: number[];
  /** The level of `variable` for unit index u at period index p minus `lag`; NaN when missing, infinite or before the panel. */
  value(variable: string, u: number, p: number, lag?: number): number;
}

export function panelGrid(panel: GmmPanel, variables: Iterable<string>): PanelGrid {
  const n = panel.unit.length;
  if (n === 0) throw new GmmError('no observations');
  if (panel.time.length !== n) throw new GmmError(`time has ${panel.time.length} rows, unit has ${n}`);
  const units = [...new Set(panel.unit)].sort((a, b) => a - b);
  let first = Infinity;
  let last = -Infinity;
  for (const t of panel.time) {
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  const periods = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const seenPeriod = new Uint8Array(periods.length);
  for (const t of panel.time) seenPeriod[t - first] = 1;
  const empty = periods.filter((_, i) => !seenPeriod[i]);
  if (empty.length > 0) throw new GmmError(`no observations in period ${empty.join(', ')}: period codes must be consecutive integers`);

  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const P = periods.length;
  const cell = new Int32Array(units.length * P).fill(-1);
  for (let r = 0; r < n; r++) {
    const c = unitIndex.get(panel.unit[r])! * P + (panel.time[r] - first);
    if (cell[c] >= 0) throw new GmmError(`unit ${panel.unit[r]} has more than one row in period ${panel.time[r]}`);
    cell[c] = r;
  }
  const columns = new Map<string, Float64Array>();
  for (const v of variables) {
    const col = panel.columns[v];
    if (!col) throw new GmmError(`unknown variable ${v}`);
    if (col.length !== n) throw new GmmError(`variable ${v} has ${col.length} rows, the panel ${n}`);
    columns.set(v, col);
  }
  return {
    units,
    periods,
    value(variable, u, p, lag = 0) {
      const q = p - lag;
      if (q < 0 || q >= P) return NaN;
      const r = cell[u * P + q];
      // ±Infinity (log of 0) counts as missing rather than poisoning every moment.
      const v = r < 0 ? NaN : columns.get(variable)![r];
      return Number.isFinite(v) ? v : NaN;
    },
  };
}
