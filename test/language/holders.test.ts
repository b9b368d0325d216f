// Conditions over a patent's holders — `any(applicants, …)`, `all(…)`, `count(…)` — parse as calls and are
// checked where conditions over a dataset's rows stand: names against the holder dataset's columns, the
// condition true or false per row, the datasets tied to patents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import type { Expr } from '../../server/src/language/syntax/ast.ts';
import { checkStudy } from '../../server/src/language/checks/index.ts';
import { functionSpec } from '../../server/src/language/schema/functions.ts';
import type { TableInfo } from '../../server/src/language/semantic/model.ts';

const TABLES: Record<string, [string, string][]> = {
  'patents.csv': [['patent_id', 'VARCHAR'], ['app_year', 'BIGINT']],
  'applicants.csv': [['patent_id', 'VARCHAR'], ['seq', 'BIGINT'], ['kind', 'VARCHAR'], ['country', 'VARCHAR'], ['province', 'VARCHAR'], ['is_firm', 'BOOLEAN']],
  'inventors.csv': [['patent_id', 'VARCHAR'], ['region', 'VARCHAR'], ['ctry_code', 'VARCHAR']],
  'countries.csv': [['ctry_code', 'VARCHAR'], ['g7', 'BIGINT']],
};
function tables(path: string): TableInfo {
  const columns = TABLES[path];
  return columns ? { status: 'ok', path, columns: columns.map(([c]) => c), types: columns.map(([, t]) => t) } : { status: 'missing', path };
}

const BASE = `dataset patents from "patents.csv" { id: patent_id, year: app_year }
dataset applicants from "applicants.csv" { patent: patent_id, order: seq, region: province }
dataset inventors from "inventors.csv" { patent: patent_id, region: region, country: ctry_code }
dataset countries from "countries.csv" { key: ctry_code }
windows periods = 2001..2020 by 5
network invco = coinvention(inventors) { windows: periods }
`;

function check(extra: string) {
  const text = BASE + extra;
  const analysis = checkStudy(parseStudy(text), tables);
  const diagnostics = analysis.diagnostics.map((d) => ({ code: d.code, message: d.message, at: text.slice(d.span.start, d.span.end) }));
  return { diagnostics, references: analysis.references, text };
}

test('holder conditions parse as calls inside the condition grammar', () => {
  const file = parseStudy('network n = coinvention(inventors) { where: not any(applicants, country == "CN") and count(applicants) >= 2 }\n');
  assert.deepEqual(file.errors, []);
  const entry = file.decls[0].block!.entries[0];
  assert.equal(entry.type, 'option');
  const where = (entry as { values: Expr[] }).values[0];
  assert.ok(where.type === 'binary' && where.op === 'and');
  const [left, right] = [where.left, where.right!];
  assert.ok(left.type === 'unary' && left.op === 'not' && left.operand?.type === 'call');
  assert.equal(left.operand.callee.name, 'any');
  assert.deepEqual(left.operand.args.map((a) => a.value?.type), ['ident', 'binary']);
  assert.ok(right.type === 'binary' && right.op === '>=' && right.left.type === 'call' && right.left.callee.name === 'count');
});

test('holder conditions check clean in dataset and network filters, regions sets and count(…, where: …)', () => {
  const { diagnostics } = check(`dataset firms from "applicants.csv" { patent: patent_id, where: all(applicants, kind != "individual") and count(applicants) >= 2 }
dataset joint from "patents.csv" { id: patent_id, where: any(inventors, ctry_code == "CN") and not all(inventors, ctry_code == "CN") }
network inflow = coinvention(inventors) { where: any(applicants, country == "CN" and is_firm) }
network outflow = coinvention(inventors) { where: not any(applicants, country == "CN"), windows: periods }
network crowded = coinvention(inventors) { where: count(applicants, kind == "firm") >= 2 or all(applicants, is_firm) }
regions cn = inventors where ctry_code == "CN" and any(applicants, country == "CN")
panel dyads = dyadic(invco) {
  Invnum_i = count(inventors, i, where: any(inventors, ctry_code == "CN") and any(inventors, ctry_code != "CN"))
  Firms_j  = count(inventors, j, counting: full, where: ctry_code != "CN")
}
`);
  assert.deepEqual(diagnostics, []);
});

test('the names inside a holder condition are the holder dataset\'s columns, with did-you-mean', () => {
  const { diagnostics } = check('network n = coinvention(inventors) { where: any(applicants, kindd == "firm") }\n');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'unknown-variable');
  assert.equal(diagnostics[0].at, 'kindd');
  assert.match(diagnostics[0].message, /`kindd` is not among the columns of applicants.csv.*Did you mean `kind`\?/);
});

test('a column of the filtered dataset is not a column of the holders', () => {
  const { diagnostics } = check('network n = coinvention(inventors) { where: any(applicants, ctry_code == "CN") }\n');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.at]), [['unknown-variable', 'ctry_code']]);
});

test('an unknown holder dataset is reported with did-you-mean, a declaration of another kind as such', () => {
  const unknown = check('network n = coinvention(inventors) { where: any(aplicants, kind == "firm") }\n').diagnostics;
  assert.deepEqual(unknown.map((d) => [d.code, d.at]), [['unknown-name', 'aplicants']]);
  assert.match(unknown[0].message, /Did you mean `applicants`\?/);
  const wrong = check('network n = coinvention(inventors) { where: all(periods, kind == "firm") }\n').diagnostics;
  assert.deepEqual(wrong.map((d) => [d.code, d.at]), [['wrong-kind', 'periods']]);
});

test('the condition must be true or false per row', () => {
  const { diagnostics } = check(`network a = coinvention(inventors) { where: any(applicants, kind) }
network b = coinvention(inventors) { where: all(applicants, seq + 1) }
network c = coinvention(inventors) { where: count(applicants, "firm") >= 1 }
`);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.at]), [['not-a-condition', 'kind'], ['not-a-condition', 'seq + 1'], ['not-a-condition', '"firm"']]);
  assert.match(diagnostics[0].message, /The condition of `any` must be true or false for each row of `applicants`/);
});

test('any and all need their condition; count counts every holder without one', () => {
  const { diagnostics } = check(`network a = coinvention(inventors) { where: any(applicants) }
network b = coinvention(inventors) { where: count(applicants) > 1 }
`);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.at]), [['missing-argument', 'any(applicants)']]);
  assert.match(diagnostics[0].message, /`any\(dataset, condition\)` needs 2 arguments/);
});

test('holder datasets and filtered rows must belong to patents', () => {
  const { diagnostics } = check(`network a = coinvention(inventors) { where: any(countries, g7 == 1) }
dataset c2 from "countries.csv" { key: ctry_code, where: any(applicants, kind == "firm") }
`);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.at]), [['missing-patent', 'countries'], ['missing-patent', 'any']]);
});

test('holder conditions do not nest, and a model\'s condition has none', () => {
  const { diagnostics } = check(`network a = coinvention(inventors) { where: any(applicants, all(inventors, ctry_code == "CN")) }
panel dyads = dyadic(invco) { InvCo = invco.weight }
model m = ols(InvCo ~ 1, data: dyads) { where: any(applicants, kind == "firm") }
`);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.at]), [['unknown-function', 'all'], ['unknown-function', 'any']]);
  assert.match(diagnostics[0].message, /`all\(…\)` looks at the holders of a patent, in conditions over a dataset's rows: the .where:. of a dataset or network/);
});

test('outside conditions the holder functions are unknown, and count is the panel count', () => {
  const { diagnostics } = check('panel p = dyadic(invco) { X = any(applicants, kind == "firm"), N = count(inventors, i, where: kind == "firm") }\n');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.at]), [['unknown-function', 'any'], ['unknown-variable', 'kind']]);
  assert.equal(functionSpec('count')?.context, 'panel');
  assert.equal(functionSpec('count', true)?.context, 'filter');
  assert.equal(functionSpec('any')?.context, 'filter');
});

test('the columns of a holder condition are references to the holder dataset', () => {
  const { references, text } = check('network n = coinvention(inventors) { where: any(applicants, kind == "firm") }\n');
  const columns = references.flatMap((r) => (r.kind === 'column' ? [[r.dataset.name, r.column, text.slice(r.span.start, r.span.end)]] : []));
  assert.deepEqual(columns.filter(([, c]) => c === 'kind'), [['applicants', 'kind', 'kind']]);
});
