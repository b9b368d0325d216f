// The synthetic gravity panel of test/oracles/econ (31 origins × 586 destinations × 15 periods) as the
// estimators' numeric frame: y ~ overlap + lag + c1 + c2 | i^t + j^t + i^j, clustered by pair.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { interactCodes, type HdfeFrame } from '../../../server/src/engine/models/hdfe/index.ts';

export const ECON = resolve(import.meta.dirname, '../../oracles/econ');

export interface GravityPanel {
  n: number;
  i: Int32Array;
  j: Int32Array;
  t: Int32Array;
  y: Float64Array;
  X: { name: string; values: Float64Array }[];
}

export function readGravityPanel(): GravityPanel {
  const lines = gunzipSync(readFileSync(`${ECON}/gravity_panel.csv.gz`)).toString('utf8').trim().split('\n');
  const header = lines[0].split(',');
  const n = lines.length - 1;
  const cols = header.map(() => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    const cells = lines[r + 1].split(',');
    for (let c = 0; c < cells.length; c++) cols[c][r] = Number(cells[c]);
  }
  const col = (name: string) => cols[header.indexOf(name)];
  return {
    n,
    i: Int32Array.from(col('i')),
    j: Int32Array.from(col('j')),
    t: Int32Array.from(col('t')),
    y: col('y'),
    X: ['overlap', 'lag', 'c1', 'c2'].map((name) => ({ name, values: col(name) })),
  };
}

/** The oracle's frame: FE i^t, j^t, i^j and clusters by pair. */
export function gravityFrame(d: GravityPanel): HdfeFrame {
  const pair = { name: 'i^j', codes: interactCodes(d.i, d.j).codes };
  return {
    y: d.y,
    X: d.X,
    fe: [{ name: 'i^t', codes: interactCodes(d.i, d.t).codes }, { name: 'j^t', codes: interactCodes(d.j, d.t).codes }, pair],
    cluster: [pair],
  };
}

/** The frame restricted to some rows (0-based), e.g. the oracle's cleaned samples. */
export function subsetFrame(frame: HdfeFrame, keep: (row: number) => boolean): HdfeFrame {
  const rows = Int32Array.from({ length: frame.y.length }, (_, k) => k).filter(keep);
  const f64 = (v: Float64Array) => Float64Array.from(rows, (r) => v[r]);
  const i32 = (v: Int32Array) => Int32Array.from(rows, (r) => v[r]);
  return {
    y: f64(frame.y),
    X: frame.X.map((x) => ({ name: x.name, values: f64(x.values) })),
    fe: frame.fe.map((f) => ({ name: f.name, codes: i32(f.codes) })),
    cluster: frame.cluster?.map((c) => ({ name: c.name, codes: i32(c.codes) })),
  };
}
