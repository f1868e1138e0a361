import type { ChannelCandidate } from '../../graph/analytics/channel-candidates';
import { lightningGraphOf, TestChannel } from '../../graph/analytics/testing/test-graphs';
import { buildCandidatePool, MAX_ZOMBIE_SHARE, vetCandidate } from './candidate-pool';

/**
 * Node 0 has two channels (to 1 and 2). Candidates: 3 is healthy (peers charge 500 ppm toward it);
 * 4 has 3 of 4 channels dead; 5 is reached at 1 ppm by everyone; 6 shares both of node 0's peers.
 */
const channels: TestChannel[] = [
  { a: 0, b: 1, capacitySat: 20_000 },
  { a: 0, b: 2, capacitySat: 17_000 },
  ...[7, 8, 9, 10].map((p) => ({ a: p, b: 3, feeA: 500, capacitySat: 5_000_000 })),
  { a: 7, b: 4, feeA: 500 },
  ...[8, 9, 10].map((p) => ({ a: p, b: 4, feeA: null, feeB: null })),
  ...[7, 8, 9, 10].map((p) => ({ a: p, b: 5, feeA: 1 })),
  ...[1, 2, 7].map((p) => ({ a: p, b: 6, feeA: 300 })),
];
const g = lightningGraphOf(11, channels);
const peersOf0 = new Set([1, 2]);

function simulated(node: number, betweennessGain: number): ChannelCandidate {
  const change = (gain: number) => ({ before: 0, after: 0, rankBefore: 10, rankAfter: 10 - gain, gain });
  return {
    node,
    pubkey: g.pubkeys[node],
    alias: g.aliases[node],
    betweenness: change(betweennessGain),
    closeness: change(0),
    eigenvector: change(0),
    meanHopDistance: { before: 2, after: 2, change: 0 },
    capacity: { minimumViableSat: 5_000_000, idealSat: 10_000_000, sampleSize: 4 },
    fees: { passivePpm: 500, activePpm: 500, basis: 'candidate-inbound', sampleSize: 4 },
  };
}

describe(vetCandidate.name, () => {
  it('passes a candidate with live channels and paid demand', () => {
    expect(vetCandidate(g, 3, peersOf0)).toMatchObject({ passed: true, zombieShare: 0, inboundFeeMedianPpm: 500, sharedPeers: 0, reasons: [] });
  });

  it(`rejects a candidate whose channels are more than ${MAX_ZOMBIE_SHARE * 100} % zombies, saying so`, () => {
    const v = vetCandidate(g, 4, peersOf0);
    expect(v).toMatchObject({ passed: false, zombieShare: 0.75, announcedChannels: 4 });
    expect(v.reasons.join(' ')).toMatch(/75 % of its 4 channels have no enabled direction/);
  });

  it('rejects a candidate everyone reaches at 1 ppm: no demand', () => {
    const v = vetCandidate(g, 5, peersOf0);
    expect(v).toMatchObject({ passed: false, inboundFeeMedianPpm: 1, inboundFeeAtMost1PpmShare: 1 });
    expect(v.reasons.join(' ')).toMatch(/lower median of 1 ppm/);
  });

  it('flags, without rejecting, a candidate that duplicates the node’s peers', () => {
    const v = vetCandidate(g, 6, peersOf0);
    expect(v).toMatchObject({ passed: true, sharedPeers: 2, sharedPeerShare: 1 });
    expect(v.concerns.join(' ')).toMatch(/2 of the node’s 2 peers already have a channel with it/);
  });
});

describe(buildCandidatePool.name, () => {
  it('puts vetted candidates first and sizes every open to the node’s 37,000 sat', () => {
    const pool = buildCandidatePool(g, 0, [simulated(5, 9), simulated(4, 8), simulated(3, 2), simulated(6, 5)], 2_000_000);
    expect(pool.map((c) => c.node)).toEqual([6, 3, 5, 4]);
    expect(pool.map((c) => c.vetting.passed)).toEqual([true, true, false, false]);
    for (const c of pool) expect(c.suggested.amountSat).toBe(20_000);
  });

  it('keeps an operator’s shortlist in its order', () => {
    expect(buildCandidatePool(g, 0, [simulated(5, 9), simulated(3, 2)], 2_000_000, { keepOrder: true }).map((c) => c.node)).toEqual([5, 3]);
  });
});
