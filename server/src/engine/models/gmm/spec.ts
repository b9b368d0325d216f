// The input of the dynamic panel GMM estimator: a panel frame in levels and a specification that mirrors
// plm::pgmm's arguments. The estimator builds differences, lags and instruments itself from the levels.

/** Bad input: too few periods, no usable rows, a singular weighting matrix, collinear regressors … */
export class GmmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GmmError';
  }
}

/** A panel in long form, one row per (unit, period). Missing values are NaN. */
export interface GmmPanel {
  unit: Int32Array;
  /** Consecutive integer period codes (years, or 0..T−1); lag k of period t is period t − k. */
  time: Int32Array;
  columns: Record<string, Float64Array>;
}

/** A variable at one lag; lag 0 is the current value. */
export interface LaggedVariable {
  variable: string;
  lag: number;
}

/** GMM-style ("Holtz-Eakin–Newey–Rosen") instruments: the levels of `variable` at lags from..to. */
export interface GmmInstrument {
  variable: string;
  /** [from, to]; `to` may be Infinity (every available lag), as plm's `lag(x, 2:99)` on short panels. */
  lags: [number, number];
  /** One column per lag instead of one per lag and period; defaults to the spec's `collapse`. */
  collapse?: boolean;
}

/**
 * First-step weighting matrix H (plm's `fsm`). Difference GMM: 'G' (the MA(1) matrix of differenced iid
 * errors, plm's default, xtabond2's h(2)/h(3)) or 'I'. System GMM: 'full' (G with the covariances between
 * differenced and level errors, plm's default and xtabond2's h(3)), 'GI' (block-diagonal G and I, as DPD
 * for Ox, which xtabond2's h(2) imitates) or 'I' (xtabond2's h(1)).
 */
export type FirstStepMatrix = 'G' | 'I' | 'GI' | 'full';

export interface GmmSpec {
  /** The dependent variable, in levels. */
  y: string;
  /** Right-hand side in levels; lags of `y` are written as `{ variable: y, lag: 1 }`. */
  regressors: LaggedVariable[];
  gmm: GmmInstrument[];
  /** IV-style ("standard") instruments. Default (plm): every regressor whose variable has no GMM instruments. */
  iv?: LaggedVariable[];
  /** 'twoways' (default, plm) adds time dummies (and an intercept in system GMM). */
  effect?: 'individual' | 'twoways';
  /** 'd' (default): Arellano–Bond difference GMM; 'ld': Blundell–Bond system GMM. */
  transformation?: 'd' | 'ld';
  /** Default 'onestep' (plm). */
  model?: 'onestep' | 'twosteps';
  /** Default false. */
  collapse?: boolean;
  /** Default 'G' for difference GMM, 'full' for system GMM (plm's defaults). */
  fsm?: FirstStepMatrix;
  /**
   * Report robust standard errors (default true, as plm's summary): one-step robust (Arellano–Bond) or
   * Windmeijer-corrected two-step. The AR tests and Wald tests use the same covariance.
   */
  robust?: boolean;
  /**
   * System GMM only. 'level' (plm's default): time dummies instrument the level equation only, as xtabond2's
   * `ivstyle(yr*, equation(level))`. 'both': also their differences in the difference equation, as
   * xtabond2's plain `ivstyle(yr*)`.
   */
  timeDummyInstruments?: 'level' | 'both';
  /**
   * System GMM only: which lag of Δx instruments the level equation. 'previous' (plm): Δx_{t−1} for every GMM
   * variable. 'fromMinusOne' (xtabond2): Δx_{t−from+1}, one lag less than the first lag used in differences.
   */
  levelInstrumentLag?: 'previous' | 'fromMinusOne';
  /**
   * The Hansen J test of a one-step model. 'model' (plm's `sargan()`): J at the one-step residuals.
   * 'twosteps' (xtabond2): J of the two-step estimate, the statistic xtabond2 prints after one-step robust.
   */
  hansenAfterOneStep?: 'model' | 'twosteps';
}

export type ResolvedGmmSpec = Required<Omit<GmmSpec, 'gmm'>> & { gmm: Required<GmmInstrument>[] };

/** Fills plm's defaults and rejects specifications that cannot be estimated. */
export function resolveSpec(spec: GmmSpec): ResolvedGmmSpec {
  const transformation = spec.transformation ?? 'd';
  const fsm = spec.fsm ?? (transformation === 'd' ? 'G' : 'full');
  if (transformation === 'd' && (fsm === 'GI' || fsm === 'full')) {
    throw new GmmError(`fsm '${fsm}' applies to system GMM (transformation 'ld'); use 'G' or 'I' for difference GMM`);
  }
  if (transformation === 'ld' && fsm === 'G') throw new GmmError(`fsm 'G' applies to difference GMM; use 'full', 'GI' or 'I' for system GMM`);
  if (spec.gmm.length === 0) throw new GmmError('at least one GMM-style instrument is needed');
  const seen = new Set<string>();
  for (const g of spec.gmm) {
    const [from, to] = g.lags;
    if (!Number.isInteger(from) || from < 0 || !(to >= from) || (Number.isFinite(to) && !Number.isInteger(to))) {
      throw new GmmError(`GMM instrument ${g.variable}: lags must be integers with 0 ≤ from ≤ to, got [${from}, ${to}]`);
    }
    if (seen.has(g.variable)) throw new GmmError(`GMM instrument ${g.variable} is listed twice; give one lag range`);
    seen.add(g.variable);
  }
  for (const r of [...spec.regressors, ...(spec.iv ?? [])]) {
    if (!Number.isInteger(r.lag) || r.lag < 0) throw new GmmError(`${r.variable}: lag must be a non-negative integer, got ${r.lag}`);
  }
  const collapse = spec.collapse ?? false;
  return {
    y: spec.y,
    regressors: spec.regressors,
    gmm: spec.gmm.map((g) => ({ ...g, collapse: g.collapse ?? collapse })),
    iv: spec.iv ?? spec.regressors.filter((r) => !seen.has(r.variable)),
    effect: spec.effect ?? 'twoways',
    transformation,
    model: spec.model ?? 'onestep',
    collapse,
    fsm,
    robust: spec.robust ?? true,
    timeDummyInstruments: spec.timeDummyInstruments ?? 'level',
    levelInstrumentLag: spec.levelInstrumentLag ?? 'previous',
    hansenAfterOneStep: spec.hansenAfterOneStep ?? 'model',
  };
}
