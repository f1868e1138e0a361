import { LightningGraph } from '../graph/model/lightning-graph';
import { nearestRankIndex } from '../graph/stats/ranking';

/**
 * Distributions of the whole network, for comparing one node against it: channel sizes over usable channels
 * (at least one enabled direction) and fee rates over enabled directions. Buckets follow a 1-2-5 sequence so
 * their bounds read as round numbers. Pure: no Nest, no I/O.
 */
export interface HistogramBucket {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound; null for the last, open bucket. */
  to: number | null;
  count: number;
}

export interface Distribution {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  p10: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  buckets: HistogramBucket[];
}

export interface NetworkStats {
  nodes: number;
  channels: number;
  usableChannels: number;
  enabledDirections: number;
  channelSizeSat: Distribution;
  feeRatePpm: Distribution;
  baseFeeMsat: Distribution;
}

/** 1-2-5 bounds from `from` up to and including `to`. */
export function oneTwoFive(from: number, to: number): number[] {
  const out: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(from)); decade <= to; decade *= 10) {
    for (const m of [1, 2, 5]) {
      const b = m * decade;
      if (b >= from && b <= to) out.push(b);
    }
  }
  return out;
}

/** Channel sizes: [0, 10k), [10k, 20k), … [1 BTC, 2 BTC), …, [10 BTC, ∞). */
export const CHANNEL_SIZE_BOUNDS = [0, ...oneTwoFive(10_000, 1_000_000_000)];
/** Fee rates: exactly 0, [1, 2), [2, 5), … [5000, 10000), [10000, ∞). */
export const FEE_RATE_BOUNDS = [0, ...oneTwoFive(1, 10_000)];
/** Base fees, msat: 0, [1, 2), … [1000, 2000), …, [10000, ∞). */
export const BASE_FEE_BOUNDS = [0, ...oneTwoFive(1, 10_000)];

export function histogram(sortedValues: ArrayLike<number>, bounds: readonly number[]): HistogramBucket[] {
  const buckets = bounds.map((from, i) => ({ from, to: i + 1 < bounds.length ? bounds[i + 1] : null, count: 0 }));
  let b = 0;
  for (let i = 0; i < sortedValues.length; i++) {
    const x = sortedValues[i];
    while (b + 1 < bounds.length && x >= bounds[b + 1]) b++;
    buckets[b].count++;
  }
  return buckets;
}

/** Nearest-rank quantile of sorted values. */
export function quantile(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return sorted[nearestRankIndex(n, q)];
}

export function distribution(values: Float64Array, bounds: readonly number[]): Distribution {
  const sorted = values.slice().sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  const n = sorted.length;
  return {
    count: n,
    min: n ? sorted[0] : null,
    max: n ? sorted[n - 1] : null,
    mean: n ? Math.round((sum / n) * 100) / 100 : null,
    p10: quantile(sorted, 0.1),
    p25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p90: quantile(sorted, 0.9),
    buckets: histogram(sorted, bounds),
  };
}

export function computeNetworkStats(g: LightningGraph): NetworkStats {
  const sizes = new Float64Array(g.channelCount);
  const fees = new Float64Array(2 * g.channelCount);
  const bases = new Float64Array(2 * g.channelCount);
  let usable = 0;
  let enabled = 0;
  for (let c = 0; c < g.channelCount; c++) {
    if (g.isUsable(c)) sizes[usable++] = g.chanCapacitySat[c];
    for (const slot of [2 * c, 2 * c + 1]) {
      if (!g.isEnabled(slot)) continue;
      fees[enabled] = g.feeRatePpm[slot];
      bases[enabled++] = g.feeBaseMsat[slot];
    }
  }
  return {
    nodes: g.nodeCount,
    channels: g.channelCount,
    usableChannels: usable,
    enabledDirections: enabled,
    channelSizeSat: distribution(sizes.subarray(0, usable), CHANNEL_SIZE_BOUNDS),
    feeRatePpm: distribution(fees.subarray(0, enabled), FEE_RATE_BOUNDS),
    baseFeeMsat: distribution(bases.subarray(0, enabled), BASE_FEE_BOUNDS),
  };
}
