// Moving a cached piece of tree to its new offset after an edit above it: every declaration below an
// edit is copied once per edit, so this is tuned (spans and primitives are copied inline, only nested
// nodes go through the work stack) and iterative (a long `a + b + …` is a left-deep chain).

/** A copy of plain data with every span (`{ start, end }`) and `start` offset moved by `delta`. */
export function shiftSpans<T>(value: T, delta: number): T {
  const root: Record<string, unknown> = {};
  // Triples (value, the copy to put it in, key), flattened to spare an allocation per entry.
  const work: unknown[] = [value, root, 'value'];
  while (work.length) {
    const key = work.pop() as string | number;
    const into = work.pop() as Record<string | number, unknown>;
    const v = work.pop();
    into[key] = copy(v, delta, work);
  }
  return root.value as T;
}

function copy(v: unknown, delta: number, work: unknown[]): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) place(v[i], out, i, delta, work);
    return out;
  }
  const o = v as Record<string, unknown>;
  // Only spans have an `end`.
  if (typeof o.end === 'number') return { start: (o.start as number) + delta, end: o.end + delta };
  const out: Record<string, unknown> = {};
  for (const k in o) {
    if (k === 'start' && typeof o.start === 'number') out.start = o.start + delta;
    else place(o[k], out, k, delta, work);
  }
  return out;
}

/** Puts spans and primitives straight into the copy; nodes go on the work stack. */
function place(v: unknown, into: Record<string | number, unknown> | unknown[], key: string | number, delta: number, work: unknown[]): void {
  if (v === null || typeof v !== 'object') (into as Record<string | number, unknown>)[key] = v;
  else if (!Array.isArray(v) && typeof (v as { end?: unknown }).end === 'number') {
    const span = v as { start: number; end: number };
    (into as Record<string | number, unknown>)[key] = { start: span.start + delta, end: span.end + delta };
  } else work.push(v, into, key);
}
