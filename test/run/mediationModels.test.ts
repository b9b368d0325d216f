// Mediation from three estimated models (`mediation_of`), each with its own estimator: here system GMM with
// each equation's own lagged dependent variable, as seed 001's Table 5. The effects must be the models' own
// coefficients — the indirect effect the product of the a path (treatment in the mediator's equation) and
// the b path (mediator in the outcome's equation) — which fails if an equation or a term is mixed up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { checkStudy } from '../../server/src/language/checks/index.ts';
import type { TableInfo } from '../../server/src/language/semantic/model.ts';
import { records, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('../../examples/ai_clusters.study', import.meta.url));

const EQUATIONS = `dataset patents from "data/ai/patents.csv" { id: patent_id  year: app_year  region: province, city }
dataset applicants from "data/ai/applicants.csv" { patent: patent_id  order: seq  region: province, city  joins: patents }
dataset city_years from "data/ai/city_years.csv" { key: city, time: year }
windows years = 2011..2020
network coapp = coapplication(applicants) { level: city  windows: years }
panel cities = node_panel(coapp, years: 2011..2020) {
  attributes: city_years
  TI = count(patents, counting: fractional)
}
model m4 = sysgmm(log1p(TI) ~ l(log1p(TI), 1) + log1p(IP) + ED) {
  data: cities  gmm: l(log1p(TI), 2..4)  iv: log1p(IP), ED  collapse: true
}
model m5 = sysgmm(IC ~ l(IC, 1) + log1p(IP) + ED) {
  data: cities  gmm: l(IC, 2..4)  iv: log1p(IP), ED  collapse: true
}
model m6 = sysgmm(log1p(TI) ~ l(log1p(TI), 1) + log1p(IP) + IC + ED) {
  data: cities  gmm: l(log1p(TI), 2..4)  iv: log1p(IP), IC, ED  collapse: true
}
`;

test('the effects of a mediation of system-GMM equations are the equations\' coefficients, the indirect one a·b', async () => {
  const results = await runSpec(SPEC, `${EQUATIONS}model med = mediation_of(m4, m5, m6, treatment: log1p(IP), mediator: IC)\n`);
  const med = result(results, 'med');
  assert.equal(med.status, 'ok', med.error?.message);
  const coefficient = (name: string, term: string) => {
    const r = result(results, name);
    assert.match(r.model?.estimator ?? '', /system GMM/);
    return r.model!.coefficients.find((c) => c.term === term)!;
  };
  const [c, a, b, direct] = [coefficient('m4', 'log1p(IP)'), coefficient('m5', 'log1p(IP)'), coefficient('m6', 'IC'), coefficient('m6', 'log1p(IP)')];
  assert.notEqual(a.estimate, c.estimate, 'the equations differ');
  const effects = Object.fromEntries(records(med, 'effects').map((e) => [e.effect, e]));
  assert.equal(effects['total (c)'].estimate, c.estimate);
  assert.equal(effects['a (x → m)'].estimate, a.estimate);
  assert.equal(effects['b (m → y)'].estimate, b.estimate);
  assert.equal(effects['direct (c′)'].estimate, direct.estimate);
  assert.equal(effects['indirect (a·b)'].estimate, a.estimate * b.estimate);
  assert.equal(effects['indirect (a·b)'].se, Math.sqrt(b.estimate ** 2 * a.se ** 2 + a.estimate ** 2 * b.se ** 2));
  assert.equal(effects['indirect (a·b)'].ci_low, null);
  assert.ok(med.notes.some((n) => n.includes('Equations as estimated by m4, m5, m6 (sysgmm)')), med.notes.join('\n'));
});

test('an equation that is itself a design is refused at its argument', async () => {
  const results = await runSpec(SPEC, `${EQUATIONS}model d = descriptives(TI, data: cities)\nmodel med = mediation_of(m4, d, m6, treatment: log1p(IP), mediator: IC)\n`);
  assert.match(result(results, 'med').error?.message ?? '', /d is not an estimated model/);
});

// ------------------------------------------------------------------ checks

const TABLES: Record<string, string[]> = { 'firms.csv': ['firm', 'year', 'TI', 'GS', 'IP'] };
function tables(path: string): TableInfo {
  const columns = TABLES[path];
  return columns ? { status: 'ok', path, columns, types: columns.map(() => 'DOUBLE') } : { status: 'missing', path };
}
const CHECKED = `dataset firms from "firms.csv" { key: firm, time: year }
model m4 = ols(TI ~ IP, data: firms)
model m5 = ols(GS ~ IP, data: firms)
model m6 = m4 + GS
`;
function check(extra: string) {
  const text = CHECKED + extra;
  return checkStudy(parseStudy(text), tables).diagnostics.map((d) => ({ code: d.code, message: d.message, at: text.slice(d.span.start, d.span.end), fixes: d.fixes?.map((f) => f.newText) }));
}

test('`mediation_of` takes its data from the total model and checks its terms there', () => {
  assert.deepEqual(check('model med = mediation_of(m4, m5, m6, treatment: IP, mediator: GS)\n'), []);
  const [d] = check('model med = mediation_of(m4, m5, m6, treatment: IP, mediator: GZ)\n');
  assert.deepEqual([d.code, d.at, d.fixes], ['unknown-variable', 'GZ', ['GS']]);
});

test('`mediation_of` needs three models and its two terms', () => {
  assert.deepEqual(check('model med = mediation_of(m4, m5, firms, treatment: IP, mediator: GS)\n').map((d) => [d.code, d.at]), [['wrong-kind', 'firms']]);
  assert.deepEqual(check('model med = mediation_of(m4, m5, m6, mediator: GS)\n').map((d) => [d.code, d.at]), [['missing-option', 'med']]);
});
