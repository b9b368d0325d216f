// Columns a file declaration adds to its file's: derived columns (`year = year(app_date)` in its block) and
// split columns (`split: ipc by ";"`, one row per value). What their values are (text, number, date,
// condition) follows from the header's types, so that checks and the SQL compiler agree on `+`.
import type { AssignEntry, Decl, Expr, Ident, StringLit } from '../syntax/ast.js';
import { functionSpec } from '../schema/functions.js';
import type { ValueType } from '../schema/types.js';

/** The derived columns of a file declaration, in the order they are defined (each sees those above it). */
export function derivedColumns(decl: Decl): AssignEntry[] {
  return (decl.block?.entries ?? []).filter((e): e is AssignEntry => e.type === 'assign');
}

const firstDerived = new WeakMap<Decl, Map<string, number>>();

/** Each derived column's name → the position of its first definition among `derivedColumns(decl)`; built once per declaration. */
export function derivedPositions(decl: Decl): Map<string, number> {
  let positions = firstDerived.get(decl);
  if (!positions) {
    positions = new Map();
    for (const [i, e] of derivedColumns(decl).entries()) if (!positions.has(e.name.name)) positions.set(e.name.name, i);
    firstDerived.set(decl, positions);
  }
  return positions;
}

/** `split: ipc by ";"`: a column and the separator between its values. */
export interface Split { column: Ident; separator: StringLit }

/** The splits a file declaration states, as far as they are well formed (the checks report the rest). */
export function splits(decl: Decl): Split[] {
  const option = (decl.block?.entries ?? []).filter((e) => e.type === 'option' && e.key.name === 'split').at(-1);
  return (option?.type === 'option' ? option.values : []).flatMap((v) =>
    v.type === 'binary' && v.op === 'by' && v.left.type === 'ident' && v.right?.type === 'string' ? [{ column: v.left, separator: v.right }] : []);
}

/** A DuckDB column type as a value type; undefined for types no derived-column function takes as such. */
export function headerType(sqlType: string | undefined): ValueType | undefined {
  if (!sqlType) return undefined;
  if (sqlType === 'VARCHAR') return 'text';
  if (sqlType === 'BOOLEAN') return 'bool';
  if (/^(DATE|TIMESTAMP)/.test(sqlType)) return 'date';
  if (/INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(sqlType)) return 'number';
  return undefined;
}

const CONDITIONS = new Set(['==', '!=', '<', '<=', '>', '>=', 'in', 'and', 'or']);

/**
 * What an expression of a derived column gives per row, where known: `+` joins text when either side is
 * text and adds numbers otherwise; `if`, `case` and `coalesce` give the type of their values.
 */
export function valueTypeOf(expr: Expr | undefined, columnType: (name: string) => ValueType | undefined): ValueType | undefined {
  if (!expr) return undefined;
  switch (expr.type) {
    case 'ident': return columnType(expr.name);
    case 'number': return 'number';
    case 'string': return 'text';
    case 'bool': return 'bool';
    case 'unary': return expr.op === 'not' ? 'bool' : 'number';
    case 'tuple': return expr.items.length === 1 ? valueTypeOf(expr.items[0], columnType) : undefined;
    case 'binary': {
      if (CONDITIONS.has(expr.op)) return 'bool';
      if (expr.op !== '+') return ['-', '*', '/'].includes(expr.op) ? 'number' : undefined;
      // `a + b + …` is a left-deep chain: walked in a loop.
      const sides: (Expr | undefined)[] = [];
      let e: Expr | undefined = expr;
      for (; e?.type === 'binary' && e.op === '+'; e = e.left) sides.push(e.right);
      sides.push(e);
      const types = sides.map((s) => valueTypeOf(s, columnType));
      if (types.includes('text')) return 'text';
      return types.every((t) => t === 'number') ? 'number' : undefined;
    }
    case 'call': {
      const fn = functionSpec(expr.callee.name);
      if (fn?.context !== 'column') return undefined;
      if (fn.returns !== 'value') return fn.returns;
      return valueArguments(expr.callee.name, expr.args.map((a) => a.value)).map((v) => valueTypeOf(v, columnType)).find((t) => t !== undefined);
    }
    default: return undefined;
  }
}

/** The arguments of `if`, `case` and `coalesce` that are values (not conditions). */
export function valueArguments(fn: string, args: (Expr | undefined)[]): (Expr | undefined)[] {
  if (fn === 'if') return args.slice(1);
  if (fn === 'case') return args.filter((_, i) => i % 2 === 1 || i === args.length - 1);
  return args;
}
