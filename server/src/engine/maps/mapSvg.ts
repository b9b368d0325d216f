// A map picture (mapPicture.ts) as an SVG document: regions projected with d3-geo (Mercator fitted to the
// features), ties as lines between region centroids, circles on them, and the legends in a column on the
// right. One drawing for the map panel (which shows and saves this text) and for `innograph run --out`'s
// maps in report.html; every user string is escaped, and nothing refers to a URL but the SVG namespace.
import { geoMercator, geoPath, type GeoProjection, type GeoStream, type GeoStreamWrapper } from 'd3-geo';
import { escapeHtml } from '../exports/escape.js';
import { SYMBOL_COLOR, type MapLegend, type MapPicture } from './mapPicture.js';
import { asciiFileName } from '../exports/fileName.js';

const MAP_WIDTH = 900;
const MAP_HEIGHT = 640;
// room for a title such as "rein_nodes.betweenness (quantile, 5 classes)"
const LEGEND_WIDTH = 330;
const ROW = 20;
/** Circles keep their size in the legend, so their rows are taller. */
const rowOf = (legend: MapLegend) => (legend.kind === 'circle' ? 30 : ROW);

export interface MapStyle {
  /** Outlines and text. */
  foreground: string;
  /** Painted behind the map; none by default (a panel shows its theme's). */
  background?: string;
}

export function mapSvg(picture: MapPicture, style: MapStyle): string {
  const projection = geoMercator().fitExtent([[10, 10], [MAP_WIDTH - 10, MAP_HEIGHT - 10]], { type: 'FeatureCollection', features: [...picture.features] });
  const path = geoPath(thinned(projection, 1.2)).digits(1);
  const regionOf = new Map([...picture.matched].filter(([region]) => picture.regions.has(region)).map(([region, f]) => [f, region]));
  const centroid = (region: string) => path.centroid(picture.matched.get(region)!).map((x) => x.toFixed(1));
  const width = MAP_WIDTH + LEGEND_WIDTH;
  const text = escapeHtml;

  const areas = picture.features.map((f) => {
    const region = regionOf.get(f);
    const shape = region === undefined
      ? { class: 'region', fill: 'none', title: String((picture.key === 'id' ? f.id : f.properties?.[picture.key]) ?? '') }
      : { class: 'region node', fill: picture.regions.get(region)!.color, title: picture.regions.get(region)!.label };
    const data = region === undefined ? '' : ` data-region="${text(region)}"`;
    return `<path class="${shape.class}"${data} d="${path(f) ?? ''}" fill="${shape.fill}" fill-opacity="${shape.fill === 'none' ? 0 : 0.85}"><title>${text(shape.title)}</title></path>`;
  });
  const ties = picture.ties.map((t) => {
    const [[x1, y1], [x2, y2]] = [centroid(t.source), centroid(t.target)];
    const tier = t.tier === null ? '' : ` data-tier="${t.tier}"`;
    return `<line class="tie"${tier} x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${t.color}" stroke-width="${t.width.toFixed(2)}" stroke-opacity="0.85"><title>${text(t.label)}</title></line>`;
  });
  const symbols = picture.symbols.map((s) => {
    const [x, y] = centroid(s.region);
    return `<circle class="symbol" data-region="${text(s.region)}" cx="${x}" cy="${y}" r="${s.radius.toFixed(2)}"><title>${text(s.label)}</title></circle>`;
  });
  let y = 24;
  const legends = picture.legends.map((legend) => {
    const drawn = legendSvg(legend, MAP_WIDTH + 10, y);
    y += ROW + legend.entries.length * rowOf(legend) + 16;
    return drawn;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" width="${width}" height="${Math.max(MAP_HEIGHT, y)}" viewBox="0 0 ${width} ${Math.max(MAP_HEIGHT, y)}" font-family="sans-serif" font-size="12" fill="${style.foreground}">`,
    `<title>${text(picture.title)}</title>`,
    ...(style.background ? [`<rect width="100%" height="100%" fill="${style.background}"/>`] : []),
    `<g class="regions" stroke="${style.foreground}" stroke-opacity="0.35" stroke-width="0.6">`, ...areas, '</g>',
    '<g class="ties" stroke-linecap="round">', ...ties, '</g>',
    `<g class="symbols" fill="${SYMBOL_COLOR}" fill-opacity="0.45" stroke="${style.foreground}" stroke-width="0.5">`, ...symbols, '</g>',
    ...legends,
    '</svg>',
  ].join('\n');
}

/**
 * The projection, dropping each point closer than `distance` pixels to the last one kept on its line: a
 * province border has thousands of points where the drawing can show a few hundred, and the SVG (inlined
 * in report.html) is ten times smaller. A line's first point is always kept, so no ring disappears.
 */
function thinned(projection: GeoProjection, distance: number): GeoStreamWrapper {
  return {
    stream(output: GeoStream): GeoStream {
      let last: [number, number] | undefined;
      const thin: GeoStream = {
        point(x, y) {
          if (last && Math.hypot(x - last[0], y - last[1]) < distance) return;
          last = [x, y];
          output.point(x, y);
        },
        lineStart() { last = undefined; output.lineStart(); },
        lineEnd() { output.lineEnd(); },
        polygonStart() { output.polygonStart(); },
        polygonEnd() { output.polygonEnd(); },
        sphere() { output.sphere?.(); },
      };
      return projection.stream(thin);
    },
  };
}

function legendSvg(legend: MapLegend, x: number, y: number): string {
  const entries = legend.entries.map((e, i) => {
    const top = y + ROW + i * rowOf(legend) + (rowOf(legend) - ROW);
    const swatch = legend.kind === 'area' ? `<rect x="${x}" y="${top - 11}" width="14" height="14" fill="${e.color}" fill-opacity="0.85"/>`
      : legend.kind === 'line' ? `<line x1="${x}" y1="${top - 4}" x2="${x + 18}" y2="${top - 4}" stroke="${e.color}" stroke-width="${(e.size ?? 1).toFixed(2)}"/>`
        : `<circle cx="${x + 9}" cy="${top - 4}" r="${(e.size ?? 1).toFixed(2)}" fill="${e.color}" fill-opacity="0.45"/>`;
    return `<g class="entry" data-class="${i + 1}">${swatch}<text x="${x + 24}" y="${top}">${escapeHtml(e.label)}${e.count === undefined ? '' : ` (${e.count})`}</text></g>`;
  });
  return [`<g class="legend" data-legend="${escapeHtml(legend.title)}">`, `<text x="${x}" y="${y}" font-weight="bold">${escapeHtml(legend.title)}</text>`, ...entries, '</g>'].join('\n');
}

/** `rein.map.2016-2020.svg`: the file of a network's map in one window, as the panel saves it and `--out` writes it. */
export const mapFileName = (network: string, window: string, extension: string) => asciiFileName(`${network}.map.${window}.${extension}`);
