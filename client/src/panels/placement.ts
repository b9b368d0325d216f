// Where result panels go, without VS Code (unit-tested): all of them as tabs of one editor group beside the
// spec. The first opens beside the active editor; later ones join the group the result panels are in.
import type { PanelContent } from './messages.js';

/**
 * The editor column for a new result panel: the column result panels were last seen in, if one is still
 * there; else any column a result panel is in; else `beside` (a new group next to the active editor).
 */
export function resultColumn(openColumns: readonly (number | undefined)[], lastColumn: number | undefined): number | 'beside' {
  const columns = openColumns.filter((c): c is number => c !== undefined);
  if (lastColumn !== undefined && columns.includes(lastColumn)) return lastColumn;
  return columns.at(-1) ?? 'beside';
}

/** The workspace-state key a network view's style and layout are remembered under: spec and network. */
export function networkViewKey(content: Pick<PanelContent, 'spec' | 'results'>): string | undefined {
  const network = content.results.find((r) => r.network);
  return content.spec && network ? `innograph.networkView:${content.spec}#${network.name}` : undefined;
}

/**
 * The open result panels and, per kind, the one a new result replaces: the latest unpinned panel. A pinned
 * panel keeps its result (a new one opens beside it); unpinned, it takes its kind's slot back if it is free.
 */
export class PanelSlots<K, P> {
  private readonly reusable = new Map<K, P>();
  private readonly panels = new Set<P>();

  /** The panel a new result of `kind` replaces, if any. */
  slot(kind: K): P | undefined {
    return this.reusable.get(kind);
  }

  all(): P[] {
    return [...this.panels];
  }

  add(kind: K, panel: P, pinned: boolean): void {
    this.panels.add(panel);
    if (!pinned) this.reusable.set(kind, panel);
  }

  remove(kind: K, panel: P): void {
    this.panels.delete(panel);
    if (this.reusable.get(kind) === panel) this.reusable.delete(kind);
  }

  pin(kind: K, panel: P, pinned: boolean): void {
    if (pinned && this.reusable.get(kind) === panel) this.reusable.delete(kind);
    if (!pinned && !this.reusable.has(kind)) this.reusable.set(kind, panel);
  }
}
