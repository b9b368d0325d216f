// `location_quotient(patents, industry: …, region: …)`: A_i and P_i counted by DuckDB, LQ and the
// percentile threshold by the engine (METHODS A(g)), with the sensitivity scan over percentiles.
import type { Decl } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import { identifyClusters, locationQuotients, percentileScan, type RegionCounts, type TieRequirement } from '../../engine/measures/locationQuotient.js';
import type { QuantileType } from '../../engine/stats/quantile.js';
import type { RunContext } from '../context.js';
import { loadDataset, rowConditionSql } from '../data/datasets.js';
import { SpecError } from '../errors.js';
import type { Computed } from '../values.js';
import type { Cell } from '../../results/format.js';
import { quoteIdent } from '../sql.js';
import { yearRange } from '../data/windows.js';
import { shortNumber } from '../../util/text.js';

export interface Threshold { percentile: number; type: QuantileType }

/** Industry and total patent counts per region (intra/inter left at 0 for the caller to fill). */
export function regionCounts(ctx: RunContext, symbol: Symbol): Promise<RegionCounts[]> {
  return ctx.once(`lq:${symbol.name}`, async () => {
    const { decl } = symbol;
    const patents = await loadDataset(ctx, ctx.symbol(ctx.model.source(decl)?.call.args[0]?.value, 'the patents dataset'));
    const industry = ctx.model.option(decl, 'industry')?.values[0];
    if (!industry) throw new SpecError('Say which patents make the industry: `industry: is_ai` or a condition.', decl.values[0]?.span ?? symbol.nameSpan);
    const levels = patents.roles('region');
    const region = ctx.word(decl, 'region', levels[levels.length - 1] ?? '');
    if (!region) throw new SpecError(`Say which region column to count by: \`region: …\` (${patents.symbol.name} declares none).`, decl.values[0]?.span ?? symbol.nameSpan);
    // A column is a 0/1 (or boolean) flag; anything else a condition, true for the industry's patents.
    const patent = ctx.model.patentColumn(patents.symbol);
    const member = industry.type === 'ident'
      ? `TRY_CAST(${quoteIdent(industry.name)} AS DOUBLE) <> 0`
      : `coalesce(${await rowConditionSql(ctx, industry, { column: quoteIdent, patent: patent && quoteIdent(patent) })}, FALSE)`;
    const rows = (await ctx.db.runAndReadAll(`
      SELECT CAST(${quoteIdent(region)} AS VARCHAR) AS region, sum(CASE WHEN ${member} THEN 1 ELSE 0 END) AS a, count(*) AS p
      FROM ${patents.table} WHERE ${quoteIdent(region)} IS NOT NULL GROUP BY 1 ORDER BY 1`)).getRows();
    return rows.map(([r, a, p]) => ({ region: String(r), industry: Number(a), total: Number(p), intra: 0, inter: 0 }));
  });
}

export function thresholdOf(ctx: RunContext, decl: Decl): Threshold | undefined {
  const value = ctx.model.option(decl, 'threshold')?.values[0];
  if (!value) return undefined;
  if (value.type !== 'call' || value.args[0]?.value?.type !== 'number') throw new SpecError('Expected `percentile(80, type: 7)`.', value.span);
  const type = value.args.find((a) => a.name?.name === 'type')?.value;
  return { percentile: value.args[0].value.value, type: (type?.type === 'number' ? type.value : 7) as QuantileType };
}

/** The percentiles of `sensitivity: 76..84`. */
export function sensitivityOf(ctx: RunContext, decl: Decl): number[] {
  const value = ctx.model.option(decl, 'sensitivity')?.values[0];
  if (!value) return [];
  const [from, to] = yearRange(value);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export async function runLocationQuotients(ctx: RunContext, symbol: Symbol): Promise<Computed> {
  const counts = await regionCounts(ctx, symbol);
  const lq = locationQuotients(counts);
  const threshold = thresholdOf(ctx, symbol.decl);
  const notes: string[] = [];
  const potential = new Set<string>();
  if (threshold) {
    const found = identifyClusters(counts, { ...threshold, require: [] });
    found.potential.forEach((r) => potential.add(r));
    notes.push(`Potential clusters: LQ > 1 and industry patents > ${shortNumber(found.threshold)} (the ${threshold.percentile}th percentile, quantile type ${threshold.type}).`);
  }
  const rows: Cell[][] = counts.map((c) => [c.region, c.industry, c.total, lq.get(c.region) ?? null, ...(threshold ? [potential.has(c.region)] : [])]);
  const tables: Computed['tables'] = {
    quotients: { columns: ['region', 'industry_count', 'total_count', 'lq', ...(threshold ? ['potential'] : [])], rows },
  };
  const percentiles = sensitivityOf(ctx, symbol.decl);
  if (percentiles.length) tables.sensitivity = scanTable(counts, percentiles, threshold?.type ?? 7, []);
  return { tables, notes, conventions: { quantile_type: `${threshold?.type ?? 7}: R quantile type (7 = numpy = Excel PERCENTILE.INC)` } };
}

export function scanTable(counts: RegionCounts[], percentiles: number[], type: QuantileType, require: TieRequirement[]): { columns: string[]; rows: Cell[][] } {
  const scan = percentileScan(counts, percentiles, { type, require });
  return {
    columns: ['percentile', 'threshold', 'potential', 'clusters', 'members'],
    rows: scan.map((s) => [s.percentile, s.threshold, s.potential.length, s.clusters.length, s.clusters.join(' ')]),
  };
}
