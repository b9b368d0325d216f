// Input errors and checks shared by the estimators in negbin/, describe/ and panel/ (frames: ../frame.ts).
import type { ModelFrame, NumericColumn } from '../frame.js';

/** Bad input: the message says what is wrong and with which variable. */
export class ModelInputError extends Error {
  override name = 'ModelInputError';
}

/** An iterative estimator stopped without meeting its convergence rule. */
export class ConvergenceError extends Error {
  override name = 'ConvergenceError';
}

export function isInterceptColumn(column: NumericColumn): boolean {
  return column.values.length > 0 && column.values.every((v) => v === 1);
}

/** Checks lengths and missing values: the estimators take complete rows only. */
export function checkFrame(frame: ModelFrame): void {
  const n = frame.y.length;
  if (n === 0) throw new ModelInputError('the model frame has no rows');
  const all: NumericColumn[] = [{ name: 'the dependent variable', values: frame.y }, ...frame.X];
  for (const c of all) {
    if (c.values.length !== n) throw new ModelInputError(`${c.name} has ${c.values.length} rows, the dependent variable ${n}`);
    if (c.values.some((v) => !Number.isFinite(v))) throw new ModelInputError(`${c.name} has missing or infinite values; drop incomplete rows first`);
  }
  for (const f of frame.fe ?? []) {
    if (f.codes.length !== n) throw new ModelInputError(`fixed effect ${f.name} has ${f.codes.length} rows, the dependent variable ${n}`);
    if (f.codes.some((c) => c < 0)) throw new ModelInputError(`fixed effect ${f.name} has negative level codes`);
  }
}

/** The levels a coded factor actually uses, ascending. */
export function presentLevels(codes: Int32Array): number[] {
  return [...new Set(codes)].sort((a, b) => a - b);
}
