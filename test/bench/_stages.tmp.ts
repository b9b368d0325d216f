import { resolve } from 'node:path';
import { duckdb, closeDuckdb } from '../../server/src/engine/data/duckdb.ts';
import { readTable } from '../../server/src/engine/data/columnar.ts';
import { buildDesign, parseFormula } from '../../server/src/engine/models/formula/index.ts';
import { feols } from '../../server/src/engine/models/hdfe/index.ts';
import { expr } from '../engine/models/formula/exprText.ts';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const t = (label: string, t0: number) => console.log(label.padEnd(12), (cpu() - t0).toFixed(0), 'ms CPU');
for (let k = 0; k < 3; k++) {
  const db = await duckdb();
  let t0 = cpu();
  await db.run(`CREATE TEMP TABLE g AS SELECT * FROM read_csv('${resolve('test/oracles/econ/gravity_panel.csv.gz')}')`);
  t('csv', t0); t0 = cpu();
  const { rows, columns } = await readTable(db, 'g');
  t('readTable', t0); t0 = cpu();
  const design = buildDesign(parseFormula(expr('y ~ overlap + lag + c1 + c2 | i^t + j^t + i^j')), { name: 'g', rows, columns }, { cluster: [expr('i^j')] });
  t('design', t0); t0 = cpu();
  feols(design.frame);
  t('feols', t0);
  closeDuckdb(db);
}
