// The expressions of formulas, fixed-effect and cluster terms and subsample conditions, as the engine sees
// them: plain data, independent of the spec's syntax tree (the runner converts). `at` is opaque to the
// engine and travels back in errors so that the runner can point at the spec.

export interface Place { start: number; end: number }

export type Expr =
  | { type: 'var'; name: string; at?: Place }
  | { type: 'number'; value: number; at?: Place }
  | { type: 'string'; value: string; at?: Place }
  /** `names[k]` is the name a named argument was given (`ref` in `i(x, ref: "US")`), undefined for a positional one. */
  | { type: 'call'; fn: string; args: Expr[]; names?: (string | undefined)[]; at?: Place }
  /** `..` with no right side is an open lag range `2..`. */
  | { type: 'binary'; op: BinaryOp; left: Expr; right?: Expr; at?: Place }
  | { type: 'unary'; op: '-' | 'not'; operand: Expr; at?: Place }
  | { type: 'list'; items: Expr[]; at?: Place };

export type BinaryOp =
  | '~' | '|' | '+' | '-' | '*' | '/' | ':' | '^' | '..'
  | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or' | 'in';

/** A formula, term or condition the data cannot support; `at` is the offending expression's place. */
export class FormulaError extends Error {
  constructor(message: string, readonly at?: Place) {
    super(message);
    this.name = 'FormulaError';
  }
}
