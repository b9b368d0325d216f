// The estimated value of every fixed-effect level, as fixest's fixef(): from each observation's sum of fixed
// effects S_i = Σ_q α_q[level_q(i)] (y − Xβ − e for OLS, η − Xβ for the GLMs) the levels are solved one by one.
// One dimension: α = S of any observation of the level. Several: the values are identified only up to one
// constant per extra dimension (per connected group of observations), so references are set to 0 as fixest's
// cpp_get_fe_gnl does: take the first observation of the estimation sample, keep its first dimension free and
// set the level of every other dimension to 0; then every observation with a single unknown level fixes that
// level, until none is left; a group not reached starts again from its observation that has most dimensions
// known (the first such in sample order). With two dimensions: the second FE's level of each group's first
// observation is 0.
import type { DenseFactor } from './hdfe/factors.js';
import { FixedEffectsDemeaner } from './hdfe/demean.js';
import { EstimationError } from './hdfe/errors.js';
import type { Checkpoint } from '../cancel.js';
import type { FactorColumn } from './frame.js';
import type { FixedEffectValues } from '../../results/modelResult.js';

export interface NamedFactor extends DenseFactor {
  name: string;
  /** The label of each dense code. */
  labels: string[];
}

/** fixest's fixef(): the greedy rule's values are replaced when, with 3+ FE, they miss a sum by more than this. */
const MISMATCH = 0.1;
/** fixef()'s own tolerance and iteration cap for that fallback (fixef.tol, fixef.iter). */
const FALLBACK = { tol: 1e-5, maxIter: 10000 };

/** The values, and a note when the reference rule could not identify them (three or more FE). */
export function fixedEffectValues(sumFE: Float64Array, fe: NamedFactor[], checkpoint?: Checkpoint): { effects: FixedEffectValues[]; note?: string } {
  let { values, references } = solveLevels(sumFE, fe, checkpoint);
  let note: string | undefined;
  // Three or more FE can need more references than the rule sets, and its values then miss some sums. As
  // fixest (only then, and only by more than 0.1), fall back to the alternating projections' coefficients,
  // which reproduce every sum but fix no level at 0.
  if (fe.length >= 3 && references.some((r) => r > 1) && largestMiss(sumFE, fe, values) > MISMATCH) {
    try {
      values = projectedValues(sumFE, fe, checkpoint);
      references = fe.map(() => 0);
      note = 'The fixed-effect values are not identified by setting one level per extra fixed effect to 0 (fixest\'s fixef() rule); they are the alternating projections\' solution, as fixest falls back to, identified only up to constants.';
    } catch (err) {
      if (!(err instanceof EstimationError)) throw err;
      note = `The fixed-effect values are not identified by setting one level per extra fixed effect to 0 (fixest's fixef() rule), and the alternating projections did not converge: some observations' fixed effects do not add up (by up to ${largestMiss(sumFE, fe, values).toPrecision(3)}).`;
    }
  }
  const effects = fe.map((f, q) => {
    const order = sortedLevels(f.labels);
    return { name: f.name, levels: order.map((l) => f.labels[l]), values: order.map((l) => values[q][l]), references: references[q] };
  });
  return note ? { effects, note } : { effects };
}

function largestMiss(S: Float64Array, fe: DenseFactor[], values: Float64Array[]): number {
  let largest = 0;
  for (let i = 0; i < S.length; i++) {
    let sum = 0;
    fe.forEach((f, q) => (sum += values[q][f.codes[i]]));
    largest = Math.max(largest, Math.abs(sum - S[i]));
  }
  return largest;
}

function projectedValues(S: Float64Array, fe: DenseFactor[], checkpoint?: Checkpoint): Float64Array[] {
  const { alpha } = new FixedEffectsDemeaner(fe, null).demean(S, { ...FALLBACK, checkpoint }, undefined, 'the sums of fixed effects');
  let offset = 0;
  return fe.map((f) => alpha.slice(offset, (offset += f.levels)));
}

function solveLevels(S: Float64Array, fe: DenseFactor[], checkpoint?: Checkpoint): { values: Float64Array[]; references: number[] } {
  const Q = fe.length;
  const n = S.length;
  const values = fe.map((f) => new Float64Array(f.levels));
  const references = fe.map(() => 0);
  const known = fe.map((f) => new Uint8Array(f.levels));
  if (Q === 1) {
    // As fixest: the level's first observation (all of them agree up to the solver's tolerance).
    fe[0].codes.forEach((level, i) => {
      if (!known[0][level]) values[0][level] = S[i];
      known[0][level] = 1;
    });
    return { values, references };
  }
  const members = fe.map(membersByLevel);
  const knownDims = new Int32Array(n);
  const ready: number[] = [];
  const fix = (q: number, level: number) => {
    known[q][level] = 1;
    const { start, obs } = members[q];
    for (let k = start[level]; k < start[level + 1]; k++) if (++knownDims[obs[k]] === Q - 1) ready.push(obs[k]);
  };
  // The observations not yet fully known, in sample order; compacted in the pass that picks the next start.
  const remaining = Int32Array.from({ length: n }, (_, i) => i);
  let count = n;
  for (let from = 0; from >= 0; ) {
    checkpoint?.();
    let spared = false;
    for (let q = 0; q < Q; q++) {
      const level = fe[q].codes[from];
      if (known[q][level]) continue;
      if (!spared) {
        spared = true;
        continue;
      }
      values[q][level] = 0;
      references[q]++;
      fix(q, level);
    }
    while (ready.length > 0) {
      const i = ready.pop()!;
      let open = -1;
      let others = 0;
      for (let q = 0; q < Q; q++) {
        const level = fe[q].codes[i];
        if (known[q][level]) others += values[q][level];
        else open = q;
      }
      if (open < 0) continue; // its last level was fixed by another observation meanwhile
      values[open][fe[open].codes[i]] = S[i] - others;
      fix(open, fe[open].codes[i]);
    }
    // fixest's next start: the first observation with all but two dimensions known, else the first with
    // the most known (-1 when every observation is known).
    let kept = 0;
    let first = -1;
    let best = -1;
    let most = 0;
    for (let k = 0; k < count; k++) {
      const i = remaining[k];
      const d = knownDims[i];
      if (d >= Q) continue;
      remaining[kept++] = i;
      if (first >= 0) continue;
      if (d === Q - 2) first = i;
      else if (d > most) {
        best = i;
        most = d;
      } else if (best < 0 && d === 0) best = i;
    }
    count = kept;
    from = first >= 0 ? first : best;
  }
  return { values, references };
}

/** The observations of each level, contiguous: obs[start[l]] … obs[start[l + 1] − 1], in sample order. */
function membersByLevel(f: DenseFactor): { start: Int32Array; obs: Int32Array } {
  const start = new Int32Array(f.levels + 1);
  for (const c of f.codes) start[c + 1]++;
  for (let l = 0; l < f.levels; l++) start[l + 1] += start[l];
  const next = start.slice(0, f.levels);
  const obs = new Int32Array(f.codes.length);
  f.codes.forEach((c, i) => (obs[next[c]++] = i));
  return { start, obs };
}

/** Levels in fixest's sorted order: numerically when every label is a whole number, else by code point. */
function sortedLevels(labels: string[]): number[] {
  const order = labels.map((_, l) => l);
  const numeric = labels.every((s) => /^\d+$/.test(s));
  return order.sort(numeric ? (a, b) => Number(labels[a]) - Number(labels[b]) : (a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0));
}

/**
 * The fixed effects over the estimation sample (`dense`, codes of the sample's rows) named by the frame's
 * columns and labelled by their `labels` (the code itself when a column has none); `rows` maps the sample to
 * the columns' rows (null: the same rows).
 */
export function labelledFactors(columns: readonly FactorColumn[], dense: readonly DenseFactor[], rows: Int32Array | null): NamedFactor[] {
  return dense.map((f, q) => {
    const column = columns[q];
    const labels: string[] = new Array(f.levels);
    f.codes.forEach((c, k) => {
      if (labels[c] !== undefined) return;
      const code = column.codes[rows ? rows[k] : k];
      labels[c] = column.labels?.[code] ?? String(code);
    });
    return { ...f, name: column.name, labels };
  });
}

/** y − Σ_k x_k β_k − e (e: the residual; omitted for a GLM's linear predictor). */
export function sumOfFixedEffects(y: Float64Array, X: readonly Float64Array[], beta: ArrayLike<number>, e?: Float64Array): Float64Array {
  const s = Float64Array.from(y);
  X.forEach((x, k) => {
    for (let i = 0; i < s.length; i++) s[i] -= beta[k] * x[i];
  });
  if (e) for (let i = 0; i < s.length; i++) s[i] -= e[i];
  return s;
}

/** The values, their note (if any) added to `notes`. */
export function withNote(result: { effects: FixedEffectValues[]; note?: string }, notes: string[]): FixedEffectValues[] {
  if (result.note) notes.push(result.note);
  return result.effects;
}
