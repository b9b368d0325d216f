// `figure` declarations through the runner: the table drawn, cut to its columns; tables and columns that
// only a run knows are spec errors on the figure; and the tables the checker expects of each result (the
// schema's `tables`) are the tables a run writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { analyseSpec, records, result, runSpec } from '../run/harness.ts';
import type { ResultsFile } from '../../server/src/results/format.ts';

const SPEC = fileURLToPath(new URL('../../examples/figures_test.study', import.meta.url));
const TEXT = `
dataset patents from "data/rare_earth/patents.csv" { id: patent_id  year: app_year }
dataset applicants from "data/rare_earth/applicants.csv" { patent: patent_id  order: seq  region: province  joins: patents }
windows periods = 2001..2020 by 5
network rein = coapplication(applicants) { ties: first_led  windows: periods }
measures overall = whole(rein) { nodes, density }
measures central = nodes(rein) {
  degree, betweenness
  tiers: jenks(3) of degree
}
measures links = ties(rein) { weight  tiers: quantiles(4) of weight }
blocks groups = concor(rein, window: 2016..2020) { report: density, ei }
panel p = node_panel(rein, windows: periods) { Deg = degree(rein) }
model desc = descriptives(Deg) { data: p }
figure density = line(overall, x: window, y: density) { title: "Density by period" }
figure degrees = bars(central.nodes, x: region, y: degree, color: window)
figure moments = points(desc, x: mean, y: variable)
figure typo = points(desc.descriptive, x: mean, y: variable)
figure column = points(desc, x: mean, y: varable)
`;

let run: Promise<ResultsFile> | undefined;
const results = () => (run ??= runSpec(SPEC, TEXT));

test('a figure holds the columns drawn of the table it names, in the table\'s row order, and how to draw them', async () => {
  const density = result(await results(), 'density');
  assert.equal(density.status, 'ok');
  assert.equal(density.source, 'line');
  assert.deepEqual(density.figure, { mark: 'line', table: 'overall.indicators', x: 'window', y: 'density', title: 'Density by period', width: 480, height: 300 });
  assert.deepEqual(records(density, 'data'), records(result(await results(), 'overall'), 'indicators').map(({ window, density: d }) => ({ window, density: d })));
  const degrees = result(await results(), 'degrees');
  assert.deepEqual(degrees.tables.data.columns, ['region', 'degree', 'window']);
  assert.equal(degrees.tables.data.rows.length, result(await results(), 'central').tables.nodes.rows.length);
  assert.deepEqual(result(await results(), 'moments').figure?.table, 'desc.descriptives');
});

test('a table or column only the run knows is a spec error on the figure, with a suggestion', async () => {
  const typo = result(await results(), 'typo');
  assert.equal(typo.status, 'error');
  assert.match(typo.error!.message, /^`desc` has no table `descriptive`\. Did you mean `descriptives`\? Its tables are `descriptives`\.$/);
  const column = result(await results(), 'column');
  assert.match(column.error!.message, /^Column `varable` is not in `desc.descriptives`\. Did you mean `variable`\?/);
  assert.equal(TEXT.split('\n')[column.error!.spec!.line - 1].slice(column.error!.spec!.column - 1, column.error!.spec!.endColumn - 1), 'varable');
});

test('the tables and columns the checker expects of a result are those the run writes', async () => {
  const analysis = await analyseSpec(SPEC, TEXT);
  const checked = [...analysis.model.symbols.values()].filter((s) => analysis.model.resultTables(s));
  assert.deepEqual(checked.map((s) => s.name), ['rein', 'overall', 'central', 'links', 'groups', 'p']);
  for (const symbol of checked) {
    const actual = result(await results(), symbol.name).tables;
    const expected = analysis.model.resultTables(symbol)!;
    assert.deepEqual(expected.map((t) => t.name), Object.keys(actual), symbol.name);
    for (const t of expected) {
      const columns = [...t.columns.names.keys()];
      if (t.columns.complete) assert.deepEqual(columns, actual[t.name].columns, `${symbol.name}.${t.name}`);
      else assert.deepEqual(columns, actual[t.name].columns.filter((c) => columns.includes(c)), `${symbol.name}.${t.name}`);
    }
  }
});
