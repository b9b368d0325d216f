// A declared figure drawn: its Vega-Lite spec from a small table (pure, the same every time), the SVG
// `innograph run --out` writes for it (one mark per series or bar, the title escaped), and report.html with
// the figure inline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureSpec } from '../../server/src/engine/exports/figure.ts';
import { outputFiles } from '../../server/src/cli/outputs.ts';
import type { DeclarationResult, Figure, ResultsFile, Table } from '../../server/src/results/format.ts';

const HOSTILE = '<script>alert("x")</script> & co';

const BY_YEAR: Table = {
  columns: ['year', 'group', 'ties'],
  rows: [[2011, 'G7', 3], [2012, 'G7', 5], [2013, 'G7', null], [2011, 'EU', 2], [2012, 'EU', 4], [2013, 'EU', 6]],
};
const line: Figure = { mark: 'line', table: 'partners.by_year', x: 'year', y: 'ties', color: 'group', title: 'Ties by partner group', width: 400, height: 240 };

test('the spec of a line by group: years and counts on whole-number axes, groups as colours in table order, data inline', () => {
  const spec = figureSpec(line, BY_YEAR);
  assert.deepEqual(spec, figureSpec(line, BY_YEAR));
  assert.deepEqual(JSON.parse(JSON.stringify(spec)), {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Ties by partner group', width: 400, height: 240, background: 'white',
    data: { values: BY_YEAR.rows.map(([year, group, ties]) => ({ year, group, ties })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: 'year', axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false } },
      y: { field: 'ties', type: 'quantitative', title: 'ties', axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false } },
      color: { field: 'group', type: 'nominal', title: 'group', sort: null },
      tooltip: [{ field: 'year', title: 'year' }, { field: 'ties', title: 'ties' }, { field: 'group', title: 'group' }],
    },
    config: { font: 'sans-serif', title: { anchor: 'start', fontSize: 14 } },
  });
});

test('bars stand on categories, side by side by colour; text along y makes them horizontal; dotted names are escaped', () => {
  const bars = figureSpec({ ...line, mark: 'bars' }, BY_YEAR) as { encoding: Record<string, { type?: string; field?: string }> };
  assert.equal(bars.encoding.x.type, 'ordinal');
  assert.equal(bars.encoding.xOffset.field, 'group');
  const coefficients: Table = { columns: ['term', 'b.est'], rows: [['x1', 0.5], ['x2', -0.25]] };
  const horizontal = figureSpec({ mark: 'bars', table: 'm.coefficients', x: 'b.est', y: 'term', width: 300, height: 100 }, coefficients) as { encoding: Record<string, { type?: string; field?: string; title?: string }>; title?: string };
  assert.deepEqual([horizontal.encoding.x.type, horizontal.encoding.y.type], ['quantitative', 'ordinal']);
  assert.deepEqual([horizontal.encoding.x.field, horizontal.encoding.x.title], ['b\\.est', 'b.est']);
  assert.equal(horizontal.title, undefined);
});

const figureResult = (name: string, figure: Figure, data: Table): DeclarationResult => ({
  name, kind: 'figure', source: figure.mark, status: 'ok', seconds: 0, notes: [], tables: { data }, figure,
});

const results: ResultsFile = {
  format: 'innograph-results', version: 1, spec: '/study/s.study', title: 'Figures', engine: '0.1.0', createdAt: '2026-01-02T03:04:05.678Z',
  results: [
    figureResult('fig2', { ...line, title: HOSTILE }, BY_YEAR),
    figureResult('fig5', { ...line, mark: 'bars', color: undefined, title: 'Ties' }, { columns: ['year', 'ties'], rows: [[2011, 3], [2012, 5], [2013, 4], [2014, 7]] }),
  ],
};

/** The marks Vega draws in the groups of one mark type: `<path>` elements inside `<g class="mark-line role-mark …">`. */
function marks(svg: string, type: string): number {
  const groups = [...svg.matchAll(new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g'))];
  return groups.reduce((n, g) => n + (g[1].match(/<path /g) ?? []).length, 0);
}

test('the CLI writes each figure as <name>.svg: one line per series, one bar per row, the title escaped', async () => {
  const files = await outputFiles(results, new Set(['html']));
  assert.deepEqual(files.map((f) => f.name).sort(), ['fig2.svg', 'fig5.svg', 'report.html', 'results.json']);
  const fig2 = files.find((f) => f.name === 'fig2.svg')!.text;
  assert.match(fig2, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal(marks(fig2, 'line'), 2, 'a line per group');
  assert.equal(marks(fig2, 'symbol'), 5, 'a point per row with a value');
  assert.match(fig2, />&lt;script&gt;alert\("x"\)&lt;\/script&gt; &amp; co</);
  assert.ok(!fig2.includes('<script'));
  const fig5 = files.find((f) => f.name === 'fig5.svg')!.text;
  assert.equal(marks(fig5, 'rect'), 4, 'a bar per row');
  assert.equal(marks(fig5, 'line'), 0);
});

test('report.html shows each figure inline, in place of its data table, and still loads nothing', async () => {
  const files = await outputFiles(results, new Set(['html']));
  const html = files.find((f) => f.name === 'report.html')!.text;
  const svg = files.find((f) => f.name === 'fig5.svg')!.text;
  const section = html.slice(html.indexOf('<section id="d-fig5">'));
  assert.ok(section.includes(svg.replace(/\s+xmlns(?::xlink)?="[^"]*"/g, '')), 'the figure\'s SVG inline');
  assert.match(section, /<figcaption>Ties — partners\.by_year<\/figcaption>/);
  assert.ok(!section.includes('<table class="data">'), 'the figure, not its data table');
  assert.match(html, /<figcaption>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; co — partners\.by_year<\/figcaption>/);
  assert.ok(!/<script|https?:/i.test(html), 'the report must not load or run anything');
});
