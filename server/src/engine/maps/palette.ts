// Colours for categories (communities, blocks) and for ordered classes (Jenks tiers): Tableau 10, a
// yellow-to-red ramp whose darkest class is the top tier (as the seeds' maps), and a blue one for ties drawn
// over such a map, whose lowest tier still shows on white.
export const CATEGORICAL = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const RAMP = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];
export const NO_VALUE = '#8a8a8a';

export function categoryColor(index: number): string {
  return CATEGORICAL[index % CATEGORICAL.length];
}

const LINE_RAMP = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

/** Tier `tier` (1 … classes) on the ramp, spread over its whole length. */
export function tierColor(tier: number, classes: number, ramp: readonly string[] = RAMP): string {
  if (classes <= 1) return ramp[ramp.length - 1];
  return ramp[Math.round(((tier - 1) / (classes - 1)) * (ramp.length - 1))];
}

/** A tie's tier, on the blue ramp. */
export const tieTierColor = (tier: number, classes: number) => tierColor(tier, classes, LINE_RAMP);
