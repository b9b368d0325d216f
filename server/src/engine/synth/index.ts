// Seeded synthetic generator of REGPAT-like patent tables (see README in examples/data).
export { Rng, deriveSeed, rngFor } from '../prng.js';
export { WeightedSampler, zipfWeights, zipfRank, allocateCounts } from './sampling.js';
export { CsvFileSink, MemorySink, formatCsvRow, type Cell, type RowSink } from './csvSink.js';
export { PROVINCES, CITIES_BY_PATENTING, MORE_CITIES, type City, type Province } from './chinaGeography.js';
export { COUNTRIES, type Country } from './worldGeography.js';
export { generateRareEarth, RARE_EARTH_TABLES, RARE_EARTH_DEFAULTS, type RareEarthOptions, type RareEarthSinks } from './rareEarth.js';
export {
  generateRegpat,
  REGPAT_TABLES,
  REGPAT_DEFAULTS,
  INTERNAL_ID_BASE,
  EXTERNAL_ID_BASE,
  type RegpatOptions,
  type RegpatSinks,
} from './regpat.js';
export { generateAi, AI_TABLES, AI_DEFAULTS, type AiOptions, type AiSinks } from './ai.js';
export {
  PRESETS,
  writePresetCsv,
  writeCsvTables,
  generatePresetCsvText,
  presetTables,
  type Preset,
  type PresetOptions,
  type WrittenFile,
} from './writeCsvDataset.js';
