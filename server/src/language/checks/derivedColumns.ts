// Checks of the columns a file declaration derives (`year = year(app_date)`) and splits (`split: ipc by ";"`).
import { walkExpr, type AssignEntry, type Expr } from '../syntax/ast.js';
import type { Symbol } from '../semantic/model.js';
import { derivedPositions } from '../semantic/derived.js';
import { checkExpr } from './expressions.js';
import { checkValue, type ValueContext } from './values.js';

/**
 * A derived column: a new name (not one of the file's columns, nor derived twice) and an expression over the
 * file's columns and the columns derived above it, with the derived columns' functions, their types checked.
 */
export function checkDerivedColumn(v: ValueContext, dataset: Symbol, entry: AssignEntry, index: number): void {
  const { ctx } = v;
  const name = entry.name.name;
  const info = ctx.model.table(dataset);
  const positions = derivedPositions(dataset.decl);
  if (info?.status === 'ok' && info.columns.includes(name)) {
    ctx.error('duplicate-column', entry.name.span, `\`${name}\` is already a column of ${dataset.decl.from?.value}; give the derived column another name`);
  } else if (positions.get(name) !== index) {
    ctx.error('duplicate-column', entry.name.span, `\`${name}\` is derived twice in \`${dataset.name}\``);
  }
  const scope = ctx.model.scopeOf(dataset);
  checkExpr({
    ctx, scope, mode: 'column', rows: dataset,
    columnType: (c) => ctx.model.columnType(dataset, c),
    checkValue: (e, s, w) => checkValue(v, e, s, w),
  }, entry.value);
  // Each derived column is computed from those above it (one SQL select list, in order).
  walkExpr(entry.value, (e) => {
    // A lookup's keys are read through its own columns: looking up from them could wait on itself.
    if (e.type === 'call' && e.callee.name === 'lookup' && dataset.kind === 'lookup') {
      ctx.error('unknown-function', e.callee.span, `\`lookup(…)\` derives a dataset's columns, not a lookup's own: look the code up in the dataset that uses \`${name}\``);
    }
    const at = e.type === 'ident' && !(info?.status === 'ok' && info.columns.includes(e.name)) ? positions.get(e.name) : undefined;
    if (e.type === 'ident' && at !== undefined && at >= index) {
      ctx.error('derived-order', e.span, at === index ? `\`${name}\` cannot be computed from itself` : `\`${e.name}\` is derived below \`${name}\`: move its definition above`);
    }
  });
}

/** `split: ipc by ";"`: a column of the file, `by`, and a non-empty separator. */
export function checkSplit(v: ValueContext, expr: Expr): void {
  if (expr.type !== 'binary' || expr.op !== 'by' || expr.right?.type !== 'string' || !expr.right.value) {
    v.ctx.error('bad-value', expr.span, 'Write a split as a column and its separator: `split: ipc by ";"`');
    return;
  }
  checkValue(v, expr.left, { type: 'column' }, 'the split column');
}
