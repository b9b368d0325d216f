// The run's report (report.html): one self-contained page — inline CSS, no script, nothing remote (its CSP
// forbids both), every user string escaped — with the study, then each declaration's status, error, notes,
// figure, charts or a network's pictures and maps (inline SVG, drawn by the caller), regression table and result tables. Results in, text out: the
// caller writes the file.
import { basename } from 'node:path';
import { escapeHtml } from '../../engine/exports/escape.js';
import { REGRESSION_CSS, regressionHtml, regressionOf } from '../../engine/exports/regressionTable.js';
import { tableHtml } from '../../engine/exports/plainTable.js';
import { labelVariables } from '../../engine/exports/termLabels.js';
import type { DeclarationResult, ResultsFile, RunError, Table } from '../../results/format.js';

export interface ReportOptions {
  /** Rows shown of each result table (default 50); the rest are counted and pointed to. */
  rowLimit?: number;
  /** The file that holds a whole result table, linked under a cut one; results.json when not given. */
  tableFile?: (declaration: string, table: string) => string;
  /** The SVG of each figure by declaration name (engine/exports/figureSvg.ts), shown in place of its `data` table. */
  figures?: ReadonlyMap<string, string>;
  /** The SVG maps of each network with a geometry, one per window (run/output/mapFiles.ts), shown after its notes. */
  maps?: ReadonlyMap<string, readonly { window: string; svg: string }[]>;
  /** The charts the charts panel draws of each result (engine/exports/chartSpecs.ts), as SVG by declaration name. */
  charts?: ReadonlyMap<string, readonly string[]>;
  /** Each network's picture per window (run/output/networkPictures.ts); no `svg` when too large to draw. */
  networks?: ReadonlyMap<string, readonly { window: string; svg?: string; ties: number }[]>;
}

/**
 * The result tables to print, their variables labelled with the spec's `labels`: a `table` declaration's flat
 * `table` repeats its regression table, so it is left out.
 */
export function printedTables(r: DeclarationResult, labels?: Readonly<Record<string, string>>): [string, Table][] {
  const named = new Map(Object.entries(labels ?? {}));
  return Object.entries(r.tables).filter(([name]) => !(r.regression && name === 'table')).map(([name, t]) => [name, labelVariables(t, named)]);
}

/** Where an error is: the data file's line and column for a data problem, else the spec's line and column. */
export function errorPlace(spec: string, error: RunError): string {
  const { data } = error;
  if (data) return `${data.file}${data.line ? `:${data.line}` : ''}${data.column ? ` (column ${data.column})` : ''}`;
  return error.spec ? `${spec}:${error.spec.line}:${error.spec.column}` : spec;
}

export function htmlReport(results: ResultsFile, options: ReportOptions = {}): string {
  const title = results.title ?? basename(results.spec);
  const count = (status: DeclarationResult['status']) => results.results.filter((r) => r.status === status).length;
  const counts = `${results.results.length} declarations: ${count('ok')} ok, ${count('error')} failed, ${count('skipped')} skipped`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
${CSS}${REGRESSION_CSS}</style></head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Spec <code>${escapeHtml(results.spec)}</code> · run <time datetime="${escapeHtml(results.createdAt)}">${escapeHtml(results.createdAt.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC'))}</time> · innograph ${escapeHtml(results.engine)}</p>
<p class="meta">${counts}</p>
</header>
<nav><h2>Contents</h2><ol>
${results.results.map((r) => `<li><a href="#${anchor(r)}">${declaration(r)}</a> ${status(r)}</li>`).join('\n')}
</ol></nav>
<main>
${results.results.map((r) => section(r, results, options)).join('\n')}
</main>
</body></html>
`;
}

const anchor = (r: DeclarationResult) => `d-${escapeHtml(r.name)}`;

const declaration = (r: DeclarationResult) => `<span class="kind">${escapeHtml(r.kind)}</span> ${escapeHtml(r.name)}`;
const status = (r: DeclarationResult) => `<span class="status ${escapeHtml(r.status)}">${escapeHtml(r.status)}</span>`;

function section(r: DeclarationResult, results: ResultsFile, options: ReportOptions): string {
  const { spec } = results;
  const regression = regressionOf(r, results.labels);
  const svg = options.figures?.get(r.name);
  const windows = r.network?.windows.length;
  const facts = [r.source ?? '', `${r.seconds.toFixed(2)} s`, r.network ? `${r.network.directed ? 'directed' : 'undirected'} ties, ${windows} window${windows === 1 ? '' : 's'}` : ''];
  return [
    `<section id="${anchor(r)}">`,
    `<h2>${declaration(r)} ${status(r)}</h2>`,
    `<p class="meta">${facts.filter(Boolean).map(escapeHtml).join(' · ')}</p>`,
    ...(r.error ? [`<p class="error"><code>${escapeHtml(errorPlace(spec, r.error))}</code><br>${escapeHtml(r.error.message)}</p>`] : []),
    ...(r.notes.length ? [`<ul class="notes">\n${r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n')}\n</ul>`] : []),
    ...(r.conventions ? [`<dl class="conventions">\n${Object.entries(r.conventions).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n')}\n</dl>`] : []),
    ...(regression ? [`<div class="scroll">\n${regressionHtml(regression)}</div>`] : []),
    ...(options.charts?.get(r.name) ?? []).map((chart) => `<figure class="scroll chart">\n${inline(chart)}\n</figure>`),
    ...(options.networks?.get(r.name) ?? []).map((picture) => networkFigure(r.name, picture)),
    ...(options.maps?.get(r.name) ?? []).map((map) => `<figure class="scroll map">\n${inline(map.svg)}\n<figcaption>${escapeHtml(r.name)} — map, ${escapeHtml(map.window)}</figcaption>\n</figure>`),
    ...(svg ? [`<figure class="scroll">\n${inline(svg)}\n<figcaption>${escapeHtml(r.figure?.title ?? r.name)} — ${escapeHtml(r.figure?.table ?? '')}</figcaption>\n</figure>`] : []),
    ...printedTables(r, results.labels).filter(([name]) => !(svg && name === 'data')).map(([name, table]) => resultTable(r.name, name, table, options)),
    '</section>',
  ].join('\n');
}

function networkFigure(name: string, picture: { window: string; svg?: string; ties: number }): string {
  const caption = `${name} — network, ${picture.window}`;
  if (!picture.svg) return `<p class="more">${escapeHtml(caption)}: ${picture.ties ? `${picture.ties} ties, too many to draw here; open it in the network panel or in Gephi (the .gexf file)` : 'no nodes'}.</p>`;
  return `<figure class="scroll network">\n${inline(picture.svg).replace('<svg ', '<svg class="network" ')}\n<figcaption>${escapeHtml(caption)} (ForceAtlas2 from seeded positions; sized by degree, coloured by Louvain community)</figcaption>\n</figure>`;
}

/** An SVG document as an element of the page: the HTML parser gives it its namespace, so no URL need appear. */
const inline = (svg: string) => svg.replace(/\s+xmlns(?::xlink)?="[^"]*"/g, '');

function resultTable(declaration: string, name: string, table: Table, options: ReportOptions): string {
  const limit = options.rowLimit ?? 50;
  const more = table.rows.length - limit;
  const file = options.tableFile?.(declaration, name);
  const where = file ? `<a href="${escapeHtml(encodeURIComponent(file))}">${escapeHtml(file)}</a>` : 'results.json';
  return [
    `<h3>${escapeHtml(name)}</h3>`,
    `<div class="scroll">\n${tableHtml(more > 0 ? { columns: table.columns, rows: table.rows.slice(0, limit) } : table)}</div>`,
    ...(more > 0 ? [`<p class="more">${more} more row${more === 1 ? '' : 's'} in ${where}.</p>`] : []),
  ].join('\n');
}

const CSS = `:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfa; --muted: #666; --ok: #1d6b34; --error: #a1251b; --skipped: #7a6500; }
@media (prefers-color-scheme: dark) { :root { --fg: #e4e4e0; --bg: #171717; --muted: #9c9c98; --ok: #74cf8e; --error: #ff8c80; --skipped: #d9c35c; } }
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: var(--fg); background: var(--bg); max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin-bottom: .3rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--muted); margin-top: 2.5rem; }
nav h2 { margin-top: 1.5rem; }
h3 { font-size: 1rem; font-style: italic; font-weight: normal; margin: 1.2rem 0 .3rem; }
a { color: inherit; }
code { font: .85em ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.meta, .more, .notes, .conventions { color: var(--muted); font-size: .9rem; }
.kind { font-variant: small-caps; color: var(--muted); font-weight: normal; }
.status { font: .7rem/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .05em; padding: .2em .45em; border: 1px solid; border-radius: 3px; vertical-align: middle; }
.status.ok { color: var(--ok); } .status.error { color: var(--error); } .status.skipped { color: var(--skipped); }
.error { color: var(--error); border-left: 3px solid; padding-left: .8em; }
.conventions { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; }
.conventions dd { margin: 0; }
.scroll { overflow-x: auto; margin: .5rem 0; }
table.regression { font-size: .9rem; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; background: #fff; }
figcaption { color: var(--muted); font-size: .9rem; }
nav ol { columns: 16rem; }
table.data { border-collapse: collapse; font-size: .9rem; border-top: 2px solid; border-bottom: 2px solid; }
table.data thead { border-bottom: 1px solid; }
table.data th, table.data td { padding: .1em .7em; text-align: left; font-weight: normal; white-space: nowrap; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
@media print { nav { display: none; } }
`;
