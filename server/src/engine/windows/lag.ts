// Lags and leads by window: the value a unit (a region, a region pair) had k windows earlier (k > 0) or
// later (k < 0). Outside the window sequence, or where the unit has no value, the result is null — a
// lag never wraps around and never invents a zero.

/** `values[unit][w]` is the unit's value in window w (null when missing); returns the shifted series. */
export function shiftByWindows(values: ReadonlyMap<string, readonly (number | null)[]>, k: number): Map<string, (number | null)[]> {
  if (!Number.isInteger(k)) throw new Error(`A lag is a whole number of windows, not ${k}`);
  const out = new Map<string, (number | null)[]>();
  for (const [unit, series] of values) out.set(unit, series.map((_, w) => series[w - k] ?? null));
  return out;
}
