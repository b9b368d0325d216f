// A network panel's ties travel as columns (messages.ts `TieColumns`): the extension packs them when it posts a
// network panel's content, the page keeps them packed (they are its webview state too), and content revived
// from that state is unpacked before another panel kind is made from it. No `vscode` import: both sides use it.
import type { DeclarationResult, NetworkWindow } from '../../../server/src/results/format.js';
import type { PanelContent, TieColumns } from './messages.js';

export function columnsOf(window: NetworkWindow): TieColumns {
  const index = new Map(window.nodes.map((node, i) => [node, i]));
  const at = (node: string) => {
    const i = index.get(node);
    if (i === undefined) throw new Error(`${window.label}: the tie end ${node} is not among the window's nodes`);
    return i;
  };
  return { source: window.ties.map((t) => at(t.source)), target: window.ties.map((t) => at(t.target)), weight: window.ties.map((t) => t.weight) };
}

const withTies = (result: DeclarationResult, ties: (w: NetworkWindow, i: number) => NetworkWindow['ties']): DeclarationResult =>
  ({ ...result, network: { ...result.network!, windows: result.network!.windows.map((w, i) => ({ ...w, ties: ties(w, i) })) } });

/** A network panel's content with every network's ties as columns; other kinds' content, and packed content, as it is. */
export function packTies(content: PanelContent): PanelContent {
  if (content.kind !== 'network' || content.tieColumns) return content;
  const tieColumns: Record<string, TieColumns[]> = {};
  const results = content.results.map((r) => {
    if (!r.network) return r;
    tieColumns[r.name] = r.network.windows.map(columnsOf);
    return withTies(r, () => []);
  });
  return { ...content, results, tieColumns };
}

/** Packed content with its ties as objects again (the results as the run wrote them). */
export function unpackTies(content: PanelContent): PanelContent {
  const packed = content.tieColumns;
  if (!packed) return content;
  const results = content.results.map((r) => !r.network || !packed[r.name] ? r : withTies(r, (w, i) => {
    const { source, target, weight } = packed[r.name][i];
    return source.map((s, k) => ({ source: w.nodes[s], target: w.nodes[target[k]], weight: weight[k] }));
  }));
  const { tieColumns: _, ...rest } = content;
  return { ...rest, results };
}
