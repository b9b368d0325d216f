// CONCOR partitions under the three diagonal conventions, block densities, images and E-I indices,
// against case 02 (Florentine marriages, Krackhardt advice, case 01's led network; copied to test/oracles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concor, type Diagonal } from '../../server/src/engine/networks/concor.ts';
import { blockModel } from '../../server/src/engine/networks/blocks.ts';
import { SNA, case01LedMatrix, readJson, readLines as lines, readRecords as records } from '../oracles/read.ts';

function florentine() {
  const labels = records(`${SNA}/02_concor/florentine_nodes.csv`).map((r) => r.node);
  const w = labels.map(() => labels.map(() => 0));
  for (const e of records(`${SNA}/02_concor/florentine_edges.csv`)) {
    const i = labels.indexOf(e.source);
    const j = labels.indexOf(e.target);
    w[i][j] = w[j][i] = 1;
  }
  return { labels, w };
}
function krackhardt() {
  const [header, ...rows] = lines(`${SNA}/02_concor/krack_advice_matrix.csv`);
  return { labels: header.split(',').slice(1), w: rows.map((r) => r.split(',').slice(1).map(Number)) };
}
function case01() {
  const { nodes, w } = case01LedMatrix();
  return { labels: nodes, w };
}

const expected = readJson(`${SNA}/02_concor/expected.json`).results;
// The oracle's settings (expected.json "settings"): depth 2, transpose, |r| ≥ 1 − 1e-7 or 50 iterations, pairs not split.
const SETTINGS = { depth: 2, transpose: true, convergence: 1e-7, maxIter: 50, splitPairs: false };

for (const [name, load] of [['florentine', florentine], ['krack_advice', krackhardt], ['case01_led_valued', case01]] as const) {
  for (const diagonal of ['reciprocal', 'ignore', 'retain'] as Diagonal[]) {
    test(`CONCOR, block densities, image and E-I: ${name}, diagonal ${diagonal}`, () => {
      const { labels, w } = load();
      const want = expected[name][diagonal];
      const { blocks } = concor([w], { ...SETTINGS, diagonal });
      const partition = blocks.map((b) => b.map((i) => labels[i]).sort());
      assert.deepEqual(partition, want.partition);
      const model = blockModel(w, blocks);
      assert.ok(Math.abs(model.overallDensity - want.overall_density_offdiag_mean) < 1e-12);
      model.density.forEach((row, a) => row.forEach((d, b) => {
        const e = want.block_density[a][b];
        assert.ok(e === null ? Number.isNaN(d) : Math.abs(d - e) < 1e-9, `density ${a},${b}: ${d} ≠ ${e}`);
      }));
      assert.deepEqual(model.image, want.image_alpha_overall_density);
      model.groups.forEach((g, k) => {
        const e = want.groups[k];
        assert.deepEqual([g.binary.internal, g.binary.external], [e.internal_cells, e.external_cells_row]);
        assert.ok(e.EI === null ? g.binary.ei === null : Math.abs(g.binary.ei! - e.EI) < 1e-12);
        assert.ok(e.EI_valued === null ? g.valued.ei === null : Math.abs(g.valued.ei! - e.EI_valued) < 1e-12);
      });
      assert.deepEqual([model.whole.binary.internal, model.whole.binary.external], [want.whole_network.internal, want.whole_network.external]);
      assert.ok(Math.abs(model.whole.binary.ei! - want.whole_network.EI) < 1e-12);
      // The reference has no valued whole-network row: it is its groups' valued ties summed, like the binary one.
      const valued = (key: 'internal_valued' | 'external_valued_row') => want.groups.reduce((s: number, g: Record<string, number>) => s + g[key], 0);
      assert.deepEqual([model.whole.valued.internal, model.whole.valued.external], [valued('internal_valued'), valued('external_valued_row')]);
      const [vi, ve] = [valued('internal_valued'), valued('external_valued_row')];
      assert.ok(Math.abs(model.whole.valued.ei! - (ve - vi) / (ve + vi)) < 1e-12);
    });
  }
}

test('the schema defaults (convergence 0.2, 25 iterations) give the same Florentine partitions', () => {
  const { labels, w } = florentine();
  for (const diagonal of ['reciprocal', 'ignore', 'retain'] as Diagonal[]) {
    const { blocks } = concor([w], { ...SETTINGS, convergence: 0.2, maxIter: 25, diagonal });
    assert.deepEqual(blocks.map((b) => b.map((i) => labels[i]).sort()), expected.florentine[diagonal].partition);
  }
});
