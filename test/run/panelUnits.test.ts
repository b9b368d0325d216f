// Panels over declared units (`units:`): every region of a region set or every key of an attribute table,
// tied or not, instead of the regions seen in a tie. Expected sets are read from the CSV files directly;
// side counts, their cumulation by year and top_share come from test/oracles/scripts/panel_counts.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { textAt, type Column } from '../../server/src/engine/data/dataTable.ts';
import { RunContext } from '../../server/src/run/context.ts';
import { EXECUTORS } from '../../server/src/run/executors.ts';
import { analyseSpec, records, result, runSpec } from './harness.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const SPEC = `${EXAMPLES}units_test.study`;

/** Distinct values of a CSV column among the rows meeting `keep` (plain comma-separated files). */
function distinct(file: string, column: string, keep: (row: Record<string, string>) => boolean = () => true): string[] {
  const [header, ...lines] = readFileSync(`${EXAMPLES}${file}`, 'utf8').trim().split('\n');
  const names = header.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
  return [...new Set(rows.filter(keep).map((r) => r[column]))].sort();
}

const spec = (units: string, panel = 'dyadic(invco)') => `
dataset patents from "data/regpat/patents.csv" { id: appln_id  year: prio_year }
dataset inventors from "data/regpat/inventors.csv" { patent: appln_id  order: inv_seq  region: ctry_code, reg_code  joins: patents }
dataset countries from "data/regpat/countries.csv" { key: ctry_code }
regions china   = inventors where ctry_code == "CN"
regions foreign = inventors where ctry_code != "CN"
windows periods = 1998..2017 by 10
network invco = coinvention(inventors) { between: china × foreign  level: reg_code  windows: periods }
network countries_net = coinvention(inventors) { level: ctry_code  windows: periods }
panel p = ${panel} {
  ${units}
  InvCo = invco.weight
}
`;

test('a dyadic panel pairs every region of one declared set with every region of the other, tied or not', async () => {
  const china = distinct('data/regpat/inventors.csv', 'reg_code', (r) => r.ctry_code === 'CN');
  const foreign = distinct('data/regpat/inventors.csv', 'reg_code', (r) => r.ctry_code !== 'CN');
  const declared = result(await runSpec(SPEC, spec('units: china × foreign')), 'p');
  const tied = result(await runSpec(SPEC, spec('')), 'p');
  const rowsOf = (r: typeof declared) => Number(records(r, 'variables').find((v) => v.variable === 'i')!.n);
  assert.equal(rowsOf(declared), china.length * foreign.length * 2, 'pairs × 2 windows');
  assert.ok(rowsOf(tied) < rowsOf(declared), 'without units only regions seen in a tie are paired');
  assert.ok(declared.notes.some((n) => n.includes(`every region of china (${china.length}) with every region of foreign (${foreign.length})`)), declared.notes.join('\n'));
});

test('`*` is the ASCII form of `×`: the same bipartite network and the same declared pairs', async () => {
  const unicode = await runSpec(SPEC, spec('units: china × foreign'));
  const ascii = await runSpec(SPEC, spec('units: china * foreign').replace('between: china ×', 'between: china *'));
  for (const name of ['invco', 'p']) {
    const { tables, network } = result(ascii, name);
    assert.deepEqual({ tables, network }, { tables: result(unicode, name).tables, network: result(unicode, name).network }, name);
  }
  assert.ok(result(ascii, 'invco').network!.windows.some((w) => w.ties.length > 0));
});

test('a node panel over an attribute table has a row for every key, with or without ties', async () => {
  const keys = distinct('data/regpat/countries.csv', 'ctry_code');
  const r = result(await runSpec(SPEC, spec('units: countries\n  years: 2000..2001', 'node_panel(countries_net)').replace('InvCo = invco.weight', 'Deg = degree(countries_net)')), 'p');
  const i = records(r, 'variables').find((v) => v.variable === 'i')!;
  assert.deepEqual([i.n, i.distinct], [keys.length * 2, keys.length]);
});

test('a node panel refuses a pair of unit sets; an unknown set is reported by the checker', async () => {
  const r = result(await runSpec(SPEC, spec('units: china × foreign\n  years: 2000..2001', 'node_panel(countries_net)').replace('InvCo = invco.weight', 'Deg = degree(countries_net)')), 'p');
  assert.match(r.error?.message ?? '', /one set of regions, not a pair/);
  await assert.rejects(runSpec(SPEC, spec('units: chna × foreign')), /Unknown name `chna`.*Did you mean `china`/);
});

test('cumulative counts by year over rolling windows, and top_share of them among one side or both, match the Python golden', async () => {
  const golden = JSON.parse(readFileSync(fileURLToPath(new URL('../oracles/panels/panel_counts.json', import.meta.url)), 'utf8'));
  const text = spec('units: china × foreign').replace('windows periods = 1998..2017 by 10', 'windows periods = 1998..2017 rolling 3')
    .replace('InvCo = invco.weight', 'Invnum_j = count(inventors, j)\n  Stock_j = cumulative(count(inventors, j))\n  Techadv_j = top_share(cumulative(count(inventors, j)), 0.2)\n  World_j = top_share(cumulative(count(inventors, j)), 0.2, among: both)');
  const analysis = await analyseSpec(SPEC, text);
  const ctx = await RunContext.open(analysis, EXECUTORS);
  try {
    const { table } = await ctx.valueOf('panel', analysis.model.symbols.get('p')!);
    const column = (name: string) => table.columns.get(name)!;
    const numberAt = (c: Column, r: number) => (c.type === 'number' ? c.values[r] : NaN);
    const seen = new Map<string, number>();
    for (let r = 0; r < table.rows; r++) {
      const [j, t] = [textAt(column('j'), r)!, textAt(column('t'), r)!];
      const k = golden.regions.indexOf(j);
      for (const [variable, key] of [['Invnum_j', 'count'], ['Stock_j', 'cumulative'], ['Techadv_j', 'top_share'], ['World_j', 'top_share_both']]) {
        assert.equal(numberAt(column(variable), r), golden[key][t][k], `${variable} of ${j} in ${t}`);
      }
      seen.set(j, (seen.get(j) ?? 0) + 1);
    }
    assert.equal(seen.size, golden.regions.length, 'every foreign region is a partner');
  } finally {
    await ctx.dispose();
  }
});
