// fixest-style formulas: `y ~ x1 + l(x1, 3) + x*z - 1 | fe1^fe2 + fe3`. The right side expands as R's
// terms() does: `a*b` is a + b + a:b, `(a + b):c` is a:c + b:c, a term listed twice counts once, `- x`
// removes a term, `- 1` / `+ 0` the intercept; terms are ordered by degree (main effects first), and the
// factors within a term by their first appearance in the formula (`y ~ a + b:a` has the term `a:b`).
import { FormulaError, type Expr } from './expr.js';
import { label } from './label.js';

export interface Term {
  /** As fixest names the coefficient: `log1p(IP)`, `center(log1p(IP)):center(NC)`. */
  label: string;
  /** The expressions multiplied in the term (one for a main effect). */
  factors: Expr[];
}

export interface Formula {
  lhs: Expr;
  terms: Term[];
  intercept: boolean;
  /** One entry per fixed-effect term, each the factors `^` interacts (`i^t` → [i, t]). */
  fixedEffects: Expr[][];
}

export function parseFormula(expr: Expr): Formula {
  if (expr.type !== 'binary' || expr.op !== '~' || !expr.right) {
    throw new FormulaError('A formula has the form `y ~ x1 + x2 | fe1 + fe2`.', expr.at);
  }
  let rhs = expr.right;
  let fixedEffects: Expr[][] = [];
  if (rhs.type === 'binary' && rhs.op === '|' && rhs.right) {
    fixedEffects = fixedEffectTerms(rhs.right);
    rhs = rhs.left;
  }
  const terms = new TermList([]);
  terms.add(rhs, 1);
  return { lhs: expr.left, terms: terms.result(), intercept: terms.intercept, fixedEffects };
}

/** `m1 + x + a:b`: the formula with the terms of `extra` (a `+` chain, `- x` removes) added. */
export function addTerms(formula: Formula, extra: Expr): Formula {
  const terms = new TermList(formula.terms.map((t) => t.factors), formula.intercept);
  terms.add(extra, 1);
  return { ...formula, terms: terms.result(), intercept: terms.intercept };
}

/** The operands of a left-nested chain of one operator: `a + b + c` → [a, b, c]. */
export function splitChain(e: Expr, op: '+' | '^'): Expr[] {
  return e.type === 'binary' && e.op === op && e.right ? [...splitChain(e.left, op), e.right] : [e];
}

function fixedEffectTerms(e: Expr): Expr[][] {
  return splitChain(e, '+').map((term) => {
    const factors = splitChain(term, '^');
    for (const f of factors) {
      if (f.type === 'binary' || f.type === 'number' || f.type === 'string' || f.type === 'list') {
        throw new FormulaError(`\`${label(f)}\` is not a fixed effect: after \`|\` write variables joined by \`+\`, interacted with \`^\` (e.g. \`i^t + j\`).`, f.at);
      }
    }
    return factors;
  });
}

/** Terms as lists of factors, in the order met; removals and the intercept tracked as R does. */
class TermList {
  private readonly kept: Expr[][] = [];
  private readonly removed = new Set<string>();
  /** Factor labels in order of first appearance: orders the factors within each term. */
  private readonly order = new Map<string, number>();

  constructor(
    initial: Expr[][],
    public intercept = true,
  ) {
    for (const factors of initial) this.push(factors);
  }

  add(e: Expr, sign: 1 | -1): void {
    if (e.type === 'binary' && (e.op === '+' || e.op === '-') && e.right) {
      this.add(e.left, sign);
      this.add(e.right, e.op === '-' ? (-sign as 1 | -1) : sign);
    } else if (e.type === 'unary' && e.op === '-') {
      this.add(e.operand, -sign as 1 | -1);
    } else if (e.type === 'number') {
      if (e.value !== 0 && e.value !== 1) throw new FormulaError(`A number in a formula can only be 1 (keep the intercept) or 0 (drop it), not ${e.value}.`, e.at);
      this.intercept = (e.value === 1) === (sign === 1);
    } else {
      this.register(e);
      for (const factors of expand(e)) {
        if (sign === 1) this.push(factors);
        else this.removed.add(termKey(factors));
      }
    }
  }

  result(): Term[] {
    const byKey = new Map<string, Expr[]>();
    for (const factors of this.kept) {
      const key = termKey(factors);
      if (!this.removed.has(key) && !byKey.has(key)) byKey.set(key, factors);
    }
    const terms = [...byKey.values()].map((factors) => {
      const sorted = [...factors].sort((a, b) => this.order.get(label(a))! - this.order.get(label(b))!);
      return { label: sorted.map(label).join(':'), factors: sorted };
    });
    return terms.sort((a, b) => a.factors.length - b.factors.length); // stable: order of appearance within a degree
  }

  private push(factors: Expr[]): void {
    factors.forEach((f) => this.register(f));
    this.kept.push(factors);
  }

  /** Records the factors of `e` in the order they are written (`(a + b):c` → a, b, c). */
  private register(e: Expr): void {
    if (e.type === 'binary' && e.right && (e.op === '+' || e.op === ':' || e.op === '*')) {
      this.register(e.left);
      this.register(e.right);
    } else if (!this.order.has(label(e))) {
      this.order.set(label(e), this.order.size);
    }
  }

}

/** The identity of a term: its set of factors (`a:b` is `b:a`). */
function termKey(factors: Expr[]): string {
  return factors.map(label).sort().join('\u0000');
}

/** The terms of `a*b`, `a:b` and parenthesised sums inside them, each a list of distinct factors. */
function expand(e: Expr): Expr[][] {
  if (e.type === 'binary' && e.right) {
    switch (e.op) {
      case '+':
        return [...expand(e.left), ...expand(e.right)];
      case ':':
        return product(expand(e.left), expand(e.right));
      case '*': {
        const left = expand(e.left);
        const right = expand(e.right);
        return [...left, ...right, ...product(left, right)];
      }
      case '^':
        throw new FormulaError(`\`${label(e)}\`: \`^\` interacts fixed effects and belongs after \`|\`; multiply regressors with \`:\` or \`*\`.`, e.at);
      case '-':
        throw new FormulaError(`\`${label(e)}\`: removing a term inside \`*\` or \`:\` is not supported; write the terms out.`, e.at);
      default:
        throw new FormulaError(`\`${label(e)}\` is not a term: arithmetic and comparisons go inside a function such as \`log(${label(e)})\` or into \`where:\`.`, e.at);
    }
  }
  if (e.type === 'string' || e.type === 'list' || e.type === 'number' || e.type === 'unary') {
    throw new FormulaError(`\`${label(e)}\` is not a term of a formula.`, e.at);
  }
  return [[e]];
}

function product(left: Expr[][], right: Expr[][]): Expr[][] {
  return left.flatMap((a) =>
    right.map((b) => {
      const seen = new Set(a.map(label));
      return [...a, ...b.filter((f) => !seen.has(label(f)))];
    }),
  );
}
