// Two region sets joined into a pair (`china × foreign`). `*` is the ASCII form: it parses at the level of
// `×` and its other meaning, a product, never applies to region sets, so the two cannot be confused.
import type { Binary, Expr } from '../syntax/ast.js';

const REGION_PAIR_OPERATORS: readonly string[] = ['×', '*'];

export function isRegionPair(e: Expr): e is Binary {
  return e.type === 'binary' && REGION_PAIR_OPERATORS.includes(e.op);
}
