// The placebo test's shuffle schemes through a spec on EmplUK (firm × year): a variable constant within each
// year is unchanged by shuffling within years, one constant within each firm by shuffling within firms, so
// every re-estimate equals the actual estimate; shuffled across all rows, both move it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { records, result, runSpec } from './harness.ts';

const SPEC = `dataset empl from "../../oracles/econ/EmplUK.csv" { key: firm, time: year }
dataset plain from "../../oracles/econ/EmplUK.csv"
model m = ols(log(emp) ~ log(wage) + year + sector, data: empl)
model year_in_years = permute(m, shuffle: year, reps: 20, scheme: within_year, seed: 1)
model sector_in_firms = permute(m, shuffle: sector, reps: 20, scheme: within_unit, seed: 1)
model year_in_firms = permute(m, shuffle: year, reps: 20, scheme: within_unit, seed: 1)
model year_anywhere = permute(m, shuffle: year, reps: 20, seed: 1)
model sector_anywhere = permute(m, shuffle: sector, reps: 20, scheme: all, seed: 1)
model q = ols(log(emp) ~ log(wage) + year, data: plain)
model no_panel = permute(q, shuffle: year, reps: 5, scheme: within_year)
`;
const run = runSpec(fileURLToPath(new URL('./fixtures/permute.study', import.meta.url)), SPEC);

async function summary(name: string) {
  const r = result(await run, name);
  assert.equal(r.status, 'ok', r.error?.message);
  const [row] = records(r, 'summary');
  return { ...(row as { actual: number; mean: number; sd: number; p: number; reps: number }), notes: r.notes };
}

test('within years, a variable constant within each year is left as it is: every draw is the actual estimate', async () => {
  const s = await summary('year_in_years');
  assert.equal(s.reps, 20);
  assert.ok(Math.abs(s.mean - s.actual) <= 1e-12 * Math.abs(s.actual), `${s.mean} ≠ ${s.actual}`);
  assert.ok(s.sd <= 1e-12 * Math.abs(s.actual));
  assert.equal(s.p, 1);
  assert.ok(s.notes.some((n) => n.startsWith('year permuted within each period of the 1031 rows of empl 20 times')));
});

test('within units, a variable constant within each firm is left as it is; one varying within firms moves', async () => {
  const sector = await summary('sector_in_firms');
  assert.ok(sector.sd <= 1e-12 * Math.abs(sector.actual));
  const year = await summary('year_in_firms');
  assert.ok(year.sd > 1e-6 * Math.abs(year.actual));
});

test('across all rows (the default, and `scheme: all`), both variables move', async () => {
  for (const name of ['year_anywhere', 'sector_anywhere']) {
    const s = await summary(name);
    assert.ok(s.sd > 1e-6 * Math.abs(s.actual), name);
    assert.ok(s.notes.some((n) => /permuted across all 1031 rows/.test(n)), name);
  }
});

test('a within scheme on data without a panel index is an error at the option', async () => {
  const r = result(await run, 'no_panel');
  assert.equal(r.status, 'error');
  assert.match(r.error!.message, /`scheme: within_year` needs panel data .* plain has no unit and period index/);
});
