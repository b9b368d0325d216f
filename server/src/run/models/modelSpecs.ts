// What a model declaration asks for once its derivations are resolved: `model m2 = m1 + x` adds terms to
// m1's formula, `model g7 = m3 { where: … }` re-estimates m3 with options of its own, and
// `model s = m1 by g in ("a", "b")` splits the sample. Options are looked up from the declaration back to
// the model it derives from; the nearest wins.
import type { Expr as SpecExpr, Span } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import { addTerms, parseFormula, type Formula } from '../../engine/models/formula/index.js';
import { numberValue, wordValue, type RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import { engineExpr } from '../expressions.js';

export interface ModelSpec {
  symbol: Symbol;
  /** The source function of the model it all derives from: ols, poisson, sysgmm, permute … */
  estimator: string;
  /** The declaration with the source call. */
  root: Symbol;
  call: Extract<SpecExpr, { type: 'call' }>;
  /** The formula with every added term (estimators with a formula parameter). */
  formula?: Formula;
  title: string;
  /** The option's values, from the nearest declaration of the chain that sets it. */
  option(name: string): SpecExpr[] | undefined;
  split?: { variable: string; values?: (string | number)[]; span: Span };
}

export function modelSpec(ctx: RunContext, symbol: Symbol): ModelSpec {
  const chain: Symbol[] = [];
  const added: SpecExpr[][] = [];
  let split: ModelSpec['split'];
  for (let current: Symbol | undefined = symbol; current; ) {
    if (chain.includes(current)) throw new SpecError(`${symbol.name} derives from itself.`, symbol.nameSpan);
    chain.push(current);
    if (ctx.model.source(current.decl)) break;
    let value = current.decl.values[0];
    if (value?.type === 'binary' && value.op === 'by') {
      split ??= splitOf(value.right, value.span);
      value = value.left;
    }
    const terms: SpecExpr[] = [];
    while (value?.type === 'binary' && value.op === '+') {
      if (value.right) terms.unshift(value.right);
      value = value.left;
    }
    added.unshift(terms);
    const base = ctx.model.resolve(value);
    if (base?.kind !== 'model') throw new SpecError('Expected an estimator such as `ols(y ~ x | fe)` or another model to build on.', value?.span ?? current.nameSpan);
    current = base;
  }
  const root = chain[chain.length - 1];
  const source = ctx.model.source(root.decl)!;
  const formulaArg = source.spec.params?.[0]?.value.type === 'formula' ? source.call.args.find((a) => !a.name)?.value : undefined;
  let formula = formulaArg ? parseFormula(engineExpr(formulaArg)) : undefined;
  for (const terms of added) {
    for (const term of terms) {
      if (!formula) throw new SpecError(`${source.spec.name} has no formula to add terms to.`, term.span);
      formula = addTerms(formula, engineExpr(term));
    }
  }
  const title = ctx.model.option(symbol.decl, 'title')?.values[0];
  return {
    symbol,
    estimator: source.spec.name,
    root,
    call: source.call,
    formula,
    title: title?.type === 'string' ? title.value : symbol.name,
    option: (name) => {
      for (const s of chain) {
        const found = ctx.model.option(s.decl, name);
        if (found) return found.values;
      }
      return undefined;
    },
    split,
  };
}

/** `g in ("a", "b")` or `g`: the variable and, when listed, the groups to estimate. */
function splitOf(e: SpecExpr | undefined, span: Span): ModelSpec['split'] {
  if (e?.type === 'ident') return { variable: e.name, span: e.span };
  if (e?.type === 'binary' && e.op === 'in' && e.left.type === 'ident' && e.right?.type === 'tuple') {
    const values = e.right.items.map((item) => {
      if (item.type === 'string' || item.type === 'number') return item.value;
      throw new SpecError('Expected the groups as strings or numbers.', item.span);
    });
    return { variable: e.left.name, values, span: e.span };
  }
  throw new SpecError('Expected `by variable` or `by variable in ("a", "b")`.', e?.span ?? span);
}

/** A model option's single word, or the fallback. */
export function wordOption(spec: ModelSpec, name: string, fallback: string): string {
  return wordValue(spec.option(name)?.[0]) ?? fallback;
}

export function numberOption(spec: ModelSpec, name: string, fallback: number): number {
  return numberValue(spec.option(name)?.[0]) ?? fallback;
}
