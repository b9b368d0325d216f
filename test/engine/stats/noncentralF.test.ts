// The noncentral F against R's pf(x, df1, df2, ncp) over a grid with large λ and both tails
// (test/oracles/scripts/noncentral_f_grid.R) and against 40-digit mpmath sums (noncentral_f_mpmath.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fP } from '../../../server/src/engine/stats/distributions.ts';
import { noncentralFCdf, noncentralFSurvival, noncentralFSurvivalAsR } from '../../../server/src/engine/stats/noncentralF.ts';
import { SNA, readJson } from '../../oracles/read.ts';

interface Point { x: number; df1: number; df2: number; ncp: number; lower: number; upper: number }

const CASE = `${SNA}/03_geodetector_collectdata`;
const rGrid: Point[] = readJson(`${CASE}/r_pf_noncentral.json`).points;
const mpmath: Point[] = readJson(`${CASE}/mpmath_noncentral_f.json`).points;

/** R's documented tolerance on its series (errmax), plus the Poisson mass it drops below c − 7√c (< 1e-10). */
const R_SERIES_ERROR = 1.1e-9;

test('the grid covers large noncentrality and both tails', () => {
  assert.equal(rGrid.length, 900);
  assert.ok(rGrid.some((p) => p.ncp === 20000));
  assert.ok(rGrid.some((p) => p.upper < 1e-12) && rGrid.some((p) => p.lower < 1e-12));
});

test("noncentralFSurvivalAsR reproduces R's pf(lower.tail = FALSE), truncation error included", () => {
  for (const p of rGrid) {
    const got = noncentralFSurvivalAsR(p.x, p.df1, p.df2, p.ncp);
    // R builds its recurrence from log-gamma differences, which leaves up to ~1e-10 of rounding in 1 − CDF
    // at large λ; its series truncation (up to 1e-9) is reproduced exactly.
    assert.ok(Math.abs(got - p.upper) <= 1e-8 * p.upper + 1e-10, `${JSON.stringify(p)}: ${got}`);
  }
});

test("the accurate CDF and survival agree with R's pf within R's own series error", () => {
  for (const p of rGrid) {
    const upper = noncentralFSurvival(p.x, p.df1, p.df2, p.ncp);
    const lower = noncentralFCdf(p.x, p.df1, p.df2, p.ncp);
    assert.ok(Math.abs(upper - p.upper) <= 1e-9 * p.upper + R_SERIES_ERROR, `upper ${JSON.stringify(p)}: ${upper}`);
    assert.ok(Math.abs(lower - p.lower) <= 1e-9 * p.lower + R_SERIES_ERROR, `lower ${JSON.stringify(p)}: ${lower}`);
  }
});

test('the accurate CDF and survival are within 1e-11 relative of 40-digit sums, deep tails included', () => {
  let compared = 0;
  for (const p of mpmath) {
    for (const [reference, got] of [[p.lower, noncentralFCdf(p.x, p.df1, p.df2, p.ncp)], [p.upper, noncentralFSurvival(p.x, p.df1, p.df2, p.ncp)]]) {
      // The reference sums only terms within 20√c + 60 of the Poisson mean, exact above ~1e-80.
      if (reference < 1e-80) {
        assert.ok(got < 1e-80, `${JSON.stringify(p)}: ${got}`);
        continue;
      }
      assert.ok(Math.abs(got - reference) <= 1e-11 * reference, `${JSON.stringify(p)}: ${got} vs ${reference}`);
      compared++;
    }
  }
  assert.ok(compared >= 130, `${compared} comparisons`);
  assert.ok(mpmath.some((p) => p.upper < 1e-25 && p.upper > 1e-80), 'a deep upper tail is among them');
});

test("R's truncation shows at small p-values, where the accurate sum departs from it", () => {
  // Case 03's watershed factor: R reports 1.1699139e-4; the exact value is 1.1699044e-4 (scipy agrees).
  const [F, df1, df2, lambda] = [38.735507560362024, 8, 176, 152.04007465989056];
  const asR = noncentralFSurvivalAsR(F, df1, df2, lambda);
  const exact = noncentralFSurvival(F, df1, df2, lambda);
  assert.ok(Math.abs(asR - 0.000116991385022626) <= 1e-9 * asR);
  assert.ok(Math.abs(exact - 0.00011699043915417574) <= 1e-9 * exact);
  assert.ok(Math.abs(asR - exact) / exact > 5e-6);
});

test('edge values: λ = 0 is the central F, x ≤ 0 and x = ∞ are the ends, bad parameters throw', () => {
  for (const [x, df1, df2] of [[0.3, 2, 7], [2.5, 5, 40], [40, 8, 176]]) {
    const central = fP(x, df1, df2);
    assert.ok(Math.abs(noncentralFSurvival(x, df1, df2, 0) - central) <= 1e-13 * central);
    assert.ok(Math.abs(noncentralFSurvivalAsR(x, df1, df2, 0) - central) <= 1e-14);
  }
  assert.equal(noncentralFSurvival(0, 3, 10, 5), 1);
  assert.equal(noncentralFCdf(-1, 3, 10, 5), 0);
  assert.equal(noncentralFSurvival(Infinity, 3, 10, 5), 0);
  assert.equal(noncentralFSurvivalAsR(Infinity, 3, 10, 5), 0);
  assert.throws(() => noncentralFSurvival(1, 0, 10, 5), RangeError);
  assert.throws(() => noncentralFCdf(1, 3, 10, -1), RangeError);
  assert.throws(() => noncentralFSurvivalAsR(1, 3, Infinity, 1), RangeError);
});
