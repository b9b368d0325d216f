// `figure` declarations: the table a figure draws, read from the result of the declaration it names (its
// first table, or `name.table`), cut to the columns drawn. How it is drawn is the engine's
// (engine/exports/figure.ts); a table or column missing from the actual result is a spec error here, as the
// spec cannot always tell a result's tables before a run (a model's, a block matrix's columns).
import type { Symbol } from '../../language/semantic/model.js';
import { listNames } from '../../language/checks/context.js';
import { didYouMean } from '../../util/suggest.js';
import type { Figure, Table } from '../../results/format.js';
import { wordValue, type RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import type { Outcome } from '../values.js';

export async function runFigure(ctx: RunContext, symbol: Symbol): Promise<Outcome> {
  const { decl } = symbol;
  const source = ctx.model.source(decl);
  const data = ctx.model.figureData(decl);
  const arg = source?.call.args.find((a) => !a.name)?.value;
  if (!source || !data || !arg) throw new SpecError('A figure is `line(…)`, `bars(…)` or `points(…)` of a computed declaration\'s table.', decl.values[0]?.span ?? symbol.nameSpan);
  const outcome = await ctx.resultOf(data.target);
  const names = Object.keys(outcome.tables);
  const tableName = data.name?.name ?? names[0];
  const table = tableName === undefined ? undefined : outcome.tables[tableName];
  if (!table) {
    const missing = tableName === undefined ? `\`${data.target.name}\` has no table to draw.` : `\`${data.target.name}\` has no table \`${tableName}\`.${didYouMean(tableName, names)} Its tables are ${listNames(names)}.`;
    throw new SpecError(missing, data.name?.span ?? arg.span);
  }
  const column = (option: string): string | undefined => {
    const expr = ctx.model.option(decl, option)?.values[0];
    const name = wordValue(expr);
    if (expr === undefined || name === undefined) return undefined;
    if (!table.columns.includes(name)) {
      throw new SpecError(`Column \`${name}\` is not in \`${data.target.name}.${tableName}\`.${didYouMean(name, table.columns)} Its columns are ${listNames(table.columns)}.`, expr.span);
    }
    return name;
  };
  const [x, y, color] = [column('x'), column('y'), column('color')];
  if (x === undefined || y === undefined) throw new SpecError('A figure needs `x:` and `y:` columns.', symbol.nameSpan);
  const title = ctx.word(decl, 'title', '');
  const figure: Figure = {
    mark: source.spec.name as Figure['mark'], table: `${data.target.name}.${tableName}`, x, y,
    ...(color === undefined ? {} : { color }), ...(title ? { title } : {}),
    width: ctx.number(decl, 'width', 480), height: ctx.number(decl, 'height', 300),
  };
  const drawn = [...new Set([x, y, ...(color === undefined ? [] : [color])])];
  const at = drawn.map((c) => table.columns.indexOf(c));
  const rows = table.rows.map((row) => at.map((i) => row[i]));
  const empty = rows.filter((row) => row[drawn.indexOf(y)] === null).length;
  const notes = empty ? [`${empty} row${empty === 1 ? ' has' : 's have'} no value of \`${y}\` and ${empty === 1 ? 'is' : 'are'} not drawn.`] : [];
  return { tables: { data: { columns: drawn, rows } satisfies Table }, notes, figure };
}
