// A tie's details: its weight and the patents that made it (ids, years, holders) — reviewers' first question.
// Only co-application and co-invention networks carry patents; for the others the panel says why not.
import type { NetworkWindow, TiePatents } from '../../../server/src/results/format.js';
import { h } from '../shared/dom.js';
import { MISSING } from '../shared/format.js';

/** Why a network built from `source` lists no patents per tie. */
const NO_PATENTS: Record<string, string> = {
  edges: 'This network is read from an edge list: it has no patents behind its ties.',
  file: 'This network is read from a network file: it has no patents behind its ties.',
  cocitation: 'A co-citation tie is made by the patents both regions cite; the list of patents per tie is kept for co-application and co-invention networks.',
};

/** The heading, weight and patent list of the tie source → target of `window`. */
export function tieDetails(window: NetworkWindow, source: string, target: string, tieWeight: number, directed: boolean, networkSource: string | undefined): HTMLElement[] {
  const heading = h('h2', {}, `${source} ${directed ? '→' : '—'} ${target}`);
  const weight = h('p', {}, `${window.label}: weight ${tieWeight}`);
  if (!window.tiePatents) {
    return [heading, weight, h('p', { class: 'hint' }, NO_PATENTS[networkSource ?? ''] ?? 'These results list no patents per tie.')];
  }
  const patents = window.tiePatents.find((t) => t.source === source && t.target === target);
  return [heading, weight, patentCount(patents), ...(patents?.patents.length ? [patentTable(patents)] : [])];
}

function patentCount(tie: TiePatents | undefined): HTMLElement {
  const count = tie?.count ?? 0;
  const listed = tie?.patents.length ?? 0;
  const text = `${count} patent${count === 1 ? '' : 's'}${listed < count ? ` (the first ${listed} listed, earliest first)` : ''}`;
  return h('p', { class: 'tie-patent-count' }, text);
}

function patentTable(tie: TiePatents): HTMLElement {
  const head = h('thead', {}, h('tr', {}, h('th', {}, 'patent'), h('th', {}, 'year'), h('th', {}, 'holders')));
  const rows = tie.patents.map((p) => h('tr', {}, h('td', {}, p.id), h('td', { class: 'number' }, p.year === null ? MISSING : String(p.year)), h('td', {}, ...p.holders.map((holder) => h('div', {}, holder)))));
  return h('table', { class: 'data tie-patents' }, head, h('tbody', {}, ...rows));
}
