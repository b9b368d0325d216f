// Building DOM without markup: every string a user or a data file supplies becomes a text node, so a region
// named `<img src=x onerror=…>` is shown literally and never parsed.
type Child = Node | string | null | undefined | false;

/** Attributes (`class`, `title`, `data-*`, `scope` …); undefined ones are left out. */
type Props = Record<string, string | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  element.append(...children.filter((c): c is Node | string => !!c));
  return element;
}

export function button(label: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = h('button', { title });
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

/** A `<select>` of `[value, label]` options. */
export function select(options: readonly (readonly [string, string])[], value: string, onChange: (value: string) => void, title?: string): HTMLSelectElement {
  const s = h('select', { title });
  for (const [v, label] of options) {
    const o = h('option', {}, label);
    o.value = v;
    s.append(o);
  }
  s.value = value;
  s.addEventListener('change', () => onChange(s.value));
  return s;
}

export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'control' }, text, control);
}
