// Expressions printed back as R (and so fixest) deparses them: the names of coefficients, columns and
// fixed effects. `log1p(IP)`, `l(Overlap, 3)`, `x + 1`, `x/2`, `a:b`, `i^t` — spaces around `+ - * ==`
// but not around `/ ^ :`, parentheses only where precedence needs them.
import type { BinaryOp, Expr } from './expr.js';

/** Binding strength, as the spec language parses (larger binds tighter). */
const PRECEDENCE: Record<BinaryOp, number> = {
  '~': 2, '|': 3, or: 4, and: 5,
  '==': 6, '!=': 6, '<': 6, '<=': 6, '>': 6, '>=': 6, in: 6,
  '..': 7, '+': 8, '-': 8, '*': 9, '/': 9, ':': 10, '^': 11,
};
/** R: unary minus binds looser than `^`, tighter than `:` (-x^2 is -(x^2)). */
const UNARY = 10.5;
const UNSPACED = new Set<BinaryOp>(['/', '^', ':', '..']);

export function label(e: Expr): string {
  switch (e.type) {
    case 'var':
      return e.name;
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'call':
      return `${e.fn}(${e.args.map((a, k) => (e.names?.[k] ? `${e.names[k]} = ${label(a)}` : label(a))).join(', ')})`;
    case 'list':
      return `(${e.items.map(label).join(', ')})`;
    case 'unary':
      return e.op === '-' ? `-${operand(e.operand, UNARY, false)}` : `not ${operand(e.operand, UNARY, false)}`;
    case 'binary': {
      const p = PRECEDENCE[e.op];
      const left = operand(e.left, p, false);
      if (!e.right) return `${left}${e.op}`; // an open range `2..`
      const right = operand(e.right, p, true);
      return UNSPACED.has(e.op) ? `${left}${e.op}${right}` : `${left} ${e.op} ${right}`;
    }
  }
}

/** Left-associative operators: a right operand of equal precedence needs parentheses (`a - (b - c)`). */
function operand(e: Expr, parent: number, right: boolean): string {
  const own = e.type === 'binary' ? PRECEDENCE[e.op] : e.type === 'unary' ? UNARY : Infinity;
  const text = label(e);
  return own < parent || (right && own === parent) ? `(${text})` : text;
}
