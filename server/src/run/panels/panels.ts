// `panel` declarations into engine DataTables. A dyadic panel has one row per region pair and window of its
// networks (absent ties are 0), a node panel one row per unit and period — a region, or over a holder dataset
// the values of its `level` column (`applicant`: a firm panel); rows are unit-major, so row
// `unit · T + t` holds unit `unit` in period `t`. Variables are evaluated by panelVariables.ts; attribute
// tables are joined by their `key` (and `time`) roles, node measures by region and period, once per side in
// dyadic panels.
import type { Decl, Span } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import { columnAt, textAt, type Column } from '../../engine/data/dataTable.js';
import { windowLabel, type Window } from '../../engine/windows/windows.js';
import type { RunContext } from '../context.js';
import { datasetTable, loadDataset } from '../data/datasets.js';
import { SpecError } from '../errors.js';
import { fromPatents, holdersAt, holderTable } from '../networks/build.js';
import { evaluatePanelVariables, type PanelLayout } from './panelVariables.js';
import { modalValues } from '../data/modalValues.js';
import { isRegionColumn } from '../../language/semantic/nodeAttributes.js';
import { clusterMembers, type Computed, type NetworkRun, type Panel } from '../values.js';
import type { Cell } from '../../results/format.js';
import { describeColumns } from '../../engine/models/describe/descriptives.js';
import { windowsOf, yearRange } from '../data/windows.js';
import { declaredUnits } from './units.js';

export async function panelOf(ctx: RunContext, symbol: Symbol): Promise<Panel> {
  const source = ctx.model.source(symbol.decl);
  if (!source) throw new SpecError('A panel is built by `dyadic(…)` or `node_panel(…)`.', symbol.decl.values[0]?.span ?? symbol.nameSpan);
  const layout = source.spec.name === 'dyadic' ? await dyadicLayout(ctx, symbol) : await nodeLayout(ctx, symbol);
  const notes = [...layout.notes];
  const columns = indexColumns(layout);
  ctx.checkpoint();
  await joinAttributes(ctx, symbol.decl, layout, columns, notes);
  for (const [name, values] of await evaluatePanelVariables(ctx, symbol.decl, layout, columns)) columns.set(name, { type: 'number', values });
  ctx.checkpoint();
  const T = layout.periods.length;
  const unit = new Int32Array(layout.rows);
  const time = new Int32Array(layout.rows);
  // Yearly panels count time in years (lags and GMM time dummies then carry the year); window panels in windows.
  const yearly = isYearly(layout.periods);
  for (let r = 0; r < layout.rows; r++) { unit[r] = Math.floor(r / T); time[r] = yearly ? layout.periods[r % T].from : r % T; }
  notes.push(`${layout.rows} rows: ${layout.kind === 'dyadic' ? `${layout.rows / T} pairs of ${unitsNoun(ctx, layout.level)}` : `${layout.units.length} ${unitsNoun(ctx, layout.level)}`} × ${T} periods.`);
  return { table: { name: symbol.name, rows: layout.rows, columns, panel: { unit, time } }, notes };
}

// ------------------------------------------------------------------ layouts

async function dyadicLayout(ctx: RunContext, symbol: Symbol): Promise<PanelLayout> {
  const args = ctx.model.source(symbol.decl)!.call.args.filter((a) => !a.name);
  const runs: NetworkRun[] = [];
  for (const arg of args) {
    const run = await ctx.valueOf('network', ctx.symbol(arg.value, 'a network'));
    if (runs.length && !sameWindows(run.windows, runs[0].windows)) {
      throw new SpecError(`The networks of a dyadic panel must share their windows: ${run.name} has ${describeWindows(run.windows)}, ${runs[0].name} ${describeWindows(runs[0].windows)}.`, arg.span);
    }
    runs.push(run);
  }
  const units = await declaredUnits(ctx, symbol.decl);
  const between = units ? units.crossed : runs.some((r) => ctx.model.option(ctx.model.symbols.get(r.name)!.decl, 'between'));
  const directed = runs.some((r) => r.directed);
  const sources = new Set<string>();
  const targets = new Set<string>();
  for (const run of runs) for (const net of run.networks) for (const t of net.ties) { sources.add(t.source); targets.add(t.target); }
  const all = [...new Set([...sources, ...targets])].sort();
  const left = units?.left ?? (between ? [...sources].sort() : all);
  const right = units?.right ?? (between ? [...targets].sort() : all);
  // Pairs: i × j across the two sets, else ordered (directed) or unordered (i < j) pairs of all regions.
  const pairI: number[] = [];
  const pairJ: number[] = [];
  left.forEach((a, ia) => right.forEach((b, jb) => {
    if (a === b || (!between && !directed && a > b)) return;
    pairI.push(ia);
    pairJ.push(jb);
  }));
  const T = runs[0]?.windows.length ?? 0;
  const rows = pairI.length * T;
  if (rows > 50_000_000) throw new SpecError(`This panel would have ${rows} rows (${pairI.length} pairs × ${T} windows); restrict the networks' regions.`, symbol.decl.values[0]!.span);
  const notes = runs.flatMap((r) => r.notes);
  const level = await panelLevel(ctx, runs);
  const absent = `absent ties are ${fillOf(ctx, symbol.decl) === 'zero' ? '0' : 'missing'}`;
  if (units) {
    notes.push(`Pairs: ${units.crossed ? units.description : `every ${directed ? 'ordered' : 'unordered'} pair of ${units.description}`} (the declared units); ${absent}.`);
    const outside = tiesOutside(runs, new Set(left), new Set(right), between, directed);
    if (outside) notes.push(`${outside} tie${outside === 1 ? '' : 's'} (over all windows) touch regions outside the units and are not in the panel.`);
  } else {
    notes.push(between
      ? `Pairs: every region of the first set (${left.length}) with every region of the second (${right.length}) seen in a tie of ${runs.map((r) => r.name).join(', ')}; ${absent}.`
      : `Pairs: every ${directed ? 'ordered' : 'unordered'} pair of the ${all.length} ${unitsNoun(ctx, level)} seen in a tie; ${absent}.`);
  }
  return {
    kind: 'dyadic', periods: runs[0]?.windows ?? [], units: left, partners: right, pairI: Int32Array.from(pairI), pairJ: Int32Array.from(pairJ),
    rows, networks: new Map(runs.map((r) => [r.name, r])), fill: fillOf(ctx, symbol.decl), directed, level, notes,
  };
}

async function nodeLayout(ctx: RunContext, symbol: Symbol): Promise<PanelLayout> {
  const { decl } = symbol;
  const args = ctx.model.source(decl)!.call.args.filter((a) => !a.name);
  const units = new Set<string>();
  const runs: NetworkRun[] = [];
  let level: PanelLayout['level'];
  const levelNotes: string[] = [];
  const levelOption = ctx.model.option(decl, 'level')?.values[0];
  for (const arg of args) {
    const source = ctx.symbol(arg.value, 'a network, clusters, measures or dataset declaration');
    if (source.kind === 'dataset') {
      if (args.length > 1) throw new SpecError('A node panel over a dataset has that one source.', arg.span);
      const holders = await holdersAt(ctx, source, levelOption?.type === 'ident' ? levelOption.name : '', undefined);
      level = { dataset: source, column: holders.level };
      levelNotes.push(...holders.notes);
      const rows = (await ctx.db.runAndReadAll(`SELECT DISTINCT region FROM ${holders.table} ORDER BY 1`)).getRows();
      for (const [u] of rows) units.add(String(u));
    } else if (source.kind === 'network') {
      const run = await ctx.valueOf('network', source);
      runs.push(run);
      for (const net of run.networks) for (const r of net.nodes) units.add(r);
    } else {
      const result = await ctx.resultOf(source);
      if (source.kind === 'clusters') for (const r of clusterMembers(result)) units.add(r);
      else {
        const table = result.tables.nodes ?? result.tables.quotients;
        if (!table) throw new SpecError(`${source.name} has no regions to index a panel.`, arg.span);
        const region = table.columns.indexOf('region');
        for (const row of table.rows) units.add(String(row[region]));
      }
      const network = networkOf(ctx, source);
      if (network) runs.push(await ctx.valueOf('network', network));
    }
  }
  if (levelOption && !level) throw new SpecError('`level:` names the column of a node panel over a dataset: `node_panel(applicants) { level: applicant }`.', levelOption.span);
  const periods = nodePeriods(ctx, decl, runs);
  const declared = await declaredUnits(ctx, decl);
  if (declared?.crossed) throw new SpecError('A node panel\'s units are one set of regions, not a pair of sets.', ctx.model.option(decl, 'units')!.values[0].span);
  const list = declared?.left ?? [...units].sort();
  const unitLevel = level ?? await panelLevel(ctx, runs);
  const notes = [...levelNotes, ...runs.flatMap((r) => r.notes)];
  if (declared) {
    const kept = new Set(declared.left);
    const left = [...units].filter((u) => !kept.has(u)).length;
    const noun = unitsNoun(ctx, unitLevel);
    notes.push(`Units: the ${list.length} ${noun} of ${declared.name} (declared)${left ? `; ${left} other ${noun} of the sources left out` : ''}.`);
  }
  if (!list.length) notes.push('The panel has no regions: its sources are empty.');
  return {
    kind: 'node', periods, units: list, partners: list, pairI: new Int32Array(0), pairJ: new Int32Array(0),
    rows: list.length * periods.length, networks: new Map(runs.map((r) => [r.name, r])), fill: fillOf(ctx, decl), directed: false,
    level: unitLevel, notes,
  };
}

/** The network a clusters or measures declaration is computed over. */
function networkOf(ctx: RunContext, source: Symbol): Symbol | undefined {
  const call = ctx.model.source(source.decl)?.call;
  const candidates = [call?.args.find((a) => a.name?.name === 'network')?.value, call?.args[0]?.value, ctx.model.option(source.decl, 'network')?.values[0]];
  for (const c of candidates) {
    const s = ctx.model.resolve(c);
    if (s?.kind === 'network') return s;
    if (s && s !== source && (s.kind === 'measures' || s.kind === 'clusters')) {
      const inner = networkOf(ctx, s);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** `years: a..b` (one period per year), `windows: w`, else the windows of the panel's network. */
function nodePeriods(ctx: RunContext, decl: Decl, runs: NetworkRun[]): Window[] {
  const years = ctx.model.option(decl, 'years')?.values[0];
  if (years) {
    const [from, to] = yearRange(years);
    return Array.from({ length: to - from + 1 }, (_, k) => ({ label: windowLabel(from + k, from + k), from: from + k, to: from + k }));
  }
  const windows = ctx.model.option(decl, 'windows')?.values[0];
  if (windows) return windowsOf(ctx, ctx.symbol(windows, 'windows'));
  const run = runs.find((r) => Number.isFinite(r.windows[0]?.from));
  if (!run) throw new SpecError('Give the panel its time axis: `years: 2011..2020` or `windows: …`.', decl.values[0]?.span ?? decl.span);
  return run.windows;
}

/** The region column the panel's regions are codes of: its first network's level. */
async function panelLevel(ctx: RunContext, runs: NetworkRun[]): Promise<PanelLayout['level']> {
  const first = runs[0] && ctx.model.symbols.get(runs[0].name);
  // An edge list's or a network file's nodes are codes of no dataset column.
  if (!first || !fromPatents(ctx, first.decl)) return undefined;
  const holders = await holderTable(ctx, first.decl);
  return { dataset: holders.dataset, column: holders.level };
}

/** Ties of the networks that a panel over these sides leaves out. */
function tiesOutside(runs: readonly NetworkRun[], left: ReadonlySet<string>, right: ReadonlySet<string>, crossed: boolean, directed: boolean): number {
  const pairs = (a: string, b: string) => (crossed ? left.has(a) && right.has(b) : left.has(a) && left.has(b));
  let outside = 0;
  for (const run of runs) {
    for (const net of run.networks) {
      for (const t of net.ties) {
        if (!pairs(t.source, t.target) && (directed || !pairs(t.target, t.source))) outside++;
      }
    }
  }
  return outside;
}

function fillOf(ctx: RunContext, decl: Decl): 'zero' | 'missing' {
  return ctx.word(decl, 'fill', 'zero') === 'missing' ? 'missing' : 'zero';
}

/** What a node panel's units are: regions, or the values of a dataset's holder id column (`applicant`s). */
function unitsNoun(ctx: RunContext, level: PanelLayout['level'], count = 2): string {
  const region = !level || isRegionColumn(ctx.model, level.dataset, level.column);
  const noun = region ? 'region' : 'unit';
  return `${count === 1 ? noun : `${noun}s`}${region ? '' : ` (${level.column} of ${level.dataset.name})`}`;
}

/** One-year periods: the panel's time is then the year. */
function isYearly(periods: readonly Window[]): boolean {
  return periods.every((p) => p.from === p.to);
}

function sameWindows(a: readonly Window[], b: readonly Window[]): boolean {
  return a.length === b.length && a.every((w, i) => w.from === b[i].from && w.to === b[i].to);
}

function describeWindows(w: readonly Window[]): string {
  return w.length === 1 ? `the window ${w[0].label}` : `${w.length} windows (${w[0]?.label} … ${w[w.length - 1]?.label})`;
}

// ------------------------------------------------------------------ index and attribute columns

/** `i`, `j` (dyadic) and `t`: t is the year in yearly node panels, else the window's label. */
function indexColumns(layout: PanelLayout): Map<string, Column> {
  const T = layout.periods.length;
  const yearly = isYearly(layout.periods);
  const columns = new Map<string, Column>();
  // Distinct regions' positions are the column's dictionary codes (fixed effects and clusters read them).
  const side = (names: readonly string[], index: (unit: number) => number): Column => {
    const codes = new Int32Array(layout.rows);
    for (let r = 0; r < layout.rows; r++) codes[r] = index(Math.floor(r / T));
    const values = Array.from(codes, (c) => names[c]);
    return new Set(names).size === names.length ? { type: 'text', values, dictionary: { codes, levels: names } } : { type: 'text', values };
  };
  if (layout.kind === 'dyadic') {
    columns.set('i', side(layout.units, (u) => layout.pairI[u]));
    columns.set('j', side(layout.partners, (u) => layout.pairJ[u]));
  } else {
    columns.set('i', side(layout.units, (u) => u));
  }
  if (yearly) {
    const values = new Float64Array(layout.rows);
    for (let r = 0; r < layout.rows; r++) values[r] = layout.periods[r % T].from;
    columns.set('t', { type: 'number', values });
  } else {
    const values: (string | null)[] = new Array(layout.rows);
    for (let r = 0; r < layout.rows; r++) values[r] = layout.periods[r % T].label;
    columns.set('t', { type: 'text', values });
  }
  return columns;
}

/**
 * Attribute tables by their `key` (and `time`): in a dyadic panel every column once per side (`gdp_i`,
 * `gdp_j`). The key is matched to the region codes, or — when the regions' own dataset has a column of the
 * key's name (regions within countries) — to that column's value for the region.
 */
async function joinAttributes(ctx: RunContext, decl: Decl, layout: PanelLayout, columns: Map<string, Column>, notes: string[]): Promise<void> {
  const T = layout.periods.length;
  for (const expr of ctx.model.option(decl, 'attributes')?.values ?? []) {
    const symbol = ctx.symbol(expr, 'an attribute dataset or node measures');
    ctx.checkpoint();
    if (symbol.kind === 'measures') {
      await joinNodeMeasures(ctx, symbol, expr.span, layout, columns, notes);
      continue;
    }
    const dataset = await loadDataset(ctx, symbol);
    const key = dataset.role('key');
    if (!key) throw new SpecError(`${symbol.name} needs a \`key\` column to be joined to the panel's regions.`, expr.span);
    const time = dataset.role('time');
    const attributes = await datasetTable(ctx, symbol);
    const keys = attributes.columns.get(key)!;
    const times = time ? attributes.columns.get(time)! : undefined;
    const rowOf = new Map<string, number>();
    for (let k = 0; k < attributes.rows; k++) {
      const id = `${textAt(keys, k)}${times ? `\u0000${textAt(times, k)}` : ''}`;
      if (rowOf.has(id)) throw new SpecError(`${symbol.name} has more than one row for ${key} = ${textAt(keys, k)}${times ? ` and ${time} = ${textAt(times, k)}` : ''}.`, expr.span);
      rowOf.set(id, k);
    }
    const keyOf = await regionKeys(ctx, layout, key);
    for (const side of sidesOf(layout)) {
      ctx.checkpoint();
      const matched = new Int32Array(layout.rows).fill(-1);
      const unmatched = new Set<string>();
      for (let r = 0; r < layout.rows; r++) {
        const region = side.regions[side.unit(Math.floor(r / T))];
        const k = keyOf(region);
        const id = `${k}${times ? `\u0000${layout.periods[r % T].from}` : ''}`;
        const row = k === undefined ? undefined : rowOf.get(id);
        if (row === undefined) unmatched.add(region);
        else matched[r] = row;
      }
      if (unmatched.size) notes.push(`${unmatched.size} ${unitsNoun(ctx, layout.level, unmatched.size)}${side.suffix ? ` on side ${side.suffix.slice(1)}` : ''} without ${times ? 'every period in' : 'a row in'} ${symbol.name} (their attributes are missing): ${[...unmatched].slice(0, 8).join(', ')}${unmatched.size > 8 ? ', …' : ''}.`);
      for (const [name, column] of attributes.columns) {
        ctx.checkpoint();
        if (name === time) continue;
        // The key is a code, never a quantity: it joins as text whatever its type.
        const values = columnAt(column, matched);
        columns.set(name + side.suffix, name === key ? { type: 'text', values: Array.from(matched, (_, r) => textAt(values, r)) } : values);
      }
    }
    if (times && layout.periods.some((p) => p.from !== p.to)) notes.push(`${symbol.name} is joined at each window's first year.`);
  }
}

/** The sides attributes are joined to: `_i` and `_j` of a dyadic panel's pairs, a node panel's units unsuffixed. */
function sidesOf(layout: PanelLayout): { suffix: string; regions: string[]; unit: (pair: number) => number }[] {
  return layout.kind === 'dyadic'
    ? [{ suffix: '_i', regions: layout.units, unit: (u) => layout.pairI[u] }, { suffix: '_j', regions: layout.partners, unit: (u) => layout.pairJ[u] }]
    : [{ suffix: '', regions: layout.units, unit: (u) => u }];
}

/**
 * `attributes: geo`: the indicators of node measures (`kci`, `degree`) by region and period, matched on the
 * period's label as a node panel's `geo.kci` is — in a dyadic panel once per side (`kci_i`, `kci_j`); a region
 * or period the measures lack is missing.
 */
async function joinNodeMeasures(ctx: RunContext, symbol: Symbol, at: Span, layout: PanelLayout, columns: Map<string, Column>, notes: string[]): Promise<void> {
  const nodes = (await ctx.resultOf(symbol)).tables?.nodes;
  if (!nodes) throw new SpecError(`${symbol.name} has no node table to join: attributes are datasets or node measures (\`nodes(…)\`, \`region_technology(…)\`).`, at);
  const [w, r] = [nodes.columns.indexOf('window'), nodes.columns.indexOf('region')];
  const rowOf = new Map(nodes.rows.map((row, k) => [`${row[r]}\u0000${row[w]}`, k]));
  const T = layout.periods.length;
  for (const side of sidesOf(layout)) {
    ctx.checkpoint();
    const matched = Int32Array.from({ length: layout.rows }, (_, row) => rowOf.get(`${side.regions[side.unit(Math.floor(row / T))]}\u0000${layout.periods[row % T].label}`) ?? -1);
    const missing = matched.filter((k) => k < 0).length;
    if (missing) notes.push(`${missing} of ${layout.rows} rows${side.suffix ? ` on side ${side.suffix.slice(1)}` : ''} have no region and period of ${symbol.name} (its indicators are missing there).`);
    nodes.columns.forEach((name, c) => {
      if (c === w || c === r) return;
      const values = Float64Array.from(matched, (k) => (k >= 0 && typeof nodes.rows[k][c] === 'number' ? (nodes.rows[k][c] as number) : NaN));
      columns.set(name + side.suffix, { type: 'number', values });
    });
  }
}

/**
 * Unit → attribute key: the unit's most frequent value of the key column in its dataset (ties: the first in
 * order) — a firm's city, for a city–year table joined to a panel of applicants — or the unit itself.
 */
async function regionKeys(ctx: RunContext, layout: PanelLayout, key: string): Promise<(region: string) => string | undefined> {
  const level = layout.level;
  const info = level && ctx.model.table(level.dataset);
  if (!level || level.column === key || info?.status !== 'ok' || !info.columns.includes(key)) return (region) => region;
  const dataset = await loadDataset(ctx, level.dataset);
  const map = await modalValues(ctx, dataset.table, level.column, key);
  return (region) => map.get(region);
}

export type { PanelLayout };

/** A panel's result: its size and a summary of every variable (the rows themselves stay in the run). */
export function panelResult({ table, notes }: Panel, ctx: RunContext): Computed {
  const defined = (v: number) => (Number.isNaN(v) ? null : v);
  const rows: Cell[][] = [...table.columns].map(([name, column]) => {
    ctx.checkpoint();
    if (column.type === 'text') {
      const present = column.values.filter((v) => v !== null);
      return [name, 'text', present.length, table.rows - present.length, new Set(present).size, null, null, null, null];
    }
    const [d] = describeColumns([{ name, values: column.values }]);
    const distinct = new Set(column.values.filter((v) => !Number.isNaN(v))).size;
    return [name, 'number', d.n, d.missing, distinct, defined(d.mean), defined(d.sd), defined(d.min), defined(d.max)];
  });
  return { tables: { variables: { columns: ['variable', 'type', 'n', 'missing', 'distinct', 'mean', 'sd', 'min', 'max'], rows } }, notes };
}
