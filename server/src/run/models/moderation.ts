// The data of a moderation (interaction) plot, for a model with an `x:z` term: the prediction's part that
// varies with x and z, at x = mean ± 1 SD for z at its mean and ± 1 SD — the simple slopes Aiken & West
// plot. Other regressors are held fixed, so the values are predictions up to a constant.
import type { DataTable } from '../../engine/data/dataTable.js';
import { evaluate, label, type Expr } from '../../engine/models/formula/index.js';
import type { ModelResult } from '../../results/modelResult.js';
import { describeColumns } from '../../engine/models/describe/descriptives.js';
import type { ModelSpec } from './modelSpecs.js';
import type { Cell, Table } from '../../results/format.js';

export function moderationTable(spec: ModelSpec, model: ModelResult, table: DataTable): Table | undefined {
  const term = spec.formula?.terms.find((t) => t.factors.length === 2 && model.coefficients.some((c) => c.term === t.label));
  if (!term) return undefined;
  const coef = (name: string) => model.coefficients.find((c) => c.term === name)?.estimate ?? 0;
  const [x, z] = term.factors;
  const bx = coef(mainEffect(x, model));
  const bz = coef(mainEffect(z, model));
  const bxz = coef(term.label);
  const [mx, sx] = moments(x, table);
  const [mz, sz] = moments(z, table);
  if (!Number.isFinite(sx) || !Number.isFinite(sz)) return undefined;
  const rows: Cell[][] = [];
  for (const [level, zv] of [['low (−1 SD)', mz - sz], ['mean', mz], ['high (+1 SD)', mz + sz]] as const) {
    for (const xv of [mx - sx, mx + sx]) rows.push([label(z), level, label(x), xv, bx * xv + bz * zv + bxz * xv * zv]);
  }
  return { columns: ['moderator', 'moderator_level', 'x', 'x_value', 'fitted'], rows };
}

/** The coefficient name of a factor's main effect: itself, or what it centres / standardizes. */
function mainEffect(factor: Expr, model: ModelResult): string {
  const own = label(factor);
  if (model.coefficients.some((c) => c.term === own)) return own;
  if (factor.type === 'call' && factor.fn === 'center' && factor.args[0]) return label(factor.args[0]);
  return own;
}

function moments(e: Expr, table: DataTable): [number, number] {
  const column = evaluate(e, table);
  if (column.type !== 'number') return [NaN, NaN];
  const [d] = describeColumns([{ name: label(e), values: column.values }]);
  return [d.mean, d.sd];
}
