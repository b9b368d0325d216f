// Factor terms of a formula: fixest's `i(x)`, `i(x, var)` and R's `factor(x)`, over number or text columns.
// i(x): a dummy per level (levels sorted: numbers numerically, text by code point), named `x::level`, the
// reference left out as fixest's i_ref does for a term that is i() alone (its first level unless `ref:`
// names others). i(x, var) with a numeric var: var times each level's dummy, `x::level:var`, every level
// kept unless `ref:` names some (fixest adds no reference to an interaction with a number). factor(x):
// model.matrix's treatment coding and names, `factor(x)level`, with `ref:` as relevel().
import type { NumericColumn } from '../frame.js';
import type { Evaluator } from './evaluate.js';
import { FormulaError, type Expr, type Place } from './expr.js';
import { label } from './label.js';

type Call = Extract<Expr, { type: 'call' }>;

export interface FactorTerm {
  kind: 'i' | 'factor';
  call: Call;
  variable: Expr;
  /** i(x, var): the numeric variable interacted with every level. */
  slope?: Expr;
  /** The reference levels `ref:` names, with their places in the spec. */
  ref?: { value: string | number; at?: Place }[];
}

const PARAMETERS: Record<FactorTerm['kind'], string[]> = { i: ['x', 'var', 'ref'], factor: ['x', 'ref'] };
const SIGNATURES: Record<FactorTerm['kind'], string> = { i: 'i(x, var, ref: level)', factor: 'factor(x, ref: level)' };

/** The factor term `e` stands for, or undefined when it is not a call of i() or factor(). */
export function factorTerm(e: Expr): FactorTerm | undefined {
  if (e.type !== 'call' || (e.fn !== 'i' && e.fn !== 'factor')) return undefined;
  const kind = e.fn;
  const parameters = PARAMETERS[kind];
  const given = new Map<string, Expr>();
  let position = 0;
  e.args.forEach((arg, k) => {
    const name = e.names?.[k] ?? parameters[position++];
    if (!name || !parameters.includes(name) || given.has(name)) throw new FormulaError(`\`${label(e)}\`: ${kind}() takes ${SIGNATURES[kind]}.`, arg.at ?? e.at);
    given.set(name, arg);
  });
  const variable = given.get('x');
  if (!variable) throw new FormulaError(`\`${label(e)}\` needs the variable to treat as a factor: ${SIGNATURES[kind]}.`, e.at);
  const ref = given.get('ref');
  const levels = ref ? referenceLevels(ref) : undefined;
  if (kind === 'factor' && levels && levels.length > 1) throw new FormulaError(`factor() has one reference level; to leave out several write i(${label(variable)}, ref: (…)).`, ref!.at);
  return { kind, call: e, variable, ...(given.has('var') ? { slope: given.get('var') } : {}), ...(levels ? { ref: levels } : {}) };
}

function referenceLevels(e: Expr): { value: string | number; at?: Place }[] {
  return (e.type === 'list' ? e.items : [e]).map((item) => {
    if (item.type === 'string' || item.type === 'number') return { value: item.value, at: item.at };
    if (item.type === 'unary' && item.op === '-' && item.operand.type === 'number') return { value: -item.operand.value, at: item.at };
    throw new FormulaError(`A reference level is a quoted string or a number, not \`${label(item)}\`.`, item.at);
  });
}

/** The expressions whose missing values drop a row: the factor and its slope. */
export function factorInputs(t: FactorTerm): Expr[] {
  return t.slope ? [t.variable, t.slope] : [t.variable];
}

/**
 * The term's columns over `rows`. `dropFirst`: the coding rule leaves out the reference (the first level, or
 * `ref:`'s); i() with `ref:` always leaves its references out.
 */
export function factorColumns(t: FactorTerm, ev: Evaluator, rows: Int32Array, dropFirst: boolean): NumericColumn[] {
  const column = ev.evaluate(t.variable);
  const slope = t.slope ? slopeValues(t.slope, ev) : undefined;
  const present = Array.from(rows, (r) => column.values[r] as string | number);
  const levels = [...new Set(present)].sort(column.type === 'number' ? (a, b) => (a as number) - (b as number) : (a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  const refs = (t.ref ?? []).map((r) => {
    const level = String(r.value);
    if (!levels.includes(level)) {
      const shown = levels.length > 12 ? `${levels.slice(0, 12).join(', ')} …` : levels.join(', ');
      throw new FormulaError(`\`ref: ${JSON.stringify(r.value)}\` is not a level of \`${label(t.variable)}\` in the estimation sample (its levels: ${shown}).`, r.at ?? t.call.at);
    }
    return level;
  });
  let kept: string[];
  if (t.kind === 'i') kept = t.ref ? levels.filter((l) => !refs.includes(l)) : levels.slice(dropFirst ? 1 : 0);
  else kept = (t.ref ? [refs[0], ...levels.filter((l) => l !== refs[0])] : levels).slice(dropFirst ? 1 : 0);
  const name = label(t.variable);
  const suffix = t.slope ? `:${label(t.slope)}` : '';
  const codes = present.map(String);
  return kept.map((level) => ({
    name: t.kind === 'i' ? `${name}::${level}${suffix}` : `factor(${name})${level}`,
    values: Float64Array.from(codes, (l, k) => (l === level ? (slope ? slope[rows[k]] : 1) : 0)),
  }));
}

function slopeValues(slope: Expr, ev: Evaluator): Float64Array {
  const column = ev.evaluate(slope);
  if (column.type === 'text') {
    throw new FormulaError(`\`${label(slope)}\` is text: i(x, var) interacts the factor x with a numeric variable (two factors are not interacted by i() here; \`x^var\` interacts them as a fixed effect).`, slope.at);
  }
  return column.values;
}
