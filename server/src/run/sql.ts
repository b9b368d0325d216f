// Spec conditions (`where:` filters, region sets) as DuckDB SQL over a table's columns.
import type { Expr } from '../language/syntax/ast.js';
import { sqlString } from '../engine/data/duckdb.js';
import { SpecError } from './errors.js';

const OPERATORS: Record<string, string> = {
  '==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=', and: 'AND', or: 'OR',
  '+': '+', '-': '-', '*': '*', '/': '/',
};

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The condition as SQL; `column` maps a name to its SQL (qualified, or renamed). */
export function conditionSql(expr: Expr, column: (name: string) => string = quoteIdent): string {
  const sql = (e: Expr | undefined): string => {
    if (!e) throw new SpecError('This condition is incomplete.', expr.span);
    switch (e.type) {
      case 'ident': return column(e.name);
      case 'number': return e.text;
      case 'string': return sqlString(e.value);
      case 'bool': return e.value ? 'TRUE' : 'FALSE';
      case 'unary': return e.op === 'not' ? `(NOT ${sql(e.operand)})` : `(-${sql(e.operand)})`;
      case 'tuple': return e.items.length === 1 ? `(${sql(e.items[0])})` : `(${e.items.map(sql).join(', ')})`;
      case 'binary': {
        if (e.op === 'in') {
          const list = e.right?.type === 'tuple' ? e.right.items : e.right ? [e.right] : [];
          return `(${sql(e.left)} IN (${list.map(sql).join(', ')}))`;
        }
        const op = OPERATORS[e.op];
        if (!op) throw new SpecError(`The operator \`${e.op}\` cannot be used in a condition.`, e.opSpan);
        return `(${sql(e.left)} ${op} ${sql(e.right)})`;
      }
      default: throw new SpecError('A condition compares columns with values, e.g. `kind != "individual"`.', e.span);
    }
  };
  return sql(expr);
}
