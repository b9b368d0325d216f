// The spec's `labels` declarations as one map from a term, spelt as the estimators name coefficients
// (`l(Overlap, 3)`, as `keep:` matches them), to its label. Later entries win, as the checks warn.
import { label } from '../engine/models/formula/index.js';
import type { TermLabels } from '../engine/exports/termLabels.js';
import { labelEntries } from '../language/semantic/labels.js';
import type { SemanticModel } from '../language/semantic/model.js';
import { engineExpr } from './expressions.js';

export function specLabels(model: SemanticModel): TermLabels {
  const labels = new Map<string, string>();
  for (const symbol of model.symbolsOfKind(['labels'])) {
    for (const entry of labelEntries(symbol.decl)) if (entry.label) labels.set(label(engineExpr(entry.term)), entry.label.value);
  }
  return labels;
}
