// What every panel shows around its content: the declaration's name and kind, the study, buttons to the other
// panel kinds that can show it, and its error and notes (everything the run dropped, adjusted or assumed).
import type { DeclarationResult } from '../../../server/src/results/format.js';
import type { PanelContent, PanelKind } from '../../src/panels/messages.js';
import { button, h } from './dom.js';
import { post } from './host.js';

const KIND_LABELS: Record<PanelKind, string> = { regression: 'Regression table', network: 'Network', map: 'Map', charts: 'Chart', tables: 'Tables' };

export function focusOf(content: PanelContent): DeclarationResult {
  const focus = content.results.find((r) => r.name === content.focus);
  if (!focus) throw new Error(`no result named ${content.focus}`);
  return focus;
}

/** Header, the panel's own toolbar and body, then notes; replaces the page. */
export function renderFrame(content: PanelContent, toolbar: HTMLElement[], body: HTMLElement): void {
  const focus = focusOf(content);
  const alternatives = content.alternatives.map((kind) => button(KIND_LABELS[kind], () => post({ type: 'open', kind, focus: content.focus }), `Show ${content.focus} as ${KIND_LABELS[kind].toLowerCase()}`));
  const parts = [
    h('header', { class: 'panel-header' },
      h('h1', {}, focus.name, h('span', { class: 'kind' }, [focus.kind, focus.source].filter(Boolean).join(' · '))),
      content.study ? h('p', { class: 'study' }, content.study) : null,
      alternatives.length ? h('nav', { class: 'alternatives' }, 'Also as: ', ...alternatives) : null),
    toolbar.length ? h('div', { class: 'toolbar' }, ...toolbar) : null,
    focus.error ? h('p', { class: 'panel-error' }, focus.error.message) : null,
    body,
    notes(focus),
  ];
  document.getElementById('root')!.replaceChildren(...parts.filter((p) => p !== null));
}

function notes(result: DeclarationResult): HTMLElement | null {
  const conventions = Object.entries(result.conventions ?? {});
  if (result.notes.length === 0 && conventions.length === 0) return null;
  return h('details', { class: 'notes' },
    h('summary', {}, `Notes (${result.notes.length})${conventions.length ? ` and conventions (${conventions.length})` : ''}`),
    h('ul', {}, ...result.notes.map((n) => h('li', {}, n))),
    conventions.length ? h('dl', {}, ...conventions.flatMap(([option, value]) => [h('dt', {}, option), h('dd', {}, value)])) : null);
}
