// Three-equation mediation (Baron & Kenny): total effect c from y ~ x + W, a from m ~ x + W, b and the direct
// effect c′ from y ~ x + m + W; indirect effect a·b with the Sobel (first-order delta) standard error. From one
// frame, each equation is OLS with the frame's fixed effects (fixest's conventions, iid standard errors), and a
// percentile bootstrap interval is added (rows resampled with replacement, seeded); `decomposeMediation` takes
// three equations estimated in any way (system GMM with each equation's own lags, as seed 001's Table 5).
import { Cancelled, type Checkpoint } from '../cancel.js';
import { normalP } from '../stats/distributions.js';
import { quantile } from '../stats/quantile.js';
import { Rng } from '../prng.js';
import { EstimationError, feols, fitFeols, type HdfeFrame } from './hdfe/index.js';
import type { ModelResult } from '../../results/modelResult.js';

export interface MediationOptions {
  /** Bootstrap replications (0: Sobel only). */
  bootstrap: number;
  seed: number;
  /** Confidence level of the bootstrap interval; default 0.95. */
  level?: number;
  /** Throws when the run is cancelled; called every resample and in each equation's demeaning. */
  checkpoint?: Checkpoint;
  /** Told every 20 resamples how many of the `bootstrap` are done (the command line's time estimate). */
  progress?: (done: number, total: number) => void;
}

export interface Effect { effect: string; estimate: number; se: number | null; z: number | null; p: number | null; ciLow: number | null; ciHigh: number | null }

export interface MediationResult {
  effects: Effect[];
  total: ModelResult;
  mediatorModel: ModelResult;
  outcomeModel: ModelResult;
  notes: string[];
}

/** `frame` holds the full outcome equation y ~ x + m + W; `treatment` and `mediator` name columns of X. */
export function mediationAnalysis(frame: HdfeFrame, treatment: string, mediator: string, options: MediationOptions): MediationResult {
  const m = frame.X.find((c) => c.name === mediator)!.values;
  const withoutM = frame.X.filter((c) => c.name !== mediator);
  const { checkpoint } = options;
  const total = feols({ ...frame, X: withoutM }, { checkpoint });
  const mediatorModel = feols({ ...frame, y: m, yName: mediator, X: withoutM }, { checkpoint });
  const outcomeModel = feols(frame, { checkpoint });
  const { effects, notes } = decomposeMediation(total, mediatorModel, outcomeModel, treatment, mediator);
  if (options.bootstrap > 0) {
    const level = options.level ?? 0.95;
    const draws = bootstrapIndirect(frame, treatment, mediator, withoutM.map((x) => x.name), options);
    const indirect = effects[effects.length - 1];
    [indirect.ciLow, indirect.ciHigh] = [quantile(draws.values, (1 - level) / 2, 7), quantile(draws.values, (1 + level) / 2, 7)];
    notes.push(`Bootstrap: ${draws.values.length} resamples (seed ${options.seed})${draws.failed ? `, ${draws.failed} skipped because an equation could not be estimated` : ''}; ${level * 100}% percentile interval of a·b.`);
  }
  return { effects, total, mediatorModel, outcomeModel, notes };
}

/**
 * The effects of three estimated equations: c (treatment in `total`), a (treatment in `mediatorModel`), b
 * (mediator in `outcomeModel`), c′ (treatment in `outcomeModel`) and a·b with its Sobel standard error; the
 * indirect effect has no interval.
 */
export function decomposeMediation(total: ModelResult, mediatorModel: ModelResult, outcomeModel: ModelResult, treatment: string, mediator: string): { effects: Effect[]; notes: string[] } {
  const coef = (r: ModelResult, term: string) => {
    const c = r.coefficients.find((k) => k.term === term);
    if (!c) throw new EstimationError(`${term} is not a coefficient of the equation of ${r.dependent} (absent or dropped as collinear), so the mediation cannot be decomposed.`);
    return c;
  };
  const c = coef(total, treatment);
  const a = coef(mediatorModel, treatment);
  const b = coef(outcomeModel, mediator);
  const direct = coef(outcomeModel, treatment);
  const ab = a.estimate * b.estimate;
  const sobelSe = Math.sqrt(b.estimate ** 2 * a.se ** 2 + a.estimate ** 2 * b.se ** 2);
  const row = (effect: string, k: { estimate: number; se: number; stat: number; p: number; ciLow: number; ciHigh: number }): Effect => ({ effect, estimate: k.estimate, se: k.se, z: k.stat, p: k.p, ciLow: k.ciLow, ciHigh: k.ciHigh });
  return {
    effects: [
      row('total (c)', c), row('a (x → m)', a), row('b (m → y)', b), row('direct (c′)', direct),
      { effect: 'indirect (a·b)', estimate: ab, se: sobelSe, z: ab / sobelSe, p: normalP(ab / sobelSe), ciLow: null, ciHigh: null },
    ],
    notes: [`Sobel test: z = ab / √(b²·SE(a)² + a²·SE(b)²); indirect share of the total effect ${+(ab / c.estimate).toPrecision(4)}.`],
  };
}

function bootstrapIndirect(frame: HdfeFrame, treatment: string, mediator: string, without: string[], options: MediationOptions): { values: number[]; failed: number } {
  const rng = new Rng(options.seed);
  const n = frame.y.length;
  const values: number[] = [];
  let failed = 0;
  const beta = (f: HdfeFrame, term: string) => {
    const fit = fitFeols(f, { dropSingletons: false, checkpoint: options.checkpoint });
    const k = fit.terms.indexOf(term);
    if (k < 0) throw new Error('dropped');
    return fit.beta[k];
  };
  for (let r = 0; r < options.bootstrap; r++) {
    options.checkpoint?.();
    if (r % 20 === 0) options.progress?.(r, options.bootstrap);
    const rows = Int32Array.from({ length: n }, () => rng.int(0, n - 1));
    const sample: HdfeFrame = {
      ...frame,
      y: gather(frame.y, rows),
      X: frame.X.map((x) => ({ name: x.name, values: gather(x.values, rows) })),
      fe: frame.fe.map((f) => ({ name: f.name, codes: gather(f.codes, rows) })),
      cluster: undefined,
    };
    try {
      const m = sample.X.find((x) => x.name === mediator)!.values;
      const a = beta({ ...sample, y: m, yName: mediator, X: sample.X.filter((x) => without.includes(x.name)) }, treatment);
      values.push(a * beta(sample, mediator));
    } catch (err) {
      if (err instanceof Cancelled) throw err;
      failed++;
    }
  }
  return { values, failed };
}

/** v at the resampled rows (repeats included). */
function gather<T extends Float64Array | Int32Array>(v: T, rows: Int32Array): T {
  const out = new (v.constructor as new (n: number) => T)(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = v[rows[k]];
  return out;
}
