// The "hard" fixed-effects panel of issue 16: inventor × firm × year rows with low mobility, seeded. Firms sit in
// clusters (a region or an industry); an inventor stays at one firm for most of a career, and the few who move
// mostly stay within their cluster. The inventor–firm graph is then sparse and joined across clusters by a
// handful of movers, the slow case for alternating projections (their rate is set by that bottleneck), and the
// firm effects differ by cluster, so the slow directions carry real signal.
//   y = 0.5 x1 − 0.3 x2 + θ_inventor + ψ_firm + γ_year + ε
// x1 leans on the inventor's and firm's effects (so omitting them biases it); x2 has a trend in the year.
import { Rng } from '../../../server/src/engine/prng.ts';
import type { HdfeFrame } from '../../../server/src/engine/models/hdfe/index.ts';

export interface HardPanelOptions {
  rows: number;
  seed: number;
}

export interface HardPanel {
  inventor: Int32Array;
  firm: Int32Array;
  year: Int32Array;
  x1: Float64Array;
  x2: Float64Array;
  y: Float64Array;
}

const FIRST_YEAR = 1990;
const YEARS = 30;
/** Rows per firm (10,000 firms at 1M rows) and firms per cluster. */
const ROWS_PER_FIRM = 100;
const FIRMS_PER_CLUSTER = 50;
/** Chance an inventor changes firm in a given year, and that a move leaves the cluster. */
const MOVE = 0.03;
const LEAVE_CLUSTER = 0.05;

export function generateHardPanel({ rows, seed }: HardPanelOptions): HardPanel {
  const rng = new Rng(seed);
  const clusters = Math.max(2, Math.round(rows / (ROWS_PER_FIRM * FIRMS_PER_CLUSTER)));
  const firms = clusters * FIRMS_PER_CLUSTER;
  const clusterEffect = Float64Array.from({ length: clusters }, () => 1.5 * rng.normal());
  const firmEffect = Float64Array.from({ length: firms }, (_, f) => clusterEffect[Math.floor(f / FIRMS_PER_CLUSTER)] + 0.5 * rng.normal());
  const yearEffect = Float64Array.from({ length: YEARS }, (_, t) => 0.02 * t + 0.1 * rng.normal());
  const out: HardPanel = { inventor: new Int32Array(rows), firm: new Int32Array(rows), year: new Int32Array(rows), x1: new Float64Array(rows), x2: new Float64Array(rows), y: new Float64Array(rows) };
  let r = 0;
  for (let inventor = 0; r < rows; inventor++) {
    // Careers of 2 to 30 years (mean about 10), starting in any year that leaves room for them.
    const career = Math.min(YEARS, 2 + Math.floor(-8 * Math.log(1 - rng.next())));
    const start = rng.int(0, YEARS - career);
    const theta = rng.normal();
    let firm = rng.int(0, firms - 1);
    for (let t = start; t < start + career && r < rows; t++, r++) {
      if (t > start && rng.chance(MOVE)) firm = move(rng, firm, firms);
      const x1 = 0.3 * theta + 0.2 * firmEffect[firm] + rng.normal();
      const x2 = rng.normal() + 0.05 * t;
      out.inventor[r] = inventor;
      out.firm[r] = firm;
      out.year[r] = FIRST_YEAR + t;
      out.x1[r] = x1;
      out.x2[r] = x2;
      out.y[r] = 0.5 * x1 - 0.3 * x2 + theta + firmEffect[firm] + yearEffect[t] + rng.normal();
    }
  }
  return out;
}

/** Another firm: of the same cluster, or rarely of any cluster. */
function move(rng: Rng, firm: number, firms: number): number {
  const cluster = Math.floor(firm / FIRMS_PER_CLUSTER) * FIRMS_PER_CLUSTER;
  const [first, last] = rng.chance(LEAVE_CLUSTER) ? [0, firms - 1] : [cluster, cluster + FIRMS_PER_CLUSTER - 1];
  for (;;) {
    const to = rng.int(first, last);
    if (to !== firm) return to;
  }
}

/** y ~ x1 + x2 | inventor + firm + year, clustered by inventor (fixest's default: the first fixed effect). */
export function hardPanelFrame(d: HardPanel): HdfeFrame {
  const inventor = { name: 'inventor', codes: d.inventor };
  return {
    yName: 'y',
    y: d.y,
    X: [{ name: 'x1', values: d.x1 }, { name: 'x2', values: d.x2 }],
    fe: [inventor, { name: 'firm', codes: d.firm }, { name: 'year', codes: Int32Array.from(d.year, (v) => v - FIRST_YEAR) }],
    cluster: [inventor],
  };
}

/** The panel as CSV (the columns above), for R and for `innograph run`. */
export function hardPanelCsv(d: HardPanel): string {
  const lines = ['inventor,firm,year,x1,x2,y'];
  for (let r = 0; r < d.y.length; r++) lines.push(`${d.inventor[r]},${d.firm[r]},${d.year[r]},${d.x1[r]},${d.x2[r]},${d.y[r]}`);
  return `${lines.join('\n')}\n`;
}
