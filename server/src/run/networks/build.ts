// How networks are built: the holder table (patent, order, region, year, holder id, share) is assembled once per network
// from the declared roles, joins, lookups and filters; DuckDB then builds every window's ties at once.
import type { Call, Decl, Expr, Span } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import { PATENT_NETWORKS } from '../../language/schema/declarations.js';
import { isRegionPair } from '../../language/semantic/regionPair.js';
import { collaborationNetworks, pairNetworks, type CollaborationOptions, type RegionSets } from '../../engine/networks/collaboration.js';
import { tiePatents, type TiePatents } from '../../engine/networks/tiePatents.js';
import { overlapNetworks, type OverlapWeight } from '../../engine/networks/overlap.js';
import type { Network } from '../../engine/networks/network.js';
import { ALL_YEARS, type Window } from '../../engine/windows/windows.js';
import type { RunContext } from '../context.js';
import { loadDataset, lookupRelation, rowConditionSql, type LoadedDataset } from '../data/datasets.js';
import { DataError, SpecError } from '../errors.js';
import { regionSet } from '../data/regionSets.js';
import { edgeRows } from './edgeList.js';
import { fileEdgeRows } from './fileNetwork.js';
import { lookupSql, quoteIdent } from '../sql.js';
import type { YearRange } from '../values.js';
import { yearRange } from './emptyWindows.js';
import { article } from '../../util/text.js';

/** The network over one window given by a `window:` option: a declared window is reused, any other built. */
export async function networkInWindow(ctx: RunContext, symbol: Symbol, window: Window): Promise<{ network: Network; notes: string[]; years?: YearRange }> {
  const run = await ctx.valueOf('network', symbol);
  const i = run.windows.findIndex((w) => w.from === window.from && w.to === window.to);
  if (i >= 0) return { network: run.networks[i], notes: [], years: run.years };
  const built = await buildNetworks(ctx, symbol, [window]);
  return { network: built.networks[0], notes: built.notes, years: built.years };
}

/** Why `counting: share` or `patents_share` cannot count a dataset's rows. */
export function noShare(dataset: string): string {
  return `Counting by shares needs the rows' shares: ${dataset} declares no \`share\` column (e.g. \`share: reg_share\`).`;
}

/**
 * The network's holder table, for counts beside the ties; `use` says what needs it and where, for the error a
 * network not built from patents gets.
 */
export async function networkHolders(ctx: RunContext, symbol: Symbol, use: { what: string; span: Span }): Promise<HolderTable> {
  if (!fromPatents(ctx, symbol.decl)) throw new SpecError(`${use.what} counts patents, but ${symbol.name} is ${notFromPatents(ctx, symbol.decl)}: it has no patents to count.`, use.span);
  return holderTable(ctx, symbol.decl);
}

/** Whether a network is built from patent tables (an edge list or a network file is not). */
export function fromPatents(ctx: RunContext, decl: Decl): boolean {
  return PATENT_NETWORKS.includes(ctx.model.source(decl)?.spec.name ?? '');
}

function notFromPatents(ctx: RunContext, decl: Decl): string {
  return ctx.model.source(decl)?.spec.name === 'file' ? 'read from a network file' : 'read from an edge list';
}

/** Every window's network; `years`, the data's year range, only when a window is empty (for its note). */
export async function buildNetworks(ctx: RunContext, symbol: Symbol, windows: Window[]): Promise<{ directed: boolean; networks: Network[]; notes: string[]; years?: YearRange }> {
  const { decl } = symbol;
  const source = ctx.model.source(decl);
  if (!source) throw new SpecError('A network is built by `coapplication(…)`, `coinvention(…)`, `cocitation(…)`, `edges(…)` or `file(…)`.', decl.values[0]?.span ?? symbol.nameSpan);
  const needYears = (what: string) => {
    if (windows[0] === ALL_YEARS) return;
    throw new SpecError(`Windows need years: ${what}.`, ctx.model.option(decl, 'windows')?.values[0]?.span ?? decl.values[0]?.span ?? symbol.nameSpan);
  };
  const between = await regionSets(ctx, decl, 'between');
  const touching = await touchingSet(ctx, decl);
  const notes = touching ? [touching.note] : [];
  let built: { directed: boolean; networks: Network[] };
  /** A relation with a `region` column: the regions `nodes: all` keeps. */
  let regions: string;
  /** The relation whose `year` column the windows cut, when it has one. */
  let dated: string | undefined;
  const fromFile = source.spec.name === 'file';
  if (source.spec.name === 'edges' || fromFile) {
    const edges = fromFile ? await fileEdgeRows(ctx, decl, source.call) : await edgeRows(ctx, decl, source.call);
    const input = source.call.args[0]?.value;
    if (!edges.hasYear) needYears(input?.type === 'string' ? `${input.value} carries no time (of the network files only a dynamic GEXF does)` : `${input?.type === 'ident' ? input.name : 'the edge list'} has no \`year\` column`);
    notes.unshift(...edges.notes);
    built = { directed: edges.directed, networks: await pairNetworks(ctx.db, edges.table, 'w', windows, { directed: edges.directed, between, touching: touching?.table, keepIntra: keepsIntra(ctx, decl) }) };
    regions = edges.nodes;
    if (edges.hasYear) dated = edges.table;
  } else {
    const holders = await holderTable(ctx, decl);
    if (!holders.hasYear) needYears(`${holders.dataset.name} has no \`year\` column and joins no patents dataset with one`);
    notes.unshift(...holders.notes);
    if (holders.hasYear) dated = holders.table;
    regions = await excludeJoint(ctx, decl, holders.table);
    built = source.spec.name === 'cocitation'
      ? { directed: false, networks: await cocitationNetworks(ctx, decl, source.call, holders, regions, windows, between, touching?.table) }
      : await collaborations(ctx, decl, holders, regions, windows, between, touching?.table);
  }
  // A network file's nodes are its actors, isolates included, as UCINET and Gephi read the file.
  if (ctx.word(decl, 'nodes', fromFile ? 'all' : 'active') === 'all') {
    const count = await keepEveryRegion(ctx, built.networks, regions, between);
    notes.push(fromFile
      ? `Nodes: all ${count} nodes of the file, isolates included (\`nodes: all\`, the default for a network file, as UCINET keeps every actor).`
      : `Nodes: all ${count} regions of the network's data in every window, isolates included (\`nodes: all\`, as UCINET keeps every actor of a matrix).`);
  }
  const years = dated && built.networks.some((n) => !n.nodes.length) ? await yearRange(ctx, dated) : undefined;
  return { ...built, notes, ...(years ? { years } : {}) };
}

function keepsIntra(ctx: RunContext, decl: Decl): boolean {
  return ctx.word(decl, 'intra', 'separate') === 'separate';
}

async function cocitationNetworks(ctx: RunContext, decl: Decl, call: Call, holders: HolderTable, rows: string, windows: Window[], between: RegionSets | undefined, touching: string | undefined): Promise<Network[]> {
  const citations = await loadDataset(ctx, ctx.symbol(call.args[1]?.value, 'the citation dataset'));
  const citing = requireRole(citations, 'citing', call.args[1]!.value!.span);
  const cited = requireRole(citations, 'cited', call.args[1]!.value!.span);
  // The citing patent meets the holders' ids, kept as text in the holder table: as integers when both files
  // have integer ids (an integer's text is unique to it, so the matches are the same; joining tens of millions
  // of citations on text was a third of the step). The cited is only matched with itself and keeps its type.
  const dataset = await loadDataset(ctx, holders.dataset);
  const [holderIds, citingIds] = await columnTypes(ctx, [dataset.table, dataset.role('patent') ?? dataset.role('id')!], [citations.table, citing]);
  const key = BIGINT_KEYS.test(holderIds) && BIGINT_KEYS.test(citingIds) ? 'BIGINT' : 'VARCHAR';
  const relation = `(SELECT CAST(${quoteIdent(citing)} AS ${key}) AS citing, ${quoteIdent(cited)} AS cited FROM ${citations.table})`;
  const holderRows = key === 'VARCHAR' ? rows : `(SELECT CAST(patent AS BIGINT) AS patent, region, year FROM ${rows})`;
  const weight = ctx.word(decl, 'weight', 'count') as OverlapWeight;
  return overlapNetworks(ctx.db, holderRows, relation, windows, { weight, between, touching, checkpoint: ctx.checkpoint });
}

async function collaborations(ctx: RunContext, decl: Decl, holders: HolderTable, rows: string, windows: Window[], between: RegionSets | undefined, touching: string | undefined): Promise<{ directed: boolean; networks: Network[] }> {
  const options = collaborationOptions(ctx, decl, holders, between, touching);
  return { directed: options.ties === 'first_led', networks: await collaborationNetworks(ctx.db, rows, windows, options) };
}

function collaborationOptions(ctx: RunContext, decl: Decl, holders: HolderTable, between: RegionSets | undefined, touching: string | undefined): CollaborationOptions {
  const ties = ctx.word(decl, 'ties', 'all_pairs') as 'all_pairs' | 'first_led';
  if (ties === 'first_led' && !holders.hasOrder) {
    throw new SpecError(`\`first_led\` needs the applicants' order: declare an \`order\` column on ${holders.dataset.name}.`, ctx.model.option(decl, 'ties')!.values[0].span);
  }
  return { ties, count: ctx.word(decl, 'count', 'per_pair') as 'per_pair' | 'per_patent', keepIntra: keepsIntra(ctx, decl), between, touching };
}

/** How many patents a tie lists in the results (its count says how many made it): bounds results.json. */
export const TIE_PATENTS_LISTED = 100;

/**
 * The patents behind each tie of every window, for a co-application or co-invention network (undefined for
 * the others: an edge list or network file has no patents, a co-citation tie is made by cited patents).
 */
export async function networkTiePatents(ctx: RunContext, symbol: Symbol, windows: Window[]): Promise<TiePatents[][] | undefined> {
  const { decl } = symbol;
  if (!COLLABORATIONS.includes(ctx.model.source(decl)?.spec.name ?? '')) return undefined;
  const holders = await holderTable(ctx, decl);
  const options = collaborationOptions(ctx, decl, holders, await regionSets(ctx, decl, 'between'), (await touchingSet(ctx, decl))?.table);
  return tiePatents(ctx.db, await excludeJoint(ctx, decl, holders.table), windows, options, TIE_PATENTS_LISTED);
}

const COLLABORATIONS = ['coapplication', 'coinvention'];

/**
 * `nodes: all`: every region of `regions` — the network's holder rows or edge list (all years, after its filters
 * and `map`; with `between`, those of its two sets) — is a node of every window, isolates included, as UCINET keeps every actor of
 * a matrix. Returns how many there are.
 */
async function keepEveryRegion(ctx: RunContext, networks: Network[], regions: string, between: RegionSets | undefined): Promise<number> {
  const inSets = between ? ` AND (region IN (SELECT region FROM ${between.left}) OR region IN (SELECT region FROM ${between.right}))` : '';
  const result = await ctx.db.runAndReadAll(`SELECT DISTINCT CAST(region AS VARCHAR) FROM ${regions} WHERE region IS NOT NULL${inSets}`);
  // Sorted as the windows' own node lists are (JavaScript's order, not the database's collation).
  const every = result.getRows().map((r) => String(r[0])).sort();
  for (const network of networks) network.nodes = [...every];
  return every.length;
}

export interface HolderTable { table: string; dataset: Symbol; level: string; hasOrder: boolean; hasYear: boolean; hasHolder: boolean; hasShare: boolean; notes: string[] }

const HOLDER_ROLES = ['applicant', 'inventor'];

/**
 * One row per holder: patent, ord, region (at the network's level, mapped by its lookup — or the holder's id
 * when the level is the `applicant` or `inventor` column), year (NULL if none) and holder (the `applicant` or
 * `inventor` id, NULL if the dataset has none); `where` keeps only the holders meeting a further condition (a
 * panel's `count(…, where: …)`).
 */
export function holderTable(ctx: RunContext, decl: Decl, where?: Expr): Promise<HolderTable> {
  if (!fromPatents(ctx, decl)) throw new SpecError(`${decl.name?.name ?? 'This network'} is ${notFromPatents(ctx, decl)}, not built from patents: it has no applicants or inventors to count.`, decl.values[0]?.span ?? decl.span);
  const dataset = ctx.symbol(ctx.model.source(decl)?.call.args[0]?.value, 'the applicant or inventor dataset');
  return holdersAt(ctx, dataset, ctx.word(decl, 'level', ''), decl, where);
}

/**
 * The holder table of a dataset at a region level (its first `region` column when `level` is empty); a
 * network passes itself for its `where:` filter and `map:` lookup, a count its own `where:`.
 */
export function holdersAt(ctx: RunContext, datasetSymbol: Symbol, level: string, network?: Decl, where?: Expr): Promise<HolderTable> {
  // Keyed by what shapes the table (the network's `where:` and `map:` as written, and the count's condition),
  // so that networks over the same holders share one table rather than each hold a copy of millions of rows.
  const written = (e: Expr | undefined) => (e ? ctx.analysis.text.slice(e.span.start, e.span.end) : '');
  const shape = [network && ctx.model.option(network, 'where')?.values[0], network && ctx.model.option(network, 'map')?.values[0], where].map(written);
  return ctx.once(`holders:${datasetSymbol.name}:${level}:${JSON.stringify(shape)}`, async () => {
    const dataset = await loadDataset(ctx, datasetSymbol);
    const notes: string[] = [];
    const name = datasetSymbol.name;
    const span = network?.values[0]?.span ?? datasetSymbol.nameSpan;
    const patent = dataset.role('patent') ?? dataset.role('id');
    if (!patent) throw new SpecError(`${name} needs a \`patent\` column (the patent each row belongs to).`, span);
    const regionColumn = level || dataset.roles('region')[0];
    if (!regionColumn) throw new SpecError(`${name} declares no \`region\` column to place its rows in regions.`, span);
    if (level && !ownColumn(ctx, dataset, level)) {
      throw new SpecError(`${name} has no column \`${level}\` to make nodes of: its regions are ${dataset.roles('region').join(', ') || 'undeclared'}.`, span);
    }
    const order = dataset.role('order');
    const holder = HOLDER_ROLES.map((r) => dataset.role(r)).find((c) => c !== undefined);
    const share = dataset.role('share');
    const region = `CAST(a.${quoteIdent(regionColumn)} AS VARCHAR)`;
    // A condition's column the holders lack is their patents' (the semantic model's condition scope).
    const patentColumns: string[] = [];
    const column = (c: string) => {
      if (ownColumn(ctx, dataset, c)) return `a.${quoteIdent(c)}`;
      patentColumns.push(c);
      return `p.${quoteIdent(c)}`;
    };
    const conditions = [network && ctx.model.option(network, 'where')?.values[0], where].filter((c) => c !== undefined);
    let filter = '';
    for (const c of conditions) filter += ` AND ${await rowConditionSql(ctx, c, { column, patent: `a.${quoteIdent(patent)}` })}`;
    const { yearSql, join } = await patentsJoin(ctx, dataset, span, patentColumns);
    const table = ctx.tempName(`${name}_${regionColumn}_holders`);
    await ctx.db.run(`CREATE TEMP TABLE ${table} AS
      SELECT CAST(a.${quoteIdent(patent)} AS VARCHAR) AS patent, ${order ? `CAST(a.${quoteIdent(order)} AS BIGINT)` : '1'} AS ord,
             ${region} AS region, ${yearSql} AS year, ${holder ? `CAST(a.${quoteIdent(holder)} AS VARCHAR)` : 'NULL'} AS holder,
             ${share ? `CAST(a.${quoteIdent(share)} AS DOUBLE)` : 'NULL'} AS share
      FROM ${dataset.table} a ${join} WHERE ${region} IS NOT NULL AND trim(${region}) <> ''${filter}`);
    const missing = Number((await ctx.db.runAndReadAll(`SELECT count(*) FROM ${dataset.table} a WHERE a.${quoteIdent(regionColumn)} IS NULL OR trim(CAST(a.${quoteIdent(regionColumn)} AS VARCHAR)) = ''`)).getRows()[0][0]);
    if (missing) notes.push(`${missing} row${missing === 1 ? '' : 's'} of ${name} without ${article(regionColumn)} ${regionColumn} left out.`);
    if (network) await mapRegions(ctx, network, table, notes);
    return { table, dataset: datasetSymbol, level: regionColumn, hasOrder: order !== undefined, hasYear: yearSql !== 'NULL', hasHolder: holder !== undefined, hasShare: share !== undefined, notes };
  });
}

/**
 * Where a holder's year comes from: its own `year` column, or the patents dataset it joins, which is joined
 * (as `p`) also when the network's `where:` names columns of it.
 */
async function patentsJoin(ctx: RunContext, dataset: LoadedDataset, span: { start: number; end: number }, patentColumns: string[]): Promise<{ yearSql: string; join: string }> {
  const own = dataset.role('year');
  const ownYear = own ? `CAST(a.${quoteIdent(own)} AS INTEGER)` : undefined;
  if (ownYear && !patentColumns.length) return { yearSql: ownYear, join: '' };
  const patentsSymbol = ctx.model.joinedPatents(dataset.symbol);
  if (!patentsSymbol) {
    if (patentColumns.length) throw new SpecError(`${dataset.symbol.name} has no column ${patentColumns.join(', ')} and joins no patents dataset that could have it.`, span);
    return { yearSql: 'NULL', join: '' };
  }
  const patents = await loadDataset(ctx, patentsSymbol);
  const id = patents.role('id');
  const year = patents.role('year');
  const patent = dataset.role('patent') ?? dataset.role('id');
  const joinsExpr = ctx.model.option(dataset.symbol.decl, 'joins')?.values[0];
  if (!id || (!ownYear && !year)) throw new SpecError(`${patentsSymbol.name} must declare ${ownYear ? 'an `id` column' : '`id` and `year` columns'} to be joined to ${dataset.symbol.name}.`, joinsExpr?.span ?? span);
  // A patents file may have a row per class of a patent (REGPAT's EPO_IPC): for its year, one row per patent.
  const rows = patentColumns.length ? patents.table : `(SELECT DISTINCT ${quoteIdent(id)}, ${quoteIdent(year!)} FROM ${patents.table})`;
  const [p, a] = [`p.${quoteIdent(id)}`, `a.${quoteIdent(patent!)}`];
  const sameKeys = await sameKeyType(ctx, [patents.table, id], [dataset.table, patent!]);
  return {
    yearSql: ownYear ?? `CAST(p.${quoteIdent(year!)} AS INTEGER)`,
    join: `JOIN ${rows} p ON ${sameKeys ? `${p} = ${a}` : `CAST(${p} AS VARCHAR) = CAST(${a} AS VARCHAR)`}`,
  };
}

/**
 * Whether two id columns have the same integer or text type, so that they are matched as they are: the same
 * matches as their text (an integer's text is unique to it), without the cast of millions of rows to text and
 * a join on it, where most of building the holder table went.
 */
async function sameKeyType(ctx: RunContext, ...columns: Array<[table: string, column: string]>): Promise<boolean> {
  const types = await columnTypes(ctx, ...columns);
  return types[0] === types[1] && /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|VARCHAR)$/.test(types[0]);
}

/** Integer types whose every value a BIGINT holds. */
const BIGINT_KEYS = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER)$/;

/** The DuckDB type of each column ('' for an empty table). */
async function columnTypes(ctx: RunContext, ...columns: Array<[table: string, column: string]>): Promise<string[]> {
  const types: string[] = [];
  for (const [table, column] of columns) types.push(String((await ctx.db.runAndReadAll(`SELECT typeof(${quoteIdent(column)}) FROM ${table} LIMIT 1`)).getRows()[0]?.[0] ?? ''));
  return types;
}

/** Whether a column is the holder dataset's own (a column of its file or a derived one). */
export function ownColumn(ctx: RunContext, dataset: LoadedDataset, column: string): boolean {
  return ctx.model.scopeOf(dataset.symbol)?.names.has(column) ?? false;
}

/** Applies the network's `map:` lookup to the region codes, as its `unmatched` option says. */
async function mapRegions(ctx: RunContext, decl: Decl, table: string, notes: string[]): Promise<void> {
  const mapExpr = ctx.model.option(decl, 'map')?.values[0];
  if (!mapExpr) return;
  const symbol = ctx.symbol(mapExpr, 'a lookup');
  const lookup = await loadDataset(ctx, symbol);
  const unmatched = ctx.word(symbol.decl, 'unmatched', 'error');
  await ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT h.*, CAST(${lookupSql(await lookupRelation(ctx, symbol), 'h.region')} AS VARCHAR) AS mapped FROM ${table} h`);
  const missing = (await ctx.db.runAndReadAll(`SELECT region, count(*) AS n FROM ${table} WHERE mapped IS NULL GROUP BY region ORDER BY n DESC, region`)).getRows();
  if (missing.length) {
    const list = missing.slice(0, 10).map(([r, n]) => `${r} (${n})`).join(', ');
    const total = missing.reduce((s, [, n]) => s + Number(n), 0);
    const what = `${missing.length} region code${missing.length === 1 ? '' : 's'} (${total} rows) not in ${lookup.symbol.name}: ${list}${missing.length > 10 ? ', …' : ''}`;
    if (unmatched === 'error') throw new DataError(`${what}. Add them to the lookup, or set \`unmatched: drop\` or \`keep\`.`, lookup.file, undefined, lookup.role('key'));
    notes.push(`${what} — ${unmatched === 'drop' ? 'dropped' : 'kept as they are'}.`);
  }
  const region = unmatched === 'keep' ? 'coalesce(mapped, region)' : 'mapped';
  await ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT patent, ord, ${region} AS region, year, holder, share FROM ${table}${unmatched === 'keep' ? '' : ' WHERE mapped IS NOT NULL'}`);
}

async function regionSets(ctx: RunContext, decl: Decl, option: string): Promise<RegionSets | undefined> {
  const value = ctx.model.option(decl, option)?.values[0];
  if (!value) return undefined;
  if (!isRegionPair(value)) throw new SpecError('Expected two region sets, e.g. `china × foreign` (or `china * foreign`).', value.span);
  return {
    left: await regionSet(ctx, ctx.symbol(value.left, 'a regions set')),
    right: await regionSet(ctx, ctx.symbol(value.right, 'a regions set')),
  };
}

/** `touching: s`: the set's table, and a note of how many regions the kept ties touch. */
async function touchingSet(ctx: RunContext, decl: Decl): Promise<{ table: string; note: string } | undefined> {
  const value = ctx.model.option(decl, 'touching')?.values[0];
  if (!value) return undefined;
  const symbol = ctx.symbol(value, 'a regions set');
  const table = await regionSet(ctx, symbol);
  const n = Number((await ctx.db.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0][0]);
  return { table, note: `Only ties touching ${symbol.name} (${n} region${n === 1 ? '' : 's'}${n ? '' : ': no tie is kept'}).` };
}

/** `exclude: joint(a, b)` leaves out patents with holders in both sets (seed 000's non-joint knowledge bases). */
async function excludeJoint(ctx: RunContext, decl: Decl, table: string): Promise<string> {
  const value = ctx.model.option(decl, 'exclude')?.values[0];
  if (!value) return table;
  if (value.type !== 'call' || value.args.length !== 2) throw new SpecError('Expected `joint(set1, set2)`.', value.span);
  const left = await regionSet(ctx, ctx.symbol(value.args[0].value, 'a regions set'));
  const right = await regionSet(ctx, ctx.symbol(value.args[1].value, 'a regions set'));
  return `(SELECT * FROM ${table} WHERE patent NOT IN (
    SELECT patent FROM ${table} GROUP BY patent
    HAVING bool_or(region IN (SELECT region FROM ${left})) AND bool_or(region IN (SELECT region FROM ${right}))))`;
}

function requireRole(dataset: LoadedDataset, role: string, span: { start: number; end: number }): string {
  const column = dataset.role(role);
  if (!column) throw new SpecError(`${dataset.symbol.name} must declare a \`${role}\` column.`, span);
  return column;
}
