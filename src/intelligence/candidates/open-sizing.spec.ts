import { fitOpenToBudget, MIN_OPEN_SAT, MIN_USEFUL_CHANNEL_SAT, openCap, sizeOpen } from './open-sizing';

const NETWORK_MEDIAN = 2_000_000;

describe(sizeOpen.name, () => {
  it('never tells a 37,000-sat node to open the candidate’s 10,000,000 sat', () => {
    const s = sizeOpen({ totalCapacitySat: 37_000, medianChannelSat: 18_500 }, 10_000_000, NETWORK_MEDIAN);
    expect(s.amountSat).toBe(MIN_OPEN_SAT);
    expect(s.basis).toMatch(/capped at 20,000 sat/);
  });

  it('keeps a large node’s usual size instead of a small candidate habit', () => {
    const s = sizeOpen({ totalCapacitySat: 23_376_024_290, medianChannelSat: 30_000_000 }, 500_000, NETWORK_MEDIAN);
    expect(s.amountSat).toBe(30_000_000);
  });

  it('takes the candidate’s usual channel when the node can afford it', () => {
    expect(sizeOpen({ totalCapacitySat: 40_000_000, medianChannelSat: 2_000_000 }, 5_000_000, NETWORK_MEDIAN).amountSat).toBe(5_000_000);
    // 25 % of 8 M = 2 M caps a 5 M wish.
    expect(sizeOpen({ totalCapacitySat: 8_000_000, medianChannelSat: 1_000_000 }, 5_000_000, NETWORK_MEDIAN).amountSat).toBe(2_000_000);
  });

  it('never sizes an open below what the advice calls a small channel, unless the node’s capital caps it lower', () => {
    // Median channel 30,000 sat, 1 M sat in all: a 20,000 sat candidate habit would give a channel small_channel flags.
    expect(sizeOpen({ totalCapacitySat: 1_000_000, medianChannelSat: 30_000 }, 20_000, NETWORK_MEDIAN).amountSat).toBe(MIN_USEFUL_CHANNEL_SAT);
    expect(sizeOpen({ totalCapacitySat: 37_000, medianChannelSat: 18_500 }, 20_000, NETWORK_MEDIAN).amountSat).toBe(MIN_OPEN_SAT);
  });

  it('a node with no channel is capped by the network’s median channel', () => {
    const s = sizeOpen({ totalCapacitySat: 0, medianChannelSat: null }, 10_000_000, NETWORK_MEDIAN);
    expect(s.amountSat).toBe(NETWORK_MEDIAN);
    expect(s.basis).toMatch(/no channel to size from/);
  });

  it('over random nodes: at least the minimum, never above the cap, a round figure', () => {
    let seed = 3;
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2_000; i++) {
      const total = Math.floor(r() * 1e9);
      const own = { totalCapacitySat: total, medianChannelSat: total > 0 ? Math.floor(r() * total) : null };
      const s = sizeOpen(own, Math.floor(r() * 1e8), NETWORK_MEDIAN);
      expect(s.amountSat).toBeGreaterThanOrEqual(MIN_OPEN_SAT);
      expect(s.amountSat).toBeLessThanOrEqual(openCap(own, NETWORK_MEDIAN));
      expect(s.amountSat % 10_000).toBe(0);
    }
  });
});

describe(fitOpenToBudget.name, () => {
  it('sizes down to what the budget leaves after the on-chain fee, or says it does not fit', () => {
    expect(fitOpenToBudget(2_000_000, null, 1_540)).toBe(2_000_000);
    expect(fitOpenToBudget(2_000_000, 3_000_000, 1_540)).toBe(2_000_000);
    expect(fitOpenToBudget(2_000_000, 1_000_000, 1_540)).toBe(990_000);
    expect(fitOpenToBudget(2_000_000, 21_000, 1_540)).toBeNull();
  });

  it('never sizes an open down into a channel the advice would call small', () => {
    expect(fitOpenToBudget(2_000_000, 60_000, 1_540)).toBeNull();
    expect(fitOpenToBudget(2_000_000, 101_540, 1_540)).toBe(MIN_USEFUL_CHANNEL_SAT);
    // Already small by the node's own capital: it fits as it is, or not at all.
    expect(fitOpenToBudget(50_000, 45_000, 1_540)).toBeNull();
  });
});
