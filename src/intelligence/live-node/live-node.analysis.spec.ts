import type { GraphState } from '../../graph/graph.service';
import { lightningGraphOf, testPubkey, TestChannel } from '../../graph/analytics/testing/test-graphs';
import type { LightningGraph } from '../../graph/model/lightning-graph';
import { computeNetworkRanks, summarizeNode } from '../../graph/stats/node-stats';
import { networkFeeIndex } from '../recommendations/node-analysis';
import { recommend } from '../recommendations/recommendations.engine';
import { analyseLiveNode, LIVE_NODE_CONFIDENCE_FACTOR, liveNodeSummary, livePosition, rankAgainst } from './live-node.analysis';
import type { LiveNode, LivePolicy } from './live-node.types';

const CHANNELS: TestChannel[] = [
  { a: 0, b: 1, capacitySat: 5_000_000, feeA: 50, feeB: 200 },
  { a: 0, b: 1, capacitySat: 1_000_000, feeA: 70, feeB: 10 }, // parallel channel: counted once for degree
  { a: 0, b: 2, capacitySat: 2_000_000, feeA: null, feeB: 300 }, // own direction never published
  { a: 1, b: 2, capacitySat: 3_000_000, feeA: 1, feeB: 1 },
  { a: 2, b: 3, capacitySat: 4_000_000, feeA: 400, feeB: null },
  { a: 3, b: 4, capacitySat: 8_000_000, disabled: true }, // zombie
  { a: 1, b: 4, capacitySat: 1_500_000, feeA: 5, feeB: 900 },
  { a: 4, b: 5, capacitySat: 700_000, feeA: 120, feeB: 80 },
];

function stateOf(g: LightningGraph): GraphState {
  return { graph: g, ranks: computeNetworkRanks(g), loadedAt: new Date(), loadMs: 0, source: 'test-graph:2026-01-01' };
}

/** Node v of the graph as LND's getnodeinfo would describe it (every channel with both policies). */
function asLiveNode(g: LightningGraph, v: number): LiveNode {
  const policy = (slot: number): LivePolicy | null => {
    const p = g.policy(slot);
    return p
      ? { feeRatePpm: p.feeRatePpm, baseFeeMsat: p.feeBaseMsat, cltvDelta: p.cltvDelta, minHtlcMsat: p.minHtlcMsat, maxHtlcMsat: p.maxHtlcMsat, disabled: p.disabled, inboundBaseFeeMsat: null, inboundFeeRatePpm: null, lastUpdate: null }
      : null;
  };
  return {
    pubkey: g.pubkeys[v],
    alias: g.aliases[v],
    color: null,
    updatedAt: null,
    complete: true,
    reportsPeerPolicies: true,
    channels: Array.from(g.channelsOf(v)).map((c) => ({
      peerPubkey: g.pubkeys[g.peerOf(c, v)],
      peerAlias: null,
      capacitySat: g.chanCapacitySat[c],
      channelId: null,
      shortChannelId: g.chanScid[c],
      channelPoint: null,
      active: g.isUsable(c),
      policy: policy(g.outboundSlot(c, v)),
      peerPolicy: policy(g.inboundSlot(c, v)),
    })),
  };
}

describe('a node seen through a live source, against the graph', () => {
  const g = lightningGraphOf(6, CHANNELS);
  const state = stateOf(g);

  it('gives every graph node the same summary, degree and capacity ranks and percentiles as the graph itself', () => {
    for (let v = 0; v < g.nodeCount; v++) {
      const live = asLiveNode(g, v);
      expect(liveNodeSummary(live)).toEqual(summarizeNode(g, v));
      const pos = livePosition(state, live);
      expect(pos.degree).toEqual({ value: state.ranks.degree[v], rank: state.ranks.degreeRank[v], percentile: state.ranks.degreePercentile[v] });
      expect(pos.capacity).toEqual({ value: state.ranks.capacitySat[v], rank: state.ranks.capacityRank[v], percentile: state.ranks.capacityPercentile[v] });
    }
  });

  it('ranks a value by the graph nodes strictly above it, and its percentile by those strictly below', () => {
    const sorted = [0, 1, 1, 2, 5];
    expect(rankAgainst(sorted, 9)).toEqual({ value: 9, rank: 1, percentile: 100 });
    expect(rankAgainst(sorted, 1)).toEqual({ value: 1, rank: 3, percentile: 20 });
    expect(rankAgainst(sorted, 3)).toEqual({ value: 3, rank: 2, percentile: 80 });
    expect(rankAgainst(sorted, 0)).toEqual({ value: 0, rank: 5, percentile: 0 });
    expect(rankAgainst([], 4)).toEqual({ value: 4, rank: 1, percentile: 0 });
  });

  it('a new node with peers the graph knows: competition is every enabled fee into each known peer, none for unknown peers', () => {
    const mempoolPolicy = (fee: number): LivePolicy => ({ feeRatePpm: fee, baseFeeMsat: null, cltvDelta: null, minHtlcMsat: null, maxHtlcMsat: null, disabled: null, inboundBaseFeeMsat: null, inboundFeeRatePpm: null, lastUpdate: null });
    const fresh: LiveNode = {
      pubkey: testPubkey(99),
      alias: 'fresh',
      color: '#112233',
      updatedAt: 1_760_000_000,
      complete: true,
      reportsPeerPolicies: false,
      channels: [
        { peerPubkey: testPubkey(1), peerAlias: null, capacitySat: 9_000_000, channelId: '1', shortChannelId: '900000x1x0', channelPoint: null, active: true, policy: mempoolPolicy(40), peerPolicy: null },
        { peerPubkey: testPubkey(4), peerAlias: 'four', capacitySat: 1_000_000, channelId: '2', shortChannelId: '900000x2x0', channelPoint: null, active: false, policy: mempoolPolicy(10), peerPolicy: null },
        { peerPubkey: testPubkey(77), peerAlias: 'stranger', capacitySat: 2_000_000, channelId: '3', shortChannelId: '900000x3x0', channelPoint: null, active: true, policy: mempoolPolicy(0), peerPolicy: null },
      ],
    };
    const { analysis, assumedPolicyFields, peersInGraph } = analyseLiveNode(state, fresh, 'mempool');
    expect(peersInGraph).toBe(2);
    expect(assumedPolicyFields).toEqual(['base_fee_msat', 'cltv_delta']);
    const idx = networkFeeIndex(state);
    const into1 = Array.from(idx.inboundFees.subarray(idx.inboundOffset[1], idx.inboundOffset[2]));
    // Enabled fees toward node 1 in the graph: from 0 (50, 70), from 2 (1), from 4 (900).
    expect(into1).toEqual([1, 50, 70, 900]);
    const [toOne, toFour, toStranger] = analysis.channels;
    expect(Array.from({ length: toOne.competingFeesPpm.length }, (_, k) => toOne.competingFeesPpm.at(k))).toEqual(into1);
    expect(toStranger.competingFeesPpm.length).toBe(0);
    expect(toStranger.peerAlias).toBe('stranger');
    expect(toOne.peerAlias).toBe('node1');
    // mempool gives no base fee or CLTV: the network medians stand in; an inactive channel counts as disabled.
    expect(toOne.local).toMatchObject({ feeRatePpm: 40, baseFeeMsat: idx.facts.medianBaseFeeMsat, cltvDelta: idx.facts.medianCltvDelta, disabled: false });
    expect(toFour.local?.disabled).toBe(true);
    expect(toFour.usable).toBe(false);
    // Degree 2 (two active peers), capacity 11,000,000 sat: above every node of the test graph.
    expect(analysis.degree).toBe(2);
    expect(livePosition(state, fresh).capacity).toEqual({ value: 11_000_000, rank: 1, percentile: 100 });
    expect(analysis.summary).toMatchObject({ totalChannels: 3, activeChannels: 2, outboundUsableChannels: 2, medianOutboundFeePpm: 20, medianOutboundBaseFeeMsat: null });
    expect(analysis.source).toBe('mempool+test-graph:2026-01-01');
  });

  it('lowers every recommendation’s confidence by the live factor', () => {
    const live = asLiveNode(g, 0);
    const { analysis } = analyseLiveNode(state, live, 'lnd');
    expect(analysis.confidenceFactor).toBe(LIVE_NODE_CONFIDENCE_FACTOR);
    const lowered = recommend(analysis, 'en').recommendations;
    const plain = recommend({ ...analysis, confidenceFactor: undefined }, 'en').recommendations;
    expect(lowered.length).toBeGreaterThan(0);
    expect(lowered.map((r) => r.id)).toEqual(plain.map((r) => r.id));
    lowered.forEach((r, i) => expect(r.confidence).toBeCloseTo(Math.round(plain[i].confidence * LIVE_NODE_CONFIDENCE_FACTOR * 100) / 100, 2));
  });

  it('adds the command note to every command set', () => {
    const { analysis } = analyseLiveNode(state, asLiveNode(g, 0), 'lnd');
    analysis.commandNote = 'values assumed';
    const withCommands = recommend(analysis, 'en').recommendations.filter((r) => r.commands);
    expect(withCommands.length).toBeGreaterThan(0);
    for (const r of withCommands) expect(r.commands?.notes).toContain('values assumed');
  });
});
