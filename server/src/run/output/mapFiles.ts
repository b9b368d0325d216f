// Each network's map per window as SVG, for `innograph run --out` and report.html: the picture the map panel
// opens with (engine/maps: the run's tiered measure in Jenks classes, circles by it, ties by the run's tiers),
// on the geometry the network declares, drawn by the same code. A window no node measure covers is drawn
// with its ties on plain regions rather than every region marked "no value".
import { readFileSync } from 'node:fs';
import { defaultMapOptions, mapPicture } from '../../engine/maps/mapPicture.js';
import { mapFileName, mapSvg } from '../../engine/maps/mapSvg.js';
import { nodeMeasures, tieTiers } from '../../engine/maps/nodeMeasures.js';
import { regionFeatures } from '../../engine/maps/shapes.js';
import type { DeclarationResult, ResultsFile } from '../../results/format.js';

export interface NetworkMap { window: string; fileName: string; svg: string }

/** The maps of every network with a `geometry:`, by network name, one per window. */
export function networkMaps(results: ResultsFile): Map<string, NetworkMap[]> {
  const maps = new Map<string, NetworkMap[]>();
  for (const r of results.results) {
    if (r.status === 'ok' && r.network?.geometry) maps.set(r.name, mapsOf(r, results.results.filter((m) => m.status === 'ok' && m.of === r.name)));
  }
  return maps;
}

function mapsOf(network: DeclarationResult, measured: DeclarationResult[]): NetworkMap[] {
  const { windows, geometry } = network.network!;
  const { path, object, key, aliases } = geometry!;
  const features = regionFeatures(JSON.parse(readFileSync(path, 'utf8')), object);
  const { measures, values } = nodeMeasures(measured);
  const tiers = tieTiers(measured);
  return windows.map((window) => {
    const here = [...(values.get(window.label)?.values() ?? [])];
    const options = defaultMapOptions(measures.filter((m) => here.some((byMeasure) => byMeasure.has(m.key))));
    return {
      window: window.label,
      fileName: mapFileName(network.name, window.label, 'svg'),
      svg: mapSvg(mapPicture({ network: network.name, window, features, key, aliases, values, tieTiers: tiers }, options), { foreground: '#333333', background: '#ffffff' }),
    };
  });
}
