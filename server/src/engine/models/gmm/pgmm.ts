// Dynamic panel GMM (Arellano–Bond difference GMM, Blundell–Bond system GMM) with plm::pgmm's conventions
// by default; docs/models/gmm.md lists where Stata's xtabond2 differs and which options reach it.
import type { Matrix } from 'ml-matrix';
import type { Checkpoint } from '../../cancel.js';
import { coefficientTable } from '../coefficientTable.js';
import type { ModelResult, TestResult } from '../../../results/modelResult.js';
import { buildDesign, type GmmDesign } from './design.js';
import { estimate, type GmmEstimate } from './estimate.js';
import { GmmError, resolveSpec, type GmmPanel, type GmmSpec, type ResolvedGmmSpec } from './spec.js';
import { arTest, overidentificationTest, waldTest } from './specificationTests.js';

const LEVEL = 0.95;

function specificationTests(design: GmmDesign, fit: GmmEstimate, spec: ResolvedGmmSpec, vcov: Matrix): Record<string, TestResult> {
  const tests: Record<string, TestResult> = {};
  for (const order of [1, 2]) {
    const ar = arTest(design, fit, order, vcov);
    if (ar) tests[`ar${order}`] = ar;
  }
  // plm's sargan() with its default weights is Hansen's J; with the one-step weights it is plm's Sargan.
  const hansenStep = spec.hansenAfterOneStep === 'twosteps' && fit.twoSteps ? fit.twoSteps : fit.model;
  tests.hansen = overidentificationTest(design, hansenStep, fit.secondStepWeight);
  tests.sargan = overidentificationTest(design, fit.model, fit.oneStep.weight);

  const K = design.terms.length;
  const timeStart = K - design.timeTerms;
  const slopes = Array.from({ length: timeStart }, (_, k) => k);
  if (slopes.length > 0) tests.wald = waldTest(fit.model.coefficients, vcov, slopes);
  const firstDummy = timeStart + (design.intercept ? 1 : 0);
  const dummies = Array.from({ length: K - firstDummy }, (_, k) => firstDummy + k);
  if (dummies.length > 0) tests.waldTime = waldTest(fit.model.coefficients, vcov, dummies);
  return tests;
}

/** Which of the choices where plm and xtabond2 differ are in force (docs/models/gmm.md). */
function conventionNote(spec: ResolvedGmmSpec): string {
  const system = spec.transformation === 'ld';
  const parts = [`first-step matrix '${spec.fsm}'`];
  if (system) {
    parts.push(spec.timeDummyInstruments === 'level' ? 'time dummies instrument the level equation (plm)' : 'time dummies instrument both equations (xtabond2)');
    parts.push(spec.levelInstrumentLag === 'previous' ? 'level equation instrumented by Δx_{t−1} (plm)' : 'level equation instrumented by Δx at lag from − 1 (xtabond2)');
  }
  if (spec.model === 'onestep') parts.push(spec.hansenAfterOneStep === 'model' ? 'Hansen J at the one-step residuals (plm)' : 'Hansen J of the two-step estimate (xtabond2)');
  parts.push('n counts the rows of both equations (plm)');
  return `conventions: ${parts.join('; ')}`;
}

function describe(spec: ResolvedGmmSpec): string {
  const kind = spec.transformation === 'd' ? 'Arellano–Bond difference GMM' : 'Blundell–Bond system GMM';
  return `${kind}, ${spec.model === 'onestep' ? 'one-step' : 'two-step'} (${spec.effect})`;
}

/**
 * Estimates a dynamic panel model by GMM. Throws `GmmError` on input it cannot estimate; `checkpoint` (throws when
 * the run is cancelled) is called between the estimation's steps and every few hundred rows of its products.
 */
export function pgmm(panel: GmmPanel, gmmSpec: GmmSpec, checkpoint?: Checkpoint): ModelResult {
  const spec = resolveSpec(gmmSpec);
  const design = buildDesign(panel, spec, checkpoint);
  const instruments = design.Z.columns;
  if (instruments < design.terms.length) {
    throw new GmmError(`under-identified: ${instruments} instruments for ${design.terms.length} coefficients`);
  }
  const fit = estimate(design, spec, checkpoint);
  const vcov = spec.robust ? fit.robustVcov : fit.model.bread;
  const notes = [...fit.notes];
  if (instruments > design.unitCount) {
    notes.push(`${instruments} instruments for ${design.unitCount} groups: the Hansen test is weak and two-step SEs are biased with this many instruments`);
  }
  notes.push(conventionNote(spec));
  const { diffRows } = design.layout;
  if (diffRows <= 2) notes.push(`AR tests of order ${diffRows} and above are left out: the difference equation has ${diffRows} period(s)`);
  return {
    estimator: describe(spec),
    dependent: spec.y,
    statistic: 'z',
    coefficients: coefficientTable(design.terms, fit.model.coefficients.getColumn(0), vcov.to2DArray(), Infinity, LEVEL),
    vcov: vcov.to2DArray(),
    vcovType: spec.robust
      ? { type: spec.model === 'onestep' ? 'robust' : 'windmeijer', convention: 'plm vcovHC.pgmm' }
      : { type: 'iid', convention: 'plm vcov.pgmm: (X′Z A Z′X)⁻¹, not scaled by σ²' },
    fit: {
      n: design.used.diff + design.used.level,
      n_diff: design.used.diff,
      n_level: design.used.level,
      groups: design.unitCount,
      groups_used: design.groupsUsed,
      instruments,
    },
    tests: (checkpoint?.(), specificationTests(design, fit, spec, vcov)),
    notes,
  };
}
