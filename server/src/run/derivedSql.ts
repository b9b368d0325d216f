// A file declaration's splits (`split: ipc by ";"`) and derived columns (`year = year(app_date)`) as
// DuckDB SQL: the relation every reader of the declaration's file goes through, so a derived column is a
// column like the file's own wherever a column is named.
import type { AssignEntry, Call, Decl, Expr } from '../language/syntax/ast.js';
import type { ValueType } from '../language/schema/types.js';
import { derivedColumns, splits, valueArguments, valueTypeOf } from '../language/semantic/derived.js';
import { sqlString } from '../engine/data/duckdb.js';
import { SpecError } from './errors.js';
import { commonSql, OPERATORS, lookupSql, quoteIdent, type LookupRelation } from './sql.js';

export type ColumnTypes = (name: string) => ValueType | undefined;

/** The loaded keys of the lookup a `lookup(table, code)` call names. */
export type Lookups = (call: Call) => LookupRelation;

/**
 * The file's rows as the declaration states them: `scan` with each split column unnested into one row per
 * trimmed, non-empty value (a row without values kept, with none), then the derived columns, each in its
 * own select item so that a derived column may name those above it. `scan` itself when there are neither.
 */
export function derivedRelation(scan: string, decl: Decl, types: ColumnTypes, upTo?: AssignEntry, lookups?: Lookups): string {
  let relation = scan;
  const split = splits(decl);
  if (split.length) {
    const replaced = split.map(({ column, separator }) => {
      const values = `list_filter(list_transform(string_split(CAST(${quoteIdent(column.name)} AS VARCHAR), ${sqlString(separator.value)}), v -> trim(v)), v -> v <> '')`;
      return `unnest(coalesce(nullif(${values}, []), [NULL])) AS ${quoteIdent(column.name)}`;
    });
    relation = `(SELECT * REPLACE (${replaced.join(', ')}) FROM ${relation})`;
  }
  const derived = derivedColumns(decl);
  const shown = upTo ? derived.slice(0, derived.indexOf(upTo) + 1) : derived;
  if (!shown.length) return relation;
  const items = shown.map((e) => `${valueSql(e.value, types, e, lookups)} AS ${quoteIdent(e.name.name)}`);
  return `(SELECT *, ${items.join(', ')} FROM ${relation})`;
}

/** The value of a derived column's expression as SQL. */
export function valueSql(expr: Expr | undefined, types: ColumnTypes, entry: AssignEntry, lookups?: Lookups): string {
  const sql = (e: Expr | undefined): string => {
    if (!e) throw new SpecError(`The definition of \`${entry.name.name}\` is incomplete.`, entry.span);
    const shared = commonSql(e, sql, quoteIdent);
    if (shared !== undefined) return shared;
    switch (e.type) {
      case 'tuple':
        if (e.items.length === 1) return `(${sql(e.items[0])})`;
        break;
      case 'binary': {
        // `+` joins text when either side is text; missing text leaves the result missing.
        if (e.op === '+' && valueTypeOf(e, types) === 'text') return `(${text(sql(e.left))} || ${text(sql(e.right))})`;
        const op = OPERATORS[e.op];
        if (op) return `(${sql(e.left)} ${op} ${sql(e.right)})`;
        break;
      }
      case 'call': return callSql(e, sql, types, lookups);
      default: break;
    }
    throw new SpecError(`This cannot be computed in a derived column.`, e.span);
  };
  return sql(expr);
}

const text = (sql: string) => `CAST(${sql} AS VARCHAR)`;

/** Dates as `year`, `month`, `day` and `date` read them: DATE columns as they are, `YYYYMMDD` numbers, `YYYYMMDD` or ISO text. */
function dateSql(arg: Expr | undefined, sql: (e: Expr | undefined) => string, types: ColumnTypes): string {
  const value = sql(arg);
  switch (valueTypeOf(arg, types)) {
    case 'date': return `CAST(${value} AS DATE)`;
    case 'number': return `CAST(strptime(${text(`CAST(${value} AS BIGINT)`)}, '%Y%m%d') AS DATE)`;
    default: return `CAST(strptime(trim(${text(value)}), ['%Y%m%d', '%Y-%m-%d']) AS DATE)`;
  }
}

function callSql(call: Call, sql: (e: Expr | undefined) => string, types: ColumnTypes, lookups: Lookups | undefined): string {
  const args = call.args.map((a) => a.value);
  const named = (name: string, position: number) => call.args.find((a) => a.name?.name === name)?.value ?? call.args.filter((a) => !a.name)[position]?.value;
  switch (call.callee.name) {
    case 'year': case 'month': case 'day': return `${call.callee.name}(${dateSql(args[0], sql, types)})`;
    case 'date': {
      const format = named('format', 1);
      // A column DuckDB has read as dates already (it detects `09/01/2003`) is one whatever the format says.
      return format && valueTypeOf(args[0], types) !== 'date' ? `CAST(strptime(trim(${text(sql(args[0]))}), ${sql(format)}) AS DATE)` : dateSql(args[0], sql, types);
    }
    case 'left': case 'right': return `${call.callee.name}(${text(sql(args[0]))}, ${sql(args[1])})`;
    case 'substr': {
      const length = named('length', 2);
      return `substring(${text(sql(args[0]))}, ${sql(named('start', 1))}${length ? `, ${sql(length)}` : ''})`;
    }
    case 'upper': case 'lower': case 'trim': return `${call.callee.name}(${text(sql(args[0]))})`;
    case 'replace': return `replace(${text(sql(args[0]))}, ${sql(named('from', 1))}, ${sql(named('to', 2))})`;
    case 'regexp_extract': {
      const group = named('group', 2);
      return `regexp_extract(${text(sql(args[0]))}, ${sql(named('pattern', 1))}${group ? `, ${sql(group)}` : ''})`;
    }
    case 'if': return `(CASE WHEN ${sql(args[0])} THEN ${sql(args[1])} ELSE ${sql(args[2])} END)`;
    case 'case': {
      const values = new Set(valueArguments('case', args));
      const branches: string[] = [];
      args.forEach((a, i) => {
        if (!values.has(a)) branches.push(`WHEN ${sql(a)} THEN ${sql(args[i + 1])}`);
      });
      const fallback = args.length % 2 === 1 ? ` ELSE ${sql(args.at(-1))}` : '';
      return `(CASE ${branches.join(' ')}${fallback} END)`;
    }
    case 'coalesce': return `coalesce(${args.map(sql).join(', ')})`;
    case 'lookup':
      if (!lookups) break;
      return `CAST(${lookupSql(lookups(call), sql(args[1]))} AS VARCHAR)`;
    default: break;
  }
  throw new SpecError(`\`${call.callee.name}\` cannot be used in a derived column${call.callee.name === 'lookup' ? ' of a lookup' : ''}.`, call.callee.span);
}
