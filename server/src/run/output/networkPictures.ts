// Each network's picture per window for report.html, drawn as the network panel opens it (engine/networkPicture:
// seeded ForceAtlas2, sized by degree, coloured by Louvain community), as static SVG. A window with more
// ties than a page can carry is not drawn; its caption says so and where to see it.
import { networkSvg } from '../../engine/networkPicture/svg.js';
import { windowPicture } from '../../engine/networkPicture/picture.js';
import type { ResultsFile } from '../../results/format.js';

/** Ties drawn at most per window: about 100 bytes each, so a picture stays under a few MB. */
export const MAX_DRAWN_TIES = 20_000;

export interface NetworkPicture { window: string; svg?: string; ties: number }

/** The pictures of every network result, by network name, one per window. */
export function networkPictures(results: ResultsFile): Map<string, NetworkPicture[]> {
  const pictures = new Map<string, NetworkPicture[]>();
  for (const r of results.results) {
    if (r.status !== 'ok' || !r.network) continue;
    const { directed, windows } = r.network;
    pictures.set(r.name, windows.map((w) => {
      if (w.ties.length > MAX_DRAWN_TIES || w.nodes.length === 0) return { window: w.label, ties: w.ties.length };
      const graph = windowPicture(w, directed, '#999999');
      return { window: w.label, ties: w.ties.length, svg: networkSvg(graph, graph.edges(), directed, `${r.name} — ${w.label}`, '#333333').text };
    }));
  }
  return pictures;
}
