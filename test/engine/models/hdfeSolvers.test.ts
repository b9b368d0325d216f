// The two ways of partialling out fixed effects (docs/models/hdfe.md, "Solvers") give the same results: the
// conjugate-gradient solver forced on the fixest oracle cases of ols.test.ts and poisson.test.ts (same JSONs,
// same tolerances), both solvers on the hard inventor × firm × year panel against fixest 0.12.2
// (hard_panel_20k_fixest.json, from test/oracles/scripts/hard_panel_fixest.R), and what `auto` picks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitFeols, fitFepois, summarizeFit, type FixedEffectsSolver, type HdfeFrame } from '../../../server/src/engine/models/hdfe/index.ts';
import { readJson } from '../../oracles/read.ts';
import { gravityFrame, readGravityPanel } from './gravity.ts';
import { generateHardPanel, hardPanelFrame } from './hardPanel.ts';
import { ECON, close } from './econOracles.ts';
import { assertMatchesVariant, VARIANTS } from './oracle.ts';

const panel = readGravityPanel();
const gravity = gravityFrame(panel);
const CG_NOTE = /conjugate gradients/;

test('solver: cg on the gravity panel gives fixest\'s feols (coefficients, fit, every SE variant)', () => {
  const oracle = readJson(`${ECON}/results/gravity_feols_fixest.json`);
  const fit = fitFeols(gravity, { solver: 'cg' });
  const r = summarizeFit(fit);
  r.coefficients.forEach((c) => close(c.estimate, oracle.coef[c.term], c.term, 1e-9));
  for (const [k, key] of [['r2', 'r2'], ['within_r2', 'wr2'], ['ssr', 'ssr'], ['ssr_fe_only', 'ssr_fe_only']] as const) close(r.fit[k], oracle.fitstat[key] ?? oracle[key], k, 1e-9);
  assert.match(r.notes.join(' '), /as `solver: cg` asks/);
  const variants = VARIANTS({ name: 'i', codes: panel.i }, { name: 'j', codes: panel.j });
  for (const [name, options] of Object.entries(variants)) assertMatchesVariant(summarizeFit(fit, options), oracle.se_variants[name], { rel: 1e-9, pRel: 1e-7 });
});

test('solver: cg on the gravity panel gives fixest\'s fepois (coefficients, deviance, SEs)', () => {
  const oracle = readJson(`${ECON}/results/gravity_fepois_fixest.json`);
  const r = summarizeFit(fitFepois(gravity, { solver: 'cg', dropReluSeparated: false }));
  assert.equal(r.fit.n, oracle.nobs);
  r.coefficients.forEach((c) => close(c.estimate, oracle.coef[c.term], c.term, 1e-6));
  close(r.fit.deviance, oracle.deviance, 'deviance', 1e-6);
  close(r.fit.loglik, oracle.loglik, 'loglik', 1e-6);
  assertMatchesVariant(r, oracle.se_variants.cluster_ij_default, { rel: 1e-6, pRel: 2e-5 });
  assert.match(r.notes.join(' '), /as `solver: cg` asks/);
});

test('auto keeps alternating projections on the well-connected gravity panel, without a note', () => {
  const r = fitFeols(gravity);
  assert.doesNotMatch(r.notes.join(' '), CG_NOTE);
  assert.ok(r.fit.iterations < 10);
});

const hard = readJson(`${ECON}/results/hard_panel_20k_fixest.json`);
const hardData = generateHardPanel({ rows: 20000, seed: 16 });
const hardFrame = hardPanelFrame(hardData);

test('the hard panel generator makes the data fixest was given', () => {
  assert.equal(hardData.y.length, hard.rows);
  close(hardData.y.reduce((s, v) => s + v, 0), hard.sum_y, 'sum of y', 1e-12);
  close(hardData.x1.reduce((s, v) => s + v, 0), hard.sum_x1, 'sum of x1', 1e-12);
});

// At the default tolerance (1e-6) coefficients come within 1e-10 of the exact solution but clustered SEs only
// within ~1e-7, as fixest's own (its default-tolerance SEs are 2e-7 from its tight ones): SEs are held to 1e-6
// there, and to 1e-8 at a tight tolerance.
for (const solver of ['projections', 'cg', 'auto'] as FixedEffectsSolver[]) {
  test(`hard panel (20,000 rows, inventor × firm × year), solver: ${solver}: as fixest (coefficients to 1e-8, SEs to 1e-6)`, () => {
    const r = summarizeFit(fitFeols(hardFrame, { solver }));
    const expected = hard.tight_tol;
    assert.equal(r.fit.n, expected.nobs);
    assert.deepEqual(Object.fromEntries(r.fixedEffects!.map((f) => [f.name, f.levels])), expected.fixef_sizes);
    assert.equal(r.fit.df_K, expected.df_K);
    r.coefficients.forEach((c) => {
      close(c.estimate, expected.coef[c.term], c.term, 1e-8);
      close(c.se, expected.se[c.term], `se ${c.term}`, 1e-6);
      // fixest's own default tolerance leaves it this close to the exact solution.
      close(c.estimate, hard.default_tol.coef[c.term], `${c.term} at fixest's default tolerance`, 1e-6);
    });
    close(r.fit.ssr, expected.ssr, 'ssr', 1e-8);
    close(r.fit.r2, expected.r2, 'r2', 1e-8);
    close(r.fit.within_r2, expected.wr2, 'wr2', 1e-8);
    const notes = r.notes.join(' ');
    if (solver === 'projections') assert.doesNotMatch(notes, CG_NOTE);
    else assert.match(notes, solver === 'cg' ? /as `solver: cg` asks/ : /as `solver: auto` chose: alternating projections on "y" were converging too slowly/);
  });
}

for (const solver of ['projections', 'cg'] as FixedEffectsSolver[]) {
  test(`hard panel, solver: ${solver} at tolerance 1e-10: SEs as fixest's tight fit to 1e-8`, () => {
    summarizeFit(fitFeols(hardFrame, { solver, fixefTol: 1e-10 })).coefficients.forEach((c) => close(c.se, hard.tight_tol.se[c.term], `se ${c.term}`, 1e-8));
  });
}

test('the solvers agree with weights, on a graph in two pieces, with a firm nested in one inventor', () => {
  // Inventors 0–3 share firms 0–1, inventors 4–5 firms 2–3 (no link between the pieces); firm 4 employs only
  // inventor 6, whose level then carries nothing beyond it.
  const inventor = [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6];
  const firm = [0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 2, 2, 3, 3, 2, 3, 4, 4, 4];
  const year = [0, 1, 2, 0, 1, 2, 0, 1, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2];
  const x = inventor.map((v, k) => Math.sin(3 * k) + 0.2 * v);
  const frame: HdfeFrame = {
    y: Float64Array.from(x, (v, k) => 0.7 * v + inventor[k] - firm[k] + 0.3 * year[k] + 0.2 * Math.cos(5 * k)),
    X: [{ name: 'x', values: Float64Array.from(x) }],
    fe: [{ name: 'inventor', codes: Int32Array.from(inventor) }, { name: 'firm', codes: Int32Array.from(firm) }, { name: 'year', codes: Int32Array.from(year) }],
    weights: Float64Array.from(inventor, (_, k) => 1 + (k % 3)),
  };
  const tight = { fixefTol: 1e-12 };
  const projections = fitFeols(frame, { ...tight, solver: 'projections' });
  const cg = fitFeols(frame, { ...tight, solver: 'cg' });
  close(cg.beta[0], projections.beta[0], 'x', 1e-10);
  close(cg.fit.ssr as number, projections.fit.ssr as number, 'ssr', 1e-10);
});
