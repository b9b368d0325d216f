// Variable labels as journals print them: a term's own label, else an interaction's parts labelled and joined
// by × (`l(Overlap, 3):Techadv_j` → "Overlap (t−3) × Technological advantage (j)"), and a fixest factor
// level as `Sector = chem` (etable's spelling of `sector::chem`).
import type { Cell, RegressionTable, Table } from '../../results/format.js';

/** Term (as the estimators name coefficients: `l(Overlap, 3)`) → label. */
export type TermLabels = ReadonlyMap<string, string>;

/** The term's parts around top-level single `:` (not fixest's `::`, not inside brackets). */
export function interactionParts(term: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ':' && depth === 0) {
      if (term[i + 1] === ':') { i++; continue; }
      if (term[i - 1] === ':') continue;
      parts.push(term.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(term.slice(start));
  return parts;
}

/** A part's label: its own, or `Label = level` for a factor level `name::level`. */
function partLabel(part: string, labels: TermLabels): string | undefined {
  const own = labels.get(part);
  if (own !== undefined) return own;
  const factor = part.indexOf('::');
  const name = factor > 0 ? labels.get(part.slice(0, factor)) : undefined;
  return name === undefined ? undefined : `${name} = ${part.slice(factor + 2)}`;
}

/** The label a term prints with, or undefined when neither it nor any of its parts is labelled. */
export function termLabel(term: string, labels: TermLabels): string | undefined {
  const own = labels.get(term);
  if (own !== undefined) return own;
  const parts = interactionParts(term);
  const labelled = parts.map((p) => partLabel(p, labels));
  return labelled.some((l) => l !== undefined) ? parts.map((p, i) => labelled[i] ?? p).join(' × ') : undefined;
}

/**
 * A result table as printed: the terms of its `variable` column (descriptives, correlations, VIF) with their
 * labels, and a correlation matrix's column heads too. The data (CSV, results JSON) keep the terms.
 */
export function labelVariables(table: Table, labels: TermLabels): Table {
  const k = table.columns.indexOf('variable');
  if (k < 0 || !labels.size) return table;
  const named = (v: Cell) => (typeof v === 'string' ? termLabel(v, labels) ?? v : v);
  const variables = new Set(table.rows.map((row) => row[k]));
  return {
    columns: table.columns.map((c, j) => (j !== k && variables.has(c) ? String(named(c)) : c)),
    rows: table.rows.map((row) => row.map((v, j) => (j === k ? named(v) : v))),
  };
}

/** The table with its coefficient rows and dependent variables labelled where the labels name them. */
export function labelRegression(table: RegressionTable, labels: TermLabels): RegressionTable {
  if (!labels.size) return table;
  return {
    ...table,
    models: table.models.map((m) => {
      const dependentLabel = termLabel(m.dependent, labels);
      return dependentLabel === undefined ? m : { ...m, dependentLabel };
    }),
    coefficients: table.coefficients.map((row) => {
      const label = termLabel(row.term, labels);
      return label === undefined ? row : { ...row, label };
    }),
  };
}
