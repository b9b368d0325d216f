// `innograph verify`'s comparison: every value of a packaged results file against a fresh run's, numbers
// within a relative tolerance, each difference named by declaration, table, row and column.
import { dirname } from 'node:path';
import type { ResultsFile, Table } from '../../results/format.js';

/** Two numbers agree when |a − b| ≤ tolerance × max(1, |a|, |b|): relative, absolute near zero. */
export const DEFAULT_TOLERANCE = 1e-9;

/** What a run measures of itself rather than of the data: never compared. */
const RUN_FIELDS = new Set(['seconds', 'peakMemory', 'cached']);

export interface Difference { where: string; packaged: string; now: string }

export function compareResults(packaged: ResultsFile, now: ResultsFile, tolerance: number): { differences: Difference[]; numbers: number } {
  const differences: Difference[] = [];
  let numbers = 0;
  const fresh = new Map(now.results.map((r) => [r.name, r]));
  // Paths in results (a geometry's file) are absolute: each side's is compared relative to its spec's folder.
  const [packagedFolder, nowFolder] = [packaged, now].map((r) => dirname(r.spec));
  const samePlace = (a: string, b: string) => a.split(packagedFolder).join('<spec folder>') === b.split(nowFolder).join('<spec folder>');
  for (const p of packaged.results) {
    const n = fresh.get(p.name);
    if (!n) differences.push({ where: p.name, packaged: p.status, now: 'not run' });
    else compare(p, n, p.name);
  }
  for (const n of now.results) {
    if (!packaged.results.some((p) => p.name === n.name)) differences.push({ where: n.name, packaged: 'not in the package', now: n.status });
  }
  return { differences, numbers };

  function compare(a: unknown, b: unknown, where: string): void {
    if (typeof a === 'number' && typeof b === 'number') {
      numbers++;
      if (!(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b)))) differences.push({ where, packaged: String(a), now: String(b) });
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) differences.push({ where: `${where} (length)`, packaged: String(a.length), now: String(b.length) });
      for (let i = 0; i < Math.min(a.length, b.length); i++) compare(a[i], b[i], `${where}[${i}]`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      if (isTable(a) && isTable(b)) { compareTable(a, b, where); return; }
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (RUN_FIELDS.has(key)) continue;
        compare(a[key], b[key], `${where}.${key}`);
      }
      return;
    }
    if (a !== b && !(typeof a === 'string' && typeof b === 'string' && samePlace(a, b))) differences.push({ where, packaged: shown(a), now: shown(b) });
  }

  /** A table cell is named by its row's first value (a window, a region, a term) and its column. */
  function compareTable(a: Table, b: Table, where: string): void {
    compare(a.columns, b.columns, `${where}.columns`);
    if (a.rows.length !== b.rows.length) differences.push({ where: `${where} rows`, packaged: String(a.rows.length), now: String(b.rows.length) });
    for (let i = 0; i < Math.min(a.rows.length, b.rows.length); i++) {
      const label = typeof a.rows[i][0] === 'string' ? `${i + 1} (${a.rows[i][0]})` : `${i + 1}`;
      a.rows[i].forEach((cell, j) => compare(cell, b.rows[i][j], `${where}, row ${label}, ${a.columns[j] ?? `column ${j + 1}`}`));
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTable = (v: Record<string, unknown>): v is Table & Record<string, unknown> => Array.isArray(v.columns) && Array.isArray(v.rows);
const shown = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));
