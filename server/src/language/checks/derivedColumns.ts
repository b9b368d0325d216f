// Checks of the columns a file declaration derives (`year = year(app_date)`) and splits (`split: ipc by ";"`).
import type { AssignEntry, Expr } from '../syntax/ast.js';
import type { Scope, Symbol } from '../semantic/model.js';
import { derivedColumns } from '../semantic/derived.js';
import { checkExpr } from './expressions.js';
import { checkValue, type ValueContext } from './values.js';

/**
 * A derived column: a new name (not one of the file's columns, nor derived twice) and an expression over the
 * file's columns and the columns derived above it, with the derived columns' functions, their types checked.
 */
export function checkDerivedColumn(v: ValueContext, dataset: Symbol, entry: AssignEntry): void {
  const { ctx } = v;
  const name = entry.name.name;
  const info = ctx.model.table(dataset);
  const derived = derivedColumns(dataset.decl);
  const index = derived.indexOf(entry);
  if (info?.status === 'ok' && info.columns.includes(name)) {
    ctx.error('duplicate-column', entry.name.span, `\`${name}\` is already a column of ${dataset.decl.from?.value}; give the derived column another name`);
  } else if (derived.slice(0, index).some((e) => e.name.name === name)) {
    ctx.error('duplicate-column', entry.name.span, `\`${name}\` is derived twice in \`${dataset.name}\``);
  }
  const scope = scopeAbove(ctx.model.scopeOf(dataset), derived.slice(index).map((e) => e.name.name), info?.status === 'ok' ? info.columns : []);
  checkExpr({
    ctx, scope, mode: 'column', rows: dataset,
    columnType: (c) => (scope?.names.has(c) ? ctx.model.columnType(dataset, c) : undefined),
    checkValue: (e, s, w) => checkValue(v, e, s, w),
  }, entry.value);
}

/** The dataset's columns without the derived columns from this one on: an expression sees those above it. */
function scopeAbove(scope: Scope | undefined, below: string[], fileColumns: string[]): Scope | undefined {
  if (!scope) return undefined;
  const names = new Map(scope.names);
  for (const n of below) if (!fileColumns.includes(n)) names.delete(n);
  return { ...scope, names };
}

/** `split: ipc by ";"`: a column of the file, `by`, and a non-empty separator. */
export function checkSplit(v: ValueContext, expr: Expr): void {
  if (expr.type !== 'binary' || expr.op !== 'by' || expr.right?.type !== 'string' || !expr.right.value) {
    v.ctx.error('bad-value', expr.span, 'Write a split as a column and its separator: `split: ipc by ";"`');
    return;
  }
  checkValue(v, expr.left, { type: 'column' }, 'the split column');
}
