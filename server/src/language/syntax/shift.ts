// Moving a cached piece of tree to its new offset after an edit above it. Iterative: a tree may be
// thousands of nodes deep (a long `a + b + …` is a left-deep chain).
import type { Span } from './ast.js';

const isSpan = (o: Record<string, unknown>): o is Span & Record<string, unknown> =>
  typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2;

/** A copy of plain data with every span (and `start` offset) moved by `delta`. */
export function shiftSpans<T>(value: T, delta: number): T {
  const root: { value: unknown } = { value: undefined };
  const work: [unknown, Record<string | number, unknown>, string | number][] = [[value, root, 'value']];
  for (let item = work.pop(); item; item = work.pop()) {
    const [v, parent, key] = item;
    if (v === null || typeof v !== 'object') {
      parent[key] = v;
    } else if (Array.isArray(v)) {
      const copy: unknown[] = new Array(v.length);
      parent[key] = copy;
      v.forEach((x, i) => work.push([x, copy as unknown as Record<number, unknown>, i]));
    } else {
      const o = v as Record<string, unknown>;
      if (isSpan(o)) {
        parent[key] = { start: o.start + delta, end: o.end + delta };
        continue;
      }
      const copy: Record<string, unknown> = {};
      parent[key] = copy;
      for (const k of Object.keys(o)) {
        if (k === 'start' && typeof o.start === 'number') copy.start = o.start + delta;
        else work.push([o[k], copy, k]);
      }
    }
  }
  return root.value as T;
}
