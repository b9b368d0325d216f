// Node panels over a holder dataset: `node_panel(applicants) { level: applicant }` has one row per firm and
// year, counts each firm's patents, and joins city attributes through the firm's most frequent city. The
// fixture (test/run/fixtures/firms) has co-applied patents, a firm in two cities with a tie, a row without
// an applicant and a firm without every year of its attribute table; the expected values come from
// test/oracles/scripts/golden_firm_panel.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { textAt, type Column } from '../../server/src/engine/data/dataTable.ts';
import { RunContext } from '../../server/src/run/context.ts';
import { EXECUTORS } from '../../server/src/run/executors.ts';
import { analyseSpec, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('./fixtures/firm_panel.study', import.meta.url));
const golden = JSON.parse(readFileSync(fileURLToPath(new URL('../oracles/panels/firm_panel.json', import.meta.url)), 'utf8'));

const DATA = `dataset patents from "firms/patents.csv" { id: patent_id  year: app_year }
dataset applicants from "firms/applicants.csv" { patent: patent_id  order: seq  applicant: applicant  region: city  joins: patents }
dataset city_years from "firms/city_years.csv" { key: city, time: year }
dataset firm_years from "firms/firm_years.csv" { key: applicant, time: year }
`;
const PANELS = `${DATA}panel firms = node_panel(applicants) {
  level:      applicant
  years:      2018..2020
  attributes: city_years, firm_years
  TI   = count(patents, counting: fractional)
  Full = count(patents, counting: full)
  AI   = count(patents, where: is_ai == 1)
}
panel cities = node_panel(applicants, years: 2018..2020) {
  Firms = count(applicants, counting: distinct)
}
`;

type Row = Record<string, string | number | null>;

async function panelRows(name: string, variables: string[]): Promise<Row[]> {
  const analysis = await analyseSpec(SPEC, PANELS);
  assert.deepEqual(analysis.diagnostics.map((d) => d.message), []);
  const ctx = await RunContext.open(analysis, EXECUTORS);
  try {
    const { table } = await ctx.valueOf('panel', analysis.model.symbols.get(name)!);
    const value = (c: Column, r: number) => (c.type === 'number' ? (Number.isNaN(c.values[r]) ? null : c.values[r]) : textAt(c, r));
    return Array.from({ length: table.rows }, (_, r) => Object.fromEntries(['i', 't', ...variables].map((v) => [v, value(table.columns.get(v)!, r)])));
  } finally {
    await ctx.dispose();
  }
}

test('a panel of applicants has a row per firm and year, its patents counted per firm, attributes joined through its city', async () => {
  const rows = await panelRows('firms', ['city', 'TI', 'Full', 'AI', 'IP', 'GS']);
  assert.equal(rows.length, golden.firms.length, 'firms × years');
  rows.forEach((row, r) => {
    const expected = golden.firms[r];
    for (const [name, value] of Object.entries(expected)) {
      if (typeof value === 'number' && typeof row[name] === 'number') assert.ok(Math.abs((row[name] as number) - value) < 1e-12, `${name} of ${expected.i} in ${expected.t}: ${row[name]} ≠ ${value}`);
      else assert.equal(row[name], value, `${name} of ${expected.i} in ${expected.t}`);
    }
  });
});

test('`counting: distinct` counts distinct applicants per region and year', async () => {
  const rows = await panelRows('cities', ['Firms']);
  assert.deepEqual(rows, golden.cities);
});

test('the firm panel\'s notes name its units and the firms without an attribute row; models estimate on it', async () => {
  const results = await runSpec(SPEC, `${PANELS}model m = ols(TI ~ IP + GS, data: firms)\n`);
  const panel = result(results, 'firms');
  assert.equal(panel.status, 'ok', panel.error?.message);
  assert.ok(panel.notes.includes('18 rows: 6 units (applicant of applicants) × 3 periods.'), panel.notes.join('\n'));
  assert.ok(panel.notes.some((n) => n.startsWith('1 unit (applicant of applicants) without every period in firm_years') && n.endsWith(': D.')), panel.notes.join('\n'));
  assert.ok(panel.notes.some((n) => n === '1 row of applicants without an applicant left out.'), panel.notes.join('\n'));
  const m = result(results, 'm');
  assert.equal(m.status, 'ok', m.error?.message);
});

test('counting distinct holders needs an applicant or inventor column; `level:` belongs to a panel over a dataset', async () => {
  const results = await runSpec(SPEC, `${DATA}dataset places from "firms/applicants.csv" { patent: patent_id  region: city  joins: patents }
windows years = 2018..2020
network coapp = coapplication(applicants) { windows: years }
panel p = node_panel(places, years: 2018..2020) { N = count(places, counting: distinct) }
panel q = node_panel(coapp) { level: applicant  D = degree(coapp) }
`);
  assert.match(result(results, 'p').error?.message ?? '', /`counting: distinct` counts distinct applicants or inventors: places declares neither/);
  assert.match(result(results, 'q').error?.message ?? '', /`level:` names the column of a node panel over a dataset/);
});
