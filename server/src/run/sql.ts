// Spec conditions (`where:` filters, region sets) as DuckDB SQL over a table's columns.
import type { Call, Expr } from '../language/syntax/ast.js';
import { quoteIdent, sqlString } from '../engine/data/duckdb.js';
import { SpecError } from './errors.js';

export const OPERATORS: Record<string, string> = {
  '==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=', and: 'AND', or: 'OR',
  '+': '+', '-': '-', '*': '*', '/': '/',
};

export { quoteIdent };

/** A holder dataset as a holder condition reads it: a relation, and its column naming each row's patent. */
export interface HolderRelation { from: string; patent: string }

/**
 * A lookup as conditions read it: a table of its keys `k` (normalised for `prefix`: spaces removed, upper
 * case), their values `v` and key lengths `n`.
 */
export interface LookupRelation { table: string; prefix: boolean }

/**
 * What the calls of a condition need: for holder conditions (`any(applicants, …)`, `all(…)`, `count(…)`) the
 * SQL of the filtered row's patent and the relation each call's dataset is read from; for `lookup(t, code)`
 * the lookup's relation.
 */
export interface Calls { patent?: string; relation(call: Call): HolderRelation; lookup(call: Call): LookupRelation }

/** The alias of a holder relation inside its subquery: no table of the outer query is called so. */
const HOLDER = 'holder__';

/**
 * The SQL of the forms conditions and derived columns write alike — names, literals, `not`, `-` and `in` —
 * or undefined for the others, which each compiles its own way; `sql` compiles the operands.
 */
export function commonSql(e: Expr, sql: (e: Expr | undefined) => string, column: (name: string) => string): string | undefined {
  switch (e.type) {
    case 'ident': return column(e.name);
    case 'number': return e.text;
    case 'string': return sqlString(e.value);
    case 'bool': return e.value ? 'TRUE' : 'FALSE';
    case 'unary': return e.op === 'not' ? `(NOT ${sql(e.operand)})` : `(-${sql(e.operand)})`;
    case 'binary': {
      if (e.op !== 'in') return undefined;
      const list = e.right?.type === 'tuple' ? e.right.items : e.right ? [e.right] : [];
      return `(${sql(e.left)} IN (${list.map(sql).join(', ')}))`;
    }
    default: return undefined;
  }
}

/** The condition as SQL; `column` maps a name to its SQL (qualified, or renamed). */
export function conditionSql(expr: Expr, column: (name: string) => string = quoteIdent, calls?: Calls): string {
  const sql = (e: Expr | undefined): string => {
    if (!e) throw new SpecError('This condition is incomplete.', expr.span);
    const shared = commonSql(e, sql, column);
    if (shared !== undefined) return shared;
    switch (e.type) {
      case 'tuple': return e.items.length === 1 ? `(${sql(e.items[0])})` : `(${e.items.map(sql).join(', ')})`;
      case 'binary': {
        const op = OPERATORS[e.op];
        if (!op) throw new SpecError(`The operator \`${e.op}\` cannot be used in a condition.`, e.opSpan);
        return `(${sql(e.left)} ${op} ${sql(e.right)})`;
      }
      case 'call':
        if (calls && e.callee.name === 'lookup') return lookupSql(calls.lookup(e), sql(e.args[1]?.value));
        if (calls) return holderSql(e, calls);
      // falls through
      default: throw new SpecError('A condition compares columns with values, e.g. `kind != "individual"`.', e.span);
    }
  };
  return sql(expr);
}

/**
 * `any(d, c)`, `all(d, c)` and `count(d, c)` over the rows of `d` that share the filtered row's patent, as
 * subqueries DuckDB decorrelates into one aggregate per patent. A missing value fails the condition.
 */
function holderSql(call: Call, holders: Calls): string {
  const fn = call.callee.name;
  if (fn !== 'any' && fn !== 'all' && fn !== 'count') throw new SpecError(`\`${fn}\` cannot be used in a condition; \`any\`, \`all\` and \`count\` look at a patent's holders.`, call.callee.span);
  const condition = call.args.filter((a) => !a.name)[1]?.value;
  if (!condition && fn !== 'count') throw new SpecError(`\`${fn}\` needs a condition: \`${fn}(applicants, kind == "firm")\`.`, call.span);
  if (!holders.patent) throw new SpecError(`\`${fn}(…)\` looks at the holders of each row's patent, but these rows have no \`patent:\` (or \`id:\`) column.`, call.callee.span);
  const { from, patent } = holders.relation(call);
  const rows = `FROM ${from} ${HOLDER} WHERE CAST(${HOLDER}.${quoteIdent(patent)} AS VARCHAR) = CAST(${holders.patent} AS VARCHAR)`;
  const test = condition && conditionSql(condition, (c) => `${HOLDER}.${quoteIdent(c)}`);
  if (fn === 'any') return `EXISTS (SELECT 1 ${rows} AND ${test})`;
  if (fn === 'all') return `(NOT EXISTS (SELECT 1 ${rows} AND NOT coalesce(${test}, FALSE)))`;
  return `(SELECT count(*) ${rows}${test ? ` AND ${test}` : ''})`;
}

/** A code as `match: prefix` compares it: spaces removed, upper case (`H01M 10/0525` → `H01M10/0525`). */
export function prefixKeySql(code: string): string {
  return `upper(regexp_replace(CAST(${code} AS VARCHAR), '\\s', '', 'g'))`;
}

const LOOKUP = 'lookup__';

/**
 * The value a lookup gives a code, NULL when no key matches: with `prefix`, the longest key the code begins
 * with (`arg_max` over the key length), else the equal key. A subquery DuckDB decorrelates into one join.
 */
export function lookupSql(lookup: LookupRelation, code: string): string {
  const test = lookup.prefix ? `starts_with(${prefixKeySql(code)}, ${LOOKUP}.k)` : `${LOOKUP}.k = CAST(${code} AS VARCHAR)`;
  return `(SELECT arg_max(${LOOKUP}.v, ${LOOKUP}.n) FROM ${lookup.table} ${LOOKUP} WHERE ${test})`;
}
