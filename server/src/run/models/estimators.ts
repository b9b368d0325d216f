// The estimators behind `model` declarations: the formula over the model's data into the estimator's input,
// the estimator with the declaration's conventions, and the result (coefficients table, fit, tests, notes).
// Split-sample models (`m by g in (…)`) run once per group.
import type { Checkpoint } from '../../engine/cancel.js';
import type { DataTable } from '../../engine/data/dataTable.js';
import { buildDesign, label, type Expr, type Formula } from '../../engine/models/formula/index.js';
import { gmmInput } from '../../engine/models/formula/gmm.js';
import { fepois, feols, FIXEST_SSC, REGHDFE_SSC, type FixedEffectsSolver, type SmallSample, type VcovKind } from '../../engine/models/hdfe/index.js';
import { pgmm, type GmmSpec } from '../../engine/models/gmm/index.js';
import { negativeBinomial } from '../../engine/models/negbin/negativeBinomial.js';
import type { NegbinVcov } from '../../engine/models/negbin/covariance.js';
import { hausmanTest } from '../../engine/models/panel/hausman.js';
import { poolingEstimator } from '../../engine/models/panel/pooling.js';
import { randomEffectsEstimator } from '../../engine/models/panel/randomEffects.js';
import type { PanelVcov, PanelVcovMethod, PanelVcovType } from '../../engine/models/panel/robustCovariance.js';
import { withinEstimator } from '../../engine/models/panel/within.js';
import type { FixedEffectValues, ModelResult } from '../../results/modelResult.js';
import type { Expr as SpecExpr } from '../../language/syntax/ast.js';
import { SpecError } from '../errors.js';
import { engineExpr } from '../expressions.js';
import type { Outcome } from '../values.js';
import { wordValue } from '../context.js';
import { moderationTable } from './moderation.js';
import { numberOption, wordOption, type ModelSpec } from './modelSpecs.js';
import type { Cell, Table } from '../../results/format.js';

/**
 * Estimates a regression-type model (every estimator with a formula and coefficients) on a table; `checkpoint`
 * (the run's) stops it when the run is cancelled.
 */
export function fitModel(spec: ModelSpec, table: DataTable, checkpoint: Checkpoint, extraWhere?: Expr): ModelResult {
  const formula = requireFormula(spec);
  const where = combine(spec.option('where')?.[0], extraWhere);
  switch (spec.estimator) {
    case 'ols': case 'poisson': return fitHdfe(spec, formula, table, checkpoint, where);
    case 'negbin': return fitNegbin(spec, formula, table, checkpoint, where);
    case 'diffgmm': case 'sysgmm': return fitGmm(spec, formula, table, checkpoint, where);
    case 'within': case 'random': case 'pooling': return fitPanel(spec, formula, table, where);
    case 'hausman': return fitHausman(spec, formula, table, where);
    default: throw new SpecError(`${spec.estimator} is not an estimator of coefficients.`, spec.call.callee.span);
  }
}

export function requireFormula(spec: ModelSpec): Formula {
  if (!spec.formula) throw new SpecError(`${spec.estimator} needs a formula such as \`y ~ x\`.`, spec.call.span);
  return spec.formula;
}

function combine(specWhere: SpecExpr | undefined, extra?: Expr): Expr | undefined {
  const own = specWhere ? engineExpr(specWhere) : undefined;
  if (own && extra) return { type: 'binary', op: 'and', left: own, right: extra };
  return own ?? extra;
}

// ------------------------------------------------------------------ estimators

function fitHdfe(spec: ModelSpec, formula: Formula, table: DataTable, checkpoint: Checkpoint, where?: Expr): ModelResult {
  const cluster = (spec.option('cluster') ?? []).map((e) => engineExpr(e));
  const design = buildDesign(formula, table, { cluster, where, checkpoint });
  const vcovWord = wordOption(spec, 'vcov', cluster.length ? (cluster.length === 2 ? 'twoway' : 'cluster') : 'iid');
  const vcov: VcovKind = vcovWord === 'hc1' ? 'hetero' : vcovWord === 'iid' ? 'iid' : 'cluster';
  if (vcov === 'cluster' && !cluster.length) throw new SpecError(`\`vcov: ${vcovWord}\` needs \`cluster:\`.`, spec.option('vcov')![0].span);
  if (vcovWord === 'twoway' && cluster.length !== 2) throw new SpecError('`vcov: twoway` needs two cluster terms, e.g. `cluster: i, t`.', spec.option('vcov')![0].span);
  const options = {
    vcov,
    ssc: smallSample(spec),
    dropSingletons: wordOption(spec, 'singletons', 'drop') === 'drop',
    fixefTol: numberOption(spec, 'tolerance', 1e-6),
    fixefMaxIter: numberOption(spec, 'max_iter', 10000),
    solver: wordOption(spec, 'solver', 'auto') as FixedEffectsSolver,
    glmTol: numberOption(spec, 'glm_tol', 1e-8),
    glmMaxIter: numberOption(spec, 'glm_iter', 25),
    ...separationRules(spec),
    rowNumbers: design.rows,
    fixef: wantsFixef(spec, formula),
    checkpoint,
  };
  const result = spec.estimator === 'ols' ? feols(design.frame, options) : fepois(design.frame, options);
  result.notes = [...design.notes, ...result.notes];
  return result;
}

/** `separation: fe, relu` (the default), any of them, or `none`. */
function separationRules(spec: ModelSpec): { dropAllZeroGroups: boolean; dropReluSeparated: boolean } {
  const values = spec.option('separation');
  const words = values ? values.map((e) => wordValue(e)) : ['fe', 'relu'];
  if (words.includes('none') && words.length > 1) throw new SpecError('`separation: none` cannot be combined with other checks.', values![0].span);
  return { dropAllZeroGroups: words.includes('fe'), dropReluSeparated: words.includes('relu') };
}

/** The `dof` preset, with each `ssc_*` option given overriding its part (fixest's `ssc()`). */
function smallSample(spec: ModelSpec): SmallSample {
  const preset = wordOption(spec, 'dof', 'fixest') === 'reghdfe' ? REGHDFE_SSC : FIXEST_SSC;
  const word = (name: string) => (spec.option(name) ? wordOption(spec, name, '') : undefined);
  const flag = (name: string) => (spec.option(name) ? word(name) === 'true' : undefined);
  const exact = flag('ssc_exact');
  return {
    adj: flag('ssc_adj') ?? preset.adj,
    fixefK: (word('ssc_fixef_k') as SmallSample['fixefK'] | undefined) ?? preset.fixefK,
    fixefCount: exact === undefined ? preset.fixefCount : exact ? 'exact' : 'fixest',
    clusterAdj: flag('ssc_cluster_adj') ?? preset.clusterAdj,
    clusterDf: (word('ssc_cluster_df') as SmallSample['clusterDf'] | undefined) ?? preset.clusterDf,
    tDf: (word('ssc_t_df') as SmallSample['tDf'] | undefined) ?? preset.tDf,
  };
}

/** `fixef: true`, which needs fixed effects to report. */
function wantsFixef(spec: ModelSpec, formula: Formula): boolean {
  if (wordOption(spec, 'fixef', 'false') !== 'true') return false;
  if (formula.fixedEffects.length === 0) throw new SpecError('`fixef: true` reports the values of fixed effects, but the formula has none; add them after `|` (`y ~ x | region + year`).', spec.option('fixef')![0].span);
  return true;
}

const NEGBIN_VCOV: Record<string, NegbinVcov> = { 'glm.nb': 'glm.nb', fixest: 'fixest', statsmodels: 'statsmodels', hc0: 'HC0' };

function fitNegbin(spec: ModelSpec, formula: Formula, table: DataTable, checkpoint: Checkpoint, where?: Expr): ModelResult {
  const design = buildDesign(formula, table, { where, checkpoint });
  const result = negativeBinomial(design.frame, { vcov: NEGBIN_VCOV[wordOption(spec, 'vcov', 'glm.nb')], fixef: wantsFixef(spec, formula), checkpoint });
  result.notes = [...design.notes, ...result.notes];
  return result;
}

function fitGmm(spec: ModelSpec, formula: Formula, table: DataTable, checkpoint: Checkpoint, where?: Expr): ModelResult {
  if (where) throw new SpecError('Dynamic panel GMM needs the whole panel (its lags cross the subsample); filter the panel\'s data instead of `where:`.', spec.option('where')?.[0]?.span ?? spec.symbol.nameSpan);
  const list = (name: string) => (spec.option(name) ?? []).map((e) => engineExpr(e));
  const input = gmmInput(formula, table, { gmm: list('gmm'), iv: list('iv') });
  const xtabond2 = wordOption(spec, 'convention', 'xtabond2') === 'xtabond2';
  const gmmSpec: GmmSpec = {
    ...input.spec,
    transformation: spec.estimator === 'sysgmm' ? 'ld' : 'd',
    model: numberOption(spec, 'steps', 2) === 2 ? 'twosteps' : 'onestep',
    collapse: wordOption(spec, 'collapse', 'false') === 'true',
    effect: wordOption(spec, 'time_dummies', 'true') === 'true' ? 'twoways' : 'individual',
    robust: wordOption(spec, 'robust', 'true') === 'true',
    ...(xtabond2 ? { timeDummyInstruments: 'both', levelInstrumentLag: 'fromMinusOne', hansenAfterOneStep: 'twosteps' } as const : {}),
  };
  const result = pgmm(input.panel, gmmSpec, checkpoint);
  result.notes = [...input.notes, ...result.notes, xtabond2 ? 'Conventions: xtabond2 where it differs from plm (docs/models/gmm.md).' : 'Conventions: plm::pgmm (docs/models/gmm.md lists where xtabond2 differs).'];
  return result;
}

/**
 * A plm panel model's frame: the regressors with their intercept and the panel's individuals (`index:`, else
 * its `i`) as the frame's one factor — built as a cluster term, it is coded over the same rows, missing values
 * dropped alike.
 */
function plmDesign(spec: ModelSpec, formula: Formula, table: DataTable, where?: Expr) {
  if (formula.fixedEffects.length) throw new SpecError(`${spec.estimator} takes its individuals from \`index:\` (as plm), not from a \`| fixed effects\` part: write \`index: ${formula.fixedEffects[0].map(label).join('^')}\` instead.`, spec.call.args.find((a) => !a.name)?.value?.span ?? spec.call.span);
  const index = spec.option('index')?.[0];
  const individual: Expr = index ? engineExpr(index) : { type: 'var', name: 'i' };
  const design = buildDesign({ ...formula, intercept: true, fixedEffects: [] }, table, { where, cluster: [individual] });
  const { y, yName, X, cluster } = design.frame;
  return { frame: { y, yName, X, fe: cluster }, notes: design.notes };
}

const PLM_TYPES: Record<string, PanelVcovType> = { hc0: 'HC0', sss: 'sss', hc1: 'HC1', hc2: 'HC2', hc3: 'HC3', hc4: 'HC4' };

/** `vcov:` and `type:` as plm::vcovHC's method and type; undefined for the classical covariance. */
function plmVcov(spec: ModelSpec): PanelVcov | undefined {
  const method = wordOption(spec, 'vcov', 'classical');
  if (method === 'classical') {
    const type = spec.option('type')?.[0];
    if (type) throw new SpecError('`type:` adjusts a robust covariance: set `vcov: arellano`, `white1` or `white2` too.', type.span);
    return undefined;
  }
  return { method: method as PanelVcovMethod, type: PLM_TYPES[wordOption(spec, 'type', 'hc0')] };
}

const PANEL_ESTIMATORS = { within: withinEstimator, random: randomEffectsEstimator, pooling: poolingEstimator } as const;

function fitPanel(spec: ModelSpec, formula: Formula, table: DataTable, where?: Expr): ModelResult {
  const { frame, notes } = plmDesign(spec, formula, table, where);
  const result = PANEL_ESTIMATORS[spec.estimator as keyof typeof PANEL_ESTIMATORS](frame, { vcov: plmVcov(spec) });
  result.notes = [...notes, ...result.notes];
  return result;
}

/** Fixed against random effects (plm::phtest), both models' coefficients reported. */
function fitHausman(spec: ModelSpec, formula: Formula, table: DataTable, where?: Expr): ModelResult {
  const { frame, notes } = plmDesign(spec, formula, table, where);
  const method = wordOption(spec, 'method', 'chisq') as 'chisq' | 'aux';
  const auxVcov = plmVcov(spec);
  if (auxVcov && method === 'chisq') throw new SpecError('The classic Hausman test contrasts the two models\' classical covariances; a robust `vcov` needs `method: aux` (as plm::phtest).', spec.option('vcov')![0].span);
  const test = hausmanTest(frame, { method, auxVcov });
  const outcome = test.statistic === null ? test.undefinedReason! : `${test.method}: χ²(${test.df}) = ${+test.statistic.toPrecision(6)}, p = ${+test.p!.toPrecision(4)}.`;
  const components = Object.fromEntries(Object.entries(test.random.fit).filter(([k]) => k.startsWith('sigma2_') || k.startsWith('theta')));
  return {
    ...test.within,
    estimator: 'hausman',
    fit: { ...test.within.fit, ...components },
    tests: { hausman: { statistic: test.statistic, df: test.df, p: test.p, ...(test.undefinedReason ? { reason: test.undefinedReason } : {}) } },
    compared: { random: test.random },
    notes: [...notes, ...test.notes, `${outcome} Coefficients shown are the within (fixed-effects) estimates; the random-effects ones are in the \`random\` table.`],
  };
}

// ------------------------------------------------------------------ results

export function regressionOutcome(spec: ModelSpec, model: ModelResult, table: DataTable): Outcome {
  const tables: Record<string, Table> = {};
  if (model.coefficients.length) tables.coefficients = coefficientsTable(model);
  for (const [role, other] of Object.entries(model.compared ?? {})) tables[role] = coefficientsTable(other);
  const moderation = model.coefficients.length ? moderationTable(spec, model, table) : undefined;
  if (moderation) tables.moderation = moderation;
  if (model.fixef) {
    tables.fixef = fixefTable(model.fixef);
    const references = model.fixef.filter((f) => f.references > 0).map((f) => `${f.references} level${f.references === 1 ? '' : 's'} of \`${f.name}\``);
    if (references.length) model.notes.push(`Fixed-effect values as fixest's fixef(): ${references.join(', ')} set to 0 as reference (the first observation's, per connected group).`);
  }
  return { model, tables, notes: model.notes };
}

export function coefficientsTable(model: ModelResult): Table {
  const stat = model.statistic;
  return {
    columns: ['term', 'estimate', 'se', stat, 'p', 'ci_low', 'ci_high'],
    rows: model.coefficients.map((c) => [c.term, c.estimate, c.se, c.stat, c.p, c.ciLow, c.ciHigh]),
  };
}

/** Every fixed-effect level's value, one row per level, fixed effects in formula order. */
function fixefTable(fixef: FixedEffectValues[]): Table {
  return { columns: ['fixed_effect', 'level', 'value'], rows: fixef.flatMap((f) => f.levels.map((level, k) => [f.name, level, f.values[k]])) };
}

/** One model per group of the split variable; the table stacks their coefficients with a `group` column. */
export function runSplit(spec: ModelSpec, table: DataTable, notes: string[], checkpoint: Checkpoint): Outcome {
  const { variable, values, span } = spec.split!;
  const column = table.columns.get(variable);
  if (!column) throw new SpecError(`\`${variable}\` is not a variable of ${table.name}.`, span);
  const present = column.type === 'text' ? column.values.filter((v): v is string => v !== null) : Array.from(column.values).filter((v) => !Number.isNaN(v));
  const groups = values ?? [...new Set<string | number>(present)].sort();
  const models: { group: string; model: ModelResult }[] = [];
  const rows: Cell[][] = [];
  for (const group of groups) {
    const condition: Expr = { type: 'binary', op: '==', left: { type: 'var', name: variable }, right: typeof group === 'number' ? { type: 'number', value: group } : { type: 'string', value: group } };
    const model = fitModel(spec, table, checkpoint, condition);
    model.notes = [`Group ${variable} = ${group}.`, ...notes, ...model.notes];
    models.push({ group: String(group), model });
    for (const c of model.coefficients) rows.push([String(group), c.term, c.estimate, c.se, c.stat, c.p, c.ciLow, c.ciHigh]);
  }
  const stat = models[0]?.model.statistic ?? 't';
  return {
    groups: models,
    tables: { coefficients: { columns: ['group', 'term', 'estimate', 'se', stat, 'p', 'ci_low', 'ci_high'], rows } },
    notes: [`Estimated separately for ${groups.length} groups of ${variable}.`, ...notes],
  };
}
