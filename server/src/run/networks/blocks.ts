// `blocks` declarations: CONCOR with UCINET's defaults, block densities, image, E-I.
import type { Symbol } from '../../language/semantic/model.js';
import { blockModel, type GroupsEI } from '../../engine/networks/blocks.js';
import { concor, type Diagonal } from '../../engine/networks/concor.js';
import { MATRIX_NODE_LIMIT, toMatrix } from '../../engine/networks/measures.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import { measuredWindows } from './measured.js';
import { conventions } from '../options.js';
import type { Cell } from '../../results/format.js';
import type { Computed, Partition } from '../values.js';
import { shortNumber } from '../../util/text.js';

export function runBlocks(partition: Partition, ctx: RunContext, symbol: Symbol): Computed {
  const conv = conventions(ctx, symbol.decl, ['diagonal']);
  conv.transpose = ctx.word(symbol.decl, 'transpose', 'true');
  conv.split_pairs = ctx.word(symbol.decl, 'split_pairs', 'false');
  return { tables: partition.tables, notes: partition.notes, conventions: conv };
}

/** The partition of the network's one measured window. */
export async function partitionOf(ctx: RunContext, symbol: Symbol): Promise<Partition> {
  const { decl } = symbol;
  const network = ctx.symbol(ctx.model.source(decl)?.call.args[0]?.value, 'a network');
  const { windows, networks, notes } = await measuredWindows(ctx, decl, network);
  if (networks.length !== 1) {
    throw new SpecError(`CONCOR partitions one window: add \`window:\` (e.g. \`window: ${windows[windows.length - 1].from}..${windows[windows.length - 1].to}\`).`, decl.values[0]?.span ?? symbol.nameSpan);
  }
  const n = networks[0].nodes.length;
  if (n > MATRIX_NODE_LIMIT) {
    throw new SpecError(`Window ${windows[0].label}: CONCOR correlates the rows of the node × node matrix, and this network has ${n.toLocaleString('en-US')} nodes, past the limit of ${MATRIX_NODE_LIMIT.toLocaleString('en-US')}`
      + ` (the matrix alone would take ${(8 * n * n / 1e9).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB). Communities partition networks of any size: \`nodes(…) { community }\`, and \`groups: community\` for E-I.`, decl.values[0]?.span ?? symbol.nameSpan);
  }
  const m = toMatrix(networks[0]);
  const result = concor([m.w], {
    depth: ctx.number(decl, 'splits', 2),
    transpose: ctx.word(decl, 'transpose', 'true') === 'true',
    diagonal: ctx.word(decl, 'diagonal', 'reciprocal') as Diagonal,
    convergence: ctx.number(decl, 'convergence', 0.2),
    maxIter: ctx.number(decl, 'max_iter', 25),
    splitPairs: ctx.word(decl, 'split_pairs', 'false') === 'true',
    checkpoint: ctx.checkpoint,
  });
  for (const step of result.log) if (!step.converged) notes.push(`A split at level ${step.level} (block of ${step.blockSize}) did not converge in ${step.iterations} iterations.`);
  const block = new Map<string, number>();
  result.blocks.forEach((members, k) => members.forEach((i) => block.set(m.nodes[i], k + 1)));
  const model = blockModel(m.w, result.blocks);
  const labels = result.blocks.map((_, k) => `B${k + 1}`);
  const report = ctx.words(decl, 'report');
  const want = (t: string) => !report.length || report.includes(t);
  const tables: Computed['tables'] = {
    partition: { columns: ['region', 'block'], rows: m.nodes.map((r) => [r, block.get(r) ?? null]) },
  };
  const matrix = (values: number[][]) => ({ columns: ['block', ...labels], rows: values.map((row, k): Cell[] => [labels[k], ...row.map((x) => (Number.isNaN(x) ? null : x))]) });
  if (want('density')) tables.density = matrix(model.density);
  if (want('image')) {
    tables.image = matrix(model.image);
    notes.push(`Image: 1 where a block's density ≥ the overall density α = ${shortNumber(model.overallDensity)}.`);
  }
  if (want('ei')) {
    const row = (label: string, g: GroupsEI): Cell[] => [label, g.binary.internal, g.binary.external, g.binary.ei, g.valued.internal, g.valued.external, g.valued.ei];
    const rows = [...model.groups.map((g, k) => row(labels[k], g)), row('whole', model.whole)];
    tables.ei = { columns: ['block', 'internal', 'external', 'ei', 'internal_valued', 'external_valued', 'ei_valued'], rows };
  }
  return { regions: m.nodes, block, count: result.blocks.length, notes, tables };
}
