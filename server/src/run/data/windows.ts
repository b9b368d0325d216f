// `windows` declarations and `window:` options into engine windows.
import type { Expr } from '../../language/syntax/ast.js';
import { expandWindows, windowLabel, type Window, type WindowPlan } from '../../engine/windows/windows.js';
import type { Symbol } from '../../language/semantic/model.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';

export function windowsOf(ctx: RunContext, symbol: Symbol): Window[] {
  const value = symbol.decl.values[0];
  const plan = windowPlan(ctx, symbol, value);
  const windows = expandWindows(plan);
  if (!windows.length) throw new SpecError('These windows are empty: the range is shorter than one window.', value?.span ?? symbol.nameSpan);
  return windows;
}

function windowPlan(ctx: RunContext, symbol: Symbol, value: Expr | undefined): WindowPlan {
  if (value?.type === 'binary' && (value.op === 'by' || value.op === 'rolling')) {
    const [from, to] = yearRange(value.left);
    const length = value.right?.type === 'number' ? value.right.value : NaN;
    if (value.op === 'by') return { kind: 'fixed', from, to, length, partial: ctx.word(symbol.decl, 'partial', 'false') === 'true' };
    return { kind: 'rolling', from, to, length, step: ctx.number(symbol.decl, 'step', 1) };
  }
  const [from, to] = yearRange(value);
  return { kind: 'yearly', from, to };
}

/** `2001..2020` → [2001, 2020]; a single year `2016` → [2016, 2016]. */
export function yearRange(expr: Expr | undefined): [number, number] {
  if (expr?.type === 'number') return [expr.value, expr.value];
  if (expr?.type === 'binary' && expr.op === '..' && expr.left.type === 'number' && expr.right?.type === 'number') return [expr.left.value, expr.right.value];
  throw new SpecError('Expected a year or a range of years such as `2001..2020`.', expr?.span ?? { start: 0, end: 0 });
}

/** The window a `window:` option names, as a window of its own. */
export function windowOption(expr: Expr): Window {
  const [from, to] = yearRange(expr);
  return { label: windowLabel(from, to), from, to };
}
