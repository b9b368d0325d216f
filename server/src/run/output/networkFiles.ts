// The files a network result exports to (for Gephi, UCINET/Pajek and spreadsheets): edge and node CSV
// over all windows, the patents behind each tie (co-application and co-invention networks), one GEXF (dynamic when there are several windows), GraphML and Pajek per window.
import { csvTable } from '../../engine/exports/csv.js';
import { dynamicGexf, edgeCsv, gexf, graphml, nodeCsv, pajek, type Snapshot } from '../../engine/exports/index.js';
import type { DeclarationResult, NetworkWindow } from '../../results/format.js';

export interface ExportFile { name: string; text: string }

export function networkFiles(result: DeclarationResult): ExportFile[] {
  const network = result.network;
  if (!network) return [];
  const snapshots = network.windows.map((w) => snapshotOf(w, network.directed));
  const single = snapshots.length === 1;
  const files: ExportFile[] = [
    { name: `${result.name}.edges.csv`, text: edgeCsv(snapshots) },
    { name: `${result.name}.nodes.csv`, text: nodeCsv(snapshots) },
    // Gephi's timeline: each window at its first year (or its position when unbounded).
    { name: `${result.name}.gexf`, text: single ? gexf(snapshots[0]) : dynamicGexf(snapshots.map((s, i) => ({ ...s, time: network.windows[i].from ?? i }))) },
  ];
  if (network.windows.some((w) => w.tiePatents)) files.push({ name: `${result.name}_tie_patents.csv`, text: tiePatentsCsv(network.windows) });
  snapshots.forEach((s, i) => {
    const suffix = single ? '' : `.${network.windows[i].label}`;
    files.push({ name: `${result.name}${suffix}.graphml`, text: graphml(s) }, { name: `${result.name}${suffix}.net`, text: pajek(s) });
  });
  return files;
}

function snapshotOf(w: NetworkWindow, directed: boolean): Snapshot {
  return {
    network: { directed, nodes: w.nodes, ties: w.ties, intra: new Map(Object.entries(w.intra)) },
    nodes: w.nodes.map((id) => ({ id, attributes: { intra: w.intra[id] ?? 0 } })),
    window: w.label,
  };
}

/** One row per tie and patent; `tie_patents` is the tie's full count, more than its rows when the list was cut. */
function tiePatentsCsv(windows: readonly NetworkWindow[]): string {
  const rows = windows.flatMap((w) => (w.tiePatents ?? []).flatMap((tie) =>
    tie.patents.map((p) => [w.label, tie.source, tie.target, tie.count, p.id, p.year, p.holders.join('; ')])));
  return csvTable(['window', 'from', 'to', 'tie_patents', 'patent', 'year', 'holders'], rows);
}
