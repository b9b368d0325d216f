// `innograph run` as a user runs it: the built CLI in a child process, on the seed examples and on
// specs that cannot run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/innograph.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('the rare-earth example runs end to end: summary, JSON results and CSV tables', () => {
  const out = mkdtempSync(join(tmpdir(), 'innograph-out-'));
  const json = join(out, 'results.json');
  const r = cli('run', 'examples/rare_earth.study', '--json', json, '--out', join(out, 'tables'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout.split('\n')[0], 'Study "China\'s rare-earth innovation network, 2001–2020" (examples/rare_earth.study)', 'the study first');
  assert.match(r.stdout, /^network rein: ok in \d+\.\d\d s \(summary 4 rows\)$/m);
  assert.doesNotMatch(r.stdout, /\b1 rows\b|\d\.\d{7,}/, 'no "1 rows", no float noise');
  assert.match(r.stdout, /^blocks rein_groups: ok/m);
  assert.match(r.stderr, /\[1\/\d+\] network rein/);
  const results = JSON.parse(readFileSync(json, 'utf8'));
  assert.equal(results.format, 'innograph-results');
  const overall = results.results.find((x: { name: string }) => x.name === 'table1_province');
  assert.deepEqual(overall.tables.indicators.columns, ['window', 'nodes', 'edges', 'density', 'modularity', 'clustering', 'path_length', 'out_centralization', 'in_centralization']);
  assert.deepEqual(overall.tables.indicators.rows.map((row: unknown[]) => row[0]), ['2001–2005', '2006–2010', '2011–2015', '2016–2020']);
  const csv = readFileSync(join(out, 'tables', 'table1_province.indicators.csv'), 'utf8').split('\r\n');
  assert.equal(csv[0], 'window,nodes,edges,density,modularity,clustering,path_length,out_centralization,in_centralization');
  assert.equal(csv.length, 6); // header, four windows, final line end
  assert.ok(existsSync(join(out, 'tables', 'results.json')));
  // Each network's exports: a dynamic GEXF over the four periods, Pajek and GraphML per period, edge CSV.
  const rein = results.results.find((x: { name: string }) => x.name === 'rein');
  const latest = rein.network.windows[3];
  assert.match(readFileSync(join(out, 'tables', 'rein.gexf'), 'utf8'), /mode="dynamic"/);
  const pajek = readFileSync(join(out, 'tables', 'rein.2016-2020.net'), 'utf8');
  assert.match(pajek, new RegExp(`^\\*Vertices ${latest.nodes.length}\\r?$`, 'm'));
  assert.match(pajek, /^\*Arcs\r?$/m);
  assert.match(readFileSync(join(out, 'tables', 'rein.2016-2020.graphml'), 'utf8'), /edgedefault="directed"/);
  const edges = readFileSync(join(out, 'tables', 'rein.edges.csv'), 'utf8').trim().split('\r\n');
  assert.equal(edges.length - 1, rein.network.windows.reduce((s: number, w: { ties: unknown[] }) => s + w.ties.length, 0));
  // The declared figure: Table 1's density as one line, its SVG file and inline in the report.
  assert.match(r.stdout, /^figure fig_density: ok in \d+\.\d\d s \(data 4 rows\)$/m);
  const svg = readFileSync(join(out, 'tables', 'fig_density.svg'), 'utf8');
  assert.match(svg, /^<svg [^>]*>[\s\S]*<g class="mark-line role-mark[^>]*><path [^>]*\/><\/g>/);
  assert.match(svg, />Density of the provincial network by period</);
  const report = readFileSync(join(out, 'tables', 'report.html'), 'utf8');
  assert.match(report, /<section id="d-fig_density">[\s\S]*<figure class="scroll">\n<svg /);
  // rein's maps, one per period: in the latest, all 31 provinces filled (two through the geometry's aliases).
  assert.ok(existsSync(join(out, 'tables', 'rein.map.2016-2020.svg')));
  const section = report.slice(report.indexOf('<section id="d-rein">'), report.indexOf('<section id="d-rein_city">'));
  assert.equal(section.match(/<figure class="scroll map">\n<svg class="map"/g)?.length, 4);
  const latestMap = section.slice(section.lastIndexOf('<svg class="map"'));
  const filled = [...latestMap.matchAll(/<path class="region node" data-region="([^"]+)"[^>]* fill="#[0-9a-f]{6}"/g)].map((m) => m[1]);
  assert.equal(new Set(filled).size, 31);
  assert.ok(filled.includes('Inner Mongolia') && filled.includes('Tibet'));
  // The charts the charts panel draws: indicators across windows, the geodetector's q bars.
  const charted = (name: string) => report.slice(report.indexOf(`<section id="d-${name}">`)).split('</section>')[0];
  assert.match(charted('table1_province'), /<figure class="scroll chart">\n<svg [^>]*>[\s\S]*>Network indicators across windows</);
  assert.match(charted('drivers'), /<figure class="scroll chart">\n<svg [^>]*>[\s\S]*>Geographical detector: q of each factor</);
  assert.ok(!/<script|https?:/i.test(report), 'the report must not load or run anything');
});

test('--only runs the named declarations and what they need', () => {
  const r = cli('run', 'examples/rare_earth.study', '--only', 'rein_nodes', '--quiet');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter((l) => /^\w+ \w+:/.test(l)).map((l) => l.split(':')[0]), ['measures rein_nodes']);
  assert.equal(r.stderr, '');
});

test('fixef: true reaches the command line: the summary, the results JSON and <model>.fixef.csv', () => {
  const out = mkdtempSync(join(tmpdir(), 'innograph-fixef-'));
  const r = cli('run', 'test/run/fixtures/fitFixef.study', '--only', 'ols_fe', '--out', out, '--format', 'csv');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^model ols_fe: ok in \d+\.\d\d s \(coefficients 2 rows, fixef 8 rows\)$/m);
  assert.match(r.stdout, /^ {2}note: Fixed-effect values as fixest's fixef\(\): 1 level of `sector` set to 0/m);
  const csv = readFileSync(join(out, 'ols_fe.fixef.csv'), 'utf8').split('\r\n');
  assert.equal(csv[0], 'fixed_effect,level,value');
  assert.deepEqual(csv.slice(1, 9).map((line) => line.split(',').slice(0, 2).join(',')), ['ctry,DE', 'ctry,FR', 'ctry,JP', 'ctry,KR', 'ctry,US', 'sector,chem', 'sector,elec', 'sector,mech']);
  const model = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).results.find((x: { name: string }) => x.name === 'ols_fe').model;
  assert.deepEqual(model.fixef.map((f: { name: string; references: number }) => [f.name, f.references]), [['ctry', 0], ['sector', 1]]);
});

test('a spec with errors is not run; a failing declaration makes exit code 1 and names its place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-'));
  writeFileSync(join(dir, 'bad.study'), 'dataset a from "missing.csv" { patent: p }\n');
  const bad = cli('run', join(dir, 'bad.study'));
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /bad\.study:1:16: error: .*missing\.csv/);
  assert.match(bad.stdout, /nothing was run/);

  writeFileSync(join(dir, 'a.csv'), 'p,r\nP1,X\nP1,Y\n');
  writeFileSync(join(dir, 'led.study'), 'dataset a from "a.csv" { patent: p, region: r }\nnetwork n = coapplication(a) { ties: first_led }\n');
  const failing = cli('run', join(dir, 'led.study'), '--quiet');
  assert.equal(failing.status, 1);
  assert.match(failing.stdout, /led\.study:2:38: error: `first_led` needs the applicants' order/);
  assert.equal(cli('run').status, 2);
  assert.equal(cli('run', 'x.study', '--bogus').status, 2);
});

// A spec whose title and a region carry markup, with one declaration failing on the spec and one on the data.
function hostileSpec(): string {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-'));
  writeFileSync(join(dir, 'a.csv'), 'p,r\nP1,<img src=x onerror=alert(1)>\nP1,Y\nP2,Y\nP2,Z\n');
  writeFileSync(join(dir, 'b.csv'), 'p,r,y\nP1,X,2001\nP1,Y,20O1\n');
  writeFileSync(join(dir, 'x.study'), [
    'study "<img src=x onerror=alert(1)> & co" { seed: 1 }',
    'dataset a from "a.csv" { patent: p, region: r }',
    'network n = coapplication(a)',
    'measures nn = nodes(n) { degree }',
    'network led = coapplication(a) { ties: first_led }',
    'dataset b from "b.csv" { patent: p, region: r, year: y }',
    'windows w = 2001..2002 by 1',
    'network m = coapplication(b) { windows: w }',
    '',
  ].join('\n'));
  return join(dir, 'x.study');
}

test('--format tex,md,docx,html,csv: regression tables as LaTeX, Markdown, Word and CSV, the other tables, the report', () => {
  const out = mkdtempSync(join(tmpdir(), 'innograph-formats-'));
  const r = cli('run', 'examples/tech_overlap.study', '--out', out, '--format', 'tex,md,docx', '--format', 'html,csv', '--quiet');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  const named = (name: string) => results.results.find((x: { name: string }) => x.name === name);
  const table3 = named('table3').regression;
  const [first] = table3.coefficients;
  assert.equal(first.term, 'l(Overlap, 3)');
  // The spec's `labels vars { … }`: the run records them, and every table prints with them.
  assert.equal(first.label, 'Overlap_ijt−3');
  assert.equal(results.labels['l(Overlap, 3)'], 'Overlap_ijt−3');
  const stars = (p: number) => '*'.repeat(table3.stars.filter((t: number) => p < t).length);
  // As journals print them: an estimate that rounds to zero has no minus sign.
  const fixed = (x: number) => x.toFixed(table3.digits).replace(/^-(0\.0+)$/, '$1');

  // LaTeX: booktabs in a threeparttable, and the first term's (labelled) estimates (the table's digits, stars) and t statistics in parentheses.
  const tex = readFileSync(join(out, 'table3.tex'), 'utf8').split('\n');
  assert.ok(tex.includes('\\toprule') && tex.includes('\\bottomrule') && tex.includes('\\begin{threeparttable}'));
  const estimates = first.cells.map((c: { estimate: number; p: number }) => `${fixed(c.estimate)}${stars(c.p) && `$^{${stars(c.p)}}$`}`);
  const row = tex.indexOf(`Overlap\\_ijt$-$3 & ${estimates.join(' & ')} \\\\`);
  assert.ok(row > 0, tex.join('\n'));
  assert.equal(tex[row], 'Overlap\\_ijt$-$3 & 0.053$^{***}$ & 0.042$^{***}$ & 0.019$^{***}$ \\\\');
  assert.equal(tex[row + 1], ` & ${first.cells.map((c: { stat: number }) => `(${c.stat.toFixed(3)})`).join(' & ')} \\\\`);
  assert.ok(tex.includes('Standard errors & Clustered (pair) & Clustered (pair) & Clustered (pair) \\\\'), tex.join('\n'));
  assert.ok(tex.includes('pair fixed effects & No & No & Yes \\\\'), tex.join('\n'));
  assert.deepEqual(tex.slice(tex.indexOf('\\begin{tablenotes}[flushleft]') + 2, tex.indexOf('\\end{tablenotes}')), [
    '\\item All standard errors are clustered at the level of Chinese and foreign geographical unit pairs.',
    '\\item t statistics in parentheses',
    '\\item $^{*}$ $p<0.1$, $^{**}$ $p<0.05$, $^{***}$ $p<0.01$',
  ]);
  assert.match(readFileSync(join(out, 'dyads.variables.tex'), 'utf8'), /\\caption\{dyads: variables\}[\s\S]*\\toprule\nvariable & type & n/);
  assert.ok(!existsSync(join(out, 'table3.table.tex')), "the table declaration's flat copy is not typeset again");
  // Descriptives print their variables labelled too; their CSV keeps the terms.
  assert.match(readFileSync(join(out, 'table2_all.descriptives.tex'), 'utf8'), /^Overlap\\_ijt\$-\$3 & /m);
  assert.match(readFileSync(join(out, 'table2_all.descriptives.csv'), 'utf8'), /^"l\(Overlap, 3\)",/m);

  // Markdown: the head rows with the models' titles.
  const titles = named('table5').regression.models.map((m: { title: string }) => m.title);
  assert.deepEqual(titles, ['G7', 'US', 'G7 excl. US', 'non-G7', 'JK', 'BRICS', 'Beijing', 'Shanghai', 'Shenzhen (Guangdong)']);
  const md = readFileSync(join(out, 'table5.md'), 'utf8').split('\n');
  assert.deepEqual(md.slice(0, 6), [
    '**Country comparison of international cooperation partners**', '',
    '|  | (1) | (2) | (3) | (4) | (5) | (6) | (7) | (8) | (9) |', '|:---|:---:|:---:|:---:|:---:|:---:|:---:|:---:|:---:|:---:|',
    '|  | G7 | US | G7 excl. US | non-G7 | JK | BRICS | Beijing | Shanghai | Shenzhen (Guangdong) |',
    '| Dependent variable | InvCo\\_ijt | InvCo\\_ijt | InvCo\\_ijt | InvCo\\_ijt | InvCo\\_ijt | InvCo\\_ijt | InvCo\\_ijt | InvCo\\_ijt | InvCo\\_ijt |',
  ]);
  // A model's own column prints with the labels too.
  assert.match(readFileSync(join(out, 'm1.md'), 'utf8'), /^\| Overlap\\_ijt−3 \| 0\.053\\\*\\\*\\\* \|$/m);

  // Word: a .docx (a zip) per regression table, with the labels.
  const docx = readFileSync(join(out, 'table3.docx'));
  assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK');
  assert.ok(existsSync(join(out, 'm1.docx')) && !existsSync(join(out, 'dyads.docx')));

  // CSV: the printed grid next to the raw table, every result table, the networks' exports.
  const csv = readFileSync(join(out, 'table3.csv'), 'utf8').split('\r\n');
  assert.equal(csv[0], ',(1),(2),(3)');
  assert.equal(csv[3], `Overlap_ijt−3,${first.cells.map((c: { estimate: number; p: number }) => fixed(c.estimate) + stars(c.p)).join(',')}`);
  for (const name of ['table3.table.csv', 'table7_all.moderation.csv', 'invco.gexf', 'overlap.edges.csv']) assert.ok(existsSync(join(out, name)), name);

  // The report: a contents entry and a section per declaration, the regression tables, the estimates.
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  for (const d of results.results) {
    assert.ok(html.includes(`<li><a href="#d-${d.name}"><span class="kind">${d.kind}</span> ${d.name}</a> <span class="status ok">ok</span></li>`), d.name);
    assert.ok(html.includes(`<section id="d-${d.name}">`), d.name);
  }
  // One regression table per table and per estimated model (descriptives have their own table).
  assert.equal(html.match(/<table class="regression">/g)?.length, results.results.filter((d: { regression?: unknown; model?: unknown }) => d.regression || d.model).length);
  assert.match(html, /<caption>Effects of technological overlap on international co-invention<\/caption>/);
  assert.match(html, /<th scope="row">Overlap_ijt−3<\/th><td>0\.053<sup>\*\*\*<\/sup><\/td><td>0\.042<sup>\*\*\*<\/sup><\/td>/);
  assert.match(html, /<h1>Technological overlap and international co-invention, 1998–2017<\/h1>/);
});

test('several specs: one folder each with the default formats (results.json, CSV tables, networks, report)', () => {
  const out = mkdtempSync(join(tmpdir(), 'innograph-specs-'));
  const r = cli('run', 'examples/tech_overlap.study', hostileSpec(), '--out', out, '--quiet');
  assert.equal(r.status, 1, r.stdout + r.stderr); // x.study has failing declarations
  assert.match(r.stdout, /^examples\/tech_overlap\.study: \d+ files in .*tech_overlap \(report: .*tech_overlap\/report\.html\)$/m);
  for (const name of ['results.json', 'report.html', 'table3.csv', 'table3.table.csv', 'dyads.variables.csv', 'invco.gexf']) assert.ok(existsSync(join(out, 'tech_overlap', name)), name);
  for (const name of ['results.json', 'report.html', 'nn.nodes.csv']) assert.ok(existsSync(join(out, 'x', name)), name);
  assert.ok(!existsSync(join(out, 'tech_overlap', 'table3.tex')) && !existsSync(join(out, 'results.json')));
});

test('the report escapes every user string and places each error in the spec or the data file', () => {
  const spec = hostileSpec();
  const out = join(spec, '..', 'out');
  const r = cli('run', spec, '--out', out, '--format', 'html', '--quiet');
  assert.equal(r.status, 1, r.stdout + r.stderr);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  const escaped = '&lt;img src=x onerror=alert(1)&gt;';
  assert.ok(html.includes(`<title>${escaped} &amp; co</title>`) && html.includes(`<h1>${escaped} &amp; co</h1>`));
  assert.ok(html.includes(`<td>${escaped}</td>`), 'the region in the node table');
  assert.ok(!html.includes('<img'), 'markup from the spec or the data reached the page');
  assert.ok(html.includes(`<p class="error"><code>${spec}:5:40</code><br>\`first_led\` needs the applicants&#39; order`));
  assert.ok(html.includes(`<p class="error"><code>${join(spec, '..', 'b.csv')}:3 (column y)</code><br>Column y (the year) must hold whole numbers, but has &quot;20O1&quot;.</p>`));
  assert.match(html, /4 declarations: 2 ok, 2 failed, 0 skipped/);
  assert.ok(!existsSync(join(out, 'nn.nodes.csv')), 'html alone writes no CSV');
});

test('--format: an unknown format, or no --out to write into, is a usage error (exit code 2) and nothing runs', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'innograph-')), 'out');
  const unknown = cli('run', 'examples/tech_overlap.study', '--out', out, '--format', 'csv,pdf');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^Unknown format "pdf": formats are json, csv, tex, md, html, docx$/m);
  assert.equal(unknown.stdout, '');
  assert.ok(!existsSync(out));
  const noOut = cli('run', 'examples/tech_overlap.study', '--format', 'html');
  assert.equal(noOut.status, 2);
  assert.match(noOut.stderr, /^--format needs --out DIR/m);
  assert.equal(cli('run', 'examples/tech_overlap.study', '--out', out, '--format').status, 2);
});

test('a region × technology toolkit runs end to end: KCI per region and year as EconGeo, its tables as CSV', () => {
  const out = mkdtempSync(join(tmpdir(), 'innograph-out-'));
  const json = join(out, 'results.json');
  const r = cli('run', 'test/run/fixtures/region_technology.study', '--json', json, '--out', join(out, 'tables'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^measures toolkit: ok in \d+\.\d\d s \(nodes 28 rows, technologies 18 rows, cells 252 rows, pairs \d+ rows\)$/m);
  const expected = JSON.parse(readFileSync(join(ROOT, 'test/oracles/econgeo/expected.json'), 'utf8')).years;
  const nodes = JSON.parse(readFileSync(json, 'utf8')).results.find((x: { name: string }) => x.name === 'toolkit').tables.nodes;
  const kci = nodes.columns.indexOf('kci');
  for (const year of ['2019', '2020']) {
    const rows = nodes.rows.filter((row: unknown[]) => row[0] === year);
    rows.forEach((row: number[], k: number) => assert.ok(Math.abs(row[kci] - expected[year].kci[k]) <= 1e-6 * Math.abs(expected[year].kci[k]), `${year} ${row[1]} KCI`));
  }
  const csv = readFileSync(join(out, 'tables', 'toolkit.cells.csv'), 'utf8').split('\r\n');
  assert.equal(csv[0], 'window,region,technology,count,rca,rca_binary,density');
  assert.equal(csv.length, 254); // header, 2 years × 14 regions × 9 technologies, final line end
});
