// The spec's expressions (syntax tree) into the engine's expression type, so that the engine never depends
// on the language. Places travel along: an engine FormulaError points back at the spec.
import type { Expr as SpecExpr } from '../language/syntax/ast.js';
import { FormulaError, type BinaryOp, type Expr } from '../engine/models/formula/expr.js';
import { SpecError } from './errors.js';

const BINARY_OPS: ReadonlySet<string> = new Set<BinaryOp>(['~', '|', '+', '-', '*', '/', ':', '^', '..', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', 'in']);

export function engineExpr(e: SpecExpr | undefined, whole?: SpecExpr): Expr {
  if (!e) throw new SpecError('This expression is incomplete.', whole?.span ?? { start: 0, end: 0 });
  const at = e.span;
  switch (e.type) {
    case 'ident': return { type: 'var', name: e.name, at };
    case 'number': return { type: 'number', value: e.value, at };
    case 'string': return { type: 'string', value: e.value, at };
    case 'bool': return { type: 'number', value: e.value ? 1 : 0, at };
    case 'member': return { type: 'var', name: `${memberPath(e.object)}.${e.property?.name ?? ''}`, at };
    case 'call': {
      const args = e.args.map((a) => engineExpr(a.value, e));
      return e.args.some((a) => a.name) ? { type: 'call', fn: e.callee.name, args, names: e.args.map((a) => a.name?.name), at } : { type: 'call', fn: e.callee.name, args, at };
    }
    case 'unary': return { type: 'unary', op: e.op, operand: engineExpr(e.operand, e), at };
    case 'tuple': return e.items.length === 1 && e.bracket === '(' ? engineExpr(e.items[0], e) : { type: 'list', items: e.items.map((i) => engineExpr(i, e)), at };
    case 'binary': {
      if (!BINARY_OPS.has(e.op)) throw new SpecError(`\`${e.op}\` has no meaning in a formula or condition.`, e.opSpan);
      if (!e.right && e.op !== '..') throw new SpecError(`Something is missing after \`${e.op}\`.`, e.opSpan);
      return { type: 'binary', op: e.op as BinaryOp, left: engineExpr(e.left, e), right: e.right ? engineExpr(e.right, e) : undefined, at };
    }
  }
}

function memberPath(e: SpecExpr): string {
  if (e.type === 'ident') return e.name;
  if (e.type === 'member') return `${memberPath(e.object)}.${e.property?.name ?? ''}`;
  throw new SpecError('Expected a name such as `rein_nodes.degree`.', e.span);
}

/** A formula error as a spec error at the expression it names (or at `fallback`). */
export function specErrorFrom(err: FormulaError, fallback: { start: number; end: number }): SpecError {
  return new SpecError(err.message, err.at ?? fallback);
}
