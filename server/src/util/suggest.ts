// "Did you mean": the closest name within a typo's reach, for the checks' diagnostics and quick fixes and
// for the engine's formula errors alike.
//
// A spec can have tens of thousands of declared names and as many unknown ones, so the candidates are
// indexed once (`NameIndex`) and each unknown name is looked up, not compared with every candidate.

interface TrieNode { children: Map<string, TrieNode>; name?: string; order?: number }

/**
 * No suggestion is farther than this: a long word's third would let the search run over most of a large
 * index (a 60-letter word against 4,000 names took 170 ms), to propose a name that shares little with it.
 */
const MAX_EDITS = 3;

/**
 * Candidate names, indexed once: a trie searched with one Levenshtein row per node, which leaves out
 * every prefix already farther from the word than the best name found, plus a caseless map.
 */
export class NameIndex {
  private readonly root: TrieNode = { children: new Map() };
  private readonly caseless = new Map<string, string[]>();
  /** The shortest and longest candidate, in code points: a word this much longer or shorter is that many edits away. */
  private minLength = Infinity;
  private maxLength = 0;

  constructor(names: Iterable<string>) {
    let order = 0;
    for (const name of names) {
      const length = [...name].length;
      this.minLength = Math.min(this.minLength, length);
      this.maxLength = Math.max(this.maxLength, length);
      let node = this.root;
      for (const ch of name) {
        let next = node.children.get(ch);
        if (!next) node.children.set(ch, (next = { children: new Map() }));
        node = next;
      }
      if (node.name === undefined) { node.name = name; node.order = order++; }
      const lower = name.toLowerCase();
      const same = this.caseless.get(lower);
      if (same) same.push(name);
      else this.caseless.set(lower, [name]);
    }
  }

  /** An index of a map's keys, built once per map: the map must not change afterwards (scopes do not). */
  static of(names: ReadonlyMap<string, unknown>): NameIndex {
    let index = keyIndexes.get(names);
    if (!index) keyIndexes.set(names, (index = new NameIndex(names.keys())));
    return index;
  }

  /**
   * The closest candidate within a typo's reach (edit distance ≤ 2, or ≤ a third of the word, and never
   * more than MAX_EDITS): the same spelling in another case first; among equally close ones a
   * transposition (`inetr` → `inter`, not `intra`), else the first in the candidates' order.
   */
  suggest(word: string): string | undefined {
    const caseless = this.caseless.get(word.toLowerCase())?.find((c) => c !== word);
    if (caseless) return caseless;
    const reach = Math.min(Math.max(2, Math.floor(word.length / 3)), MAX_EDITS, word.length - 1);
    const nearest = this.within(word, reach);
    const letters = (w: string) => [...w.toLowerCase()].sort().join('');
    return nearest.find((c) => letters(c) === letters(word)) ?? nearest[0];
  }

  /** The candidates at the smallest distance from `word` (≤ reach, the word itself left out), in order. */
  private within(word: string, reach: number): string[] {
    // No candidate is closer than the difference in length: a long paste is not searched at every bound.
    const length = [...word].length;
    const gap = Math.max(length - this.maxLength, this.minLength - length, 1);
    // Searching at distance 1, then 2, …: the tighter bound prunes far more of the trie, and most typos are one edit.
    for (let bound = gap; bound <= reach; bound++) {
      const found = this.atDistance(word, bound);
      if (found.length) return found;
    }
    return [];
  }

  /** Candidates within `bound` edits of `word` (none are closer, see `within`), in the candidates' order. */
  private atDistance(word: string, bound: number): string[] {
    const chars = [...word];
    const found: TrieNode[] = [];
    const first = Int32Array.from({ length: chars.length + 1 }, (_, i) => i);
    const stack: [TrieNode, Int32Array][] = [[this.root, first]];
    while (stack.length) {
      const [node, row] = stack.pop()!;
      for (const [ch, child] of node.children) {
        const next = new Int32Array(row.length);
        next[0] = row[0] + 1;
        let least = next[0];
        for (let i = 1; i < row.length; i++) {
          next[i] = Math.min(next[i - 1] + 1, row[i] + 1, row[i - 1] + (chars[i - 1] === ch ? 0 : 1));
          if (next[i] < least) least = next[i];
        }
        if (child.name !== undefined && child.name !== word && next[chars.length] <= bound) found.push(child);
        if (least <= bound) stack.push([child, next]);
      }
    }
    return found.sort((a, b) => a.order! - b.order!).map((n) => n.name!);
  }
}

const keyIndexes = new WeakMap<ReadonlyMap<string, unknown>, NameIndex>();

/** The closest candidate within a typo's reach (see `NameIndex.suggest`). */
export function suggest(word: string, candidates: Iterable<string> | NameIndex): string | undefined {
  return (candidates instanceof NameIndex ? candidates : new NameIndex(candidates)).suggest(word);
}

/** ` Did you mean \`x\`?` to append to a message, or ''. */
export function didYouMean(word: string, candidates: Iterable<string> | NameIndex): string {
  const best = suggest(word, candidates);
  return best ? ` Did you mean \`${best}\`?` : '';
}
