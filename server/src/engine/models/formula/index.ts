// The formula layer: fixest-style formulas over a DataTable, turned into the estimators' inputs. See
// docs/models/formula.md for the syntax and conventions.
export { FormulaError, type Expr, type Place, type BinaryOp } from './expr.js';
export { parseFormula, addTerms, splitChain, type Formula, type Term } from './parse.js';
export { label } from './label.js';
export { evaluate, Evaluator } from './evaluate.js';
export { buildDesign, type Design, type DesignOptions } from './design.js';
export { variables } from './variables.js';
export { gmmInput, type GmmInput, type GmmInputOptions } from './gmm.js';
