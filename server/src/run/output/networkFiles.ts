// The files a network result exports to (for Gephi, UCINET/Pajek and spreadsheets): edge and node CSV
// over all windows, the patents behind each tie (co-application and co-invention networks), one GEXF (dynamic when there are several windows), GraphML and Pajek per window.
import { csvTable } from '../../engine/exports/csv.js';
import { dynamicGexf, edgeCsv, gexf, graphml, nodeCsv, pajek, type Snapshot } from '../../engine/exports/index.js';
import type { DeclarationResult, NetworkWindow, NodeAttributes } from '../../results/format.js';

export interface ExportFile { name: string; text: string }

export function networkFiles(result: DeclarationResult): ExportFile[] {
  const network = result.network;
  if (!network) return [];
  const snapshots = network.windows.map((w) => snapshotOf(w, network.directed, network.attributes));
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

/** A window's nodes with their intra volume and node attributes; an attribute named `label` labels the node. */
function snapshotOf(w: NetworkWindow, directed: boolean, attributes: NodeAttributes | undefined): Snapshot {
  const columns = (attributes?.columns ?? []).map((name, i) => ({ name, i }));
  const label = columns.find((c) => c.name === 'label');
  // Every format has the node's own `id` and `label`: an attribute of those names is not written as one.
  const others = columns.filter((c) => c.name !== 'label' && c.name !== 'id');
  const nodes = w.nodes.map((id) => {
    const values = attributes?.values[id];
    const named = label && values?.[label.i];
    return {
      id, ...(named !== undefined && named !== null ? { label: String(named) } : {}),
      attributes: { intra: w.intra[id] ?? 0, ...Object.fromEntries(others.map((c) => [c.name, values?.[c.i] ?? null])) },
    };
  });
  return { network: { directed, nodes: w.nodes, ties: w.ties, intra: new Map(Object.entries(w.intra)) }, nodes, window: w.label };
}

/** One row per tie and patent; `tie_patents` is the tie's full count, more than its rows when the list was cut. */
function tiePatentsCsv(windows: readonly NetworkWindow[]): string {
  const rows = windows.flatMap((w) => (w.tiePatents ?? []).flatMap((tie) =>
    tie.patents.map((p) => [w.label, tie.source, tie.target, tie.count, p.id, p.year, p.holders.join('; ')])));
  return csvTable(['window', 'from', 'to', 'tie_patents', 'patent', 'year', 'holders'], rows);
}
