// The files `innograph run --out DIR` writes for the formats asked (`--format`): results in, files out.
import { tableCsv } from '../engine/exports/csv.js';
import { chartKinds } from '../engine/exports/charts.js';
import { chartSpec, type ChartColors } from '../engine/exports/chartSpecs.js';
import { figureSpec } from '../engine/exports/figure.js';
import { asciiFileName } from '../engine/exports/fileName.js';
import { tableLatex, tableMarkdown } from '../engine/exports/plainTable.js';
import { regressionCsv, regressionLatex, regressionMarkdown, regressionOf } from '../engine/exports/regressionTable.js';
import { networkFiles, type ExportFile } from '../run/output/networkFiles.js';
import { htmlReport, printedTables } from '../run/output/report.js';
import type { ResultsFile } from '../results/format.js';

export const FORMATS = ['json', 'csv', 'tex', 'md', 'html', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
export const DEFAULT_FORMATS: readonly Format[] = ['json', 'csv', 'html'];

export const isFormat = (name: string): name is Format => (FORMATS as readonly string[]).includes(name);

const tableFile = (declaration: string, table: string, ext: string) => asciiFileName(`${declaration}.${table}.${ext}`);

const typeset = { tex: [regressionLatex, tableLatex], md: [regressionMarkdown, tableMarkdown] } as const;

/**
 * results.json always: it is the run's record, and every other file can be made from it. Then `csv`: every
 * result table as `<declaration>.<table>.csv`, every regression table (a `table` declaration's, or an estimated
 * model's own) in print layout as `<name>.csv`, and the networks' exports; `tex`, `md`: the regression tables
 * as `<name>.tex|md` and the other result tables as `<declaration>.<table>.tex|md`; `html`: report.html
 * (`docx`, the regression tables as Word documents, is `wordFiles`: binary files).
 * A figure is its file, `<name>.svg`, and a network with a `geometry:` its maps, `<name>.map.<window>.svg`,
 * whatever the formats (report.html shows them inline, with the charts the charts panel draws of each result).
 */
export async function outputFiles(results: ResultsFile, formats: ReadonlySet<Format>): Promise<ExportFile[]> {
  const files: ExportFile[] = [{ name: 'results.json', text: `${JSON.stringify(results, null, 1)}\n` }];
  const figures = new Map<string, string>();
  for (const r of results.results) {
    if (r.figure && r.tables.data) {
      // vega is loaded when a figure is drawn, not at every start of the CLI and the language server.
      const { figureSvg } = await import('../engine/exports/figureSvg.js');
      const svg = await figureSvg(figureSpec(r.figure, r.tables.data));
      figures.set(r.name, svg);
      files.push({ name: `${r.name}.svg`, text: svg });
    }
    const regression = regressionOf(r, results.labels);
    if (formats.has('csv')) {
      for (const [name, t] of Object.entries(r.tables)) {
        files.push({ name: tableFile(r.name, name, 'csv'), text: tableCsv(t) });
      }
      if (regression) files.push({ name: `${r.name}.csv`, text: regressionCsv(regression) });
      files.push(...networkFiles(r));
    }
    for (const ext of ['tex', 'md'] as const) {
      if (!formats.has(ext)) continue;
      const [regressionText, tableText] = typeset[ext];
      if (regression) files.push({ name: `${r.name}.${ext}`, text: regressionText(regression) });
      for (const [name, t] of printedTables(r, results.labels)) files.push({ name: tableFile(r.name, name, ext), text: tableText(t, `${r.name}: ${name}`) });
    }
  }
  // d3-geo and the map file are loaded only for a run that has a map.
  const maps = results.results.some((r) => r.network?.geometry) ? (await import('../run/output/mapFiles.js')).networkMaps(results) : new Map();
  for (const map of [...maps.values()].flat()) files.push({ name: map.fileName, text: map.svg });
  if (formats.has('html')) {
    const charts = await reportCharts(results);
    // graphology and ForceAtlas2 are loaded only for a report with a network.
    const networks = results.results.some((r) => r.network) ? (await import('../run/output/networkPictures.js')).networkPictures(results) : new Map();
    files.push({ name: 'report.html', text: htmlReport(results, { figures, maps, charts, networks, ...(formats.has('csv') ? { tableFile: (d, t) => tableFile(d, t, 'csv') } : {}) }) });
  }
  return files.map((f) => ({ ...f, name: asciiFileName(f.name) }));
}

/** `docx`: every regression table as a Word document, `<name>.docx` (the docx package is loaded only then). */
export async function wordFiles(results: ResultsFile): Promise<{ name: string; bytes: Uint8Array }[]> {
  const { regressionDocx } = await import('../engine/exports/regressionTableDocx.js');
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const r of results.results) {
    const regression = regressionOf(r, results.labels);
    if (regression) files.push({ name: `${r.name}.docx`, bytes: await regressionDocx(regression) });
  }
  return files;
}

/** The report's charts: the light theme's colours on a white page. */
const REPORT_COLORS: ChartColors = { foreground: '#333333', muted: '#777777', grid: '#dddddd', accent: '#4e79a7', font: 'sans-serif' };

/** Each result's charts (a figure is drawn above, as its own file), as SVG by declaration. */
async function reportCharts(results: ResultsFile): Promise<Map<string, string[]>> {
  const charts = new Map<string, string[]>();
  for (const r of results.results) {
    const kinds = r.status === 'ok' ? chartKinds(r).filter((kind) => kind !== 'figure') : [];
    if (!kinds.length) continue;
    const { figureSvg } = await import('../engine/exports/figureSvg.js');
    charts.set(r.name, await Promise.all(kinds.map((kind) => figureSvg(chartSpec(kind, r, REPORT_COLORS)))));
  }
  return charts;
}
