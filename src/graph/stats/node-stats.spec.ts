import { GraphBuilder, PolicyInput } from '../model/graph-builder';
import { computeNetworkRanks, summarizeNode } from './node-stats';
import { competitionRanks, median, percentiles } from './ranking';

const pk = (i: number) => '02' + i.toString(16).padStart(64, '0');
const on = (ppm: number, base = 1000): PolicyInput => ({ disabled: false, feeBaseMsat: base, feeRatePpm: ppm, cltvDelta: 40, minHtlcMsat: 1, maxHtlcMsat: null, lastUpdate: null });
const off: PolicyInput = { ...on(0), disabled: true };
const meta = { format: 'lnd-describegraph' as const, snapshotDate: '2026-01-01', snapshotDateSource: 'file_name' as const, sourceFile: 't', version: 'v' };

/** Hub 0 with peers 1..3 (two parallel channels to 1), a zombie channel 0–4, and an isolated zombie pair 5–6. */
function sample() {
  const b = new GraphBuilder();
  const chan = (key: string, x: number, y: number, cap: number, px: PolicyInput | null, py: PolicyInput | null) => {
    const c = b.channel(key, pk(x), pk(y), cap, null, null);
    b.policy(c, pk(x), px);
    b.policy(c, pk(y), py);
  };
  chan('a', 0, 1, 1_000_000, on(100), on(10));
  chan('b', 0, 1, 3_000_000, on(300), null);
  chan('c', 0, 2, 2_000_000, on(200, 0), on(20));
  chan('d', 0, 3, 500_000, off, on(30));
  chan('e', 0, 4, 9_000_000, null, off);
  chan('f', 5, 6, 7_000_000, null, null);
  return b.build(meta);
}

describe('ranking', () => {
  it('gives rank 1 to the largest value and lets ties share the best rank', () => {
    expect(Array.from(competitionRanks([5, 9, 5, 1, 9]))).toEqual([3, 1, 3, 5, 1]);
  });
  it('percentile is the share of values strictly below', () => {
    const values = [5, 9, 5, 1, 9];
    expect(Array.from(percentiles(competitionRanks(values), values))).toEqual([20, 60, 20, 0, 60]);
  });
  it('median of odd and even lists, null for none', () => {
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 4, 9])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe(computeNetworkRanks.name, () => {
  it('counts distinct peers and capacity over usable channels only', () => {
    const g = sample();
    const r = computeNetworkRanks(g);
    const v = (i: number) => g.indexOf(pk(i));
    expect(r.degree[v(0)]).toBe(3); // peers 1, 2, 3; the zombie channel to 4 does not count
    expect(r.capacitySat[v(0)]).toBe(6_500_000);
    expect(r.degree[v(4)]).toBe(0);
    expect(r.degree[v(5)]).toBe(0);
    expect(r.routableNodes).toBe(4);
    expect(r.degreeRank[v(0)]).toBe(1);
    expect(r.degreeRank[v(1)]).toBe(2);
    expect(r.degreeRank[v(4)]).toBe(5); // unroutable nodes tie for last
    expect(r.degreeRank[v(5)]).toBe(5);
    expect(r.capacityRank[v(1)]).toBe(2); // 4,000,000 over two parallel channels
  });
});

describe(summarizeNode.name, () => {
  it('summarises announced channels, active ones and own enabled policies', () => {
    const g = sample();
    expect(summarizeNode(g, g.indexOf(pk(0)))).toEqual({
      totalChannels: 5,
      totalCapacitySat: 15_500_000,
      activeChannels: 4,
      activeCapacitySat: 6_500_000,
      distinctPeers: 4,
      activePeers: 3,
      outboundUsableChannels: 3,
      outboundUsableCapacitySat: 6_000_000,
      ownDisabledChannels: 1, // 'd': own side disabled, peer's enabled; 'e' has neither and is a zombie
      ownDisabledCapacitySat: 500_000,
      bidirectionalPeers: 2, // peers 1 and 2; peer 3 only through the channel whose own side is off
      meanChannelSat: 3_100_000,
      medianChannelSat: 2_000_000,
      medianOutboundFeePpm: 200,
      medianOutboundBaseFeeMsat: 1000,
    });
  });
  it('has null medians for a node with no enabled policy', () => {
    const g = sample();
    expect(summarizeNode(g, g.indexOf(pk(5)))).toMatchObject({ activeChannels: 0, medianOutboundFeePpm: null, medianOutboundBaseFeeMsat: null });
  });
});
