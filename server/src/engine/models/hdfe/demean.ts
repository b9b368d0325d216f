// Partialling out fixed effects: the residual of a (weighted) regression of a column on the FE dummies. Two
// solvers: alternating projections (projections.ts), fast on well-connected fixed effects, and conjugate
// gradients on the normal equations (conjugateGradient.ts), fast where the FE graph is weakly connected. Under
// `auto` the first column decides: projections run on it until the rate they show predicts more than
// TRIAL_SWEEPS sweeps, and then CG takes over from where they stopped, for it and every later column. The state
// is the FE coefficient vector, so a previous solution can warm-start the next call (Poisson IRLS re-demeans
// similar columns every iteration).
import type { DenseFactor } from './factors.js';
import type { Checkpoint } from '../../cancel.js';
import { EstimationError } from './errors.js';
import { FixedEffectsLayout } from './feLayout.js';
import { alternatingProjections } from './projections.js';
import { conjugateGradient } from './conjugateGradient.js';
import { EliminatedSystem } from './eliminatedSystem.js';

export type FixedEffectsSolver = 'auto' | 'projections' | 'cg';

export interface DemeanOptions {
  /** Stop when what is left to remove is at most `tol` times the residual (weighted norms; see the solvers). */
  tol: number;
  /** Sweeps (projections) or iterations (CG) allowed. */
  maxIter: number;
  /** Called every two sweeps or every iteration (a few milliseconds on the largest panels): throws when the run is cancelled. */
  checkpoint?: Checkpoint;
}

export interface SolverRun {
  iterations: number;
  converged: boolean;
}

export interface Demeaned {
  resid: Float64Array;
  /** FE coefficients, dimension after dimension; pass back as `warm` to restart from them. */
  alpha: Float64Array;
  /** Sweeps over the data (projections) or CG iterations. */
  iterations: number;
}

/**
 * Under `auto`, projections stop and CG takes over once the first column's rate of convergence predicts more
 * than this many sweeps: beyond it a CG iteration (about 1.5 sweeps of work) gains more than it costs
 * (docs/models/hdfe.md gives the measurements).
 */
export const TRIAL_SWEEPS = 50;
/** Sweeps before the rate is trusted (the first pairs still carry the start's transient). */
const RATE_AFTER = 4;

export class FixedEffectsDemeaner {
  readonly layout: FixedEffectsLayout;
  /** The solver that runs: `auto` until the first column with two or more fixed effects has decided. */
  solver: FixedEffectsSolver;
  /** Why conjugate gradients run, for the model's notes; null while projections do. */
  reason: string | null = null;
  private reduced: EliminatedSystem | null = null;

  /** `reason`: why a caller chose `cg` itself (Poisson under `auto`), for the note; default: the spec asked. */
  constructor(fe: DenseFactor[], weights: Float64Array | null, solver: FixedEffectsSolver = 'auto', reason = 'as `solver: cg` asks') {
    this.layout = new FixedEffectsLayout(fe, weights);
    this.solver = fe.length < 2 ? 'projections' : solver; // one fixed effect: its level means, exact in one sweep
    if (this.solver === 'cg') this.reason = reason;
  }

  get nCoef(): number {
    return this.layout.nCoef;
  }

  demean(x: Float64Array, options: DemeanOptions, warm?: Float64Array, what = 'a variable'): Demeaned {
    const layout = this.layout;
    const alpha = warm ? Float64Array.from(warm) : new Float64Array(layout.nCoef);
    const resid = Float64Array.from(x);
    if (layout.dimensions === 0) return { resid, alpha, iterations: 0 }; // no fixed effects: nothing to partial out
    if (warm) layout.fillResidual(x, alpha, resid);
    let run: SolverRun;
    if (this.solver === 'cg') run = conjugateGradient(this.system(options), x, alpha, resid, options);
    else if (this.solver === 'projections') run = alternatingProjections(layout, x, alpha, resid, options);
    else {
      let predicted = 0;
      const trial = alternatingProjections(layout, x, alpha, resid, options, (sweeps, ahead) => {
        predicted = sweeps + ahead;
        return sweeps >= TRIAL_SWEEPS || (sweeps >= RATE_AFTER && predicted > TRIAL_SWEEPS);
      });
      if (trial.converged || trial.iterations >= options.maxIter) {
        this.solver = 'projections';
        run = trial;
      } else {
        this.solver = 'cg';
        const estimate = Number.isFinite(predicted) ? `~${Math.round(predicted).toLocaleString('en-US')}` : 'no end of';
        this.reason = `as \`solver: auto\` chose: alternating projections on ${what} were converging too slowly (their rate over the first ${trial.iterations} sweeps predicts ${estimate} sweeps, more than ${TRIAL_SWEEPS}), the mark of a weakly connected fixed-effect graph`;
        const rest = conjugateGradient(this.system(options), x, alpha, resid, { ...options, maxIter: options.maxIter - trial.iterations });
        run = { iterations: trial.iterations + rest.iterations, converged: rest.converged };
      }
    }
    if (!run.converged) {
      throw new EstimationError(
        `Partialling out the fixed effects from ${what} did not converge in ${options.maxIter} iterations; ` +
          'raise fixefMaxIter or loosen fixefTol (the fixed effects may be nearly collinear or very weakly connected).',
      );
    }
    return { resid, alpha, iterations: run.iterations };
  }

  /** The reduced system CG solves, built on first use and shared by every column. */
  private system(options: DemeanOptions): EliminatedSystem {
    return (this.reduced ??= new EliminatedSystem(this.layout, options.checkpoint));
  }

  /** The model note saying that conjugate gradients ran and why; none when projections did. */
  note(): string | null {
    return this.reason && `Fixed effects partialled out by preconditioned conjugate gradients on their normal equations, ${this.reason}.`;
  }
}
