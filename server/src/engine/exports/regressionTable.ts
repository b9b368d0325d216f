// Regression tables as journals print them (esttab / fixest::etable conventions): a `RegressionTable` of plain
// numbers becomes a grid of formatted cells, written as LaTeX (booktabs + threeparttable), Markdown, HTML or CSV.
// Pure string functions, shared by the result panel, the Word export and the command line.
import type { ModelResult } from '../../results/modelResult.js';
import type { DeclarationResult, RegressionCell, RegressionTable } from '../../results/format.js';
import { csvTable } from './csv.js';
import { escapeHtml, escapeLatex, escapeMarkdown } from './escape.js';
import { labelRegression, termLabel, type TermLabels } from './termLabels.js';

/** A printed cell: the number as text and its significance stars (kept apart: every format sets stars its own way). */
export interface FormattedCell { text: string; stars: string }

export interface FormattedRow { label: string; cells: FormattedCell[] }

export interface FormattedRegression {
  title?: string;
  /** `['', '(1)', '(2)']`, the model titles and the dependent variables: the head of every format. */
  head: string[][];
  /** Per coefficient: an estimate row, then its parenthesis row and one row per stacked SE type (brackets, braces). */
  coefficients: FormattedRow[];
  stats: FormattedRow[];
  /** The table's own note lines (`notes:`), printed before the parenthesis line and the legend. */
  notes: string[];
  /** "Standard errors in parentheses" or "t statistics in parentheses" (and what brackets and braces hold, when stacked). */
  parenthesis: string;
  /** One entry per threshold, fewest stars first: `{ stars: '*', threshold: 0.1 }`. */
  legend: { stars: string; threshold: number }[];
}

/** Fixed decimals; never "-0.000". Non-finite numbers print as an empty cell. */
export function formatNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '';
  const text = value.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A statistics cell: whole numbers are counts (N, clusters, instruments) with thousands separators. */
export function formatStat(value: number | string | null, digits: number): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? value.toLocaleString('en-US') : formatNumber(value, digits);
}

export function starsFor(p: number, thresholds: readonly number[]): string {
  return '*'.repeat(thresholds.filter((t) => p < t).length);
}

/** `t`, `z` when every column's test is a z test (Poisson, NB, GMM: "z statistics" as Stata prints), `t (or z)` when mixed. */
function statisticName(table: RegressionTable): string {
  const kinds = new Set(table.models.map((m) => m.statistic ?? 't'));
  return kinds.size > 1 ? 't (or z)' : kinds.has('z') ? 'z' : 't';
}

const empty: FormattedCell = { text: '', stars: '' };
const plain = (text: string): FormattedCell => ({ text, stars: '' });

/** The model's own standard errors in parentheses, stacked ones (`stack_se:`) in brackets, then braces. */
export const SE_BRACKETS = ['()', '[]', '{}'] as const;

export function formatRegression(table: RegressionTable): FormattedRegression {
  const { digits } = table;
  const estimate = (c: RegressionCell | null) => (c ? { text: formatNumber(c.estimate, digits), stars: starsFor(c.p, table.stars) } : empty);
  const under = (k: number) => (c: RegressionCell | null) => {
    const v = k ? c?.stacked?.[k - 1] : c;
    return v ? plain(`${SE_BRACKETS[k][0]}${formatNumber(table.paren === 'se' ? v.se : v.stat, digits)}${SE_BRACKETS[k][1]}`) : empty;
  };
  const stacked = table.stackedSe?.length ?? 0;
  const what = table.paren === 'se' ? 'Standard errors' : `${statisticName(table)} statistics`;
  return {
    title: table.title,
    head: [
      ['', ...table.models.map((_, i) => `(${i + 1})`)],
      ['', ...table.models.map((m) => m.title)],
      ['Dependent variable', ...table.models.map((m) => m.dependentLabel ?? m.dependent)],
    ],
    coefficients: table.coefficients.flatMap((row) => [
      { label: row.label ?? row.term, cells: row.cells.map(estimate) },
      ...Array.from({ length: stacked + 1 }, (_, k) => ({ label: '', cells: row.cells.map(under(k)) })),
    ]),
    stats: table.stats.map((row) => ({ label: row.label, cells: row.cells.map((v) => plain(formatStat(v, digits))) })),
    notes: table.notes ?? [],
    parenthesis: stacked
      ? `${what} in parentheses, [brackets]${stacked > 1 ? ' and {braces}' : ''}: one standard-error type each, as the Standard errors rows name them`
      : `${what} in parentheses`,
    legend: [...table.stars].sort((a, b) => b - a).map((threshold, i) => ({ stars: '*'.repeat(i + 1), threshold })),
  };
}

/** "* p<0.1, ** p<0.05, *** p<0.01" */
export function legendText(f: FormattedRegression): string {
  return f.legend.map((l) => `${l.stars} p<${l.threshold}`).join(', ');
}

/** The note lines every format prints under the table: the table's notes, what the parentheses hold, the stars. */
export function noteLines(f: FormattedRegression): string[] {
  return [...f.notes, f.parenthesis, legendText(f)];
}

const cellText = (c: FormattedCell) => c.text + c.stars;

// ---------------------------------------------------------------- LaTeX (booktabs, threeparttable)

/** A `table` float with a `threeparttable`, so that the notes wrap at the tabular's width. */
export function regressionLatex(table: RegressionTable): string {
  const f = formatRegression(table);
  const width = f.head[0].length;
  const line = (label: string, cells: string[]) => `${[escapeLatex(label), ...cells].join(' & ')} \\\\`;
  const cell = (c: FormattedCell) => escapeLatex(c.text) + (c.stars ? `$^{${c.stars}}$` : '');
  return [
    '% \\usepackage{booktabs, threeparttable}',
    '\\begin{table}[htbp]',
    '\\centering',
    '\\begin{threeparttable}',
    ...(f.title ? [`\\caption{${escapeLatex(f.title)}}`] : []),
    `\\begin{tabular}{l*{${width - 1}}{c}}`,
    '\\toprule',
    ...f.head.map(([label, ...cells]) => line(label, cells.map(escapeLatex))),
    '\\midrule',
    ...f.coefficients.map((r) => line(r.label, r.cells.map(cell))),
    ...(f.stats.length ? ['\\midrule', ...f.stats.map((r) => line(r.label, r.cells.map(cell)))] : []),
    '\\bottomrule',
    '\\end{tabular}',
    '\\begin{tablenotes}[flushleft]',
    '\\footnotesize',
    ...[...f.notes, f.parenthesis].map((text) => `\\item ${escapeLatex(text)}`),
    `\\item ${f.legend.map((l) => `$^{${l.stars}}$ $p<${l.threshold}$`).join(', ')}`,
    '\\end{tablenotes}',
    '\\end{threeparttable}',
    '\\end{table}',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- Markdown

export function regressionMarkdown(table: RegressionTable): string {
  const f = formatRegression(table);
  const line = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const [first, ...rest] = f.head;
  return [
    ...(f.title ? [`**${escapeMarkdown(f.title)}**`, ''] : []),
    line(first),
    `|:---|${first.slice(1).map(() => ':---:|').join('')}`,
    ...rest.map(line),
    ...[...f.coefficients, ...f.stats].map((r) => line([r.label, ...r.cells.map(cellText)])),
    '',
    ...f.notes.map((text) => `${escapeMarkdown(text)}  `),
    escapeMarkdown(`${f.parenthesis}; ${legendText(f)}`),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- HTML

/** A `<table>` fragment (for reports); `htmlPage` wraps it into a file of its own. */
export function regressionHtml(table: RegressionTable): string {
  const f = formatRegression(table);
  const row = (tag: 'th' | 'td', label: string, cells: string[]) => `<tr><th scope="row">${escapeHtml(label)}</th>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  const cell = (c: FormattedCell) => escapeHtml(c.text) + (c.stars ? `<sup>${c.stars}</sup>` : '');
  const body = (rows: FormattedRow[]) => `<tbody>\n${rows.map((r) => row('td', r.label, r.cells.map(cell))).join('\n')}\n</tbody>`;
  return [
    '<table class="regression">',
    ...(f.title ? [`<caption>${escapeHtml(f.title)}</caption>`] : []),
    `<thead>\n${f.head.map(([label, ...cells]) => row('th', label, cells.map(escapeHtml))).join('\n')}\n</thead>`,
    body(f.coefficients),
    ...(f.stats.length ? [body(f.stats)] : []),
    `<tfoot><tr><td colspan="${f.head[0].length}">${noteLines(f).map(escapeHtml).join('<br>')}</td></tr></tfoot>`,
    '</table>',
    '',
  ].join('\n');
}

/** Booktabs-like rules for `regressionHtml`'s table (a page or report includes them in its style). */
export const REGRESSION_CSS = `table.regression { border-collapse: collapse; font-family: serif; }
table.regression caption { font-weight: bold; margin-bottom: .5em; }
table.regression th, table.regression td { padding: .1em .8em; text-align: center; font-weight: normal; }
table.regression th[scope=row] { text-align: left; }
table.regression thead { border-top: 2px solid; border-bottom: 1px solid; }
table.regression tbody + tbody { border-top: 1px solid; }
table.regression tfoot { border-top: 2px solid; font-size: .85em; }
table.regression tfoot td { text-align: left; }
`;

/** A standalone HTML document around a fragment. */
export function htmlPage(title: string, fragment: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${REGRESSION_CSS}</style></head>
<body>
${fragment}</body></html>
`;
}

// ---------------------------------------------------------------- CSV

/** The printed grid as RFC 4180 CSV: stars glued to the estimate, notes as last rows. */
export function regressionCsv(table: RegressionTable): string {
  const f = formatRegression(table);
  const [first, ...rest] = f.head;
  return csvTable(first, [
    ...rest,
    ...[...f.coefficients, ...f.stats].map((r) => [r.label, ...r.cells.map(cellText)]),
    ...noteLines(f).map((text) => [text]),
  ]);
}

// ---------------------------------------------------------------- from estimator results

export interface TableModel {
  /** The model declaration's name. */
  name: string;
  title?: string;
  result: ModelResult;
  /** The model re-estimated under each of the table's `stackedSe`, in order. */
  stacked?: ModelResult[];
}

export interface RegressionTableOptions {
  title?: string;
  paren?: 'se' | 't';
  stars?: number[];
  digits?: number;
  /** Add the rows a table shows only on request (AIC, BIC, OLS log-likelihood …); a `stats:` list then picks. */
  requestedRows?: boolean;
  /** The spec's variable labels: coefficient rows, dependent variables, fixed effects and clusters print with them. */
  labels?: TermLabels;
  notes?: string[];
  /** `stack_se:` (each model's `stacked` results are estimated under these, in order). */
  stackedSe?: string[];
}

/** Which columns a fit row fills: every model's value, only those of count models (GLMs), or none until `stats:` asks. */
type Shown = 'always' | 'glm' | 'requested';

/** Fit statistics in print order, with their labels (a row appears when a model has the value; fixest's fitstat names in comments). */
const FIT_ROWS: [key: string, label: string, shown: Shown][] = [
  ['n', 'Observations', 'always'], ['groups', 'Groups', 'always'], ['instruments', 'Instruments', 'always'],
  ['r2', 'R²', 'always'], ['adj_r2', 'Adjusted R²', 'always'], ['within_r2', 'Within R²', 'always'],
  ['pseudo_r2', 'Pseudo R²', 'always'], // pr2
  ['adj_pseudo_r2', 'Adjusted pseudo R²', 'glm'], // apr2
  ['loglik', 'Log-likelihood', 'glm'], // ll
  ['theta', 'θ', 'always'],
  ['sq_cor', 'Squared correlation', 'requested'], // sq.cor
  ['sigma2', 'σ²', 'requested'],
  ['rmse', 'RMSE', 'requested'],
  ['deviance', 'Deviance', 'requested'],
  ['null_deviance', 'Null deviance', 'requested'],
  ['aic', 'AIC', 'requested'],
  ['bic', 'BIC', 'requested'],
];
const TEST_ROWS: [key: string, label: string][] = [['ar1', 'AR(1) p'], ['ar2', 'AR(2) p'], ['sargan', 'Sargan p'], ['hansen', 'Hansen p']];

/** Count models by maximum likelihood, whose pseudo R² and log-likelihood a table shows without being asked (as etable). */
const GLM_ESTIMATORS = new Set(['fepois', 'negbin']);

const distinct = (values: string[]) => [...new Set(values)];

/** A column's standard errors as etable names them: "IID", "Robust (HC1)", "Clustered (pair)" … */
export function seTypeLabel(r: ModelResult, name: (term: string) => string = (t) => t): string | undefined {
  const v = r.vcovType;
  if (!v) return undefined;
  const clusters = v.clusters?.map((c) => name(c.name)).join(' & ');
  switch (v.type) {
    case 'iid': return 'IID';
    case 'hetero': return r.estimator === 'negbin' ? 'Robust (HC0)' : 'Robust (HC1)'; // glm.nb + sandwich HC0; fixest's hetero is HC1
    case 'cluster': case 'arellano': return `Clustered (${clusters})`;
    case 'twoway': return `Two-way clustered (${clusters})`;
    case 'white1': return 'Robust (White)';
    case 'white2': return 'Robust (White, group means)';
    case 'robust': return 'Robust';
    case 'windmeijer': return 'Robust (Windmeijer)';
    default: return v.type;
  }
}

/** A `table` declaration's models side by side, or an estimated model's own column (one per group when split):
 * what the regression panel shows and `--format tex|md|csv` writes. A table is labelled by its run already;
 * a model's column takes the results file's `labels`. */
export function regressionOf(r: DeclarationResult, labels?: Readonly<Record<string, string>>): RegressionTable | undefined {
  if (r.regression) return r.regression;
  const options = { labels: new Map(Object.entries(labels ?? {})) };
  if (r.groups?.length) return regressionTableFromModels(r.groups.map((g) => ({ name: r.name, title: g.group, result: g.model })), options);
  if (r.model?.coefficients.length) return regressionTableFromModels([{ name: r.name, result: r.model }], options);
  return undefined;
}

/** Models side by side as esttab / etable print them: coefficients, FE Yes/No, SE type, clusters, fit, tests. */
export function regressionTableFromModels(models: readonly TableModel[], options: RegressionTableOptions = {}): RegressionTable {
  const labels: TermLabels = options.labels ?? new Map();
  const name = (term: string) => termLabel(term, labels) ?? term;
  const results = models.map((m) => m.result);
  const terms = distinct(results.flatMap((r) => r.coefficients.map((c) => c.term)));
  const feNames = distinct(results.flatMap((r) => r.fixedEffects?.map((f) => f.name) ?? []));
  const clusterNames = distinct(results.flatMap((r) => r.vcovType?.clusters?.map((c) => c.name) ?? []));
  const row = (key: string, label: string, cell: (r: ModelResult, i: number) => number | string | null | undefined) => {
    const cells = results.map((r, i) => cell(r, i) ?? null);
    return cells.some((c) => c !== null) ? [{ key, label, cells }] : [];
  };
  const stackedSe = options.stackedSe ?? [];
  const fitRows = FIT_ROWS.filter(([, , shown]) => shown !== 'requested' || options.requestedRows);
  const table: RegressionTable = {
    ...(options.title ? { title: options.title } : {}),
    paren: options.paren ?? 'se',
    stars: options.stars ?? [0.1, 0.05, 0.01],
    digits: options.digits ?? 3,
    models: models.map((m) => ({ name: m.name, title: m.title ?? m.name, dependent: m.result.dependent, estimator: m.result.estimator, statistic: m.result.statistic })),
    coefficients: terms.map((term) => ({
      term,
      cells: results.map((r, i) => {
        const c = r.coefficients.find((k) => k.term === term);
        if (!c) return null;
        const stacked = models[i].stacked?.map((s) => s.coefficients.find((k) => k.term === term) ?? { se: NaN, stat: NaN, p: NaN });
        return { estimate: c.estimate, se: c.se, stat: c.stat, p: c.p, ...(stacked ? { stacked: stacked.map(({ se, stat, p }) => ({ se, stat, p })) } : {}) };
      }),
    })),
    stats: [
      ...feNames.flatMap((fe) => row(`fe:${fe}`, `${name(fe)} fixed effects`, (r) => (r.fixedEffects?.some((f) => f.name === fe) ? 'Yes' : 'No'))),
      ...row('vcov', stackedSe.length ? 'Standard errors ( )' : 'Standard errors', (r) => seTypeLabel(r, name)),
      ...stackedSe.flatMap((_, k) => row(`vcov:${k + 1}`, `Standard errors ${SE_BRACKETS[k + 1].split('').join(' ')}`, (_r, i) => {
        const s = models[i].stacked?.[k];
        return s && seTypeLabel(s, name);
      })),
      ...clusterNames.flatMap((c) => row(`clusters:${c}`, `Clusters (${name(c)})`, (r) => r.vcovType?.clusters?.find((k) => k.name === c)?.count)),
      ...fitRows.flatMap(([key, label, shown]) => row(key, label, (r) => (shown === 'glm' && !options.requestedRows && !GLM_ESTIMATORS.has(r.estimator) ? null : r.fit[key]))),
      ...TEST_ROWS.flatMap(([key, label]) => row(`test:${key}`, label, (r) => r.tests?.[key]?.p)),
    ],
    ...(options.notes?.length ? { notes: options.notes } : {}),
    ...(stackedSe.length ? { stackedSe } : {}),
  };
  return labelRegression(table, labels);
}
