import { countBelow, nearestRankIndex } from '../../graph/stats/ranking';

/**
 * The fee rates (ppm) other channels charge to forward into one peer, ascending: the peer's slice of the
 * network's sorted inbound-fee index, with the node's own entries skipped by position rather than copied out.
 * Every channel of every analysed node gets one; a copy per channel cost bulk runs about a tenth of their CPU.
 */
export class CompetingFees {
  private constructor(
    private readonly sorted: Float64Array,
    /** Positions in `sorted` left out, ascending and distinct. */
    private readonly skipped: readonly number[],
  ) {}

  /** `sorted` (ascending) minus one occurrence of each value of `own`; a value it does not hold is ignored. */
  static excluding(sorted: Float64Array, own: readonly number[]): CompetingFees {
    if (own.length === 0) return new CompetingFees(sorted, []);
    const skipped: number[] = [];
    let last = -1;
    for (const fee of own.length === 1 ? own : [...own].sort((a, b) => a - b)) {
      // Equal values are interchangeable: a repeated own fee skips the next position holding it.
      const at = Math.max(countBelow(sorted, fee), last + 1);
      // eslint-disable-next-line security/detect-object-injection -- integer index into a typed array
      if (at < sorted.length && sorted[at] === fee) skipped.push((last = at));
    }
    return new CompetingFees(sorted, skipped);
  }

  /** Any fee rates, in any order (test fixtures). */
  static of(values: ArrayLike<number>): CompetingFees {
    return new CompetingFees(Float64Array.from(values).sort(), []);
  }

  get length(): number {
    return this.sorted.length - this.skipped.length;
  }

  /** The k-th smallest competing fee (0-based); undefined past the end. */
  at(k: number): number | undefined {
    if (k < 0 || k >= this.length) return undefined;
    let i = k;
    for (const s of this.skipped) {
      if (s > i) break;
      i++;
    }
    // eslint-disable-next-line security/detect-object-injection -- integer index into a typed array
    return this.sorted[i];
  }

  /** Nearest-rank quantile, q in 0..1; NaN when there is no competition. */
  quantile(q: number): number {
    const n = this.length;
    return n === 0 ? NaN : (this.at(nearestRankIndex(n, q)) as number);
  }

  /** Share (0–100, one decimal) of competing fees strictly below `x`; 0 when there is no competition. */
  percentBelow(x: number): number {
    const n = this.length;
    if (n === 0) return 0;
    const below = countBelow(this.sorted, x);
    let skippedBelow = 0;
    // eslint-disable-next-line security/detect-object-injection -- integer index into the skipped positions
    while (skippedBelow < this.skipped.length && this.skipped[skippedBelow] < below) skippedBelow++;
    return Math.round((1000 * (below - skippedBelow)) / n) / 10;
  }

  toArray(): number[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k) as number);
  }
}
