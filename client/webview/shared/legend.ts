// A legend: one swatch (area or line) per class, with its label and optional count.
import { h } from './dom.js';

export interface LegendEntry { label: string; color: string; count?: number; line?: number }

export function legend(title: string, entries: readonly LegendEntry[]): HTMLElement {
  return h('div', { class: 'legend', 'data-legend': title }, h('strong', {}, title),
    ...entries.map((e) => {
      const swatch = h('span', { class: e.line ? 'swatch line' : 'swatch' });
      if (e.line) {
        swatch.style.borderTopWidth = `${e.line}px`;
        swatch.style.color = e.color;
        swatch.style.width = '18px';
      } else swatch.style.background = e.color;
      return h('span', { class: 'entry' }, swatch, e.count === undefined ? e.label : `${e.label} (${e.count})`);
    }));
}
