// Conventions a declaration uses, read from its options with the schema's defaults, and reported in
// the results next to the numbers they produced.
import type { Decl } from '../language/syntax/ast.js';
import { declSpec, optionsFor } from '../language/schema/declarations.js';
import type { RunContext } from './context.js';

/** The value of every enum option of the declaration that `names` lists, with what it means. */
export function conventions(ctx: RunContext, decl: Decl, names: readonly string[]): Record<string, string> {
  const spec = declSpec(decl.keyword.name);
  if (!spec) return {};
  const options = optionsFor(spec, ctx.model.source(decl)?.spec);
  const out: Record<string, string> = {};
  for (const option of options) {
    if (!names.includes(option.name) || option.value.type !== 'enum' || option.default === undefined) continue;
    const value = ctx.word(decl, option.name, option.default);
    const doc = option.value.values.find((c) => c.name === value)?.doc;
    out[option.name] = doc ? `${value}: ${doc}` : value;
  }
  return out;
}

/** The seed of a declaration, else the study's, else 1 (Gephi's Louvain is randomised; ours is seeded). */
export function seedOf(ctx: RunContext, decl: Decl): number {
  const study = ctx.model.file.decls.find((d) => d.keyword.name === 'study');
  const studySeed = study ? ctx.number(study, 'seed', 1) : 1;
  return ctx.number(decl, 'seed', studySeed);
}
