// Deterministic applicant names derived from an applicant's id, so a pool of
// a million applicants only stores numbers, never strings. Distinct ids give
// distinct names (the id is encoded bijectively into pinyin syllables).

export type ApplicantKind = 'firm' | 'university' | 'institute' | 'individual';
export const APPLICANT_KINDS: readonly ApplicantKind[] = ['firm', 'university', 'institute', 'individual'];

const SYLLABLES = [
  'an', 'bao', 'chang', 'da', 'dong', 'fang', 'feng', 'guang', 'hai', 'hao', 'heng', 'hong',
  'hua', 'jia', 'jin', 'jing', 'kai', 'kang', 'li', 'long', 'mei', 'ming', 'nan', 'peng',
  'qi', 'rui', 'sheng', 'shi', 'tai', 'tian', 'tong', 'wei', 'xin', 'xing', 'yang', 'yi',
  'yong', 'yu', 'yuan', 'zhong', 'zhi', 'ze', 'bo', 'cheng', 'de', 'fu', 'hui', 'lian',
] as const;
const BASE = SYLLABLES.length; // 48 = 2^4 * 3

const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo'];

/** Words describing what a firm or institute does; presets supply their own field. */
export interface NamingField {
  firmActivities: readonly string[];
  instituteFields: readonly string[];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Bijective id -> pinyin word. Ids fill 2-syllable words first, then 3, ...
 * Inside each length block the id is scrambled with an affine map that is a
 * permutation (multiplier coprime to 48), so neighbouring ids look unrelated.
 */
export function brandName(id: number): string {
  let length = 2;
  let block = BASE * BASE;
  let n = id;
  while (n >= block) {
    n -= block;
    length++;
    block *= BASE;
  }
  if (block > 2 ** 53 / 1_000_003) throw new Error(`applicant id ${id} too large to name`);
  // 1_000_003 is odd and not a multiple of 3, hence coprime to 48^k; the
  // product stays below 2^53 for any block size we will ever reach.
  let scrambled = (n * 1_000_003 + 7_919) % block;
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    parts.push(SYLLABLES[scrambled % BASE]!);
    scrambled = Math.floor(scrambled / BASE);
  }
  return capitalise(parts.join(''));
}

export function applicantName(id: number, kind: ApplicantKind, city: string, field: NamingField): string {
  const brand = brandName(id);
  switch (kind) {
    case 'firm':
      return `${city} ${brand} ${field.firmActivities[id % field.firmActivities.length]} Co Ltd`;
    case 'university':
      return `${brand} University`;
    case 'institute':
      return `${brand} Institute of ${field.instituteFields[id % field.instituteFields.length]}`;
    case 'individual':
      return `${SURNAMES[id % SURNAMES.length]} ${brand}`;
  }
}
