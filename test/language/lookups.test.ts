// Classification through concordance tables: `lookup … { match: prefix }` and `lookup(table, code)` in
// conditions and in `industry:`, as the checker sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { checkStudy } from '../../server/src/language/checks/index.ts';
import type { TableInfo } from '../../server/src/language/semantic/model.ts';

const TABLES: Record<string, string[]> = {
  'patents.csv': ['patent_id', 'app_year', 'ipc', 'city'],
  'fields.csv': ['ipc_prefix', 'field_number', 'field', 'sector'],
};
function tables(path: string): TableInfo {
  const columns = TABLES[path];
  return columns ? { status: 'ok', path, columns, types: columns.map(() => 'VARCHAR') } : { status: 'missing', path: `/data/${path}` };
}

const BASE = `dataset patents from "patents.csv" { id: patent_id, year: app_year, ipc: ipc, region: city }
lookup tech_fields from "fields.csv" { key: ipc_prefix, value: field, match: prefix }
`;

function check(extra: string) {
  const text = BASE + extra;
  const { diagnostics } = checkStudy(parseStudy(text), tables);
  return diagnostics.map((d) => ({ code: d.code, message: d.message, at: text.slice(d.span.start, d.span.end), fixes: d.fixes?.map((f) => f.newText) }));
}

test('a prefix lookup applied in a dataset filter, a network filter and industry: is clean', () => {
  assert.deepEqual(check(`dataset env from "patents.csv" { id: patent_id, year: app_year, where: lookup(tech_fields, ipc) == "Environmental technology" }
measures lq = location_quotient(patents, industry: lookup(tech_fields, ipc) == "Computer technology", region: city)
measures lq2 = location_quotient(patents, industry: lookup(tech_fields, ipc) in ("Optics", "Measurement") and app_year >= 2010)
regions digital = patents where lookup(tech_fields, ipc) == "Computer technology"
`), []);
});

test('an unknown lookup is reported with the closest lookup name', () => {
  const [d, ...rest] = check('dataset env from "patents.csv" { id: patent_id, year: app_year, where: lookup(tech_field, ipc) == "Optics" }\n');
  assert.deepEqual(rest, []);
  assert.equal(d.code, 'unknown-name');
  assert.equal(d.at, 'tech_field');
  assert.deepEqual(d.fixes, ['tech_fields']);
});

test('a dataset where a lookup is expected is the wrong kind', () => {
  const [d] = check('dataset env from "patents.csv" { id: patent_id, year: app_year, where: lookup(patents, ipc) == "Optics" }\n');
  assert.equal(d.code, 'wrong-kind');
  assert.equal(d.at, 'patents');
});

test('the code must be a column of the filtered rows, with did-you-mean', () => {
  const [d] = check('dataset env from "patents.csv" { id: patent_id, year: app_year, where: lookup(tech_fields, icp) == "Optics" }\n');
  assert.equal(d.code, 'unknown-variable');
  assert.equal(d.at, 'icp');
  assert.deepEqual(d.fixes, ['ipc']);
});

test('match: takes exact or prefix, with did-you-mean', () => {
  const [d] = check('lookup codes from "fields.csv" { key: ipc_prefix, value: field_number, match: prefx }\n');
  assert.equal(d.code, 'bad-value');
  assert.equal(d.at, 'prefx');
  assert.deepEqual(d.fixes, ['prefix']);
});

test('lookup(…) needs its code, and belongs in conditions over a dataset\'s rows', () => {
  const [missing] = check('dataset env from "patents.csv" { id: patent_id, year: app_year, where: lookup(tech_fields) == "Optics" }\n');
  assert.equal(missing.code, 'missing-argument');
  const outside = check('model m = ols(app_year ~ city, data: patents) { where: lookup(tech_fields, ipc) == "Optics" }\n');
  assert.deepEqual(outside.map((d) => [d.code, d.at]), [['unknown-function', 'lookup']]);
  assert.match(outside[0].message, /`lookup\(…\)` belongs in conditions over a dataset's rows/);
});

test('lookup(…) needs no patent column: it reads the row\'s own code', () => {
  assert.deepEqual(check('dataset t from "fields.csv" { key: ipc_prefix, where: lookup(tech_fields, ipc_prefix) == "Optics" }\n'), []);
});
