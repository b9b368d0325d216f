// The checks: each kind of problem is reported at the right span, with a message that says how to fix it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { checkStudy } from '../../server/src/language/checks/index.ts';
import type { TableInfo } from '../../server/src/language/semantic/model.ts';

const TABLES: Record<string, string[]> = {
  'patents.csv': ['patent_id', 'app_year', 'ipc'],
  'applicants.csv': ['patent_id', 'seq', 'province', 'city', 'kind'],
  'regions.csv': ['province', 'gdp', 'pop'],
};
function tables(path: string): TableInfo {
  const columns = TABLES[path];
  return columns ? { status: 'ok', path, columns, types: columns.map(() => 'VARCHAR') } : { status: 'missing', path: `/data/${path}` };
}

const BASE = `dataset patents from "patents.csv" { id: patent_id, year: app_year }
dataset applicants from "applicants.csv" { patent: patent_id, order: seq, region: province, city }
dataset regions from "regions.csv" { key: province }
windows periods = 2001..2020 by 5
network net = coapplication(applicants) { ties: first_led, level: province, windows: periods }
panel p = node_panel(net, years: 2001..2020) { attributes: regions
  Deg = degree(net) }
`;

function check(extra: string) {
  const text = BASE + extra;
  const { diagnostics } = checkStudy(parseStudy(text), tables);
  return diagnostics.map((d) => ({ code: d.code, message: d.message, at: text.slice(d.span.start, d.span.end), fixes: d.fixes?.map((f) => f.newText) }));
}

test('the base spec is clean', () => {
  assert.deepEqual(check(''), []);
});

test('unknown names suggest the closest declared name of the right kind', () => {
  const [d] = check('network n2 = coapplication(aplicants)\n');
  assert.equal(d.code, 'unknown-name');
  assert.equal(d.at, 'aplicants');
  assert.match(d.message, /Unknown name `aplicants`: argument `applicants` of `coapplication` must name a `dataset` declaration. Did you mean `applicants`\?/);
  assert.deepEqual(d.fixes, ['applicants']);
});

test('a declaration of the wrong kind is named as such', () => {
  const [d] = check('network n2 = coapplication(periods)\n');
  assert.equal(d.code, 'wrong-kind');
  assert.equal(d.message, '`periods` is a `windows`, but argument `applicants` of `coapplication` must name a `dataset` declaration');
});

test('duplicate names are reported on the second declaration', () => {
  const [d] = check('windows periods = 2001..2010\n');
  assert.equal(d.code, 'duplicate-name');
  assert.equal(d.at, 'periods');
});

test('unknown columns list the file\'s columns and suggest one', () => {
  const [d] = check('dataset a2 from "applicants.csv" { patent: patentid }\n');
  assert.equal(d.code, 'unknown-column');
  assert.equal(d.at, 'patentid');
  assert.match(d.message, /not in applicants.csv \(columns: `patent_id`, `seq`, `province`, `city`, `kind`\)\. Did you mean `patent_id`\?/);
});

test('filters are checked against the dataset\'s columns', () => {
  const [d] = check('regions east = applicants where provnce == "Beijing"\n');
  assert.equal(d.code, 'unknown-variable');
  assert.equal(d.at, 'provnce');
  assert.deepEqual(d.fixes, ['province']);
});

test('a network\'s `where:` may name its holders\' columns and those of the patents they join', () => {
  const spec = 'network n2 = coapplication(applicants) { where: ipc == "H01M" and kind != "individual" }\n';
  assert.deepEqual(check(spec), []);
  const text = BASE + spec;
  const { references } = checkStudy(parseStudy(text), tables);
  const columns = references.flatMap((r) => (r.kind === 'column' && r.span.start > BASE.length ? [`${r.dataset.name}.${r.column}`] : []));
  assert.deepEqual(columns, ['patents.ipc', 'applicants.kind']);
  const [d] = check('network n3 = coapplication(applicants) { where: ipcc == "H01M" }\n');
  assert.equal(d.code, 'unknown-variable');
  assert.match(d.message, /`ipcc` is not among the columns of applicants.csv and of patents.csv \(the patents they join\)\. Did you mean `ipc`\?/);
  // A regions set picks regions by its own dataset's columns only.
  assert.equal(check('regions r = applicants where ipc == "H01M"\n')[0]?.code, 'unknown-variable');
});

test('formula terms must name panel variables, attributes or functions', () => {
  const ds = check('model m = ols(Deg ~ l(Dge, 1) + gdp + lg(pop) | i + t, data: p)\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at]), [['unknown-variable', 'Dge'], ['unknown-function', 'lg']]);
  assert.deepEqual(ds[0].fixes, ['Deg']);
});

test('factor terms: i() and factor() name variables of the model\'s data, ref: takes levels, fixef: a boolean', () => {
  assert.deepEqual(check('model m = ols(Deg ~ i(gdp, pop, ref: 2004) + factor(pop, ref: "a") + i(gdp, ref: (-1, 0)) | i + t, data: p, fixef: true)\n'), []);
  const ds = check('model m = ols(Deg ~ i(gdpp) + i(gdp, pp) + factor(pop, ref: Deg) + i(gdp, rf: 1) | i, data: p, fixef: yes)\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at]), [['unknown-variable', 'gdpp'], ['unknown-variable', 'pp'], ['bad-value', 'Deg'], ['unknown-argument', 'rf'], ['bad-value', 'yes']]);
  assert.deepEqual(ds[0].fixes, ['gdp']);
  assert.match(ds[2].message, /argument `ref` of `factor` must be a level of the factor: a quoted string such as "US", a number such as 2004/i);
  assert.deepEqual(ds[3].fixes, ['ref']);
  const [d] = check('model m = ols(Deg ~ gdp, data: p, fixef: true)\n');
  assert.deepEqual([d.code, d.at], ['no-fixed-effects', 'true']);
  assert.match(d.message, /add them after `\|`/);
});

test('table stats: take the fit statistics by name, with a did-you-mean', () => {
  const ds = check('model m = poisson(Deg ~ gdp | i, data: p)\ntable t = m { stats: n, loglik, aic, bic, sq_cor, adj_pseudo_r2, null_deviance, sigma2, rmse, deviance, bci }\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at, d.fixes]), [['bad-value', 'bci', ['bic']]]);
});

test('a model without data says which option is missing', () => {
  const [d] = check('model m = ols(y ~ x)\n');
  assert.equal(d.code, 'missing-option');
  assert.match(d.message, /`m` needs `data:`/);
});

test('extensions and splits inherit the base model\'s data', () => {
  assert.deepEqual(check('model m = ols(Deg ~ gdp | i, data: p)\nmodel m2 = m + pop\nmodel m3 = m by pop_x\n').map((d) => [d.code, d.at]), [['unknown-variable', 'pop_x']]);
});

test('inverted, empty and uneven windows', () => {
  const ds = check('windows a = 2020..2001\nwindows b = 2001..2020 by 0\nwindows c = 2001..2003 rolling 5\nwindows d = 2001..2020 by 3\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at]), [['inverted-range', '2020..2001'], ['empty-window', '0'], ['empty-window', '5'], ['partial-window', '3']]);
  assert.deepEqual(ds[0].fixes, ['2001..2020']);
});

test('bad option values: enums, numbers, booleans and unknown options', () => {
  const ds = check('blocks b = concor(net) { splits: 1.5, diagonal: reciprocol, transpose: yes, convergnce: 0.2 }\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at]), [['bad-value', '1.5'], ['bad-value', 'reciprocol'], ['bad-value', 'yes'], ['unknown-option', 'convergnce']]);
  assert.deepEqual(ds[1].fixes, ['reciprocal']);
  assert.deepEqual(ds[3].fixes, ['convergence']);
});

test('enum values joined by `and` are each checked', () => {
  const ds = check('measures lq = location_quotient(patents, industry: ipc)\nclusters c = clusters(lq, network: net) { require: intra and inetr }\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at, d.fixes]), [['bad-value', 'inetr', ['inter']]]);
});

test('an option for another source function is named as inapplicable', () => {
  const [d] = check('network n2 = coapplication(applicants) { weight: product }\n');
  assert.equal(d.code, 'inapplicable-option');
  assert.equal(d.message, '`weight` applies only to `cocitation`');
});

test('fixest\'s ssc() pieces and PPML\'s separation and IRLS options are checked from the schema', () => {
  const ds = check('model m = poisson(Deg ~ gdp | i + t, data: p) { ssc_fixef_k: nestd, ssc_exact: yes, separation: fe, rleu, glm_tol: -1, glm_iter: 2.5 }\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at]), [['bad-value', 'nestd'], ['bad-value', 'yes'], ['bad-value', 'rleu'], ['bad-value', '-1'], ['bad-value', '2.5']]);
  assert.deepEqual([ds[0].fixes, ds[2].fixes], [['nested'], ['relu']]);
  assert.deepEqual(check('model m = ols(Deg ~ gdp | i + t, data: p) { ssc_adj: false, ssc_cluster_df: conventional, ssc_t_df: min }\n'), []);
  assert.deepEqual(check('model m = ols(Deg ~ gdp | i + t, data: p) { separation: fe }\n').map((d) => d.code), ['unknown-option']);
});

test('missing data files point at the path', () => {
  const [d] = check('dataset x from "nowhere.csv" { id: a }\n');
  assert.equal(d.code, 'missing-data-file');
  assert.equal(d.at, '"nowhere.csv"');
  assert.match(d.message, /Data file not found: nowhere.csv \(looked for \/data\/nowhere.csv\)/);
});

test('unknown declaration kinds and indicators suggest the right word', () => {
  const ds = check('netwrk n3 = coapplication(applicants)\nmeasures m = nodes(net) { degre }\n');
  assert.deepEqual(ds.map((d) => [d.code, d.fixes]), [['unknown-kind', ['network']], ['unknown-item', ['degree']]]);
});

test('members of declarations: a network\'s weight, a measure\'s indicators', () => {
  const ds = check('measures nm = nodes(net) { degree }\nmodel g = geodetector(nm.degre ~ gdp, data: regions)\npanel d = dyadic(net) { W = net.wieght }\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at, d.fixes]), [['unknown-member', 'degre', ['degree']], ['unknown-member', 'wieght', ['weight']]]);
});

test('column checks wait while a header is being read', () => {
  const pending = (path: string): TableInfo => ({ status: 'pending', path });
  const { diagnostics } = checkStudy(parseStudy('dataset a from "x.csv" { id: whatever }\nmodel m = ols(y ~ x, data: a)\n'), pending);
  assert.deepEqual(diagnostics, []);
});

test('E-I groups name a blocks declaration or `community`', () => {
  const ds = check('blocks b = concor(net)\nmeasures w1 = whole(net) { ei, groups: b }\nmeasures w2 = whole(net) { ei, groups: community }\nmeasures w3 = whole(net) { ei, groups: comunity }\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at]), [['unknown-name', 'comunity']]);
});

test('E-I and brokerage roles without `groups:` are reported on the item; a region set is a grouping', () => {
  const ds = check('regions coast = applicants where province in ("BJ", "SH")\nmeasures w = whole(net) { density, ei }\nmeasures n = nodes(net) { degree, gatekeeper, liaison }\nmeasures ok = nodes(net) { gatekeeper, groups: coast }\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at]), [['missing-option', 'ei'], ['missing-option', 'gatekeeper'], ['missing-option', 'liaison']]);
  assert.match(ds[1].message, /`gatekeeper` needs `groups:` — Node groups for the E-I index and brokerage roles/);
});

test('`sort` and `top` are options of node tables only, and sort by a listed indicator', () => {
  assert.deepEqual(check('measures n1 = nodes(net) { degree, sort: degree, top: 5 }\n'), []);
  assert.deepEqual(check('measures w = whole(net) { density, top: 5 }\nmeasures n2 = nodes(net) { degree, sort: closeness, top: 0 }\n').map((d) => [d.code, d.at]),
    [['inapplicable-option', 'top'], ['unknown-variable', 'closeness'], ['bad-value', '0']]);
});

test('the last of a repeated option wins', () => {
  const ds = check('windows odd = 2001..2020 by 3 { partial: false, partial: true }\n');
  assert.deepEqual(ds.map((d) => d.code), ['duplicate-option']);
});

test('clusters need location-quotient measures', () => {
  const ds = check('measures nm = nodes(net) { degree }\nclusters c = clusters(nm, network: net)\n');
  assert.deepEqual(ds.map((d) => [d.code, d.at]), [['wrong-kind', 'nm']]);
});

test('a model has one definition', () => {
  assert.deepEqual(check('model m = ols(Deg ~ gdp, data: p), gdp\n').map((d) => [d.code, d.at]), [['unexpected-value', 'gdp']]);
});

test('`between:` takes `*` as the ASCII form of `×`; any other operator is a bad value', () => {
  const sets = 'regions cn = applicants where province == "X"\nregions other = applicants where province != "X"\n';
  const net = (pair: string) => `network b = coapplication(applicants) { between: ${pair}, windows: periods }\n`;
  assert.deepEqual(check(sets + net('cn * other')), []);
  assert.deepEqual(check(sets + net('cn * othr')).map((d) => [d.code, d.at]), [['unknown-name', 'othr']]);
  assert.deepEqual(check(sets + net('cn + other')).map((d) => [d.code, d.at]), [['bad-value', 'cn + other']]);
});
