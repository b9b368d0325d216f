// Checks of expressions against a scope: formulas, filters and panel variables. Every name must be a
// variable of the scope, a function of the right context, or (in `a.b`) a declaration and its part.
import type { Call, Expr, Ident } from '../syntax/ast.js';
import { FUNCTIONS, functionSpec } from '../schema/functions.js';
import type { FunctionSpec, ValueSpec } from '../schema/types.js';
import type { Scope } from '../semantic/model.js';
import { NameIndex } from '../../util/suggest.js';
import { listNames, type CheckContext } from './context.js';

export type ExprMode = 'formula' | 'filter' | 'panel';

/** Which function contexts each expression mode accepts. */
const ALLOWED_FUNCTIONS: Record<ExprMode, FunctionSpec['context'][]> = {
  formula: ['formula'],
  filter: ['filter'],
  panel: ['formula', 'panel'],
};

export function functionsFor(mode: ExprMode): FunctionSpec[] {
  return FUNCTIONS.filter((f) => ALLOWED_FUNCTIONS[mode].includes(f.context));
}

export interface ExprChecker {
  ctx: CheckContext;
  scope: Scope | undefined;
  mode: ExprMode;
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
      case 'binary': stack.push(e.right, e.left); break;
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
  const fn = functionSpec(call.callee.name);
  const allowed = functionsFor(c.mode);
  if (!fn || !allowed.includes(fn)) {
    const where = c.mode === 'filter' ? 'in a condition' : c.mode === 'formula' ? 'in a formula' : 'in a panel variable';
    const known = `; functions ${where}: ${listNames(allowed.map((f) => f.name))}`;
    c.ctx.unknown('unknown-function', call.callee.span, call.callee.name, `Unknown function \`${call.callee.name}\` ${where}${allowed.length ? known : ''}`, allowed.map((f) => f.name));
    for (const a of call.args) checkExpr(c, a.value);
    return;
  }
  let position = 0;
  for (const arg of call.args) {
    const param = arg.name ? fn.params.find((p) => p.name === arg.name!.name) : fn.params[position++];
    if (!param) {
      if (arg.name) c.ctx.unknown('unknown-argument', arg.name.span, arg.name.name, `\`${fn.name}\` has no argument \`${arg.name.name}\` (it takes ${listNames(fn.params.map((p) => p.name))})`, fn.params.map((p) => p.name));
      else c.ctx.error('too-many-arguments', arg.span, `Too many arguments: \`${fn.signature}\` takes ${fn.params.length}`);
      continue;
    }
    if (!arg.value) continue;
    if (param.value.type === 'expr') checkExpr(c, arg.value);
    else c.checkValue(arg.value, param.value, `argument \`${param.name}\` of \`${fn.name}\``);
  }
  const required = fn.params.filter((p) => p.value.type !== 'enum').slice(0, 1);
  if (call.args.length < required.length && call.close) {
    c.ctx.error('missing-argument', call.span, `\`${fn.signature}\` needs at least ${required.length} argument`);
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
