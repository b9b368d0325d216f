// From a results file to what a panel shows: which panel kinds fit a declaration, and the results a panel
// needs besides it (a network's view also shows the measures and blocks computed on it, linked by `of`).
import type { DeclarationResult, ResultsFile } from '../../../server/src/results/format.js';
import { regressionOf } from '../../../server/src/engine/exports/regressionTable.js';
import { chartKinds, hasPrimaryChart } from '../../../server/src/engine/exports/charts.js';
import type { MapGeometry, PanelContent, PanelKind } from './messages.js';

type Results = Pick<ResultsFile, 'results' | 'labels'> & { title?: string };

/** The network a declaration draws on: itself, or the network its measures or blocks were computed on. */
function networkOf(file: Results, focus: DeclarationResult): DeclarationResult | undefined {
  if (focus.network) return focus;
  return focus.of === undefined ? undefined : file.results.find((r) => r.name === focus.of && r.network);
}

/** The panel kinds that can show a declaration, the most useful first: a placebo or geodetector is its chart, a model its coefficients. */
export function panelKinds(file: Results, focus: DeclarationResult): PanelKind[] {
  if (focus.status !== 'ok') return ['tables'];
  const tables: PanelKind[] = Object.keys(focus.tables).length ? ['tables'] : [];
  if (focus.network) return ['network', 'map', ...tables];
  const charts: PanelKind[] = chartKinds(focus).length ? ['charts'] : [];
  const regression: PanelKind[] = regressionOf(focus) ? ['regression'] : [];
  const graph: PanelKind[] = networkOf(file, focus) ? ['network', 'map'] : [];
  if (hasPrimaryChart(focus)) return [...charts, ...regression, ...tables, ...graph];
  return regression.length ? [...regression, ...charts, ...tables, ...graph] : [...tables, ...charts, ...graph];
}

/**
 * A run's results joined with the earlier results of the same spec that it did not redo, so that running
 * `rein_nodes` alone still finds its network `rein` for the map. An earlier result computed on a network
 * the run redid is dropped: its numbers may be stale.
 */
export function withEarlierResults(earlier: ResultsFile | undefined, run: ResultsFile): ResultsFile {
  if (!earlier || earlier.spec !== run.spec) return run;
  const redone = new Set(run.results.map((r) => r.name));
  const kept = earlier.results.filter((r) => !redone.has(r.name) && !(r.of !== undefined && redone.has(r.of)));
  return { ...run, results: [...kept, ...run.results] };
}

/** What the panel of `kind` (default: the declaration's first kind) shows for the declaration `name`. */
export function panelContent(file: Results, name: string, kind?: PanelKind, geometry?: MapGeometry): PanelContent {
  const focus = file.results.find((r) => r.name === name);
  if (!focus) throw new Error(`The results have no declaration named "${name}".`);
  const kinds = panelKinds(file, focus);
  const chosen = kind ?? kinds[0];
  if (!kinds.includes(chosen)) throw new Error(`"${name}" (${focus.kind}) cannot be shown as ${chosen}.`);
  // Every panel of a declaration that can be drawn carries its network, so that "Also as" can switch to the
  // network or map from any of them.
  const network = kinds.includes('network') ? networkOf(file, focus) : undefined;
  const related = network ? [network, ...file.results.filter((r) => r.status === 'ok' && r.of === network.name)] : [];
  return {
    kind: chosen,
    focus: name,
    ...(file.title ? { study: file.title } : {}),
    ...(file.labels ? { labels: file.labels } : {}),
    results: [focus, ...related.filter((r) => r !== focus)],
    alternatives: kinds.filter((k) => k !== chosen),
    ...(chosen === 'map' && geometry ? { geometry } : {}),
  };
}
