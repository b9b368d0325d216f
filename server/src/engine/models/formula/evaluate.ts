// Expressions evaluated column-wise over a DataTable: variables, arithmetic, the formula functions (l, log,
// log1p, exp, sqrt, center, standardize) and the comparisons of subsample conditions. Numbers are NaN where
// missing, text null; a result that is not finite (log 0, x/0) counts as missing and is noted. Truth values
// are numbers: 1, 0, or NaN when unknown (a comparison with a missing value), as SQL's three-valued logic.
import type { Column, DataTable } from '../../data/dataTable.js';
import { FormulaError, type Expr } from './expr.js';
import { label } from './label.js';
import { lagRows } from './lag.js';
import { didYouMean } from '../../../util/suggest.js';

type Call = Extract<Expr, { type: 'call' }>;
type Binary = Extract<Expr, { type: 'binary' }>;

/** Evaluates one expression over every row of `table`; see Evaluator for the missing-value notes. */
export function evaluate(expr: Expr, table: DataTable, sample?: Int32Array): Column {
  return new Evaluator(table, sample).evaluate(expr);
}

export class Evaluator {
  private readonly cache = new Map<string, Column>();
  /** Rows where an expression's value was not finite and became missing, by the expression's label. */
  readonly undefinedRows = new Map<string, Uint8Array>();
  private readonly inSample: Uint8Array | null;

  /**
   * `sample`: the rows whose mean and standard deviation center() and standardize() use — the estimation
   * sample; every non-missing row when omitted.
   */
  constructor(
    readonly table: DataTable,
    sample?: Int32Array,
  ) {
    this.inSample = sample ? rowMask(table.rows, sample) : null;
  }

  evaluate(e: Expr): Column {
    const key = label(e);
    let column = this.cache.get(key);
    if (!column) {
      column = this.compute(e);
      this.cache.set(key, column);
    }
    return column;
  }

  /** The expression's values, which must be numbers. */
  numbers(e: Expr): Float64Array {
    const column = this.evaluate(e);
    if (column.type === 'text') {
      throw new FormulaError(`\`${label(e)}\` is text; arithmetic, transforms and comparisons with numbers need a numeric variable.`, e.at);
    }
    return column.values;
  }

  /** One note per expression that was undefined on some rows (of those flagged in `among`, when given). */
  undefinedNotes(among?: Uint8Array): string[] {
    const notes: string[] = [];
    for (const [what, mask] of this.undefinedRows) {
      let count = 0;
      for (let i = 0; i < mask.length; i++) count += among ? mask[i] & among[i] : mask[i];
      if (count > 0) notes.push(`\`${what}\` is undefined (not finite) for ${count} observation${count === 1 ? '' : 's'}, treated as missing.`);
    }
    return notes;
  }

  private compute(e: Expr): Column {
    switch (e.type) {
      case 'var':
        return this.variable(e.name, e);
      case 'number':
        return numbers(new Float64Array(this.table.rows).fill(e.value));
      case 'string':
        return { type: 'text', values: new Array<string | null>(this.table.rows).fill(e.value) };
      case 'call':
        return numbers(this.call(e));
      case 'unary': {
        const x = this.numbers(e.operand);
        return numbers(e.op === '-' ? x.map((v) => -v) : x.map((v) => (Number.isNaN(v) ? NaN : v === 0 ? 1 : 0)));
      }
      case 'binary':
        return numbers(this.binary(e));
      case 'list':
        throw new FormulaError(`A list \`${label(e)}\` can only follow \`in\`.`, e.at);
    }
  }

  private variable(name: string, e: Expr): Column {
    const column = this.table.columns.get(name);
    if (!column) {
      throw new FormulaError(`Unknown variable \`${name}\` in ${this.table.name}.${didYouMean(name, [...this.table.columns.keys()])}`, e.at);
    }
    return column;
  }

  private call(e: Call): Float64Array {
    const fn = FUNCTIONS[e.fn];
    if (!fn && (e.fn === 'i' || e.fn === 'factor')) throw new FormulaError(`\`${label(e)}\` makes dummy regressors: it can only be a regressor term of a model's formula (not of GMM or geodetector formulas), not part of an expression, a condition or a list of variables.`, e.at);
    if (!fn) throw new FormulaError(`Unknown function \`${e.fn}\`; formulas know ${Object.keys(FUNCTIONS).join(', ')}.${didYouMean(e.fn, Object.keys(FUNCTIONS))}`, e.at);
    const [min, max] = fn.arity;
    if (e.args.length < min || e.args.length > max) {
      throw new FormulaError(`\`${e.fn}\` takes ${min === max ? min : `${min} or ${max}`} argument${max === 1 ? '' : 's'}: ${fn.signature}.`, e.at);
    }
    const out = fn.apply(this, e);
    return e.fn === 'l' ? out : this.finite(e, e.args.slice(0, 1), out); // a missing lag is a gap in the panel
  }

  private binary(e: Binary): Float64Array {
    const right = e.right;
    if (!right) throw new FormulaError(`An open range \`${label(e)}\` only gives GMM lags: \`l(x, 2..)\`.`, e.at);
    if (e.op === 'in') return this.membership(e.left, right);
    if (COMPARISONS[e.op]) return this.comparison(e, e.left, right);
    const arithmetic = ARITHMETIC[e.op] ?? LOGIC[e.op];
    if (!arithmetic) throw new FormulaError(`\`${e.op}\` cannot be used inside an expression (\`${label(e)}\`).`, e.at);
    const a = this.numbers(e.left);
    const b = this.numbers(right);
    const out = new Float64Array(a.length);
    for (let i = 0; i < out.length; i++) out[i] = arithmetic(a[i], b[i]);
    return LOGIC[e.op] ? out : this.finite(e, [e.left, right], out);
  }

  private comparison(e: Binary, left: Expr, right: Expr): Float64Array {
    const a = this.evaluate(left);
    const b = this.evaluate(right);
    if (a.type !== b.type) {
      const text = a.type === 'text' ? left : right;
      throw new FormulaError(`\`${label(e)}\` compares text (\`${label(text)}\`) with a number; quote the value or compare with a numeric variable.`, e.at);
    }
    const compare = COMPARISONS[e.op]!;
    const out = new Float64Array(this.table.rows);
    for (let i = 0; i < out.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      out[i] = x === null || y === null || Number.isNaN(x) || Number.isNaN(y) ? NaN : compare(x, y) ? 1 : 0;
    }
    return out;
  }

  private membership(left: Expr, right: Expr): Float64Array {
    const items = right.type === 'list' ? right.items : [right];
    const column = this.evaluate(left);
    const wanted = column.type === 'text' ? 'string' : 'number';
    for (const item of items) {
      if (item.type !== wanted) {
        throw new FormulaError(`\`${label(left)}\` is ${column.type === 'text' ? 'text' : 'numeric'}; its \`in\` list takes ${wanted === 'string' ? 'quoted strings' : 'numbers'} only, not \`${label(item)}\`.`, item.at);
      }
    }
    const set = new Set<string | number>(items.map((item) => (item.type === 'string' || item.type === 'number' ? item.value : NaN)));
    return Float64Array.from(column.values as ArrayLike<string | number | null>, (v) => (v === null || (typeof v === 'number' && Number.isNaN(v)) ? NaN : set.has(v) ? 1 : 0));
  }

  /** Non-finite results become missing; those of present inputs (log 0, x/0) are remembered for the notes. */
  private finite(e: Expr, operands: Expr[], out: Float64Array): Float64Array {
    const inputs = operands.map((o) => this.evaluate(o).values);
    let mask: Uint8Array | undefined;
    for (let i = 0; i < out.length; i++) {
      if (Number.isFinite(out[i])) continue;
      out[i] = NaN;
      if (inputs.every((v) => v[i] !== null && !Number.isNaN(v[i]))) (mask ??= new Uint8Array(out.length))[i] = 1;
    }
    if (mask) this.undefinedRows.set(label(e), mask);
    return out;
  }

  /** The mean and standard deviation of `x` over the sample rows where it has a value. */
  moments(x: Float64Array, e: Expr): { mean: number; sd: number } {
    let n = 0;
    let sum = 0;
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(x[i]) || (this.inSample && !this.inSample[i])) continue;
      n++;
      sum += x[i];
    }
    if (n === 0) throw new FormulaError(`\`${label(e)}\`: no observation has a value to average.`, e.at);
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && (!this.inSample || this.inSample[i])) ss += (x[i] - mean) ** 2;
    return { mean, sd: Math.sqrt(ss / (n - 1)) };
  }
}

interface FormulaFunction {
  arity: [number, number];
  signature: string;
  apply(ev: Evaluator, call: Call): Float64Array;
}

const elementwise = (signature: string, f: (v: number) => number): FormulaFunction => ({
  arity: [1, 1],
  signature,
  apply: (ev, call) => ev.numbers(call.args[0]).map(f),
});

/** fixest's names and R's semantics. */
const FUNCTIONS: Record<string, FormulaFunction> = {
  l: { arity: [1, 2], signature: 'l(x, k) — x lagged k periods (default 1)', apply: lag },
  log: elementwise('log(x)', Math.log),
  log1p: elementwise('log1p(x)', Math.log1p),
  exp: elementwise('exp(x)', Math.exp),
  sqrt: elementwise('sqrt(x)', Math.sqrt),
  center: {
    arity: [1, 1],
    signature: 'center(x) — x minus its mean over the estimation sample',
    apply(ev, call) {
      const x = ev.numbers(call.args[0]);
      const { mean } = ev.moments(x, call);
      return x.map((v) => v - mean);
    },
  },
  standardize: {
    arity: [1, 1],
    signature: 'standardize(x) — (x − mean) / sd over the estimation sample',
    apply(ev, call) {
      const x = ev.numbers(call.args[0]);
      const { mean, sd } = ev.moments(x, call);
      if (!(sd > 0)) throw new FormulaError(`\`${label(call)}\`: the variable does not vary in the sample, so it cannot be standardized.`, call.at);
      return x.map((v) => (v - mean) / sd);
    },
  },
};

function lag(ev: Evaluator, call: Call): Float64Array {
  const panel = ev.table.panel;
  if (!panel) throw new FormulaError(`\`${label(call)}\`: ${ev.table.name} has no panel index (unit and period), so lags are undefined; estimate on a panel.`, call.at);
  const k = call.args.length > 1 ? lagOrder(call.args[1]) : 1;
  const x = ev.numbers(call.args[0]);
  const rows = lagRows(panel, k, call.at);
  return Float64Array.from(rows, (r) => (r < 0 ? NaN : x[r]));
}

/** An integer literal, possibly negative (a lead). */
export function lagOrder(e: Expr): number {
  const value = e.type === 'number' ? e.value : e.type === 'unary' && e.op === '-' && e.operand.type === 'number' ? -e.operand.value : NaN;
  if (!Number.isInteger(value)) {
    const range = e.type === 'binary' && e.op === '..';
    throw new FormulaError(range ? `A lag range \`${label(e)}\` only gives GMM instruments (\`gmm:\`); a regressor takes one lag.` : `The lag of l() must be a whole number, not \`${label(e)}\`.`, e.at);
  }
  return value;
}

const ARITHMETIC: Partial<Record<Binary['op'], (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  ':': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
};

const truth = (v: number) => (Number.isNaN(v) ? NaN : v !== 0 ? 1 : 0);
const LOGIC: Partial<Record<Binary['op'], (a: number, b: number) => number>> = {
  and: (a, b) => (truth(a) === 0 || truth(b) === 0 ? 0 : truth(a) + truth(b) === 2 ? 1 : NaN),
  or: (a, b) => (truth(a) === 1 || truth(b) === 1 ? 1 : truth(a) + truth(b) === 0 ? 0 : NaN),
};

const COMPARISONS: Partial<Record<Binary['op'], (a: string | number, b: string | number) => boolean>> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function numbers(values: Float64Array): Column {
  return { type: 'number', values };
}

/** A 0/1 flag per table row for the listed rows. */
export function rowMask(n: number, rows: Int32Array): Uint8Array {
  const mask = new Uint8Array(n);
  for (const r of rows) mask[r] = 1;
  return mask;
}
