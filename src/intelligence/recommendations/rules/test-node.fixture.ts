import { CompetingFees } from '../competing-fees';
import type { ChannelView, NodeAnalysis, PolicyView } from '../node-analysis';

/** Hand-made node data for rule specs: only what a test sets differs from a healthy, unremarkable node. */
export const PEER = (i: number) => '03' + i.toString(16).padStart(64, '0');
export const ME = '02' + 'ab'.repeat(32);

export function policy(p: Partial<PolicyView> = {}): PolicyView {
  return { baseFeeMsat: 1000, feeRatePpm: 100, cltvDelta: 80, minHtlcMsat: 1000, maxHtlcMsat: 990_000_000, disabled: false, ...p };
}

export function channel(i: number, c: Partial<ChannelView> = {}): ChannelView {
  return {
    shortChannelId: `800000x${i}x0`,
    channelPoint: null,
    peerPubkey: PEER(i),
    peerAlias: `peer-${i}`,
    capacitySat: 1_000_000,
    usable: true,
    local: policy(),
    remote: policy(),
    competingFeesPpm: CompetingFees.of([50, 80, 100, 100, 120, 150, 200]),
    ...c,
  };
}

export function node(n: Partial<NodeAnalysis> = {}, channelCount = 8): NodeAnalysis {
  const channels = n.channels ?? Array.from({ length: channelCount }, (_, i) => channel(i + 1));
  const usable = channels.filter((c) => c.usable);
  const activeCapacity = usable.reduce((s, c) => s + c.capacitySat, 0);
  const on = (p: PolicyView | null) => !!p && !p.disabled;
  const outbound = channels.filter((c) => on(c.local));
  const ownDisabled = channels.filter((c) => !on(c.local) && on(c.remote));
  return {
    pubkey: ME,
    alias: 'me',
    summary: {
      totalChannels: channels.length,
      totalCapacitySat: channels.reduce((s, c) => s + c.capacitySat, 0),
      activeChannels: usable.length,
      activeCapacitySat: activeCapacity,
      distinctPeers: new Set(channels.map((c) => c.peerPubkey)).size,
      activePeers: new Set(usable.map((c) => c.peerPubkey)).size,
      outboundUsableChannels: outbound.length,
      outboundUsableCapacitySat: outbound.reduce((s, c) => s + c.capacitySat, 0),
      ownDisabledChannels: ownDisabled.length,
      ownDisabledCapacitySat: ownDisabled.reduce((s, c) => s + c.capacitySat, 0),
      bidirectionalPeers: new Set(outbound.filter((c) => on(c.remote)).map((c) => c.peerPubkey)).size,
      meanChannelSat: 1_000_000,
      medianChannelSat: 1_000_000,
      medianOutboundFeePpm: 100,
      medianOutboundBaseFeeMsat: 1000,
    },
    degree: usable.length,
    degreeRank: 500,
    capacityRank: 500,
    routable: usable.length > 0,
    channels,
    network: {
      snapshotDate: '2026-02-03',
      nodeCount: 1000,
      routableNodes: 800,
      medianFeePpm: 100,
      p90FeePpm: 2000,
      medianBaseFeeMsat: 1000,
      medianCltvDelta: 80,
      medianChannelSat: 2_000_000,
      hubs: [{ pubkey: PEER(1), alias: 'hub-1', degree: 1500 }, { pubkey: PEER(900), alias: 'hub-900', degree: 1400 }],
    },
    source: 'embedded-graph:2026-02-03',
    ...n,
  };
}
