// From a results file to what a panel shows: which panel kinds fit a declaration, and the results a panel
// needs besides it. Results carry no "of network" link, so a measures or blocks result belongs to the network
// whose windows hold exactly its regions (or ties): province- and city-level networks never mix.
import type { DeclarationResult, RegressionTable, ResultsFile, Table } from '../../../server/src/run/results.js';
import { regressionTableFromModels } from '../../../server/src/engine/exports/regressionTable.js';
import { chartKinds, hasPrimaryChart } from './charts.js';
import type { MapGeometry, PanelContent, PanelKind } from './messages.js';

type Results = Pick<ResultsFile, 'results'> & { title?: string };

/** A `table` declaration's regression table, or a single model's as a one-column table. */
export function regressionOf(result: DeclarationResult): RegressionTable | undefined {
  if (result.regression) return result.regression;
  if (result.model?.coefficients.length) return regressionTableFromModels([{ name: result.name, result: result.model }]);
  return undefined;
}

const column = (table: Table, name: string) => table.columns.indexOf(name);
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** Keys of a table grouped by its `window` column: regions, or `source→target` for tie tables. */
function keysByWindow(table: Table): Map<string, Set<string>> | undefined {
  const [w, region, source, target] = ['window', 'region', 'source', 'target'].map((c) => column(table, c));
  if (w < 0 || (region < 0 && (source < 0 || target < 0))) return undefined;
  const groups = new Map<string, Set<string>>();
  for (const row of table.rows) {
    const key = region >= 0 ? String(row[region]) : `${row[source]}→${row[target]}`;
    const label = String(row[w]);
    if (!groups.has(label)) groups.set(label, new Set());
    groups.get(label)!.add(key);
  }
  return groups;
}

/** Whether a measures or blocks result was computed on `network` (see the module comment). */
export function belongsTo(result: DeclarationResult, network: DeclarationResult): boolean {
  const windows = network.network?.windows;
  if (!windows || result === network || result.status !== 'ok') return false;
  const nodes = new Map(windows.map((w) => [w.label, new Set(w.nodes)]));
  const ties = new Map(windows.map((w) => [w.label, new Set(w.ties.map((t) => `${t.source}→${t.target}`))]));
  if (result.kind === 'blocks') {
    const partition = result.tables.partition;
    const regions = partition && new Set(partition.rows.map((r) => String(r[column(partition, 'region')])));
    return !!regions && [...nodes.values()].some((set) => sameSet(set, regions));
  }
  const matches = Object.values(result.tables).map(keysByWindow).filter((g) => g !== undefined);
  return matches.length > 0 && matches.every((groups) => [...groups].every(([label, keys]) => {
    const reference = [...keys][0]?.includes('→') ? ties.get(label) : nodes.get(label);
    return !!reference && sameSet(reference, keys);
  }));
}

function networkOf(file: Results, focus: DeclarationResult): DeclarationResult | undefined {
  if (focus.network) return focus;
  return file.results.find((r) => r.network && belongsTo(focus, r));
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

/** What the panel of `kind` (default: the declaration's first kind) shows for the declaration `name`. */
export function panelContent(file: Results, name: string, kind?: PanelKind, geometry?: MapGeometry): PanelContent {
  const focus = file.results.find((r) => r.name === name);
  if (!focus) throw new Error(`The results have no declaration named "${name}".`);
  const kinds = panelKinds(file, focus);
  const chosen = kind ?? kinds[0];
  if (!kinds.includes(chosen)) throw new Error(`"${name}" (${focus.kind}) cannot be shown as ${chosen}.`);
  const network = chosen === 'network' || chosen === 'map' ? networkOf(file, focus) : undefined;
  const related = network ? [network, ...file.results.filter((r) => belongsTo(r, network))] : [];
  return {
    kind: chosen,
    focus: name,
    ...(file.title ? { study: file.title } : {}),
    results: [focus, ...related.filter((r) => r !== focus)],
    alternatives: kinds.filter((k) => k !== chosen),
    ...(chosen === 'map' && geometry ? { geometry } : {}),
  };
}
