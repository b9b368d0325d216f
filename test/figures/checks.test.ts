// `figure` declarations in the checks: the table a figure draws and its columns, checked where the spec
// tells a result's tables (networks, measures, blocks, panels), with did-you-mean; not reported where only
// a run tells (a model's tables, a block matrix's columns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { checkStudy } from '../../server/src/language/checks/index.ts';
import type { TableInfo } from '../../server/src/language/semantic/model.ts';

const TABLES: Record<string, string[]> = {
  'patents.csv': ['patent_id', 'app_year'],
  'applicants.csv': ['patent_id', 'seq', 'province'],
};
const tables = (path: string): TableInfo => ({ status: 'ok', path, columns: TABLES[path], types: TABLES[path].map(() => 'VARCHAR') });

const BASE = `dataset patents from "patents.csv" { id: patent_id, year: app_year }
dataset applicants from "applicants.csv" { patent: patent_id, order: seq, region: province }
windows periods = 2001..2020 by 5
network net = coapplication(applicants) { windows: periods }
measures overall = whole(net) { nodes, density }
measures central = nodes(net) { degree
  tiers: jenks(4) of degree }
blocks groups = concor(net, window: 2016..2020) { report: density, ei }
model m = descriptives(degree) { data: central }
`;

function check(extra: string) {
  const text = BASE + extra;
  const { diagnostics } = checkStudy(parseStudy(text), tables);
  return diagnostics.map((d) => ({ code: d.code, message: d.message, at: text.slice(d.span.start, d.span.end), fixes: d.fixes?.map((f) => f.newText) }));
}

test('figures of known tables and columns are clean: a first table, a named one, listed items and tiers', () => {
  assert.deepEqual(check(`figure a = line(overall, x: window, y: density) { title: "Density" }
figure b = bars(central.nodes, x: region, y: degree, color: degree_tier) { width: 600 }
figure c = points(net.summary, x: window, y: ties)
figure d = bars(groups.ei, x: block, y: ei)
figure e = bars(groups.density, x: block, y: B3)
figure f = points(m.descriptives, x: mean, y: variable)
`), []);
});

test('an unknown column lists the table\'s columns and suggests one', () => {
  const [d, ...rest] = check('figure a = line(overall, x: window, y: densty)\n');
  assert.deepEqual(rest, []);
  assert.equal(d.code, 'unknown-column');
  assert.equal(d.at, 'densty');
  assert.match(d.message, /^Column `densty` is not in `overall.indicators` \(columns: `window`, `nodes`, `density`\)/);
  assert.deepEqual(d.fixes, ['density']);
});

test('an unknown table lists the result\'s tables and suggests one; `report:` leaves tables out', () => {
  const [d] = check('figure a = bars(groups.eii, x: block, y: ei)\n');
  assert.equal(d.code, 'unknown-table');
  assert.equal(d.at, 'eii');
  assert.match(d.message, /^`groups` has no table `eii`: its tables are `partition`, `density`, `ei`. Did you mean `ei`\?$/);
  assert.deepEqual(d.fixes, ['ei']);
  assert.equal(check('figure a = bars(groups.image, x: block, y: B1)\n')[0].code, 'unknown-table');
});

test('a figure draws a computed result: not a dataset, not another figure; x and y are required', () => {
  const [wrong] = check('figure a = line(patents, x: app_year, y: patent_id)\n');
  assert.equal(wrong.code, 'wrong-kind');
  assert.equal(check('figure a = line(overall, x: window, y: nodes)\nfigure b = line(a, x: window, y: nodes)\n')[0].code, 'wrong-kind');
  const [unknown] = check('figure a = line(overal, x: window, y: nodes)\n');
  assert.equal(unknown.code, 'unknown-name');
  assert.deepEqual(unknown.fixes, ['overall']);
  const missing = check('figure a = line(overall) { title: "T" }\n');
  assert.deepEqual(missing.map((d) => d.code), ['missing-option', 'missing-option']);
  assert.equal(check('figure a = pie(overall, x: window, y: nodes)\n')[0].code, 'unknown-source');
});
