// `region_technology(…)` run from a spec: read as a count table and as patent rows, every indicator equals
// EconGeo's (golden_econgeo.R) to 1e-6; its node indicators are panel variables (both sides of a dyadic
// panel's pairs as attributes) and model data; its cells a model's data, the entry regression held to R's lm
// (entry_regression.R); bad counts are reported at their file and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readJson } from '../oracles/read.ts';
import { analyseSpec, records, result, runSpec } from './harness.ts';

const SPEC = resolve(import.meta.dirname, 'fixtures/region_technology.study');
const expected = readJson(resolve(import.meta.dirname, '../oracles/econgeo/expected.json')).years;

function near(actual: unknown, wanted: number, what: string): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - wanted) <= 1e-6 * Math.abs(wanted) + 1e-12, `${what}: ${actual} vs EconGeo ${wanted}`);
}

test('a count table: every table as EconGeo computes it, period by period', async () => {
  const results = await runSpec(SPEC);
  const toolkit = result(results, 'toolkit');
  assert.equal(toolkit.status, 'ok', toolkit.error?.message);
  assert.deepEqual(Object.keys(toolkit.tables), ['nodes', 'technologies', 'cells', 'pairs']);
  for (const [year, e] of Object.entries<Record<string, any>>(expected)) {
    const nodes = records(toolkit, 'nodes').filter((r) => r.window === year);
    assert.deepEqual(nodes.map((r) => r.region), e.regions);
    for (const [item, wanted] of [['diversity', e.diversity], ['krugman', e.krugman], ['entropy', e.entropy], ['kci', e.kci], ['density_outside', e.density_outside], ['density_inside', e.density_inside]]) {
      nodes.forEach((r, k) => near(r[item], wanted[k], `${year} ${r.region} ${item}`));
    }
    const techs = records(toolkit, 'technologies').filter((r) => r.window === year);
    assert.deepEqual(techs.map((r) => r.technology), e.technologies);
    for (const [item, wanted] of [['ubiquity', e.ubiquity], ['tci', e.tci], ['hoover', e.hoover]]) techs.forEach((r, k) => near(r[item], wanted[k], `${year} ${r.technology} ${item}`));
    const cells = records(toolkit, 'cells').filter((r) => r.window === year);
    assert.equal(cells.length, e.regions.length * e.technologies.length);
    for (const c of cells) {
      const [i, j] = [e.regions.indexOf(c.region), e.technologies.indexOf(c.technology)];
      near(c.count, e.counts[i][j], `${year} count`);
      near(c.rca, e.rca[i][j], `${year} ${c.region} ${c.technology} rca`);
      near(c.rca_binary, e.rca_binary[i][j], `${year} rca_binary`);
      near(c.density, e.density.prob[i][j], `${year} ${c.region} ${c.technology} density`);
    }
    // Each co-occurring pair once; the pairs left out co-occur in no region.
    const pairs = records(toolkit, 'pairs').filter((r) => r.window === year);
    const listed = new Set(pairs.map((p) => `${p.source} ${p.target}`));
    e.technologies.forEach((a: string, i: number) => e.technologies.forEach((b: string, j: number) => {
      if (j <= i) return;
      assert.equal(listed.has(`${a} ${b}`), e.co_occurrence[i][j] > 0, `${year} pair ${a} ${b}`);
    }));
    for (const p of pairs) {
      const [i, j] = [e.technologies.indexOf(p.source), e.technologies.indexOf(p.target)];
      near(p.co_occurrence, e.co_occurrence[i][j], `${year} co_occurrence`);
      near(p.relatedness, e.relatedness.prob[i][j], `${year} relatedness`);
    }
  }
  assert.match(toolkit.conventions?.rounding ?? '', /^econgeo/);
});

test('patent rows give the same counts; options choose the normalisation, no rounding and Hoover\'s population', async () => {
  const fromPatents = result(await runSpec(SPEC), 'from_patents');
  assert.equal(fromPatents.status, 'ok', fromPatents.error?.message);
  for (const [year, e] of Object.entries<Record<string, any>>(expected)) {
    records(fromPatents, 'nodes').filter((r) => r.window === year).forEach((r, k) => near(r.kci, e.kci_unrounded[k], `${year} ${r.region} kci`));
    const techs = records(fromPatents, 'technologies').filter((r) => r.window === year);
    techs.forEach((r, k) => near(r.tci, e.tci_unrounded[k], `${year} ${r.technology} tci`));
    techs.forEach((r, k) => near(r.hoover, e.hoover_total_unrounded[k], `${year} ${r.technology} hoover`));
    for (const c of records(fromPatents, 'cells').filter((r) => r.window === year)) {
      const [i, j] = [e.regions.indexOf(c.region), e.technologies.indexOf(c.technology)];
      near(c.count, e.counts[i][j], `${year} count from patent rows`);
      near(c.density, e.density_unrounded.cosine[i][j], `${year} ${c.region} ${c.technology} density (cosine)`);
    }
  }
});

test('technologies co-occurring on patents: pairs, relatedness and density as EconGeo on the patent incidence matrix', async () => {
  const onPatents = result(await runSpec(SPEC), 'on_patents');
  assert.equal(onPatents.status, 'ok', onPatents.error?.message);
  for (const [year, e] of Object.entries<Record<string, any>>(readJson(resolve(import.meta.dirname, '../oracles/econgeo/expected.json')).patents)) {
    records(onPatents, 'nodes').filter((r) => r.window === year).forEach((r, k) => near(r.density_outside, e.density_outside[k], `${year} ${r.region} density_outside`));
    for (const c of records(onPatents, 'cells').filter((r) => r.window === year)) {
      near(c.density, e.density[e.regions.indexOf(c.region)][e.technologies.indexOf(c.technology)], `${year} ${c.region} ${c.technology} density`);
    }
    const pairs = records(onPatents, 'pairs').filter((r) => r.window === year);
    assert.equal(pairs.length, e.co_occurrence.flatMap((row: number[], i: number) => row.filter((x, j) => j > i && x > 0)).length);
    for (const p of pairs) {
      const [i, j] = [e.technologies.indexOf(p.source), e.technologies.indexOf(p.target)];
      near(p.co_occurrence, e.co_occurrence[i][j], `${year} ${p.source} ${p.target} co_occurrence`);
      near(p.relatedness, e.relatedness[i][j], `${year} ${p.source} ${p.target} relatedness`);
    }
  }
});

test('a window sums its years\' counts, and its node indicators are a node panel\'s over that window', async () => {
  const spec = `${readFileSync(SPEC, 'utf8')}
panel over = node_panel(windowed, windows: both) { Complexity = windowed.kci }
`;
  const results = await runSpec(SPEC, spec);
  const windowed = result(results, 'windowed');
  assert.equal(windowed.status, 'ok', windowed.error?.message);
  const e = readJson(resolve(import.meta.dirname, '../oracles/econgeo/expected.json')).window;
  const nodes = records(windowed, 'nodes');
  assert.deepEqual([...new Set(nodes.map((r) => r.window))], ['2019–2020']);
  nodes.forEach((r, k) => near(r.kci, e.kci[k], `${r.region} kci`));
  for (const c of records(windowed, 'cells')) {
    const [i, j] = [e.regions.indexOf(c.region), e.technologies.indexOf(c.technology)];
    near(c.count, e.counts[i][j], 'count');
    near(c.rca, e.rca[i][j], `${c.region} ${c.technology} rca`);
    near(c.density, e.density.prob[i][j], `${c.region} ${c.technology} density`);
  }
  const complexity = records(result(results, 'over'), 'variables').find((r) => r.variable === 'Complexity')!;
  assert.equal(complexity.n, 14);
  near(complexity.mean, e.kci.reduce((s: number, x: number) => s + x, 0) / 14, 'mean KCI of the window');
});

test('co-occurrence on patents needs patent rows: a count table is told so at the option', async () => {
  const spec = `${readFileSync(SPEC, 'utf8')}\nmeasures wrong = region_technology(counts, region: region, technology: technology, count: n) { relatedness  cooccurrence: patents }\n`;
  const wrong = result(await runSpec(SPEC, spec), 'wrong');
  assert.equal(wrong.status, 'error');
  assert.match(wrong.error!.message, /A count table has no patents/);
  const lines = spec.split('\n');
  const at = wrong.error!.spec!;
  assert.equal(lines[at.line - 1].slice(at.column - 1, at.endColumn - 1), 'patents');
});

test('node indicators are node-panel variables by region and year, and model data', async () => {
  const spec = `${readFileSync(SPEC, 'utf8')}
panel years = node_panel(toolkit, years: 2019..2020) {
  Complexity = toolkit.kci
  Density    = toolkit.density_outside
}
model m = ols(Complexity ~ Density, data: years)
model direct = ols(kci ~ density_outside, data: toolkit)
`;
  const results = await runSpec(SPEC, spec);
  for (const name of ['years', 'm', 'direct']) assert.equal(result(results, name).status, 'ok', result(results, name).error?.message);
  const complexity = records(result(results, 'years'), 'variables').find((r) => r.variable === 'Complexity')!;
  const all = [...expected['2019'].kci, ...expected['2020'].kci];
  assert.equal(complexity.n, 28);
  assert.equal(complexity.missing, 0);
  near(complexity.mean, all.reduce((s: number, x: number) => s + x, 0) / all.length, 'mean KCI over regions and years');
  const slope = (name: string) => records(result(results, name), 'coefficients').find((r) => r.term !== '(Intercept)')!.estimate;
  near(slope('m'), slope('direct') as number, 'the same regression through the panel and on the measures');
});

test('a negative or non-numeric count is reported at its file and column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-rt-'));
  const spec = (file: string) => `dataset counts from "${file}"\nmeasures geo = region_technology(counts, region: r, technology: t, count: n) { rca }\n`;
  writeFileSync(join(dir, 'negative.csv'), 'r,t,n\nA,x,3\nA,y,-5\nB,x,1\nB,y,2\n');
  writeFileSync(join(dir, 'text.csv'), 'r,t,n\nA,x,3\nA,y,five\nB,x,1\nB,y,2\n');
  writeFileSync(join(dir, 'a.study'), spec('negative.csv'));
  writeFileSync(join(dir, 'b.study'), spec('text.csv'));
  const negative = result(await runSpec(join(dir, 'a.study')), 'geo');
  assert.equal(negative.status, 'error');
  assert.match(negative.error!.message, /Column n \(the count\) sums to -5 for region A, technology y: counts cannot be negative/);
  assert.equal(negative.error!.data?.column, 'n');
  const text = result(await runSpec(join(dir, 'b.study')), 'geo');
  assert.equal(text.status, 'error');
  assert.match(text.error!.message, /Column n \(the count\) must hold numbers, but has "five"/);
  assert.equal(text.error!.data?.line, 3);
  assert.equal(text.error!.data?.column, 'n');
});

test('the checker names a misspelt column, option value or indicator, a missing technology column and a technology indicator as a region\'s, where they are written', async () => {
  const spec = `${readFileSync(SPEC, 'utf8')}
measures typo = region_technology(counts, region: regoin, technology: technology) { kci, rcaa  cooccurrence: patent }
measures partial = region_technology(counts, region: region) { kci }
panel p = node_panel(toolkit, years: 2019..2020) { X = toolkit.tci }
`;
  const found = (await analyseSpec(SPEC, spec)).diagnostics.map((d) => `${d.code} ${spec.slice(d.span.start, d.span.end)}`);
  // A technology's indicator is no region's panel variable.
  assert.deepEqual(found.sort(), ['bad-value patent', 'missing-option partial', 'unknown-column regoin', 'unknown-item rcaa', 'unknown-member tci']);
});

test('the entry regression on the toolkit\'s cells: binary RCA on the density one window earlier, with region, technology and window effects, as R\'s lm', async () => {
  const spec = `${readFileSync(SPEC, 'utf8')}
model entry  = ols(rca_binary ~ l(density, 1) + l(rca_binary, 1) | region + technology + t, data: toolkit.cells)
model levels = ols(rca ~ density + toolkit.kci | region + technology + t, data: toolkit.cells)
`;
  const results = await runSpec(SPEC, spec);
  const wanted = readJson(resolve(import.meta.dirname, '../oracles/econgeo/entry_regression_R.json'));
  const terms: Record<string, Record<string, string>> = {
    entry: { 'l(density, 1)': 'density_lag', 'l(rca_binary, 1)': 'rca_binary_lag' },
    levels: { density: 'density', 'toolkit.kci': 'kci' },
  };
  for (const [name, names] of Object.entries(terms)) {
    const model = result(results, name);
    assert.equal(model.status, 'ok', model.error?.message);
    const rows = records(model, 'coefficients');
    assert.deepEqual(rows.map((r) => r.term), Object.keys(names), name);
    for (const r of rows) {
      near(r.estimate, wanted[name].coef[names[r.term as string]], `${name} ${r.term} estimate`);
      near(r.se, wanted[name].se[names[r.term as string]], `${name} ${r.term} standard error`);
    }
    const fit = (model as any).model.fit;
    assert.equal(fit.n, wanted[name].n, `${name} observations`);
    near(fit.r2, wanted[name].r2, `${name} R²`);
    near(fit.ssr, wanted[name].rss, `${name} residual sum of squares`);
  }
});

test('a model on the cells is checked against their columns: a misspelt column or table is named where it is written, with a did-you-mean', async () => {
  const spec = `${readFileSync(SPEC, 'utf8')}
model a = ols(rca_binary ~ l(desnity, 1) | region + technology + t, data: toolkit.cells)
model b = ols(rca ~ kci, data: toolkit.cels)
model c = ols(rca ~ density, data: windowed.cells) { where: windw == "2019–2020" }
`;
  const diagnostics = (await analyseSpec(SPEC, spec)).diagnostics;
  const found = diagnostics.map((d) => `${d.code} ${spec.slice(d.span.start, d.span.end)}`);
  assert.deepEqual(found.sort(), ['unknown-table cels', 'unknown-variable desnity', 'unknown-variable windw']);
  const message = (word: string) => diagnostics.find((d) => spec.slice(d.span.start, d.span.end) === word)!.message;
  assert.match(message('desnity'), /the columns of `toolkit\.cells`.*Did you mean `density`\?/s);
  assert.match(message('cels'), /`toolkit` has no table `cels`: its tables are `nodes`, `technologies`, `cells`, `pairs`.*Did you mean `cells`\?/s);
  assert.match(message('windw'), /Did you mean `window`\?/);
});

test('a dyadic panel joins the regions\' indicators to both sides of each pair, by region and period, as attributes', async () => {
  const spec = `${readFileSync(SPEC, 'utf8')}
dataset region_ties from "region_ties.csv" { year: year }
windows yearly = 2019..2020 by 1
network ties = edges(region_ties) { from: source  to: target  weight: weight  windows: yearly }
panel dyads = dyadic(ties) {
  attributes: toolkit
  Tie = ties.weight
  Gap = kci_i - kci_j
}
model m = ols(Tie ~ kci_i + kci_j + Gap, data: dyads)
`;
  const results = await runSpec(SPEC, spec);
  const dyads = result(results, 'dyads');
  assert.equal(dyads.status, 'ok', dyads.error?.message);
  const variables = new Map(records(dyads, 'variables').map((r) => [r.variable, r]));
  for (const name of ['kci_i', 'kci_j', 'diversity_j', 'density_inside_i']) assert.equal(variables.get(name)?.missing, 0, name);
  // Every pair of the four regions in both years: kci_i − kci_j is Gap, and side means are EconGeo's KCIs.
  const kci = (year: string, region: string) => expected[year].kci[expected[year].regions.indexOf(region)];
  const pairs = [['R01', 'R02'], ['R01', 'R03'], ['R01', 'R04'], ['R02', 'R03'], ['R02', 'R04'], ['R03', 'R04']];
  const rows = (['2019', '2020'] as const).flatMap((y) => pairs.map(([a, b]) => [kci(y, a), kci(y, b)]));
  assert.equal(variables.get('Gap')!.n, rows.length);
  near(variables.get('Gap')!.mean, rows.reduce((s, [a, b]) => s + a - b, 0) / rows.length, 'mean KCI gap');
  near(variables.get('kci_j')!.mean, rows.reduce((s, [, b]) => s + b, 0) / rows.length, 'mean partner KCI');
  assert.equal(result(results, 'm').status, 'ok', result(results, 'm').error?.message);
  const diagnostics = (await analyseSpec(SPEC, spec.replace('Gap = kci_i - kci_j', 'Gap = kci_i - kci_k'))).diagnostics;
  const typo = diagnostics.filter((d) => d.message.includes('kci_k'));
  assert.equal(typo.length, 1);
  assert.match(typo[0].message, /Did you mean `kci_[ij]`\?/);
});
