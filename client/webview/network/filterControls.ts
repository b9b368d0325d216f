// The controls of a large network's filtered view (filters.ts): top N by a measure, the k-core, or one of the
// run's communities. Communities come only from the run (a nodes(…) measures' `community` column): Louvain on
// a whole large window is seconds of work in the page, so without the run's the choice is shown disabled and says why.
import type { NetworkFilter } from '../../src/panels/messages.js';
import { h, labelled, select } from '../shared/dom.js';
import { DEFAULT_COUNT, FULL_VIEW_LIMIT } from './filters.js';

export interface FilterChoices {
  nodes: number;
  /** Top-N rankings: [key, label]. */
  measures: readonly (readonly [string, string])[];
  /** The run's communities in this window: the measure's key and each community with its size, largest first. */
  communities: { measure: string; sizes: [string, number][] } | undefined;
  /** The largest core number, and the k a switch to the k-core starts at. */
  degeneracy(): number;
  startingCore(): number;
}

function numberInput(value: number, min: number, max: number, title: string, onChange: (value: number) => void): HTMLInputElement {
  const input = h('input', { type: 'number', min: String(min), max: String(max), step: '1', title, class: 'filter-number' });
  input.value = String(value);
  input.addEventListener('change', () => {
    const v = Math.round(Number(input.value));
    if (Number.isFinite(v)) onChange(Math.min(max, Math.max(min, v)));
  });
  return input;
}

export function filterControls(filter: NetworkFilter, choices: FilterChoices, onChange: (filter: NetworkFilter) => void): HTMLElement {
  const kind = select([['top', 'top N by'], ['core', 'k-core'], ['community', 'one community']], filter.kind, (v) => {
    if (v === 'top') onChange({ kind: 'top', measure: choices.measures[0][0], count: Math.min(DEFAULT_COUNT, choices.nodes) });
    else if (v === 'core') onChange({ kind: 'core', k: choices.startingCore() });
    else if (choices.communities) onChange({ kind: 'community', measure: choices.communities.measure, community: choices.communities.sizes[0][0] });
  }, 'What part of the network to draw');
  kind.options[2].disabled = !choices.communities;
  const parts: HTMLElement[] = [labelled('Show', kind)];
  if (filter.kind === 'top') {
    parts.push(numberInput(filter.count, 1, Math.min(choices.nodes, FULL_VIEW_LIMIT.nodes), 'How many nodes', (count) => onChange({ ...filter, count })),
      select(choices.measures, filter.measure, (measure) => onChange({ ...filter, measure }), 'Ranked by'));
  } else if (filter.kind === 'core') {
    parts.push(labelled('k', numberInput(filter.k, 0, choices.degeneracy(), 'Nodes with core number at least k', (k) => onChange({ kind: 'core', k }))));
  } else if (choices.communities) {
    const sizes = choices.communities.sizes.map(([c, n]) => [c, `${c} (${n.toLocaleString('en-US')})`] as const);
    parts.push(select(sizes, filter.community, (community) => onChange({ ...filter, community }), 'Community'));
  }
  if (!choices.communities) parts.push(h('span', { class: 'hint' }, 'communities: the run reported none for this window'));
  return h('span', { class: 'group filters' }, ...parts);
}
