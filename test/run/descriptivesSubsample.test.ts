// Descriptives of a subsample (`where:`) on a panel: the listed variables are evaluated on the whole panel and
// then subset, so a lag reads the unit's earlier period (seed 000's Table 2: Overlap(t−3) by partner group).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { records, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('../../examples/descriptives_test.study', import.meta.url));

const TEXT = `
dataset patents from "data/regpat/patents.csv" { id: appln_id  year: prio_year }
dataset inventors from "data/regpat/inventors.csv" { patent: appln_id  order: inv_seq  region: reg_code  joins: patents }
dataset countries from "data/regpat/countries.csv" { key: ctry_code }
regions china   = inventors where ctry_code == "CN"
regions foreign = inventors where ctry_code != "CN"
windows periods = 1998..2017 by 10
network invco = coinvention(inventors) { between: china × foreign  windows: periods }
panel p = dyadic(invco) {
  units:      china × foreign
  attributes: countries
  InvCo = invco.weight
}
model lagged  = descriptives(l(InvCo, 1), data: p)
model us      = lagged { where: ctry_code_j == "US" }
model us_then = descriptives(InvCo, data: p, where: ctry_code_j == "US" and t == "1998–2007")
`;

test('descriptives with `where:` lag over the whole panel, then keep the subsample\'s rows', async () => {
  const results = await runSpec(SPEC, TEXT);
  const row = (name: string) => {
    const r = result(results, name);
    assert.equal(r.error, undefined, `${name}: ${r.error?.message}`);
    return records(r, 'descriptives')[0]!;
  };
  const us = row('us');
  const then = row('us_then');
  // The second period's lag is the first period's value, pair by pair.
  assert.equal(us.variable, 'l(InvCo, 1)');
  assert.equal(us.n, then.n);
  assert.equal(us.mean, then.mean);
  assert.equal(us.max, then.max);
  assert.ok(Number(row('lagged').n) > Number(us.n));
  assert.ok(result(results, 'us').notes.some((n) => /^\d+ of \d+ rows satisfy the `where:` condition\.$/.test(n)));
});
