/**
 * Competition ranking ("1224"): rank 1 is the largest value, equal values share the best rank, and the next
 * distinct value skips the shared places.
 */
export function competitionRanks(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[b] - values[a]);
  const ranks = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = order[i];
    ranks[v] = i > 0 && values[v] === values[order[i - 1]] ? ranks[order[i - 1]] : i + 1;
  }
  return ranks;
}

/**
 * Percentile of each value among all: the share (0–100) of values strictly below it. The top node of a
 * network of 17,324 scores 99.99; nodes tied at the bottom score 0.
 */
export function percentiles(ranks: Uint32Array, values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  // nodes strictly below v = n - (rank of v) - (number tied with v) + 1; count ties through the rank table.
  const tied = new Map<number, number>();
  for (let i = 0; i < n; i++) tied.set(ranks[i], (tied.get(ranks[i]) ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    const below = n - (ranks[i] - 1) - (tied.get(ranks[i]) ?? 1);
    out[i] = Math.round((10000 * below) / n) / 100;
  }
  return out;
}

export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Where the nearest-rank quantile (q in 0..1) sits among n > 0 ascending values. */
export function nearestRankIndex(n: number, q: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
}

/** Number of entries of an ascending array strictly smaller than x (binary search). */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries of an ascending array strictly greater than x (binary search). */
export function countAbove(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}
