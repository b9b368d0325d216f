// Command line: writes synthetic patent tables as CSV, one sub-directory per preset, or the regpat preset's
// patents as one source publishes them (--layout).
//   node --import tsx server/src/engine/synth/cli.ts --preset all --out examples/data --seed 42
//   node --import tsx server/src/engine/synth/cli.ts --layout regpat --out /tmp/data --seed 42
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { PRESETS, writePresetCsv, type Preset, type PresetOptions, type WrittenFile } from './writeCsvDataset.js';
import { LAYOUTS, writeLayout } from './layouts/index.js';

const USAGE = `usage: cli.ts --preset rare_earth|regpat|ai|all | --layout ${Object.keys(LAYOUTS).join('|')} --out DIR --seed N [--patents N]
                [--citations-per-patent X] [--regions N] [--inventors-per-patent X]
  Writes DIR/<preset>/*.csv, or with --layout the regpat preset's patents in that source's own files
  (names, columns, delimiters, dates; docs/layouts/<layout>.md) into DIR/<layout>/. --patents overrides each preset's default size
  (rare_earth 3000, regpat 4000, ai 12000). For regpat: --citations-per-patent (default 4),
  --regions (about N inventor regions in all; default the ~140 built-in ones) and
  --inventors-per-patent (mean, default about 2.8).`;

function positiveNumber(name: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) throw new Error(`--${name} must be a ${integer ? 'non-negative integer' : 'non-negative number'}, got "${raw}"`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      preset: { type: 'string' },
      layout: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      patents: { type: 'string' },
      'citations-per-patent': { type: 'string' },
      regions: { type: 'string' },
      'inventors-per-patent': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { preset, layout } = values;
  if ((preset === undefined) === (layout === undefined) || values.out === undefined || values.seed === undefined) {
    throw new Error('--preset or --layout, --out and --seed are required');
  }
  const presets: readonly Preset[] =
    preset === undefined ? [] : preset === 'all' ? PRESETS : (PRESETS as readonly string[]).includes(preset) ? [preset as Preset] : [];
  if (preset !== undefined && presets.length === 0) throw new Error(`unknown preset "${preset}"`);
  if (layout !== undefined && !Object.hasOwn(LAYOUTS, layout)) throw new Error(`unknown layout "${layout}"`);

  const options: PresetOptions = { seed: positiveNumber('seed', values.seed, true)! };
  const patents = positiveNumber('patents', values.patents, true);
  if (patents !== undefined) options.patents = patents;
  const citations = positiveNumber('citations-per-patent', values['citations-per-patent'], false);
  if (citations !== undefined) options.citationsPerPatent = citations;
  const regions = positiveNumber('regions', values.regions, true);
  if (regions !== undefined) options.regions = regions;
  const inventors = positiveNumber('inventors-per-patent', values['inventors-per-patent'], false);
  if (inventors !== undefined) options.inventorsPerPatent = inventors;

  const out = values.out;
  const report = async (name: string, write: () => Promise<WrittenFile[]>) => {
    const started = Date.now();
    for (const f of await write()) console.log(`${f.path}\t${f.rows} rows\t${f.bytes} bytes`);
    console.log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  for (const p of presets) await report(p, () => writePresetCsv(p, join(out, p), options));
  if (layout !== undefined) await report(`${layout} (${LAYOUTS[layout]!.source})`, () => writeLayout(LAYOUTS[layout]!, join(out, layout), options));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exitCode = 1;
});
