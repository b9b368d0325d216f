// `table` declarations: the listed models side by side (esttab / etable conventions), with the rows the
// `stats:` option asks for and the coefficients `keep:` names. A split-sample model gives one column per
// group. Numbers stay unformatted; panels and exports format them.
import { regressionTableFromModels, type TableModel } from '../../engine/exports/regressionTable.js';
import type { Symbol } from '../../language/semantic/model.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import { engineExpr } from '../expressions.js';
import { label } from '../../engine/models/formula/index.js';
import type { RegressionTable, Table } from '../../results/format.js';
import type { Outcome } from '../values.js';
import { specLabels } from '../labels.js';
import { fitModel } from './estimators.js';
import { modelData } from './modelData.js';
import { modelSpec } from './modelSpecs.js';
import type { Expr } from '../../language/syntax/ast.js';
import type { ModelResult } from '../../results/modelResult.js';

export async function runRegressionTable(ctx: RunContext, symbol: Symbol): Promise<Outcome> {
  const { decl } = symbol;
  const models: TableModel[] = [];
  const notes: string[] = [];
  const stackSe = ctx.model.option(decl, 'stack_se')?.values ?? [];
  if (stackSe.length > 2) throw new SpecError('At most two further standard errors fit under a coefficient: in [brackets] and {braces}.', stackSe[2].span);
  for (const expr of decl.values) {
    const model = ctx.symbol(expr, 'a model');
    if (model.kind !== 'model') throw new SpecError(`${model.name} is a ${model.kind}; a table lists models.`, expr.span);
    const outcome = await ctx.resultOf(model);
    const title = ctx.model.option(model.decl, 'title')?.values[0];
    const name = title?.type === 'string' ? title.value : model.name;
    if (outcome.groups && stackSe.length) throw new SpecError(`\`stack_se\` re-estimates each column's model; ${model.name} is split by group: list its groups as models of their own.`, expr.span);
    if (outcome.groups) for (const g of outcome.groups) models.push({ name: model.name, title: `${name}: ${g.group}`, result: g.model });
    else if (outcome.model?.coefficients.length) models.push({ name: model.name, title: name, result: outcome.model, ...(stackSe.length ? { stacked: await restimated(ctx, model, stackSe) } : {}) });
    else throw new SpecError(`${model.name} has no coefficients to tabulate.`, expr.span);
  }
  const stars = (ctx.model.option(decl, 'stars')?.values ?? []).flatMap((v) => (v.type === 'number' ? [v.value] : []));
  const stats = ctx.words(decl, 'stats');
  const full = regressionTableFromModels(models, {
    title: ctx.word(decl, 'title', '') || undefined,
    paren: ctx.word(decl, 'paren', 'se') === 't' ? 't' : 'se',
    stars: stars.length ? [...stars].sort((a, b) => b - a) : undefined,
    digits: ctx.number(decl, 'digits', 3),
    requestedRows: stats.length > 0,
    labels: specLabels(ctx.model),
    notes: ctx.model.option(decl, 'notes')?.values.flatMap((v) => (v.type === 'string' ? [v.value] : [])),
    stackedSe: stackSe.map((v) => (v.type === 'ident' ? v.name : '')),
  });
  const regression = selectRows(full, stats, (ctx.model.option(decl, 'keep')?.values ?? []).map((e) => label(engineExpr(e))), notes);
  return { regression, tables: { table: flatTable(regression) }, notes };
}

/**
 * The model re-estimated under each `stack_se:` word as its `vcov` (fixest's models only: their `vcov` words);
 * an error names the table's value.
 */
async function restimated(ctx: RunContext, model: Symbol, words: Expr[]): Promise<ModelResult[]> {
  const spec = modelSpec(ctx, model);
  const { table } = await modelData(ctx, spec);
  return words.map((word) => {
    if (word.type !== 'ident') throw new SpecError('Expected a `vcov` word: `hc1`, `iid`, `cluster` or `twoway`.', word.span);
    if (spec.estimator !== 'ols' && spec.estimator !== 'poisson') throw new SpecError(`\`stack_se\` re-estimates \`ols\` and \`poisson\` models with another \`vcov\`; ${model.name} is ${spec.estimator}.`, word.span);
    if ((word.name === 'cluster' || word.name === 'twoway') && !spec.option('cluster')) throw new SpecError(`${model.name} has no \`cluster:\` to cluster its standard errors by.`, word.span);
    ctx.checkpoint();
    return fitModel({ ...spec, option: (name) => (name === 'vcov' ? [word] : spec.option(name)) }, table, ctx.checkpoint);
  });
}

/** Stat rows in the order `stats:` lists them (`fe` → every FE row, `clusters` → cluster counts); the SE type row
 * always, where `se` or `clusters` stands, else last, so that columns with different SEs say so. */
function selectRows(table: RegressionTable, stats: string[], keep: string[], notes: string[]): RegressionTable {
  const coefficients = keep.length ? table.coefficients.filter((c) => keep.includes(c.term)) : table.coefficients;
  for (const k of keep) if (!table.coefficients.some((c) => c.term === k)) notes.push(`\`keep: ${k}\` matches no coefficient.`);
  if (!stats.length) return { ...table, coefficients };
  const matches = (stat: string, key: string) =>
    stat === 'fe' ? key.startsWith('fe:') : stat === 'clusters' ? key === 'vcov' || key.startsWith('vcov:') || key.startsWith('clusters:') : stat === 'se' ? key === 'vcov' || key.startsWith('vcov:') : key === stat || key === `test:${stat}`;
  const listed = stats.includes('se') || stats.includes('clusters') ? stats : [...stats, 'se'];
  const rows = [...new Set(listed.flatMap((stat) => table.stats.filter((row) => matches(stat, row.key))))];
  for (const stat of stats) if (!table.stats.some((row) => matches(stat, row.key))) notes.push(`No model in this table reports \`${stat}\`.`);
  return { ...table, coefficients, stats: rows };
}

/** The table as one rectangle for CSV: estimate and parenthesised row (and one per `stack_se:`) per coefficient, then the stats. */
function flatTable(t: RegressionTable): Table {
  const rows: Table['rows'] = [];
  for (const c of t.coefficients) {
    rows.push([c.label ?? c.term, ...c.cells.map((cell) => cell?.estimate ?? null)]);
    rows.push([`(${t.paren})`, ...c.cells.map((cell) => (cell ? (t.paren === 'se' ? cell.se : cell.stat) : null))]);
    (t.stackedSe ?? []).forEach((word, k) => rows.push([`(${t.paren}, ${word})`, ...c.cells.map((cell) => {
      const v = cell?.stacked?.[k];
      return v ? (t.paren === 'se' ? v.se : v.stat) : null;
    })]));
  }
  for (const s of t.stats) rows.push([s.label, ...s.cells]);
  return { columns: ['', ...t.models.map((m) => m.title)], rows };
}
