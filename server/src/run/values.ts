// What each runnable declaration kind gives the declarations that depend on it, once per run: most give
// their outcome (the part of results.json they fill), a network its graphs per window, blocks their
// partition, a panel its table. Executors read these through the run context (`valueOf`, `resultOf`).
import type { DataTable } from '../engine/data/dataTable.js';
import type { Network } from '../engine/networks/network.js';
import type { Window } from '../engine/windows/windows.js';
import type { DeclarationResult } from '../results/format.js';

/** The part of a declaration's result every executor fills. */
export type Computed = Pick<DeclarationResult, 'tables' | 'notes' | 'conventions'>;

/** What an executor adds to its declaration's result (the runner adds name, kind, status and timing). */
export type Outcome = Computed & Partial<DeclarationResult>;

/** The regions a clusters declaration's outcome identifies as clusters (its `clusters` table), sorted. */
export function clusterMembers(clusters: Outcome): string[] {
  const table = clusters.tables.clusters;
  if (!table) return [];
  const [region, cluster] = [table.columns.indexOf('region'), table.columns.indexOf('cluster')];
  return table.rows.filter((r) => r[cluster] === true).map((r) => String(r[region])).sort();
}

/** A network declaration's windows and each window's network. */
/** The smallest and largest year of a network's data. */
export interface YearRange { first: number; last: number }

export interface NetworkRun {
  name: string;
  directed: boolean;
  windows: Window[];
  networks: Network[];
  /** What was dropped or assumed while building, for the results' notes. */
  notes: string[];
  /** The data's year range, when a window is empty. */
  years?: YearRange;
}

/** A CONCOR partition of one window's network: each region's block, and the blocks' tables. */
export interface Partition { regions: string[]; block: Map<string, number>; count: number; notes: string[]; tables: Computed['tables'] }

/** A panel's rows as an engine table (its index, attributes and variables), with what was assumed building it. */
export interface Panel {
  table: DataTable;
  notes: string[];
}

/** What each runnable kind gives its dependents (`RunContext.valueOf`). */
export interface KindValues {
  network: NetworkRun;
  measures: Outcome;
  blocks: Partition;
  clusters: Outcome;
  panel: Panel;
  model: Outcome;
  table: Outcome;
  figure: Outcome;
}

export type RunnableKind = keyof KindValues;
