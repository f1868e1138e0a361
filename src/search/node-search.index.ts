/**
 * Node search over one graph version: a prefix index (lower-cased aliases sorted, binary search), a sorted
 * pubkey index, and, for substring matches, every alias joined into one string in rank order, searched with the
 * engine's native `indexOf` rather than a JavaScript loop over 17k strings. Built once per graph version, then
 * each query costs two binary searches plus one native scan. Pure: no Nest, no I/O.
 */
export interface SearchIndexInput {
  pubkeys: readonly string[];
  aliases: readonly (string | null)[];
  /** 1 = most peers; ties share a rank (competition ranking). */
  degreeRank: ArrayLike<number>;
  /** Tie-break among equal degree ranks. */
  capacityRank: ArrayLike<number>;
}

/** Why a node matched, best first. */
export const SEARCH_MATCHES = ['pubkey', 'alias_prefix', 'pubkey_prefix', 'alias_substring'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export interface SearchHit {
  node: number;
  match: SearchMatch;
}

export interface SearchResult {
  /** Best first: exact pubkey, alias prefix, pubkey prefix, alias substring; by degree rank within each. */
  hits: SearchHit[];
  /** Distinct nodes matching, over all kinds of match. */
  total: number;
}

/** A pubkey prefix shorter than this would match thousands of nodes (every key starts 02 or 03). */
export const MIN_PUBKEY_PREFIX = 6;
const SEPARATOR = '\u0000';
const HEX = /^[0-9a-f]+$/;

export class NodeSearchIndex {
  /** Node indices ordered by lower-cased alias (nodes without an alias left out). */
  private readonly byAlias: Uint32Array;
  private readonly sortedAliases: string[];
  /** Node indices ordered by pubkey. */
  private readonly byPubkey: Uint32Array;
  /** Position of each node in the rank order (0 = best): sorts hits without comparing ranks twice. */
  private readonly rankPosition: Uint32Array;
  /** Lower-cased aliases in rank order, joined with NUL; `starts[i]` is where the i-th one begins. */
  private readonly haystack: string;
  private readonly starts: Uint32Array;
  private readonly haystackNodes: Uint32Array;
  private readonly lowerAliases: (string | null)[];

  constructor(private readonly input: SearchIndexInput) {
    const n = input.pubkeys.length;
    this.lowerAliases = input.aliases.map((a) => (a ? a.toLowerCase() : null));
    const { degreeRank, capacityRank } = input;

    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => degreeRank[a] - degreeRank[b] || capacityRank[a] - capacityRank[b] || a - b);
    this.rankPosition = new Uint32Array(n);
    order.forEach((v, i) => (this.rankPosition[v] = i));

    const named = order.filter((v) => this.lowerAliases[v]);
    this.haystackNodes = Uint32Array.from(named);
    this.starts = new Uint32Array(named.length + 1);
    const parts: string[] = [];
    let offset = 0;
    named.forEach((v, i) => {
      const a = this.lowerAliases[v] as string;
      this.starts[i] = offset;
      parts.push(a);
      offset += a.length + 1;
    });
    this.starts[named.length] = offset;
    this.haystack = parts.join(SEPARATOR) + SEPARATOR;

    const byAlias = [...named].sort((a, b) => compare(this.lowerAliases[a] as string, this.lowerAliases[b] as string) || a - b);
    this.byAlias = Uint32Array.from(byAlias);
    this.sortedAliases = byAlias.map((v) => this.lowerAliases[v] as string);
    const byPubkey = Array.from({ length: n }, (_, i) => i).sort((a, b) => compare(input.pubkeys[a], input.pubkeys[b]));
    this.byPubkey = Uint32Array.from(byPubkey);
  }

  get size(): number {
    return this.input.pubkeys.length;
  }

  /** Case-insensitive search; `query` is expected trimmed and non-empty. */
  search(query: string, limit: number): SearchResult {
    const q = query.toLowerCase();
    const hits: SearchHit[] = [];
    const seen = new Set<number>();
    let total = 0;
    const take = (nodes: Iterable<number>, match: SearchMatch) => {
      for (const v of nodes) {
        if (seen.has(v)) continue;
        seen.add(v);
        total++;
        if (hits.length < limit) hits.push({ node: v, match });
      }
    };

    const exact = q.length === 66 ? this.pubkeyRange(q) : null;
    if (exact && exact[1] > exact[0]) take([this.byPubkey[exact[0]]], 'pubkey');

    // Alias prefix: one contiguous range of the sorted aliases; ranked by degree within it.
    const [lo, hi] = prefixRange(this.sortedAliases, q);
    take(this.byRank(this.byAlias.subarray(lo, hi)), 'alias_prefix');

    if (q.length >= MIN_PUBKEY_PREFIX && q.length < 66 && HEX.test(q)) {
      const [plo, phi] = this.pubkeyRange(q);
      take(this.byRank(this.byPubkey.subarray(plo, phi)), 'pubkey_prefix');
    }

    // Substring: native scans of the rank-ordered haystack, so hits come out already ranked.
    if (!q.includes(SEPARATOR)) take(this.substringMatches(q), 'alias_substring');
    return { hits, total };
  }

  private *substringMatches(q: string): Generator<number> {
    let from = 0;
    for (;;) {
      const at = this.haystack.indexOf(q, from);
      if (at < 0) return;
      const i = upperBound(this.starts, at) - 1;
      // Prefix matches were taken from the prefix index; `seen` drops them, this only skips the lookups.
      if (at !== this.starts[i]) yield this.haystackNodes[i];
      from = this.starts[i + 1];
    }
  }

  private byRank(nodes: Uint32Array): Uint32Array {
    return Uint32Array.from(nodes).sort((a, b) => this.rankPosition[a] - this.rankPosition[b]);
  }

  private pubkeyRange(prefix: string): [number, number] {
    const pks = this.input.pubkeys;
    const at = (i: number) => pks[this.byPubkey[i]];
    return prefixRangeBy(this.byPubkey.length, at, prefix);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** [lo, hi) of the entries of a sorted array that start with `prefix`. */
export function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  return prefixRangeBy(sorted.length, (i) => sorted[i], prefix);
}

function prefixRangeBy(n: number, at: (i: number) => string, prefix: string): [number, number] {
  // First entry >= prefix.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < prefix) lo = mid + 1;
    else hi = mid;
  }
  const start = lo;
  // First entry past the prefix block: entries starting with `prefix` are contiguous and >= prefix.
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid).startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return [start, lo];
}

/** Index of the first element greater than x in an ascending array. */
function upperBound(a: Uint32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
