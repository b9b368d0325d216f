// Reading the econometrics oracle cases in test/oracles/econ (R's write.csv output: quoted, some gzipped)
// and building the estimators' numeric frames from them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import type { NumericColumn } from '../../../server/src/engine/models/frame.ts';

export const ECON = resolve(import.meta.dirname, '../../oracles/econ');

export function readEconJson(file: string) {
  return JSON.parse(readFileSync(`${ECON}/results/${file}`, 'utf8'));
}

/** A headed CSV (quoted fields without embedded commas) as one string array per column. */
export function readEconCsv(file: string): Record<string, string[]> {
  const raw = readFileSync(`${ECON}/${file}`);
  const [header, ...rows] = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').trim().split(/\r?\n/).map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')));
  return Object.fromEntries(header.map((name, k) => [name, rows.map((r) => r[k])]));
}

export const numeric = (values: string[]) => Float64Array.from(values, Number);
export const column = (name: string, values: ArrayLike<number>): NumericColumn => ({ name, values: Float64Array.from(values) });
export const intercept = (n: number): NumericColumn => ({ name: '(Intercept)', values: new Float64Array(n).fill(1) });
/** A 0/1 dummy for one level of a factor. */
export const dummy = (name: string, values: string[], level: string): NumericColumn => column(name, values.map((v) => (v === level ? 1 : 0)));

/** Codes 0 … k−1 in order of first appearance among `levels` (the reference level first). */
export function codes(values: string[], levels: string[]): Int32Array {
  return Int32Array.from(values, (v) => levels.indexOf(v));
}

/**
 * |actual − expected| ≤ rel·max(|expected|, floor); `floor` guards values that are 0 in the oracle. A null
 * actual (a test undefined on the data) is never close.
 */
export function close(actual: number | null, expected: number, what: string, rel = 1e-6, floor = 1e-300): void {
  assert.ok(actual !== null && Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), floor), `${what}: ${actual} ≠ ${expected}`);
}
