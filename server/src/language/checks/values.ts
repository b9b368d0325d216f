// Checks of option values and source-function arguments against their ValueSpec.
import type { Expr, Ident } from '../syntax/ast.js';
import { functionSpec } from '../schema/functions.js';
import { TABLE_KINDS } from '../schema/declarations.js';
import type { DeclKind, ValueSpec } from '../schema/types.js';
import type { ResultTable, Scope, Symbol } from '../semantic/model.js';
import { isRegionPair } from '../semantic/regionPair.js';
import { NameIndex } from '../../util/suggest.js';
import { article } from '../../util/text.js';
import { listNames, type CheckContext } from './context.js';
import { checkExpr, type ExprMode } from './expressions.js';
import { checkSplit } from './derivedColumns.js';

/** Where a value is checked: the columns it may name and the variables its terms may use. */
export interface ValueContext {
  ctx: CheckContext;
  /** Columns of the declaration's own dataset (column options). */
  columns?: Scope;
  /** What its `where:` conditions may name (see `Scopes`). */
  conditions?: Scope;
  /** Variables of a model's data or a panel (terms, formulas). */
  variables?: Scope;
  /** The dataset `columns` belong to: conditions over its rows may look at their patents' holders. */
  rows?: Symbol;
  /** The node attributes of a measures declaration's network (`groups: region`). */
  nodeAttributes?: Scope;
}

const kindList = (kinds: readonly DeclKind[]) => `${kinds.map((k) => `${article(k)} \`${k}\``).join(' or ')} declaration`;

export function checkValue(v: ValueContext, expr: Expr, spec: ValueSpec, what: string): void {
  const { ctx } = v;
  switch (spec.type) {
    case 'enum': {
      // `a and b and …` (a conjunction of choices) is a left-deep chain: walked in a loop.
      const choices: Expr[] = [];
      let rest: Expr = expr;
      while (spec.conjunction && rest.type === 'binary' && rest.op === 'and') {
        if (rest.right) choices.push(rest.right);
        rest = rest.left;
      }
      choices.push(rest);
      const names = spec.values.map((c) => c.name);
      for (const choice of choices.reverse()) {
        if (choice.type === 'ident' && names.includes(choice.name)) continue;
        const word = choice.type === 'ident' ? choice.name : sourceText(choice);
        ctx.unknown('bad-value', choice.span, word, `\`${word}\` is not a valid ${what}: use ${listNames(names)}`, names);
      }
      return;
    }
    case 'column': {
      if (expr.type !== 'ident') {
        ctx.error('bad-value', expr.span, `${capital(what)} must be a column name`);
        return;
      }
      const entry = v.columns?.names.get(expr.name);
      if (entry) {
        if (entry.ref) ctx.refer({ ...entry.ref, span: expr.span });
      } else if (v.columns?.complete) ctx.unknown('unknown-column', expr.span, expr.name, `Column \`${expr.name}\` is not in ${v.columns.description.replace(/^the columns of /, '')} (columns: ${listNames(v.columns.names.keys())})`, NameIndex.of(v.columns.names));
      return;
    }
    case 'ref':
      if (expr.type === 'ident' && spec.words?.some((w) => w.name === expr.name)) return;
      if (spec.tables && expr.type === 'member') return checkResultTable(ctx, expr, what, spec.kinds, (t) => !!t.keys);
      if (spec.nodeAttributes && expr.type === 'ident' && !ctx.model.symbols.has(expr.name)) return checkNodeAttribute(v, expr, spec, what);
      return checkRef(ctx, expr, spec.kinds, what);
    case 'resultTable': return checkResultTable(ctx, expr, what, TABLE_KINDS, () => true);
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
    case 'filter': return v.conditions ? checkWith(v, v.conditions, 'filter', expr, v.rows) : checkWith(v, v.variables, 'condition', expr);
    case 'terms': return checkWith(v, v.variables, 'formula', expr);
    case 'formula': {
      if (expr.type !== 'binary' || expr.op !== '~') {
        ctx.error('bad-formula', expr.span, `Expected a formula \`y ~ x1 + x2 | fe\` for ${what}`);
      }
      return checkWith(v, v.variables, 'formula', expr);
    }
    case 'call': return checkHelperCall(v, expr, spec, what);
    case 'regionPair': {
      if (isRegionPair(expr)) {
        checkRef(ctx, expr.left, ['regions'], 'each side of `×`');
        if (expr.right) checkRef(ctx, expr.right, ['regions'], 'each side of `×`');
        return;
      }
      ctx.error('bad-value', expr.span, `${capital(what)} must be two region sets joined by \`×\` (or \`*\`), e.g. \`china × foreign\``);
      return;
    }
    case 'units': {
      const sides = isRegionPair(expr) ? [expr.left, expr.right] : [expr];
      for (const side of sides) if (side) checkRef(ctx, side, ['regions', 'dataset'], sides.length > 1 ? 'each side of `×`' : what);
      return;
    }
    case 'split': return checkSplit(v, expr);
    case 'level': {
      const items = expr.type === 'tuple' && expr.bracket === '(' ? expr.items : [expr];
      for (const item of items) {
        const literal = item.type === 'string' || item.type === 'number' || (item.type === 'unary' && item.op === '-' && item.operand?.type === 'number');
        if (!literal) ctx.error('bad-value', item.span, `${capital(what)} must be a level of the factor: a quoted string such as "US", a number such as 2004, or a list of them in parentheses`);
      }
      return;
    }
    case 'expr': return checkWith(v, v.variables ?? v.columns, 'formula', expr);
  }
}

/** A name that is not a declaration where a node attribute may stand: one of the network's, or unknown. */
function checkNodeAttribute(v: ValueContext, expr: Ident, spec: Extract<ValueSpec, { type: 'ref' }>, what: string): void {
  const attributes = v.nodeAttributes;
  if (attributes?.names.has(expr.name) || (attributes && !attributes.complete)) return;
  const candidates = [...v.ctx.model.symbolsOfKind(spec.kinds).map((s) => s.name), ...(spec.words ?? []).map((w) => w.name), ...(attributes?.names.keys() ?? [])];
  const of = attributes?.names.size ? `, or a node attribute of the network (${listNames(attributes.names.keys())})` : ', or a node attribute of the network (it has none: give it `attributes:`)';
  v.ctx.unknown('unknown-name', expr.span, expr.name, `Unknown name \`${expr.name}\`: ${what} must name ${kindList(spec.kinds)}${spec.words?.length ? `, ${listNames(spec.words.map((w) => w.name))}` : ''}${of}`, candidates);
}

function checkWith(v: ValueContext, scope: Scope | undefined, mode: ExprMode, expr: Expr, rows?: Symbol): void {
  checkExpr({ ctx: v.ctx, scope, mode, rows, checkValue: (e, s, w) => checkValue(v, e, s, w) }, expr);
}

export function checkRef(ctx: CheckContext, expr: Expr, kinds: readonly DeclKind[], what: string): void {
  if (expr.type !== 'ident') {
    ctx.error('bad-value', expr.span, `${capital(what)} must be the name of ${kindList(kinds)}`);
    return;
  }
  const target = ctx.model.symbols.get(expr.name);
  if (!target) {
    const declared = ctx.model.symbolsOfKind(kinds).length;
    ctx.unknown('unknown-name', expr.span, expr.name, `Unknown name \`${expr.name}\`: ${what} must name ${kindList(kinds)}${declared ? '' : `, and none is declared yet`}`, ctx.model.namesOfKind(kinds));
    return;
  }
  ctx.refer({ kind: 'decl', span: expr.span, target });
  if (!kinds.includes(target.kind)) {
    ctx.error('wrong-kind', expr.span, `\`${target.name}\` is ${article(target.kind)} \`${target.kind}\`, but ${what} must name ${kindList(kinds)}`);
  }
}

/**
 * `measures` (its first table) or `measures.table` of a declaration of one of `kinds`, the table named —
 * among those that `fits` (a model reads the tables whose rows have keys) — when the spec tells the result's tables.
 */
function checkResultTable(ctx: CheckContext, expr: Expr, what: string, kinds: readonly DeclKind[], fits: (t: ResultTable) => boolean): void {
  const object = expr.type === 'member' ? expr.object : expr;
  if (object.type !== 'ident') {
    ctx.error('bad-value', expr.span, `${capital(what)} must be a computed declaration \`name\` or one of its tables, \`name.table\``);
    return;
  }
  checkRef(ctx, object, kinds, what);
  const target = ctx.model.symbols.get(object.name);
  const tables = target && kinds.includes(target.kind) ? ctx.model.resultTables(target) : undefined;
  if (expr.type !== 'member' || !expr.property || !tables) return;
  const names = tables.filter(fits).map((t) => t.name);
  const { name, span } = expr.property;
  if (!names.length) ctx.error('unknown-table', span, `\`${object.name}\` has no table that ${what} can name: name \`${object.name}\` itself`);
  else if (!names.includes(name)) ctx.unknown('unknown-table', span, name, `\`${object.name}\` has no table \`${name}\`${names.length < tables.length ? ` that ${what} can name` : ''}: its tables are ${listNames(names)}`, names);
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

/** Messages and the outline show at most this much of an expression. */
const SHOWN_LENGTH = 200;

/**
 * A short rendering of an expression for messages, cut at SHOWN_LENGTH characters. Iterative, and linear
 * in what it shows: expressions can be thousands of nodes deep.
 */
export function sourceText(expr: Expr): string {
  const parts: string[] = [];
  let length = 0;
  // Pieces still to write, last first: expressions, or text between them.
  const todo: (Expr | string)[] = [expr];
  while (todo.length && length <= SHOWN_LENGTH) {
    const next = todo.pop()!;
    if (typeof next === 'string') {
      parts.push(next);
      length += next.length;
      continue;
    }
    const inner = pieces(next);
    for (let i = inner.length - 1; i >= 0; i--) todo.push(inner[i]);
  }
  const text = parts.join('');
  return todo.length || text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text;
}

/** One level of an expression's rendering: its text with its operands in place. */
function pieces(e: Expr): (Expr | string)[] {
  switch (e.type) {
    case 'ident': return [e.name];
    case 'number': return [e.text];
    case 'string': return [JSON.stringify(e.value)];
    case 'bool': return [String(e.value)];
    case 'call': return [`${e.callee.name}(…)`];
    case 'member': return [e.object, `.${e.property?.name ?? ''}`];
    case 'binary': return e.right ? [e.left, ` ${e.op} `, e.right] : [e.left, ` ${e.op}`];
    case 'unary': return [e.op === 'not' ? 'not ' : '-', ...(e.operand ? [e.operand] : [])];
    case 'tuple': return ['(', ...e.items.flatMap((item, i) => (i ? [', ', item] : [item])), ')'];
  }
}
