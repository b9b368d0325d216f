// Interaction detector: compares q(X1 ∩ X2) with q(X1) and q(X2). The two packages order their comparisons
// differently, which only matters at ties (see conventions.ts).
import type { ConventionRules } from './conventions.js';
import type { InteractionClass } from './types.js';

export function classifyInteraction(q1: number, q2: number, q12: number, rules: ConventionRules): InteractionClass {
  const min = Math.min(q1, q2);
  const max = Math.max(q1, q2);
  const sum = q1 + q2;
  if (rules.interactionRules === 'GD') {
    if (q12 < min) return 'Weaken, nonlinear';
    if (q12 <= max) return 'Weaken, uni-';
    if (q12 < sum) return 'Enhance, bi-';
    if (q12 === sum) return 'Independent';
    return 'Enhance, nonlinear';
  }
  // geodetector assigns in sequence, later rules overwriting earlier ones; "Enhance, bi-" (q12 ≥ max) comes
  // last, so it also takes q12 = q1 + q2 ("Independent") and q12 = min = max.
  if (q12 > sum) return 'Enhance, nonlinear';
  if (q12 >= max) return 'Enhance, bi-';
  if (q12 > min) return 'Weaken, uni-';
  return 'Weaken, nonlinear';
}
