// The results format written by `innograph run --json` and read by the panels. Versioned: a reader
// checks `format` and `version`; fields are only ever added within a version. docs/RESULTS.md documents it.
import type { ModelResult } from './modelResult.js';

export const RESULTS_FORMAT = 'innograph-results';
export const RESULTS_VERSION = 1;

export type Cell = string | number | boolean | null;

/** A rectangular table: what panels show and `--out` writes as CSV. */
export interface Table { columns: string[]; rows: Cell[][] }

export interface NetworkWindow {
  label: string;
  /** null for an unbounded window (a network declared without `windows`). */
  from: number | null;
  to: number | null;
  nodes: string[];
  ties: { source: string; target: string; weight: number }[];
  /** Same-region collaboration volume per region (never edges). */
  intra: Record<string, number>;
  /** Co-application and co-invention networks: each tie's patents, in the order of `ties` (see TiePatents). */
  tiePatents?: TiePatents[];
}

/**
 * A network's node attributes (its `attributes:` tables' columns, a holder network's regions and country):
 * each node of any window → its values in the order of `columns`, null where it has none.
 */
export interface NodeAttributes { columns: string[]; values: Record<string, Cell[]> }

/** The patents that made a tie: `count` of them, the first (earliest, then by id) up to a cap listed. */
export interface TiePatents {
  source: string;
  target: string;
  count: number;
  /** `holders` as `holder (region)` in the patent's order, or the region when the data names no holder. */
  patents: { id: string; year: number | null; holders: string[] }[];
}

/** The map a network is drawn on (its `geometry:`); panels and the report read the TopoJSON file. */
export interface NetworkGeometry {
  /** The geometry declaration's name. */
  name: string;
  /** The file as the spec names it (relative to the spec's folder), and resolved. */
  file: string;
  path: string;
  /** The feature property (or `id`) region codes are matched on. */
  key: string;
  /** The TopoJSON object holding the regions, when declared. */
  object?: string;
  /** The geometry's `aliases:` (region code → the feature's `key` value), when declared. */
  aliases?: Record<string, string>;
  /** Regions of any window that no feature matches. */
  unmatched: string[];
}

export interface DeclarationResult {
  name: string;
  /** The declaration keyword: network, measures, blocks, clusters, model … */
  kind: string;
  /** The source function: coapplication, whole, nodes, concor, ols … */
  source?: string;
  /** `skipped`: this version cannot execute the declaration yet (the note says why). */
  status: 'ok' | 'error' | 'skipped';
  /** Wall time of this declaration, seconds (dependencies computed for it included). */
  seconds: number;
  /** The process's peak resident memory when the declaration ended, bytes (what a replicator's machine needs). */
  peakMemory?: number;
  /** Reused from an earlier run in the same session: nothing it depends on changed. */
  cached?: boolean;
  tables: Record<string, Table>;
  /** Conventions used, as `option: value (reference tool)`. */
  conventions?: Record<string, string>;
  /** Everything dropped, adjusted or assumed. */
  notes: string[];
  /** `node`: what a node is when it is not a region — the holder column a network of holders is built at (`applicant`). */
  network?: { directed: boolean; windows: NetworkWindow[]; geometry?: NetworkGeometry; attributes?: NodeAttributes; node?: string };
  /** Measures and blocks: the network they were computed on. */
  of?: string;
  model?: ModelResult;
  /** Split-sample models (`m by g in (…)`): one estimate per group. */
  groups?: { group: string; model: ModelResult }[];
  /** `table` declarations only: the models side by side, numbers unformatted (panels and exports format them). */
  regression?: RegressionTable;
  /** `figure` declarations only: how its table `data` (the columns drawn, rows as in the source table) is drawn. */
  figure?: Figure;
  error?: RunError;
}

/** A declared figure: engine/exports/figure.ts makes its Vega-Lite specification from this and the `data` table. */
export interface Figure {
  mark: 'line' | 'bars' | 'points';
  /** The table drawn, `declaration.table`. */
  table: string;
  x: string;
  y: string;
  /** The column splitting the rows into series. */
  color?: string;
  title?: string;
  /** The plotting area, pixels. */
  width: number;
  height: number;
}

/** A regression table in esttab / etable conventions, as data: formatting (digits, stars) is the reader's. */
export interface RegressionTable {
  title?: string;
  /** What goes in parentheses under an estimate. */
  paren: 'se' | 't';
  /** Significance thresholds, largest first: p < stars[0] earns *, p < stars[1] **, … */
  stars: number[];
  digits: number;
  models: RegressionColumn[];
  /**
   * One row per coefficient, in first-appearance order; a cell is null where the model lacks the term.
   * `label`: the spec's `labels` for the term (an interaction's parts joined by ×), printed instead of the term.
   */
  coefficients: { term: string; label?: string; cells: (RegressionCell | null)[] }[];
  /** Fit statistics, FE Yes/No rows, SE type and cluster rows, in the order the table asked for them. */
  stats: { key: string; label: string; cells: (number | string | null)[] }[];
  /** The table's `notes:` lines, printed under it before the parenthesis and stars legend. */
  notes?: string[];
  /**
   * `stack_se:`: further standard errors under each coefficient's own, in this order (`hc1`, `iid`, `cluster`,
   * `twoway`), printed in [brackets] then {braces}; each cell's `stacked` holds them, the stats their SE type rows.
   */
  stackedSe?: string[];
}

export interface RegressionColumn {
  /** The model declaration's name. */
  name: string;
  /** Its `title:` option, else its name. */
  title: string;
  dependent: string;
  /** The spec's label of the dependent variable, printed instead of `dependent`. */
  dependentLabel?: string;
  estimator: string;
  /** What its tests use: t, or z for the likelihood and GMM estimators (the note under `paren: t` says which). */
  statistic?: 't' | 'z';
}

export interface RegressionCell {
  estimate: number;
  se: number;
  /** t or z statistic. */
  stat: number;
  p: number;
  /** The same estimate under each of the table's `stackedSe`, in order (the stars stay the model's own). */
  stacked?: { se: number; stat: number; p: number }[];
}

export interface RunError {
  message: string;
  /** Spec position (1-based) for a spec problem. */
  spec?: { line: number; column: number; endLine: number; endColumn: number };
  /** Data file position (1-based line, header included) for a data problem. */
  data?: { file: string; line?: number; column?: string };
}

export interface ResultsFile {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  spec: string;
  title?: string;
  engine: string;
  createdAt: string;
  /** The spec's `labels` (term, as coefficients are named → label): a model's own column prints with them too. */
  labels?: Record<string, string>;
  results: DeclarationResult[];
}
