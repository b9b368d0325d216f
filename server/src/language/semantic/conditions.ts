// Where a declaration's conditions stand: the values of its condition options (`where:`), a regions set's
// condition, and the condition arguments of functions (`count(…, where: …)`, `any(applicants, …)`). Inside
// them `count(…)` is a patent's holder count, elsewhere the panel count: hover, completion and signature help
// ask here which one the cursor is in.
import { children, contains, type Decl, type Expr } from '../syntax/ast.js';
import { declSpec, optionsFor } from '../schema/declarations.js';
import { functionSpec } from '../schema/functions.js';
import type { SemanticModel } from './model.js';

/** Whether the innermost expression of `decl` containing `offset` is part of a condition. */
export function inCondition(model: SemanticModel, decl: Decl, offset: number): boolean {
  const spec = declSpec(decl.keyword.name);
  const source = model.source(decl);
  const options = spec ? optionsFor(spec, source?.spec ?? model.inheritedSource(decl)) : [];
  const isCondition = (option: string) => options.find((o) => o.name === option)?.value.type === 'filter';
  const stack: [Expr | undefined, boolean][] = [];
  for (const value of decl.values) {
    if (spec?.kind === 'regions' && value.type === 'binary' && value.op === 'where') stack.push([value.left, false], [value.right, true]);
    else stack.push([value, false]);
  }
  for (const e of decl.block?.entries ?? []) {
    if (e.type === 'option') for (const v of e.values) stack.push([v, isCondition(e.key.name)]);
    else stack.push([e.value, false]);
  }
  // Iterative, like every walk over expressions: operator chains can be thousands of nodes deep.
  let found = false;
  while (stack.length) {
    const [e, condition] = stack.pop()!;
    if (!e || !contains(e.span, offset)) continue;
    found = condition;
    if (e.type !== 'call') {
      for (const child of children(e)) stack.push([child, condition]);
      continue;
    }
    // A source call's named arguments are the declaration's options; a function's, its parameters.
    const fn = e === source?.call ? undefined : functionSpec(e.callee.name, condition);
    let position = 0;
    for (const arg of e.args) {
      const param = arg.name ? fn?.params.find((p) => p.name === arg.name!.name) : fn?.params[position++];
      const conditional = condition || param?.value.type === 'filter' || (e === source?.call && arg.name !== undefined && isCondition(arg.name.name));
      stack.push([arg.value, conditional]);
    }
  }
  return found;
}
