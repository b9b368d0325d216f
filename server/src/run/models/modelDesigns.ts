// Model declarations that are designs rather than one regression: descriptives, classes, correlation
// matrices, the geographical detector, mediation and placebo permutations.
import { Cancelled } from '../../engine/cancel.js';
import { correlationMatrix } from '../../engine/models/describe/correlation.js';
import { describeColumns } from '../../engine/models/describe/descriptives.js';
import { varianceInflationFactors } from '../../engine/models/describe/vif.js';
import { addTerms, buildDesign, evaluate, label, variables } from '../../engine/models/formula/index.js';
import { geoDetector, type Detector, type GeoFactor } from '../../engine/models/geodetector/index.js';
import { decomposeMediation, mediationAnalysis, type MediationResult } from '../../engine/models/mediation.js';
import type { ModelResult } from '../../results/modelResult.js';
import { rngFor } from '../../engine/prng.js';
import { kernelDensity } from '../../engine/stats/density.js';
import { classTable, type ClassMethod, type Closure } from '../../engine/stats/classify.js';
import type { QuantileType } from '../../engine/stats/quantile.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import { engineExpr } from '../expressions.js';
import { modelData } from './modelData.js';
import { coefficientsTable, fitModel, requireFormula } from './estimators.js';
import { modelSpec, numberOption, wordOption, type ModelSpec } from './modelSpecs.js';
import { seedOf } from '../options.js';
import type { Span } from '../../language/syntax/ast.js';
import type { Cell } from '../../results/format.js';
import type { Outcome } from '../values.js';

export const DESIGNS: ReadonlySet<string> = new Set(['descriptives', 'classify', 'correlation', 'vif', 'geodetector', 'mediation', 'mediation_of', 'permute']);

export async function runDesign(ctx: RunContext, spec: ModelSpec): Promise<Outcome> {
  switch (spec.estimator) {
    case 'descriptives': return descriptives(ctx, spec);
    case 'classify': return classes(ctx, spec);
    case 'correlation': return correlation(ctx, spec);
    case 'vif': return vif(ctx, spec);
    case 'geodetector': return geodetector(ctx, spec);
    case 'mediation': return mediation(ctx, spec);
    case 'mediation_of': return mediationOf(ctx, spec);
    default: return permute(ctx, spec);
  }
}

/**
 * The `a + b + c` list of descriptives and correlation, with the data (subsample applied). The variables are
 * evaluated on the whole table and then subset, so a lag reads the unit's earlier period even when that
 * period is outside the subsample, as in the estimators.
 */
async function listedVariables(ctx: RunContext, spec: ModelSpec) {
  const list = spec.call.args.find((a) => !a.name)?.value;
  if (!list) throw new SpecError('List the variables, e.g. `descriptives(TI + IP + NC, data: cities)`.', spec.call.span);
  const expr = engineExpr(list);
  const { table, notes } = await modelData(ctx, spec, [expr]);
  const columns = variables(expr, table);
  const where = spec.option('where')?.[0];
  if (!where) return { columns, notes };
  const test = evaluate(engineExpr(where), table);
  const keep: number[] = [];
  for (let r = 0; r < table.rows; r++) if (test.type === 'number' && test.values[r] === 1) keep.push(r);
  notes.push(`${keep.length} of ${table.rows} rows satisfy the \`where:\` condition.`);
  return { columns: columns.map((c) => ({ name: c.name, values: Float64Array.from(keep, (r) => c.values[r]!) })), notes };
}

async function descriptives(ctx: RunContext, spec: ModelSpec): Promise<Outcome> {
  const { columns, notes } = await listedVariables(ctx, spec);
  const rows = describeColumns(columns).map((d) => [d.name, d.n, d.mean, d.sd, d.min, d.p25, d.median, d.p75, d.max, d.missing]);
  notes.push('Each variable over its own non-missing rows (as Stata\'s summarize); SD with n − 1.');
  return { tables: { descriptives: { columns: ['variable', 'n', 'mean', 'sd', 'min', 'p25', 'median', 'p75', 'max', 'missing'], rows } }, notes };
}

/** `classify(a + b, data: …)`: each variable's classes (interval, count, extremes) and its GVF. */
async function classes(ctx: RunContext, spec: ModelSpec): Promise<Outcome> {
  const { columns, notes } = await listedVariables(ctx, spec);
  const { method, k, span } = classesOption(spec, 'classes');
  const options = { closure: wordOption(spec, 'closure', 'right') as Closure, quantileType: numberOption(spec, 'quantile_type', 7) as QuantileType };
  const classRows: Cell[][] = [];
  const fitRows: Cell[][] = [];
  for (const { name, values } of columns) {
    const present = Array.from(values).filter((v) => Number.isFinite(v));
    const distinct = new Set(present).size;
    if (method === 'jenks' && distinct < k) throw new SpecError(`\`${name}\` has ${distinct} distinct values: too few for ${k} Jenks classes.`, span);
    if (!present.length) throw new SpecError(`\`${name}\` has no values to classify.`, span);
    const table = classTable(present, method, k, options);
    table.classes.forEach((c, i) => classRows.push([name, i + 1, c.lower, c.upper, c.count, c.min, c.max]));
    fitRows.push([name, method, table.classes.length, present.length, values.length - present.length, table.gvf]);
    if (table.classes.length < k) notes.push(`\`${name}\`: coinciding quantile breaks merged, ${table.classes.length} classes instead of ${k}.`);
  }
  notes.push(`Classes are ${options.closure === 'right' ? 'right-closed (lower < x ≤ upper, the minimum in class 1)' : 'left-closed (lower ≤ x < upper, the maximum in the last class)'}${method === 'quantile' ? `; quantiles of type ${options.quantileType}` : ''}.`);
  return {
    tables: {
      classes: { columns: ['variable', 'class', 'lower', 'upper', 'count', 'min', 'max'], rows: classRows },
      fit: { columns: ['variable', 'method', 'classes', 'n', 'missing', 'gvf'], rows: fitRows },
    },
    notes,
  };
}

const CLASS_METHODS: Record<string, ClassMethod> = { jenks: 'jenks', quantiles: 'quantile', equal: 'equal' };

/** `jenks(5)`, `quantiles(4)`, `equal(5)` of a classes or discretize option; unset, jenks(5). */
function classesOption(spec: ModelSpec, name: string): { method: ClassMethod; k: number; span: Span } {
  const expr = spec.option(name)?.[0];
  const method = expr?.type === 'call' ? CLASS_METHODS[expr.callee.name] : 'jenks';
  const k = expr?.type === 'call' && expr.args[0]?.value?.type === 'number' ? expr.args[0].value.value : 5;
  return { method, k, span: expr?.span ?? spec.call.span };
}

async function correlation(ctx: RunContext, spec: ModelSpec): Promise<Outcome> {
  const { columns, notes } = await listedVariables(ctx, spec);
  const m = correlationMatrix(columns);
  const matrix = (cell: (a: number, b: number) => Cell) => ({ columns: ['variable', ...m.names], rows: m.names.map((name, a) => [name, ...m.names.map((_, b) => cell(a, b))]) });
  notes.push('Pearson correlations with two-sided p-values (cor.test), pairwise deletion (as Stata\'s pwcorr); * p < 0.1, ** p < 0.05, *** p < 0.01.');
  return {
    tables: {
      correlation: matrix((a, b) => m.r[a][b]),
      p: matrix((a, b) => m.p[a][b]),
      n: matrix((a, b) => m.n[a][b]),
      stars: matrix((a, b) => (b > a ? null : `${m.r[a][b].toFixed(3)}${m.stars[a][b]}`)),
    },
    notes,
  };
}

/** Variance inflation of a formula's regressors (as car::vif, with a constant; fixed effects ignored). */
async function vif(ctx: RunContext, spec: ModelSpec): Promise<Outcome> {
  const formula = requireFormula(spec);
  const { table, notes } = await modelData(ctx, spec);
  const where = spec.option('where')?.[0];
  const design = buildDesign({ ...formula, intercept: true, fixedEffects: [] }, table, { where: where ? engineExpr(where) : undefined });
  const rows = varianceInflationFactors(design.frame.X).map((v) => [v.name, v.vif]);
  return { tables: { vif: { columns: ['variable', 'vif'], rows } }, notes: [...notes, ...design.notes] };
}

async function geodetector(ctx: RunContext, spec: ModelSpec): Promise<Outcome> {
  const formula = requireFormula(spec);
  const { table, notes } = await modelData(ctx, spec);
  const { method, k } = classesOption(spec, 'discretize');
  const y = evaluate(formula.lhs, table);
  if (y.type !== 'number') throw new SpecError('The geographical detector explains a number.', spec.call.span);
  const factorColumns = formula.terms.map((t) => ({ name: t.label, column: evaluate(t.factors.length === 1 ? t.factors[0] : { type: 'var', name: t.label }, table) }));
  // Rows missing y or any factor are left out, as geodetector's na.omit.
  const keep: number[] = [];
  for (let r = 0; r < table.rows; r++) {
    const missing = Number.isNaN(y.values[r]) || factorColumns.some(({ column }) => (column.type === 'number' ? Number.isNaN(column.values[r]) : column.values[r] === null));
    if (!missing) keep.push(r);
  }
  if (keep.length < table.rows) notes.push(`${table.rows - keep.length} of ${table.rows} rows left out: missing ${label(formula.lhs)} or a factor.`);
  const categorical = new Set((spec.option('categorical') ?? []).map((e) => label(engineExpr(e))));
  const factors: GeoFactor[] = factorColumns.map(({ name, column }) => column.type === 'number' && !categorical.has(name)
    ? { name, values: keep.map((r) => column.values[r]), discretize: { method, classes: k } }
    : { name, values: keep.map((r) => column.values[r]!) as (number | string)[] });
  const detectors = (spec.option('detectors') ?? []).flatMap((e) => (e.type === 'ident' ? [e.name as Detector] : []));
  const result = geoDetector({ y: keep.map((r) => y.values[r]), factors }, {
    convention: wordOption(spec, 'variant', 'geodetector') === 'gd' ? 'GD' : 'geodetector',
    pValue: wordOption(spec, 'p_value', 'r') === 'accurate' ? 'accurate' : 'R',
    riskSingletons: wordOption(spec, 'singletons', 'skip') === 'error' ? 'error' : 'skip',
    ...(detectors.length ? { detectors } : {}),
    checkpoint: ctx.checkpoint,
  });
  const tables: Outcome['tables'] = {
    factor: { columns: ['factor', 'q', 'p', 'strata', 'n', 'F', 'lambda'], rows: result.factor.map((f) => [f.factor, f.q, f.p, f.strata, f.n, f.F, f.lambda]) },
    discretization: { columns: ['factor', 'method', 'classes', 'breaks'], rows: result.discretization.map((d) => [d.factor, d.method, d.classes, d.breaks.map((b) => +b.toPrecision(8)).join(', ')]) },
  };
  if (result.interaction.length) {
    tables.interaction = {
      columns: ['factor1', 'factor2', 'q1', 'q2', 'q12', 'interaction', 'strata1', 'strata2', 'strata12', 'singletons12'],
      rows: result.interaction.map((i) => [i.factor1, i.factor2, i.q1, i.q2, i.q12, i.interaction, i.strata1, i.strata2, i.strata12, i.singletons12]),
    };
  }
  if (result.risk.length) {
    tables.risk_means = { columns: ['factor', 'stratum', 'n', 'mean'], rows: result.risk.flatMap((r) => r.means.map((m) => [r.factor, m.stratum, m.n, m.mean])) };
    tables.risk_tests = { columns: ['factor', 'stratum1', 'stratum2', 't', 'df', 'p', 'significant'], rows: result.risk.flatMap((r) => r.tests.map((t) => [r.factor, t.stratum1, t.stratum2, t.t, t.df, t.p, t.significant])) };
  }
  if (result.ecological.length) tables.ecological = { columns: ['factor1', 'factor2', 'F', 'critical', 'significant'], rows: result.ecological.map((e) => [e.factor1, e.factor2, e.F, e.critical, e.significant]) };
  return {
    tables,
    model: {
      estimator: 'geodetector', dependent: label(formula.lhs), statistic: 't', coefficients: [],
      fit: { n: result.n, ...Object.fromEntries(result.factor.map((f) => [`q:${f.factor}`, f.q])) },
      tests: Object.fromEntries(result.factor.map((f) => [`q:${f.factor}`, { statistic: f.F, df: f.df1, df2: f.df2, p: f.p }])),
      notes: [...notes, ...result.notes],
    },
    notes: [...notes, ...result.notes],
  };
}

async function mediation(ctx: RunContext, spec: ModelSpec): Promise<Outcome> {
  const formula = requireFormula(spec);
  const mediatorExpr = spec.option('mediator')?.[0];
  if (!mediatorExpr) throw new SpecError('Name the mediator: `mediator: M`.', spec.call.span);
  const mediator = engineExpr(mediatorExpr);
  const treatment = formula.terms[0];
  if (!treatment) throw new SpecError('The formula needs the treatment as its first regressor.', spec.call.span);
  const { table, notes } = await modelData(ctx, spec, [mediator]);
  const where = spec.option('where')?.[0];
  const design = buildDesign(addTerms(formula, mediator), table, { where: where ? engineExpr(where) : undefined });
  const result = mediationAnalysis(design.frame, treatment.label, label(mediator), {
    bootstrap: numberOption(spec, 'bootstrap', 1000),
    seed: seedOf(ctx, spec.symbol.decl),
    checkpoint: ctx.checkpoint,
    progress: (done, total) => ctx.options.steps?.(`model ${spec.symbol.name}: bootstrap resample ${done + 1} of ${total}`, done, total),
  });
  return mediationOutcome(result, [...notes, ...design.notes, ...result.notes]);
}

/** `mediation_of(total, mediator_model, outcome, treatment: x, mediator: m)`: the effects of three estimated models. */
async function mediationOf(ctx: RunContext, spec: ModelSpec): Promise<Outcome> {
  const term = (name: string) => {
    const expr = spec.option(name)?.[0];
    if (!expr) throw new SpecError(`Name the ${name}: \`${name}: …\`.`, spec.call.span);
    return label(engineExpr(expr));
  };
  const [treatment, mediator] = [term('treatment'), term('mediator')];
  const equations: ModelResult[] = [];
  const estimators = new Set<string>();
  const names: string[] = [];
  for (const arg of spec.call.args.filter((a) => !a.name)) {
    const symbol = ctx.symbol(arg.value, 'an estimated model');
    const { estimator } = modelSpec(ctx, symbol);
    // Only estimates are read, so no design (this one included) is ever waited on by itself.
    if (DESIGNS.has(estimator)) throw new SpecError(`${symbol.name} is not an estimated model: each equation of a mediation is an estimator such as \`sysgmm(…)\` or \`ols(…)\`.`, arg.span);
    const { model } = await ctx.resultOf(symbol);
    if (!model?.coefficients.length) throw new SpecError(`${symbol.name} has no coefficients to decompose.`, arg.span);
    equations.push(model);
    estimators.add(estimator);
    names.push(symbol.name);
  }
  const [total, mediatorModel, outcomeModel] = equations;
  const { effects, notes } = decomposeMediation(total, mediatorModel, outcomeModel, treatment, mediator);
  notes.push(`Equations as estimated by ${names.join(', ')} (${[...estimators].join(', ')}); no bootstrap interval, as each equation has its own estimator.`);
  return mediationOutcome({ effects, total, mediatorModel, outcomeModel, notes }, notes);
}

function mediationOutcome(result: MediationResult, notes: string[]): Outcome {
  return {
    model: { ...result.outcomeModel, notes },
    tables: {
      effects: { columns: ['effect', 'estimate', 'se', 'z', 'p', 'ci_low', 'ci_high'], rows: result.effects.map((e) => [e.effect, e.estimate, e.se, e.z, e.p, e.ciLow, e.ciHigh]) },
      total: coefficientsTable(result.total),
      mediator: coefficientsTable(result.mediatorModel),
      outcome: coefficientsTable(result.outcomeModel),
    },
    notes,
  };
}

/** What a placebo shuffle permutes within: every row, or the rows of one period or of one unit of the panel. */
const SCHEMES: Record<string, { index?: 'time' | 'unit'; text: string }> = {
  all: { text: 'across all' },
  within_year: { index: 'time', text: 'within each period of the' },
  within_unit: { index: 'unit', text: 'within each unit of the' },
};

/** Re-estimates the model with the shuffled regressor's values permuted (as `scheme:` says), `reps` times. */
async function permute(ctx: RunContext, spec: ModelSpec): Promise<Outcome> {
  const base = ctx.symbol(spec.call.args[0]?.value, 'the model to re-estimate');
  const baseSpec = modelSpec(ctx, base);
  const shuffleExpr = spec.option('shuffle')?.[0];
  if (shuffleExpr?.type !== 'ident') throw new SpecError('Name the regressor to shuffle: `shuffle: IP`.', shuffleExpr?.span ?? spec.call.span);
  const variable = shuffleExpr.name;
  const { table, notes } = await modelData(ctx, baseSpec);
  const column = table.columns.get(variable);
  if (column?.type !== 'number') throw new SpecError(`\`${variable}\` is not a numeric variable of ${table.name}.`, shuffleExpr.span);
  const actual = fitModel(baseSpec, table, ctx.checkpoint);
  const mentions = new RegExp(`(^|[^A-Za-z0-9_.])${variable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_.])`);
  const target = actual.coefficients.find((c) => mentions.test(c.term));
  if (!target) throw new SpecError(`${base.name} has no coefficient on a term with \`${variable}\`.`, shuffleExpr.span);
  const schemeName = wordOption(spec, 'scheme', 'all');
  const scheme = SCHEMES[schemeName];
  if (scheme.index && !table.panel) throw new SpecError(`\`scheme: ${schemeName}\` needs panel data (a panel, or a dataset with \`key\` and \`time\`); ${table.name} has no unit and period index.`, spec.option('scheme')![0].span);
  const groups = scheme.index ? table.panel![scheme.index] : undefined;
  const reps = numberOption(spec, 'reps', 500);
  const rng = rngFor(seedOf(ctx, spec.symbol.decl), `permute:${spec.symbol.name}`);
  const draws: number[] = [];
  let failed = 0;
  for (let rep = 0; rep < reps; rep++) {
    ctx.checkpoint();
    if (rep % 20 === 0) {
      ctx.options.steps?.(`model ${spec.symbol.name}: permutation ${rep + 1} of ${reps}`, rep, reps);
    }
    const shuffled = rng.shuffled(column.values, groups);
    try {
      const model = fitModel(baseSpec, { ...table, columns: new Map(table.columns).set(variable, { type: 'number', values: shuffled }) }, ctx.checkpoint);
      const c = model.coefficients.find((k) => k.term === target.term);
      if (c) draws.push(c.estimate); else failed++;
    } catch (err) {
      if (err instanceof Cancelled) throw err;
      failed++;
    }
  }
  if (draws.length < 2) throw new SpecError(`Only ${draws.length} of ${reps} permutations could be estimated.`, spec.call.span);
  const [{ mean, sd }] = describeColumns([{ name: target.term, values: Float64Array.from(draws) }]);
  const p = draws.filter((d) => Math.abs(d) >= Math.abs(target.estimate)).length / draws.length;
  const density = kernelDensity(draws);
  notes.push(
    `${variable} permuted ${scheme.text} ${table.rows} rows of ${table.name} ${reps} times (seeded)${failed ? `; ${failed} permutations could not be estimated` : ''}.`,
    `p = share of permuted |estimates| ≥ |actual| (${target.term}); density: Gaussian kernel, bandwidth ${+density.bandwidth.toPrecision(4)} (R's bw.nrd0).`,
  );
  return {
    model: actual,
    tables: {
      summary: { columns: ['term', 'actual', 'mean', 'sd', 'p', 'reps'], rows: [[target.term, target.estimate, mean, sd, p, draws.length]] },
      draws: { columns: ['rep', 'estimate'], rows: draws.map((d, k) => [k + 1, d]) },
      density: { columns: ['x', 'density'], rows: density.x.map((x, k) => [x, density.density[k]]) },
    },
    notes,
  };
}
