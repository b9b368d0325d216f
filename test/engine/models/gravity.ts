// The synthetic gravity panel of test/oracles/econ (31 origins × 586 destinations × 15 periods) as the
// estimators' numeric frame: y ~ overlap + lag + c1 + c2 | i^t + j^t + i^j, clustered by pair.
import { interactCodes, type HdfeFrame } from '../../../server/src/engine/models/hdfe/index.ts';
import { numeric, readEconCsv } from './econOracles.ts';

export interface GravityPanel {
  n: number;
  i: Int32Array;
  j: Int32Array;
  t: Int32Array;
  y: Float64Array;
  X: { name: string; values: Float64Array }[];
}

export function readGravityPanel(): GravityPanel {
  return readPanel('gravity_panel.csv.gz');
}

/** The oracle's 11,625-row subset (the 25 destinations with most positive outcomes). */
export function readGravitySubset(): GravityPanel {
  return readPanel('gravity_subset_top25j.csv.gz');
}

function readPanel(file: string): GravityPanel {
  const table = readEconCsv(file);
  const col = (name: string) => numeric(table[name]);
  return {
    n: table.y.length,
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
