// Checks of expressions against a scope: formulas, filters and panel variables. Every name must be a
// variable of the scope, a function of the right context, or (in `a.b`) a declaration and its part.
import type { Call, Expr, Ident } from '../syntax/ast.js';
import { FUNCTIONS, functionSpec } from '../schema/functions.js';
import type { FunctionSpec, ValueSpec, ValueType } from '../schema/types.js';
import { valueArguments, valueTypeOf } from '../semantic/derived.js';
import type { Scope, SemanticModel, Symbol } from '../semantic/model.js';
import { NameIndex } from '../../util/suggest.js';
import { listNames, type CheckContext } from './context.js';

/**
 * `filter`: a condition over a dataset's rows, which may look at each row's patent (`any(applicants, …)`);
 * `condition`: any other condition (a model's subsample, the condition inside `any(…)`), without functions.
 */
export type ExprMode = 'formula' | 'filter' | 'condition' | 'panel' | 'column';

/** Which function contexts each expression mode accepts. */
const ALLOWED_FUNCTIONS: Record<ExprMode, FunctionSpec['context'][]> = {
  formula: ['formula'],
  filter: ['filter'],
  condition: [],
  panel: ['formula', 'panel'],
  column: ['column'],
};

const WHERE: Record<ExprMode, string> = { formula: 'in a formula', filter: 'in a condition', condition: 'in a condition', panel: 'in a panel variable', column: 'in a derived column' };

export function functionsFor(mode: ExprMode): FunctionSpec[] {
  return FUNCTIONS.filter((f) => ALLOWED_FUNCTIONS[mode].includes(f.context));
}

export interface ExprChecker {
  ctx: CheckContext;
  scope: Scope | undefined;
  mode: ExprMode;
  /** In `filter` mode, the dataset whose rows the condition keeps. */
  rows?: Symbol;
  /** In `column` mode, what a column holds where known: arguments and operators are checked against it. */
  columnType?: (name: string) => ValueType | undefined;
  /** Checks a value against a declared value spec (used for function parameters). */
  checkValue(expr: Expr, spec: ValueSpec, what: string): void;
}

/**
 * Checks every name, call and member of an expression. Operators are walked with a stack, not recursion:
 * `a + b + …` can be thousands of nodes deep (calls and brackets are bounded by the parser's nesting limit).
 */
export function checkExpr(c: ExprChecker, expr: Expr | undefined): void {
  const stack: (Expr | undefined)[] = [expr];
  while (stack.length) {
    const e = stack.pop();
    if (!e) continue;
    switch (e.type) {
      case 'ident': checkName(c, e); break;
      case 'call': checkCall(c, e); break;
      case 'member': checkMember(c, e); break;
      case 'binary':
        if (c.columnType && ['-', '*', '/'].includes(e.op)) for (const side of [e.left, e.right]) expectType(c, side, ['number', 'date'], `\`${e.op}\` computes with numbers`);
        stack.push(e.right, e.left);
        break;
      case 'unary': stack.push(e.operand); break;
      case 'tuple': for (let i = e.items.length - 1; i >= 0; i--) stack.push(e.items[i]); break;
      default: break;
    }
  }
}

function checkName(c: ExprChecker, id: Ident): void {
  const entry = c.scope?.names.get(id.name);
  if (entry) {
    if (entry.ref) c.ctx.refer({ ...entry.ref, span: id.span });
    return;
  }
  if (!c.scope || !c.scope.complete) return;
  const symbol = c.ctx.model.symbols.get(id.name);
  const hint = symbol ? ` (\`${id.name}\` is a ${symbol.kind} declaration; use \`${id.name}.<part>\` or a function)` : '';
  c.ctx.unknown('unknown-variable', id.span, id.name, `\`${id.name}\` is not among ${c.scope.description}${hint}`, NameIndex.of(c.scope.names));
}

function checkCall(c: ExprChecker, call: Call): void {
  const fn = functionSpec(call.callee.name, c.mode === 'filter' || c.mode === 'condition');
  const allowed = functionsFor(c.mode);
  if (!fn || !allowed.includes(fn)) {
    const where = WHERE[c.mode];
    if (fn?.context === 'filter') {
      const what = fn.holders ? 'looks at the holders of a patent, in' : 'belongs in';
      c.ctx.error('unknown-function', call.callee.span, `\`${fn.name}(…)\` ${what} conditions over a dataset's rows: the \`where:\` of a dataset or network, a regions set, \`count(…, where: …)\`; it does not nest`);
      return; // its arguments belong to another scope: checking them here would only add noise
    }
    const known = `; functions ${where}: ${listNames(allowed.map((f) => f.name))}`;
    c.ctx.unknown('unknown-function', call.callee.span, call.callee.name, `Unknown function \`${call.callee.name}\` ${where}${allowed.length ? known : ''}`, allowed.map((f) => f.name));
    for (const a of call.args) checkExpr(c, a.value);
    return;
  }
  if (fn.holders && c.rows && !c.ctx.model.patentColumn(c.rows)) {
    c.ctx.error('missing-patent', call.callee.span, `\`${fn.name}(…)\` looks at the holders of each row's patent, but \`${c.rows.name}\` declares no \`patent:\` (or \`id:\`) column`);
  }
  let position = 0;
  for (const arg of call.args) {
    const param = arg.name ? fn.params.find((p) => p.name === arg.name!.name) : fn.params[position++] ?? (fn.variadic ? fn.params.at(-1) : undefined);
    if (!param) {
      if (arg.name) c.ctx.unknown('unknown-argument', arg.name.span, arg.name.name, `\`${fn.name}\` has no argument \`${arg.name.name}\` (it takes ${listNames(fn.params.map((p) => p.name))})`, fn.params.map((p) => p.name));
      else c.ctx.error('too-many-arguments', arg.span, `Too many arguments: \`${fn.signature}\` takes ${fn.params.length}`);
      continue;
    }
    if (!arg.value) continue;
    if (param.accepts) expectType(c, arg.value, param.accepts, `\`${fn.signature}\` takes ${listWords(param.accepts)} as \`${param.name}\``);
    if (param.value.type === 'expr') checkExpr(c, arg.value);
    else if (param.value.type === 'filter' && param.value.rows) checkRowCondition(c, call, fn, param.value.rows, arg.value);
    else c.checkValue(arg.value, param.value, `argument \`${param.name}\` of \`${fn.name}\``);
  }
  if (fn.name === 'case' && fn.context === 'column') {
    const values = new Set(valueArguments(fn.name, call.args.map((a) => a.value)));
    for (const a of call.args) if (a.value && !values.has(a.value)) expectType(c, a.value, ['bool'], 'each value of `case` follows a condition');
  }
  const required = fn.required ?? 1;
  if (call.args.length < required && call.close) {
    c.ctx.error('missing-argument', call.span, `\`${fn.signature}\` needs ${required === 1 ? 'at least 1 argument' : `${required} arguments`}`);
  }
}

const TYPE_WORDS: Record<ValueType, string> = { text: 'text', number: 'a number', date: 'a date', bool: 'a condition (true or false)' };
const listWords = (types: ValueType[]) => types.map((t) => TYPE_WORDS[t]).join(' or ');

/** In a derived column: reports a value whose type is known and not one of `accepted`. */
function expectType(c: ExprChecker, e: Expr | undefined, accepted: ValueType[], why: string): void {
  if (!c.columnType || !e) return;
  const found = valueTypeOf(e, c.columnType);
  if (found && !accepted.includes(found)) c.ctx.error('type-mismatch', e.span, `This is ${TYPE_WORDS[found]}, but ${why}`);
}

/**
 * A condition argument over the rows of the dataset another argument names (`count(inventors, i, where: …)`,
 * `any(applicants, kind == "firm")`): checked against that dataset's columns, true or false per row. Inside a
 * holder function it may not look at holders again.
 */
function checkRowCondition(c: ExprChecker, call: Call, fn: FunctionSpec, rowsParam: string, condition: Expr): void {
  const index = fn.params.findIndex((p) => p.name === rowsParam);
  const rowsArg = call.args.find((a) => a.name?.name === rowsParam) ?? call.args.filter((a) => !a.name)[index];
  const target = c.ctx.model.resolve(rowsArg?.value);
  const rows = target?.kind === 'dataset' ? target : undefined;
  if (rows && fn.context === 'filter' && !c.ctx.model.patentColumn(rows)) {
    c.ctx.error('missing-patent', rowsArg!.value!.span, `\`${rows.name}\` declares no \`patent:\` column, so its rows cannot be matched to a patent`);
  }
  const mode = fn.context === 'filter' ? 'condition' : 'filter';
  checkExpr({ ...c, scope: rows && c.ctx.model.scopeOf(rows), mode, rows }, condition);
  if (rows && valueType(c.ctx.model, condition, rows) === 'value') {
    c.ctx.error('not-a-condition', condition.span, `The condition of \`${fn.name}\` must be true or false for each row of \`${rows.name}\`, such as \`kind == "firm"\`, not a value`);
  }
}

/**
 * Whether an expression is a condition (true or false per row) or a value, where that is known: comparisons,
 * `and`, `or`, `not`, `any(…)`, `all(…)` and BOOLEAN columns are conditions; `count(…)` and `lookup(…)` are values.
 */
function valueType(model: SemanticModel, e: Expr, rows: Symbol): 'condition' | 'value' | undefined {
  switch (e.type) {
    case 'bool': return 'condition';
    case 'number': case 'string': return 'value';
    case 'unary': return e.op === 'not' ? 'condition' : 'value';
    case 'binary': return ['==', '!=', '<', '<=', '>', '>=', 'in', 'and', 'or'].includes(e.op) ? 'condition' : ['+', '-', '*', '/'].includes(e.op) ? 'value' : undefined;
    case 'call': return e.callee.name === 'any' || e.callee.name === 'all' ? 'condition' : e.callee.name === 'count' || e.callee.name === 'lookup' ? 'value' : undefined;
    case 'tuple': return e.items.length === 1 ? valueType(model, e.items[0], rows) : 'value';
    case 'ident': {
      const info = model.table(rows);
      const i = info?.status === 'ok' ? info.columns.indexOf(e.name) : -1;
      if (i < 0 || info?.status !== 'ok') return undefined;
      return info.types[i] === 'BOOLEAN' ? 'condition' : 'value';
    }
    default: return undefined;
  }
}

function checkMember(c: ExprChecker, member: Extract<Expr, { type: 'member' }>): void {
  if (member.object.type !== 'ident') {
    checkExpr(c, member.object);
    return;
  }
  const target = c.ctx.model.symbols.get(member.object.name);
  if (!target) {
    c.ctx.unknown('unknown-name', member.object.span, member.object.name, `Unknown name \`${member.object.name}\``, c.ctx.model.allNames);
    return;
  }
  c.ctx.refer({ kind: 'decl', span: member.object.span, target });
  if (!member.property) return;
  const prop = member.property;
  if (target.kind === 'network') {
    if (prop.name !== 'weight') c.ctx.unknown('unknown-member', prop.span, prop.name, `A network exposes \`weight\` (the tie strength), not \`${prop.name}\``, ['weight']);
    return;
  }
  const scope = c.ctx.model.scopeOf(target);
  if (!scope) {
    c.ctx.error('no-members', member.object.span, `\`${target.name}\` is a ${target.kind} declaration and has no parts to pick with \`.\``);
    return;
  }
  const entry = scope.names.get(prop.name);
  if (entry?.ref) c.ctx.refer({ ...entry.ref, span: prop.span });
  else if (!entry && scope.complete) {
    c.ctx.unknown('unknown-member', prop.span, prop.name, `\`${prop.name}\` is not among ${scope.description}`, NameIndex.of(scope.names));
  }
}
