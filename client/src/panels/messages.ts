// The messages between the extension and its result panels, typed once for both sides: the extension
// (client/src/panels) and the webview bundles (client/webview) import these types.
import type { DeclarationResult } from '../../../server/src/results/format.js';

export type PanelKind = 'regression' | 'network' | 'map' | 'charts' | 'tables';
export const PANEL_KINDS: readonly PanelKind[] = ['regression', 'network', 'map', 'charts', 'tables'];

/**
 * TopoJSON regions for the map view; `key` is the feature property region names are matched on, `object` the
 * TopoJSON object (default: the first), `aliases` the declared geometry's region → feature value pairs.
 */
export interface MapGeometry {
  /** The file name, shown in the panel. */
  name: string;
  topology: unknown;
  key?: string;
  object?: string;
  aliases?: Record<string, string>;
}

/** What a panel shows: the declaration in focus and the results it draws on (its network, that network's measures and blocks). */
export interface PanelContent {
  kind: PanelKind;
  focus: string;
  /** The study's title. */
  study?: string;
  results: DeclarationResult[];
  /** The spec's variable labels (`ResultsFile.labels`), for a model's own regression column. */
  labels?: Record<string, string>;
  /** The other panel kinds that can show the focus, most useful first. */
  alternatives: PanelKind[];
  geometry?: MapGeometry;
  /** The results file's spec: with the network's name, the key its view is remembered under. */
  spec?: string;
  /** A pinned panel stays: later results open in another panel of its kind. */
  pinned?: boolean;
  /** The network view as last left: its style and each window's laid-out positions. */
  networkView?: NetworkViewState;
  /**
   * Network panels only: each network's windows' ties as columns (network name → one per window), their
   * `ties` then left empty — see tieColumns.ts. A million ties as objects are some 50 MB of JSON to send,
   * save as the webview state and parse, and a million objects in the page; as columns, a fifth of that.
   */
  tieColumns?: Record<string, TieColumns[]>;
}

/** A window's ties as columns: `source[i]` and `target[i]` index the window's `nodes`; `weight[i]` is the tie's weight. */
export interface TieColumns { source: number[]; target: number[]; weight: number[] }

export interface NetworkStyle { sizeBy: string; colorBy: string; threshold: number }

/**
 * A large network's filtered view: the `count` nodes ranked highest by `measure` (`degree`, `weight` or a node
 * measure's key), the k-core for `k`, or one community of the run's `community` column (`measure` its key).
 */
export type NetworkFilter =
  | { kind: 'top'; measure: string; count: number }
  | { kind: 'core'; k: number }
  | { kind: 'community'; measure: string; community: string };

export interface NetworkViewState {
  style?: NetworkStyle;
  /** What a large network's view shows (see client/webview/network/filters.ts); absent: the default filter. */
  filter?: NetworkFilter;
  /**
   * View → node → [x, y]: a finished layout, so reopening shows the same picture. The view is the window's label
   * when the whole window is drawn, else the label and the filter (`filterKey`), so each filter keeps its own.
   */
  positions?: Record<string, Record<string, [number, number]>>;
}

export type RegressionFormat = 'tex' | 'md' | 'csv' | 'html' | 'docx';

export type ToWebview =
  | { type: 'show'; content: PanelContent }
  | { type: 'geometry'; geometry: MapGeometry };

export type FromWebview =
  /** The page has loaded and listens: the extension sends what it should show. */
  | { type: 'ready' }
  /** Save a file the page made (PNG/SVG/GEXF/CSV); binary data comes base64-encoded. */
  | { type: 'save'; fileName: string; data: string; encoding: 'utf8' | 'base64' }
  | { type: 'copy'; text: string }
  /** Export the regression table in focus (formatted by the extension, which also writes Word files). */
  | { type: 'exportRegression'; format: RegressionFormat; to: 'file' | 'clipboard' }
  /** Show the focus (or another declaration of the same results) in another panel kind. */
  | { type: 'open'; kind: PanelKind; focus: string }
  | { type: 'pickGeometry' }
  /** Pin or unpin this panel (see PanelContent.pinned). */
  | { type: 'pin'; pinned: boolean }
  /** Remember the network view (style, positions) for this spec and network. */
  | { type: 'networkView'; view: NetworkViewState };
