// Fixed effects as dummy columns, as R's treatment contrasts expand a factor in `glm.nb`: the first level
// present is the reference when the model already has an intercept (or an earlier fixed effect).
import { presentLevels } from '../describe/frame.js';
import type { FactorColumn, NumericColumn } from '../frame.js';
import type { FixedEffectSummary } from '../../../results/modelResult.js';

export interface FixedEffectDummies {
  columns: NumericColumn[];
  summaries: FixedEffectSummary[];
}

export function fixedEffectDummies(effects: readonly FactorColumn[], hasIntercept: boolean): FixedEffectDummies {
  const columns: NumericColumn[] = [];
  const summaries: FixedEffectSummary[] = [];
  effects.forEach((fe, k) => {
    const levels = presentLevels(fe.codes);
    summaries.push({ name: fe.name, levels: levels.length });
    const dropFirst = hasIntercept || k > 0;
    for (const level of dropFirst ? levels.slice(1) : levels) {
      columns.push({ name: `${fe.name}::${level}`, values: Float64Array.from(fe.codes, (c) => (c === level ? 1 : 0)) });
    }
  });
  return { columns, summaries };
}
