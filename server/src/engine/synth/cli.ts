// Command line: writes synthetic patent tables as CSV, one sub-directory per preset.
//   node --import tsx server/src/engine/synth/cli.ts --preset all --out examples/data --seed 42
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { PRESETS, writePresetCsv, type Preset, type PresetOptions } from './writeCsvDataset.js';

const USAGE = `usage: cli.ts --preset rare_earth|regpat|ai|all --out DIR --seed N [--patents N] [--citations-per-patent X]
                [--regions N] [--inventors-per-patent X]
  Writes DIR/<preset>/*.csv. --patents overrides each preset's default size
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
  const preset = values.preset;
  if (preset === undefined || values.out === undefined || values.seed === undefined) throw new Error('--preset, --out and --seed are required');
  const presets: readonly Preset[] =
    preset === 'all' ? PRESETS : (PRESETS as readonly string[]).includes(preset) ? [preset as Preset] : [];
  if (presets.length === 0) throw new Error(`unknown preset "${preset}"`);

  const options: PresetOptions = { seed: positiveNumber('seed', values.seed, true)! };
  const patents = positiveNumber('patents', values.patents, true);
  if (patents !== undefined) options.patents = patents;
  const citations = positiveNumber('citations-per-patent', values['citations-per-patent'], false);
  if (citations !== undefined) options.citationsPerPatent = citations;
  const regions = positiveNumber('regions', values.regions, true);
  if (regions !== undefined) options.regions = regions;
  const inventors = positiveNumber('inventors-per-patent', values['inventors-per-patent'], false);
  if (inventors !== undefined) options.inventorsPerPatent = inventors;

  for (const p of presets) {
    const started = Date.now();
    const files = await writePresetCsv(p, join(values.out, p), options);
    for (const f of files) console.log(`${f.path}\t${f.rows} rows\t${f.bytes} bytes`);
    console.log(`${p}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exitCode = 1;
});
