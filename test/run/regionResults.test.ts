// Region sets from results: `regions hubs = members(ai)` is the clusters a clusters declaration identifies,
// usable wherever a region set is (`touching:`, `between:`, `exclude: joint(…)`, a panel's `units:`). The
// restricted network is checked against the unrestricted one filtered here, and the checker against
// located errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { checkStudy } from '../../server/src/language/checks/index.ts';
import type { TableInfo } from '../../server/src/language/semantic/model.ts';
import type { NetworkWindow } from '../../server/src/results/format.ts';
import { records, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('../../examples/ai_clusters.study', import.meta.url));

const BASE = `dataset patents from "data/ai/patents.csv" { id: patent_id  year: app_year  region: province, city }
dataset applicants from "data/ai/applicants.csv" { patent: patent_id  order: seq  applicant: applicant  region: province, city  joins: patents }
windows years = 2011..2020
network coapp = coapplication(applicants) { level: city  windows: years }
measures lq = location_quotient(patents, industry: is_ai, region: city) { threshold: percentile(80, type: 7) }
clusters ai = clusters(lq, network: coapp) { require: intra and inter }
regions hubs = members(ai)
`;

test('a network `touching:` a clusters\' region set keeps exactly the ties with an end in a cluster', async () => {
  const results = await runSpec(SPEC, `${BASE}
network ai_ties = coapplication(applicants) { level: city  windows: years  touching: hubs }
regions others = patents where province != "none"
network hubs_out = coapplication(applicants) { level: city  windows: years  between: hubs × others  exclude: joint(hubs, hubs) }
`);
  const clusters = records(result(results, 'ai'), 'clusters').filter((r) => r.cluster === true).map((r) => String(r.region));
  assert.ok(clusters.length >= 2, 'the example data have several clusters');
  const hubs = new Set(clusters);
  const all = result(results, 'coapp').network!.windows;
  const touching = result(results, 'ai_ties');
  assert.equal(touching.status, 'ok', touching.error?.message);
  assert.ok(touching.notes.includes(`Only ties touching hubs (${clusters.length} regions).`), touching.notes.join('\n'));
  const tieList = (w: NetworkWindow) => w.ties.map((t) => `${t.source}–${t.target} ${t.weight}`).sort();
  touching.network!.windows.forEach((w, k) => {
    const expected = { ...all[k], ties: all[k].ties.filter((t) => hubs.has(t.source) || hubs.has(t.target)) };
    assert.deepEqual(tieList(w), tieList(expected), `ties of ${w.label}`);
    assert.deepEqual(w.intra, Object.fromEntries(Object.entries(all[k].intra).filter(([r]) => hubs.has(r))), `intra of ${w.label}`);
  });
  assert.ok(touching.network!.windows.some((w) => w.ties.length > 0) && all.some((w, k) => w.ties.length > touching.network!.windows[k].ties.length),
    'the restriction keeps some ties and leaves some out');
  // Between the clusters and the rest, patents joining two clusters left out: no tie among clusters remains.
  const out = result(results, 'hubs_out');
  assert.equal(out.status, 'ok', out.error?.message);
  for (const w of out.network!.windows) for (const t of w.ties) assert.ok(hubs.has(t.source) && !hubs.has(t.target), `${t.source}–${t.target}`);
});

test('a node panel over `units: hubs` has one row per cluster and year, with its closeness in the ties touching the clusters', async () => {
  const results = await runSpec(SPEC, `${BASE}
network ai_ties = coapplication(applicants) { level: city  windows: years  touching: hubs }
panel hub_years = node_panel(ai_ties, years: 2011..2020) {
  units: hubs
  NC = closeness(ai_ties)
  In = member(ai)
}
`);
  const clusters = records(result(results, 'ai'), 'clusters').filter((r) => r.cluster === true);
  const panel = result(results, 'hub_years');
  assert.equal(panel.status, 'ok', panel.error?.message);
  const variables = Object.fromEntries(records(panel, 'variables').map((v) => [v.variable, v]));
  assert.deepEqual([variables.i.n, variables.i.distinct], [clusters.length * 10, clusters.length]);
  assert.deepEqual([variables.In.min, variables.In.max], [1, 1], 'every unit is a cluster');
  const present = result(results, 'ai_ties').network!.windows.reduce((n, w) => n + clusters.filter((c) => w.nodes.includes(String(c.region))).length, 0);
  assert.equal(variables.NC.n, present, 'closeness exactly where the cluster has a tie that year');
});

// ------------------------------------------------------------------ checks

const TABLES: Record<string, string[]> = {
  'patents.csv': ['patent_id', 'app_year', 'city', 'is_ai'],
  'applicants.csv': ['patent_id', 'seq', 'city'],
};
function tables(path: string): TableInfo {
  const columns = TABLES[path];
  return columns ? { status: 'ok', path, columns, types: columns.map(() => 'VARCHAR') } : { status: 'missing', path };
}
const CHECKED = `dataset patents from "patents.csv" { id: patent_id, year: app_year, region: city }
dataset applicants from "applicants.csv" { patent: patent_id, order: seq, region: city }
network coapp = coapplication(applicants)
measures lq = location_quotient(patents, industry: is_ai) { threshold: percentile(80) }
clusters ai = clusters(lq, network: coapp)
`;
function check(extra: string) {
  const text = CHECKED + extra;
  return checkStudy(parseStudy(text), tables).diagnostics.map((d) => ({ code: d.code, message: d.message, at: text.slice(d.span.start, d.span.end), fixes: d.fixes?.map((f) => f.newText) }));
}

test('`members(clusters)` is a region set wherever one is used', () => {
  assert.deepEqual(check(`regions hubs = members(ai)
network t = coapplication(applicants) { touching: hubs, between: hubs × hubs, exclude: joint(hubs, hubs) }
panel p = node_panel(t, years: 2001..2002) { units: hubs }
`), []);
});

test('an unknown clusters name is located and suggests the closest clusters declaration', () => {
  const [d, ...rest] = check('regions hubs = members(aii)\n');
  assert.deepEqual(rest, []);
  assert.deepEqual([d.code, d.at, d.fixes], ['unknown-name', 'aii', ['ai']]);
  assert.match(d.message, /the argument of `members` must name a `clusters` declaration\. Did you mean `ai`\?/);
});

test('a name of another kind, another function, a missing argument and `level:` are reported where they are', () => {
  assert.deepEqual(check('regions hubs = members(coapp)\n').map((d) => [d.code, d.at]), [['wrong-kind', 'coapp']]);
  const [fn] = check('regions hubs = member(ai)\n');
  assert.deepEqual([fn.code, fn.at, fn.fixes], ['bad-regions', 'member', ['members']]);
  assert.deepEqual(check('regions hubs = members()\n').map((d) => [d.code, d.at]), [['missing-argument', 'members()']]);
  assert.deepEqual(check('regions hubs = members(ai, lq)\n').map((d) => [d.code, d.at]), [['too-many-arguments', 'lq']]);
  assert.deepEqual(check('regions hubs = members(ai) { level: city }\n').map((d) => [d.code, d.at]), [['inapplicable-option', 'level']]);
  assert.deepEqual(check('network t = coapplication(applicants) { touching: coapp }\n').map((d) => [d.code, d.at]), [['wrong-kind', 'coapp']]);
});

test('a region set that its own clusters\' network depends on is a cycle, reported on the set', () => {
  const text = CHECKED.replace('network coapp = coapplication(applicants)', 'network coapp = coapplication(applicants) { touching: hubs }');
  const diagnostics = checkStudy(parseStudy(`${text}regions hubs = members(ai)\n`), tables).diagnostics;
  assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [['cyclic-definition', '`hubs` depends on itself: hubs → ai → coapp → hubs']]);
});
