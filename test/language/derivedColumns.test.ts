// Derived columns (`year = year(app_date)`) and splits (`split: ipc by ";"`) of a dataset, as the checker
// sees them: names usable wherever a column is, functions checked with did-you-mean, types checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { checkStudy } from '../../server/src/language/checks/index.ts';
import type { TableInfo } from '../../server/src/language/semantic/model.ts';

const TABLES: Record<string, [string, string][]> = {
  'patents.csv': [['patent_number', 'VARCHAR'], ['app_date', 'BIGINT'], ['ipc', 'VARCHAR'], ['kind', 'VARCHAR']],
  'locations.csv': [['patent_number', 'VARCHAR'], ['seq', 'BIGINT'], ['state', 'VARCHAR'], ['country', 'VARCHAR']],
};
function tables(path: string): TableInfo {
  const columns = TABLES[path];
  return columns ? { status: 'ok', path, columns: columns.map(([c]) => c), types: columns.map(([, t]) => t) } : { status: 'missing', path: `/data/${path}` };
}

function check(text: string) {
  const { diagnostics } = checkStudy(parseStudy(text), tables);
  return diagnostics.map((d) => ({ code: d.code, message: d.message, at: text.slice(d.span.start, d.span.end), fixes: d.fixes?.map((f) => f.newText) }));
}

const CLEAN = `dataset patents from "patents.csv" {
  app_year = year(app_date)
  ipc4     = left(ipc, 4)
  kind2    = case(kind == "S1", "design", kind in ("B1", "B2"), "utility", "other")
  id:    patent_number
  year:  app_year
  split: ipc by ";"
  where: app_year >= 2003 and kind2 != "design"
}
dataset inventors from "locations.csv" {
  region = if(country == "US", "US-" + state, coalesce(country, "??"))
  patent: patent_number
  order:  seq
  region: country, region
  joins:  patents
}
network invco = coinvention(inventors) { level: region, where: ipc4 == "A61K" }
`;

test('derived columns and a split are clean, and usable as roles, in filters and at a network level', () => {
  assert.deepEqual(check(CLEAN), []);
});

test('a derived column names the columns above it, not those below nor itself', () => {
  const found = check('dataset p from "patents.csv" {\n  a = b + 1\n  b = app_date\n  c = c + 1\n  id: patent_number\n}\n');
  assert.deepEqual(found.map((d) => [d.code, d.at, d.message]), [
    ['derived-order', 'b', '`b` is derived below `a`: move its definition above'],
    ['derived-order', 'c', '`c` cannot be computed from itself'],
  ]);
});

test('an unknown function in a derived column is reported with the closest derived-column function', () => {
  const [d, ...rest] = check('dataset p from "patents.csv" { y = yaer(app_date), id: patent_number }\n');
  assert.deepEqual(rest, []);
  assert.equal(d.code, 'unknown-function');
  assert.equal(d.at, 'yaer');
  assert.deepEqual(d.fixes, ['year']);
  assert.match(d.message, /in a derived column; functions in a derived column: .*`left`/);
});

test('a panel or formula function is not a derived column function', () => {
  const [d] = check('dataset p from "patents.csv" { y = log(app_date), id: patent_number }\n');
  assert.equal(d.code, 'unknown-function');
  assert.equal(d.at, 'log');
});

test('types are checked where the header tells them: a condition where a value is needed, arithmetic on text', () => {
  const found = check(`dataset p from "patents.csv" {
  a = left(app_date > 2000, 4)
  b = ipc * 2
  c = if(kind, 1, 0)
  d = case("x", 1)
  id: patent_number
}
`);
  assert.deepEqual(found.map((d) => [d.code, d.at]), [
    ['type-mismatch', 'app_date > 2000'], ['type-mismatch', 'ipc'], ['type-mismatch', 'kind'], ['type-mismatch', '"x"'],
  ]);
  assert.match(found[0].message, /This is a condition \(true or false\), but `left\(text, n\)` takes text or a number as `text`/);
});

test('a derived column may not take a column name of the file, nor be derived twice', () => {
  const found = check('dataset p from "patents.csv" {\n  ipc = upper(ipc)\n  x = 1\n  x = 2\n  id: patent_number\n}\n');
  assert.deepEqual(found.map((d) => [d.code, d.at]), [['duplicate-column', 'ipc'], ['duplicate-column', 'x']]);
});

test('a split names a column and a separator', () => {
  const found = check('dataset p from "patents.csv" {\n  split: ipcc by ";", ipc\n  id: patent_number\n}\n');
  assert.deepEqual(found.map((d) => [d.code, d.at, d.fixes]), [['unknown-column', 'ipcc', ['ipc']], ['bad-value', 'ipc', undefined]]);
});

test('a geometry derives no columns', () => {
  const [d] = check('geometry g from "patents.csv" { x = 1, key: ipc }\n');
  assert.equal(d.code, 'unexpected-assignment');
});

test('a dataset\'s derived column looks a code up in a lookup; a lookup\'s own columns cannot', () => {
  const states = 'lookup states from "locations.csv" { key: seq, value: state }\n';
  assert.deepEqual(check(`${states}dataset inv from "locations.csv" {\n  st = lookup(states, country) + "-x"\n  patent: patent_number\n  region: st\n}\n`), []);
  assert.deepEqual(check(`${states}dataset inv from "locations.csv" {\n  st = lookup(stats, country)\n  patent: patent_number\n}\n`).map((d) => [d.code, d.at, d.fixes]), [['unknown-name', 'stats', ['states']]]);
  assert.deepEqual(check(`${states}lookup again from "locations.csv" {\n  k = lookup(states, seq)\n  key: k, value: state\n}\n`).map((d) => [d.code, d.at]), [['unknown-function', 'lookup']]);
});
