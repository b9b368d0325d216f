// Test helper: engine expressions written as spec text (`y ~ l(x, 3) + a*b | i^t`), parsed with the spec
// language's precedences (server/src/language/syntax/tokens.ts) so that tests read like specs.
import type { BinaryOp, Expr } from '../../../../server/src/engine/models/formula/expr.ts';

const PRECEDENCE: Partial<Record<string, number>> = {
  '~': 2, '|': 3, or: 4, and: 5, '==': 6, '!=': 6, '<': 6, '<=': 6, '>': 6, '>=': 6, in: 6,
  '..': 7, '+': 8, '-': 8, '*': 9, '/': 9, ':': 10, '^': 11,
};

export function expr(text: string): Expr {
  const tokens = text.match(/"[^"]*"|\d+(\.\d+)?(e-?\d+)?|[A-Za-z_][\w.]*|\.\.|==|!=|<=|>=|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const expect = (t: string) => {
    if (next() !== t) throw new Error(`expected ${t} in ${text}`);
  };
  const list = (close: string): Expr[] => {
    const items: Expr[] = [];
    while (peek() !== close) {
      items.push(binary(0));
      if (peek() === ',') next();
    }
    expect(close);
    return items;
  };
  const primary = (): Expr => {
    const t = next();
    if (t === '(') {
      const items = list(')');
      return items.length === 1 ? items[0] : { type: 'list', items }; // `(a)` groups, `(a, b)` lists
    }
    if (t === '-') return { type: 'unary', op: '-', operand: binary(10) }; // as R: -x^2 is -(x^2), -a:b is (-a):b
    if (t === 'not') return { type: 'unary', op: 'not', operand: binary(5) };
    if (t.startsWith('"')) return { type: 'string', value: t.slice(1, -1) };
    if (/^\d/.test(t)) return { type: 'number', value: Number(t) };
    if (peek() === '(') {
      next();
      // Named arguments `ref: "b"` as the spec writes them.
      const args: Expr[] = [];
      const names: (string | undefined)[] = [];
      while (peek() !== ')') {
        const named = /^[A-Za-z_]/.test(peek()) && tokens[pos + 1] === ':' ? next() : undefined;
        if (named) next();
        names.push(named);
        args.push(binary(0));
        if (peek() === ',') next();
      }
      expect(')');
      return names.some(Boolean) ? { type: 'call', fn: t, args, names } : { type: 'call', fn: t, args };
    }
    return { type: 'var', name: t };
  };
  const binary = (min: number): Expr => {
    let left = primary();
    for (;;) {
      const op = peek();
      const p = op === undefined ? undefined : PRECEDENCE[op];
      if (p === undefined || p <= min) return left;
      next();
      if (op === '..' && (peek() === undefined || peek() === ')' || peek() === ',')) left = { type: 'binary', op: '..', left };
      else left = { type: 'binary', op: op as BinaryOp, left, right: binary(p) };
    }
  };
  const e = binary(0);
  if (pos !== tokens.length) throw new Error(`unparsed rest of ${text}`);
  return e;
}
