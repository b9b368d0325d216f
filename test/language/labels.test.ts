// The `labels` declaration: its three parsed shapes read as (term, label) pairs, names checked against the
// models' variables (a warning with did-you-mean), a missing string, a term labelled twice, and the form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { checkStudy } from '../../server/src/language/checks/index.ts';
import { labelEntries } from '../../server/src/language/semantic/labels.ts';
import { specLabels } from '../../server/src/run/labels.ts';
import { SemanticModel } from '../../server/src/language/semantic/model.ts';
import type { TableInfo } from '../../server/src/language/semantic/model.ts';

const tables = (path: string): TableInfo => ({ status: 'ok', path, columns: ['firm', 'year', 'y', 'x', 'z', 'sector'], types: ['VARCHAR', 'INTEGER', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'VARCHAR'] });

const BASE = `dataset firms from "firms.csv" { key: firm, time: year }
model m = ols(y ~ x + l(x, 1):z | firm, data: firms)
`;

function check(extra: string) {
  const text = BASE + extra;
  const { diagnostics, references } = checkStudy(parseStudy(text), tables);
  return { text, references, diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, at: text.slice(d.span.start, d.span.end), fixes: d.fixes?.map((f) => f.newText) })) };
}

test('the three shapes of an entry: a name, an interaction after a name, any other term; commas continue', () => {
  const text = 'labels vars {\n  x: "Exports"\n  x:z: "Exports × size"\n  l(x, 1): "Exports (t−1)", z: "Size", firm^year: "firm-year"\n}\n';
  const decl = parseStudy(text).decls[0];
  const pairs = labelEntries(decl).map((e) => [text.slice(e.term.span.start, e.term.span.end), e.label?.value]);
  assert.deepEqual(pairs, [['x', 'Exports'], ['x:z', 'Exports × size'], ['l(x, 1)', 'Exports (t−1)'], ['z', 'Size'], ['firm^year', 'firm-year']]);
  const model = new SemanticModel(parseStudy(BASE + text), tables);
  assert.deepEqual([...specLabels(model)], [['x', 'Exports'], ['x:z', 'Exports × size'], ['l(x, 1)', 'Exports (t−1)'], ['z', 'Size'], ['firm^year', 'firm-year']]);
});

test('labels of the models\' variables check clean, and their names refer to the data', () => {
  const { diagnostics, references, text } = check('labels vars { y: "Sales"  l(x, 1):z: "Lagged exports × size"  firm: "Firm" }\n');
  assert.deepEqual(diagnostics, []);
  const labelsAt = text.indexOf('labels');
  assert.ok(references.some((r) => r.span.start > labelsAt && text.slice(r.span.start, r.span.end) === 'firm' && r.kind === 'column'));
});

test('an unknown name is a warning with a did-you-mean; a missing string an error; a term labelled twice a warning', () => {
  const { diagnostics } = check('labels vars {\n  xx: "Exports"\n  z\n  l(x, 1): "A"\n  l(x, 1): "B"\n}\n');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.at]), [
    ['unknown-label', 'warning', 'xx'],
    ['missing-value', 'error', 'z'],
    ['duplicate-label', 'warning', 'l(x, 1)'],
  ]);
  assert.match(diagnostics[0].message, /not a variable of any model's data.*Did you mean `x`\?/);
  assert.deepEqual(diagnostics[0].fixes, ['x']);
});

test('a labels declaration is a name and a block', () => {
  const { diagnostics } = check('labels vars = m { x: "X" }\n');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.at]), [['unexpected-value', 'm']]);
  assert.deepEqual(check('labels vars { x = "X" }\n').diagnostics.map((d) => d.code), ['unexpected-assignment']);
});
