// The individual dimension of a one-way panel: the frame's single fixed effect names each row's individual.
import { checkFrame, ModelInputError, presentLevels } from '../describe/frame.js';
import type { ModelFrame } from '../frame.js';

export interface PanelGroups {
  name: string;
  /** Dense individual index per row, 0 … count − 1. */
  index: Int32Array;
  count: number;
  sizes: Int32Array;
}

export function panelGroups(frame: ModelFrame): PanelGroups {
  checkFrame(frame);
  if (frame.fe?.length !== 1) throw new ModelInputError(`a one-way panel model needs exactly one individual index as its fixed effect, not ${frame.fe?.length ?? 0}`);
  const [{ name, codes }] = frame.fe;
  const levels = presentLevels(codes);
  const dense = new Map(levels.map((level, k) => [level, k]));
  const index = Int32Array.from(codes, (c) => dense.get(c)!);
  const sizes = new Int32Array(levels.length);
  for (const g of index) sizes[g]++;
  return { name, index, count: levels.length, sizes };
}

/** Mean of `values` within each individual. */
export function groupMeans(values: Float64Array, groups: PanelGroups): Float64Array {
  const sums = new Float64Array(groups.count);
  values.forEach((v, i) => (sums[groups.index[i]] += v));
  return sums.map((s, g) => s / groups.sizes[g]);
}

/** values − θ·(individual mean), θ one number or one per individual; θ = 1 is the within transformation. */
export function quasiDemean(values: Float64Array, groups: PanelGroups, theta: number | Float64Array): Float64Array {
  const means = groupMeans(values, groups);
  const at = typeof theta === 'number' ? () => theta : (g: number) => theta[g];
  return values.map((v, i) => v - at(groups.index[i]) * means[groups.index[i]]);
}
