// Time windows: fixed periods, rolling windows, single years. Plain data: the
// runner turns a `windows` declaration into a `WindowPlan`, the engine expands it here.

export interface Window {
  /** `2001–2005`, or `2011` for a one-year window. */
  label: string;
  from: number;
  to: number;
}

export type WindowPlan =
  | { kind: 'fixed'; from: number; to: number; length: number; partial: boolean }
  | { kind: 'rolling'; from: number; to: number; length: number; step: number }
  | { kind: 'yearly'; from: number; to: number };

export function windowLabel(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

export function expandWindows(plan: WindowPlan): Window[] {
  const out: Window[] = [];
  const push = (from: number, to: number) => out.push({ label: windowLabel(from, to), from, to });
  switch (plan.kind) {
    case 'yearly':
      for (let y = plan.from; y <= plan.to; y++) push(y, y);
      break;
    case 'fixed':
      for (let y = plan.from; y <= plan.to; y += plan.length) {
        const end = y + plan.length - 1;
        if (end <= plan.to) push(y, end);
        else if (plan.partial) push(y, plan.to);
      }
      break;
    case 'rolling':
      for (let y = plan.from; y + plan.length - 1 <= plan.to; y += plan.step) push(y, y + plan.length - 1);
      break;
  }
  return out;
}

/** The whole period as one window, for networks declared without `windows`. */
export const ALL_YEARS: Window = { label: 'all', from: -Infinity, to: Infinity };
