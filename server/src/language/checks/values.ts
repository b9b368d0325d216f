// Checks of option values and source-function arguments against their ValueSpec.
import type { Expr } from '../syntax/ast.js';
import { functionSpec } from '../schema/functions.js';
import type { DeclKind, ValueSpec } from '../schema/types.js';
import type { Scope } from '../semantic/model.js';
import { listNames, type CheckContext } from './context.js';
import { checkExpr, type ExprMode } from './expressions.js';

/** Where a value is checked: the columns it may name and the variables its terms may use. */
export interface ValueContext {
  ctx: CheckContext;
  /** Columns of the declaration's own dataset (column options, filters). */
  columns?: Scope;
  /** Variables of a model's data or a panel (terms, formulas). */
  variables?: Scope;
}

/** `a` or `an` before a word. */
export const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
const kindList = (kinds: readonly DeclKind[]) => `${kinds.map((k) => `${article(k)} \`${k}\``).join(' or ')} declaration`;

export function checkValue(v: ValueContext, expr: Expr, spec: ValueSpec, what: string): void {
  const { ctx } = v;
  switch (spec.type) {
    case 'enum': {
      if (spec.conjunction && expr.type === 'binary' && expr.op === 'and') {
        checkValue(v, expr.left, spec, what);
        if (expr.right) checkValue(v, expr.right, spec, what);
        return;
      }
      const names = spec.values.map((c) => c.name);
      if (expr.type === 'ident' && names.includes(expr.name)) return;
      const word = expr.type === 'ident' ? expr.name : sourceText(expr);
      ctx.unknown('bad-value', expr.span, word, `\`${word}\` is not a valid ${what}: use ${listNames(names)}`, names);
      return;
    }
    case 'column': {
      if (expr.type !== 'ident') {
        ctx.error('bad-value', expr.span, `${capital(what)} must be a column name`);
        return;
      }
      const entry = v.columns?.names.get(expr.name);
      if (entry?.ref) ctx.refer({ ...entry.ref, span: expr.span });
      else if (v.columns?.complete) ctx.unknown('unknown-column', expr.span, expr.name, `Column \`${expr.name}\` is not in ${v.columns.description.replace(/^the columns of /, '')} (columns: ${listNames(v.columns.names.keys())})`, v.columns.names.keys());
      return;
    }
    case 'ref':
      if (expr.type === 'ident' && spec.words?.some((w) => w.name === expr.name)) return;
      return checkRef(ctx, expr, spec.kinds, what);
    case 'number': return checkNumber(ctx, expr, spec, what);
    case 'string':
      if (expr.type !== 'string') ctx.error('bad-value', expr.span, `${capital(what)} must be a string in double quotes`);
      return;
    case 'bool':
      if (expr.type !== 'bool') ctx.unknown('bad-value', expr.span, expr.type === 'ident' ? expr.name : '', `${capital(what)} must be \`true\` or \`false\``, ['true', 'false']);
      return;
    case 'range': return void checkRange(ctx, expr, what);
    case 'window': {
      if (expr.type === 'number') return;
      if (expr.type === 'ident') return checkRef(ctx, expr, ['windows'], what);
      checkRange(ctx, expr, what);
      return;
    }
    case 'filter': return checkWith(v, v.columns ?? v.variables, 'filter', expr);
    case 'terms': return checkWith(v, v.variables, 'formula', expr);
    case 'formula': {
      if (expr.type !== 'binary' || expr.op !== '~') {
        ctx.error('bad-formula', expr.span, `Expected a formula \`y ~ x1 + x2 | fe\` for ${what}`);
      }
      return checkWith(v, v.variables, 'formula', expr);
    }
    case 'call': return checkHelperCall(v, expr, spec, what);
    case 'regionPair': {
      if (expr.type === 'binary' && expr.op === '×') {
        checkRef(ctx, expr.left, ['regions'], 'each side of `×`');
        if (expr.right) checkRef(ctx, expr.right, ['regions'], 'each side of `×`');
        return;
      }
      ctx.error('bad-value', expr.span, `${capital(what)} must be two region sets joined by \`×\`, e.g. \`china × foreign\``);
      return;
    }
    case 'expr': return checkWith(v, v.variables ?? v.columns, 'formula', expr);
  }
}

function checkWith(v: ValueContext, scope: Scope | undefined, mode: ExprMode, expr: Expr): void {
  checkExpr({ ctx: v.ctx, scope, mode, checkValue: (e, s, w) => checkValue(v, e, s, w) }, expr);
}

export function checkRef(ctx: CheckContext, expr: Expr, kinds: readonly DeclKind[], what: string): void {
  if (expr.type !== 'ident') {
    ctx.error('bad-value', expr.span, `${capital(what)} must be the name of ${kindList(kinds)}`);
    return;
  }
  const target = ctx.model.symbols.get(expr.name);
  if (!target) {
    const candidates = ctx.model.symbolsOfKind(kinds).map((s) => s.name);
    ctx.unknown('unknown-name', expr.span, expr.name, `Unknown name \`${expr.name}\`: ${what} must name ${kindList(kinds)}${candidates.length ? '' : `, and none is declared yet`}`, candidates);
    return;
  }
  ctx.refer({ kind: 'decl', span: expr.span, target });
  if (!kinds.includes(target.kind)) {
    ctx.error('wrong-kind', expr.span, `\`${target.name}\` is ${article(target.kind)} \`${target.kind}\`, but ${what} must name ${kindList(kinds)}`);
  }
}

function numberOf(expr: Expr): number | undefined {
  if (expr.type === 'number') return expr.value;
  if (expr.type === 'unary' && expr.op === '-' && expr.operand?.type === 'number') return -expr.operand.value;
  return undefined;
}

function checkNumber(ctx: CheckContext, expr: Expr, spec: Extract<ValueSpec, { type: 'number' }>, what: string): void {
  const n = numberOf(expr);
  if (n === undefined) {
    ctx.error('bad-value', expr.span, `${capital(what)} must be a number`);
    return;
  }
  if (spec.integer && !Number.isInteger(n)) ctx.error('bad-value', expr.span, `${capital(what)} must be a whole number, not ${n}`);
  else if (spec.min !== undefined && n < spec.min) ctx.error('bad-value', expr.span, `${capital(what)} must be at least ${spec.min}, not ${n}`);
  else if (spec.max !== undefined && n > spec.max) ctx.error('bad-value', expr.span, `${capital(what)} must be at most ${spec.max}, not ${n}`);
}

/** Checks `a..b` with whole numbers and a ≤ b; returns the bounds when they are known. */
export function checkRange(ctx: CheckContext, expr: Expr, what: string): [number, number] | undefined {
  if (expr.type !== 'binary' || expr.op !== '..') {
    ctx.error('bad-value', expr.span, `${capital(what)} must be a range such as \`2016..2020\``);
    return undefined;
  }
  const from = numberOf(expr.left);
  const to = expr.right ? numberOf(expr.right) : undefined;
  if (from === undefined || to === undefined) {
    ctx.error('bad-value', expr.span, `${capital(what)} must be a range of two numbers such as \`2016..2020\``);
    return undefined;
  }
  if (from > to) {
    const swapped = `${to}..${from}`;
    ctx.error('inverted-range', expr.span, `The range ${from}..${to} is inverted: it starts after it ends. Write \`${swapped}\``, [{ title: `Swap to \`${swapped}\``, span: expr.span, newText: swapped }]);
    return undefined;
  }
  return [from, to];
}

/** `jenks(4) of degree`, `percentile(80, type: 7)`, `joint(china, foreign)`. */
function checkHelperCall(v: ValueContext, expr: Expr, spec: Extract<ValueSpec, { type: 'call' }>, what: string): void {
  const { functions } = spec;
  let call = expr;
  let of: Expr | undefined;
  if (expr.type === 'binary' && expr.op === 'of') {
    call = expr.left;
    of = expr.right;
  }
  if (call.type !== 'call' || !functions.includes(call.callee.name)) {
    const name = call.type === 'call' ? call.callee.name : call.type === 'ident' ? call.name : '';
    v.ctx.unknown('bad-value', call.type === 'call' ? call.callee.span : call.span, name, `${capital(what)} must be ${listNames(functions.map((f) => `${f}(…)`))}`, functions);
    return;
  }
  const fn = functionSpec(call.callee.name)!;
  const needsOf = spec.of === true;
  if (needsOf && !of) v.ctx.error('missing-of', call.span, `Say what to classify: \`${call.callee.name}(…) of <measure>\``);
  if (!needsOf && of) v.ctx.error('unexpected-of', expr.span, `\`${fn.name}\` takes no \`of\``);
  if (of) checkWith(v, v.variables, 'formula', of);
  let position = 0;
  for (const arg of call.args) {
    const param = arg.name ? fn.params.find((p) => p.name === arg.name!.name) : fn.params[position++];
    if (!param) {
      v.ctx.error('too-many-arguments', arg.span, arg.name ? `\`${fn.name}\` has no argument \`${arg.name.name}\`` : `Too many arguments: \`${fn.signature}\``);
      continue;
    }
    if (arg.value) checkValue(v, arg.value, param.value, `argument \`${param.name}\` of \`${fn.name}\``);
  }
  if (call.args.length === 0 && fn.params.length > 0 && call.close) v.ctx.error('missing-argument', call.span, `\`${fn.signature}\` needs its arguments`);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A short rendering of an expression for messages. */
export function sourceText(expr: Expr): string {
  switch (expr.type) {
    case 'ident': return expr.name;
    case 'number': return expr.text;
    case 'string': return JSON.stringify(expr.value);
    case 'bool': return String(expr.value);
    case 'call': return `${expr.callee.name}(…)`;
    case 'member': return `${sourceText(expr.object)}.${expr.property?.name ?? ''}`;
    case 'binary': return `${sourceText(expr.left)} ${expr.op} ${expr.right ? sourceText(expr.right) : ''}`.trim();
    case 'unary': return `${expr.op === 'not' ? 'not ' : '-'}${expr.operand ? sourceText(expr.operand) : ''}`;
    case 'tuple': return `(${expr.items.map(sourceText).join(', ')})`;
  }
}

