// Co-application and co-invention networks (METHODS A(a)), built by DuckDB for every window in one
// query: the holder table can have millions of rows, so pairs are formed and counted in SQL.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Window } from '../windows/windows.js';
import { forEachNumberChunk } from '../data/columnar.js';
import { tempTableName } from '../data/duckdb.js';
import type { Network } from './network.js';
import { IN_WINDOW, windowsRelation } from './windowSql.js';

/** Two region sets (SQL relations with a `region` column) for bipartite restrictions. */
export interface RegionSets { left: string; right: string }

/** How holders' patents make ties; `ties` decides the direction, the rest is `pairNetworks`' (see PairOptions). */
export interface CollaborationOptions extends Omit<PairOptions, 'directed'> {
  /** `all_pairs`: every unordered pair; `first_led`: first applicant → each other applicant. */
  ties: 'all_pairs' | 'first_led';
  /** `per_pair`: each applicant pair adds 1; `per_patent`: each distinct region pair adds 1 per patent. */
  count: 'per_pair' | 'per_patent';
}

/**
 * One network per window. `holders` is a SQL relation with columns patent, ord, region, year (one row
 * per applicant or inventor of a patent; ord orders them, 1 = first).
 */
export async function collaborationNetworks(db: DuckDBConnection, holders: string, windows: readonly Window[], options: CollaborationOptions): Promise<Network[]> {
  const { between, touching, keepIntra } = options;
  const directed = options.ties === 'first_led';
  return pairNetworks(db, collaborationPairs(holders, options.ties), options.count === 'per_pair' ? 'pairs' : 'patents', windows, { directed, between, touching, keepIntra });
}

/** The holder pairs of each patent (columns patent, year, r1, r2) that make ties, as `ties` pairs them. */
export function collaborationPairs(holders: string, ties: CollaborationOptions['ties']): string {
  const pairCondition = ties === 'first_led' ? 'a.k = 1 AND b.k > 1' : 'a.k < b.k';
  return `(WITH h AS (SELECT patent, region, year, row_number() OVER (PARTITION BY patent ORDER BY ord) AS k FROM ${holders})
    SELECT a.patent, a.year, a.region AS r1, b.region AS r2 FROM h a JOIN h b ON a.patent = b.patent AND ${pairCondition})`;
}

export interface PairOptions {
  directed: boolean;
  /** Keep only ties between the two sets, oriented left → right (e.g. China × foreign). */
  between?: RegionSets;
  /** Keep only ties with at least one end in this set (a relation with a `region` column); intra ties of its regions. */
  touching?: string;
  /** Keep same-region pairs as the region's intra volume (else they are not counted at all). */
  keepIntra: boolean;
}

/** How a window's pairs weigh a tie: `pairs` counts them, `patents` counts their distinct patents, `w` sums their `w`. */
export type PairWeight = 'pairs' | 'patents' | 'w';

/**
 * One network per window from a relation of region pairs (columns year, r1, r2, and patent or w as `weight`
 * reads them): undirected pairs are oriented (least, greatest), `between` pairs left → right; each window's
 * ties are the pairs' weights summed.
 */
export async function pairNetworks(db: DuckDBConnection, pairs: string, weight: PairWeight, windows: readonly Window[], options: PairOptions): Promise<Network[]> {
  // Counted pairs are counted per year first, so that only the year's ties, not every pair, meet each of
  // the windows that hold the year. A patent's distinct count is not a sum over years (its holders may
  // have years of their own), nor is a sum of fractions the same in another order: those meet the windows.
  const [relation, aggregate] = weight === 'pairs'
    ? ['(SELECT year, s, t, count(*) AS n FROM oriented GROUP BY year, s, t)', 'sum(n)']
    : ['oriented', weight === 'patents' ? 'count(DISTINCT patent)' : 'sum(w)'];
  const table = tempTableName('pair_ties');
  await db.run(`CREATE TEMP TABLE ${table} AS
    WITH oriented AS (${orientedPairs(pairs, options)})
    SELECT wi, s, t, ${aggregate} AS weight FROM ${relation}, ${windowsRelation(windows)}
    WHERE ${IN_WINDOW} GROUP BY wi, s, t`);
  try {
    return await readTies(db, table, windows.length, options);
  } finally {
    await db.run(`DROP TABLE ${table}`);
  }
}

/**
 * The windows' networks from a table of (wi, s, t, weight), the ties sorted as DuckDB sorts their ends; a
 * tie with s = t is intra-region volume (kept only when `keepIntra`). The ends are numbered in that order
 * and the ties read as numbers: read as rows of JS values, they took four times as long as the query.
 */
async function readTies(db: DuckDBConnection, table: string, windowCount: number, { directed, keepIntra }: PairOptions): Promise<Network[]> {
  const ends = `SELECT name, (row_number() OVER (ORDER BY name) - 1)::INTEGER AS id FROM (SELECT s AS name FROM ${table} UNION SELECT t FROM ${table})`;
  const names = (await db.runAndReadAll(`SELECT name FROM (${ends}) ORDER BY id`)).getRows().map(([name]) => String(name));
  const networks: Network[] = Array.from({ length: windowCount }, () => ({ directed, nodes: [], ties: [], intra: new Map() }));
  const inWindow = networks.map(() => new Uint8Array(names.length));
  const ordered = `WITH ends AS (${ends})
    SELECT wi::INTEGER, a.id, b.id, weight::DOUBLE FROM ${table} JOIN ends a ON a.name = s JOIN ends b ON b.name = t ORDER BY wi, a.id, b.id`;
  await forEachNumberChunk(await db.stream(ordered), ([wi, s, t, w], rows) => {
    for (let r = 0; r < rows; r++) {
      const net = networks[wi[r]];
      if (s[r] === t[r]) {
        if (!keepIntra) continue;
        net.intra.set(names[s[r]], w[r]);
      } else net.ties.push({ source: names[s[r]], target: names[t[r]], weight: w[r] });
      inWindow[wi[r]][s[r]] = inWindow[wi[r]][t[r]] = 1;
    }
  });
  networks.forEach((net, i) => { net.nodes = names.filter((_, id) => inWindow[i][id]).sort(); });
  return networks;
}

/** The pairs that are kept, each with its tie's ends `s` and `t` (oriented as the network's ties are). */
export function orientedPairs(pairs: string, options: PairOptions): string {
  const { between, directed } = options;
  // Same-region pairs stay (as intra); a cross pair must join the two sets, and is turned left → right.
  const orient = between
    ? `CASE WHEN r1 = r2 OR r1 IN (SELECT region FROM ${between.left}) THEN r1 ELSE r2 END AS s,
       CASE WHEN r1 = r2 OR r1 IN (SELECT region FROM ${between.left}) THEN r2 ELSE r1 END AS t`
    : directed ? 'r1 AS s, r2 AS t' : 'least(r1, r2) AS s, greatest(r1, r2) AS t';
  const kept = [
    between && `(r1 = r2
         OR (r1 IN (SELECT region FROM ${between.left}) AND r2 IN (SELECT region FROM ${between.right}))
         OR (r2 IN (SELECT region FROM ${between.left}) AND r1 IN (SELECT region FROM ${between.right})))`,
    options.touching && `(r1 IN (SELECT region FROM ${options.touching}) OR r2 IN (SELECT region FROM ${options.touching}))`,
  ].filter(Boolean);
  const keep = kept.length ? `WHERE ${kept.join(' AND ')}` : '';
  return `SELECT *, ${orient} FROM ${pairs} pairs ${keep}`;
}
