import { lightningGraphOf } from '../graph/analytics/testing/test-graphs';
import { CHANNEL_SIZE_BOUNDS, computeNetworkStats, FEE_RATE_BOUNDS, histogram, oneTwoFive, quantile } from './network-stats';

describe(computeNetworkStats.name, () => {
  const g = lightningGraphOf(5, [
    { a: 0, b: 1, capacitySat: 50_000, feeA: 0, feeB: 1 },
    { a: 0, b: 2, capacitySat: 1_000_000, feeA: 250, feeB: null },
    { a: 1, b: 2, capacitySat: 2_500_000, feeA: 5000, feeB: 12_000 },
    { a: 2, b: 3, capacitySat: 9_000_000, disabled: true },
    { a: 3, b: 4, capacitySat: 100_000, feeA: null, feeB: null },
  ]);
  const s = computeNetworkStats(g);

  it('sizes usable channels only, leaving out zombies and fully disabled channels', () => {
    expect(s).toMatchObject({ nodes: 5, channels: 5, usableChannels: 3, enabledDirections: 5 });
    expect(s.channelSizeSat).toMatchObject({ count: 3, min: 50_000, max: 2_500_000, median: 1_000_000 });
  });

  it('puts each value in the bucket whose [from, to) holds it, with an open last bucket', () => {
    const count = (d: typeof s.feeRatePpm, from: number) => d.buckets.find((b) => b.from === from)?.count;
    expect(s.feeRatePpm.buckets[0]).toEqual({ from: 0, to: 1, count: 1 });
    expect(count(s.feeRatePpm, 1)).toBe(1);
    expect(count(s.feeRatePpm, 200)).toBe(1);
    expect(count(s.feeRatePpm, 5000)).toBe(1);
    expect(s.feeRatePpm.buckets.at(-1)).toEqual({ from: 10_000, to: null, count: 1 });
    expect(s.feeRatePpm.buckets.reduce((n, b) => n + b.count, 0)).toBe(s.feeRatePpm.count);
    expect(count(s.channelSizeSat, 50_000)).toBe(1);
    expect(count(s.channelSizeSat, 2_000_000)).toBe(1);
  });

  it('gives nearest-rank quantiles and null figures for an empty distribution', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.9)).toBe(4);
    const empty = computeNetworkStats(lightningGraphOf(2, [{ a: 0, b: 1, feeA: null, feeB: null }]));
    expect(empty.feeRatePpm).toMatchObject({ count: 0, median: null, mean: null });
    expect(empty.feeRatePpm.buckets.every((b) => b.count === 0)).toBe(true);
  });
});

describe('histogram bounds', () => {
  it('follow a 1-2-5 sequence', () => {
    expect(oneTwoFive(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(FEE_RATE_BOUNDS.slice(0, 5)).toEqual([0, 1, 2, 5, 10]);
    expect(CHANNEL_SIZE_BOUNDS.slice(0, 4)).toEqual([0, 10_000, 20_000, 50_000]);
    expect(CHANNEL_SIZE_BOUNDS.at(-1)).toBe(1_000_000_000);
  });

  it('count every sorted value exactly once', () => {
    expect(histogram([0, 0, 1, 4, 5, 99, 100, 1e9], [0, 1, 5, 100]).map((b) => b.count)).toEqual([2, 2, 2, 2]);
  });
});
